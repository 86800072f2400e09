"""URLs and RSS/Atom feeds, served by a local HTTP server on loopback (this machine has no internet):
ingest of a page and of a feed, re-polls answered 304, and every kind of bad URL as a one-line error
that loses nothing already ingested."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from qa.cli import main
from qa.errors import FetchFailed
from qa.fetch import fetch
from qa.settings import IngestSettings


def _page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<html><head><title>{title} | Loopback News</title><meta property='og:site_name' content='Loopback News'></head>"
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>All rights reserved.</footer></body></html>").encode()


PAGES = {
    "/harbour.html": _page("Harbour bridge reopens after repairs",
                           "The harbour bridge reopened to traffic on Monday after eight months of repairs to its steel deck.\n"
                           "Engineers replaced more than four hundred rusted plates and repainted the towers, the city said."),
    "/library.html": _page("City library extends opening hours",
                           "The central library will stay open until ten in the evening on weekdays from next month.\n"
                           "The council said students had asked for quiet places to study during the exam season."),
    "/script.html": b"<html><head><script>render()</script></head><body><script>boot()</script></body></html>",
}


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
        for t, p, d in [("Bridge reopens (feed title)", "/harbour.html", "Mon, 03 Feb 2025 08:00:00 GMT"),
                        ("Library hours", "/library.html", "Tue, 04 Feb 2025 09:30:00 +0100"),
                        ("Gone story", "/missing.html", "Wed, 05 Feb 2025 10:00:00 GMT")]
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>{items}</channel></rss>'.encode()


def _atom(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback</title>'
            f'<entry><title>Library (atom)</title><link href="{base}/library.html"/><id>x</id>'
            f"<updated>2025-02-06T12:00:00Z</updated><published>2025-02-06T12:00:00Z</published></entry></feed>").encode()


class Server:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.bodies_sent: Counter[str] = Counter()
        self.agents: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                path = self.path
                server.hits[path] += 1
                server.agents.add(self.headers.get("User-Agent", ""))
                base = f"http://127.0.0.1:{server.port}"
                if path == "/loop":
                    self.send_response(302)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                if path == "/to-file":
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                if path == "/huge":  # a 1 GB download: only its first bytes are ever sent
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    try:
                        for _ in range(2000):
                            self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                routes = {
                    "/feed.xml": ("application/rss+xml", _rss(base)),
                    "/atom.xml": ("application/atom+xml", _atom(base)),
                    "/broken-feed.xml": ("application/rss+xml", b"<html><body>this is not a feed</body>"),
                    "/report.pdf": ("application/pdf", b"%PDF-1.4 ..."),
                    **{p: ("text/html; charset=utf-8", b) for p, b in PAGES.items()},
                }
                if path not in routes:
                    self.send_error(404, "Not Found")
                    return
                ctype, body = routes[path]
                etag = f'"{abs(hash(body))}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                server.bodies_sent[path] += 1
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def test_ingest_a_page_then_a_repoll_is_a_304(fresh_engine, server):
    url = server.base + "/harbour.html"
    r = fresh_engine.ingest([url])
    assert (r.added, len(r.failed)) == (1, 0)
    (info,) = fresh_engine.articles()
    assert (info.doc_id, info.title, info.source) == (url, "Harbour bridge reopens after repairs", "Loopback News")
    passages = fresh_engine.retrieve("How many plates did engineers replace on the bridge?")
    assert passages[0].chunk.doc_id == url and "four hundred rusted plates" in passages[0].chunk.text
    r2 = fresh_engine.ingest([url])
    assert (r2.added, r2.updated, r2.chunks) == (0, 0, 0)
    assert server.bodies_sent["/harbour.html"] == 1 and server.hits["/harbour.html"] == 2  # the second was a 304


def test_ingest_a_feed_takes_entry_titles_and_dates_and_warns_about_a_dead_link(fresh_engine, server):
    warnings: list[str] = []
    r = fresh_engine.ingest([server.base + "/feed.xml"], warn=warnings.append)
    assert r.added == 2 and not r.failed
    assert len(warnings) == 1 and "/missing.html" in warnings[0] and "404" in warnings[0] and "\n" not in warnings[0]
    arts = {a.doc_id: a for a in fresh_engine.articles()}
    harbour = arts[server.base + "/harbour.html"]
    assert (harbour.title, harbour.date) == ("Bridge reopens (feed title)", "2025-02-03")
    assert arts[server.base + "/library.html"].date == "2025-02-04"
    # Polled again: the feed and both pages answer 304, nothing is fetched whole or written again.
    r2 = fresh_engine.ingest([server.base + "/feed.xml"], warn=warnings.append)
    assert (r2.added, r2.updated, r2.chunks) == (0, 0, 0)
    assert server.bodies_sent["/feed.xml"] == 1 and server.bodies_sent["/harbour.html"] == 1


def test_atom_feed(fresh_engine, server):
    r = fresh_engine.ingest([server.base + "/atom.xml"])
    assert r.added == 1
    (a,) = fresh_engine.articles()
    assert (a.title, a.date) == ("Library (atom)", "2025-02-06")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "404"),
        ("/loop", "redirect loop"),
        ("/to-file", "not http(s)"),
        ("/huge", "MB limit"),
        ("/report.pdf", "application/pdf"),
        ("/broken-feed.xml", "not an RSS or Atom feed"),
        ("/script.html", "no article text"),
    ],
)
def test_bad_urls_are_one_line_errors_and_lose_nothing(fresh_engine, server, monkeypatch, capsys, path, reason):
    fresh_engine.ingest([server.base + "/library.html"])
    before = [a.doc_id for a in fresh_engine.articles()]
    monkeypatch.setenv("QA_HOME", str(fresh_engine.home))
    monkeypatch.setenv("QA_INGEST__FETCH_MAX_MB", "1")
    monkeypatch.setattr("qa.cli._engine", lambda: fresh_engine.__class__(fresh_engine.settings.model_copy(
        update={"ingest": IngestSettings(fetch_max_mb=1)})))
    assert main(["ingest", server.base + path]) == 2
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip() and not ln.startswith("ingest")]
    assert len(err) == 1 and err[0].startswith("error:") and reason in err[0], err
    assert [a.doc_id for a in fresh_engine.__class__(fresh_engine.settings).articles()] == before


def test_a_url_that_is_not_http_is_refused(fresh_engine, capsys, monkeypatch):
    monkeypatch.setattr("qa.cli._engine", lambda: fresh_engine)
    assert main(["ingest", "ftp://127.0.0.1/news.html"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not an http(s) URL" in err[0]


def test_fetch_sends_a_user_agent_and_stops_at_the_size_limit(server):
    with pytest.raises(FetchFailed, match="MB limit"):
        fetch(server.base + "/huge", IngestSettings(fetch_max_mb=0.5))
    assert server.hits["/huge"] == 1
    f = fetch(server.base + "/harbour.html", IngestSettings())
    assert f.content_type == "text/html" and f.etag and b"harbour bridge" in f.data
    assert server.agents == {IngestSettings().user_agent} and IngestSettings().user_agent.startswith("newsqa/")


def test_qa_extract_a_url(server, tmp_path, monkeypatch, capsys):
    import json

    monkeypatch.setenv("QA_HOME", str(tmp_path / "home"))
    assert main(["extract", server.base + "/library.html", "--json"]) == 0
    (rec,) = json.loads(capsys.readouterr().out)
    assert rec["file"] == server.base + "/library.html" and rec["title"] == "City library extends opening hours"
    assert rec["text"].startswith("The central library will stay open") and "Home | World" not in rec["text"]
