"""The OpenAI-compatible endpoint of `qa serve` (`/v1/chat/completions`, `/v1/models`), through the
`openai` Python client, with the app launched in this process behind a login and a language model
served by the scripted server of test_llm."""

from __future__ import annotations

import re

import httpx
import pytest
from conftest import free_port
from llm_script import ScriptedLLM
from test_llm import FABRICATED, MAIN, TIMEOUT, script

USER, PASSWORD = "reader", "pw-Zq81-never-logged"
CITATION_KEYS = {"n", "doc_id", "title", "source", "date", "text", "quote", "score"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bot(engine, seeded_home):
    """(base URL of the endpoint, the engine behind it)."""
    from qa.engine import Engine
    from qa.settings import LLMSettings, ServerSettings, Settings
    from ui import openai_api
    from ui.app import build, launch

    with ScriptedLLM(script) as llm_server:
        s = Settings(
            home=seeded_home, auth=f"{USER}:{PASSWORD}", server=ServerSettings(stream_delay=0),
            llm="openai:scripted-model", llm_options=LLMSettings(base_url=f"{llm_server.url}/v1", timeout=TIMEOUT),
        )
        e = Engine(s)
        e.encoder._model = engine.encoder.model  # loading the model again would only cost time
        app = build(e)
        port = free_port()
        launch(app, s, port=port, block=False, quiet=True, routes=openai_api.routes(e))
        try:
            yield f"http://127.0.0.1:{port}/v1", e
        finally:
            app.close()


@pytest.fixture(scope="module")
def client(bot):
    from openai import OpenAI

    return OpenAI(base_url=bot[0], api_key=f"{USER}:{PASSWORD}", max_retries=0, timeout=120)


def ask(client, *messages: str, **kw):
    roles = ["user", "assistant"]
    return client.chat.completions.create(
        model="news-qa", messages=[{"role": roles[i % 2], "content": m} for i, m in enumerate(messages)], **kw
    )


def test_models(client):
    assert [m.id for m in client.models.list()] == ["news-qa"]


def test_answer_with_markers_and_citations(client, bot):
    r = ask(client, MAIN)
    text = r.choices[0].message.content
    extra = r.model_extra
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert markers and markers == {c["n"] for c in extra["citations"]}
    assert all(set(c) == CITATION_KEYS for c in extra["citations"])
    # the same checked answer as `qa ask --json` gives
    direct = bot[1].ask(MAIN).to_json()
    assert text == direct["answer"] and extra["citations"] == direct["citations"] and extra["sentences"] == direct["sentences"]
    assert [s["unsupported"] for s in extra["sentences"] if s["text"].startswith(FABRICATED)] == [True]
    assert extra["abstained"] is False and r.model == "news-qa" and r.choices[0].finish_reason == "stop"


def test_streaming_sends_the_checked_text_then_the_citations(client):
    chunks = list(ask(client, "What is GSOMIA?", stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) >= 2, "sentence by sentence"
    assert text == ask(client, "What is GSOMIA?").choices[0].message.content
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert {c["n"] for c in last.model_extra["citations"]} == cited == set(range(1, len(cited) + 1)) and cited


def test_follow_up_from_the_message_history(client):
    first = ask(client, "What is GSOMIA?").choices[0].message.content
    r = ask(client, "What is GSOMIA?", first, "When is it due to expire?")
    assert "Nov. 22" in r.choices[0].message.content and r.model_extra["citations"]


def test_a_slow_model_gives_the_offline_answer_with_the_note(client):
    r = ask(client, "When was the intelligence-sharing pact due to expire?")
    text = r.choices[0].message.content
    assert "did not answer" in r.model_extra["note"] and r.model_extra["note"] in text
    assert re.search(r"\[1\]", text) and r.model_extra["citations"]


def test_bad_requests_are_refused_with_a_message(client):
    from openai import BadRequestError

    with pytest.raises(BadRequestError, match="question is empty"):
        ask(client, "   ")
    with pytest.raises(BadRequestError, match="non-empty list"):
        client.chat.completions.create(model="news-qa", messages=[])


def test_the_same_login_as_the_app(bot):
    from openai import AuthenticationError, OpenAI

    url = bot[0]
    for key in ("", "reader:wrong", PASSWORD):
        with pytest.raises(AuthenticationError):
            OpenAI(base_url=url, api_key=key or "none", max_retries=0).models.list()
    assert httpx.get(f"{url}/models").status_code == 401
    r = httpx.post(f"{url}/chat/completions", json={"messages": [{"role": "user", "content": MAIN}]})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    ok = httpx.post(f"{url}/chat/completions", auth=(USER, PASSWORD), json={"messages": [{"role": "user", "content": "What is GSOMIA?"}]}, timeout=120)
    assert ok.status_code == 200 and ok.json()["citations"]


def test_a_stream_gives_its_slot_back_when_the_client_goes_away():
    import threading

    from ui.openai_api import _holding

    slots = threading.BoundedSemaphore(1)
    stream = _holding(slots, iter(["a", "b", "c"]))
    assert next(stream) == "a" and not slots.acquire(blocking=False)  # held while it streams
    stream.close()  # the client went away after the first event
    assert slots.acquire(blocking=False)
    slots.release()
    never_started = _holding(slots, iter(["a"]))
    del never_started
    assert slots.acquire(blocking=False)
