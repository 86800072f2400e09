"""The direct answer taken from a sentence: the name, place, date or number a question asks for, who
someone is, what someone said, and yes / no verdicts. Every span is cut from the passage text; the
kind of fact comes from the entities found at ingest, the rest from the parse of one sentence."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qa import nlp
from qa.keyword import terms
from qa.question import accounts_of, period_of
from qa.types import Question

KIND_LABELS = {
    "person": nlp.PERSON,
    "organization": nlp.ORGANIZATION,
    "place": nlp.PLACE,
    "date": nlp.DATE,
    "number": nlp.NUMBER,
}
FACT_KINDS = frozenset(KIND_LABELS) | {"describe", "outlet", "author"}
_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
# Words that reverse a statement: "not", "never", and the verbs that say a report is false.
_NEGATION = {"not", "no", "never", "n't", "deny", "denied", "denies", "dismiss", "dismissed", "dismisses", "reject", "rejected", "false", "untrue"}


# Units of time: a count of them ("six hours", "three days") is tagged as a time or date.
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def labels_for(q: Question) -> frozenset[str]:
    """Entity labels of the fact the question asks for ("how long" may be a duration or a number)."""
    if q.kind == "number" and q.text.lower().startswith("how long"):
        return nlp.NUMBER | nlp.DATE
    if q.kind == "number" and q.text.lower().startswith("how much"):
        return frozenset({"MONEY", "PERCENT", "QUANTITY"})  # an amount, not a count
    if q.kind == "number" and q.focus.split()[-1:] and q.focus.split()[-1] in _TIME_UNITS:
        return nlp.NUMBER | nlp.DATE  # "how many hours": "six hours" is a time
    return KIND_LABELS.get(q.kind, frozenset())


@lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    # Cached: the question's words are compared with every candidate sentence (~0.15 ms a call).
    return frozenset(terms(text))


def candidates(q: Question, sentence: str, ents: list[nlp.Entity]) -> list[str]:
    """Entities of the asked-for kind in the sentence that the question does not already state."""
    wanted = labels_for(q)
    if not wanted:
        return []
    asked = _words(q.text) | _words(" ".join(q.excluded))
    out = []
    for a, b, label in ents:
        span = sentence[a:b]
        if label in wanted and not (_words(span) and _words(span) <= asked):
            out.append(span)
    return out


def number_about(q: Question, sentence: str, ents: list[nlp.Entity]) -> str | None:
    """For "how many <things>": the number that counts those things in the sentence, with its noun
    ("more than 470 South Korean troops"); None when no number there counts them."""
    focus = q.focus.split()[-1] if q.focus else ""
    spans = [(a, b) for a, b, label in ents if label in labels_for(q)]
    if not spans:
        return None
    if not focus:
        a, b = spans[0]
        return sentence[a:b]
    doc = nlp.parse(sentence)
    for a, b in spans:
        toks = [t for t in doc if a <= t.idx < b]
        if not toks:
            continue
        if any(t.lemma_.lower() == focus for t in toks) and any(t.like_num for t in toks):
            return sentence[a:b]  # "six hours": the count and its noun in one span
        head = toks[-1].head
        if head.lemma_.lower() == focus or any(t.lemma_.lower() == focus for t in doc[toks[-1].i + 1 : toks[-1].i + 5]):
            end = head.idx + len(head.text) if head.i > toks[-1].i else b
            return sentence[a:end]
    return None


def by_verb(verb: str, sentence: str, spans: list[str]) -> list[str]:
    """The spans with those the question's verb governs first: "When was it announced?" in "With
    curbs imposed in July, Seoul announced it would pull out on Aug. 23" -> "Aug. 23" first."""
    lemma = next((t.lemma_.lower() for t in nlp.parse(verb)), "") if verb else ""
    if not lemma:
        return spans
    doc = nlp.parse(sentence)

    def governed(span: str) -> bool:
        at = sentence.find(span)
        tok = next((t for t in doc if t.idx == at), None)
        while tok is not None and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                # the verb itself, or what it announced ("announced [it would pull out on Aug. 23]")
                while tok.lemma_.lower() != lemma and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i:
                    tok = tok.head
                return tok.lemma_.lower() == lemma
        return False

    return sorted(spans, key=lambda sp: not governed(sp))


def describe(subject: str, sentence: str) -> str | None:
    """Who or what `subject` is, as the sentence says it: the apposition ("the US Embassy spokesperson
    in South Korea, William M. Coleman") or the title in front of the name ("US Secretary of State
    Mike Pompeo")."""
    if subject.lower() not in sentence.lower():
        last = subject.split()[-1]
        if last.lower() not in sentence.lower():
            return None
        subject = last
    doc = nlp.parse(sentence)
    start = sentence.lower().find(subject.lower())
    toks = [t for t in doc if start <= t.idx < start + len(subject)]
    if not toks:
        return None
    head = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i), toks[-1])

    def title(words) -> str | None:
        # A description names a role: it holds a common noun, and it is a phrase, not a clause.
        # (Nor does it name another person: "GSOMIA, the US Embassy spokesperson, William M. Coleman".)
        words = [t for t in words if t.dep_ != "punct"]
        if 2 <= len(words) <= 12 and not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" for t in words) and any(
                t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("GPE", "LOC", "PERSON", "NORP") for t in words):
            return sentence[words[0].idx : words[-1].idx + len(words[-1].text)].strip(" ,'’")  # cut from the text, as written
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
    # "<title>, <name>": the phrase between the previous comma and the name.
    before = [t for t in doc[: toks[0].i]]
    if before and before[-1].text == ",":
        cut = max((t.i for t in before[:-1] if t.text in (",", ";", "(")), default=-1)
        if (found := title(doc[cut + 1 : toks[0].i - 1])) is not None:
            return found
    # "<name>, <title>,": the title is in apposition to the name.
    for child in head.children:
        if child.dep_ == "appos" and (found := title(list(child.subtree))) is not None:
            return found
    # "<title> <name>": the words in front of the name that modify it.
    return title([t for t in head.subtree if t.i < toks[0].i])


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
        if verb.lemma_ in _SPEECH and verb.pos_ == "VERB":
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


def speaks(subject: str, sentence: str, context: str = "") -> bool:
    """Does the sentence give the words or claims of `subject`: is the subject of a reporting verb
    named by it (or a pronoun for it, when `context`, the passage, names it)? Names match on any of
    their words ("the US" ~ "US Secretary of State Mike Pompeo")."""
    names = name_words(subject)
    if not names:
        return False
    return _is_subject(names, sentence, context, _SPEECH)


def acts(doer: str, sentence: str, context: str = "") -> bool:
    """Does the sentence tell of something `doer` did: is it (or a pronoun for it, when `context`
    names it) the subject of a verb, or its agent ("was rejected by the WTO")? Names match on
    any of their words."""
    names = name_words(doer)
    return bool(names) and _is_subject(names, sentence, context)


def _is_subject(names: set[str], sentence: str, context: str, verbs: set[str] | None = None) -> bool:
    """Is a name (one of `names`' words) the subject or agent of a verb (of `verbs`, when given)?"""
    words = {w.lower() for w in re.findall(r"[\w-]+", sentence)}
    # A pronoun stands for a name of the passage, but not for one its own sentence gives elsewhere:
    # in "she may meet David Stilwell", "she" is someone else.
    in_context = bool(names & {w.lower() for w in re.findall(r"[\w-]+", context)}) and not names & words
    if not (names & words or (words & _PRONOUNS and in_context)):
        return False  # neither named nor referred to: no need to parse
    for verb in nlp.parse(sentence):
        if verbs is not None:
            if verb.lemma_ not in verbs or verb.pos_ not in ("VERB", "NOUN"):
                continue
            doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            # the subject of an active verb, or the agent of a passive one ("rejected by X")
            doers = [c for c in verb.children if c.dep_ == "nsubj"] + [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        for subj in doers:
            if {t.lower_ for t in subj.subtree} & names or (subj.pos_ == "PRON" and in_context):
                return True
    return False


def topic_words(question: str, subject: str) -> str:
    """What a "what did X say about Y" question is about: its content words outside the speaker and
    the verb of saying."""
    skip = {t.lower_ for t in nlp.parse(subject)}
    return " ".join(t.text for t in nlp.parse(question)
                    if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.lower_ not in skip and t.lemma_ not in _SPEECH)


def main_verb(question: str) -> str:
    """The verb of the question's main clause ("urge" in "What did he urge South Korea to do?")."""
    root = next((t for t in nlp.parse(question) if t.dep_ == "ROOT"), None)
    return root.text if root is not None and root.lemma_ not in ("be", "do", "have") else ""


_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def name_words(phrase: str) -> set[str]:
    """The words that identify whom a phrase names: its proper and common nouns ("US officials" ->
    us, officials), lower-cased; never function words."""
    return {t.lower_ for t in nlp.parse(phrase) if t.pos_ in ("PROPN", "NOUN") and t.is_alpha and len(t) > 1}


def head_word(phrase: str) -> str:
    """The word a phrase is about ("South Korea's Foreign Ministry" -> ministry, "US officials" ->
    officials), lower-cased: the other words only qualify it."""
    root = next((t for t in nlp.parse(phrase) if t.dep_ == "ROOT"), None)
    return root.lower_ if root is not None else ""


def bare_name(span: str) -> str:
    """A name as a name, without the article or the possessive an entity span may carry ("the
    Federal Reserve's" -> "Federal Reserve")."""
    span = re.sub(r"(?:'s|’s|'|’)$", "", span.strip())
    words = span.split()
    while len(words) > 1 and words[0].lower() in STOP_WORDS:  # "In Lisbon" at a sentence's start
        words = words[1:]
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
    return max(set(longer), key=lambda e: (longer.count(e), len(e))) if longer else name


_SPEECH = {"say", "tell", "urge", "announce", "state", "claim", "write", "note", "suggest", "warn", "call", "argue",
           "deny", "add", "assert", "aver", "comment", "explain", "express", "report", "insist", "demand", "ask", "slam",
           "mention"}


def numbers_in(text: str) -> set[str]:
    return {re.sub(r"[,\s]", "", m) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def negated(text: str) -> bool:
    return bool({t.lower() for t in re.findall(r"[\w']+", text.replace("n't", " n't"))} & _NEGATION)


def declarative(question: str) -> str:
    """A do-support question as the statement it asks about ("Did X praise Y?" -> "X praise Y."):
    the small parser reads the verb after "Did X" as a noun far more often in the question."""
    words = question.strip().rstrip("?").split(" ", 1)
    if len(words) == 2 and words[0].lower() in ("did", "does", "do"):
        return words[1] + "."
    return question


def denies(q: Question, sentence: str) -> bool:
    """Does the sentence negate what the question claims: a negation ("not", "never", "denied",
    "untrue") whose scope holds one of the claim's words? ("Kang also said Seoul's position has not
    changed" does not deny that she left for Nagoya.)"""
    claim = {t.lemma_.lower() for t in nlp.parse(declarative(q.text)) if t.pos_ in ("VERB", "NOUN", "ADJ") and not t.ent_type_ and not t.is_stop}
    for t in nlp.parse(sentence):
        if t.lower_ in _NEGATION or t.lemma_.lower() in _NEGATION:
            scope = t.subtree if t.pos_ == "VERB" else t.head.subtree  # "denied [that ...]" / "did [not] confirm"
            if any(s.i != t.i and s.lemma_.lower() in claim for s in scope):
                return True
    return False


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
    # "Did X agree / decide / plan to resume talks?": what X did is the verb it governs ("resume");
    # "agree to" need not be in the evidence ("X announced it will resume talks").
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in root.children):
        claim = claim[1:]
    return [t.text for t in claim if verb_like(t) and not t.ent_type_ and t.lemma_ not in _SPEECH
            and (w := terms(t.text)) and not set(w) & have]


def verdict(q: Question, support: list[tuple[str, float, float]]) -> str | None:
    """Yes / No for a yes/no question from its best evidence: (sentence, similarity, share of the
    question's content words it holds). No when the evidence states another number or year for the
    same thing, negates what the question asserts, or says something else happened; Yes when it
    supports the claim; None when the evidence is too weak to say."""
    if not support:
        return None
    sentence, sim, cover = support[0]
    # A claim of one clause about one thing: what it says happened must be what the evidence says.
    clauses = [t for t in nlp.parse(q.text) if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "advcl", "conj", "relcl", "acl", "xcomp")]
    simple = len(q.outlets) <= 1 and len(clauses) <= 2 and not re.search(r",\s*(?:while|whereas|and|but)\b", q.text)
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
    if simple and unsaid(q, evidence) and sim >= 0.4:
        return "No"
    asked = numbers_in(q.text) - numbers_in(" ".join(_days(q.text)))
    if asked and not asked <= numbers_in(evidence) and numbers_in(sentence):
        return "No"
    if simple and denies(q, sentence) != (q.negated or negated(q.text)) and sim >= 0.45:
        return "No"
    if simple and _hypothetical(sentence, q.text):
        return None  # "X can terminate it if ..." does not say X did
    return "Yes" if sim >= 0.4 or cover >= 0.5 or not simple else None


# Modal auxiliaries: "can / could / may / might do" says a thing is possible, not that it happened.
_MODAL = {"can", "could", "may", "might"}


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
            return modal or conditional
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
    return root is not None and any(t.lemma_ in _SPEECH for t in [root, *root.children] if t.dep_ != "advcl")


def order_verdict(q: Question, first: date | None, second: date | None) -> str | None:
    """For "did A report X before / after B?": the articles' publication dates decide."""
    if not q.order or first is None or second is None or first == second:
        return None
    return "Yes" if (first < second) == (q.order == "before") else "No"


def specifier(noun: str, sentence: str, question: str) -> str | None:
    """For "which <noun>" when the noun names no kind of entity ("Which exports did Japan
    restrict?"): what the sentence says specifies that noun: "exports of <semiconductor
    materials>", "<semiconductor> exports", "exports such as <photoresist>", an apposition. A
    specifier the question already states ("exports to South Korea") says nothing new."""
    asked = _words(question)
    for t in nlp.parse(sentence):
        if t.lemma_.lower() != noun or t.pos_ not in ("NOUN", "PROPN"):
            continue
        found = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "including", "like"):
                found += [x for x in c.children if x.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "as" and t.doc[c.i - 1].lower_ == "such":
                found += [x for x in c.children if x.dep_ == "pobj"]
            elif c.dep_ in ("compound", "appos") and c.i != t.i:
                found.append(c)
        for head in found:
            # The noun phrase without the clauses that comment on it (", which is ...").
            cut = [x for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > head.i for x in c.subtree]
            end = min([x.i for x in cut] + [max(x.i for x in head.subtree) + 1])
            text = t.doc[head.left_edge.i:end].text.strip(" ,;:")
            if _words(text) - asked:
                return text
    return None


# Prepositions that introduce the means of an act ("through dialogue", "by changing ..."): a closed
# class of English, not words of any corpus.
_MEANS = {"by", "through", "via"}


def means(sentence: str, question: str) -> str | None:
    """For "how did / does X do Y": the phrase of the sentence that gives the means ("through
    dialogue between the trade authorities and through diplomatic channels"); None when it has
    none, or only one that repeats the question."""
    asked = _words(question)
    best = None
    for t in nlp.parse(sentence):
        if t.dep_ != "prep" or t.lower_ not in _MEANS or not any(c.dep_ in ("pobj", "pcomp") for c in t.children):
            continue
        span = t.doc[t.i: max(x.i for x in t.subtree) + 1]
        if len(_words(span.text) - asked) >= 2 and (best is None or len(span) > len(best)):
            best = span
    return best.text.strip(" ,;:") if best is not None else None


# Verbs of going somewhere: "Where was she travelling?" asks for a destination. Other "where"
# questions ("Where did she speak?") ask where something happened, which a place reached with
# "to" does not say. English motion verbs, not words of any corpus.
_MOTION = {"go", "travel", "head", "fly", "move", "depart", "leave", "come", "return", "arrive", "send", "deploy",
           "sail", "drive", "flee", "relocate", "migrate", "bring", "take", "ship", "export", "transfer", "emigrate", "bound"}
_TOWARD = {"to", "toward", "towards", "into"}


def asks_destination(question: str) -> bool:
    return any(t.lemma_.lower() in _MOTION for t in nlp.parse(question) if t.pos_ in ("VERB", "ADJ", "NOUN"))


def place_role(sentence: str, span: str) -> str:
    """How the sentence uses the place `span`: "toward" when it is reached ("departing to
    <Nagoya>"), "actor" when it stands for its government ("<Seoul>'s position", "<Seoul> said"),
    else "at" (where something happens: "said at <Incheon Airport>")."""
    doc = nlp.parse(sentence)
    at = sentence.find(span)
    toks = [t for t in doc if at <= t.idx < at + len(span)] if at >= 0 else []
    if not toks:
        return "at"
    head = next((t for t in toks if t.head not in toks or t.head == t), toks[0])
    while head.dep_ == "conj":  # "to Nagoya, Japan"
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in _TOWARD:
        return "toward"
    return "actor" if head.dep_ in ("poss", "nsubj", "nsubjpass") else "at"
