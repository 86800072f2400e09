"""Chunks and their vectors in Chroma: embedded under the data directory, or a `chroma run` server.

Chroma is the source of truth for chunk text and metadata; the keyword index and the registry
are derived from what is written here. Embeddings are always passed in: Chroma's default embedding
function would download a model."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from qa.errors import StoreUnavailable
from qa.settings import Settings
from qa.types import Chunk, Filters


def collection_name(settings: Settings, model_name: str = "") -> str:
    """Model, chunking and chunk-vector settings in the name, so changing any never mixes vectors. The model is
    named as configured (not by its resolved path), so a moved or reinstalled venv keeps its index."""
    c = settings.chunk
    model_id = settings.embed.model or "all-MiniLM-L6-v2"
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", model_id.rstrip("/").split("/")[-1]).strip("-").lower()[:24] or "model"
    key = f"{model_id}|{c.max_tokens}|{c.overlap_tokens}|{c.title_tokens}"
    if settings.embed.chunk_vectors != "encoded":  # "encoded" keeps the names indexes had before the option
        key += f"|{settings.embed.chunk_vectors}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"{settings.store.collection_prefix}-{slug}-t{c.max_tokens}-o{c.overlap_tokens}-{digest}"


def _meta(c: Chunk) -> dict:
    return {
        "doc_id": c.doc_id,
        "index": c.index,
        "title": c.title,
        "source": c.source,
        "source_key": c.source.strip().lower(),
        "date": c.date,
        "date_int": int(c.date.replace("-", "")) if c.date else 0,
        "byline": c.byline,
        "url": c.url,
        "start": c.start,
        "end": c.end,
        "sentences": json.dumps(c.sentences, separators=(",", ":")),
        "digest": c.digest,
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


def where(filters: Filters | None) -> dict | None:
    """Chroma `where` clause for the filters; None (no filter at all) when there are none, as a
    filtered query is several times slower."""
    if not filters:
        return None
    clauses: list[dict] = []
    if filters.sources:
        keys = [s.strip().lower() for s in filters.sources]
        clauses.append({"source_key": {"$in": keys}})
    if filters.since:
        clauses.append({"date_int": {"$gte": int(filters.since.strftime("%Y%m%d"))}})
    if filters.until:
        clauses.append({"date_int": {"$lte": int(filters.until.strftime("%Y%m%d"))}})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


REBUILT = "-rebuilt"  # suffix of the collection `qa doctor --repair` builds before it replaces the damaged one


def open_client(home: str | Path, chroma_url: str = ""):
    """A Chroma client: the server at `chroma_url`, else the embedded store under `home`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        u = urlparse(chroma_url)
        return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https", settings=chroma_settings)
    path = Path(home) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class ChunkStore:
    def __init__(self, settings: Settings, model_name: str) -> None:
        self.settings = settings
        self.name = collection_name(settings, model_name)
        self._client = None
        self._collection = None

    @property
    def location(self) -> str:
        return self.settings.store.chroma_url or str(Path(self.settings.home) / "chroma")

    @property
    def collection(self):
        if self._collection is None:
            try:
                self._client = open_client(self.settings.home, self.settings.store.chroma_url)
                names = {getattr(c, "name", c) for c in self._client.list_collections()}
                if self.name not in names and self.name + REBUILT in names:  # a repair stopped just before its last step
                    self._client.get_collection(self.name + REBUILT).modify(name=self.name)
                self._collection = self._client.get_or_create_collection(
                    self.name, embedding_function=None, metadata={"hnsw:space": "cosine"}
                )
            except Exception as e:  # chromadb raises many types; the user needs one message
                self._client = None
                raise StoreUnavailable(self._unavailable(e)) from e
        return self._collection

    def replace_all(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        """Replace the collection by one holding exactly `chunks` (`qa doctor --repair`). Built whole
        beside the old one first, so that a stop half way loses nothing."""
        self._call(lambda: self.collection)
        client = self._client
        if self.name + REBUILT in {getattr(c, "name", c) for c in self._call(client.list_collections)}:
            self._call(client.delete_collection, self.name + REBUILT)
        new = self._call(client.create_collection, self.name + REBUILT, embedding_function=None, metadata={"hnsw:space": "cosine"})
        batch = self._call(client.get_max_batch_size)
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            self._call(
                new.add, ids=[c.chunk_id for c in part], embeddings=embeddings[i : i + batch],
                documents=[c.text for c in part], metadatas=[_meta(c) for c in part],
            )
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
        self._collection = self._client = None
        if not self.settings.store.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient.clear_system_cache()  # else a new client reuses the old files' handles

    def count(self) -> int:
        return self._call(lambda: self.collection.count())

    def add(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        col = self._call(lambda: self.collection)
        batch = self._call(self._client.get_max_batch_size)
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            self._call(
                col.upsert,
                ids=[c.chunk_id for c in part],
                embeddings=embeddings[i : i + batch],
                documents=[c.text for c in part],
                metadatas=[_meta(c) for c in part],
            )

    def delete_doc(self, doc_id: str) -> None:
        self._call(lambda: self.collection.delete(where={"doc_id": doc_id}))

    def delete_ids(self, ids: list[str]) -> None:
        if ids:
            self._call(lambda: self.collection.delete(ids=ids))

    def doc_ids(self) -> set[str]:
        return {m["doc_id"] for m in self._call(lambda: self.collection.get(include=["metadatas"])["metadatas"])}

    def chunk_meta(self, page: int = 5000) -> dict[str, dict]:
        """Every chunk id with its metadata, without text or vectors (what `qa doctor` checks)."""
        return {i: m for res in self._pages(["metadatas"], page) for i, m in zip(res["ids"], res["metadatas"])}

    def nearest(self, embedding: np.ndarray, n: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """Ids of the nearest chunks with their cosine similarity, best first: the candidates of a
        fusion, most of which are never shown, so their texts are not fetched."""
        # No count() first to cap n: Chroma returns what it has, and the call cost as much as the query.
        res = self._call(lambda: self.collection.query(query_embeddings=[embedding], n_results=n, where=where(filters), include=["distances"]))
        return [(i, 1.0 - float(dist)) for i, dist in zip(res["ids"][0], res["distances"][0])]

    def query(self, embedding: np.ndarray, n: int, filters: Filters | None = None) -> list[tuple[Chunk, float]]:
        """Nearest chunks with their cosine similarity, best first."""
        res = self._call(
            lambda: self.collection.query(
                query_embeddings=[embedding],
                n_results=n,
                where=where(filters),
                include=["documents", "metadatas", "distances"],
            )
        )
        return [
            (chunk_from(i, d, m), 1.0 - float(dist))
            for i, d, m, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0])
        ]

    def get(self, ids: list[str]) -> dict[str, Chunk]:
        if not ids:
            return {}
        res = self._call(lambda: self.collection.get(ids=ids, include=["documents", "metadatas"]))
        return {i: chunk_from(i, d, m) for i, d, m in zip(res["ids"], res["documents"], res["metadatas"])}

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored embeddings of `ids` (to score candidates the dense ranking did not reach)."""
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
        """Every stored chunk, a page at a time (for rebuilding the keyword index)."""
        for res in self._pages(["documents", "metadatas"], page):
            for i, d, m in zip(res["ids"], res["documents"], res["metadatas"]):
                yield chunk_from(i, d, m)
