"""Readers' thumbs up / down on answers, appended to a JSONL file in the data directory, so that
bad answers can be turned into evaluation cases. One line per vote; never any login data."""

from __future__ import annotations

import fcntl
import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

VOTES = ("up", "down")

# Several app threads may vote at once; flock covers other processes (a second app on the same home).
_lock = threading.Lock()


def make_entry(question: str, answer_json: dict, vote: str, when: datetime | None = None) -> dict:
    """The line written for one vote: the question, the answer as `qa ask --json` gives it, the vote."""
    if vote not in VOTES:
        raise ValueError(f"vote must be one of {VOTES}, not {vote!r}")
    if not isinstance(answer_json, dict):
        raise ValueError("answer_json must be the answer's JSON object")
    keep = ("answer", "abstained", "citations", "latency_ms")
    return {
        "time": (when or datetime.now(UTC)).isoformat(timespec="seconds"),
        "vote": vote,
        "question": str(question),
        **{k: answer_json.get(k) for k in keep},
    }


def record(path: Path, question: str, answer_json: dict, vote: str, when: datetime | None = None) -> dict:
    """Append one vote to `path` and return the entry written."""
    entry = make_entry(question, answer_json, vote, when)
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock:
        # One write() on an O_APPEND descriptor under flock: lines from concurrent writers never interleave.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, line)
        finally:
            os.close(fd)
    return entry


def load(path: Path) -> list[dict]:
    """Every vote recorded so far, oldest first; a torn last line (a crash mid-write) is skipped."""
    path = Path(path)
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out
