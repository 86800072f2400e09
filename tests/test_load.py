"""Many readers on loopback: 50 questions at once through the app's `/ask` API (gradio_client, one
thread each), then 1,000 one after another (the same API over plain HTTP: POST /gradio_api/call/ask,
then its event stream; gradio_client costs ~100-200 ms more per call than the answer itself, which
would make the 1,000 take minutes). Every answer must equal the answer to the same question asked
alone, with no errors, and memory must not grow past a small bound. p50/p95 latencies and memory
are printed (run with `-s` to see them) and written to <tmp>/load.json."""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from conftest import ask_http, start_app

from bench.concurrency import QUESTIONS  # the questions `python -m bench.concurrency` asks too

pytestmark = pytest.mark.slow

CONCURRENT = 50
SEQUENTIAL = int(os.environ.get("QA_TEST_LOAD_SEQUENTIAL", "1000"))  # lower it only for a quick local look
# Memory bounds (MB). Gradio keeps a copy of every component's config per session (each API call is
# one), ~130 KB for this app's ~80 components, up to QA_SERVER__MAX_SESSIONS (300): it fills during
# the first 300 calls (~36-40 MB measured), then must stay flat.
GROWTH_ALL_MB, GROWTH_LAST_HALF_MB = 50, 10


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def same(a: dict) -> dict:
    return {k: v for k, v in a.items() if k != "latency_ms"}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


@pytest.fixture(scope="module")
def app_url(engine):
    """The app over the seeded index, in this process (asking writes nothing)."""
    url, app = start_app(engine)
    try:
        yield url
    finally:
        app.close()


def test_many_questions_at_once_then_a_thousand_in_a_row(app_url, tmp_path):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    alone = {q: same(client.predict(q, api_name="/ask")) for q in QUESTIONS}
    assert sum(not a["abstained"] for a in alone.values()) >= 6

    # 50 at once: each from its own thread, as 50 browsers would.
    def timed(q: str) -> tuple[str, dict, float]:
        t0 = time.perf_counter()
        r = client.predict(q, api_name="/ask")
        return q, r, time.perf_counter() - t0

    t0 = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENT) as pool:
        burst = list(pool.map(timed, [QUESTIONS[i % len(QUESTIONS)] for i in range(CONCURRENT)]))
    burst_wall = time.perf_counter() - t0
    assert all(same(r) == alone[q] for q, r, _ in burst)
    burst_lat = [s for _, _, s in burst]

    # 1,000 in a row; memory measured after a warm-up, then at the end.
    seq_lat, server_ms = [], []
    half = SEQUENTIAL // 2
    rss_start = rss_half = rss_mb()
    http = httpx.Client(base_url=app_url, timeout=60)
    t0 = time.perf_counter()
    for i in range(SEQUENTIAL):
        q = QUESTIONS[i % len(QUESTIONS)]
        t = time.perf_counter()
        r = ask_http(http, q)
        seq_lat.append(time.perf_counter() - t)
        server_ms.append(r["latency_ms"])
        assert same(r) == alone[q], (i, q)
        if i + 1 == half:
            rss_half = rss_mb()
    seq_wall = time.perf_counter() - t0
    rss_end = rss_mb()

    figures = {
        "concurrent": {"n": CONCURRENT, "wall_s": round(burst_wall, 1), "p50_s": round(statistics.median(burst_lat), 3), "p95_s": round(pct(burst_lat, 95), 3)},
        "sequential": {
            "n": SEQUENTIAL, "wall_s": round(seq_wall, 1), "p50_ms": round(statistics.median(seq_lat) * 1000, 1),
            "p95_ms": round(pct(seq_lat, 95) * 1000, 1), "engine_p50_ms": round(statistics.median(server_ms), 1),
            "engine_p95_ms": round(pct(server_ms, 95), 1),
        },
        "rss_mb": {"start": round(rss_start, 1), "half": round(rss_half, 1), "end": round(rss_end, 1)},
    }
    (tmp_path / "load.json").write_text(json.dumps(figures, indent=1))
    print("\nload:", json.dumps(figures))
    assert rss_end - rss_start < GROWTH_ALL_MB and rss_end - rss_half < GROWTH_LAST_HALF_MB, figures
