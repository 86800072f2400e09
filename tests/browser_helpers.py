"""What the browser tests share: Debian's chromium driven by Playwright, and asking a question in
the chat as a user does (type, Enter, wait for the finished answer)."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
WAIT_MS = 120_000
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium: run `make browser` (apt-get install chromium)")


def watch(page) -> None:
    """Record alert() dialogs and requests that leave the machine on `page.dialogs` / `page.foreign`."""
    page.dialogs = []
    page.foreign = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else page.foreign.append(r.url))


def images_settled(page) -> None:
    """Wait until every image of the page has loaded or failed and the events that queued have run:
    an injected onerror that slipped through has fired by then (instead of sleeping and hoping it has)."""
    page.wait_for_function("[...document.images].every(i => i.complete)", timeout=WAIT_MS)
    page.evaluate("new Promise(r => setTimeout(r, 0))")


def wait_for_answers(page, n: int) -> None:
    """Wait until the chat holds n answers; on a timeout, say what the page showed (an error toast?)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"document.querySelectorAll('#chat [data-testid=bot]').length === {n}", timeout=WAIT_MS)
    except PlaywrightTimeout:
        pytest.fail(f"no answer {n} in the chat; toasts: {page.locator('.toast-body').all_inner_texts()}")


def send(page, question: str) -> int:
    """Type a question and press Enter until it is sent; returns how many answers the chat held before."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = page.locator("#chat [data-testid=bot]").count()
    asked = page.locator("#chat [data-testid=user]").count()
    # The Sources panel is redrawn when the answer has finished streaming: take the previous
    # headings away, so that waiting for a heading waits for this answer's end.
    page.evaluate("document.querySelectorAll('#sources h3').forEach(h => h.remove())")
    page.fill("#question textarea", question)
    # A key press that lands before Gradio has bound its handlers is lost without a trace, so press
    # again while the question is still unsent: the textbox still holds it and the chat has no new user message.
    for _ in range(5):
        page.press("#question textarea", "Enter")
        try:
            page.wait_for_function(f"document.querySelectorAll('#chat [data-testid=user]').length > {asked}", timeout=10_000)
            break
        except PlaywrightTimeout:
            if page.input_value("#question textarea") != question:
                break
    return before


def ask(page, question: str) -> str:
    """Type a question, press Enter and return the text of the finished answer."""
    before = send(page, question)
    wait_for_answers(page, before + 1)
    # The Sources panel is filled once the answer has finished streaming.
    page.wait_for_function(f"document.querySelectorAll('#sources .qa-turn').length === {before + 1} && document.querySelector('#sources .qa-active h3') !== null", timeout=WAIT_MS)
    return page.locator("#chat [data-testid=bot]").last.inner_text()


def toasts(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".toast-body").all_inner_texts()]


def error_badges(page) -> int:
    """Gradio's red error status over a component (what a raised gr.Error leaves on its outputs)."""
    return page.locator("#chat .error, #sources .error, #question .error, #chat-col .error, #sources-col .error").count()
