"""report.md and report.html (with matplotlib PNGs) from a `run_eval` result, and the
comparison with a previous run's JSON."""

from __future__ import annotations

import html
from pathlib import Path

from eval.run import HEADLINE, LOWER_IS_BETTER

TABLE_METRICS = (
    "hit@1", "hit@3", "hit@5", "mrr@10", "key_fact_recall", "answer_correct", "token_f1", "similarity",
    "citation_precision", "citation_recall", "abstention_unanswerable", "wrong_abstention", "pass_rate",
    "latency_p50_ms", "latency_p95_ms",
)
PLOT_METRICS = ("hit@3", "mrr@10", "key_fact_recall", "answer_correct", "citation_precision", "abstention_unanswerable", "pass_rate")
TYPE_METRICS = ("hit@3", "key_fact_recall", "answer_correct", "pass_rate")


def systems(run: dict) -> dict[str, dict]:
    """{"ours": {...}, "llamaindex": {...}, "bm25": {...}}: each with summary, by_type, results."""
    return {"ours": run, **run.get("baselines", {})}


def fmt(v: object) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.3f}"
    return str(v)


# -- comparison with a previous run -------------------------------------------------------------
def compare(run: dict, previous: dict, tolerance: float = 0.005) -> dict:
    """What got better and what regressed: summary metrics (beyond `tolerance`) and questions
    that flipped between pass and fail."""
    now, before = run["summary"], previous.get("summary", {})
    better, worse = [], []
    for k in TABLE_METRICS:
        a, b = now.get(k), before.get(k)
        if a is None or b is None:
            continue
        delta = a - b
        if k.startswith("latency"):
            tol = max(abs(b) * 0.2, 5.0)  # timing noise on a shared machine
        else:
            tol = tolerance
        if abs(delta) <= tol:
            continue
        improved = delta < 0 if k in LOWER_IS_BETTER else delta > 0
        (better if improved else worse).append({"metric": k, "before": b, "now": a, "delta": round(delta, 4)})
    prev_q = {r["id"]: r for r in previous.get("results", [])}
    fixed, broken = [], []
    for r in run["results"]:
        p = prev_q.get(r["id"])
        if p is None or p.get("pass") == r["pass"]:
            continue
        (fixed if r["pass"] else broken).append({"id": r["id"], "question": r["question"], "before": p.get("answer", ""), "now": r["answer"]})
    return {"better": better, "worse": worse, "fixed": fixed, "broken": broken}


# -- plots --------------------------------------------------------------------------------------
def _bars(path: Path, groups: list[str], series: dict[str, list[float]], title: str, rotate: bool = False) -> None:
    """A grouped bar chart of scores in 0..1: one group per label, one bar per series."""
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(series)
    x = np.arange(len(groups))
    for i, (label, values) in enumerate(series.items()):
        ax.bar(x + i * width, values, width, label=label)
    ax.set_xticks(x + width * (len(series) - 1) / 2, groups, **({"rotation": 20, "ha": "right"} if rotate else {}))
    ax.set_ylim(0, 1.05)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plots(run: dict, out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")  # no display; also keeps a GUI backend from being picked on a desktop
    import matplotlib.pyplot as plt

    files = []
    sysd = systems(run)
    _bars(out / "systems.png", PLOT_METRICS, {name: [s["summary"].get(k) or 0 for k in PLOT_METRICS] for name, s in sysd.items()},
          "Seeds evaluation: metrics per system", rotate=True)
    files.append("systems.png")
    types = run["by_type"]
    _bars(out / "types.png", [f"{t} ({v['questions']})" for t, v in types.items()], {k: [t.get(k) or 0 for t in types.values()] for k in TYPE_METRICS},
          "Our pipeline per question type (unanswerable: pass = abstained)")
    files.append("types.png")

    fig, ax = plt.subplots(figsize=(8, 4))
    for name, s in sysd.items():
        ax.hist([r["latency_ms"] for r in s["results"]], bins=20, alpha=0.6, label=name)
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    plt.close(fig)
    files.append("latency.png")
    return files


# -- markdown -----------------------------------------------------------------------------------
def _md_cell(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("<", "&lt;")


def markdown(run: dict, comparison: dict | None = None) -> str:
    sysd = systems(run)
    names = list(sysd)
    meta = run.get("meta", {})
    lines = ["# Evaluation report", "", f"{meta.get('date', '')} — gold `{meta.get('gold', '')}`, {run['summary']['questions']} questions "
             f"({run['summary']['answerable']} answerable, {run['summary']['unanswerable']} unanswerable).", "",
             "## Metrics per system", "", "| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for k in TABLE_METRICS:
        mark = " ★" if k in HEADLINE else ""
        lines.append(f"| {k}{mark} | " + " | ".join(fmt(sysd[n]["summary"].get(k)) for n in names) + " |")
    lines += ["", "★ headline metric with a CI floor (eval/floors.json).", "", "![systems](systems.png)", "",
              "## Our pipeline per question type", "", "| type | n | " + " | ".join(TYPE_METRICS) + " |", "|---|---|" + "---|" * len(TYPE_METRICS)]
    for t, s in run["by_type"].items():
        lines.append(f"| {t} | {s['questions']} | " + " | ".join(fmt(s.get(k)) for k in TYPE_METRICS) + " |")
    lines += ["", "![types](types.png)", "", "## Latency", "", "![latency](latency.png)", ""]
    if comparison is not None:
        lines += ["## Compared with the previous run", ""]
        for title, key in (("Better", "better"), ("Regressed", "worse")):
            rows = comparison[key]
            lines.append(f"**{title}:** " + (", ".join(f"{d['metric']} {fmt(d['before'])} → {fmt(d['now'])}" for d in rows) or "nothing"))
            lines.append("")
        for title, key in (("Now passing", "fixed"), ("Now failing", "broken")):
            rows = comparison[key]
            lines.append(f"**{title}:** " + ("none" if not rows else ""))
            lines += [f"- {r['id']}: {_md_cell(r['question'], 120)}" for r in rows]
            lines.append("")
    lines += ["## Questions (our pipeline)", "", "| id | type | question | answer | pass | cited | gold sources |", "|---|---|---|---|---|---|---|"]
    for r in run["results"]:
        lines.append(f"| {r['id']} | {r['type']} | {_md_cell(r['question'], 150)} | {_md_cell(r['answer'])} | {'✅' if r['pass'] else '❌'} | "
                     f"{_md_cell(', '.join(r['cited']))} | {_md_cell(', '.join(r['sources']))} |")
    return "\n".join(lines) + "\n"


# -- html ---------------------------------------------------------------------------------------
_CSS = """body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}.pass{color:#096}.fail{color:#b00}img{max-width:100%}td.num{text-align:right}"""


def _e(v: object) -> str:
    return html.escape(str(v), quote=True)


def to_html(run: dict, comparison: dict | None = None) -> str:
    sysd = systems(run)
    names = list(sysd)
    s = run["summary"]
    meta = run.get("meta", {})
    h = ["<!doctype html><html><head><meta charset='utf-8'><title>Evaluation report</title>", f"<style>{_CSS}</style></head><body>",
         "<h1>Evaluation report</h1>",
         f"<p>{_e(meta.get('date', ''))} — gold <code>{_e(meta.get('gold', ''))}</code>, {s['questions']} questions "
         f"({s['answerable']} answerable, {s['unanswerable']} unanswerable).</p>",
         "<h2>Metrics per system</h2><table><tr><th>metric</th>" + "".join(f"<th>{_e(n)}</th>" for n in names) + "</tr>"]
    for k in TABLE_METRICS:
        h.append(f"<tr><td>{_e(k)}{' ★' if k in HEADLINE else ''}</td>" + "".join(f"<td class='num'>{_e(fmt(sysd[n]['summary'].get(k)))}</td>" for n in names) + "</tr>")
    h.append("</table><p>★ headline metric with a CI floor.</p><img src='systems.png' alt='metrics per system'>")
    h.append("<h2>Our pipeline per question type</h2><table><tr><th>type</th><th>n</th>" + "".join(f"<th>{_e(k)}</th>" for k in TYPE_METRICS) + "</tr>")
    for t, ts in run["by_type"].items():
        h.append(f"<tr><td>{_e(t)}</td><td class='num'>{ts['questions']}</td>" + "".join(f"<td class='num'>{_e(fmt(ts.get(k)))}</td>" for k in TYPE_METRICS) + "</tr>")
    h.append("</table><img src='types.png' alt='per question type'><h2>Latency</h2><img src='latency.png' alt='latency histogram'>")
    if comparison is not None:
        h.append("<h2>Compared with the previous run</h2>")
        for title, key in (("Better", "better"), ("Regressed", "worse")):
            items = "".join(f"<li>{_e(d['metric'])}: {_e(fmt(d['before']))} → {_e(fmt(d['now']))}</li>" for d in comparison[key]) or "<li>nothing</li>"
            h.append(f"<h3>{title}</h3><ul>{items}</ul>")
        for title, key in (("Now passing", "fixed"), ("Now failing", "broken")):
            items = "".join(f"<li>{_e(r['id'])}: {_e(r['question'])}</li>" for r in comparison[key]) or "<li>none</li>"
            h.append(f"<h3>{title}</h3><ul>{items}</ul>")
    h.append("<h2>Questions (our pipeline)</h2><table><tr><th>id</th><th>type</th><th>question</th><th>answer</th><th>pass</th><th>cited</th><th>gold sources</th></tr>")
    for r in run["results"]:
        ok = "<span class='pass'>pass</span>" if r["pass"] else "<span class='fail'>fail</span>"
        hist = "".join(f"<div><i>earlier: {_e(q)}</i></div>" for q, _ in r.get("history", []))
        h.append(f"<tr><td>{_e(r['id'])}</td><td>{_e(r['type'])}</td><td>{hist}{_e(r['question'])}</td><td>{_e(r['answer'])}</td><td>{ok}</td>"
                 f"<td>{_e(', '.join(r['cited']))}</td><td>{_e(', '.join(r['sources']))}</td></tr>")
    h.append("</table></body></html>")
    return "\n".join(h)


def write_report(run: dict, out_dir: str | Path, previous: dict | None = None) -> Path:
    """Write report.md, report.html and the PNGs into `out_dir`; returns the HTML path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    comparison = compare(run, previous) if previous is not None else None
    plots(run, out)
    (out / "report.md").write_text(markdown(run, comparison), encoding="utf-8")
    path = out / "report.html"
    path.write_text(to_html(run, comparison), encoding="utf-8")
    return path
