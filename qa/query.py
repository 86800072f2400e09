"""Reading a question before searching: which outlets and days it names, and which parts it has.

News questions carry evidence that is not in the words of the answer: "as reported by both The Verge
and TechCrunch", "published on October 5", "does X say A, while Y says B?". The outlets and days are
matched against the articles' metadata (boosts, not filters: a question may be wrong about them);
the parts are searched one by one so that each part's best passage can reach the top, not only the
passages that happen to share words with the whole question."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from qa import dates
from qa.types import QueryPart, QueryPlan

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
# Where a compound question turns to its next part: English connectives of contrast and comparison,
# and "and" before a second clause or a second article.
_SPLIT = re.compile(
    r"(?i),?\s+(?:while|whereas|but|and\s+(?:is|was|has|had|also|then)|and\s+(?:the|a|an)\s+(?=[^,]*?(?:article|report))"
    r"|compared\s+(?:to|with)|in\s+contrast\s+to|as\s+opposed\s+to)\b|;\s*"
)
# Words about the articles rather than about what they report: they match every article.
_META = {"published", "publication", "publications", "article", "articles", "report", "reports", "reported", "reporting", "news", "story", "stories", "outlet", "outlets"}
_SEPARATORS = (" - ", " | ", ": ")
# The words a news service adds to its name to say what it is ("Kyodo News", "Yonhap News Agency"),
# which people drop when they name it ("Kyodo"): general English, not any corpus's outlets.
_SERVICE = re.compile(r"\s+(?:news(?:\s+(?:agency|service|network|wire))?|agency|wire)$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _aliases(sources: tuple[str, ...]) -> tuple[re.Pattern, tuple[frozenset[str], ...]]:
    """Ways a question may name each outlet: its full name and its main part ("The Independent -
    Life and Style" -> "The Independent"), case-insensitively; without a leading "The" only as
    capitalized ("Age" must not match "that age group"). One pattern, longest names first, so a
    question is scanned once, not once per name (600 articles' outlets: ~70 names)."""
    # How a form may be written: in any case (0), only as capitalized (1), or as capitalized and not
    # as the start of a longer name (2: "Yahoo" for Yahoo News, but not in "Yahoo Finance").
    names: dict[tuple[str, int], set[str]] = {}
    for s in sources:
        forms = {s.strip()} | {s.split(sep)[0].strip() for sep in _SEPARATORS}
        forms |= {re.sub(r"\.(?:com|org|net|co\.[a-z]{2}|[a-z]{2})$", "", f) for f in forms}  # "UrduPoint.com" -> "UrduPoint"
        for f in forms:
            if len(f) >= 3:
                names.setdefault((f.lower(), 0), set()).add(s)
            if f.lower().startswith("the ") and len(f) > 6:
                names.setdefault((f[4:], 1), set()).add(s)
            if (short := _SERVICE.sub("", f)) != f and len(short) >= 3 and short[0].isupper():
                names.setdefault((short, 2), set()).add(s)  # "Kyodo" for Kyodo News; "Fox", not "a fox"
    alternatives, outlets = [], []
    for (name, case), owners in sorted(names.items(), key=lambda kv: (-len(kv[0][0]), kv[0])):
        body = f"(?i:{re.escape(name)})" if case == 0 else re.escape(name) + (r"(?!\s+[A-Z])" if case == 2 else "")
        alternatives.append(f"(?P<n{len(outlets)}>{body})")
        outlets.append(frozenset(owners))
    if not alternatives:
        return re.compile(r"(?!)"), ()
    return re.compile(r"(?<![A-Za-z0-9])['\"‘“]?(?:" + "|".join(alternatives) + r")['\"’”]?(?![A-Za-z0-9])"), tuple(outlets)


def outlets_named(text: str, sources: tuple[str, ...]) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """The outlets `text` names (the longest name where names start together) and where it names them."""
    spans: list[tuple[int, int]] = []
    found: set[str] = set()
    # A name written all in lower case is a name only if the writer never capitalizes ("the age of
    # 21" is not The Age; "what did techcrunch say" is TechCrunch).
    lower_writer = text == text.lower()
    pattern, outlets = _aliases(sources)
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if not lower_writer and m.group() == m.group().lower():
            pos = m.start() + 1
            continue
        if _inside_name(text, m.start(), m.end()):
            pos = m.start() + 1
            continue  # ("the Ring Floodlight Cam Wired Pro": a word of another name, not the outlet Wired)
        spans.append(m.span())
        found |= outlets[int(m.lastgroup[1:])]
        pos = m.end()
    return frozenset(found), spans


def _inside_name(text: str, a: int, b: int) -> bool:
    """Do capitalised words stand right before (not the text's first word) and right after a:b, so
    that it is a part of a longer name?"""
    before = re.search(r"(?<=\s)[A-Z][\w'’.-]*\s+$", text[:a])
    return before is not None and re.match(r"\s+[A-Z]", text[b:]) is not None


def days_named(text: str) -> tuple[frozenset[tuple[int | None, int, int]], list[tuple[int, int]]]:
    """(year or None, month, day) of every calendar day `text` names, and where (qa.dates reads them)."""
    found = dates.find_dates(text, ("day",))
    return frozenset((m.year, m.month, m.day) for m in found), [(m.start, m.end) for m in found]


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + " " + text[b:]
    return text


def keyword_text(text: str, sources: tuple[str, ...]) -> str:
    """`text` without outlet names, dates, clock times and words about articles: what is left is
    what the articles themselves say."""
    _, outlet_spans = outlets_named(text, sources)
    text = _cut(text, outlet_spans)
    _, day_spans = days_named(text)
    text = _CLOCK.sub(" ", _cut(text, day_spans))
    return " ".join(w for w in text.split() if w.lower().strip("'\"‘’“”,.?!:;()") not in _META)


def plan(question: str, sources: list[str] | tuple[str, ...] = ()) -> QueryPlan:
    """How to search for `question` over articles from `sources` (the ingested outlets)."""
    srcs = tuple(sorted(set(sources)))
    outlets, _ = outlets_named(question, srcs)
    days, _ = days_named(question)
    pieces = [p for p in _SPLIT.split(question) if p and len(p.split()) >= 3]
    parts = []
    if len(pieces) > 1:
        for p in pieces:
            kw = keyword_text(p, srcs)
            if kw.strip():
                parts.append(QueryPart(keyword_text=kw, outlets=outlets_named(p, srcs)[0]))
    return QueryPlan(text=question, keyword_text=keyword_text(question, srcs) or question, outlets=outlets, days=days, parts=parts if len(parts) > 1 else [])


def day_matches(day: str, days: frozenset[tuple[int | None, int, int]], tolerance: int = 0) -> bool:
    """Is the ISO date `day` (an article's) one of `days` (a question's), give or take `tolerance` days?"""
    if not day or not days:
        return False
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return False
    for t in range(-tolerance, tolerance + 1):
        x = d + timedelta(days=t)
        if any((y is None or y == x.year) and m == x.month and dd == x.day for y, m, dd in days):
            return True
    return False
