"""The offline answerer: no LLM. It picks the sentences of the retrieved passages that best answer
the question (meaning and shared rare words, redundancy removed), and abstains when the support
is weak."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from qa.cite import Evidence, compose
from qa.embed import Encoder
from qa.keyword import KeywordIndex, terms
from qa.sentences import SentenceVectors, candidate_sentences
from qa.settings import AnswerSettings
from qa.types import Answer, Passage

ABSTAIN = "The articles don't say."
_CAUSAL = re.compile(r"\b(because|after|amid|citing|due to|in response|pressure|pressured|as a result|so that|in order to|following|condition|lobbied|urged)\b", re.I)
# A sentence that opens with or carries one of these continues the one before it (news prose puts
# "X did A. Y simultaneously did B." side by side): it is kept with it when there is room.
_LINKED = re.compile(r"\b(simultaneously|in return|in exchange|in response|as a result|consequently|therefore|meanwhile|at the same time)\b", re.I)


@dataclass
class _Candidate:
    passage: Passage
    rank: int
    start: int
    end: int
    text: str
    key: tuple[str, int]  # (doc_id, offset in article): the same sentence in overlapping chunks


class Answerer:
    def __init__(
        self,
        encoder: Encoder,
        keyword: KeywordIndex,
        settings: AnswerSettings,
        cache_size: int = 20000,
        sentences: SentenceVectors | None = None,
    ) -> None:
        self.encoder = encoder
        self.keyword = keyword
        self.settings = settings
        self.sentences = sentences  # vectors stored at ingest; a sentence without one is encoded here
        self._cache: OrderedDict[tuple[tuple[str, int], str], tuple[np.ndarray, frozenset[str]]] = OrderedDict()
        self._cache_size = cache_size

    def _vectors(self, cands: list[_Candidate]) -> tuple[np.ndarray, list[frozenset[str]]]:
        """Sentence vectors and keyword terms: cached, else stored at ingest, else computed now."""
        cache = self._cache
        missing = [c for c in cands if (c.key, c.text) not in cache]  # with the text: an article may change
        if missing and self.sentences is not None:
            stored = self.sentences.get_with_terms({c.key: c.text for c in missing})
            for c in missing:
                if c.key in stored:
                    vec, words = stored[c.key]
                    cache[c.key, c.text] = (vec, words if words is not None else frozenset(terms(c.text)))
            missing = [c for c in missing if c.key not in stored]
        if missing:
            for c, v in zip(missing, self.encoder.encode([c.text for c in missing])):
                cache[c.key, c.text] = (v, frozenset(terms(c.text)))
        for c in cands:
            cache.move_to_end((c.key, c.text))
        entries = [cache[c.key, c.text] for c in cands]
        while len(cache) > self._cache_size:
            cache.popitem(last=False)
        return np.stack([v for v, _ in entries]), [w for _, w in entries]

    def _weights(self, query: str) -> dict[str, float]:
        """Rarity weight of each content word of the query. A word the corpus never uses still
        counts, at the average weight, so that a question about something absent is not
        'covered' by its common words alone."""
        qterms = list(dict.fromkeys(terms(query)))
        known = {t: self.keyword.idf(t) for t in qterms if self.keyword.knows(t)}
        default = float(np.mean(list(known.values()))) if known else 1.0
        return {t: known.get(t, default) for t in qterms}

    @staticmethod
    def _coverage(weights: dict[str, float], sentence_terms: set[str] | frozenset[str]) -> float:
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in sentence_terms) / total if total else 0.0

    def _candidates(self, passages: list[Passage]) -> list[_Candidate]:
        """Sentences of the passages, each once."""
        seen: set[tuple[str, int]] = set()
        out = []
        for rank, p in enumerate(passages):
            for a, b, norm in candidate_sentences(p.chunk):
                key = (p.chunk.doc_id, p.chunk.start + a)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_Candidate(p, rank, a, b, norm, key))
        return out

    def _with_continuations(self, chosen: list[int], cands: list[_Candidate]) -> list[int]:
        """Add the sentence that directly continues a chosen one (see _LINKED), at most one."""
        by_pos = {(c.passage.chunk.doc_id, c.passage.chunk.start + c.start): i for i, c in enumerate(cands)}
        for i in list(chosen):
            c = cands[i]
            nxt = next(
                (j for (doc, pos), j in sorted(by_pos.items()) if doc == c.passage.chunk.doc_id and pos > c.key[1]),
                None,
            )
            if nxt is not None and nxt not in chosen and _LINKED.search(cands[nxt].text):
                return chosen + [nxt]
        return chosen

    def unknown_names(self, question: str) -> list[str]:
        """Capitalized words of the question (names) that no article contains: a question about
        someone or something the corpus never mentions is not answered from it."""
        words = re.findall(r"(?<![.?!]\s)(?<!^)\b([A-Z][\w-]+)", question.strip())
        return [w for w in words if (t := terms(w)) and not any(self.keyword.knows(x) for x in t)]

    def answer(
        self,
        question: str,
        query: str,
        query_vecs: np.ndarray,
        passages: list[Passage],
        previous_answers: list[str] = (),
    ) -> Answer:
        """`query_vecs` holds the question's vector and, for a follow-up, the rewritten query's."""
        s = self.settings
        said = " ".join(re.sub(r"\s+", " ", prev) for prev in previous_answers)
        cands = self._candidates(passages)
        missing = self.unknown_names(question)
        if not cands or missing:
            text = ABSTAIN + (f" None of them mentions {', '.join(missing)}." if missing else "")
            return Answer(question=question, answer=text, abstained=True, passages=passages[:3], search_query=query)
        vecs, cand_terms = self._vectors(cands)
        sims = vecs @ query_vecs.T
        # For a follow-up the last vector is the question with the earlier turn's subject filled in;
        # the bare question ("Where was she travelling?") says too little to rank by.
        sem = sims[:, -1]
        weights = self._weights(query)
        lex = np.array([self._coverage(weights, t) for t in cand_terms])
        why = question.lower().lstrip().startswith("why")
        bonus = np.array([0.05 if why and _CAUSAL.search(c.text) else 0.0 for c in cands])
        rank_prior = np.array([0.04 * (1 - c.rank / max(len(passages), 1)) for c in cands])
        # A sentence an earlier answer already gave is news to nobody, unless nothing else fits.
        repeat = np.array([0.2 if said and c.text in said else 0.0 for c in cands])
        score = 0.65 * sem + 0.35 * lex + bonus + rank_prior - repeat

        order = np.argsort(-score)
        best = int(order[0])
        chosen = [best]
        for i in order[1:]:
            if len(chosen) >= s.max_sentences or score[i] < s.relative_cutoff * score[best]:
                break
            if sem[i] < s.min_similarity * 0.9:
                continue
            if max(float(vecs[i] @ vecs[j]) for j in chosen) >= s.redundancy:
                continue
            chosen.append(int(i))
        chosen = self._with_continuations(chosen, cands)

        covered = set().union(*(cand_terms[i] for i in chosen))
        coverage = self._coverage(weights, covered)
        # A follow-up alone ("Where was she travelling?") is vague: support is judged on the better of
        # the question and its rewrite.
        best_sim = float(sims.max())
        if best_sim < s.min_similarity or (coverage < s.min_coverage and best_sim < s.confident_similarity):
            return Answer(question=question, answer=ABSTAIN, abstained=True, passages=passages[:3], search_query=query)
        evidence = [Evidence(cands[i].passage, cands[i].start, cands[i].end, float(score[i])) for i in chosen]
        text, citations = compose(evidence)
        return Answer(question=question, answer=text, abstained=False, citations=citations, passages=passages, search_query=query)
