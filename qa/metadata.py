"""Metadata found in the text of a scraped article: dates, outlet, byline. Nothing is invented:
what is not there stays empty."""

from __future__ import annotations

import re

from qa.dates import find_dates
from qa.dates import iso as parse_date

# "Feb. 12 (UPI) --": a wire dateline names the outlet; it rarely carries the year.
_WIRE_DATELINE = re.compile(r"^\s*(.{3,20}?)\s+\(([A-Z][A-Za-z.&' ]{1,30})\)\s+(?:--|-|—)")
# " date 2020-01-09 UrduPoint.com": a scraper's header line.
_DATE_HEADER = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$", re.I)
_BY = re.compile(r"^\s*By\s+([A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|AND|de|van|von)){0,5})\s*(?:\(([^)]*@[^)]*)\))?\s*$")
# "Mohammad Ali (@ChaudhryMAli88) 6 minutes ago Thu 09th January 2020 | 11:30 AM"
_SOCIAL_BYLINE = re.compile(r"^\s*([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s+\(@\w+\)(.*)$")
_AGO = re.compile(r"\b\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\b", re.I)


def header_line(line: str) -> dict[str, str] | None:
    """Metadata held by a line that is not article text (a scraper header or a byline), or None."""
    if m := _DATE_HEADER.match(line):
        return {"date": parse_date(m[1]), "source": m[2].strip()}
    if m := _BY.match(line):
        return {"byline": m[1]}
    if (m := _SOCIAL_BYLINE.match(line)) and (_AGO.search(m[2]) or parse_date(m[2])):
        return {"byline": m[1], "date": parse_date(m[2])}
    return None


def dateline(paragraph: str) -> dict[str, str]:
    """Outlet and date named in the dateline that opens a paragraph of the body."""
    found: dict[str, str] = {}
    if (m := _WIRE_DATELINE.match(paragraph)) and (d := find_dates(m[1], ("day",))) and d[0].start == 0 and d[0].end == len(m[1]):
        found["source"] = m[2].strip()
    # "SEOUL (UrduPoint News / Sputnik - 09th January, 2020) ..."
    head = paragraph[:160]
    if m := re.match(r"^[A-Z][A-Z .,'-]{2,40}\(([^)]{3,80})\)", head):
        if d := parse_date(m[1]):
            found["date"] = d
    return found
