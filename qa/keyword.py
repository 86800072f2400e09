"""The keyword side of retrieval: a BM25 index over title + chunk text, built at ingest and
persisted, so that nothing is rebuilt at query time or at start."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.errors import IndexDamaged
from qa.types import Chunk, Filters

# Bump when terms() changes: an index built with other terms is rebuilt (from Chroma, nothing re-embedded).
VERSION = 2
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Question words matter for understanding a question but never for finding its answer.
_EXTRA_STOP = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "why", "how", "what", "when", "where", "who", "whom", "which", "whose", "did", "does", "do", "say", "said", "according", "article", "articles", "report", "reported"}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | _EXTRA_STOP


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words of `text` (stopwords dropped)."""
    words = [w.replace("’", "'").split("'")[0] for w in _TOKEN.findall(text.lower())]
    stop = stopwords()
    return _stemmer().stemWords([w for w in words if w not in stop and len(w) > 1])


class _Snapshot:
    """One built keyword index, never changed after it is made: a question reads the snapshot it
    started with, while a rebuild makes the next one beside it and swaps one reference."""

    def __init__(self, ids: list[str], bm25, sources: list[str], dates: list[int], df: dict[str, int], stamp: tuple = ()) -> None:
        self.ids = ids
        self.bm25 = bm25
        self.sources = np.array(sources, dtype=object)
        self.dates = np.array(dates, dtype=np.int64)
        self.df = df
        self.stamp = stamp  # (mtime_ns, size) of the chunks.json it was read from or written to
        self._pos: dict[str, int] | None = None

    def position(self, chunk_id: str) -> int | None:
        if self._pos is None:  # two threads may both build it: the same dict, assigned whole
            self._pos = {c: i for i, c in enumerate(self.ids)}
        return self._pos.get(chunk_id)



def _bm25_dir(meta: Path) -> str | None:
    """The BM25 folder the stored chunks.json names (None when there is none, or it is unreadable)."""
    try:
        return json.loads(meta.read_text()).get("bm25", "bm25")
    except (OSError, ValueError, AttributeError):
        return None


def _stamp(meta: Path) -> tuple:
    try:
        st = meta.stat()
    except OSError:
        return ()
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class KeywordIndex:
    """The keyword index of one data directory. Every reading method works on one snapshot; callers
    that make several calls for one question take `snapshot()` once and read that (qa.retrieve)."""

    def __init__(self, path: Path, snap: _Snapshot | None = None) -> None:
        self.path = Path(path)
        self._snap = snap
        self._frozen = snap is not None  # a view of one snapshot (from `snapshot()`): never reloads
        self._loading = threading.Lock()

    # -- building -------------------------------------------------------------------------------
    def build(self, chunks: Iterable[Chunk]) -> int:
        """Replace the index with one over `chunks`; returns how many were indexed. Readers go on
        with the snapshot they hold; the next one gets the new index."""
        import bm25s

        ids, sources, dates, corpus = [], [], [], []
        df: Counter[str] = Counter()
        for c in chunks:
            toks = terms(c.embed_text)
            ids.append(c.chunk_id)
            sources.append(c.source.strip().lower())
            dates.append(int(c.date.replace("-", "")) if c.date else 0)
            corpus.append(toks or ["\u2205"])  # bm25s needs one token per document
            df.update(set(toks))
        # Swapped in whole, with one atomic rename of chunks.json, which names its BM25 folder: a reader
        # in this or another process, or a crash, never sees half an index. The folder before stays
        # for a reader that has just read the previous chunks.json.
        self.path.mkdir(parents=True, exist_ok=True)
        meta = self.path / "chunks.json"
        previous = _bm25_dir(meta)
        folder = f"bm25-{time.time_ns()}"
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
            bm25.save(str(self.path / folder), show_progress=False)
        tmp = self.path / "chunks.json.tmp"
        tmp.write_text(json.dumps({"version": VERSION, "ids": ids, "sources": sources, "dates": dates, "df": df, "bm25": folder}))
        os.replace(tmp, meta)
        for old in self.path.iterdir():
            if old.is_dir() and old.name.startswith("bm25") and old.name not in (folder, previous):
                shutil.rmtree(old, ignore_errors=True)
        self._snap = _Snapshot(ids, bm25, sources, dates, dict(df), _stamp(self.path / "chunks.json"))
        return len(ids)

    # -- reading --------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Was the stored index replaced since it was read here (by another process)?"""
        snap = self._snap
        return snap is not None and snap.stamp != _stamp(self.path / "chunks.json")

    def forget(self) -> None:
        """Read the stored index again at the next use (another process rebuilt it)."""
        if not self._frozen and self.changed_on_disk():  # not after this process's own rebuild
            self._snap = None

    def snapshot(self) -> KeywordIndex:
        """This index as it is now, unchanged by later rebuilds: what one question reads."""
        return KeywordIndex(self.path, self._current())

    def _current(self) -> _Snapshot:
        snap = self._snap
        if snap is not None:
            return snap
        with self._loading:
            if self._snap is None:
                self._snap = self._read()
            return self._snap

    def _read(self) -> _Snapshot:
        meta = self.path / "chunks.json"
        stamp = _stamp(meta)
        if not meta.is_file():
            return _Snapshot([], None, [], [], {}, stamp)
        import bm25s

        for attempt in range(3):
            try:
                data = json.loads(meta.read_text())
                ids = data["ids"]
                bm25 = bm25s.BM25.load(str(self.path / data.get("bm25", "bm25")), mmap=False, show_progress=False) if ids else None
                return _Snapshot(ids, bm25, data["sources"], data["dates"], data["df"], stamp)
            except Exception as e:  # json, numpy and bm25s each raise their own types for damaged files
                if attempt < 2 and _stamp(meta) != stamp:  # rebuilt twice while being read: read the new one
                    stamp = _stamp(meta)
                    continue
                raise IndexDamaged(f"the keyword index {self.path} cannot be read ({type(e).__name__}); run `qa doctor --repair`") from e
        raise AssertionError("unreachable")

    def _load(self) -> _Snapshot | None:
        """The snapshot to read, or None when the index is empty."""
        snap = self._current()
        return snap if snap.ids else None

    @property
    def ids(self) -> list[str]:
        return self._current().ids

    def outdated(self) -> bool:
        """Was the stored index built by another version of terms()?"""
        meta = self.path / "chunks.json"
        if not meta.is_file():
            return False
        try:
            return json.loads(meta.read_text()).get("version") != VERSION
        except ValueError:
            return True

    def __len__(self) -> int:
        return len(self._current().ids)

    def knows(self, term: str) -> bool:
        """Does any chunk hold this (stemmed) term?"""
        return self._current().df.get(term, 0) > 0

    def idf(self, term: str) -> float:
        snap = self._current()
        n = max(len(snap.ids), 1)
        return math.log(1 + n / (1 + snap.df.get(term, 0)))

    def scores(self, query: str) -> np.ndarray | None:
        """BM25 score of every indexed chunk for `query` (aligned with `ids`); None when the index
        is empty or holds none of the query's terms."""
        if (snap := self._load()) is None:
            return None
        toks = [t for t in terms(query) if t in snap.df]
        if not toks:
            return None
        return np.asarray(snap.bm25.get_scores(toks), dtype=np.float32)

    def allowed(self, filters: Filters | None) -> np.ndarray | None:
        """Which indexed chunks pass the filters (None: all of them)."""
        if not filters or (snap := self._load()) is None:
            return None
        keep = np.ones(len(snap.ids), dtype=bool)
        if filters.sources:
            keep &= np.isin(snap.sources, [s.strip().lower() for s in filters.sources])
        if filters.since:
            keep &= snap.dates >= int(filters.since.strftime("%Y%m%d"))
        if filters.until:
            keep &= snap.dates <= int(filters.until.strftime("%Y%m%d"))
        return keep

    def from_outlets(self, outlets: Iterable[str]) -> np.ndarray:
        """Which indexed chunks come from one of `outlets`."""
        return np.isin(self._current().sources, [s.strip().lower() for s in outlets])

    def source_date(self, pos: int | None) -> tuple[str, int]:
        """(lower-cased outlet, yyyymmdd or 0) of the chunk at `pos` in `ids`."""
        if pos is None or (snap := self._load()) is None:
            return "", 0
        return str(snap.sources[pos]), int(snap.dates[pos])

    def position(self, chunk_id: str) -> int | None:
        """Where `chunk_id` sits in `ids` (and in every array aligned with it)."""
        if (snap := self._load()) is None:
            return None
        return snap.position(chunk_id)

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score) of the best `k` chunks that match the filters, best first."""
        if (snap := self._load()) is None:
            return []
        toks = [t for t in terms(query) if t in snap.df]
        if not toks:
            return []
        mask = None
        keep = KeywordIndex(self.path, snap).allowed(filters)
        if keep is not None:
            if not keep.any():
                return []
            mask = keep.astype(np.float32)
        k = min(k, len(snap.ids))
        docs, scores = snap.bm25.retrieve([toks], k=k, show_progress=False, weight_mask=mask, n_threads=0)
        return [(snap.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]
