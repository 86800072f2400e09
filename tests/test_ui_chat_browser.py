"""The chat a reader comes back to, in a real headless Chromium: errors as toasts that leave the
conversation alone, each answer's own sources behind its [n] links, saved conversations that
survive a reload and a server restart, the article viewer, the story timeline, the phone layout."""

from __future__ import annotations

import re
import shutil

import pytest
from browser_helpers import WAIT_MS, ask, error_badges, images_settled, needs_chromium, toasts, wait_for_answers, watch
from conftest import SEEDS, free_port, share_model

pytestmark = [pytest.mark.slow, needs_chromium]

EVIL = """Pineapple festival <img src=x onerror=alert(3)> cancelled

ZANZIBAR, March 3 -- The Zanzibar pineapple festival was cancelled because the harbour flooded <script>alert(1)</script> after storms wrecked **all** the stalls.

The festival will return next year, the tourism board said.
"""


class App:
    """The app over its own data directory (seeds plus a hostile article), on a fixed port so that
    a restart keeps the browser's origin (and so what the page keeps in localStorage)."""

    def __init__(self, tmp, engine) -> None:
        from qa.engine import Engine
        from qa.settings import ServerSettings, Settings

        corpus = tmp / "corpus"
        shutil.copytree(SEEDS, corpus)
        (corpus / "zz_evil.txt").write_text(EVIL, encoding="utf-8")
        self.settings = Settings(home=tmp / "home", server=ServerSettings(stream_delay=0))
        e = share_model(Engine(self.settings), engine)
        e.ingest([corpus])
        self.engine, self.port, self.app = e, free_port(), None
        self.url = f"http://127.0.0.1:{self.port}/"
        self.start(e)

    def start(self, e) -> None:
        from ui.app import build, launch

        self.app = build(e)
        launch(self.app, e.settings, port=self.port, block=False, quiet=True)

    def restart(self, engine) -> None:
        """Stop the server, and start a new one with a new engine on the same data directory."""
        from qa.engine import Engine

        self.app.close()
        self.start(share_model(Engine(self.settings), engine))

    def close(self) -> None:
        self.app.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory, engine):
    a = App(tmp_path_factory.mktemp("chat"), engine)
    try:
        yield a
    finally:
        a.close()


def open_page(browser, url: str, **kw):
    page = browser.new_page(viewport={"width": 1400, "height": 900}, **kw)  # a new page: a new browser profile
    watch(page)
    page.goto(url)
    page.wait_for_selector("#question textarea")
    # The page's load event ran: it gave this browser its id, kept in localStorage.
    page.wait_for_function("!!localStorage.getItem('qa-browser')", timeout=WAIT_MS)
    return page


def toast_after(page, action, text: str) -> None:
    """Do `action` until a toast holding `text` shows (a key press or click that lands before Gradio
    has bound its handlers is lost); each try waits less than a toast stays up."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(4):
        action()
        try:
            page.wait_for_function(f"[...document.querySelectorAll('.toast-body')].some(t => t.innerText.includes({text!r}))", timeout=8_000)
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"no toast saying {text!r}; toasts: {toasts(page)}")


def test_errors_are_toasts_that_leave_the_conversation(browser, app):
    page = open_page(browser, app.url)
    try:
        answer = ask(page, "Why did Seoul suspend termination?")
        cards = page.locator("#sources .qa-active .qa-card").count()
        assert cards >= 1
        page.fill("#question textarea", "   ")  # an empty question
        toast_after(page, lambda: page.press("#question textarea", "Enter"), "the question is empty")
        assert error_badges(page) == 0
        assert page.locator("#chat [data-testid=bot]").count() == 1 and page.locator("#chat [data-testid=bot]").last.inner_text() == answer
        assert page.locator("#sources .qa-active .qa-card").count() == cards

        # A filter that excludes every article: said before searching, and nothing else changes.
        page.get_by_text("Filters and search settings").click()
        page.fill("#since textarea, #since input", "2021-01-01")
        page.uncheck("#undated input")  # the hostile article is undated: included, it would pass any date range
        page.wait_for_function("document.querySelector('#chips').innerText.includes('since 2021-01-01')", timeout=WAIT_MS)
        page.wait_for_function("document.querySelector('#chips').innerText.includes('without undated articles')", timeout=WAIT_MS)
        page.fill("#question textarea", "What is GSOMIA?")
        toast_after(page, lambda: page.click("#ask"), "No article matches")
        assert any(t.endswith("No article matches these filters (since 2021-01-01, no undated articles)") for t in toasts(page))
        assert error_badges(page) == 0
        assert page.locator("#chat [data-testid=bot]").count() == 1
        assert page.input_value("#question textarea") == "What is GSOMIA?"  # kept, to fix the filter and ask again

        # The undated chip's × ticks the box again; "January 2020" is a date; the chip's × drops a filter.
        page.locator("#chips .qa-chip button").last.click()
        page.wait_for_function("!document.querySelector('#chips').innerText.includes('undated')", timeout=WAIT_MS)
        assert page.locator("#undated input").is_checked()
        page.fill("#since textarea, #since input", "January 2020")
        page.wait_for_function("document.querySelector('#chips').innerText.includes('since January 2020')", timeout=WAIT_MS)
        ask(page, "What is GSOMIA?")
        dates = re.findall(r"\b(\d{4}-\d{2}-\d{2})\b", page.locator("#sources .qa-active").inner_text())
        assert dates and all(d >= "2020-01-01" for d in dates)
        page.locator("#chips .qa-chip button").first.click()
        page.wait_for_function("document.querySelector('#chips').innerText.includes('no filter')", timeout=WAIT_MS)
        assert page.input_value("#since textarea, #since input") == ""

        # A suggested next question, under the answer, is asked with one click.
        suggestion = page.locator("#chat [data-testid=bot]").last.locator("a[href='#qa-ask']").first
        asked = suggestion.inner_text()
        assert asked.endswith("?")
        suggestion.click()
        wait_for_answers(page, 3)
        assert page.locator("#chat [data-testid=user]").last.inner_text() == asked
        assert page.dialogs == [] and page.foreign == []
    finally:
        page.close()


def test_each_answer_keeps_its_own_sources(browser, app):
    page = open_page(browser, app.url)
    try:
        ask(page, "Why did Seoul suspend termination?")
        first_cards = page.locator("#sources .qa-active .qa-card").all_inner_texts()
        # One card per passage: no passage shown twice, and every [n] of the answer has a card.
        passages = page.evaluate("[...document.querySelectorAll('#sources .qa-active .qa-card .qa-passage')].map(p => p.innerText)")
        assert len(passages) == len(set(passages))
        shown_ns = page.evaluate("[...document.querySelectorAll('#sources .qa-active .qa-card')].flatMap(c => (c.dataset.n || '').split(' '))")
        answer_ns = sorted(set(re.findall(r"\[(\d+)\]", page.locator("#chat [data-testid=bot]").first.inner_text())))
        assert answer_ns and sorted(set(shown_ns)) == answer_ns
        # A card that carries several [n] highlights each of its cited sentences.
        marks = page.evaluate("[...document.querySelectorAll('#sources .qa-active .qa-card')].map(c => [(c.dataset.n || '').split(' ').length, c.querySelectorAll('.qa-passage mark').length])")
        assert all(m >= n for n, m in marks)
        assert "score" in first_cards[0]  # why it was retrieved

        # Scroll the panel down; the next answer's sources start at the top.
        page.evaluate("document.querySelector('#sources .qa-sources').scrollTop = 10000")
        ask(page, "How did Japan react to South Korea's decision?")
        page.wait_for_function("document.querySelector('#sources .qa-sources').scrollTop === 0", timeout=10_000)
        assert page.locator("#sources .qa-active").get_attribute("data-turn") == "1"

        # The first answer's [2] brings back the first answer's sources, at card [2].
        page.locator("#chat [data-testid=bot]").first.locator("a[href='#qa-cite-0-2']").last.click()
        page.wait_for_function("document.querySelector('#sources .qa-active').dataset.turn === '0'", timeout=10_000)
        flashed = page.locator("#sources .qa-active .qa-card.qa-flash")
        assert flashed.count() == 1 and "2" in flashed.get_attribute("data-n").split()
        assert page.locator("#sources .qa-active .qa-card").all_inner_texts() == first_cards
        # Clicking the later answer shows its own again.
        page.locator("#chat [data-testid=bot]").nth(1).click(position={"x": 30, "y": 20})
        page.wait_for_function("document.querySelector('#sources .qa-active').dataset.turn === '1'", timeout=10_000)

        # A follow-up says how it was read, with one click to ask it on its own instead.
        assert page.locator("#as-new-topic").count() == 0 or not page.locator("#as-new-topic").is_visible()
        followup = ask(page, "And what did Japan say about it?")
        assert followup.startswith("Read as: And what did Japan say about it? How did Japan react")  # with the question before it
        page.click("#as-new-topic")
        wait_for_answers(page, 4)
        page.wait_for_function("document.querySelectorAll('#sources .qa-turn').length === 4", timeout=WAIT_MS)
        assert page.locator("#chat [data-testid=user]").last.inner_text() == "And what did Japan say about it?"
        assert "Read as" not in page.locator("#chat [data-testid=bot]").last.inner_text()
        page.wait_for_function("!document.querySelector('#as-new-topic') || document.querySelector('#as-new-topic').offsetParent === null", timeout=10_000)

        # Open article: the whole article, with the cited sentence highlighted and in view.
        quote = page.locator("#sources .qa-active .qa-card mark").first.inner_text()
        page.locator("#sources .qa-active button.qa-open").first.click()
        page.wait_for_function("document.querySelector('#viewer .qa-article mark') !== null", timeout=WAIT_MS)
        viewer = page.locator("#viewer")
        assert " ".join(quote.split()) in " ".join(viewer.locator("mark").all_inner_texts())
        assert len(viewer.locator(".qa-article").inner_text()) > len(quote) * 3  # the whole article, not the passage
        page.wait_for_function(
            "(() => { const r = document.querySelector('#viewer mark').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()",
            timeout=10_000,
        )
        assert page.dialogs == [] and page.foreign == []
    finally:
        page.close()


def test_conversations_survive_reload_and_restart(browser, app, engine):
    page = open_page(browser, app.url)
    other = None
    try:
        question = "<b>Why</b> was the Zanzibar pineapple festival cancelled?"
        ask(page, question)
        ask(page, "What is GSOMIA?")
        page.wait_for_function("document.querySelectorAll('#history label').length === 1", timeout=WAIT_MS)
        assert "Why" in page.locator("#history label").first.inner_text()

        page.reload()
        wait_for_answers(page, 2)
        assert page.locator("#chat [data-testid=user]").first.inner_text().startswith("<b>Why</b>")
        assert page.locator("#sources .qa-turn").count() == 2

        # Another browser has its own (empty) history.
        other = open_page(browser, app.url)
        assert other.locator("#history label").count() == 0 and other.locator("#chat [data-testid=bot]").count() == 0

        app.restart(engine)
        page.reload()
        page.wait_for_selector("#question textarea", timeout=WAIT_MS)
        wait_for_answers(page, 2)
        chat = page.locator("#chat").inner_text()
        assert "<script>alert(1)</script>" in chat and "<b>Why</b>" in chat
        assert page.locator("#chat b, #chat script, #chat img[src=x]").count() == 0
        # Its sources are back too: an old [1] still opens its card.
        page.locator("#chat [data-testid=bot]").first.locator("a[href='#qa-cite-0-1']").last.click()
        page.wait_for_function("document.querySelector('#sources .qa-active').dataset.turn === '0'", timeout=10_000)
        assert "<script>alert(1)</script>" in page.locator("#sources .qa-active mark").first.inner_text()

        # A new conversation, then the old one reopened from the history.
        page.click("#clear")
        page.wait_for_function("document.querySelectorAll('#chat [data-testid=bot]').length === 0", timeout=10_000)
        ask(page, "When was the intelligence-sharing pact due to expire?")
        page.wait_for_function("document.querySelectorAll('#history label').length === 2", timeout=WAIT_MS)
        page.locator("#history label", has_text="Zanzibar").click()
        wait_for_answers(page, 2)

        # Rename, export as Markdown, delete.
        page.get_by_text("Rename, delete, export").click()
        page.fill("#rename-box textarea, #rename-box input", "Festival <i>notes</i>")
        page.click("#rename")
        page.wait_for_function("[...document.querySelectorAll('#history label')].some(l => l.innerText.includes('Festival <i>notes</i>'))", timeout=WAIT_MS)
        page.click("#export")
        download = page.locator("#export-file")
        download.wait_for(state="visible", timeout=WAIT_MS)
        with page.expect_download() as dl:
            download.click()
        markdown = open(dl.value.path(), encoding="utf-8").read()
        assert markdown.startswith("# Festival &lt;i&gt;notes&lt;/i&gt;")
        assert "&lt;b&gt;Why&lt;/b&gt;" in markdown and "Sources:" in markdown and "&lt;script&gt;" in markdown and "<script>" not in markdown
        page.click("#delete-chat")
        page.wait_for_function("document.querySelectorAll('#history label').length === 1", timeout=WAIT_MS)
        assert page.locator("#chat [data-testid=bot]").count() == 0
        page.reload()
        page.wait_for_function("document.querySelectorAll('#history label').length === 1", timeout=WAIT_MS)
        assert "Festival" not in page.locator("#history").inner_text()
        images_settled(page)
        assert page.dialogs == [] and page.foreign == []
    finally:
        page.close()
        if other is not None:
            other.close()


def test_timeline_of_the_seeds_story(browser, app):
    page = open_page(browser, app.url)
    try:
        page.get_by_role("tab", name="Timeline").click()
        page.fill("#topic textarea, #topic input", "South Korea's intelligence-sharing pact with Japan")
        page.click("#timeline-go")
        page.wait_for_function("document.querySelectorAll('#timeline .qa-entry').length > 0", timeout=WAIT_MS)
        entries = page.locator("#timeline .qa-entry")
        dates = [entries.nth(i).get_attribute("data-date") for i in range(entries.count())]
        assert dates == sorted(dates) and dates[0] == "2019-08-22" and dates[-1] == "2020-02-12"
        text = [" ".join(entries.nth(i).inner_text().split()) for i in range(entries.count())]
        assert "pull out" in text[0]
        assert any(d.startswith("2019-11") and "terminate" in t for d, t in zip(dates, text))  # suspended, with the right to end it
        assert any(d == "2020-01-09" and "withdrawal" in t for d, t in zip(dates, text))
        assert "denied" in text[-1] and "Changed" in text[-1]
        assert "[" in text[-1]  # each entry cites its article
    finally:
        page.close()


def test_phone_layout_answer_then_sources_without_nested_scrolling(browser, app):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    watch(page)
    try:
        page.goto(app.url)
        page.wait_for_selector("#question textarea")
        ask(page, "Why did Seoul suspend termination?")
        chat, sources, hist = (page.locator(s).bounding_box() for s in ("#chat-col", "#sources-col", "#history-col"))
        assert chat["y"] < sources["y"] < hist["y"]  # the answer, then its sources, then the history
        assert sources["width"] > 300
        nested = page.evaluate("(() => { const p = document.querySelector('#sources .qa-sources'); return p.scrollHeight - p.clientHeight; })()")
        assert nested <= 1
        boxes = page.evaluate(
            "[...document.querySelectorAll('#chat, #chat *')].filter(e => e.scrollHeight > e.clientHeight + 1 && !['visible', 'hidden'].includes(getComputedStyle(e).overflowY)).length"
        )
        assert boxes == 0  # the chat grows with the page: one scroll for everything
        page.locator("#chat [data-testid=bot]").first.locator("a[href='#qa-cite-0-1']").last.tap()
        page.wait_for_function(
            "(() => { const c = document.querySelector('#sources .qa-card.qa-flash'); if (!c) return false; const r = c.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })()",
            timeout=10_000,
        )
    finally:
        page.close()


def test_with_several_logins_each_user_has_their_own_conversations(browser, engine, tmp_path):
    from conftest import start_app

    from qa.engine import Engine
    from qa.settings import ServerSettings, Settings

    e = share_model(Engine(Settings(home=tmp_path / "home", auth="ann:pw-ann,bob:pw-bob", server=ServerSettings(stream_delay=0))), engine)
    e.ingest([SEEDS])
    url, app = start_app(e)
    contexts = []

    def login(user: str, password: str):
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})  # a browser of its own
        contexts.append(ctx)
        assert ctx.request.post(f"{url}login", form={"username": user, "password": password}).ok
        page = ctx.new_page()
        watch(page)
        page.goto(url)
        page.wait_for_selector("#question textarea", timeout=WAIT_MS)
        page.wait_for_function("!!localStorage.getItem('qa-browser')", timeout=WAIT_MS)
        return page

    try:
        ann = login("ann", "pw-ann")
        ask(ann, "What is GSOMIA?")
        ann.wait_for_function("document.querySelectorAll('#history label').length === 1", timeout=WAIT_MS)
        bob = login("bob", "pw-bob")
        assert bob.locator("#history label").count() == 0 and bob.locator("#chat [data-testid=bot]").count() == 0
        # Ann on another browser: her conversation is there (kept per user, not per browser).
        elsewhere = login("ann", "pw-ann")
        elsewhere.wait_for_function("document.querySelectorAll('#history label').length === 1", timeout=WAIT_MS)
        assert "What is GSOMIA?" in elsewhere.locator("#history").inner_text()
    finally:
        for ctx in contexts:
            ctx.close()
        app.close()
