"""A small language-model server for tests: OpenAI-compatible `POST /v1/chat/completions` (plain and
streamed) and Ollama's `POST /api/chat`, on a free loopback port, replying from a script.

A script is a function of the request (question, numbered passages, system prompt, history) that
returns the reply text, or a `Stall` (wait before answering, or in the middle of the answer)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import free_port


@dataclass
class Request:
    system: str
    user: str
    question: str  # the "Question:" line of an answer prompt, or the "Last question:" of a rewrite
    passages: dict[int, str] = field(default_factory=dict)  # [n] -> passage text as shown in the prompt

    @property
    def is_rewrite(self) -> bool:
        return "standalone" in self.system

    def passage_with(self, *words: str) -> int:
        """Number of the first passage containing all the words (the script cites what it was shown)."""
        for n, text in self.passages.items():
            if all(w.lower() in text.lower() for w in words):
                return n
        raise AssertionError(f"no passage shown to the model contains {words}: {list(self.passages.values())}")


@dataclass
class Stall:
    seconds: float
    before: str = ""  # text sent before stalling (mid-answer); empty: stall before the first byte


Script = Callable[[Request], "str | Stall"]


def parse(messages: list[dict]) -> Request:
    system = next((m["content"] for m in messages if m["role"] == "system"), "")
    user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    q = re.search(r"^(?:Question|Last question): (.*)$", user, re.M)
    passages = {int(n): body for n, body in re.findall(r"^\[(\d+)\] [^\n]*\n([^\n]*)", user, re.M)}
    return Request(system=system, user=user, question=q.group(1).strip() if q else "", passages=passages)


class ScriptedLLM:
    def __init__(self, script: Script, pace: float = 0.0) -> None:
        self.script = script
        self.pace = pace  # seconds between streamed words, to watch an answer being written
        self.requests: list[Request] = []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): as a real server sees it
                    pass

            def _answer(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                req = parse(body.get("messages", []))
                outer.requests.append(req)
                reply = outer.script(req)
                text = reply.before if isinstance(reply, Stall) else reply
                if isinstance(reply, Stall) and not reply.before:
                    time.sleep(reply.seconds)
                    text = "Too late [1]."
                ollama = self.path.startswith("/api/")
                if not body.get("stream", ollama):
                    self._send(200, "application/json", json.dumps(_completion(text, body, ollama)).encode())
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson" if ollama else "text/event-stream")
                self.end_headers()
                for piece in re.findall(r"\S*\s*", text):  # a word at a time, as servers stream tokens
                    if piece:
                        self._event(_chunk(piece, body, ollama, done=False), ollama)
                        time.sleep(outer.pace)
                if isinstance(reply, Stall) and reply.before:
                    time.sleep(reply.seconds)
                    return
                self._event(_chunk("", body, ollama, done=True), ollama)
                if not ollama:
                    self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, obj: dict, ollama: bool) -> None:
                line = json.dumps(obj) + "\n" if ollama else f"data: {json.dumps(obj)}\n\n"
                self.wfile.write(line.encode())
                self.wfile.flush()

            def _send(self, code: int, ctype: str, data: bytes) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _completion(text: str, body: dict, ollama: bool) -> dict:
    if ollama:
        return {"model": body.get("model"), "created_at": "2026-01-01T00:00:00Z", "message": {"role": "assistant", "content": text}, "done": True, "done_reason": "stop"}
    return {
        "id": "chatcmpl-scripted", "object": "chat.completion", "created": 0, "model": body.get("model"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def _chunk(piece: str, body: dict, ollama: bool, done: bool) -> dict:
    if ollama:
        return {"model": body.get("model"), "created_at": "2026-01-01T00:00:00Z", "message": {"role": "assistant", "content": piece}, "done": done, **({"done_reason": "stop"} if done else {})}
    delta = {} if done else {"role": "assistant", "content": piece}
    return {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0, "model": body.get("model"),
            "choices": [{"index": 0, "delta": delta, "finish_reason": "stop" if done else None}]}
