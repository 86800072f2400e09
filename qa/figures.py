"""The figures a question asks for and where a sentence gives them: the kind of figure ("how much is it
worth" is a sum, "what share" a percentage), counts with the things they count, ages, scores, prices
whole with their currency sign, and whether a sentence gives the question's own figures."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from qa import asking, clauses, lexicon, nlp, speakers, units, when
from qa.dates import is_year
from qa.keyword import terms
from qa.question import PROPORTION, how_asked
from qa.types import Question
from qa.verify import NUMBER_WORDS

# "By how much ...?" / "By how many ...?" asks for a margin or a change's amount.
MARGIN = re.compile(r"\s*by\s+how\s+(?:much|many)\b", re.I)
# English words of a thing's value in money: "How much is it worth / does it cost / did they pay?"
# asks for a sum.
_VALUE = {"worth", "cost", "pay", "spend", "price", "charge", "owe", "earn", "fee", "value"}

def number_labels(q: Question) -> frozenset[str]:
    """Entity labels of the figure a number question asks for ("how long" may be a duration or a number)."""
    if how_asked(q.text) in ("long", "often"):
        return nlp.NUMBER | nlp.DATE  # ("How often ...?": "every 30 minutes", a time to the recognizer)
    if how_asked(q.text) == "old":
        return nlp.NUMBER | nlp.DATE  # an age: "31", "31-year-old"
    if proportion_asked(q.text):
        return frozenset({"PERCENT"})  # "What share of adults ...?": a percentage, not a count
    if how_asked(q.text) == "much" and not q.focus and changed(q.text, asked_acts(q.text)):
        return frozenset({"MONEY", "PERCENT", "QUANTITY"})  # "How much did X cut its price?": by a sum or a share
    if how_asked(q.text) == "much" and any(t.lemma_.lower() in _VALUE for t in nlp.parse(q.text)):
        return frozenset({"MONEY"})  # "How much is the deal worth?": a sum, not "a 40% increase"
    if how_asked(q.text) == "much" and not q.focus and lexicon.verb_class(asking.main_lemma(q.text)) == "possession":
        return frozenset({"MONEY"})  # "How much did Zim borrow?": a verb of what is owned (WordNet's class) asks for a sum
    if q.text.lower().startswith("what") and any(t.lemma_.lower() in ("cost", "fetch") and t.dep_ == "ROOT" for t in nlp.parse(q.text)):
        return frozenset({"MONEY"})  # "What does it cost?" (the verb, however tagged; a fee "charged" may be a share)
    if q.text.lower().startswith("what") and any(t.lemma_.lower() in _VALUE and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "attr")
                                                 for t in nlp.parse(q.text)):
        return frozenset({"MONEY"})  # "What's the sale price of X?": a sum, not "13-inch"
    if noun := owned_asked(q.text):
        # ("What was Coinbase's revenue?": a gain, which WordNet files under sums of money, is a sum, not its
        # "38%" rise)
        if lexicon.kind_of(noun, "sum"):
            return frozenset({"MONEY"})
        return frozenset({"MONEY", "PERCENT"})  # "What salary ...?", "What stake ...?": a sum or a share of what is owned
    if how_asked(q.text) == "much" and q.focus and lexicon.noun_class(q.focus.split()[-1]) == "possession":
        return frozenset({"MONEY"})  # "How much money / funding / revenue ...?": WordNet's class of what is owned
    if how_asked(q.text) == "much":
        return frozenset({"MONEY", "PERCENT", "QUANTITY"})  # an amount, not a count
    if q.focus.split()[-1:] and q.focus.split()[-1] in when.TIME_UNITS:
        return nlp.NUMBER | nlp.DATE  # "how many hours": "six hours" is a time
    if re.search(r"\bhow many\b", q.text, re.I) and q.focus.split()[-1:] and units.is_currency(q.focus.split()[-1]):
        return frozenset({"MONEY"})  # "How many euros ...?": a sum, "€125 million"
    if re.search(r"\bhow many\b", q.text, re.I):
        return nlp.NUMBER - {"PERCENT", "MONEY"}  # a count: "63% of people" says what share, not how many
    return nlp.NUMBER



def gives_numbers(q: Question, text: str) -> bool:
    """Does the text give every figure the question gives, as a whole number ("8" not in "2018")?"""
    return all(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", text) for n in q.numbers)


def owned_asked(question: str) -> str:
    """The noun of "What <noun> ...?" or "What is <noun> ...?" when WordNet's class of it is what is
    owned ("salary", "stake", "dividend"), which asks for a sum or a share; "" otherwise."""
    wh = next((t for t in nlp.parse(question) if t.lower_ == "what"), None)
    if wh is not None and wh.dep_ != "det" and wh.head.lemma_ == "be":
        # (or the subject of "What is / was ...?": "What was Brock Purdy's salary?", "What is the fine?")
        noun = next((t for t in wh.head.children if t.dep_ == "nsubj" and t.pos_ == "NOUN"), None)
        return noun.lemma_.lower() if noun is not None and lexicon.noun_class(noun.lemma_) == "possession" else ""
    return wh.head.lemma_.lower() if wh is not None and wh.dep_ == "det" and lexicon.noun_class(wh.head.lemma_) == "possession" else ""


def proportion_asked(question: str) -> bool:
    """Does the question ask for a proportion ("What share / percentage of ...?")?"""
    wh = next((t for t in nlp.parse(question) if t.tag_[:1] == "W"), None)
    # (or a noun it qualifies: "What percentage stake ...?")
    return wh is not None and wh.dep_ == "det" and (wh.head.lemma_.lower() in PROPORTION or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in PROPORTION and c.i > wh.i for c in wh.head.children))


def proportion_of(question: str) -> str:
    """The noun a proportion is asked of ("children" in "What percentage of children ...?"), as a lemma; ""
    for none."""
    wh = next((t for t in nlp.parse(question) if t.tag_[:1] == "W"), None)
    if wh is None or wh.dep_ != "det" or wh.head.lemma_.lower() not in PROPORTION:
        return ""
    return next((o.lemma_.lower() for p in wh.head.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), "")


# A score as English news writes it: two counts joined by a dash ("24-15", "32–12"), of at most
# three digits each (not a season, "2019-20", nor a date), and not in brackets after a team's name,
# where it is the team's record of wins and losses ("The UTSA Roadrunners (8-4)").
# (A comma or full stop after it ends the clause: "blowing out No. 22 Utah, 42-18, extending ...".)
SCORE_PAIR = re.compile(r"(?<![\w.,$(-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w%)-]|[.,]\d)")


def asks_score(question: str) -> bool:
    """Does the question ask for a score ("What was the final score of ...?", "What was the score
    when X beat Y?")? A score is a pair of counts, not one."""
    # (not "How many goals did they score?", where the small model may tag the verb a noun)
    # (the small model parses "By what score did ...?" with the noun as the preposition's clause, "pcomp")
    return not question.lower().startswith("how") and any(
        t.lemma_.lower() == "score" and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "attr", "dobj", "pobj", "pcomp") for t in nlp.parse(question))


def sides_of(question: str) -> list[str]:
    """The two sides a question names a game between ("the Eagles vs. Seahawks game", "between the Bears
    and the Panthers": English's "vs." / "v." / "versus" and "between ... and ..."), as the proper nouns
    that end each side's name (the second capitalised, however tagged); [] when it names no such pair."""
    for t in nlp.parse(question):
        if t.pos_ != "PROPN" or t.dep_ != "pobj":
            continue
        if t.head.lower_ in ("vs", "vs.", "v", "v.", "versus") and t.head.head.pos_ == "PROPN":
            return [t.head.head.text, t.text]
        if t.head.lower_ == "between" and (other := next((c for c in t.children if c.dep_ == "conj" and c.text[:1].isupper()), None)):
            return [t.text, other.text]
    return []


def score_in(sentence: str, sides: Sequence[str] = ()) -> str | None:
    """The score the sentence gives ("beat No. 10 Penn State 24-15 at ..." -> "24-15"), if one; a result
    line that gives each side with its count ("Bears 16, Panthers 13") only when it names every one of
    the `sides` (the question's)."""
    # (not a team's record of wins and losses: "dropped the Saints' record to 3-4", "the fellow 5-1 Boston
    # Celtics", a record set before the team's name)
    # (but a pair counting a common noun the name only modifies is a result: "a 105-95 NBL road win")
    doc = nlp.parse(sentence)

    def before_name(m) -> bool:
        first = next((t for t in doc if t.idx == m.start()), None)
        if first is not None and first.dep_ == "nummod" and first.head.pos_ == "NOUN":
            return False
        # (nor is one between two names, a result line's: "Diamondbacks 9-1 Rangers")
        if first is not None and first.i > 1 and (prev := doc[first.i - 1]).is_alpha and (prev.pos_ == "PROPN" or prev.is_title) \
                and prev.ent_type_ not in nlp.DATE:
            return False
        return any(t.idx >= m.end() and (t.ent_type_ in ("ORG", "GPE", "NORP") or (t.pos_ == "PROPN" and t.ent_type_ not in nlp.DATE))
                   for t in doc if t.idx <= m.end() + 1)

    # (a "record" that only modifies another noun is no record of wins: "a club-record score in a 105-95 win")
    def after_record(m) -> bool:
        return any(t.lower_ in ("record", "records") and t.dep_ not in ("compound", "amod")
                   for t in doc if max(0, m.start() - 20) <= t.idx < m.start())
    m = next((m for m in SCORE_PAIR.finditer(sentence) if not after_record(m) and not before_name(m)), None)
    if m is None:
        # (or each side with its count, the way a result line gives it: "Final: Bears 16, Panthers 13")
        # (of names, not a date's or a week's words: "Sept. 20, Galatasaray 2", "In Week 3, Bears 16")
        m = next((m for m in _SIDES_COUNTS.finditer(sentence) if all(
            t.ent_type_ not in nlp.DATE and (t.pos_ == "PROPN" or not t.is_alpha)
            for t in nlp.parse(sentence) if m.start() <= t.idx < m.end())
            and all(re.search(rf"\b{re.escape(side.split()[-1])}\b", m.group(), re.I) for side in sides if side.split())), None)
    return m.group() if m else None


# Two sides, each a capitalised name followed by its count, joined by a comma ("Bears 16, Panthers 13").
_NAME = r"[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}"
_SIDES_COUNTS = re.compile(rf"\b{_NAME}\s\d{{1,3}},\s{_NAME}\s\d{{1,3}}(?![\w,.]\d)(?!\s?[-–%])")


def with_second(sentence: str, b: int) -> int:
    """Where a figure ends: with the second number the recognizer may leave out of a score or a
    range written with a dash ("24-3", "10–12")."""
    m = re.match(r"[-–]\d+(?:\.\d+)?\b", sentence[b:])
    if m and b > 0 and sentence[b - 1].isdigit():
        return b + m.end()
    # (and the rest of a word the recognizer cut: "£300" of "£300m", "$1.2" of "$1.2bn"; or the scale
    # word after it, "7.9 lakh": English's and India's words of number scale, a closed class)
    m = re.match(r"[a-zA-Z]+\b|\s(?:thousand|million|billion|trillion|lakh|crore)\b", sentence[b:])
    return b + m.end() if m and b > 0 and sentence[b - 1].isdigit() else b


def bare_unit(span: str) -> bool:
    """Is the span only units of time ("Years", "months"), with no number or word to say which?"""
    words = span.lower().split()
    return bool(words) and all(w.removesuffix("s") in when.TIME_UNITS for w in words)


def as_written(span: str, label: str) -> str:
    """The kind of figure the span's own writing says it is, where the recognizer says another: "41
    per cent" is a share, "16¢" a sum of money (English writes a share with "%" or "per cent", a sum
    with its currency's sign)."""
    if label in nlp.NUMBER and re.search(r"(?:%|\bper\s?cent)$", span, re.I):
        return "PERCENT"
    if label in nlp.NUMBER and any(unicodedata.category(ch) == "Sc" for ch in span):
        return "MONEY"
    return label


def with_unit(sentence: str, b: int, label: str) -> tuple[int, str]:
    """A bare number the recognizer leaves without the unit written after it ("130 GW", "360km",
    "1 to 1.5g") is a quantity, whole with its unit: (where it ends, its label)."""
    m = re.match(r" ?([^\W\d_]+)\b", sentence[b:])
    if label == "CARDINAL" and m and units.is_unit(m.group(1)):
        return b + m.end(), "QUANTITY"
    # (or joined to it by hyphens, "a 56-yard field goal", with the next unit's number after it: "his
    # 7-foot-4 height", where the word between two figures is a unit whatever else it may name)
    m = re.match(r"-([^\W\d_]+)(-\d+(?:\.\d+)?(?![\w-]))?", sentence[b:])
    if label == "CARDINAL" and m and units.is_unit(m.group(1), between_figures=bool(m.group(2))):
        return b + m.end(), "QUANTITY"
    return b, label


def with_code(sentence: str, a: int, b: int, label: str) -> tuple[int, int, str]:
    """A figure with the letters of its currency before or after it ("NIS 405 million", "Rs 24.75
    Cr", "one million NOK") is a sum of money, whole with them, whatever the recognizer called it
    (an organisation, a person, a bare number): (where it starts, where it ends, its label)."""
    figure = sentence[a:b]
    if not (label in nlp.NUMBER or any(ch.isdigit() for ch in figure)):
        return a, b, label
    if (m := re.match(r"(\S+) (?=\d)", figure)) and units.is_currency_code(m.group(1)):
        return a, b, "MONEY"
    if (m := re.search(r"(\S+) ?$", sentence[:a])) and units.is_currency_code(m.group(1)) and figure[:1].isdigit():
        return m.start(), b, "MONEY"
    if (m := re.match(r" ?([^\W\d_]+)\b", sentence[b:])) and units.is_currency_code(m.group(1)) and label in nlp.NUMBER:
        return a, b + m.end(), "MONEY"
    return a, b, label


def _of_after(doc, last, fits) -> bool:
    """Does "of" follow the token, with an object that fits ("500 of OpenAI's roughly 770 employees",
    "7.5 hours of battery life")?"""
    k = last.i + 1
    if k < len(doc) and doc[k].text == "(":
        # (past an aside in brackets: "20 grams (0.7 ounce) of salt")
        k = next((j + 1 for j in range(k, min(len(doc), k + 8)) if doc[j].text == ")"), k)
    nxt = doc[k] if k < len(doc) else None
    # (or a gerund, which names the act as a noun would: "14 hours of fasting")
    return nxt is not None and nxt.lower_ == "of" and any(c.dep_ in ("pobj", "pcomp") and fits(c) for c in nxt.children)


def _of_noun_after(doc, a: int, b: int, noun: str) -> bool:
    """Does the figure at a:b, with digits, stand right before "of" and the noun ("7.5 hours of battery life")?"""
    last = next((t for t in reversed(doc) if a <= t.idx < b), None)
    return last is not None and any(ch.isdigit() for ch in doc.text[a:b]) and _of_after(doc, last, lambda c: noun in (c.lemma_.lower(), c.lower_))


def _measured_by(doc, a: int, b: int, adjective: str) -> tuple[int, int] | None:
    """Where the phrase that holds the figure at a:b and measures the adjective written after it
    begins and ends ("over 1,500 pages" of "is over 1,500 pages long", "six feet" of "six feet
    tall"); None when the figure measures no such adjective."""
    tok = nlp.span_head(doc, a, b)
    while adjective and tok is not None and tok.head.i != tok.i:
        if tok.head.lemma_.lower() == adjective and tok.head.pos_ == "ADJ" and tok.i < tok.head.i:
            return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
        tok = tok.head
    return None


def _whole(sentence: str, b: int) -> int:
    """Where a figure ends with the rest of its unit written after it: more words of a unit ("500
    kilowatt hours") and what it is counted by ("$35,000 a month", "$800 per claim", "€9.99/month")."""
    while (m := re.match(r" ([^\W\d_]+)\b", sentence[b:])) and units.is_unit(m.group(1)):
        b += m.end()
    rate = re.match(r"(?: ?/ ?| per | an? | each )([^\W\d_]{2,12})\b", sentence[b:])
    if rate and (not rate.group(0).strip().startswith("a") or rate.group(1).lower().removesuffix("s") in when.TIME_UNITS):
        b += rate.end()
    return b


def with_currency(sentence: str, a: int, label: str) -> int:
    """Where a sum of money starts: with the currency sign the recognizer may leave out ("$3B",
    "$ 299" as a price table sets it)."""
    if label == "MONEY" and a > 1 and sentence[a - 1] == " " and unicodedata.category(sentence[a - 2]) == "Sc":
        a -= 1
    while label == "MONEY" and currency_before(sentence, a):
        a -= 1
    return a


def currency_before(sentence: str, a: int) -> bool:
    """Is the character right before offset `a` a currency's sign (Unicode's class of them: "$", "€", "£")?"""
    return a > 0 and unicodedata.category(sentence[a - 1]) == "Sc"


# How English news gives an age: "at the age of 78", "aged 64", "at age 9".
AGE = re.compile(r"(?:(?:at\s+)?the\s+)?age(?:d|\s+of)?\s+\d{1,3}", re.I)


def other_kind(q: Question, sentence: str, span: str) -> bool:
    """Does the count say its things are of another kind than the question's ("20,000 registered users"
    for "How many daily active users ...?"): words that narrow its noun, none of them the question's,
    in a sentence that does not use the question's own?"""
    if not q.focus:
        # ("How big is the display?": a figure in no unit of measure, "1TB", is of another kind than a
        # size another good sentence gives, "7.4 inches"; a sum of money may say how big a deal was)
        a = sentence.find(span)
        return how_asked(q.text) in _DIMENSIONS and (a < 0 or not _measure(nlp.parse(sentence), a, a + len(span))) \
            and not re.search(r"[$€£¥]|\b(?:dollars?|euros?|pounds?)\b", span, re.I)
    noun = q.focus.split()[-1]
    asked = {c.lemma_.lower() for t in nlp.parse(q.text) if t.lemma_.lower() == noun for c in t.children
             if c.dep_ in ("amod", "compound") and c.is_alpha and not c.ent_type_ and c.tag_[:1] != "W" and c.lower_ not in _HOW}
    if not asked:
        return False
    doc = nlp.parse(sentence)
    a = sentence.find(span)
    said = {c.lemma_.lower() for t in doc if a <= t.idx < a + len(span) and t.lemma_.lower() == noun for c in t.children
            if c.dep_ in ("amod", "compound") and c.is_alpha and not c.ent_type_}
    return bool(said) and not said & asked and not asked <= {t.lemma_.lower() for t in doc}


def _measure(doc, a: int, b: int) -> bool:
    """Is the span at a:b of the parsed sentence a figure in a unit of measure (a noun of WordNet's
    quantities: "7.4 inches", "56-yard")?"""
    return any(t.pos_ == "NOUN" and lexicon.noun_class(t.lemma_.lower()) == "quantity" for t in doc if a <= t.idx < b)


def _figured(span: str) -> bool:
    """Does the span give a figure, in digits or words ("two-week")?"""
    return any(ch.isdigit() for ch in span) or any(w in NUMBER_WORDS for w in re.findall(r"[a-z]+", span.lower()))


def exact(span: str) -> bool:
    """Does the span give an exact number: in digits, or in a number word with what it counts ("three
    years", "seven goals"; not a bare "two", which may count anything, nor "billions of dollars", nor
    "one", as often a pronoun as a count)?"""
    words = re.findall(r"[a-z]+", span.lower())
    return any(ch.isdigit() for ch in span) or (
        any(w in NUMBER_WORDS and w not in ("zero", "one") for w in words) and any(w not in NUMBER_WORDS for w in words))


# The words of "how many / how much", which the parser may hang from the noun counted.
_HOW = frozenset({"many", "much"})


# English's adjectives of size that "how" asks a measure with ("How big / tall / far ...?"); "long" has
# its own reading (a length of time first).
_DIMENSIONS = frozenset({"big", "large", "tall", "wide", "far", "heavy", "high", "deep", "thick", "small"})
# English's adjectives of a time unit, each the unit it is by (a closed class: "an annual fee" is paid by
# the year)
_BY_TIME = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}


def rate_asked(question: str) -> str:
    """The unit of time a question asks a figure by ("How much per month ...?", "What is the annual fee?" ->
    "month", "year"); "" for none."""
    if (rate := re.search(r"\b(?:per|a|an|each|every)\s+(" + "|".join(when.TIME_UNITS) + r")\b", question, re.I)) is not None \
            or (rate := re.search(r"\b(" + "|".join(_BY_TIME) + r")\b", question, re.I)) is not None:
        return _BY_TIME.get(rate.group(1).lower(), rate.group(1).lower())
    return ""


# "a month", "per year", "/month": a figure given by a unit of time, the unit after it
_RATE = r"(?:per|a|an|each|every|/)\s*"


def by_rate(sentence: str, end: int, unit: str) -> bool:
    """Is the figure that ends at `end` given by the unit of time ("$14.99 a month", "€9.99/month")?"""
    return re.match(rf"\s*{_RATE}{unit}", sentence[end:], re.I) is not None


def told_by_rate(sentence: str, span: str, unit: str) -> bool:
    """Is the figure (as `number_about` gives it) said by the unit of time, after it or by an adjective of the
    unit a few words before or after it ("$300 a month", "an annual fee of $95", "3,000 daily active users")?"""
    at = sentence.find(span)
    if at < 0:
        return False
    if by_rate(sentence, at + len(span), unit) or re.search(rf"{_RATE}{unit}\b", span, re.I):
        return True
    adjectives = "|".join(a for a, u in _BY_TIME.items() if u == unit)
    return bool(adjectives) and any((re.search(rf"\b(?:{adjectives})\b[\w\s-]{{0,30}}$", sentence[:at], re.I),
                                     re.search(rf"\b(?:{adjectives})\b", span, re.I),
                                     re.match(rf"\s+(?:[\w-]+\s+){{0,2}}(?:{adjectives})\b", sentence[at + len(span):], re.I)))


def _changed_from(doc, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The figures of `spans` that a change starts "from", where another of them is the one it goes
    "to" (on the same word)."""
    def prep(x: int, y: int):
        head = nlp.span_head(doc, x, y)
        return head.head if head is not None and head.dep_ == "pobj" else None
    preps = {sp: prep(*sp) for sp in spans}  # (each figure's preposition, read once)
    tos = [p for p in preps.values() if p is not None and p.lower_ == "to"]
    # (the parse hangs "to" on the same word as "from", or on "from" itself)
    parsed = {sp for sp, start in preps.items() if start is not None and start.lower_ == "from"
              and any(to.i > start.i and to.head.i in (start.head.i, start.i) for to in tos)}
    # (or, where the parse reads the two figures as one, "from $20,000 to $35,000", by the words right
    # before each: "from a modest 1,691 stores ... grown to 18,040 stores")
    text = doc.text

    def after(word: str, x: int) -> bool:
        return re.search(rf"\b{word}\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)?$", text[max(0, x - 40) : x], re.I) is not None
    return parsed | {sp for sp in spans if after("from", sp[0]) and any(o[0] > sp[1] and after("to", o[0]) for o in spans)}


def _partitive(doc, a: int, b: int) -> bool:
    """Is the span at a:b a number in words followed by "of" and the things it picks from ("one of
    the funds", "two of its players")?"""
    toks = [t for t in doc if a <= t.idx < b]
    if not toks or any(ch.isdigit() for t in toks for ch in t.text):
        return False
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ == "of" and any(c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS") for c in nxt.children)


def _set_aside(doc, a: int, b: int) -> bool:
    """Is the figure at a:b in what the sentence sets aside, after "instead of" or "rather than" ("instead
    of paying the 30 percent ..., they pay 4 percent"): English's "X instead of Y" says Y is not so."""
    tok = next((t for t in doc if a <= t.idx < b), None)
    for up in tok.ancestors if tok is not None else ():
        if up.i > 0 and (up.lower_, doc[up.i - 1].lower_) in (("of", "instead"), ("than", "rather")):
            return True
    return False


def range_start(sentence: str, a: int) -> int:
    """Where a figure starts with the low end of a range written before it, which the recognizer may
    leave out ("bake 42 to 48 minutes", "25-30 minutes"); not a change "from" one figure "to" another."""
    m = re.search(r"(?<![\w.,])(\d[\d,.]*) ?(?:to|-|–) ?$", sentence[:a])
    if m is None or not sentence[a:a + 1].isdigit() or re.search(r"\bfrom $", sentence[: m.start()]):
        return a
    return m.start()


def _cell(span: str) -> bool:
    """Is the figure a web page's table cell rather than prose: a currency sign set apart from its
    digits, "$ 200 $" (English writes "$200")?"""
    # (a sign right after the digits is written after them, "16¢", not set apart)
    return any(unicodedata.category(ch) == "Sc" and ((k + 1 == len(span) and not (k and span[k - 1].isdigit())) or (k + 1 < len(span) and span[k + 1].isspace()))
               for k, ch in enumerate(span))


def missed_sums(sentence: str, ents: list[nlp.Entity]) -> list[nlp.Entity]:
    """The sums of money the recognizer left out: a currency's sign right before digits ("€9.99/month", where it
    found only the "12.99" after), outside every entity it found."""
    return [(m.start(), m.end(), "MONEY") for m in re.finditer(r"(?<![\w.])\S\d[\d,]*(?:\.\d+)?(?![\d,.]\d)", sentence)
            if unicodedata.category(m.group()[0]) == "Sc" and not any(a < m.end() and m.start() < b for a, b, _ in ents)]


def number_about(q: Question, sentence: str, ents: list[nlp.Entity]) -> str | None:
    """For "how many <things>": the number that counts those things in the sentence, with its noun
    ("more than 470 South Korean troops"); None when no number there counts them."""
    focus = q.focus.split()[-1] if q.focus else ""
    ents = sorted([*ents, *missed_sums(sentence, ents)])
    ents = [with_code(sentence, a, b, as_written(sentence[a:b], label)) for a, b, label in ents]
    ents = [(a, *with_unit(sentence, b, label)) for a, b, label in ents]
    ents = [(range_start(sentence, a), b, label) for a, b, label in ents]
    # (a figure starts after a dash that runs a word into it, which the recognizer may take in: "either—62%")
    ents = [(a + (m.end() if (m := re.match(r"[^\W\d]+—(?=\d)", sentence[a:b])) else 0), b, label) for a, b, label in ents]
    # (a figure of the very unit asked for, whatever the recognizer calls it: "475 pounds", money to it,
    # for "How many pounds ...?")
    spans = [(with_currency(sentence, a, label), with_second(sentence, b)) for a, b, label in ents if label in number_labels(q)
             or (focus and label in nlp.NUMBER and focus[:3] in sentence[a:b].lower()
                 and any(t.lemma_.lower() == focus for t in nlp.parse(sentence) if a <= t.idx < b))]
    if "MONEY" in number_labels(q) and any(unicodedata.category(ch) == "Sc" for ch in sentence):
        # (a sum the recognizer missed, by its currency sign: "€9.99/month on web or [€12.99]/month")
        doc = nlp.parse(sentence)
        spans = sorted(spans + [(t.idx, n.idx + len(n.text)) for t, n in zip(doc, doc[1:]) if t.tag_ == "$" and n.like_num
                                and n.idx == t.idx + len(t.text) and not any(a <= n.idx < b for a, b, _ in ents)])
        # (or by a sign written after the digits, which the recognizer takes for a count: "its share price to 16¢")
        spans = sorted(spans + [(m.start(), m.end() + 1) for m in re.finditer(r"(?<![\w.,])\d[\d,.]*", sentence) if m.end() < len(sentence)
                                and unicodedata.category(sentence[m.end()]) == "Sc"
                                and not any(a <= m.start() < b and label == "MONEY" for a, b, label in ents)])
    if "PERCENT" in number_labels(q) and "%" in sentence:
        # (a share the recognizer missed, by its sign, however the words around it are run together:
        # "either—85% of Gen Zers say ...", where it took "either—85" for an organisation)
        spans = sorted(spans + [m.span() for m in re.finditer(r"(?<![\w.,])\d[\d,.]*%", sentence)
                                if not any(a <= m.start() < b for a, b, label in ents if label in nlp.NUMBER)])
    # (parsed here only where it would be below anyway: a sentence with digits)
    doc = nlp.parse(sentence) if focus and any(ch.isdigit() for ch in sentence) and re.search(r"\bof\b", sentence) else None
    if doc is not None:
        # (a figure "of" the very noun asked measures it, in a unit of time too: "7.5 hours of battery life" for "How
        # much battery life ...?", "12 minutes of stoppage time", a time to the recognizer; not a share or a sum
        # the question does not ask: "40% of economists" for "How many economists ...?")
        spans = sorted(set(spans) | {(a, b) for a, b, label in ents if label in number_labels(q) | nlp.DATE | {"CARDINAL", "QUANTITY"} and _of_noun_after(doc, a, b, focus)})
    if MARGIN.match(q.text) and (by := [(a, b) for a, b, label in ents if label in nlp.NUMBER and re.search(r"\bby\s+$", sentence[:a])]):
        # ("By how much did India beat Australia?": a margin is the figure after "by", in whatever the thing
        # is counted, "by eight wickets", "by 1.43°C")
        doc = doc or nlp.parse(sentence)
        spans = sorted(set(spans) | {(a, _with_counted(doc, b)) for a, b in by})
    if not spans and not (focus and any(ch.isdigit() for ch in sentence)):
        return None
    doc = doc or nlp.parse(sentence)
    if focus and "CARDINAL" in number_labels(q):
        # (a count the recognizer missed, by the parse: "is cutting [900] employees")
        # (nor one a name holds, unless it counts a noun outside the name: "represented [the Socceroos 56]
        # times", a "law" to the recognizer)
        spans += [(t.idx, t.idx + len(t.text)) for t in doc if t.dep_ == "nummod" and t.like_num and any(ch.isdigit() for ch in t.text)
                  and not any(a <= t.idx < b and (label in nlp.NUMBER or a <= t.head.idx < b) for a, b, label in ents)]
    spans = [(a, b) for a, b in spans if not clauses.of_another(q, doc, a, b) and not _cell(sentence[a:b])]
    spans = [sp for sp in spans if not _set_aside(doc, *sp)] or spans
    # A figure the question gives is not what it asks ("the 1TB model" for its price, "after his two
    # tries" for how many in all), by its digits or its number word.
    given = {n.replace(",", "") for n in q.numbers} | {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", q.text.lower()) if w in NUMBER_WORDS}
    spans = [(a, b) for a, b in spans if _value(sentence[a:b]) not in given]
    # (of a change the sentence gives "from" one figure "to" another, the figure it came to first: "from
    # $20,000 to $35,000 a month", "from $3.5 trillion in 2022 to $7.3 trillion by 2030")
    starts = _changed_from(doc, spans)
    spans.sort(key=lambda sp: sp in starts)
    if q.period is not None:
        # ("The cheapest season ticket in 2024 is $867" does not answer for 2023: a figure whose clause
        # names another year is of another time; "cost $3,600 in 2023 but will now run $7,650 for the
        # 2024 season" gives one of each)
        spans = [(a, b) for a, b in spans if not _of_other_year(doc, a, b, q.period)]
    if not spans:
        return None
    if not focus and (told := [m for sp in spans if (m := _measured_by(doc, *sp, how_asked(q.text)))]):
        # ("How long is the guidance?": the measure the sentence gives the very adjective asked, in whatever
        # unit, "is over 1,500 pages long", before any other figure)
        spans = told
    elif not focus and how_asked(q.text) == "long":
        # a length of time has its unit ("the two-week exercise"); "the three countries" is no answer
        timed = [(a, b) for a, b in spans if any(t.lemma_.lower().removesuffix("s") in when.TIME_UNITS for t in doc if a <= t.idx < b)
                 and when.is_length(sentence[a:b])  # ("last week" says when, not how long)
                 and not _age(doc, sentence, a, b)]  # (nor is someone's age: "the 43-year-old founder")
        # (or, where no length of time is given, a length in a unit of measure, WordNet's quantities: "a
        # 56-yard field goal" for "How long was the field goal?"; not a sum of money)
        # ("the final minute", no figure, says less)
        money = {(a, b) for a, b, label in ents if label == "MONEY"}
        measured = [(a, b) for a, b in spans if (a, b) not in money and _measure(doc, a, b)]
        spans = next((found for found in ([sp for sp in timed if _figured(sentence[sp[0]:sp[1]])],
                                           [sp for sp in measured if _figured(sentence[sp[0]:sp[1]])], timed) if found), [])
        if not spans:
            return None
    if not focus and how_asked(q.text) in _DIMENSIONS:
        # ("How big is the display?": a length in a unit of measure, "at 7.4 inches", before a storage
        # size or a count the sentence gives too)
        spans = [(a, b) for a, b in spans if _measure(doc, a, b)] or spans
    if not focus and (how_asked(q.text) == "heavy" or any(t.lemma_.lower() == "weigh" and t.pos_ == "VERB" for t in nlp.parse(q.text))):
        # ("How much does it weigh?": a weight, in a unit of mass, "46.3g"; not its length, "10 feet", nor
        # its price: a sentence that gives no weight does not answer)
        # (with the unit the recognizer may leave out: "46.3" of "46.3g")
        spans = [(a, b) for a, b in spans if units.of_mass(sentence[a:b] + re.match(r"\s?[^\W\d_]*", sentence[b:]).group())]
        if not spans:
            return None
    if not focus and how_asked(q.text) == "old":
        spans = [(a, b) for a, b in spans if _age(doc, sentence, a, b)]
        # (an age is said with the person's name: "Franke's 12-year-old son" is no answer to "How old is
        # Denise George?", nor is a sentence that names only "St. George")
        # (but for a sentence that names no one and says "he" / "she": it speaks of the person its passage
        # names, "Today, aged 32, that is exactly what he is doing")
        unnamed_one = nlp.PRONOUN.search(sentence) is not None and not any(label in nlp.PERSON for _, _, label in ents)
        if not spans or (q.names and not any(_names(n, sentence, ents) for n in q.names) and not unnamed_one):
            return None
        # (the age set beside the question's person, of several: "a car driven by Leanne Hivley, 52,
        # ... a pickup truck driven by Robert J. Stephens, 73" for Stephens)
        spans.sort(key=lambda sp: not any(_beside(n, sentence, *sp) for n in q.names))
    if not focus:
        # (nor is the number of a name: "the Steam Deck 2", "UFC 295", the number right after its proper noun)
        spans = [(a, b) for a, b in spans if not _name_number(doc, a, b)]
        # (nor the number word of a partitive, which picks members and measures nothing: "one of the
        # main VC funds, Ibtikar, had raised its second fund of $30 million", where a figure is given)
        spans = [sp for sp in spans if not _partitive(doc, *sp)] or spans
        if not spans:
            return None
        # ("How much per month does X cost?": a figure given by the month, "$14.99 a month", before others)
        # (or "an annual / a monthly ...": "$99 a year" for "How much does an annual subscription cost?")
        if rate := rate_asked(q.text):
            spans = sorted(spans, key=lambda sp: not by_rate(sentence, sp[1], rate))
        # (of the clause whose subject the question names, and first the figure the question's act
        # governs: "Evolution Mining sinking 13 per cent after it raised $525 million" for "How much
        # did Evolution Mining raise?")
        acts = asked_acts(q.text)
        share = {sp: clauses.of_named(q, doc, *sp) for sp in spans}
        named = sorted((sp for sp in spans if share[sp]), key=lambda sp: -share[sp])
        # (first the figure set right beside a name the question gives: "Clayton Kershaw ($20 million)"
        # in a list of players' pay, "bowled out for 156 in Bengaluru")
        beside = [sp for sp in spans if any(_of_name(n, doc, *sp) for n in q.names)]
        named = beside + named
        owned = [sp for sp in spans if _of_noun(noun, doc, *sp)] if (noun := owned_asked(q.text)) else []
        # (first the figure of the very thing asked: "a 51% stake", "salary of $200,000")
        named = owned + named
        # (and a share of the very thing a proportion is asked of: "14% of adults and 12% of children" for "What
        # percentage of children ...?")
        if of := proportion_of(q.text):
            named = [sp for sp in spans if _of_noun_after(doc, *sp, of)] + named
        if changed(q.text, acts):
            # ("How much did Amazon cut its price?", "By how much did funding drop?": the amount of a
            # change is what it changed by, "lowered its price ... by 15%", not the price it changed)
            by = [sp for sp in spans if _by_amount(doc, *sp)]
            named, spans = [sp for sp in named if sp in by] or named, by + [sp for sp in spans if sp not in by]
        # (and the figure of the thing asked, or else of the question's name, before one of another the act
        # governs: "have to pay above $10 million a year: ..., Clayton Kershaw ($20 million)" for "How much
        # do they pay Kershaw?")
        a, b = next((sp for sp in named if _governed_by(doc, *sp, acts)), None) or next((sp for sp in owned + beside if sp in named), None) \
            or next((sp for sp in named + spans if _governed_by(doc, *sp, acts)), (named + spans)[0])
        return sentence[a:_whole(sentence, b)]
    # "How many Japanese troops ...?" is not answered by a count of South Korean troops.
    # (whose the counted ones are: "1,300 universities" of a sentence about "American universities"
    # are no one's, and may be the "US universities" asked about)
    if not speakers.same_owner(speakers.owner(focus, q.text), _counted_owner(focus, doc, sentence)):
        return None
    # ("How many people live in Gaza?": "Gaza's 2.3 million residents" counts people by what they are;
    # so do "How many LIV Golf players ...?" and "28 of 48 LIV golfers")
    people = of_people(focus)
    # (or by a one-word name WordNet gives the whole noun, with the word before it: "25 homers" for "How many
    # home runs ...?")
    said_as = {w for m in re.finditer(rf"\b([a-z]+) {re.escape(focus[:3])}\w*", q.text.lower())
               for w in lexicon.noun_synonyms(f"{m.group(1)}_{focus}") if "_" not in w} if focus else set()

    nouns = {focus} | said_as

    def counted(t, kinds: bool = False) -> bool:
        # (a gerund, "of fasting", is the noun as written)
        return nlp.noun_lemma(t) in nouns or t.lower_ == focus or (people and t.pos_ == "NOUN" and lexicon.noun_class(t.lemma_) == "person") \
            or (kinds and t.pos_ == "NOUN" and lexicon.kind_of(t.lemma_, focus))

    # (a count in a clause of the question's tense before one of another: "They had zero people in the
    # subscription model and now we have 700 million people" for "How many people are in ...?")
    if (tense := _tense(nlp.parse(q.text))) and len(spans) > 1:
        spans = sorted(spans, key=lambda sp: (verb := _clause_verb(doc, *sp)) is not None and _tense_of(verb) not in ("", tense))
    # (and first of all a count the question's act governs: "24.3 million people watched the game" for "How
    # many people watched ...?", not "he gained over 380,000 Instagram followers" before it)
    if acts := asked_acts(q.text):
        spans = sorted(spans, key=lambda sp: not _governed_by(doc, *sp, acts))
    # (then a count of a kind of the noun, by WordNet, when none counts the noun itself: "18 of its member
    # organizations" for "How many member groups ...?", "5,000 cars" for "How many vehicles ...?")
    for kinds in (False, True):
        for a, b in spans:
            toks = [t for t in doc if a <= t.idx < b]
            if not toks:
                continue
            if any(counted(t, kinds) for t in toks) and any(t.like_num for t in toks):
                return sentence[a:b]  # "six hours": the count and its noun in one span
            if any(ch.isdigit() for ch in sentence[a:b]) and units.in_unit(sentence[a:b], focus):
                return sentence[a:b]  # "360km" for "How many kilometres ...?", "€125 million" for "How many euros ...?"
            # "Nearly 500 of OpenAI's roughly 770 employees": the first counts those the sentence is about.
            if _of_after(doc, toks[-1], lambda c, kinds=kinds: counted(c, kinds)):
                return sentence[a:b]
            head = toks[-1].head
            # (or it measures the noun after "of": "gives the underdog a handicap of 1.5 runs", "a budget of $2 million")
            measure = head if toks[-1].dep_ == "nummod" and not (a <= head.idx < b) else toks[-1]
            # (a count, not a year: "Week 11 of the 2023 season")
            if not kinds and any(t.like_num for t in toks) and not any(is_year(t.text) for t in toks) \
                    and measure.dep_ == "pobj" and measure.head.lower_ == "of" and measure.head.head.lemma_.lower() == focus:
                return sentence[a : max(b, measure.idx + len(measure.text))]
            # (or the last of the things the number counts in a list: "more than 500 West End, Broadway
            # and international theatre productions, films and albums")
            # (not one with its own count: "nine million illnesses, ... and 5,000 deaths")
            listed = [t for t in head.subtree if t.dep_ == "conj" and t.lemma_.lower() == focus and t.i > toks[-1].i
                      and not any(c.dep_ == "nummod" for c in t.children)]
            if listed and head.i > toks[-1].i:
                return sentence[a : listed[0].idx + len(listed[0].text)]
            # (the words after it up to another number: "10,000 hospitalizations and 5,000 deaths")
            after = list(doc[toks[-1].i + 1 : toks[-1].i + 5])
            after = after[: next((k for k, t in enumerate(after) if t.like_num), len(after))]
            # (not by the noun a figure with its own unit stands beside: "475 pounds (215.5 kilos)" for
            # "How many pounds ...?")
            own_unit = toks[-1].pos_ == "NOUN" and not counted(toks[-1], kinds)
            if (counted(head, kinds) and not own_unit) or any(counted(t, kinds) for t in after):
                # (not to a verb the figure is the subject of: "The $250 million in penalties [she is seeking is]")
                end = head.idx + len(head.text) if head.i > toks[-1].i and head.pos_ not in ("VERB", "AUX") else b
                return sentence[a:end]
            # "How many sacks ...?": how many times the act the noun names was done ("sacking Daniel
            # Jones 11 times", "was sacked nine times")
            if head.lemma_.lower() in ("time", "times") and head.head.pos_ == "VERB" and (
                    head.head.lemma_.lower() == focus or when.derived(focus, head.head.lemma_.lower())):
                return sentence[a : head.idx + len(head.text)]
    # "How many parents had responded?": a bare count in the place the question gives the noun, subject
    # or object of the same verb, stands for it ("already more than 130 had responded positively")
    roles = {(t.head.lemma_.lower(), t.dep_) for t in nlp.parse(q.text) if t.lemma_.lower() == focus and t.dep_ in _ROLES}
    for a, b in spans if roles else ():
        if (count := next((t for t in doc if a <= t.idx < b and t.like_num and t.dep_ in _ROLES), None)) is not None \
                and (count.head.lemma_.lower(), count.dep_) in roles:
            return sentence[a:b]
    # "How many targets ...?": a bare count "with" which the clause ranks its subject "in" the noun stands
    # for it ("remains the Vikings' leader in targets with 80", "leads the league in sacks with 12")
    ranked_in = {_clause_verb(doc, t.idx, t.idx + len(t.text)) for t in doc
                 if t.lemma_.lower() == focus and t.dep_ == "pobj" and t.head.lower_ == "in"} if focus else set()
    for a, b in spans if ranked_in - {None} else ():
        if (count := next((t for t in doc if a <= t.idx < b and t.like_num), None)) is not None and count.dep_ == "pobj" \
                and count.head.lower_ == "with" and _clause_verb(doc, a, b) in ranked_in:
            return sentence[a:b]
    # "How much venture capital has Beeper raised?": a sum of money measures what the sentence names
    # ("venture capital ..., with $16 million raised"), wherever the noun stands
    # (and a sum of money is itself "money", "funding", "revenue": WordNet's class of what is owned;
    # not "venture capital", whose other words must then be said)
    # ("prize money" when the sentence says "prize": "split a prize of 11 million Swedish kronor")
    said = {t.lemma_.lower() for t in doc}

    def other_sum() -> bool:
        # ("prize money" is money however it is said, a prize being a possession itself, unless the sentence says the
        # sum is another possession: "split 11 million Swedish kronor in research grants")
        return any(t.pos_ == "NOUN" and t.lemma_.lower() != focus and lexicon.noun_class(t.lemma_.lower()) == "possession" for t in doc)

    if how_asked(q.text) == "much" and (any(t.lemma_.lower() == focus for t in doc) or (
            lexicon.noun_class(focus) == "possession" and not any(
                c.dep_ in ("amod", "compound") and not any(w.tag_[:1] == "W" for w in c.subtree)  # (not "how much" itself)
                and c.lemma_.lower() not in said
                and (lexicon.noun_class(c.lemma_.lower()) != "possession" or other_sum())
                for t in nlp.parse(q.text) if t.lemma_.lower() == focus for c in t.children))):
        money = {with_currency(sentence, a, label) for a, b, label in ents if label == "MONEY"}
        return next((sentence[a:b] for a, b in spans if a in money), None)
    return None


# The places of a verb's participants a bare count may stand in for its noun (spaCy's labels).
_ROLES = ("nsubj", "nsubjpass", "dobj")

# English's subordinators of time (a closed class): the clause they open sets when.
_TIME_MARKS = frozenset({"when", "whenever", "while", "after", "before", "since", "until", "till", "once"})


def asked_acts(question: str) -> set[str]:
    """The lemmas of what the question says was done, not said or told of a thing it names nor of
    the time it sets ("when Paul Volcker began his term": when, not what is measured); English's
    most general verbs say nothing of which act."""
    def timed(t) -> bool:
        return t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in t.children)
    return {t.lemma_.lower() for t in nlp.parse(question) if t.pos_ == "VERB" and t.lemma_.lower() not in lexicon.GENERAL_VERBS | speakers.SPEECH
            and not any(a.dep_ in ("relcl", "acl") or timed(a) for a in (t, *t.ancestors))}


def _clause_verb(doc, a: int, b: int):
    """The verb of the clause the span at a:b is in (None when none); or the adjective of a clause
    without one, which has a subject of its own ("have their cheapest ticket available for $324 in
    2024")."""
    def head(t) -> bool:
        return t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in t.children))
    tok = nlp.span_head(doc, a, b)
    while tok is not None and not head(tok) and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok is not None and head(tok) else None


# English's verbs of a change in amount, which WordNet's verbs of such change (drop, cut, lower,
# climb, ...) are particular ways of.
_CHANGE = frozenset({"increase", "decrease", "rise", "fall", "decline", "grow", "shrink"})


def changed(question: str, acts: set[str]) -> bool:
    """Does the question ask for the amount of a change ("By how much ...?", "How much did X cut /
    drop / rise?")?"""
    # (not what it came to: "How much did its share price rise to?")
    # (the parse makes the question word the object of that "to": "to how much")
    if any(t.lower_ == "to" and t.dep_ in ("prep", "dative") and all(c.lower_ in ("much", "many", "what") for c in t.children)
           for t in nlp.parse(question)):
        return False
    return MARGIN.match(question) is not None or any(
        v in _CHANGE or lexicon.broader(v, senses=3) & _CHANGE for v in acts)


def _with_counted(doc, b: int) -> int:
    """Where a bare count ending at offset b ends with the noun it counts right after it ("eight wickets"), or a
    degree with its scale ("1.43°C")."""
    if (m := re.match(r"°?[CFK]\b", doc.text[b:])) and "°" in doc.text[b - 1 : b] + m.group():
        return b + m.end()  # (the scales of temperature: Celsius, Fahrenheit, Kelvin)
    nxt = next((t for t in doc if t.idx >= b), None)
    if nxt is not None and nxt.idx == b + 1 and nxt.pos_ == "NOUN" and any(c.dep_ == "nummod" and c.idx < b for c in nxt.children):
        return nxt.idx + len(nxt.text)
    return b


def _by_amount(doc, a: int, b: int) -> bool:
    """Is the figure at a:b what something changed by ("dropped by 73%")?"""
    toks = [t for t in doc if a <= t.idx < b]
    return bool(toks) and toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "by"


def _tense(doc) -> str:
    """"past" or "present": the tense of the question's main clause, by its finite verb ("" for none)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return _tense_of(root) if root is not None else ""


def _tense_of(verb) -> str:
    """"past" or "present": the tense of a verb's clause, by its finite verb or auxiliary ("" for none)."""
    for t in [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]:
        if t.tag_ == "VBD":
            return "past"
        if t.tag_ in ("VBP", "VBZ"):
            return "present"
    return ""


def _governed_by(doc, a: int, b: int, acts: set[str]) -> bool:
    """Is the span at a:b a figure of one of these verbs' clauses ("raised [$525 million]")?"""
    verb = _clause_verb(doc, a, b)
    return verb is not None and verb.lemma_.lower() in acts


# Clauses of their own within a clause: a year there is not the clause's time.
_OWN_CLAUSE = ("ccomp", "advcl", "relcl", "conj", "acl", "parataxis")


def _of_other_year(doc, a: int, b: int, period: tuple) -> bool:
    """Does the clause of the figure at a:b name a year, none of them within the period? (A clause
    that describes a thing of another, "$867, which works out to $51 per match", is of that one's time
    when it names none.)"""
    verb = _clause_verb(doc, a, b)
    while verb is not None:
        inside = {verb.i} | {t.i for c in verb.children if c.dep_ not in _OWN_CLAUSE for t in c.subtree}
        years = {int(t.text) for t in doc if t.i in inside and t.ent_type_ == "DATE" and re.fullmatch(r"(?:19|20)\d\d", t.text)}
        if years:
            return not any(period[0].year <= y <= period[1].year for y in years)
        # (nor a reported clause: it is of its report's time, "In 2020, Statista estimated that batteries
        # accounted for 185 GWh" is no figure of 2030)
        if verb.dep_ not in ("relcl", "acl", "ccomp"):
            return False
        verb = _clause_verb(doc, verb.head.idx, verb.head.idx + len(verb.head.text))
    return False


def _value(span: str) -> str:
    """A figure's number as digits ("1 TB" -> "1", "two tries" -> "2"); "" when it has none."""
    digits = re.sub(r"[^\d.]", "", span)
    return digits or next((NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", span.lower()) if w in NUMBER_WORDS), "")


def _name_number(doc, a: int, b: int) -> bool:
    """Is the span a bare number that ends a name ("Steam Deck 2", "Week 15")?"""
    toks = [t for t in doc if a <= t.idx < b]
    return bool(toks) and all(t.like_num for t in toks) and toks[0].i > 0 and doc[toks[0].i - 1].pos_ == "PROPN" and (
        toks[-1].head.i == toks[0].i - 1 or doc[toks[0].i - 1].head.i == toks[-1].i)


def of_people(noun: str) -> bool:
    """Does the noun (a lemma) count people, which a sentence may count by any noun of a person?"""
    return noun in ("people", "person") or lexicon.noun_class(noun) == "person"


def _age(doc, sentence: str, a: int, b: int) -> bool:
    """Is the number at a:b someone's age, as English news gives it: "31-year-old", "31 years old",
    "aged 31", or set between commas after a name ("Bankman-Fried, 31, has ...")?"""
    span, after = sentence[a:b], sentence[b : b + 12].lower()
    if AGE.fullmatch(span):
        return True
    if re.fullmatch(r"(?:[a-z]+\s+){0,2}[\d,.]+(?:\s+[a-z]+illion)?\s+years\s+old", span):
        return True  # (a thing's age, in the recognizer's one span: "approximately 50,000 years old")
    if not re.fullmatch(r"\d{1,3}(?:-years?-old)?", span):
        return False
    if span.endswith("old") or after.startswith(("-year-old", " years old", " year old")) or (
            (m := AGE.search(sentence, max(0, a - 16), b)) is not None and m.end() == b):
        return True
    before = next((t for t in doc if t.idx + len(t.text) == len(sentence[:a].rstrip(" ,"))), None)
    if sentence[:a].endswith(", ") and after.startswith(",") and before is not None and before.pos_ == "PROPN":
        return True
    # (or what a person "was", a bare number: "Tyler Mitchell was just 23 when he became ...")
    num = next((t for t in doc if t.idx == a), None)
    if num is None or num.dep_ not in ("attr", "acomp") or num.head.lemma_ != "be":
        return False
    # (its subject a person, by the recognizer or by English's personal pronouns of one; a name the
    # recognizer took for another kind counts when a "when" clause says at which moment)
    when_ = any(c.dep_ == "advcl" and any(w.lower_ == "when" for w in c.children) for c in num.head.children)
    return any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she", "i") or (when_ and c.pos_ == "PROPN"))
               for c in num.head.children)


def _counted_owner(noun: str, doc, sentence: str) -> set[str]:
    """Whose the noun is where the sentence counts it ("470 South Korean troops"); where it counts it
    nowhere, wherever it names it (`speakers.owner`)."""
    counted = [t for t in doc if t.lemma_.lower() == noun and any(c.dep_ == "nummod" for c in t.children)]
    if not counted:
        return speakers.owner(noun, sentence)
    return set().union(*(speakers.owner(noun, doc[t.left_edge.i : t.i + 1].text) for t in counted))


def _beside(name: str, sentence: str, a: int, b: int) -> bool:
    """Is the age at a:b given right after the name ("Stephens, 73,") or right before it
    ("73-year-old Robert Stephens")?"""
    after = re.findall(r"[\w'’-]+", sentence[b : b + 40].lower())
    return _named_before(name, sentence, a) or _last_word(name) in after[:4]


def _of_name(name: str, doc, a: int, b: int) -> bool:
    """Is the figure at a:b set right after the name ("Clayton Kershaw ($20 million)"), or the name
    right after it with a preposition ("156 in Bengaluru")?"""
    after = [t for t in doc if t.idx >= b][:2]
    return _named_before(name, doc.text, a) or (len(after) == 2 and after[0].pos_ == "ADP" and after[1].lower_ == _last_word(name))


def _last_word(name: str) -> str:
    """The last word of a name, lower-cased, without a possessive ending."""
    return re.sub(r"['’]s$", "", name.split()[-1]).lower()


def _named_before(name: str, text: str, a: int) -> bool:
    """Is the word right before a the name's last word ("Stephens, 73", "Kershaw ($20 million)")?"""
    before = re.findall(r"[\w'’-]+", text[max(0, a - 40) : a].lower())
    return bool(before) and before[-1] == _last_word(name)


def _of_noun(noun: str, doc, a: int, b: int) -> bool:
    """Is the figure at a:b set right before the noun ("a 51% stake") or right after it, with "of",
    "at" or a verb "be" between them ("a salary of $200,000", "a stake valued at ...")?"""
    before = [t for t in doc if t.idx < a][-3:]
    after = [t for t in doc if t.idx >= b][:2]
    return any(t.lemma_.lower() == noun for t in after) or (
        bool(before) and any(t.lemma_.lower() == noun for t in before) and before[-1].lower_ in ("of", "was", "is", "be", "at", noun))


def _names(name: str, sentence: str, ents: list[nlp.Entity]) -> bool:
    """Does the sentence name the person: in full, or by the last word of the name standing alone or
    as a name of its own ("George, 64, is ...", not "St. George")? (`reader.unnamed` asks it of a
    passage by the words alone; an age needs the person's own mention.)"""
    if name.lower() in sentence.lower():
        return True
    last = re.sub(r"['’]s$", "", name.split()[-1]).lower()
    for m in re.finditer(rf"\b{re.escape(last)}\b", sentence, re.I):
        inside = next(((a, b) for a, b, _ in ents if a <= m.start() < b), None)
        if inside is None or sentence[inside[0] : inside[1]].lower() == last:
            return True
    return False


def described_aside(sentence: str, span: str, q: Question) -> bool:
    """Is the figure said in a relative clause that tells of nothing the question asks, describing
    one of the sentence's things rather than telling of the question's act ("ETF provider Betashares,
    which manages $30 billion in funds, reached an agreement to acquire ..." for "How much is
    Betashares paying ...?"; not "Arnold, who represented the Socceroos 56 times" for "How many times
    did Arnold play for the Socceroos?")"""
    at = sentence.find(span)
    tok = next((t for t in nlp.parse(sentence) if t.idx == at), None)
    while tok is not None and tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "relcl":
        return False
    if tok.lemma_.lower() in {t.lemma_.lower() for t in nlp.parse(q.text)}:
        return False
    # (a clause on one the question names that counts the very things it counts: "Washington, which
    # prodded the two countries to ink the pact" for "How many countries did Washington call on ...?")
    focus = set(terms(q.focus.split()[-1])) if q.focus else set()
    if focus and focus <= set(terms(span)) and set(terms(tok.head.text)) & set(terms(" ".join(q.names))):
        return False
    told = set(terms(" ".join(t.text for t in tok.subtree if not at <= t.idx < at + len(span))))
    return not told & (set(terms(q.text)) - set(terms(tok.head.text)))
