"""Scoring functions, pure: text and rankings in, numbers out. No model, no I/O, so they are
unit-tested in milliseconds and shared by the seeds evaluation, the baselines and MultiHop-RAG."""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence

_CITATION_MARK = re.compile(r"\s*\[\d+\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "“”‘’—–"})


def strip_citations(answer: str) -> str:
    """The answer without its `[n]` markers, which are not words of the answer."""
    return _CITATION_MARK.sub("", answer or "").strip()


def normalize(text: str) -> str:
    """SQuAD-style normalization: lower case, no punctuation, no articles, single spaces."""
    text = (text or "").lower().translate(_PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


# -- answers ------------------------------------------------------------------------------------
def facts_present(answer: str, key_facts: Sequence[Sequence[str]]) -> list[bool]:
    """For each key fact, is one of its spellings in the answer (case-insensitive substring)?
    Whitespace is collapsed so a line break in an extracted sentence does not hide a match."""
    text = " ".join(strip_citations(answer).lower().split())
    return [any(" ".join(alt.lower().split()) in text for alt in alts if alt.strip()) for alts in key_facts]


def key_fact_recall(answer: str, key_facts: Sequence[Sequence[str]]) -> float:
    """Share of the key facts the answer states; 1.0 when there are none to state."""
    present = facts_present(answer, key_facts)
    return sum(present) / len(present) if present else 1.0


def answer_correct(answer: str, key_facts: Sequence[Sequence[str]]) -> bool:
    return all(facts_present(answer, key_facts))


def token_f1(prediction: str, gold: str) -> float:
    """Bag-of-tokens F1 after normalization (the SQuAD measure)."""
    p = normalize(strip_citations(prediction)).split()
    g = normalize(gold).split()
    if not p or not g:
        return float(p == g)
    common = sum((Counter(p) & Counter(g)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


# -- retrieval (article level) ------------------------------------------------------------------
def hit_at_k(ranked_docs: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """1.0 when one of the first k retrieved passages comes from a relevant article."""
    rel = set(relevant)
    return float(any(d in rel for d in ranked_docs[:k]))


def mrr_at_k(ranked_docs: Sequence[str], relevant: Iterable[str], k: int = 10) -> float:
    rel = set(relevant)
    for rank, d in enumerate(ranked_docs[:k], 1):
        if d in rel:
            return 1.0 / rank
    return 0.0


# -- citations ----------------------------------------------------------------------------------
def citation_precision(cited: Sequence[str], sources: Iterable[str]) -> float | None:
    """Share of cited articles that hold the answer; None when nothing is cited (undefined, and
    an abstention must not count as a perfect or a failed citation)."""
    docs = set(cited)
    if not docs:
        return None
    return len(docs & set(sources)) / len(docs)


def citation_recall(cited: Sequence[str], sources: Iterable[str]) -> float | None:
    """Share of the gold articles cited; None when the question has no gold articles."""
    src = set(sources)
    if not src:
        return None
    return len(set(cited) & src) / len(src)


# -- aggregation --------------------------------------------------------------------------------
def mean(values: Iterable[float | bool | None]) -> float | None:
    """Mean of the defined values; None when there are none (reported as n/a, not as 0)."""
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """Linear-interpolation percentile (numpy's default), p in [0, 100]."""
    vals = sorted(values)
    if not vals:
        return None
    pos = (len(vals) - 1) * p / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)


# -- MultiHop-RAG (Tang & Yang 2024), scored exactly as the paper's retrieval_evaluate.py ------------
def _squash(text: str) -> str:
    return "".join(text.split())


def multihop_retrieval(retrieved: Sequence[str], facts: Sequence[str]) -> dict[str, float]:
    """Hits@4, Hits@10, MRR@10 and MAP@10 of one query. A chunk is relevant when a gold fact
    (whitespace removed) is a substring of it (whitespace removed). Each gold fact counts once
    towards average precision, which is divided by min(number of gold facts, 10) — duplicates in
    the evidence list included, as upstream does."""
    gold = [_squash(f) for f in facts]
    found: list[str] = []
    first = None
    ap = 0.0
    for rank, text in enumerate(retrieved[:10], 1):
        chunk = _squash(text)
        if not any(g in chunk for g in gold):
            continue
        if first is None:
            first = rank
        new = 0
        for g in gold:
            if g in chunk and g not in found:
                new += 1
                found.append(g)
        ap += new / rank
    return {
        "hits@4": float(first is not None and first <= 4),
        "hits@10": float(first is not None),
        "mrr@10": 1.0 / first if first else 0.0,
        "map@10": ap / min(len(gold), 10) if gold else 0.0,
    }


_YES = {"yes", "true", "correct", "yeah"}
_NO = {"no", "false", "incorrect", "not"}


def lenient_correct(prediction: str, gold: str) -> bool:
    """The paper's answer check (qa_evaluate.py): the lower-cased prediction and gold answer
    share at least one whitespace-separated word."""
    return bool(set(prediction.lower().split()) & set(gold.lower().split()))


def _yes_no(text: str) -> str:
    words = normalize(text).split()
    if words and words[0] in _YES:
        return "yes"
    if words and words[0] in _NO:
        return "no"
    return normalize(text)


def opens_with_verdict(answer: str, verdict: str) -> bool:
    """Does the answer open with this verdict ("yes" / "no")?"""
    return _yes_no(strip_citations(answer)) == verdict


def strict_correct(prediction: str, gold: str) -> bool:
    """Normalized exact match; a yes/no gold answer matches a prediction that starts with the
    same verdict ("Yes, ..." == "yes")."""
    g = normalize(gold)
    if g in ("yes", "no"):
        return opens_with_verdict(prediction, g)
    return normalize(strip_citations(prediction)) == g


def contains_correct(prediction: str, gold: str) -> bool:
    """The normalized gold answer appears as a whole phrase in the normalized prediction; a
    middle ground for extractive answers, which quote a sentence rather than name the answer."""
    g = normalize(gold)
    if g in ("yes", "no"):
        return strict_correct(prediction, gold)
    return bool(g) and f" {g} " in f" {normalize(strip_citations(prediction))} "
