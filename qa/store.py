"""The record: Chroma, embedded under the data directory or a `chroma run` server.

Everything needed to answer is here, so every local file is a cache rebuilt from it without
encoding anything again: each chunk's text, vector and metadata (its article's title, outlet,
date, byline, url, corpus, chunk count and content hash) and, packed into the metadata of the chunk
that first holds each sentence, the sentence's vector and named entities. Each chunk carries the
generation of the write batch that stored it (`gen`), so a reader catches up by reading what was
published since its own generation.

The generation: on the embedded store (one writer, under the ingest lock) a counter in the
collection's metadata, which `publish` moves on; on a Chroma server, where several writers claim
and publish at once, the length of a log of generations (qa.genlog).
Embeddings are always passed in: Chroma's default embedding function would download a model."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from qa import svec
from qa.errors import StoreUnavailable
from qa.genlog import SUFFIX as LOG
from qa.genlog import GenerationLog
from qa.layout import layout
from qa.settings import Settings
from qa.types import ArticleInfo, Chunk

RECORD_VERSION = "r2"  # in the collection name: an index from before the record held everything is not mixed in
MAX_IN = 20000  # article ids in one `$in` filter (ChunkStore.nearest): SQLite takes at most 32,766 variables a statement
PAGE = 2000  # chunks a read of the record fetches per call
REMOVED_KEEP = 64  # generations whose deleted articles the collection's metadata lists (ChunkStore.publish)


def collection_name(settings: Settings, model_name: str = "", precision: str = "fp32") -> str:
    """Model, chunking and chunk-vector settings, and the encoder's precision in use (qa.embed), in the name,
    so changing any never mixes vectors. The model is named as configured (not by its resolved path), so a
    moved or reinstalled venv keeps its index."""
    c = settings.chunk
    model_id = settings.embed.model or "all-MiniLM-L6-v2"
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", model_id.rstrip("/").split("/")[-1]).strip("-").lower()[:24] or "model"
    key = f"{model_id}|{c.max_tokens}|{c.overlap_tokens}|{c.title_tokens}|{RECORD_VERSION}"
    if settings.embed.chunk_vectors != "encoded":  # "encoded" keeps the names indexes had before the option
        key += f"|{settings.embed.chunk_vectors}"
    if precision != "fp32":  # fp32 keeps the names indexes had before the option
        key += f"|{precision}"
        slug += f"-{precision}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"{settings.store.collection_prefix}-{slug}-t{c.max_tokens}-o{c.overlap_tokens}-{digest}"


@dataclass
class Stored:
    """One article as the record holds it."""

    info: ArticleInfo
    chunks: list[Chunk]
    vectors: np.ndarray  # one row per chunk
    # (offset in the article, normalized text, vector, stored entities) of each sentence the answerer may quote
    sentences: list[tuple[int, str, np.ndarray, str]] = field(default_factory=list)


def _meta(c: Chunk, info: ArticleInfo, gen: int, sentences: list[tuple[int, int, np.ndarray, str]]) -> dict:
    """A chunk's metadata; `sentences`: (start, end in the chunk, vector, entities) of the sentences it carries."""
    return {
        "doc_id": c.doc_id,
        "index": c.index,
        "title": c.title,
        "source": c.source,
        "date": c.date,
        "byline": c.byline,
        "url": c.url,
        "start": c.start,
        "end": c.end,
        "sentences": json.dumps(c.sentences, separators=(",", ":")),
        "digest": c.digest,
        "corpus": info.corpus,
        "chunks": info.chunks,
        "gen": gen,
        "s_pos": json.dumps([[a, b] for a, b, _, _ in sentences], separators=(",", ":")),
        **svec.to_meta([v for _, _, v, _ in sentences]),
        "s_ents": json.dumps([e for _, _, _, e in sentences], separators=(",", ":")),
    }


def chunk_from(chunk_id: str, text: str, m: dict) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=m["doc_id"],
        index=int(m["index"]),
        text=text,
        start=int(m["start"]),
        end=int(m["end"]),
        sentences=[tuple(s) for s in json.loads(m["sentences"])],
        title=m.get("title", ""),
        source=m.get("source", ""),
        date=m.get("date", ""),
        byline=m.get("byline", ""),
        url=m.get("url", ""),
        digest=m.get("digest", ""),
    )


def _sentences_of(chunk: Chunk, m: dict) -> list[tuple[int, str, np.ndarray, str]]:
    pos = json.loads(m.get("s_pos") or "[]")
    if not pos:
        return []
    vecs = svec.from_meta(m, len(pos))
    ents = json.loads(m.get("s_ents") or "[]")
    return [(chunk.start + a, re.sub(r"\s+", " ", chunk.text[a:b]).strip(), vecs[i], ents[i] if i < len(ents) else "")
            for i, (a, b) in enumerate(pos)]


def group(ids: list[str], documents: list[str], metadatas: list[dict], embeddings) -> tuple[list[Stored], set[str]]:
    """Chunks read from the record, as whole articles (chunks 0..n-1 of one version; a chunk past
    the end, left by a shorter version's write that stopped, is not part of it); and the ids of
    articles not whole there (a chunk missing, or two versions: a write stopped half way)."""
    by_doc: dict[str, dict[int, int]] = {}
    for i, m in enumerate(metadatas):
        by_doc.setdefault(str(m["doc_id"]), {})[int(m["index"])] = i
    out, broken = [], set()
    for doc, at in by_doc.items():
        newest = max(at.values(), key=lambda i: int(metadatas[i].get("gen", 0)))  # its version says how many chunks there are
        n = int(metadatas[newest].get("chunks", 0))
        rows = [at.get(k) for k in range(n)]
        if n == 0 or None in rows or len({metadatas[i].get("digest") for i in rows}) != 1 or any(int(metadatas[i].get("chunks", -1)) != n for i in rows):
            broken.add(doc)
            continue
        ms = [metadatas[i] for i in rows]
        chunks = [chunk_from(ids[i], documents[i], metadatas[i]) for i in rows]
        m = ms[0]
        info = ArticleInfo(doc_id=doc, title=m.get("title", ""), source=m.get("source", ""), date=m.get("date", ""),
                           byline=m.get("byline", ""), url=m.get("url", ""), chunks=n, hash=m.get("digest", ""), corpus=m.get("corpus", ""))
        vectors = np.asarray([embeddings[i] for i in rows], dtype=np.float32)
        out.append(Stored(info, chunks, vectors, [s for c, mm in zip(chunks, ms) for s in _sentences_of(c, mm)]))
    return out, broken


REBUILT = "-rebuilt"  # suffix of the collection `qa doctor --repair` builds before it replaces the damaged one


def open_client(home: str | Path, chroma_url: str = ""):
    """A Chroma client: the server at `chroma_url`, else the embedded store under `home`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        u = urlparse(chroma_url)
        return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https", settings=chroma_settings)
    path = layout(home).chroma
    path.mkdir(parents=True, exist_ok=True)
    # Until the embedded store has saved its vector index (every `sync_threshold` writes, 1,000 by
    # default), each process that opens it builds that index anew from Chroma's log, and Chroma
    # applies the log on rayon's threads. Vector updates (a re-ingested chunk keeps its id) applied
    # in parallel can leave some other chunk where no search reaches it: about 1 open in 150 after a
    # few re-ingests of 28 chunks, none in 2,000 opens on one thread. Read once, when Chroma first
    # uses rayon in this process: so before any use of it.
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class ChunkStore:
    def __init__(self, settings: Settings, model_name: str, precision: str = "fp32") -> None:
        self.settings = settings
        self.name = collection_name(settings, model_name, precision)
        self._client = None
        self._collection = None
        self._log: GenerationLog | None = None  # on a Chroma server
        self._catalogue: sqlite3.Connection | None = None
        self._catalogue_lock = threading.Lock()

    @property
    def location(self) -> str:
        return self.settings.store.chroma_url or str(layout(self.settings.home).chroma)

    @property
    def collection(self):
        if self._collection is None:
            try:
                self._client = open_client(self.settings.home, self.settings.store.chroma_url)
                names = {getattr(c, "name", c) for c in self._client.list_collections()}
                if self.name not in names and self.name + REBUILT in names:  # a repair stopped just before its last step
                    self._client.get_collection(self.name + REBUILT).modify(name=self.name)
                collection = self._client.get_or_create_collection(
                    self.name, embedding_function=None, metadata={"hnsw:space": "cosine"}
                )
                if url := self.settings.store.chroma_url:
                    log = self._client.get_or_create_collection(self.name + LOG, embedding_function=None)
                    self._log = GenerationLog(log, int((collection.metadata or {}).get("generation", 0)), self._call, f"{self.name + LOG} on {url}")
                self._collection = collection
            except Exception as e:  # chromadb raises many types; the user needs one message
                self._client = None
                raise StoreUnavailable(self._unavailable(e)) from e
        return self._collection

    def replace_all(self, ids: list[str], documents: list[str], metadatas: list[dict], embeddings: np.ndarray) -> None:
        """Replace the collection by one holding exactly these records (`qa doctor --repair`), at the
        same generation. Built whole beside the old one first, so that a stop half way loses nothing."""
        self._call(lambda: self.collection)
        client = self._client
        gen = int((self._call(client.get_collection, self.name).metadata or {}).get("generation", 0))  # a server's log stays as it is
        if self.name + REBUILT in {getattr(c, "name", c) for c in self._call(client.list_collections)}:
            self._call(client.delete_collection, self.name + REBUILT)
        new = self._call(client.create_collection, self.name + REBUILT, embedding_function=None, metadata={"hnsw:space": "cosine"})
        batch = self._call(client.get_max_batch_size)
        for i in range(0, len(ids), batch):
            self._call(new.add, ids=ids[i : i + batch], embeddings=embeddings[i : i + batch], documents=documents[i : i + batch], metadatas=metadatas[i : i + batch])
        if gen:
            self._call(new.modify, metadata={"generation": gen})
        self._call(client.delete_collection, self.name)
        self._call(new.modify, name=self.name)
        self._collection = None

    def _unavailable(self, e: Exception) -> str:
        """One line: what failed, and the way out."""
        detail = (str(e).splitlines() or [""])[0][:200] or type(e).__name__
        if url := self.settings.store.chroma_url:
            return (
                f"cannot reach the Chroma server at {url} ({detail}); start it (chroma run --port {urlparse(url).port or 8000}) "
                "and try again, or unset QA_STORE__CHROMA_URL to use the embedded store"
            )
        return f"cannot use the Chroma store at {self.location} ({detail}); run `qa doctor --repair`"

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreUnavailable:
            raise
        except Exception as e:
            if isinstance(e, (ValueError, TypeError)) and "chroma" not in type(e).__module__:
                raise
            self._collection = None  # reconnect on the next call, e.g. after a server restart
            raise StoreUnavailable(self._unavailable(e)) from e

    def reset(self) -> None:
        """Forget the open client (its files were set aside); the next use opens afresh."""
        self._collection = self._client = self._log = None
        with self._catalogue_lock:
            if self._catalogue is not None:
                self._catalogue.close()
                self._catalogue = None
        if not self.settings.store.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient.clear_system_cache()  # else a new client reuses the old files' handles

    # -- the generation -------------------------------------------------------------------------
    def generation(self) -> int:
        """The generation the record is at (0: nothing written yet), read afresh: another process
        may have written since. Every question asks, so on the embedded store it is read from
        Chroma's catalogue directly (~15 µs, against ~0.7 ms through the client); on a server it
        is one call (the log's length)."""
        self._call(lambda: self.collection)
        if self.settings.store.chroma_url:
            return self._log.generation()
        try:
            return self._catalogue_generation()
        except sqlite3.Error:
            self._catalogue = None  # read through the client instead
        meta = self._call(self._client.get_collection, self.name).metadata or {}
        return int(meta.get("generation", 0))

    def _catalogue_generation(self) -> int:
        with self._catalogue_lock:
            if self._catalogue is None:
                self._catalogue = sqlite3.connect(f"file:{layout(self.settings.home).chroma_catalogue}?mode=ro", uri=True,
                                                  check_same_thread=False, timeout=30)
            row = self._catalogue.execute(
                "SELECT m.int_value FROM collection_metadata m JOIN collections c ON m.collection_id = c.id WHERE c.name = ? AND m.key = 'generation'",
                (self.name,),
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def claim(self) -> int:
        """The generation to tag the next write batch's chunks with, this writer's alone: on a
        server a number taken in the log, on the embedded store (one writer) the next one."""
        if self.settings.store.chroma_url:
            return self._server_log().take(kind="write")
        return self.generation() + 1

    def publish(self, gen: int, removed: Iterable[str] = ()) -> int:
        """Make the write batch tagged `gen` (every chunk of it stored) visible to readers; returns
        the generation now published, which readers catch up to. On a server a new number in the
        log, naming the batch: always above every generation published before it. On the embedded
        store `removed`, the articles this generation deleted, is listed in the collection's
        metadata for the last REMOVED_KEEP generations that deleted any, so a reader learns what is
        gone without listing every chunk id (see `removed_since`); a server's readers compare chunk
        counts or list (several writers would race on one metadata list)."""
        if self.settings.store.chroma_url:
            return self._server_log().take(kind="publish", batch=gen)
        now = self.generation()
        gen = gen if gen > now else now + 1
        log = self._removed_log()
        if log is None:
            log = {"from": gen, "gens": {}}  # complete from this generation on
        if removed := sorted(set(removed)):
            log["gens"][str(gen)] = removed
        if len(log["gens"]) > REMOVED_KEEP:
            order = sorted(log["gens"], key=int)
            log["from"] = int(order[-REMOVED_KEEP - 1]) + 1
            log["gens"] = {g: log["gens"][g] for g in order[-REMOVED_KEEP:]}
        meta = {"generation": gen, "removed": json.dumps(log, separators=(",", ":"))}
        self._call(lambda: self.collection.modify(metadata=meta))
        return gen

    def _server_log(self) -> GenerationLog:
        self._call(lambda: self.collection)
        return self._log

    def _removed_log(self) -> dict | None:
        self._call(lambda: self.collection)
        meta = self._call(self._client.get_collection, self.name).metadata or {}
        try:
            log = json.loads(meta["removed"])
            return {"from": int(log["from"]), "gens": dict(log["gens"])}
        except (KeyError, TypeError, ValueError):
            return None

    def removed_since(self, since: int, until: int) -> set[str] | None:
        """The articles deleted by generations since+1..until, as their writers listed them; None
        when the list does not reach back that far (a record written before it was kept)."""
        if self.settings.store.chroma_url:
            return None  # listed on the embedded store only (see `publish`)
        log = self._removed_log()
        if log is None or log["from"] > since + 1:
            return None
        return {d for g, docs in log["gens"].items() if since < int(g) <= until for d in docs}

    # -- writing --------------------------------------------------------------------------------
    def write(self, articles: list[Stored], gen: int) -> None:
        """Store whole articles (every chunk, with its sentences' features), tagged `gen`."""
        col = self._call(lambda: self.collection)
        ids, docs, metas, vecs = [], [], [], []
        for a in articles:
            offsets = {}
            for start, _, v, ents in a.sentences:
                offsets.setdefault(start, (v, ents))
            for c, v in zip(a.chunks, a.vectors):
                carried = []
                for s0, s1 in c.sentences:
                    got = offsets.pop(c.start + s0, None)  # each sentence once: with the first chunk holding it
                    if got is not None:
                        carried.append((s0, s1, got[0], got[1]))
                ids.append(c.chunk_id)
                docs.append(c.text)
                metas.append(_meta(c, a.info, gen, carried))
                vecs.append(v)
        batch = self._call(self._client.get_max_batch_size)
        for i in range(0, len(ids), batch):
            self._call(col.upsert, ids=ids[i : i + batch], embeddings=np.asarray(vecs[i : i + batch], dtype=np.float32),
                       documents=docs[i : i + batch], metadatas=metas[i : i + batch])

    def delete_doc(self, doc_id: str) -> None:
        self._call(lambda: self.collection.delete(where={"doc_id": doc_id}))

    def delete_ids(self, ids: list[str]) -> None:
        if ids:
            self._call(lambda: self.collection.delete(ids=ids))

    def drop_unpublished(self) -> int:
        """Delete chunks a stopped writer left above the published generation (only where this
        process is the one writer: the embedded store under the ingest lock)."""
        gen = self.generation()
        got = self._call(lambda: self.collection.get(where={"gen": {"$gt": gen}}, include=[]))["ids"]
        self.delete_ids(got)
        return len(got)

    # -- reading --------------------------------------------------------------------------------
    def count(self) -> int:
        return self._call(lambda: self.collection.count())

    def count_of(self, name: str) -> int:
        """Chunks in another collection of the same store (0 when there is none)."""
        self._call(lambda: self.collection)
        if name not in {getattr(c, "name", c) for c in self._call(self._client.list_collections)}:
            return 0
        return int(self._call(lambda: self._client.get_collection(name).count()))

    def count_above(self, gen: int) -> int:
        """How many chunks carry a generation above `gen` (a writer's batch not published yet, or
        published after `gen`): an indexed lookup, empty in the usual case."""
        return len(self._call(lambda: self.collection.get(where={"gen": {"$gt": gen}}, include=[]))["ids"])

    def ids(self) -> set[str]:
        """Every stored chunk id (a cheap listing: no text, metadata or vector)."""
        out: list[str] = []
        while True:
            at = len(out)
            page = self._call(self.collection.get, include=[], limit=20000, offset=at)["ids"]
            if not page:
                return set(out)
            out += page

    def read(self, since: int | None = None, until: int | None = None) -> tuple[list[Stored], set[str]]:
        """Whole articles written at generations since..until (all when None), and the ids of
        articles there that are not whole. Tags only: what is published is `read_published`'s."""
        if since is not None:
            # Asked by `since` alone, and what is tagged above `until` dropped here: `gen <= until`
            # matches nearly every chunk of the record (all the older ones), and Chroma intersects that
            # set with the few recent chunks: 10 s a read at a million chunks, once per ingest batch.
            return self._read({"gen": {"$gte": since}}, keep=None if until is None else (lambda g: g <= until))
        return self._read(None if until is None else {"gen": {"$lte": until}})

    def read_published(self, until: int) -> tuple[list[Stored], set[str]]:
        """The record as published at generation `until`: its whole articles, and the ids of
        articles not whole (a batch still being written or never published on a server is left out)."""
        if not self.settings.store.chroma_url:
            return self.read(until=until)
        return self._read(None, keep=self._server_log().is_published(until))

    def read_changes(self, since: int, until: int) -> tuple[list[Stored], set[str]]:
        """What was published after generation `since` up to `until`: whole articles (their latest
        version), and the ids of articles there that are not whole. On the embedded store the
        chunks tagged since+1..until (one writer: a write batch publishes its own tag, and the
        batch of `since` is already read; reading it again would cost up to thousands of chunks);
        on a server the chunks of the batches the log says were published in between."""
        if not self.settings.store.chroma_url:
            return self.read(since=since + 1, until=until)
        where = self._server_log().changes(since, until)
        return ([], set()) if where is None else self._read(where)

    def _read(self, where: dict | None, keep=None) -> tuple[list[Stored], set[str]]:
        include = ["documents", "metadatas", "embeddings"]
        ids, docs, metas, vecs = [], [], [], []
        offset = 0
        while True:
            res = self._call(lambda at=offset: self.collection.get(where=where, include=include, limit=PAGE, offset=at))
            if not res["ids"]:
                break
            offset += len(res["ids"])
            for i, d, m, v in zip(res["ids"], res["documents"], res["metadatas"], res["embeddings"]):
                if keep is None or keep(int(m.get("gen", 0))):
                    ids.append(i)
                    docs.append(d)
                    metas.append(m)
                    vecs.append(v)
            if len(res["ids"]) < PAGE:  # the last page: asking again for an empty one costs another query
                break
        return group(ids, docs, metas, vecs)

    def doc_ids(self) -> set[str]:
        return {m["doc_id"] for m in self._call(lambda: self.collection.get(include=["metadatas"])["metadatas"])}

    def chunk_meta(self, page: int = 5000) -> dict[str, dict]:
        """Every chunk id with its metadata, without text or vectors (what `qa doctor` checks)."""
        return {i: m for res in self._pages(["metadatas"], page) for i, m in zip(res["ids"], res["metadatas"])}

    def nearest(self, embedding: np.ndarray, n: int, docs: list[str] | None = None) -> list[tuple[str, float]]:
        """Ids of the nearest chunks with their cosine similarity, best first: the candidates of a
        fusion, most of which are never shown, so their texts are not fetched. `docs`: only chunks
        of these articles (what the filters let through, see `Filters.admits`)."""
        # No count() first to cap n: Chroma returns what it has, and the call cost as much as the query.
        if docs is not None and len(docs) > MAX_IN:  # the nearest of each part, merged, are the nearest of all
            got = [hit for i in range(0, len(docs), MAX_IN) for hit in self.nearest(embedding, n, list(docs)[i : i + MAX_IN])]
            return sorted(got, key=lambda hit: -hit[1])[:n]
        where = None if docs is None else {"doc_id": {"$in": list(docs)}}
        if docs is not None and not docs:
            return []
        res = self._call(lambda: self.collection.query(query_embeddings=[embedding], n_results=n, where=where, include=["distances"]))
        return [(i, 1.0 - float(dist)) for i, dist in zip(res["ids"][0], res["distances"][0])]

    def query(self, embedding: np.ndarray, n: int) -> list[tuple[Chunk, float]]:
        """Nearest chunks with their cosine similarity, best first (the evaluation's dense baseline)."""
        res = self._call(lambda: self.collection.query(query_embeddings=[embedding], n_results=n, include=["documents", "metadatas", "distances"]))
        return [(chunk_from(i, d, m), 1.0 - float(dist)) for i, d, m, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0])]

    def get(self, ids: list[str]) -> dict[str, Chunk]:
        """Chunks by id, as the record holds them now (questions read the cache's, of their generation)."""
        if not ids:
            return {}
        res = self._call(lambda: self.collection.get(ids=ids, include=["documents", "metadatas"]))
        return {i: chunk_from(i, d, m) for i, d, m in zip(res["ids"], res["documents"], res["metadatas"])}

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored embeddings of `ids`."""
        if not ids:
            return {}
        res = self._call(lambda: self.collection.get(ids=ids, include=["embeddings"]))
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(res["ids"], res["embeddings"])}

    def _pages(self, include: list[str], page: int) -> Iterator[dict]:
        """Every stored chunk, `page` at a time, with the fields in `include`."""
        offset = 0
        while True:
            res = self._call(lambda at=offset: self.collection.get(include=include, limit=page, offset=at))
            if not res["ids"]:
                return
            yield res
            offset += len(res["ids"])

    def iter_vectors(self, page: int = 2000) -> Iterator[tuple[str, str, np.ndarray]]:
        """(chunk id, article id, vector) of every stored chunk, a page at a time."""
        for res in self._pages(["embeddings", "metadatas"], page):
            for i, m, v in zip(res["ids"], res["metadatas"], res["embeddings"]):
                yield i, m["doc_id"], np.asarray(v, dtype=np.float32)

    def iter_all(self, page: int = 2000) -> Iterator[Chunk]:
        """Every stored chunk, a page at a time."""
        for res in self._pages(["documents", "metadatas"], page):
            for i, d, m in zip(res["ids"], res["documents"], res["metadatas"]):
                yield chunk_from(i, d, m)
