"""From chosen sentences to the answer text with `[n]` markers and its citations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from qa.types import Citation, Passage


@dataclass
class Evidence:
    """One sentence chosen for the answer, and where it stands."""

    passage: Passage
    start: int  # sentence offsets inside passage.chunk.text
    end: int
    score: float

    @property
    def sentence(self) -> str:
        return self.passage.chunk.text[self.start : self.end]

    @property
    def position(self) -> int:
        """Offset in the article, for reading order."""
        return self.passage.chunk.start + self.start


def nice_date(iso: str) -> str:
    """'2019-11-22' -> '22 Nov 2019'."""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b')} {d.year}"


def order(evidence: list[Evidence]) -> tuple[list[Evidence], bool]:
    """Reading order. Evidence from articles of several dates reads as a timeline (oldest first,
    undated last); from one date, sentences of one article keep the article's order."""
    dates = {e.passage.chunk.date for e in evidence if e.passage.chunk.date}
    if len(dates) > 1:
        return sorted(evidence, key=lambda e: (e.passage.chunk.date or "9999", e.passage.chunk.doc_id, e.position)), True
    first_seen: dict[str, int] = {}
    for i, e in enumerate(evidence):
        first_seen.setdefault(e.passage.chunk.doc_id, i)
    return sorted(evidence, key=lambda e: (first_seen[e.passage.chunk.doc_id], e.position)), False


def compose(evidence: list[Evidence], lead: int | None = None, short: str = "", lead_first: bool = False) -> tuple[str, str, list[Citation]]:
    """The direct answer, the whole answer text and the citations. Each evidence sentence is
    followed by its `[n]`. `lead`: the evidence the direct answer comes from, cited [1]; `short`:
    the direct answer taken from it (a name, a date, a verdict), or "" when the lead sentence itself
    is the direct answer. The whole answer opens with the direct answer. `lead_first`: the lead
    sentence comes right after the direct answer, not in reading order (the newest state of things,
    for "Is X still ...?")."""
    if lead is None:
        ordered, timeline = order(evidence)
    else:
        rest, _ = order([e for i, e in enumerate(evidence) if i != lead])
        ordered = [evidence[lead], *rest]
        # The direct answer's date is shown whenever the evidence has more than one ("On Wednesday, ...").
        timeline = len({e.passage.chunk.date for e in evidence if e.passage.chunk.date}) > 1
    number = {id(e): n for n, e in enumerate(ordered, 1)}
    if short and not lead_first:  # the lead sentence is shown with the rest, in reading order
        ordered, timeline = order(ordered)
    parts, citations = [], []
    last_date = ""
    for e in ordered:
        n = number[id(e)]
        c = e.passage.chunk
        sentence = re.sub(r"\s+", " ", e.sentence).strip()
        if timeline and c.date and c.date != last_date:  # the date once, where the timeline moves on
            sentence = f"{nice_date(c.date)} — {sentence}"
            last_date = c.date
        parts.append(f"{sentence} [{n}]")
        if lead is not None and not short and len(parts) == 1:
            last_date = ""  # the timeline of the evidence starts after the direct answer
        citations.append(
            Citation(
                n=n, doc_id=c.doc_id, title=c.title, source=c.source, date=c.date, text=c.text,
                quote=e.sentence, score=round(float(e.score), 4), quote_start=e.start, quote_end=e.end, url=c.url,
            )
        )
    citations.sort(key=lambda c: c.n)
    head = ""
    if short:
        head = f"{short.rstrip('.')} [1]."
    elif lead is not None:
        head, parts = parts[0], parts[1:]
    return head, " ".join(([head] if head else []) + parts), citations
