"""When a question's event happened, read from one sentence: the date its verb (or the noun made
from the verb: "occupy" / "the occupation") governs, and the date that closes a range."""

from __future__ import annotations

import calendar
import re
from datetime import date

from qa import lexicon, nlp
from qa.cite import nice_date
from qa.dates import day_meant, names_a_time
from qa.keyword import terms
from qa.question import how_asked
from qa.speakers import same_act
from qa.verify import NUMBER_WORDS


def plain_dates(sentence: str, spans: list[str], question: str) -> list[str]:
    """The date spans that can say when something happened, those relative to another time last:
    not a date that only qualifies a noun ("today's networks"), nor, for "How long ...?", one that
    says when ("last week"); "on Nov. 21" before "Less than three weeks later"."""
    how_long = how_asked(question) == "long"
    keep = []
    for sp in spans:
        at = sentence.find(sp)
        after = sentence[at + len(sp):] if at >= 0 else ""
        if after.startswith(("'s", "’s")):
            continue
        if how_long and not is_length(sp):
            continue
        if not how_long and (unit := re.fullmatch(r"the\s+([a-z]+?)s?", sp.strip(), re.I)) and unit.group(1).lower() in TIME_UNITS:
            continue  # "the best deals of the year": a unit of time, no time
        if not how_long and is_length(sp) and re.search(r"\b(?:for|after|within|over)\s+$", sentence[max(0, at - 8):at], re.I) \
                and not names_a_time(sp):
            continue  # "out for a couple weeks", "after four years" say how long, not when (English prepositions of a length)
        keep.append(sp)
    return sorted(keep, key=lambda sp: not is_length(sp))  # (a span relative to another time last)


# English's units of time (a closed class): a count of them ("six hours", "three days") is tagged as a time or date
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

# English words that make a span of time a point relative to now ("last week", "a year ago",
# "three weeks later"), not a length of time.
_RELATIVE = {"last", "next", "this", "ago", "later", "earlier", "coming"}


def is_length(span: str) -> bool:
    """Can the span say how long something lasted ("six hours", "a week"), not when ("last week")?"""
    return not any(w in _RELATIVE for w in span.lower().split())


def by_verb(verb: str, sentence: str, spans: list[str], question: str = "") -> list[str]:
    """The spans with those the question's verb governs first: "When was it announced?" in "With
    curbs imposed in July, Seoul announced it would pull out on Aug. 23" -> "Aug. 23" first; then
    those the question's other words stand nearest to ("The fair opened on Friday, and tickets for
    the closing concert on Sunday sold out" -> "Sunday" first for "When is the closing concert?")."""
    asked = set(terms(question))
    # (where the question's words stand in the sentence, read once for all the spans)
    used = [k for k, word in enumerate(sentence.split()) if set(terms(word)) & asked]
    return sorted(spans, key=lambda sp: (not governed_by(verb, sentence, sp), -_closeness(sentence, sp, used)))


def _closeness(sentence: str, span: str, used: list[int]) -> float:
    """How near the question's words (`used`: their word positions in the sentence) stand to the
    span: each counts 1 / (1 + its distance in words), the span's own words left out."""
    at = sentence.find(span)
    if at < 0:
        return 0.0
    first, last = len(sentence[:at].split()), len(sentence[: at + len(span)].split())
    return sum(1 / (1 + (first - k if k < first else k - last + 1)) for k in used if not first <= k < last)


def governed_by(verb: str, sentence: str, span: str, saying: bool = True) -> bool:
    """Does the question's verb (or its noun: "occupy" / "the occupation") govern the span?
    `saying`: whether the question uses its verb as one of saying (see asking.says_with)."""
    lemma, tok = governor(verb, sentence, span)
    if tok is None or tok.pos_ == "NOUN":
        return tok is not None  # "during the occupation of Korea from 1910 till 1945"

    if carries(tok, lemma):
        return True

    def same(a: str, b: str) -> bool:
        return same_act(a, b) if saying else a == b

    # the verb itself (or another way of saying it: "say" / "announced"), or what it announced
    # ("announced [it would pull out on Aug. 23]")
    while not same(lemma, tok.lemma_.lower()) and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    return same(lemma, tok.lemma_.lower())


def base(verb: str) -> str:
    """A question's verb in its dictionary form: itself when it is one WordNet lists ("found", after
    "did": not "find"), else the lemmatizer's ("founded" -> "found", "met" -> "meet")."""
    if verb and lexicon.is_verb(verb.lower()):
        return verb.lower()
    return next((t.lemma_.lower() for t in nlp.parse(verb)), "") if verb else ""


def governor(verb: str, sentence: str, span: str):
    """The question verb's lemma, and the word the span hangs from in the sentence: the first verb
    above it, or a noun made from the question's verb on the way there (None when neither)."""
    lemma = base(verb)
    doc = nlp.parse(sentence)
    at = sentence.find(span)
    tok = next((t for t in doc if t.idx == at), None)
    while lemma and tok is not None and tok.head.i != tok.i:
        tok = tok.head
        if (tok.pos_ == "NOUN" and (derived(tok.lemma_.lower(), lemma) or tok.lemma_.lower() == lemma)) or tok.pos_ in ("VERB", "AUX"):
            return lemma, tok
    return lemma, None


# English's aspectual verbs: "When did the occupation end?" asks for an end of the occupation's time.
BEGIN = frozenset({"begin", "start", "commence"})
END = frozenset({"end", "finish", "stop", "cease", "conclude"})


def date_range(sentence: str, span: str, spans: list[str], end: str = "") -> str:
    """A date with the date that closes its range, when the sentence gives one ("1910 till 1945");
    with `end` (an aspectual verb's lemma), only the end of the range it asks for ("1945" for "end")."""
    at = sentence.find(span)
    if at < 0:
        return span
    for other in spans:
        # (the words English joins a range's ends with)
        m = re.match(rf"{re.escape(span)}\s*(?:till|until|to|through|-|–|—)\s*{re.escape(other)}", sentence[at:])
        if other != span and m:
            return other if end in END else span if end in BEGIN else m.group(0)
    return span


# English's light (support) verbs: in "give an interview", "hold talks", "issue a ban" the act is the
# noun; the verb adds none of its own. (A closed class; "criticised the ban" is another act.)
LIGHT = frozenset({"give", "hold", "make", "take", "have", "pay", "conduct", "issue", "impose", "stage", "launch", "place"})


def carries(tok, lemma: str) -> bool:
    """Does the verb do the act by its object, a noun of the act ("issued a ban" for "ban", "held
    a meeting" for "meet"), or begin or end it as its subject ("cultivation began in 1816")? Its
    date is then the act's."""
    if tok.pos_ != "VERB":
        return False
    roles = ("dobj",) if tok.lemma_.lower() in LIGHT else ("nsubj", "nsubjpass") if tok.lemma_.lower() in BEGIN | END else ()
    return any(c.dep_ in roles and c.pos_ == "NOUN" and (c.lemma_.lower() == lemma or derived(c.lemma_.lower(), lemma)) for c in tok.children)


def derived(noun: str, verb: str) -> bool:
    """Is the noun made from the verb ("occupation" from "occupy", "renewal" from "renew")?
    English forms such nouns from the verb's stem: they share all of it but its last letter or two."""
    common = len(next((noun[:k] for k in range(min(len(noun), len(verb)), 0, -1) if noun[:k] == verb[:k]), ""))
    return noun != verb and common >= max(4, len(verb) - 2)


def with_day(sentence: str, span: str, published: str) -> str:
    """The span with the calendar day it means in its article ("late Friday (17 Nov 2023)", "Nov. 21,
    2023"), read from the article's date and the tense the sentence tells it in; the span alone
    when it names its year or no single day, or the article has no date."""
    if span not in sentence:
        return span  # (a date the sentence does not hold, from the article's lines: no tense to read it by)
    try:
        day = day_meant(span, date.fromisoformat(published), _tense(sentence, span)) if published else None
    except ValueError:
        return span
    if day is None:
        return span
    if re.search(r"\bthis year\b", sentence, re.I) and day.year != int(published[:4]):
        # ("deals will begin early this year on November 8", in an article updated after it: this year's)
        try:
            day = day.replace(year=int(published[:4]))
        except ValueError:
            return span
    if any(ch.isdigit() for ch in span):  # a day of a month, without its year
        # ("November 24 this year" is November 24 of the year now given: not "November 24 this year, 2023")
        return f"{_THIS_YEAR.sub('', span)}, {day.year}"
    return f"{span} ({nice_date(day.isoformat())})"


_THIS_YEAR = re.compile(r"\s+(?:of\s+)?this year$", re.I)


def _tense(sentence: str, span: str) -> int:
    """-1 when the verb the span hangs from tells of the past ("was fired", "has pleaded"), 1 of the
    future ("will meet"), 0 when the tense does not say (the present: "meets on Friday"; a state:
    "was due on Saturday")."""
    doc = nlp.parse(sentence)
    at = sentence.find(span)
    tok = next((t for t in doc if t.idx == at), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.lemma_ == "be":
        return 0  # (a state in the past tense may be of a day to come: "was due for renewal on Saturday")
    words = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(w.tag_ == "MD" and w.lemma_.lower() in ("will", "shall") for w in words):
        return 1
    if any(w.tag_ == "VBD" for w in words) or (tok.tag_ == "VBN" and any(w.lemma_ == "have" for w in words)):
        return -1
    return 0


_MONTHS = {m.lower() for m in [*calendar.month_name[1:], *calendar.month_abbr[1:]]}
# English's words that place a time against another ("months later", "earlier this year"): a closed
# class. (`_RELATIVE` above is another question: whether a span says when at all, not how exactly.)
_AGAINST = {"later", "earlier", "ago", "before", "after", "recently", "previously", "since"}


# A time of day as news writes it: "1am", "3 p.m. ET", "8:15".
_CLOCK = re.compile(r"\d\s*(?:[ap]\.?m\b\.?)|\d:\d\d", re.I)


def of_day(span: str) -> bool:
    """Does the span give a time of day ("1am", "3 p.m. ET")?"""
    return bool(_CLOCK.search(span))


def says_when(span: str) -> bool:
    """Does the time name when at all: a point of the calendar, a month, a year, a decade, a week's
    number ("Week 18")? Not a time of day alone ("1am", "3 p.m. ET"), nor words that only point at a
    time the sentence leaves unsaid ("these days", "that day", "two years later")."""
    if names_a_time(span) or any(w.lower() in _MONTHS for w in re.findall(r"[A-Za-z]+", span)):
        return True
    return bool(re.search(r"\d", span)) and not of_day(span)


def vague(span: str) -> bool:
    """Does the time say when only against a time it leaves unsaid ("months later", "earlier this
    year", "recently"), with no number, month or day of its own ("six hours before the expiration"
    and "this week" say when)?"""
    words = [w.lower().strip(".,") for w in span.split()]
    return bool(set(words) & _AGAINST) and not re.search(r"\d", span) and not names_a_time(span) \
        and not any(w in _MONTHS or w in NUMBER_WORDS for w in words)
