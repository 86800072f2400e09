"""A side's record of wins and losses ("What was the Wild's record when they fired Evason?" -> "5-10-4"):
whether a question asks for one, and where a sentence gives the one of the side asked about. English
sports writing gives a record as counts joined by dashes, in brackets after the side's name ("the
Washington Commanders (4-9)"), before the noun "record" ("with a 5-10-4 record"), or as where the side
stands ("dropping to 5-9", "At 6-7, the team ...")."""

from __future__ import annotations

import re

from qa import lexicon, nlp

# Wins, losses and, for some sports, draws: two or three counts joined by dashes ("10-2", "59-2-2"); not a
# season ("2019-20": a four-digit year) nor a figure's range with a decimal ("1.5-2").
RECORD = re.compile(r"(?<![\w.,$-])\d{1,3}\s?[-–]\s?\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?![\w%-]|[.,]\d)")

# English's nouns of one game's result (a closed class): a pair of counts they take is that game's score, no record.
_RESULT = lexicon.WIN_NOUNS | lexicon.LOSS_NOUNS | {"draw", "tie", "score", "scoreline", "result", "rout", "upset"}


def asks_record(question: str) -> str | None:
    """Whose record of wins and losses the question asks for ("What was the Seattle Seahawks' record going
    into ...?" -> "Seattle Seahawks"; "What record did the Chicago Bears drop to ...?" -> "Chicago Bears"),
    None when it asks for none: not a best mark, which English gives "for" a thing ("the single-season
    record for receiving yards"), nor a "record" that only describes another noun ("record revenue")."""
    doc = nlp.parse(question)
    if not doc or doc[0].lower_ not in ("what", "which"):
        return None
    # (the thing asked: the subject of "What was ...?" or the noun of "what" itself, "What record did ...?")
    noun = next((t for t in doc if t.lemma_.lower() == "record" and t.pos_ == "NOUN" and (
        (t.dep_ in ("nsubj", "attr") and ((t.head.lemma_ == "be" and t.head.dep_ == "ROOT") or (len(doc) > 1 and doc[1].lemma_ == "be")))
        or any(c.lower_ in ("what", "which") for c in t.children))), None)
    # (a record "for" a time is the side's over that time: "our record for the year")
    if noun is None or any(c.dep_ == "prep" and c.lower_ in ("for", "of") and not any(
            o.dep_ == "pobj" and (o.ent_type_ in nlp.DATE or lexicon.noun_class(o.lemma_) == "time") for o in c.children) for c in noun.children):
        return None
    whose = next((c for c in noun.children if c.dep_ == "poss"), None)
    if whose is None:  # ("What record did the Bears drop to?": the side is the verb's subject)
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        whose = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None) if verb is not None and noun.dep_ != "nsubj" else None
    if whose is None:
        return None
    side = " ".join(t.text for t in whose.subtree if t.dep_ not in ("case", "det") and t.text not in ("'", "’s", "'s"))
    return side or None


def record_in(sentence: str, side: str, passage_names_side: bool) -> str | None:
    """The record the sentence gives the side: in brackets right after its name; of the noun "record" (or
    "mark") or after "to" / "at" in a sentence that names it (or, in a passage that does, names no other
    side or tells of one by a pronoun: "At 6-7, the team is on the outside looking in"). Not a game's score ("a 24-15 loss", "beat them
    24-15"), nor another's record ("New Orleans' 5-6 record" for Dennis Allen's)."""
    # (by any word of its name: "Canelo (59-2-2, 39 KOs)" for Canelo Alvarez, "Chicago's" for the Chicago Bears)
    words = [w for w in re.findall(r"[\w.’'-]+", side) if w[:1].isupper()]
    if not words or not (found := list(RECORD.finditer(sentence))):
        return None
    name = "|".join(re.escape(w) for w in words)
    for m in found:
        if re.search(rf"\b(?:{name})\s*\($", sentence[: m.start()]):
            return m.group()
    named = re.search(rf"\b(?:{name})\b", sentence) is not None
    doc = nlp.parse(sentence)
    # (or, by a pronoun, "He finished the year with a 2-7 win loss record", the one its passage names)
    if not named and not (passage_names_side and (not any(e.label_ in nlp.ORGANIZATION | nlp.PERSON | nlp.PLACE for e in doc.ents)
                                                  or any(t.dep_ == "nsubj" and t.pos_ == "PRON" and t.head.dep_ == "ROOT" for t in doc))):
        return None
    for m in found:
        first = next((t for t in doc if t.idx == m.start()), None)
        if first is None:
            continue
        # (the pair's noun, when the parse hangs it from one, through the nouns that only describe it: "a 2-7
        # win loss record", "a 24-15 loss")
        noun = next((a for a in first.ancestors if a.pos_ == "NOUN"), None)
        while noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            noun = noun.head
        if noun is not None and noun.lemma_.lower() in _RESULT:
            continue
        if first.head is not first and first.head.pos_ == "VERB" and lexicon.a_way_of_defeating(first.head.lemma_.lower()):
            continue  # ("beat the Saints 24-15": the game's score)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
        if owner is not None and owner.pos_ == "PROPN" and not re.search(rf"\b(?:{name})\b", " ".join(t.text for t in owner.subtree)):
            continue
        if (noun is not None and noun.lemma_.lower() in ("record", "mark")) \
                or re.search(r"\b(?:to|at)\s+(?:an?\s+|even\s+|an\s+even\s+)?$", sentence[: m.start()], re.I):
            return m.group()
    return None
