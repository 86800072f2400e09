"""Dates, the one place the project reads them: a date string in any common news format, and the date
mentions in free text (article bodies, datelines, questions) with their granularity and spans.

Parsing is python-dateutil's; this module only decides where a date is and how much of it is given.
Month names come from the `calendar` module (English: the process never sets an LC_TIME locale), not a
table of our own."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from dateutil import parser as _dateutil

Granularity = Literal["day", "month", "year"]

# Every spelling of a month: "September", "Sep", "Sept", with an optional dot after an abbreviation.
_NAMES: dict[str, int] = {}
for _i in range(1, 13):
    _full, _abbr = calendar.month_name[_i].lower(), calendar.month_abbr[_i].lower()
    _NAMES[_full] = _NAMES[_abbr] = _i
_NAMES["sept"] = 9
MONTH_NAMES = frozenset(_NAMES)  # (lower-cased: the one list of month names, for other modules too)
_MON = r"(?P<mon>" + "|".join(sorted(_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?:(?:" + "|".join(n.lower() for n in list(calendar.day_name) + list(calendar.day_abbr)) + r")\.?,?\s+)?"

# Most specific first; a later pattern never takes a span an earlier one matched.
_PATTERNS: list[tuple[re.Pattern[str], Granularity]] = [
    (re.compile(rf"(?<![\d-]){_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"), "day"),  # 2023-10-05(T...)
    (re.compile(rf"(?i)\b{_WEEKDAY}{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"), "day"),  # Oct. 5, 2023 / Nov 22
    (re.compile(rf"(?i)\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MON}\b(?:,?\s+{_YEAR}\b)?"), "day"),  # 5 October 2023
    (re.compile(rf"(?<![\d/.]){_YEAR}/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"), "day"),  # 2023/10/05
    (re.compile(rf"(?i)\b{_MON},?\s+(?:of\s+)?{_YEAR}\b"), "month"),  # October 2023
    (re.compile(rf"(?<![\d-]){_YEAR}-(?P<mnum>[01]\d)(?![\d-])"), "month"),  # 2023-10
    (re.compile(rf"(?<![\w$£€.,-]){_YEAR}(?![\w%-]|[.,]\d)"), "year"),  # in 2023
]


@dataclass(frozen=True)
class DateMention:
    """A date written in a text: where (`start`, `end`), how much of it (`granularity`: "day" names a
    calendar day, "month" a month, "year" a year), and its parts. `year` is None when the text leaves
    it out ("Feb. 12"), and then `date` is None too; otherwise `date` is the first day of the period."""

    start: int
    end: int
    granularity: Granularity
    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        date(year or 2000, month or 1, day)  # 2000: a leap year, so "Feb. 29" without a year stands
    except ValueError:
        return False
    return True


def find_dates(text: str, granularities: tuple[Granularity, ...] = ("day", "month", "year")) -> list[DateMention]:
    """Every date mention in `text`, in text order: days ("October 5, 2023", "5 Oct", "2023-10-05",
    "Nov. 22" with no year), months ("October 2023", "2023-10") and bare years ("in 2023", 1800-2099).
    Mentions never overlap; the most specific reading of a span wins. Only the `granularities` asked
    for are returned (a year inside a day mention is never returned as a year of its own)."""
    taken: list[DateMention] = []
    blocked: list[tuple[int, int]] = []  # spans of every match, valid or not ("Feb. 30, 2020" is no year 2020 either)
    for pattern, gran in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in blocked):
                continue
            blocked.append(m.span())
            g = m.groupdict()
            year = int(g["year"]) if g.get("year") else None
            month = int(g["mnum"]) if g.get("mnum") else _NAMES[g["mon"].lower()] if g.get("mon") else None
            day = int(g["day"]) if g.get("day") else None
            if _valid(year, month, day):
                taken.append(DateMention(m.start(), m.end(), gran, year, month, day))
    taken.sort(key=lambda t: t.start)
    return [t for t in taken if t.granularity in granularities]


def _from_datetime_string(text: str) -> date | None:
    """A whole string that is one date and time in a machine format (ISO 8601, RFC 822 / 2822 as feeds
    and HTTP headers write them, "2023-10-05 08:30:00"), read by dateutil."""
    s = text.strip()
    if not s or len(s) > 64 or not re.search(r"\d{4}", s):
        return None
    try:
        dt = _dateutil.parse(s, default=datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return None if dt.year < 1800 else dt.date()


def parse_date(text: str) -> date | None:
    """The date `text` gives, or None: a whole date string in any common news or machine format
    ("2023-11-27T08:45:59+00:00", "Tue, 14 Jan 2020 10:00:00 GMT", "Jan. 9, 2020", "9th January 2020"),
    else the first full calendar day (with its year) written anywhere in it. A day without a year
    ("Feb. 12") or a month alone is no date: None."""
    if not text:
        return None
    for m in find_dates(text, ("day",)):
        if m.year is not None:
            return m.date
    # Numeric forms the patterns leave to dateutil: "01/09/2020", "20200109", RFC 2822 with odd spacing.
    if not find_dates(text, ("month", "year")) or re.fullmatch(r"[\d/.T:+\- ]+Z?", text.strip()):
        return _from_datetime_string(text)
    return None


def iso(text: str) -> str:
    """`parse_date(text)` as YYYY-MM-DD, or '' (how article metadata stores a date)."""
    d = parse_date(text)
    return d.isoformat() if d else ""


_BARE_MONTH = re.compile(r"\b(?P<mon>" + "|".join(calendar.month_name[i] for i in range(1, 13)) + r")\b")


def bare_months(text: str) -> list[int]:
    """The month of each month the text names without a year or a day ("earlier in December"). Full
    month names only, capitalised: "may" is a verb."""
    dated = [(m.start, m.end) for m in find_dates(text) if m.year is not None or m.day is not None]
    # ("December 2019", "Nov 22": a date of its own)
    return [_NAMES[m.group("mon").lower()] for m in _BARE_MONTH.finditer(text) if not any(a <= m.start() < b for a, b in dated)]


def months_meant(text: str, published: date) -> list[tuple[int, int]]:
    """(year, month) of each month a text names without a year ("earlier in December"), read in an
    article published on `published` as the latest such month not after it (in a January 2020
    article, "December" is December 2019: news reports what has happened; a month ahead is read
    wrongly)."""
    return [(published.year if month <= published.month else published.year - 1, month) for month in bare_months(text)]


_DAY_NAMES = {calendar.day_name[i]: i for i in range(7)}  # Monday = 0, as date.weekday()
_NEAR_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def day_meant(text: str, published: date, direction: int = 0) -> date | None:
    """The calendar day a date span without a year means in an article published on `published`:
    "Friday", "yesterday", "Nov. 21". `direction` is the tense the span is told in: -1 the past (the
    latest such day not after publication), 1 the future (the first not before), 0 either (the
    nearest). None for a span that names its year itself, or no single day."""
    if any(m.year is not None for m in find_dates(text, ("day", "month", "year"))):
        return None
    if days := [m for m in find_dates(text, ("day",)) if m.month and m.day]:
        m = days[0]
        options = [d for y in (published.year - 1, published.year, published.year + 1) if _valid(y, m.month, m.day)
                   for d in [date(y, m.month, m.day)]]
    else:
        words = re.findall(r"[A-Za-z]+", text)
        if near := [_NEAR_DAYS[w.lower()] for w in words if w.lower() in _NEAR_DAYS]:
            return date.fromordinal(published.toordinal() + near[0])
        named = [_DAY_NAMES[w] for w in words if w in _DAY_NAMES]  # (capitalised: a name)
        if not named:
            return None
        back = (published.weekday() - named[0]) % 7
        options = [date.fromordinal(published.toordinal() - back + k) for k in (-7, 0, 7)]
    if direction < 0:
        options = [d for d in options if d <= published]
    elif direction > 0:
        options = [d for d in options if d >= published]
    return min(options, key=lambda d: abs(d.toordinal() - published.toordinal()), default=None)


def is_year(text: str) -> bool:
    """Is the text a year of the calendar ("2023"), as the date reader reads one?"""
    return re.fullmatch(_YEAR, text.strip()) is not None


def names_a_day(text: str) -> bool:
    """Does the span name one day of the calendar ("Jan. 11, 2024", "Friday", "yesterday"), not only a
    month or a year ("January 2024")?"""
    return bool(find_dates(text, ("day",))) or any(w in _DAY_NAMES or w.lower() in _NEAR_DAYS for w in re.findall(r"[A-Za-z]+", text))


def names_a_time(text: str) -> bool:
    """Does the span name a point of the calendar (a date, a month, a year, a day of the week,
    "yesterday"), not only a length of time ("a couple weeks")?"""
    return bool(find_dates(text)) or any(w in _DAY_NAMES or w.lower() in _NEAR_DAYS for w in re.findall(r"[A-Za-z]+", text))
