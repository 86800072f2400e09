"""QA_EMBED__PRECISION=int8: a quantized copy of the checked fp32 export, made once, checked against
fp32 before use, encoding articles and questions alike, in a collection of its own; fp32 otherwise.
QA_EMBED__QUERY_PRECISION=int8 (the default): the same quantized copy encodes questions only, against
the fp32 articles."""

from __future__ import annotations

import logging
import shutil

import numpy as np
from conftest import share_model

from eval.gold import DEFAULT_GOLD, load_gold
from qa import embed_onnx
from qa.embed import Encoder
from qa.settings import EmbedSettings, Settings


def _models(engine, tmp_path):
    """A private cache folder holding the session's fp32 export (so no test re-exports or writes the shared one)."""
    engine.encoder.query_encoder()
    dst = tmp_path / "models"
    shutil.copytree(engine.settings.embed.cache_dir, dst, ignore=shutil.ignore_patterns("*-int8.onnx"))
    return dst


def _encoder(models, engine, **embed) -> Encoder:
    s = Settings(embed=EmbedSettings(cache_dir=models, **embed))
    e = Encoder(s.model_path, s.embed, models)
    e._model = engine.encoder.model
    return e


def test_int8_vectors_are_close_to_fp32_and_made_once(tmp_path, engine):
    models = _models(engine, tmp_path)
    small = _encoder(models, engine, precision="int8")
    assert small.precision == "int8"
    made = embed_onnx.quantized_path(embed_onnx.export_path(small.model_path, models))
    assert made.is_file() and made.stat().st_size < 0.4 * embed_onnx.export_path(small.model_path, models).stat().st_size
    texts = [g.question for g in load_gold(DEFAULT_GOLD)] + [c.embed_text for c in list(engine.store.iter_all())[:40]]
    a, b = engine.encoder.encode(texts), small.encode(texts)
    cos = np.sum(a * b, axis=1)
    assert cos.min() >= embed_onnx.MIN_COSINE, cos.min()
    assert np.abs(a - b).max() > 1e-3  # really another model, not the fp32 export again
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    stamp = made.stat().st_mtime_ns
    again = _encoder(models, engine, precision="int8")  # a later process loads it, makes nothing
    assert again.precision == "int8" and made.stat().st_mtime_ns == stamp
    # Activations are quantized per batch, so compare the same batches: the same model, the same vectors.
    assert np.abs(again.encode(texts) - b).max() < 1e-6


def test_int8_and_fp32_collections_are_not_mixed(home, tmp_path, engine):
    from qa.engine import Engine

    fp32 = share_model(Engine(Settings(home=home)), engine)
    before = fp32.store.count()
    q = load_gold(DEFAULT_GOLD)[0].question
    fp32_top = [p.chunk.chunk_id for p in fp32.retrieve(q, top_k=5)]
    small = share_model(Engine(Settings(home=home, embed=EmbedSettings(precision="int8", cache_dir=_models(engine, tmp_path)))), engine)
    assert small.encoder.precision == "int8"
    assert small.store.name != fp32.store.name and "int8" in small.store.name
    assert small.store.count() == 0  # the fp32 vectors are not queried with int8 questions
    said: list[str] = []
    small.ensure_ingested(warn=said.append)  # an empty index: the seeds, and a line on the fp32 index beside it
    assert any("made with fp32 vectors" in w and "unset QA_EMBED__PRECISION" in w for w in said), said
    assert small.store.count() == before
    stored = small.store.collection.get(limit=5, include=["embeddings"])
    int8_vecs = np.asarray(stored["embeddings"])
    fp32_vecs = np.asarray(fp32.store.collection.get(ids=stored["ids"], include=["embeddings"])["embeddings"])
    assert np.abs(int8_vecs - fp32_vecs).max() > 1e-4  # each collection holds its own encoder's vectors
    assert fp32.store.count() == before
    assert [p.chunk.chunk_id for p in share_model(Engine(Settings(home=home)), engine).retrieve(q, top_k=5)] == fp32_top
    assert small.retrieve(q, top_k=5)[0].chunk.doc_id == fp32.retrieve(q, top_k=5)[0].chunk.doc_id


def test_fp32_is_used_with_a_warning_when_int8_fails_its_check(tmp_path, engine, monkeypatch, caplog):
    from qa.engine import Engine

    models = _models(engine, tmp_path)
    monkeypatch.setattr(embed_onnx, "MIN_COSINE", 1.01)  # no quantized model can pass
    with caplog.at_level(logging.WARNING, logger="qa.embed"):
        e = Engine(Settings(home=tmp_path / "home", embed=EmbedSettings(precision="int8", cache_dir=models)))
    assert e.encoder.precision == "fp32"
    assert e.store.name == Engine(Settings(home=tmp_path / "home")).store.name  # the fp32 collection, as its vectors
    assert "int8 model is unavailable" in caplog.text and "cosine" in caplog.text
    assert not embed_onnx.quantized_path(embed_onnx.export_path(e.settings.model_path, models)).exists()
    assert not [p for p in models.iterdir() if p.name.endswith(".tmp")]
    v = e.encoder.encode(["Who is Kim You-geun?"])
    assert np.abs(v - engine.encoder.encode(["Who is Kim You-geun?"])).max() < 1e-6


def test_int8_needs_onnx_for_both_articles_and_questions(tmp_path, engine, caplog):
    models = _models(engine, tmp_path)
    with caplog.at_level(logging.WARNING, logger="qa.embed"):
        e = _encoder(models, engine, precision="int8", ingest_backend="torch")
        assert e.precision == "fp32"
    assert "int8 needs" in caplog.text


def test_questions_are_encoded_in_int8_against_fp32_articles(home, tmp_path, engine):
    from qa.engine import Engine

    models = _models(engine, tmp_path)
    e = share_model(Engine(Settings(home=home, embed=EmbedSettings(cache_dir=models))), engine)
    plain = share_model(Engine(Settings(home=home, embed=EmbedSettings(cache_dir=models, query_precision="fp32"))), engine)
    assert e.encoder.query_encoder().precision == "int8" and plain.encoder.query_encoder().precision == "fp32"
    assert e.store.name == plain.store.name and "int8" not in e.store.name  # one collection: the articles are fp32
    # A short article (one or two texts) is still encoded in fp32, as the rest of the collection.
    texts = ["The council voted to reopen the pier.", "Engineers said the dam would protect 3,000 homes."]
    assert np.abs(e.encoder.encode(texts) - plain.encoder.encode(texts)).max() < 1e-6
    q = [g.question for g in load_gold(DEFAULT_GOLD)]
    small, full = e.encoder.encode_question(q[:1]), plain.encoder.encode_question(q[:1])
    assert np.abs(small - full).max() > 1e-4 and float(small[0] @ full[0]) >= embed_onnx.MIN_COSINE
    # What a reader sees: the same best passage for every seeds question.
    for question in q[:20]:
        assert e.retrieve(question, top_k=1)[0].chunk.chunk_id == plain.retrieve(question, top_k=1)[0].chunk.chunk_id, question


def test_questions_are_encoded_in_fp32_when_int8_cannot_be_made(tmp_path, engine, monkeypatch, caplog):
    models = _models(engine, tmp_path)
    monkeypatch.setattr(embed_onnx, "MIN_COSINE", 1.01)  # no quantized model can pass
    with caplog.at_level(logging.WARNING, logger="qa.embed"):
        e = _encoder(models, engine)
        assert e.query_encoder().precision == "fp32"
    assert "int8 model is unavailable" in caplog.text
