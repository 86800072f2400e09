"""What a question asks, read from its own parse: the verb of its main clause and the act it names
("Where did she give that interview?" -> interview), the event a date question asks the time of, the
noun "which" / "what" asks for ("At what stadium ...?"), whether "who" asks for the subject, whose
one it asks about, and its words that say what happened or what it is about. Only the question is read
here; the sentences that may answer it are read by qa.reader."""

from __future__ import annotations

from qa import lexicon, nlp, speakers, when
from qa.keyword import term_set, terms
from qa.types import Question


def predicate_terms(q: Question, capacity: bool = True) -> set[str]:
    """The question's content words that say what happened, without the wh-phrase (the things it
    counts, with their modifiers) and the names and dates it sets aside: "How many export items did
    Japan restore to preferential status in 2020?" -> restore, preferential, status. `capacity`: with
    the capacity "as" gives ("as a player", "as chairman"), which says who did it rather than what
    happened, though a sentence that repeats it tells of the same thing."""
    doc = nlp.parse(q.text)
    wh = next((t for t in doc if t.tag_[:1] == "W"), None)
    phrase = set()
    if wh is not None:
        for t in doc:
            if t.pos_ not in ("VERB", "AUX") and wh in t.subtree:
                phrase |= {t.i} | {c.i for c in t.children if c.dep_ in ("compound", "amod", "nummod")}
    # ("have", "get": verbs too general to say what happened; a common noun set beside a name says
    # who, not what happened: "MrBeast contestant Suzie Taylor")
    for subj in (t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"):
        if subj.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
            phrase |= {w.i for w in subj.subtree}
    # (a clause that tells when, "when it bought the lab", places what happened in time: it is not
    # what happened)
    for clause in (t for t in doc if t.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in _TIME_MARKS for c in t.children)):
        phrase |= {w.i for w in clause.subtree}
    # (nor is whose account it is: "..., according to Polygon's guide?")
    for acc in (t for t in doc if t.lemma_ == "accord" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
        phrase |= {w.i for w in acc.subtree}
    for cap in (t for t in doc if not capacity and t.dep_ == "prep" and t.lower_ == "as" and t.head.pos_ in ("VERB", "AUX")):
        if any(o.dep_ == "pobj" and o.pos_ == "NOUN" and lexicon.noun_class(o.lemma_.lower()) == "person" for o in cap.children):
            phrase |= {w.i for w in cap.subtree}
    words = [t.text for t in doc if t.pos_ in ("VERB", "NOUN", "ADJ") and t.i not in phrase and not t.ent_type_
             and t.lemma_.lower() not in lexicon.GENERAL_VERBS]
    return set(terms(" ".join(words)))


# English's subordinators of a time another event sets ("when it bought the lab"; not "before", "after",
# "since", "until": "How long before X did Y?" measures from X).
_TIME_MARKS = frozenset({"when", "while", "once"})


def says_with(question: str) -> bool:
    """Is the question's main verb used as a verb of saying? Not when it moves a thing somewhere:
    "When did Japan add South Korea back to the list?" ("added" is also "said")."""
    verb = main_verb(question)
    tok = next((t for t in nlp.parse(question) if t.text == verb), None) if verb else None
    if tok is None:
        return True
    moved = any(c.dep_ == "dobj" for c in tok.children) and any(
        (c.dep_ == "prep" and c.lower_ in ("to", "into", "onto")) or (c.dep_ in ("prt", "advmod") and c.lower_ == "back") for c in tok.children)
    return not moved


def of_owner(question: str, noun: str) -> set[str]:
    """The words of the name the question gives as the noun's owner by "of" ("the CEO of Jim
    Ratcliffe's Ineos Sport"); empty when it gives none (the "of" of "Secretary of State" is no name)."""
    return {w for t in nlp.parse(question) if t.lower_ == noun.lower() for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("ORG", "GPE", "PERSON", "NORP")
            for w in term_set(" ".join(x.text for x in o.subtree))}


def topic_words(question: str, subject: str) -> str:
    """What a "what did X say about Y" question is about: its content words outside the speaker, the
    verb of saying and the time it is said ("in November 2019": the question's period, not a topic)."""
    skip = {t.lower_ for t in nlp.parse(subject)}
    doc = nlp.parse(question)
    # ("before leaving", "after Seoul's decision": a time clause says when, not about what)
    timing = {w.i for t in doc if t.lower_ in _WHEN and t.dep_ in ("prep", "mark")
            for w in (t.subtree if t.dep_ == "prep" else t.head.subtree)}
    return " ".join(t.text for t in doc
                    if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.lower_ not in skip and t.lemma_ not in speakers.SPEECH
                    and t.lemma_ not in speakers.PRO_VERBS | _ASPECT | _REPLY and t.ent_type_ not in nlp.DATE and t.i not in timing)


# English's prepositions and conjunctions of time: the phrase or clause they open sets when.
_WHEN = {"before", "after", "while", "since", "until", "till", "during", "following"}  # ("when asked about X": X is the topic)


# Verbs that say when or whether an act goes on, not what it is ("keep doing", "start to talk"):
# English's aspectual verbs, which name no topic.
_ASPECT = {"keep", "continue", "start", "begin", "stop", "cease", "resume", "finish"}
# "What did X say in reply?": English's words of replying say that X answered something, not what
# about (that is the earlier turn's topic, or any).
_REPLY = {"reply", "respond", "response", "react", "reaction", "retort", "answer"}


def restricted(question: str, focus: str) -> bool:
    """Does a clause of the question say which one of the noun it asks about it means ("the
    cricketer [that played ...]", "the prodigy [mentioned in ...]")?"""
    head = focus.split()[-1] if focus else ""
    return any(t.dep_ in ("relcl", "acl") and t.head.lemma_.lower() == head for t in nlp.parse(question))


def equated(question: str, focus: str) -> str:
    """The title the question sets the noun it asks about equal to ("Which official is the US
    assistant secretary ...?" -> "assistant secretary"; "Which Meta executive, the company's global
    head of Safety, ...?" -> "global head"), which then says which one it is; "" when it sets none."""
    head = focus.split()[-1] if focus else ""
    doc = nlp.parse(question)
    for t in doc:
        if t.lemma_.lower() != head:
            continue
        # (or by apposition: "Which Meta executive, the company's global head of Safety, ...?"; one right
        # after the noun's comma, not what the small parser hangs on it from further on: "Which judge is
        # presiding over US v. Google, the antitrust trial ...?")
        other = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.left_edge.i == t.i + 2 and doc[t.i + 1].text == ","), None)
        if other is None and t.dep_ in ("nsubj", "attr") and t.head.lemma_ == "be":
            other = next((c for c in t.head.children if c.dep_ in ("nsubj", "attr") and c.i != t.i and c.pos_ == "NOUN"), None)
        if other is not None:
            return " ".join(w.lower_ for w in other.lefts if w.dep_ in ("compound", "amod") and not w.ent_type_) + f" {other.lower_}"
    return ""


def event_of(question: str) -> tuple[str, str]:
    """What a date question asks the time of, and the aspect: its main verb and "", or, for an
    aspectual verb ("When did the occupation end?"), the noun of the event and the verb's lemma
    ("occupation", "end")."""
    verb = main_verb(question)
    if not verb:
        return _predicate(question), ""
    tok = next((t for t in nlp.parse(question) if t.text == verb), None)
    if tok is None or tok.lemma_.lower() not in when.BEGIN | when.END:
        return verb, ""
    # ("What year did people start cultivating cranberries?": the act its gerund names, however a
    # sentence tells it, "Cranberry cultivation began in 1816")
    if (ing := next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)) is not None:
        return ing.text, tok.lemma_.lower()
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
        return verb, ""  # "When did tensions begin to rise?": the verb itself, as before
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if subj is None:  # (the subject may hang from "did": see nlp.parse)
        subj = next((c for a in tok.children if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    # (a noun in capitals is a name's, "Showtime Boxing": the thing that began, not an act the verb is the aspect of)
    return (subj.text, tok.lemma_.lower()) if subj is not None and subj.text.islower() else (verb, "")


def _predicate(question: str) -> str:
    """The adjective a question with "be" for its verb says its subject was ("due" in "When was
    GSOMIA due for renewal?"), which tells its event as a verb would; "" for none. (An adjective
    after its noun is the predicate, however the small model hangs it: English puts attributive
    adjectives before the noun.)"""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return ""
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if adj is None and subj is not None:
        adj = next((c for c in subj.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > subj.i), None)
    return adj.text if adj is not None else ""


def main_verb(question: str) -> str:
    """The verb of the question's main clause ("urge" in "What did he urge South Korea to do?")."""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.tag_ == "MD":  # ("Which officials might Kang meet?" parsed with the modal on top)
        root = next((c for c in root.children if c.pos_ == "VERB"), root)
    if root is not None and root.pos_ not in ("VERB", "AUX"):
        # A parse rooted in a fronted phrase ("[Besides] Motegi, whom might Kang meet ...?"): the verb
        # the wh-word hangs from, else the first verb.
        wh = next((t for t in doc if t.tag_ in ("WP", "WDT", "WRB", "WP$") and t.head.pos_ == "VERB"), None)
        root = wh.head if wh is not None else next((t for t in doc if t.pos_ == "VERB"), root)
    # ("Who led the study on the moment a decision becomes ...?": a parse that makes the wh-word's clause
    # the subject of a later verb has the question's verb in that clause)
    wh = doc[0] if len(doc) and doc[0].tag_ in ("WP", "WDT", "WRB", "WP$") else None
    if wh is not None and wh.head.pos_ == "VERB" and wh.head.dep_ == "csubj":
        root = wh.head
    # "Which maker had to cancel the deal?": "have to" is a modal, the verb after it the question's
    if root is not None and root.lemma_ == "have":
        root = next((c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i == root.i + 2
                     and root.doc[root.i + 1].lower_ == "to"), root)
    # "Where is Reliance Industries building X?": the small model may hang the progressive's verb on
    # the subject as a clause of it ("Industries building"), with "is" on top: the verb is the question's
    # (or as the subject of "is": "[Ardent Energy building] ... is")
    if root is not None and root.lemma_ == "be" and root.i <= 2:
        ing = next((t for t in root.doc[root.i + 1:] if t.pos_ in ("VERB", "AUX")), None)
        if ing is not None and ing.tag_ == "VBG" and ing.dep_ in ("acl", "csubj") and (
                ing.head.i == root.i or (ing.head.dep_ == "nsubj" and ing.head.head.i == root.i and ing.i == ing.head.i + 1)):
            root = ing
        # (and so the passive's participle: "When was the border fence [completed]?", "fence completed")
        elif ing is not None and ing.tag_ == "VBN" and ing.dep_ == "acl" and ing.head.dep_ == "nsubj" and ing.head.head.i == root.i \
                and ing.i == ing.head.i + 1:
            root = ing
    # "In what year did Apple introduce X, the feature that ...?": the verb "did" supports is the
    # question's, whatever the parse put on top (here "feature", read as a verb)
    supported = next((t for t in doc if t.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ == "do" and c.i < t.i for c in t.children)), None)
    # (not "did X have to renew ...": the verb after "have to" is the question's, as above)
    if root is not None and supported is not None and supported.i < root.i and not any(c.dep_ == "aux" and c.lemma_ == "do" for c in root.children) \
            and not (supported.lemma_ == "have" and root.head.i == supported.i):
        root = supported
    # (after "did" English has the bare verb: "did ... gelled" is a misparse of "did Marcus Urann begin
    # processing gelled cranberries", whose verb is the bare one after "did")
    did = next((c for c in root.children if c.dep_ == "aux" and c.lemma_ == "do" and c.i < root.i), None) if root is not None else None
    if did is not None and root.tag_ in ("VBD", "VBN"):
        root = next((t for t in doc[did.i + 1 : root.i] if t.tag_ == "VB" and t.pos_ == "VERB"), root)
    # (and the subject ends before it: "did the news site Axios launch?" has its verb last, after the name that
    # ends the subject; the tagger's verb "site" right after a noun, before the name, is the subject's noun)
    if did is not None and root.tag_ == "VB" and root.i >= 1 and doc[root.i - 1].tag_ in ("NN", "NNS") and doc[root.i - 1].i > did.i:
        k = root.i + 1
        while k < len(doc) and doc[k].text[:1].isupper():  # (the name, however tagged: "Axios" an adjective)
            k += 1
        if root.i + 1 < k < len(doc) - 1 and all(t.is_punct for t in doc[k + 1 :]) and doc[k].is_lower and lexicon.is_verb(doc[k].text):
            root = doc[k]
    # (a word English has only as a noun is no verb, whatever the tagger says: "Where is the AI startup
    # Adaptive, co-founded by X, based?" has its verb last, where English puts a question's participle)
    if root is not None and root.pos_ == "VERB" and not lexicon.is_verb(root.lemma_.lower()):
        # (or, none tagged a verb, the word after the names that follow it, which English has as a verb: "In
        # what year did radiologist Bhavik Patel join Mayo Clinic?", the small tagger's "join" a noun)
        after = next((t for t in doc[root.i + 1 :] if t.pos_ != "PROPN"), None)
        named = after is not None and after.i > root.i + 1 and after.is_lower and after.is_alpha and lexicon.is_verb(after.text)
        root = next((t for t in reversed(doc[root.i + 1 :]) if t.pos_ == "VERB" and lexicon.is_verb(t.lemma_.lower())), after if named else root)
    return root.text if root is not None and root.lemma_ not in ("be", "do", "have") else ""


def main_lemma(question: str) -> str:
    """The dictionary form of the question's main verb as the question uses it ("found" in "What
    did she found?" is "found", not "find"); "" for none."""
    verb = main_verb(question)
    tok = next((t for t in nlp.parse(question) if t.text == verb), None) if verb else None
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return nlp.lemma(verb)
    # (after "did" / "does" the verb is in its bare form, whatever the lemmatizer makes of "found")
    return tok.lower_ if any(c.dep_ == "aux" and c.lemma_ == "do" for c in tok.children) else tok.lemma_.lower()


def act_of(question: str) -> str:
    """What the question says was done, as a lemma: its main verb, or the noun a light verb takes
    ("Where did she give that interview?" -> interview)."""
    verb = main_verb(question)
    doc = nlp.parse(question)
    tok = next((t for t in doc if t.text == verb and t.pos_ in ("VERB", "AUX")), None) if verb else None
    if tok is not None and tok.lemma_.lower() in when.LIGHT:
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None:
            return obj.lemma_.lower()
    return main_lemma(question)


def plural_asked(question: str) -> str:
    """The plural noun "which" / "what" asks about, as a lemma ("Which companies ...?" -> company);
    "" for a question about one thing."""
    return next((t.head.lemma_.lower() for t in nlp.parse(question)
                 if t.lower_ in ("which", "what") and t.dep_ == "det" and t.head.tag_ in ("NNS", "NNPS")), "")


def asks_country(question: str) -> str:
    """Does "which" / "what" ask for a country ("Which country hosted ...?", "what nation")? "doer"
    when the country is the one that did the question's act (its subject), "place" otherwise, "" not."""
    for t in nlp.parse(question):
        if t.lower_ in ("which", "what") and t.dep_ == "det" and t.head.lemma_.lower() in ("country", "nation"):
            return "doer" if t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.pos_ == "VERB" else "place"
    return ""


def asked_noun(question: str) -> str:
    """The noun "which" / "what" asks for ("stadium" in "At what stadium did ...?"); "" for none."""
    noun = _asked(question)
    return noun.lemma_.lower() if noun is not None else ""


def be_subject(question: str) -> tuple[str, set[str]] | None:
    """For "What is / was the <noun> of ...?", the noun whose value is asked ("What was the occupancy rate at
    the tower?": "rate") and the terms of its phrase from the words before it ({"occupancy", "rate"}); None for another
    question."""
    doc = nlp.parse(question)
    wh = next((t for t in doc[:3] if t.lower_ == "what"), None)
    if wh is None or wh.dep_ != "attr" or wh.head.lemma_ != "be":
        return None
    noun = next((c for c in wh.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if noun is None:
        return None
    before = [w.text for w in noun.lefts if w.dep_ in ("compound", "amod")]
    return noun.lemma_.lower(), set(term_set(" ".join([*before, noun.text])))


def asked_phrase(question: str) -> set[str]:
    """The terms of the noun phrase "which" / "what" asks for, the noun with the words before it
    ("high-frequency trading firm"); empty for none."""
    noun = _asked(question)
    if noun is None:
        return set()
    words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if t.lower_ not in ("which", "what")]
    return set(terms(" ".join(t.text for t in words)))


def _asked(question: str):
    doc = nlp.parse(question)
    for t in doc:
        if t.lower_ not in ("which", "what"):
            continue
        if t.dep_ == "det" and t.head.pos_ == "NOUN":
            return t.head
        if (noun := nlp.noun_after(t)) is not None:  # (the parse may not attach it: "In which city was ...?")
            return noun
    return None


def asks_clock(question: str) -> bool:
    """Does "what time" ask for a time of day ("What time was kick-off?"; not "What time of year ...?")?"""
    noun = _asked(question)
    return noun is not None and noun.lemma_.lower() == "time" and not any(c.dep_ == "prep" for c in noun.children)


def reported_act(question: str) -> str:
    """The lemma of the act a "who" question asks the doer of through a verb of saying ("Who did
    police say fired the shot?" -> "fire": its subject is left for the answer); "" for none."""
    doc = nlp.parse(question)
    if not any(t.lower_ == "who" for t in doc):
        return ""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in speakers.SPEECH:
        return ""
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
    return said.lemma_.lower() if said is not None else ""


def purpose_act(question: str) -> str:
    """The lemma of the act the question's main verb is done for by the one asked about ("Who
    stepped in to calm him?" -> "calm"); "" for none, or when the main verb has an object, who is
    then the one to do it ("Who prodded Seoul to sign the pact?": Seoul signs)."""
    root = next((t for t in nlp.parse(question) if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ == "dobj" for c in root.children):
        return ""
    done = next((c for c in root.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
                 and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)), None)
    return done.lemma_.lower() if done is not None else ""


def asks_subject(question: str, which: bool = False) -> bool:
    """Does "who" ask for the subject of the main verb ("Who prodded X?", not "Whom did X meet?",
    nor "Which individual ...?", which asks for a person)? `which`: or a noun "which / what" asks
    for ("Which team won ...?")."""
    doc = nlp.parse(question)
    # (the noun right after "which" when the parse makes "which" the object of the verb that noun is the subject
    # of: "Which Outer Hebrides island hosts ...?"; a verb with a subject takes no object before it without "do")
    wh = next((t for t in doc if t.tag_ == "WDT" and t.dep_ == "dobj"), None) if which else None
    asked = nlp.noun_after(wh) if wh is not None else None
    asked = asked if asked is not None and asked.dep_ == "nsubj" and asked.head.i == wh.head.i and not any(
        c.dep_ == "aux" and c.lemma_ == "do" for c in wh.head.children) else None
    return any((t.lower_ == "who" or (which and (any(c.tag_ == "WDT" for c in t.children) or (asked is not None and t.i == asked.i))))
               and t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.head.lemma_ != "be" for t in doc)


def which_owner(question: str) -> set[str]:
    """The words of the name that narrows the noun "which" asks for as the subject ("PGMOL" in "Which
    PGMOL official apologised ...?"): whose one it is."""
    return {w for t in nlp.parse(question) if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and any(c.tag_ == "WDT" for c in t.children)
            for c in t.children if c.dep_ in ("compound", "poss") and not c.is_lower for w in term_set(c.text)}


def declarative(question: str) -> str:
    """A do-support question as the statement it asks about ("Did X praise Y?" -> "X praise Y."):
    the small parser reads the verb after "Did X" as a noun far more often in the question."""
    words = question.strip().rstrip("?").split(" ", 1)
    if len(words) == 2 and words[0].lower() in ("did", "does", "do"):
        return words[1] + "."
    return question


def possessed_asked(question: str) -> tuple[str, set[str]]:
    """The noun whose owner the question asks for, as a lemma, and the words that narrow it ("Whose IcyVeins guide
    is the build based on?" -> ("guide", {icyvein}), "Which sportsbook's app offers ...?" -> ("app", set()));
    ("", set()) for a question that asks no owner."""
    for t in nlp.parse(question):
        # ("whose" itself, or "which / what" on the owner's noun: "Which sportsbook's"; opening the question, not a
        # relative "whose" of a noun it names, "the commissioner whose ruling kept him off the sideline")
        if t.dep_ == "poss" and t.head.pos_ == "NOUN" and ((t.lower_ == "whose" and t.i <= 1) or any(c.tag_ == "WDT" and c.i <= 1 for c in t.children)):
            return t.head.lemma_.lower(), set(terms(" ".join(c.text for c in t.head.children if c.dep_ in ("compound", "amod"))))
    return "", set()
