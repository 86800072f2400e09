"""Ingest in bf16 (issue 18 item 1): torch under bf16 autocast where the CPU computes bf16 natively,
vectors within cosine 1e-4 of fp32's in the fp32 collection, the same word pieces; onnxruntime fp32
wherever it does not."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from qa import embed, embed_bf16
from qa.embed import Encoder
from qa.settings import EmbedSettings, Settings

TEXTS = [
    "Seoul said on Friday it would suspend the termination of GSOMIA, its intelligence-sharing pact with Tokyo.",
    "Shares of the electric-car maker fell 8% after it missed delivery estimates for the quarter.",
    "Who won?",
    "The central bank raised interest rates by a quarter point to fight inflation, its fourth rise this year, "
    "and signalled that more increases could follow if prices keep climbing faster than wages. " * 6,
    "OpenAI's board removed Sam Altman as chief executive, saying he had not been consistently candid.",
]


def _encoder(engine, monkeypatch=None, native: bool | None = None, **embed) -> Encoder:
    if native is not None:
        monkeypatch.setattr(embed_bf16, "native", lambda: native)
    s = Settings(embed=EmbedSettings(**embed))
    e = Encoder(s.model_path, s.embed, engine.settings.embed.cache_dir)
    e._model = engine.encoder.model
    return e


@pytest.mark.skipif(not embed_bf16.native(), reason="the CPU has no native bf16 (AVX-512-BF16 / AMX): 'auto' ingests with onnxruntime fp32")
def test_bf16_vectors_are_fp32_vectors_to_1e4_and_in_the_fp32_collection(engine, monkeypatch):
    monkeypatch.setattr(embed, "BF16_MIN_TEXTS", 3)  # as many texts as a big ingest's batch
    e = _encoder(engine)
    assert e.ingest_kind == "torch-bf16" and e.precision == "fp32"
    fp32 = engine.encoder.model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    got = e.encode_articles(TEXTS, batch_size=2)  # batches of different lengths, padded
    assert e._bf16 is not None  # the bf16 path did encode them
    assert got.dtype == np.float32 and got.shape == fp32.shape
    assert np.abs(np.linalg.norm(got, axis=1) - 1).max() < 1e-5
    assert np.sum(got * fp32, axis=1).min() >= 0.9999
    # the same word pieces as the ONNX path and torch's own tokenizer
    assert e._bf16.token_counts(TEXTS) == e.token_counts(TEXTS) == _encoder(engine, ingest_backend="torch").token_counts(TEXTS)


def test_auto_is_bf16_only_where_the_cpu_has_it_and_articles_are_fp32(engine, monkeypatch):
    assert EmbedSettings().ingest_backend == "auto"
    assert _encoder(engine, monkeypatch, native=True).ingest_kind == "torch-bf16"
    assert _encoder(engine, monkeypatch, native=False).ingest_kind == "onnx"
    assert _encoder(engine, monkeypatch, native=True, precision="int8").ingest_kind == "onnx"  # int8 is the ONNX model's
    assert _encoder(engine, monkeypatch, native=True, device="cuda").ingest_kind == "onnx"
    for backend in ("onnx", "torch", "torch-bf16"):
        assert _encoder(engine, monkeypatch, native=False, ingest_backend=backend).ingest_kind == backend
    # without native bf16 nothing of the bf16 path is made, and ingest gets the ONNX vectors; with it, a
    # few texts (a small ingest) are not worth loading torch for
    for native in (False, True):
        e = _encoder(engine, monkeypatch, native=native)
        assert np.array_equal(e.encode_articles(TEXTS), e._onnx().encode_many(TEXTS, e.settings.batch_size)) and e._bf16 is None


def test_a_bf16_path_that_fails_its_check_leaves_fp32(engine, monkeypatch, caplog):
    monkeypatch.setattr(embed_bf16, "MIN_COSINE", 1.01)  # no bf16 vector can pass
    monkeypatch.setattr(embed, "BF16_MIN_TEXTS", 3)
    e = _encoder(engine, monkeypatch, native=True)
    with caplog.at_level(logging.WARNING, logger="qa.embed"):
        got = e.encode_articles(TEXTS)
    assert "bf16 path is unavailable" in caplog.text and e._bf16 is None
    assert np.abs(got - engine.encoder.model.encode(TEXTS, normalize_embeddings=True)).max() < 1e-5
