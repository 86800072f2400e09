"""`qa bench` end to end on the seeds, at small sizes (tests/test_cli.py checks that `qa ask` never imports the UI stack)."""

from __future__ import annotations

import pytest

from bench.run import run, summary

KEYS = ("ask_p50_ms", "ask_p95_ms", "plain_llamaindex_retrieve_p50_ms", "ingest_chunks_per_s", "torch_encoder_chunks_per_s",
        "raw_encoder_chunks_per_s", "peak_rss_mb", "chunks")


@pytest.mark.slow
def test_bench_measures_every_figure_against_its_reference(engine, tmp_path):
    out = run(corpus=None, questions=8, scales=(40,), cold=False, workdir=tmp_path, model=engine.encoder.model, profile=True)
    for key in KEYS:
        assert out[key] > 0, key
    assert out["ingest"]["ingest_chunks"] == out["chunks"] == engine.store.count()
    assert 0 < out["ingest"]["ingest_vs_raw_encoder"] < 5 and out["ingest"]["ingest_vs_torch_encoder"] > 0
    stages = out["ingest"]["ingest_stages_s"]
    assert stages["encode"] > 0 and stages["entities"] > 0 and stages["chroma"] > 0
    prof = out["ask_seeds"]["profile"]
    for stage in ("embed", "dense", "keyword", "fusion", "answer", "spacy"):
        assert prof[stage]["mean_ms"] > 0, stage
    assert prof["embed"]["mean_ms"] + prof["answer"]["mean_ms"] < prof["ask"]["mean_ms"]
    assert "profile" in summary(out)
    assert out["ask_seeds"]["questions"] == 8 and out["ask_seeds"]["ask_vs_plain_retrieve_p50"] > 0
    (row,) = out["scale"]
    assert row["chunks"] == 40 and row["peak_rss_mb"] > 100
    assert "ingest" in summary(out) and out["conditions"]["code"]
