"""The keyword index saved beside the cache: the same scores as a fresh build, brought up to date
when it lags the record, rebuilt when it cannot be used."""

from __future__ import annotations

import numpy as np
import pytest

from qa import keyword_file
from qa.keyword import KeywordIndex, terms
from qa.types import ArticleInfo

QUERIES = ["Seoul suspend termination", "ferry storm harbour", "military intelligence pact Japan", "nothing matches zzzz"]


def _info(doc: str, chunks: int, digest: str) -> ArticleInfo:
    return ArticleInfo(doc_id=doc, title=doc.upper(), source="S", date="2024-01-02", byline="", url="", chunks=chunks, hash=digest)


def _articles(n: int, salt: str = "") -> tuple[list[tuple[str, str, list[str]]], dict[str, ArticleInfo]]:
    words = ["seoul", "ferry", "storm", "harbour", "japan", "pact", "military", "intelligence", "termination", "suspend", "court", "wall"]
    entries, infos = [], {}
    for d in range(n):
        doc = f"doc{d}"
        k = 1 + d % 3
        for i in range(k):
            text = " ".join(words[(d * 7 + i * 3 + j) % len(words)] for j in range(5 + (d + i) % 4)) + salt
            entries.append((f"{doc}#{i}", doc, terms(text)))
        infos[doc] = _info(doc, k, f"h{d}{salt}")
    return entries, infos


def _scores(kw: KeywordIndex, q: str) -> dict[str, float]:
    s = kw.scores(q)
    return {} if s is None else {kw.ids[i]: round(float(s[i]), 5) for i in np.flatnonzero(s > 0)}


def test_a_saved_index_loads_with_the_same_scores_as_a_fresh_build(tmp_path):
    entries, infos = _articles(40)
    kw = KeywordIndex.build(entries, infos)
    path = tmp_path / "keyword.bin"
    assert keyword_file.save(path, kw, 7)
    loaded, gen, prints = keyword_file.load(path, infos)
    assert gen == 7 and len(loaded) == len(kw) == len(entries)
    assert prints == {d: keyword_file.fingerprint(a) for d, a in infos.items()}
    for q in QUERIES:
        assert _scores(loaded, q) == _scores(kw, q)
        assert loaded.search(q, 5) == kw.search(q, 5)
    assert _scores(loaded, QUERIES[0])  # the comparison is not between two empty results


def test_a_loaded_index_takes_updates_like_a_built_one(tmp_path):
    entries, infos = _articles(30)
    path = tmp_path / "keyword.bin"
    keyword_file.save(path, KeywordIndex.build(entries, infos), 1)
    loaded, _, _ = keyword_file.load(path, infos)
    new_entries, new_infos = _articles(35, salt=" zanzibar")  # every article changed, five new
    changed = [e for e in new_entries if e[1] in {"doc3", "doc31", "doc34"}]
    after = dict(infos) | {d: new_infos[d] for d in ("doc3", "doc31", "doc34")}
    del after["doc5"]
    got = loaded.apply(["doc5"], changed, after)
    fresh = KeywordIndex.build([e for e in entries if e[1] not in {"doc3", "doc5"}] + changed, after)
    for q in [*QUERIES, "zanzibar wall"]:
        assert _scores(got, q) == _scores(fresh, q)
    assert got.chunk_ids() == fresh.chunk_ids()
    # the saved file was mapped read-only and is unchanged by the update
    again, _, _ = keyword_file.load(path, infos)
    assert _scores(again, "zanzibar") == {} and _scores(got, "zanzibar")


@pytest.mark.parametrize("damage", ["garbage", "cut short", "other format"])
def test_an_unusable_file_is_not_loaded(tmp_path, damage):
    entries, infos = _articles(10)
    path = tmp_path / "keyword.bin"
    keyword_file.save(path, KeywordIndex.build(entries, infos), 3)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not an index" * 50)
    elif damage == "cut short":
        path.write_bytes(data[: len(data) - 40])
    else:
        path.write_bytes(data.replace(f'"format":"{keyword_file.FORMAT}"'.encode(), f'"format":"{keyword_file.FORMAT[::-1]}"'.encode(), 1))
    assert keyword_file.load(path, infos) is None


def test_the_engine_saves_the_index_and_a_lagging_one_is_brought_up_to_date(fresh_engine, corpus):
    """A new process loads the saved index; after another process's updates (an article added, one
    removed) the saved file lags the record, and a new process's index equals a fresh build."""
    from qa.engine import Engine
    from qa.keyword import KeywordIndex

    fresh_engine.ingest([corpus])
    path = fresh_engine.library.keyword_path
    first = fresh_engine.snapshot()
    assert path.exists()

    def reopen() -> Engine:
        e = Engine(fresh_engine.settings)
        e.encoder._model = fresh_engine.encoder.model
        return e

    saved = keyword_file.load(path, first.articles)
    (corpus / "005_extra.txt").write_text("Zanzibar ferry\n\nThe Zanzibar ferry timetable changed on Monday after a storm damaged the harbour wall.")
    fresh_engine.ingest([corpus])
    doomed = sorted(first.articles)[0]
    assert fresh_engine.remove(doomed)
    gen = fresh_engine.store.generation()
    # the record moved on twice; the file still holds what it held (the updates did not rewrite it)
    assert keyword_file.load(path, first.articles)[1] == saved[1] < gen

    e = reopen()
    snap = e.snapshot()
    assert snap.generation == gen and "005_extra.txt" in snap.articles and doomed not in snap.articles
    fresh = KeywordIndex.build(e.cache.keyword_entries(), snap.articles)
    assert snap.keyword.chunk_ids() == fresh.chunk_ids() == e.cache.chunk_ids()
    for q in ["Zanzibar ferry storm", "Why did Seoul suspend termination?", "military intelligence"]:
        assert _scores(snap.keyword, q) == _scores(fresh, q)
    assert e.keyword.search("Zanzibar ferry", 1)[0][0] == e.cache.doc_chunks("005_extra.txt")[0].chunk_id


def test_a_saved_index_ahead_of_the_cache_is_rebuilt(fresh_engine, corpus):
    """A file from a later generation than the cache (the record was rebuilt or reset) is not used."""
    from qa.engine import Engine

    fresh_engine.ingest([corpus])
    path = fresh_engine.library.keyword_path
    snap = fresh_engine.snapshot()
    wrong = KeywordIndex.build([("x#0", "x", terms("zebra quagga"))], {"x": _info("x", 1, "hx")})
    assert keyword_file.save(path, wrong, snap.generation + 5)
    e = Engine(fresh_engine.settings)
    e.encoder._model = fresh_engine.encoder.model
    got = e.snapshot()
    assert got.keyword.chunk_ids() == e.cache.chunk_ids() and "x#0" not in got.keyword.chunk_ids()
    assert keyword_file.load(path, got.articles)[1] == got.generation


def test_qa_doctor_checks_the_saved_index_against_the_cache(fresh_engine, corpus):
    """A saved file that claims the cache's articles but lacks a chunk is named by `qa doctor`,
    and `--repair` writes it again from the cache."""
    fresh_engine.ingest([corpus])
    assert fresh_engine.doctor().found.ok
    snap = fresh_engine.snapshot()
    entries = [e for e in fresh_engine.cache.keyword_entries()]
    short = KeywordIndex.build(entries[1:], dict(snap.articles))  # the same articles, one chunk missing
    assert keyword_file.save(fresh_engine.library.keyword_path, short, snap.generation)
    found = fresh_engine.doctor().found
    assert not found.ok and any("saved keyword index" in p for p in found.problems)
    assert not fresh_engine.doctor(repair=True).found.ok  # (what it found before repairing)
    assert fresh_engine.doctor().found.ok
    assert keyword_file.load(fresh_engine.library.keyword_path, snap.articles)[0].chunk_ids() == fresh_engine.cache.chunk_ids()


def test_small_batches_added_to_a_large_index_share_its_long_posting_lists_and_score_as_a_rebuild(tmp_path):
    """Adding a batch appends a segment to each term it touches instead of copying the term's whole
    list (at a million chunks that copy was ~54M entries per ingest batch); the segments are merged
    once they grow, and scores, saving and loading are those of an index built in one go."""
    entries, infos = _articles(600)
    kw = KeywordIndex.build(entries, infos)
    long_term = terms("seoul")[0]
    first = kw._postings[long_term][0]
    assert len(first) > 200
    batches = [_articles(620 + 4 * b, salt=f" batch{b}") for b in range(12)]
    got, all_entries, all_infos = kw, list(entries), dict(infos)
    for b, (new_entries, new_infos) in enumerate(batches):
        docs = {f"doc{600 + 4 * b + i}" for i in range(4)} | ({f"doc{b}"} if b % 3 == 0 else set())  # four new, one changed
        part = [e for e in new_entries if e[1] in docs]
        removed = [f"doc{100 + b}"]
        all_entries = [e for e in all_entries if e[1] not in docs and e[1] not in removed] + part
        all_infos = {d: a for d, a in all_infos.items() if d not in removed} | {d: new_infos[d] for d in docs}
        got = got.apply(removed, part, all_infos)
        if b == 0:  # a small batch: the long list is shared with the index before, the batch kept beside it
            assert got._postings[long_term][0] is first and got._tails[long_term]
    fresh = KeywordIndex.build(all_entries, all_infos)
    for q in [*QUERIES, "seoul batch3 court", "batch11 wall"]:
        assert _scores(got, q) == _scores(fresh, q)
        assert [s for _, s in got.search(q, 5)] == [s for _, s in fresh.search(q, 5)]  # ties may come in another order
    assert _scores(got, "batch11 seoul") and got.chunk_ids() == fresh.chunk_ids()
    path = tmp_path / "keyword.bin"
    assert keyword_file.save(path, got, 3)
    loaded, _, _ = keyword_file.load(path, all_infos)
    for q in [*QUERIES, "seoul batch3 court"]:
        assert _scores(loaded, q) == _scores(fresh, q)
