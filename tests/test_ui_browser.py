"""The app in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): a cited
answer with its highlighted sentence, feedback, uploads, and article text that tries to inject HTML."""

from __future__ import annotations

import json
import re
import shutil
import time

import pytest
from browser_helpers import CHROMIUM, WAIT_MS, ask, images_settled, send, wait_for_answers, watch
from conftest import SEEDS, free_port

EVIL = """Pineapple festival <img src=x onerror=alert(3)> cancelled

ZANZIBAR, March 3 -- The Zanzibar pineapple festival was cancelled because the harbour flooded <script>alert(1)</script> after storms <img src=x onerror=alert(2)> wrecked **all** the stalls and [the stage](javascript:alert(4)).

Organisers said the flooding <b>destroyed</b> most of the fruit ![t](http://127.0.0.1:9/t.png) in the warehouse.

The festival will return next year, the tourism board said.
"""

UPLOAD = """Lighthouse keepers vote to strike

HALIFAX, May 5 -- Lighthouse keepers on the Quokka coast voted to strike over unpaid overtime, their union said.

The strike begins on Monday unless the ministry pays the overtime owed since January.
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium: run `make browser` (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, engine):
    """The app launched in this process over seeds plus a hostile article, sharing the loaded model."""
    from qa.engine import Engine
    from qa.settings import ServerSettings, Settings
    from ui.app import build, launch

    tmp = tmp_path_factory.mktemp("browser")
    corpus = tmp / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "zz_evil.txt").write_text(EVIL, encoding="utf-8")
    e = Engine(Settings(home=tmp / "home", server=ServerSettings(stream_delay=0.005)))
    e.encoder._model = engine.encoder.model  # loading the model again would only cost time
    e.ingest([corpus])
    app = build(e)
    port = free_port()
    launch(app, e.settings, port=port, block=False, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", tmp / "home"
    finally:
        app.close()


@pytest.fixture
def page(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    watch(page)  # an alert() from article text, a request that leaves the machine
    page.goto(app_url[0])
    page.wait_for_selector("#question textarea")
    yield page
    page.close()


def test_clear_stops_an_answer_still_streaming_in(browser, engine, tmp_path, monkeypatch):
    import threading

    from conftest import share_model, start_app

    from qa.engine import Engine
    from qa.settings import ServerSettings, Settings
    from ui import render

    # Know when the app stops streaming the answer out: closed by the click's cancel, or run to its end.
    ended, pieces = threading.Event(), render.stream_pieces

    def watched(*args, **kw):
        try:
            yield from pieces(*args, **kw)
        finally:
            ended.set()

    monkeypatch.setattr(render, "stream_pieces", watched)
    e = share_model(Engine(Settings(home=tmp_path / "home", server=ServerSettings(stream_delay=0.4))), engine)
    e.ingest([SEEDS])
    url, app = start_app(e)
    page = browser.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("#question textarea")
        send(page, "Why did Seoul suspend termination?")
        wait_for_answers(page, 1)  # the first piece is in; the rest comes 0.4 s a piece
        page.click("#clear")
        assert ended.wait(60), "the answer was still streaming a minute later"
        # ...and the page has taken in all it was sent: the chat no longer shows an event running.
        page.wait_for_function("document.querySelector('#chat .generating') === null", timeout=WAIT_MS)
        assert page.locator("#chat [data-testid=bot]").count() == 0 and page.locator("#chat [data-testid=user]").count() == 0
        assert page.locator("#sources mark").count() == 0
    finally:
        page.close()
        app.close()


def test_cited_answer_with_highlighted_source(page, app_url):
    answer = ask(page, "Why did Seoul suspend termination?")
    assert "[1]" in answer
    marks = page.locator("#sources mark")
    assert marks.count() >= 1
    first = " ".join(marks.first.inner_text().split())
    assert len(first) > 20 and first in " ".join(answer.split())  # the highlighted sentence is the cited claim
    assert "Sources" in page.locator("#sources .qa-active h3").inner_text()

    # Thumbs up: saved with the question, the answer and its citations.
    page.locator("#chat button[aria-label=Like]").last.click()
    feedback = app_url[1] / "feedback.jsonl"
    deadline = time.monotonic() + 20
    # (until the line is written, not only the file created: under load the two are apart)
    while not (feedback.exists() and feedback.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.2)
    entry = json.loads(feedback.read_text().splitlines()[-1])
    assert entry["vote"] == "up" and entry["question"] == "Why did Seoul suspend termination?"
    assert entry["citations"] and "[1]" in entry["answer"]

    # A follow-up uses the conversation; New conversation empties the chat.
    ask(page, "What did Tokyo announce at the same time?")
    assert page.locator("#chat [data-testid=bot]").count() == 2
    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#chat [data-testid=bot]').length === 0", timeout=10_000)
    # The chat and the Sources panel are two outputs of one event: the page may redraw them a moment apart.
    page.wait_for_function("document.querySelectorAll('#sources mark').length === 0", timeout=10_000)
    assert page.locator("#sources mark").count() == 0

    # A question the articles cannot answer: said so, with the closest passages.
    answer = ask(page, "What is the recipe for banana bread?")
    assert "No answer found" in answer and "[1]" not in answer
    assert "closest passages" in page.locator("#sources .qa-active h3").inner_text()
    assert page.locator("#sources .qa-active .qa-card").count() >= 1

    # One click on an example asks it.
    page.get_by_text("What is GSOMIA?", exact=True).click()
    wait_for_answers(page, 2)
    page.wait_for_function("document.querySelector('#sources .qa-active h3')?.innerText === 'Sources'", timeout=WAIT_MS)
    assert "[1]" in page.locator("#chat [data-testid=bot]").last.inner_text()
    assert page.dialogs == [] and page.foreign == []


def test_article_markup_is_shown_as_text(page):
    answer = ask(page, "Why was the Zanzibar pineapple festival cancelled?")
    # The cited sentence holds HTML and markdown: the chat shows it literally, as does the Sources card.
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "**all**", "[the stage](javascript:alert(4))"):
        assert literal in answer
        assert literal in page.locator("#sources .qa-active").inner_text()
    # Nothing in bold but the direct answer (when there is one), which the app itself sets in bold.
    assert page.locator("#chat b").count() == 0
    assert "all" not in [t.strip() for t in page.locator("#chat strong").all_inner_texts()]  # **all** stays literal
    assert "<img src=x onerror=alert(3)>" in page.locator("#sources .qa-active .qa-card-title").first.inner_text()  # the title
    assert "<script>alert(1)</script>" in page.locator("#sources .qa-active mark").first.inner_text()
    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Pineapple festival')", timeout=WAIT_MS)
    assert "<img src=x onerror=alert(3)>" in page.locator("#articles").inner_text()
    assert page.locator("img[src=x], a[href^='javascript'], img[src*='t.png']").count() == 0
    images_settled(page)
    assert page.dialogs == []
    scripts = page.evaluate("[...document.querySelectorAll('script')].map(s => s.textContent).filter(t => t.includes('alert('))")
    assert scripts == []
    assert page.foreign == []


def test_question_markup_is_shown_as_text(page):
    """Questions are untrusted too: a question carrying HTML is echoed in the chat as typed, inert."""
    question = "<img src=x onerror=alert(7)><script>alert(8)</script> Why was the Zanzibar pineapple festival cancelled?"
    ask(page, question)
    shown = page.locator("#chat [data-testid=user]").last.inner_text()
    assert "<img src=x onerror=alert(7)>" in shown and "<script>alert(8)</script>" in shown
    assert page.locator("#chat img[src=x], #chat script").count() == 0
    images_settled(page)
    assert page.dialogs == []


def test_upload_ingests_with_a_safe_name_and_remove(page, app_url):
    home = app_url[1]
    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Pineapple festival')", timeout=WAIT_MS)
    # However many articles the app holds now (other tests of this module add some): the upload adds one, its removal takes it away.
    before = _article_count(page)
    page.set_input_files(
        "#upload input[type=file]",
        files=[
            {"name": "strike news (draft) #1.txt", "mimeType": "text/plain", "buffer": UPLOAD.encode()},
            {"name": "binary.txt", "mimeType": "text/plain", "buffer": b"\x00\x01\x02 not text"},
        ],
    )
    page.wait_for_function("document.querySelectorAll('#upload .file-preview tr, #upload table tr').length > 0", timeout=20_000)
    page.click("#add")
    page.wait_for_function("document.querySelector('#corpus-status').innerText.includes('Ingested')", timeout=WAIT_MS)
    status = page.locator("#corpus-status").inner_text()
    assert "1 added" in status
    assert "strike_news_draft_1.txt: 1 added" in status.splitlines()  # each file's own status
    assert "binary.txt: binary file" in status  # refused with the reason, and not kept
    saved = sorted(p.name for p in (home / "uploads").iterdir())
    assert saved == ["strike_news_draft_1.txt"]
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Lighthouse keepers')", timeout=WAIT_MS)
    assert "Pineapple festival" in page.locator("#articles").inner_text()  # nothing already ingested is lost
    assert _article_count(page) == before + 1

    page.get_by_role("tab", name="Chat").click()
    answer = ask(page, "Why are the lighthouse keepers on the Quokka coast striking?")
    assert "overtime" in answer and "[1]" in answer

    # Its details corrected in the viewer: kept in the uploads' manifest, so a re-ingest keeps them.
    # Gradio draws an accordion's fields when it is first opened and sets the values the server sent
    # earlier a moment later, over anything typed in between (reproduced under load: the outlet typed
    # was replaced by the stored one). So the form is opened before the article is.
    page.get_by_role("tab", name="Article").click()
    page.get_by_text("Edit title, outlet and date").click()
    page.wait_for_selector("#edit-outlet textarea, #edit-outlet input", timeout=WAIT_MS)
    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Lighthouse keepers')", timeout=WAIT_MS)
    page.locator("#articles tr", has_text="strike_news_draft_1.txt").locator("button.qa-open").click()
    page.wait_for_function("document.querySelector('#viewer h2') && document.querySelector('#viewer h2').innerText.includes('Lighthouse keepers')", timeout=WAIT_MS)
    assert "unknown outlet" in page.locator("#viewer .qa-meta").inner_text()
    # The form shows the article's details, sent with the article.
    page.wait_for_function("(() => { const e = document.querySelector('#edit-title textarea, #edit-title input');"
                           " return e && e.value.includes('Lighthouse keepers'); })()", timeout=WAIT_MS)
    page.fill("#edit-outlet textarea, #edit-outlet input", "Quokka <Times>")
    page.fill("#edit-date textarea, #edit-date input", "May 5 2020")
    assert page.input_value("#edit-outlet textarea, #edit-outlet input") == "Quokka <Times>"
    page.click("#edit-save")
    page.wait_for_function("document.querySelector('#viewer .qa-meta').innerText.includes('2020-05-05')", timeout=WAIT_MS)
    assert "Quokka <Times>" in page.locator("#viewer .qa-meta").inner_text()
    manifest = json.loads((home / "uploads" / "manifest.json").read_text())
    assert manifest["files"]["strike_news_draft_1.txt"] == {"title": "Lighthouse keepers vote to strike", "source": "Quokka <Times>", "date": "2020-05-05"}

    page.get_by_role("tab", name="Corpus").click()
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Quokka <Times>')", timeout=WAIT_MS)
    # Found by a word of its text; removed from its row, after a confirmation.
    page.fill("#corpus-query textarea, #corpus-query input", "overtime")
    page.click("#corpus-search")
    page.wait_for_function("document.querySelector('#articles').innerText.includes('Lighthouse keepers') && document.querySelectorAll('#articles tr').length === 2", timeout=WAIT_MS)
    row = page.locator("#articles tr", has_text="strike_news_draft_1.txt")
    row.locator("button.qa-remove").click()
    row.locator("button.qa-cancel").click()  # changed their mind: nothing removed
    assert row.locator("button.qa-confirm").count() == 0
    row.locator("button.qa-remove").click()
    row.locator("button.qa-confirm").click()
    page.wait_for_function("document.querySelector('#corpus-status').innerText.includes('Removed')", timeout=WAIT_MS)
    page.wait_for_function("!document.querySelector('#articles').innerText.includes('Lighthouse keepers')", timeout=WAIT_MS)
    assert "No matches" in page.locator("#articles").inner_text()
    assert not (home / "uploads" / "strike_news_draft_1.txt").exists()
    assert _article_count(page) == before
    assert page.dialogs == []


def _article_count(page) -> int:
    """The article count the Corpus tab's summary shows ("6 articles, 14 passages indexed.")."""
    return int(re.search(r"\b(\d+) articles\b", page.locator("#corpus-summary").inner_text()).group(1))


def test_a_page_is_added_by_its_url_from_the_corpus_tab(page, app_url):
    """The Corpus tab takes a page's address (or a feed's), as `qa ingest URL` does; served on loopback."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    html = (b"<html><head><title>Ferry timetable changes</title></head><body><article><h1>Ferry timetable changes</h1>"
            b"<p>The island ferry will sail twice an hour from March, the harbour board said on Monday, after a year of delays.</p>"
            b"<p>Commuters had asked for earlier crossings, and the first boat will now leave at six.</p></article></body></html>")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/ferry.html"
        page.get_by_role("tab", name="Corpus").click()
        page.wait_for_function("document.querySelector('#articles').innerText.includes('Pineapple festival')", timeout=WAIT_MS)
        before = _article_count(page)
        page.locator("#add-url textarea, #add-url input").first.fill(url)
        page.click("#add-url-button")
        page.wait_for_function("document.querySelector('#corpus-status').innerText.includes('added')", timeout=WAIT_MS)
        assert "1 added" in page.locator("#corpus-status").inner_text()
        page.wait_for_function("document.querySelector('#articles').innerText.includes('Ferry timetable changes')", timeout=WAIT_MS)
        assert _article_count(page) == before + 1
    finally:
        server.shutdown()
