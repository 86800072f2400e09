"""Saved conversations: each reader's chats, kept in SQLite under the data directory so they
survive a reload and a server restart.

A conversation belongs to an owner: "user:<login>" when the app has logins, else "browser:<id>"
(a random id the browser keeps). Every read and write names the owner, so nobody reaches another
owner's conversations even with a guessed conversation id. A turn is kept whole as JSON (the
question, the answer's JSON and the sources behind it), so a reopened answer shows its sources
again without searching anew, even after the article was removed.

The schema version is SQLite's `user_version`; a newer file than this code knows is refused, not
overwritten."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from qa.errors import NotFound, QAError
from qa.types import Answer

SCHEMA_VERSION = 1
TITLE_CHARS = 80
MAX_LIST = 200  # conversations shown in a history list, most recent first

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations (owner, updated);
CREATE TABLE IF NOT EXISTS turns (
    conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    turn TEXT NOT NULL,
    PRIMARY KEY (conversation, idx)
);
"""


@dataclass
class ConversationInfo:
    """One line of a reader's history list."""

    id: str
    title: str
    created: float  # unix seconds
    updated: float
    turns: int


def turn_record(answer: Answer) -> dict:
    """A chat turn as kept and shown: the question, the answer's JSON (what `qa ask --json` gives,
    what a vote records) and what its Sources panel needs (full citations, the closest passages
    on abstention)."""
    passages = [
        {
            "doc_id": p.chunk.doc_id, "title": p.chunk.title, "source": p.chunk.source, "date": p.chunk.date,
            "url": p.chunk.url, "text": p.chunk.text, "score": round(float(p.score), 4),
        }
        for p in (answer.passages if answer.abstained else [])
    ]
    return {
        "question": answer.question,
        "answer": answer.to_json(),
        "search_query": answer.search_query,
        "citations": [asdict(c) for c in answer.citations],
        "passages": passages,
    }


def title_for(question: str) -> str:
    q = " ".join(str(question).split())
    return q if len(q) <= TITLE_CHARS else q[: TITLE_CHARS - 1].rstrip() + "…"


class Conversations:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as e:
                raise QAError(f"the saved conversations in {self.path} cannot be read ({e}); move the file away to start afresh") from e
            if version > SCHEMA_VERSION:
                conn.close()
                raise QAError(f"the saved conversations in {self.path} were written by a newer version (schema {version}); upgrade the app")
            conn.execute("PRAGMA journal_mode=WAL")  # two app processes on one data directory
            conn.execute("PRAGMA foreign_keys=ON")
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.commit()
            self._conn = conn
        return self._conn

    def _owned(self, db: sqlite3.Connection, owner: str, conv_id: str) -> None:
        row = db.execute("SELECT 1 FROM conversations WHERE id=? AND owner=?", (conv_id, owner)).fetchone()
        if row is None:
            raise NotFound("that conversation no longer exists (deleted, perhaps in another tab)")

    def create(self, owner: str, title: str = "New conversation") -> str:
        conv_id = uuid.uuid4().hex
        now = time.time()
        with self._lock:
            db = self._db()
            db.execute("INSERT INTO conversations VALUES (?, ?, ?, ?, ?)", (conv_id, owner, title_for(title) or "New conversation", now, now))
            db.commit()
        return conv_id

    def append(self, owner: str, conv_id: str | None, turn: dict) -> str:
        """Add a turn; with no conversation (or one deleted meanwhile), start a new one titled by
        the question. Returns the conversation's id."""
        with self._lock:
            db = self._db()
            now = time.time()
            known = conv_id and db.execute("SELECT 1 FROM conversations WHERE id=? AND owner=?", (conv_id, owner)).fetchone()
            if not known:
                conv_id = uuid.uuid4().hex
                db.execute("INSERT INTO conversations VALUES (?, ?, ?, ?, ?)", (conv_id, owner, title_for(turn.get("question", "")) or "Conversation", now, now))
            idx = db.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE conversation=?", (conv_id,)).fetchone()[0]
            db.execute("INSERT INTO turns VALUES (?, ?, ?)", (conv_id, idx, json.dumps(turn, ensure_ascii=False)))
            db.execute("UPDATE conversations SET updated=? WHERE id=?", (now, conv_id))
            db.commit()
        return str(conv_id)

    def list(self, owner: str) -> list[ConversationInfo]:
        with self._lock:
            rows = self._db().execute(
                "SELECT c.id, c.title, c.created, c.updated, COUNT(t.idx) FROM conversations c "
                "LEFT JOIN turns t ON t.conversation = c.id WHERE c.owner=? GROUP BY c.id ORDER BY c.updated DESC LIMIT ?",
                (owner, MAX_LIST),
            ).fetchall()
        return [ConversationInfo(*r) for r in rows]

    def info(self, owner: str, conv_id: str) -> ConversationInfo:
        for c in self.list(owner):
            if c.id == conv_id:
                return c
        raise NotFound("that conversation no longer exists (deleted, perhaps in another tab)")

    def turns(self, owner: str, conv_id: str) -> list[dict]:
        with self._lock:
            db = self._db()
            self._owned(db, owner, conv_id)
            rows = db.execute("SELECT turn FROM turns WHERE conversation=? ORDER BY idx", (conv_id,)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def rename(self, owner: str, conv_id: str, title: str) -> None:
        title = title_for(title)
        if not title:
            raise QAError("type a name for the conversation")
        with self._lock:
            db = self._db()
            self._owned(db, owner, conv_id)
            db.execute("UPDATE conversations SET title=? WHERE id=?", (title, conv_id))
            db.commit()

    def delete(self, owner: str, conv_id: str) -> bool:
        with self._lock:
            db = self._db()
            cur = db.execute("DELETE FROM conversations WHERE id=? AND owner=?", (conv_id, owner))
            db.execute("DELETE FROM turns WHERE conversation=? AND NOT EXISTS (SELECT 1 FROM conversations WHERE id=?)", (conv_id, conv_id))
            db.commit()
        return cur.rowcount > 0

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _md_text(text: str) -> str:
    """Text set literally in Markdown: markup characters escaped, HTML made inert."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()!|~#])", r"\\\1", text)


def to_markdown(title: str, turns: list[dict]) -> str:
    """A conversation as a Markdown document: each question, its answer, and its sources with the
    cited sentence quoted. Article text is escaped, so the export shows it as it was written."""
    out = [f"# {_md_text(title)}", ""]
    for i, t in enumerate(turns, 1):
        a = t.get("answer", {})
        out += [f"## {i}. {_md_text(t.get('question', ''))}", ""]
        if a.get("short"):
            out += [f"**{_md_text(a['short'])}**", ""]
            rest = a.get("answer", "")[len(a["short"]):].strip() if a.get("answer", "").startswith(a["short"]) else a.get("answer", "")
        else:
            rest = a.get("answer", "")
        if a.get("abstained"):
            out += ["_No answer found in the articles._", ""]
        if rest:
            out += [_md_text(rest), ""]
        cites = t.get("citations") or a.get("citations") or []
        if cites:
            out += ["Sources:", ""]
            for c in cites:
                meta = ", ".join(x for x in (c.get("source") or "unknown outlet", c.get("date") or "undated", c.get("doc_id", "")) if x)
                url = c.get("url", "")
                link = f" <{url}>" if url.startswith(("http://", "https://")) and not any(ch in url for ch in "<> ") else ""
                out.append(f"- \\[{c.get('n')}\\] {_md_text(c.get('title') or c.get('doc_id', ''))} ({_md_text(meta)}){link}")
                if c.get("quote"):
                    out.append(f"  > {_md_text(' '.join(c['quote'].split()))}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def browser_secret(path: Path) -> str:
    """A random key made once per data directory, kept at `path` (readable by its owner only)."""
    import os
    import secrets

    path = Path(path)
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key
