"""`make screenshots`: the README's pictures of the app, taken in headless Chromium over the seeds
in a scratch data directory (desktop, phone, timeline). Not part of the test suite, so a test run
never rewrites files in the repository."""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WAIT_MS = 120_000


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ask(page, question: str) -> None:
    n = page.locator("#chat [data-testid=bot]").count()
    page.fill("#question textarea", question)
    for _ in range(5):
        page.press("#question textarea", "Enter")
        try:
            page.wait_for_function(f"document.querySelectorAll('#sources .qa-turn').length > {n}", timeout=20_000)
            return
        except Exception:  # noqa: BLE001 (Playwright's timeout: the key press landed before the page was ready)
            continue
    raise SystemExit(f"no answer to {question!r}")


def main() -> int:
    from playwright.sync_api import sync_playwright

    from qa.engine import Engine
    from qa.settings import ServerSettings, Settings
    from ui.app import build, launch

    home = Path(tempfile.mkdtemp(prefix="qa-screens-"))
    try:
        engine = Engine(Settings(home=home, server=ServerSettings(stream_delay=0)))
        engine.ingest()
        app = build(engine)
        port = _port()
        launch(app, engine.settings, port=port, block=False, quiet=True)
        url = f"http://127.0.0.1:{port}/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_selector("#question textarea")
            page.wait_for_function("!!localStorage.getItem('qa-browser')", timeout=WAIT_MS)
            _ask(page, "Why did Seoul suspend termination?")
            _ask(page, "How did Japan react to South Korea's decision?")
            page.locator("#chat [data-testid=bot]").first.locator("a[href='#qa-cite-0-2']").last.click()  # the first answer's sources again
            page.wait_for_timeout(500)
            page.screenshot(path=str(DOCS / "screenshot.png"))

            page.get_by_role("tab", name="Timeline").click()
            page.fill("#topic textarea", "South Korea's intelligence-sharing pact with Japan")
            page.click("#timeline-go")
            page.wait_for_selector("#timeline .qa-entry", timeout=WAIT_MS)
            page.screenshot(path=str(DOCS / "screenshot-timeline.png"), full_page=True)

            phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            phone.goto(url)
            phone.wait_for_selector("#question textarea")
            phone.wait_for_function("!!localStorage.getItem('qa-browser')", timeout=WAIT_MS)
            _ask(phone, "Why did Seoul suspend termination?")
            phone.locator("#chat [data-testid=bot]").first.locator("a[href='#qa-cite-0-1']").last.tap()  # jumps to its card
            phone.wait_for_timeout(500)
            phone.screenshot(path=str(DOCS / "screenshot-phone.png"))
            browser.close()
        app.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"wrote {DOCS / 'screenshot.png'}, {DOCS / 'screenshot-timeline.png'}, {DOCS / 'screenshot-phone.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
