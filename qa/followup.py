"""Follow-up questions resolved against the conversation, without an LLM: a question that leans
on an earlier turn ("Where was she travelling?") is searched together with that turn. Whether a
question leans on one, and whom a pronoun means, come from spaCy's parse and entities; a question
that names what it is about stands on its own and is never rewritten."""

from __future__ import annotations

from qa import nlp
from qa.keyword import terms

_PERSONAL = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs"}
_PLURAL = {"they", "them", "their", "theirs"}
_REFERRING = _PERSONAL | {"it", "its", "this", "that", "these", "those", "there", "then"}


def _unresolved(doc) -> list:
    """Pronouns (and "that", "there", "then" used as pronouns) that nothing earlier in the question
    can stand for: no noun precedes them outside the question phrase ("which product did it ...")."""
    wh_phrase = {t.i for t in doc if t.tag_ in ("WDT", "WP", "WP$", "WRB")} | {t.head.i for t in doc if t.tag_ == "WDT"}
    out = []
    for t in doc:
        # ("Is there a deal?": the "there" of existence refers to nothing)
        if t.lower_ not in _REFERRING or t.dep_ in ("det", "mark", "complm", "expl") or (t.lower_ == "that" and t.tag_ == "IN"):
            continue
        if not any(p.pos_ in ("NOUN", "PROPN") and p.i not in wh_phrase for p in doc[: t.i]):
            out.append(t)
    return out


def needs_context(question: str) -> bool:
    """Does the question lean on an earlier turn? It does when it is elliptic ("And why?", "When?"),
    opens with "and / but / what about", or has a pronoun with nothing in it to refer to."""
    doc = nlp.parse(question)
    words = [t for t in doc if not t.is_punct]
    if not words or (len(terms(question)) < 2 and not any(t.pos_ == "PROPN" for t in doc)):
        return True  # "When?", "Why not?"; "What is GSOMIA?" names what it is about
    if words[0].lower_ in ("and", "but", "also", "so") or question.lower().startswith(("what about", "how about")):
        return True
    return bool(_unresolved(doc))


def _names(text: str) -> tuple[list[str], list[str], list[str]]:
    """(people, places, every name) a text mentions, in order, each once."""
    doc = nlp.parse(text or "")
    ents = [e for e in doc.ents if e.label_ not in nlp.DATE | nlp.NUMBER | {"ORDINAL"}]
    people = [e.text for e in ents if e.label_ in nlp.PERSON]
    places = [e.text for e in ents if e.label_ in nlp.PLACE]
    return list(dict.fromkeys(people)), list(dict.fromkeys(places)), list(dict.fromkeys(e.text for e in ents))


def search_query(question: str, history: list[tuple[str, str]]) -> str:
    """The text to search with. A question that refers back gets the earlier turn's subject: a
    personal pronoun is replaced by the person the last turn was about, and otherwise the last
    question and the names its answer gave are added."""
    if not history or not needs_context(question):
        return question
    # The last turn that names something, in its question or answer: after "What is the Cybertruck?" -
    # "When did deliveries start?", "How much does it cost?" is about the Cybertruck.
    prev_q, prev_a = next(((q, a) for q, a in reversed(history[-3:]) if _names(q)[2] or _names(a)[2]), history[-1])
    people_q, places_q, names_q = _names(prev_q)
    people_a, places_a, names_a = _names(prev_a)
    # After "Who ...?" / "Whom ...?", "he" is most likely the one the answer named ("Who is Japan's
    # defence minister?" - "Takeshi Iwaya." - "What did he urge?"); otherwise the one asked about.
    asked_who = any(t.lower_ in ("who", "whom") and t.tag_ == "WP" for t in nlp.parse(prev_q))
    people = list(dict.fromkeys(people_a + people_q if asked_who else people_q + people_a))
    places = list(dict.fromkeys(places_q + places_a))  # (the answer to "Where ...?" leads its answer)
    names = list(dict.fromkeys(names_q + names_a))
    unresolved = _unresolved(nlp.parse(question))
    personal = next((t for t in unresolved if t.lower_ in _PERSONAL), None)
    there = next((t for t in unresolved if t.lower_ == "there"), None)
    # A personal pronoun is the person the last turn was about; "there", the place it named.
    swaps = []
    if people and personal is not None:
        swaps.append((personal, " and ".join(people[:3]) if personal.lower_ in _PLURAL else people[0]))
    if places and there is not None:
        swaps.append((there, places[0]))
    if swaps:
        resolved = question
        for t, name in sorted(swaps, key=lambda s: -s[0].idx):
            resolved = resolved[: t.idx] + name + resolved[t.idx + len(t.text):]
        return f"{resolved} {prev_q}"
    said = f"{question} {prev_q}"
    return " ".join([question, prev_q, *[n for n in names if n not in said][:4]])  # each name once


def elliptical(question: str, history: list[tuple[str, str]]) -> str:
    """The earlier question asked again of something else, when this one is only a name with
    "and / what about" ("And Japan's?" after "Who is the US defence secretary?" -> "Who is Japan's
    defence secretary?"): its name takes the place of the earlier question's name of the same kind.
    "" when the question is not such a fragment or the earlier one has no name of that kind."""
    if not history:
        return ""
    doc = nlp.parse(question)
    words = [t for t in doc if not t.is_punct]
    opener = 1 if words and words[0].lower_ in ("and", "but") else 2 if question.lower().startswith(("what about", "how about")) else 0
    rest = words[opener:]
    if rest and rest[0].pos_ == "DET":  # "What about the Kyodo article?": a name with the noun it qualifies
        rest = rest[1:]
    if not opener or not rest or rest[0].pos_ != "PROPN" or any(t.pos_ in ("VERB", "AUX", "PRON") for t in rest):
        return ""
    # The name is what takes the earlier name's place; the nouns after it must be the earlier
    # question's too ("the Korea Herald article" -> "the Kyodo article").
    tail = [t for t in rest if t.pos_ == "NOUN" and t.i > rest[0].i and all(p.pos_ != "NOUN" for p in rest if p.i < t.i)]
    if tail:
        rest = [t for t in rest if t.i < tail[0].i]
        if not all(t.lower_ in history[-1][0].lower() for t in tail):
            return ""
    name = question[rest[0].idx : rest[-1].idx + len(rest[-1].text)]  # with its possessive, if any
    label = next((e.label_ for e in doc.ents if e.start >= rest[0].i), "")
    prev = nlp.parse(history[-1][0])
    names = [e for e in prev.ents if e.label_ not in nlp.DATE | nlp.NUMBER | {"ORDINAL"} and e.text.lower() not in name.lower()]
    # the earlier name of the same kind, or its only name (the recognizer labels made-up names unevenly)
    old = next((e for e in names if e.label_ == label), names[0] if len(names) == 1 else None)
    if old is None:
        return ""
    text, a, b = prev.text, old.start_char, old.end_char
    if name.endswith(("'s", "’s")) and text[:a].lower().endswith("the "):
        a -= 4  # "the US defence secretary" -> "Japan's defence secretary"
    return text[:a] + name + text[b:]
