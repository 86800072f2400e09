"""`qa doctor`: is the index whole (after a crash, a kill, a full disk or a hand edit), and if not,
repair it.

What ingest keeps true, and what is checked here:
1. the registry (articles.json) and the keyword index can be read;
2. every chunk in Chroma belongs to an article of the registry (no orphans);
3. every article has exactly its chunks 0..n-1 in Chroma, all cut from the version of the article
   the registry records (none half-ingested, none stored twice);
4. the keyword index holds exactly the chunks Chroma holds;
5. no ingest stopped half way (ingest leaves a marker until it has finished).

Repair keeps what is whole and drops the rest, so that it never invents data: orphan and surplus
chunks are deleted, a half-ingested article is removed (the next `qa ingest` of its folder adds it
again), the keyword index is rebuilt from Chroma, and an unreadable registry is set aside and
rebuilt from the metadata Chroma keeps with each chunk. An embedded Chroma that cannot be opened
at all is set aside too, so that `qa ingest` can start over."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from qa import storecheck
from qa.chunk import chunk_id
from qa.errors import IndexDamaged, NotFound, StoreUnavailable
from qa.keyword import KeywordIndex
from qa.lock import ingest_lock
from qa.types import ArticleInfo

# What ingest leaves in the index folder while it writes; a marker still there means it was stopped.
MARKER = "ingest.pending"
REPAIR_HINT = "run `qa doctor --repair` (or re-run `qa ingest`, which repairs first)"


@dataclass
class Findings:
    """What `examine` saw; the `problems` are one line each, for a person."""

    articles: int = 0
    chunks: int = 0
    keyword: int = 0
    problems: list[str] = field(default_factory=list)
    registry_error: str = ""
    keyword_error: str = ""
    orphans: list[str] = field(default_factory=list)  # chunk ids of no registered article
    surplus: list[str] = field(default_factory=list)  # chunk ids past an article's end, or misnamed
    broken: dict[str, str] = field(default_factory=dict)  # doc_id -> why it is half-ingested
    keyword_stale: bool = False
    interrupted: bool = False
    leftovers: list[Path] = field(default_factory=list)  # temp files of an interrupted write
    stored: dict[str, dict] = field(default_factory=dict)  # chunk id -> Chroma metadata
    vectors: str = ""  # what is wrong with Chroma's vector index ("" when whole)
    vectors_readable: bool = True  # can every stored embedding still be read from Chroma?

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Repair:
    done: list[str] = field(default_factory=list)
    readd: dict[str, list[str]] = field(default_factory=dict)  # corpus -> doc_ids dropped, to ingest again


def index_dir(index) -> Path:
    return index.registry.path.parent


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _keyword_ids(path: Path) -> list[str]:
    kw = KeywordIndex(path)  # a fresh reader: the engine's copy may be cached
    len(kw)
    return list(kw.ids)


def _check_keyword_file(index, f: Findings) -> None:
    try:
        f.keyword = len(_keyword_ids(index.keyword.path))
    except IndexDamaged as e:
        f.keyword_error = str(e.__cause__ or e)
        f.problems.append(f"the keyword index {index.keyword.path} cannot be read")


def examine(index) -> Findings:
    """Check every invariant; reads only. The caller holds the ingest lock, so no writer runs."""
    f = Findings()
    folder = index_dir(index)
    articles: dict[str, ArticleInfo] | None
    try:
        index.registry.reload()
        articles = dict(index.registry.articles)
    except IndexDamaged as e:
        f.registry_error = str(e.__cause__ or e)
        f.problems.append(f"the registry {index.registry.path} cannot be read")
        articles = None
    # The vector index first, in a child process: a damaged one may hang or crash whoever reads it,
    # so nothing below reads Chroma until it is whole again (`repair` rebuilds it first).
    probe = storecheck.probe(index, storecheck.DOCTOR_SAMPLE, full=True)
    if probe.unopenable:
        raise StoreUnavailable(probe.problem)
    if probe.problem:
        f.vectors = probe.problem
        f.vectors_readable = not probe.get_error
        f.chunks = probe.chunks
        f.articles = len(articles or {})
        f.problems.append(probe.problem)
        _check_keyword_file(index, f)
        return f
    f.stored = index.store.chunk_meta()
    f.chunks = len(f.stored)

    by_doc: dict[str, dict[str, dict]] = {}
    for cid, m in f.stored.items():
        by_doc.setdefault(str(m.get("doc_id", "")), {})[cid] = m
    if articles is not None:
        f.articles = len(articles)
        for doc_id, ids in by_doc.items():
            if doc_id not in articles:
                f.orphans.extend(ids)
        for doc_id, a in articles.items():
            got = by_doc.get(doc_id, {})
            expected = {chunk_id(doc_id, i) for i in range(a.chunks)}
            missing = len(expected - set(got))
            stale = sum(1 for cid, m in got.items() if cid in expected and m.get("digest") and m["digest"] != a.hash)
            if missing or stale:
                why = []
                if missing:
                    why.append(f"{missing} of its {a.chunks} chunks missing")
                if stale:
                    why.append(f"{stale} chunks from another version of it")
                f.broken[doc_id] = ", ".join(why)
            f.surplus.extend(cid for cid, m in got.items() if cid not in expected or int(m.get("index", -1)) >= a.chunks)
        if f.orphans:
            docs = len({f.stored[c]["doc_id"] for c in f.orphans})
            f.problems.append(f"{_plural(len(f.orphans), 'chunk')} in Chroma belong to no article ({_plural(docs, 'article')} not in the registry)")
        for doc_id, why in sorted(f.broken.items()):
            f.problems.append(f"article {doc_id!r} is half-ingested: {why}")
        if f.surplus:
            f.problems.append(f"{_plural(len(f.surplus), 'chunk')} in Chroma lie past the end of their article")

    try:
        kw_ids = _keyword_ids(index.keyword.path)
        f.keyword = len(kw_ids)
        if len(set(kw_ids)) != len(kw_ids) or set(kw_ids) != set(f.stored):
            f.keyword_stale = True
            f.problems.append(
                f"the keyword index disagrees with Chroma ({_plural(len(kw_ids), 'chunk')} there, {_plural(len(f.stored), 'chunk')} in Chroma)"
            )
        if not f.keyword_stale and KeywordIndex(index.keyword.path).outdated():
            f.keyword_stale = True
            f.problems.append("the keyword index was built by an older version of the search terms")
    except IndexDamaged as e:
        f.keyword_error = str(e.__cause__ or e)
        f.problems.append(f"the keyword index {index.keyword.path} cannot be read")

    if (folder / MARKER).exists():
        f.interrupted = True
        f.problems.append("the last ingest did not finish (it was stopped or crashed)")
    kw = index.keyword.path
    for p in (index.registry.path.with_suffix(".tmp"), kw.with_name(kw.name + ".tmp"), kw.with_name(kw.name + ".old"), kw / "chunks.json.tmp"):
        if p.exists():
            f.leftovers.append(p)
    return f


def _set_aside(path: Path) -> Path:
    dest = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(dest)
    return dest


def _rebuild_registry(f: Findings) -> dict[str, ArticleInfo]:
    """Registry entries for every article whose chunks in Chroma are whole and of one version."""
    by_doc: dict[str, list[dict]] = {}
    for m in f.stored.values():
        by_doc.setdefault(str(m["doc_id"]), []).append(m)
    out = {}
    for doc_id, metas in by_doc.items():
        n = len(metas)
        digests = {m.get("digest", "") for m in metas}
        if sorted(int(m["index"]) for m in metas) != list(range(n)) or len(digests) != 1:
            continue  # not whole: its chunks go as orphans
        m = metas[0]
        out[doc_id] = ArticleInfo(
            doc_id=doc_id, title=m.get("title", ""), source=m.get("source", ""), date=m.get("date", ""),
            byline=m.get("byline", ""), url=m.get("url", ""), chunks=n, hash=digests.pop(), corpus="",
        )
    return out


def repair(index, f: Findings) -> Repair:
    """Make the index whole again, keeping every article that is whole. Needs the ingest lock."""
    r = Repair()
    if f.vectors:
        r.done.append(storecheck.rebuild(index, chroma_vectors=f.vectors_readable))
        f = examine(index)  # now the rest can be checked
        if f.vectors:
            return r
    registry = index.registry
    if f.registry_error:
        moved = _set_aside(registry.path) if registry.path.exists() else None
        registry.articles = _rebuild_registry(f)
        registry.save()
        r.done.append(
            f"set the unreadable registry aside{f' as {moved.name}' if moved else ''} and rebuilt it from Chroma "
            f"({_plural(len(registry.articles), 'article')}; the next `qa ingest` of their folders links them again)"
        )
        f = _recheck_against(registry.articles, f)
    doomed = list(f.orphans) + list(f.surplus)
    for doc_id in f.broken:
        a = registry.articles.pop(doc_id)
        doomed.extend(cid for cid, m in f.stored.items() if m.get("doc_id") == doc_id)
        r.readd.setdefault(a.corpus, []).append(doc_id)
    if f.broken:
        registry.save()
        r.done.append(f"removed {_plural(len(f.broken), 'half-ingested article')}")
    doomed = sorted(set(doomed))
    for i in range(0, len(doomed), 5000):
        index.store.delete_ids(doomed[i : i + 5000])
    if f.orphans or f.surplus:
        r.done.append(f"deleted {_plural(len(set(f.orphans) | set(f.surplus)), 'orphan or surplus chunk')}")
    if f.keyword_stale or f.keyword_error or doomed or f.registry_error or f.interrupted:
        n = index.keyword.build(index.store.iter_all())
        r.done.append(f"rebuilt the keyword index from Chroma ({_plural(n, 'chunk')})")
    for p in f.leftovers:
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    if f.leftovers:
        r.done.append(f"removed {_plural(len(f.leftovers), 'temporary file')} of an interrupted write")
    (index_dir(index) / MARKER).unlink(missing_ok=True)
    return r


def _recheck_against(articles: dict[str, ArticleInfo], f: Findings) -> Findings:
    """After a registry rebuild: chunks of articles left out of it are orphans."""
    g = Findings(stored=f.stored, keyword_stale=True, leftovers=f.leftovers, interrupted=f.interrupted)
    g.orphans = [cid for cid, m in f.stored.items() if m.get("doc_id") not in articles]
    return g


def set_aside_store(index) -> list[str]:
    """The embedded Chroma cannot be opened: move it, the registry and the keyword index aside so
    that `qa ingest` can start over. Never done to a Chroma server, whose data is not ours."""
    if index.settings.store.chroma_url:
        raise StoreUnavailable(
            f"the Chroma server at {index.settings.store.chroma_url} cannot be reached: start it, or unset QA_STORE__CHROMA_URL"
        )
    done = []
    chroma = Path(index.settings.home) / "chroma"
    for p in (chroma, index.registry.path, index.keyword.path):
        if p.exists():
            done.append(f"moved {p} to {_set_aside(p).name}")
    index.store.reset()
    index.registry.articles = {}
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
            out.append(f"{self.home}: {_plural(f.articles, 'article')}, {_plural(f.chunks, 'chunk')} in Chroma, {_plural(f.keyword, 'chunk')} in the keyword index")
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
            # `qa ingest` repairs what a stopped ingest leaves, not a damaged vector index
            out.append("to repair: run `qa doctor --repair`" if self.found and self.found.vectors else f"to repair: {REPAIR_HINT}")
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
    return result
