"""The `qa` command: each subcommand makes one call into the engine and prints the result."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable

from qa.errors import QAError
from qa.types import Answer

EXIT_USAGE = 2


def _engine():
    from qa.engine import Engine

    return Engine()


def format_answer(a: Answer) -> str:
    text = " ".join(s.text + (" (unsupported)" if s.unsupported else "") for s in a.sentences) if a.sentences else a.answer
    # The direct answer on a line of its own, then the evidence.
    head = a.short if a.short and text.startswith(a.short) else ""
    lines = ([textwrap.fill(head, 100), ""] if head else []) + [textwrap.fill(text[len(head):].strip(), 100), ""]
    if a.note:
        lines[:0] = [textwrap.fill(f"note: {a.note}", 100), ""]
    if a.abstained:
        if a.passages:
            lines.append("Closest passages:")
        for i, p in enumerate(a.passages, 1):
            c = p.chunk
            lines.append(f"  ({i}) {c.title} — {c.source or 'unknown outlet'}, {c.date or 'undated'} [{c.doc_id}]")
            lines.append(textwrap.indent(textwrap.fill(c.text[:400], 96), "      "))
        return "\n".join(lines)
    lines.append("Sources:")
    for c in a.citations:
        lines.append(f"  [{c.n}] {c.title} — {c.source or 'unknown outlet'}, {c.date or 'undated'} [{c.doc_id}]")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "      "))
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    question = sys.stdin.read() if args.question == "-" else args.question
    engine = _engine()
    engine.ensure_ingested(warn=_warn)
    answer = engine.ask(question, top_k=args.top_k, sources=args.source, since=args.since, until=args.until,
                        undated=_keep(args.undated), unsourced=_keep(args.unsourced))
    print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else format_answer(answer))
    return 0


def _keep(choice: str | None) -> bool | None:
    """--undated / --unsourced: include -> True, exclude -> False, not given -> None (see qa.types.Filters)."""
    return None if choice is None else choice == "include"


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--undated", choices=("include", "exclude"),
                   help="articles with no date: include them even with --since/--until, or exclude them always "
                        "(default: kept only when no date range is given)")
    p.add_argument("--unsourced", choices=("include", "exclude"),
                   help="articles with no known outlet: include them even with --source, or exclude them always "
                        "(default: kept only when no --source is given)")


def cmd_timeline(args: argparse.Namespace) -> int:
    engine = _engine()
    engine.ensure_ingested(warn=_warn)
    entries = engine.timeline(args.topic, sources=args.source, since=args.since, until=args.until,
                              undated=_keep(args.undated), unsourced=_keep(args.unsourced))
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False))
        return 0
    if not entries:
        print(f"No article found on {args.topic!r}.")
    for e in entries:
        print(f"{e.date or 'undated':>10}  {e.source or 'unknown outlet'} — {e.title} [{e.doc_id}]")
        if e.change:
            print(textwrap.indent(textwrap.fill(f"CHANGED. Before [{e.before_n}]: “{e.before}”", 96), "            "))
        print(textwrap.indent(textwrap.fill(f"“{e.sentence}” [{e.n}]", 96), "            "))
    return 0


def _warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def _ingest_note(msg: str) -> None:
    """A file or record ingest refused is an error (one line naming it); anything else a warning."""
    print(f"error: {msg.removeprefix('skipped ')}" if msg.startswith("skipped ") else f"warning: {msg}", file=sys.stderr)


def _progress_bar() -> tuple[Callable[[int, int, str], None], Callable[[], None]]:
    from tqdm import tqdm

    bar: list[tqdm] = []

    def update(done: int, total: int, name: str) -> None:
        if not bar:
            bar.append(tqdm(total=total, unit="article", file=sys.stderr, disable=None, desc="ingest"))
        bar[0].update(done - bar[0].n)

    def close() -> None:
        if bar:
            bar[0].close()

    return update, close


def cmd_ingest(args: argparse.Namespace) -> int:
    update, close = _progress_bar()
    try:
        report = _engine().ingest(args.paths or None, progress=update, warn=_ingest_note)
    finally:
        close()
    print(report.summary())
    return EXIT_USAGE if report.failed else 0  # each refused file or record was named on stderr


def cmd_extract(args: argparse.Namespace) -> int:
    failed: list[str] = []

    def note(msg: str) -> None:
        failed.append(msg)
        print(f"error: {msg}", file=sys.stderr)

    records = _engine().extract(args.paths, warn=note)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        for r in records:
            head = [f"== {r['name']}", f"title:  {r['title']}", f"outlet: {r['outlet']}", f"date:   {r['date']}", f"byline: {r['byline']}", f"url:    {r['url']}", ""]
            print("\n".join(head) + r["text"] + "\n")
    return EXIT_USAGE if failed else 0


def cmd_watch(args: argparse.Namespace) -> int:
    from qa.watch import parse_interval

    try:
        every = parse_interval(args.every)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE

    def emit(line: str) -> None:
        print(line, file=sys.stderr if line.startswith(("error:", "warning:")) else sys.stdout, flush=True)

    print(f"watching {len(args.targets)} source(s) every {args.every}; Ctrl-C stops", file=sys.stderr, flush=True)
    _engine().watch(args.targets, every, emit, rounds=args.rounds)
    return 0


def _start_watcher(targets: list[str], every: str) -> Callable[[], None]:
    """`qa serve --watch`: `qa watch` in a child process, which the app picks up like any other ingest
    (it reloads the registry when it changes); returns what stops it."""
    import atexit
    import subprocess

    def die_with_parent() -> None:
        """Linux: the watcher gets SIGTERM when the app's process ends, however it ends (a SIGTERM to
        `qa serve` runs no `finally`). Elsewhere the atexit hook below is all there is."""
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
        except (OSError, AttributeError):
            pass

    proc = subprocess.Popen([sys.executable, "-m", "qa", "watch", *targets, "--every", every], preexec_fn=die_with_parent)

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()

    atexit.register(stop)
    return stop


def cmd_doctor(args: argparse.Namespace) -> int:
    result = _engine().doctor(repair=args.repair)
    print("\n".join(result.lines()))
    return 0 if result.ok or result.set_aside else 1


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _engine().stats()
    if args.json:
        print(json.dumps(stats.to_json()))
    else:
        for k, v in stats.to_json().items():
            print(f"{k:>10}: {v}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    engine = _engine()
    update, close = _progress_bar()
    interactive = sys.stderr.isatty()

    started: list[bool] = []

    def progress(done: int, total: int, name: str) -> None:
        if not started:
            started.append(True)
            print(f"empty index: ingesting {total} articles from {engine.settings.seeds} ...", file=sys.stderr, flush=True)
        if not interactive:  # tqdm draws no bar when stderr is a log file: one line per step instead
            print(f"ingest: {done}/{total} articles", file=sys.stderr, flush=True)
        update(done, total, name)

    print(f"checking the index in {engine.home.resolve()} ...", file=sys.stderr, flush=True)
    engine.hold(f"http://{args.host or engine.settings.server.host}:{args.port or engine.settings.server.port}/")
    try:
        report = engine.ensure_ingested(progress=progress, warn=_warn)
    finally:
        close()
    if report:
        print(f"ingested {engine.settings.seeds}: {report.summary()}", file=sys.stderr, flush=True)
    from ui.app import serve  # lazily: only `qa serve` needs the web stack

    stop_watcher = _start_watcher(args.watch, args.every) if args.watch else None
    try:
        serve(engine, host=args.host, port=args.port)
    finally:
        if stop_watcher:
            stop_watcher()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """The evaluation lives in eval/; this only parses, calls it once and prints."""
    from eval.cli import main as eval_main

    return eval_main(args)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line too, like every other error (argparse would print the whole usage)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_USAGE, f"error: {message} (see `{self.prog} --help`)\n")


def cmd_bench(args: argparse.Namespace) -> int:
    """The benchmarks live in bench/; this only calls them once."""
    from bench.run import main as bench_main

    return bench_main(args)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="qa", description="Cited answers from a folder of news articles, offline.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ing = sub.add_parser("ingest", help="add, update or remove articles (default: seeds/)")
    ing.add_argument("paths", nargs="*", help="folders of .txt/.md/.html files, .json/.jsonl files of article records, web page or RSS/Atom feed URLs")
    ing.set_defaults(func=cmd_ingest)

    ex = sub.add_parser("extract", help="print what ingest would store for each file, page or feed (text, title, outlet, date, byline, url)")
    ex.add_argument("paths", nargs="+", help="files, folders, web page URLs or RSS/Atom feed URLs")
    ex.add_argument("--json", action="store_true", help="print a JSON list of records, each with the `file` it came from")
    ex.set_defaults(func=cmd_extract)

    ask = sub.add_parser("ask", help="ask a question; prints a cited answer")
    ask.add_argument("question", help="the question; - reads it from standard input")
    ask.add_argument("--top-k", type=int, default=None, help="passages to retrieve")
    ask.add_argument("--source", action="append", help="only articles from this outlet (repeatable)")
    ask.add_argument("--since", help="only articles dated on or after YYYY-MM-DD")
    ask.add_argument("--until", help="only articles dated on or before YYYY-MM-DD")
    _filter_options(ask)
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(func=cmd_ask)

    tl = sub.add_parser("timeline", help="a story over time: every article on a topic, oldest first, with what each reported")
    tl.add_argument("topic", help='what the story is about, e.g. "South Korea\'s intelligence-sharing pact with Japan"')
    tl.add_argument("--source", action="append", help="only articles from this outlet (repeatable)")
    tl.add_argument("--since", help="only articles dated on or after this day (2020-01-09, 2020-01, January 2020)")
    tl.add_argument("--until", help="only articles dated on or before this day")
    _filter_options(tl)
    tl.add_argument("--json", action="store_true", help="print the entries as one JSON list")
    tl.set_defaults(func=cmd_timeline)

    srv = sub.add_parser("serve", help="the chat in the browser (ingests seeds/ first when the index is empty)")
    srv.add_argument("--host", default=None, help="address to bind (default: QA_SERVER__HOST, 127.0.0.1)")
    srv.add_argument("--port", type=int, default=None, help="port (default: QA_SERVER__PORT, 7860)")
    srv.add_argument("--watch", nargs="+", metavar="PATH|URL", help="also keep these folders, pages or feeds ingested (see `qa watch`)")
    srv.add_argument("--every", default="15m", help="how often --watch polls (default 15m)")
    srv.set_defaults(func=cmd_serve)

    wa = sub.add_parser("watch", help="re-ingest folders, pages and feeds every so often; one line per change")
    wa.add_argument("targets", nargs="+", metavar="PATH|URL", help="folders, files, web pages or RSS/Atom feeds")
    wa.add_argument("--every", default="15m", help="interval: 15m, 30s, 1h (default 15m)")
    wa.add_argument("--rounds", type=int, default=None, help="stop after this many rounds (default: until Ctrl-C)")
    wa.set_defaults(func=cmd_watch)

    ev = sub.add_parser("eval", help="score the pipeline on gold questions (default: the seeds), or on MultiHop-RAG")
    ev.add_argument("--gold", help="gold questions, JSONL (default: eval/gold/seeds.jsonl)")
    ev.add_argument("--corpus", action="append", help="corpus to ingest first (default: seeds/; repeatable)")
    ev.add_argument("--home", help="data directory (default: the normal settings home)")
    ev.add_argument("--json", metavar="OUT", help="write the summary and per-question results as JSON")
    ev.add_argument("--report", metavar="DIR", help="write report.md, report.html and plots")
    ev.add_argument("--baselines", action="store_true", help="also run the plain llama-index and BM25-only baselines")
    ev.add_argument("--previous", metavar="FILE", help="a previous run's --json output: list what got better and what regressed")
    ev.add_argument("--write-floors", action="store_true", help="rewrite eval/floors.json (CI floors) from this run")
    ev.add_argument("--check-floors", action="store_true", help="exit 1 when a headline metric is under its floor")
    ev.set_defaults(func=cmd_eval)
    ev_sub = ev.add_subparsers(dest="mode", metavar="MODE")
    mh = ev_sub.add_parser("multihop", help="the MultiHop-RAG benchmark (retrieval as scored in the paper, answers)")
    mh.add_argument("--corpus", dest="mh_corpus", required=True, help="MultiHop-RAG corpus.json")
    mh.add_argument("--queries", required=True, help="MultiHop-RAG queries (e.g. queries_dev.json)")
    mh.add_argument("--home", dest="mh_home", help="data directory for its index (default: .qa-multihop/, reused by later runs)")
    mh.add_argument("--json", dest="mh_json", metavar="OUT", help="write the summary and per-query results as JSON")
    mh.add_argument("--limit", type=int, help="only the first N queries")
    mh.add_argument("--summary-json", metavar="OUT", help="write only the summary (small enough to commit)")
    mh.set_defaults(func=cmd_eval)

    ab = ev_sub.add_parser("ablation", help="MultiHop-RAG retrieval with each retrieval component switched off in turn, per question type")
    ab.add_argument("--corpus", dest="mh_corpus", required=True, help="MultiHop-RAG corpus.json")
    ab.add_argument("--queries", required=True, help="MultiHop-RAG queries (e.g. queries_dev.json)")
    ab.add_argument("--home", dest="mh_home", help="data directory for its index (default: .qa-multihop/, reused by later runs)")
    ab.add_argument("--limit", type=int, help="only the first N queries")
    ab.add_argument("--variant", action="append", help="run only this variant (repeatable; default: all)")
    ab.add_argument("--json", dest="mh_json", metavar="OUT", help="write every variant's scores as JSON")
    ab.add_argument("--markdown", metavar="OUT", help="write the table as markdown")
    ab.set_defaults(func=cmd_eval)

    xe = ev_sub.add_parser("extraction", help="article extraction on saved web pages: ours beside trafilatura, readability-lxml and a baseline")
    xe.add_argument("--pages", required=True, help="folder of saved pages (e.g. ../shared/benchmarks/article-extraction/pages)")
    xe.add_argument("--gold", dest="x_gold", required=True, help="annotations, a JSON list (e.g. .../article-extraction/dev.json)")
    xe.add_argument("--system", action="append", help="run only this system (repeatable; default: all)")
    xe.add_argument("--json", dest="x_json", metavar="OUT", help="write the summary and per-page scores as JSON")
    xe.add_argument("--markdown", dest="x_markdown", metavar="OUT", help="write the table as markdown")
    xe.add_argument("--write-floors", dest="x_write_floors", action="store_true", help="rewrite eval/extraction_floors.json from this run")
    xe.add_argument("--check-floors", dest="x_check_floors", action="store_true", help="exit 1 when our scores are under their floors")
    xe.set_defaults(func=cmd_eval)

    doc = sub.add_parser("doctor", help="check that the index is consistent (after a crash or a kill); --repair fixes it")
    doc.add_argument("--repair", action="store_true", help="delete orphan chunks, drop half-ingested articles, rebuild the keyword index and a damaged vector index")
    doc.set_defaults(func=cmd_doctor)

    be = sub.add_parser("bench", help="speed and memory against same-run references (ingest, ask, scale, cold start)")
    be.add_argument("--corpus", help="JSON corpus for ingest and ask (default: ../shared/benchmarks/multihop-rag/corpus.json when present)")
    be.add_argument("--json", metavar="OUT", help="also write all figures to this JSON file")
    be.add_argument("--home", default=".qa-multihop", help="data directory for the corpus index (reused by later runs)")
    be.add_argument("--ingest-articles", type=int, default=60, help="articles of the corpus ingested for the throughput figure")
    be.add_argument("--questions", type=int, default=60, help="corpus questions timed")
    be.add_argument("--scale", default="1000,10000,100000", help="index sizes (chunks) for the scale figures; empty: none")
    be.add_argument("--no-cold", action="store_true", help="skip the cold-start figures")
    be.add_argument("--profile", action="store_true", help="also time each stage of a question (embed, dense, keyword, fusion, answer, spaCy)")
    be.add_argument("--workdir", help="scratch directory (scale indexes are reused from it); default: a new temp dir")
    be.add_argument("--results", default="bench/results", help="where latest.json, latest.md and scale.png go")
    be.set_defaults(func=cmd_bench)

    st = sub.add_parser("stats", help="what is indexed, and where")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except QAError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `qa ask ... | head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
