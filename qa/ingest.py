"""Incremental, idempotent ingest: unchanged articles are skipped by content hash, changed ones
replaced, deleted ones removed, and nothing is ever stored twice.

Each batch of articles is one write to the record (qa.store): whole articles, every chunk tagged
with the batch's generation (deterministic ids, so a re-run overwrites), then `publish` makes the
batch visible to readers, which catch up from it (qa.library). A writer stopped before `publish`
leaves chunks above the published generation that no reader uses; the next writer of the embedded
store deletes them before it starts (`recover`), and an article left half written is not whole in
the record, so readers leave it out and the next ingest of its folder writes it again."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa import storecheck
from qa.chunk import chunk_articles, chunk_id
from qa.embed import Encoder
from qa.errors import NotFound
from qa.fetch import check_url, is_url
from qa.layout import layout
from qa.library import Library
from qa.load import Loaded, load
from qa.lock import ingest_lock
from qa.sentences import candidate_sentences, chunk_sentences, entities_text
from qa.settings import Settings
from qa.store import ChunkStore, Stored
from qa.types import ArticleInfo, Chunk, IngestReport

Progress = Callable[[int, int, str], None]  # (done, total, current name)
Warn = Callable[[str], None]


@dataclass
class Index:
    """What ingest writes to, and reads the current state from."""

    settings: Settings
    encoder: Encoder
    store: ChunkStore
    library: Library


def embed_chunks(index: Index, chunks: list[Chunk], sentences: bool = True) -> tuple[np.ndarray, list[tuple[tuple[str, int], str, np.ndarray]]]:
    """Chunk vectors, and the vectors of the sentences the answerer may quote (see qa.sentences).

    Each sentence of the batch is encoded once (overlapping chunks share sentences). With
    `chunk_vectors = "sentences"` a chunk's vector is the mean of its sentences' vectors, so no
    text is encoded twice; with "encoded" the chunk is encoded whole as well."""
    enc = index.encoder
    whole = index.settings.embed.chunk_vectors == "encoded"
    if not sentences and whole:
        return enc.encode_articles([c.embed_text for c in chunks]), []
    row_of: dict[tuple[str, int], int] = {}
    texts: list[str] = []
    members: list[list[int]] = []
    for c in chunks:
        rows = []
        # "encoded" needs only what the answerer may quote; the mean takes every sentence
        for a, _, norm in candidate_sentences(c) if whole else chunk_sentences(c):
            key = (c.doc_id, c.start + a)
            if key not in row_of:
                row_of[key] = len(texts)
                texts.append(norm)
            rows.append(row_of[key])
        members.append(rows)
    svecs = enc.encode_articles(texts)
    if whole:
        vectors = enc.encode_articles([c.embed_text for c in chunks])
    else:
        vectors = np.zeros((len(chunks), svecs.shape[1] if len(texts) else enc.dim), dtype=np.float32)
        for i, rows in enumerate(members):
            if rows:
                v = svecs[rows].mean(axis=0)
                vectors[i] = v / (np.linalg.norm(v) or 1.0)
        if bare := [i for i, rows in enumerate(members) if not rows]:  # no sentence at all: the title, say
            vectors[bare] = enc.encode_articles([chunks[i].embed_text for i in bare])
    if not sentences:
        return vectors, []
    quoted = {(c.doc_id, c.start + a): norm for c in chunks for a, _, norm in candidate_sentences(c)}
    return vectors, [(k, t, svecs[row_of[k]]) for k, t in quoted.items()]


def chunk_encoder(index: Index) -> Callable[[list[Chunk]], np.ndarray]:
    """Chunks -> their vectors as ingest makes them, for rebuilding a vector index (qa.storecheck)."""
    return lambda chunks: embed_chunks(index, chunks, sentences=False)[0]


def _mend_vectors(index: Index, since: int) -> list[str]:
    """Check every chunk written since generation `since` (and a sample of the rest; every chunk of a
    store of up to RECENT_SAMPLE) against the vector index, and rebuild the index from the stored
    chunk vectors when one is missing."""
    # A stop while Chroma saves its vector index can lose a chunk of any generation, not only the
    # stopped writer's own: it writes the whole index again. Where that costs a few seconds at most, all are checked.
    whole = index.store.count() <= storecheck.RECENT_SAMPLE
    found = storecheck.probe(index, storecheck.RECENT_SAMPLE if whole else storecheck.ASK_SAMPLE, full=whole, since=since)
    if not found.problem or found.unopenable:  # one that cannot be opened fails the write itself, with its message
        return []
    return [f"{found.problem.split(': ', 1)[-1]} after an ingest was stopped; "
            + storecheck.rebuild(index, chunk_encoder(index), chroma_vectors=not found.get_error)]


def recover(index: Index, since: int | None = None) -> list[str]:
    """Before writing (lock held): repair what a stopped writer left, which began at generation
    `since` (None: the last writer ended). Only on the embedded store, whose one writer this
    process is; on a shared Chroma server another writer may be half way through its batch."""
    if index.settings.store.chroma_url:
        return []
    done = _mend_vectors(index, since) if since is not None else []
    if n := index.store.drop_unpublished():
        done.append(f"deleted {n:,} chunks a stopped ingest had written but not published")
    return done


@contextmanager
def writing(index: Index) -> Iterator[list[str]]:
    """Be the data directory's one writer: hold the ingest lock, repair what a stopped writer left
    (yielded: what was done, added to at the end), and leave a mark while writing that only a
    writer which ends removes."""
    home = Path(index.settings.home)
    with ingest_lock(home):
        since = storecheck.unfinished_since(index)
        done = recover(index, since)
        mark = layout(home).unfinished
        if not index.settings.store.chroma_url:
            mark.write_text(str(index.store.generation()))
        yield done
        if since is not None:
            # Whether the stop itself or the writing over what it left (its unpublished chunks
            # deleted, their ids written again) lost a chunk from Chroma's vector index, what both
            # wrote is checked once more: one probe, after a stop only.
            done += _mend_vectors(index, since)
        mark.unlink(missing_ok=True)


Prepared = tuple[list[list[Chunk]], np.ndarray, list]  # chunks per article, chunk vectors, sentence rows


def _prepare(index: Index, batch: list[tuple[Loaded, str]]) -> Prepared:
    """Chunk and embed a batch of articles (nothing is written)."""
    enc = index.encoder
    per_article = chunk_articles([item.article for item, _ in batch], index.settings.chunk, enc.token_counts, enc.token_offsets, enc.max_tokens)
    for (_, digest), cs in zip(batch, per_article):
        for c in cs:
            c.digest = digest
    vectors, sentence_rows = embed_chunks(index, [c for cs in per_article for c in cs])
    return per_article, vectors, sentence_rows


def _store(index: Index, batch: list[tuple[Loaded, str]], prepared: Prepared, known: dict[str, ArticleInfo], report: IngestReport) -> None:
    """Store a prepared batch (its sentences' entities are found here) as one generation of the record."""
    per_article, vectors, sentence_rows = prepared
    chunks = [c for cs in per_article for c in cs]
    ents = entities_text([t for _, t, _ in sentence_rows])
    by_doc: dict[str, list[tuple[int, str, np.ndarray, str]]] = {}
    for ((doc, start), text, vec), e in zip(sentence_rows, ents):
        by_doc.setdefault(doc, []).append((start, text, vec, e))
    stored, tails, at = [], [], 0
    for (item, digest), cs in zip(batch, per_article):
        a = item.article
        info = ArticleInfo(doc_id=a.doc_id, title=a.title, source=a.source, date=a.date, byline=a.byline, url=a.url,
                           chunks=len(cs), hash=digest, corpus=item.corpus)
        stored.append(Stored(info, cs, vectors[at : at + len(cs)], by_doc.get(a.doc_id, [])))
        at += len(cs)
        old = known.get(a.doc_id)
        if old and old.chunks > len(cs):  # a shorter new version: the old tail goes
            tails += [chunk_id(a.doc_id, i) for i in range(len(cs), old.chunks)]
        known[a.doc_id] = info
    gen = index.store.claim()
    index.store.write(stored, gen)
    index.store.delete_ids(tails)
    index.library.catch_up(index.store.publish(gen))
    report.chunks += len(chunks)


def _write_all(index: Index, items: list[tuple[Loaded, str]], known: dict[str, ArticleInfo], report: IngestReport, progress: Progress | None) -> None:
    """Every batch through `_prepare` then `_store`. With `ingest.overlap`, a batch is stored (Chroma,
    spaCy's entities, SQLite; one thread) while the next is chunked and encoded (onnxruntime, which
    releases the GIL): the two use different cores. Batches are stored one at a time and in order, so
    a stopped ingest leaves what the sequential one would."""
    size = max(1, index.settings.ingest.batch_articles)
    if index.settings.ingest.overlap:
        # Storing a batch (spaCy's entities) takes about as long as encoding one, so the first batch's
        # encoding and the last one's storing are not overlapped: at least 8 batches keep that short.
        size = min(size, max(4, -(-len(items) // 8)))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    done = 0

    def stored(batch: list[tuple[Loaded, str]]) -> None:
        nonlocal done
        done += len(batch)
        if progress:
            progress(done, len(items), batch[-1][0].name)

    if not index.settings.ingest.overlap or len(batches) < 2:
        for batch in batches:
            _store(index, batch, _prepare(index, batch), known, report)
            stored(batch)
        return
    with ThreadPoolExecutor(1, thread_name_prefix="qa-ingest-store") as pool:
        pending: tuple[Future, list] | None = None
        for batch in batches:
            prepared = _prepare(index, batch)
            if pending:
                pending[0].result()  # raises what storing the previous batch raised
                stored(pending[1])
            pending = (pool.submit(_store, index, batch, prepared, known, report), batch)
        if pending:
            pending[0].result()
            stored(pending[1])


def ingest(index: Index, paths: list[Path | str], progress: Progress | None = None, warn: Warn | None = None, prune: bool = True) -> IngestReport:
    """Bring the index in line with the corpora at `paths`.

    With `prune`, articles that came from one of these corpora before and are gone now are removed.
    """
    t0 = time.perf_counter()
    report = IngestReport()
    for path in paths:
        if is_url(path):
            check_url(str(path))
        elif not Path(path).exists():
            raise NotFound(f"{path}: no such file or folder")
    with writing(index) as repaired:
        if repaired and warn:
            warn(f"repaired the index first: {'; '.join(repaired)}")
        first = len(repaired)
        _ingest_locked(index, paths, report, progress, warn, prune)
    if repaired[first:] and warn:
        warn(f"repaired the index after writing: {'; '.join(repaired[first:])}")
    report.seconds = time.perf_counter() - t0
    return report


def _load_target(index: Index, path: Path | str, known: dict[str, ArticleInfo]) -> Iterator[Loaded]:
    """The articles of one corpus: a folder or file, or a URL (a page or a feed, see qa.feeds)."""
    if not is_url(path):
        return load(Path(path), index.settings.ingest)
    from qa.feeds import load_url

    cache = layout(index.settings.home).fetch_cache
    return load_url(str(path), index.settings.ingest, cache, known=lambda doc_id: doc_id in known)


def _ingest_locked(index: Index, paths: list[Path | str], report: IngestReport, progress: Progress | None, warn: Warn | None, prune: bool) -> None:
    known = dict(index.library.catch_up().articles)  # this ingest's view, updated as it writes
    items: list[tuple[Loaded, str]] = []
    seen: dict[str, str] = {}  # doc_id -> the name of the file or record it came from
    for path in paths:
        url = is_url(path)
        corpus = str(path) if url else str(Path(path).resolve())
        loaded = list(_load_target(index, path, known))
        for item in loaded:
            item.corpus = corpus
            if item.unchanged:  # a page the server says is as it was ingested
                seen[item.name] = item.name
                report.skipped += 1
                report.outcomes.append((item.name, "unchanged"))
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
            old = known.get(doc_id)
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
                report.outcomes.append((item.name, "unchanged"))
                continue
            if old:
                report.updated += 1
            else:
                report.added += 1
            report.outcomes.append((item.name, "updated" if old else "added"))
            items.append((item, digest))
        if prune and not url:  # a feed drops old entries that are still news: nothing fetched is pruned
            gone = [a.doc_id for a in known.values() if a.corpus == corpus and a.doc_id not in seen]
            _remove(index, gone, known)
            report.removed += len(gone)

    _write_all(index, items, known, report, progress)
    index.library.keep_keyword()


def _remove(index: Index, doc_ids: list[str], known: dict[str, ArticleInfo]) -> None:
    """Delete whole articles from the record as one generation."""
    if not doc_ids:
        return
    gen = index.store.claim()
    for doc_id in doc_ids:
        index.store.delete_doc(doc_id)
        known.pop(doc_id, None)
    index.library.catch_up(index.store.publish(gen, removed=doc_ids), removed=frozenset(doc_ids))


def remove(index: Index, doc_id: str) -> bool:
    """Remove one article; False when it was not there."""
    with writing(index):
        known = dict(index.library.catch_up().articles)
        if doc_id not in known:
            return False
        _remove(index, [doc_id], known)
    return True
