"""Evidence that tells of a claim's thing with one of its details replaced: "a knee injury" asked, "an
ankle injury" told; "a high ankle sprain" asked, "a low ankle sprain" told; "beat X 3-2" asked, "beat X
5-3" told. Such a sentence says No to the claim as plainly as one that negates it, when it never gives
the claim's own detail."""

from __future__ import annotations

import re

from qa import lexicon, nlp
from qa.keyword import terms


def other_modifier(question: str, sentences: list[str]) -> bool:
    """Does one of the sentences that names one of the claim's things (a proper noun of it) give a noun of the claim with
    another modifier in the modifier's place: a common noun of a kind WordNet puts beside the claim's
    ("ankle" for "knee": joints; "silver" for "gold": noble metals), or an adjective WordNet makes its opposite ("low" for
    "high")? Not a sentence that gives the claim's own modifier too."""
    asked = []
    doc = nlp.parse(question)
    # (its proper nouns however the recognizer cuts its names: "Did Rams" for "Did Rams receiver Cooper Kupp ...")
    names = set(terms(" ".join(t.text for t in doc if t.pos_ == "PROPN" and t.i > 0)))
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        # (a common word before the noun: names, numbers and ordinals are other checks' matter)
        asked += [(t.lemma_.lower(), m.lemma_.lower(), m.pos_, set(terms(m.text))) for m in t.children
                  if m.dep_ in ("compound", "amod") and m.i < t.i and m.pos_ in ("NOUN", "ADJ") and m.is_lower and m.is_alpha]
    if not asked:
        return False
    for s in sentences:
        words = set(terms(s))
        if not names & words:
            continue
        for u in nlp.parse(s):
            for noun, mod, pos, own in asked:
                if u.lemma_.lower() != noun or own & words:
                    continue  # (nor one that gives the claim's own too: "a knee and an ankle injury")
                for c in u.children:
                    if c.dep_ not in ("compound", "amod") or c.i > u.i or not c.is_lower or c.lemma_.lower() == mod:
                        continue
                    if pos == "NOUN" and c.pos_ == "NOUN" and lexicon.co_kinds(mod, c.lemma_):
                        return True
                    if pos == "ADJ" and c.pos_ == "ADJ" and c.lemma_.lower() in lexicon.antonyms(mod, "ADJ"):
                        return True
    return False


# A score or a record as English writes it: two small numbers joined by a dash ("3-2", "20 – 12").
_PAIR = re.compile(r"(?<![\d.,])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,])")


def other_score(question: str, sentence: str) -> bool:
    """Does the sentence give the claim's act another score, and never the claim's ("who beat Shakhtar
    Donetsk 5-3" against "Did Porto beat Shakhtar Donetsk 3-2?")? A score is the act's when the parse hangs
    it from a verb of the claim's lemma; either order of its numbers is the same score ("lost 2-3")."""
    asked = [(m, _verb_of(question, m.start())) for m in _PAIR.finditer(question)]
    asked = [(frozenset(m.groups()), v) for m, v in asked if v]
    if not asked:
        return False
    told = {frozenset(m.groups()): _verb_of(sentence, m.start()) for m in _PAIR.finditer(sentence)}
    return any(score not in told and verb in told.values() for score, verb in asked)


def _verb_of(text: str, at: int) -> str:
    """The lemma of the verb the number at character `at` hangs from, "" for none."""
    tok = next((t for t in nlp.parse(text) if t.idx == at), None)
    return tok.head.lemma_.lower() if tok is not None and tok.head.pos_ == "VERB" else ""
