"""A model-written answer in the real browser: it streams in, sentence by sentence, and the
sentence no cited passage supports carries a visible mark (scripted model server of test_llm)."""

from __future__ import annotations

import re

import pytest
from browser_helpers import ARGS, CHROMIUM, WAIT_MS, ask
from conftest import free_port
from llm_script import ScriptedLLM
from test_llm import FABRICATED, MAIN, script

from ui.render import UNSUPPORTED_MARK

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium: run `make browser` (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def page(engine, seeded_home):
    from playwright.sync_api import sync_playwright

    from qa.engine import Engine
    from qa.settings import LLMSettings, ServerSettings, Settings
    from ui.app import build, launch

    with ScriptedLLM(script, pace=0.05) as llm_server:
        s = Settings(
            home=seeded_home, server=ServerSettings(stream_delay=0),
            llm="openai:scripted-model", llm_options=LLMSettings(base_url=f"{llm_server.url}/v1", timeout=10),
        )
        e = Engine(s)
        e.encoder._model = engine.encoder.model  # loading the model again would only cost time
        app = build(e)
        port = free_port()
        launch(app, s, port=port, block=False, quiet=True)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("#question textarea")
                yield page
                browser.close()
        finally:
            app.close()


def test_the_answer_streams_in_and_the_unsupported_sentence_is_marked(page):
    # While the model writes, the sentence in progress shows with a cursor; checked ones before it.
    page.evaluate("""() => { window.sawDraft = false;
        new MutationObserver(() => { const b = document.querySelector('#chat [data-testid=bot]');
            if (b && b.innerText.includes('▍')) window.sawDraft = true; })
        .observe(document.querySelector('#chat'), {subtree: true, childList: true, characterData: true}); }""")
    answer = ask(page, MAIN)
    assert page.evaluate("window.sawDraft"), "the answer did not stream in"
    assert "▍" not in answer
    mark = UNSUPPORTED_MARK.replace("_", "").strip()  # as rendered: ⚠️ not supported by the cited passages
    lines = [line for line in answer.splitlines() if line.strip()]
    flagged = [line for line in lines if mark in line]
    assert len(flagged) == 2 and any(line.startswith(FABRICATED) for line in flagged), lines
    assert any("at any time" in line and mark not in line for line in lines)
    # Every citation number in the answer has its card in Sources.
    page.wait_for_function("document.querySelector('#sources .qa-active h3').innerText === 'Sources'", timeout=WAIT_MS)
    cards = re.findall(r"\[\d+\]", "".join(page.locator("#sources .qa-active .qa-card .qa-n").all_inner_texts()))
    assert cards and all(n in answer for n in cards)
