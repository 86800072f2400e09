"""The keyword side of retrieval: BM25 (Lucene's variant, k1 1.5, b 0.75, as bm25s computes it)
over title + chunk text.

An index is immutable: adding, changing or removing articles makes the next index beside it
(`apply`), sharing every posting list it does not touch, so a question reads the index it started
with to the end and an ingest never rebuilds the whole index. A posting list grows by segments:
what a batch adds to a term is kept beside the term's list and merged into it only once the
segments reach an eighth of it, so adding a batch costs what the batch holds, not a copy of every
long list it touches (at a million chunks that copy was ~54M entries, ~0.6 s, per ingest batch). Scores depend on the collection
(document count, average length, document frequencies), so they are computed per index at query
time, each term's once (memoized): the same as a full rebuild would give."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np

from qa.types import ArticleInfo, Filters

# Part of the cache's format tag (qa.cache): an index built with other terms is rebuilt from the record.
# (3: British spellings made American)
VERSION = 3
K1, B = 1.5, 0.75
MERGE_FRACTION = 8  # a term's added segments are merged into its list once they reach 1/8 of it
MAX_SEGMENTS = 32  # ... or once there are this many
EMPTY = "\u2205"  # the one term of a chunk with no words (as bm25s indexes it)
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


@lru_cache(maxsize=1)
def _american() -> dict[str, str]:
    """British spellings and their American ones ("labour" -> "labor", "defence" -> "defense"):
    breame's table of 1,730 words, so that a question finds an article written in the other."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return BRITISH_ENGLISH_SPELLINGS


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words of `text` (stopwords dropped), each in one spelling."""
    american = _american()
    words = [american.get(w, w) for w in (w.replace("’", "'").split("'")[0] for w in _TOKEN.findall(text.lower()))]
    stop = stopwords()
    return _stemmer().stemWords([w for w in words if w not in stop and len(w) > 1])


@lru_cache(maxsize=1024)
def term_set(text: str) -> frozenset[str]:
    """`terms` as a set, cached: a question's words are compared with every candidate sentence."""
    return frozenset(terms(text))


Entry = tuple[str, str, list[str]]  # (chunk id, article id, its terms)


def coverage(weights: dict[str, float], words: set[str] | frozenset[str]) -> float:
    """Share of the query's weight (its words' rarity) that the words cover."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in words) / total if total else 0.0


def _joined(xs: list[str]) -> np.ndarray:
    return np.frombuffer("\x00".join(xs).encode("utf-8"), dtype=np.uint8) if xs else np.zeros(0, np.uint8)


def _split(a: np.ndarray) -> list[str]:
    return bytes(np.asarray(a)).decode("utf-8").split("\x00") if len(a) else []


class KeywordIndex:
    """One generation of the keyword index; never changed once made."""

    def __init__(self, articles: Mapping[str, ArticleInfo] | None = None) -> None:
        self.articles: Mapping[str, ArticleInfo] = articles if articles is not None else {}
        self.ids: list[str] = []  # slot -> chunk id ("" once removed)
        self._slot: dict[str, int] = {}
        self._doc_slots: dict[str, tuple[int, ...]] = {}
        self._docs: list[str] = []  # article number -> id (numbers are never reused)
        self._doc_no: dict[str, int] = {}
        self._slot_doc = np.zeros(0, dtype=np.int32)
        self._dl = np.zeros(0, dtype=np.int32)
        self._alive = np.zeros(0, dtype=bool)
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # term -> (slots, term frequencies)
        self._tails: dict[str, tuple[tuple[np.ndarray, np.ndarray], ...]] = {}  # term -> segments added after its list
        self._n = 0
        self._total = 0
        self._memo: dict[str, tuple[int, np.ndarray | None, np.ndarray | None]] = {}
        self._doc_meta: tuple[np.ndarray, np.ndarray] | None = None
        self._doc_outlet: tuple[dict[str, int], np.ndarray] = ({}, np.zeros(0, np.int32))  # outlet -> number; per article its number
        self._outlet_slots: dict[frozenset[str], np.ndarray] = {}
        self._norm_memo: np.ndarray | None = None
        self._lock = threading.Lock()

    # -- building (each returns a new index) ------------------------------------------------------
    @classmethod
    def build(cls, entries: Iterable[Entry], articles: Mapping[str, ArticleInfo], block: int = 50_000) -> KeywordIndex:
        """The index of `entries`, taken `block` chunks at a time: counting a million chunks' tokens
        in one go held ~100M Python ints (several GB) at once."""
        index, part = cls(articles), []
        for e in entries:
            part.append(e)
            if len(part) >= block:
                index, part = index.apply((), part, articles), []
        return index.apply((), part, articles)

    # -- as arrays (qa.keyword_file keeps them on disk) -------------------------------------------
    def to_arrays(self) -> dict[str, np.ndarray]:
        """The index as flat arrays, removed chunks dropped: chunk ids and article ids (newline-joined
        UTF-8), per chunk its article number and length, and the posting lists one after another
        (CSR: `offsets[i]:offsets[i+1]` are term i's slots and term frequencies)."""
        idx = self
        if len(self.ids) != self._n:
            idx = self.apply((), (), self.articles)
            idx._compact()
        vocab = list(idx._postings)
        lists = [idx._posting(t) for t in vocab]
        lengths = np.fromiter((len(p[0]) for p in lists), dtype=np.int64, count=len(vocab))
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return {
            "ids": _joined(idx.ids),
            "docs": _joined(idx._docs),
            "vocab": _joined(vocab),
            "slot_doc": idx._slot_doc.astype(np.int32),
            "dl": idx._dl.astype(np.int32),
            "offsets": offsets,
            "slots": np.concatenate([p[0] for p in lists]).astype(np.int32) if vocab else np.zeros(0, np.int32),
            "tfs": np.concatenate([p[1] for p in lists]).astype(np.float32) if vocab else np.zeros(0, np.float32),
        }

    @classmethod
    def from_arrays(cls, a: Mapping[str, np.ndarray], articles: Mapping[str, ArticleInfo]) -> KeywordIndex:
        """The index `to_arrays` gave; the arrays may be read-only memory maps (posting lists are
        views into them, read from disk when a question first needs them)."""
        new = cls(articles)
        new.ids, new._docs = _split(a["ids"]), _split(a["docs"])
        new._slot = {c: i for i, c in enumerate(new.ids)}
        new._doc_no = {d: i for i, d in enumerate(new._docs)}
        new._slot_doc, new._dl = a["slot_doc"], a["dl"]
        new._alive = np.ones(len(new.ids), dtype=bool)
        new._n, new._total = len(new.ids), int(np.asarray(new._dl, dtype=np.int64).sum())
        order = np.argsort(new._slot_doc, kind="stable")  # each article's slots, ascending
        cuts = np.flatnonzero(np.diff(new._slot_doc[order])) + 1
        for part in np.split(order, cuts) if len(order) else ():
            new._doc_slots[new._docs[int(new._slot_doc[part[0]])]] = tuple(part.tolist())
        off, slots, tfs = a["offsets"], a["slots"], a["tfs"]
        new._postings = {t: (slots[off[i] : off[i + 1]], tfs[off[i] : off[i + 1]]) for i, t in enumerate(_split(a["vocab"]))}
        return new

    def apply(self, removed: Iterable[str], added: Iterable[Entry], articles: Mapping[str, ArticleInfo]) -> KeywordIndex:
        """The next index: the chunks of the articles in `removed` gone, `added` in (an article in
        both is replaced). `articles`: the registry of the new generation."""
        new = KeywordIndex(articles)
        new.ids, new._slot, new._doc_slots = list(self.ids), dict(self._slot), dict(self._doc_slots)
        new._docs, new._doc_no = list(self._docs), dict(self._doc_no)
        new._n, new._total = self._n, self._total
        alive, dl = self._alive.copy(), self._dl
        added = list(added)
        for doc in set(removed) | {d for _, d, _ in added}:
            for s in new._doc_slots.pop(doc, ()):
                if alive[s]:
                    alive[s] = False
                    new._n -= 1
                    new._total -= int(dl[s])
                    del new._slot[new.ids[s]]
                    new.ids[s] = ""
        base = len(new.ids)
        vocab: dict[str, int] = {}
        tok_ids: list[int] = []
        tok_slots: list[int] = []
        slot_doc, lengths = [], []
        for i, (cid, doc, toks) in enumerate(added):
            s = base + i
            toks = toks or [EMPTY]
            new.ids.append(cid)
            new._slot[cid] = s
            new._doc_slots[doc] = (*new._doc_slots.get(doc, ()), s)
            if doc not in new._doc_no:
                new._doc_no[doc] = len(new._docs)
                new._docs.append(doc)
            slot_doc.append(new._doc_no[doc])
            lengths.append(len(toks))
            tok_ids += [vocab.setdefault(t, len(vocab)) for t in toks]
            tok_slots += [s] * len(toks)
        new._n += len(added)
        new._total += sum(lengths)
        new._slot_doc = np.concatenate([self._slot_doc, np.asarray(slot_doc, dtype=np.int32)])
        new._dl = np.concatenate([dl, np.asarray(lengths, dtype=np.int32)])
        new._alive = np.concatenate([alive, np.ones(len(added), dtype=bool)])
        new._postings, new._tails = dict(self._postings), dict(self._tails)
        if tok_ids:
            # (term, slot) pairs counted and grouped by term with numpy: a Python loop per token
            # made building an index of 10k chunks take seconds.
            pairs, tf = np.unique(np.asarray(tok_ids, dtype=np.int64) * (base + len(added)) + np.asarray(tok_slots, dtype=np.int64), return_counts=True)
            terms_of, slots = np.divmod(pairs, base + len(added))
            cuts = np.flatnonzero(np.diff(terms_of)) + 1
            names = list(vocab)
            for t_id, s_arr, tf_arr in zip(terms_of[np.r_[0, cuts]], np.split(slots.astype(np.int32), cuts), np.split(tf.astype(np.float32), cuts)):
                t = names[int(t_id)]
                old = new._postings.get(t)
                if old is None:
                    new._postings[t] = (s_arr, tf_arr)
                    continue
                tails = (*new._tails.get(t, ()), (s_arr, tf_arr))
                if sum(len(x[0]) for x in tails) * MERGE_FRACTION >= len(old[0]) or len(tails) > MAX_SEGMENTS:
                    new._postings[t] = (np.concatenate([old[0], *(x[0] for x in tails)]), np.concatenate([old[1], *(x[1] for x in tails)]))
                    new._tails.pop(t, None)
                else:
                    new._tails[t] = tails
        if len(new.ids) - new._n > max(1000, new._n // 2):
            new._compact()
        return new

    def _compact(self) -> None:
        """Drop the slots of removed chunks (they only cost memory and time once many)."""
        keep = np.flatnonzero(self._alive)
        remap = np.full(len(self.ids), -1, dtype=np.int32)
        remap[keep] = np.arange(len(keep), dtype=np.int32)
        postings = {}
        for t in self._postings:
            slots, tfs = self._posting(t)
            live = self._alive[slots]
            if live.any():
                postings[t] = (remap[slots[live]], tfs[live])
        self._postings, self._tails = postings, {}
        self.ids = [self.ids[i] for i in keep]
        self._slot = {c: i for i, c in enumerate(self.ids)}
        self._doc_slots = {d: tuple(int(remap[s]) for s in ss) for d, ss in self._doc_slots.items()}
        self._slot_doc, self._dl, self._alive = self._slot_doc[keep], self._dl[keep], np.ones(len(keep), dtype=bool)

    # -- reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    def chunk_ids(self) -> set[str]:
        return set(self._slot)

    def _posting(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(slots, term frequencies) of every chunk holding `term`: its list and the segments added since."""
        post = self._postings.get(term)
        tails = self._tails.get(term)
        if post is None or not tails:
            return post
        return np.concatenate([post[0], *(x[0] for x in tails)]), np.concatenate([post[1], *(x[1] for x in tails)])

    def _term(self, term: str) -> tuple[int, np.ndarray | None, np.ndarray | None]:
        """(document frequency, BM25 weight of the term in each chunk holding it, those chunks' slots)
        in this index."""
        got = self._memo.get(term)
        if got is None:
            post = self._posting(term)
            if post is None or not self._n:
                got = (0, None, None)
            else:
                # plain arrays, not the file's memory maps: numpy's memmap subclass made every
                # operation on them (and on what they give) slower
                slots, tfs = np.asarray(post[0]), np.asarray(post[1])
                live = self._alive[slots]
                df = int(live.sum())
                if df == 0:
                    got = (0, None, None)
                else:
                    idf = np.float32(math.log(1 + (self._n - df + 0.5) / (df + 0.5)))
                    tf = tfs.astype(np.float64)
                    w = (idf * (tf / (self._norm()[slots] + tf))).astype(np.float32)
                    got = (df, w if df == len(slots) else np.where(live, w, np.float32(0)), slots)
            self._memo[term] = got  # a dict assignment: threads that both compute it store the same
        return got

    def _norm(self) -> np.ndarray:
        """Per slot, BM25's length normalization k1 * (1 - b + b * length / average length): once per
        index, not once per posting of every term a question brings (the same float64 values)."""
        norm = self._norm_memo
        if norm is None:
            with self._lock:
                if self._norm_memo is None:
                    self._norm_memo = K1 * ((1 - B) + B * np.asarray(self._dl) / (self._total / self._n))
                norm = self._norm_memo
        return norm

    def knows(self, term: str) -> bool:
        """Does any chunk hold this (stemmed) term?"""
        return self._term(term)[0] > 0

    def idf(self, term: str) -> float:
        n = max(self._n, 1)
        return math.log(1 + n / (1 + self._term(term)[0]))

    def hits(self, query: str) -> Hits | None:
        """The BM25 scores of `query` (`Hits`: read at positions, or their best n); None when the index
        is empty or holds none of the query's terms."""
        toks = [t for t in terms(query) if self.knows(t)]
        if not toks:
            return None
        out = np.zeros(len(self.ids), dtype=np.float32)
        first = True
        for t in toks:  # in query order, a repeated term counting each time (as bm25s sums them)
            _, w, slots = self._term(t)
            if first:  # 0 + w is w: set, not gathered, added and set again
                out[slots] = w
                first = False
            else:
                out[slots] += w
        return Hits(out)

    def scores(self, query: str) -> np.ndarray | None:
        """BM25 score of every slot for `query` (aligned with `ids`); None when the index is empty or
        holds none of the query's terms."""
        hits = self.hits(query)
        return None if hits is None else hits.scores

    def _meta(self) -> tuple[np.ndarray, np.ndarray]:
        """Per article number: lower-cased outlet and yyyymmdd (0 undated), from the registry."""
        if self._doc_meta is None:
            with self._lock:
                if self._doc_meta is None:
                    infos = [self.articles.get(d) for d in self._docs]
                    src = np.array([(a.source.strip().lower() if a else "") for a in infos], dtype=object)
                    day = np.array([(int(a.date.replace("-", "")) if a and a.date else 0) for a in infos], dtype=np.int64)
                    names, codes = np.unique(src.astype(str), return_inverse=True) if len(src) else (np.zeros(0, str), np.zeros(0, np.int64))
                    self._doc_outlet = ({str(n): i for i, n in enumerate(names)}, codes.astype(np.int32))
                    self._doc_meta = (src, day)
        return self._doc_meta

    def allowed(self, filters: Filters | None) -> np.ndarray | None:
        """Which slots pass the filters (None: all of them), decided by `Filters.admits` per article."""
        if not filters or not self._n:
            return None
        ok = np.array([(a := self.articles.get(d)) is not None and filters.admits(a.source, a.date) for d in self._docs], dtype=bool)
        return ok[self._slot_doc] & self._alive if len(ok) else self._alive.copy()

    def allowed_slots(self, filters: Filters | None) -> np.ndarray | None:
        """The positions (ascending) of the chunks that pass the filters; None: all of them."""
        keep = self.allowed(filters)
        return None if keep is None else np.flatnonzero(keep)

    def from_outlets(self, outlets: Iterable[str]) -> np.ndarray:
        """Which slots come from one of `outlets`."""
        self._meta()
        number, codes = self._doc_outlet
        wanted = [number[o] for o in {s.strip().lower() for s in outlets} if o in number]
        return np.isin(codes, wanted)[self._slot_doc] & self._alive

    def outlet_slots(self, outlets: Iterable[str]) -> np.ndarray:
        """The positions (ascending) of the chunks from one of `outlets`; kept per index (it never
        changes), so a question naming an outlet reads that outlet's chunks, not a mask of every chunk."""
        key = frozenset(s.strip().lower() for s in outlets)
        got = self._outlet_slots.get(key)
        if got is None:
            got = np.flatnonzero(self.from_outlets(key))
            with self._lock:
                if len(self._outlet_slots) >= 64:
                    self._outlet_slots.clear()
                self._outlet_slots[key] = got
        return got

    def source_date(self, pos: int | None) -> tuple[str, int]:
        """(lower-cased outlet, yyyymmdd or 0) of the chunk at `pos` in `ids`."""
        if pos is None:
            return "", 0
        src, day = self._meta()
        d = self._slot_doc[pos]
        return str(src[d]), int(day[d])

    def position(self, chunk_id: str) -> int | None:
        """Where `chunk_id` sits in `ids` (and in every array aligned with it)."""
        return self._slot.get(chunk_id)

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score) of the best `k` chunks that match the filters, best first (equal
        scores in index order)."""
        hits = self.hits(query)
        if hits is None:
            return []
        top = hits.top(k, self.allowed_slots(filters))
        return [(self.ids[int(i)], float(hits.scores[i])) for i in top]


_BLOCK = 256


def top_positions(values: np.ndarray, n: int) -> np.ndarray:
    """Positions of the best `n` positive `values`, best first; equal values in position order (the
    `n`-th best value's ties: the first ones). Without a partition of the whole array (at a million
    chunks, several per question cost more than scoring): the n-th best of the blocks' maxima is a
    floor that n values reach, so the best n are among the values at or above it, usually few."""
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    blocks = len(values) // _BLOCK
    floor = 0.0
    if blocks >= 4 * n:
        maxima = values[: blocks * _BLOCK].reshape(blocks, _BLOCK).max(axis=1)
        floor = float(np.partition(maxima, blocks - n)[blocks - n])
    pos = np.flatnonzero(values >= floor) if floor > 0 else np.flatnonzero(values > 0)
    if len(pos) > n:
        v = values[pos]
        kth = np.partition(v, len(v) - n)[len(v) - n]  # the n-th best value
        above = v > kth
        tied = np.flatnonzero(v == kth)[: n - int(above.sum())]
        pos = np.sort(np.concatenate([pos[above], pos[tied]]))
    return pos[np.lexsort((pos, -values[pos]))]


class Hits:
    """The BM25 scores of one query over every slot (`scores`, aligned with `ids`), and what a
    question reads of them: the scores at some positions, the best n (among some positions)."""

    __slots__ = ("scores",)

    def __init__(self, scores: np.ndarray) -> None:
        self.scores = scores

    def at(self, positions) -> np.ndarray:
        """The scores at these positions in `ids` (a position may be -1: none, scoring 0)."""
        positions = np.asarray(positions, dtype=np.int64)
        return np.where(positions >= 0, self.scores[positions], np.float32(0)) if len(positions) else np.zeros(0, dtype=np.float32)

    def top(self, n: int, among: np.ndarray | None = None) -> np.ndarray:
        """Positions in `ids` of the best `n` positive scores, best first, equal scores in index order.
        `among`: the positions (ascending) that may be picked; None: all."""
        if among is None:
            return top_positions(self.scores, n)
        return among[top_positions(self.scores[among], n)].astype(np.int64)
