"""Ingest through onnxruntime (issue 18): the vectors, chunks and tokens torch gives, an index made
with torch reused as it is, and a store stage that overlaps the next batch's encoding without
changing what is stored or what a failure leaves."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEEDS, share_model

from eval.gold import DEFAULT_GOLD, load_gold
from qa import svec
from qa.chunk import chunk_articles
from qa.embed import Encoder
from qa.load import load
from qa.sentences import candidate_sentences
from qa.settings import EmbedSettings, IngestSettings, Settings


def _engine(home, engine, **kw):
    from qa.engine import Engine

    return share_model(Engine(Settings(home=home, **kw)), engine)


def _torch_encoder(engine) -> Encoder:
    enc = Encoder(engine.settings.model_path, EmbedSettings(ingest_backend="torch", query_backend="torch"))
    enc._model = engine.encoder.model
    return enc


def test_tokens_and_chunks_are_the_ones_the_torch_tokenizer_gives(engine):
    fast, slow = engine.encoder, _torch_encoder(engine)
    assert fast._onnx_for_many() is not None  # (torch in bf16 at ingest tokenizes the same way)
    articles = [i.article for i in load(SEEDS, IngestSettings())]
    texts = [a.text for a in articles] + [a.title for a in articles]
    assert fast.token_counts(texts) == slow.token_counts(texts)
    assert all(fast.token_offsets(t) == slow.token_offsets(t) for t in texts)
    assert (fast.max_tokens, fast.dim) == (slow.max_tokens, slow.dim)
    cs = engine.settings.chunk
    assert chunk_articles(articles, cs, fast.token_counts, fast.token_offsets, fast.max_tokens) == chunk_articles(
        articles, cs, slow.token_counts, slow.token_offsets, slow.max_tokens)


def test_ingest_stores_the_vectors_torch_would_give(engine):
    chunks = list(engine.store.iter_all())
    wanted = {(c.doc_id, c.start + a): t for c in chunks for a, _, t in candidate_sentences(c)}
    stored = {k: f[0] for k, f in engine.cache.get_features(wanted).items()}
    keys = sorted(stored)
    by_torch = engine.encoder.model.encode([wanted[k] for k in keys], normalize_embeddings=True, batch_size=32)
    # stored packed as int8 (qa.svec): torch's vectors packed the same way, to one step at most (ONNX and
    # torch differ by < 1e-5, which can carry a component across a rounding boundary); bf16 (qa.embed_bf16,
    # cosine >= 0.9999 to fp32) by up to ~1e-3 a component, so two steps
    packed = svec.unpack(svec.pack(by_torch), len(keys))
    step = np.abs(by_torch).max(axis=1, keepdims=True) / 127 * (2 if engine.encoder._bf16 is not None else 1)
    assert len(keys) > 50 and (np.abs(np.stack([stored[k] for k in keys]) - packed) <= step + 1e-5).all()
    # many texts of very different lengths, batched by length: each row is that text's own vector
    texts = [wanted[k] for k in keys][:40] + [" ".join(wanted[k] for k in keys[:30])]
    assert np.abs(engine.encoder.encode(texts, batch_size=7) - engine.encoder.model.encode(texts, normalize_embeddings=True)).max() < 1e-5


def test_an_index_made_with_torch_is_reused_as_it_is_and_answers_the_same(tmp_path, engine, corpus):
    made = _engine(tmp_path / "home", engine, embed=EmbedSettings(ingest_backend="torch", query_backend="torch"))
    made.ingest([corpus])
    # The defaults for ingest (onnxruntime), questions in fp32 as torch's (int8 questions: test_embed_int8).
    now = _engine(tmp_path / "home", engine, embed=EmbedSettings(query_precision="fp32"))
    assert now.store.name == made.store.name  # the same vectors to 1e-6: no second collection, no re-ingest
    again = now.ingest([corpus])
    assert again.added == again.updated == 0 and again.skipped == len(made.registry.articles)
    for g in load_gold(DEFAULT_GOLD)[:12]:
        assert [p.chunk.chunk_id for p in now.retrieve(g.question, top_k=10)] == [p.chunk.chunk_id for p in made.retrieve(g.question, top_k=10)]


def _stored(e) -> tuple:
    chunks = sorted(e.store.iter_all(), key=lambda c: c.chunk_id)
    vecs = e.store.vectors([c.chunk_id for c in chunks])
    wanted = {(c.doc_id, c.start + a): t for c in chunks for a, _, t in candidate_sentences(c)}
    feats = e.cache.get_features(wanted)
    keys = sorted(feats)
    sentences = (keys, np.stack([feats[k][0] for k in keys]), [feats[k][2] for k in keys])
    return ([(c.chunk_id, c.text) for c in chunks], np.stack([vecs[c.chunk_id] for c in chunks]), sentences,
            {k: (a.chunks, a.hash) for k, a in e.registry.articles.items()})


def test_overlapping_the_store_with_encoding_stores_exactly_what_one_thread_does(tmp_path, engine, corpus):
    one = _engine(tmp_path / "one", engine, ingest=IngestSettings(overlap=False, batch_articles=2))
    two = _engine(tmp_path / "two", engine, ingest=IngestSettings(overlap=True, batch_articles=2))
    done = []
    r1, r2 = one.ingest([corpus]), two.ingest([corpus], progress=lambda n, total, name: done.append((n, total)))
    assert (r1.added, r1.chunks) == (r2.added, r2.chunks) and r2.added >= 4
    assert [n for n, _ in done] == sorted(n for n, _ in done) and done[-1] == (r2.added, r2.added) and len(done) >= 3
    a, b = _stored(one), _stored(two)
    assert a[0] == b[0] and np.abs(a[1] - b[1]).max() < 1e-6 and a[3] == b[3]
    assert a[2][0] == b[2][0] and len(a[2][0]) > 50 and np.abs(a[2][1] - b[2][1]).max() < 1e-6 and a[2][2] == b[2][2]


def test_a_failure_while_storing_a_batch_stops_the_ingest_and_the_next_run_completes_it(tmp_path, engine, corpus, monkeypatch):
    from qa import ingest as ingest_mod

    e = _engine(tmp_path / "home", engine, ingest=IngestSettings(overlap=True, batch_articles=2))
    real, calls = ingest_mod._store, []

    def failing(index, batch, prepared, known, report):
        calls.append(len(batch))
        if len(calls) == 2:
            raise OSError("disk full")
        return real(index, batch, prepared, known, report)

    monkeypatch.setattr(ingest_mod, "_store", failing)
    with pytest.raises(OSError, match="disk full"):
        e.ingest([corpus])
    assert len(calls) == 2  # no batch was stored after the one that failed
    assert len(e.registry.articles) == calls[0]  # what the first batch recorded, and nothing of the failed one
    monkeypatch.setattr(ingest_mod, "_store", real)
    report = e.ingest([corpus])
    assert len(e.registry.articles) == report.added + report.skipped == len(list(load(corpus, IngestSettings())))
    assert e.ask("Why did Seoul suspend termination?").citations


def test_a_later_ingest_neither_loads_torch_nor_the_transformers_tokenizer(tmp_path, engine, corpus):
    import json
    import os
    import subprocess
    import sys

    engine.encoder.query_encoder()  # the export exists in the session's data directory
    code = (
        "import sys, json, qa.cli; rc = qa.cli.main(['ingest', sys.argv[1]]);"
        "print(json.dumps([rc, 'torch' in sys.modules, 'transformers' in sys.modules]))"
    )
    env = {**os.environ, "QA_HOME": str(tmp_path / "home"), "QA_EMBED__CACHE_DIR": str(engine.encoder.cache_dir)}
    p = subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, env=env, timeout=600)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout.strip().splitlines()[-1]) == [0, False, False]
    assert "5 added" in p.stdout
