"""Dates as people type them into a filter: "2020-01-09", "2020-01", "January 2020", "Jan 9 2020",
"9 January 2020", "2020". Read by qa.dates (the one date reader); a partial date is a period, and a
filter's start takes its first day and its end its last, so "until January 2020" keeps all of January."""

from __future__ import annotations

import calendar
from datetime import date

from qa.dates import find_dates
from qa.errors import InvalidFilter


def day_span(text: str) -> tuple[date, date]:
    """The first and last day `text` can mean; InvalidFilter unless the whole text is one date with its year."""
    s = " ".join(str(text).split()).strip(" .,")
    found = find_dates(s)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s) and found[0].year is not None:
        m = found[0]
        if m.granularity == "day":
            day = date(m.year, m.month or 1, m.day or 1)
            return day, day
        if m.granularity == "month" and m.month:
            return date(m.year, m.month, 1), date(m.year, m.month, calendar.monthrange(m.year, m.month)[1])
        return date(m.year, 1, 1), date(m.year, 12, 31)
    raise InvalidFilter(f"{text!r} is not a date: type e.g. 2020-01-09, 2020-01, January 2020 or Jan 9 2020")


def since_day(text: str | None) -> str:
    """ISO day a "since" filter starts on; "" for no filter."""
    return day_span(text)[0].isoformat() if text and str(text).strip() else ""


def until_day(text: str | None) -> str:
    """ISO day an "until" filter ends on (the last day of a month or year); "" for no filter."""
    return day_span(text)[1].isoformat() if text and str(text).strip() else ""
