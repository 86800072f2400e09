"""`qa eval ablation` end to end on a tiny corpus in the MultiHop-RAG format (real model, real Chroma)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

ARTICLES = [
    ("Harbour flood cancels pineapple festival", "Island Post", "2023-10-05T09:00:00+00:00",
     "The Zanzibar pineapple festival was cancelled because the harbour flooded after two days of storms. Organisers said the stalls were wrecked."),
    ("Lighthouse keepers vote to strike", "Coast Herald", "2023-10-06T09:00:00+00:00",
     "Lighthouse keepers on the Quokka coast voted to strike over unpaid overtime. The strike begins on Monday unless the ministry pays."),
    ("Ferry timetable changes for winter", "Island Post", "2023-11-01T09:00:00+00:00",
     "The winter ferry timetable starts in November with two sailings a day. Fares stay the same as last year."),
]
QUERIES = [
    {"query": "Why was the pineapple festival cancelled, according to Island Post?", "answer": "flood", "question_type": "inference_query",
     "evidence_list": [{"fact": "The Zanzibar pineapple festival was cancelled because the harbour flooded after two days of storms."}]},
    {"query": "Did the Coast Herald report published on October 6 say keepers would strike, while Island Post said the ferry fares stay the same?",
     "answer": "Yes", "question_type": "comparison_query",
     "evidence_list": [{"fact": "Lighthouse keepers on the Quokka coast voted to strike over unpaid overtime."},
                       {"fact": "Fares stay the same as last year."}]},
    {"query": "Who won the chess final?", "answer": "Insufficient information.", "question_type": "null_query", "evidence_list": []},
]


@pytest.mark.slow
def test_ablation_command_scores_every_variant(tmp_path):
    corpus, queries = tmp_path / "corpus.json", tmp_path / "queries.json"
    corpus.write_text(json.dumps([{"title": t, "source": s, "published_at": d, "url": f"https://example.org/{i}", "body": b, "author": "", "category": "news"}
                                  for i, (t, s, d, b) in enumerate(ARTICLES)]))
    queries.write_text(json.dumps(QUERIES))
    out, md = tmp_path / "ablation.json", tmp_path / "ablation.md"
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    r = subprocess.run([sys.executable, "-m", "qa.cli", "eval", "ablation", "--corpus", str(corpus), "--queries", str(queries),
                        "--home", str(tmp_path / "home"), "--json", str(out), "--markdown", str(md)],
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(out.read_text())
    from eval.ablation import VARIANTS

    assert list(result["variants"]) == list(VARIANTS)
    assert result["meta"]["queries"] == 2  # null queries are not scored for retrieval
    # Each variant starts from the defaults (not from the variant before it): every one still finds evidence.
    assert all(v["scores"]["overall"]["hits@10"] > 0 for v in result["variants"].values())
    assert result["variants"]["BM25 alone"]["overrides"]["dense_weight"] == 0.0
    full = result["variants"]["full"]["scores"]
    assert full["overall"]["hits@4"] == 1.0 and full["overall"]["mrr@10"] == 1.0
    assert set(full) >= {"overall", "inference_query", "comparison_query"}
    table = md.read_text()
    assert table.startswith("| variant |") and "| full |" in table and "| BM25 alone |" in table
    assert table in r.stdout


def test_unknown_variant_is_one_line_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "qa.cli", "eval", "ablation", "--corpus", "c.json", "--queries", "q.json", "--variant", "nope"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2
    assert r.stderr.strip().startswith("error: unknown variant 'nope'") and "Traceback" not in r.stderr
