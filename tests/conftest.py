"""Shared fixtures: a data directory in a temp path, the real model, a real embedded Chroma,
the five seed articles."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# One ONNX export of the model for the whole run (and its subprocesses), not one per data directory.
if "QA_EMBED__CACHE_DIR" not in os.environ:
    os.environ["QA_EMBED__CACHE_DIR"] = tempfile.mkdtemp(prefix="qa-models-")
    atexit.register(shutil.rmtree, os.environ["QA_EMBED__CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def ask_http(http, question: str) -> dict:
    """One question through the app's REST API (an httpx.Client on the app's URL): start the call,
    then read its result event."""
    import json

    event_id = http.post("gradio_api/call/ask", json={"data": [question, None, None, None, None, None, None]}).json()["event_id"]
    event = None
    with http.stream("GET", f"gradio_api/call/ask/{event_id}") as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                if event != "complete":
                    raise RuntimeError(line)
                return json.loads(line[5:])[0]
    raise RuntimeError(f"no result for {question!r}")


def made_up(engine, tmp_path, *records: dict) -> None:
    """Ingest made-up article records (title, source, published_at, body) into the engine."""
    import json

    d = tmp_path / "made_up"
    d.mkdir()
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    engine.ingest([d])


def one_article(engine, tmp_path, title: str, body: str) -> None:
    """Ingest one made-up Metro News article of 2 May 2021."""
    made_up(engine, tmp_path, {"title": title, "source": "Metro News", "published_at": "2021-05-02", "body": body})


def metro_series(title: str, *bodies: str) -> list[dict]:
    """Made-up Metro News article records, one a day from 1 May 2021: "<title> 1", "<title> 2", ..."""
    return [{"title": f"{title} {k}", "source": "Metro News", "published_at": f"2021-05-0{k}", "body": body}
            for k, body in enumerate(bodies, 1)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory) -> Path:
    """A data directory with the seeds ingested once for the whole session. Read-only for tests."""
    from qa.engine import Engine
    from qa.settings import Settings

    home = tmp_path_factory.mktemp("qa-home")
    Engine(Settings(home=home)).ingest([SEEDS])
    return home


@pytest.fixture
def home(seeded_home, tmp_path) -> Path:
    """A private copy of the seeded data directory, for a test that writes to it."""
    dst = tmp_path / "home"
    shutil.copytree(seeded_home, dst)
    return dst


@pytest.fixture(scope="session")
def engine(seeded_home):
    """The engine over the seeded data directory (shared: do not ingest into it)."""
    from qa.engine import Engine
    from qa.settings import Settings

    return Engine(Settings(home=seeded_home))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A private, writable copy of the seeds."""
    dst = tmp_path / "corpus"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture
def fresh_engine(tmp_path, engine):
    """An engine with its own empty data directory, sharing the loaded model."""
    from qa.engine import Engine
    from qa.settings import Settings

    e = Engine(Settings(home=tmp_path / "home"))
    e.encoder._model = engine.encoder.model  # loading the model again would only cost time
    return e


class ChromaServer:
    """A real `chroma run` on a free loopback port, which a test may stop and start again."""

    def __init__(self, path: Path) -> None:
        self.path, self.port, self.proc = path, free_port(), None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        import subprocess
        import sys
        import time
        import urllib.request

        exe = Path(sys.executable).with_name("chroma")
        env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
        self.proc = subprocess.Popen(
            [str(exe), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}")
            try:
                urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except Exception:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


@pytest.fixture
def chroma_server(tmp_path):
    """A running Chroma server with its data in a temp path; stopped after the test."""
    server = ChromaServer(tmp_path / "chroma-server")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def run_qa(args: list, home: Path, env: dict | None = None, **kw):
    """The `qa` command in a subprocess, as a user runs it, on the data directory `home`."""
    import subprocess
    import sys

    env = {**os.environ, "QA_HOME": str(home), **(env or {})}
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, env=env, timeout=300, **kw)


def share_model(e, engine):
    """Give a new Engine the model the session's engine has loaded (loading it again costs ~10 s)."""
    e.encoder._model = engine.encoder.model
    return e


def start_app(e, **launch_kw) -> tuple[str, object]:
    """The Gradio app over engine `e`, launched in this process on a free loopback port: (url, app)."""
    from ui.app import build, launch

    app = build(e)
    port = free_port()
    launch(app, e.settings, port=port, block=False, quiet=True, **launch_kw)
    return f"http://127.0.0.1:{port}/", app


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, driven by Playwright, for one test module (the browser tests)."""
    from browser_helpers import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
