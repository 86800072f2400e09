"""The direct answer taken from a sentence: the name, place, date or number a question asks for, who
someone is, what someone said, and yes / no verdicts. Every span is cut from the passage text; the
kind of fact comes from the entities found at ingest, the rest from the parse of one sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from qa import asking, dates, figures, lexicon, nlp, speakers, when
from qa.keyword import term_set, terms
from qa.question import how_asked, naming_year
from qa.types import Question
from qa.verify import NUMBER_WORDS

KIND_LABELS = {
    "person": nlp.PERSON,
    "organization": nlp.ORGANIZATION,
    "place": nlp.PLACE,
    "date": nlp.DATE,
    "number": nlp.NUMBER,
}
FACT_KINDS = frozenset(KIND_LABELS) | {"describe", "outlet", "author", "published"}


def labels_for(q: Question) -> frozenset[str]:
    """Entity labels of the fact the question asks for ("how long" may be a duration or a number)."""
    if q.kind == "number":
        return figures.number_labels(q)
    if q.kind == "organization" and (q.role or q.focus).split()[-1:] and (q.role or q.focus).split()[-1] in _SIDES:
        return nlp.ORGANIZATION | {"GPE"}  # ("Washington beat Oregon": a team by its place's name)
    return KIND_LABELS.get(q.kind, frozenset())


# English's nouns of a sports side, which the news calls by the name of its place ("Washington beat Oregon")
_SIDES = frozenset({"team", "club", "side", "squad", "opponent"})


def told_with(chunk) -> str:
    """A passage's text with its article's title, outlet and byline: all it tells a name by."""
    return " ".join((chunk.text, chunk.title, chunk.source, chunk.byline))


def names_any(names: list[str], chunk) -> bool:
    """Does the passage (with its article's title, outlet and byline) name one of the names at least?"""
    return len(unnamed(names, told_with(chunk))) < len(names)


def unnamed(names: list[str], text: str) -> list[str]:
    """The names (people, organisations, places) that the text does not use, by the whole name or
    its last word ("Menendez"), quotation marks and a possessive aside."""
    # (a people's adjective is said by its place's name, "Korean" by "Korea": a few letters more on its stem)
    capitalised = {w.lower() for w in re.findall(r"\b[A-Z][\w-]+", text)}
    text = text.lower().replace("’", "'")
    bare = [re.sub(r"'s$", "", n.lower().replace("’", "'").strip(" '\"")).removeprefix("the ") for n in names]
    # (as words: "Ohio State" is not named by "the United States", nor "Ian" by "Christian"; written
    # with or without the dots of an abbreviation, "U.S." for "US", or by the initials of its words,
    # "DSA" for "EU Digital Services Act")
    undotted = text.replace(".", "")

    def said(words: str) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t) is not None for w, t in ((words, text), (words.replace(".", ""), undotted)) if w)

    def initials(name: str) -> list[str]:
        words = [w for w in name.split() if w not in _NAME_FUNCTION_WORDS]
        return [a for a in ("".join(w[0] for w in words), "".join(w[0] for w in words[1:])) if len(a) >= 3] if len(words) >= 3 else []
    # (a name in the plural is said by its singular: "two straight World Cups" by "the 2018 World Cup")
    return [n for n in bare if n and not said(n) and not said(n.split()[-1]) and not any(said(a) for a in initials(n))
            and not (n.endswith("s") and not n.endswith("ss") and " " in n and said(n[:-1]))
            and not (" " not in n and any(len(w) <= len(n) <= len(w) + 3 and speakers.demonym_of(n, {w}) for w in capitalised))]


# The function words a name of several words may hold, which its initials leave out ("Bank of America").
_NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "&", "de", "du", "la"})


def candidates(q: Question, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """Entities of the asked-for kind in the sentence that the question does not already state."""
    wanted = labels_for(q)
    if not wanted:
        return []
    asked = term_set(q.text) | term_set(" ".join(q.excluded))
    # A person the question names, by any part of the name, is not whom it asks for ("Whom did
    # Kang meet besides Motegi?" is not answered by "Toshimitsu Motegi" or "Kang Kyung-wha").
    named = term_set(" ".join(q.names)) if q.kind == "person" else frozenset()
    # ("In what year ...?" is answered by a year: not "a season", "21-year-old", "last week")
    year = q.kind == "date" and asking.asked_noun(q.text) == "year"
    # ("In which month ...?" is answered by a month's name: not "Tonight", "2024")
    month = q.kind == "date" and asking.asked_noun(q.text) == "month"
    # ("What time was kick-off?" is answered by a time of day: not "the season", "Saturday")
    clock = q.kind == "date" and asking.asks_clock(q.text)
    # ("In which city ...?", "Which state ...?": a land's name, not one ending in a noun of an organisation,
    # "the United States Tennis Association", whatever the recognizer took it for)
    land = q.kind == "place" and lexicon.noun_class(asking.asked_noun(q.text) or "-") == "location"
    out = []
    for a, b, label in ents:
        span = sentence[figures.with_currency(sentence, a, label):b]
        if q.kind == "date" and label == "CARDINAL" and re.fullmatch(r"(?:1[5-9]|20)\d\d", span) and \
                re.search(r"\b(?:in|by|until|since|before|after|from)\s+$", sentence[:a], re.I):
            label = "DATE"  # ("by 2045": a year the recognizer took for a count, after a preposition of time)
        if year and not re.search(r"\b\d{4}s?\b|'\d0s", span):
            continue
        if clock and not (label == "TIME" and re.search(r"\d", span)):
            continue
        if month and not any(w.lower() in dates.MONTH_NAMES for w in re.findall(r"[A-Za-z]+", span)):
            continue
        if q.kind == "date" and (_DURATION.fullmatch(span) or re.fullmatch(r"\d{1,2}", span) or figures.AGE.fullmatch(span) or figures.bare_unit(span)
                                 or re.search(r"\byears?[\s-]+old$|-year-old$", span)):
            continue  # "the two-day meeting" says how long, not when; "when Taylor was 9", "the age of 78", "five years old": an age; "Years" (a column's head)
        if q.kind == "date" and figures.currency_before(sentence, a):
            continue  # ("€6/month": a price after its currency's sign, whatever the recognizer calls it)
        if q.kind == "date" and (given := re.findall(r"\d+", span)) and set(given) <= set(re.findall(r"\d+", q.text)):
            continue  # "the 2023/24 season" for "When is the 2023/24 final?": a time the question gives
        if label == "TIME" and (zone := re.match(r"\.?\s[A-Z]{0,3}[SD]?T\b", sentence[b:])):
            span += zone.group()  # ("8:15 p.m. ET": a time with its zone, which English writes after it)
        if land and span.split() and not lexicon.proper_word(span.split()[-1]) and lexicon.kind_of(span.split()[-1].lower(), "organization"):
            continue
        if re.search(r"[#@\\=|<>{}]|\w_\w", span):
            continue  # ("interface#DSA", "@X"): a web page's address or tag, no name
        if re.search(r"\b[a-z]{2,}\.\W*\s", span):
            continue  # ("work.″ Credit"): a name does not run over a sentence's end (an abbreviation is capitalised: "Mrs. Ng")
        if q.kind in ("person", "organization", "place") and not any(ch.isupper() for ch in span):
            continue  # (English writes a name with a capital: not "n’t" of "won’t", which the recognizer may take for a place)
        if label in nlp.ORGANIZATION | nlp.PERSON and " " not in span and _lone_adjective(sentence, a):
            continue  # ("National mental health organisation Beyond Blue": an adjective before its noun, no name)
        if q.kind == "person" and re.fullmatch(r"[A-Z]{3,}", span):
            continue  # (a word in capitals is an acronym, "COVID", no one's name, whatever the recognizer says)
        if label in nlp.ORGANIZATION | nlp.PERSON | nlp.PLACE and figures.with_code(sentence, a, b, label)[2] == "MONEY":
            continue  # ("NIS 400 million": a sum with its currency's code, whatever the recognizer calls it, names no one)
        if label in nlp.ORGANIZATION | nlp.PERSON and ", " in span:
            # ("the parent company of Hololive, Cover Corporation": the recognizer may join a name the
            # question gives and the apposition after it into one; the apposition is the other name)
            parts = span.split(", ")
            while len(parts) > 1 and names_thing(q, parts[0]) and parts[1][:1].isupper():
                parts.pop(0)
            span = ", ".join(parts)
        if re.fullmatch(r"[A-Z]{2,5}", span) and abbreviates(q.text, span):
            continue  # ("VC" for "Which venture capital firm ...?": the question's own words, shortened)
        if names_thing(q, span):
            continue  # "ICC ODI Cricket World Cup 2023" is the "Cricket World Cup" the question names, not what it asks for
        if q.kind == "person" and label in nlp.PERSON and (more := _PARTICLE.match(sentence, b)) and all(
                t.pos_ == "PROPN" for t in nlp.parse(sentence) if b <= t.idx < more.end()):
            span += more.group()  # ("Erik" of "Erik ten Hag", which the recognizer cuts at the particle; not "... and Christian")
        elif q.kind == "person" and label in nlp.PERSON and re.search(r" [a-z]{2,3}$", span) and (more := re.match(r" [A-Z][\w'’-]+", sentence[b:])):
            span += more.group()  # ("Edwin van der" of "Edwin van der Sar": cut after the particle)
        elif q.kind == "person" and label in nlp.PERSON and " " not in span and (more := re.match(r" [A-Z][\w'’-]*[a-z][\w'’-]*\b", sentence[b:])) \
                and not any(x <= b + 1 < y for x, y, _ in ents) and all(
                    t.pos_ == "PROPN" for t in nlp.parse(sentence) if b < t.idx < b + len(more.group())):
            span += more.group()  # ("Jo-Wilfried" of "Jo-Wilfried Tsonga says": a first name cut before the surname; not an acronym, "Quora CEO")
        elif q.kind == "person" and label in nlp.PERSON and " " not in span and (before := re.search(r"(?<=\w )[A-Z][a-z][\w'’-]*[a-z] $", sentence[:a])) \
                and not any(x < a - 1 < y for x, y, _ in ents) and before.group().strip().lower() not in lexicon.HONORIFICS and all(
                    t.pos_ == "PROPN" and t.dep_ == "compound" for t in nlp.parse(sentence) if before.start() <= t.idx < a - 1):
            span = before.group() + span  # ("Destiny" of "Then Destiny Udogie’s": a first name the recognizer cut off; not the sentence's first word)
        if q.kind == "organization" and label == "NORP" and _qualifies(sentence, a, b):
            continue  # "a South Korean court": a people's adjective, no organisation of its own
        if label in nlp.ORGANIZATION and q.kind == "place" and (_at_building(q, sentence, a, b) or _where_act(q, sentence, a)):
            label = "FAC"  # ("a match at Estadio Monumental": a building the recognizer took for an organisation)
            if (kind := re.match(r" ([A-Za-z]+)\b", sentence[b:])) and kind.group(1).lower() == asking.asked_noun(q.text):
                span += kind.group()  # (with the kind of building after it, which the recognizer left out: "Coca-Cola arena")
        elif label in nlp.ORGANIZATION and q.kind == "place" and " " not in span and re.search(r"\b(?:in|at)\s+$", sentence[:a]) \
                and lexicon.noun_class(span.lower()) == "location":
            label = "GPE"  # ("the last-four match in Durban": a place, WordNet's first sense, the recognizer took for a team)
        if label not in wanted and label in _NAMED and q.kind in ("person", "organization", "place") and _called(q, sentence, a, b, label):
            label = next(iter(wanted))  # ("misinformation watcher NewsGuard" for "Which misinformation watcher ...?", whatever the recognizer took it for)
        elif label not in wanted and label in _NAMED - {"GPE", "NORP"} and q.kind == "person" and _titled(sentence, a, b):
            label = "PERSON"  # ("ex-wife Sheree Zampino", "Ryan Pinder, attorney general of the Bahamas": a person, whatever the recognizer took them for)
        if q.kind == "organization" and label in nlp.ORGANIZATION and (more := re.match(r" of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*", sentence[b:])) \
                and not any(b < x < b + more.end() for x, _, _ in ents):
            span += more.group()  # ("the Hermetic Order [of the Golden Dawn]": a body's name runs on after "of" in capitals no other name takes)
        if label in wanted and not (term_set(span) and (term_set(span) <= asked or term_set(span) & named and not _namesake(span, q))):
            out.append(span)
    if q.kind == "place":
        out += [v for v in _venues(q, sentence, ents) if v not in out and not term_set(v) <= asked]
        if how_asked(q.text) == "far":
            # ("How far south were the lights seen?": the place the sentence says they reached, "seen as far
            # south as Wiltshire", whatever the recognizer took it for, not the country it names first)
            reached = [m.group(1) for m in re.finditer(r"\bas far(?: \w+)? as (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)", sentence)]
            out = [r for r in reached if not term_set(r) <= asked] or out
    if q.kind == "person":
        out += [n for n in _unrecognised_people(sentence, ents) if n not in out and not (
            term_set(n) & named and not _namesake(n, q) or term_set(n) <= asked)]
    return out


def abbreviates(text: str, initials: str) -> bool:
    """Are the letters the initials of words the text runs together ("VC" of "venture capital")?"""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    n = len(initials)
    return any("".join(w[0] for w in words[i : i + n]).lower() == initials.lower() for i in range(len(words) - n + 1))


def _namesake(span: str, q: Question) -> bool:
    """Whether a full name, when the question asks of someone's kin, shares only its last word with
    people the question names in full under another first name ("Albert Namatjira" for "Vincent
    Namatjira's great-grandfather", "Jason Kelce" for "Travis Kelce's brother"): a relative, another
    person. A name the question gives by one word ("Motegi") may be anyone of that name, and a team's
    ("Man United") is no family's; without kin asked of, a namesake is the person's news, not the answer."""
    words = span.split()
    if len(words) < 2 or not lexicon.proper_word(words[-1]):
        return False
    doc = nlp.parse(q.text)
    if not any(t.pos_ == "NOUN" and lexicon.kind_of(t.lemma_.lower(), "relative") for t in doc):
        return False
    people = [e.text.split() for e in doc.ents if e.label_ in nlp.PERSON]
    shared = [n.split() for n in q.names if term_set(n) & term_set(span)]
    return bool(shared) and all(
        n in people and len(n) > 1 and term_set(" ".join(n)) & term_set(span) == term_set(n[-1]) == term_set(words[-1])
        and not term_set(n[0]) & term_set(words[0]) for n in shared)


# Two or three capitalised words, the first of them no common English word ("Noah Gray", "Aitor
# Ruibal", "Sandeep Patil")
_PERSON_SHAPE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)((?: [A-Z][\w-]*[a-z])(?: [A-Z][\w-]*[a-z])?)\b(?![’'-])")


def _unrecognised_people(sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """Names of people the recognizer missed ("Patrick Mahomes finds TE Noah Gray wide open"): words
    shaped as a given name and a surname outside every entity, the given name a word WordNet does not
    know as common English ("Noah", "Sandeep"; not "Real Betis", "New Jersey")."""
    # (a common noun's plural ends the name of a thing, "Getty Images", and a noun of a group or a made
    # thing that of an organisation or a building, "Fujikoshi Corporation", "Kelo Stadium")
    def thing(word: str) -> bool:
        return (word.endswith("s") and bool(lexicon.noun_class(word[:-1].lower()))) or lexicon.noun_class(word.lower()) in ("group", "artifact", "Tops")

    # (nor one "the" opens, the name of a show or an outlet: "The Dan Keller Show", "The Sporting News";
    # nor a pronoun, "Everybody Has a Secret")
    # (a capitalised function word after the name is none of it: "Credit: Hugh Stewart For ...")
    found = [(m, " ".join(w for w in m.group(0).split()[:2] + [w for w in m.group(0).split()[2:] if not nlp.is_stop(w)]))
             for m in _PERSON_SHAPE.finditer(sentence)]
    return [name for m, name in found
            if not any(a < m.end() and m.start() < b for a, b, _ in ents) and lexicon.proper_word(m.group(1))
            and not nlp.is_stop(m.group(1)) and not nlp.is_stop(name.split()[1]) and not thing(name.split()[-1])
            and lexicon.noun_class(m.group(1)) != "time"  # (a day's or a month's name: "Monday Night Football")
            and not re.search(r"\bthe\s+$", sentence[: m.start()], re.I)]


# A name in capitals, with the particles of English, French and Spanish names inside it ("Stade de
# France", "Bank of America Stadium"), after a preposition of place
_VENUE = re.compile(r"\b(?:at|in|inside)\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+(?:(?:de|del|la|le|du|des|di|of)\s+)?[A-Z][\w'’&-]*)*)")


def _venues(q: Question, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """For "At which stadium ...?" (a noun of WordNet's artifacts): the names the sentence puts something
    at that the recognizer missed or cut ("at Den Dreef", "at the Stade de France", whose "France" it took
    for the country); not a name it gives whole as another kind ("in Dallas", "at 8pm")."""
    noun = asking.asked_noun(q.text)
    if not noun or not lexicon.may_be_artifact(noun) or not re.search(r"\b(?:at|in|inside) ", sentence):
        return []
    kept = [(a, b) for a, b, label in ents if label in nlp.PLACE | nlp.ORGANIZATION | nlp.NUMBER | nlp.DATE | {"NORP"}]
    # (one whose last word says it is a building, "SoFi Stadium", "Cotton Bowl Stadium": "at Sports
    # Interaction" is where bets are placed)
    # (without its owner: "Southern California’s SoFi Stadium")
    return [re.split(r"['’]s\s+", m.group(1))[-1] for m in _VENUE.finditer(sentence)
            if not any(a <= m.start(1) and m.end(1) <= b for a, b in kept) and lexicon.may_be_artifact(m.group(1).split()[-1].lower())]


# OntoNotes' labels of a name (not of a time or a figure): which of them the recognizer gives an
# unfamiliar name is often a guess ("Stipe Miocic" an organisation, "Holeroll" a person)
_NAMED = nlp.PERSON | nlp.ORGANIZATION | nlp.PLACE | {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def _called(q: Question, sentence: str, a: int, b: int, label: str) -> bool:
    """Does the sentence call the name at a:b by the noun "which" asks for, right beside it in one
    noun phrase ("misinformation watcher NewsGuard", "two teenagers, Alejandro Garnacho and ...",
    "Nice, the French club", "the Raine banking group")? (By the words' order: the parse often
    hangs an unfamiliar name elsewhere.)"""
    noun = asking.asked_noun(q.text)
    # (by its words first: a parse of every sentence that names something would cost the question path)
    if not noun or not re.search(rf"\b{re.escape(noun[:-1] if len(noun) > 3 else noun)}", sentence, re.I):
        return False
    doc = nlp.parse(sentence)
    inside = [t for t in doc if a <= t.idx < b]
    if not inside:
        return False
    before = doc[: inside[0].i]
    if len(before) and before[-1].text == ",":
        before = before[:-1]
    if len(before) and before[-1].pos_ == "NOUN" and before[-1].lemma_.lower() == noun:
        return True
    if label in ("GPE", "NORP"):
        return False  # (a place or a people before a noun qualifies it: "a U.S. official", "a Japanese company")
    after = list(doc[inside[-1].i + 1 :])
    if after and after[0].text == ",":
        after = after[1:]
    for t in after[:5]:
        if t.pos_ == "NOUN" and t.lemma_.lower() == noun:
            # (one of a kind: "U.S. officials" are of the U.S., not it; nor the title of the name right
            # after it, which the name before only qualifies: "Mathematical Sciences professor Hongjin Fan")
            return t.tag_ == "NN" and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        if t.dep_ not in ("det", "amod", "compound", "nmod") or t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
            return False
    return False


def _titled(sentence: str, a: int, b: int) -> bool:
    """Does the sentence give the name at a:b a common noun of a person (WordNet's class) as its title
    right before it ("ex-wife Sheree Zampino", "CFO Brian West") or in apposition right after it ("Ryan
    Pinder, attorney general of the Bahamas")? Not one that titles the next name: "Chelsea, manager
    Mauricio Pochettino". (By the words alone: a parse of every sentence naming something costs.)"""
    # (a singular noun: a plural before a name is of a group, "hosts Fulham")
    def person(word: str) -> bool:
        return lexicon.noun_class(word.lower()) == "person"

    if (m := re.search(r"(?<![\w.])([a-z][\w-]*|[A-Z]{2,})\s+$", sentence[:a])) and person(m.group(1)):
        return True
    # (a title in apposition is written bare, "Ryan Pinder, attorney general of ...": "Apple, the maker of
    # the iPhone" describes a company by what it does)
    m = re.match(r",\s+(?!(?:the|a|an|its|his|her|their)\b)((?:[\w-]+\s+){0,2}?)([A-Za-z][\w-]*)(?=\s+(?:of|at|for|with|who)\b|\s*[,.;]|$)", sentence[b:])
    return m is not None and person(m.group(2)) and all(w.islower() or w.istitle() for w in m.group(1).split())


def _at_building(q: Question, sentence: str, a: int, b: int) -> bool:
    """For "At which stadium ...?" (a noun of WordNet's artifacts: stadium, ballpark, hotel), or for
    "Where ...?": is the name at a:b where the sentence puts something ("at Estadio Monumental")?"""
    noun = asking.asked_noun(q.text)
    if noun and lexicon.may_be_artifact(noun):
        # (by the words: the parse often hangs a foreign name elsewhere)
        return re.search(r"\b(?:at|in|inside)\s+(?:the\s+)?$", sentence[:a]) is not None
    # (for "Where ...?", a name whose own last word says it is a building, at which something is
    # done: "a tournament at Wynn Golf Club", "at Madison Square Garden")
    last = sentence[a:b].split()[-1] if sentence[a:b].split() else ""
    return not noun and last[:1].isupper() and lexicon.may_be_artifact(last.lower()) \
        and re.search(r"\bat\s+(?:the\s+)?$", sentence[:a]) is not None


def _where_act(q: Question, sentence: str, a: int) -> bool:
    """Is the name at `a` where the sentence says the question's act is done ("At Jamnagar, it is
    building ..." for "Where is X building ...?"), whatever the recognizer took it for?"""
    act = asking.act_of(q.text)
    tok = next((t for t in nlp.parse(sentence) if t.idx == a), None)
    if bool(act) and tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in") and tok.head.head.lemma_.lower() == act:
        return True
    # (or at the noun the question gives the act's doer as: "a professor of ocean exploration at the
    # University of Southampton" for "Where does X work as a professor?")
    nouns = {t.lemma_.lower() for t in nlp.parse(q.text) if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "as"}
    if not nouns:
        return False
    doc = nlp.parse(sentence)
    head = next((t for t in doc if t.idx >= a), None)
    head = nlp.span_head(doc, a, a + len(head.text)) if head is not None and head.dep_ != "det" else \
        (head.head if head is not None else None)
    # (the parse may hang "at" on the noun's own complements: "of ocean exploration [at ...]")
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "at" and any(
        t.lemma_.lower() in nouns for t in head.head.ancestors)


def names_thing(q: Question, span: str) -> bool:
    """Does the span hold, whole, a name the question gives of a thing (not a place or a people,
    which qualify other names: "South Korea's spy agency", "the South Korean foreign ministry")?"""
    places = {e.text for e in nlp.parse(q.text).ents if e.label_ in nlp.PLACE | {"NORP"}}
    words = _spaced(span)
    return any(_spaced(n.lower().removeprefix("the ")) in words for n in q.names if n and n not in places)


def _spaced(text: str) -> str:
    """The text's words, lower-cased, with a space on each side (to find one run of words in another)."""
    return " " + " ".join(re.findall(r"[\w-]+", text.lower())) + " "


def _qualifies(sentence: str, a: int, b: int) -> bool:
    """Is the span at a:b a word that qualifies a noun after it ("[Japanese] companies")?"""
    root = nlp.span_head(nlp.parse(sentence), a, b)
    return root is not None and root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN")


# A lower-case particle inside a name ("Erik ten Hag", "Virgil van Dijk", "Mohammed bin Salman"):
# a lower-case word between capitalised ones, in names of many languages.
_PARTICLE = re.compile(r"(?: [a-z]{2,3})+ [A-Z][\w'’-]+")
# English's hyphenated adjectives of duration ("two-day", "10-year", "six-week-long"), which the
# recognizer labels dates.
_DURATION = re.compile(r"[\w.]+-(?:second|minute|hour|day|week|month|year|decade)s?(?:-long)?"
                       rf"|(?:about |nearly |almost |over |more than )?(?:\d+|{'|'.join(NUMBER_WORDS)}) (?:second|minute|hour|day|week|month|year|decade)s?", re.I)


def one_sense(texts: list[str], ents: list[list[nlp.Entity]]) -> list[list[nlp.Entity]]:
    """The sentences' entities with a name read one way throughout: a mention the recognizer took
    for an organisation or a place ("Bankman-Fried pleaded not guilty") is a person when the same
    sentences name that person in full as one ("Sam Bankman-Fried"): one sense per discourse."""
    # ("Bankman-Fried’s": the possessive is not part of the name)
    def bare(span: str) -> str:
        return re.sub(r"[’']s$", "", span)

    people = {texts[i][a:b] for i, es in enumerate(ents) for a, b, label in es if label in nlp.PERSON}
    # A one-word name is a person's when the recognizer calls it one more often than not: it also
    # errs the other way ("OpenAI has appointed ..." taken once for a person).
    tally: dict[str, int] = {}
    for i, es in enumerate(ents):
        for a, b, label in es:
            if " " not in (w := bare(texts[i][a:b])) and label in nlp.PERSON | nlp.ORGANIZATION | nlp.PLACE:
                tally[w] = tally.get(w, 0) + (1 if label in nlp.PERSON else -1)
    names = {p.split()[-1] for p in people if " " in p} | {p for p in people if " " not in p and tally.get(bare(p), 0) > 0}

    def person(span: str) -> bool:  # (by a surname, or by a whole name the sentences call a person's)
        return bare(span) in names or (" " in bare(span) and bare(span) in people)

    # English sets no article before a person's name: a one-word name the sentences write after "the",
    # as a noun phrase's head ("the Blackhawks score", not "the Trump administration"), is a team's or
    # a body's wherever they name it, whatever the recognizer took it for.
    teams = {w for i, es in enumerate(ents) for a, b, label in es if label in nlp.PERSON and _after_the(texts[i], a, b)
             for w in [bare(_THE.sub("", texts[i][a:b]))]}
    names -= teams
    return [[(a, b, "ORG" if label in nlp.PERSON and bare(_THE.sub("", texts[i][a:b])) in teams
              else "PERSON" if label != "PERSON" and label in nlp.ORGANIZATION | nlp.PLACE and person(texts[i][a:b])
              else "PERSON" if label in _THING_LABELS and " " in bare(texts[i][a:b]) and bare(texts[i][a:b]) in people else label)
             for a, b, label in es] for i, es in enumerate(ents)]


_THE = re.compile(r"^the ", re.I)
# Labels of things with names like people's ("Cole Palmer dispatched ..." taken for a product): a
# whole name the sentences call a person's elsewhere is the person's.
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})


def _lone_adjective(sentence: str, a: int) -> bool:
    """Is the word at a an adjective the parse hangs on a noun? (Parsed only if English has it as one.)"""
    if not lexicon.is_adjective(re.sub(r"\W+$", "", sentence[a:].split(" ", 1)[0])):
        return False
    tok = next((t for t in nlp.parse(sentence) if t.idx == a), None)
    return tok is not None and tok.pos_ == "ADJ" and tok.dep_ == "amod"


def _after_the(sentence: str, a: int, b: int) -> bool:
    """Is the one-word name at a:b written after "the" (inside the recognizer's span or right before
    it), as the head of its noun phrase?"""
    if (lead := _THE.match(sentence[a:b])) is not None:
        a += lead.end()
    elif not re.search(r"(?<![\w-])the $", sentence[max(0, a - 5) : a], re.I):
        return False
    if " " in sentence[a:b].strip() or not sentence[a:a + 1].isupper():
        return False
    tok = next((t for t in nlp.parse(sentence) if t.idx == a), None)
    return tok is not None and tok.dep_ not in ("compound", "nmod", "amod") and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def of_other_act(verb: str, sentence: str, span: str, saying: bool = True) -> bool:
    """Is the span the date of another act than the question's verb ("Japan scrapped the status
    last month" for "When did Japan restore it?"): its nearest verb is a verb of content, not the
    question's nor "be / have"? `saying`: whether the question's verb is used as a verb of saying."""
    lemma, tok = when.governor(verb, sentence, span)
    if tok is None or tok.pos_ != "VERB":
        return False
    # (verbs of saying are one act: "say" is answered by "announced")
    same = speakers.same_act(lemma, tok.lemma_.lower()) if saying else lemma == tok.lemma_.lower()
    return tok.lemma_.lower() not in speakers.PRO_VERBS and not same and not when.carries(tok, lemma)


def _owning(tok, words: list) -> bool:
    """Is the word part of a possessive ("Binance's", "Sam Altman's") or of a phrase of a
    preposition among `words` ("the co-founder of ... Twitch"): whose the role is, not another person?"""
    return tok.tag_ == "POS" or tok.dep_ == "poss" or (tok.dep_ == "compound" and tok.head.dep_ == "poss") \
        or any(a.dep_ == "prep" and a in words for a in tok.ancestors)


def describe(subject: str, sentence: str, title_only: bool = False) -> str | None:
    """Who or what `subject` is, as the sentence says it: the apposition ("the US Embassy spokesperson
    in South Korea, William M. Coleman") or the title in front of the name ("US Secretary of State
    Mike Pompeo"). `title_only`: an apposition too long to be a title may be cut to the title before
    the phrase that tells where ("the director of X [in the Mughraqa area ...]"): a reader matching
    titles wants that; one describing the person wants all of it."""
    given = ""  # the given names, when the sentence names the person by the surname alone
    if subject.lower() not in sentence.lower():
        last = subject.split()[-1]
        # (by the last word as a name: capitalised and whole, "Kang"; not "centers" for "Family Center")
        if not re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", sentence):
            return None
        given, subject = subject[: -len(last)].strip(), last
    doc = nlp.parse(sentence)
    start = sentence.lower().find(subject.lower())
    toks = [t for t in doc if start <= t.idx < start + len(subject)]
    if not toks:
        return None
    # "Kang" in "... Minister Kang Kyung-wha said": the title is the whole name's.
    name = next((e for e in doc.ents if e.start <= toks[0].i < e.end and e.label_ in nlp.PERSON), None)
    if name is not None and name.end - 1 >= toks[-1].i:
        if given and speakers.another_of_the_name(f"{given} {subject}", sentence):
            return None  # "Matt Huang" is not Jensen Huang
        toks = [t for t in name if t.tag_ != "POS"]  # (the recognizer may take in the "'s")
    head = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i), toks[-1])

    def title(words) -> str | None:
        # A description names a role: it holds a common noun, and it is a phrase, not a clause.
        # (Nor does it name another person: "GSOMIA, the US Embassy spokesperson, William M. Coleman".)
        words = list(words)
        # (A name that only owns the role is part of it: "Binance's former head of markets".)
        if any(t.ent_type_ == "PERSON" and not _owning(t, words) for t in words):
            return None
        comma = next((k for k, t in enumerate(words) if t.text == "," and k), None)
        if comma is not None and (found := title(words[:comma])) is not None:
            return found  # ("the CEO of Microsoft[, a major investor in ...]": the role, not what its noun is)
        words = [t for t in words if t.dep_ != "punct"]
        # (A date or a number is no role: "Sam Altman (@sama) November 18, 2023", a post's signature.
        # Nor a phrase of a preposition: "in testimony". A role is a noun phrase.)
        head = next((t for t in words if t.head not in words or t.head == t), None)
        # (a participle before a noun is its adjective: "failed cryptocurrency exchange")
        # (Nor an organisation or place alone, "OpenAI", "Man United": whose the role is, not the role.)
        # (a hyphenated word is one: "co-founder")
        size = len(words) - 2 * sum(t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_ for t in words)
        if 2 <= size <= 12 and head is not None and head.pos_ in ("NOUN", "PROPN") and not all(
                t.ent_type_ or t.pos_ in ("DET", "PART") for t in words) and not any(
                (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or (t.ent_type_ == "PERSON" and not _owning(t, words)) for t in words) and any(
                t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _NOT_ROLES for t in words):
            # Cut from the text as written, at whole words: the parse may split a hyphenated one
            # ("ex-Y Combinator president", "the co-founder of ...").
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            start = len(sentence[:start].rstrip()) if sentence[:start] != sentence[:start].rstrip() else (
                m.start() if (m := re.search(r"[\w-]+$", sentence[:start])) else start)
            end += len(m.group(0)) if (m := re.match(r"[\w-]+", sentence[end:])) else 0
            found = sentence[start:end].strip(" ,'’")
            # (never the name itself, "Hag’s", nor a piece of a bracket, "formerly Twitter) from ...")
            if set(terms(found)) & set(terms(subject)) or found.count("(") != found.count(")"):
                return None
            return found
        return None

    # "<Full Name> (<ACRONYM>)": the full name, with the description that follows it, if any
    # ("the General Security of Military Information Agreement (GSOMIA), a bilateral ... pact").
    if toks[0].i > 0 and doc[toks[0].i - 1].text == "(" and toks[-1].i + 1 < len(doc) and doc[toks[-1].i + 1].text == ")":
        full = [t for t in doc[: toks[0].i - 1]][::-1]
        full = [t for t in full[: next((k for k, t in enumerate(full) if not t.is_title and t.lower_ not in ("of", "for", "and", "on")), len(full))]][::-1]
        if full and full[0].is_title:
            name = bare_name(sentence[full[0].idx : full[-1].idx + len(full[-1].text)])
            after = doc[toks[-1].i + 2 :]
            if len(after) > 1 and after[0].text == ",":
                end = next((t.i for t in after[1:] if t.text in (",", ";", ".")), len(doc))
                if (more := title(doc[after[0].i + 1 : end])) is not None:
                    return f"{name}, {more}"
            return name
    # "<title>, <name>": the phrase between the previous comma and the name (set beside it, not the
    # subject of a clause of its own: "The goal, Bankman-Fried told her, was ...").
    before = [t for t in doc[: toks[0].i]]
    # (past an adverb: "..., Jourova also warned today" is a clause of hers, "Kremlin propaganda" no title)
    after = next((t for t in doc[toks[-1].i + 1 :] if t.pos_ != "ADV"), None)
    # (Nor when the name only owns what follows: "At the time, Binance's spokesperson said".)
    if before and before[-1].text == "," and (after is None or (after.pos_ not in ("VERB", "AUX") and after.tag_ != "POS")):
        cut = max((t.i for t in before[:-1] if t.text in (",", ";", "(", ")")), default=-1)
        if (found := title(doc[cut + 1 : toks[0].i - 1])) is not None:
            return found
        # (or, when a clause runs up to it, the noun phrase before the comma: "... talks with her
        # Japanese counterpart, Toshimitsu Motegi")
        noun = before[-2] if len(before) > 1 else None
        # (not a phrase that opens the sentence with a preposition or a participle: "In the post-race media
        # conference, Mark Rushbrook, the Global Director ...", "Commenting on the coordinated attack, Rania
        # Khalek, a journalist, said" say when or how, not who)
        fronted = cut == -1 and (before[0].pos_ == "ADP" or before[0].tag_ in ("VBG", "VBN"))
        if noun is not None and noun.pos_ == "NOUN" and not fronted and (found := title([t for t in noun.subtree if t.i <= noun.i])) is not None:
            return found
    # "<name>, <title>,": the title is in apposition to the name.
    # (the parse may take it for a list's next item: "IMPALA, the trade association for ..., and
    # Adami": a noun with its article right after "<name>," is set beside the name)
    appos = [c for c in head.children if c.dep_ == "appos" or (
        c.dep_ == "conj" and c.pos_ == "NOUN" and any(d.dep_ == "det" for d in c.children)
        and c.left_edge.i == head.i + 2 and doc[head.i + 1].text == ",")]
    for k, child in enumerate(appos):
        words = list(child.subtree)
        # (up to where a list goes on: "Ferrylink, the trade association for ..., and Portwatch, ...")
        end = next((w.i for w in words if w.i > child.i and w.text == "," and (child.dep_ == "conj" or (
            w.i + 1 < len(doc) and doc[w.i + 1].dep_ == "cc"))), len(doc))
        words = [t for t in words if t.i < end]
        # (the parse may split a hyphenated noun into appositions, "co", "-", "founder": one phrase)
        while k + 2 < len(appos) and appos[k + 1].text == "-" and appos[k + 1].i == child.i + 1 and appos[k + 2].i == child.i + 2:
            words = sorted({*words, *appos[k + 1].subtree, *appos[k + 2].subtree}, key=lambda t: t.i)
            k, child = k + 2, appos[k + 2]
        if (found := title(words)) is not None:
            return found
        # (without the clause that tells more of it: "the crypto exchange [founded by ...]")
        clauses = [c for c in child.children if c.dep_ in ("acl", "relcl") and c.i > child.i]
        if clauses and (found := title([t for t in words if t.i < clauses[0].left_edge.i])) is not None:
            return found
        # (nor the phrase that tells where it is: "the director of the Turkish Friendship Hospital [in the
        # Mughraqa area in the central Gaza Strip]")
        where = [w for w in words if w.dep_ == "prep" and w.lower_ != "of" and w.i > child.i]
        if title_only and where and (found := title([t for t in words if t.i < where[0].i])) is not None:
            return found
    # "<title> <name>": the words in front of the name that modify it.
    return title([t for t in head.subtree if t.i < toks[0].i])


# Entity labels of what a role is not: places and peoples (whose role it is), people, and dates and
# numbers (nlp.DATE, nlp.NUMBER).
_NOT_ROLES = frozenset({"GPE", "LOC", "PERSON", "NORP"}) | nlp.DATE | nlp.NUMBER | {"ORDINAL"}


def has_predicate(sentence: str) -> bool:
    """Does the sentence say something: has it a verb (not only names, as a caption or a heading)?"""
    return any(t.pos_ in ("VERB", "AUX") for t in nlp.parse(sentence))


def has_verb(sentence: str, lemma: str, predicate: bool = False) -> bool:
    """Does the sentence use the verb, in any of its forms ("met", "meeting" for "meet")? With
    `predicate`, as a verb that tells something happened, not a participle before a noun ("the
    collapsed exchange")."""
    return bool(lemma) and any(t.lemma_.lower() == lemma for t in nlp.parse(sentence)
                               if t.pos_ in ("VERB", "AUX") and not (predicate and t.dep_ == "amod"))


def uses_verb(verb: str, sentence: str, words: frozenset[str], parse: bool = True) -> bool:
    """Does the sentence (`words`: its keyword terms) use the verb: by its stem, or, when `parse`,
    in a form the stem misses ("met" for "meet"; "laid" for "lay", which alone reads as "lie")?"""
    return bool(set(terms(verb)) & words) or (parse and (has_verb(sentence, nlp.lemma(verb)) or has_verb(sentence, verb.lower())))


def placed(sentence: str, span: str, ents: list[nlp.Entity], also: Callable[[str], bool] = lambda place: False) -> str:
    """A place as the sentence sets it: with the place it lies in, written after a comma ("One
    Portland, Maine-based startup" -> "Portland, Maine"; not two items of a list, "France, Germany
    and Italy"), and with a place joined to it by "and" that `also` accepts ("test markets of New
    Zealand and the Philippines")."""
    at = sentence.find(span)
    if at < 0:
        return span
    end = at + len(span)
    places = [(a, b) for a, b, label in ents if label in nlp.PLACE]
    joined = re.match(r"\s+and\s+", sentence[end:])
    if joined is not None and sentence[max(0, at - 2):at] != ", ":  # (not the end of a longer list)
        start = end + joined.end()
        # (the article before the other place may be in the recognizer's span or not)
        starts = (start, start + 4) if sentence[start : start + 4].lower() == "the " else (start,)
        other = next((b for a, b in places if a in starts and also(sentence[a:b])), None)
        if other is not None:
            return sentence[at:other]
    # (a country lies within no place written after it: "friendlies vs Germany, Ghana" is a list)
    inside = next(((a, b) for a, b in places if sentence[b:at] == ", " and sentence[max(0, a - 2):a] != ", "
                   and not lexicon.is_country(sentence[a:b])), None)
    if inside is not None and not re.match(r",\s|\s+(?:and|or)\s", sentence[end:]):
        return sentence[inside[0]:end]
    # (or the place it lies in written after it: "in Wayne County, Michigan"; not when either is a
    # country, nor in a list, "Paris, Lyon and Nice", "Paris, Lyon, Nice")
    outer = next(((a, b) for a, b in places if sentence[end:a] == ", "), None)
    if outer is not None and not lexicon.is_country(span) and sentence[max(0, at - 2):at] != ", " \
            and not re.match(r"\s+(?:and|or)\s|,\s*(?:and\s|or\s)?[A-Z]", sentence[outer[1]:]) \
            and not any(a == outer[1] + 2 for a, _ in places) and not _subject_at(sentence, *outer):
        return sentence[at:outer[1]]
    return span


def _subject_at(sentence: str, a: int, b: int) -> bool:
    """Is the name at characters a-b the subject of a clause ("in Malaga, Australia will face Italy"): no
    place the name before the comma lies in?"""
    inside = [t for t in nlp.parse(sentence) if a <= t.idx < b]
    return any(t.dep_ in ("nsubj", "nsubjpass") and not (a <= t.head.idx < b) for t in inside)


def venue_in(sentence: str, place: str, ents: list[nlp.Entity], asked: frozenset[str]) -> str:
    """The place with the named venue the sentence sets in it, when one stands right before "in
    <place>" ("received exorcism training at Ateneo Pontificio Regina Apostolorum in Rome", "rented
    out Prime Social Rooftop in Kansas City"): where a thing happened is the venue, in that place.
    Not a venue the question names (`asked`, its terms), nor a city or a country (a city "in" a state
    is a place within it, which `placed` gives)."""
    at = sentence.find(place)
    if at < 0:
        return place
    venue = next(((a, b) for a, b, label in ents if b == at - 4 and sentence[b:at] == " in " and label in ("ORG", "FAC", "LOC")), None)
    if venue is None or term_set(sentence[venue[0]:venue[1]]) & asked:
        return place
    return bare_name(sentence[venue[0]:venue[1]]) + " in " + place


def by_initials(title: str, text: str) -> bool:
    """Does the text write the title's last two or three words by their initials, as English writes
    titles ("GM" for "general manager", "CEO" for "chief executive officer")?"""
    words = title.split()
    return any(re.search(rf"\b{''.join(w[0] for w in words[-n:]).upper()}\b", text) is not None
               for n in (2, 3) if len(words) >= n and all(w[:1].isalpha() for w in words[-n:]))


def bare_name(span: str, at_start: bool = True) -> str:
    """A name as a name, without the article or the possessive an entity span may carry ("the
    Federal Reserve's" -> "Federal Reserve"). `at_start`: the span may begin its sentence (as far as
    the caller knows)."""
    # (and a dash or comma the recognizer may take in: "Max Martin -")
    span = re.sub(r"(?:'s|’s|'|’)$", "", re.sub(r"[\s\-–—,;:]+$", "", span.strip()))
    words = span.split()
    # ("In Lisbon" at a sentence's start; but English capitalises a word inside a sentence only as a
    # name's, so "Beyond Blue", "Third Point" keep theirs: an article is never all of a name's start)
    while len(words) > 1 and nlp.is_stop(words[0]) and (at_start or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    while len(words) > 1 and words[-1] in _NAME_FUNCTION_WORDS:  # (the recognizer's "Alphabet of": a name ends in a name)
        words = words[:-1]
    return " ".join(words)


def full_name(name: str, passage_ents: list[str], texts: list[str] = (), entity_words: frozenset[str] = frozenset()) -> str:
    """A name as the passages give it in full ("Kim" -> "Kim You-geun", the commonest full form;
    the longer on a tie), or the full form of a clipped one ("the Fed" -> "Federal Reserve").
    Failing those, a one-word name takes the capitalised word the passages' `texts` put before it
    when that word is a first name or a place the recognizer found (`entity_words`, lower-cased):
    "Purdy" -> "Brock Purdy", "Vikings" -> "Minnesota Vikings"; not "In Vikings", "Azure OpenAI"."""
    longer = [e for e in passage_ents if e != name and len(e) > len(name) and (e.startswith(name + " ") or e.endswith(" " + name))]
    if not longer and " " not in name and len(name) <= 4:  # clipped names are short: Fed, Gov, Corp
        longer = [e for e in passage_ents if " " in e and e.split()[0] != name and e.split()[0].isalpha() and e.split()[0].startswith(name)]
    if not longer and texts and name[:1].isupper() and " " not in name:
        pattern = re.compile(rf"(?<![\w’'&-])([A-Z][\w’'&-]+\s){re.escape(name)}(?![\w-])")
        # (a run of capitalised words that starts inside a longer run joins two names: not one)
        longer = [bare_name(m.group(0)) for t in texts for m in pattern.finditer(t) if not re.search(r"[A-Z][\w’'&-]*\s$", t[:m.start()])]
        longer = [e for e in longer if e != name and all(w.lower() in entity_words for w in e.split()[:-1])]
    # (of forms as common and as long, the first the passages give: the same answer in every run, which a
    # set's order, varying between processes, did not give)
    return max(dict.fromkeys(longer), key=lambda e: (longer.count(e), len(e))) if longer else name


# A numbered name: a capitalised word and its number ("UFC 295", "Week 13", "Game 4").
_NUMBERED = re.compile(r"\b([A-Z][\w.+-]*) (\d+)\b")


def other_numbered(question: str, sentence: str) -> bool:
    """Does the sentence name another of a numbered thing the question names ("UFC 294 in Abu Dhabi"
    for "At which venue was UFC 295 held?"), and not the question's own (any of them: "No. 17 Arizona
    beat No. 22 Utah" is told by "blowing out No. 22 Utah")?"""
    asked: dict[str, set[str]] = {}
    for stem, n in _NUMBERED.findall(question):
        if stem.lower().rstrip(".") not in dates.MONTH_NAMES and len(n) != 4:
            asked.setdefault(stem.lower(), set()).add(n)  # (not a date, "October 2023", "Oct. 12", nor a name's year)
    for stem, numbers in asked.items():
        told = {m for s, m in _NUMBERED.findall(sentence) if s.lower() == stem}
        if told and not told & numbers:
            return True
    # (nor another year's edition of a thing named by its year: "the 2015 World Cup" for "the 2003
    # Cricket World Cup", by the name's last word and no mention of the question's year)
    years = {e.text for e in nlp.parse(question).ents if e.label_ == "DATE" and naming_year(e)}  # (not "in October 2023")
    for year, name in _EDITION.findall(question):
        if year not in years:
            continue
        told = {y for y, n in _EDITION.findall(sentence) if n.split()[-1] == name.split()[-1]}
        if told and year not in told and year not in sentence:
            return True
    return False


_EDITION = re.compile(r"\b((?:19|20)\d\d) ((?:[A-Z][\w-]* )*[A-Z][\w-]*)")


def named_venue(q: Question, sentence: str, span: str, ents: list[nlp.Entity]) -> bool:
    """Is the span a building "At which stadium ...?" asks for that the recognizer took for an
    organisation ("at Estadio Monumental"), as `candidates` reads it?"""
    at = sentence.find(span)
    return any(a == at and label in nlp.ORGANIZATION for a, _, label in ents) and _at_building(q, sentence, at, at + len(span))
