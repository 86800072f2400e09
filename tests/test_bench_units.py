"""The pieces the speed work added: sentence vectors stored at ingest, chunking many articles in one
pass, and the benchmark's own plumbing (no model needed unless a test says so)."""

from __future__ import annotations

import numpy as np
from conftest import SEEDS

from qa.chunk import chunk_article, chunk_articles
from qa.load import load
from qa.sentences import candidate_sentences, chunk_sentences
from qa.settings import IngestSettings
from qa.types import Chunk


def _unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return v / np.linalg.norm(v)


def _stored(doc: str, rows: list[tuple[int, str, np.ndarray]]):
    """One article as the record gives it (qa.store.Stored), with sentences but no chunk."""
    from qa.store import Stored
    from qa.types import ArticleInfo

    info = ArticleInfo(doc_id=doc, title="", source="", date="", byline="", url="", chunks=0, hash=doc)
    return Stored(info, [], np.zeros((0, 8), dtype=np.float32), [(s, t, v, "") for s, t, v in rows])


def test_sentence_features_are_used_only_while_their_text_matches(tmp_path):
    from qa.cache import Cache

    cache = Cache(tmp_path / "index" / "s.sqlite3")
    assert cache.get_features({("a", 0): "x"}) == {} and cache.generation() is None  # nothing stored yet
    cache.update(1, [], [_stored("a", [(0, "First sentence of a.", _unit(1)), (30, "Second one.", _unit(2))]),
                         _stored("b", [(0, "Of b.", _unit(3))])])
    got = cache.get_features({("a", 0): "First sentence of a.", ("a", 30): "Changed since ingest.", ("c", 0): "unknown"})
    # stored packed as int8 (qa.svec): each component within half a step of the vector's largest
    assert list(got) == [("a", 0)] and np.abs(got["a", 0][0] - _unit(1)).max() <= np.abs(_unit(1)).max() / 254
    assert not cache.update(1, ["a"], [])  # the file is at that generation already: another process did it
    assert cache.update(2, ["a"], [])
    assert cache.generation() == 2 and cache.sentence_keys() == {"b": {0}}


def test_candidate_sentences_skip_fragments():
    text = "Seoul, Nov. 22. Seoul said it would halt the effect of its August announcement."
    c = Chunk(chunk_id="x-0", doc_id="x", index=0, text=text, start=0, end=len(text), sentences=[(0, 15), (16, len(text))])
    assert [(a, b) for a, b, _ in candidate_sentences(c)] == [(16, len(text))]


def test_chunking_many_articles_at_once_equals_one_by_one(engine):
    enc, settings = engine.encoder, engine.settings.chunk
    articles = [i.article for i in load(SEEDS, IngestSettings())]
    one_by_one = [chunk_article(a, settings, enc.token_counts, enc.token_offsets, enc.max_tokens) for a in articles]
    assert chunk_articles(articles, settings, enc.token_counts, enc.token_offsets, enc.max_tokens) == one_by_one


def test_ingest_stores_a_vector_for_every_sentence_an_answer_may_quote(engine):
    chunks = list(engine.store.iter_all())
    wanted = {(c.doc_id, c.start + a): t for c in chunks for a, _, t in candidate_sentences(c)}
    stored = {k: v[0] for k, v in engine.cache.get_features(wanted).items()}
    assert set(stored) == set(wanted)
    # by default the very vectors the answerer would compute for each sentence alone, packed as int8
    # (qa.svec: each component within half a step, 1/254 of a unit vector at most)
    keys = sorted(wanted)[:5]
    alone = engine.encoder.encode([wanted[k] for k in keys])
    assert np.allclose(np.stack([stored[k] for k in keys]), alone, atol=1 / 254, rtol=0)
    assert np.allclose((np.stack([stored[k] for k in keys]) * alone).sum(axis=1), 1, atol=2e-3)
    # the record holds them too, each sentence once, so the cache is rebuilt without encoding
    record, broken = engine.store.read()
    assert not broken and sorted((a.info.doc_id, s) for a in record for s, _, _, _ in a.sentences) == sorted(wanted)


def test_a_chunk_vector_is_the_mean_of_its_sentences_vectors(engine):
    chunks = list(engine.store.iter_all())
    stored = engine.store.vectors([c.chunk_id for c in chunks])
    texts = [[t for _, _, t in chunk_sentences(c)] for c in chunks[:6]]
    vecs = engine.encoder.encode_articles([t for ts in texts for t in ts])  # by the ingest's encoder, as many texts
    at = 0
    for c, ts in zip(chunks[:6], texts):
        v = vecs[at : at + len(ts)].mean(axis=0)
        at += len(ts)
        assert np.allclose(stored[c.chunk_id], v / np.linalg.norm(v), atol=1e-4), c.chunk_id


def test_encoded_chunk_vectors_encode_each_chunk_whole(tmp_path, engine, corpus):
    from conftest import share_model

    from qa.engine import Engine
    from qa.settings import EmbedSettings, Settings

    e = share_model(Engine(Settings(home=tmp_path / "home", embed=EmbedSettings(chunk_vectors="encoded"))), engine)
    assert e.store.name != engine.store.name  # never mixed with the other kind in one collection
    e.ingest([corpus])
    chunks = list(e.store.iter_all())[:4]
    stored = e.store.vectors([c.chunk_id for c in chunks])
    assert np.allclose(np.stack([stored[c.chunk_id] for c in chunks]), e.encoder.encode_articles([c.embed_text for c in chunks]), atol=1e-4)
    assert e.ask("Why did Seoul suspend termination?").citations


def test_the_cached_chunk_vectors_match_the_record(engine):
    ids = [c.chunk_id for c in engine.store.iter_all()]
    chroma = engine.store.vectors(ids)
    copy = engine.cache.chunk_vectors(ids)
    assert set(copy) == set(ids) == engine.cache.chunk_ids()
    assert max(float(np.abs(copy[i] - chroma[i]).max()) for i in ids) < 1e-6  # Chroma renormalizes: ~1e-8
