"""The scale corpus: N chunks made from real ones, and `ask` measured over it in a fresh process.

Encoding 100k chunks takes about an hour here, so an index of N chunks reuses the real articles of a
source record (chunk texts, metadata, sentence vectors and entities) and their embeddings with a small random
perturbation (Gaussian noise of norm ~0.05, renormalized), under new article ids (`<id>#copy<k>`).
Texts are repeated unchanged, so keyword scores tie across copies; dense scores do not.

`python -m bench.scale --home H --questions F` prints one JSON object: ask latency and the peak
resident memory of a process that loads the model and the index and answers the questions."""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import sys
import time
from pathlib import Path

import numpy as np

NOISE = 0.05
BATCH = 5000  # chunks per written generation


def build(source, n: int, home: Path, seed: int = 0, progress=None):
    """An engine over an index of `n` chunks copied from the engine `source` (reused when built before)."""
    from qa.chunk import chunk_id
    from qa.engine import Engine
    from qa.settings import Settings
    from qa.types import ArticleInfo

    def fresh() -> Engine:  # the source's embedding settings: its vectors and sentence rows are copied
        e = Engine(Settings(home=home, embed=source.settings.embed))
        e.encoder._model = source.encoder.model
        return e

    marker = home / "scale.json"
    if not (marker.is_file() and json.loads(marker.read_text()).get("chunks") == n):
        shutil.rmtree(home, ignore_errors=True)  # a half-built one; nothing has it open yet
    engine = fresh()
    if marker.is_file():
        return engine

    from dataclasses import replace

    from qa.store import Stored

    base, _ = source.store.read()  # whole articles as the record holds them: chunks, vectors, sentences
    rng = np.random.default_rng(seed)
    per_copy = sum(len(a.chunks) for a in base)
    total, gen, batch, t0 = 0, 0, [], time.perf_counter()

    def flush() -> None:
        # Written as an ingest writes: one generation per batch, the cache brought along with it, so
        # neither this process nor the record ever holds the whole index in memory at once.
        nonlocal gen, batch
        if batch:
            engine.store.write(batch, gen + 1)
            gen = engine.store.publish(gen + 1)
            engine.cache.update(gen, (), batch)
            batch = []
            if progress:
                progress(total, time.perf_counter() - t0)

    for k in range(math.ceil(n / per_copy)):
        for a in base:
            if total >= n:
                break
            doc = a.info.doc_id if k == 0 else f"{a.info.doc_id}#copy{k}"
            chunks = [replace(c, doc_id=doc, chunk_id=chunk_id(doc, c.index)) for c in a.chunks][: n - total]
            noise = rng.normal(0.0, NOISE / math.sqrt(a.vectors.shape[1]), (len(chunks), a.vectors.shape[1])).astype(np.float32)
            w = a.vectors[: len(chunks)] + noise
            info = ArticleInfo(**{**a.info.__dict__, "doc_id": doc, "chunks": len(chunks), "hash": "scale"})
            batch.append(Stored(info, chunks, w / np.linalg.norm(w, axis=1, keepdims=True), a.sentences))
            total += len(chunks)
            if sum(len(b.chunks) for b in batch) >= BATCH:
                flush()
    flush()
    engine.library.current()  # the keyword index made and saved, as the end of an ingest leaves it
    engine.library.keep_keyword()
    marker.write_text(json.dumps({"chunks": n, "from": source.store.count(), "noise": NOISE, "seed": seed,
                                  "build_s": round(time.perf_counter() - t0, 1)}))
    return engine


def built_in(home: Path) -> float | None:
    """Seconds the index at `home` took to build (kept in its marker: a reused index is not rebuilt)."""
    try:
        return json.loads((home / "scale.json").read_text()).get("build_s")
    except (OSError, ValueError):
        return None


def disk_bytes(home: Path) -> dict[str, int]:
    """Bytes on disk of the record (chroma/) and of the local cache (index/: SQLite and keyword index)."""
    def du(p: Path) -> int:
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.exists() else 0

    return {"record": du(home / "chroma"), "cache": du(home / "index")}


def new_articles(corpus: Path, n: int, out: Path) -> Path:
    """The first `n` records of a JSON corpus under new urls (so new article ids: the scale index
    already holds every corpus article), for measuring what adding articles costs."""
    records = json.loads(corpus.read_text(encoding="utf-8"))[:n]
    for i, r in enumerate(records):
        r["url"] = f"{r.get('url') or 'record'}#added-{i}"
    out.write_text(json.dumps(records), encoding="utf-8")
    return out


def updates(source, home: Path, corpus: Path, workdir: Path, articles: int = 100) -> dict:
    """What updates cost on the index at `home`, each against a reference from the same run:
    removing one article (as `Engine.remove` does it, the index loaded), and another reader (a
    running app) catching up with that; adding `articles` new articles to it, against adding the
    same to an empty data directory, before and after (the mean of the two is the reference: the
    machine's load drifts); then the added articles removed again, so the index can be reused."""
    from qa.engine import Engine
    from qa.settings import Settings

    def open_engine(at: Path) -> Engine:  # one ONNX export for all, as bench.run's ingest measurement shares one
        e = Engine(Settings(home=at, embed=source.settings.embed.model_copy(update={"cache_dir": source.encoder.cache_dir})))
        e.encoder._model = source.encoder.model
        return e

    path = new_articles(corpus, articles, workdir / f"added-{articles}.json")
    big, reader = open_engine(home), open_engine(home)
    t = time.perf_counter()
    snap = big.library.current()
    reader.library.current()
    load_s = time.perf_counter() - t
    # Two articles removed in turn: the first of a process's writes also pays one-time costs
    # (opening Chroma's writer, the ingest lock's checks); the second is what a running app pays.
    doomed = sorted(snap.articles, key=lambda d: ("#copy" in d, d))[-2:]
    remove_s, catch_up_s = [], []
    for d in doomed:
        t = time.perf_counter()
        big.remove(d)
        remove_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        reader.library.current()
        catch_up_s.append(time.perf_counter() - t)

    def add_empty(tag: str) -> float:
        at = workdir / f"added-empty-{tag}"
        shutil.rmtree(at, ignore_errors=True)
        return open_engine(at).ingest([path]).seconds

    warm = workdir / "added-warm-up"  # the process's first ingest loads spaCy and the ONNX session: not counted
    shutil.rmtree(warm, ignore_errors=True)
    open_engine(warm).ingest([new_articles(corpus, 2, workdir / "added-2.json")])
    empty = [add_empty("before")]
    report = big.ingest([path])
    empty.append(add_empty("after"))
    ref = sum(empty) / len(empty)
    added = [d for d in big.library.current().articles if "#added-" in d]
    t = time.perf_counter()
    for d in added:
        big.remove(d)
    remove_added_s = time.perf_counter() - t
    return {
        "chunks": snap.chunk_count(),
        "load_snapshot_s": round(load_s, 2),
        "remove_one_article_s": round(remove_s[-1], 3),
        "remove_first_article_s": round(remove_s[0], 3),
        "reader_catch_up_after_remove_s": round(catch_up_s[-1], 3),
        "reader_catch_up_after_first_remove_s": round(catch_up_s[0], 3),
        "add_articles": report.added,
        "add_chunks": report.chunks,
        "add_to_index_s": round(report.seconds, 1),
        "add_to_empty_s": [round(x, 1) for x in empty],
        "add_vs_empty": round(report.seconds / ref, 3),
        "remove_added_one_by_one_s": round(remove_added_s, 2),
    }


def measure(home: Path, questions: list[str], warmup: int = 3) -> dict:
    """ask latency (warm) over the index at `home`, and this process's peak RSS."""
    from eval.metrics import percentile
    from qa.engine import Engine
    from qa.settings import Settings

    t0 = time.perf_counter()
    engine = Engine(Settings(home=home))
    for q in questions[:warmup]:
        engine.ask(q)
    start_s = time.perf_counter() - t0
    engine.answerer._cache.clear()
    lat = []
    for q in questions:
        t = time.perf_counter()
        engine.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
    return {
        "chunks": engine.store.count(),
        "questions": len(questions),
        "ask_p50_ms": round(percentile(lat, 50), 1),
        "ask_p95_ms": round(percentile(lat, 95), 1),
        "load_and_warmup_s": round(start_s, 1),
        "peak_rss_mb": peak_rss_mb(),
        "torch_loaded": "torch" in sys.modules,  # questions through ONNX: the torch model is never loaded
    }


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from
    the parent across fork+exec, so a child of a big process would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.scale")
    p.add_argument("--home", required=True)
    p.add_argument("--questions", required=True, help="JSON list of questions")
    args = p.parse_args(argv)
    qs = json.loads(Path(args.questions).read_text())
    print(json.dumps(measure(Path(args.home), qs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
