"""Reading a question before answering it: what it asks for (a person, a place, a date, a number,
a verdict, a reason, what someone said, ...) and the constraints it sets (names, numbers, outlets, a
time), from spaCy's parse of the question, so that the answerer looks for that kind of fact."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

from qa import dates, lexicon, nlp, records
from qa.query import outlets_named
from qa.speakers import SPEECH  # "what did X <say / urge / report>" asks for X's words
from qa.types import Question

# Nouns of a part of a whole: "what share of ...?" is answered by a percentage (general English).
PROPORTION = ("share", "percentage", "percent", "proportion", "fraction")
# Nouns that say what kind of thing a "which / what <noun>" question asks for. They are the answer
# classes of question classification (person, organization, place, date, outlet), in general English.
_NOUN_KIND = {
    **dict.fromkeys(("outlet", "newspaper", "publication", "paper", "website", "site", "media", "agency", "broadcaster", "magazine", "source",
                     "article", "story"), "outlet"),  # ("which article reported X?": the outlet whose article did)
    **dict.fromkeys(("person", "people", "official", "minister", "president", "leader", "spokesperson", "spokesman", "spokeswoman",
                     "secretary", "envoy", "ambassador", "individual", "man", "woman", "executive", "founder", "ceo", "player",
                     "coach", "author", "reporter", "journalist", "director", "chairman", "chief", "head", "politician", "lawmaker"), "person"),
    **dict.fromkeys(("company", "firm", "organization", "organisation", "group", "ministry", "government", "team", "party",
                     "bank", "startup", "business", "brand", "institution", "court", "body", "entity", "club", "association",
                     "union", "league", "federation", "authority", "commission", "regulator", "department", "council",
                     # (a studio, a label, a retailer: companies, though WordNet's first sense of some is a room or a person)
                     "committee", "corporation", "studio", "label", "retailer", "manufacturer", "automaker",
                     "airline", "carrier", "network"), "organization"),
    **dict.fromkeys(("city", "country", "place", "region", "state", "location", "nation", "town", "province", "village", "county",
                     "district", "island", "capital", "venue", "stadium", "arena", "airport", "municipality", "neighborhood",
                     "neighbourhood", "borough", "suburb"), "place"),
    **dict.fromkeys(("year", "date", "day", "month", "time", "week", "decade"), "date"),
    **dict.fromkeys(PROPORTION + ("amount", "sum", "number", "total", "score", "price", "cost", "fee", "value", "worth"), "number"),
}
# The compass directions (English): "how far <direction>" asks for the farthest place reached.
_COMPASS = {"north", "south", "east", "west", "northward", "southward", "eastward", "westward"}
# "How" and an adjective of measure asks for a figure: English's dimension adjectives (size, length,
# age, distance, height, weight, width, depth, speed) and "many / much / often".
_HOW_MUCH = {"many", "much", "long", "old", "far", "large", "big", "high", "often", "tall", "heavy", "wide", "deep", "fast", "small"}
# "How did X react / respond?": verbs of reacting, answered by X's statement.
_REACT = {"react", "respond", "reply", "retort"}
# Verbs of holding a view ("What does X think of Y?", "How does X view Y?"): in the news what someone
# thinks is what they say, so these ask for X's statements. (English's verbs of opinion.)
_OPINION = {"think", "feel", "believe", "view"}
PUBLISH = {"report", "write", "publish", "cover", "cite"}  # what an outlet does
# (and what it does first: "Which outlet revealed X?"; "Who revealed X?" is as often a person)
_REVEAL = {"reveal", "disclose"}
_WRITE = {"publish", "write"}  # what is done to an article when it comes out
# English verbs whose object is a measure of their subject: "What does it cost / weigh?" (not
# "earn": "What has her government earned?" may be trust)
_MEASURED = frozenset({"cost", "weigh", "fetch", "measure"})
# Words that ask for the present state of things rather than a moment of the past.
_NOW = {"latest", "still", "now", "current", "currently", "today", "newest", "yet", "recent", "recently"}
# English's nouns for the part a person holds at work (a closed class): "What is X's role / job / title?"
_HELD = frozenset({"role", "job", "position", "title", "post", "occupation", "profession"})
_CHANGE = {"change", "unfold", "evolve", "develop", "progress", "shift", "timeline"}
_AUX_FIRST = {"be", "do", "have", "can", "could", "will", "would", "should", "may", "might", "must", "shall"}


def how_asked(text: str) -> str:
    """The word after "how" when it opens the question, or a clause of it after an attribution
    ("According to Dr. Moy, how long does it take ...?" -> "long"), with a word before it or not
    ("For how long ...?", "By how much ...?", "And how many ...?"); "" when none does."""
    m = re.search(r"(?:^|[,:;]\s+)(?:[a-z]+\s+)?how\s+(\w+)", text.strip(), re.I)
    return m.group(1).lower() if m else ""


def period_of(text: str) -> tuple[date, date] | None:
    """The days a date expression covers ("February 2020" -> Feb 1..29, "2019" -> the year), or None
    when it names no year (qa.dates reads it)."""
    spans = [_span(m) for m in dates.find_dates(text) if m.year]
    if not spans:
        return None
    return spans[0][0], spans[-1][1]  # "from August 2019 to February 2020": the whole range


def naming_year(ent) -> bool:
    """Is the date entity a year set before a noun to tell which thing it is ("the 1945 noir Detour",
    "the 2023 World Cup"), not a time the question is set in?"""
    return ent.root.dep_ in ("nummod", "compound", "amod") and ent.root.head.pos_ in ("NOUN", "PROPN") \
        and ent.root.head.i >= ent.end and period_of(ent.text) is not None


def _open_ended(p: tuple[date, date], prep: str, event: bool = False) -> tuple[date, date]:
    """The period a preposition makes of a date: "since late 2019" runs from it on, "before
    2020" up to it (English's prepositions of a time's start and end). A single day stays one: "the
    report published before December 5" names a report by its day, which retrieval boosts. With
    `event`, the date is that of an event the preposition is about ("after the October 2023 attacks"):
    what came after it may be of the same month."""
    if p[0] == p[1]:
        return p
    if prep == "since":
        return p[0], date.max
    if prep == "after":
        return p[0] if event else p[1], date.max
    if prep in ("before", "until", "till"):
        return date.min, p[1] if prep != "before" or event else p[0]
    return p


def _span(m: dates.DateMention) -> tuple[date, date]:
    if m.granularity == "year" or not m.month:
        return date(m.year, 1, 1), date(m.year, 12, 31)
    if m.granularity == "month" or not m.day:
        return date(m.year, m.month, 1), date(m.year, m.month, calendar.monthrange(m.year, m.month)[1])
    return (d := date(m.year, m.month, m.day)), d


def _phrase(token) -> str:
    """The noun phrase a token heads, without a leading determiner."""
    words = [t for t in token.subtree if t.dep_ not in ("punct",)]
    while words and words[0].dep_ in ("det", "poss") and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return " ".join(t.text for t in words)


_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def truecase(question: str, texts: Iterable[str]) -> str:
    """A question typed in lower case (but perhaps its first letter), with the capitals the articles
    give its words ("who is kim you-geun" -> "who is Kim You-geun"), so that its names are read as
    names. A word takes the articles' capitalised form only when they write it so inside a sentence
    and never in lower case."""
    if question[1:] != question[1:].lower():
        return question
    asked = {m.group(0) for m in _WORD.finditer(question)}
    lower, capital = set(), {}
    for text in texts:
        for m in _WORD.finditer(text):
            word = m.group(0)
            key = word.lower()
            if key not in asked:
                continue
            if word == key:
                lower.add(key)
            elif not re.search(r"(?:^|[.!?:;\"“”\n]\s*)$", text[max(0, m.start() - 3) : m.start()]):
                capital.setdefault(key, word)  # (a capital that opens a sentence says nothing)
    return _WORD.sub(lambda m: capital[m.group(0)] if m.group(0) in capital and m.group(0) not in lower else m.group(0), question)


def read(text: str, sources: list[str] | tuple[str, ...] = ()) -> Question:
    """What `text` asks for and the constraints it sets; `sources`: the ingested outlets."""
    doc = nlp.parse(text)
    if len(doc) > 2 and doc[0].pos_ == "AUX" and doc[1].lower_ in ("n't", "n’t", "not") and doc[1].dep_ == "neg":
        # "Didn't Seoul threaten ...?" asks whether Seoul threatened, expecting yes: English's
        # negative polar question claims what its positive form does.
        text = text[: doc[1].idx].rstrip() + text[doc[1].idx + len(doc[1].text):]
        doc = nlp.parse(text)
    q = Question(text=text)
    q.outlets, outlet_spans = outlets_named(text, tuple(sorted(set(sources))))

    def in_outlet(a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in outlet_spans)

    periods, undated = [], []
    for e in doc.ents:
        if e.label_ in nlp.DATE:
            if naming_year(e):
                continue  # "the 1945 noir Detour", "a 1965 agreement": a year that tells which thing, not the news's time
            if p := period_of(e.text):
                # ("after [the October 2023 Hamas attacks]": a date between "the" and its noun is the event's)
                event = e.start > 0 and doc[e.start - 1].lower_ == "the" and e.end < len(doc) and doc[e.end].pos_ in ("NOUN", "PROPN")
                periods.append(_open_ended(p, e.root.head.lower_ if e.root.dep_ == "pobj" else "", event))
                q.period_text = q.period_text or e.text
            elif any(t.like_num or t.lower_ in _MONTH_NAMES for t in e):
                undated.append(e.text)
        elif e.label_ not in nlp.NUMBER and e.label_ != "ORDINAL" and not in_outlet(e.start_char, e.end_char):
            q.names.append(e.text)
    # (the time the question sets is one with its year: "its 100-year anniversary in 2023" is 2023's)
    q.period_text = q.period_text or next(iter(undated), "")
    # One time the question is about; a question naming two ("reported on October 5 ... and on
    # November 3") compares articles, and each part finds its own by the days it names.
    if len(set(periods)) == 1:
        q.period = periods[0]
    q.numbers = [t.text for t in doc if t.like_num and any(ch.isdigit() for ch in t.text)]
    lowered = {t.lower_ for t in doc if not t.ent_type_}  # "Money Today" is a name, not a time
    q.latest = bool(lowered & _NOW) or "most recent" in text.lower()
    q.alternatives = _alternatives(doc, text)
    # Which came first is asked unless the question offers its own choice ("After A ..., was B
    # consistent or inconsistent?": the "after" only sets the scene).
    q.order = "" if any(q.alternatives) else next(
        (t.lower_ for t in doc if t.lower_ in ("before", "after") and t.dep_ in ("prep", "mark", "advmod")), "")
    # "Did X fail to report ...?" says the act did not happen, as "not" does.
    # (A negation in the words that tell which report is meant, "the report suggesting that X was not
    # truthful", says nothing of the claim.)
    # (nor one in a condition the claim sets: "Do sportsbooks void the bet if the player doesn't play?")
    q.negated = any((t.dep_ == "neg" or (t.lemma_ in _NEGATIVE_IMPLICATIVE and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"))
                    and not _describes_piece(t) and not in_condition(t) for t in doc)
    # (Agreement and contradiction before change and sameness: "did it remain consistent"; a word in
    # the words that tell which report is meant, "the report on X's knowledge of discrepancies", only
    # when the question has no other.)
    relation = min((t for t in doc if t.lemma_.lower() in _ACCOUNTS),
                   key=lambda t: (_describes_piece(t), _ACCOUNTS[t.lemma_.lower()] in ("differ", "same"), t.i), default=None)
    # An alternative question ("a consistent or inconsistent portrayal?") asks for the relation itself;
    # "Has X changed from A (to B)?" names the two states it compares ("Did the council change the
    # hours from ...?", with an object, asks what someone did).
    moved = relation is not None and any(c.dep_ == "prep" and c.lower_ == "from" for c in relation.children) and not any(
        c.dep_ == "dobj" for c in relation.children)
    if relation is not None and (relation.lemma_.lower() in _RELATIONAL or any(q.alternatives) or _compares_reports(doc, outlet_spans) or moved):
        q.accounts = _ACCOUNTS[relation.lemma_.lower()]
        # What is denied is the relation itself ("Was there no discrepancy ...?", "Has it not changed?",
        # "Did it fail to stay consistent?"), not a claim the question cites ("..., while B says X
        # may not happen, indicating different aspects?").
        q.negated = _negates(relation)
    _kind(doc, q)
    if q.kind in ("other", "number") and records.asks_record(text):
        q.kind, q.focus = "number", ""  # "What was the Wild's record ...?": a record of wins and losses, in figures
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    wh = next((t for t in doc if t.lower_ == "what"), None)
    if q.kind == "statement" and root is not None and wh is not None and (thing := _named_thing(root, wh)) is not None:
        q.kind, q.subject, q.focus = "other", "", _focus(thing) or thing.lemma_.lower()  # "What is the bet called?": a name, not words said
    if q.kind == "date" and any(t.lemma_ in _WRITE for t in doc) and any(t.lemma_.lower() in _PIECE for t in doc):
        q.kind = "published"  # "When was the X article published?": its date, from the article's metadata
    if q.kind == "statement" and q.subject and not q.outlets:
        verb = next((t for t in doc if t.dep_ == "ROOT"), None)
        ent = next((e for e in doc.ents if e.text == q.subject or q.subject.endswith(e.text)), None)
        if verb is not None and verb.lemma_ in PUBLISH and ent is not None and ent.label_ in ("ORG", "WORK_OF_ART"):
            q.unknown_outlet = ent.text
    if not q.unknown_outlet:
        q.unknown_outlet = _publisher_not_ingested(doc, in_outlet)
    return q


# Negative implicative verbs: "X failed / neglected / refused to do A" entails that X did not do A.
# A closed class of English verbs (Karttunen's implicatives), not words of any corpus.
_NEGATIVE_IMPLICATIVE = {"fail", "neglect", "refuse", "omit", "decline"}

# Words that claim two accounts agree or disagree ("Was X's report consistent / inconsistent with
# Y's?"): the lexical fields of agreement and contradiction in general English. Either claim is
# decided by whether a contradiction is found between the accounts, not by the evidence repeating
# the word.
_ACCOUNTS = {
    **dict.fromkeys(("inconsistent", "inconsistency", "inconsistently", "discrepancy", "contradict", "contradiction",
                     "contradictory", "disagree", "disagreement"), "disagree"),
    **dict.fromkeys(("consistent", "consistency", "consistently", "agree", "agreement", "concur", "corroborate"), "agree"),
    # Words that claim what two reports say differs, or is the same ("Did the portrayal of X change
    # between the report of May 2 and that of June 9?"): a comparison of what they say, not of
    # whether they contradict each other.
    **dict.fromkeys(("change", "shift", "evolve", "differ", "different", "difference", "differently"), "differ"),
    **dict.fromkeys(("unchanged", "same", "identical"), "same"),
}

# Of those, the words that only ever compare two things ("agree" may be to do something,
# "change" may be an act, "consistently" may mean always, "agreement" may be a pact: "Did X say
# maintaining the agreement would serve Y?").
_RELATIONAL = {"consistent", "consistency", "inconsistent", "inconsistency", "discrepancy", "contradictory", "disagreement"}


def _compares_reports(doc, outlet_spans) -> bool:
    """Does the question set two reports side by side (two outlets, two dates, "the articles",
    "between the report ... and ...")? Only then do "consistent" or "change" compare accounts;
    "Did Seoul agree to talks?" asks what happened."""
    dates = [e for e in doc.ents if e.label_ in nlp.DATE]
    pieces = [t for t in doc if t.lemma_.lower() in _PIECE]
    return len(outlet_spans) >= 2 or len(dates) >= 2 or any(t.tag_ == "NNS" for t in pieces) or len(pieces) >= 2


def accounts_of(word: str) -> str:
    """What a word claims of two accounts: "agree" / "disagree" / "differ" / "same", else ""."""
    return next((_ACCOUNTS[t.lemma_.lower()] for t in nlp.parse(word) if t.lemma_.lower() in _ACCOUNTS), "")


def _alternatives(doc, text: str) -> tuple[str, ...]:
    """The choices of an alternative question ("... consistent or inconsistent?", "... agree or
    disagree?"), or of two questions joined by ", or" ("Did X stay consistent, or has it changed?"),
    each by the word that states it: a word of agreement or disagreement when its clause has one,
    else "" (a choice the reader cannot name). Empty when the question offers no choice the reader
    can make (only agreement against disagreement is one)."""
    for t in doc:
        if t.lower_ == "or" and t.dep_ == "cc":
            conj = next((c for c in t.head.children if c.dep_ == "conj" and c.i > t.i), None)
            if conj is None or conj.i - t.head.i > 4:
                continue
            first, second = accounts_of(t.head.text), accounts_of(conj.text)
            # (Two words of agreement or disagreement are choices whatever their tags: the tagger
            # may take one of them for a noun.)
            if (first or second) and (conj.pos_ == t.head.pos_ or (first and second)):
                return t.head.text, conj.text
    cut = text.find(", or ")
    if cut < 0:
        return ()
    sides = [doc.char_span(0, cut, alignment_mode="contract"), doc.char_span(cut + 5, len(text), alignment_mode="contract")]
    # (", or" may join the last item of a list, "weather, injuries, or other news": a second
    # question has a finite verb of its own.)
    if any(span is None for span in sides) or not any(t.tag_ in _FINITE for t in sides[1]):
        return ()
    words = tuple(next((t.text for t in span if t.lemma_.lower() in _ACCOUNTS), "") for span in sides)
    return words if any(words) else ()


# Penn Treebank tags of finite verbs and modals (the tag set, not words).
_FINITE = {"VBD", "VBP", "VBZ", "MD"}

# Nouns for a piece of journalism: "an article in X", "a X report", "a review from X" name X as the
# publisher of an article, which must then be an ingested outlet.
# The parts of speech of the words of a noun phrase between a name and its head noun.
_IN_NOUN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "PART", "PUNCT", "NUM", "ADV"})
_PIECE = {"article", "report", "piece", "review", "story", "column", "editorial", "interview", "op-ed", "feature", "coverage", "post"}


def _publisher_not_ingested(doc, in_outlet) -> str:
    """An outlet the question names as the publisher of an article, which no ingested outlet matches."""
    for e in doc.ents:
        if e.label_ not in ("ORG", "WORK_OF_ART", "PERSON", "GPE") or in_outlet(e.start_char, e.end_char):
            continue
        if _in_topic(e.root):
            continue
        head = e.root.head
        # ("the Korea Herald's Kang article": an article whose ingested publisher is named is about the other name)
        if any(c.i != e.root.i and in_outlet(c.idx, c.idx + len(c.text)) for c in head.children):
            continue
        # ("Taylor Swift coverage" is about the person: a person publishes by a byline, "an article by X".
        # "The ministry's report to parliament" is one delivered to someone, not a publication.)
        # (Nor is a piece someone owns, "its Quickmap location-sharing feature": when in doubt, no outlet
        # is said to be missing.)
        # (Nor is "FTX's feature", "Otomo's new feature": what a thing or a person has is a feature of
        # it, a product's or a film; "a Guardian feature" is a piece.)
        if e.root.dep_ == "poss" and head.lemma_.lower() == "feature":
            continue
        # (The name stands in the piece's noun phrase, "the Guardian's opinion piece", not in a clause
        # about something else, "a bug affecting Instagram Stories that re-shared Feed posts"; and a
        # piece that another owns, "Amazon's generative AI feature", is that one's thing.)
        if e.root.dep_ in ("compound", "nmod", "poss", "amod") and head.lemma_.lower() in _PIECE and e.label_ != "PERSON" and not any(
                (c.dep_ == "prep" and c.lower_ == "to") or (c.dep_ == "poss" and (c.pos_ == "PRON" or (c.i != e.root.i and c.ent_type_ != "PERSON")))
                for c in head.children) and all(t.pos_ in _IN_NOUN_PHRASE for t in doc[e.end : head.i]):
            return e.text  # "a New York Times article"
        # (A person is no publisher: "an article by lawyer Megan Gray" is one she wrote, for an outlet
        # the question does not name; known for a person by the noun of a person before the name, as
        # the recognizer takes some outlets for people.)
        titled = e.label_ == "PERSON" and e.start > 0 and e.doc[e.start - 1].pos_ == "NOUN" and lexicon.noun_class(e.doc[e.start - 1].lemma_) == "person"
        if e.root.dep_ == "pobj" and head.lower_ in ("in", "by", "from") and head.head.lemma_.lower() in _PIECE and not titled:
            return e.text  # "an article in The New York Times"
    return ""


def _negates(token) -> bool:
    """Is the word negated where it stands: by its own "no" / "not", or by those of the one or two
    words it hangs from ("was [not] consistent", "[failed] to remain consistent")?"""
    chain = [token]
    while len(chain) < 3 and chain[-1].dep_ != "ROOT":
        chain.append(chain[-1].head)
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for t in chain for c in t.children) or any(
        t.lemma_ in _NEGATIVE_IMPLICATIVE and t is not token for t in chain)


def by_piece(verb) -> bool:
    """Is the verb's subject an article or report ("the articles discuss", "the report highlights")?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _PIECE for c in verb.children)


def _describes_piece(token) -> bool:
    """Is the token part of a description of a report or article ("the report on X's knowledge of
    financial discrepancies", "the article suggesting that X was not truthful")?"""
    return any(a.lemma_.lower() in _PIECE and a.pos_ in ("NOUN", "PROPN") for a in token.ancestors)


def _in_topic(token) -> bool:
    """Is the token inside what another piece is on or about ("the article on the Chiefs vs. Packers
    game report", "a piece about X's review")? Then the piece it belongs to is the topic, and a name
    there is no publisher. ("on" and "about" are how English names a piece's subject.)"""
    own = next((a for a in token.ancestors if a.lemma_.lower() in _PIECE), None)
    if own is None:
        return False
    for a in [own, *own.ancestors]:
        # (a conjunct is a piece beside the other, however the parser attached it: "an article on X
        # and the updates in a PCWorld article")
        if (a is not own and a.lemma_.lower() in _PIECE) or a.dep_ == "conj":
            return False
        if a.dep_ == "pobj" and a.head.lower_ in ("on", "about") and a.head.head.lemma_.lower() in _PIECE:
            return True
    return False


_MONTH_NAMES = {m.lower() for m in calendar.month_name if m} | {m.lower() for m in calendar.month_abbr if m}


def _request(root, tokens) -> bool:
    """Is it a request, not a question: an imperative ("Tell me about X", "Please explain X") or one
    put as a question to "you" ("Can you tell me about X?")?"""
    if root.pos_ != "VERB" or root.tag_ != "VB":
        return False
    # ("Do conventional methods achieve X?": "do" before a clause with its own subject asks whether,
    # however the parse puts "do" on top)
    if root.lemma_.lower() == "do" and any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:  # the imperative opens the sentence, perhaps after "please"
        first = tokens[1] if tokens[0].lower_ == "please" and len(tokens) > 1 else tokens[0]
        return root.i == first.i
    # (what "you" are asked to do is to tell or think something, or something for "me": "Can you explain X?",
    # "Could you show me X?"; "Can you buy the 16-inch model with the base chip?" asks whether one can)
    return subj.lower_ == "you" and any(c.dep_ == "aux" and c.lower_ in ("can", "could", "would", "will") for c in root.children) and (
        # (in either spelling: WordNet ranks "summarise" as "be a summary of" first, "summarize" as "sum up")
        {lexicon.verb_class(root.lemma_), lexicon.verb_class(re.sub(r"ise$", "ize", root.lemma_))} & {"communication", "cognition"}
        or any(w.lower_ in ("me", "us") for c in root.children for w in (c, *c.children)))


def _name_then_where(tokens: list) -> str:
    """The name that opens the tokens when only a phrase of "in / at / on" follows it, to the end
    ("Marazhai Aezyrraesh [in Warhammer 40,000: Rogue Trader]"); "" otherwise."""
    k = next((k for k, t in enumerate(tokens) if t.pos_ != "PROPN"), len(tokens))
    if k == 0 or k == len(tokens) or tokens[k].lower_ not in ("in", "at", "on") or tokens[k].dep_ != "prep":
        return ""
    return tokens[0].doc[tokens[0].i : tokens[k - 1].i + 1].text


def _kind(doc, q: Question) -> None:
    tokens = [t for t in doc if not t.is_punct]
    if not tokens:
        return
    root = next((t for t in doc if t.dep_ == "ROOT"), tokens[0])
    # ("Who is the birth father of X, the woman switched at birth?": a clause after the question's own,
    # which the small parser may put on top; "Who is" opens the main clause)
    if tokens[0].lower_ == "who" and tokens[0].head.lemma_ == "be" and tokens[0].head.i == tokens[1].i and root.i > tokens[1].i:
        root = tokens[0].head
    # A wh-word asks only from the main clause: "which" in "the article, which ran on Monday" does not.
    # "which / what" before a noun ("..., which minister announced ...?") always asks, however it is parsed.
    def asks(t) -> bool:
        # (A wh-phrase fronted with its preposition asks too: "By how many points ...?", "To whom ...?")
        if t.i == tokens[0].i or all(x.pos_ == "ADP" for x in doc[tokens[0].i : t.i]):
            return True
        # (after a fronted phrase of a preposition and its comma: "In Bloomberg's survey of economists
        # on rethinking QE, who is the chief economist quoted?"; it holds no finite verb)
        # (and the wh-clause runs to the end: "After the report, which said X, did Y ...?" is relative)
        # (a preposition the tagger calls a subordinator too: "Besides Venom, which villain ...?")
        if (tokens[0].pos_ == "ADP" or tokens[0].tag_ == "IN") and t.i > 0 and doc[t.i - 1].text == "," and not any(
                x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in doc[tokens[0].i : t.i]) and not any(x.text == "," for x in doc[t.i :]):
            return True
        # (not a "what" inside a relative clause's clause: "Jon, who says they know [what amazing] looks
        # like, is a partner at which firm?")
        if t.lower_ in ("which", "what") and t.i + 1 < len(doc) and doc[t.i + 1].tag_[:2] in ("NN", "JJ") and not (
                t.lower_ == "what" and any(a.dep_ == "relcl" for a in t.ancestors)):
            return True
        # A wh-phrase that ends the question asks where it stands ("Egypt is negotiating to enlarge
        # its bailout to how much?", "They met where?"): a relative one is always followed by its clause.
        # "How" never opens a relative clause: "how many" in a question of declarative order asks
        # ("Billboards went up in how many US cities?"), not one that opens with its auxiliary ("Did
        # she say how many ...?").
        after = [x for x in tokens if x.i > t.i]
        if not after or (t.lower_ == "how" and after[0].lower_ in _HOW_MUCH and (len(after) == 1 or tokens[0].lemma_.lower() not in _AUX_FIRST)):
            return True
        # A wh-word before an inverted auxiliary ("..., where did Kang speak?") asks: a relative
        # clause never inverts ("the place where Kang spoke").
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lemma_.lower() in _AUX_FIRST and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > nxt.i for c in nxt.head.children):
            return True
        return not any(a.dep_ in ("relcl", "acl", "pobj", "pcomp") for a in [t, *t.ancestors][:-1])

    # ("that" is tagged as a wh-determiner, but as a complementizer or a relative it never asks.)
    wh = next((t for t in tokens if t.tag_ in ("WDT", "WP", "WP$", "WRB") and t.lower_ != "that" and asks(t)), None)
    # The main clause's auxiliary before its subject, and before any wh-word, asks for a verdict
    # ("Between A and B, was the portrayal of how X works consistent?"). (The main clause may be
    # parsed as a conjunct of an opening clause.)
    inverted = None
    for verb in [root, *(t for t in root.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))]:
        if verb is not root and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in root.children):
            continue  # (a conjunct sharing the subject said before it: "Edward Tsai, who ..., is a partner at which firm?")
        auxes = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in _AUX_FIRST]
        auxes += [verb.i] if verb.lemma_.lower() in _AUX_FIRST else []
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "attr")), None)
        if auxes and subj is not None and min(auxes) < subj.i:
            inverted = min(auxes)
            break
    if (wh is None or wh.i > root.i) and _request(root, tokens):
        # "Tell me about Cobra Gold", "Can you explain what GSOMIA is?": what the articles say of it.
        q.kind = "topic"
        about = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "about" for g in c.children if g.dep_ == "pobj"]
        what = about or [c for c in root.children if c.dep_ in ("dobj", "ccomp") and c.lower_ not in ("me", "us")]
        q.subject = doc[what[0].left_edge.i : what[0].right_edge.i + 1].text if what else ""
        return
    if wh is None and root.pos_ in ("NOUN", "PROPN") and not any(
            t.pos_ == "AUX" or (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")) for t in tokens):
        # "GSOMIA expiry date?": a phrase, no verb to ask a verdict of (a word the small model tags as a
        # verb only modifies its nouns); it asks for what its noun names, or else what the articles say of it.
        q.kind = _NOUN_KIND.get(root.lemma_.lower(), "topic")
        if q.kind == "topic":
            q.subject = doc[tokens[0].i : tokens[-1].i + 1].text
        return
    if wh is None or (tokens[0].lemma_.lower() in _AUX_FIRST and tokens[0].i < wh.i) or (inverted is not None and inverted < wh.i) or (
            inverted is not None and wh.dep_ == "advmod" and wh.head.dep_ == "advcl" and wh.head.head.i == root.i):
        # A question without a wh-word asks for a verdict ("After X reported A, did Y ...?"), and so does one
        # whose wh-word opens an adverbial clause before the inverted main clause ("When he played the
        # game in 2016, did he say he would marry her?": "when" sets the occasion, it asks nothing).
        q.kind = "yesno"
        return
    w = wh.lower_
    # "How did X change / unfold?": the change of X itself over time (not "how did X change Y", nor a
    # change in a clause that only sets the time: "How many hours were left when Seoul changed course?").
    def sets_time(t) -> bool:
        return any(a.dep_ in ("advcl", "relcl", "acl") for a in (t, *t.ancestors))

    if any(t.lemma_ in _CHANGE and (t.pos_ == "VERB" or t.dep_ == "ROOT") and not any(c.dep_ == "dobj" for c in t.children) and not sets_time(t)
           for t in doc) or "timeline" in {t.lower_ for t in doc}:
        q.kind = "timeline"
        return
    if w in ("who", "whom", "whose"):
        person = [e for e in doc.ents if e.label_ in nlp.PERSON | nlp.ORGANIZATION]
        nouns = [t for t in root.children if t.pos_ in ("NOUN", "PROPN") and t.i != wh.i and t.dep_ in ("nsubj", "attr", "dobj")]
        # "Who is <name>?" with nothing else: a run of proper nouns, whether the recognizer knows the
        # name ("Kim You-geun") or not ("Ilya Sutskever", "Erik ten Hag").
        named = [t for t in tokens[2:] if t.pos_ == "PROPN" or (t.is_lower and t.i > tokens[2].i and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")]
        # (not "Who is Marta Lindqvist's brother?": the one her brother is; nor "Who is Twitch's Chief
        # Monetization Officer?", a title however it is written, by WordNet's class of its noun)
        owned = any(t.pos_ == "NOUN" and any(c.dep_ == "poss" for c in t.children) for t in nouns) or any(
            t.pos_ == "PROPN" and not t.ent_type_ and any(c.dep_ == "poss" for c in t.children) and lexicon.noun_class(t.lower_) == "person" for t in nouns)
        if root.lemma_ == "be" and person and len(tokens) - 2 <= len(person[0]) + 1 and not owned:
            q.kind, q.subject = "describe", person[0].text  # "Who is Kim You-geun?"
        elif root.lemma_ == "be" and wh.i == tokens[0].i and tokens[1].i == root.i and len(tokens) >= 3 and len(named) == len(tokens) - 2 and not owned:
            q.kind, q.subject = "describe", doc[named[0].i : named[-1].i + 1].text
        elif root.lemma_ == "be" and wh.i == tokens[0].i and tokens[1].i == root.i and (run := _name_then_where(tokens[2:])):
            q.kind, q.subject = "describe", run  # "Who is Marazhai Aezyrraesh in Rogue Trader?": who they are there
        # (a thing an ingested outlet's name qualifies is its piece: "the Sporting News guide")
        elif root.lemma_ in ("write", "author", "co-write") and any(c.dep_ == "dobj" and c.lemma_.lower() not in _PIECE and not any(
                o.lower() in doc[c.left_edge.i : c.i].text.lower() for o in q.outlets) for c in root.children):
            q.kind = "person"  # "Who wrote the score for X?": its maker, whom the text names (not a byline)
        elif root.lemma_ in ("write", "author") or any(
                t.dep_ == "relcl" and t.lemma_ == "write" and any(c.lower_ == "about" or c.lemma_ in _PIECE for c in t.children)
                for t in doc):  # "Who is the reporter who wrote about X?"
            q.kind = "author"  # "Who wrote ...?": the byline
        elif root.lemma_ == "be" and nouns and nouns[0].lemma_.lower() in ("author", "writer", "reporter", "journalist") and any(
                p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in _PIECE - {"report"} for o in p.children) for p in nouns[0].children):
            # "Who is the author of the Kyodo article?": the byline. (Not "the author of the report":
            # an official report's author is told in the text.)
            q.kind = "author"
        elif root.lemma_ == "publish" and wh.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lemma_.lower() not in _PIECE and not any(
                o.lower() in doc[c.left_edge.i : c.i].text.lower() for o in q.outlets) for c in root.children):
            q.kind = "organization"  # "Who publishes her novel?": its publisher, whom the text names (not a news outlet)
        elif root.lemma_ in PUBLISH and wh.dep_ == "nsubj":
            q.kind = "outlet"  # "Who reported X?": whose report it is, an outlet (or the one it cites)
        else:
            q.kind = "person"
            if root.lemma_ == "be" and nouns:
                q.focus = _focus(nouns[0])
            # "Who visited Asia as US Defence Secretary?": one the articles call so, like "which
            # defence secretary visited Asia?"
            title = next((o for p in root.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                          if o.dep_ == "pobj" and _NOUN_KIND.get(o.lemma_.lower()) == "person"), None)
            if title is not None:
                q.role = _focus(title)
        return
    if w == "when":
        q.kind = "date"
    elif w == "where":
        q.kind = "place"
    elif w == "why":
        q.kind = "reason"
    elif w == "how":
        nxt = doc[wh.i + 1] if wh.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "far" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ in _COMPASS:
            q.kind = "place"  # "How far south were the lights seen?": as far south as a place
        elif nxt is not None and nxt.lower_ in _HOW_MUCH:
            q.kind = "number"
            head = nxt.head if nxt.head.pos_ in ("NOUN", "PROPN") else None
            # (the noun counted follows "many / much" before any verb: not "How much will [damage] cost?")
            # (a participle that modifies the noun is none: "How many flu-related deaths ...?")
            if head is not None and any(t.pos_ in ("AUX", "VERB") and t.dep_ != "amod" for t in doc[min(nxt.i, head.i) : max(nxt.i, head.i)]):
                head = None
            q.focus = nlp.noun_lemma(head) if head is not None else ""
            # (a gerund right before a noun modifies it, however the small parser hangs it: "How many
            # receiving yards ...?", not "receiving" with "yards" its object)
            after = doc[nxt.i + 1 : nxt.i + 3]
            if head is None and len(after) == 2 and after[0].tag_ == "VBG" and after[1].tag_ in ("NNS", "NN") and after[1].head.i == after[0].i:
                q.focus = after[1].lemma_.lower()
            # ("How much in sales / damages / penalties ...?": what the amount is of follows "in")
            if head is None and len(after) == 2 and after[0].lower_ == "in" and after[1].pos_ == "NOUN":
                q.focus = nlp.phrase_noun(after[1]).lemma_.lower()
        else:
            q.kind = "process"
            subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if (root.lemma_ in _REACT or root.lemma_ in SPEECH or root.lemma_ in _OPINION) and subj is not None:
                # "How did X react / describe it?": a reaction, in the news, is what was said.
                q.kind, q.subject = "statement", _phrase(subj)
    elif w in ("what", "which"):
        nxt = doc[wh.i + 1] if wh.i + 1 < len(doc) else None
        # "What is GSOMIA?": what a named thing is, as the articles describe it.
        named = next((t for t in root.children if t.dep_ in ("nsubj", "attr") and t.i != wh.i and t.pos_ == "PROPN"), None)
        # (a name, not a thing a common noun says is another's: "the MSRP of Apple's AirPods Max headphones",
        # "the maximum Apple Store credit Apple offered", whatever the small tagger makes of "MSRP")
        if w == "what" and root.lemma_ == "be" and named is not None and wh.i == tokens[0].i and len(tokens) <= len(list(named.subtree)) + 2 \
                and not any(t.pos_ == "NOUN" for t in named.subtree):
            q.kind, q.subject = "describe", _phrase(named)
            return
        # "What is Mark Rushbrook's role at Ford?", "What was her job?": who a person is at work, as "Who is X?" asks
        held = next((t for t in root.children if t.dep_ in ("nsubj", "attr") and t.i != wh.i and t.lemma_.lower() in _HELD), None)
        owner = next((e for c in held.children if c.dep_ == "poss" for e in doc.ents if e.label_ in nlp.PERSON and c in e), None) if held else None
        if w == "what" and root.lemma_ == "be" and wh.i == tokens[0].i and owner is not None:
            q.kind, q.subject = "describe", " ".join(t.text for t in owner if t.dep_ != "case")
            return
        # "What is Agility Robotics' warehouse robot called?", "What is the name of X's browser
        # extension?": the name a sentence gives the thing (see specifiers.specifier), as "Which robot?" asks
        if w == "what" and (thing := _named_thing(root, wh)) is not None:
            q.kind, q.focus = "other", thing.lemma_.lower()
            return
        # "What does GSOMIA stand for?": what the name is short for, as the articles spell it out.
        subj = next((t for t in root.children if t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
        if w == "what" and root.lemma_ == "stand" and wh.head.lower_ == "for" and wh.head.head.i == root.i and subj is not None:
            q.kind, q.subject = "describe", _phrase(subj)
            return
        # (a determiner's head in a noun's place is a noun, however the small model tags it: "Which [sources] report ...?")
        noun = wh.head if wh.dep_ == "det" and (wh.head.pos_ in ("NOUN", "PROPN") or wh.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")) else None
        if (compound := _common_compound(doc, wh.i + 1)) is not None and compound.split()[-1] not in _NOUN_KIND:
            # "Which Seahawks running back ...?": a noun of words the small model parses apart ("running"
            # a verb, "back" an adverb) is one noun to WordNet. (A listed noun's kind is read below.)
            if lexicon.noun_class(compound) == "person":
                q.kind, q.role = "person", compound
            else:
                q.kind, q.focus = "other", compound
            return
        # "Which rabbi gave ...?", "Which Colts defender returned ...?": the word right before the verb,
        # after names only, is the noun of "which", however tagged (two finite verbs do not follow each other)
        before = next((t for t in doc[wh.i + 1 : wh.i + 5] if t.tag_[:2] == "VB" and t.i + 1 < len(doc)
                       and doc[t.i + 1].tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
        if noun is None and before is not None and before.is_alpha and before.is_lower and lexicon.noun_class(before.lower_) \
                and all(t.pos_ == "PROPN" for t in doc[wh.i + 1 : before.i]):
            noun = before
        if noun is None:
            # "..., which minister, ...": the parse may not attach it; "Which Michigan All-American
            # guard broke ...?": the noun the words after "which" lead up to, not the name that narrows it
            noun = nlp.noun_after(wh)
        if noun is None and w == "what" and root.lemma_ == "be" and wh.head.i == root.i:
            # "What was the final score of the game?" asks as "Which score ...?" does, when its noun
            # is of a figure or a time (nouns of names, "What are the entities that ...?", may ask
            # for a description)
            # (or the place someone comes from: "What is X's hometown?"), or of what is owned, a sum
            # ("What was his salary?", "What is the fine?": WordNet's class of possessions, as below)
            noun = next((t for t in root.children if t.dep_ == "nsubj" and t.pos_ == "NOUN"
                         and (_NOUN_KIND.get(t.lemma_.lower()) in ("number", "date") or t.lemma_.lower() in lexicon.ORIGIN
                              or lexicon.noun_class(t.lemma_) == "possession")), None)
            # "What is the name of her father?", "What are the names of his children?": the name of a
            # person asks for the person ("What is the official's name who ...?" was tried as well: it
            # lost a dev answer, the parse hanging the clause elsewhere)
            named = next((o for t in root.children if t.dep_ == "nsubj" and t.lemma_.lower() == "name"
                          for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj" and o.pos_ == "NOUN" and lexicon.noun_class(o.lemma_) == "person"), None)
            noun = noun or named
        if noun is not None:
            # (a noun of no listed class asks for a person when a person is what it most often
            # means, by WordNet: "Which Big Ten commissioner ...?", "Which OneRepublic member ...?";
            # WordNet's "group" as an organisation was tried: "Which supermarket chain ...?" lost)
            q.kind = _NOUN_KIND.get(noun.lemma_.lower()) or ("person" if lexicon.noun_class(noun.lemma_) == "person" else "other")
            if q.kind == "other" and w == "what" and lexicon.noun_class(noun.lemma_) == "possession":
                # "What salary / revenue / dividend ...?": WordNet's class of what is owned, a sum or a
                # share, asks for a figure (not "Which stock ...?", which asks which one)
                q.kind = "number"
            if noun.lemma_.lower() in lexicon.ORIGIN:
                q.kind = "place"  # "What is X's hometown?": a place
            if q.kind == "outlet" and noun.dep_ == "dobj" and noun.head.i == root.i and root.pos_ == "VERB" and root.lemma_ not in SPEECH | PUBLISH:
                q.kind = "other"  # "Which site does she check?": a site she uses, not the outlet of a report
            elif q.kind == "outlet" and noun.lemma_.lower() in _PIECE and any(p.dep_ == "prep" and p.lower_ == "of" and any(
                    o.dep_ == "pobj" and not any(x.lower() in doc[o.left_edge.i : o.i + 1].text.lower() for x in q.outlets)
                    for o in p.children) for p in noun.children):
                q.kind = "other"  # "Which article of the Digital Services Act covers X?": a part of the act, not a news article
            elif q.kind == "outlet" and not any(t.lemma_ in SPEECH | PUBLISH | _REVEAL or (t.i != noun.i and t.lemma_.lower() in _PIECE) for t in doc):
                # "Which agency is being questioned ...?", "Which magazine was the shoot for?": an
                # organisation the articles name, not the outlet of a report (no verb of reporting);
                # "Which article of the DSA covers X?": a part of what it is of, which the text names
                q.kind = "other" if noun.lemma_.lower() in _PIECE else "organization"
            if any(c.dep_ == "compound" and c.lemma_.lower() == "news" for c in noun.children):
                q.kind = "outlet"  # "Which news organisation / agency / site reported X?"
            elif q.kind == "outlet" and noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("did", "does", "do") and root.lemma_ in SPEECH:
                # "Which magazine did a Starbucks spokesperson tell ...?": the one someone spoke to, as
                # the text names it, not the outlet of a report (the noun is the verb's object)
                q.kind = "organization"
            elif q.kind == "person" and root.lemma_ in ("write", "author") and noun.dep_ == "nsubj" and any(
                    (c.dep_ == "dobj" and c.lemma_.lower() in _PIECE) or (c.dep_ == "prep" and c.lower_ == "about") for c in root.children):
                q.kind = "author"  # "Which reporter wrote the story about X?": the byline (not "which minister wrote the letter")
                return
            if q.kind == "number":
                return  # "What share of ...?": a figure, of whatever it counts
            if (root.lemma_ == "be" or q.kind == "other") and q.kind != "date":  # "Which company is ...": the answer must be one; "which official said X": X decides
                # ("In what year was X signed?": a unit of time is what a date is given in, not a thing to name)
                q.focus = _focus(noun)  # "which exports ...": the answer says which (see specifiers.specifier)
            elif q.kind in ("person", "organization"):
                # "which defence secretary visited ...", "which trade association represents ...": one
                # the articles call so, if any
                q.role = _focus(noun)
            return
        for verb in [root] + [t for t in doc if t.lemma_ in SPEECH and t.pos_ == "VERB"]:
            # (the noun before the verb, a hyphenated one whole: "co-star")
            said_by = [m.lower() for m in re.findall(r"\b[a-z][a-z-]*[a-z]\b", doc.text[wh.idx + len(wh.text) : verb.idx])][-1:] if verb.i > wh.i else []
            if w == "which" and verb.lemma_ in SPEECH and wh.i == tokens[0].i and said_by and not any(
                    t.lower_ in ("did", "does", "do") for t in doc[wh.i : verb.i]) and lexicon.noun_class(said_by[0]) == "person":
                # "Which 'Mork and Mindy' co-star said X?": "which" and its noun are who said it,
                # however the parse takes the words in quotes
                q.kind, q.role = "person", said_by[0]
                return
            subj = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and t.i != wh.i), None)
            if (verb.lemma_ in SPEECH or (verb is root and verb.lemma_ in _OPINION)) and subj is not None:
                q.kind, q.subject = "statement", _phrase(subj)
                return
        # "What did Money Today report?": the small model may tag the verb after "did X" as a noun;
        # the words between the auxiliary and the verb are then its subject.
        aux = next((t for t in doc if t.dep_ == "aux" and t.head.i == root.i and t.i < root.i), None)
        if root.lemma_ in SPEECH and aux is not None and root.i - aux.i > 1:
            q.kind, q.subject = "statement", doc[aux.i + 1 : root.i].text
            return
        # "What did the WTO rule on ...?": what is asked is an act of a named actor.
        # (As above, a verb the model tags as a noun has the words after the auxiliary as its subject.)
        subj = next((t for t in root.children if t.dep_ == "nsubj" and t.i != wh.i), None)
        doer = list(subj.subtree) if subj is not None else list(doc[aux.i + 1 : root.i]) if aux is not None else []
        if w == "what" and wh.head.i == root.i and wh.dep_ == "dobj" and root.lemma_.lower() in _MEASURED:
            q.kind = "number"  # "What did the AirPods Pro cost?" (the small model may tag the verb a noun)
            return
        if wh.head.i == root.i and wh.dep_ == "dobj" and any(t.ent_type_ or t.pos_ == "PROPN" for t in doer):
            q.doer = doc[doer[0].i : doer[-1].i + 1].text


def asks_name(question: str) -> bool:
    """Does the question ask what a thing is called ("What is X's warehouse robot called?", "What is
    the name of X's browser extension?")? Its answer is a name, not a description."""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    wh = next((t for t in doc if t.lower_ == "what"), None)
    return root is not None and wh is not None and _named_thing(root, wh) is not None


def _noun_named(wh):
    """The noun of "What is the name / title of the <noun> ...?" by the words' order, where the small
    parser hangs the clause after the noun wrongly ("... of the Mayo Clinic hub that X leads?", whose
    root it makes "leads"; "... of the memoir Jada Pinkett Smith was promoting ...?"): the last common
    noun of the phrase after "of", before a clause or a name that opens one. Not a person's noun: "the
    name of her father" asks for the person."""
    doc = wh.doc
    words = doc[wh.i + 1 : wh.i + 5]
    if len(words) < 4 or words[0].lemma_ != "be" or words[1].lower_ != "the" or words[2].lower_ not in ("name", "title") or words[3].lower_ != "of":
        return None
    noun = None
    for t in doc[wh.i + 5 :]:
        if t.pos_ in ("DET", "ADJ", "NUM") or (t.pos_ == "PROPN" and noun is None) or t.text in ("-", "'s", "’s"):
            continue
        # (a common noun newer than WordNet is one by its tag: "podcast"; a word the small tagger takes
        # for a participle, right after the names, is one if WordNet knows it as a noun: "the AI startup
        # founded by ...", not "the song released")
        if t.is_alpha and t.is_lower and (t.tag_ in ("NN", "NNS") or ((t.tag_ == "VB" or (t.tag_ in ("VBN", "VBD") and noun is None))
                                                                       and lexicon.noun_class(t.lemma_))):
            noun = t
            continue
        break
    return noun if noun is not None and lexicon.noun_class(noun.lemma_) != "person" else None


# English's conditional subordinators: a clause they open says what would follow if, not what is.
_CONDITIONS = {"if", "unless"}


def in_condition(token) -> bool:
    """Is the token in a conditional clause ("... if Japan doesn't remove the curbs")?"""
    for t in [token, *token.ancestors]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children):
            return True
    return False


def _named_thing(root, wh):
    """The thing "What is <thing> called?" / "What is the name of <thing>?" asks the name of (not a
    person: "the name of her father" asks for the person); None for other questions."""
    if root.lemma_.lower() in lexicon.NAMING and root.tag_ in ("VBN", "VBD") and root.i in (wh.head.i, wh.head.head.i):
        # ("What is the bet called?", "What are First 5 Innings bets also called?": the parse puts the
        # participle on top)
        return next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass") and t.i != wh.i and t.pos_ in ("NOUN", "PROPN")), None)
    if root.lemma_.lower() in lexicon.NAMING and root.tag_ == "VB" and wh.head.i == root.i and wh.dep_ in ("dobj", "oprd"):
        # "What does Apple call the M3 GPU feature ...?"
        return next((t for t in root.children if t.dep_ == "dobj" and t.i != wh.i and t.pos_ in ("NOUN", "PROPN")), None)
    if (named := _noun_named(wh)) is not None:
        return named
    if root.lemma_ != "be":
        return None
    # ("What is YouTube's AI experiment with artists called?": the small model may make the participle a
    # clause of "is", with the thing named as its subject)
    called = next((c for c in root.children if c.dep_ == "ccomp" and c.lemma_.lower() in lexicon.NAMING and c.tag_ in ("VBN", "VBD")), None)
    if called is not None and wh.head.i == root.i:
        return next((t for t in called.children if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")), None)
    thing = next((t for t in root.children if t.dep_ in ("nsubj", "attr") and t.i != wh.i and t.pos_ == "NOUN"), None)
    # ("What is the term for changes in odds?", "What is the title of her memoir?": the word for a
    # thing, a work's title, is its name)
    if thing is not None and (thing.lemma_.lower() in ("name", "title") or (thing.lemma_.lower() == "term" and thing.dep_ == "nsubj")):
        return next((o for p in thing.children if p.dep_ == "prep" and p.lower_ in ("of", "for") for o in p.children
                     if o.dep_ == "pobj" and o.pos_ == "NOUN" and lexicon.noun_class(o.lemma_) != "person"), None)
    # (or of the noun it stands in apposition to: "the internal FTX group chat called ...")
    if thing is not None and any(c.dep_ == "acl" and c.lemma_.lower() in lexicon.NAMING for t in (thing, *(a for a in thing.children if a.dep_ == "appos"))
                                 for c in t.children):
        return thing
    # (a long subject may leave the participle that ends the question to the verb: "What was the giant
    # dragonfly with a three-foot wingspan that was wiped out called?")
    last = next((t for t in reversed(list(root.doc)) if not t.is_punct), None)
    # (or to a noun of the subject: "What was Epic Games' secret plan to update Fortnite with code that
    # bypasses app store fees called?", when "what" is what the subject is)
    if thing is not None and last is not None and last.lemma_.lower() in lexicon.NAMING and last.tag_ in ("VBN", "VBD") and (
            last.head.i == root.i or (wh.head.i == root.i and wh.dep_ == "attr" and thing.dep_ == "nsubj" and last.i in {t.i for t in thing.subtree})):
        return thing
    return None


# Nouns that only name the class of the answer ("the individual who ...", "the company that ..."):
# an answer need not repeat them.
_GENERIC = {"person", "people", "individual", "man", "woman", "company", "firm", "organization", "organisation",
            "group", "entity", "place", "thing", "one", "name", "figure"}


def _common_compound(doc, start: int) -> str | None:
    """A noun of two or three lower-case words, as WordNet lists it ("running back", "tight end"),
    in the few words from `start` that come before the question's verb; None if none is."""
    words = []
    for t in doc[start : start + 5]:
        if t.pos_ == "AUX" or t.is_punct or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            break  # (the question's verb: "Which publication asked nearly two dozen ...?")
        words.append(t)
    for k in range(len(words)):
        for n in (3, 2):
            run = words[k : k + n]
            after = doc[run[-1].i + 1] if run and run[-1].i + 1 < len(doc) else None
            if after is not None and after.tag_[:2] == "NN":
                continue  # (a noun that only qualifies the next: "science fiction [author]")
            if len(run) == n and all(t.is_lower and t.is_alpha for t in run) and lexicon.noun_class(" ".join(t.text for t in run)):
                return " ".join(t.text for t in run)
    return None


def _focus(noun) -> str:
    """The noun asked about with the words that narrow it ("foreign minister", "prime minister"),
    without names ("US ambassador" -> "ambassador"): an answer must say what is asked."""
    if noun.lemma_.lower() in _GENERIC:
        return ""
    # (a word the tokenizer split at its hyphens is one noun, whatever the parse made of its pieces:
    # "co-founder", of which the small parser may take "co" for the noun)
    doc, end = noun.doc, noun
    while end.i + 2 < len(doc) and doc[end.i + 1].text == "-" and not end.whitespace_ and not doc[end.i + 1].whitespace_ \
            and doc[end.i + 2].is_alpha:
        end = doc[end.i + 2]
    # (with a noun "and" joins to it under one determiner, one person both: "the co-founder and CEO")
    both = [c.lemma_.lower() for c in end.children if c.dep_ == "conj" and c.tag_ in ("NN", "NNP")
            and not any(d.dep_ in ("det", "poss") for d in c.children) and any(k.dep_ == "cc" and k.lower_ == "and" for k in end.children)]
    if end is not noun or both:
        return " ".join([doc[noun.i : end.i].text.lower() + end.lemma_.lower()] + both)
    # (a plural proper noun is a team's or a group's name, whatever the recognizer missed: "Bills cornerback")
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and not t.ent_type_ and t.tag_[:1] != "W" and t.tag_ != "NNPS"
            and not _of_name(t)]
    return " ".join([t.lower_ for t in mods] + [noun.lemma_.lower()])


def _of_name(t) -> bool:
    """Is the word the last piece of a hyphenated word that begins with a name ("Arkansas-based"): it
    says where or whose, not what kind of thing?"""
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_ \
        and (bool(doc[t.i - 2].ent_type_) or doc[t.i - 2].pos_ == "PROPN")
