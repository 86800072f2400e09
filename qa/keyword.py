"""The keyword side of retrieval: a BM25 index over title + chunk text, built at ingest and
persisted, so that nothing is rebuilt at query time or at start."""

from __future__ import annotations

import json
import math
import re
import shutil
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


class KeywordIndex:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._bm25 = None
        self.ids: list[str] = []
        self._sources: np.ndarray = np.array([], dtype=object)
        self._dates: np.ndarray = np.array([], dtype=np.int64)
        self._df: dict[str, int] = {}
        self._pos: dict[str, int] = {}

    # -- building -------------------------------------------------------------------------------
    def build(self, chunks: Iterable[Chunk]) -> int:
        """Replace the index with one over `chunks`; returns how many were indexed."""
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
        tmp = self.path.with_name(self.path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
            bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "chunks.json").write_text(json.dumps({"version": VERSION, "ids": ids, "sources": sources, "dates": dates, "df": df}))
        # Swap in whole, so a reader or a crash never sees half an index.
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            self.path.rename(old)
        tmp.rename(self.path)
        shutil.rmtree(old, ignore_errors=True)
        self._bm25 = None
        self.ids = []
        return len(ids)

    # -- reading --------------------------------------------------------------------------------
    def _load(self) -> bool:
        if self.ids and self._bm25 is not None:
            return True
        meta = self.path / "chunks.json"
        if not meta.is_file():
            return False
        import bm25s

        try:
            data = json.loads(meta.read_text())
            self.ids = data["ids"]
            self._pos = {}
            self._sources = np.array(data["sources"], dtype=object)
            self._dates = np.array(data["dates"], dtype=np.int64)
            self._df = data["df"]
            if self.ids:
                self._bm25 = bm25s.BM25.load(str(self.path / "bm25"), mmap=False, show_progress=False)
        except Exception as e:  # json, numpy and bm25s each raise their own types for damaged files
            self.ids, self._bm25 = [], None
            raise IndexDamaged(f"the keyword index {self.path} cannot be read ({type(e).__name__}); run `qa doctor --repair`") from e
        return bool(self.ids)

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
        self._load()
        return len(self.ids)

    def knows(self, term: str) -> bool:
        """Does any chunk hold this (stemmed) term?"""
        self._load()
        return self._df.get(term, 0) > 0

    def idf(self, term: str) -> float:
        self._load()
        n = max(len(self.ids), 1)
        return math.log(1 + n / (1 + self._df.get(term, 0)))

    def scores(self, query: str) -> np.ndarray | None:
        """BM25 score of every indexed chunk for `query` (aligned with `ids`); None when the index
        is empty or holds none of the query's terms."""
        if not self._load():
            return None
        toks = [t for t in terms(query) if t in self._df]
        if not toks:
            return None
        return np.asarray(self._bm25.get_scores(toks), dtype=np.float32)

    def allowed(self, filters: Filters | None) -> np.ndarray | None:
        """Which indexed chunks pass the filters (None: all of them)."""
        if not filters or not self._load():
            return None
        keep = np.ones(len(self.ids), dtype=bool)
        if filters.sources:
            keep &= np.isin(self._sources, [s.strip().lower() for s in filters.sources])
        if filters.since:
            keep &= self._dates >= int(filters.since.strftime("%Y%m%d"))
        if filters.until:
            keep &= self._dates <= int(filters.until.strftime("%Y%m%d"))
        return keep

    def from_outlets(self, outlets: Iterable[str]) -> np.ndarray:
        """Which indexed chunks come from one of `outlets`."""
        self._load()
        return np.isin(self._sources, [s.strip().lower() for s in outlets])

    def source_date(self, pos: int | None) -> tuple[str, int]:
        """(lower-cased outlet, yyyymmdd or 0) of the chunk at `pos` in `ids`."""
        if pos is None or not self._load():
            return "", 0
        return str(self._sources[pos]), int(self._dates[pos])

    def position(self, chunk_id: str) -> int | None:
        """Where `chunk_id` sits in `ids` (and in every array aligned with it)."""
        if not self._load():
            return None
        if len(self._pos) != len(self.ids):
            self._pos = {c: i for i, c in enumerate(self.ids)}
        return self._pos.get(chunk_id)

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score) of the best `k` chunks that match the filters, best first."""
        if not self._load():
            return []
        toks = [t for t in terms(query) if t in self._df]
        if not toks:
            return []
        mask = None
        keep = self.allowed(filters)
        if keep is not None:
            if not keep.any():
                return []
            mask = keep.astype(np.float32)
        k = min(k, len(self.ids))
        docs, scores = self._bm25.retrieve([toks], k=k, show_progress=False, weight_mask=mask, n_threads=0)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]
