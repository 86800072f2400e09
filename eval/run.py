"""The seeds evaluation: every gold question through the real engine (and, on request, the
baselines), scored question by question, then summarized overall and per question type."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from eval import metrics as m
from eval.gold import DEFAULT_GOLD, GoldItem, load_gold

if TYPE_CHECKING:
    from eval.baselines import Baseline
    from qa.engine import Engine
    from qa.settings import Settings

Progress = Callable[[str, int, int], None]  # (system, done, total)
RANK_DEPTH = 10  # passages scored for hit@k and MRR@10
HEADLINE = ("hit@3", "mrr@10", "key_fact_recall", "answer_correct", "citation_precision", "abstention_unanswerable", "wrong_abstention")
# Lower is better for these; everything else in a summary is higher-is-better.
LOWER_IS_BETTER = ("wrong_abstention", "latency_p50_ms", "latency_p95_ms")


def score(item: GoldItem, answer: str, abstained: bool, cited: list[str], ranked: list[str]) -> dict:
    """Per-question metrics. Answer and retrieval metrics are None for unanswerable questions
    (nothing to find); citation precision is None when nothing was cited."""
    r: dict = {"retrieved": ranked, "cited": list(dict.fromkeys(cited)), "sources": item.sources}
    if item.answerable:
        present = m.facts_present(answer, item.key_facts) if not abstained else [False] * len(item.key_facts)
        if item.verdict:  # the verdict is one more key fact, stated first
            present.append(not abstained and m.opens_with_verdict(answer, item.verdict))
        r.update({
            "key_facts_present": present,
            "key_fact_recall": sum(present) / len(present) if present else float(not abstained),
            "answer_correct": (all(present) and not abstained),
            "token_f1": 0.0 if abstained else m.token_f1(answer, item.answer),
            "answer_words": len(m.strip_citations(answer).split()) if not abstained else None,
            **{f"hit@{k}": m.hit_at_k(ranked, item.sources, k) for k in (1, 3, 5)},
            "mrr@10": m.mrr_at_k(ranked, item.sources, 10),
            "citation_precision": m.citation_precision(cited, item.sources),
            "citation_recall": m.citation_recall(cited, item.sources) if not abstained else 0.0,
        })
        r["pass"] = r["answer_correct"]
    else:
        r.update({k: None for k in ("key_fact_recall", "answer_correct", "token_f1", "answer_words", "hit@1", "hit@3", "hit@5", "mrr@10", "citation_recall")})
        r["key_facts_present"] = []
        # Citing anything for a question the articles cannot answer is an unsupported claim.
        r["citation_precision"] = 0.0 if cited and not abstained else None
        r["pass"] = abstained
    return r


def summarize(results: list[dict]) -> dict:
    ans = [r for r in results if r["answerable"]]
    unans = [r for r in results if not r["answerable"]]
    lat = [r["latency_ms"] for r in results]
    s = {
        "questions": len(results),
        "answerable": len(ans),
        "unanswerable": len(unans),
        **{k: m.mean(r[k] for r in ans) for k in ("hit@1", "hit@3", "hit@5", "mrr@10", "key_fact_recall", "answer_correct", "token_f1", "similarity", "citation_recall")},
        "citation_precision": m.mean(r["citation_precision"] for r in results),
        "abstention_unanswerable": m.mean(r["abstained"] for r in unans),
        "wrong_abstention": m.mean(r["abstained"] for r in ans),
        "pass_rate": m.mean(r["pass"] for r in results),
        "answer_words_p50": m.percentile([r["answer_words"] for r in ans if r.get("answer_words") is not None], 50),
        "latency_p50_ms": m.percentile(lat, 50),
        "latency_p95_ms": m.percentile(lat, 95),
    }
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items()}


def by_type(results: list[dict]) -> dict[str, dict]:
    kinds = list(dict.fromkeys(r["type"] for r in results))
    return {k: summarize([r for r in results if r["type"] == k]) for k in kinds}


def code_version() -> str:
    """The commit the run measured, "+dirty" when qa/ had uncommitted changes: figures move with
    the answerer, so a result file must say which one produced it."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "qa"], cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (head or "unknown") + ("+dirty" if dirty else "")


def _record(item: GoldItem) -> dict:
    return {"id": item.id, "type": item.kind, "question": item.question, "gold_answer": item.answer, "answerable": item.answerable}


def run_ours(engine: Engine, items: list[GoldItem], progress: Progress | None = None) -> list[dict]:
    out = []
    for i, item in enumerate(items):
        # Earlier turns are asked for real, so a follow-up is scored on what the user would have seen.
        turns: list[tuple[str, str]] = []
        for hq, _ in item.history:
            turns.append((hq, engine.ask(hq, history=list(turns)).answer))
        a = engine.ask(item.question, history=list(turns))
        ranked = [p.chunk.doc_id for p in engine.retrieve(item.question, top_k=RANK_DEPTH, history=list(turns))]
        j = a.to_json()
        rec = {**_record(item), "history": [list(t) for t in turns], "answer": j["answer"], "abstained": j["abstained"],
               "citations": j["citations"], "latency_ms": j["latency_ms"]}
        rec.update(score(item, a.answer, a.abstained, [c.doc_id for c in a.citations], ranked))
        out.append(rec)
        if progress:
            progress("ours", i + 1, len(items))
    return out


def run_baseline(baseline: Baseline, items: list[GoldItem], progress: Progress | None = None) -> list[dict]:
    from eval.baselines import top_passage_answer

    out = []
    for i, item in enumerate(items):
        t0 = time.perf_counter()
        hits = baseline.search(item.question, RANK_DEPTH)
        j = top_passage_answer(hits)
        rec = {**_record(item), "history": [], **j, "latency_ms": round((time.perf_counter() - t0) * 1000, 1)}
        rec.update(score(item, j["answer"], False, [c["doc_id"] for c in j["citations"]], [h.doc_id for h in hits]))
        out.append(rec)
        if progress:
            progress(baseline.name, i + 1, len(items))
    return out


def add_similarity(engine: Engine, results: list[dict]) -> None:
    """Cosine similarity of answer and gold answer with the product's own MiniLM (answerable only:
    an abstention is compared to nothing)."""
    idx = [i for i, r in enumerate(results) if r["answerable"]]
    texts = [m.strip_citations(results[i]["answer"]) or " " for i in idx] + [results[i]["gold_answer"] for i in idx]
    vecs = engine.embed(texts) if idx else []
    for n, i in enumerate(idx):
        r = results[i]
        r["similarity"] = 0.0 if r["abstained"] else round(float(vecs[n] @ vecs[n + len(idx)]), 4)
    for r in results:
        r.setdefault("similarity", None)


def system_report(engine: Engine, results: list[dict]) -> dict:
    add_similarity(engine, results)
    return {"summary": summarize(results), "by_type": by_type(results), "results": results}


def run_eval(
    settings: Settings,
    gold: str | Path = DEFAULT_GOLD,
    corpus: list[str | Path] | None = None,
    baselines: bool = False,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> dict:
    """Ingest the corpus if needed (default: the seeds), run every gold question, score it.
    `engine`: an already built engine over `settings` (tests share a loaded model this way).

    Returns {"summary", "by_type", "results"} for our pipeline, plus "baselines" {name: the same}
    when asked, and "meta"."""
    from qa.engine import Engine

    items = load_gold(gold)  # a bad gold file fails before minutes of work
    engine = engine or Engine(settings)
    paths = [Path(p) for p in (corpus or [settings.seeds])]
    ingest = engine.ingest(paths)
    out = system_report(engine, run_ours(engine, items, progress))
    out["meta"] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "gold": str(gold),
        "corpus": [str(p) for p in paths],
        "home": str(Path(settings.home).resolve()),
        "ingest": ingest.summary(),
        "model": settings.model_path,
        "code": code_version(),
        "systems": ["ours"],
    }
    if baselines:
        from eval.baselines import BM25Baseline, LlamaIndexBaseline

        out["baselines"] = {}
        for b in (LlamaIndexBaseline(paths, settings.model_path), BM25Baseline(engine)):
            out["baselines"][b.name] = system_report(engine, run_baseline(b, items, progress))
            out["meta"]["systems"].append(b.name)
    return out
