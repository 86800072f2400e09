"""Sentence vectors computed once at ingest, so that answering a question encodes only the question.

The answerer scores every sentence of the retrieved passages against the question; encoding those
~60 sentences at query time was most of `ask`'s latency. Ingest stores one vector per candidate
sentence, keyed like the answerer's own cache: (article id, offset of the sentence in the article),
so the same sentence in two overlapping chunks is stored once. A crc32 of the sentence text is kept
with it: a vector whose text no longer matches (a crash between writes, an index from before) is
never used, and the answerer encodes that sentence itself.

SQLite (stdlib) under the data directory, in WAL mode: `qa ingest` writes while `qa serve` reads."""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from qa.types import Chunk

MIN_WORDS = 5  # shorter "sentences" (datelines, captions) are never part of an answer

Key = tuple[str, int]  # (doc_id, character offset of the sentence in the article)


def chunk_sentences(chunk: Chunk) -> list[tuple[int, int, str]]:
    """(start, end, normalized text) of every non-blank sentence of the chunk."""
    out = []
    for a, b in chunk.sentences:
        norm = re.sub(r"\s+", " ", chunk.text[a:b]).strip()
        if norm:
            out.append((a, b, norm))
    return out


def candidate_sentences(chunk: Chunk) -> list[tuple[int, int, str]]:
    """(start, end, normalized text) of the chunk's sentences that may be part of an answer."""
    return [(a, b, norm) for a, b, norm in chunk_sentences(chunk) if len(norm.split()) >= MIN_WORDS]


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


class SentenceVectors:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one connection, shared by the app's worker threads

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None:
            if not self.path.exists() and not self.path.parent.exists():
                return None
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS sentence (doc_id TEXT, start INTEGER, crc INTEGER, vec BLOB, PRIMARY KEY (doc_id, start))")
            self._conn = conn
        return self._conn

    def put(self, rows: Iterable[tuple[Key, str, np.ndarray]]) -> None:
        """Store (key, normalized text, unit vector) rows, replacing what was there."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = [(k[0], int(k[1]), _crc(t), np.asarray(v, dtype=np.float32).tobytes()) for k, t, v in rows]
        with self._lock:
            db = self._db()
            with db:
                db.executemany("INSERT OR REPLACE INTO sentence VALUES (?, ?, ?, ?)", data)

    def delete_docs(self, doc_ids: Iterable[str]) -> None:
        ids = [(d,) for d in doc_ids]
        if not ids:
            return
        with self._lock:
            if (db := self._db()) is None:
                return
            with db:
                db.executemany("DELETE FROM sentence WHERE doc_id = ?", ids)

    def keep_only(self, doc_ids: set[str]) -> None:
        """Drop the vectors of articles no longer in the index."""
        with self._lock:
            if (db := self._db()) is None:
                return
            stored = {r[0] for r in db.execute("SELECT DISTINCT doc_id FROM sentence")}
        self.delete_docs(stored - doc_ids)

    def get(self, wanted: dict[Key, str]) -> dict[Key, np.ndarray]:
        """Stored vectors for these keys whose text (normalized) still matches."""
        if not wanted:
            return {}
        by_doc: dict[str, list[int]] = {}
        for doc_id, start in wanted:
            by_doc.setdefault(doc_id, []).append(start)
        out: dict[Key, np.ndarray] = {}
        with self._lock:
            if (db := self._db()) is None:
                return {}
            for doc_id, starts in by_doc.items():
                marks = ",".join("?" * len(starts))
                rows = db.execute(f"SELECT start, crc, vec FROM sentence WHERE doc_id = ? AND start IN ({marks})", [doc_id, *starts])
                for start, crc, blob in rows:
                    key = (doc_id, start)
                    if crc == _crc(wanted[key]):
                        out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def raw_rows(self) -> list[tuple[str, int, int, bytes]]:
        """Every stored (doc_id, start, crc, vector bytes) row, as stored (for building copies)."""
        with self._lock:
            if (db := self._db()) is None:
                return []
            return db.execute("SELECT doc_id, start, crc, vec FROM sentence").fetchall()

    def put_raw(self, rows: Iterable[tuple[str, int, int, bytes]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            db = self._db()
            with db:
                db.executemany("INSERT OR REPLACE INTO sentence VALUES (?, ?, ?, ?)", rows)

    def __len__(self) -> int:
        with self._lock:
            if (db := self._db()) is None:
                return 0
            return int(db.execute("SELECT COUNT(*) FROM sentence").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
