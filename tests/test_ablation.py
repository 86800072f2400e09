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
# Articles that share words with the queries (festival, harbour, strike, ferry, fares, Island Post) but
# hold none of the evidence: with more chunks than the depth scored (10), a variant must rank to find it.
OTHERS = [
    ("Jazz festival announces headliners", "Island Post", "The autumn jazz festival named its headliners on Tuesday. Tickets go on sale next week."),
    ("Harbour dredging contract awarded", "Coast Herald", "The harbour authority awarded the dredging contract to a local firm. Work starts in spring."),
    ("Bus drivers accept pay offer", "Island Post", "Bus drivers accepted a pay offer and called off their planned walkout. The union said talks were hard."),
    ("Ferry operator orders new vessel", "Coast Herald", "The ferry operator ordered a larger vessel for the summer route. It will carry two hundred cars."),
    ("Storm damages school roof", "Island Post", "A storm tore part of the school roof away overnight. Classes move to the library until repairs end."),
    ("Pineapple prices rise at market", "Coast Herald", "Pineapple prices rose at the central market after a poor harvest. Traders expect relief in spring."),
    ("Museum reopens after renovation", "Island Post", "The maritime museum reopened after a two-year renovation. Entry stays free for residents."),
    ("Fishing quotas cut for next season", "Coast Herald", "Regulators cut fishing quotas for the coming season. Fishermen said they would appeal the decision."),
    ("Airport runway extension approved", "Island Post", "The council approved a runway extension at the island airport. Flights will not stop during the work."),
    ("Lighthouse opens to visitors", "Coast Herald", "The old northern lighthouse opened to visitors for the first time. Guided tours run on weekends."),
    ("Water restrictions lifted", "Island Post", "Water restrictions were lifted after weeks of rain filled the reservoirs. Gardens may be watered again."),
    ("Nurses vote on new rosters", "Coast Herald", "Hospital nurses voted on new rosters that shorten night shifts. The ministry welcomed the result."),
    ("Cycling race closes coast road", "Island Post", "The coast road will close on Sunday for the island cycling race. Detours are signposted."),
    ("Library extends opening hours", "Coast Herald", "The town library will stay open until nine on weekdays. Staff were hired to cover the evenings."),
    ("Tourism numbers reach record", "Island Post", "Tourist arrivals reached a record in the summer months. Hotels reported full bookings in August."),
    ("Ministry publishes budget for ports", "Coast Herald", "The ministry published its budget for ports and ferries. Most of the money goes to repairs."),
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
    others = [(t, s, f"2023-09-{i + 1:02d}T09:00:00+00:00", b) for i, (t, s, b) in enumerate(OTHERS)]
    corpus.write_text(json.dumps([{"title": t, "source": s, "published_at": d, "url": f"https://example.org/{i}", "body": b, "author": "", "category": "news"}
                                  for i, (t, s, d, b) in enumerate(ARTICLES + others)]))
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
    assert result["meta"]["chunks"] > 10  # more than the depth scored: finding the evidence takes ranking
    # Each variant starts from the defaults (not from the variant before it): every one still finds evidence.
    assert all(v["scores"]["overall"]["hits@10"] > 0 for v in result["variants"].values()), {n: v["scores"]["overall"] for n, v in result["variants"].items()}
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
