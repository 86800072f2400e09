"""Dates as people type them into a filter: "2020-01-09", "2020-01", "January 2020", "Jan 9 2020",
"9 January 2020", "2020". A partial date is a range; a filter's start takes its first day and its
end its last, so "until January 2020" keeps the whole of January."""

from __future__ import annotations

import calendar
import re
from datetime import date

from qa.errors import InvalidFilter

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _span(y: int, m: int | None = None, d: int | None = None) -> tuple[date, date]:
    if m is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    day = date(y, m, d)
    return day, day


def day_span(text: str) -> tuple[date, date]:
    """The first and last day `text` can mean; InvalidFilter when it is no date."""
    s = " ".join(str(text).replace(",", " ").split())
    words = s.split(" ")
    try:
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s):
            return _span(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})", s):
            return _span(int(m[1]), int(m[2]))
        if re.fullmatch(r"\d{4}", s):
            return _span(int(s))
        if len(words) == 2 and _month(words[0]) and re.fullmatch(r"\d{4}", words[1]):  # January 2020
            return _span(int(words[1]), _month(words[0]))
        if len(words) == 3 and _month(words[0]) and words[1].isdigit() and re.fullmatch(r"\d{4}", words[2]):  # Jan 9 2020
            return _span(int(words[2]), _month(words[0]), int(words[1]))
        if len(words) == 3 and _month(words[1]) and re.sub(r"(st|nd|rd|th)$", "", words[0]).isdigit() and re.fullmatch(r"\d{4}", words[2]):
            return _span(int(words[2]), _month(words[1]), int(re.sub(r"(st|nd|rd|th)$", "", words[0])))  # 9 January 2020
    except ValueError:
        pass  # a day that does not exist, e.g. 2020-02-30
    raise InvalidFilter(f"{text!r} is not a date: type e.g. 2020-01-09, 2020-01, January 2020 or Jan 9 2020")


def since_day(text: str | None) -> str:
    """ISO day a "since" filter starts on; "" for no filter."""
    return day_span(text)[0].isoformat() if text and str(text).strip() else ""


def until_day(text: str | None) -> str:
    """ISO day an "until" filter ends on (the last day of a month or year); "" for no filter."""
    return day_span(text)[1].isoformat() if text and str(text).strip() else ""
