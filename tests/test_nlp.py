"""qa.nlp: a sentence whose entities were found at ingest is parsed without the entity recognizer
and gets the stored entities; everything the reader reads of the parse must be what the whole
pipeline gives (the real spaCy model)."""

from __future__ import annotations

import re
from pathlib import Path

from qa import nlp
from qa.sentences import MIN_WORDS

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _sentences(n: int = 80) -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for s in re.split(r"(?<=[.!?])\s+", f.read_text(encoding="utf-8")):
            s = re.sub(r"\s+", " ", s).strip()
            if len(s.split()) >= MIN_WORDS:
                out.append(s)
    return out[:n]


def _reading(doc) -> list[tuple]:
    """What the reader uses of a parse, token by token, and the entities."""
    toks = [(t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.lower_, t.ent_type_, t.like_num, t.is_punct) for t in doc]
    return toks + [(e.start_char, e.end_char, e.label_, e.root.i) for e in doc.ents]


def test_a_sentence_with_stored_entities_parses_as_the_whole_pipeline_does():
    texts = _sentences()
    assert len(texts) >= 50
    # (the whole pipeline as parse runs it: on the text with its apostrophes straightened)
    whole = [_reading(nlp._straight(nlp.pipeline(), t)) for t in texts]
    stored = nlp.entities(texts)  # as ingest finds them
    assert any(stored), "the seeds' sentences name people, places and dates"
    nlp.parse.cache_clear()
    nlp.know_entities(zip(texts, stored))
    try:
        assert [_reading(nlp.parse(t)) for t in texts] == whole
    finally:
        nlp.parse.cache_clear()


def test_unknown_text_gets_the_recognizer_and_known_entities_are_used():
    text = "Kang Kyung-wha met officials in Seoul on Friday to discuss the pact."
    nlp.parse.cache_clear()
    try:
        assert ("Seoul", "GPE") in {(e.text, e.label_) for e in nlp.parse(text).ents}
        # A stored reading that differs shows the parse takes the stored entities, not its own.
        other = "Mike Pompeo spoke to reporters in Bangkok about the alliance."
        nlp.know_entities([(other, [(0, 11, "ORG")])])
        doc = nlp.parse(other)
        assert [(e.text, e.label_) for e in doc.ents] == [("Mike Pompeo", "ORG")]
        assert doc[0].ent_type_ == "ORG" and doc[-3].ent_type_ == ""
        # Entities that do not fall on token boundaries are found again by the recognizer.
        odd = "Moon Jae-in flew to Bangkok for the summit on Monday."
        nlp.know_entities([(odd, [(1, 6, "PERSON")])])
        assert ("Bangkok", "GPE") in {(e.text, e.label_) for e in nlp.parse(odd).ents}
        # So is an entity that crosses a sentence boundary of the parse, which the whole
        # pipeline's recognizer never gives.
        two = "The talks ended on Friday. Kim Jong-un left Hanoi by train."
        nlp.know_entities([(two, [(19, 30, "PERSON")])])  # "Friday. Kim"
        assert _reading(nlp.parse(two)) == _reading(nlp.pipeline()(two))
    finally:
        nlp.parse.cache_clear()
