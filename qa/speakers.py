"""Who says and who does what, as one sentence tells it: the subject (or agent) of a reporting
verb or of any verb, by name, by its people's adjective or by a pronoun for it; whose a thing is;
what was said (the quotation, or the clause the reporting verb governs)."""

from __future__ import annotations

import re
import unicodedata

from qa import lexicon, nlp

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


def quoted(sentence: str) -> str | None:
    """The words in quotation marks, when a sentence quotes someone."""
    m = _QUOTE.search(sentence)
    return m.group(1).strip(" ,.") if m else None


def quotes(sentence: str) -> bool:
    """Does the sentence give someone's own words: a quotation of a few words at least, or the end
    of one that began in the sentence before ("... we have earned some time,” Kang said")?"""
    if quoted(sentence) is not None:
        return True
    close = min((i for i in (sentence.find("”"), sentence.find('"')) if i >= 0), default=-1)
    return close >= 12 and "“" not in sentence[:close]


def closes_quote(sentence: str) -> bool:
    """Does the sentence close a quotation that began before it ("... continue to engage,” Pompeo
    said")? (A straight mark closes when it follows the quoted words' last character.)"""
    close = sentence.find("”")
    if close >= 0:
        return "“" not in sentence[:close]
    i = sentence.find('"')
    return i > 0 and sentence.count('"') % 2 == 1 and not sentence[i - 1].isspace()


def opens_quote(sentence: str) -> bool:
    """Does the sentence open a quotation it does not close (the next sentence goes on with it)?"""
    return sentence.count("“") > sentence.count("”") or sentence.count('"') % 2 == 1


def said(sentence: str) -> str | None:
    """What a reporting sentence says was said: the quotation when it is a whole clause (a verb
    with its subject), else the clause the reporting verb governs ("officials said [the alliances
    are crucial and provide ... 'train and improve our capabilities']"): a quoted fragment alone
    ("train and improve our capabilities") does not say who does what."""
    q = quoted(sentence)
    if q and any(t.dep_ in ("nsubj", "nsubjpass") for t in nlp.parse(q)):
        return q
    doc = nlp.parse(sentence)
    for verb in doc:
        if verb.lemma_ in SPEECH and verb.pos_ == "VERB":
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is not None and len(list(clause.subtree)) >= 4:
                toks = list(clause.subtree)
                span = sentence[toks[0].idx : toks[-1].idx + len(toks[-1].text)].strip(" ,.")
                if span.count('"') % 2:  # a quotation the clause opens, it closes
                    span += '"'
                if span.count("“") > span.count("”"):
                    span += "”"
                return span
    return q


def proper_name(token) -> str:
    """The proper-noun words of the name a token ends ("Money Today", "Newsis")."""
    return name_text([w for w in token.subtree if w.pos_ == "PROPN" and w.i <= token.i])


def name_text(words: list) -> str:
    """A name's words as the text writes them: "Bon-Kyoung Koo", not "Bon Kyoung Koo"."""
    if not words:
        return ""
    whole = words[0].doc[words[0].i : words[-1].i + 1]
    if all(w.pos_ == "PROPN" or w.tag_ == "HYPH" for w in whole):
        return whole.text
    return " ".join(w.text for w in words)


def doer(verb: str, sentence: str) -> str | None:
    """The name the sentence gives as doing the verb (a lemma): its subject, through a relative pronoun
    to the name it stands for ("Washington, which prodded the two countries ..." -> Washington), or
    the agent of the passive verb ("was signed by Japan and South Korea", "as quoted by the state-run
    Yonhap news agency" -> Yonhap news agency); names joined by "and" together. None when it names no
    one ("the company", "it", "officials said")."""
    if not verb:
        return None
    for t in nlp.parse(sentence):
        if t.lemma_.lower() != verb or t.pos_ != "VERB":
            continue
        # (a passive verb's agent does it, though the clause's subject is another's: "Directed by
        # Atlee, Jawan features ...")
        for by in (g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
            if any(w.pos_ == "PROPN" for w in _agent_words(by)):
                return _with_others(by, lambda w: name_text(_agent_words(w)))
        clause = t
        # "... who went on to run Barclays": a verb without a subject of its own has its governing verb's
        # (so has one after "in" or "by": "Penske played a big part in calming Blaney down")
        while not any(c.dep_ == "nsubj" for c in clause.children):
            if clause.dep_ in ("xcomp", "advcl") and clause.head.pos_ in ("VERB", "AUX"):
                clause = clause.head
            elif clause.dep_ == "pcomp" and clause.head.lower_ in ("in", "by") and (up := _verb_above(clause.head)) is not None:
                clause = up
            else:
                break
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
            subj = clause.head  # "which" / "who" stands for what the clause describes
        if subj is not None and subj.pos_ != "PROPN":
            # "fellow bidder, Sheikh Jassim, withdrew ...", "Jes Staley, a top banker ... who went on":
            # the name set beside a common noun is the doer's
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        subj.head if subj.dep_ == "appos" and subj.head.pos_ == "PROPN" else subj)
        if subj is not None and subj.pos_ == "PROPN":
            return _with_others(subj, proper_name)
        # ("..., NBC News reports, ...": the small model may hang the name on the verb as its compound)
        named = [c for c in clause.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == clause.i - 1]
        if subj is None and named:
            return name_text(list(clause.doc[named[0].left_edge.i : clause.i]))
    return None


def _verb_above(prep):
    """The verb a preposition's phrase belongs to, through the noun it may hang from ("played [a
    big part] in ..."); None when there is none."""
    head = prep.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _agent_words(token) -> list:
    """The words of a passive verb's agent that name it: its compounds and itself ("Yonhap news agency")."""
    return [w for w in token.subtree if w.dep_ == "compound" and w.i < token.i] + [token]


def _with_others(token, name) -> str:
    """The token's name and those of the names joined to it by "and" ("Japan and South Korea")."""
    names = [name(token)] + [name(c) for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return " and ".join(n for n in names if n)


def reporter(sentence: str, verb: str) -> str | None:
    """Whom the sentence names as doing `verb` (a lemma: "report"): "..., Newsis reported Wednesday"
    -> Newsis; "as quoted by the state-run Yonhap news agency" -> Yonhap news agency."""
    found = doer(verb, sentence)
    if found or not verb:
        return found
    # ("according to a report from NBC News": the verb's noun, with whose it is by "from" or "by")
    for t in nlp.parse(sentence):
        if t.pos_ == "NOUN" and t.lemma_.lower() == verb:
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("from", "by"):
                    o = next((c for c in p.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                    if o is not None:
                        return sentence[o.left_edge.idx : o.idx + len(o.text)].removeprefix("the ")
    return None


def according_to(sentence: str) -> tuple[str, str] | None:
    """The person a sentence gives as its source by "according to", with whose they are ("...,
    according to NFL Network's Tom Pelissero" -> ("Tom Pelissero", "NFL Network")); None if none."""
    if "according to" not in sentence.lower():
        return None
    for t in nlp.parse(sentence):
        if t.lower_ == "to" and t.i > 0 and t.doc[t.i - 1].lower_ == "according":
            o = next((c for c in t.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if o is not None:
                whose = next((c for c in o.children if c.dep_ == "poss"), None)
                start = whose.i + 1 if whose is not None else o.left_edge.i
                name = name_text([w for w in o.doc[start : o.i + 1] if w.pos_ == "PROPN"])
                return name, (o.doc[whose.left_edge.i : whose.i + 1].text if whose is not None else "")
    return None


def speaks(subject: str, sentence: str, context: str = "") -> bool:
    """Does the sentence give the words or claims of `subject`: is the subject of a reporting verb
    named by it (or a pronoun for it, when `context`, the passage, names it)? Names match on any of
    their words ("the US" ~ "US Secretary of State Mike Pompeo")."""
    names = name_words(subject)
    if not names:
        return False
    return _is_subject(names, sentence, context, SPEECH, _pronouns_for(subject))


def said_by_pronoun(sentence: str) -> bool:
    """Is the sentence told as someone's words with "he" or "she" for its speaker ("... benefit eye
    health," she explained.), who the sentence before names? (Parsed only when "he" or "she" is in it.)"""
    return re.search(r"\b(?:he|she)\b", sentence, re.I) is not None and any(t.lemma_.lower() in SPEECH and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in t.children)
               for t in nlp.parse(sentence))


def done_by_pronoun(sentence: str, question: str) -> bool:
    """Is "he" or "she" the subject of the sentence's main verb, the question's own ("Since 2018, he
    has been the bench coach for the Astros." for "Who has been the Astros bench coach?"), so that the
    one the sentence before names is whom the question asks for? (Parsed only when "he" or "she" is in it.)"""
    if re.search(r"\b(?:he|she)\b", sentence, re.I) is None:
        return False
    verb = next((t.lemma_.lower() for t in nlp.parse(question) if t.dep_ == "ROOT"), "")
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") and t.head.dep_ == "ROOT" and t.head.lemma_.lower() == verb
               for t in nlp.parse(sentence))


def _pronouns_for(phrase: str) -> set[str]:
    """The personal pronouns that can stand for what a phrase names: "he" / "she" not for a country
    or a place ("the United States" is "it", "they", "we"). (Not decided for organisations: alone,
    the small model tags many a person's name as one.)"""
    doc = nlp.parse(phrase)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.ent_type_ in ("GPE", "NORP", "LOC"):
        return PRONOUNS - _PERSONAL
    return PRONOUNS


def acts(doer: str, sentence: str, context: str = "", verb: str = "") -> bool:
    """Does the sentence tell of something `doer` did: is it (or a pronoun for it, when `context`
    names it) the subject of a verb, or its agent ("was rejected by the WTO")? Names match on
    any of their words. `verb`: of that verb (a lemma), unless it says nothing of what was done
    ("do", "happen")."""
    names = name_words(doer)
    return bool(names) and _is_subject(names, sentence, context, {verb} if verb and verb not in PRO_VERBS else None)


# Verbs that stand for any act ("What did X do?"): English's pro-verbs, not words of a corpus.
PRO_VERBS = {"do", "be", "have", "happen"}


def owner(noun: str, text: str) -> set[str]:
    """Whose the noun is, as the text says ("South Korea's defence minister", "the Japanese foreign
    minister" -> the place's or nationality's words); empty when it does not say."""
    out = set()
    for t in nlp.parse(text):
        if t.lemma_.lower() == noun:
            # ("a Danish court ruling": the adjective before a compound is the compound's as well)
            before = [c for c in t.head.children if c.i < t.i] if t.dep_ == "compound" else []
            for c in [*t.children, *before]:
                if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP"):
                    out |= {x.lower_ for x in c.subtree if x.ent_type_ in ("GPE", "NORP") and x.is_alpha}
                elif c.dep_ in ("poss", "compound") and c.ent_type_ == "ORG":  # "Nvidia CEO", "Alphabet's CEO"
                    out |= {x.lower_ for x in c.subtree if x.ent_type_ == "ORG" and x.is_alpha}
            # ("the president of the Federal Reserve": whose, by "of" and a name; "Chairman and CEO of
            # Universal Music Group": the "of" of the title it is joined to)
            titles = [t, t.head] if t.dep_ == "conj" else [t]
            for c, prep in ((g, p.lower_) for w in titles for p in w.children if p.dep_ == "prep" and p.lower_ in ("of", "at") for g in p.children if g.dep_ == "pobj"):
                # (and by "at" an organisation: "deputy chief economist at First American"; "at" a
                # place says where, not whose)
                if c.ent_type_ in (("GPE", "NORP", "ORG") if prep == "of" else ("ORG",)):
                    out |= {x.lower_ for x in c.subtree if x.ent_type_ and x.is_alpha and x.pos_ != "DET"}
                elif prep == "of" and c.pos_ == "PROPN" and (not c.ent_type_ or any(
                        k.dep_ == "compound" and k.pos_ == "NOUN" for k in c.children)):
                    # (a name the recognizer missed, or took for a person's though a common noun says what
                    # it is: "the CEO of the streaming platform Kick")
                    out |= {x.lower_ for x in c.subtree if x.pos_ == "PROPN" and x.is_alpha}
    return out


def titled(noun: str, sentence: str, ents: list) -> list[tuple[str, str]]:
    """The people the sentence names with the title `noun` (a lemma) set before the name, English's
    "<whose> <title> <name>": "Citigroup CEO Jane Fraser", "Figure AI's CEO Brett Adcock",
    "Packers quarterback Jordan Love" -> [(name, whose)]. By the text and the recognizer's people:
    `clauses.called` reads the same construction from the parse, which is unreliable on such runs of
    capitals ("CEO" is often tagged a name), and gives the first name only."""
    out = []
    for a, b, label in ents:
        # (a run the recognizer took whole for an organisation: "[Kick CEO Eddie Craven]", the title
        # between its owner and a full name)
        if label in nlp.ORGANIZATION and (m := re.fullmatch(rf"(.+?)(?:'s|’s)?\s+(?i:(?:co-)?{re.escape(noun)}s?)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)",
                                                            sentence[a:b])):
            out.append((m.group(2), m.group(1)))
        if label not in nlp.PERSON:
            continue
        m = re.search(rf"((?:\b[A-Z][\w&.-]*\s+)*?\b[A-Z][\w&.-]*)?(?:'s|’s)?\s*\b(?i:(?:co-)?{re.escape(noun)}s?)\s+$", sentence[max(0, a - 80) : a])
        if m and m.group(1):
            out.append((sentence[a:b], m.group(1)))
    return out


def titled_as(title: str, sentence: str, ents: list) -> list[tuple[str, str]]:
    """The people the sentence names right after the whole title (the question's words for it, any
    case), an honorific between them allowed, with the capitalised words right before the title,
    whose it is: "Acting Chief Medical Officer Dr Anton Best" for "acting chief medical officer" ->
    ("Anton Best", ""); "Precision Pensions chief economist Anneke Thompson" -> (..., "Precision Pensions")."""
    out = []
    size = len(title.split())
    for a, b, label in ents:
        words = re.findall(r"[\w'’-]+", sentence[max(0, a - 100) : a])
        if words and words[-1].lower() in lexicon.HONORIFICS:
            words = words[:-1]
        # (not a title in quoted words and the speaker named after the quotation closes: "“She’s my first
        # wife,” Alexander told security")
        quoted = any(unicodedata.category(ch) == "Pf" or ch == '"' for ch in re.search(r"[^\w'’-]*$", sentence[max(0, a - 100) : a]).group())
        if label in nlp.PERSON and title and not quoted and [w.lower() for w in words[-size:]] == title.lower().split():
            before = words[:-size]
            owner = before[len(before) - next((k for k, w in enumerate(reversed(before)) if not w[:1].isupper()), len(before)):]
            out.append((sentence[a:b], " ".join(owner)))
    return out


def taken_as(title: str, sentence: str, ents: list) -> list[str]:
    """The people the sentence says do something as the whole title, with no owner given ("Barry
    Napier will stay on as CEO"), by the parse: the name is the subject of a verb with "as <title>"."""
    low = sentence.lower()
    # (only a sentence with "as" and the title's words is parsed: the caller reads many)
    if not title or not re.search(r"\bas\b", low) or not all(w in low for w in title.lower().split()):
        return []
    doc = nlp.parse(sentence)
    out = []
    for a, b, label in ents:
        subj = next((t for t in doc if a <= t.idx < b and t.dep_ in ("nsubj", "nsubjpass")), None)
        if label not in nlp.PERSON or subj is None:
            continue
        verbs = [subj.head, *(c for c in subj.head.children if c.dep_ == "xcomp")]
        for p in (c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "as"):
            if " ".join(x.lower_ for x in p.subtree if x.i > p.i).removeprefix("the ") == title.lower():
                out.append(sentence[a:b])
    return out


def titled_before(title: str, owners: set[str], sentence: str, name: str) -> bool:
    """Does the sentence give the title (the question's noun for it) right before the name, which a
    description leaves out ("Senator Mark Warner", "prosecutor Danielle Sassoon"), of the owner
    asked about if the question says whose ("Which Virginia senator?"; not "Celtic defender X" for
    "Which Liverpool defender?"; with no owner before the title, the sentence names the one asked:
    "... of Virginia")?"""
    at = sentence.find(name)
    words = r"\s+".join(re.escape(w) for w in title.split())
    m = re.search(rf"((?:[A-Z][\w'’.-]*\s+)*)(?i:\b{words})\s+$", sentence[: max(0, at)]) if at > 0 and words else None
    if m is None:
        return False
    told = {w.lower().removesuffix("'s").removesuffix("’s") for w in m.group(1).split()}
    if not owners:
        return True
    if told:
        return same_owner(owners, told)
    return all(re.search(rf"\b{re.escape(w)}\b", sentence, re.I) for w in owners)


def same_owner(asked: set[str], told: set[str]) -> bool:
    """Can the owner a sentence gives be the one the question asks about ("Korea" ~ "Korean")?"""
    # (whole names: "Universal Music Group" is not "Warner Music Group", nor North Korea South Korea)
    return not asked or not told or asked <= told or told <= asked or any(demonym_of(w, asked) or demonym_of(a, {w}) for w in told for a in asked) \
        or any(initials_of(w, asked) for w in told)


def initials_of(word: str, names: set[str]) -> bool:
    """Is the word the initials of the name whose words these are ("NAR" of the National Association
    of Realtors), as English shortens a body's name? (The words come as a set: their letters, in any
    order, once each; the name's small words, "of", have no letter in it.)"""
    letters = sorted(w[0] for w in names if w and not nlp.is_stop(w))
    return len(letters) >= 2 and len(word) == len(letters) and sorted(word.lower()) == letters


def demonym_of(word: str, names: set[str]) -> bool:
    """Is `word` (a capitalised adjective or name) the adjective of one of these place names?
    English forms most of them from the name's stem: Japan-ese, Kore(a)-an, Chin(a)-ese, Russi(a)-an."""
    return any(len(n) >= 4 and word != n and word.startswith(n[:-1]) for n in names)


def _name_before(verb) -> list:
    """The last name before a verb in its sentence when no other verb comes between: its subject."""
    for t in reversed(verb.doc[: verb.i]):
        if t.pos_ == "VERB":
            return []
        if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return [t] + _described_before(t)
    return []


def _described_before(name) -> list:
    """The words that qualify the noun a name is set beside, before it ("[the US Embassy]
    spokesperson in South Korea, William M. Coleman"): whom the person speaks for. Not the noun's
    own complements ("in South Korea" says where, not for whom)."""
    first = name.left_edge.i
    if first < 2 or name.doc[first - 1].text != ",":
        return []
    k = name.doc[first - 2]
    while k.dep_ in ("pobj", "prep") and k.head.i < k.i:
        k = k.head
    return [c for c in k.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")] if k.pos_ == "NOUN" else []


def _controller(verb) -> list:
    """The subject of the verb an adjunct verb hangs from ("[Japan] refuted the claim by saying"),
    through a preposition and up to two more adjuncts; empty when there is none."""
    head = verb
    for _ in range(3):
        head = head.head.head if head.head.dep_ == "prep" else head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or head.dep_ not in ("pcomp", "advcl", "xcomp", "ccomp", "conj"):
            return subjects
    return []


def _is_subject(names: set[str], sentence: str, context: str, verbs: set[str] | None = None, pronouns: set[str] | None = None) -> bool:
    """Is a name (one of `names`' words) the subject or agent of a verb (of `verbs`, when given)?
    `pronouns`: those that may stand for it (all personal pronouns unless given)."""
    pronouns = PRONOUNS if pronouns is None else pronouns
    doc = nlp.parse(sentence)
    # A country is named by its people's adjective too: "the Japanese Industry Ministry" speaks for Japan.
    names = names | {t.lower_ for t in doc if t.is_title and t.pos_ in ("ADJ", "PROPN") and demonym_of(t.lower_, names)}
    words = {w.lower() for w in re.findall(r"[\w-]+", sentence)} | {_word(t) for t in doc if t.is_upper}
    # A pronoun stands for a name of the passage, but not for one its own sentence gives elsewhere:
    # in "she may meet David Stilwell", "she" is someone else.
    in_context = bool(names & {w.lower() for w in re.findall(r"[\w-]+", context)}) and not names & words
    if not (names & words or (words & pronouns and in_context)):
        return False  # neither named nor referred to: no need to parse
    for verb in doc:
        if verbs is not None:
            if verb.lemma_ not in verbs or verb.pos_ not in ("VERB", "NOUN"):
                continue
            # (its subject, or the agent of a passive one: "as quoted by Yonhap")
            doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + [
                g for c in verb.children if c.dep_ == "agent" for g in c.children]
            if verb.lemma_ == "accord":  # "..., according to Money Today": whom it is according to
                doers += [g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if not doers and verb.dep_ in ("pcomp", "advcl", "xcomp", "conj"):
                # "X refuted the claim by saying ...", "X announced ..., saying ...", "X decided to halt
                # it and set a condition": a verb in an adjunct, or joined to another, has the subject
                # of the verb it hangs from.
                doers = _controller(verb)
            if not doers and verb.dep_ == "ROOT":
                # A parse that leaves the reporting verb without a subject ("..., William M. Coleman,
                # is reported to have said"): the name right before it, with no verb between, speaks.
                doers = _name_before(verb)
        else:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            # the subject of an active verb, or the agent of a passive one ("rejected by X")
            doers = [c for c in verb.children if c.dep_ == "nsubj"] + [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        for subj in doers:
            # (nor for it when the sentence names someone else before the pronoun: "Seoul and
            # Tokyo announced they have agreed"; but "Seoul said it decided": only the name itself;
            # nor when the sentence says another named one said it: "“We're urging ...,” Pompeo said")
            # (a name inside a quotation is what the speaker talks about, not who speaks: "“We're not
            # going to bring up Taylor Swift,” he says")
            named_before = [t for t in doc[: subj.i] if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not _in_quote(doc, t)]
            if {_word(t) for t in subj.subtree} & names or (subj.pos_ == "PRON" and subj.lower_ in pronouns and not _said_by_other(doc, names, pronouns) and (
                    (in_context and not named_before) or (named_before and all(t.lower_ in names for t in named_before)))):
                return True
    return False


def _in_quote(doc, token) -> bool:
    """Is the token inside quotation marks (an odd number of them before it in its sentence)?"""
    marks = [t for t in doc[: token.i] if t.text in ("“", "”", '"')]
    opened = sum(1 for t in marks if t.text == "“") - sum(1 for t in marks if t.text == "”")
    return opened > 0 or sum(1 for t in marks if t.text == '"') % 2 == 1


def _said_by_other(doc, names: set[str], pronouns: set[str]) -> bool:
    """Does the sentence give, as the subject of a verb of saying, someone not of `names`: another
    name, or a pronoun that cannot stand for them ("..., he added" for a country)?"""
    return any(v.lemma_ in SPEECH and v.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and ((c.pos_ == "PROPN" and not {_word(t) for t in c.subtree} & names)
                               or (c.lower_ in PRONOUNS and c.lower_ not in pronouns)) for c in v.children) for v in doc)


def _word(token) -> str:
    """A token as a name's word: lower-cased, an initialism without its dots ("U.S." -> "us")."""
    return token.lower_.replace(".", "") if token.is_upper else token.lower_


_PERSONAL = {"he", "she", "him", "her", "his"}  # English pronouns of a person only
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "its", "his", "their"}  # English personal pronouns ("us" would be the US)


def name_words(phrase: str) -> set[str]:
    """The words that identify whom a phrase names: its proper and common nouns ("US officials" ->
    us, officials), lower-cased; never function words."""
    doc = nlp.parse(phrase)
    words = {_word(t) for t in doc if t.pos_ in ("PROPN", "NOUN") and (t.is_alpha or t.is_upper) and len(t) > 1}
    # A name of several capitalised words is also written by its initials, in English and most
    # languages in Latin script: "the United States" by "US" / "U.S.", "United Nations" by "UN".
    # (people go by their names)
    words |= {"".join(t.text[0] for t in r).lower() for r in _runs(doc, lambda t: t.pos_ == "PROPN" and t.is_title and t.is_alpha
                                                                  and t.ent_type_ in ("GPE", "ORG", "LOC", "NORP", "FAC")) if len(r) >= 2}
    # A country is also written by its capital, as its government ("Tokyo announced"), and the
    # reverse: the names WordNet gives both (qa.lexicon.country_of).
    for r in _runs(doc, lambda t: t.pos_ == "PROPN"):
        if key := lexicon.country_of(" ".join(w.text for w in r)):
            words |= {w.lower().replace(".", "") for n in lexicon.names_of_country(key) for w in n.split() if not nlp.is_stop(w)}
    return words


def _runs(doc, keep) -> list[list]:
    """The runs of consecutive tokens that `keep` accepts."""
    runs, run = [], []
    for t in doc:
        if keep(t):
            run.append(t)
        elif run:
            runs, run = runs + [run], []
    return runs + [run] if run else runs


def another_of_the_name(name: str, sentence: str) -> bool:
    """Does the sentence give the surname of a full name with another given name before it ("Matt
    Huang" for Jensen Huang)?"""
    words = name.split()
    if len(words) < 2:
        return False
    return bool(re.search(rf"\b(?!{re.escape(words[0])}\b)[A-Z][\w-]*\s+{re.escape(words[-1])}\b", sentence))


def head_word(phrase: str) -> str:
    """The word a phrase is about ("South Korea's Foreign Ministry" -> ministry, "US officials" ->
    officials), lower-cased: the other words only qualify it."""
    root = next((t for t in nlp.parse(phrase) if t.dep_ == "ROOT"), None)
    return root.lower_ if root is not None else ""


SPEECH = {"say", "tell", "urge", "announce", "state", "claim", "write", "note", "suggest", "warn", "call", "argue",
           "deny", "add", "assert", "aver", "comment", "explain", "express", "report", "insist", "demand", "ask", "slam",
           "mention", "describe", "publish", "promise", "accord", "quote"}  # ("according to X", "as quoted by X")


def same_act(a: str, b: str) -> bool:
    """Do two verbs (lemmas) name one act? Saying is one act however it is said ("say" / "announced")."""
    return a == b or (a in _SAYING and b in _SAYING)


# Saying, and English's plain verbs of speaking: "where did she speak / give the interview?" is
# where she said things.
_SAYING = SPEECH | {"speak", "talk", "interview"}
