"""What a sentence says names or specifies a noun: the answer to "Which <noun> ...?" when the noun
names no kind of entity ("exports of <semiconductor materials>", "the video game <Arma 3>"), the
members it lists, the thing WordNet files under the noun, and a term it introduces in quotation
marks. Every span is cut from the sentence, by its parse."""

from __future__ import annotations

import re
import unicodedata

from qa import dates, lexicon, nlp, units
from qa.keyword import term_set
from qa.reader import bare_name

_QUOTED = re.compile(r"[\"“]([^\"“”]{2,40}?)[,.]?[\"”]")  # (double quotation marks: a single one is also an apostrophe)


def quoted_term(sentence: str, question: str) -> str | None:
    """The first words in quotation marks that the sentence introduces as a name by a verb of naming
    (termed "game handicap", referred to as "line movement"), of at most four words, that the
    question does not already use; None if none. (Words in quotation marks are more often what
    someone said: "better".)"""
    asked = term_set(question)
    for m in _QUOTED.finditer(sentence):
        words = m.group(1).strip()
        before = re.findall(r"[A-Za-z]+", sentence[max(0, m.start() - 40) : m.start()])[-3:]
        if len(words.split()) <= 4 and term_set(words) and not term_set(words) <= asked and any(
                lexicon.verb_base(w) in _INTRODUCES for w in before):
            return words
    return None


# Verbs that introduce a name: WordNet's verbs of naming, and "term" and "refer to as".
_INTRODUCES = lexicon.NAMING | {"term", "refer"}


def gives_a_name(sentence: str, question: str) -> bool:
    """Could the sentence answer "What is the name of ...?": does it hold a name the question does not
    (a capitalised word past its first, or a first one no common English word, "FoodCorp"), words in
    quotation marks, or a verb of naming ("known as picojets")?"""
    asked = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    doc = nlp.parse(sentence)
    for t in doc:
        if t.text[:1].isupper() and t.lower_ not in asked and (
                not t.is_sent_start or lexicon.proper_word(t.text) or any(ch.isupper() for ch in t.text[1:])):
            return True
    return bool(_QUOTED.search(sentence)) or any(t.lemma_.lower() in _INTRODUCES for t in doc if t.pos_ == "VERB")


def specifier(noun: str, sentence: str, question: str, modified: bool = False) -> str | None:
    """For "which <noun>" when the noun names no kind of entity ("Which exports did Japan
    restrict?"): what the sentence says specifies that noun: "exports of <semiconductor
    materials>", "<semiconductor> exports", "exports such as <photoresist>", an apposition. A
    specifier the question already states ("exports to South Korea") says nothing new. A noun the
    question `modified` ("refresh rate" by its "rate") is specified by what follows it, not by the
    words before it, which are its own ("a 120 Hz refresh rate"). A name the sentence opens in
    quotation marks runs to their close, whatever the parse or the recognizer cut off ("“Pink Friday
    2”", "“Play Smart, Play Safe”")."""
    found = _specifier(noun, sentence, question, modified)
    return _to_closing_quote(sentence, found) if found else found


def is_label(token) -> bool:
    """Is the number set right after a capitalised noun as its label ("Chapter 1", "Article 40")? It names
    a thing and counts nothing. (A month's day is a date: "Oct. 20".)"""
    t = token
    return t.like_num and t.text.isdigit() and t.dep_ == "nummod" and t.i > 0 and t.head.i == t.i - 1 and t.head.is_title \
        and t.head.pos_ in ("NOUN", "PROPN") and not dates.find_dates(t.doc[t.i - 1 : t.i + 1].text)


def _to_closing_quote(sentence: str, text: str) -> str:
    """The text as the sentence writes it within double quotation marks it opens right after."""
    at = sentence.find(text)
    if at <= 0 or sentence[at - 1] not in "\"“":
        return text
    m = _QUOTED.match(sentence, at - 1)
    return m.group(1).strip() if m and m.end(1) >= at + len(text) else text


def _specifier(noun: str, sentence: str, question: str, modified: bool = False) -> str | None:
    """`specifier`, as the parse and the recognizer cut it."""
    asked = term_set(question)
    doc = nlp.parse(sentence)
    for t in doc:
        # (a plural proper noun by its dictionary form too: "Blackbird Studios" for "Which studio ...?")
        if t.pos_ not in ("NOUN", "PROPN") or (t.lemma_.lower() != noun and nlp.noun_lemma(t) != noun):
            continue
        # (a title in quotation marks right before the noun's phrase names it, however the parse cuts it: the
        # "Good Inside with Dr. Becky" podcast, "American Boys," another new album of his)
        k = t.i - 1
        # (past the nouns the phrase's head takes as its own, in capitals in a heading too: "“Exercise The Demons”
        # Zombie Workout Video")
        while k >= 0 and ((doc[k].is_lower and doc[k].pos_ in ("DET", "ADJ", "PRON")) or (doc[k].dep_ == "compound" and k < doc[k].head.i <= t.i)):
            k -= 1
        k -= k >= 0 and doc[k].text == ","
        if k >= 0 and doc[k].text in ('"', "”") and (opened := max(sentence.rfind('"', 0, doc[k].idx), sentence.rfind("“", 0, doc[k].idx))) >= 0:
            title = sentence[opened + 1 : doc[k].idx].strip(" ,")
            if title[:1].isupper() and term_set(title) - asked:
                return title
        # (a name the noun ends is the one: "Grace Community Church" for "Which church ...?")
        whole = next((e for e in doc.ents if e.end - 1 == t.i and e.start < t.i), None)
        if whole is not None and term_set(whole.text) - asked:
            return whole.text
        # (or the number set after it as its label, with the capitalised words it heads: "Article 40" for
        # "Which article of the act ...?", "Republic Act 7875" for "Which act ...?")
        if t.i + 1 < len(doc) and is_label(doc[t.i + 1]):
            start = t.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].dep_ in ("compound", "amod") and start <= doc[start - 1].head.i <= t.i:
                start -= 1
            if term_set(doc[start : t.i + 2].text) - asked:
                return doc[start : t.i + 2].text
        # (or the name the noun stands in apposition to: "releasing Bard, a ... AI chatbot" for "Which
        # chatbot ...?", not the noun's modifier "AI"; or the name it stands before as a title: "filed by
        # Arkansas-based publisher Helena World Chronicle")
        appos = t.dep_ == "appos" and t.head.i < t.i
        # (a title is a common noun outside the name: not "Security" of "the National Security Council",
        # nor "Town" of "EFL League Two side Mansfield Town")
        if (appos or t.dep_ == "compound" and t.head.i > t.i) and t.is_lower and t.head.pos_ == "PROPN":
            whole = next((e for e in doc.ents if e.start <= t.head.i < e.end), None)
            named = whole if whole is not None else doc[t.head.left_edge.i if appos else t.i + 1 : t.head.i + 1]
            text = bare_name(named.text, at_start=named.start == 0)
            if term_set(text) - asked:
                return text
        # (or the name the sentence says is one, the subject of "is" whose complement the noun heads or modifies: "the
        # LG C3 is our top TV pick" for "Which TV ...?")
        complement = t if t.dep_ == "attr" else t.head if t.dep_ == "compound" and t.head.dep_ == "attr" else None
        if complement is not None and complement.head.lemma_ == "be":
            subject = next((c for c in complement.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            if subject is not None:
                # (as the recognizer gives the name, or as the parse builds it of proper nouns: "LG C3")
                whole = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
                parts = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                # (with the proper noun it heads by "of": "Circle of the Moon")
                of = next((x for c in subject.rights if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                           if x.dep_ == "pobj" and x.pos_ == "PROPN"), subject)
                start = whole.start if whole is not None else parts[0].i if parts else subject.i
                text = doc[start : max(whole.end if whole is not None else 0, of.i + 1)].text
                if (whole is None or whole.label_ not in nlp.NUMBER | nlp.DATE) and term_set(text) - asked:
                    return bare_name(text)
        # (or the name set right after the noun, which English uses as its title, however the parse hangs the two:
        # "the waiting hands of safety D'Anthony Bell", "use BetMGM bonus code SPORTSPICK"; not the subject of a
        # clause that describes the noun, "the deal Trump signed")
        if t.is_lower and t.i + 1 < len(doc) and (title := _name_after(doc, t)) and term_set(title) - asked:
            return title
        # (and one the capitalised noun heads before "of": "the University of Toronto" for "Which university
        # ...?", not its "Toronto")
        whole = next((e for e in doc.ents if e.start <= t.i < e.end - 2 and doc[t.i + 1].lower_ == "of"), None) if t.is_title else None
        if whole is not None and term_set(whole.text) - asked:
            return bare_name(whole.text)
        # (or the name set right after the noun and a comma, to the next mark, its apposition however the
        # parse hangs it: "the EU's new competition regulation, the Digital Markets Act — which ..."; not a
        # name a hyphen joins to a noun, "podcast, the Oscar-winner said")
        if t.dep_ != "compound" and t.i + 2 < len(doc) and doc[t.i + 1].text == ",":
            k = end = t.i + 2 + (doc[t.i + 2].lower_ == "the")
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
            if k < end < len(doc) and doc[end].is_punct and doc[end].text != "-" and term_set(doc[k:end].text) - asked:
                return doc[k:end].text
        # (or one the parse builds of proper nouns the recognizer missed or ran on: "“Climate Innovation
        # Fund”", "Al-Rantisi Hospital for Children"; not its first word alone)
        parts = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
        if t.pos_ == "PROPN" and parts:
            start = min(c.left_edge.i for c in parts)
            whole = next((e for e in doc.ents if e.start <= start and t.i < e.end), None)
            text = (whole.text if whole is not None else doc[start : t.i + 1].text).strip(" ,;:\"“”")
            if term_set(text) - asked:
                return text
        found, named = [], []
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in lexicon.NAMING:
            # ("the pastor's new book, his second, is called The Power of the Second Thought")
            named += [x for x in t.head.children if x.dep_ in ("oprd", "attr", "xcomp")]
        for c in t.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lexicon.NAMING:
                # "an extension called Omnibug", "a feature the company calls Dynamic Caching"
                named += [x for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.tag_ not in ("WDT", "WP")]
            elif c.dep_ == "prep" and c.lower_ in ("of", "including", "like"):
                found += [x for x in c.children if x.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "as" and t.doc[c.i - 1].lower_ == "such":
                found += [x for x in c.children if x.dep_ == "pobj"]
            elif (modified and c.i < t.i) or _initials_of(c, t):
                continue
            elif (c.dep_ in ("compound", "appos") or (c.dep_ == "nummod" and c.ent_type_ == "DATE")) and c.i != t.i:
                found.append(c)  # (a year names which one, "a 1965 agreement"; a count does not, "three items")
            elif c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < t.i and c.left_edge.is_quote:
                found.append(c)  # (a quoted name before the noun: "its “Scary Fast” event")
        # (a naming clause at the end of the noun's phrase names the noun, wherever the parse hangs it: "an
        # improved version of OpenAI’s flagship model, GPT-4, called GPT-4 Turbo")
        named += [x for c in t.subtree if c.dep_ == "acl" and c.head.i != t.i and c.lemma_.lower() in lexicon.NAMING
                  and c.head.dep_ in ("appos", "pobj") for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.tag_ not in ("WDT", "WP")]
        for head in named + found:
            # The noun phrase without the clauses that comment on it (", which is ..."); a list runs on past its
            # commas ("a material like paint, stone, or wood").
            cut = [x for c in head.children if c.i > head.i and (c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "punct" and not any(
                k.dep_ == "conj" and k.i > c.i for k in head.children))) for x in c.subtree]
            end = min([x.i for x in cut] + [max(x.i for x in head.subtree) + 1])
            text = t.doc[head.left_edge.i:end].text.strip(" ,;:\"“”")
            if head.dep_ == "compound" and head.i < t.i and (count := [c for c in t.children if c.dep_ == "nummod" and c.i < head.i and c.ent_type_ not in nlp.DATE]):
                # (a kind set between a count and the noun is said with both: "two AA batteries", not "AA")
                text = t.doc[count[0].left_edge.i : t.i + 1].text.strip(" ,;:\"“”")
            if term_set(text) - asked:
                return text
    return None


def _name_after(doc, noun) -> str:
    """The name right after a noun, as the recognizer gives it or as a run of proper nouns (or of words in
    capitals, "SPORTSPICK"), "" for none; not one that is the subject of a clause describing the noun."""
    ent = next((e for e in doc.ents if e.start == noun.i + 1 and e.label_ not in nlp.NUMBER | nlp.DATE and e.label_ != "ORDINAL"), None)
    end = ent.end if ent is not None else noun.i + 1
    # (with a number that goes on the name: "the video game Arma 3")
    while ent is None and end < len(doc) and (doc[end].pos_ == "PROPN" or (doc[end].is_upper and len(doc[end].text) > 1)
                                              or (end > noun.i + 1 and doc[end].like_num)) and doc[end].ent_type_ not in nlp.DATE:
        end += 1
    span = doc[noun.i + 1 : end]
    if not len(span) or not any(ch.isupper() for ch in span.text) or span[0].is_quote:  # (a quoted title: see `specifier`)
        return ""
    if span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ in ("relcl", "acl") and span.root.head.head.i == noun.i:
        return ""
    return span.text


def _initials_of(short, noun) -> bool:
    """Is the word the noun phrase's own initials ("gross national income (GNI)"): its short form, no
    specifier of it?"""
    letters = "".join(w.text[0] for w in noun.doc[noun.left_edge.i : noun.i + 1] if w.is_alpha).lower()
    return len(short.text) >= 2 and short.text.isupper() and letters.endswith(short.text.lower())


def listed(noun: str, sentence: str) -> list[str]:
    """The names the sentence lists as the noun's members (a lemma, in the plural): "Japanese
    companies Nihon Steel, Fujikoshi Corporation and Mitsui Havy Industries" -> the three names;
    [] when it lists fewer than two."""
    doc = nlp.parse(sentence)
    for t in doc:
        if t.lemma_.lower() != noun or t.tag_ not in ("NNS", "NNPS"):
            continue
        first = t.head if t.dep_ == "compound" and t.head.pos_ == "PROPN" else next(
            (c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if first is None and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
            # (the names right after the noun, which the parse may make its sibling: "ordered
            # companies Nordvik Ferries, ...")
            first = doc[t.i + 1]
            while first.head.pos_ == "PROPN" and first.dep_ == "compound" and first.head.i > first.i:
                first = first.head
        items = [first] if first is not None else []
        # (a name's last word may be tagged a common noun: "Lakeside Ferries")
        while items and (nxt := next((c for c in items[-1].children if c.dep_ == "conj" and (
                c.pos_ == "PROPN" or any(w.dep_ == "compound" and w.pos_ == "PROPN" for w in c.lefts))), None)) is not None:
            items.append(nxt)
        if len(items) >= 2:
            return [" ".join([w.text for w in it.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"] + [it.text]) for it in items]
    return []


def of_kind(noun: str, sentence: str, question: str) -> str | None:
    """For "Which <noun> ...?": the first thing the sentence names that WordNet files under that
    noun, a kind or an instance of it ("a stun gun" for "What weapon ...?", "Lyme disease" for "Which
    illness ...?", "dopamine" for "Which brain chemical ...?"), with the nouns before its head
    ("lithium chloride", where WordNet knows "chloride"); not one the question gives. None for none."""
    asked = term_set(question)
    doc = nlp.parse(sentence)
    for chunk in doc.noun_chunks:
        words = [t for t in chunk if t.i <= chunk.root.i and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")]
        # (the whole phrase first, then shorter ones: "stun gun" before "gun"; a noun inside the phrase
        # too, "lithium chloride" of "lithium chloride solution")
        spans = sorted(((j, k) for k in range(len(words)) for j in range(k + 1) if words[k].pos_ in ("NOUN", "PROPN")),
                       key=lambda jk: (jk[0] - jk[1], -jk[1]))
        for j, k in spans:
            last = words[k]
            phrase = " ".join([t.text for t in words[j:k]] + [last.lemma_ if last.pos_ == "NOUN" else last.text])
            if not lexicon.kind_of(phrase, noun):
                continue
            # (with the nouns and names right before a word WordNet knows alone, "lithium chloride", and
            # what describes them, "biliary atresia")
            start = words[j].i
            while start > chunk.start and doc[start - 1].dep_ == "compound":
                start -= 1
            # (a word of everyday English alone names too general a kind to answer with, "fans" for
            # "Which device ...?", "new model" for "What kind ...?", and a unit of measure no thing at
            # all, "Hz" for "What refresh rate ...?")
            if start == last.i and (lexicon.everyday(last.lemma_) or units.is_unit(last.text)):
                break
            while start > chunk.start and doc[start - 1].dep_ in ("compound", "amod"):
                start -= 1
            text = bare_name(doc[start : last.i + 1].text)
            if term_set(text) - asked:
                return text
            break
    return None


# A number written with a suffix that makes it an ordinal: "300th", "191st" (English's four suffixes).
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)


def _figure_word(t) -> bool:
    """Is the word part of a figure as English writes one: a number, an ordinal in digits, a unit, a
    sign of currency or per cent, a hyphen, or "per cent"?"""
    return (t.like_num or bool(_ORDINAL.match(t.text)) or units.is_unit(t.text) or t.text in ("%", "-", "per", "cent")
            or all(unicodedata.category(ch) == "Sc" for ch in t.text))


def value_of(noun: str, sentence: str, question: str) -> str | None:
    """For "What <noun> ...?" when the noun is a measure ("What refresh rate ...?", "What debt-to-GDP
    ratio ...?"): the figure the sentence gives as the noun's value, set before it ("a 120-Hz refresh
    rate", "the current 61% debt-to-GDP ratio", "his 300th game"), or after it and "of" ("a peak brightness
    of 1,000 nits") or "is" ("the occupancy rate was 77 per cent"); not a count of it (English counts with
    the plural: "three items"), nor a year ("a 1965 agreement"), nor a figure the question gives. None for
    none."""
    asked = term_set(question)
    doc = nlp.parse(sentence)
    for t in doc:
        if t.lemma_.lower() != noun or t.pos_ not in ("NOUN", "PROPN"):
            continue
        figures = [c for c in t.children if c.i < t.i and c.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod")]
        figures += [x for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ == "be":
            figures += [c for c in t.head.children if c.dep_ == "attr" and c.i > t.i]
        for f in figures:
            words = [w for w in f.subtree if w.i <= f.i]  # (the figure's words, not what follows it: "of 1,000 nits for HDR")
            if not all(_figure_word(w) for w in words) or not any(any(ch.isdigit() for ch in w.text) for w in words):
                continue
            if f.i < t.i and any(w.ent_type_ in nlp.DATE for w in words):
                continue  # (a year set before the noun says which one; after "is", the recognizer may take an age for a date)
            # (a bare number before a noun in the plural counts it; before one in the singular, other than one, it measures it)
            if all(w.like_num for w in words) and f.i < t.i and (t.tag_ in ("NNS", "NNPS") or f.text.lower() in ("1", "one")):
                continue
            end = words[-1].i + 1
            # (with the unit the parse hangs on the noun, "a 120 Hz refresh rate", and the figures a hyphen or a
            # slash joins on, "the 50-30-20 budgeting method")
            while end < t.i and (units.is_unit(doc[end].text) or (doc[end].like_num and doc[end - 1].text in "-–/")
                                 or (doc[end].text in "-–/" and (doc[end + 1].like_num or units.is_unit(doc[end + 1].text)))):
                end += 1
            text = doc[words[0].i : end].text
            if term_set(text) - asked:
                return text
    return None
