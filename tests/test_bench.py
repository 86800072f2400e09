"""`qa bench` end to end on the seeds (small sizes), and `qa ask` staying clear of the UI stack."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.run import _ASK_PROBE, ROOT, _env, run, summary

KEYS = ("ask_p50_ms", "ask_p95_ms", "plain_llamaindex_retrieve_p50_ms", "ingest_chunks_per_s", "raw_encoder_chunks_per_s", "peak_rss_mb", "chunks")


@pytest.mark.slow
def test_qa_ask_answers_without_importing_the_ui_stack(seeded_home):
    res = subprocess.run([sys.executable, "-c", _ASK_PROBE, "Why did Seoul suspend termination?"],
                         capture_output=True, text=True, cwd=ROOT, env=_env(QA_HOME=str(seeded_home)), timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "[1]" in res.stdout and "Sources:" in res.stdout
    assert "NO-UI-STACK" in res.stderr


@pytest.mark.slow
def test_bench_measures_every_figure_against_its_reference(engine, tmp_path):
    out = run(corpus=None, questions=8, scales=(40,), cold=False, workdir=tmp_path, model=engine.encoder.model)
    for key in KEYS:
        assert out[key] > 0, key
    assert out["ingest"]["ingest_chunks"] == out["chunks"] == engine.store.count()
    assert 0 < out["ingest"]["ingest_vs_raw_encoder"] < 5
    assert out["ask_seeds"]["questions"] == 8 and out["ask_seeds"]["ask_vs_plain_retrieve_p50"] > 0
    (row,) = out["scale"]
    assert row["chunks"] == 40 and row["peak_rss_mb"] > 100
    assert "ingest" in summary(out) and out["conditions"]["code"]
