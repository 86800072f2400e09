"""Why, how and where a sentence says something was done: the reason it gives ("citing a lack of
trust"), the means ("through diplomatic channels"), the places of an act ("departing to Nagoya",
"submitted to the National Assembly") and who does a hyphenated participle ("Thai-led"). Each is
read from the parse of one sentence; the spans are cut from its text."""

from __future__ import annotations

from qa import lexicon, nlp, speakers, when
from qa.keyword import term_set

_MEANS = {"by", "through", "via"}


def means(sentence: str, question: str) -> str | None:
    """For "how did / does X do Y": the phrase of the sentence that gives the means ("through
    dialogue between the trade authorities and through diplomatic channels"); None when it has
    none, or only one that repeats the question."""
    asked = term_set(question)
    best = None
    for t in nlp.parse(sentence):
        if t.dep_ != "prep" or t.lower_ not in _MEANS or not any(c.dep_ in ("pobj", "pcomp") for c in t.children):
            continue
        if t.lower_ == "by" and (t.head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "pobj" and c.ent_type_ for c in t.children)):
            continue  # "launches by North Korea": who did it, not how
        span = t.doc[t.i: max(x.i for x in t.subtree) + 1]
        if len(term_set(span.text) - asked) >= 2 and (best is None or len(span) > len(best)):
            best = span
    return best.text.strip(" ,;:") if best is not None else None


# How English gives a reason, as closed word classes: the conjunctions and two-word prepositions
# of cause, the nouns of "in response / retaliation / protest to", and "citing" or "saying" in a
# participle ("..., saying it does not make sense"), the reason its subject gave. "as",
# "since" and "after" are also of time, so a sentence with a plain cause is preferred to them.
_CAUSE_MARKS = {"because": 0, "as": 1, "since": 1, "after": 1}
CAUSE_PREPS = {("because", "of"), ("due", "to"), ("owing", "to"), ("thanks", "to")}
_CAUSE_NOUNS = {"response", "retaliation", "protest", "reaction", "reprisal"}
_GROUNDS = {"cite", "say", "argue", "claim", "explain"}  # verbs a subject gives its grounds with


def cause(sentence: str, question: str) -> tuple[int, str] | None:
    """For "why did X do Y": the phrase of the sentence that gives the reason ("citing a lack of
    trust", "in an apparent response to a court ruling ...") with how plainly it gives it, lower
    being plainer (+1 when the phrase is of another act than the question's, +1 for a word that may
    be of time); None when it gives none beyond the question."""
    asked = term_set(question)
    acts = {t.lemma_.lower() for t in nlp.parse(question) if t.pos_ == "VERB"} - speakers.PRO_VERBS
    doc = nlp.parse(sentence)
    best: tuple[int, str] | None = None
    for t in doc:
        tier, head = 0, None
        if t.dep_ == "mark" and t.lower_ in _CAUSE_MARKS and t.head.dep_ == "advcl":
            tier, head = _CAUSE_MARKS[t.lower_], t.head
        elif t.i + 1 < len(doc) and (t.lower_, doc[t.i + 1].lower_) in CAUSE_PREPS:
            head = t  # (the parse makes "owing" a preposition or a participle)
        elif t.dep_ == "prep" and t.lower_ == "in" and any(c.dep_ == "pobj" and c.lemma_ in _CAUSE_NOUNS for c in t.children):
            head = t
        elif t.tag_ == "VBG" and t.lemma_ in _GROUNDS and (t.dep_ == "advcl" or (t.dep_ == "pcomp" and t.head.lower_ == "by")):
            head = t.head if t.dep_ == "pcomp" else t
        elif t.dep_ == "aux" and t.lower_ == "to" and t.head.dep_ in ("xcomp", "advcl") and t.head.head.lemma_.lower() in _MOTION:
            head = t.head  # "departing to Nagoya to attend a meeting": why one goes is what one goes to do
        if head is None:
            continue
        verb = head.head.lemma_.lower()  # the act the phrase gives the reason for
        # (one going somewhere is the act of any verb of going: "travelling" / "departing")
        own = any(verb == a or when.derived(verb, a) for a in acts) or (verb in _MOTION and bool(acts & _MOTION))
        if tier and not own:
            continue  # a word that may be of time gives the reason only for the question's own act
        text = doc[min(t.i, head.left_edge.i): head.right_edge.i + 1].text.strip(" ,;:")
        rank = (not own, tier)
        if len(term_set(text) - asked) >= 2 and (best is None or rank < best[0]):
            best = (rank, text)
    return None if best is None else (best[0][0] + best[0][1], best[1])


# Verbs of going somewhere: "Where was she travelling?" asks for a destination. Other "where"
# questions ("Where did she speak?") ask where something happened, which a place reached with
# "to" does not say. English motion verbs, not words of any corpus.
_MOTION = {"go", "travel", "head", "fly", "move", "depart", "leave", "come", "return", "arrive", "send", "deploy",
           "sail", "drive", "flee", "relocate", "migrate", "bring", "take", "ship", "export", "transfer", "emigrate", "bound"}
_TOWARD = {"to", "toward", "towards", "into"}


def asks_destination(question: str) -> bool:
    """Does the question ask where someone or something went ("Where was she travelling?"), not
    where something happened before a going ("Where did she speak before leaving?": the going only
    sets the time)?"""
    doc = nlp.parse(question)
    return any(t.lemma_.lower() in _MOTION and t.pos_ in ("VERB", "ADJ", "NOUN")
               and not any(a.dep_ in ("advcl", "pcomp") for a in (t, *t.ancestors))
               for t in doc)


def verb_places(verb: str, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """Places and organisations the sentence puts the verb (a lemma) at, in or to: "submitted to
    <the National Assembly>", "met in <Seoul>". A "where" question about that act is answered by
    them; an institution is a place here, though the recognizer does not tag it as one."""
    if not verb:
        return []
    doc = nlp.parse(sentence)
    out = []
    for a, b, label in ents:
        if label not in nlp.ORGANIZATION | nlp.PLACE:
            continue
        root = nlp.span_head(doc, a, b)
        if root is not None and root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and root.head.dep_ == "pobj" \
                and root.head.head.lower_ in _AT | _TOWARD:
            root = root.head  # (a place that names the thing it is put at: "in a Seattle federal court")
        if root is not None and root.dep_ == "appos" and root.head.dep_ == "pobj":
            root = root.head  # (a name set beside the noun it is put at: "published in the journal BMJ")
        # ("according to X" names a source, not a place)
        if root is not None and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.lower_ != "according" \
                and speakers.same_act(verb, root.head.head.lemma_.lower()):
            out.append(sentence[a:b])
    # (or a proper name the recognizer missed, where it is put: "now streaming on Hulu"; not one it is
    # put near or passed to, which may be a person's, "a ball played over the top to Pulisic"; nor part of
    # a name with a possessive, "in Baldur's Gate 3")
    for t in doc:
        if t.dep_ == "pobj" and t.pos_ == "PROPN" and not t.ent_type_ and t.head.dep_ == "prep" and t.head.lower_ in ("in", "at", "on") \
                and not any(c.dep_ == "poss" for c in t.children) and speakers.same_act(verb, t.head.head.lemma_.lower()):
            start = min([c.idx for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i] + [t.idx])
            out.append(sentence[start : t.idx + len(t.text)])
    return out


def hyphen_agent(verb: str, sentence: str, about: frozenset[str] = frozenset()) -> str | None:
    """Who does the verb (a lemma) in an English hyphenated participle: "a Saudi-led coalition" ->
    Saudi, "the U.S. and Thai-led exercises" -> U.S. and Thai; None when the sentence has none.
    `about`: terms of which one of them must be in the participle's noun phrase, what it was done
    to ("John Woo-directed revenge pic “Silent Night”" is no answer about Godzilla Minus One)."""
    if not verb:
        return None
    doc = nlp.parse(sentence)
    for t in doc:
        if t.lemma_.lower() == verb and t.tag_ == "VBN" and t.i >= 2 and doc[t.i - 1].tag_ == "HYPH":
            by = doc[t.i - 2]
            if not _named(by):
                continue
            done_to = {w.i for w in t.head.subtree} - {w.i for w in t.subtree}
            if about and not about & term_set(" ".join(doc[k].text for k in sorted(done_to))):
                continue
            names = [by.text]
            k = by.i - 1
            if k >= 1 and doc[k].pos_ == "CCONJ" and _named(doc[k - 1]):  # "the U.S. and Thai-led ...", "Peruvian and Chilean-led"
                first = k - 1
                while first > 0 and doc[first - 1].pos_ == "PROPN":
                    first -= 1
                names.insert(0, doc[first:k].text)
            return " and ".join(names)
    return None


def _named(token) -> bool:
    """A name, or a people's adjective ("Thai", "Peruvian": capitalised in English)."""
    return token.pos_ == "PROPN" or (token.pos_ == "ADJ" and token.is_title)


def place_role(sentence: str, span: str, owned: str = "") -> str:
    """How the sentence uses the place `span`: "toward" when it is reached ("departing to
    <Nagoya>"), "actor" when it stands for its government or people ("<Seoul>'s position", "<Seoul>
    said", "<U.S.>-led"), else "at" (where something happens: "said at <Incheon Airport>"). A place
    that qualifies the noun the question asks whose it is (`owned`, see `possessed_asked`) is the one asked
    for: "at"."""
    at = sentence.find(span)
    head = nlp.span_head(nlp.parse(sentence), at, at + len(span)) if at >= 0 else None
    if head is None:
        return "at"
    while head.dep_ == "conj":  # "to Nagoya, Japan"
        head = head.head
    # ("for" after a verb of motion marks where it goes: "left for <Russia>", "headed for the border")
    if head.dep_ == "pobj" and (head.head.lower_ in _TOWARD or (head.head.lower_ == "for" and head.head.head.lemma_.lower() in _MOTION)):
        return "toward"
    # A place that qualifies a noun stands for its people too ("the <U.S.> and Thai-led exercises",
    # "a <Tokyo> official"): it says whose the thing is, not where it happens.
    qualifies = head.dep_ in ("nmod", "compound", "amod") and head.head.pos_ in ("NOUN", "PROPN")
    if owned and (qualifies or head.dep_ == "poss") and head.head.lemma_.lower() == owned:
        return "at"  # ("a <Seattle> federal court" for "In which city's federal court ...?")
    # (a place that qualifies a person is also where the person is from: "a Louisiana woman")
    if qualifies and head.head.pos_ == "NOUN" and lexicon.noun_class(head.head.lemma_) == "person":
        return "origin"
    return "actor" if head.dep_ in ("poss", "nsubj", "nsubjpass") or qualifies else "at"


def possessed_asked(question: str) -> str:
    """The noun "which <noun>'s" asks the owner of ("court" in "In which city's federal court ...?"), as a
    lemma; "" for none. (`doers.whose_asked` is the same for "whose"; `figures.owned_asked` is another
    thing: a noun of what is owned, "What salary ...?".)"""
    wh = next((t for t in nlp.parse(question) if t.tag_ == "WDT" and t.dep_ == "det"), None)
    owner = wh.head if wh is not None else None
    return owner.head.lemma_.lower() if owner is not None and owner.dep_ == "poss" and owner.head.pos_ == "NOUN" else ""


def asks_origin(question: str) -> bool:
    """Does the question ask where someone is from ("A woman from which U.S. state sued ...?",
    "Where is she from?")?"""
    doc = nlp.parse(question)
    return any(t.lower_ == "from" and (any(w.tag_[:1] == "W" for w in t.subtree) or (t.i == len(doc) - 2 and any(w.lower_ == "where" for w in doc)))
               for t in doc)


# English prepositions that put a thing at a place ("the Stade de France in Saint-Denis").
_AT = {"in", "at", "near", "outside"}


def located(question: str, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """For "Where is <thing>?": the places the sentence puts the thing in or at ("the Stade de
    France in Saint-Denis, France" -> Saint-Denis); [] for other questions, or when it puts the
    thing nowhere."""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # (or "Where is <thing> being held / played?": where a thing is put on is where it is)
    passive = root is not None and any(c.dep_ == "auxpass" for c in root.children)
    if root is None or (root.lemma_ != "be" and not passive) or not any(t.lower_ == "where" and root.i in (t.head.i, t.head.head.i) for t in doc):
        return []
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = [t for t in subj.subtree if t.dep_ != "det"] if subj is not None else []
    if not words:
        return []
    thing = question[words[0].idx : words[-1].idx + len(words[-1].text)]
    at = sentence.lower().find(thing.lower())
    told = nlp.parse(sentence)
    if at >= 0:
        inside = {t.i for t in told if at <= t.idx < at + len(thing)}
    else:
        # The thing by its noun with the words the question compounds it with ("the SEC
        # championship game at Mercedes-Benz Stadium" for "the 2023 SEC championship game between
        # Georgia and Alabama").
        compounds = {c.lemma_.lower() for c in subj.children if c.dep_ == "compound"}
        inside = {t.i for t in told if t.lemma_.lower() == subj.lemma_.lower() and t.pos_ == "NOUN"
                  and compounds <= {c.lemma_.lower() for c in t.children if c.dep_ == "compound"}}
    out = []
    for a, b, label in ents:
        # (an institution or a venue is a place here, though the recognizer may tag it an organisation)
        head = nlp.span_head(told, a, b) if label in nlp.PLACE | (nlp.ORGANIZATION if passive else frozenset()) else None
        # (attached to the thing, or right after it: the parse often hangs "in <place>" from the verb;
        # or to a clause of the thing that places it: "tree rings that were unearthed in the French Alps")
        at_verb = head.head.head if head is not None and head.dep_ == "pobj" else None
        # (the parse may hang the clause from an earlier noun; it begins right after the thing)
        placed = at_verb is not None and at_verb.dep_ in ("relcl", "acl") and (at_verb.head.i in inside or at_verb.left_edge.i - 1 in inside)
        if head is not None and head.dep_ == "pobj" and head.head.lower_ in _AT and (head.head.head.i in inside or head.head.i - 1 in inside or placed):
            # (with the capitalised word that qualifies it, which the recognizer may leave out: "the [French] Alps")
            first = next((c for c in head.lefts if c.dep_ in ("amod", "compound") and c.is_title and c.i == head.i - 1), head) if head.idx == a else None
            out.append(sentence[first.idx if first is not None else a : b])
    return out


# English prepositions that tie a person to an institution or a place ("Moungi Bawendi of MIT", "an
# assistant professor at Southern Connecticut State University", "Smith from Intel").
_OF = {"of", "at", "from", "with"}


def affiliation(question: str, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """For "Where does <person> work?" ("is <person> based", "did <person> teach"): the institutions
    and places the sentence ties the person to, by a preposition after the name or after a noun set
    beside it ("Moungi Bawendi of MIT", "Umamaheswar, then an assistant professor in sociology at
    Southern Connecticut State University"); [] when the question's subject is no person."""
    doc = nlp.parse(question)
    # (by the parse: the recognizer may take a name for an organisation's, "Alexei Ekimov", or miss it)
    person = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.ent_type_ not in nlp.PLACE), None)
    if person is None:
        return []
    surname = person.lower_
    told = nlp.parse(sentence)
    names = [t for t in told if t.lower_ == surname and t.pos_ == "PROPN"]
    # (the name, and the nouns set beside it: "Umamaheswar, then an assistant professor ...", which
    # the parser may hang from the noun the name is set beside)
    # (a title, not another name set beside it: "Osei of X, Tom Brack of Y")
    holders = [*names, *(c for t in names for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"),
               *(c for t in names if t.dep_ == "appos" for c in t.head.children if c.dep_ == "appos" and c.i > t.i and c.pos_ == "NOUN")]
    people = {t.i for a, b, label in ents if label in nlp.PERSON for t in told if a <= t.idx < b}

    def tied(tok, depth: int = 0):
        # (through the prepositions a title strings together, "a professor in sociology at X", and
        # a participle that places the noun: "an AI startup based in Amsterdam")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _OF | _AT:
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ == "PROPN" and o.i not in people:
                        yield o
                    elif o.dep_ == "pobj" and depth < 2:
                        yield from tied(o, depth + 1)
            elif c.dep_ == "acl" and depth < 2:
                yield from tied(c, depth + 1)

    out = []
    for o in (o for h in holders for o in tied(h)):
        first = next(t for t in o.subtree if t.dep_ != "det")
        out.append(sentence[first.idx : o.idx + len(o.text)])
    return out
