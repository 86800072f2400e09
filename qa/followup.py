"""Follow-up questions resolved against the conversation, without an LLM: a question that leans
on an earlier turn ("Where was she travelling?") is searched together with that turn."""

from __future__ import annotations

import re

from qa.keyword import terms

_REFERRING = re.compile(
    r"\b(he|she|him|her|hers|his|they|them|their|theirs|it|its|this|that|these|those|there|then|"
    r"the (?:pact|agreement|deal|move|decision|ministry|minister|country|countries|company|president|official|report))\b",
    re.I,
)
_ELLIPTIC = re.compile(r"^\s*(and|but|also|so|what about|how about|why|why not|when|and why)\b[\s?]*", re.I)
_NAME = re.compile(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)+")


def needs_context(question: str) -> bool:
    """Does the question lean on an earlier turn?"""
    return bool(_REFERRING.search(question)) or bool(_ELLIPTIC.match(question)) or len(terms(question)) < 2


_PERSONAL = re.compile(r"\b(he|she|him|her|his|they|them|their)\b", re.I)
_NOT_PEOPLE = re.compile(r"^(?:South|North|The|United|Japan|Korea|Seoul|Tokyo|Washington|Foreign|Blue|World|General|National|US|U\.S\.)\b")


_QUESTION_WORD = re.compile(r"^(?:Which|What|Who|Whom|Whose|When|Where|Why|How|Did|Does|Do|Is|Are|Was|Were|The|In|On)\s+")


def _names(text: str) -> list[str]:
    found = (_QUESTION_WORD.sub("", n) for n in _NAME.findall(re.sub(r"\[\d+\]", "", text or "")))
    return list(dict.fromkeys(n for n in found if " " in n))


def search_query(question: str, history: list[tuple[str, str]]) -> str:
    """The text to search with. A question that refers back gets the earlier turn's subject: a
    personal pronoun is replaced by the person the last turn was about, and otherwise the last
    question and the names its answer gave are added."""
    if not history or not needs_context(question):
        return question
    prev_q, prev_a = history[-1]
    names = _names(prev_q) + _names(prev_a)
    people = [n for n in names if not _NOT_PEOPLE.match(n.split()[-2] if len(n.split()) > 2 else n)]
    if people and (m := _PERSONAL.search(question)):
        plural = m.group(1).lower() in ("they", "them", "their")
        resolved = _PERSONAL.sub(" and ".join(people[:3]) if plural else people[0], question, count=1)
        return f"{resolved} {prev_q}"
    return " ".join([question, prev_q, *names[:4]])
