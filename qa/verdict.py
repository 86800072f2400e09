"""Yes / no verdicts: whether the evidence supports, contradicts or does not settle a claim, and
which of two reports came first."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from qa import dates, lexicon, nlp
from qa.asking import declarative
from qa.contrasts import other_agent, other_circumstance, other_country, other_maker, other_modifier, other_owner, other_score
from qa.dates import is_year
from qa.keyword import terms
from qa.question import accounts_of, by_piece, in_condition, naming_year, period_of
from qa.reader import has_verb
from qa.speakers import SPEECH
from qa.specifiers import is_label
from qa.types import Question
from qa.verify import NUMBER_WORDS, ORDINAL_WORDS

# ("n’t": news text writes the typographic apostrophe, "isn’t", which the parser keeps as it is)
_NEGATION = {"not", "no", "never", "n't", "n’t", "deny", "denied", "denies", "dismiss", "dismissed", "dismisses", "reject", "rejected", "false", "untrue"}


# English's words of scale, and the short forms news writes for them after a sum ("$2.5m", "£1bn")
_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_SCALE_ABBREVIATIONS = {"k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9, "tn": 12}
_FIGURE = re.compile(r"([$£€¥₹]\s?)?(\d[\d,]*(?:\.\d+)?)(?:(?:\s|-)(thousand|million|billion|trillion)\b|(k|m|mn|b|bn|tn)\b)?", re.I)


# English's words that bound a figure from below (1) or from above (-1), a closed class.
_BOUNDS = {"more than": 1, "over": 1, "above": 1, "at least": 1, "in excess of": 1, "upwards of": 1,
           "fewer than": -1, "less than": -1, "under": -1, "below": -1, "at most": -1}
_PERCENT = r"\s*(?:%|per\s?cent\b|percent\b)"


def _bounds_met(claim: str, sentence: str) -> set[str]:
    """The figures the claim bounds ("more than 90 percent") that a figure of the sentence in the same
    unit meets ("captures 93%"): a bound is met, not a figure the evidence must repeat."""
    def unit(text: str, m: re.Match) -> tuple[str, str]:
        # (its currency sign, and "%" or the word after it, by its first letters: "posts" is "post")
        after = text[m.end():]
        noun = re.match(r"\s+([a-z]{3,})", after)
        return (m.group(1) or "").strip(), "%" if re.match(_PERCENT, after, re.I) else (noun.group(1)[:4] if noun else "")

    met = set()
    for b in re.finditer(r"\b(" + "|".join(_BOUNDS) + r")\s+(?=[$£€¥₹\d])", claim, re.I):
        if (m := _FIGURE.match(claim, b.end())) is None or not (value := numbers_in(m.group())):
            continue
        bound, side, kind = Decimal(next(iter(value))), _BOUNDS[b.group(1).lower()], unit(claim, m)
        for n in _FIGURE.finditer(sentence):
            if unit(sentence, n) == kind and (said := numbers_in(n.group())):
                if (Decimal(next(iter(said))) - bound) * side > 0 or (b.group(1).lower().startswith("at ") and Decimal(next(iter(said))) == bound):
                    met |= value
    return met


def numbers_in(text: str, words: bool = False) -> set[str]:
    """The figures in the text, in digits ("1,200" -> 1200), with their scale ("4 million",
    "$4m" -> 4000000: "10-12-year-olds" does not give the "10 million" of a claim); with `words`, also
    those in words ("three" -> 3; not "one", which is as often a pronoun: "one of them")."""
    said = {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS and NUMBER_WORDS[w] not in ("0", "1")} if words else set()
    found = set()
    for m in _FIGURE.finditer(text):
        digits = re.sub(r"[,\s]", "", m.group(2))
        # (a short form only after a currency sign: "100m" alone may be metres)
        power = _SCALES.get((m.group(3) or "").lower()) or (_SCALE_ABBREVIATIONS.get((m.group(4) or "").lower()) if m.group(1) else None)
        if power:
            digits = format(Decimal(digits).scaleb(power).normalize(), "f")
        found.add(digits)
    return found | said


def ordinals(text: str) -> set[str]:
    """The ranks the text gives, by the recognizer's ordinals, as figures ("the fifth-round TKO", "3rd"
    -> {5, 3})."""
    out = set()
    doc = nlp.parse(text)
    # (and an ordinal word that ranks a noun, or a participle that qualifies one, which the recognizer may
    # leave unlabelled: "Stephen King's first published book"; not the adverb of a verb, "first appeared")
    out |= {ORDINAL_WORDS[t.lower_] for t in doc if t.lower_ in ORDINAL_WORDS and (t.dep_ == "amod" or (t.dep_ == "advmod" and t.head.dep_ == "amod"))}
    for e in doc.ents:
        if e.label_ == "ORDINAL":
            word = e.text.lower().split("-")[0]
            out.add(ORDINAL_WORDS.get(word) or re.sub(r"(?:st|nd|rd|th)$", "", word))
        # (and a rank in figures the recognizer took for a day, with no month to make it one: "Chelsea came 12th")
        elif e.label_ == "DATE" and len(e) == 1 and (m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", e.text.lower())):
            out.add(m.group(1))
    return out


def figures(text: str) -> set[str]:
    """The amounts a claim names ("$26.3 billion in 2021" -> 26.3): not its dates, nor the
    numbers in names ("Diablo 4", "PlayStation 5")."""
    return numbers_in(" ".join(e.text for e in nlp.parse(text).ents if e.label_ in _AMOUNT))


# spaCy's entity labels for amounts (its label set, not words of any corpus).
_AMOUNT = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


def states_figures(sentence: str, asked: set[str]) -> bool:
    """Does the sentence state every asked number?"""
    return asked <= numbers_in(sentence)


def negated(text: str) -> bool:
    """Does the text say something is not so: a word of negation outside a conditional clause ("Do most
    sportsbooks void the bet if the player doesn't play?" claims that they do)?"""
    if not {t.lower() for t in re.findall(r"[\w']+", text.replace("n't", " n't").replace("n’t", " n't"))} & _NEGATION:
        return False
    found = [t for t in nlp.parse(text) if t.lower_ in _NEGATION or t.lemma_.lower() in _NEGATION]
    # (a word the parse splits otherwise than the words above is a negation all the same)
    return not found or any(not in_condition(_negated(t)) for t in found)


def denies(q: Question, sentence: str) -> bool:
    """Does the sentence negate what the question claims: a negation ("not", "never", "denied",
    "untrue") whose scope holds one of the claim's words? ("Kang also said Seoul's position has not
    changed" does not deny that she left for Nagoya.)"""
    doc = nlp.parse(declarative(q.text))
    claim = {t.lemma_.lower() for t in doc if t.pos_ in ("VERB", "NOUN", "ADJ") and not t.ent_type_ and not t.is_stop}
    # (a claim that something was told, "Did Meta say which hashtags it is blocking?", is denied by not
    # telling it: "does not specify which hashtags Meta is blocking")
    told = any(c.dep_ == "ccomp" and _embedded_question(c) for t in doc for c in t.children)
    return negates(sentence, claim, told, others=set(terms(" ".join(q.names)))) or _instead_of(q.text, sentence)


def _instead_of(question: str, sentence: str) -> bool:
    """Does the sentence set a word of the claim, that it says nowhere else, after "instead of" ("now
    charges via USB-C instead of Micro USB" against "Does it still charge via Micro USB?")? English's
    "X instead of Y" says Y is not so. (Not when the claim itself weighs one against another.)"""
    if "instead of" not in sentence.lower() or "instead" in question.lower():
        return False
    asked = set(terms(question))
    for t in nlp.parse(sentence):
        if t.lower_ == "instead" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "of":
            scope = {w.i for w in t.doc[t.i + 1].subtree}
            inside = set(terms(" ".join(w.text for w in t.doc if w.i in scope)))
            outside = set(terms(" ".join(w.text for w in t.doc if w.i not in scope and w.i != t.i)))
            if (asked & inside) - outside:
                return True
    return False


def negated_claims(question: str, start: int = 0, end: int | None = None) -> list[set[str]]:
    """What the question says is not so, in its characters start:end (one outlet's part: "suggest
    that the model is not trained on X", "has no plans to ..."): for each such negation, the
    content words of what it negates. A negation of what the article itself does ("does not
    mention", "made no mention of") is no claim about the news. (The whole question is parsed, as
    it already was when it was read.)"""
    end = len(question) if end is None else end
    out = []
    for t in nlp.parse(question):
        if not start <= t.idx < end:
            continue
        if t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no"):
            head = _negated(t)
            if head.lemma_ in SPEECH or by_piece(head):
                continue
            words = {s.lemma_.lower() for s in head.subtree if start <= s.idx < end and s.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") and not s.is_stop}
            if words:
                out.append(words)
    return out


def negates(sentence: str, claim: set[str], told: bool = False, others: set[str] | None = None) -> bool:
    """Does the sentence hold a negation whose scope holds one of the claim's words, or the word
    itself negated by its prefix ("an unannounced trip" against "was the trip announced")? `told`:
    the claim is that an embedded question was answered, so not answering it denies it. `others`:
    the words of the names the claim gives, when a clause joined to another whose subject is none of
    them and none of the claim's words negates another's doing ("Mosseri was hauled before Congress
    ..., but legislators have not come to any decision about teen usage")."""
    if not _may_negate(sentence):
        return False  # (no word that could negate: no parse needed)
    for t in nlp.parse(sentence):
        if t.lemma_.lower() in _IMPLICATIVE and (did := [c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]):
            if any(s.lemma_.lower() in claim for s in did[0].subtree):
                return True  # "failed to make it to the playoffs" says they did not make it
        elif t.lower_ in _NEGATION or t.lemma_.lower() in _NEGATION:
            if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in _NOT_ONLY:
                continue  # "not only got halfway ... but did it in style" says it did
            if t.lower_ == "no" and _numero(t):
                continue  # "the No. 1 app" is a rank
            if in_condition(_negated(t)):
                continue  # "X can end it if Japan doesn't remove the curbs" denies no removal
            head = _negated(t)
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if others is not None and head.dep_ == "conj" and subj is not None and subj.pos_ in ("NOUN", "PROPN") \
                    and not set(terms(" ".join(w.text for w in subj.subtree))) & (others | {terms(c)[0] for c in claim if terms(c)}):
                continue
            asked = set() if told else {w.i for c in head.children if c.dep_ == "ccomp" and _embedded_question(c) for w in c.subtree}
            # (nor what a time it is set in presupposes: "denied allegations ... during his time as an
            # assistant wrestling coach" says he was one)
            asked |= {w.i for s in head.subtree if s.dep_ == "prep" and s.lower_ in _TIME_PREPS and s.i > t.i for w in s.subtree}
            # (nor the subject of what is negated: "Kolbe, the winger who ..., couldn't bear to watch"
            # denies his watching, not that he is a winger)
            asked |= {w.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and t not in c.subtree for w in c.subtree}
            # (nor a clause joined to it with a subject of its own: "Rookie tight ends aren't typically
            # fantasy-relevant, but that's where LaPorta finds himself, becoming a favorite target")
            asked |= {w.i for c in head.children if c.dep_ == "conj" and c.i > t.i and c.pos_ in ("VERB", "AUX")
                      and any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children) for w in c.subtree}
            if any(s.i != t.i and s.i not in asked and s.lemma_.lower() in claim for s in head.subtree):
                return True
        elif t.lower_ == "non" and "non" not in claim and t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lemma_.lower() in claim:
            return True  # "a non-voting observer" against "a voting seat"
        elif t.pos_ in ("ADJ", "VERB") and (rest := _unprefixed(t.lower_)) and next(
                (w.lemma_.lower() for w in nlp.parse(rest)), "") in claim:
            return True
    return False


def _same_order(names: list[str], sentence: str) -> bool:
    """Does the sentence name the first two names (the claim's doer and what it is done to), by their
    last word, in the order given?"""
    low = sentence.lower()
    at = [low.find(n.split()[-1].lower()) for n in names[:2] if n.split()]
    return len(at) == 2 and 0 <= at[0] < at[1]


def _numero(t) -> bool:
    """Is this "No" the abbreviation of "number" ("No. 1", "No.5"), not a negation?"""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    # (by its digits: "No two-loss team" is a negation)
    return t.text[:1] == "N" and nxt is not None and (nxt.text[:1].isdigit() or (nxt.text == "." and t.i + 2 < len(doc) and doc[t.i + 2].text[:1].isdigit()))


# English's prepositions of time, whose object sets when something happened (a closed class).
_TIME_PREPS = frozenset({"during", "before", "after", "since", "until", "till", "throughout"})

# English's prefixes written with a hyphen (a closed class): "co-leading" claims "leading".
_PREFIXES = {"co", "re", "pre", "post", "non", "ex", "anti", "semi", "multi", "mid", "sub", "inter", "counter", "de", "pro", "bi", "tri", "self"}

# "not only / just / merely X (but also Y)": English's correlative, which asserts X.
_NOT_ONLY = frozenset({"only", "just", "merely", "simply"})

# English's negative implicative verbs: "X failed / refused / declined / neglected to do Y" says X
# did not do Y (a closed class of the language).
_IMPLICATIVE = {"fail", "refuse", "decline", "neglect"}


def _may_negate(sentence: str) -> bool:
    """Has the sentence any word `negates` looks for, in any form (a cheap test before the parse)?"""
    words = re.findall(r"[\w']+", sentence.lower().replace("n't", " n't").replace("n’t", " n't").replace("cannot", "can not"))
    return any(w in _NEGATION or w.startswith(_NEGATING_STEMS) or (w.startswith("un") and len(w) >= 6) or w == "non" for w in words)


# The stems of the negating words' forms ("denying", "rejects", "failed", "refusing", "declined").
_NEGATING_STEMS = ("deni", "deny", "dismiss", "reject", "fail", "refus", "declin", "neglect")


def _embedded_question(clause) -> bool:
    """Is the clause an embedded question ("which hashtags Meta is blocking", "whether it will
    last")? Not knowing or not saying its answer denies nothing of it: "The post does not specify
    which hashtags Meta is blocking"."""
    first = clause.left_edge
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or (first.dep_ == "mark" and first.lower_ in ("whether", "if")) \
        or any(w.tag_ in ("WDT", "WP", "WP$", "WRB") and w.i <= first.i + 1 for w in clause.subtree)


def _unprefixed(word: str) -> str:
    """The word without "un-", the prefix English negates an adjective or participle with
    ("unannounced"); "" when it has none or what is left is too short to be a word. (The other
    negative prefixes, in- and dis-, mostly make words that are not the word's negation; "non-"
    is a token of its own.)"""
    return word[2:] if word.startswith("un") and len(word) >= 6 else ""


def _negated(t):
    """The word a negation negates, whose subtree is its scope: the verb itself ("denied [that
    ...]"), the word it hangs from ("did [not] confirm"), or the clause of a negated subject ("[not
    all of them] are effective", "[no homes] were flooded")."""
    head = t if t.pos_ == "VERB" else t.head
    # (a negated adverb negates the verb it modifies: "will [no longer] take up bag space")
    if head.dep_ == "advmod" and head.pos_ == "ADV" and head.head.pos_ in ("VERB", "AUX") and head.i != t.i:
        head = head.head
    return head.head if head.dep_ in ("nsubj", "nsubjpass") else head


def unsaid(q: Question, evidence: str) -> list[str]:
    """The question's verbs and adjectives (what it claims happened) that the evidence does not
    use: "praise" when the evidence says "slammed"."""
    have = set(terms(evidence))
    doc = nlp.parse(declarative(q.text))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    # The main claim: the root and the verbs or adjectives it governs directly ("say ... pleased").
    # (A word with a direct object is a verb, however the small parser tags it: "X praise Y".)
    def verb_like(t) -> bool:
        return t.pos_ in ("VERB", "ADJ") or any(c.dep_ == "dobj" for c in t.children)

    claim = [root] + [c for c in root.children if c.dep_ in ("xcomp", "ccomp", "acomp")]
    # ("Is outgoing chair Andrew Sutch 73 years old?": a participle right after the opening copula,
    # before the subject, describes the subject; the small parser may make it the root)
    if root.tag_ in ("VBG", "JJ") and root.i == 1 and doc[0].lemma_ == "be" and any(c.dep_ == "dobj" for c in root.children):
        claim = claim[1:]
    # "Did X say the US was pleased?": what the reported clause claims is its adjective ("pleased").
    claim += [a for c in claim[1:] if c.lemma_ == "be" for a in c.children if a.dep_ == "acomp"]
    if root.lemma_ == "be":  # "Were the curbs lifted?": the small parser hangs the participle from the subject
        claim += [c for s in root.children if s.dep_ in ("nsubj", "nsubjpass") for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    # "Did X agree / decide / plan to resume talks?": what X did is the verb it governs ("resume");
    # "agree to" need not be in the evidence ("X announced it will resume talks").
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in root.children):
        claim = claim[1:]
    # (What an article does, "Do both articles discuss X?", is not what the evidence must say: X is.)
    # (said in other words counts: "accuse" by "charging"; see qa.lexicon)
    # ("co-leading": the prefix before a hyphen is not a word of its own; "led" is "lead" in an
    # irregular form the stem misses, which the evidence's parse gives.)
    # ("turn-based": a hyphenated word is said as a whole or not at all; its last piece alone is no
    # claim of its own)
    def compound(t) -> str:
        joined = t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_
        return doc[t.i - 2 : t.i + 1].text if joined and doc[t.i - 2].lower_ not in _PREFIXES else ""

    def said(t) -> bool:
        if compound(t):
            return compound(t).lower() in evidence.lower()
        return not (w := terms(t.text)) or bool(set(w) & have) \
            or bool(set(terms(" ".join(lexicon.other_words(t.lemma_, "ADJ" if t.pos_ == "ADJ" else "VERB")))) & have) \
            or bool(set(terms(" ".join(w for p in t.children if _particle(p)  # ("step down" by "resigned")
                                       for w in lexicon.other_words(f"{t.lemma_.lower()}_{p.lower_}", "VERB")))) & have) \
            or (t.pos_ == "VERB" and has_verb(evidence, t.lemma_.lower())) \
            or (t.pos_ == "VERB" and bool(set(terms(" ".join(lexicon.derived_nouns(t.lemma_.lower())))) & have))  # ("appear" by "appearance")

    # (a phrasal or prepositional verb of English's most general ones is not said by its verb: "take
    # back" by "accept", "put $4 billion into" by "investment")
    return [compound(t) or t.text for t in claim if verb_like(t) and not t.ent_type_ and not nlp.in_title(t) and t.lemma_ not in SPEECH and not by_piece(t)
            and not (t.lemma_.lower() in lexicon.GENERAL_VERBS and any(_particle(c) or (c.dep_ == "prep" and c.lower_ in _TOWARD) or _light(c) for c in t.children))
            and not (not t.whitespace_ and t.i + 1 < len(doc) and doc[t.i + 1].text == "-") and not said(t)]


# English's verb particles (a closed class): the small parser tags some as adverbs ("take back").
_PARTICLES = frozenset({"back", "up", "out", "off", "down", "over", "away", "in", "on", "around", "through"})


# English's prepositions of direction: with a general verb they make its sense ("put $4 billion into").
_TOWARD = frozenset({"into", "onto", "to", "toward", "towards"})


def _light_verbs(q: Question, words: list[str]) -> bool:
    """Are the claim's words (as `unsaid` gives them) all light verbs: English's most general ("have",
    "take") or phrasal ones ("line up"), whose sense the rest of the claim carries?"""
    doc = nlp.parse(declarative(q.text))
    found = [t for t in doc if t.text in words]
    return bool(found) and all(t.lemma_.lower() in lexicon.GENERAL_VERBS or any(_particle(c) for c in t.children) for t in found)


def _arguments_said(q: Question, sentence: str) -> bool:
    """Does the sentence hold every word of the claim's doer and object, what a light verb's sense rests
    on ("Erickson Lubin takes controversial decision over Jesus Ramos" for "Did Erickson Lubin get the
    decision over Jesus Ramos on the ... undercard?"), though not the phrases that say on which occasion?"""
    doc = nlp.parse(declarative(q.text))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    parts = [c for c in root.children if c.dep_ in ("nsubj", "dobj")] if root is not None else []
    # (English's prepositions of time and place set the occasion: "on the undercard", "in Week 3")
    occasion = {w.i for c in parts for p in c.subtree if p.dep_ == "prep" and p.lower_ in ("in", "on", "at", "during") for w in p.subtree}
    words = set(terms(" ".join(w.text for c in parts for w in c.subtree if w.i not in occasion)))
    return len(parts) == 2 and bool(words) and words <= set(terms(sentence))


def _light(t) -> bool:
    """Is the token a general verb's bare noun object, with which it says one thing ("take place",
    "take part", "make progress")? Not "take the money"."""
    return t.dep_ == "dobj" and t.pos_ == "NOUN" and t.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in t.children)


def _particle(t) -> bool:
    """Is the token the particle of a phrasal verb, right after it ("take back", "give up")?"""
    return t.i == t.head.i + 1 and (t.dep_ == "prt" or (t.dep_ == "advmod" and t.lower_ in _PARTICLES))


def part_contradicted(question: str, start: int, end: int, sentences: list[str]) -> bool:
    """One outlet's part of a claim (the question's characters start:end) against that outlet's
    best sentences: does the part say something is not so that none of them negates, name a number
    none of them states while they state others, or a word whose opposite they say instead?"""
    if not sentences:
        return False
    claims = negated_claims(question, start, end)
    if claims and not any(negates(s, c) for s in sentences for c in claims):
        return True
    asked = numbers_in(question[start:end]) - numbers_in(" ".join(_days(question)))
    stated = numbers_in(" ".join(sentences))
    return bool(asked and stated and not asked <= stated) or opposed(question, start, end, sentences)


# English's deictic verbs of motion: "come" and "go" (or "bring" and "take") tell one movement from
# the speaker's side or the other's, not opposite facts ("going into the game" / "come into this game").
_DEICTIC = frozenset({"come", "go", "bring", "take"})


def opposed(question: str, start: int, end: int, sentences: list[str]) -> bool:
    """Do the sentences say the opposite of a word of the claim's part (question[start:end]) and
    never the word itself ("a successful penalty kill" against "the unsuccessful penalty kill")?
    Opposites are WordNet's antonyms (qa.lexicon)."""
    # (a negated word is the negation's to check: "no longer in contention")
    doc = nlp.parse(question)
    words = [(t.lemma_.lower(), anti) for t in doc
             if start <= t.idx < end and t.pos_ in ("VERB", "ADJ") and not t.ent_type_ and not t.is_stop
             and not _negated_here(t) and (anti := lexicon.antonyms(t.lemma_.lower(), t.pos_) - _DEICTIC)]
    # The sentences are parsed only when an opposite's stem is in them (parses cost), in any of its
    # forms: "fell" is "fall" (WordNet's irregular forms).
    text = " ".join(sentences)
    # (and an adjective's comparative and superlative, by their endings: "higher" is "high")
    stems = set(terms(text)) | set(terms(" ".join(lexicon.irregular_base(w) for w in re.findall(r"[a-z]+", text)))) \
        | set(terms(" ".join(m.group(1) for m in re.finditer(r"\b([a-z]{2,})(?:er|est)\b", text.lower()))))
    words = [(word, anti) for word, anti in words if set(terms(" ".join(anti))) & stems]
    # (and a verb with its particle, as one: "go up" against "fell", a form no stem gives; few questions
    # have one)
    words += [(f"{t.lemma_.lower()} {p.lower_}", anti) for t in doc if start <= t.idx < end and t.pos_ == "VERB" and not _negated_here(t)
              for p in t.children if p.dep_ == "prt" and (anti := lexicon.phrasal_antonyms(t.lemma_.lower(), p.lower_))]
    if not words:
        return False
    # (by the word as written too: "closed", the opposite of "open", is the verb "close" to the lemmatizer)
    told = {w for s in sentences for t in nlp.parse(s) for w in (t.lemma_.lower(), t.lower_)}
    return any(word not in told and anti & told for word, anti in words)


def _negated_here(t) -> bool:
    """Is the word negated by its own "not" / "no longer", or by its copula's ("is no longer open")?"""
    words = list(t.children) + (list(t.head.children) if t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be" else [])
    return any(c.lower_ in _NEGATION or (c.dep_ == "advmod" and any(g.lower_ in _NEGATION for g in c.children)) for c in words)


def single_claim(q: Question) -> bool:
    """Is the question a claim of one clause about one thing (what it says happened must then be
    what the evidence says)? (A noun's own clause, "the decision to quit the pact", names a thing;
    it is no second claim.)"""
    # (the "Did" that opens the question supports a verb, whatever the parse makes of it)
    # (nor is an embedded question, what was told: "Did Meta say [which hashtags it is blocking]?")
    doc = nlp.parse(q.text)
    asked = {w.i for t in doc for c in t.children if c.dep_ == "ccomp" and _embedded_question(c) for w in c.subtree}
    clauses = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp")
               and not (t.i == 0 and t.lemma_ == "do") and t.i not in asked
               and not (t.i > 0 and t.is_title and t.text != "I")]  # (a capitalised verb is a title's: "So You Think You Can Dance")
    return len(q.outlets) <= 1 and len(clauses) <= 2 and not re.search(r",\s*(?:while|whereas|and|but)\b", q.text)


# The share of the claim's content words a best sentence holds from which a light verb it does not repeat
# is taken as said in other words (chosen on the earlier natural yes/no questions).
_RESTATED = 0.8


def verdict(q: Question, support: list[tuple[str, float, float]], by_parts: bool = False, in_period: bool = False) -> str | None:
    """Yes / No for a yes/no question from its best evidence: (sentence, similarity, share of the
    question's content words it holds). No when the evidence states another number or year for the
    same thing, negates what the question asserts, or says something else happened; Yes when it
    supports the claim; None when the evidence is too weak to say."""
    if not support:
        return None
    sentence, sim, cover = support[0]
    simple = single_claim(q)
    evidence = " ".join(s for s, _, _ in support[:2])
    if q.accounts in ("differ", "same"):
        # Two reports of different days or subjects say different things: a change between them
        # holds, sameness does not (whether they contradict each other is another question).
        return "Yes" if (q.accounts == "differ") != q.negated else "No"
    if q.accounts:
        # A claim that reports agree or disagree is decided by a contradiction found between them
        # (the reader detects another number; the dates and times that say when they came out do
        # not count); without one, news reports of one event agree. The evidence need not repeat
        # the word "consistent".
        asked = numbers_in(q.text) - numbers_in(" ".join(_dated(q.text)))
        agree = not (asked and not asked <= numbers_in(evidence) and numbers_in(sentence))
        # "consistent or inconsistent?": the choice that says so (one the reader cannot name: the verdict).
        pick = next((w for w in q.alternatives if w and accounts_of(w) == ("agree" if agree else "disagree")), "")
        if pick:
            return pick[:1].upper() + pick[1:]
        return "Yes" if (agree == (q.accounts == "agree")) != q.negated else "No"
    # ("Does she have three children?" against "share two children": a count the claim gives in words)
    # (nor are the numbers of a name it gives, "Game 4 of the 2023 World Series", claims of their own)
    # (nor the year that tells which thing it is: "before the 2023 World Cup")
    asked = numbers_in(q.text, words=True) - numbers_in(" ".join(_days(q.text))) - numbers_in(" ".join(q.names)) \
        - numbers_in(" ".join(e.text for e in nlp.parse(q.text).ents if naming_year(e))) - numbers_in(_occasion(q.text))
    if in_period:  # (the best evidence comes from the question's time: its year is no claim to repeat)
        asked -= numbers_in(q.period_text)
    asked -= _bounds_met(q.text, sentence)  # ("more than 90 percent" against "captures 93%")
    # (a sentence that gives every figure of the claim besides its years, one at least, tells of the same
    # event in other words: "SMU's 69-10 homecoming belting of Tulsa" for "Did SMU beat Tulsa 69-10?",
    # "examined the claim records for approximately 16 million U.S. patients" for "look at ... roughly 16
    # million American patients"; a year alone is no such figure: many events share one)
    # (and names them the claim's way round: "Los Angeles Chargers 6-0 New England Patriots" is no
    # Patriots' win)
    counts = {n for n in asked if not is_year(n)}
    # (a best sentence that holds nearly all the claim's words says its act in other words when the verb
    # it does not use is a light one, English's most general or a phrasal verb, which says little of
    # itself: "Beyond Blue removed the TikTok pixel from its website" for "Did Beyond Blue take the TikTok
    # pixel off its website?", "packs a 3,000-nit display" for "have"; not "relax" for "tighten")
    if simple and (missing := unsaid(q, evidence)) and not ((cover >= _RESTATED or _arguments_said(q, sentence)) and _light_verbs(q, missing)) and sim >= 0.4 and not (
            counts and counts <= numbers_in(sentence, words=True) and _same_order(q.names, sentence)):
        return "No"
    if asked and not by_parts and _figures_denied(sentence, asked):
        return "No"  # "Spill's seed extension is $2 million, not $2.75 million"
    if simple and sim >= 0.4 and other_score(q.text, sentence):
        return "No"  # "who beat Shakhtar Donetsk 5-3" for "Did Porto beat Shakhtar Donetsk 3-2?"
    if asked and not by_parts and _other_count(q.text, sentence):
        return "No"  # "shares three children" for "Does he have two children?"
    if asked and not by_parts and _figures_of_another(q, sentence, asked):
        return "No"  # "the Preservation Trust aims to convert 110,000 apartments, while PACT aims to convert 62,000"
    if asked and not by_parts and _figures_of_another_year(q, sentence, asked):
        return "No"  # "just 47 deals, compared to 99 deals in the same period of 2022" for 99 in 2023
    if simple and sim >= 0.4 and _result_reversed(q, sentence):
        return "No"  # "Kansas City Chiefs 19-27 Green Bay Packers" for "Did the Chiefs beat the Packers?"
    if simple and sim >= 0.4 and (years := {n for n in asked if is_year(n)}) and _dated_otherwise(q, sentence, years):
        return "No"  # "unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020" for "in 2020"
    # (the next best sentence counts when it tells of the claim's act with other figures: "Timlin-Scalera
    # died of metastatic breast cancer in 2019" against "die ... in 2021", below a sentence about her)
    # (of a sentence about the claim: other figures in one on another matter contradict nothing, "2020 is
    # not 2014" for "Did the Colts go 11-5 in 2020?")
    # (a name's digits are no figure: "the 49ers")
    if asked and not by_parts and (sim >= 0.4 or cover >= 0.5 or not simple) and not asked <= numbers_in(evidence, words=True) and (
            numbers_in(sentence, words=True) - set(re.findall(r"\b(\d+)[a-z]{2,}\b", q.text)) - _label_numbers(sentence) or any(
            (said := numbers_in(s, words=True) - _label_numbers(s)) and not asked <= said and _tells_act(q, s) for s, _, _ in support[1:3])):
        return "No"  # (a claim in parts has each part's numbers checked against its own outlet)
    if simple and sim >= 0.4 and (ranks := ordinals(q.text)) and (said := ordinals(evidence)) and not ranks & said:
        return "No"  # "in the third round" against "with a fifth-round TKO"
    # (a claim of what is not so is said by a sentence about as close as the best that negates it too:
    # "pleaded not guilty" beside "has been found guilty" for "Did he plead not guilty?")
    not_so = q.negated or negated(q.text)  # (the claim is that something is not so)
    # (a claim of several clauses of one account is denied as plainly by its best sentence: "we don't
    # recommend buying any older Intel-based Macs" for "Does The Verge recommend picking up older
    # Intel-based Macs if you find them heavily discounted?"; not a claim in parts, whose negation may be
    # one part's)
    if (simple or not by_parts) and denies(q, sentence) != not_so and sim >= 0.45 and not (
            not_so and any(s_sim >= sim - 0.05 and denies(q, s) for s, s_sim, _ in support[1:3])):
        return "No"
    # (or the next best sentence negates it, as plainly: "there doesn't appear to be any kind of song
    # mode", "Discogs declined to comment for this story", where the best says nothing either way)
    # (a claim in several parts too, of one account: "Did Kelce get to meet Swift and give her his
    # bracelet?" against "he tried - and failed - to give Swift his number")
    # (not when the best gives every figure of the claim, a name's digits none: "when Ohio State beat Penn State
    # 20-12 on Oct. 21" is not outweighed by "the Wolverines will not be able to beat Ohio State the same way")
    if (simple or not by_parts) and len(support) > 1 and not not_so and support[1][1] >= 0.45 and denies(q, support[1][0]) \
            and not denies(q, sentence) and not ((figs := counts - set(re.findall(r"\b(\d+)[a-z]{2,}\b", q.text)))
                                                 and figs <= numbers_in(sentence, words=True)):
        return "No"
    if simple and sim >= 0.45 and opposed(q.text, 0, len(q.text), [sentence]):
        return "No"  # "Will the stores be open?" against "will be closed": WordNet's opposite, and not the word
    if sim >= 0.45 and contradicts_report(q.text, sentence):
        return "No"
    if simple and sim >= 0.4 and outranked(q.text, sentence):
        return "No"  # "the largest employer" against "the second-largest employer"
    if simple and sim >= 0.45 and (other_circumstance(q.text, sentence) or other_owner(q.text, sentence)):
        return "No"
    if simple and (sim >= 0.4 or cover >= 0.5) and (other_agent(q.text, sentence) or any(other_maker(q.text, s) for s, _, _ in support[:2])):
        return "No"  # (the sentence that would support the claim says another did it)
    if simple and (sim >= 0.4 or cover >= 0.5) and other_modifier(q.text, [s for s, _, _ in support[:3]]):
        return "No"  # "an ankle injury" for "Did he suffer a knee injury?", "a low ankle sprain" for a high one
    if simple and (sim >= 0.4 or cover >= 0.5) and other_country(q.text, sentence):
        return None  # (another country did it: whether the claim's did, the evidence does not say)
    if simple and _hypothetical(sentence, q.text):
        return None  # "X can terminate it if ..." does not say X did
    return "Yes" if sim >= 0.4 or cover >= 0.5 or not simple else None


def _label_numbers(sentence: str) -> set[str]:
    """The numbers the sentence sets right after a capitalised noun as its label ("Chapter 1", "Game 3"):
    they name a thing, they count nothing a claim could give otherwise. (A month's day is a date: "Oct. 20".)"""
    return {t.text for t in nlp.parse(sentence) if is_label(t)}


def _occasion(question: str) -> str:
    """The words of the question that say on which occasion, with figures that tell which one ("in the
    Chiefs' 23-20 win over the Jets", "going into Week 14"): not the claim, whose figures the evidence must state
    ("six receptions for 60 yards"). A phrase of "in / during / at / into / before / after" whose singular noun a figure qualifies (a
    plural one it counts, which is a claim: "52 goals in 35 games"), or a name's number after it ("in Week
    13")."""
    doc = nlp.parse(question)
    out = []
    for p in doc:
        if p.dep_ != "prep" or p.lower_ not in ("in", "during", "at", "into", "before", "after"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if o.tag_ == "NN" and any(c.like_num for c in o.subtree if c.i < o.i):
                out.append(doc[p.i : o.i + 1].text)
            elif o.tag_ == "NNP" and (num := next((c for c in o.children if c.dep_ == "nummod" and c.i == o.i + 1), None)) is not None \
                    and not is_year(num.text):  # (not a month's year, "in February 2020", which the evidence must give)
                out.append(doc[p.i : num.i + 1].text)
            # (and the occasion such a phrase is a part of, by "of": "in the second half of the Cowboys' 42-10 loss")
            if (whole := next((t for t in o.subtree if t.tag_ == "NN" and t.head.dep_ == "prep" and t.head.lower_ == "of"
                               and any(c.like_num for c in t.subtree if c.i < t.i)), None)) is not None:
                out.append(doc[p.i : whole.i + 1].text)
    # (and a clause "when" opens before the claim: "When Denmark was added to the list in September 2020, was
    # it recording 65.2 cases ...?" takes the occasion as given and claims what its main clause says)
    out += [doc[c.left_edge.i : c.right_edge.i + 1].text for c in doc if c.dep_ == "advcl" and c.head.dep_ == "ROOT" and c.i < c.head.i
            and any(w.dep_ == "advmod" and w.lower_ == "when" and w.i == c.left_edge.i for w in c.children)]
    return " ".join(out)


def _figures_denied(sentence: str, asked: set[str]) -> bool:
    """Does the sentence negate the claim's figures themselves ("$2 million, not $2.75 million")?"""
    if not re.search(r"\bnot\b|n['’]t|\bnever\b", sentence):
        return False
    for t in nlp.parse(sentence):
        if t.dep_ != "neg":
            continue
        # (the figure right after it, up to a conjunction or a comma: not "$2.75 million" of "not
        # $2 million but $2.75 million")
        words = []
        for w in (w for w in t.head.subtree if w.i > t.i):
            if words and any(ch.isdigit() for ch in " ".join(words)) and (w.dep_ == "cc" or w.is_punct):
                break
            words.append(w.text)
        if asked <= numbers_in(" ".join(words)):
            return True
    return False


def _other_count(question: str, sentence: str) -> bool:
    """Does the sentence count things the claim counts with another whole number, and never with the
    claim's ("shares three children – Wyatt, four, Elliotte, two, ..." against "Does he have two children?": the
    ages are no count of the children)?"""
    def counts(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for t in nlp.parse(text):
            # (a whole number of things in the plural: not a rate, "1.8 bumps per minute", nor a measure, "a 43-yard pass")
            if t.dep_ == "nummod" and t.head.tag_ == "NNS" and t.head.i > t.i and (n := numbers_in(t.text, words=True)) \
                    and all(x.isdigit() for x in n):
                out.setdefault(t.head.lemma_.lower(), set()).update(n)
        return out
    asked = counts(question)
    told = counts(sentence) if asked else {}
    return any(noun in told and not n & told[noun] for noun, n in asked.items())


def _figures_of_another(q: Question, sentence: str, asked: set[str]) -> bool:
    """Does the sentence give the claim's figures to another subject and other figures to the claim's
    own ("By 2028, the Preservation Trust aims to convert 110,000 apartments, while PACT aims to convert
    62,000" against "Does PACT aim to convert 110,000 apartments?")? By the subject of each figure's
    clause, the nearest verb above it that has one."""
    claim = {w.lower_ for t in nlp.parse(declarative(q.text)) if t.dep_ in ("nsubj", "nsubjpass") for w in t.subtree if w.pos_ == "PROPN"}
    if not claim:
        return False
    own: set[str] = set()
    other: set[str] = set()
    for t in nlp.parse(sentence):
        if not t.like_num:
            continue
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        named = {w.lower_ for w in subj.subtree if w.pos_ == "PROPN"} if subj is not None else set()
        # (a subject with a name word the claim's lacks is another's: "the M2 Pro model" against "the
        # base M2 Mac Mini")
        if named and named <= claim:
            own |= numbers_in(t.text)
        elif named:
            other |= numbers_in(t.text)
    return bool(own) and not asked & own and asked <= other


def _figures_of_another_year(q: Question, sentence: str, asked: set[str]) -> bool:
    """Does the sentence give the claim's figure for another year, and another figure of the same things
    undated ("HongShan completed just 47 deals, compared to 99 deals in the same period of 2022" against
    "Did HongShan close 99 deals in the first three quarters of 2023?")? By the phrase of the noun each
    figure counts."""
    years = {n for n in numbers_in(q.text) if is_year(n)}
    figs = {n for n in asked if not is_year(n)}
    if not years or not figs:
        return False
    dated: set[str] = set()
    others: set[str] = set()
    for t in nlp.parse(sentence):
        if t.dep_ != "nummod" or not t.like_num or t.head.pos_ != "NOUN":
            continue
        said = {w.text for w in t.head.subtree if w.ent_type_ in nlp.DATE and is_year(w.text)}
        if numbers_in(t.text) & figs:
            if said and not said & years:
                dated.add(t.head.lemma_.lower())
        elif not said - years:
            others.add(t.head.lemma_.lower())
    return bool(dated & others)


def _result_reversed(q: Question, sentence: str) -> bool:
    """Does a result line ("Kansas City Chiefs 19-27 Green Bay Packers": each side's count next to its
    name) give the claim's winner fewer than the one it beat ("Did the Chiefs beat the Packers?")? A
    claim of beating is one of WordNet's ways of defeating, or "defeat" itself."""
    doc = nlp.parse(declarative(q.text))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not lexicon.a_way_of_defeating(root.lemma_.lower()):
        return False
    winner = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    loser = next((c for c in root.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if winner is None or loser is None:
        return False
    m = re.search(rf"\b{re.escape(winner.text)}\s+(\d{{1,3}})\s?[-–]\s?(\d{{1,3}})\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}{re.escape(loser.text)}\b", sentence)
    return m is not None and int(m.group(1)) < int(m.group(2))


def _dated_otherwise(q: Question, sentence: str, years: set[str]) -> bool:
    """Does the sentence date the claim's act, done to one of the claim's names, in other years than
    the claim's ("unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020" against "Did OpenAI
    unveil GPT-1 in 2020?")? The act's own words are its verb's, without a verb joined to it."""
    claim = nlp.parse(declarative(q.text))
    months = _months(q.text)
    acts = {t.lemma_.lower() for t in claim if t.pos_ == "VERB" or (t.pos_ == "NOUN" and lexicon.is_verb(t.lemma_.lower()))}
    acts -= lexicon.GENERAL_VERBS
    names = {n.lower() for n in q.names} | {t.lower_ for t in claim if t.pos_ == "PROPN"}
    if not acts or not names:
        return False
    for t in nlp.parse(sentence):
        if t.pos_ != "VERB" or t.lemma_.lower() not in acts:
            continue
        # (what it was done to, not who did it: "OpenAI unveiled GPT-4 in 2023" dates another model)
        joined = {w.i for c in t.children if c.dep_ in ("conj", "cc", "nsubj", "nsubjpass") for w in c.subtree}
        own = [w for w in t.subtree if w.i not in joined]
        written = " ".join(w.text for w in own)
        text = written.lower()
        said = {w.text for w in own if w.ent_type_ in nlp.DATE and is_year(w.text)}
        named = any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)
        if said and not said & years and named:
            return True
        # (and in another month of the claim's year: "signed by Governor Greg Abbott in September 2021"
        # against "Did Abbott sign HB 20 in May 2021?")
        if named and months and (given := _months(text)) and all(m not in months for m in given) \
                and any(y in {y for y, _ in months} for y, _ in given):
            return True
        # (or in another month, its year left to the article's date: "eventually releasing Bard ... in
        # February" against "Did Google release Bard in March 2023?")
        if named and months and (bare := set(dates.bare_months(written))) and not bare & {m for _, m in months}:
            return True
    return False


def _months(text: str) -> set[tuple[int, int]]:
    """The (year, month) of every date of the text that names both ("May 2021", "Sept. 9, 2021")."""
    return {(m.year, m.month) for m in dates.find_dates(text) if m.year and m.month}


def _tells_act(q: Question, sentence: str) -> bool:
    """Does the sentence use the claim's main verb (in any form, or a noun English makes of it)?"""
    doc = nlp.parse(declarative(q.text))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # ("Is the exterior covered by ...?": the small model puts "is" on top and hangs the passive's
    # participle on the subject's phrase; the participle is the claim's verb)
    if root is not None and root.i == 0 and root.lemma_ == "be":
        root = next((t for t in doc if t.tag_ == "VBN" and t.pos_ == "VERB" and t.dep_ == "acl"), root)
    # (after "Did X", the root is the verb, however the small model tags it: "X die of cancer")
    do_support = q.text.split(" ", 1)[0].lower() in ("did", "does", "do")
    return root is not None and (root.pos_ == "VERB" or (do_support and lexicon.is_verb(root.lemma_.lower()))) \
        and root.lemma_ not in lexicon.GENERAL_VERBS and (has_verb(sentence, root.lemma_.lower()) or bool(
            set(terms(" ".join(lexicon.derived_nouns(root.lemma_.lower())))) & set(terms(sentence))))  # ("since its launch in 2017")


# English's ordinal words below the first: "the second-largest" is not "the largest".
_BELOW_FIRST = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"


def outranked(question: str, sentence: str) -> bool:
    """"Is UNRWA the largest employer in Gaza?" against "UNRWA is the second-largest employer in
    Gaza": the sentence gives the claim's superlative only with a lower rank before it."""
    low = sentence.lower()
    for w in {t.lower_ for t in nlp.parse(question) if t.tag_ == "JJS"}:
        said = len(re.findall(rf"(?<![a-z]){re.escape(w)}\b", low))
        ranked = len(re.findall(rf"\b{_BELOW_FIRST}[-\s]+{re.escape(w)}\b", low))
        if ranked and ranked >= said:
            return True
    return False


# Modal auxiliaries: "can / could / may / might do" says a thing is possible, not that it happened.
_MODAL = {"can", "could", "may", "might"}


# Verbs that say a report is false: the reporting verbs of denial in English.
_DENIAL = {"deny", "dismiss", "reject", "refute"}


def contradicts_report(question: str, sentence: str) -> bool:
    """"Did X say P?" against "X denied P": the question's claim is a report, and the sentence
    denies (dismisses, rejects, refutes) what it would report."""
    if not re.search(r"\b(?:den[iy]|dismiss|reject|refut)", sentence, re.I):
        return False  # (no parse for the many sentences that deny nothing)
    denials = [t for t in nlp.parse(sentence) if t.lemma_ in _DENIAL and t.pos_ == "VERB"]
    if not denials:
        return False  # (the question's own parse only when there is a denial to weigh)
    doc = nlp.parse(declarative(question))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in SPEECH or root.lemma_ in _DENIAL:
        return False
    # What would be reported: the verb of the reported clause ("is considering"), which the denial
    # must take in ("denied reports Seoul is considering ..."); "dismissed the idea" does not deny
    # "is avoiding the role".
    claim = {c.lemma_.lower() for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")}
    return bool(claim) and any(claim & {s.lemma_.lower() for s in t.subtree if s.i != t.i} for t in denials)


def _hypothetical(sentence: str, question: str) -> bool:
    """Is the question's verb in the sentence only possible or conditional ("X can terminate it
    anytime if ...") when the question asks whether it happened?"""
    q = nlp.parse(question)
    if any(t.dep_ == "aux" and t.lower_ in _MODAL for t in q):
        return False  # "Can X terminate it?" asks what is possible
    asked = {t.lemma_ for t in q if t.pos_ == "VERB"}
    for t in nlp.parse(sentence):
        if t.lemma_ in asked and t.pos_ == "VERB":
            modal = any(c.dep_ == "aux" and c.lower_ in _MODAL for c in t.children)
            conditional = any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in t.children)
            # ("depending on whether Messi will play": an embedded question says neither way)
            asked_whether = any(c.dep_ == "mark" and c.lower_ == "whether" for c in t.children)
            return modal or conditional or asked_whether or in_condition(t)
    return False


def _days(text: str) -> list[str]:
    """The calendar days a text names ("October 22, 2023"): in a question they say when an article
    came out, not a number the evidence must repeat."""
    return [e.text for e in nlp.parse(text).ents if e.label_ == "DATE" and _day_span(e.text)]


def _dated(text: str) -> list[str]:
    """The dates and times a text names ("September 28", "18:00:38")."""
    return [e.text for e in nlp.parse(text).ents if e.label_ in nlp.DATE]


def _day_span(text: str) -> bool:
    p = period_of(text)
    return p is not None and p[0] == p[1]


def asks_report(question: str) -> bool:
    """Is what the question asks whether something was reported ("..., did X report Y?"), not
    how two reports compare ("..., was there agreement between them?")."""
    doc = nlp.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # (The small model may make "did" the root and the verb after "did X" a noun under it.)
    return root is not None and any(t.lemma_ in SPEECH for t in [root, *root.children] if t.dep_ != "advcl")


def order_verdict(q: Question, first: date | None, second: date | None) -> str | None:
    """For "did A report X before / after B?": the articles' publication dates decide."""
    if not q.order or first is None or second is None or first == second:
        return None
    return "Yes" if (first < second) == (q.order == "before") else "No"
