"""The one sentence splitter of the project: article text at ingest (chunks are whole sentences, the
answerer and the timeline quote sentences) and a language model's answer as it streams in (qa.verify).

Rules, not a model: news prose is regular, and a rule costs microseconds per article where a parse
costs ~0.15 s. A sentence ends at . ! or ? (then any closing quotes or brackets, then any citation
markers such as [2]) before white space and a word that does not start in lower case; a line break
always ends one. Abbreviations are the exception (measured in tests/test_sentence_split.py):
- a title before a name, "No." before a number and a month before a day never end a sentence
  ("Mr. Moon", "Gen. Abrams", "No. 2", "Nov. 22"), nor does a single initial ("John F. Kennedy");
- dotted abbreviations (U.S., a.m., D.C., J.R.R.) and company suffixes (Inc., Corp.) do end one when
  the next word is one that opens sentences, a capitalized pronoun, article or conjunction ("based
  in the U.S. It employs..."), and not before a name ("the U.S. Forces", "J.R.R. Tolkien")."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Closed lists of English: courtesy and rank titles (always before a name), and short forms that
# stand before a number or a day ("No. 2", "Nov. 22"; "voted no. The bill..." does end).
_NEVER_ENDS = frozenset(
    """mr mrs ms mx dr prof sen rep gov gen col lt capt sgt cpl adm maj cmdr brig rev hon pres supt insp det
    st mt ft vs v approx""".split()
)
_BEFORE_NUMBER = frozenset("no nos vol fig art sec ch pp jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Short forms that are also a sentence's last word often enough ("... listed in 2019 as Acme Inc.").
_MAY_END = frozenset("inc corp co ltd llc plc bros jr sr etc".split())
# Words that open sentences and never names: after an abbreviation that may end a sentence, they say it did.
_OPENERS = frozenset(
    """a an the this that these those it its they their them he his she her we our you your i
    there here but and or so yet if when while after before as in on at for by with from to of
    however meanwhile still also then now"""
    .split()
)

# A candidate end: the mark, closing quotes or brackets, citation markers, then white space.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?:\s*\[(?:[A-Za-z]+\s*)?[\d,;\s]+\])*(?=\s|$)""")
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"'“‘])((?:[A-Za-z]\.)*[A-Za-z]+)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(]*([A-Za-z]+)")


def _ends_sentence(text: str, end: re.Match, final: bool = True) -> bool | None:
    """Is this candidate end (a match of _END) the end of a sentence? None when that takes a word
    the text does not hold yet (streamed text, `final` False)."""
    rest = text[end.end():]
    nxt = re.match(r"\s+(\S)", rest)
    if nxt is None:
        return False if final else None  # nothing after it (yet)
    if nxt.group(1).islower() or nxt.group(1) in ".!?…[":
        return False  # the sentence goes on in lower case, a spaced ellipsis goes on, or a citation marker follows
    mark = end.group(0)
    prev = text[end.start() - 1] if end.start() else " "
    if prev in "([{“‘" or (prev.isspace() and mark.startswith("..")):
        return False  # "(... Rogan especially)": an ellipsis that opens, not ends
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # ! ? and ellipses end sentences whatever came before
    before = _WORD_BEFORE.search(text[: end.start() + 1])
    if before is None:
        return True
    word = before.group(1)
    bare = word.lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if "." not in word and not mark.endswith(("]", ")")):
        if bare in _NEVER_ENDS:
            return False
        if bare in _BEFORE_NUMBER:
            return not nxt.group(1).isdigit()
    dotted = "." in word  # U.S, a.m, J.R.R, D.C
    if dotted or bare in _MAY_END:
        following = _NEXT_WORD.match(rest)
        if following is None:
            return False
        if not final and following.end() == len(rest):
            return None  # the next word may not be whole yet
        return following.group(1).lower() in _OPENERS and following.group(1)[0].isupper()
    return True


def ends(text: str, final: bool = True) -> Iterator[tuple[int, int]]:
    """(end of a sentence, start of the next) for every sentence end inside `text` that is followed
    by the next sentence's first character; line breaks count as ends. With `final` False (text still
    streaming in) it stops at the first end it cannot decide yet."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        for e in _END.finditer(line):
            decided = _ends_sentence(line, e, final or m.end() < len(text))
            if decided is None:
                return
            if decided:
                nxt = re.match(r"\s+", line[e.end():])
                yield m.start() + e.end(), m.start() + e.end() + (nxt.end() if nxt else 0)
        if m.end() < len(text):
            yield m.end(), m.end() + len(re.match(r"\n*\s*", text[m.end():]).group(0))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, without the white space around it."""
    spans = []
    start = 0
    for end, nxt in [*ends(text), (len(text), len(text))]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = nxt
    return spans


def split(text: str) -> list[str]:
    """The sentences of `text`."""
    return [text[a:b] for a, b in sentence_spans(text)]


def complete(buffer: str) -> tuple[list[str], str]:
    """The sentences of streamed text known to be whole (the next one has begun), and the rest."""
    out, start = [], 0
    for end, nxt in ends(buffer, final=False):
        if piece := buffer[start:end].strip():
            out.append(piece)
        start = nxt
    return out, buffer[start:]
