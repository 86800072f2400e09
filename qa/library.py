"""Consistent reads of the record: one generation at a time.

A `Snapshot` is everything a question reads besides the dense search: the registry of articles and
the keyword index of one generation of the record, never changed once made. `Library.current()`
gives the snapshot of the record's latest published generation: when the record moved on (this
process wrote, or another one: a CLI ingest handed to the app, another app on a shared Chroma
server), the next snapshot is made beside the current one from what changed (the chunks tagged
with the generations in between, and the ids gone) and swapped in with one assignment. Questions
under way keep the one they started with. The local cache (qa.cache) is brought to the same
generation in the same step, in one transaction."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from qa import keyword
from qa.cache import Cache, CacheDamaged
from qa.chunk import chunk_id
from qa.layout import layout
from qa.store import ChunkStore, Stored
from qa.types import ArticleInfo


@dataclass(frozen=True)
class Snapshot:
    generation: int
    articles: Mapping[str, ArticleInfo]
    keyword: keyword.KeywordIndex
    sources: tuple[str, ...] = ()  # the outlets, sorted

    @classmethod
    def make(cls, gen: int, articles: dict[str, ArticleInfo], kw: keyword.KeywordIndex) -> Snapshot:
        return cls(gen, articles, kw, tuple(sorted({a.source for a in articles.values() if a.source})))

    @cached_property
    def meta_terms(self) -> frozenset[str]:
        """The words of the outlets and bylines: names a question may use that no article body holds."""
        return frozenset(t for a in self.articles.values() for t in keyword.terms(f"{a.source} {a.byline}"))

    def chunk_count(self) -> int:
        return sum(a.chunks for a in self.articles.values())


def _entries(articles: list[Stored]) -> list[keyword.Entry]:
    return [(c.chunk_id, c.doc_id, keyword.terms(c.embed_text)) for a in articles for c in a.chunks]


class Library:
    def __init__(self, store: ChunkStore, cache: Cache) -> None:
        self.store, self.cache = store, cache
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
        self.only_writer = False  # this process is the one writer of its store (the app on an embedded store)

    def current(self) -> Snapshot:
        """The snapshot of the record's latest generation (one generation read from the record;
        none when this process is the only writer, which swaps in what it writes itself)."""
        snap = self._snap
        if snap is not None and self.only_writer:
            return snap
        gen = self.store.generation()
        if snap is not None and snap.generation == gen:
            return snap
        return self.catch_up(gen)

    def loaded(self) -> Snapshot | None:
        """The snapshot in use, without asking the record (None before the first read)."""
        return self._snap

    def catch_up(self, gen: int | None = None) -> Snapshot:
        """Make and swap in the snapshot of generation `gen` (default: the record's latest)."""
        with self._lock:
            gen = self.store.generation() if gen is None else gen
            snap = self._snap
            if snap is not None and snap.generation == gen:
                return snap
            self._snap = self._next(snap, gen)
            return self._snap

    def rebuild(self) -> Snapshot:
        """Rebuild the cache and the snapshot whole from the record (`qa doctor --repair`)."""
        with self._lock:
            self._snap = self._full(self.store.generation())
            return self._snap

    def _cache_generation(self) -> int | None:
        try:
            return self.cache.generation()
        except CacheDamaged:
            self._set_cache_aside()
            return None

    def _set_cache_aside(self) -> None:
        self.cache.close()
        for p in (self.cache.path, self.cache.path.with_name(self.cache.path.name + "-wal"), self.cache.path.with_name(self.cache.path.name + "-shm")):
            if p.exists():
                p.rename(layout(p.parent).aside(p, time.strftime("%Y%m%d-%H%M%S")))

    def _full(self, gen: int) -> Snapshot:
        stored, _ = self.store.read_published(gen)
        entries = _entries(stored)
        self.cache.update(gen, (), stored, everything=True)
        articles = {a.info.doc_id: a.info for a in stored}
        return Snapshot.make(gen, articles, keyword.KeywordIndex.build(entries, articles))

    def _from_cache(self, gen: int) -> Snapshot:
        articles = self.cache.articles()
        return Snapshot.make(gen, articles, keyword.KeywordIndex.build(self.cache.keyword_entries(), articles))

    def _next(self, snap: Snapshot | None, gen: int) -> Snapshot:
        cached = self._cache_generation()
        if cached is None or cached > gen or (snap is not None and snap.generation > gen):
            return self._full(gen)  # no usable cache, or a record older than it (rebuilt, reset): start over
        if snap is None and cached == gen:
            return self._from_cache(gen)
        since = cached if snap is None else min(cached, snap.generation)
        changed, broken = self.store.read_changes(since, gen)
        now = self.store.ids()
        base = snap.articles if snap is not None else self.cache.articles()
        gone = {d for d, a in base.items() if any(chunk_id(d, i) not in now for i in range(a.chunks))} | broken
        gone -= {a.info.doc_id for a in changed}
        self.cache.update(gen, gone, changed)
        if snap is None:
            return self._from_cache(gen)
        articles = {d: a for d, a in snap.articles.items() if d not in gone}
        articles |= {a.info.doc_id: a.info for a in changed}
        kw = snap.keyword.apply(gone, _entries(changed), articles)
        return Snapshot.make(gen, articles, kw)
