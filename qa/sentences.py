"""Vectors kept beside Chroma, computed once at ingest, so that answering a question encodes only
the question and reads no vector from Chroma beyond its dense search.

Sentences: the answerer scores every sentence of the retrieved passages against the question;
encoding those ~60 sentences at query time was most of `ask`'s latency. Ingest stores one vector per
candidate sentence, keyed like the answerer's own cache: (article id, offset of the sentence in the
article), so the same sentence in two overlapping chunks is stored once. A crc32 of the sentence text
is kept with it: a vector whose text no longer matches (a crash between writes, an index from before)
is never used, and the answerer encodes that sentence itself.

Chunks: a copy of each chunk's vector, so that fusion can score the keyword-only candidates without
a second Chroma call per question. Chroma stays the record: the copy is rebuilt from it after a
stopped ingest or when the counts differ, and a chunk missing here is read from Chroma.

SQLite (stdlib) under the data directory, in WAL mode: `qa ingest` writes while `qa serve` reads."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from qa import keyword, nlp
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


def _terms_text(text: str) -> str:
    """The sentence's keyword terms as stored, tagged with the tokenizer version that made them: the
    answerer needs them for every candidate sentence, and computing them per question cost ~2.5 ms."""
    return f"{keyword.VERSION}|{' '.join(keyword.terms(text))}"


def _terms_from(stored: str | None) -> frozenset[str] | None:
    version, _, words = (stored or "").partition("|")
    return frozenset(words.split()) if version == str(keyword.VERSION) else None


def _ents_text(ents: list[nlp.Entity]) -> str:
    """The sentence's named entities as stored, tagged with their version: finding them is the
    slowest part of reading a sentence, so it is done once, at ingest."""
    return f"{nlp.VERSION}|{json.dumps(ents, separators=(',', ':'))}"


def _ents_from(stored: str | None) -> list[nlp.Entity] | None:
    version, _, data = (stored or "").partition("|")
    return [tuple(e) for e in json.loads(data)] if version == str(nlp.VERSION) else None


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
            conn.execute(
                "CREATE TABLE IF NOT EXISTS sentence (doc_id TEXT, start INTEGER, crc INTEGER, vec BLOB, terms TEXT, PRIMARY KEY (doc_id, start))"
            )
            columns = {r[1] for r in conn.execute("PRAGMA table_info(sentence)")}
            for column in ("terms", "ents"):  # a file from before these were stored
                if column not in columns:
                    conn.execute(f"ALTER TABLE sentence ADD COLUMN {column} TEXT")
            conn.execute("CREATE TABLE IF NOT EXISTS chunk (id TEXT PRIMARY KEY, doc_id TEXT, vec BLOB)")
            conn.execute("CREATE INDEX IF NOT EXISTS chunk_doc ON chunk (doc_id)")
            self._conn = conn
        return self._conn

    def put(self, rows: Iterable[tuple[Key, str, np.ndarray]]) -> None:
        """Store (key, normalized text, unit vector) rows with the text's keyword terms and named
        entities, replacing what was there."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rows = list(rows)
        ents = nlp.entities([t for _, t, _ in rows])
        data = [(k[0], int(k[1]), _crc(t), np.asarray(v, dtype=np.float32).tobytes(), _terms_text(t), _ents_text(e)) for (k, t, v), e in zip(rows, ents)]
        self.put_raw(data)

    def delete_docs(self, doc_ids: Iterable[str]) -> None:
        ids = [(d,) for d in doc_ids]
        if not ids:
            return
        with self._lock:
            if (db := self._db()) is None:
                return
            with db:
                db.executemany("DELETE FROM sentence WHERE doc_id = ?", ids)
                db.executemany("DELETE FROM chunk WHERE doc_id = ?", ids)

    def keep_only(self, doc_ids: set[str]) -> None:
        """Drop the vectors of articles no longer in the index."""
        with self._lock:
            if (db := self._db()) is None:
                return
            stored = {r[0] for r in db.execute("SELECT DISTINCT doc_id FROM sentence UNION SELECT DISTINCT doc_id FROM chunk")}
        self.delete_docs(stored - doc_ids)

    def get(self, wanted: dict[Key, str]) -> dict[Key, np.ndarray]:
        """Stored vectors for these keys whose text (normalized) still matches."""
        return {k: v for k, (v, _) in self.get_with_terms(wanted).items()}

    def get_with_terms(self, wanted: dict[Key, str]) -> dict[Key, tuple[np.ndarray, frozenset[str] | None]]:
        """Stored vectors and keyword terms (None when stored by another tokenizer version) for these
        keys whose text (normalized) still matches."""
        return {k: (v, t) for k, (v, t, _) in self.get_features(wanted).items()}

    def get_features(self, wanted: dict[Key, str]) -> dict[Key, tuple[np.ndarray, frozenset[str] | None, list[nlp.Entity] | None]]:
        """`get_with_terms`, plus the stored named entities (None when stored by another version)."""
        if not wanted:
            return {}
        by_doc: dict[str, list[int]] = {}
        for doc_id, start in wanted:
            by_doc.setdefault(doc_id, []).append(start)
        out: dict[Key, tuple[np.ndarray, frozenset[str] | None, list[nlp.Entity] | None]] = {}
        with self._lock:
            if (db := self._db()) is None:
                return {}
            for doc_id, starts in by_doc.items():
                marks = ",".join("?" * len(starts))
                rows = db.execute(f"SELECT start, crc, vec, terms, ents FROM sentence WHERE doc_id = ? AND start IN ({marks})", [doc_id, *starts])
                for start, crc, blob, stored_terms, stored_ents in rows:
                    key = (doc_id, start)
                    if crc == _crc(wanted[key]):
                        out[key] = (np.frombuffer(blob, dtype=np.float32), _terms_from(stored_terms), _ents_from(stored_ents))
        return out

    def put_chunks(self, rows: Iterable[tuple[str, str, np.ndarray]], replace_all: bool = False) -> None:
        """Store (chunk id, article id, unit vector) rows; `replace_all` drops every other chunk row."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = [(cid, doc, np.asarray(v, dtype=np.float32).tobytes()) for cid, doc, v in rows]
        with self._lock:
            db = self._db()
            with db:
                if replace_all:
                    db.execute("DELETE FROM chunk")
                db.executemany("INSERT OR REPLACE INTO chunk VALUES (?, ?, ?)", data)

    def chunk_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        with self._lock:
            if (db := self._db()) is None:
                return {}
            rows = db.execute(f"SELECT id, vec FROM chunk WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        return {cid: np.frombuffer(blob, dtype=np.float32) for cid, blob in rows}

    def chunk_count(self) -> int:
        with self._lock:
            if (db := self._db()) is None:
                return 0
            return int(db.execute("SELECT COUNT(*) FROM chunk").fetchone()[0])

    def raw_rows(self) -> list[tuple]:
        """Every stored (doc_id, start, crc, vector bytes, terms, entities) row, as stored (for building copies)."""
        with self._lock:
            if (db := self._db()) is None:
                return []
            return db.execute("SELECT doc_id, start, crc, vec, terms, ents FROM sentence").fetchall()

    def put_raw(self, rows: Iterable[tuple]) -> None:
        """Rows as `raw_rows` gives them; the entities may be left out (then found when needed)."""
        data = [tuple(r) if len(r) == 6 else (*r, None) for r in rows]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            db = self._db()
            with db:
                db.executemany("INSERT OR REPLACE INTO sentence (doc_id, start, crc, vec, terms, ents) VALUES (?, ?, ?, ?, ?, ?)", data)

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
