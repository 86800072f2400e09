"""Incremental, idempotent ingest: unchanged articles are skipped by content hash, changed ones
replaced, deleted ones removed, and nothing is ever stored twice.

Order of writes, so that a kill at any point leaves a state the next run repairs: a marker file
says an ingest is under way; chunks go to Chroma first (deterministic ids, so a re-run overwrites;
each chunk records the version of its article), then the registry entry; removals go the other way
round (registry first). The keyword index is rebuilt from Chroma at the end, then the marker goes.
A marker found at the start means the last run was stopped: `qa.doctor` then checks everything and
repairs it (orphan chunks deleted, half-written articles dropped, so this run ingests them again)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qa import doctor
from qa.chunk import chunk_articles, chunk_id
from qa.errors import IndexDamaged, IndexLocked, NotFound
from qa.fetch import check_url, is_url
from qa.index import Index, embed_chunks
from qa.load import Loaded, load
from qa.lock import ingest_lock
from qa.types import ArticleInfo, IngestReport

Progress = Callable[[int, int, str], None]  # (done, total, current name)
Warn = Callable[[str], None]


@contextmanager
def writing(index: Index) -> Iterator[None]:
    """Mark the index as being written until the block ends without an exception (lock held)."""
    marker = doctor.index_dir(index) / doctor.MARKER
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    yield
    marker.unlink(missing_ok=True)


def recover(index: Index) -> list[str]:
    """Repair what a stopped ingest or a damaged index file left behind (lock held); returns what was done."""
    marker = doctor.index_dir(index) / doctor.MARKER
    try:
        index.registry.reload()
        len(index.keyword)  # loads it
    except IndexDamaged:
        pass  # `doctor.examine` names it, `doctor.repair` rebuilds it
    else:
        if not marker.exists():
            return []
    findings = doctor.examine(index)
    if findings.ok:
        marker.unlink(missing_ok=True)
        done = []
    else:
        done = doctor.repair(index, findings).done
    sync_chunk_vectors(index, force=True)  # a stopped ingest may have written Chroma and not the copy, or the reverse
    return done


def sync_chunk_vectors(index: Index, force: bool = False) -> bool:
    """Make the copy of the chunk vectors (qa.sentences) match Chroma, when its count differs (an index
    from before the copy) or when `force`d; True when it was rebuilt."""
    if index.sentences is None or (not force and index.sentences.chunk_count() == index.registry.chunk_count()):
        return False
    index.sentences.put_chunks(index.store.iter_vectors(), replace_all=True)
    return True


def recover_if_interrupted(index: Index) -> list[str]:
    """For readers at start (the app, `qa ask`): repair after a stopped ingest, unless one runs now."""
    if not (doctor.index_dir(index) / doctor.MARKER).exists():
        return []
    try:
        with ingest_lock(Path(index.settings.home)):
            return recover(index)
    except IndexLocked:
        return []  # an ingest is under way: its marker is legitimate


def remove_orphans(index: Index) -> int:
    """Delete chunks of articles the registry does not know (left by a crashed ingest)."""
    known = set(index.registry.articles)
    orphans = index.store.doc_ids() - known
    for doc_id in orphans:
        index.store.delete_doc(doc_id)
    return len(orphans)


def _write(index: Index, batch: list[tuple[Loaded, str]], report: IngestReport) -> None:
    """Chunk, embed and store a batch of articles, then record them in the registry."""
    enc = index.encoder
    per_article = chunk_articles([item.article for item, _ in batch], index.settings.chunk, enc.token_counts, enc.token_offsets, enc.max_tokens)
    for (_, digest), cs in zip(batch, per_article):
        for c in cs:
            c.digest = digest
    chunks = [c for cs in per_article for c in cs]
    vectors, sentence_rows = embed_chunks(index, chunks)
    index.store.add(chunks, vectors)
    if index.sentences is not None:
        index.sentences.delete_docs(item.article.doc_id for item, _ in batch)
        index.sentences.put(sentence_rows)
        index.sentences.put_chunks((c.chunk_id, c.doc_id, v) for c, v in zip(chunks, vectors))
    for (item, _), cs in zip(batch, per_article):
        old = index.registry.articles.get(item.article.doc_id)
        if old and old.chunks > len(cs):  # a shorter new version: drop the old tail
            index.store.delete_ids([chunk_id(old.doc_id, i) for i in range(len(cs), old.chunks)])
    for (item, digest), cs in zip(batch, per_article):
        a = item.article
        index.registry.articles[a.doc_id] = ArticleInfo(
            doc_id=a.doc_id, title=a.title, source=a.source, date=a.date, byline=a.byline, url=a.url,
            chunks=len(cs), hash=digest, corpus=item.corpus,
        )
    index.registry.save()
    report.chunks += len(chunks)


def ingest(index: Index, paths: list[Path | str], progress: Progress | None = None, warn: Warn | None = None, prune: bool = True) -> IngestReport:
    """Bring the index in line with the corpora at `paths`.

    With `prune`, articles that came from one of these corpora before and are gone now are removed.
    """
    t0 = time.perf_counter()
    report = IngestReport()
    with ingest_lock(Path(index.settings.home)):
        repaired = recover(index)
        if repaired and warn:
            warn(f"repaired the index first (a stopped ingest or a damaged file): {'; '.join(repaired)}")
        for path in paths:  # before the marker: a typo is no interrupted ingest
            if is_url(path):
                check_url(str(path))
            elif not Path(path).exists():
                raise NotFound(f"{path}: no such file or folder")
        with writing(index):
            _ingest_locked(index, paths, report, progress, warn, prune, changed=bool(repaired))
    report.seconds = time.perf_counter() - t0
    return report


def _load_target(index: Index, path: Path | str) -> Iterator[Loaded]:
    """The articles of one corpus: a folder or file, or a URL (a page or a feed, see qa.feeds)."""
    if not is_url(path):
        return load(Path(path), index.settings.ingest)
    from qa.feeds import load_url

    cache = Path(index.settings.home) / index.settings.ingest.fetch_cache_name
    return load_url(str(path), index.settings.ingest, cache, known=lambda doc_id: doc_id in index.registry.articles)


def _ingest_locked(
    index: Index, paths: list[Path | str], report: IngestReport, progress: Progress | None, warn: Warn | None, prune: bool, changed: bool
) -> None:
    changed = remove_orphans(index) > 0 or changed
    items: list[tuple[Loaded, str]] = []
    seen: dict[str, str] = {}  # doc_id -> the name of the file or record it came from
    for path in paths:
        url = is_url(path)
        corpus = str(path) if url else str(Path(path).resolve())
        loaded = list(_load_target(index, path))
        for item in loaded:
            item.corpus = corpus
            if item.unchanged:  # a page the server says is as it was ingested
                seen.add(item.name)
                report.skipped += 1
                continue
            if item.error and item.warning:  # one feed entry: the rest of the feed goes in
                if warn:
                    warn(item.error)
                continue
            if item.error:
                report.failed.append((item.name, item.error))
                if warn:
                    warn(f"skipped {item.error}")
                continue
            doc_id = item.article.doc_id
            if doc_id in seen:  # the same id twice in one run: the first one is kept, the other named
                why = f"{item.name}: id {doc_id!r} is used twice (first by {seen[doc_id]}); the first one is kept"
                report.failed.append((item.name, why))
                if warn:
                    warn(f"skipped {why}")
                continue
            seen[doc_id] = item.name
            old = index.registry.articles.get(doc_id)
            if old and old.corpus and old.corpus != corpus and Path(old.corpus).exists():
                # An id belongs to the corpus it came from: another corpus reusing it (an uploaded
                # record whose url is a stored article's id) would have its text cited under the
                # other article's name. Taken over only when that corpus is gone (a moved folder).
                why = f"{item.name}: id {doc_id!r} is already used by an article of another corpus ({old.corpus}); give this one another url or id"
                report.failed.append((item.name, why))
                if warn:
                    warn(f"skipped {why}")
                continue
            digest = item.hash
            if old and old.hash == digest and old.corpus == corpus:
                report.skipped += 1
                continue
            if old:
                report.updated += 1
            else:
                report.added += 1
            items.append((item, digest))
        if prune and not url:  # a feed drops old entries that are still news: nothing fetched is pruned
            gone = [a.doc_id for a in index.registry.articles.values() if a.corpus == corpus and a.doc_id not in seen]
            for doc_id in gone:  # registry first: a kill in between leaves orphans, which are cleaned up
                del index.registry.articles[doc_id]
            if gone:
                index.registry.save()
            for doc_id in gone:
                index.store.delete_doc(doc_id)
                report.removed += 1

    total = len(items)
    batch: list[tuple[Loaded, str]] = []
    done = 0
    for item in items:
        batch.append(item)
        if len(batch) >= max(1, index.settings.ingest.batch_articles):
            _write(index, batch, report)
            done += len(batch)
            batch = []
            if progress:
                progress(done, total, item[0].name)
    if batch:
        _write(index, batch, report)
        done += len(batch)
        if progress:
            progress(done, total, batch[-1][0].name)

    if changed or items or report.removed or index.keyword.outdated() or len(index.keyword) != index.registry.chunk_count():
        index.keyword.build(index.store.iter_all())
        if index.sentences is not None:
            index.sentences.keep_only(set(index.registry.articles))
    sync_chunk_vectors(index)


def remove(index: Index, doc_id: str) -> bool:
    """Remove one article; False when it was not there."""
    with ingest_lock(Path(index.settings.home)):
        recover(index)
        if doc_id not in index.registry.articles:
            return False
        with writing(index):
            del index.registry.articles[doc_id]
            index.registry.save()
            index.store.delete_doc(doc_id)
            index.keyword.build(index.store.iter_all())
            if index.sentences is not None:
                index.sentences.delete_docs([doc_id])
    return True
