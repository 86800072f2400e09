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
    # Each stage is a part of the question's time (the question is read while it is encoded, so
    # the parts may add up to more than the whole; none is more than it).
    assert all(prof[stage]["mean_ms"] < prof["ask"]["mean_ms"] for stage in ("embed", "dense", "keyword", "answer"))
    assert "profile" in summary(out)
    assert out["ask_seeds"]["questions"] == 8 and out["ask_seeds"]["ask_vs_plain_retrieve_p50"] > 0
    (row,) = out["scale"]
    assert row["chunks"] == 40 and row["peak_rss_mb"] > 100
    assert row["build_s"] > 0 and row["disk_bytes_per_chunk"]["record"] > 0 and row["disk_bytes_per_chunk"]["cache"] > 0
    assert row["qa_serve_first_answer_s"] >= row["qa_serve_up_s"] > 0  # the cold start at the largest size
    assert "ingest" in summary(out) and out["conditions"]["code"]


def test_bench_updates_remove_and_add_on_a_scale_index_and_leave_it_as_it_was(engine, tmp_path):
    import json

    from bench import scale
    from qa.engine import Engine
    from qa.settings import Settings

    home = tmp_path / "scale-60"
    scale.build(engine, 60, home)
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([
        {"title": f"Harbour report {i}", "url": f"https://example.org/harbour-{i}", "published_at": "2024-05-0{i}",
         "body": f"The harbour wall of town {i} was repaired on Monday. Ferries ran again on Tuesday after the storm."}
        for i in range(1, 4)
    ]))
    before = Engine(Settings(home=home)).snapshot().articles
    u = scale.updates(engine, home, corpus, tmp_path, articles=3)
    assert u["chunks"] == 60 and u["add_articles"] == 3 and u["add_chunks"] >= 3
    assert u["remove_one_article_s"] > 0 and u["reader_catch_up_after_remove_s"] >= 0
    assert u["add_to_index_s"] > 0 and len(u["add_to_empty_s"]) == 2 and u["add_vs_empty"] > 0
    after = Engine(Settings(home=home)).snapshot().articles
    assert len(after) == len(before) - 2 and set(after) < set(before)  # two removed, the added ones removed again


def test_bench_without_a_workdir_leaves_nothing_behind(engine, tmp_path, monkeypatch):
    """`qa bench` without --workdir made a temporary folder of about 110 MB (the model's export, the seeds'
    index) and left it: seventy runs filled a disk. It is removed once the figures are taken."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = run(corpus=None, ingest_articles=0, questions=2, scales=(), cold=False, model=engine.encoder.model)
    assert out["ask_seeds"]["ask_p50_ms"] > 0
    assert not list(tmp_path.glob("qa-bench-*")), list(tmp_path.iterdir())
