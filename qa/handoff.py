"""`qa ingest` on a data directory that a running app holds: the app does the ingest.

The embedded store has one writer, the app (see `qa.lock.hold_home`). Another process's ingest
is sent to it over a local HTTP endpoint instead, and shows the same progress and summary. The
endpoint takes a secret that the app writes into its lock file (readable by the owner of the data
directory only), since it reads files on the app's machine."""

from __future__ import annotations

import json
import os
import queue
import secrets
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from qa import errors
from qa.errors import IndexLocked, QAError
from qa.types import IngestReport

PATH = "/qa/ingest"
TOKEN_HEADER = "X-QA-Token"
Progress = Callable[[int, int, str], None]
_told: set[str] = set()  # apps this process has said it hands its ingests to


def _base(app_url: str) -> str:
    # An app bound to every interface is reached on loopback.
    for any_host in ("//0.0.0.0:", "//[::]:"):
        app_url = app_url.replace(any_host, "//127.0.0.1:")
    return app_url.rstrip("/")


def send(holder: dict, paths: list[Path | str], collection: str, progress: Progress | None, warn: Callable[[str], None] | None,
         refused: IndexLocked) -> IngestReport:
    """Have the app named by `holder` (what it wrote into the lock file) ingest `paths`; raises
    `refused` when there is no such app to hand the work to."""
    import httpx

    if not holder.get("app") or not holder.get("token") or holder.get("pid") == os.getpid():
        raise refused
    # Folders and files as absolute paths (the app has its own working directory); URLs as they are.
    body = {"paths": [p if isinstance(p, str) else str(Path(p).resolve()) for p in paths], "collection": collection}
    try:
        with httpx.stream("POST", _base(holder["app"]) + PATH, json=body, headers={TOKEN_HEADER: holder["token"]},
                          timeout=httpx.Timeout(10.0, read=None)) as r:
            if r.status_code != 200:
                raise refused
            if warn and holder["app"] not in _told:  # once per process: `qa watch` hands over every round
                _told.add(holder["app"])
                warn(f"the app at {holder['app']} holds this data directory: it ingests these articles")
            for line in r.iter_lines():
                if not line.strip():
                    continue
                msg = json.loads(line)
                if "progress" in msg and progress:
                    progress(*msg["progress"])
                elif "warn" in msg and warn:
                    warn(msg["warn"])
                elif "error" in msg:
                    kind = getattr(errors, msg.get("kind", ""), QAError)
                    raise (kind if isinstance(kind, type) and issubclass(kind, QAError) else QAError)(msg["error"])
                elif "report" in msg:
                    rep = msg["report"]
                    return IngestReport(**{**rep, "failed": [tuple(f) for f in rep["failed"]]})
    except httpx.HTTPError:
        raise refused from None
    raise QAError(f"the app at {holder['app']} stopped before the ingest ended; run `qa ingest` again (unchanged articles are skipped)")


def serve(engine, token: str, given: str, body: object) -> tuple[int, Iterator[str]]:
    """The app's side: (HTTP status, lines of newline-delimited JSON) for one handed-over ingest."""
    if not token or not secrets.compare_digest(token, given or ""):
        return 403, iter([json.dumps({"error": "not allowed", "kind": "QAError"}) + "\n"])
    ok = isinstance(body, dict) and isinstance(body.get("paths"), list) and all(isinstance(p, str) for p in body["paths"])
    if not ok:
        return 400, iter([json.dumps({"error": "expected {\"paths\": [...]}", "kind": "QAError"}) + "\n"])
    if body.get("collection") != engine.store.name:
        msg = (f"the app uses the collection {engine.store.name}, this ingest {body.get('collection')} (other model or chunk "
               "settings): give both the same settings, or stop the app")
        return 200, iter([json.dumps({"error": msg, "kind": "InvalidFilter"}) + "\n"])
    lines: queue.Queue[str | None] = queue.Queue()

    def work() -> None:
        try:
            report = engine.ingest(body["paths"] or None, progress=lambda d, t, n: lines.put(json.dumps({"progress": [d, t, n]})),
                                   warn=lambda m: lines.put(json.dumps({"warn": m})))
            lines.put(json.dumps({"report": {**report.__dict__, "failed": [list(f) for f in report.failed]}}))
        except QAError as e:
            lines.put(json.dumps({"error": str(e), "kind": type(e).__name__}))
        except Exception as e:  # the client needs an end, whatever happened
            lines.put(json.dumps({"error": f"the app could not ingest ({type(e).__name__}: {e})", "kind": "QAError"}))
        finally:
            lines.put(None)

    threading.Thread(target=work, daemon=True, name="handed-over-ingest").start()

    def stream() -> Iterator[str]:
        while (line := lines.get()) is not None:
            yield line + "\n"

    return 200, stream()
