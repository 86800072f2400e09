"""The local cache of the record: one SQLite file per data directory and collection
(qa.layout), tagged with the generation of the record it holds and the format that wrote it.

It keeps what answering reads besides the dense search, so a question reads Chroma once: the
registry of articles, each chunk's text, metadata, vector and keyword terms (the keyword index is
built from them in memory), and each sentence's vector, terms and entities (`get_features`, for
the answerer). Nothing here is data of its own: a missing, damaged or outdated cache is rebuilt from
the record, one lagging behind it is brought up to date (qa.library). Updates are transactions
that set the generation with the rows, so the file never claims a generation it does not hold.
WAL mode: another process (`qa ask`, the app) reads while one writes."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np

from qa import keyword, svec
from qa.sentences import Features, Key, crc, ents_from
from qa.store import Stored
from qa.types import ArticleInfo, Chunk

# The cache's format: a file written by another format (or by other search terms) is rebuilt.
FORMAT = f"4/k{keyword.VERSION}"  # 4: sentence vectors packed as int8 (qa.svec)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS article (doc_id TEXT PRIMARY KEY, info TEXT);
CREATE TABLE IF NOT EXISTS chunk (id TEXT PRIMARY KEY, doc_id TEXT, idx INTEGER, text TEXT, meta TEXT, vec BLOB, terms TEXT);
CREATE INDEX IF NOT EXISTS chunk_doc ON chunk (doc_id);
CREATE TABLE IF NOT EXISTS sentence (doc_id TEXT, start INTEGER, crc INTEGER, vec BLOB, terms TEXT, ents TEXT, PRIMARY KEY (doc_id, start));
"""


def _chunk_meta(c: Chunk) -> str:
    d = asdict(c)
    for k in ("chunk_id", "doc_id", "index", "text"):
        d.pop(k)
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def _chunk(cid: str, doc: str, idx: int, text: str, meta: str) -> Chunk:
    d = json.loads(meta)
    d["sentences"] = [tuple(s) for s in d["sentences"]]
    return Chunk(chunk_id=cid, doc_id=doc, index=idx, text=text, **d)


class CacheDamaged(Exception):
    """The file cannot be read: it is set aside and rebuilt from the record."""


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one connection, shared by the app's worker threads

    # -- the file -------------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=60)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.executescript(_SCHEMA)
            except sqlite3.DatabaseError as e:
                raise CacheDamaged(f"{self.path} ({e})") from e
            self._conn = conn
        return self._conn

    def _read(self, sql: str, args: Iterable = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db().execute(sql, tuple(args)).fetchall()
            except sqlite3.DatabaseError as e:
                raise CacheDamaged(f"{self.path} ({e})") from e

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def generation(self) -> int | None:
        """The record generation this file holds; None when it holds none (new, or another format)."""
        rows = dict(self._read("SELECT key, value FROM meta"))
        if rows.get("format") != FORMAT or "generation" not in rows:
            return None
        return int(rows["generation"])

    def note(self, key: str, value: str | None = None) -> str | None:
        """Read (or, with `value`, write) a note kept with the cache, e.g. the generation whose
        vector index was last probed whole (qa.storecheck)."""
        if value is None:
            rows = self._read("SELECT value FROM meta WHERE key = ?", [f"note:{key}"])
            return rows[0][0] if rows else None
        with self._lock:
            db = self._db()
            with db:
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"note:{key}", value))
        return value

    # -- writing --------------------------------------------------------------------------------
    def update(self, gen: int, gone: Iterable[str], articles: Iterable[Stored], everything: bool = False) -> bool:
        """In one transaction: drop the articles in `gone` (and those in `articles`), store `articles`
        and set the generation to `gen`; with `everything`, drop every article first. False (and
        nothing done) when the file is already at `gen` or later (another process got there first)."""
        articles = list(articles)
        sent_rows = [(a.info.doc_id, s, text, v, ents) for a in articles for s, text, v, ents in a.sentences]
        # Each sentence's keyword terms, for the answerer (computing them per question cost ~2.5 ms); a
        # tokenizer change changes FORMAT, so the whole cache is made again.
        terms = [" ".join(keyword.terms(t)) for _, _, t, _, _ in sent_rows]  # before the lock: the slow part
        blobs = svec.pack_each([v for _, _, _, v, _ in sent_rows])
        chunk_rows = [(c.chunk_id, c.doc_id, c.index, c.text, _chunk_meta(c), np.asarray(v, dtype=np.float32).tobytes(),
                       json.dumps(keyword.terms(c.embed_text)))
                      for a in articles for c, v in zip(a.chunks, a.vectors)]
        drop = [(d,) for d in set(gone) | {a.info.doc_id for a in articles}]
        with self._lock:
            db = self._db()
            try:
                with db:
                    db.execute("BEGIN IMMEDIATE")
                    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
                    if not everything and meta.get("format") == FORMAT and int(meta.get("generation", -1)) >= gen:
                        return False
                    if everything or meta.get("format") != FORMAT:
                        for table in ("article", "chunk", "sentence"):
                            db.execute(f"DELETE FROM {table}")
                    db.executemany("DELETE FROM article WHERE doc_id = ?", drop)
                    db.executemany("DELETE FROM chunk WHERE doc_id = ?", drop)
                    db.executemany("DELETE FROM sentence WHERE doc_id = ?", drop)
                    db.executemany("INSERT INTO article VALUES (?, ?)",
                                   [(a.info.doc_id, json.dumps(asdict(a.info), ensure_ascii=False)) for a in articles])
                    db.executemany("INSERT OR REPLACE INTO chunk VALUES (?, ?, ?, ?, ?, ?, ?)", chunk_rows)
                    db.executemany("INSERT OR REPLACE INTO sentence VALUES (?, ?, ?, ?, ?, ?)",
                                   [(d, s, crc(t), blob, tt, e or None)
                                    for (d, s, t, _, e), tt, blob in zip(sent_rows, terms, blobs)])
                    db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("format", FORMAT), ("generation", str(gen))])
            except sqlite3.DatabaseError as e:
                raise CacheDamaged(f"{self.path} ({e})") from e
        return True

    # -- reading --------------------------------------------------------------------------------
    def articles(self) -> dict[str, ArticleInfo]:
        return {d: ArticleInfo(**json.loads(info)) for d, info in self._read("SELECT doc_id, info FROM article")}

    def keyword_entries(self, docs: list[str] | None = None) -> Iterator[keyword.Entry]:
        """(chunk id, article id, terms) of every chunk (of the articles `docs` only, when given),
        for building the keyword index."""
        if docs is None:
            # Streamed over a connection of its own (WAL: others keep reading and writing): the terms
            # of a million chunks are ~1 GB, too much to fetch at once.
            self._db()
            try:
                conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60)
                try:
                    cur = conn.execute("SELECT id, doc_id, terms FROM chunk ORDER BY doc_id, idx")
                    while rows := cur.fetchmany(5000):
                        for cid, doc, terms in rows:
                            yield cid, doc, json.loads(terms)
                finally:
                    conn.close()
            except sqlite3.DatabaseError as e:
                raise CacheDamaged(f"{self.path} ({e})") from e
            return
        for i in range(0, len(docs), 500):
            part = sorted(docs)[i : i + 500]
            rows = self._read(f"SELECT id, doc_id, terms FROM chunk WHERE doc_id IN ({','.join('?' * len(part))}) ORDER BY doc_id, idx", part)
            for cid, doc, terms in rows:
                yield cid, doc, json.loads(terms)

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._read("SELECT id FROM chunk")}

    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self._read(f"SELECT id, doc_id, idx, text, meta FROM chunk WHERE id IN ({','.join('?' * len(part))})", part)
            out |= {r[0]: _chunk(*r) for r in rows}
        return out

    def doc_chunks(self, doc_id: str) -> list[Chunk]:
        return [_chunk(*r) for r in self._read("SELECT id, doc_id, idx, text, meta FROM chunk WHERE doc_id = ? ORDER BY idx", [doc_id])]

    def iter_chunks(self) -> Iterator[Chunk]:
        for r in self._read("SELECT id, doc_id, idx, text, meta FROM chunk ORDER BY doc_id, idx"):
            yield _chunk(*r)

    def chunk_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self._read(f"SELECT id, vec FROM chunk WHERE id IN ({','.join('?' * len(part))})", part)
            out |= {cid: np.frombuffer(blob, dtype=np.float32) for cid, blob in rows}
        return out

    def sentence_keys(self) -> dict[str, set[int]]:
        """Article id -> offsets of its stored sentences (what `qa doctor` compares with the record)."""
        out: dict[str, set[int]] = {}
        for d, s in self._read("SELECT doc_id, start FROM sentence"):
            out.setdefault(d, set()).add(s)
        return out

    def get_features(self, wanted: dict[Key, str]) -> dict[Key, Features]:
        """Stored vectors, keyword terms and entities (each None when stored by another version) of
        these keys whose text (normalized) still matches: a question that started before an article
        changed holds its old text, and the checksum keeps the new version's vectors from it."""
        if not wanted:
            return {}
        by_doc: dict[str, list[int]] = {}
        for doc_id, start in wanted:
            by_doc.setdefault(doc_id, []).append(start)
        out: dict[Key, Features] = {}
        for doc_id, starts in by_doc.items():
            rows = self._read(f"SELECT start, crc, vec, terms, ents FROM sentence WHERE doc_id = ? AND start IN ({','.join('?' * len(starts))})",
                              [doc_id, *starts])
            for start, stored_crc, blob, stored_terms, stored_ents in rows:
                key = (doc_id, start)
                if stored_crc == crc(wanted[key]):
                    words = frozenset(stored_terms.split()) if stored_terms is not None else None
                    out[key] = (svec.unpack(blob, 1)[0], words, ents_from(stored_ents))
        return out

