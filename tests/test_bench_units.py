"""The pieces the speed work added: sentence vectors stored at ingest, chunking many articles in one
pass, and the benchmark's own plumbing (no model needed unless a test says so)."""

from __future__ import annotations

import numpy as np
from conftest import SEEDS

from qa.chunk import chunk_article, chunk_articles
from qa.load import load
from qa.sentences import SentenceVectors, candidate_sentences, chunk_sentences
from qa.settings import IngestSettings
from qa.types import Chunk


def _unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return v / np.linalg.norm(v)


def test_sentence_vectors_are_used_only_while_their_text_matches(tmp_path):
    store = SentenceVectors(tmp_path / "index" / "s.sqlite3")
    assert store.get({("a", 0): "x"}) == {} and len(store) == 0  # nothing stored yet: no file needed
    store.put([(("a", 0), "First sentence of a.", _unit(1)), (("a", 30), "Second one.", _unit(2)), (("b", 0), "Of b.", _unit(3))])
    got = store.get({("a", 0): "First sentence of a.", ("a", 30): "Changed since ingest.", ("c", 0): "unknown"})
    assert list(got) == [("a", 0)] and np.array_equal(got["a", 0], _unit(1))
    store.delete_docs(["a"])
    assert len(store) == 1
    store.keep_only({"z"})
    assert len(store) == 0


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
    stored = engine.sentences.get(wanted)
    assert set(stored) == set(wanted)
    # by default the very vectors the answerer would compute for each sentence alone
    keys = sorted(wanted)[:5]
    alone = engine.encoder.encode([wanted[k] for k in keys])
    assert np.allclose(np.stack([stored[k] for k in keys]), alone, atol=1e-4)


def test_a_chunk_vector_is_the_mean_of_its_sentences_vectors(engine):
    chunks = list(engine.store.iter_all())
    stored = engine.store.vectors([c.chunk_id for c in chunks])
    for c in chunks[:6]:
        v = engine.encoder.encode([t for _, _, t in chunk_sentences(c)]).mean(axis=0)
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
    assert np.allclose(np.stack([stored[c.chunk_id] for c in chunks]), e.encoder.encode([c.embed_text for c in chunks]), atol=1e-4)
    assert e.ask("Why did Seoul suspend termination?").citations


def test_the_copy_of_the_chunk_vectors_matches_chroma_and_is_rebuilt_when_it_may_not(fresh_engine, corpus):
    from qa import doctor
    from qa.ingest import recover_if_interrupted

    e = fresh_engine
    e.ingest([corpus])
    ids = [c.chunk_id for c in e.store.iter_all()]
    chroma = e.store.vectors(ids)
    assert e.sentences.chunk_count() == len(ids) == e.registry.chunk_count()
    copy = e.sentences.chunk_vectors(ids)
    assert max(float(np.abs(copy[i] - chroma[i]).max()) for i in ids) < 1e-6  # Chroma renormalizes: ~1e-8
    question = "Why did Seoul suspend termination?"
    with_copy = [(p.chunk.chunk_id, round(p.score, 5)) for p in e.retrieve(question)]

    # an index from before the copy: questions read Chroma, and the next start makes the copy
    e.sentences.put_chunks([], replace_all=True)
    assert [(p.chunk.chunk_id, round(p.score, 5)) for p in e.retrieve(question)] == with_copy
    e.ensure_ingested()
    assert e.sentences.chunk_count() == len(ids)

    # an ingest stopped between writing Chroma and the copy: the copy is made again from Chroma
    e.sentences.put_chunks([(ids[0], "x", -chroma[ids[0]])])
    (doctor.index_dir(e._index) / doctor.MARKER).touch()
    recover_if_interrupted(e._index)
    assert np.allclose(e.sentences.chunk_vectors([ids[0]])[ids[0]], chroma[ids[0]], atol=1e-6)
    assert [(p.chunk.chunk_id, round(p.score, 5)) for p in e.retrieve(question)] == with_copy


def test_sentence_terms_are_stored_with_their_tokenizer_version(tmp_path):
    import sqlite3

    from qa.keyword import terms

    path = tmp_path / "index" / "s.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as old:  # a file from before terms were stored
        old.execute("CREATE TABLE sentence (doc_id TEXT, start INTEGER, crc INTEGER, vec BLOB, PRIMARY KEY (doc_id, start))")
    store = SentenceVectors(path)
    text = "Seoul suspended the termination of the intelligence pact."
    store.put([(("a", 0), text, _unit(1))])
    vec, words = store.get_with_terms({("a", 0): text})[("a", 0)]
    assert np.array_equal(vec, _unit(1)) and words == frozenset(terms(text))
    store.put_raw([("a", 0, row[2], row[3], "1|outdated words") for row in store.raw_rows()])
    assert store.get_with_terms({("a", 0): text})[("a", 0)][1] is None  # another version: computed again
