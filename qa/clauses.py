"""Which clause of a sentence a fact belongs to, and what a sentence calls a name: the subject of
the clause a figure is in ("Talon has raised $143 million, and Dig has raised $45 million"), the thing
an act is done to ("joined Southampton"), whose a noun is ("Israel's ambassador to the UK") and the
name set beside a noun ("Taylor, Mikaela's brother"). Read from spaCy's dependency parse."""

from __future__ import annotations

import re

from qa import asking, lexicon, nlp
from qa.keyword import terms
from qa.types import Question


def _subject(doc, a: int, b: int):
    """The subject of the clause the span at a:b is in (None when there is none)."""
    tok = nlp.span_head(doc, a, b)
    while tok is not None and tok.head.i != tok.i:
        tok = tok.head
        if (subj := next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)) is not None:
            return subj
    return None


def of_named(q: Question, doc, a: int, b: int) -> int:
    """How many words of the names the question gives the subject of the span's clause at a:b
    holds ("Talon has raised $143 million, and Dig has raised $45 million": the second for "How
    much has Dig raised?"; of "Adelaide Bank (down 1.3 per cent) ... while Bank of Queensland shed
    6.9 per cent", the second more for "Bank of Queensland"); 0 for none."""
    subj = _subject(doc, a, b) if q.names else None
    return len(set(terms(" ".join(q.names))) & set(terms(" ".join(w.text for w in subj.subtree)))) if subj is not None else 0


def _named_subject(doc) -> set[str]:
    """The words of the name that is the main verb's subject (none when the subject is no name)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is not None and subj.pos_ == "PROPN":
        return set(terms(" ".join(w.text for w in subj.subtree if w.pos_ == "PROPN")))
    # The small parser may miss the subject of an inverted question ("How much debt does Nicole
    # Plauché owe?", "owe" read as a noun): the name right after the auxiliary is it.
    aux = next((t for t in doc if t.lemma_ in ("do", "have", "be") and t.tag_ in ("VBZ", "VBD", "VBP")), None)
    after = [] if aux is None else list(doc[aux.i + 1 :])
    names = after[: next((k for k, t in enumerate(after) if t.pos_ != "PROPN"), len(after))]
    return set(terms(" ".join(t.text for t in names)))


def of_another(q: Question, doc, a: int, b: int) -> bool:
    """Is the span at a:b in a clause whose subject is a name other than the question's named
    subject ("Leon Black settled for $62.5 million" for "How much did JPMorgan settle for?") and
    than every other name it gives (a sentence may tell of the question's event from its other
    side: "India ... lost the match by 162 runs" for "By how many runs did Australia beat India?";
    "the White House announced that Nixon would pay $432,787")?"""
    own = _named_subject(nlp.parse(q.text)) if q.names else set()
    subj = _subject(doc, a, b) if own else None  # (only where the question's own subject is a name)
    asked = own | set(terms(" ".join(q.names)))
    # (a name is capitalised: the small tagger calls "the folk hero quarterback" a proper noun too)
    words = set(terms(" ".join(w.text for w in subj.subtree if w.pos_ == "PROPN" and not w.is_lower))) \
        if subj is not None and subj.pos_ == "PROPN" and not subj.is_lower else set()
    # (a description is no name, however capitalised: "The Scotsman had seven shots" tells of the one
    # its passage is about; WordNet's nouns of a person, "Scotsman", "Dutchman")
    if words and len(words) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children) \
            and not any(c.dep_ == "compound" for c in subj.children) and lexicon.noun_class(subj.text.lower()) == "person":
        words = set()
    # (nor when a verb from the figure up to the subject's does it to the question's subject, whose figure
    # it then gives: "limiting ... Tatum and Brown to just 27 combined points" for "How many points did
    # Tatum and Brown score?", "sentenced Hartley to three years")
    chain, tok = [], nlp.span_head(doc, a, b) if words else None
    while tok is not None and tok.head.i != tok.i and (not chain or chain[-1].i != subj.head.i):
        tok = tok.head
        chain.append(tok)
    done_to = {w for v in chain for c in v.children if c.dep_ == "dobj" for w in terms(" ".join(x.text for x in c.subtree))}
    return bool(words) and not words & asked and not done_to & own


def other_object(question: str, want: str, sentence: str, also: frozenset[str] = frozenset()) -> bool:
    """Does the sentence do the question's act (`want`, a lemma: nlp.lemma of the question's
    verb; or one of `also`, its other words) only to other things it names ("he joined Southampton"
    for "When did Mitchell join Tottenham?")?"""

    def objects(doc, verbs) -> list[list]:
        return [[n for o in _undergoers(t) if (n := _name_of(o)) is not None] for t in doc if t.lemma_.lower() in verbs and t.pos_ == "VERB"]
    asked = [o for objs in objects(nlp.parse(question), {want}) for o in objs]
    if not want or not asked:
        return False
    named = set(terms(" ".join(w.text for o in asked for w in o.subtree)))
    done = objects(nlp.parse(sentence), {want} | also)
    return bool(done) and all(objs and not any(set(terms(" ".join(w.text for w in o.subtree))) & named for o in objs) for objs in done)


def _undergoers(verb) -> list:
    """What the verb is done to: its object, or, said in the passive, its subject ("Wondery, which is
    owned by Amazon", the noun a relative pronoun stands for; "a service also owned by Amazon", the
    noun the participle describes), a name where a noun stands beside one in apposition ("Freevee,
    an ad-supported service owned by Amazon")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            found.append(verb.head if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else c)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    return found


def _name_of(noun):
    """The name a noun is or stands beside in apposition ("the streaming service Tubi", "Freevee, an
    ad-supported service"); None for a common noun alone. (A capitalised word inside a sentence is a
    name, whatever its tag: "IMDb".)"""
    def named(t) -> bool:
        return t.pos_ == "PROPN" or (t.i > 0 and t.is_alpha and not t.is_lower and t.pos_ == "NOUN")
    if named(noun):
        return noun
    beside = next((c for c in noun.children if c.dep_ == "appos" and named(c)), None)
    if beside is None and noun.dep_ == "appos" and named(noun.head):
        beside = noun.head
    return beside


def possessor(noun: str, text: str) -> tuple[str, set[str]] | None:
    """Whose the noun (a lemma) is said to be in the text, and the content words of what else
    narrows it: "Israel's ambassador to the UK" -> ("Israel", {uk}); None when it is no one's."""
    for t in nlp.parse(text):
        whose = next((c for c in t.children if c.dep_ == "poss"), None) if t.lemma_.lower() == noun else None
        if whose is not None:
            owner = " ".join(w.text for w in whose.subtree if w.tag_ != "POS")
            rest = {w.text for c in t.children if c.dep_ not in ("poss", "det") for w in c.subtree}
            return owner, set(terms(" ".join(rest)))
    return None


def bare_noun(noun: str, question: str) -> bool:
    """Is the noun (a lemma) asked for with nothing that narrows it ("Which organisation ...?",
    not "Which US secretary of state ...?")?"""
    return any(t.lemma_.lower() == noun and t.tag_[:2] == "NN" and all(c.dep_ == "det" for c in t.children) for t in nlp.parse(question))


def called(noun: str, sentence: str, described: set[str] = frozenset(), alike: set[str] = frozenset()) -> tuple[str, set[str]] | None:
    """The name the sentence calls by the noun (a lemma), set beside it: "Taylor, Mikaela's
    brother", "her brother, Taylor", "his brother Taylor" -> Taylor (whether or not the recognizer
    took it for a name), with the words of whose the noun is there, if it says ("Mikaela").
    `described`: terms the noun's phrase must hold ("high-frequency trading" of "firm"). `alike`:
    common words of the question's phrase; when two or more, another noun they modify is that noun
    said otherwise ("digital rights organization Fight for the Future" for "digital rights group")."""
    for t in nlp.parse(sentence):
        # (or a capitalised word inside the sentence that the tagger took for a common noun: a name all the
        # same, "the hookup site AdultFriendFinder")
        if (t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and t.text[:1].isupper() and not t.is_sent_start)) or t.dep_ == "compound":
            continue
        beside = [c for c in t.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"] + ([t.head] if t.dep_ == "appos" else [])
        for b in beside:
            said = set(terms(" ".join(w.text for w in b.subtree)))
            if b.pos_ == "NOUN" and (b.lemma_.lower() == noun and described <= said or len(alike) >= 2 and alike <= set(
                    terms(" ".join(w.text for w in b.subtree if w.i < b.i)))):
                # ("Panthers quarterback Baker Mayfield", "the Israeli ambassador ...": whose it is)
                whose = {w.lower_ for c in b.children if (c.dep_ == "poss" and c.pos_ != "PRON")  # ("her birth mother" says no more)
                         or (c.dep_ in ("compound", "amod") and c.text[:1].isupper() and (c.i > 0 or c.pos_ != "ADJ"))
                         for w in c.subtree if w.is_alpha}
                return _name_at(t), whose
    return None


def named_before(noun: str, sentence: str) -> str | None:
    """The name the sentence sets right before the noun (a lemma) as what it is called, the proper
    nouns the parser hangs on it ("M Le Monde magazine", "the Vancouver Whitecaps club"), whatever the
    recognizer made of them; None when there is none."""
    doc = nlp.parse(sentence)
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() != noun:
            continue
        comps = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i]
        if comps:
            words = doc[min(w.i for c in comps for w in c.subtree) : t.i]
            if all(w.text[:1].isupper() for w in words if w.is_alpha):
                return words.text
    return None


def _name_at(t) -> str:
    """The name a proper noun ends, as the sentence writes it: the entity holding it, else the run
    of proper nouns next to it ("Bobby De Cordova-Reid", not "Fulham" of "Fulham attacker ...")."""
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    if ent is not None and ent.label_ in nlp.PERSON | nlp.ORGANIZATION | nlp.PLACE | {"PRODUCT", "WORK_OF_ART", "FAC", "EVENT"}:
        return ent.text
    a = b = t.i
    while a > 0 and t.doc[a - 1].pos_ == "PROPN" and t.doc[a - 1].head.i in range(a, t.i + 1):
        a -= 1
    while b + 1 < len(t.doc) and t.doc[b + 1].pos_ == "PROPN" and t.doc[b + 1].dep_ == "flat":
        b += 1
    return t.doc[a:b + 1].text


def doer_of_object(question: str, sentence: str, same_verb: bool = False) -> str | None:
    """The name the sentence gives as subject of a verb whose object is the question's object, in
    whatever verb: "Wisconsin produces roughly 60% of the U.S. cranberry harvest" for "Which state
    grows 60% of the cranberry harvest?" (the thing done to pins the act where the verbs differ);
    `same_verb`: by the question's verb only ("Ben Rhodes won his second championship" for "Which
    driver won his second championship?", not "Cole Palmer scored a penalty" for "Which referee gave
    Chelsea the penalty?")."""
    root = next((t for t in nlp.parse(question) if t.dep_ == "ROOT"), None)
    want = _object_nouns(root, names=True) if root is not None else set()
    if not want:
        return None
    if same_verb:
        for t in nlp.parse(sentence):
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None) if t.pos_ == "VERB" else None
            if subj is not None and t.lemma_ == root.lemma_ and want & _object_nouns(t, names=True):
                return _name_at(subj)
        return None
    # (the name "by" sets after the object noun says its doer, before the subject of another verb: "CyberGhost completed
    # an independent security audit by Deloitte" for "Which firm carried out the audit?"; however the parse hangs "by",
    # on the noun or on the active verb whose object it is, whose own doer is its subject; not a passive verb's agent,
    # who does another act to the thing: "Small ferry lines are also backed by Northwind Ferries" for "Which trade
    # association represents small ferry lines?")
    for t in nlp.parse(sentence):
        held = t.pos_ == "NOUN" and t.lemma_.lower() in want
        done = t.pos_ == "VERB" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in want for c in t.children)
        if (held or done) and (by := next((o for p in t.children if p.dep_ == "prep" and p.lower_ == "by"
                                           for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)):
            return _name_at(by)
    for t in nlp.parse(sentence):
        subj = next((c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None) if t.pos_ == "VERB" else None
        # (a named object by the question's own verb only: "the Isle of Lewis hosts its own Dark Skies Festival";
        # a name is the object of many acts, "Google launched Gemini Pro" for "Which startup got Gemini Pro to ...?")
        if subj is not None and want & _object_nouns(t, names=t.lemma_ == root.lemma_):
            # (with the "’s" a subject cannot own by: the name "Chili’s")
            last = max([subj, *(c for c in subj.children if c.dep_ == "case")], key=lambda w: w.i)
            return sentence[subj.left_edge.idx : last.idx + len(last.text)]
        # (or a relative pronoun, for the name its clause describes, by the question's own verb: "Black
        # Cauldron, which almost bankrupted the studio"; not "Northwind Ferries, which runs small ferry
        # lines" for "Which trade association represents small ferry lines?")
        if t.pos_ == "VERB" and t.dep_ == "relcl" and t.head.pos_ == "PROPN" and t.lemma_ == root.lemma_ and want & _object_nouns(t) \
                and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children):
            return _name_at(t.head)
    return None


def _object_nouns(verb, names: bool = False) -> set[str]:
    """The lemmas of the verb's object nouns, or of the nouns a measured object is a part of
    ("harvest" of "60% of the harvest"); `names`: and of the names' heads ("its own Dark Skies Festival")."""
    out = set()
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        parts = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        measured = parts and any(c.dep_ == "nummod" for c in obj.children)
        out |= {t.lemma_.lower() for t in parts + ([] if measured else [obj]) if t.pos_ == "NOUN" or (names and t.pos_ == "PROPN")}
    return out


def same_participants(question: str, sentence: str, verb) -> bool:
    """Does the sentence's verb (a token) have the question's subject and object, whatever the verb
    ("Facebook created its Paris research lab" for "When did Facebook set up its AI research lab?")?"""
    root = next((t for t in nlp.parse(question) if t.dep_ == "ROOT"), None)
    if root is None or verb is None or verb.pos_ != "VERB":
        return False
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    done_by = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or not done_by:
        return False
    # ("Snap Map first launched in 2017" for "When did Snapchat roll out Snap Map?": a verb without an
    # object whose subject is the question's object, a thing and not an actor, tells of it
    # happening, the doer left unsaid; "South Korea agreed" is South Korea's own act)
    said = set(terms(" ".join(w.text for w in done_by[0].subtree)))
    actor = done_by[0].ent_type_ in nlp.PERSON | nlp.ORGANIZATION | nlp.PLACE
    if said and not actor and not any(c.dep_ == "dobj" for c in verb.children) and said <= {
            w for o in root.children if o.dep_ == "dobj" for w in terms(" ".join(x.text for x in o.subtree))}:
        return True
    who = set(terms(" ".join(w.text for w in subj[0].subtree))) & set(terms(" ".join(w.text for w in done_by[0].subtree)))
    return bool(who) and bool(_object_nouns(root, names=True) & _object_nouns(verb, names=True))


def made_by(question: str, sentence: str, span: str, possessor: bool = False) -> bool:
    """For "Who <verb> <object>?": does the sentence give the name as the maker of the object, by
    "by" or "from" on the same noun ("Who wrote the score?": "a great all-guitar score from Perry
    Botkin", "a novel by X"), or as its possessor ("Otamendi's fourth-minute goal" for "Who scored
    the goal?"), whatever verb the sentence uses, or on the verb's own noun ("review from X")?
    `possessor`: only as the object's possessor (an act's noun with "by" may be another such act:
    "an excellent return by Carter")."""
    want = made_words(question, verb=not possessor)
    # (a parse only where "by", "from" or a possessive and one of the nouns are in the words: parses cost)
    if not want or not re.search(r"\b(?:by|from)\b|['’]s\b", sentence) or not set(terms(" ".join(want))) & set(terms(sentence)):
        return False
    doc = nlp.parse(sentence)
    at = sentence.find(span)
    for t in doc:
        if not possessor and t.dep_ == "pobj" and at <= t.idx < at + len(span) and t.head.lower_ in ("by", "from") \
                and t.head.head.lemma_.lower() in want and t.head.head.pos_ in ("NOUN", "PROPN"):
            return True
        # (or as the noun's possessor: "Nicolas Otamendi's fourth-minute goal" for "Who scored the goal?")
        if t.dep_ == "poss" and at <= t.idx < at + len(span) and t.head.lemma_.lower() in want and t.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def made_words(question: str, verb: bool = True) -> set[str]:
    """The nouns whose maker "Who <verb> <object>?" asks for: the object's, and (`verb`) the verb's own
    noun ("After some helpful review from Tim Graham" for "Who reviewed the pull request?"), as lemmas;
    empty when the question's root is no verb."""
    root = next((t for t in nlp.parse(question) if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB":
        return set()
    out = {root.lemma_.lower()} if verb else set()
    for o in (c for c in root.children if c.dep_ == "dobj"):
        # (a work the question names with its kind, "the horror film Cure", "Going Infinite, the book
        # about ...": the name too, which a sentence may give its maker, "Kurosawa's masterpiece Cure";
        # a bare name is no work, "Who beat Arsenal?": "Mikel Arteta's Arsenal" did not)
        kinds = [c for c in o.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
        if o.pos_ == "NOUN":
            out |= {o.lemma_.lower()} | {c.lemma_.lower() for c in o.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")}
        elif o.pos_ == "PROPN" and kinds:
            out |= {o.lemma_.lower()} | {c.lemma_.lower() for c in kinds}
    return out


def same_frame(question: str, sentence: str) -> str | None:
    """The name the sentence puts where the question puts its "which" noun, after the same word and
    preposition, in a sentence about the question's subject: "Montoya-Lewis is an enrolled member of
    the Pueblo of Isleta Indian tribe" for "Which tribe is Montoya-Lewis an enrolled member of?",
    "Bill Gates was an early backer of British Columbia-based Carbon Engineering" for "Which company
    was Bill Gates an early backer of?". None when the question asks by no such phrase, or the
    sentence has none."""
    doc = nlp.parse(question)
    wh = next((t for t in doc if t.tag_ in ("WDT", "WP")), None)
    noun = wh.head if wh is not None and wh.dep_ == "det" else wh
    # (the preposition may stand at the end, stranded: "... an early backer of?")
    prep = noun.head if noun is not None and noun.dep_ == "pobj" else next(
        (t for t in doc if t.dep_ == "prep" and not any(c.dep_ == "pobj" for c in t.children)), None) if noun is not None else None
    anchor = prep.head if prep is not None and prep.dep_ == "prep" else None
    # (the name the question is about, however the parse labels it: "Which company was [Bill Gates] an
    # early backer of?" is parsed with the name as the attribute)
    subject = next((c for c in doc if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.pos_ == "PROPN"), None)
    # (a noun's phrase: "a member of", "an early backer of"; a verb's would need its other participants
    # too, "At which stadium did Australia beat India in the final?" is not any stadium they played at)
    if anchor is None or subject is None or anchor.pos_ != "NOUN":
        return None
    if subject.text.lower() not in sentence.lower():
        return None  # (a sentence about someone else)
    for t in nlp.parse(sentence):
        if t.lemma_.lower() != anchor.lemma_.lower():
            continue
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == prep.lower_:
                for obj in p.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN") and obj.text.lower() not in question.lower():
                        return _with_of(obj, _name_at(obj)) if obj.pos_ == "PROPN" else _name_of_phrase(obj)
    return None


def same_verb_frame(question: str, sentence: str) -> str | None:
    """The name the sentence puts where the question puts its "which" noun, after the same verb and
    preposition: "experiments published in BMC Biology" for "In which journal were the experiments
    published?". None when the question asks by no such phrase or the sentence has none. (Whether the
    sentence is about the question's matter is for the caller: only the best sentences are read.)"""
    doc = nlp.parse(question)
    wh = next((t for t in doc if t.tag_ == "WDT"), None)
    # (the preposition before "which", "In which journal ...?", or stranded at the end, "... published
    # in?"; the small parser hangs a fronted one anywhere)
    prep = doc[wh.i - 1] if wh is not None and wh.i > 0 and doc[wh.i - 1].pos_ == "ADP" else next(
        (t for t in reversed(doc) if not t.is_punct), None) if wh is not None else None
    # (the main verb, or the last verb when the parse finds none: "were the experiments published" is
    # parsed with "published" hung on "experiments")
    verb = (asking.main_lemma(question) or next((t.lemma_.lower() for t in reversed(doc) if t.pos_ == "VERB"), "")) \
        if prep is not None and prep.pos_ == "ADP" else ""
    if not verb or not lexicon.is_verb(verb):
        return None
    # (and of the same subject, when the question names it: "works at the University of Hawai‘i" said of
    # another is no answer to "Which hospital does Ryan Lee work at?"; a subject the question gives by a
    # common noun, "the study", is the best sentences' matter)
    # (the last of the verb, not one of a clause on the subject: "Ryan Lee, who worked with ..., work at?")
    asked = next((t for t in reversed(doc) if t.lemma_.lower() == verb and t.pos_ in ("VERB", "AUX")), None)
    named = [w for s in _doers(asked) if wh not in set(s.subtree) for w in _own_words(s, asked) if w.pos_ == "PROPN"] if asked is not None else []
    of_whom = set(terms(" ".join(w.text for w in named)))
    found = []
    for t in nlp.parse(sentence):
        if t.pos_ != "VERB" or t.lemma_.lower() != verb:
            continue
        if of_whom and not of_whom & set(terms(" ".join(w.text for s in _doers(t) for w in _own_words(s, t)))):
            continue
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == prep.lower_:
                for obj in p.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.text.lower() not in question.lower():
                        found.append(_with_of(obj, _name_at(obj)))
    # (of several, the one named as a thing of the asked noun's kind: "in New York City ... in Bryant Park" for
    # "In which park ...?")
    noun = (n.lemma_.lower() if (n := wh.head if wh.dep_ == "det" else nlp.noun_after(wh)) is not None else "")
    # (not one whose own last word is another noun of the asked noun's WordNet class: "New York City", a city,
    # for "In which park ...?")
    found = [f for f in found if not (noun and (last := f.split()[-1].lower()) != noun and lexicon.noun_class(last)
                                      and lexicon.noun_class(last) == lexicon.noun_class(noun) and not lexicon.kind_of(last, noun))]
    return next((f for f in found if f.split()[-1].lower() == noun), found[0] if found else None)


def _doers(verb) -> list:
    """The verb's subject, active or passive, or the noun a participle modifies ("experiments published
    in ...")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subj or ([verb.head] if verb.dep_ == "acl" else [])


def _own_words(subject, verb) -> list:
    """The words of the subject's phrase outside the verb's own (a participle inside it: "the study ...
    [published in ...]")."""
    inside = set(verb.subtree) if verb in set(subject.subtree) else set()
    return [w for w in subject.subtree if w not in inside]


def _with_of(t, name: str) -> str:
    """The name with the proper nouns an "of" after it joins to it ("Pueblo" -> "Pueblo of Isleta"),
    up to the first word that is neither."""
    end = t.i
    for w in t.doc[t.i + 1 :]:
        if w.pos_ == "PROPN":
            end = w.i
        elif w.lower_ not in ("of", "the"):
            break
    longer = t.doc[t.i : end + 1].text
    return longer if len(longer) > len(name) and name in longer else name


def _name_of_phrase(noun) -> str | None:
    """The name set beside a common noun ("her Japanese counterpart, Toshimitsu Motegi" -> "Toshimitsu
    Motegi"), if one."""
    beside = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if beside is None:
        # (an apposition is a comma and a name right after the noun's phrase, however the parse hangs
        # the name: "with her Japanese counterpart, Toshimitsu Motegi on Saturday")
        end = noun.right_edge.i + 1
        ent = next((e for e in noun.doc.ents if e.start == end + 1), None) if end + 1 < len(noun.doc) and noun.doc[end].text == "," else None
        return ent.text if ent is not None and ent.label_ in nlp.PERSON | nlp.ORGANIZATION else None
    return _name_at(beside)


def asks_many(question: str) -> bool:
    """May the answer be several names: "Who ...?" (one or more people), "Which investors ...?",
    "Which two teams ...?", "What are the names of ...?" (a plural noun or a count above one).
    Not "Which team ...?"."""
    doc = nlp.parse(question)
    wh = next((t for t in doc if t.tag_ in ("WP", "WDT")), None)
    if wh is None:
        return False
    if wh.lower_ in ("who", "whom"):
        # (but "Who is the CEO ...?" asks for one: the copula agrees with the noun it joins "who" to,
        # "Who are the founders ...?" for several)
        return not (wh.head.lemma_ == "be" and wh.head.lower_ in ("is", "was", "'s"))
    noun = wh.head if wh.dep_ == "det" else nlp.noun_after(wh)  # (after a count too: "Which two NFL teams ...?")
    if noun is None and wh.dep_ == "attr" and wh.head.lemma_ == "be":
        noun = next((c for c in wh.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)  # ("What are the names of ...?")
    return noun is not None and (noun.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in noun.children))


def conjuncts(token) -> list:
    """The token and every word the parse joins to it as a conjunct, directly or through another
    ("Brighton and Burnley and RB Leipzig"), in the order they stand."""
    found, todo = [token], [token]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                found.append(c)
                todo.append(c)
    return sorted(found, key=lambda t: t.i)


def with_conjuncts(sentence: str, span: str) -> str:
    """The name with the names the sentence joins to it by "and" ("created by Kelly Tran and Ethan
    Yen" -> "Kelly Tran and Ethan Yen", "Norway, Denmark and the Netherlands"): each of them does
    or undergoes what the name does. The span itself when the sentence joins none to it."""
    at = sentence.find(span)
    if at < 0 or not span:
        return span
    doc = nlp.parse(sentence)
    inside = [t for t in doc if at <= t.idx < at + len(span)]
    head = next((t for t in inside if not (at <= t.head.idx < at + len(span)) or t.head.i == t.i), None)
    if head is None or head.pos_ != "PROPN":
        return span
    # (from the list's first name: "wins against Brentford, Sheffield United and FC Copenhagen" for
    # "FC Copenhagen")
    while head.dep_ == "conj" and head.head.pos_ == "PROPN":
        head = head.head
    first = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    start = min(first.start_char if first is not None else head.idx, at,
                min((c.idx for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i), default=head.idx))
    # (each conjunct a name, of proper nouns, and the list closed by "and", not "or" or "but")
    joined = conjuncts(head)[1:]
    closing = {c.lower_ for t in [head, *joined] for c in t.children if c.dep_ == "cc"}
    if not joined or closing != {"and"} or any(t.pos_ != "PROPN" for t in joined):
        return span
    # (nor a name its own owner qualifies, other than the first's: "Rangers’ Max Scherzer and the
    # Diamondbacks’ Brandon Pfaadt" are two sides' players, each of them one answer)
    def owner(t) -> str:
        return next((" ".join(w.lower_ for w in c.subtree) for c in t.children if c.dep_ == "poss"), "")
    if any(owner(t) and owner(t) != owner(head) for t in joined):
        return span
    last = max(joined, key=lambda t: t.i)
    ent = next((e for e in doc.ents if e.start <= last.i < e.end), None)
    end = max(ent.end_char if ent is not None else 0, last.idx + len(last.text))
    return sentence[start:end]


# (the dependencies by which a clause of its own hangs on a word: its words are not that word's clause's; not
# "xcomp", whose subject is the verb's own, "came off the bench to score all four goals")
_OWN_CLAUSES = ("advcl", "conj", "relcl", "ccomp", "parataxis", "csubj", "acl")


def clause_words(sentence: str, span: str) -> set[str]:
    """The index terms of the clauses the name stands in, each mention's: the words of its nearest verb's
    phrase without the clauses that hang on it ("the official spotted a high hit by Ferrari on Maxime Lucu"
    of "After Ange Capuozzo was removed ..., Simone Ferrari powered over, but the official spotted a high hit
    by Ferrari on Maxime Lucu and the try was chalked off": "Ferrari" stands in two). Empty if unnamed."""
    doc = nlp.parse(sentence)
    words: set[str] = set()
    last = span.split()[-1] if span.split() else ""
    for t in doc:
        if t.text != last:
            continue
        verb = t
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # (a clause without a subject of its own is its subject's as well: "Martínez came off the bench to score
        # all four goals", "... and scored twice")
        doer = any(t in c.subtree for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        own, todo = [], [verb]
        while todo:
            w = todo.pop()
            own.append(w)
            # (a clause is a verb's: names joined by "and" stand in one, "stints at Leipzig, Tottenham and MK Dons")
            todo += [c for c in w.children if c.dep_ not in _OWN_CLAUSES or c.pos_ not in ("VERB", "AUX") or t in c.subtree
                     or (doer and w is verb and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children))]
        words |= set(terms(" ".join(w.text for w in own)))
    return words


def owner_named(noun: str, sentence: str, question: str) -> tuple[str, int] | None:
    """The name the sentence sets in the possessive before the noun (a lemma), which the question does not give,
    and how many of the question's words the noun's phrase shares: "based off of AaronActionRPG’s Double Swing
    Barbarian endgame guide" -> ("AaronActionRPG", 4) for "guide" and "... Double Swing Barbarian endgame build
    ...?"; None if none."""
    asked = set(terms(question))
    for t in nlp.parse(sentence):
        # (the possessive opens the noun's whole phrase, whatever word of it the parse hangs it on: "AaronActionRPG’s
        # Double Swing Barbarian endgame guide", "Vice's “The Dark Side of Comedy” documentary series")
        whose = next((c for c in t.subtree if c.i < t.i and c.dep_ == "poss" and c.pos_ == "PROPN"), None) if t.lemma_.lower() == noun else None
        if whose is not None:
            owner = set(whose.subtree)
            name = " ".join(w.text for w in whose.subtree if w.tag_ != "POS" and w.dep_ != "case")
            if (said := set(terms(name))) and not said <= asked:
                return name, len(asked & set(terms(" ".join(w.text for w in t.subtree if w not in owner))))
    return None
