"""The keyword ranking without a partition of every chunk's score per pick (KeywordIndex.hits,
Hits.top): the same scores, to the last bit, as the dense array it was, and the same top-n as a full
sort of it, ties in index order, whatever the filters and outlets."""

from __future__ import annotations

import math

import numpy as np

from eval.gold import DEFAULT_GOLD, load_gold
from qa import query
from qa.keyword import Hits, KeywordIndex, terms, top_positions
from qa.types import Filters


def _dense(kw: KeywordIndex, q: str) -> np.ndarray | None:
    """The dense scoring as it was: an array over every slot, each term's weights added in query order."""
    toks = [t for t in terms(q) if kw.knows(t)]
    if not toks:
        return None
    out = np.zeros(len(kw.ids), dtype=np.float32)
    for t in toks:
        _, w, slots = kw._term(t)
        out[slots] += w
    return out


def _dense_top(scores: np.ndarray, n: int, keep: np.ndarray | None = None) -> list[int]:
    """The best `n` positive scores over the whole array, ties by position (a full sort: the reference)."""
    if keep is not None:
        scores = np.where(keep, scores, np.float32(0))
    pos = np.flatnonzero(scores > 0)
    return pos[np.lexsort((pos, -scores[pos]))][:n].tolist()


def _queries(engine) -> list[str]:
    qs = []
    for g in load_gold(DEFAULT_GOLD):
        plan = query.plan(g.question, engine.library.current().sources)
        qs += [plan.keyword_text, plan.text, *(p.keyword_text for p in plan.parts)]
    return qs + ["GSOMIA GSOMIA termination", "the of and", "zzzz qqqq", ""]


def test_sparse_scores_equal_the_dense_array_to_the_bit_on_the_seeds(engine):
    kw = engine.library.current().keyword
    compared = 0
    for q in _queries(engine):
        ref, hits = _dense(kw, q), kw.hits(q)
        assert (ref is None) == (hits is None), q
        if ref is None:
            continue
        assert np.array_equal(hits.scores, ref), q  # float32, bit for bit
        assert np.array_equal(kw.scores(q), ref), q
        probe = np.r_[-1, np.arange(len(ref))]
        assert np.array_equal(hits.at(probe), np.r_[np.float32(0), ref]), q
        compared += 1
    assert compared > 50


def test_top_equals_a_full_sort_of_the_dense_array_with_filters_and_outlets(engine):
    kw = engine.library.current().keyword
    sources = sorted({a.source for a in kw.articles.values() if a.source})
    filters = [None, Filters(sources=(sources[0],)), Filters(sources=tuple(sources[1:3]), undated=True)]
    for q in _queries(engine):
        ref = _dense(kw, q)
        if ref is None:
            continue
        hits = kw.hits(q)
        for f in filters:
            keep = kw.allowed(f)
            for n in (1, 3, 10, 50, 10_000):
                assert hits.top(n, kw.allowed_slots(f)).tolist() == _dense_top(ref, n, keep), (q, f, n)
            assert kw.search(q, 7, f) == [(kw.ids[i], float(ref[i])) for i in _dense_top(ref, 7, keep)], (q, f)
        named = kw.outlet_slots(sources[:2])
        assert named.tolist() == np.flatnonzero(kw.from_outlets(sources[:2])).tolist()
        assert kw.outlet_slots([s.upper() for s in sources[:2]]) is named  # kept per index
        assert hits.top(5, named).tolist() == _dense_top(ref, 5, kw.from_outlets(sources[:2])), q


def test_the_old_selection_agrees_where_no_tie_decides(engine):
    """Where the n-th best score is not tied, argpartition over the dense array (as retrieval chose
    before) picks the same chunks in the same order."""
    kw = engine.library.current().keyword
    checked = 0
    for q in _queries(engine):
        ref = _dense(kw, q)
        if ref is None:
            continue
        for n in (5, 20, 50):
            pos = np.sort(ref[ref > 0])[::-1]
            if len(pos) > n and pos[n - 1] == pos[n] or len(np.unique(pos[:n])) < min(n, len(pos)):
                continue
            m = min(n, len(pos))
            old = np.argpartition(-ref, m - 1)[:m]
            old = old[np.argsort(-ref[old])]
            assert kw.hits(q).top(n).tolist() == old.tolist(), (q, n)
            checked += 1
    assert checked > 20


def test_ties_are_broken_by_position_whatever_else_the_array_holds():
    values = np.array([0, 3, 1, 3, 0, 2, 3, 0, 1], dtype=np.float32)
    assert top_positions(values, 2).tolist() == [1, 3]
    assert top_positions(values, 4).tolist() == [1, 3, 6, 5]
    assert top_positions(values, 6).tolist() == [1, 3, 6, 5, 2, 8]
    assert top_positions(values, 100).tolist() == [1, 3, 6, 5, 2, 8]
    assert top_positions(values, 0).tolist() == []
    assert top_positions(np.zeros(4, dtype=np.float32), 3).tolist() == []
    hits = Hits(np.array([0, 0, 1.5, 0, 0, 2.5, 0, 0, 0, 2.5, 0, 0], dtype=np.float32))
    assert hits.top(2).tolist() == [5, 9]
    assert hits.top(2, np.array([0, 2, 3, 9, 11])).tolist() == [9, 2]
    assert hits.at([-1, 0, 2, 9, 11]).tolist() == [0, 0, 1.5, 2.5, 0]
    rng = np.random.default_rng(0)
    for _ in range(200):  # many ties: small integer scores
        v = rng.integers(0, 4, rng.integers(0, 40)).astype(np.float32)
        n = int(rng.integers(0, 12))
        pos = np.flatnonzero(v > 0)
        assert top_positions(v, n).tolist() == pos[np.lexsort((pos, -v[pos]))][:n].tolist()


def test_a_repeated_term_counts_each_time_and_removed_chunks_score_nothing():
    from qa.types import ArticleInfo

    def info(d: str) -> ArticleInfo:
        return ArticleInfo(doc_id=d, title=d, source="S", date="", byline="", url="", chunks=1, hash=d)

    entries = [(f"c{i}", f"d{i}", terms(t)) for i, t in enumerate(["ferry storm", "ferry ferry harbour", "storm wall", "court"])]
    kw = KeywordIndex.build(entries, {f"d{i}": info(f"d{i}") for i in range(4)})
    kw = kw.apply(["d1"], [], {f"d{i}": info(f"d{i}") for i in (0, 2, 3)})
    for q in ("ferry ferry storm", "storm", "harbour", "ferry court storm ferry"):
        ref, hits = _dense(kw, q), kw.hits(q)
        assert (ref is None) == (hits is None)
        if ref is not None:
            assert np.array_equal(hits.scores, ref)
            assert all(kw.ids[i] != "" for i in hits.top(10))
    assert math.isclose(float(kw.hits("ferry ferry").at([0])[0]), 2 * float(kw.hits("ferry").at([0])[0]), rel_tol=1e-6)


def test_the_best_n_of_a_long_array_are_found_below_its_blocks_maxima():
    """Arrays long enough for the blocks' floor (many blocks per pick), scores on a coarse grid (ties
    everywhere, as copies of one text give), most slots 0 (no query term): a full sort's order."""
    rng = np.random.default_rng(1)
    for trial in range(60):
        size = int(rng.integers(1, 80)) * 1000 + int(rng.integers(0, 256))
        values = np.zeros(size, dtype=np.float32)
        hit = rng.random(size) < rng.choice([0.001, 0.05, 0.5, 1.0])
        values[hit] = rng.integers(1, rng.choice([2, 5, 50, 10_000]), int(hit.sum())) / 7
        for n in (1, 5, 30, 50):
            pos = np.flatnonzero(values > 0)
            assert top_positions(values, n).tolist() == pos[np.lexsort((pos, -values[pos]))][:n].tolist(), (trial, n)


def test_term_weights_equal_the_formula_computed_per_posting(engine):
    """The length normalization kept per index gives the same float32 weights as computing it for
    each posting, bit for bit."""
    from qa.keyword import K1, B

    kw = engine.library.current().keyword
    checked = 0
    for q in _queries(engine)[:40]:
        for t in terms(q):
            df, w, slots = kw._term(t)
            if not df:
                continue
            live = kw._alive[slots]
            idf = np.float32(math.log(1 + (kw._n - df + 0.5) / (df + 0.5)))
            tf = kw._posting(t)[1].astype(np.float64)
            ref = (idf * (tf / (K1 * ((1 - B) + B * kw._dl[slots] / (kw._total / kw._n)) + tf))).astype(np.float32)
            assert np.array_equal(w, np.where(live, ref, np.float32(0))), t
            checked += 1
    assert checked > 30
