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


def search_query(question: str, history: list[tuple[str, str]]) -> str:
    """The text to search with: the question, plus the last turn's question and the names its
    answer gave when the question refers back to them."""
    if not history or not needs_context(question):
        return question
    prev_q, prev_a = history[-1]
    names = list(dict.fromkeys(_NAME.findall(re.sub(r"\[\d+\]", "", prev_a or ""))))[:4]
    return " ".join([question, prev_q, *names])
