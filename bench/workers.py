"""Would several worker processes embed an ingest faster? Measured, not assumed.

The same chunk texts are encoded (a) in this process with torch's default threads, the way
`qa ingest` does, and (b) by sentence-transformers' multi-process pool with 2 and then N worker
processes on the CPU (one torch thread each, so the pool does not oversubscribe the cores). The
figure is (b)'s throughput as a share of (a)'s, in the same run. `qa ingest` keeps one process
unless this says a pool helps.

    .venv/bin/python -m bench.workers [--texts 256] [--json bench/results/workers.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.run import DEFAULT_CORPUS, ROOT


def _texts(n: int) -> list[str]:
    from qa.chunk import chunk_articles
    from qa.embed import Encoder
    from qa.load import load
    from qa.settings import Settings

    s = Settings()
    enc = Encoder(s.model_path, s.embed)
    articles = [item.article for item in load(DEFAULT_CORPUS, s.ingest) if not item.error][: max(n // 8, 8)]
    chunks = [c for cs in chunk_articles(articles, s.chunk, enc.token_counts, enc.token_offsets, enc.max_tokens) for c in cs]
    return [c.embed_text for c in chunks][:n]


def measure(n: int = 256, workers: tuple[int, ...] = (2,)) -> dict:
    import torch
    from sentence_transformers import SentenceTransformer

    from qa.settings import Settings

    texts = _texts(n)
    model = SentenceTransformer(Settings().model_path, device="cpu")
    model.encode(texts[:32], batch_size=32)  # warm-up
    t0 = time.perf_counter()
    model.encode(texts, batch_size=32)
    single = len(texts) / (time.perf_counter() - t0)
    rows = {"one process, torch threads": {"threads": torch.get_num_threads(), "texts_per_s": round(single, 2), "ratio": 1.0}}
    for w in workers:
        torch.set_num_threads(1)  # the workers inherit it; the parent only hands out texts
        pool = model.start_multi_process_pool(["cpu"] * w)
        try:
            model.encode(texts[: 32 * w], batch_size=32, pool=pool)  # warm-up: each worker loads and runs once
            t0 = time.perf_counter()
            model.encode(texts, batch_size=32, pool=pool, chunk_size=32)
            rate = len(texts) / (time.perf_counter() - t0)
        finally:
            model.stop_multi_process_pool(pool)
        rows[f"{w} worker processes"] = {"threads": 1, "texts_per_s": round(rate, 2), "ratio": round(rate / single, 3)}
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 2),
        "texts": len(texts),
        "batch_size": 32,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.workers", description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=256, help="chunk texts of the MultiHop-RAG corpus to encode")
    ap.add_argument("--workers", default="2", help="worker counts to try, comma-separated")
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "workers.json"), help="where to write the figures")
    args = ap.parse_args(argv)
    result = measure(args.texts, tuple(int(w) for w in args.workers.split(",") if w))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    for name, row in result["rows"].items():
        print(f"{name:<28} {row['texts_per_s']:>8.2f} texts/s  ratio {row['ratio']:.3f}", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
