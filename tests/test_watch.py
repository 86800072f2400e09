"""`qa watch`: incremental re-ingest every round, one line per change, surviving a feed that is down;
an app engine on the same data directory sees what the watcher ingested without a restart."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from qa.cli import main
from qa.watch import parse_interval, watch

STORY = (b"<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1>"
         b"<p>The island ferry sailed again on Friday after a week of storms kept it in port, the operator said.</p>"
         b"<p>Extra crossings will run on Saturday for passengers whose trips were cancelled.</p></article></body></html>")


class FlakyFeed:
    """A feed on loopback that is down (503) until `up` is set."""

    def __init__(self) -> None:
        self.up = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                if not outer.up:
                    self.send_error(503, "Service Unavailable")
                    return
                base = f"http://127.0.0.1:{outer.port}"
                if self.path == "/feed.xml":
                    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Ferry service resumes</title>'
                            f"<link>{base}/ferry.html</link><pubDate>Fri, 07 Feb 2025 08:00:00 GMT</pubDate></item></channel></rss>").encode()
                    ctype = "application/rss+xml"
                else:
                    body, ctype = STORY, "text/html"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed():
    f = FlakyFeed()
    yield f
    f.close()


def test_intervals():
    assert [parse_interval(x) for x in ("15m", "30s", "1h", "90", "2d")] == [900, 30, 3600, 90, 172800]
    for bad in ("soon", "-5m", "0", "15 minutes"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_rounds_print_one_line_per_change_and_survive_a_feed_that_is_down(fresh_engine, corpus, feed):
    lines: list[str] = []
    rounds: list[list[str]] = []

    def between_rounds(_seconds: float) -> None:
        rounds.append(list(lines))
        lines.clear()
        if len(rounds) == 1:  # after the first round: the folder changes and the feed comes back
            f = corpus / "003_fbb534c62a477d38.txt"
            f.write_text(f.read_text().split("Japan’s defence minister")[0])
            (corpus / "004_104f3f75eba4f700.txt").unlink()
            (corpus / "new.txt").write_text("Harbour fees rise\n\nThe port authority raised harbour fees by ten percent on Monday.\n")
            feed.up = True

    watch(fresh_engine, [str(corpus), feed.url], every=0, emit=lines.append, rounds=3, sleep=between_rounds)
    rounds.append(list(lines))
    first, second, third = rounds
    assert sorted(ln.split(" ")[0] for ln in first) == ["added:"] * 5 + ["error:"]
    assert any(ln.startswith("error:") and "503" in ln and feed.url in ln for ln in first)
    assert sorted(ln.split(" (")[0] for ln in second) == sorted([
        "added: new.txt", "updated: 003_fbb534c62a477d38.txt", "removed: 004_104f3f75eba4f700.txt",
        f"added: http://127.0.0.1:{feed.port}/ferry.html",
    ])
    assert third == []  # nothing changed: nothing printed
    assert len(fresh_engine.articles()) == 6


def test_the_app_sees_what_the_watcher_ingested_without_a_restart(fresh_engine, engine, feed, tmp_path):
    from qa.engine import Engine

    app = Engine(fresh_engine.settings)  # the app's engine on the same data directory, started first
    app.encoder._model = engine.encoder.model
    assert app.articles() == []
    feed.up = True
    watch(fresh_engine, [feed.url], every=0, emit=lambda _: None, rounds=1)
    passages = app.retrieve("When did the island ferry sail again?")
    assert passages and "ferry sailed again on Friday" in passages[0].chunk.text


def test_qa_watch_cli(fresh_engine, corpus, monkeypatch, capsys):
    monkeypatch.setattr("qa.cli._engine", lambda: fresh_engine)
    assert main(["watch", str(corpus), "--every", "1s", "--rounds", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and all(ln.startswith("added: ") for ln in out)
    assert main(["watch", str(corpus), "--every", "soon"]) == 2
    assert capsys.readouterr().err.strip().startswith("error: interval 'soon'")


def test_serve_watch_brings_new_articles_into_the_running_chat(tmp_path):
    """`qa serve --watch DIR`: a file dropped into DIR while the app runs is answered from, no restart."""
    import os
    import subprocess
    import sys
    import time

    import httpx
    from conftest import ROOT, free_port
    from gradio_client import Client

    watched = tmp_path / "inbox"
    watched.mkdir()
    port, log = free_port(), tmp_path / "serve.log"
    env = {**os.environ, "QA_HOME": str(tmp_path / "home"), "QA_SERVER__STREAM_DELAY": "0", "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port), "--watch", str(watched), "--every", "2s"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while True:  # the app up (seeds ingested on the empty index first)
            assert proc.poll() is None, log.read_text()
            try:
                if httpx.get(url, timeout=2).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        client = Client(url, verbose=False)
        question = "Which island ferry sailed again after the storms?"
        assert "ferry.txt" not in {c["doc_id"] for c in client.predict(question, api_name="/ask")["citations"]}
        (watched / "ferry.txt").write_text("Ferry service resumes\n\nThe Westholm island ferry sailed again on Friday after a week of "
                                            "storms kept it in port, the operator said.\n", encoding="utf-8")
        deadline = time.monotonic() + 240
        while True:  # the watcher's next rounds ingest it; the app's next question sees it
            cited = {c["doc_id"] for c in client.predict(question, api_name="/ask")["citations"]}
            if "ferry.txt" in cited:
                break
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(1)
        # The watcher prints its line once the app's ingest has returned to it, which on a loaded
        # machine can be after the app already answers from the article.
        while "added: ferry.txt" not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert "Traceback" not in log.read_text()
    # The watcher went with the app (it would poll on forever otherwise).
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    deadline = time.monotonic() + 30
    while str(watched) in ps and time.monotonic() < deadline:
        time.sleep(0.5)
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(watched) not in ps
