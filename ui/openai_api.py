"""An OpenAI-compatible chat endpoint over the engine, served by `qa serve` next to the app:
`POST /v1/chat/completions` (plain and streamed) and `GET /v1/models`, so any chat client can talk
to the bot. The answer text carries `[n]` markers; the response carries the citations (the fields
of `qa ask --json`) in an extra `citations` field, with `abstained`, and `sentences` and `note`
when there are any. Same logins as the app: with QA_AUTH=user:password (or several), HTTP Basic with one of them, or
`Authorization: Bearer user:password` (the API key of an OpenAI client).

Each handler makes one call into the engine."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from itertools import chain
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.routing import BaseRoute

from qa.engine import Engine
from qa.errors import QAError
from qa.types import Answer
from ui.auth import authorized, logins

MODEL_ID = "news-qa"


def _error(status: int, message: str, kind: str = "invalid_request_error", headers: dict[str, str] | None = None) -> JSONResponse:
    """An error in the shape OpenAI clients read (they raise it with this message)."""
    return JSONResponse({"error": {"message": message, "type": kind, "param": None, "code": None}}, status_code=status, headers=headers)


def _text(content: Any) -> str:
    """Message content as text: a string, or a list of parts of which the text ones count."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def conversation(messages: Any) -> tuple[str, list[tuple[str, str]]]:
    """The last user message, and the earlier (question, answer) turns."""
    if not isinstance(messages, list) or not messages:
        raise QAError("`messages` must be a non-empty list of {role, content} objects")
    turns: list[tuple[str, str]] = []
    question = None
    for m in messages:
        if not isinstance(m, dict):
            raise QAError("every message must be an object with a role and a content")
        role, text = m.get("role"), _text(m.get("content"))
        if role == "user":
            if question is not None:
                turns.append((question, ""))
            question = text
        elif role == "assistant" and question is not None:
            turns.append((question, text))
            question = None
    if question is None:
        raise QAError("the last message must be the user's question")
    return question, turns


def _extras(answer: Answer) -> dict:
    """What an OpenAI response does not have: the citations and the checks."""
    d = answer.to_json()
    return {k: d[k] for k in ("citations", "abstained", "sentences", "note") if k in d}


def _content(answer: Answer) -> str:
    return answer.answer + (f"\n\n({answer.note})" if answer.note else "")


def _chunk(cid: str, created: int, delta: dict, finish: str | None = None, extra: dict | None = None) -> str:
    obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
           "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **(extra or {})}
    return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"


def _stream(answers: Iterator[Answer], cid: str, created: int) -> Iterator[str]:
    """Server-sent events: the checked text as it grows, then the citations."""
    yield _chunk(cid, created, {"role": "assistant", "content": ""})
    sent = ""
    answer = None
    for answer in answers:
        text = answer.answer
        if text.startswith(sent) and len(text) > len(sent):
            yield _chunk(cid, created, {"content": text[len(sent):]})
            sent = text
        elif not text.startswith(sent):  # never expected: a finished answer replacing a started one
            yield _chunk(cid, created, {"content": "\n\n" + text})
            sent = text
    if answer is not None and answer.note:
        yield _chunk(cid, created, {"content": f"\n\n({answer.note})"})
    yield _chunk(cid, created, {}, "stop", _extras(answer) if answer else {})
    yield "data: [DONE]\n\n"


def routes(engine: Engine) -> list[BaseRoute]:
    """The endpoint's routes, for `ui.app.launch`."""
    auth = logins(engine.settings.auth)
    # Answers at the same time through the endpoint, as many as the app's queue allows; the rest wait.
    slots = threading.BoundedSemaphore(max(1, engine.settings.server.concurrency))
    router = APIRouter()
    denied = {"headers": {"WWW-Authenticate": 'Basic realm="News QA"'}}

    @router.get("/v1/models")
    def models(request: Request):
        if not authorized(request.headers.get("authorization"), auth):
            return _error(401, "log in: HTTP Basic user:password, or the API key user:password", "authentication_error", **denied)
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "news-qa"}]}

    @router.post("/v1/chat/completions")
    async def chat_completions(request: Request):
        if not authorized(request.headers.get("authorization"), auth):
            return _error(401, "log in: HTTP Basic user:password, or the API key user:password", "authentication_error", **denied)
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "the request body must be JSON")
        if not isinstance(body, dict):
            return _error(400, "the request body must be a JSON object")
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_answer, engine, body, slots)

    return list(router.routes)


def _answer(engine: Engine, body: dict, slots: threading.BoundedSemaphore):
    """One question through the engine (in a worker thread: answering blocks), in one of the slots."""
    try:
        with slots:
            answers = _ask(engine, body)
            first = next(answers)  # a bad question or filter is refused here, before any event is sent
            if not body.get("stream"):
                answer = first
                for answer in answers:  # noqa: B007 (the last one is the complete answer)
                    pass
                return _completion(answer)
    except QAError as e:
        return _error(400, str(e))
    return StreamingResponse(_stream(_holding(slots, chain([first], answers)), *_ids()), media_type="text/event-stream")


def _ask(engine: Engine, body: dict) -> Iterator[Answer]:
    question, history = conversation(body.get("messages"))
    # Optional retrieval settings, e.g. the openai client's extra_body={"top_k": 5, "sources": [...]}.
    return engine.ask_stream(
        question, history=history, top_k=body.get("top_k"), sources=body.get("sources"), since=body.get("since"), until=body.get("until")
    )


def _holding(slots: threading.BoundedSemaphore, answers: Iterator[Answer]) -> Iterator[Answer]:
    """The rest of a streamed answer, written in a slot: taken when the stream starts, given back
    when it ends or the client goes away (a stream that never starts never takes one)."""
    with slots:
        yield from answers


def _ids() -> tuple[str, int]:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())


def _completion(answer: Answer) -> dict:
    cid, created = _ids()
    return {
        "id": cid, "object": "chat.completion", "created": created, "model": MODEL_ID,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": _content(answer)}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        **_extras(answer),
    }
