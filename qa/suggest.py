"""Suggested next questions, built offline from an answer's cited passages: the names they mention
(people, organisations, places, agreements) that the conversation has not touched yet, most
mentioned first, each turned into a short question."""

from __future__ import annotations

import re

# A name: capitalized words (with small words inside: "Ministry of Foreign Affairs"), or an
# acronym (WTO, GSOMIA).
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-’'][A-Za-z]+)*|[A-Z]{2,})(?:\s+(?:of|the|for|de|von)?\s*(?:[A-Z][a-z]+(?:[-’'][A-Za-z]+)*|[A-Z]{2,}))*")
# Capitalized words that are not names on their own (sentence starts, days, months, titles).
_NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we i you his her their our in on at by for of to from with as and but or
    if when while after before since until during about over under into also however meanwhile earlier later last next then
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr president minister prime
    secretary official officials spokesperson report reports reported according said says photo file advertisement""".split()
)
# Capitalized nouns that name something only with other words ("Group of 20", "the Ministry").
_GENERIC = frozenset("group government ministry council court agency party army news today".split())

_TITLES = frozenset("minister president secretary chancellor spokesman spokeswoman ambassador governor senator mr mrs ms dr".split())


def _names(text: str) -> list[str]:
    out = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in _NOT_NAMES:  # "The Korea Herald" stays a name; "However Seoul" -> "Seoul"
            if len(words) > 1 and words[0] == "The" and words[1][0].isupper() and len(words) > 2:
                break
            words = words[1:]
        while words and words[-1].lower() in _NOT_NAMES | {"of", "the", "for", "and"}:
            words = words[:-1]
        titled = [i for i, w in enumerate(words) if w.lower() in _TITLES]
        if titled and titled[-1] < len(words) - 1:  # "Foreign Minister Kang Kyung-wha" -> "Kang Kyung-wha"
            words = words[titled[-1] + 1:]
        name = re.sub(r"[’']s$", "", " ".join(words))  # "North Korea’s" -> "North Korea"
        before = text[: m.start()].rstrip()
        if len(words) == 1 and not name.isupper() and (not before or before[-1] in ".!?\"“:"):
            continue  # a capitalized word that opens a sentence ("Tensions rose") is no name
        if re.search(r"(?:ean|ese|ian)$", name):  # "South Korean", "Japanese": a people, said of something
            continue
        if name and (len(words) > 1 or (name.isupper() and len(name) > 2) or (not name.isupper() and len(name) > 3)) and name.lower() not in _NOT_NAMES | _GENERIC:
            out.append(name)
    return out


def next_questions(passages: list[str], covered: str, limit: int = 3) -> list[str]:
    """Up to `limit` questions about names in `passages` that `covered` (the conversation so far:
    questions and answers) does not mention."""
    seen = covered.lower()
    counts: dict[str, int] = {}
    for text in passages:
        for name in _names(text):
            counts[name] = counts.get(name, 0) + 1
    seen_words = set(re.findall(r"[\w’'-]+", seen))
    # Covered: named in the conversation, or all its words are ("Kang" covers "Kang Kyung-wha" only with "Kyung-wha").
    fresh = [n for n in sorted(counts, key=lambda n: -counts[n]) if n.lower() not in seen and not set(n.lower().split()) <= seen_words]
    out: list[str] = []
    for name in fresh:
        if any(name in o for o in out):  # "Korea" after "South Korea"
            continue
        out.append(f"What is {name}?" if name.isupper() else f"What about {name}?")
        if len(out) == limit:
            break
    return out
