"""What a million chunks needed of the record: sentence vectors packed as int8 in the record and the
cache (qa.svec), records written before that format (float32, untagged) still read, and a dense
query filtered to more articles than one SQL statement takes, and the store probe among near-copies.
A real Chroma, random unit vectors."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from qa import svec
from qa.cache import Cache
from qa.errors import StoreUnavailable
from qa.settings import Settings
from qa.store import ChunkStore, Stored
from qa.types import ArticleInfo, Chunk

DIM = 384
BOUND = 1 / 254  # half a step of a unit vector's largest component, at most


def unit(rng, n: int) -> np.ndarray:
    v = rng.normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def article(rng, doc: str = "a.txt") -> Stored:
    sents = ["The council approved the budget on Monday.", "Critics said the vote came too fast.", "A review follows in May."]
    text = " ".join(sents)
    spans, at = [], 0
    for s in sents:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    chunks = [Chunk(chunk_id=f"{doc}:0", doc_id=doc, index=0, text=text, start=0, end=len(text), sentences=spans,
                    title="Budget", source="Herald", date="2024-05-01", digest="h1")]
    info = ArticleInfo(doc_id=doc, title="Budget", source="Herald", date="2024-05-01", byline="", url="", chunks=1, hash="h1")
    vecs = unit(rng, len(sents))
    return Stored(info, chunks, unit(rng, 1), [(a, s, v, "") for (a, _), s, v in zip(spans, sents, vecs)])


def float32_meta(vectors: list) -> dict[str, str]:
    """What the record held before qa.svec: the raw float32 bytes in base64, no format tag."""
    return {"s_vec": base64.b64encode(b"".join(np.asarray(v, dtype=np.float32).tobytes() for v in vectors)).decode("ascii")}


def test_packed_vectors_come_back_within_half_a_step_and_four_times_smaller():
    v = unit(np.random.default_rng(1), 50)
    raw = svec.pack(v)
    assert len(raw) == 50 * (4 + DIM)  # against 50 * 4 * DIM as float32
    back = svec.unpack(raw, 50)
    assert back.dtype == np.float32 and back.shape == v.shape
    assert np.abs(back - v).max() <= BOUND
    assert np.abs((back * v).sum(axis=1) - 1).max() < 2e-3  # cosines with the original stay ~1
    assert [len(b) for b in svec.pack_each(list(v[:3]))] == [4 + DIM] * 3
    assert np.array_equal(svec.unpack(svec.pack_each(list(v[:3]))[2], 1)[0], back[2])
    assert not svec.unpack(svec.pack(np.zeros((1, DIM))), 1).any()  # an all-zero vector stays zero


def test_a_record_written_with_float32_sentence_vectors_still_reads(tmp_path, monkeypatch):
    rng = np.random.default_rng(2)
    store = ChunkStore(Settings(home=tmp_path / "home"), "")
    old = article(rng, "old.txt")
    monkeypatch.setattr(svec, "to_meta", float32_meta)  # written as the record was before the format tag
    store.write([old], 1)
    monkeypatch.undo()
    new = article(rng, "new.txt")
    store.write([new], 2)
    store.publish(2)

    metas = {m["doc_id"]: m for m in store.collection.get(include=["metadatas"])["metadatas"]}
    assert svec.DTYPE_KEY not in metas["old.txt"] and metas["new.txt"][svec.DTYPE_KEY] == svec.INT8
    assert len(metas["new.txt"]["s_vec"]) < len(metas["old.txt"]["s_vec"]) / 3.5

    got, broken = store.read()
    assert not broken
    by_doc = {a.info.doc_id: a for a in got}
    old_back = np.stack([v for _, _, v, _ in by_doc["old.txt"].sentences])
    assert np.array_equal(old_back, np.stack([v for _, _, v, _ in old.sentences]))  # float32, bit for bit
    new_back = np.stack([v for _, _, v, _ in by_doc["new.txt"].sentences])
    assert np.abs(new_back - np.stack([v for _, _, v, _ in new.sentences])).max() <= BOUND
    assert [t for _, t, _, _ in by_doc["old.txt"].sentences] == [t for _, t, _, _ in old.sentences]

    # the cache made from that record serves both articles' sentences to the answerer
    cache = Cache(tmp_path / "cache.sqlite3")
    cache.update(2, (), got, everything=True)
    wanted = {("old.txt", a): t for a, t, _, _ in old.sentences} | {("new.txt", a): t for a, t, _, _ in new.sentences}
    feats = cache.get_features(wanted)
    assert set(feats) == set(wanted)
    for doc, a in ((old, "old.txt"), (new, "new.txt")):
        for start, _, v, _ in doc.sentences:
            assert np.abs(feats[a, start][0] - v).max() <= BOUND
    cache.close()


def test_sentence_vectors_in_a_format_this_version_does_not_know_are_refused_with_a_message():
    with pytest.raises(StoreUnavailable, match="upgrade qa"):
        svec.from_meta({"s_vec": "", svec.DTYPE_KEY: "q4"}, 1)


def test_a_dense_query_over_more_articles_than_one_filter_takes_finds_the_same_nearest(tmp_path, monkeypatch):
    """A filter admitting more article ids than SQLite takes in one statement is queried in parts
    (qa.store.MAX_IN), and the merged nearest are those of one query over all of them."""
    import qa.store

    rng = np.random.default_rng(3)
    store = ChunkStore(Settings(home=tmp_path / "home"), "")
    articles = [article(rng, f"d{i}.txt") for i in range(12)]
    store.write(articles, 1)
    store.publish(1)
    q = unit(rng, 1)[0]
    docs = [f"d{i}.txt" for i in range(10)]  # two articles left out by the filter
    whole = store.nearest(q, 5, docs)
    monkeypatch.setattr(qa.store, "MAX_IN", 3)  # four parts: 3 + 3 + 3 + 1
    parts = store.nearest(q, 5, docs)
    assert [i for i, _ in parts] == [i for i, _ in whole] and len(whole) == 5
    assert not {i.split(":")[0] for i, _ in parts} & {"d10.txt", "d11.txt"}
    assert np.allclose([s for _, s in parts], [s for _, s in whole])


def test_the_store_probe_tells_a_chunk_ranked_below_its_copies_from_one_the_index_lost(tmp_path):
    """Many articles with the very same vector (syndicated copies): a chunk's own vector finds the
    others first, and the probe that `qa ask` and the app run must not call that damage."""
    from qa import storecheck

    rng = np.random.default_rng(4)
    store = ChunkStore(Settings(home=tmp_path / "home"), "")
    same = unit(rng, 1)
    copies = []
    for i in range(30):
        a = article(rng, f"copy{i}.txt")
        copies.append(Stored(a.info, a.chunks, same, a.sentences))
    store.write(copies, 1)
    store.publish(1)
    col = store.collection
    tops = {i for i in col.query(query_embeddings=[same[0]], n_results=10, include=[])["ids"][0]}
    assert len(tops) == 10  # 20 of the 30 are not in their own vector's top 10
    got = storecheck._child({"home": str(tmp_path / "home"), "url": "", "name": store.name, "copy": "", "sample": 30, "full": True})
    assert got["sampled"] == 30 and got["missing"] == [] and not got["error"]
