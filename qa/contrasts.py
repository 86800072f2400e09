"""Evidence that tells of a claim's thing with one of its details replaced: "a knee injury" asked, "an
ankle injury" told; "a high ankle sprain" asked, "a low ankle sprain" told; "beat X 3-2" asked, "beat X
5-3" told; another place, day or reason ("travelling to Tokyo" against "departing to Nagoya"), another
owner ("a Japanese court" against "a South Korean court"), another doer or maker, another country. Such a
sentence says No to the claim (or, for a country, leaves it open) as plainly as one that negates it, when
it never gives the claim's own detail. `verdict` weighs them with the rest of the evidence."""

from __future__ import annotations

import re

from qa import lexicon, nlp
from qa.asking import declarative
from qa.circumstances import CAUSE_PREPS, hyphen_agent
from qa.figures import SCORE_PAIR
from qa.keyword import terms
from qa.speakers import SPEECH, owner, proper_name, same_owner


def other_modifier(question: str, sentences: list[str]) -> bool:
    """Does one of the sentences that names one of the claim's things (a proper noun of it) give a noun of the claim with
    another modifier in the modifier's place: a common noun of a kind WordNet puts beside the claim's
    ("ankle" for "knee": joints), or an adjective WordNet makes its opposite ("low" for
    "high")? Not a sentence that gives the claim's own modifier too."""
    asked = []
    doc = nlp.parse(question)
    # (its proper nouns however the recognizer cuts its names: "Did Rams" for "Did Rams receiver Cooper Kupp ...")
    names = set(terms(" ".join(t.text for t in doc if t.pos_ == "PROPN" and t.i > 0)))
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        # (a common word before the noun: names, numbers and ordinals are other checks' matter)
        asked += [(t.lemma_.lower(), m.lemma_.lower(), m.pos_, set(terms(m.text))) for m in t.children
                  if m.dep_ in ("compound", "amod") and m.i < t.i and m.pos_ in ("NOUN", "ADJ") and m.is_lower and m.is_alpha]
    if not asked:
        return False
    for s in sentences:
        words = set(terms(s))
        if not names & words:
            continue
        for u in nlp.parse(s):
            for noun, mod, pos, own in asked:
                if u.lemma_.lower() != noun or own & words:
                    continue  # (nor one that gives the claim's own too: "a knee and an ankle injury")
                for c in u.children:
                    if c.dep_ not in ("compound", "amod") or c.i > u.i or not c.is_lower or c.lemma_.lower() == mod:
                        continue
                    if pos == "NOUN" and c.pos_ == "NOUN" and lexicon.co_kinds(mod, c.lemma_):
                        return True
                    if pos == "ADJ" and c.pos_ == "ADJ" and c.lemma_.lower() in lexicon.antonyms(mod, "ADJ"):
                        return True
    return False


def other_score(question: str, sentence: str) -> bool:
    """Does the sentence give the claim's act another score, and never the claim's ("who beat Shakhtar
    Donetsk 5-3" against "Did Porto beat Shakhtar Donetsk 3-2?")? A score is the act's when the parse hangs
    it from a verb of the claim's lemma; either order of its numbers is the same score ("lost 2-3")."""
    asked = [(m, _verb_of(question, m.start())) for m in SCORE_PAIR.finditer(question)]
    asked = [(frozenset(re.findall(r"\d+", m.group())), v) for m, v in asked if v]
    if not asked:
        return False
    told = {frozenset(re.findall(r"\d+", m.group())): _verb_of(sentence, m.start()) for m in SCORE_PAIR.finditer(sentence)}
    return any(score not in told and verb in told.values() for score, verb in asked)


def _verb_of(text: str, at: int) -> str:
    """The lemma of the verb the number at character `at` hangs from, "" for none."""
    tok = next((t for t in nlp.parse(text) if t.idx == at), None)
    return tok.head.lemma_.lower() if tok is not None and tok.head.pos_ == "VERB" else ""


def other_circumstance(question: str, sentence: str) -> bool:
    """"Was she travelling to Tokyo?" against "departing to Nagoya" (and "on Sunday" against "on
    Saturday", "because of a typhoon" against "owing to coronavirus concerns"): the sentence puts
    another place, day or reason where the claim puts its own, and never names the claim's."""
    told = _slots(sentence)
    asked = _slots(question) if told else []
    low = sentence.lower()
    # (a part of the claim's own is no other: "on July 10" for "on July 10, 2023", the year left to the date line;
    # nor is another place the claim gives itself: "in California" for "in the U.S. exclusively in California")
    own = {(r, f.lower()) for r, f in asked}
    if any(filler.lower() not in low and any(r == role and f.lower() not in filler.lower() and (r, f.lower()) not in own for r, f in told)
           for role, filler in asked):
        return True
    # (a sentence that names the claim's place elsewhere still puts another at the claim's act: "founded the lab at
    # Carnegie Mellon University in 1980, before moving operations to MIT" for "founded at MIT?")
    pairs = [(filler, f) for verb, prep, filler in _acts_at(question) for v, p, f in _acts_at(sentence) if (v, p) == (verb, prep)]
    return any(not _share_a_word(f, filler) for filler, f in pairs) and not any(_share_a_word(f, filler) for filler, f in pairs)


def _acts_at(text: str) -> list[tuple[str, str, str]]:
    """The named places and institutions a text puts an act at, by the act's verb: ("found", "at", "MIT");
    each of a list of them ("operates in Pittsburgh, Pennsylvania and Cleveland, Ohio")."""
    acts = []
    for e in nlp.parse(text).ents:
        root = e.root
        while root.dep_ == "conj":
            root = root.head
        if root.dep_ == "pobj" and e.label_ in nlp.PLACE | nlp.ORGANIZATION and root.head.lower_ in _PLACE_PREPS \
                and root.head.head.pos_ == "VERB":
            acts.append((root.head.head.lemma_.lower(), root.head.lower_, e.text))
    return acts


def _share_a_word(a: str, b: str) -> bool:
    """Do two names share a word (the recognizer may give one with a word more or less)?"""
    return bool(set(terms(a)) & set(terms(b)))


def other_owner(question: str, sentence: str) -> bool:
    """"Was the ruling issued by a Japanese court?" against "a South Korean court ruling": a thing the
    claim gives a country or people ("Japanese court") is given another one by the sentence."""
    for t in nlp.parse(question):
        if t.pos_ != "NOUN" or not (asked := owner(t.lemma_.lower(), question)):
            continue
        if any(a.dep_ == "nsubj" and a.head.lemma_ in SPEECH for a in (t, *t.ancestors)):
            continue  # (the source that says it: "Does Sporting News' NBA prop bets guide say ...?")
        told = owner(t.lemma_.lower(), sentence)
        # (nor is another name the claim itself sets before the noun: "TikTok users" for "US TikTok users")
        # (a capitalised word, however the small tagger takes it: "Reddit" may be an adjective to it)
        named = {w.lower_ for w in t.subtree if 0 < w.i < t.i and w.text[:1].isupper()}
        if told and not same_owner(asked, told) and not {w.lower() for w in told} <= named:
            return True
    return False


def other_agent(question: str, sentence: str) -> bool:
    """"Did Japan lead the exercises?" against "the U.S. and Thai-led exercises": the sentence says
    who did the claim's act, by an English hyphenated participle, and the claim's doer is not among
    them ("Is Thailand leading them?" is: Thai is Thailand's adjective)."""
    if "-" not in sentence:
        return False  # (no parse for the many sentences without a hyphenated word)
    doc = nlp.parse(declarative(question))
    for t in doc:
        if t.pos_ != "VERB" or t.lemma_ in SPEECH:
            continue
        # (the subject, or in the passive the object of "by": "led by Japan")
        doers = [c for c in (*t.children, *t.head.children) if c.dep_ == "nsubj" and c.ent_type_ and c.pos_ == "PROPN"]
        doers += [o for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj" and o.ent_type_ and o.pos_ == "PROPN"]
        if not doers or not (agent := hyphen_agent(t.lemma_.lower(), sentence)):
            continue
        told = {w.lower().strip(".") for w in re.findall(r"[\w.]+", agent)}
        asked = {w.lower().strip(".") for c in doers for w in doc[c.left_edge.i : c.i + 1].text.split()}
        if not same_owner(asked, told):
            return True
    return False


def other_maker(question: str, sentence: str) -> bool:
    """"Is donanemab produced by Eisai?" against "donanemab, produced by Eli Lilly": the sentence
    gives the claim's passive act, done to the same thing, to a named doer that is not the claim's."""
    doc = nlp.parse(question)
    for t in doc:
        if t.pos_ != "VERB" or t.lemma_ in SPEECH:
            continue
        by = [o for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        done = _done_to(t)
        if not by or done is None:
            continue
        asked = set(terms(" ".join(w.text for w in by[0].subtree)))
        thing = set(terms(" ".join(w.text for w in done.subtree if w.i < t.i or done.i > t.i)))
        for v in nlp.parse(sentence):
            if v.lemma_.lower() != t.lemma_.lower() or v.pos_ != "VERB":
                continue
            target = _done_to(v)
            told = [o for a in v.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if target is not None and told and set(terms(target.text)) & thing and target.pos_ in ("NOUN", "PROPN") \
                    and not set(terms(" ".join(w.text for w in told[0].subtree))) & asked:
                return True
    return False


def _done_to(verb):
    """What a passive verb is done to: its passive subject, or the noun its participle or relative
    clause describes ("donanemab, produced by ..."; by the word before it: the small model may hang
    the participle on a name further back)."""
    if verb.dep_ in ("acl", "relcl"):
        before = next((w for w in reversed(verb.doc[: verb.i]) if not w.is_punct and w.dep_ not in ("auxpass", "nsubjpass")), None)
        return before if before is not None and before.pos_ in ("NOUN", "PROPN") else verb.head
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def other_country(question: str, sentence: str) -> bool:
    """"Did Japan cut its troops?" against "Seoul is reducing the number of its troops": the sentence
    gives the claim's act (its verb or a WordNet synonym) to another country, by its name or its
    capital's (qa.lexicon.country_of), and never to the claim's."""
    for t in nlp.parse(declarative(question)):
        if t.pos_ != "VERB" or t.lemma_ in SPEECH:
            continue
        asked = {_country(c) for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"} - {None}
        if not asked:
            continue
        same = {t.lemma_.lower()} | lexicon.synonyms(t.lemma_, "VERB")
        told = {_country(d) for v in nlp.parse(sentence) if v.pos_ == "VERB" and v.lemma_.lower() in same
                for d in [*(c for c in v.children if c.dep_ == "nsubj"), *(o for a in v.children if a.dep_ == "agent" for o in a.children)]}
        if told and None not in told and not told & asked:
            return True
    return False


def _country(token) -> str | None:
    """The country a proper noun names or stands for ("South Korea", "Seoul")."""
    return lexicon.country_of(proper_name(token)) if token.pos_ == "PROPN" else None


def _slots(text: str) -> list[tuple[str, str]]:
    """Where, when and why a text says something happened: a place after a preposition of place or
    direction ("to", "Nagoya"), a day after "on" ("on", "Saturday"), a reason after "because of /
    due to / owing to" ("because", "concerns")."""
    doc = nlp.parse(text)
    out = [(e.root.head.lower_, e.text) for e in doc.ents
           if e.root.dep_ == "pobj" and ((e.label_ in nlp.PLACE and e.root.head.lower_ in _PLACE_PREPS)
                                         or (e.label_ in nlp.DATE and e.root.head.lower_ == "on")
                                         # (a party a thing passes from or to: "bought it from Altshuler Shaham")
                                         or (e.label_ in nlp.ORGANIZATION and e.root.head.lower_ in ("from", "to")
                                             and e.root.head.head.pos_ == "VERB"))]
    # ("off the coast of Norway": a place of a noun of place, by the preposition of that noun)
    out += [(f"{noun.head.lower_} {noun.lemma_.lower()} of", e.text) for e in doc.ents
            if e.label_ in nlp.PLACE and e.root.dep_ == "pobj" and e.root.head.lower_ == "of"
            and (noun := e.root.head.head).pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS]
    for t in doc:
        prep = t.head
        if t.dep_ == "pobj" and (prep.lower_ == "because" or (prep.i > 0 and (doc[prep.i - 1].lower_, prep.lower_) in CAUSE_PREPS)):
            out.append(("because", t.text))
    return out


# English prepositions of place and direction (those of cause: circumstances.CAUSE_PREPS).
_PLACE_PREPS = {"to", "in", "at", "into", "from", "toward", "towards", "off", "near", "outside", "inside", "across"}
