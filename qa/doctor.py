"""`qa doctor`: is the record whole and is every cache in step with it (after a crash, a kill, a full
disk or a hand edit), and if not, repair it.

The record (Chroma, qa.store) is checked first:
1. its vector index finds every chunk by its own vector (probed in a child process, qa.storecheck);
2. every article is whole: chunks 0..n-1 of one version, nothing past its end, nothing written
   by a writer that stopped before publishing its batch.
Then every cache against it (qa.cache, qa.library):
3. the cache is at the record's generation and readable;
4. it holds exactly the record's whole articles (registry entries), their chunks, and their
   sentences' features;
5. the keyword index built from it, and the one saved beside it (brought up to date as a start
   would), hold exactly those chunks.

Repair never invents data: a damaged vector index is rebuilt from the stored chunk vectors, chunks
of articles that are not whole are deleted (the next `qa ingest` of their folder adds them back),
and the cache is rebuilt from the record. An embedded Chroma that cannot be opened at all is set
aside, so that `qa ingest` can start over."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from qa import keyword_file, storecheck
from qa.cache import Cache, CacheDamaged
from qa.errors import NotFound, StoreUnavailable
from qa.ingest import chunk_encoder
from qa.keyword import KeywordIndex
from qa.layout import layout
from qa.lock import ingest_lock

REPAIR_HINT = "run `qa doctor --repair`"


@dataclass
class Findings:
    """What `examine` saw; the `problems` are one line each, for a person."""

    articles: int = 0
    chunks: int = 0
    keyword: int = 0
    generation: int = 0
    problems: list[str] = field(default_factory=list)
    doomed: list[str] = field(default_factory=list)  # chunk ids of no whole article (half-written, surplus, unpublished)
    broken: dict[str, str] = field(default_factory=dict)  # doc_id -> its corpus, for an article not whole
    cache_stale: bool = False
    vectors: str = ""  # what is wrong with Chroma's vector index ("" when whole)
    vectors_readable: bool = True  # can every stored embedding still be read from Chroma?

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Repair:
    done: list[str] = field(default_factory=list)
    readd: dict[str, list[str]] = field(default_factory=dict)  # corpus -> doc_ids dropped, to ingest again


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def examine(index) -> Findings:
    """Check the record and every cache; reads only (the caller holds the ingest lock)."""
    f = Findings()
    # The vector index first, in a child process: a damaged one may hang or crash whoever reads it,
    # so nothing below reads Chroma until it is whole again (`repair` rebuilds it first).
    probe = storecheck.probe(index, storecheck.DOCTOR_SAMPLE, full=True, since=storecheck.unfinished_since(index))
    if probe.unopenable:
        raise StoreUnavailable(probe.problem)
    if probe.problem:
        f.vectors, f.vectors_readable, f.chunks = probe.problem, not probe.get_error, probe.chunks
        f.problems.append(probe.problem)
        return f
    store = index.store
    f.generation = gen = store.generation()
    if index.settings.store.chroma_url:
        _catch_up(index, gen)
    stored, _ = store.read_published(gen)
    every = store.ids()
    whole = {c.chunk_id for a in stored for c in a.chunks}
    f.chunks, f.articles = len(every), len(stored)
    f.doomed = sorted(every - whole)
    if f.doomed:
        # Articles with a chunk here and no whole version: half-written (or never published), to add back.
        metas = store.chunk_meta()
        wholes = {a.info.doc_id for a in stored}
        for cid in f.doomed:
            m = metas.get(cid, {})
            if (d := str(m.get("doc_id", ""))) and d not in wholes:
                f.broken.setdefault(d, str(m.get("corpus", "")))
        for d in sorted(f.broken):
            f.problems.append(f"article {d!r} is half-written in the record (a write stopped half way)")
    if f.doomed:
        f.problems.append(f"{_plural(len(f.doomed), 'chunk')} in the record belong to no whole article (half-written, past an article's end, or never published)")

    # The caches, against the record.
    cache = Cache(index.library.cache.path)  # a fresh reader: the engine's may be in use
    try:
        cached_gen = cache.generation()
        arts = cache.articles() if cached_gen is not None else {}
        ids = cache.chunk_ids() if cached_gen is not None else set()
        sentences = cache.sentence_keys() if cached_gen is not None else {}
        kw = KeywordIndex.build(cache.keyword_entries(), arts) if cached_gen is not None else KeywordIndex()
        saved = _saved_keyword(index.library.keyword_path, cache, arts) if cached_gen is not None else None
    except CacheDamaged as e:
        f.cache_stale = True
        f.problems.append(f"the cache {cache.path} cannot be read ({e})")
        return f
    finally:
        cache.close()
    f.keyword = len(kw)
    want = {a.info.doc_id: a.info for a in stored}
    if cached_gen != gen:
        f.cache_stale = True
        f.problems.append(f"the cache {cache.path} is at generation {cached_gen} and the record at {gen}")
    else:
        wrong = [d for d in set(want) | set(arts) if d not in want or d not in arts or want[d] != arts[d]]
        if wrong:
            f.cache_stale = True
            f.problems.append(f"the cache's registry disagrees with the record on {_plural(len(wrong), 'article')} (e.g. {sorted(wrong)[0]!r})")
        if ids != whole:
            f.cache_stale = True
            f.problems.append(f"the cache holds {_plural(len(ids), 'chunk')}, the record {_plural(len(whole), 'whole chunk')}")
        record_sentences = {a.info.doc_id: {s for s, _, _, _ in a.sentences} for a in stored if a.sentences}
        if sentences != record_sentences:
            f.cache_stale = True
            f.problems.append("the cache's sentence vectors disagree with the record")
        if kw.chunk_ids() != ids:
            f.cache_stale = True
            f.problems.append(f"the keyword index holds {_plural(len(kw), 'chunk')}, the cache {_plural(len(ids), 'chunk')}")
        if saved is not None and saved.chunk_ids() != ids:
            f.cache_stale = True
            f.problems.append(f"the saved keyword index {index.library.keyword_path} holds {_plural(len(saved), 'chunk')} once brought "
                              f"up to date, the cache {_plural(len(ids), 'chunk')}")
    return f


def _saved_keyword(path: Path, cache: Cache, arts) -> KeywordIndex | None:
    """The saved keyword index as a starting process would use it (brought up to the cache's
    articles), or None when there is no usable file (a start rebuilds it from the cache)."""
    got = keyword_file.load(path, arts)
    if got is None:
        return None
    kw, _, prints = got
    changed, gone, _ = keyword_file.behind(prints, arts)
    return kw.apply(gone, cache.keyword_entries(changed), arts) if changed or gone else kw


def _catch_up(index, gen: int) -> None:
    """On a Chroma server other writers publish at any time, so a cache behind the record is not a
    fault: it is brought up to it first, as the app's next question would, and what is checked is
    whether catching up gave what a full read of the record gives. A cache that cannot be read, or
    of another format, is left for the checks to name."""
    cache = Cache(index.library.cache.path)
    try:
        behind = cache.generation() is not None and cache.generation() < gen
    except CacheDamaged:
        return
    finally:
        cache.close()
    if behind:
        index.library.catch_up(gen)


def repair(index, f: Findings) -> Repair:
    """Make the record whole and the caches match it, keeping every whole article. Needs the ingest lock."""
    r = Repair()
    if f.vectors:
        r.done.append(storecheck.rebuild(index, chunk_encoder(index), chroma_vectors=f.vectors_readable))
        f = examine(index)  # now the rest can be checked
        if f.vectors:
            return r
    if f.doomed:
        for i in range(0, len(f.doomed), 5000):
            index.store.delete_ids(f.doomed[i : i + 5000])
        r.done.append(f"deleted {_plural(len(f.doomed), 'chunk')} of no whole article from the record")
        index.store.publish(index.store.claim())
    for doc_id, corpus in f.broken.items():
        r.readd.setdefault(corpus, []).append(doc_id)
    if f.doomed or f.cache_stale:
        index.library.cache.close()
        try:
            snap = index.library.rebuild()
        except CacheDamaged:
            index.library._set_cache_aside()
            snap = index.library.rebuild()
        r.done.append(f"rebuilt the cache from the record ({_plural(len(snap.articles), 'article')}, {_plural(len(snap.keyword), 'chunk')})")
    return r


def _set_aside(path: Path) -> Path:
    dest = layout(path.parent).aside(path, time.strftime("%Y%m%d-%H%M%S"))
    path.rename(dest)
    return dest


def set_aside_store(index) -> list[str]:
    """The embedded Chroma cannot be opened: move it and the cache aside so that `qa ingest` can
    start over. Never done to a Chroma server, whose data is not ours."""
    if index.settings.store.chroma_url:
        raise StoreUnavailable(
            f"the Chroma server at {index.settings.store.chroma_url} cannot be reached: start it, or unset QA_STORE__CHROMA_URL"
        )
    done = []
    index.library.cache.close()
    for p in (layout(index.settings.home).chroma, index.library.cache.path):
        if p.exists():
            done.append(f"moved {p} to {_set_aside(p).name}")
    index.store.reset()
    return done


@dataclass
class Checkup:
    """`qa doctor`'s result: what was found, what repair did, and the state after it."""

    home: str
    found: Findings | None = None
    repaired: Repair | None = None
    after: Findings | None = None
    set_aside: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        final = self.after or self.found
        return final is not None and final.ok

    def lines(self) -> list[str]:
        out = []
        if self.found:
            f = self.found
            out.append(f"{self.home}: {_plural(f.articles, 'article')}, {_plural(f.chunks, 'chunk')} in Chroma (generation {f.generation}), "
                       f"{_plural(f.keyword, 'chunk')} in the keyword index")
            out += [f"problem: {p}" for p in f.problems]
        if self.set_aside:
            out += [f"repaired: {d}" for d in self.set_aside]
            out.append("now run `qa ingest` on your article folders to rebuild the index")
            return out
        if self.repaired:
            out += [f"repaired: {d}" for d in self.repaired.done]
            for corpus, ids in sorted(self.repaired.readd.items()):
                out.append(f"to add back {_plural(len(ids), 'article')}: qa ingest {corpus or '<its folder>'}")
            if self.after:
                out += [f"still wrong: {p}" for p in self.after.problems]
        if self.ok:
            out.append("ok: the index is consistent")
        elif not self.repaired:
            out.append(f"to repair: {REPAIR_HINT}")
        return out


def checkup(index, fix: bool = False) -> Checkup:
    """Check the index under the ingest lock (so no ingest writes meanwhile); with `fix`, repair it."""
    home = Path(index.settings.home)
    result = Checkup(home=str(home.resolve()))
    if not home.is_dir():
        raise NotFound(f"no data directory at {home}: `qa ingest` creates it (or set QA_HOME to the right one)")
    with ingest_lock(home):
        try:
            result.found = examine(index)
        except StoreUnavailable:
            if not fix or index.settings.store.chroma_url:
                raise
            result.set_aside = set_aside_store(index)
            return result
        if fix and not result.found.ok:
            try:
                result.repaired = repair(index, result.found)
            except StoreUnavailable:  # the store gave way under the repair: start over from the articles
                if index.settings.store.chroma_url:
                    raise
                result.set_aside = set_aside_store(index)
                return result
            result.after = examine(index)
            if result.after.ok:  # what a stopped writer left is checked and mended: the next one need not look
                layout(home).unfinished.unlink(missing_ok=True)
    return result
