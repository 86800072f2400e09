"""The scale corpus: N chunks made from real ones, and `ask` measured over it in a fresh process.

Encoding 100k chunks takes about an hour here, so an index of N chunks reuses the real chunks of a
source index (text, metadata, sentence vectors) and their embeddings with a small random
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


def build(source, n: int, home: Path, seed: int = 0):
    """An engine over an index of `n` chunks copied from the engine `source` (reused when built before)."""
    from qa.chunk import chunk_id
    from qa.engine import Engine
    from qa.settings import Settings
    from qa.store import chunk_from
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

    res = source.store.collection.get(include=["embeddings", "documents", "metadatas"])
    base = [chunk_from(i, d, m) for i, d, m in zip(res["ids"], res["documents"], res["metadatas"])]
    base_vecs = np.asarray(res["embeddings"], dtype=np.float32)
    rows_by_doc: dict[str, list] = {}
    for row in source.sentences.raw_rows():
        rows_by_doc.setdefault(row[0], []).append(row)
    rng = np.random.default_rng(seed)
    copies = math.ceil(n / len(base))
    chunks, vecs, sentence_rows, articles = [], [], [], {}
    for k in range(copies):
        for c, v in zip(base, base_vecs):
            if len(chunks) == n:
                break
            doc = c.doc_id if k == 0 else f"{c.doc_id}#copy{k}"
            if doc not in articles:
                articles[doc] = ArticleInfo(doc_id=doc, title=c.title, source=c.source, date=c.date, byline=c.byline, url=c.url, chunks=0, hash="scale")
                sentence_rows.extend((doc, *r[1:]) for r in rows_by_doc.get(c.doc_id, []))
            articles[doc].chunks += 1
            c2 = type(c)(**{**c.__dict__, "doc_id": doc, "chunk_id": chunk_id(doc, c.index)})
            noise = rng.normal(0.0, NOISE / math.sqrt(len(v)), len(v)).astype(np.float32)
            w = v + noise
            chunks.append(c2)
            vecs.append(w / np.linalg.norm(w))
    step = 5000
    for i in range(0, len(chunks), step):
        engine.store.add(chunks[i : i + step], np.stack(vecs[i : i + step]))
    engine.sentences.put_raw(sentence_rows)
    engine.sentences.put_chunks((c.chunk_id, c.doc_id, v) for c, v in zip(chunks, vecs))
    engine.keyword.build(chunks)
    engine.registry.articles = articles
    engine.registry.save()
    marker.write_text(json.dumps({"chunks": n, "from": source.store.count(), "noise": NOISE, "seed": seed}))
    return engine


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
