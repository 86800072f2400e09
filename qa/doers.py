"""Who did what, by the words around a name: the noun of the question's verb's doer ("Referee Joe
Dickerson", "[Co-writer] Jeff Rendell"), the object of its verb ("Canada will have to defeat
Trinidad and Tobago"), either side of a defeat told from the other ("USC ... lost to Gonzaga", "a win over
Caleb Plant"), the organisation of a role ("a partner at Madrona Ventures"), a cast in
brackets ("Mike (Josh Hutcherson)"), and the subject the recognizer missed. Read for a person or
organisation question by qa.facts; the question's other parts are qa.reader's."""

from __future__ import annotations

import re
from functools import lru_cache

from qa import lexicon, nlp, speakers
from qa.keyword import term_set
from qa.reader import describe
from qa.types import Question

# English's auxiliaries that put the subject after them in a question ("Which team must Canada beat?").
_AUXILIARIES = frozenset({"did", "does", "do", "must", "will", "would", "can", "could", "should", "might", "may", "has", "have", "had"})


def called_by(nouns: frozenset[str], sentence: str, span: str) -> bool:
    """Does the sentence call the name (at its first mention) by one of the nouns, as the word in
    front of it ("Referee Joe Dickerson", "[Co-writer] Jeff Rendell") or as what it describes it as
    ("Perry Botkin, the film's composer")?"""
    at = sentence.find(span)
    if at < 0:
        return False
    # (brackets and quotes between: an editor's "[Co-writer]")
    before = re.search(r"([\w-]+)[\s\[\](\"“”']*$", sentence[:at])
    if before is not None and before.group(1).lower() in nouns:
        return True
    said = describe(span, sentence)
    if said is not None and said.split()[-1].lower().strip("’'") in nouns:
        return True
    # (or named it by a verb of naming: "veteran Joe Flacco named the starter"; not "as" one, which
    # may only be hoped: "tipped as the natural successor")
    doc = nlp.parse(sentence)
    head = nlp.span_head(doc, at, at + len(span))
    if head is None:
        return False
    for t in doc:
        if t.lemma_.lower() not in nouns:
            continue
        verb = t.head if t.dep_ in ("dobj", "oprd", "attr") and t.head.lemma_ in lexicon.NAMING else None
        if verb is not None and head.head.i == verb.i and head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.i != t.i:
            return True
    return False


@lru_cache(maxsize=4096)
def doers_by_verb(noun: str, sentence: str) -> tuple[str, ...]:
    """The names the sentence gives as the doer of a verb whose doer WordNet calls by the noun: "edited
    by David W. Orr" for "editor", "Jane Roe founded the company" for "founder" (the names written as
    proper nouns: the agent of a passive, or the subject of an active verb, not a negated one). Cached: the
    fact finder asks it of a sentence both when it checks the sentence's noun and when it votes on its names."""
    noun = noun.lower()
    doc = nlp.parse(sentence)
    found = []
    for t in doc:
        if t.pos_ != "VERB" or noun not in lexicon.agent_nouns(t.lemma_.lower()) or any(c.dep_ == "neg" for c in t.children):
            continue  # (not one who does not: "Jim Harbaugh will not coach vs. Penn State")
        doers = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doers += [c for c in t.children if c.dep_ == "nsubj"]
        for d in doers:
            if d.pos_ == "PROPN":
                first = min([d] + [c for c in d.subtree if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < d.i], key=lambda w: w.i)
                found.append(doc[first.i : d.i + 1].text)
    return tuple(found)


def asked_agent(question: str) -> frozenset[str]:
    """For "Who <verb> ...?" (the asker's "who" doing the verb, active): the nouns of the verb's
    doer ("Who refereed the match?" -> referee; "Who co-wrote X?" -> co-writer). Empty for other
    questions: "Who did X beat?" asks for the one done to, "Who was named MVP?" too."""
    base = lexicon.verb_base(word) if (word := doer_verb(question)) else ""
    return lexicon.agent_nouns(base) if base else frozenset()


def creator_asked(question: str, noun: str = "") -> bool:
    """Does the question ask who made a work: "Who wrote / painted / produced X?", "Who is the author of
    X?" (a verb of WordNet's class of creation, or the noun of its doer)?"""
    verb = lexicon.verb_base(word) if (word := doer_verb(question)) else ""
    return bool(verb and lexicon.verb_class(verb) == "creation") or bool(
        noun and lexicon.verb_class(noun) == "creation" and noun in lexicon.agent_nouns(noun))


def credited(works: list[str], sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """The people the sentence credits with a work the question names, as English credits a work's maker:
    its title, then "by" and the name ("“The Steerswoman,” by Rosemary Kirstein", "Excerpted from “Our
    Fragile Moment: How ...” by Michael E. Mann": a title in quotation marks runs to their close)."""
    out = []
    for work in works:
        for m in re.finditer(re.escape(work), sentence):
            end = m.end()
            # (a title the question shortens ends where its quotation marks close)
            if re.search(r"[\"“][^\"“”]*$", sentence[: m.start()]) and (close := re.search(r"[\"”]", sentence[end:])):
                end += close.end()
            if (by := re.match(r"\s*[,.]?[\"”]?,?\s+by\s+", sentence[end:])) is None:
                continue
            at = end + by.end()
            out += [sentence[a:b] for a, b, label in ents if a == at and label in nlp.PERSON]
    return out


def doer_verb(question: str) -> str:
    """The verb "who" does in "Who <verb> ...?", as written ("co-wrote"), or the one the noun "which"
    asks by does ("Which quarterback replaced X?" -> replaced); "" for other questions."""
    doc = nlp.parse(question)
    if len(doc) < 3:
        return ""
    if doc[0].lower_ == "who":
        k = 1
    elif doc[0].tag_ == "WDT" and doc[0].head.dep_ == "nsubj" and doc[0].head.head.i == doc[0].head.i + 1:
        k = doc[0].head.i + 1  # (the subject's noun right before its verb: "Which Kings player scored ...")
    else:
        return ""
    if doc[k].lemma_ in ("have", "will", "would", "could", "can", "should", "might", "may") and doc[k].tag_ in ("VBZ", "VBP", "VBD", "MD"):
        k += 1  # ("Who has scored ...?", "Who will coach ...?")
    if doc[k].lemma_ == "be" and k + 1 < len(doc) and doc[k + 1].tag_ == "VBG":
        k += 1  # ("Who is starting at quarterback?": the progressive is active too)
    if doc[k].pos_ == "AUX" or doc[k].lemma_ in ("be", "do", "get"):
        return ""
    # (the word as written: the tokenizer splits "co-wrote")
    word = re.match(r"[\w-]+", question[doc[k].idx:])
    return word.group(0) if word else ""


def object_asked(question: str) -> tuple[str, str] | None:
    """For a question that asks for the object of its verb ("Which team must Canada beat ...?",
    "Who did Kang meet?"): the subject's words as written and the verb's base form; None for other
    questions. Read from the words (the small parser garbles such questions): the subject is the
    run after the auxiliary up to its last capitalised word, the verb the word after it."""
    words = question.rstrip("?").split()
    if len(words) < 4 or words[0].lower() not in ("who", "whom", "which", "what"):
        return None
    k = 1 if words[0].lower() in ("who", "whom") else 2
    if k >= len(words) or words[k].lower() not in _AUXILIARIES:
        return None
    run = words[k + 1:]
    # (the first capitalised word followed by a verb ends it: "Liam Paro face in San Francisco"; or
    # the noun after it, "a Starbucks spokesperson tell": the verb in its base form, after "did")
    base = {t.text for t in nlp.parse(question) if t.tag_ == "VB"}
    for last in (j for j, w in enumerate(run[:6]) if w[:1].isupper() and j + 1 < len(run) and not run[j + 1][:1].isupper()):
        if verb := lexicon.verb_base(re.sub(r"\W+$", "", run[last + 1])):
            return " ".join(run[: last + 1]), verb
        if last + 2 < len(run) and run[last + 2] in base and (verb := lexicon.verb_base(run[last + 2])):
            return " ".join(run[: last + 2]), verb
    return None


def object_of(question: str, sentence: str, context: str = "") -> str | None:
    """The name the sentence gives as the object of the question's verb (or a WordNet synonym of
    it) done by the question's subject: "Canada will now have to defeat Trinidad and Tobago" for
    "Which team must Canada beat?"; by a pronoun for the subject too, when `context` (its
    passage) names it ("She told the producer Max Martin ...")."""
    asked = object_asked(question)
    if asked is None:
        return None
    subject, verb = asked
    same = {verb} | lexicon.other_words(verb, "VERB") | lexicon.broader(verb)
    who = term_set(subject)
    for t in nlp.parse(sentence):
        if t.pos_ != "VERB" or t.lemma_.lower() not in same:
            continue
        # (a participle's doer is the noun it qualifies: "the heavyweight prospect beating Curtis Harper")
        doers = [c for c in t.children if c.dep_ == "nsubj"] or ([t.head] if t.dep_ == "acl" else [c for c in t.head.children if c.dep_ == "nsubj"])
        # (a relative pronoun's doer is the noun its clause describes: "Liverpool, who beat Brentford 3-0")
        doers = [t.head if t.dep_ == "relcl" and d.tag_ in ("WP", "WDT") else d for d in doers]
        if not any(term_set(" ".join(w.text for w in d.subtree)) & who for d in doers) and not (
                context and speakers.acts(subject, sentence, context, t.lemma_.lower())):
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        # (or the name set beside a noun object: "the producer Max Martin")
        obj = obj or next((a for c in t.children if c.dep_ == "dobj" and c.pos_ == "NOUN" for a in c.children
                           if a.dep_ == "appos" and a.pos_ == "PROPN" and a.left_edge.i == c.i + 1), None)
        if obj is not None and not term_set(obj.text) & term_set(question):
            # (the name whole, with the names joined to it: "Trinidad and Tobago")
            end = obj
            while (nxt := next((c for c in end.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)) is not None:
                end = nxt
            ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
            # (not whose it is: "Ohio's Montana Love" is Montana Love)
            start = min([c.i for c in obj.children if c.dep_ == "compound" and c.i < obj.i] + [obj.i, ent.start if ent is not None else obj.i])
            stop = max(end.i + 1, ent.end if ent is not None else 0)
            return obj.doc[start:stop].text
    return None


def _defeating(verb: str) -> bool:
    """Is the verb one of defeating: WordNet's "defeat" or a particular way of it ("beat", "rout")?"""
    return "defeat" in {verb} | lexicon.broader(verb)


def beaten_asked(question: str) -> str:
    """For "Which team beat USC 89-76?", "Who defeated Wilder?": the name of the one beaten, the object of a
    verb of defeating (WordNet's "defeat" or a particular way of it: "beat", "rout"); "" for other questions."""
    word = doer_verb(question)
    verb = lexicon.verb_base(word) if word else ""
    if not verb or not _defeating(verb):
        return ""
    doc = nlp.parse(question)
    # (the parse may take a score after the name for the object: "beat Chelsea 1-0")
    obj = next((c for t in doc if t.text == word for c in t.children if c.dep_ in ("dobj", "npadvmod") and c.pos_ == "PROPN"), None)
    if obj is None:
        return ""
    ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
    return ent.text if ent is not None else doc[obj.left_edge.i : obj.i + 1].text


def beaten_by(loser: str, sentence: str, context: str = "") -> str | None:
    """The name the sentence gives as the one the question's beaten side (`loser`, as `beaten_asked` gives it)
    lost to: English tells a defeat from either side, and "USC ... lost to Gonzaga in Las Vegas 89-76", "their
    home overtime loss to the Bengals", "a 1-0 defeat at Newcastle" answer "Which team beat X?". The loser is
    the question's (by its name, or by a pronoun or a noun when `context`, the passage, names it)."""
    who = term_set(loser)
    doc = nlp.parse(sentence)
    for t in doc:
        if t.pos_ == "VERB" and t.lemma_.lower() == "lose" and not any(c.dep_ == "neg" for c in t.children):
            by = [c for c in t.children if c.dep_ == "nsubj"] or ([t.head] if t.dep_ == "relcl" else [
                c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ in ("advcl", "xcomp", "conj", "pcomp") else [])
            by = [t.head if t.dep_ == "relcl" and d.tag_ in ("WP", "WDT") else d for d in by]
            preps = ("to", "against")
        elif t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.LOSS_NOUNS:
            by = [c for c in t.children if c.dep_ == "poss"]
            preps = ("to", "against", "by", "at")
        else:
            continue
        named = [d for d in by if d.pos_ == "PROPN" or d.ent_type_]
        if named and not any(term_set(" ".join(w.text for w in d.subtree)) & who for d in named):
            continue  # (another side lost)
        if not named and not (term_set(sentence) | term_set(context)) & who:
            continue
        # (on the verb, or on its object, where the parse may hang it: "lost the 2019 FA Youth Cup final to Liverpool")
        objects = [w for c in t.children if c.dep_ == "dobj" for w in c.subtree] if t.pos_ == "VERB" else []
        # (or wherever the parse hangs it in the words after the verb, up to the clause's end: "Australia, who
        # lost last year's final to Canada, ...", its "to Canada" taken for the final's)
        objects += [w for w in doc[t.i + 1 : next((w.i for w in doc[t.i + 1 :] if w.is_punct and w.text != "’s"), len(doc))]] \
            if t.pos_ == "VERB" else []
        for p in (c for c in [*t.children, *objects] if c.dep_ == "prep" and c.lower_ in preps):
            for g in (c for c in p.children if c.dep_ == "pobj"):
                ent = next((e for e in doc.ents if e.start <= g.i < e.end), None)
                if ent is None and g.pos_ != "PROPN" or (ent is not None and ent.label_ in ("FAC", "LOC", "DATE", "TIME", "CARDINAL")):
                    continue  # (not "at home", "at Wembley", "to 2-6")
                name = ent.text if ent is not None else doc[g.left_edge.i : g.i + 1].text
                if not term_set(name) & who:
                    return name
    return None


def loser_of(asked: tuple[str, str], sentence: str, labels: frozenset[str]) -> str | None:
    """For "Who did Benavidez beat?" (`asked`, as `object_asked` gives it): the name the sentence gives as the
    one the question's subject won over ("a resounding decision win over former champion Caleb Plant ..., the
    26-year-old Benavidez") or as the one that lost to it ("Plant lost to Benavidez"), in a sentence that names
    the subject; a name the recognizer gives one of the `labels` (a player, not "a 2-0 victory over Finland"),
    or none."""
    if not _defeating(asked[1]):
        return None
    who = term_set(asked[0])
    if not term_set(sentence) & who:
        return None
    doc = nlp.parse(sentence)

    def name(g) -> str | None:
        ent = next((e for e in doc.ents if e.start <= g.i < e.end), None)
        if ent is not None:
            return None if term_set(ent.text) & who or ent.label_ not in labels else ent.text
        start = min([g.i] + [c.i for c in g.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
        return doc[start : g.i + 1].text if g.pos_ == "PROPN" and not term_set(g.text) & who else None

    for t in doc:
        if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.WIN_NOUNS:
            for g in (g for p in t.children if p.dep_ == "prep" and p.lower_ in ("over", "against") for g in p.children if g.dep_ == "pobj"):
                if (found := name(g)) is not None:
                    return found
        if t.pos_ == "VERB" and t.lemma_.lower() == "lose" and any(
                term_set(g.text) & who for p in t.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"):
            for g in (c for c in t.children if c.dep_ == "nsubj"):
                if (found := name(g)) is not None:
                    return found
    return None


def asked_in_role(question: str) -> str:
    """For "X is a partner at which venture capital firm?", "the CEO of which company ...": the role
    noun whose place or owner "which" asks for (a lemma, "partner"); "" for other questions."""
    for t in nlp.parse(question):
        if t.lower_ in ("which", "what") and t.tag_ == "WDT":
            noun = t.head if t.dep_ == "det" else t
            # (the wh-phrase may be parsed as a clause of the role noun: "at which venture capital [firm]")
            prep = noun.head if noun.dep_ in ("pobj", "pcomp") else t.head if t.dep_ == "pobj" else None
            role = prep.head if prep is not None else None
            if role is not None and role.i > t.i:
                role = role.head  # (the role noun comes before "which", whatever the parse hangs "at" from)
            if prep is not None and prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with") and role.pos_ in ("NOUN", "PROPN") and role.i < t.i:
                return role.lemma_.lower()
    return ""


def in_brackets_after(question: str, sentence: str, ents: list[nlp.Entity]) -> str | None:
    """For a question whose verb's object is a name ("Which actor plays Mike in X?"), or whose verb means
    acting a part ("Which actress plays the title character in the film Shayda?"): the person the
    sentence puts in brackets after that name, the way news gives a cast ("A guy named Mike (Josh
    Hutcherson) is hired ...")."""
    doc = nlp.parse(question)
    # (of any verb: a title with a colon may take the root, "Who voices X in Castlevania: Nocturne?")
    names = []
    for obj in (t for t in doc if t.dep_ == "dobj" and t.pos_ == "PROPN" and t.head.pos_ == "VERB"):
        # (the name without the words before it: "Prince Harry" of "the young Prince Harry")
        first = min((t.i for t in obj.subtree if t.pos_ == "PROPN" and t.i <= obj.i and all(w.pos_ == "PROPN" for w in obj.doc[t.i : obj.i])), default=obj.i)
        names.append(question[obj.doc[first].idx : obj.idx + len(obj.text)])
    acting = any(t.pos_ == "VERB" and lexicon.acts_a_part(t.lemma_) for t in doc)
    if acting:
        # (the part may be any name the question gives, however the parse hangs it: "Dodi Fayed in season six")
        names += [re.sub(r"['’]s$", "", e.text) for e in doc.ents if e.label_ not in nlp.NUMBER | {"DATE", "TIME", "ORDINAL"}]
    for name in dict.fromkeys(names):
        for m in re.finditer(rf"\b{re.escape(name)} \(", sentence):
            # (alone in the brackets, or after the words that say so: "Prince Harry (played by Fflyn Edwards)")
            person = next(((a, b) for a, b, label in ents if m.end() <= a and label in nlp.PERSON and ")" not in sentence[m.end() : a]
                           and (a == m.end() or re.fullmatch(r"[a-z]+ by ", sentence[m.end() : a]))), None)
            if person is not None and sentence[person[1] : person[1] + 1] == ")":
                return sentence[person[0] : person[1]]
            # (or a full name in capitals alone there, which the recognizer missed: "Shayda (Zar Amir Ebrahimi)")
            if acting and (full := re.match(r"(?:[a-z]+ by )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+)\)", sentence[m.end():])) is not None:
                return full.group(1)
    return None


def bracketed_for(question: str, sentence: str, names: list[str]) -> str | None:
    """Of the names the sentence sets a bracket after, the way a listing tells of each ("Gardner Minshew (@
    Bengals), Jameis Winston (vs. Panthers)", "CB Darius Slay (knee)"), the one whose bracket alone says what
    the question does ("... against the Bengals?", "... with a knee injury?"); None when no bracket or more
    than one does."""
    asked = term_set(question)
    said = {}
    for name in names:
        m = re.search(rf"{re.escape(name)} \(([^()]{{1,60}})\)", sentence)
        if m is not None and (shared := (term_set(m.group(1)) & asked) - term_set(name)):
            said[name] = shared
    # (a listing: two names bracketed at least)
    listed = sum(re.search(rf"{re.escape(name)} \(", sentence) is not None for name in names)
    best = [n for n in said if not any(said[n] <= said[o] for o in said if o != n)]
    return best[0] if len(best) == 1 and listed >= 2 else None


def unrecognised(q: Question, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """The proper nouns the sentence makes a subject that the recognizer took for no entity, or for a
    place WordNet does not know as one ("That's because [Ubisoft] has signed a deal ...", a "GPE"),
    or that stand right after the noun the question asks for ("rapper Nelly"), and that the question
    does not name: names the recognizer missed."""
    asked = term_set(q.text)
    out = []
    # (and, for a question that asks what its subject did something to, "Which company did Gilead buy?",
    # the object of a verb done by a name it names: "Gilead acquiring [Kite Pharma] for $12 billion")
    # (the question's verb has a subject of its own and no object: the wh-phrase is its object, however
    # the small parser labels it)
    qdoc = nlp.parse(q.text)
    wh = next((t for t in qdoc if t.tag_ in ("WDT", "WP")), None)
    root = next((t for t in qdoc if t.dep_ == "ROOT"), None)
    object_asked = wh is not None and root is not None and root.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in root.children) \
        and any(c.dep_ == "nsubj" and wh not in c.subtree for c in root.children)
    doc = nlp.parse(sentence)
    # (and the capitalised words right after the noun the question asks for, as a title before a name:
    # "paid rapper [Nelly] $150,000" for "Which rapper ...?")
    title = q.focus.split()[-1] if q.focus else ""
    for t in doc if title else ():
        if t.pos_ == "PROPN" and t.i > 0 and doc[t.i - 1].is_lower and doc[t.i - 1].lemma_.lower() == title and not any(
                x <= t.idx < y for x, y, _ in ents):
            end = next((w.i for w in doc[t.i :] if w.pos_ != "PROPN" or not w.text[:1].isupper()), len(doc))
            name = doc[t.i : end].text
            if term_set(name) and not term_set(name) & asked:
                out.append(name)
    for t in doc:
        if t.pos_ == "PROPN" and t.dep_ == "dobj" and object_asked:
            doer = t.head.head if t.head.dep_ == "acl" else next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if doer is None or doer.pos_ != "PROPN" or not term_set(doer.text) & asked:
                continue
        elif t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        a = t.left_edge.i if all(_name_word(w) for w in t.doc[t.left_edge.i : t.i]) else t.i
        name = t.doc[a : t.i + 1].text
        label = next((lb for x, y, lb in ents if x <= t.idx < y), None)
        if label is not None and not (label in nlp.PLACE and lexicon.noun_class(name) != "location"):
            continue
        if term_set(name) and not term_set(name) & asked:
            out.append(name)
    return out


def missed_name(doer: str, sentence: str, ents: list[nlp.Entity], known_person=None) -> str | None:
    """The one-word name a doer's words end with ("Tesla Austin Texas neighbor Apptronik" -> Apptronik),
    when the recognizer gave it no entity ("Accel led the company's seed round", a sentence's first word) or
    called a lone word a person, and its article never names a person in full by its last word
    (`known_person(word)`). Read for an organisation question: the doer of its act is the answer,
    whatever the recognizer called it. None for another name."""
    words = doer.split(" and ")[0].split()
    run: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        run.insert(0, w)
    # (one word: an organisation's name of several words carries what the recognizer knows it by,
    # "Index Ventures"; several capitalised words it left unlabelled are as often a person's, "Sandeep Patil")
    name = run[-1] if len(run) == 1 else ""
    at = sentence.find(name) if name else -1
    if at < 0:
        return None
    label = next((lb for a, b, lb in ents if a < at + len(name) and at < b), None)
    if label is not None and label not in nlp.PERSON:
        return None
    # (nor one its article names in full as a person: "Musk", of "Elon Musk")
    return None if known_person is not None and known_person(name) else name


def _name_word(w) -> bool:
    """Is the word part of a name: a proper noun, or a capitalised word or hyphen of a hyphenated one
    ("Take-Two", whose "Take" the tagger calls a verb)?"""
    doc = w.doc
    hyphen = w.tag_ == "HYPH" and w.i > 0 and not doc[w.i - 1].whitespace_ and not w.whitespace_
    joined = not w.whitespace_ and w.i + 1 < len(doc) and doc[w.i + 1].tag_ == "HYPH" and w.text[:1].isupper()
    return w.pos_ == "PROPN" or hyphen or joined


def whose_asked(question: str) -> str:
    """The noun "whose" asks the owner of ("Whose record is Harry Kane chasing?" -> record); "" for
    other questions."""
    doc = nlp.parse(question)
    if len(doc) < 3 or doc[0].lower_ != "whose":
        return ""
    noun = doc[0].head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # (the phrase's head, where the parse hangs "whose" on a modifier: "Whose debut ... record")
    return noun.lemma_.lower() if noun.pos_ == "NOUN" else ""


def owner_of(noun: str, sentence: str) -> str | None:
    """The name the sentence gives as the owner of the noun ("Uwe Seeler's record of 30" -> Uwe
    Seeler; "his portrait of the AFL footballer Adam Goodes" -> Adam Goodes, English's "of" when the
    noun already has a possessor, or is a body part, a belonging or a relative: "the liver of Olivia
    Swedberg"); None when it names none."""
    for t in nlp.parse(sentence):
        if t.lemma_.lower() == noun and t.pos_ == "NOUN":
            owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            # (and a body part's, a belonging's or a relative's by "of": "the liver of Olivia Swedberg",
            # WordNet's classes of what is had as one's own)
            if owner is None and (any(c.dep_ == "poss" for c in t.children) or lexicon.noun_class(noun) in ("body", "possession", "person")):
                owner = next((o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                              if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            if owner is not None:
                return speakers.proper_name(owner)
    return None
