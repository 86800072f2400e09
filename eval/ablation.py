"""Which part of retrieval earns what: MultiHop-RAG retrieval with each component switched off in
turn, per question type, with its latency. Every variant is the product's own retrieval
(Engine.retrieve) under different retrieval settings, over one ingested index."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from eval import metrics as m
from eval.multihop import DEFAULT_HOME, DEPTH, NULL_TYPE, RETRIEVAL, load_queries

# name -> (what it shows, settings.retrieve overrides)
VARIANTS: dict[str, tuple[str, dict]] = {
    "full": ("everything on (the product's defaults)", {}),
    "- parts": ("compound questions searched whole only", {"parts": False}),
    "- outlets": ("no outlet boost or per-outlet candidates", {"outlet_boost": 0.0}),
    "- dates": ("no boost for the days a question names", {"date_boost": 0.0}),
    "- query cleaning": ("keyword search keeps outlet names, dates, 'published'...", {"clean_query": False}),
    "- z-score fusion (rrf)": ("plain reciprocal-rank fusion of dense and BM25, equal weights, nothing else", {"fusion": "rrf", "dense_weight": 1.0, "keyword_weight": 1.0, "parts": False, "outlet_boost": 0.0, "date_boost": 0.0, "clean_query": False}),
    "- dense": ("keyword signals only", {"dense_weight": 0.0}),
    "- keyword": ("dense signal only (+ outlet and date boosts)", {"keyword_weight": 0.0}),
    "BM25 alone": ("the keyword ranking of the whole question, nothing else", {"dense_weight": 0.0, "parts": False, "outlet_boost": 0.0, "date_boost": 0.0, "clean_query": False}),
    "dense alone": ("the dense ranking, nothing else", {"keyword_weight": 0.0, "parts": False, "outlet_boost": 0.0, "date_boost": 0.0, "clean_query": False}),
}

Progress = Callable[[str, int, int], None]


def run_ablation(corpus: str | Path, queries: str | Path, home: str | Path = DEFAULT_HOME, limit: int | None = None,
                 variants: list[str] | None = None, progress: Progress | None = None) -> dict:
    """Scores (paper's rule, non-null queries) and retrieval latency of every variant."""
    from qa.engine import Engine
    from qa.settings import Settings

    qs = [q for q in load_queries(queries, limit) if q.get("question_type") != NULL_TYPE]
    base = Settings(home=Path(home))
    engine = Engine(base)
    engine.ingest([Path(corpus)])
    vecs = {}  # the query embedding is the same for every variant: time it once, apart
    t0 = time.perf_counter()
    for q in qs:
        vecs[q["query"]] = engine.encoder.encode_question([q["query"]])[0]
    embed_ms = (time.perf_counter() - t0) * 1000 / max(len(qs), 1)
    defaults = base.retrieve  # engine.settings is `base`: keep the defaults apart from each variant's copy
    out = {}
    for name in variants or list(VARIANTS):
        what, overrides = VARIANTS[name]
        engine.settings.retrieve = defaults.model_copy(update=overrides)
        rows, lat = [], []
        for i, q in enumerate(qs):
            t = time.perf_counter()
            passages = engine.passages(q["query"], vecs[q["query"]], DEPTH, _no_filters())
            lat.append((time.perf_counter() - t) * 1000)
            rows.append((q["question_type"], m.multihop_retrieval([p.chunk.text for p in passages], [e["fact"] for e in q["evidence_list"]])))
            if progress:
                progress(name, i + 1, len(qs))
        per = {"overall": _means([r for _, r in rows])}
        # Halves of the query list: a setting that only fits some queries shows as a gap between them.
        per["first half"], per["second half"] = _means([r for _, r in rows[: len(rows) // 2]]), _means([r for _, r in rows[len(rows) // 2 :]])
        for t in sorted({t for t, _ in rows}):
            per[t] = _means([r for qt, r in rows if qt == t])
        out[name] = {"what": what, "overrides": overrides, "scores": per,
                     "retrieve_p50_ms": round(m.percentile(lat, 50) or 0, 1), "retrieve_p95_ms": round(m.percentile(lat, 95) or 0, 1)}
    engine.settings.retrieve = defaults
    return {"variants": out, "meta": {"date": datetime.now(UTC).isoformat(timespec="seconds"), "queries": len(qs), "corpus": str(corpus),
                                      "chunks": engine.stats().chunks, "query_embedding_ms": round(embed_ms, 1),
                                      "retrieve": defaults.model_dump()}}


def _no_filters():
    from qa.engine import make_filters

    return make_filters()


def _means(rows: list[dict]) -> dict:
    return {k: round(m.mean(r[k] for r in rows) or 0.0, 4) for k in RETRIEVAL} | {"queries": len(rows)}


def format_table(result: dict) -> str:
    """A markdown table: Hits@10 / MRR@10 overall and per question type, and latency."""
    variants = result["variants"]
    types = [t for t in next(iter(variants.values()))["scores"] if t not in ("overall", "first half", "second half")]
    head = ["variant", "Hits@4", "Hits@10", "MRR@10", "MAP@10"] + [f"{t.replace('_query', '')} H@10 / MRR" for t in types] + ["halves H@10, MRR", "retrieve p50 ms"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, v in variants.items():
        o = v["scores"]["overall"]
        cells = [name, f"{o['hits@4']:.3f}", f"{o['hits@10']:.3f}", f"{o['mrr@10']:.3f}", f"{o['map@10']:.3f}"]
        cells += [f"{v['scores'][t]['hits@10']:.3f} / {v['scores'][t]['mrr@10']:.3f}" for t in types]
        cells.append(" / ".join(f"{v['scores'][h]['hits@10']:.3f}, {v['scores'][h]['mrr@10']:.3f}" for h in ("first half", "second half")))
        cells.append(f"{v['retrieve_p50_ms']:.0f}")
        lines.append("| " + " | ".join(cells) + " |")
    meta = result["meta"]
    lines.append("")
    lines.append(f"{meta['queries']} non-null dev queries, {meta['chunks']:,} chunks; plus {meta['query_embedding_ms']:.0f} ms to embed each question (same for every variant).")
    return "\n".join(lines)
