"""`qa eval` behind the thin subcommand in qa/cli.py: run, write the requested files, print."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.gold import DEFAULT_GOLD


def _progress(system: str, done: int, total: int) -> None:
    if done == total or done % 10 == 0:
        print(f"  {system}: {done}/{total}", file=sys.stderr)


def _write_json(path: str | Path, data: dict) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def format_summary(run: dict) -> str:
    from eval.report import TABLE_METRICS, fmt, systems

    sysd = systems(run)
    lines = [f"{'metric':<26}" + "".join(f"{n:>12}" for n in sysd)]
    for k in TABLE_METRICS:
        lines.append(f"{k:<26}" + "".join(f"{fmt(s['summary'].get(k)):>12}" for s in sysd.values()))
    return "\n".join(lines)


def seeds(args: argparse.Namespace) -> int:
    from eval.floors import check_floors, floors_for, load_floors, write_floors
    from eval.report import compare, write_report
    from eval.run import run_eval
    from qa.settings import Settings

    settings = Settings(home=Path(args.home)) if args.home else Settings()
    floors = floors_for(args.gold or DEFAULT_GOLD)
    run = run_eval(settings, gold=args.gold or DEFAULT_GOLD, corpus=args.corpus, baselines=args.baselines, progress=_progress)
    previous = json.loads(Path(args.previous).read_text(encoding="utf-8")) if args.previous else None
    if previous is not None:
        run["comparison"] = compare(run, previous)
    if args.json:
        _write_json(args.json, run)
    if args.report:
        print(f"report: {write_report(run, args.report, previous)}", file=sys.stderr)
    print(format_summary(run))
    if previous is not None:
        c = run["comparison"]
        for title, key in (("better", "better"), ("regressed", "worse")):
            print(f"{title}: " + (", ".join(f"{d['metric']} {d['before']} -> {d['now']}" for d in c[key]) or "nothing"))
        print("now passing: " + (", ".join(r["id"] for r in c["fixed"]) or "none"))
        print("now failing: " + (", ".join(r["id"] for r in c["broken"]) or "none"))
    if args.write_floors:
        write_floors(run["summary"], floors)
        print(f"floors written to {floors}", file=sys.stderr)
    if args.check_floors:
        problems = check_floors(run["summary"], load_floors(floors))
        for p in problems:
            print(f"FLOOR: {p}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def multihop(args: argparse.Namespace) -> int:
    from eval.multihop import DEFAULT_HOME, format_summary, run_multihop

    def progress(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            print(f"  multihop: {done}/{total}", file=sys.stderr)

    def ingest_progress(done: int, total: int, name: str) -> None:
        if done == total or done % 50 == 0:
            print(f"  ingest: {done}/{total}", file=sys.stderr)

    run = run_multihop(args.mh_corpus, args.queries, home=args.mh_home or DEFAULT_HOME, limit=args.limit,
                       progress=progress, ingest_progress=ingest_progress)
    if args.mh_json:
        _write_json(args.mh_json, {"summary": run["summary"], "meta": run["meta"], "results": run["results"]})
    if args.summary_json:
        _write_json(args.summary_json, {"summary": run["summary"], "meta": run["meta"]})
    print(format_summary(run["summary"]))
    return 0


def ablation(args: argparse.Namespace) -> int:
    from eval.ablation import VARIANTS, format_table, run_ablation
    from eval.multihop import DEFAULT_HOME

    unknown = [v for v in args.variant or [] if v not in VARIANTS]
    if unknown:
        raise ValueError(f"unknown variant {', '.join(map(repr, unknown))}; variants: {', '.join(map(repr, VARIANTS))}")

    def progress(name: str, done: int, total: int) -> None:
        if done == total or done % 200 == 0:
            print(f"  {name}: {done}/{total}", file=sys.stderr)

    run = run_ablation(args.mh_corpus, args.queries, home=args.mh_home or DEFAULT_HOME, limit=args.limit, variants=args.variant, progress=progress)
    table = format_table(run)
    if args.mh_json:
        _write_json(args.mh_json, run)
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


def extraction(args: argparse.Namespace) -> int:
    from eval.extraction import FLOORS, check_floors, format_table, run_extraction, write_floors

    def progress(name: str, done: int, total: int) -> None:
        if done == total:
            print(f"  {name}: {done}/{total} pages", file=sys.stderr)

    run = run_extraction(args.pages, args.x_gold, systems=args.system, progress=progress)
    if args.x_json:
        _write_json(args.x_json, run)
    if args.x_markdown:
        Path(args.x_markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.x_markdown).write_text(format_table(run, markdown=True) + "\n", encoding="utf-8")
    print(format_table(run))
    if args.x_write_floors:
        write_floors(run["summary"]["ours"])
        print(f"floors written to {FLOORS}", file=sys.stderr)
    if args.x_check_floors:
        problems = check_floors(run["summary"]["ours"])
        for p in problems:
            print(f"FLOOR: {p}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def main(args: argparse.Namespace) -> int:
    from eval.gold import GoldError

    try:
        mode = getattr(args, "mode", None)
        if mode == "extraction":
            return extraction(args)
        return multihop(args) if mode == "multihop" else ablation(args) if mode == "ablation" else seeds(args)
    except (GoldError, FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
