"""Hybrid retrieval: dense (Chroma) and keyword (BM25) signals, fused.

The query embedding is computed once by the caller and travels in the QueryBundle, because the
answerer needs the same vector."""

from __future__ import annotations

import numpy as np
from llama_index.core.schema import QueryBundle

from qa import query
from qa.cache import Cache
from qa.keyword import Hits
from qa.library import Snapshot
from qa.settings import RetrieveSettings
from qa.store import ChunkStore
from qa.types import Filters, Passage


def _standardize(x: np.ndarray) -> np.ndarray:
    sd = float(x.std())
    return (x - x.mean()) / sd if sd > 1e-9 else np.zeros_like(x)


def _top(hits: Hits, n: int, among: np.ndarray | None = None) -> np.ndarray:
    """Positions of the best `n` positive scores (among the ascending positions `among`), best first,
    equal scores in index order."""
    return hits.top(n, among)


class HybridRetriever:
    """Dense (Chroma) and keyword (BM25) rankings fused, with what the question says about outlets,
    days and its parts (qa.query) as evidence."""

    def __init__(self, store: ChunkStore, snap: Snapshot, cache: Cache, settings: RetrieveSettings, top_k: int, filters: Filters | None = None) -> None:
        self.settings, self.top_k, self.filters, self.outlets = settings, top_k, filters, snap.sources
        self.cache = cache  # chunk texts and vectors of the record, kept locally
        self.n = max(settings.candidates, top_k)
        self.snap = snap  # one generation for the whole question, whatever an ingest swaps in meanwhile
        self.keyword = snap.keyword
        self.store = store

    def passages(self, query_bundle: QueryBundle) -> list[Passage]:
        s = self.settings
        plan = query.plan(query_bundle.query_str, self.outlets)
        kw_text = plan.keyword_text if s.clean_query else plan.text
        use_dense, use_kw = s.dense_weight > 0, s.keyword_weight > 0
        # Straight from the store, not through llama-index nodes: converting 50 candidates to nodes and
        # back cost more than the vector search itself.
        kw = self.keyword
        allowed = kw.allowed_slots(self.filters)
        docs = None if not self.filters else [d for d, a in self.snap.articles.items() if self.filters.admits(a.source, a.date)]
        # Only chunks of this generation: what a writer added since (or is adding) waits for the next question.
        dense = [(c, v) for c, v in self.store.nearest(query_bundle.embedding, self.n, docs) if kw.position(c) is not None] if use_dense else []
        dense_scores = dict(dense)

        whole = kw.hits(kw_text) if use_kw else None
        parts = plan.parts if s.parts and use_kw else []
        part_scores = [kw.hits(p.keyword_text) for p in parts]
        picks = [] if whole is None else [_top(whole, self.n, allowed)]
        named = kw.outlet_slots(plan.outlets) if plan.outlets and s.outlet_boost > 0 else None
        if whole is not None and named is not None:
            among = named if allowed is None else np.intersect1d(named, allowed, assume_unique=True)
            picks.append(_top(whole, s.outlet_candidates, among))
        for ps in part_scores:
            if ps is not None:
                picks.append(_top(ps, s.part_candidates, allowed))
        ids = list(dict.fromkeys([cid for cid, _ in dense] + [kw.ids[int(i)] for pick in picks for i in pick]))
        if not ids:
            return []
        if s.fusion == "rrf":
            fused = self._rrf(dense, whole, allowed)
        else:
            fused = self._zscore(ids, query_bundle, plan, dense_scores, whole, part_scores, parts)
        best = _diversify(sorted(fused, key=fused.__getitem__, reverse=True), s.distinct_articles)[: self.top_k]
        chunks = self.cache.chunks(best)
        kw_of = {c: self._at(whole, c) for c in best}
        return [Passage(chunk=chunks[c], score=fused[c], dense=dense_scores.get(c), keyword=kw_of[c]) for c in best if c in chunks]

    def _at(self, scores: Hits | None, chunk_id: str) -> float | None:
        pos = self.keyword.position(chunk_id) if scores is not None else None
        return float(scores.at([pos])[0]) if pos is not None else None

    def _zscore(self, ids, query_bundle, plan, dense_scores, whole, part_scores, parts) -> dict[str, float]:
        """Each signal standardized over the candidates, so that a signal adds as much as it is sure:
        a BM25 score far above the others counts more than a rank."""
        s = self.settings
        dense = np.zeros(len(ids), dtype=np.float32)
        if s.dense_weight > 0:
            missing = [c for c in ids if c not in dense_scores]
            vecs = self.cache.chunk_vectors(missing)
            q = np.asarray(query_bundle.embedding, dtype=np.float32)
            extra = {c: float(v @ q) for c, v in vecs.items()}
            floor = min(dense_scores.values(), default=0.0)
            dense = np.array([dense_scores.get(c, extra.get(c, floor)) for c in ids], dtype=np.float32)
        pos = [self.keyword.position(c) for c in ids]

        at = np.array([p if p is not None else -1 for p in pos], dtype=np.int64)

        def keyword_of(scores: Hits | None) -> np.ndarray:
            return np.zeros(len(ids), dtype=np.float32) if scores is None else scores.at(at)

        meta = {c: self.keyword.source_date(p) for c, p in zip(ids, pos)}
        outlets = {o.strip().lower() for o in plan.outlets}

        def from_outlets(names: set[str]) -> np.ndarray:
            return np.array([meta[c][0] in names for c in ids], dtype=np.float32)

        base = s.dense_weight * _standardize(dense)
        named = from_outlets(outlets) if outlets and s.outlet_boost > 0 else np.zeros(len(ids), dtype=np.float32)
        score = base + s.keyword_weight * _standardize(keyword_of(whole)) + s.outlet_boost * named
        scored_parts = [(ps, p) for ps, p in zip(part_scores, parts) if ps is not None]
        if len(scored_parts) > 1:
            per = []
            for ps, p in scored_parts:
                own = from_outlets({o.strip().lower() for o in p.outlets}) if p.outlets and s.outlet_boost > 0 else named
                per.append(base + s.keyword_weight * _standardize(keyword_of(ps)) + s.outlet_boost * own)
            score = (score + s.part_weight * np.max(per, axis=0)) / (1 + s.part_weight)
        if plan.days and s.date_boost > 0:
            days = np.array([query.day_matches(_iso(meta[c][1]), plan.days) for c in ids], dtype=np.float32)
            score = score + s.date_boost * days
        return dict(zip(ids, score.tolist()))

    def _rrf(self, dense, whole, allowed) -> dict[str, float]:
        """Plain weighted reciprocal-rank fusion of the two rankings (the usual hybrid; kept to
        measure against)."""
        s = self.settings
        fused: dict[str, float] = {}
        for rank, (cid, _) in enumerate(dense):
            fused[cid] = fused.get(cid, 0.0) + s.dense_weight / (s.rrf_k + rank + 1)
        if whole is not None:
            for rank, i in enumerate(_top(whole, self.n, allowed)):
                cid = self.keyword.ids[int(i)]
                fused[cid] = fused.get(cid, 0.0) + s.keyword_weight / (s.rrf_k + rank + 1)
        return fused


def _diversify(order: list[str], distinct: int) -> list[str]:
    """`order` with its first `distinct` places taken by different articles where it can: the best
    chunk of a runner-up article moves up past the second chunk of the leading one."""
    head, rest, seen = [], list(order), set()
    while rest and len(head) < distinct:
        pick = next((c for c in rest if _article(c) not in seen), rest[0])
        rest.remove(pick)
        head.append(pick)
        seen.add(_article(pick))
    return head + rest


def _article(chunk_id: str) -> str:
    return chunk_id.rsplit("-", 1)[0]  # qa.chunk.chunk_id: <article hash>-<index>


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}" if day else ""
