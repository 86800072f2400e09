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
