"""A story over time: every article on a topic in date order, each with the one sentence that says
what it reported, and a mark where an article reports something other than the one before it.

The sentence: a headline says what is new in an article, and its lede restates it; so among the
article's sentences that speak to the topic, the one closest to both the headline and the topic is
taken. A change: an entry of a later day than the one before whose sentence does not restate that
one's (cosine below `same_story`), or that denies or reverses ("not true", "denied", "retracted").
Both sentences are then shown side by side. Articles retrieved for the topic with no sentence at
least `min_topic` similar to it are left out."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import numpy as np

from qa.sentences import candidate_sentences
from qa.types import Passage

# Words by which an article says an earlier report or decision no longer holds.
_REVERSAL = re.compile(
    r"\b(not true|denied|denies|deny|dismiss(?:ed|es)?|retract(?:ed|s)?|revers(?:ed|es|al)|reverse|"
    r"suspend(?:ed|s)?|halt(?:ed|s)?|scrap(?:ped|s)?|withdr[ae]w(?:s|n)?|no longer|instead|backtrack(?:ed|s)?|u-turn)\b",
    re.IGNORECASE,
)


@dataclass
class TimelineEntry:
    n: int  # citation number, in date order
    doc_id: str
    title: str
    source: str
    date: str  # ISO day, "" when undated (listed last)
    url: str
    sentence: str  # what the article reports
    passage: str  # the passage holding the sentence
    score: float  # how close the sentence is to the topic (cosine)
    change: bool = False  # reports something other than the entry before
    before: str = ""  # the earlier entry's sentence, when `change`
    before_n: int = 0

    def to_json(self) -> dict:
        return asdict(self)


LEDE_SENTENCES = 4


def build(
    topic_vec: np.ndarray, passages: list[Passage], encode, same_story: float = 0.8, max_articles: int = 20,
    lede_bonus: float = 0.2, echo_weight: float = 0.5, min_topic: float = 0.3,
) -> list[TimelineEntry]:
    """The timeline from retrieved passages; `encode` turns texts into normalized vectors."""
    by_doc: dict[str, list[Passage]] = {}
    for p in passages:
        by_doc.setdefault(p.chunk.doc_id, []).append(p)
    docs = list(by_doc.items())[:max_articles]
    sents: list[tuple[str, Passage, str]] = []  # (doc_id, passage, sentence)
    offsets: list[int] = []  # where each sentence starts in its article
    for doc_id, ps in docs:
        for p in ps:
            for a, _, s in candidate_sentences(p.chunk):
                sents.append((doc_id, p, s))
                offsets.append(p.chunk.start + a)
    if not sents:
        return []
    titles = [ps[0].chunk.title or "" for _, ps in docs]
    vecs = encode([s for _, _, s in sents] + titles)
    svec, tvec = vecs[: len(sents)], vecs[len(sents):]
    topic = np.asarray(topic_vec, dtype=np.float32)
    to_topic = svec @ topic
    entries: list[TimelineEntry] = []
    for d, (doc_id, _) in enumerate(docs):
        rows = [i for i, (di, _, _) in enumerate(sents) if di == doc_id]
        if not rows or float(to_topic[rows].max()) < min_topic:  # retrieved, but no sentence is on the topic
            continue
        to_title = svec[rows] @ tvec[d] if titles[d] else np.zeros(len(rows))
        # The lede (the article's first sentences) says what is new; background repeated by other
        # articles on the story ("the pact was signed in 2016") does not.
        order = np.argsort(np.argsort([offsets[i] for i in rows]))
        lede = np.where(order < LEDE_SENTENCES, lede_bonus, 0.0)
        others = [i for i, (di, _, _) in enumerate(sents) if di != doc_id]
        echo = (svec[rows] @ svec[others].T).max(axis=1) if others else np.zeros(len(rows))
        best = rows[int(np.argmax(to_topic[rows] + to_title + lede - echo_weight * echo))]
        _, p, s = sents[best]
        c = p.chunk
        entries.append(TimelineEntry(0, doc_id, c.title, c.source, c.date, c.url, s, c.text, round(float(to_topic[best]), 3)))
    # Dated first, oldest first; undated last. Ties (same day) keep retrieval order.
    entries.sort(key=lambda e: (e.date == "", e.date))
    ev = encode([e.sentence for e in entries]) if entries else np.zeros((0, 1))
    for i, e in enumerate(entries):
        e.n = i + 1
        if i == 0:
            continue
        prev = entries[i - 1]
        if e.date == prev.date:  # the same day's news from another outlet (or both undated): not a change
            continue
        differs = float(ev[i] @ ev[i - 1]) < same_story
        reverses = bool(_REVERSAL.search(e.sentence)) and not _REVERSAL.search(prev.sentence)
        if differs or reverses:
            e.change, e.before, e.before_n = True, prev.sentence, prev.n
    return entries
