"""Metadata found in the text of a scraped article: dates, outlet, byline. Nothing is invented:
what is not there stays empty."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# "Feb. 12 (UPI) --": a wire dateline names the outlet; it rarely carries the year.
_WIRE_DATELINE = re.compile(rf"^\s*{_MONTH}\s+\d{{1,2}}\s+\(([A-Z][A-Za-z.&' ]{{1,30}})\)\s+(?:--|-|—)", re.I)
# " date 2020-01-09 UrduPoint.com": a scraper's header line.
_DATE_HEADER = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$", re.I)
_BY = re.compile(r"^\s*By\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*(?:\(([^)]*@[^)]*)\))?\s*$")
# "Mohammad Ali (@ChaudhryMAli88) 6 minutes ago Thu 09th January 2020 | 11:30 AM"
_SOCIAL_BYLINE = re.compile(r"^\s*([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s+\(@\w+\)(.*)$")
_AGO = re.compile(r"\b\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\b", re.I)


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]


def _make(y: int, m: int, d: int) -> str:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """The first full date (with a year) in `text` as yyyy-mm-dd, or ''."""
    if m := _ISO.search(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.search(text):
        return _make(int(m[3]), _month(m[2]), int(m[1]))
    if m := _MONTH_DAY_YEAR.search(text):
        return _make(int(m[3]), _month(m[1]), int(m[2]))
    return ""


def header_line(line: str) -> dict[str, str] | None:
    """Metadata held by a line that is not article text (a scraper header or a byline), or None."""
    if m := _DATE_HEADER.match(line):
        return {"date": _make(*map(int, m[1].split("-"))), "source": m[2].strip()}
    if m := _BY.match(line):
        return {"byline": m[1]}
    if (m := _SOCIAL_BYLINE.match(line)) and (_AGO.search(m[2]) or parse_date(m[2])):
        return {"byline": m[1], "date": parse_date(m[2])}
    return None


def dateline(paragraph: str) -> dict[str, str]:
    """Outlet and date named in the dateline that opens a paragraph of the body."""
    found: dict[str, str] = {}
    if m := _WIRE_DATELINE.match(paragraph):
        found["source"] = m[2].strip()
    # "SEOUL (UrduPoint News / Sputnik - 09th January, 2020) ..."
    head = paragraph[:160]
    if m := re.match(r"^[A-Z][A-Z .,'-]{2,40}\(([^)]{3,80})\)", head):
        if d := parse_date(m[1]):
            found["date"] = d
    return found
