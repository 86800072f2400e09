"""What a question asks for beside what it sets aside: "Besides Checkr, which company does Uber use?"
is answered by what a sentence joins to Checkr by "and" ("companies like Checkr and Appriss"), not by
Checkr, and not by another name the sentence gives."""

from __future__ import annotations

from qa import clauses, nlp
from qa.keyword import terms

# English's prepositions of exception and addition (a closed class), as one word or as the pair of
# words the parser leaves the phrase hanging from ("apart from", "other than", "in addition to").
_ONE = frozenset({"besides", "except", "excluding", "alongside"})
_PAIRS = frozenset({("apart", "from"), ("aside", "from"), ("other", "than"), ("addition", "to"), ("along", "with"), ("together", "with")})
# The words that may open a conjunct without being part of what it names ("the Cardinals").
_OPENERS = frozenset({"det", "poss", "punct", "cc", "case", "predet"})


def set_aside(question: str) -> list[str]:
    """The head words of what the question sets aside ("Besides Brighton and Burnley, which club
    ...?" -> Brighton, Burnley); empty when it sets nothing aside."""
    for t in nlp.parse(question):
        prep = t.head
        if t.dep_ != "pobj" or t.pos_ not in ("NOUN", "PROPN"):
            continue
        # (the pair's first word as the parse hangs it, or as written right before: "together with")
        before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        if prep.lower_ in _ONE or (prep.head.lower_, prep.lower_) in _PAIRS or (before, prep.lower_) in _PAIRS:
            return [h.text for h in clauses.conjuncts(t) if h.pos_ in ("NOUN", "PROPN")]
    return []


def others(sentence: str, heads: list[str], question: str) -> str:
    """What the sentence joins by "and" to what the question sets aside (`heads`, as `set_aside` gives
    them), the question's own words left out: "Appriss" of "companies like Checkr and Appriss" for
    "Besides Checkr ...?", "Cardinals" of "the Cardinals and Commanders are the last two teams";
    several joined as the sentence lists them. "" when it joins nothing else to them."""
    wanted = {h.lower() for h in heads}
    if not any(h in sentence.lower() for h in wanted):
        return ""  # (parses cost: only of a sentence that says one)
    doc = nlp.parse(sentence)
    asked = set(terms(question))
    # (like for like: names beside a name, "Appriss" beside "Checkr"; things beside a thing)
    proper = any(h[:1].isupper() for h in heads)
    for t in doc:
        if t.lower_ not in wanted:
            continue
        root = t
        while root.dep_ == "conj":
            root = root.head
        group = clauses.conjuncts(root)
        if len(group) < 2 or {c.lower_ for g in group for c in g.children if c.dep_ == "cc"} - {"and", "&"}:
            continue  # (a list closed by "or" or "but" tells of no pair)
        found = []
        for g in group:
            if g.lower_ in wanted or g.pos_ not in ("NOUN", "PROPN") or (proper and g.pos_ != "PROPN"):
                continue
            words = list(doc[g.left_edge.i : g.i + 1])
            while words and words[0].dep_ in _OPENERS:
                words = words[1:]
            text = sentence[words[0].idx : g.idx + len(g.text)] if words else g.text
            if set(terms(text)) - asked:
                found.append(text)
        if found:
            return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
    return ""
