"""Would more than 2 questions at once help on 2 cores? Measured, not assumed (issue 18, item 5).

50 questions are sent at once to the app's `/ask` API (gradio_client, one thread each, as 50
browsers would), over the seeds, with the app's queue at each concurrency in turn (the app is
built again for each: the queue's limit is fixed at launch), the clients in another process (as
browsers are) and, as tests/test_load.py does, in this one; and, without the web layer, 50
questions handed at once to a pool of N threads calling `Engine.ask`. Each latency is from the
moment all 50 were sent to that answer, queueing included. Rounds interleave the settings so that
load elsewhere on the machine hits each alike; the best round of each counts.

    .venv/bin/python -m bench.concurrency [--levels 1,2,4,8] [--rounds 2] [--json bench/results/concurrency.json]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from bench.run import ROOT

QUESTIONS = [  # also asked by tests/test_load.py
    "Why did Seoul suspend termination?",
    "What is GSOMIA?",
    "When was the intelligence-sharing pact due to expire?",
    "How did Japan react to South Korea's decision?",
    "How many South Korean troops were expected to take part in Cobra Gold?",
    "Who is Kim You-geun?",
    "What did Kang Kyung-wha say about the groundwork?",
    "What is the capital of Australia?",
]
AT_ONCE = 50


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def _figures(lat: list[float], wall: float) -> dict:
    return {"wall_s": round(wall, 2), "p50_s": round(statistics.median(lat), 3), "p95_s": round(_pct(lat, 95), 3)}


def burst_engine(engine, workers: int) -> dict:
    """50 questions handed at once to `workers` threads calling `Engine.ask`."""
    qs = [QUESTIONS[i % len(QUESTIONS)] for i in range(AT_ONCE)]
    t0 = time.perf_counter()

    def one(q: str) -> float:
        engine.ask(q)
        return time.perf_counter() - t0

    with ThreadPoolExecutor(workers) as pool:
        lat = list(pool.map(one, qs))
    return _figures(lat, time.perf_counter() - t0)


_CLIENTS = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
import httpx
url, qs = sys.argv[1], json.loads(sys.argv[2])
if sys.argv[3] == "gradio_client":
    from gradio_client import Client
    client = Client(url, verbose=False)
    ask = lambda q: client.predict(q, api_name="/ask")
else:  # the REST protocol a browser's fetch would use: start the call, read its event stream
    http = httpx.Client(base_url=url, timeout=120, limits=httpx.Limits(max_connections=100))
    def ask(q):
        event_id = http.post("gradio_api/call/ask", json={"data": [q, None, None, None, None, None, None]}).json()["event_id"]
        with http.stream("GET", f"gradio_api/call/ask/{event_id}") as stream:
            for line in stream.iter_lines():
                if line.startswith("event:") and line[6:].strip() in ("complete", "error"):
                    assert line[6:].strip() == "complete", line
                    return
for q in dict.fromkeys(qs):  # warm: each question once
    ask(q)
t0 = time.perf_counter()
def one(q):
    ask(q)
    return time.perf_counter() - t0
with ThreadPoolExecutor(len(qs)) as pool:
    lat = list(pool.map(one, qs))
print(json.dumps({"lat": lat, "wall": time.perf_counter() - t0}))
"""


def burst_app(engine, concurrency: int, clients_apart: bool = True, protocol: str = "gradio_client") -> dict:
    """50 questions at once through the app's `/ask` API, its queue at `concurrency`. The 50 clients
    run in another process (as browsers do), or in this one (as tests/test_load.py does: their
    threads then compete with the app's for this process's GIL); through gradio_client, or plain
    HTTP (`protocol="http"`: gradio_client itself costs ~100-200 ms of CPU per call)."""
    import subprocess

    from gradio_client import Client

    from ui.app import build, launch

    engine.settings.server.concurrency = concurrency
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = build(engine)
    launch(app, engine.settings, port=port, block=False, quiet=True)
    try:
        if clients_apart:
            qs = [QUESTIONS[i % len(QUESTIONS)] for i in range(AT_ONCE)]
            res = subprocess.run([sys.executable, "-c", _CLIENTS, f"http://127.0.0.1:{port}/", json.dumps(qs), protocol],
                                 capture_output=True, text=True, cwd=ROOT)
            if res.returncode != 0:
                raise RuntimeError(f"the clients failed: {res.stderr[-3000:]}")
            got = json.loads(res.stdout.strip().splitlines()[-1])
            return _figures(got["lat"], got["wall"])
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        for q in QUESTIONS:  # warm: each question once
            client.predict(q, api_name="/ask")
        qs = [QUESTIONS[i % len(QUESTIONS)] for i in range(AT_ONCE)]
        t0 = time.perf_counter()

        def one(q: str) -> float:
            client.predict(q, api_name="/ask")
            return time.perf_counter() - t0

        with ThreadPoolExecutor(AT_ONCE) as pool:
            lat = list(pool.map(one, qs))
        return _figures(lat, time.perf_counter() - t0)
    finally:
        app.close()


KINDS = ("engine", "app", "app_clients_in_process", "app_http")


def measure(levels: tuple[int, ...], rounds: int, home: Path, kinds: tuple[str, ...] = KINDS) -> dict:
    from qa.engine import Engine
    from qa.settings import ServerSettings, Settings

    engine = Engine(Settings(home=home, server=ServerSettings(stream_delay=0)))
    engine.ingest()
    for q in QUESTIONS:
        engine.ask(q)
    burst = {
        "engine": lambda n: burst_engine(engine, n),
        "app": lambda n: burst_app(engine, n),
        "app_clients_in_process": lambda n: burst_app(engine, n, clients_apart=False),
        "app_http": lambda n: burst_app(engine, n, protocol="http"),
    }
    runs: dict[str, dict[int, list[dict]]] = {k: {n: [] for n in levels} for k in kinds}
    failures: list[str] = []
    for _ in range(rounds):
        for n in levels:
            for kind in kinds:
                try:
                    runs[kind][n].append(burst[kind](n))
                except Exception as e:  # gradio_client's event stream drops under heavy load: noted, not fatal
                    failures.append(f"{kind} at {n}: {str(e).strip().splitlines()[-1][:200]}")
    best = {kind: {str(n): min(rs, key=lambda r: r["p95_s"]) | {"rounds_p95_s": [r["p95_s"] for r in rs]} for n, rs in by.items() if rs}
            for kind, by in runs.items()}
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "questions_at_once": AT_ONCE,
        "default_concurrency": ServerSettings().concurrency,
        **best,
        "failures": failures,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.concurrency", description=__doc__.splitlines()[0])
    ap.add_argument("--levels", default="1,2,4,8", help="concurrency levels (app queue, engine threads), comma-separated")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--kinds", default=",".join(KINDS), help="what to measure, comma-separated: " + ", ".join(KINDS))
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "concurrency.json"))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="qa-conc-") as tmp:
        out = measure(tuple(int(x) for x in args.levels.split(",") if x), args.rounds, Path(tmp), tuple(k for k in args.kinds.split(",") if k))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(out, indent=1) + "\n")
    for kind in KINDS:
        for n, r in out.get(kind, {}).items():
            print(f"{kind:<22} {n:>2} at once: wall {r['wall_s']} s, p50 {r['p50_s']} s, p95 {r['p95_s']} s (rounds p95 {r['rounds_p95_s']})")
    for f in out["failures"]:
        print(f"failed: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
