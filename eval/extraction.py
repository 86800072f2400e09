"""Article extraction on real web pages, scored as trafilatura's evaluation scores it: our extractor
(qa.extract) beside trafilatura, readability-lxml and the paragraph-text baseline, in one run.

The benchmark is a folder of raw pages and a gold file (a JSON list of {file, url, with, without,
title?, author?, date?}); see ../shared/benchmarks/article-extraction/README.md. Each `with` segment
found in the extracted text is a true positive (else a false negative), each `without` segment found a
false positive (else a true negative); whitespace is collapsed on both sides. Title: equal after
whitespace and case normalisation; date: equal as YYYY-MM-DD; author: the gold name inside the
extracted byline, case-insensitively. Metadata scores are over the pages that annotate that field."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import qa.dates  # noqa: F401  (imported before timing: the first page must not pay for module loading)


@dataclass
class Output:
    """What one system extracted from one page."""

    text: str
    title: str = ""
    date: str = ""
    author: str = ""


def _squash(s: str) -> str:
    return " ".join(s.split())


def _ours(data: bytes, url: str) -> Output:
    from qa.extract import extract_html

    x = extract_html(data, url=url)
    return Output(x.text, x.title, x.date, x.byline)


def _trafilatura(data: bytes, url: str) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url or None, with_metadata=True)
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title or "", doc.date or "", doc.author or "")


def _readability(data: bytes, url: str) -> Output:
    import lxml.html
    from readability import Document

    from qa.extract import decode_html

    doc = Document(decode_html(data), url=url or None)
    summary = doc.summary(html_partial=True)
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return Output(text, doc.title() or "")


def _baseline(data: bytes, url: str) -> Output:
    from trafilatura import baseline

    from qa.extract import decode_html

    _, text, _ = baseline(decode_html(data))
    return Output(text)


SYSTEMS: dict[str, Callable[[bytes, str], Output]] = {
    "ours": _ours,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "baseline": _baseline,
}
METRICS = ("precision", "recall", "f1", "accuracy", "title", "date", "author", "ms_per_page")


def load_gold(path: str | Path) -> list[dict]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(gold, list) or not all(isinstance(g, dict) and "file" in g for g in gold):
        raise ValueError(f"{path}: expected a JSON list of objects with a 'file' field")
    return gold


def score_page(out: Output, page: dict) -> dict:
    """Counts and metadata hits of one system's output on one annotated page."""
    text = _squash(out.text)
    tp = sum(_squash(s) in text for s in page.get("with", []))
    fp = sum(_squash(s) in text for s in page.get("without", []))
    r = {"tp": tp, "fn": len(page.get("with", [])) - tp, "fp": fp, "tn": len(page.get("without", [])) - fp}
    if page.get("title"):
        r["title"] = _squash(out.title).lower() == _squash(page["title"]).lower()
    if page.get("date"):
        r["date"] = (out.date or "")[:10] == page["date"]
    if page.get("author"):
        names = page["author"] if isinstance(page["author"], list) else [page["author"]]  # several: each one
        r["author"] = all(_squash(n).lower() in _squash(out.author).lower() for n in names)
    return r


def summarize(rows: list[dict], seconds: float) -> dict:
    tp, fp, fn, tn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn", "tn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    s = {
        "precision": p, "recall": rec, "f1": 2 * p * rec / (p + rec) if p + rec else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if rows else 0.0,
    }
    for k in ("title", "date", "author"):
        hits = [r[k] for r in rows if k in r]
        s[k] = sum(hits) / len(hits) if hits else None
    s["ms_per_page"] = 1000 * seconds / len(rows) if rows else 0.0
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()}


def run_extraction(pages: str | Path, gold: str | Path, systems: list[str] | None = None,
                   progress: Callable[[str, int, int], None] | None = None) -> dict:
    """Every system on every gold page: {"summary": {system: metrics}, "pages": {system: [per page]}}."""
    gold_pages = load_gold(gold)
    names = systems or list(SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown system {', '.join(unknown)}; systems: {', '.join(SYSTEMS)}")
    raw = {g["file"]: (Path(pages) / g["file"]).read_bytes() for g in gold_pages}
    run: dict = {"summary": {}, "pages": {}, "n_pages": len(gold_pages)}
    for name in names:
        fn = SYSTEMS[name]
        fn(raw[gold_pages[0]["file"]], gold_pages[0].get("url") or "")  # warm-up: imports, lazy tables
        rows, seconds = [], 0.0
        for i, g in enumerate(gold_pages, 1):
            t0 = time.perf_counter()
            try:
                out = fn(raw[g["file"]], g.get("url") or "")
            except Exception:  # a library crashing on a page scores as extracting nothing
                out = Output("")
            seconds += time.perf_counter() - t0
            row = score_page(out, g)
            row["file"] = g["file"]
            rows.append(row)
            if progress:
                progress(name, i, len(gold_pages))
        run["summary"][name] = summarize(rows, seconds)
        run["pages"][name] = rows
    return run


FLOORS = Path(__file__).resolve().parent / "extraction_floors.json"
FLOOR_METRICS = ("precision", "recall", "f1", "accuracy", "title", "date", "author")
MARGIN = 0.02  # about two segments of the 530, or one or two pages' metadata: a real regression, not a library's noise


def write_floors(summary: dict, path: str | Path = FLOORS, margin: float = MARGIN) -> dict:
    import math
    from datetime import date

    floors = {
        "about": "Our extraction scores on ../shared/benchmarks/article-extraction (dev.json) must stay at or above `min`. "
                 "Regenerate after a deliberate change: qa eval extraction --pages DIR --gold FILE --system ours --write-floors",
        "measured": {k: summary.get(k) for k in FLOOR_METRICS},
        "measured_on": date.today().isoformat(),
        "min": {k: max(0.0, math.floor((summary[k] - margin) * 100) / 100) for k in FLOOR_METRICS if summary.get(k) is not None},
    }
    Path(path).write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors


def check_floors(summary: dict, path: str | Path = FLOORS) -> list[str]:
    floors = json.loads(Path(path).read_text(encoding="utf-8"))
    return [f"{k} = {summary.get(k)} is under its floor {lo}" for k, lo in floors["min"].items() if summary.get(k) is None or summary[k] < lo]


def format_table(run: dict, markdown: bool = False) -> str:
    def fmt(v: object) -> str:
        return "—" if v is None else f"{v:.0f}" if isinstance(v, float) and v > 2 else f"{v:.3f}" if isinstance(v, float) else str(v)

    names = list(run["summary"])
    if markdown:
        lines = ["| system | " + " | ".join(METRICS) + " |", "|---" * (len(METRICS) + 1) + "|"]
        lines += [f"| {n} | " + " | ".join(fmt(run["summary"][n][k]) for k in METRICS) + " |" for n in names]
        return "\n".join(lines)
    lines = [f"{'system':<14}" + "".join(f"{k:>12}" for k in METRICS)]
    lines += [f"{n:<14}" + "".join(f"{fmt(run['summary'][n][k]):>12}" for k in METRICS) for n in names]
    return "\n".join(lines)

