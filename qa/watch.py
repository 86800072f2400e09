"""Keeping up with the news: re-ingest folders, pages and feeds every so often, incrementally (new and
changed articles only, removed files removed), one line per change. A target that fails (a feed that
is down, a folder that went away) is reported and tried again next time; the others go on."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qa.errors import QAError
from qa.fetch import is_url

if TYPE_CHECKING:
    from qa.engine import Engine

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """"15m", "30s", "1h", "2d" or plain seconds, as seconds; anything else is a ValueError."""
    m = _INTERVAL.match(text)
    if not m or float(m[1]) <= 0:
        raise ValueError(f"interval {text!r} is not like 15m, 30s, 1h or 90")
    return float(m[1]) * _UNIT[m[2].lower()]


def _snapshot(engine: Engine) -> dict[str, tuple[str, str]]:
    return {a.doc_id: (a.hash, a.title) for a in engine.articles()}


def poll(engine: Engine, targets: list[str], emit: Callable[[str], None]) -> int:
    """One round over every target; returns the number of changes printed."""
    changes = 0
    for target in targets:
        before = _snapshot(engine)
        problems: list[str] = []
        try:
            engine.ingest([target if is_url(target) else Path(target)], warn=problems.append)
        except QAError as e:  # a folder gone, the index locked by another ingest: next round
            emit(f"error: {e}")
            continue
        for msg in problems:
            emit(f"error: {msg.removeprefix('skipped ')}" if msg.startswith("skipped ") else f"warning: {msg}")
        after = _snapshot(engine)
        for doc_id in sorted(after.keys() - before.keys()):
            emit(f"added: {doc_id} ({after[doc_id][1]})")
        for doc_id in sorted(k for k in after.keys() & before.keys() if after[k][0] != before[k][0]):
            emit(f"updated: {doc_id} ({after[doc_id][1]})")
        for doc_id in sorted(before.keys() - after.keys()):
            emit(f"removed: {doc_id}")
        changes += len(after.keys() ^ before.keys()) + sum(after[k][0] != before[k][0] for k in after.keys() & before.keys())
    return changes


def watch(engine: Engine, targets: list[str], every: float, emit: Callable[[str], None],
          rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll `targets` every `every` seconds, forever (or `rounds` times)."""
    done = 0
    while True:
        poll(engine, targets, emit)
        done += 1
        if rounds is not None and done >= rounds:
            return
        sleep(every)
