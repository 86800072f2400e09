"""Consistent reads of the record: one generation at a time.

A `Snapshot` is everything a question reads besides the dense search: the registry of articles and
the keyword index of one generation of the record, never changed once made. `Library.current()`
gives the snapshot of the record's latest published generation: when the record moved on (this
process wrote, or another one: a CLI ingest handed to the app, another app on a shared Chroma
server), the next snapshot is made beside the current one from what changed (the chunks tagged
with the generations in between, and the ids gone) and swapped in with one assignment. Questions
under way keep the one they started with. The local cache (qa.cache) is brought to the same
generation in the same step, in one transaction. A process starts from the keyword index saved
beside the cache (qa.keyword_file), applying only what changed since it was saved."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from qa import keyword, keyword_file
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
        # Over the distinct (outlet, byline) pairs: a million-chunk archive has tens of thousands of
        # articles but far fewer of those, and every new snapshot computes this again.
        return frozenset(t for s in {f"{a.source} {a.byline}" for a in self.articles.values()} for t in keyword.terms(s))

    def chunk_count(self) -> int:
        return sum(a.chunks for a in self.articles.values())


def _entries(articles: list[Stored]) -> list[keyword.Entry]:
    return [(c.chunk_id, c.doc_id, keyword.terms(c.embed_text)) for a in articles for c in a.chunks]


class Library:
    def __init__(self, store: ChunkStore, cache: Cache) -> None:
        self.store, self.cache = store, cache
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
        self.keyword_path = layout(store.settings.home).keyword_index(store.name)
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

    def catch_up(self, gen: int | None = None, removed: frozenset[str] = frozenset()) -> Snapshot:
        """Make and swap in the snapshot of generation `gen` (default: the record's latest).
        `removed`: articles the caller deleted on the way to it (a hint, checked against the record's
        chunk count; it spares listing every chunk id to find what is gone)."""
        with self._lock:
            gen = self.store.generation() if gen is None else gen
            snap = self._snap
            if snap is not None and snap.generation == gen:
                return snap
            self._snap = self._next(snap, gen, removed)
            return self._snap

    def keep_keyword(self) -> bool:
        """Save the keyword index in use when the saved one lags it by much (at the end of an ingest,
        so the next process to start does not apply the whole ingest again). True when saved."""
        snap = self._snap
        if snap is None:
            return False
        head = keyword_file.header(self.keyword_path)
        if head is not None:
            if head["generation"] == snap.generation:
                return False
            if head["generation"] < snap.generation and not keyword_file.worth_saving(keyword_file.behind(head["fingerprints"], snap.articles)[2], len(snap.keyword)):
                return False
        return keyword_file.save(self.keyword_path, snap.keyword, snap.generation)

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
        kw = keyword.KeywordIndex.build(entries, articles)
        keyword_file.save(self.keyword_path, kw, gen)
        return Snapshot.make(gen, articles, kw)

    def _from_cache(self, gen: int) -> Snapshot:
        articles = self.cache.articles()
        return Snapshot.make(gen, articles, self._keyword(gen, articles))

    def _keyword(self, gen: int, articles: dict[str, ArticleInfo]) -> keyword.KeywordIndex:
        """The keyword index of the cache at `gen`: the saved one brought up to date (only the
        articles whose fingerprint changed are read from the cache), else built from the cache.
        Saved again when made whole or when what had to be applied grew large, so the work of a
        start stays proportional to the updates since the last save, at most ~5% of the index."""
        got = keyword_file.load(self.keyword_path, articles)
        if got is not None and got[1] <= gen:
            kw, _, prints = got
            changed, gone, lag = keyword_file.behind(prints, articles)
            if not changed and not gone:
                return kw
            kw = kw.apply(gone, self.cache.keyword_entries(changed), articles)
            if keyword_file.worth_saving(lag, len(kw)):
                keyword_file.save(self.keyword_path, kw, gen)
            return kw
        kw = keyword.KeywordIndex.build(self.cache.keyword_entries(), articles)
        keyword_file.save(self.keyword_path, kw, gen)
        return kw

    def _next(self, snap: Snapshot | None, gen: int, removed: frozenset[str] = frozenset()) -> Snapshot:
        cached = self._cache_generation()
        if cached is None or cached > gen or (snap is not None and snap.generation > gen):
            return self._full(gen)  # no usable cache, or a record older than it (rebuilt, reset): start over
        if snap is None and cached == gen:
            return self._from_cache(gen)
        since = cached if snap is None else min(cached, snap.generation)
        removed = removed | (self.store.removed_since(since, gen) or set())  # as the writers listed them
        changed, broken = self.store.read_changes(since, gen)
        base = snap.articles if snap is not None else self.cache.articles()
        gone = self._gone(base, changed, broken, removed, gen)
        self.cache.update(gen, gone, changed)
        if snap is None:
            return self._from_cache(gen)
        articles = {d: a for d, a in snap.articles.items() if d not in gone}
        articles |= {a.info.doc_id: a.info for a in changed}
        kw = snap.keyword.apply(gone, _entries(changed), articles)
        return Snapshot.make(gen, articles, kw)

    def _gone(self, base: Mapping[str, ArticleInfo], changed: list[Stored], broken: set[str], removed: frozenset[str], gen: int) -> set[str]:
        """Articles of `base` no longer whole in the record. Listing every chunk id answers it, but
        costs seconds at a million chunks, so first the record's chunk count is compared with what
        the changed articles and `removed` would leave: when it matches, nothing else is gone."""
        new = {a.info.doc_id for a in changed}
        if not broken:
            kept = sum(a.chunks for d, a in base.items() if d not in new)
            expect = kept + sum(len(a.chunks) for a in changed)
            hint = {d for d in removed if d in base and d not in new}
            count = self.store.count() - self.store.count_above(gen)
            if count == expect - sum(base[d].chunks for d in hint):
                return hint
        now = self.store.ids()
        gone = {d for d, a in base.items() if any(chunk_id(d, i) not in now for i in range(a.chunks))} | broken
        return gone - new
