"""One writer per data directory: the ingest lock (a flock on a file in the data directory), and
`qa serve` holding it for its whole life on an embedded store.

Apart from qa.ingest so that whoever must keep writers out (ingest, `qa doctor`, the app's
handoff endpoint) can take it without importing what ingest does."""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from qa.errors import IndexLocked, NotFound
from qa.layout import layout

# Data directories this process holds for its whole life (`qa serve` on an embedded store): home -> (file, busy)
_HELD: dict[str, tuple[IO[str], threading.Lock, str]] = {}
_HELD_GUARD = threading.Lock()


def _open_lock(home: Path) -> IO[str]:
    try:
        home.mkdir(parents=True, exist_ok=True)
        return open(layout(home).lock, "a+")  # noqa: SIM115 (closed by the caller)
    except OSError as e:
        why = "a file, not a folder" if home.is_file() else e.strerror
        raise NotFound(f"cannot use the data directory {home} ({why}); set QA_HOME to a writable folder") from None


def _holder(fh: IO[str]) -> dict:
    """What the process holding the lock wrote into it: {"pid", "app"} for a running app."""
    try:
        fh.seek(0)
        data = json.loads(fh.read() or "{}")
        return data if isinstance(data, dict) else {"pid": data}
    except ValueError:
        return {}


def _busy(home: Path, holder: dict) -> IndexLocked:
    e = _busy_message(home, holder)
    e.holder = holder  # type: ignore[attr-defined]  # for qa.handoff: the app to hand the ingest to
    return e


def _busy_message(home: Path, holder: dict) -> IndexLocked:
    if app := holder.get("app"):
        return IndexLocked(
            f"the app (`qa serve`, pid {holder.get('pid', '?')}, {app}) is using {home}, and only it may write to the "
            "embedded store: add articles in its Corpus tab, or stop it and run this again (several processes may write "
            "through a Chroma server: QA_STORE__CHROMA_URL)"
        )
    return IndexLocked(f"another ingest is running on {home}; wait for it to finish and try again")


def hold_home(home: Path, app_url: str) -> None:
    """Make this process the only writer of `home` until it exits (`qa serve` on an embedded store).

    Chroma's embedded store is not safe for several processes: one that keeps it open holds its
    vector index in memory and later writes that back over what another process wrote. So the
    app holds the ingest lock for its whole life; its own ingests (uploads) pass one at a time."""
    key = str(Path(home).resolve())
    with _HELD_GUARD:
        if key in _HELD:
            return
        fh = _open_lock(Path(home))
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fh)
            fh.close()
            if holder.get("app"):
                raise IndexLocked(
                    f"another app (`qa serve`, pid {holder.get('pid', '?')}, {holder['app']}) is using {home}; use that one, "
                    "or give this one another data directory (QA_HOME), or share a Chroma server (QA_STORE__CHROMA_URL)"
                ) from None
            raise _busy(Path(home), holder) from None
        os.chmod(fh.name, 0o600)  # the token lets its reader have the app ingest files: the owner's only
        token = secrets.token_urlsafe(32)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({"pid": os.getpid(), "app": app_url, "token": token}))
        fh.flush()
        _HELD[key] = (fh, threading.Lock(), token)


def held_token(home: Path) -> str:
    """The secret another process's `qa ingest` shows the app to have it ingest (qa.handoff); "" when
    this process does not hold `home`."""
    with _HELD_GUARD:
        held = _HELD.get(str(Path(home).resolve()))
    return held[2] if held else ""


@contextmanager
def ingest_lock(home: Path) -> Iterator[None]:
    """One writer at a time per data directory; a second one is told so at once (and who holds it)."""
    with _HELD_GUARD:
        held = _HELD.get(str(Path(home).resolve())) if Path(home).exists() else None
    if held is not None:  # this process is the app holding the directory: its threads take turns
        if not held[1].acquire(blocking=False):
            raise IndexLocked(f"another ingest is running on {home}; wait for it to finish and try again")
        try:
            yield
        finally:
            held[1].release()
        return
    fh = _open_lock(Path(home))
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(Path(home), _holder(fh)) from None
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps({"pid": os.getpid()}))
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
