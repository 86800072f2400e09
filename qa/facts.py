"""The fact a who / when / where / how-many question asks for, found in the candidate sentences of
its evidence: names voted on across sentences and articles and given in full, the date the
question's event is told with, the count of what the question says happened."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from qa import asking, circumstances, clauses, doers, figures, labels, lexicon, nlp, reader, records, speakers, specifiers, units, when
from qa.dates import is_year, names_a_day
from qa.keyword import terms
from qa.sentences import SentenceVectors, candidate_sentences
from qa.settings import AnswerSettings
from qa.types import Question


def previous(cands: list) -> dict[int, int]:
    """The sentence just before each one in its article, among the candidates."""
    by_pos = sorted((c.key, i) for i, c in enumerate(cands))
    return {i: j for (k1, j), (k2, i) in zip(by_pos, by_pos[1:]) if k1[0] == k2[0]}


# English's determiners and possessive pronouns: the words that may stand before a title without
# qualifying it ("the CFO", "its CEO"; not "former CEO").
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


class FactFinder:
    """`settings`: the answerer's (shared, so a change to them is seen here); `sentences`: the
    sentences stored at ingest, where a name is looked up in full."""

    def __init__(self, settings: AnswerSettings, sentences: SentenceVectors | None = None) -> None:
        self.settings = settings
        self.sentences = sentences

    def find(self, qi: Question, cands: list, ents: list[list[nlp.Entity]], relevant: list[int], cand_terms: list[frozenset[str]],
             sem: np.ndarray, lex: np.ndarray, score: np.ndarray) -> tuple[int, str] | None:
        """The fact asked for and the sentence it is taken from. Names are voted on: a name that
        several good sentences of different articles give (by any of its forms: "Bankman-Fried",
        "Sam Bankman-Fried") beats one that a single sentence gives; dates and numbers come from
        the best sentence that has them."""
        found = self._find(qi, cands, ents, relevant, cand_terms, sem, lex, score)
        # A time that names no point of the calendar does not say on what date ("these days", "that
        # day"), and a time of day alone ("1am") not when at all, unless the question asks for the time
        # of day ("What time ...?"); "six hours before the expiration" says when, not on what date.
        asked = asking.asked_noun(qi.text)
        if found is not None and qi.kind == "date" and asked not in ("time", "hour") and not when.says_when(found[1]) and (
                asked in ("date", "day") or when.of_day(found[1])):
            return None
        if found is not None and qi.kind == "number" and (people := [e.text for e in nlp.parse(qi.text).ents if e.label_ in nlp.PERSON]) \
                and not reader.names_any(people, cands[found[0]].passage.chunk):
            # "How many points did Isaac Humphries score?": a figure of a passage that names none of the people
            # the question asks about, in its text, title or byline, is no figure of theirs
            return None
        # (a name the best sentence joins to others by "and" comes with them, when the question may ask
        # for several: "Who created Fetch My Blade?" -> "Kelly Tran and Ethan Yen")
        if found is not None and qi.kind in ("person", "organization", "place") and clauses.asks_many(qi.text):
            found = found[0], clauses.with_conjuncts(cands[found[0]].text, found[1])
        return found

    def _find(self, qi: Question, cands: list, ents: list[list[nlp.Entity]], relevant: list[int], cand_terms: list[frozenset[str]],
              sem: np.ndarray, lex: np.ndarray, score: np.ndarray) -> tuple[int, str] | None:
        # ("In which city is X held?": the city's name says it is one; the sentence need not)
        focus = set(terms(qi.focus)) if qi.kind != "place" else set()
        asked_noun = asking.asked_noun(qi.text)  # ("stadium" of "At what stadium ...?")
        # (a building's name carries its kind: "MetLife Stadium" for "At what stadium ...?")
        building = asked_noun if qi.kind == "place" and asked_noun and lexicon.may_be_artifact(asked_noun) else ""
        # ("lead lawyer" is said as "lead attorney": the noun by the other words of its first sense)
        head = qi.focus.split()[-1] if focus and qi.focus else ""
        said_as = [set(terms(w)) for w in lexicon.noun_synonyms(head)] if head and qi.kind in ("person", "organization") else []

        # ("Who wrote X?", "Who is the author of X?": the maker of a work, whom a sentence may credit by "by")
        creator = qi.kind == "person" and bool(qi.names) and doers.creator_asked(qi.text, head)
        credits: dict[int, list[str]] = {}  # (each sentence's, read once: the focus check, the good sentences and the vote ask it)

        def credited(i: int) -> list[str]:
            if i not in credits:
                credits[i] = doers.credited(qi.names, cands[i].text, ents[i])
            return credits[i]
        # ("How many people live in Gaza?": people are counted by any noun of a person, "residents";
        # figures.number_about checks the noun counted. Not "children": "five holiday guests" is none.)
        people = qi.kind == "number" and head in ("people", "person")
        # ("How much money ...?": a sum the recognizer calls MONEY is money, whatever noun the sentence
        # gives it, "$3 million in funding"; so for a noun whose first sense is a sum of money)
        money = qi.kind == "number" and bool(head) and (head == "money" or any("money" in w.split() for w in lexicon.noun_synonyms(head)))
        # (the noun as the question spells it: the stemmer keeps "STIs" whole, the lemma is "sti")
        spelled = set(terms(" ".join(t.text for t in nlp.parse(qi.text) if t.lemma_.lower() == head))) if head else set()

        def holds_focus(i: int) -> bool:
            if focus <= cand_terms[i] or people or (spelled and spelled | (focus - set(terms(head))) <= cand_terms[i]):
                return True
            if money and any(label == "MONEY" for _, _, label in ents[i]):
                return True
            if qi.kind == "person" and head and doers.doers_by_verb(head, cands[i].text):
                return True  # ("edited by David W. Orr" for "Who is the editor of ...?")
            if creator and credited(i):
                return True  # ("“The Steerswoman,” by Rosemary Kirstein" for "Who is the author of ...?")
            if qi.kind == "organization" and head and lexicon.kind_of(head, "organization") and any(label in nlp.ORGANIZATION for _, _, label in ents[i]):
                return True  # ("grants from the National Institute on Aging" for "Which agency ...?": WordNet's kinds of organisation)
            # (a figure in the unit asked for, by its symbol: "360km" for "How many kilometres ...?")
            if qi.kind == "number" and head and any(label in nlp.NUMBER and any(ch.isdigit() for ch in cands[i].text[a:b])
                                                             and units.in_unit(cands[i].text[a:b], head) for a, b, label in ents[i]):
                return True
            rest = focus - set(terms(head))
            if qi.kind == "person" and reader.by_initials(qi.focus, cands[i].text):
                return True  # "First-year GM Chris Getz" for "the first-year general manager"
            return (rest <= cand_terms[i] and any(w and w <= cand_terms[i] for w in said_as)) or (qi.kind == "person" and (shorter_title(i) or counterpart(i)))

        def counterpart(i: int) -> bool:
            # ("her Japanese counterpart, Toshimitsu Motegi" for "Which foreign minister did Kang meet?": a
            # counterpart holds the title of the one whose counterpart they are, which a sentence gives
            # one the question names: "South Korean Foreign Minister Kang Kyung-wha")
            if "counterpart" not in cands[i].text.lower() or not any(t.lemma_.lower() == "counterpart" for t in nlp.parse(cands[i].text)):
                return False
            return any(focus <= set(terms(said)) for n in qi.names for c in cands[:40] if (said := reader.describe(n, c.text, title_only=True)))

        asked_words = set(terms(qi.text))

        def shorter_title(i: int) -> bool:
            # (a person's title said with fewer of the question's words, and none of another's, right before
            # the name: "for interim coach Antonio Pierce" for "the interim head coach"; not "assistant coach";
            # or its noun alone after the name of the owner the question gives: "Breakers coach Mody Maor" for
            # "the head coach of the New Zealand Breakers")
            text = cands[i].text
            for m in re.finditer(rf"\b(?i:{re.escape(head)})\s+(?=[A-Z])", text):
                shared, owned = 0, False
                for w in reversed(re.findall(r"[\w'’-]+", text[: m.start()])[-3:]):
                    if not (stem := set(terms(w))):
                        break  # (a function word ends the title)
                    if not stem <= focus:
                        owned = w[:1].isupper() and stem <= asked_words
                        shared = -1 if not owned else shared
                        break
                    shared += 1
                if shared > 0 or (owned and shared == 0):
                    return True
            return False

        title = asking.equated(qi.text, qi.focus or qi.role) if qi.kind == "person" else ""
        if focus and qi.kind in ("person", "organization") and (title or (
                asking.restricted(qi.text, qi.focus) and not any(holds_focus(i) for i in relevant[:12]))):
            # "Who is the cricketer that played ...?", "Which official is the US assistant secretary
            # ...?": the clause or the noun set equal to it says which one; the noun is only its
            # class, which the evidence need not repeat.
            focus = set()
        # "South Korea's defence minister" is not the one a sentence calls "Japan's defence minister".
        whose = speakers.owner(qi.focus.split()[-1], qi.text) if qi.focus and qi.kind == "person" else set()
        if qi.kind == "person":
            # A surname the recognizer took for an organisation ("Bankman-Fried pleaded ...") is a
            # person when the sentences, or elsewhere its article, name that person in full.
            lone: dict[str, str] = {}
            for i in relevant[:12]:
                for a, b, label in ents[i]:
                    word = reader.bare_name(cands[i].text[a:b])
                    if label in nlp.ORGANIZATION | nlp.PLACE and " " not in word:
                        lone.setdefault(word, cands[i].passage.chunk.doc_id)
            more = [m for word, doc in list(lone.items())[:4] for m in self.article_mentions(doc, word)]
            ents = reader.one_sense([c.text for c in cands] + [t for t, _ in more], ents + [e for _, e in more])[: len(cands)]
        if qi.kind == "place":
            # (nor is a place a name the sentences use for a person: "Mikaela Shiffrin" read once as a place)
            ents = reader.one_sense([c.text for c in cands], ents)
        credits.clear()  # (the entities may have been read again just above)
        toward = qi.kind == "place" and circumstances.asks_destination(qi.text)
        origin = qi.kind == "place" and circumstances.asks_origin(qi.text)
        owned = circumstances.possessed_asked(qi.text) if qi.kind == "place" else ""  # ("In which city's federal court ...?")
        # "Which country hosted it?" is answered by a country's name, not by a city's ("Saint-Denis, France").
        countries = qi.kind == "place" and bool(asked_country := asking.asks_country(qi.text))

        # (and "Which city ...?" by a place within a country, not by a country's name)
        # (English's nouns of a place inside a country, a closed class)
        within = qi.kind == "place" and asked_noun in ("city", "town", "village", "capital", "district", "neighborhood",
                                                       "neighbourhood", "borough", "suburb", "county", "province", "municipality")

        # "In which Chinese city is Hikvision based?": a place a sentence sets in that country ("Based in Hangzhou,
        # China, the company ..."), not the "old city in East Jerusalem" of a sentence that names no country of it
        # (a place's name or its people's, by the name's stem)
        whose_place = speakers.owner(asked_noun, qi.text) if within else set()

        def placed_in(text: str) -> bool:
            return any(w in whose_place or any(speakers.demonym_of(p, {w}) for p in whose_place)
                       for w in map(str.lower, re.findall(r"\b[A-Z][a-z]+", text)))

        # (nor is a club a country: "Saudi Arabia" of "Al Nassr's win in Saudi Arabia")
        club = qi.kind == "organization" and asked_noun == "club"

        def fits(spans: list[str]) -> list[str]:
            if within or club:
                spans = [sp for sp in spans if not lexicon.is_country(reader.bare_name(sp))]
            elif countries:
                spans = [sp for sp in spans if lexicon.is_country(reader.bare_name(sp))]
            if qi.kind == "place" and asked_noun:
                # (nor by a larger place than the noun asks for: "California" for "In which city ...?",
                # "Mumbai" for "At which stadium ...?")
                spans = [sp for sp in spans if not lexicon.larger_place(reader.bare_name(sp), asked_noun)]
            return spans
        # ("When did the occupation end?": the occupation's time, and the end of it)
        question_verb, aspect = asking.event_of(qi.text) if qi.kind == "date" else ("", "")
        day_asked = qi.kind == "date" and asked_noun in ("date", "day")
        since = qi.kind == "date" and re.match(r"since\s+(?:what|which|when)\b", qi.text.strip(), re.I) is not None
        saying = asking.says_with(qi.text) if question_verb else True
        asked_verbs = {t.lemma_.lower() for t in nlp.parse(qi.text) if t.pos_ == "VERB"} if question_verb else set()
        # (verbs of saying are one act, and who said what is decided by who speaks: see speakers.speaks)
        act = asking.act_of(qi.text) if qi.kind == "place" else asking.main_lemma(qi.text) if qi.kind in ("person", "organization") else ""
        # (but a statement has a place: "Where was the study published?" -> "in the journal BMJ")
        # ("Who said X?": the one whose words X is; see the quotation rule below)
        speech = qi.kind == "person" and act in speakers.SPEECH
        act = "" if act in speakers.SPEECH and qi.kind != "place" else act
        # "Who refereed the match?": one the sentences call by the verb's noun of its doer ("Referee
        # Joe Dickerson", "[Co-writer] Jeff Rendell") is who did it, whatever the sentence's verb.
        agent = doers.asked_agent(qi.text) if qi.kind == "person" else frozenset()
        # (or one the sentences give as the maker of the question's object: "a score from Perry Botkin")
        makes = qi.kind == "person" and asking.asks_subject(qi.text)
        agents: set[str] = set()
        marked: set[str] = set()  # names of sentences that give the question's figures
        # ("Who did Gemini Pro say won the Oscar?" asks who won, by the sentences' account)
        reported = asking.reported_act(qi.text) if qi.kind == "person" else ""
        act = reported or act
        # ("Who stepped in to calm Blaney down?": who calmed him, told without the stepping in)
        purpose = asking.purpose_act(qi.text) if qi.kind == "person" else ""
        # "Who is Mikaela Shiffrin's brother?": whose the noun is, the question says; the one a
        # sentence calls by that noun is the one asked for. So is the one a sentence that tells of
        # the question's act calls by the bare noun asked for ("Which organisation removed the pixel?":
        # "the organisation Beyond Blue removed ...").
        named_as = qi.focus.split()[-1] if qi.focus and qi.kind in ("person", "organization") else ""
        # (the whole noun phrase "which" asks by: "high-frequency trading firm")
        asked_as = asking.asked_phrase(qi.text) if asked_noun and qi.kind in ("person", "organization") else set()
        # (a name it holds a sentence may say in another form: "Austria" for "Which Austrian daily
        # newspaper ...?"; and the noun in other words keeps its common words: "digital rights
        # organization" for "digital rights group")
        name_terms = [set(terms(n)) & asked_as for n in qi.names]
        alike = asked_as - set().union(*name_terms) - set(terms(asked_noun))
        # (or the title "which" sets it equal to: "Which company is the parent company of X?")
        equal = asking.equated(qi.text, qi.focus or asked_noun) if qi.kind in ("person", "organization") else ""
        equal_as = set(terms(equal))
        kin = clauses.possessor(named_as, qi.text) if named_as and qi.kind == "person" else None
        plain = bool(named_as) and not kin and bool(act) and act not in lexicon.GENERAL_VERBS and clauses.bare_noun(named_as, qi.text)
        happened = asking.predicate_terms(qi) if qi.kind == "number" else set()
        rate = figures.rate_asked(qi.text) if qi.kind == "number" else ""  # ("How much is she paying each month?")
        # (a question that tells only who did it, "as a player", of a general verb, "make", tells of no act
        # a sentence must repeat: "Michael Carrick, who made 316 appearances for the club")
        tells_act = bool(happened) and bool(asking.predicate_terms(qi, capacity=False))
        price = qi.kind == "number" and len(qi.names) >= 2 and reader.labels_for(qi) == {"MONEY"}
        # (its verbs in any form: "sold" for "sell")
        # (not a verb of a clause that describes one of its things: "the Gaza Strip, which Israel cut
        # off from food" tells which place, not what is counted; nor of one that sets the time)
        acts = figures.asked_acts(qi.text) if happened else set()
        # (with their lemmas as the question uses them: a verb in its base form is its own lemma, whatever
        # the parser says; in a question with "did", a word WordNet has as a verb's dictionary form is one,
        # "lay" of "did Sono lay off", not the past of "lie")
        qdoc = nlp.parse(qi.text)
        based = any(t.lemma_ == "do" and t.pos_ == "AUX" for t in qdoc)
        did_as = {t.text: t.lower_ if t.tag_ == "VB" or (based and lexicon.is_verb(t.lower_)) else t.lemma_.lower()
                  for t in qdoc if t.pos_ == "VERB" and t.lemma_.lower() in acts}
        did = list(did_as)
        # (and the nouns English makes of those verbs: "deliveries rose ... to 15,959 vehicles" tells of
        # what NIO delivered; WordNet's derivations)
        act_nouns = set(terms(" ".join(n for v in did for n in lexicon.derived_nouns(did_as[v]))))
        # (English's verbs of being and having say no act of their own)
        told_nothing = any(t.dep_ == "ROOT" and t.lemma_ in ("be", "have") for t in qdoc)
        # "When did X test a weapon?": when the sentences tell of that event, its date is in one of
        # them, not in a sentence about something else ("the pact signed in 2016").
        # (A sentence tells of it when it has the verb and what the question names: "held talks" is
        # not when the exercises are held.)
        event = set(terms(question_verb))
        about = (set(terms(" ".join(qi.names))) | asking.predicate_terms(qi)) - event if event else set()

        # A figure of an article that never names what the question names is another's ("How much cash
        # did Check Point have?" is not answered by a bank card's cash back); by one of them at least:
        # a question of several articles names things no one of them does. (A name is also said in other
        # forms, "Group of 20" for G20, "South Korea" for South Korean: a name asked for only from an article
        # that names none of two names or more, "Graham Arnold", "Mat Ryan" and "Peru", and not a label's
        # number, which the recognizer cuts short, "the Rivian R1" of "Rivian R1T". Not a date: "Rogers
        # Communications" and "Shaw Communications" are "Rogers" and "Shaw" in a passage that says when.)
        plain = [n for n in qi.names if not re.search(r"\d", n)]
        if qi.names and qi.kind == "number":
            # (a passage of an article another of whose passages names them: "It cached 20 grams of salt"
            # in a report whose earlier passage names "MIT")
            chunks = {c.passage.chunk.chunk_id: c.passage.chunk for c in cands}  # (each passage read once, not once per sentence)
            named = {ch.doc_id for ch in chunks.values() if reader.names_any(qi.names, ch)}
            relevant = [i for i in relevant if cands[i].passage.chunk.doc_id in named]
        elif len(plain) >= 2 and qi.kind in ("person", "organization", "place"):
            relevant = [i for i in relevant if reader.names_any(plain, cands[i].passage.chunk)]
        # ("UFC 294 in Abu Dhabi" is no answer to "Where was UFC 295 held?")
        relevant = [i for i in relevant if not reader.other_numbered(qi.text, cands[i].text)]
        if qi.outlets and (own := [i for i in relevant if cands[i].passage.chunk.source in qi.outlets]):
            # "Who is quoted in the Kyodo News article?": the outlet's sentences, judged among themselves
            # (the words "quoted", "article" resemble none of them).
            relevant = own
            good = {i for i in own[:12] if score[i] >= self.settings.support_cutoff * score[own[0]]}
        else:
            good = {i for i in relevant[:12] if sem[i] >= self.settings.min_similarity * 0.9 or lex[i] >= self.settings.min_coverage}
        # (the figures the question states besides the time it names: "97" of "97 yards", not "2023";
        # only of a question that tells of one act: in one of many parts, a figure marks that part)
        # (not a figure that is part of a name the question gives, "UFC 295": the name says which event, and
        # a sentence that tells of it need not repeat the name, "Prochazka clashes with ... Alex Pereira")
        stated = [n for n in qi.numbers if n not in qi.period_text and not any(n in name.split() for name in qi.names)] \
            if qi.numbers and sum(t.pos_ == "VERB" for t in nlp.parse(qi.text)) <= 3 else []
        marks = [n for n in stated if not is_year(n)]
        if stated and act and qi.kind != "number":
            # ("At Jamnagar, it is building a complex spread over 5,000 acres": the question's act with
            # its figures, however little else of the question the sentence repeats)
            good |= {i for i in relevant[:12] if figures.gives_numbers(replace(qi, numbers=stated), cands[i].text)
                     and reader.has_verb(cands[i].text, act, predicate=True)}
        def other_figures(i: int) -> bool:
            # (a sentence with figures, none of them the question's, tells of another such act: "Milton
            # Doyle and Majok Deng each scored 17" for "Who scored a game-high 32 points?")
            return bool(stated) and any(ch.isdigit() for ch in cands[i].text) and not any(
                figures.gives_numbers(replace(qi, numbers=[n]), cands[i].text) for n in stated)

        if creator:  # ("“The Steerswoman,” by Rosemary Kirstein": says who made it, however unlike the question)
            good |= {i for i in relevant[:12] if credited(i)}
        if agent:  # ("under director Emma Tammi, the film ...": says who did it, however unlike the question)
            good |= {i for i in relevant[:12] if set(terms(" ".join(agent))) & cand_terms[i]
                     and any(doers.called_by(agent, cands[i].text, sp) for sp in reader.candidates(qi, cands[i].text, ents[i]))}

        # (whose a person question asks for, by a name in the possessive: "the Arizona Diamondbacks'")
        owners = {m.group(1).lower() for m in _POSSESSOR.finditer(qi.text)} if qi.kind == "person" else set()

        def names_in(i: int) -> list[str]:
            # (of the best sentence, when the recognizer found none there, the subject it missed)
            found = reader.candidates(qi, cands[i].text, ents[i])
            if not found and qi.kind in ("person", "organization") and relevant and i == relevant[0] and i in good:
                return doers.unrecognised(qi, cands[i].text, ents[i])
            return found

        def uses(i: int) -> bool:
            # (only a good sentence is parsed for the verb's irregular forms: parses cost)
            return bool(question_verb) and reader.uses_verb(question_verb, cands[i].text, cand_terms[i], parse=i in good)

        def tells(i: int) -> bool:
            # (or tells of it by another verb with the question's subject and object: "Facebook
            # created its Paris research lab" for "set up its lab"; parsed for good sentences only)
            return bool(event) and (uses(i) or (i in good and any(clauses.same_participants(qi.text, cands[i].text, t)
                                                                  for t in nlp.parse(cands[i].text)))) \
                and (not about or bool(about & cand_terms[i]))

        if not any(tells(i) for i in relevant[:12]):
            event = set()
        # No sentence uses the question's verb at all: a date of another act is no answer to it.
        unused = bool(question_verb) and not any(uses(j) for j in relevant[:12])
        vague: tuple[int, str] | None = None  # a figure or a time that says little, if nothing says more
        aside: tuple[int, str] | None = None  # a count of things of another kind, if nothing counts the kind asked
        if qi.kind == "place" and qi.focus in lexicon.ORIGIN:
            # "What is X's hometown?": the place a good sentence gives as that ("his hometown of Mackay")
            for i in relevant[:12]:
                if i in good and (spec := specifiers.specifier(qi.focus.split()[-1], cands[i].text, qi.text)) in names_in(i):
                    return i, spec
        if qi.kind == "person" and (owned := doers.whose_asked(qi.text)):
            # "Whose record is Harry Kane chasing?": the owner a good sentence gives the noun ("as he
            # hunts down Uwe Seeler's record of 30")
            # (first where the sentence gives the question's figures, which say which record: "Uwe Seeler's
            # record of 30" for "Whose record of 30 goals ...?", not "Lewandowski's record of 41")
            for i in sorted(relevant[:12], key=lambda j: not (stated and figures.gives_numbers(replace(qi, numbers=stated), cands[j].text))):
                if i in good and (by := doers.owner_of(owned, cands[i].text)) and not set(terms(by)) & set(terms(qi.text)):
                    return i, self.in_full(qi, cands, ents, i, by)
        def described(fits, among: list[int] | None = None) -> tuple[int, str] | None:
            # (the name a good sentence describes so, whatever the recognizer took it for; or one of
            # `among`, when the description alone says who)
            for i in relevant[:6] if among is None else among:
                for a, b, label in ents[i] if i in good or among is not None else ():
                    span = cands[i].text[a:b]
                    if label in nlp.PERSON | nlp.ORGANIZATION and not set(terms(span)) & set(terms(qi.text)) and (
                            said := reader.describe(span, cands[i].text, title_only=True)) and fits(said):
                        return i, reader.bare_name(span)
            return None

        if qi.kind == "person" and qi.role and (owner := speakers.owner(qi.role.split()[-1], qi.text)):
            # "Which DMCI Holdings president ...?": the name a good sentence describes by the role and
            # its owner ("Isidro Consunji, President of DMCI Holdings, Inc.")
            role, asked, owner_terms = set(terms(qi.role)), set(terms(qi.text)), set(terms(" ".join(owner)))
            if asking.main_lemma(qi.text) in speakers.SPEECH:
                # ("Which NFL Network reporter said X?": the source a good sentence gives X by,
                # "according to NFL Network's Tom Pelissero")
                for i in relevant[:6]:
                    if i in good and (src := speakers.according_to(cands[i].text)) and src[1] \
                            and owner_terms <= set(terms(src[1])) and not set(terms(src[0])) & asked:
                        return i, src[0]
            if (held := described(lambda said: role | owner_terms <= set(terms(said)))) is not None:
                return held
        if qi.kind == "person" and qi.focus and not qi.role and (owned_by := asking.of_owner(qi.text, qi.focus.split()[-1])):
            # "Who is the CEO of Jim Ratcliffe's Ineos Sport?": the name a good sentence describes by the
            # title of that owner, by most of the owner's words, and nothing more before its "of"
            # ("Jean-Claude Blanc, the CEO of Ratcliffe's Ineos Sport"; not "the deputy CEO"; "Sobhi Skaik,
            # the director of the Turkish Friendship Hospital in the Mughraqa area"; not "the director of
            # the hospital", which may be another's)
            titled_as = set(terms(qi.focus))

            def of_that_owner(said: str) -> bool:
                words = set(terms(said))
                return titled_as <= words and 2 * len(words & owned_by) >= len(owned_by) \
                    and not set(terms(re.split(r"\bof\b", said, maxsplit=1)[0])) - titled_as
            if (held := described(of_that_owner, relevant[:12])) is not None:
                return held
        if qi.kind in ("person", "organization", "place"):
            # "Which company was Bill Gates an early backer of?": the name a sentence about him puts after
            # the same words ("Bill Gates was an early backer of British Columbia-based Carbon Engineering")
            for i in relevant[:12]:
                if (framed := clauses.same_frame(qi.text, cands[i].text)) is not None and fits([framed]):
                    return i, self.in_full(qi, cands, ents, i, reader.bare_name(framed))
        figured = None
        if question_verb and qi.kind == "date" and stated:
            # (the question's figures say which event, whatever verb tells of it: "a goal of 100 percent clean
            # energy by 2045" for "By what year does the law set a goal of 100 percent ...?"; of the good
            # sentences that give them, in a passage naming what the question names, the one that shares
            # most of what it says happened, not "a pledge to reach 100 percent clean power by 2035")
            happening = asking.predicate_terms(qi)
            figured = max((i for i in relevant[:12] if i in good and figures.gives_numbers(replace(qi, numbers=stated), cands[i].text)
                           and not reader.unnamed(qi.names, reader.told_with(cands[i].passage.chunk))),
                          key=lambda i: len(happening & cand_terms[i]), default=None)
        if question_verb:
            # A date the question's event is told with ("occupied ... from 1910"), wherever it is
            # among the good sentences, before the first date of the best one; first in a sentence
            # with the question's figures, which say which event ("raised its fee from 8 to 9 percent").
            for i in sorted(relevant[:12], key=lambda j: not (qi.numbers and figures.gives_numbers(qi, cands[j].text))):
                if (not focus or holds_focus(i)) and i in good and not clauses.other_object(qi.text, when.base(question_verb), cands[i].text):
                    spans = reader.candidates(qi, cands[i].text, ents[i])
                    told = [sp for sp in spans if when.governed_by(question_verb, cands[i].text, sp, saying)]
                    if not told and i == figured:
                        # (a time of day alone says when only to "What time ...?": "4:00 a.m. EST" of an
                        # update line is no day; find() would drop it, and the next sentence say the day)
                        told = sorted((sp for sp in spans if not any(n in sp for n in stated)
                                       and (asked_noun in ("time", "hour") or when.says_when(sp))), key=when.vague)
                    told = when.plain_dates(cands[i].text, told, qi.text) if qi.kind == "date" else told
                    if told and qi.kind == "date" and all(when.vague(sp) for sp in told):
                        vague = vague or (i, told[0])  # "months later": another good sentence may say when
                        continue
                    if told and day_asked and not any(names_a_day(sp) for sp in told):
                        # ("On what date did MLB suspend X?": "for the 2020 season" names no day; the
                        # sentence's "Jan. 13, 2020, was when MLB suspended ..." does, read below)
                        vague = vague or (i, told[0])
                        continue
                    if told:
                        return i, when.date_range(cands[i].text, told[0], spans, aspect)
        if qi.kind == "person" and named_as and (asked_owner := set(terms(" ".join(speakers.owner(named_as, qi.text)) or (kin[0] if kin else "")))):
            # "Who is the CEO of Citigroup?": the name a sentence gives that title, with that owner
            # set before it ("... asking Citigroup CEO Jane Fraser, and Wells Fargo CEO Charles
            # Scharff"), in any candidate: such a sentence of several names resembles the short
            # question little.
            for i in sorted(range(len(cands)), key=lambda j: -score[j]):
                for name, owned_by in speakers.titled(named_as, cands[i].text, ents[i]):
                    if asked_owner <= set(terms(owned_by)):
                        return i, name
            # The whole title with no owner, or with part of the owner's name ("Wild GM Bill Guerin"
            # for the Minnesota Wild's general manager; a title of several words also by its initials),
            # is of the one its passage tells of, when that passage names the owner asked about whole
            # ("... his tenure with the Minnesota Wild ... Wild GM Bill Guerin gave the following comment").
            # (Only a title the question gives an owner by name: "his wife, Jada Pinkett Smith" is the
            # wife of whomever "his" stands for, not of anyone the passage names.)
            words = qi.focus.split() if speakers.owner(named_as, qi.text) else []
            forms = [qi.focus] + (["".join(w[0] for w in words).upper()] if len(words) > 1 and all(w.isalpha() for w in words) else [])
            # (not one another word qualifies, "former CEO Natale": only a determiner, English's closed
            # class, or the owner's name may stand before it)
            for i in sorted(range(len(cands)), key=lambda j: -score[j]) if words else ():
                for form in forms:
                    for name, owned_by in speakers.titled_as(form, cands[i].text, ents[i]):
                        before = re.search(rf"([\w'’-]+)\W+{re.escape(form)}\W+(?:[\w.]+\s+)?{re.escape(name)}", cands[i].text, re.I)
                        if (owned_by or before is None or before.group(1).lower() in _DETERMINERS) and set(terms(owned_by)) <= asked_owner \
                                and asked_owner <= set(terms(cands[i].passage.chunk.text + " " + cands[i].passage.chunk.title)):
                            return i, name
        preset: tuple[int, str] | None = None  # the one person a sentence names as who did it, or as the one asked for
        if qi.kind == "person" and act:
            # "Who leads the exercises?": "the U.S. and Thai-led exercises" says who, by no name of a person.
            for i in relevant[:6]:
                if i in good and (by := circumstances.hyphen_agent(act, cands[i].text, frozenset(terms(qi.text)) - frozenset(terms(act)))):
                    return i, by
            # "Who prodded Seoul and Tokyo to sign it?": the name a good sentence gives as the one that
            # did it ("Washington, which prodded the two countries ..."), a person or not, when no person did.
            # ("Which Kings player scored five points in the final 37 seconds?": the doer of a good
            # sentence that gives the question's figures, which say which act it is; "which" narrows
            # whom it asks, so only a person the sentence names does)
            which = not reported and not asking.asks_subject(qi.text) and asking.asks_subject(qi.text, which=True)
            # (or whose one it is: "Which PGMOL official apologised ...?" by "PGMOL's Jonathan Moss did apologise")
            # (when no figure but its time's marks the act: "in September 2023")
            owner = asking.which_owner(qi.text) if which and not [n for n in qi.numbers if qi.period is None or n not in qi.period_text] else set()
            which = which and bool(qi.numbers or owner)
            if reported or asking.asks_subject(qi.text) or which:
                unnamed = False  # (a better sentence tells of the act with no name: "Three scientists won ...")
                for rank, i in enumerate(relevant[:12]):
                    if which and not owner and not figures.gives_numbers(qi, cands[i].text):
                        continue
                    if other_figures(i):
                        continue
                    by = (speakers.doer(act, cands[i].text) or (speakers.doer(purpose, cands[i].text) if purpose else None)) if i in good else None
                    if by is None and makes and i in good:
                        # (or the maker it gives the act's object, by no verb: "Samuel Chukwueze’s winner" for
                        # "Who scored AC Milan's late winner?", before a weaker "Icardi celebrates scoring the winner")
                        by = next((sp for sp in reader.candidates(qi, cands[i].text, ents[i]) if clauses.made_by(qi.text, cands[i].text, sp, possessor=True)), None)
                    if owner and by is not None and not owner & set(terms(by)):
                        continue
                    if by is not None and clauses.other_object(qi.text, act, cands[i].text):
                        continue  # (one who did it only to other things it names: see below)
                    if by is None:
                        unnamed = unnamed or (i in good and reader.has_verb(cands[i].text, act, predicate=True))
                        continue
                    if set(terms(by)) <= set(terms(qi.text)):
                        continue
                    people = reader.candidates(qi, cands[i].text, ents[i])
                    if not people and rank < 6 and not which:
                        return i, by
                    # (a person it names as the one who did it: "fellow bidder, Sheikh Jassim, withdrew his offer")
                    if not unnamed and (doing := [p for p in people if set(terms(p)) & set(terms(by))]):
                        preset = (i, reader.bare_name(doing[0]))
                        break
                    # (whose one the doer is, then a name the recognizer took for another kind: "VAR
                    # Darren England" for "Which VAR official ...?")
                    rest = [w for w in by.split() if not set(terms(w)) & owner]
                    if owner and not unnamed and len(rest) >= 2 and all(w[:1].isupper() for w in rest):
                        preset = (i, " ".join(rest))
                        break
        if qi.kind == "organization" and act:
            # "Which organization did Japan petition?": the one a good sentence puts the question's act
            # with ("filed a petition with the World Trade Organization"), before names voted on.
            for i in relevant[:6]:
                if i in good and (with_ := [x for x in circumstances.verb_places(act, cands[i].text, ents[i])
                                            if x in reader.candidates(qi, cands[i].text, ents[i])]):
                    return i, reader.bare_name(with_[0])
        if qi.kind == "organization" and act and asking.asks_subject(qi.text, which=True):
            # "Which studio rebuilt the remake from the ground up?": the organisation a good sentence gives
            # as doing the act ("A remake of the 2009 game by FromSoftware, rebuilt from the ground up by
            # Bluepoint Games"), before names voted on; a name of no person, place, time or figure, whatever
            # else the recognizer takes it for ("Bluepoint Games" an event), in an article that names what the
            # question names, with the question's figures if it gives figures (not "a round led by Tencent" of
            # $180 million, nor "Balderton is leading the round", for "Which firms co-led the $22 million round?").
            for i in relevant[:6]:
                if i not in good or not (by := speakers.doer(act, cands[i].text)) or not all(w[:1].isupper() for w in by.split()):
                    continue
                at = cands[i].text.find(by)
                other_kind = any(a < at + len(by) and b > at and label in nlp.PERSON | nlp.PLACE | nlp.DATE | nlp.NUMBER for a, b, label in ents[i])
                if not other_kind and not set(terms(by)) & set(terms(qi.text)) and not clauses.other_object(qi.text, act, cands[i].text) \
                        and not (qi.names and not reader.names_any(qi.names, cands[i].passage.chunk)) \
                        and not (stated and not figures.gives_numbers(qi, cands[i].text)):
                    return i, reader.bare_name(by)
        if countries and asked_country == "doer" and act:
            # "Which country filed a petition?": the country a good sentence gives as doing it ("Japan filed ...").
            for i in relevant[:6]:
                if i in good and (by := speakers.doer(act, cands[i].text)) and fits([by]) and not clauses.other_object(qi.text, act, cands[i].text):
                    return i, reader.bare_name(by)
        if qi.kind == "organization" and qi.names and (role := doers.asked_in_role(qi.text)):
            # "Jon Turow ... is a partner at which firm?": the organisation in what a good sentence calls
            # the one the question names, by that role ("Jon Turow, a partner at Madrona Ventures")
            for i in relevant[:12]:
                if (said := reader.describe(qi.names[0], cands[i].text)) and role in {w.lemma_.lower() for w in nlp.parse(said)}:
                    found = [sp for sp in names_in(i) if sp in said and not set(terms(sp)) & set(terms(qi.names[0]))]
                    if found:
                        return i, reader.bare_name(found[0])
        if makes and preset is None:  # (not when a good sentence already named the one who did it)
            # "Who reviewed the pull request?": one a sentence gives by "by" or "from" on the question's
            # object or on its act's own noun ("After some helpful review from Tim Graham it was merged"),
            # however little else of the question it repeats
            for i in relevant[:12]:
                if (by := [sp for sp in reader.candidates(qi, cands[i].text, ents[i]) if clauses.made_by(qi.text, cands[i].text, sp)]):
                    return i, reader.bare_name(by[0])
        if qi.kind == "person":
            # "Which actor plays Mike?": the person a good sentence puts in brackets after the name
            for i in relevant[:12]:
                if (cast := doers.in_brackets_after(qi.text, cands[i].text, ents[i])) is not None:
                    return i, cast
        if qi.kind in ("person", "organization"):
            # "Which Colts quarterback ... against the Bengals?": of a listing's names, the one a good sentence
            # brackets with what the question says ("Gardner Minshew (@ Bengals), Jameis Winston (vs. Panthers)")
            for i in relevant[:1]:
                if i in good and (named := doers.bracketed_for(qi.text, cands[i].text, names_in(i))) is not None:
                    return i, reader.bare_name(named)
        if qi.kind in ("person", "organization") and (object_asked := doers.object_asked(qi.text)) is not None:
            # "Which team must Canada beat?": the name a good sentence gives as what the question's
            # subject does its verb to (or a broader or same verb: "Canada will have to defeat X")
            for i in relevant[:6]:
                if i in good and (obj := doers.object_of(qi.text, cands[i].text, cands[i].passage.chunk.text)):
                    return i, reader.bare_name(obj)
            # ("Who did Benavidez beat?": the one a good sentence says it won over, or that lost to it: "a
            # resounding decision win over former champion Caleb Plant")
            for i in relevant[:6]:
                if i in good and (by := fits([b] if (b := doers.loser_of(object_asked, cands[i].text, reader.labels_for(qi))) else [])):
                    return i, reader.bare_name(by[0])
        if qi.kind in ("person", "organization", "place") and (loser := doers.beaten_asked(qi.text)):
            # "Which team beat USC 89-76?": the one a good sentence says the beaten side lost to ("... lost to
            # Gonzaga in Las Vegas 89-76"), first one that gives the question's figures (the score)
            for i in sorted(relevant[:6], key=lambda i: not (marks and figures.gives_numbers(replace(qi, numbers=marks), cands[i].text))):
                if i in good and (by := fits([b] if (b := doers.beaten_by(loser, cands[i].text, cands[i].passage.chunk.text)) else [])):
                    return i, reader.bare_name(by[0])
        if qi.kind in ("place", "organization") and asking.asks_subject(qi.text, which=True):
            # "Which team won the first World Cup?": the organisation a good sentence gives as doing
            # the act ("The West Indies won the first tournament"), before names that most sentences
            # use; then the one a good sentence gives as doing anything to the question's object
            # ("Wisconsin produces roughly 60% of the harvest" for "Which state grows 60% of it?").
            finders = [lambda text: speakers.doer(act, text)] if qi.kind == "organization" and act and act not in lexicon.GENERAL_VERBS else []
            for k, doer_in in enumerate([*finders, lambda text: clauses.doer_of_object(qi.text, text)]):
                for i in relevant[:6]:
                    if i not in good or not (by := doer_in(cands[i].text)):
                        continue
                    if k < len(finders) and clauses.other_object(qi.text, act, cands[i].text):
                        # (not a sentence where it does the act only to other things: "Wondery, which
                        # is owned by Amazon" for "Which company owns Tubi?")
                        continue
                    named = fits([sp for sp in names_in(i) if set(terms(sp)) & set(terms(by))])
                    if not named and qi.kind == "organization" and (missed := doers.missed_name(
                            by, cands[i].text, ents[i], lambda w, i=i: self.names_person(cands[i].passage.chunk.doc_id, w))) \
                            and not set(terms(missed)) & set(terms(qi.text)):
                        # ("Accel led the company's seed round": a doer the recognizer missed, or took
                        # for a person no sentence of its article names in full: "neighbor Apptronik")
                        named = [missed]
                    if named:
                        return i, reader.bare_name(named[0])
        if within and asked_noun:
            # "Which Stockholm district ...?": the name a good sentence gives the noun itself ("Stockholm's
            # Södermalm district", "the Murray Hill neighborhood")
            for i in relevant[:12]:
                # (not a name that only ends with the noun: "Kansas City" is no answer to "Which city?")
                if i in good and (not whose_place or placed_in(cands[i].text)) \
                        and (spec := specifiers.specifier(asked_noun, cands[i].text, qi.text)) is not None and spec[:1].isupper() \
                        and not spec.lower().endswith(asked_noun) and not lexicon.is_country(reader.bare_name(spec)):
                    return i, reader.bare_name(spec)
        if qi.kind == "place" and act:
            # "Where did the ministry submit its report?": the place or institution a good sentence
            # puts the question's act at or to ("a report submitted to the National Assembly"),
            # before the places the sentences merely name.
            for i in relevant[:12]:
                # (or a sentence where the one the question names does it, by a pronoun too: "He
                # appeared in a Seattle court", however little else of the question it repeats)
                doing = i in good or (bool(qi.names) and speakers.acts(qi.names[0], cands[i].text, cands[i].passage.chunk.text, act))
                if doing and (not focus or holds_focus(i)) and (at := fits(circumstances.verb_places(act, cands[i].text, ents[i]))):
                    # (with the place it lies in, as the sentence sets it and as a voted place is given;
                    # "In which city ...?" asks for the city alone)
                    return i, reader.bare_name(at[0]) if asked_noun else reader.venue_in(
                        cands[i].text, reader.bare_name(reader.placed(cands[i].text, at[0], ents[i])), ents[i], reader.term_set(qi.text))
        if qi.kind == "place":
            # "Where is the Stade de France?": the place a good sentence puts it in ("... in Saint-Denis").
            # (also where no sentence puts the act anywhere: "Where is the final being played?")
            # "Where does Moungi Bawendi work?": the institution a good sentence ties the person to
            # ("Moungi Bawendi of MIT"), not a place the sentence names for something else.
            # (an institution is no answer to "In which city ...?": a land, WordNet's class of locations)
            land = bool(asked_noun) and lexicon.noun_class(asked_noun) == "location"
            for find in (circumstances.located,) if land else (circumstances.located, circumstances.affiliation):
                for i in relevant[:12]:
                    # (not a name the question gives: "at New York Giants" for "Where did the Seahawks
                    # play the New York Giants?")
                    if i in good and (at := [sp for sp in fits(find(qi.text, cands[i].text, ents[i])) if not reader.names_thing(qi, sp)]):
                        # (as above: "a tech sales manager from Dallas, Texas")
                        return i, reader.bare_name(at[0]) if asked_noun else reader.venue_in(
                            cands[i].text, reader.bare_name(reader.placed(cands[i].text, at[0], ents[i])), ents[i], reader.term_set(qi.text))
        if qi.kind == "person" and qi.names:
            # "Who is the creator of Castlevania: Nocturne?", "Who directed Insidious?": in a list
            # article, the value of that label under the item's name ("Creator: Clive Bradley").
            nouns, verb = labels.asked_labels(qi.text)
            if (nouns or verb) and (found := _in_lines(relevant[:12], cands, lambda text: labels.labelled(nouns, verb, qi.names, text))):
                return found[:2]
        if qi.kind == "date" and qi.names:
            # "When does Superman: Legacy come out?": in a list article, the date its item line carries
            def dated(text: str) -> tuple[str, str] | None:
                return labels.dated_item(qi.names, text)
            if found := _in_lines(relevant[:12], cands, dated):
                row, value, chunk, line = found
                # (the year heading the item may be in an earlier passage: the article's lines)
                if self.sentences is not None and (whole := dated("\n".join(
                        c.text for c in sorted(self.sentences.doc_chunks(chunk.doc_id), key=lambda c: c.start)))) and whole[1] == line:
                    value = whole[0]
                return row, value
        if noun := asking.plural_asked(qi.text):
            # "Which companies were ordered to pay?": a good sentence that lists them by name says which.
            for i in relevant[:6]:
                if i in good and (names := specifiers.listed(noun, cands[i].text)):
                    return i, ", ".join(names[:-1]) + f" and {names[-1]}"
        before = previous(cands)
        after = {j: i for i, j in before.items()}
        votes: dict[str, float] = {}
        where: dict[str, tuple[int, str]] = {}  # each name's first sentence, and the name as it says it
        seen: set[tuple[str, str]] = set()
        by_name = False  # (has a sentence that names every name an organisation question gives voted yet?)
        names_said = [set(terms(n)) for n in qi.names]
        if qi.kind == "number" and (side := records.asks_record(qi.text)):
            # "What was the Wild's record when they fired Evason?": the record a sentence gives the side ("with a
            # 5-10-4 record"), the closest sentences first, then the rest of the passages' ("14. Washington
            # Commanders (4-9)" in a standings list); none given, the articles don't say.
            ranked = set(relevant)
            for i in list(relevant) + sorted((j for j in range(len(cands)) if j not in ranked), key=lambda j: -score[j]):
                if not records.RECORD.search(cands[i].text):
                    continue  # (the passage's names are read only for a sentence with counts)
                told = reader.told_with(cands[i].passage.chunk)
                if (record := records.record_in(cands[i].text, side, not reader.unnamed([side.split()[-1]], told))) is not None:
                    return i, record
            return None
        if qi.kind == "number" and figures.asks_score(qi.text):
            # "What was the score when Michigan beat Penn State?": the pair of counts a good sentence
            # that names one of the sides gives ("beat No. 10 Penn State 24-15"), not "No. 3".
            # (first one that names every side the question names: "blowing out No. 22 Utah, 42-18" at
            # Arizona Stadium, not the half-time "28-7" of a sentence about Arizona alone)
            sides = [e.text for e in nlp.parse(qi.text).ents if e.label_ in nlp.ORGANIZATION | nlp.PLACE]
            # (a game the question names by its two sides is one a sentence or its passage names both of:
            # "Seahawks 24, Giants 3" is no score of "the Eagles vs. Seahawks game")
            pair_named = figures.sides_of(qi.text)
            sides = sides if not pair_named or any(set(terms(pair_named[0])) & set(terms(x)) for x in sides) \
                and any(set(terms(pair_named[1])) & set(terms(x)) for x in sides) else pair_named
            # (then one of a sentence that names one of them, then of one whose passage does: "Here's what
            # stood out in the Sixers' too close for comfort, 106-103, win")
            for told in ("sides", "names", "passage"):
                for i in relevant[:12]:
                    text = cands[i].text if told != "passage" else reader.told_with(cands[i].passage.chunk)
                    if i in good and (pair := figures.score_in(cands[i].text, sides)) and (
                            not reader.unnamed(sides, text) if told == "sides" else not qi.names or len(reader.unnamed(qi.names, text)) < len(qi.names)) \
                            and not reader.unnamed(pair_named, reader.told_with(cands[i].passage.chunk)):
                        return i, pair
            # (no pair of counts: a clock's "3:54 left" or a count of phases is no score)
            return None
        if qi.kind == "number" and qi.numbers and relevant:
            # (of the sentences nearly as good as the best, one that gives the question's figures tells of
            # the same thing first: "The cheapest season ticket in 2023 was $485" for "How much was the
            # cheapest season ticket in 2023?", before a sentence on 2024's prices; a question's other
            # kinds were tried too, and lost: a year there is as often the setting as the fact's time)
            close = self.settings.act_sentence_share * score[relevant[0]]
            relevant = sorted(relevant[:12], key=lambda i: not (score[i] >= close and figures.gives_numbers(qi, cands[i].text))) + relevant[12:]
        if qi.kind == "number" and did:
            # "How much is she paying each month?": a figure of a good sentence that tells of the
            # question's act, by its verb or noun ("she's been paying back $300 a month", "a 5.6 per
            # cent fall"), before one of a sentence that only shares its nouns ("has $145,000 in
            # student loan debt").
            # (not one that does it to another: "India defeated New Zealand by 70 runs" for "By how many
            # runs did India beat Sri Lanka?")
            # (only among sentences nearly as good as the best: a weaker one that uses the verb for another
            # figure, "could earn him anywhere from $55 to $60 million", is no better answer than the best
            # sentence's "biggest fight to date is $45 million")
            for i in relevant[:6]:
                if score[i] < self.settings.act_sentence_share * score[relevant[0]]:
                    break
                if i in good and any(reader.uses_verb(did_as[v], cands[i].text, cand_terms[i]) for v in did) \
                        and not any(clauses.other_object(qi.text, did_as[v], cands[i].text, lexicon.other_words(did_as[v], "VERB")) for v in did) \
                        and (span := figures.number_about(qi, cands[i].text, ents[i])) is not None and any(ch.isdigit() for ch in span):
                    if rate and not figures.told_by_rate(cands[i].text, span, rate) and (better := next((
                            (j, sp) for j in relevant[: relevant.index(i)] if j in good and (sp := figures.number_about(qi, cands[j].text, ents[j]))
                            and figures.told_by_rate(cands[j].text, sp, rate)), None)):
                        # ("almost €120 per year" is no answer to "How much does it cost per month?" when a better
                        # sentence gives "€9.99/month")
                        return better
                    if not figures.other_kind(qi, cands[i].text, span):
                        return i, span
                    aside = aside or (i, span)
        for i in ([] if preset is not None else relevant[:12]):
            if (focus and not holds_focus(i)) or (event and not tells(i)):
                continue
            if whose and not speakers.same_owner(whose, speakers.owner(qi.focus.split()[-1], cands[i].text) or _words(cands[i].passage.chunk.text)):
                continue  # (a sentence that does not say whose: its passage must at least name the one asked about)
            if i not in good and not (happened & cand_terms[i] and before.get(i) in good) and not (
                    stated and before.get(i) in good and figures.gives_numbers(replace(qi, numbers=stated), cands[i].text)):
                # A name in a sentence about something else is no answer; the sentence after a good
                # one goes on about its topic when it names the question's things ("the two-week
                # exercise" after "the Cobra Gold exercises in late February"), or gives the question's
                # figures ("Giga Riva’s haul of 35 goals" after "... the record of Italy").
                continue
            if qi.kind == "number":
                # The count must be of what the question says happened to the things counted: "How many
                # items did Japan restore to preferential status?" is not answered by the 1,000 items
                # Japan tightened procedures for.
                # (a price is told by any verb of the deal when the sentence names both its parties:
                # "CrowdStrike acquiring security startup Bionic for $350 million" for "How much did
                # CrowdStrike pay for Bionic?")
                deal = price and not reader.unnamed(qi.names, cands[i].text)
                # (only of a question that tells of an act: "How tall is Spurs rookie X?", "How many sacks
                # does X have?" tell of none, and a sentence that gives the height need not repeat "rookie")
                if tells_act and not told_nothing and not (happened | act_nouns) & cand_terms[i] and not any(reader.has_verb(cands[i].text, did_as[v]) for v in did) and not deal:
                    continue
                if (span := figures.number_about(qi, cands[i].text, ents[i])) is not None:
                    if did and figures.described_aside(cands[i].text, span, qi):
                        continue  # (a figure of a thing the sentence describes, not of the act)
                    if figures.exact(span) and figures.other_kind(qi, cands[i].text, span):
                        # ("20,000 registered users" for "How many daily active users ...?": a count of the
                        # kind asked in another good sentence says more, "3,000 daily active users")
                        aside = aside or (i, span)
                    elif figures.exact(span) and not (rate and not figures.told_by_rate(cands[i].text, span, rate)):
                        return i, span
                    # ("billions of dollars": a figure another good sentence gives says more; so does one given by the
                    # unit of time asked, "$300 a month" after "approximately $145,000" for "How much is she paying each month?")
                    vague = vague or (i, span)
                continue
            spans = fits(names_in(i))
            if qi.kind == "person" and owners:
                # ("Who was the Diamondbacks' probable starter?": not one the sentence gives another's, "Rangers’
                # Max Scherzer and the Diamondbacks’ Brandon Pfaadt")
                spans = [sp for sp in spans if (by := _possessor(cands[i].text, sp, ents[i])) is None or by in owners]
            if not spans and qi.kind == "organization" and asked_noun and i in good and (called_so := clauses.named_before(asked_noun, cands[i].text)):
                spans = fits([called_so])  # ("her photo shoot with M Le Monde magazine", a name the recognizer missed)
            if not spans and qi.kind == "person" and i in good and before.get(i) is not None and speakers.said_by_pronoun(cands[i].text):
                # ("“... benefit eye health,” she explained.": the one the sentence before names last says it)
                spans = reader.candidates(qi, cands[before[i]].text, ents[before[i]])[-1:]
            if not spans and qi.kind == "person" and i in good and (j := before.get(i)) is not None \
                    and cands[j].key[1] + len(cands[j].text) + 2 >= cands[i].key[1] and speakers.done_by_pronoun(cands[i].text, qi.text) \
                    and not clauses.other_object(qi.text, asking.main_lemma(qi.text), cands[i].text):
                # ("Since 2018, he has been the bench coach for the Astros.": the one the sentence just before
                # names first, unless the question names him; not "He co-founded FTX" for "Who co-founded Scalable?")
                first = [e for e in ents[j] if e[2] in nlp.PERSON][:1]
                spans = reader.candidates(qi, cands[j].text, first)
            if not spans and speech and i in good and speakers.opens_quote(cands[i].text) and (j := after.get(i)) is not None \
                    and speakers.closes_quote(cands[j].text):
                # ("“We're disappointed to see the decision ... . We're urging ...,” US Secretary of State Mike
                # Pompeo said.": who said the words a quotation opens with is named where it closes)
                close = max(cands[j].text.find("”"), cands[j].text.find('"'))
                spans = [sp for sp in reader.candidates(qi, cands[j].text, ents[j]) if cands[j].text.find(sp) > close][:1]
            if building:  # ("At which stadium ...?" is not answered by a city or a country: "Buenos Aires")
                gpe = {cands[i].text[a:b] for a, b, label in ents[i] if label == "GPE"}
                spans = [sp for sp in spans if sp not in gpe]
            # A date of another act is no answer, where no sentence uses the question's verb, or this one
            # names the act only by its noun ("a court ruling ...": not when the WTO ruled).
            if qi.kind == "date" and (unused or (question_verb and not reader.has_verb(cands[i].text, when.base(question_verb), predicate=True))):
                # (unless the other verb is done by the question's subject to its object: "Facebook
                # created its Paris research lab in 2015" for "When did Facebook set up its lab?")
                # (nor, for "Since what year have voters voted ...?", the start of what the sentence tells
                # of: "This format, which started in 1980, sees each member of the panel vote ...")
                spans = [sp for sp in spans if not reader.of_other_act(question_verb, cands[i].text, sp, saying)
                         or clauses.same_participants(qi.text, cands[i].text, (gov := when.governor(question_verb, cands[i].text, sp)[1]))
                         or (since and gov is not None and gov.lemma_.lower() in when.BEGIN)
                         # (nor the date of an act the question tells of too, by a verb of its own: "made his
                         # decision to sign with the Angels on Dec. 8" for "When did he decide to sign ...?")
                         or (gov is not None and gov.pos_ == "VERB" and gov.lemma_.lower() in asked_verbs)]
            if qi.kind == "date" and len(spans) > 1:
                spans = when.by_verb(question_verb, cands[i].text, spans, qi.text)
            if qi.kind == "date":
                spans = when.plain_dates(cands[i].text, spans, qi.text)
            if (kin or (plain and reader.has_verb(cands[i].text, act))) and (so := clauses.called(named_as, cands[i].text)) \
                    and (not kin or _kin_of(kin, so[1], cands[i], cand_terms[i], [n for n in qi.names if not set(terms(n)) & set(terms(kin[0]))])) \
                    and not (kin and _same_name(so[0], kin[0])):  # (the owner is not his own: "free agent Shohei Ohtani")
                preset = (i, so[0])  # "Who is Mikaela's brother?": "Taylor, Mikaela's brother"
                break
            if len(equal_as) >= 2 and equal_as <= cand_terms[i] and (so := clauses.called(equal.split()[-1], cands[i].text, equal_as)):
                preset = (i, so[0])  # "the parent company of Hololive, Cover Corporation"
                break
            if len(equal_as) >= 2 and (so := _described_as(equal, cands[i].text, ents[i])) and not set(terms(so)) <= set(terms(qi.text)):
                # ("the independent valuer, Citrin Cooperman", whatever the recognizer calls the name; not a name the
                # question gives, "TechCrunch" of "talked to TechCrunch")
                preset = (i, so)
                break
            described = asked_as - set().union(*(n for n in name_terms if not n & cand_terms[i]))
            if len(described) >= 2 and described - set(terms(asked_noun)) <= cand_terms[i] \
                    and (so := clauses.called(asked_noun, cands[i].text, described, alike)) and set(terms(so[0])) - set(terms(qi.text)) \
                    and not (by_name and not all(n <= cand_terms[i] for n in names_said)):
                # "Which high-frequency trading firm did he work at?": the name a good sentence sets the
                # whole noun phrase beside ("Jane Street, the high-frequency trading firm where ..."),
                # whatever its verb (not after a better sentence that names all the question names gave
                # one: another "law firm Withers" is not Bob Cattanach's "legal mega-firm Dorsey and Whitney")
                preset = (i, so[0])
                break
            # (every span of an organisation question below is voted on)
            by_name = by_name or (qi.kind == "organization" and bool(spans) and bool(names_said) and all(n <= cand_terms[i] for n in names_said))
            for span in spans:
                if qi.kind == "date" and (when.vague(span) or (day_asked and not names_a_day(span))):
                    # "months later": a date another good sentence gives says more (as a day does than
                    # "January 2024", for "On what date ...?")
                    vague = vague or (i, span)
                    continue
                if qi.kind not in ("person", "organization", "place"):
                    return i, when.date_range(cands[i].text, span, spans, aspect) if qi.kind == "date" else span
                key = _key(span)
                doc = cands[i].passage.chunk.doc_id
                # "Where did she speak?" is not answered by where she was going.
                # Nor by a place that stands for its government ("Seoul's position").
                weight = 1.0
                role = circumstances.place_role(cands[i].text, span, owned) if qi.kind == "place" else ""
                if role == "origin":  # ("a Louisiana woman" answers "A woman from which state ...?")
                    role = "at" if origin else "actor"
                if role and role != ("toward" if toward else "at"):
                    # "Where was she going?" asks for a place reached, others where something happened;
                    # a place that stands for its people ("the US envoy") is neither.
                    weight = 0.1 if role == "actor" else 0.3
                if act and qi.kind == "person" and i in good and reader.has_verb(cands[i].text, act) and not other_figures(i):
                    weight *= self.settings.act_weight  # "Whom will she meet?": a sentence where she meets someone
                if building and (span.split()[-1].lower() == building or reader.named_venue(qi, cands[i].text, span, ents[i])
                                 or any(cands[i].text[a:b] == span and label == "FAC" for a, b, label in ents[i])):
                    # "MetLife Stadium" for "At what stadium ...?"; so is a building by any other noun that the
                    # recognizer knows for one ("at Ford Field in Detroit")
                    weight *= self.settings.marker_weight
                # (a year marks no one event: "the 2023 Davis Cup final" and "World Cup 2023 Final" share it)
                if marks and figures.gives_numbers(replace(qi, numbers=marks), cands[i].text):
                    weight *= self.settings.marker_weight  # "Which rookie ran an interception back 97 yards?"
                    marked.add(key)
                if (agent and doers.called_by(agent, cands[i].text, span)) or (makes and clauses.made_by(qi.text, cands[i].text, span)) \
                        or (qi.kind == "person" and head and any(_same_name(span, d) for d in doers.doers_by_verb(head, cands[i].text))) \
                        or (creator and any(_same_name(span, d) for d in credited(i))) \
                        or (qi.kind == "person" and i in good and (not marks or figures.gives_numbers(replace(qi, numbers=marks), cands[i].text))
                            and (d := clauses.doer_of_object(qi.text, cands[i].text, same_verb=True)) and _same_name(span, d)):
                    # (or the one a good sentence has doing the question's act to its object: "with which Ben Rhodes won
                    # his second Truck Series championship" for "Which driver won his second Truck Series championship?";
                    # with the question's figures, when it gives any: "when Chelsea beat United in the final" is not the
                    # 1-0 win asked about)
                    agents.add(key)
                if (key, doc) not in seen:  # one vote per article
                    seen.add((key, doc))
                    vote = weight * max(float(score[i]), 0.0)
                    # (a place is where one event happened: the best sentence's, not the one most articles name;
                    # a name other articles give too gains a share of their votes: more articles that tell
                    # of it confirm it, but a name every article of a field uses is no answer to one event)
                    old = votes.get(key, 0.0)
                    share = 0.0 if qi.kind == "place" else self.settings.other_votes
                    votes[key] = max(old, vote) + share * min(old, vote)
                where.setdefault(key, (i, span))
        votes = {k: v for k, v in votes.items() if k in agents} or votes
        # (a person a sentence gives with the question's figures told of that event, however many articles
        # name another: "Giga Riva’s haul of 35 goals" for "Who holds Italy's record with 35 goals?"; not when
        # a title is asked, which the figures' sentence may not give: "referee Anthony Taylor pointed to the
        # spot", after "Cole Palmer has scored a penalty ... 4-4", for "Which referee gave Chelsea the late
        # penalty in their 4-4 draw ...?", the figures' weight still counting)
        votes = {k: v for k, v in votes.items() if k in marked} if qi.kind == "person" and marked and not qi.role else votes
        if qi.kind == "person" and qi.focus and not qi.role and not whose and preset is None:
            # "Who was Barbados' Acting Chief Medical Officer?": of the names voted on, the one a sentence
            # gives right after that whole title ("Minister of Education Kay McConney, ... and Acting Chief
            # Medical Officer Dr Anton Best"; not when the question says whose the title is: "Japanese
            # Defence Minister Taro Kono" is not South Korea's)
            # (nor one the sentence gives another's title: "Precision Pensions chief economist" for the one "at
            # Annex Wealth Management")
            asked_terms = set(terms(qi.text))
            votes = {k: v for k, v in votes.items() if any(n == where[k][1] and set(terms(o)) <= asked_terms
                                                           for n, o in speakers.titled_as(qi.focus, cands[where[k][0]].text, ents[where[k][0]]))} or votes
        if whose_place:
            votes = {k: v for k, v in votes.items() if placed_in(cands[where[k][0]].text)} or votes
        if preset is not None:  # (the one name a sentence gives for who it is, in full below as a voted name is)
            key = _key(preset[1])
            votes, where = {key: 1.0}, {key: preset}
        if not votes and qi.kind == "number" and qi.focus:
            # "How many companies were ordered to pay?": no count is given, but a good sentence that
            # tells of the act (with the question's verb) lists them by name.
            verb = asking.main_verb(qi.text)
            for i in relevant[:12]:
                if i in good and reader.uses_verb(verb, cands[i].text, cand_terms[i]) and (names := specifiers.listed(qi.focus.split()[-1], cands[i].text)):
                    return i, f"{len(names)}: " + ", ".join(names[:-1]) + f" and {names[-1]}"
        if not votes and qi.kind == "person" and qi.focus and not qi.role and preset is None:
            # "Who is the head coach of UTSA?": where no close sentence says, a further one that gives
            # someone that whole title ("threats for head coach Jeff Traylor to unleash"), of no other
            # owner, in a passage that names what the question names, says who holds it.
            asked_terms = set(terms(qi.text))
            ranked = set(relevant)
            for i in relevant + [j for j in range(len(cands)) if j not in ranked]:
                if reader.unnamed(qi.names, reader.told_with(cands[i].passage.chunk)):
                    continue
                # (not one a pronoun says whose, "Its CEO, Gabor Cselle": of the thing named before)
                for n, o in speakers.titled_as(qi.focus, cands[i].text, ents[i]) + [(n, "") for n in speakers.taken_as(qi.focus, cands[i].text, ents[i])]:
                    if o and all(nlp.is_stop(w) for w in o.split()):
                        continue
                    if not o or set(terms(o)) <= asked_terms or (whose and speakers.same_owner(whose, {w.lower() for w in o.split()})):
                        return i, self.in_full(qi, cands, ents, i, n)
        if not votes:
            return aside or vague
        if qi.role or title:
            # "Which defence secretary ...?", "Which official is the assistant secretary ...?": a
            # person the evidence calls by that title ("US Defence Secretary Mark Esper") is the one
            # asked for, whoever else the sentences name.
            role = set(terms(qi.role or title))
            # (what any of the sentences calls the person: "Kang said ..." gives no title, the sentence
            # before may)
            titles = {k: " ".join(d for c in cands if (d := reader.describe(span, c.text))) for k, (i, span) in where.items()}
            # "Which Japanese minister ...?" is not answered by one the evidence calls "South Korean
            # Foreign Minister", whatever else fits.
            noun = (qi.role or title).split()[-1].lower()
            if asked := speakers.owner(noun, qi.text):
                votes = {k: v for k, v in votes.items() if speakers.same_owner(asked, speakers.owner(noun, titles[k]))}
                if not votes:
                    return None
            # (else one called by the title's noun: "a startup selling model-auditing tools" for
            # "Which AI security startup ...?")
            # (the whole title said right before the name, which a description leaves out, is as good:
            # "economist Larry Summers" beside "Tom Orlik, chief economist" for "Which economist ...?")
            # (or by the title the question sets equal to it: "Meta's global head of Safety, Antigone Davis"
            # for "Which Meta executive, the company's global head of Safety, ...?")
            equal_role = set(terms(title)) if qi.role and title else set()
            # (or the name itself carries it, given by a sentence nearly as good as the best: "Mizrahi Tefahot Bank" for
            # "Which bank lent Zim money?")
            top = max(votes.values(), default=0.0)
            titled = {k for k in votes if role <= set(terms(titles[k])) or (role <= set(terms(where[k][1])) and votes[k] >= self.settings.named_kind_share * top) or (equal_role and equal_role <= set(terms(titles[k]))) or any(speakers.titled_before(
                t, asked or set(), cands[where[k][0]].text, where[k][1]) for t in [qi.role or title] + ([title] if equal_role else []))} or {k for k in votes if set(terms(noun)) <= set(terms(titles[k]))} or {
                k for k in votes if speakers.titled_before(noun, asked or set(), cands[where[k][0]].text, where[k][1])}
            votes = {k: v for k, v in votes.items() if k in titled} or votes
        # Who the retrieved articles are about: a name most of them use beats one a single good
        # sentence gives ("Ellison testified that Bankman-Fried ..." in a story about Bankman-Fried),
        # when the question asks for what several outlets' reports share ("according to Fortune and The
        # Verge"). A question about one event asks for the one its sentence gives: in a large archive many
        # articles name the players, teams and firms of its field.
        docs: dict[str, set[str]] = {}
        for c in cands:
            low = c.text.lower()
            for key in votes:
                if re.search(rf"\b{re.escape(key)}\b", low):
                    docs.setdefault(key, set()).add(c.passage.chunk.doc_id)
        for key in votes:  # (a place is where one event happened: no protagonist there)
            votes[key] += self.settings.name_spread * len(docs.get(key, ())) * (qi.kind != "place" and bool(qi.outlets))
        # (names one sentence alone gives, with one vote: the one whose clause tells of the question's matter,
        # "a high hit by Ferrari on Maxime Lucu", not "After Ange Capuozzo was removed ..." of the same sentence)
        top = max(votes.values())
        tied = [k for k, v in votes.items() if v >= top - 1e-9]
        if len(tied) > 1 and len({where[k][0] for k in tied}) == 1:
            asked_terms = set(terms(qi.text))
            votes = {k: v + 1e-6 * len(asked_terms & clauses.clause_words(cands[where[k][0]].text, where[k][1])) if k in tied else v for k, v in votes.items()}
        key = max(votes, key=votes.get)
        i = where[key][0]
        spans = [reader.bare_name(sp, cands[i].text.lstrip(" “\"'‘").startswith(sp)) for sp in reader.candidates(qi, cands[i].text, ents[i])
                 if _key(sp).startswith(key)]
        span = spans[0] if spans else where[key][1]
        if qi.kind == "place" and not asked_noun:
            # ("Where is it based?": the city with its state, "Portland, Maine"; places as many votes
            # and the sentence joins, "New Zealand and the Philippines")
            # (and the named venue the sentence sets in that place: "Prime Social Rooftop in Kansas City")
            return i, reader.venue_in(cands[i].text, reader.placed(cands[i].text, self.in_full(qi, cands, ents, i, span), ents[i],
                                                                   lambda p: votes.get(_key(p), -1.0) >= votes[key] - 1e-9),
                                      ents[i], reader.term_set(qi.text))
        if qi.kind == "place" and not any(m.dep_ in ("compound", "amod") and m.text[:1].isupper() for t in nlp.parse(qi.text)
                                          if t.lemma_.lower() == asked_noun for m in t.children):
            # ("In which town is it set?": the town with the place it lies in, "Plymouth, Massachusetts"; not
            # where the question says it, "In which Swiss town ...?"; nor a smaller place before it: "Which
            # country?" is France, not "Saint-Denis, France")
            full = self.in_full(qi, cands, ents, i, span)
            return i, placed if (placed := reader.placed(cands[i].text, full, ents[i])).startswith(full) else full
        return i, self.in_full(qi, cands, ents, i, span)

    def in_full(self, qi: Question, cands: list, ents: list, i: int, span: str) -> str:
        """The name as the articles give it in full ("Kim" -> "Kim You-geun", "Fed" -> "Federal Reserve")."""
        found = [(c.text, ents[j]) for j, c in enumerate(cands)]
        texts = list(dict.fromkeys(c.passage.chunk.text for c in cands))  # (in the ranked order, the same in every run)
        # A person's one-word name: the article may give it in full where no passage did ("Purdy").
        # (Not an organisation's: "Google" is whole, and "Google Search" another thing.)
        if " " not in span and qi.kind == "person":
            more = self.article_mentions(cands[i].passage.chunk.doc_id, span)
            found += more
            texts += [t for t, _ in more]
        names = [reader.bare_name(t[a:b]) for t, es in found for a, b, label in es if label in reader.labels_for(qi)]
        # (not into what the question itself names: "Which company makes the Cybertruck?" is Tesla,
        # not "Tesla Cybertruck")
        asked = set(terms(qi.text)) - set(terms(span))
        names = [n for n in names if not set(terms(n)) & asked]
        words = frozenset(w.lower() for t, es in found for a, b, label in es if label in nlp.PERSON | nlp.PLACE for w in t[a:b].split())
        return reader.full_name(span, names, texts, words)

    def names_person(self, doc_id: str, word: str) -> bool:
        """Does the article name a person in full whose last word is this one ("Elon Musk" for Musk)?"""
        return any(label in nlp.PERSON and " " in text[a:b].strip() and text[a:b].split()[-1].removesuffix("’s").removesuffix("'s") == word
                   for text, es in self.article_mentions(doc_id, word) for a, b, label in es)

    def article_mentions(self, doc_id: str, word: str, most: int = 20) -> list[tuple[str, list[nlp.Entity]]]:
        """The sentences of an article that use a word, with their entities (stored at ingest)."""
        if self.sentences is None:
            return []
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        wanted: dict[tuple[str, int], str] = {}
        for chunk in self.sentences.doc_chunks(doc_id):
            for a, _, norm in candidate_sentences(chunk):
                if len(wanted) < most and pattern.search(norm):
                    wanted[(doc_id, chunk.start + a)] = norm
        stored = self.sentences.get_features(wanted)
        known = {k: stored[k][2] for k in wanted if k in stored and stored[k][2] is not None}
        rest = [k for k in wanted if k not in known]
        known |= dict(zip(rest, nlp.entities([wanted[k] for k in rest])))
        return [(wanted[k], nlp.mend(wanted[k], known[k])) for k in wanted]


def _kin_of(kin: tuple[str, set[str]], told: set[str], cand, words: frozenset[str], names: list[str] = ()) -> bool:
    """Is the one a sentence calls by the question's noun the question's ("Israel's ambassador to
    the UK"): of the same owner where the sentence says whose ("the Israeli ambassador"; not
    "Panthers quarterback" for the Packers'), of an article that names the owner where it does not,
    and with what else the question narrows the noun by ("to the UK", not "to Portugal")? (`names`:
    the question's other names, which a sentence that says whose may leave to its passage.)"""
    owner, rest = kin
    if told:
        if not speakers.same_owner({w.lower() for w in re.findall(r"[\w-]+", owner)}, told):
            return False
        # (the sentence that says whose may leave the rest to its passage, its names at least: "Bolger’s
        # lawyer, Jeremy Robinson, had a more succinct statement" in a passage about her case against Amazon)
        return not reader.unnamed(names, cand.passage.chunk.text)
    if reader.unnamed([owner], reader.told_with(cand.passage.chunk)):
        return False
    return rest <= words



# A capitalised word in the possessive, right before what it owns ("Rangers’ Max Scherzer", "Betis's"); and
# the same word ending a text, the one before a span.
_POSSESSIVE = r"\b([A-Z][\w.&-]*)(?:['’]s|['’])"
_POSSESSOR = re.compile(_POSSESSIVE + r"(?=\s)")
_POSSESSOR_LAST = re.compile(_POSSESSIVE + r"$")


def _possessor(sentence: str, span: str, ents: list[nlp.Entity]) -> str | None:
    """The organisation or place the sentence gives in the possessive right before the span (its last word,
    lower-cased), if any; not a work's title ("The Princess Bride’s Chris Sarandon"), nor a person's. (A name the
    recognizer left out is a team's or a body's: "Rangers’ Max Scherzer".)"""
    at = sentence.find(span)
    m = _POSSESSOR_LAST.search(sentence[:at].rstrip()) if at > 0 else None
    held = [label for a, b, label in ents if a <= m.start(1) < b] if m is not None else []
    if m is None or (held and not set(held) & (nlp.ORGANIZATION | nlp.PLACE)):
        return None
    return m.group(1).lower()


def _key(span: str) -> str:
    """What a name is voted on by: its last word ("Ohtani" for "Shohei Ohtani" and his later mentions,
    "Dolphins" for "the Miami Dolphins"), but the whole name when a word inside it is no part of a
    name ("the Partnership on AI", "Bank of America"): its last word names another thing."""
    words = span.removesuffix("'s").removesuffix("’s").split()
    if len(words) > 2 and any(w.islower() for w in words[1:-1]):
        return " ".join(words[1:] if words[0].lower() == "the" else words).lower()
    return words[-1].lower() if words else ""


def _same_name(a: str, b: str) -> bool:
    """Do the two names name one ("Ohtani", "Shohei Ohtani"): is one the other's last words, as a
    surname is? ("Taylor Shiffrin" is not "Mikaela Shiffrin", nor "ExpressVPN Keys" ExpressVPN.)"""
    x, y = list(terms(a)), list(terms(b))
    short, long = sorted((x, y), key=len)
    return bool(short) and long[len(long) - len(short):] == short


def _words(text: str) -> set[str]:
    """The lower-cased words of a text, for `speakers.same_owner`."""
    return set(re.findall(r"[a-z]+", text.lower()))


def _described_as(title: str, sentence: str, ents: list[nlp.Entity]) -> str | None:
    """A name the sentence describes by the title's noun and at least one more of its words ("the
    independent valuer, Citrin Cooperman" for "official independent valuer"), of any label of names."""
    want = set(terms(title))
    noun = set(terms(title.split()[-1]))
    if not noun <= set(terms(sentence)):
        return None
    for a, b, label in ents:
        if label in nlp.PERSON | nlp.ORGANIZATION and (said := reader.describe(sentence[a:b], sentence)) is not None:
            told = set(terms(said))
            if noun <= told and len(want & told) >= 2:
                return reader.bare_name(sentence[a:b])
    return None


def _in_lines(rows: list[int], cands: list, read):
    """The first (value, line) `read` finds in the passages of the rows' sentences (each passage read
    once): (row, value, passage chunk, line), the row of the sentence holding the line (else the row
    whose passage it is); None when none is found."""
    seen: set[str] = set()
    for i in rows:
        chunk = cands[i].passage.chunk
        if chunk.chunk_id in seen:
            continue
        seen.add(chunk.chunk_id)
        if found := read(chunk.text):
            value, line = found
            return next((j for j, c in enumerate(cands) if c.passage.chunk is chunk and line in c.text), i), value, chunk, line
    return None
