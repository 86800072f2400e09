"""Where an ingest or a question spends its time: each stage's wall time, summed over the threads
that run it.

`stage_times()` wraps the functions of each stage for the duration of a `with` block (a bench only:
the product is not instrumented). With `QA_INGEST__OVERLAP` on, storing a batch runs on a second
thread while the next one is chunked and encoded, so the stages add up to more than the wall time.

    .venv/bin/python -m bench.stages [--articles N] [--no-overlap]   # a whole ingest, per stage
    .venv/bin/python -m bench.stages --into HOME --articles 100      # adding N articles to an index
        against adding them to an empty directory, same process, back to back (then removed again)"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

INGEST_STAGES = {
    "load": ("qa.ingest._load_target",),
    "chunk": ("qa.ingest.chunk_articles",),
    "encode": ("qa.embed.Encoder.encode_articles", "qa.embed.Encoder.encode"),
    "entities": ("qa.nlp.entities",),
    "chroma": ("qa.store.ChunkStore.write", "qa.store.ChunkStore.publish", "qa.store.ChunkStore.delete_doc", "qa.store.ChunkStore.delete_ids"),
    "cache": ("qa.cache.Cache.update",),  # the local SQLite copy of the record
    "keyword": ("qa.keyword.KeywordIndex.build", "qa.keyword.KeywordIndex.apply"),
}
# Adding articles to an index that holds many already: the two threads' work ("prepare": chunk and
# encode; "store": the rest) and what in storing may grow with the index. "catch_up" (the cache and
# the keyword index brought to the new generation) holds "read_changes", "count" and "keyword".
UPDATE_STAGES = INGEST_STAGES | {
    "prepare": ("qa.ingest._prepare",),
    "store": ("qa.ingest._store",),
    "catch_up": ("qa.library.Library.catch_up",),
    "read_changes": ("qa.store.ChunkStore.read_changes",),
    "count": ("qa.store.ChunkStore.count", "qa.store.ChunkStore.count_above"),
}
# A question. "retrieval" holds "dense" and "keyword"; "answer" (reading the question and writing
# the answer from the passages) holds "spacy".
ASK_STAGES = {
    "embed": ("qa.embed.Encoder.encode_question", "qa.embed.Encoder.encode"),
    "dense": ("qa.store.ChunkStore.nearest",),
    "keyword": ("qa.keyword.KeywordIndex.hits", "qa.keyword.KeywordIndex.scores"),
    "retrieval": ("qa.retrieve.HybridRetriever.passages",),
    "answer": ("qa.answer.Answerer.answer", "qa.question.read"),
    "spacy": ("qa.nlp.parse", "qa.nlp.entities"),
}


def _resolve(target: str):
    import importlib

    parts = target.split(".")
    for i in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for name in parts[i:-1]:
            obj = getattr(obj, name)
        return obj, parts[-1]
    raise ImportError(target)


@contextmanager
def stage_times(stages: dict[str, tuple[str, ...]] = INGEST_STAGES) -> Iterator[dict[str, float]]:
    """Seconds per stage, filled in while the block runs. A stage called inside another (iter_all
    inside the keyword build) counts in both; a function calling itself counts once."""
    out = {k: 0.0 for k in stages}
    depth = threading.local()
    lock = threading.Lock()

    def wrap(stage: str, fn, materialize: bool):
        def timed(*a, **kw):
            outer = not getattr(depth, stage, 0)
            setattr(depth, stage, getattr(depth, stage, 0) + 1)
            t0 = time.perf_counter()
            try:
                res = fn(*a, **kw)
                return list(res) if materialize else res  # a generator's work happens while it is consumed
            finally:
                setattr(depth, stage, getattr(depth, stage) - 1)
                if outer:
                    with lock:
                        out[stage] += time.perf_counter() - t0
        return timed

    with ExitStack() as stack:
        for stage, targets in stages.items():
            for target in targets:
                owner, name = _resolve(target)
                fn = getattr(owner, name)
                gen = name in ("_load_target", "iter_all")
                stack.enter_context(mock.patch.object(owner, name, wrap(stage, fn, gen)))
        yield out


def whole_ingest(corpus, home, articles: int | None = None, overlap: bool = True, backend: str = "auto", cache_dir=None,
                 batch_articles: int = 64, onnx_threads: int = 2) -> dict:
    """Ingest `corpus` (its first `articles` records) into an empty data directory at `home`, timed per stage."""
    import shutil
    from pathlib import Path

    from bench.run import subset
    from qa.engine import Engine
    from qa.settings import EmbedSettings, IngestSettings, Settings

    home = Path(home)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    path = subset(Path(corpus), articles, home) if articles else Path(corpus)
    embed = EmbedSettings(ingest_backend=backend, cache_dir=cache_dir, onnx_threads=onnx_threads)
    engine = Engine(Settings(home=home / "data", embed=embed, ingest=IngestSettings(overlap=overlap, batch_articles=batch_articles)))
    t0 = time.perf_counter()
    with stage_times() as stages:
        report = engine.ingest([path])
    wall = time.perf_counter() - t0
    return {
        "articles": report.added, "chunks": report.chunks, "seconds": round(wall, 1), "overlap": overlap, "backend": backend, "encoder": engine.encoder.ingest_kind, "batch_articles": batch_articles, "onnx_threads": onnx_threads,
        "chunks_per_s": round(report.chunks / wall, 2), "stages_s": {k: round(v, 1) for k, v in stages.items()},
    }


def add_to_index(corpus, into, articles: int = 100, cache_dir=None, workdir=None) -> dict:
    """Add the first `articles` records of `corpus` (under new ids) to the index at `into`, and the
    same to an empty data directory before and after, in one process, each timed per stage
    (UPDATE_STAGES); then remove them from `into` again, leaving it as it was."""
    import os
    import shutil
    import tempfile
    from pathlib import Path

    from bench.scale import new_articles
    from qa.engine import Engine
    from qa.settings import EmbedSettings, Settings

    into = Path(into)
    embed = EmbedSettings(cache_dir=cache_dir or into / "models")  # the index's ONNX export, shared
    with tempfile.TemporaryDirectory(prefix="qa-stages-", dir=workdir) as tmp:
        tmp = Path(tmp)
        path = new_articles(Path(corpus), articles, tmp / "added.json")
        Engine(Settings(home=tmp / "warm", embed=embed)).ingest([new_articles(Path(corpus), 2, tmp / "warm.json")])  # spaCy and ONNX loaded
        big = Engine(Settings(home=into, embed=embed))
        before = big.library.current().chunk_count()
        if any("#added-" in d for d in big.library.current().articles):
            raise SystemExit(f"{into} holds articles added by an earlier run that stopped (ids with #added-): remove them first")
        runs = []
        for n, which in enumerate(("empty", "index", "empty")):
            home = into if which == "index" else tmp / f"empty-{n}"
            if which == "empty":
                shutil.rmtree(home, ignore_errors=True)
            engine = big if which == "index" else Engine(Settings(home=home, embed=embed))
            load, cpu = os.getloadavg()[0], time.process_time()
            with stage_times(UPDATE_STAGES) as stages:
                report = engine.ingest([path])
            # CPU seconds of this process (both threads): what the machine's other load moves least
            runs.append({"into": which, "seconds": round(report.seconds, 1), "cpu_s": round(time.process_time() - cpu, 1), "chunks": report.chunks,
                         "loadavg_before": round(load, 2), "loadavg_after": round(os.getloadavg()[0], 2),
                         "stages_s": {k: round(v, 2) for k, v in stages.items()}})
        for doc in [d for d in big.library.current().articles if "#added-" in d]:
            big.remove(doc)
        after = big.library.current().chunk_count()
    ref = (runs[0]["seconds"] + runs[2]["seconds"]) / 2
    cpu_ref = (runs[0]["cpu_s"] + runs[2]["cpu_s"]) / 2
    return {"index_chunks": before, "left_with_chunks": after, "articles": articles, "runs": runs, "index_vs_empty": round(runs[1]["seconds"] / ref, 3),
            "index_vs_empty_cpu": round(runs[1]["cpu_s"] / cpu_ref, 3)}


def main(argv: list[str] | None = None) -> int:
    import argparse
    import json
    import tempfile

    from bench.run import DEFAULT_CORPUS

    p = argparse.ArgumentParser(prog="python -m bench.stages", description="A whole ingest into an empty data directory, timed per stage.")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    p.add_argument("--articles", type=int, default=0, help="the first N records only (0: all)")
    p.add_argument("--no-overlap", action="store_true")
    p.add_argument("--backend", default="auto", choices=["auto", "onnx", "torch", "torch-bf16"], help="QA_EMBED__INGEST_BACKEND")
    p.add_argument("--batch-articles", type=int, default=64)
    p.add_argument("--onnx-threads", type=int, default=2)
    p.add_argument("--cache-dir", default=None, help="where the ONNX export is (default: in the new data directory)")
    p.add_argument("--into", default=None, help="a data directory to add --articles (default 100) to, against an empty one")
    args = p.parse_args(argv)
    if args.into:
        print(json.dumps(add_to_index(args.corpus, args.into, args.articles or 100, args.cache_dir)))
        return 0
    with tempfile.TemporaryDirectory(prefix="qa-stages-") as tmp:
        out = whole_ingest(args.corpus, tmp, args.articles or None, not args.no_overlap, args.backend, args.cache_dir, args.batch_articles, args.onnx_threads)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
