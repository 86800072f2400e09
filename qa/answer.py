"""The offline answerer: no LLM. It picks the sentences of the retrieved passages that best answer
the question (meaning and shared rare words, redundancy removed), and abstains when the support
is weak."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from qa import asking, besides, circumstances, clauses, doers, figures, lexicon, nlp, reader, speakers, specifiers, verdict, when, yesno
from qa import question as question_reader
from qa.cite import Evidence, compose, nice_date
from qa.dates import months_meant
from qa.embed import Encoder
from qa.facts import FactFinder, previous
from qa.keyword import KeywordIndex, coverage, term_set, terms
from qa.sentences import SentenceVectors, candidate_sentences
from qa.settings import AnswerSettings
from qa.types import Answer, Passage, Question

ABSTAIN = "The articles don't say."
# A sentence that opens with or carries one of these continues the one before it (news prose puts
# "X did A. Y simultaneously did B." side by side): it is kept with it when there is room. They are
# English discourse connectives of simultaneity and consequence, not words of any corpus.
_LINKED = re.compile(r"\b(simultaneously|in return|in exchange|in response|as a result|consequently|therefore|meanwhile|at the same time)\b", re.I)


@dataclass
class _Candidate:
    passage: Passage
    rank: int
    start: int
    end: int
    text: str
    key: tuple[str, int]  # (doc_id, offset in article): the same sentence in overlapping chunks


class Answerer:
    def __init__(
        self,
        encoder: Encoder,
        keyword: KeywordIndex,
        settings: AnswerSettings,
        cache_size: int = 20000,
        sentences: SentenceVectors | None = None,
    ) -> None:
        self.encoder = encoder
        self.keyword = keyword
        self.settings = settings
        self.sentences = sentences  # vectors stored at ingest; a sentence without one is encoded here
        self.facts = FactFinder(settings, sentences)
        self._cache: OrderedDict[tuple[tuple[str, int], str], tuple[np.ndarray, frozenset[str], list]] = OrderedDict()
        self._cache_size = cache_size

    def _vectors(self, cands: list[_Candidate]) -> tuple[np.ndarray, list[frozenset[str]], list[list[nlp.Entity]]]:
        """Sentence vectors, keyword terms and named entities: cached, else stored at ingest, else
        computed now."""
        cache = self._cache
        missing = [c for c in cands if (c.key, c.text) not in cache]  # with the text: an article may change
        if missing and self.sentences is not None:
            stored = self.sentences.get_features({c.key: c.text for c in missing})
            no_ents = [c for c in missing if c.key in stored and stored[c.key][2] is None]
            found = dict(zip((c.key for c in no_ents), nlp.entities([c.text for c in no_ents])))
            for c in missing:
                if c.key in stored:
                    vec, words, ents = stored[c.key]
                    words = words if words is not None else frozenset(terms(c.text))
                    cache[c.key, c.text] = (vec, words, nlp.mend(c.text, ents if ents is not None else found[c.key]))
            missing = [c for c in missing if c.key not in stored]
        if missing:
            ents = nlp.entities([c.text for c in missing])
            for c, v, e in zip(missing, self.encoder.encode([c.text for c in missing]), ents):
                cache[c.key, c.text] = (v, frozenset(terms(c.text)), nlp.mend(c.text, e))
        for c in cands:
            cache.move_to_end((c.key, c.text))
        entries = [cache[c.key, c.text] for c in cands]
        nlp.know_entities((c.text, e) for c, (_, _, e) in zip(cands, entries))  # a parse of them skips the recognizer
        while len(cache) > self._cache_size:
            cache.popitem(last=False)
        return np.stack([v for v, _, _ in entries]), [w for _, w, _ in entries], [e for _, _, e in entries]

    def _weights(self, query: str) -> dict[str, float]:
        """Rarity weight of each content word of the query. A word the corpus never uses still
        counts, at the average weight, so that a question about something absent is not
        'covered' by its common words alone."""
        qterms = list(dict.fromkeys(terms(query)))
        known = {t: self.keyword.idf(t) for t in qterms if self.keyword.knows(t)}
        default = float(np.mean(list(known.values()))) if known else 1.0
        return {t: known.get(t, default) for t in qterms}

    def _candidates(self, passages: list[Passage]) -> list[_Candidate]:
        """Sentences of the passages, each once."""
        seen: set[tuple[str, int]] = set()
        out = []
        for rank, p in enumerate(passages):
            for a, b, norm in candidate_sentences(p.chunk):
                key = (p.chunk.doc_id, p.chunk.start + a)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_Candidate(p, rank, a, b, norm, key))
        return out

    def _with_continuations(self, chosen: list[int], cands: list[_Candidate], fact: bool = False) -> list[int]:
        """Add the sentence that directly continues a chosen one (see _LINKED), at most one, unless
        the answer is a `fact` (a figure, a date, a name: what happened next is no part of it); and
        the one that closes a quotation the lead sentence opens, right after it (a quotation cut off
        says neither all that was said nor who said it)."""
        following = {j: i for i, j in previous(cands).items()}  # each sentence's next one in its article
        lead = chosen[0]
        if speakers.opens_quote(cands[lead].text) and (nxt := following.get(lead)) is not None and speakers.quotes(cands[nxt].text):
            chosen = [lead, nxt] + [j for j in chosen[1:] if j != nxt]
        if fact:
            return chosen
        for i in list(chosen):
            nxt = following.get(i)
            if nxt is not None and nxt not in chosen and _LINKED.search(cands[nxt].text):
                return chosen + [nxt]
        return chosen

    @staticmethod
    def _quote_start(i: int, cands: list[_Candidate], before: dict[int, int]) -> int:
        """Where a chosen sentence's quotation begins: at the sentence before it (`before`, see
        qa.facts.previous) in the same passage when that one opens the quotation it closes (the
        words said, then who said them, are one statement); else at the sentence itself."""
        c = cands[i]
        if i not in before or not speakers.closes_quote(c.text):
            return c.start
        b = cands[before[i]]
        joined = b.passage is c.passage and b.end <= c.start and not c.passage.chunk.text[b.end:c.start].strip()
        return b.start if joined and speakers.opens_quote(b.text) else c.start

    def unknown_names(self, question: str, known: frozenset[str] = frozenset(), seen: str = "") -> list[str]:
        """Capitalized words of the question (names) that no article contains and no article's
        metadata (outlet, byline, title) holds: a question about someone or something the corpus
        never mentions is not answered from it."""
        words = re.findall(r"(?<![.?!]\s)(?<!^)\b([A-Z][\w-]+)", question.strip())
        # (days and months are capitalised too, but no names: "on Sunday" is a claim to check)
        dated = {w for e in nlp.parse(question).ents if e.label_ in nlp.DATE for w in e.text.split()}
        words = list(dict.fromkeys(w for w in words if w not in dated))  # (each once: "TomTom's ... TomTom's")
        seen_words = {w.lower() for w in re.findall(r"[\w-]+", seen)}
        return [w for w in words if (t := terms(w)) and not any(self.keyword.knows(x) or x in known for x in t)
                and w.lower() not in seen_words]

    def mentioned(self, name: str) -> bool:
        """Does any article use every word of this name?"""
        return all(self.keyword.knows(t) for t in terms(name))

    def answer(
        self,
        question: str,
        query: str,
        query_vecs: np.ndarray,
        passages: list[Passage],
        previous_answers: list[str] = (),
        reading: Question | None = None,
        known: frozenset[str] = frozenset(),
        outlets: list[str] | tuple[str, ...] = (),
    ) -> Answer:
        """`query_vecs` holds the question's vector and, for a follow-up, the rewritten query's;
        `reading`: the question as read (qa.question.read); `known`: the words of the articles'
        metadata (outlets, bylines, titles); `outlets`: the ingested outlets."""
        s = self.settings
        qi = reading or Question(text=question)
        words = [t for t in nlp.parse(question) if not t.is_punct]
        who_is = qi.kind == "person" and len(words) == 3 and words[1].lemma_ == "be" and words[2].lower_ in speakers.PRONOUNS
        # ("What is his role?": what he is, in English's words for a person's office)
        role_of = len(words) == 4 and words[0].lower_ == "what" and words[1].lemma_ == "be" and words[2].lower_ in ("his", "her") \
            and words[3].lemma_.lower() in ("role", "job", "title", "position", "post", "occupation")
        if (who_is or role_of) and query != question:
            # "Who is he?" after an answer that named Alex Wong: who Alex Wong is, as the articles describe him.
            name = next((n for n in question_reader.read(query).names if n.lower() not in question.lower()), "")
            if name:
                qi = replace(qi, kind="describe", subject=name)
        if qi.kind in ("person", "organization") and query != question and any(t.lower_ in speakers.PRONOUNS for t in nlp.parse(question)):
            # "Who was she expected to meet?": not whom "she" stands for (names the rewritten query adds).
            qi = replace(qi, excluded=tuple(e for e in question_reader.read(query).names if e.lower() not in question.lower()))
        if qi.kind == "statement" and query != question and nlp.parse(qi.subject or "x")[0].pos_ == "PRON":
            # "What did he urge ...?" after a turn about Iwaya: the speaker comes from the rewritten query.
            qi = replace(qi, subject=question_reader.read(query).subject or qi.subject)

        def abstain(text: str = ABSTAIN) -> Answer:
            return Answer(question=question, answer=text, abstained=True, passages=passages[:3], search_query=query)

        # (A report by a name the passages themselves cite, "after the NBC report", "Amnesty
        # International's report", is one the articles tell of: it is no missing outlet. An "article"
        # by it is what is ingested, or not.)
        def cited(name: str) -> bool:
            return term_set(name) <= set(terms(" ".join(p.chunk.text for p in passages))) and not any(
                t.lemma_.lower() == "article" for t in nlp.parse(question))

        if qi.unknown_outlet and (qi.kind != "statement" or not self.mentioned(qi.unknown_outlet)) and not all(
                t in known for t in terms(qi.unknown_outlet)) and not cited(qi.unknown_outlet):
            return abstain(f"{ABSTAIN} No ingested article is from {qi.unknown_outlet}.")
        said = " ".join(re.sub(r"\s+", " ", prev) for prev in previous_answers)
        # A question in an article is not an answer to it.
        cands = [c for c in self._candidates(passages) if not _asks(c.text)]
        missing = self.unknown_names(question, known, " ".join(p.chunk.text for p in passages))
        if not cands or missing:
            return abstain(ABSTAIN + (f" None of them mentions {', '.join(missing)}." if missing else ""))
        vecs, cand_terms, cand_ents = self._vectors(cands)
        sims = vecs @ query_vecs.T
        # For a follow-up the last vector is the question with the earlier turn's subject filled in;
        # the bare question ("Where was she travelling?") says too little to rank by.
        sem = sims[:, -1]
        weights = self._weights(query)
        lex = np.array([coverage(weights, t) for t in cand_terms])
        # A sentence that names no person and says "he" / "she" speaks of a person its passage names:
        # of the people the question names, those its passage (or its article's title) names are
        # covered by it ("This time it was an Achilles issue which forced him to withdraw", in a
        # passage about Liam Paro). English's pronouns look back; which person they stand for, the
        # question's names in the passage say best.
        people = [t for e in nlp.parse(question).ents if e.label_ in nlp.PERSON and (t := terms(e.text))]
        around: dict[int, set[str]] = {}  # a passage's words, once per passage
        for i, c in enumerate(cands):
            if people and nlp.PRONOUN.search(c.text) and not any(label in nlp.PERSON for _, _, label in cand_ents[i]):
                if (words := around.get(id(c.passage))) is None:
                    words = around[id(c.passage)] = set(terms(c.passage.chunk.text + " " + c.passage.chunk.title))
                named = frozenset(w for p in people if p[-1] in words for w in p)  # (by the surname: "Paro")
                if named:
                    lex[i] = max(lex[i], coverage(weights, cand_terms[i] | named))
        rank_prior = np.array([0.04 * (1 - c.rank / max(len(passages), 1)) for c in cands])
        # A sentence an earlier answer already gave is news to nobody, unless nothing else fits.
        # (Not for "Why ...?": the sentence that said where she went may say what for.)
        repeat = np.array([0.2 if said and c.text in said and qi.kind != "reason" else 0.0 for c in cands])
        told = [self._tells_of_period(qi, c) for c in cands]  # sentences naming the question's month without its year
        score = 0.65 * sem + 0.35 * lex + rank_prior - repeat + self._fit(qi, cands, cand_ents, told)

        order = [int(i) for i in np.argsort(-score)]
        # Short questions ("Who is Japan's defence minister?") match long sentences weakly: a fact is
        # looked for in the best-scored sentences; what they must hold (kind, focus) does the rest.
        relevant = order[:12] if qi.kind in reader.FACT_KINDS else [i for i in order if sem[i] >= s.min_similarity * 0.9]
        if qi.kind == "person" and (agent := doers.asked_agent(question)):
            # "Who directed the film?": the best articles' sentences that name a person by the verb's
            # noun ("under director Emma Tammi, the film ...") are read too, however little of the
            # question they repeat
            nouns, docs = set(terms(" ".join(agent))), {cands[i].passage.chunk.doc_id for i in relevant[:3]}
            named = [i for i in order[len(relevant):] if nouns & cand_terms[i] and cands[i].passage.chunk.doc_id in docs
                     and any(label in nlp.PERSON for _, _, label in cand_ents[i])][:2]
            relevant = relevant[: len(relevant) - len(named)] + named
        in_period = qi.period is not None and any(
            (c.passage.chunk.date and qi.period[0].isoformat() <= c.passage.chunk.date <= qi.period[1].isoformat())
            or told[i] for i, c in enumerate(cands))
        act = asking.main_lemma(question) if qi.doer else ""
        if qi.doer and qi.kind == "other":
            acting = [i for i in order[:12] if speakers.acts(qi.doer, cands[i].text, cands[i].passage.chunk.text, act)]
            # (or one that names the doer and uses the verb, however the parse hangs the two: "for Rnf43
            # to regulate Wnt signaling" for "What does Rnf43 regulate?")
            names = set(terms(" ".join(w for w in qi.doer.split() if w[:1].isupper())))
            acting = acting or [i for i in order[:12] if act not in speakers.PRO_VERBS and names and names <= cand_terms[i]
                                and reader.uses_verb(act, cands[i].text, cand_terms[i])]
            if not acting:
                return abstain()  # "What did the WTO rule?": no passage tells of it doing that
            # "What did King establish in 1973?": a sentence that tells of her doing it comes first.
            order = acting + [i for i in order if i not in acting]
        found = self._direct(qi, question, passages, cands, cand_terms, cand_ents, order, relevant, sem, lex, score, weights, outlets,
                             follow_up=query != question)
        if found is None:
            return abstain()  # the kind of fact asked for is not in the evidence, or the speaker never speaks on it
        lead, short, grounded, per_outlet, support = found
        chosen = self._choose(qi, lead, order, score, sem, vecs, cands, support, short)
        if qi.outlets and qi.kind not in ("outlet", "timeline") and cands[lead].passage.chunk.source in qi.outlets:
            # "What does the Kyodo article say about X?": what other outlets say is not its answer.
            chosen = [i for i in chosen if cands[i].passage.chunk.source in qi.outlets]
        if qi.kind == "outlet" and grounded:
            chosen = list(per_outlet.values())
        covered = set().union(*(cand_terms[i] for i in chosen))
        covered_share = coverage(weights, covered)
        best_sim = float(sims.max())
        # (A lead sentence that holds most of the question's rarer words answers it however unlike the
        # question it reads: a long question resembles no sentence much.)
        # (the question's time excuses a lead that resembles it little only when the lead's article names
        # what it asks about: a 2022 sentence on another matter is no answer to "Flexport's revenue for 2022")
        timely = in_period and (not qi.names or reader.names_any(qi.names, cands[lead].passage.chunk))
        if (not short or qi.kind in ("process", "other")) and not grounded and not timely and lex[lead] < s.confident_coverage and (
                best_sim < s.min_similarity or (covered_share < s.min_coverage and best_sim < s.confident_similarity)):
            return abstain()
        before = previous(cands)
        starts = {i: self._quote_start(i, cands, before) for i in chosen}
        begun = {(cands[i].passage.chunk.chunk_id, starts[i]) for i in chosen if starts[i] != cands[i].start}
        chosen = [i for i in chosen if i == lead or (cands[i].passage.chunk.chunk_id, cands[i].start) not in begun]
        ends = {i: cands[i].end for i in chosen}
        # (a later sentence quoted from where its quotation opens, in the lead sentence: the lead runs on to
        # its end, and the quotation is given once, not the lead and then the lead again with the rest)
        if (on := next((j for j in chosen if j != lead and cands[j].passage.chunk.chunk_id == cands[lead].passage.chunk.chunk_id
                        and starts[j] <= cands[lead].start < cands[j].start), None)) is not None:
            starts[lead], ends[lead] = min(starts[lead], starts[on]), cands[on].end
            chosen.remove(on)
        evidence = [Evidence(cands[i].passage, starts[i], ends[i], float(score[i])) for i in chosen]
        head, text, citations = compose(evidence, lead=0, short=short, lead_first=qi.latest)
        if qi.kind == "outlet" and grounded:  # "The Korea Herald [1], Kyodo News [2]."
            marks = {c.doc_id: c.n for c in citations}
            # An outlet that reports another's report names it: "Newsis (via UPI)".
            verb = asking.main_lemma(question)
            told = {o: speakers.reporter(cands[i].text, verb) for o, i in per_outlet.items()}
            named = ", ".join((f"{told[o]} (via {o})" if told[o] and told[o].lower() not in o.lower() else o)
                              + f" [{marks[cands[i].passage.chunk.doc_id]}]" for o, i in per_outlet.items())
            text, head = f"{named}." + text[len(head):], f"{named}."
        return Answer(question=question, answer=text, abstained=False, citations=citations, passages=passages,
                      search_query=query, short=head)

    @staticmethod
    def _telling(qi: Question, found: tuple[int, str], cands: list[_Candidate], passages: list[Passage],
                 held: dict[int, set[str]]) -> set[str]:
        """The words that tell of the fact found: its passage's and its article's title's (and those of the passage of
        the sentence before it in its article, which it may go on from: "the two-week exercise" after "the Cobra
        Gold exercises"), and, for a name, those of every passage that names it (a question that joins two
        articles' facts, "Which company, reported by TechCrunch and The Verge, ...?", is told of by both).
        `held`: each passage's words (Answerer._words), by the passage's id."""
        told = set(held[id(cands[found[0]].passage)])
        if (before := previous(cands).get(found[0])) is not None:
            told |= held[id(cands[before].passage)]
        name = term_set(found[1]) if qi.kind in ("person", "organization", "place") else frozenset()
        for p in passages if name else ():
            if name <= held[id(p)]:
                told |= held[id(p)]
        return told

    @staticmethod
    def _words(p: Passage) -> set[str]:
        """The words of a passage and of its article's title, outlet and byline."""
        return set(terms(" ".join((p.chunk.text, p.chunk.title, p.chunk.source, p.chunk.byline))))

    def _direct(self, qi: Question, question: str, passages: list[Passage], cands, cand_terms, cand_ents, order: list[int],
                relevant: list[int], sem, lex, score, weights, outlets, follow_up: bool = False) -> tuple[int, str, bool, dict[str, int], list[int]] | None:
        """The sentence that leads the answer, the direct answer taken from the passages ("" when the
        lead sentence is the answer), whether the evidence of the kind asked for was found (then no
        abstaining on similarity), for "which outlets" each outlet's sentence, and further sentences
        of the kind asked for (the speaker's other words); None: abstain. `follow_up`: the question was
        rewritten with an earlier turn's words."""
        s = self.settings
        best = order[0]
        lead, short, grounded = best, "", False
        per_outlet: dict[str, int] = {}
        support: list[int] = []
        # "Besides Checkr, which company ...?": what one of the best sentences joins to Checkr by "and"
        # is the answer ("companies like Checkr and Appriss"), whatever the recognizer calls it.
        aside = besides.set_aside(question) if qi.kind not in ("yesno", "outlet", "describe") else []
        good = [i for i in order[:6] if sem[i] >= s.min_similarity * 0.9 or lex[i] >= s.min_coverage] if aside else []
        if (joined := next(((i, o) for i in good if (o := besides.others(cands[i].text, aside, question))), None)) is not None:
            return joined[0], joined[1], True, per_outlet, support
        # "Whose IcyVeins guide is the build based on?", "Which sportsbook's app ...?": the name one of the best
        # sentences sets in the possessive before that noun, whatever the recognizer takes it for; of several, the one
        # whose noun's phrase shares most of the question ("AaronActionRPG’s Double Swing Barbarian endgame guide", not
        # "Lexyu’s Barbarian leveling guide", for "... Double Swing Barbarian endgame build ...?")
        owned, narrowed = asking.possessed_asked(question)
        owners = [(i, o) for i in order[:6] if (sem[i] >= s.min_similarity * 0.9 or lex[i] >= s.min_coverage)
                  and narrowed <= cand_terms[i] and (o := clauses.owner_named(owned, cands[i].text, question))] if owned else []
        if owners:
            i, (name, _) = max(owners, key=lambda held: held[1][1])
            return i, name, True, per_outlet, support
        if qi.kind in reader.KIND_LABELS:
            found = self.facts.find(qi, cands, cand_ents, relevant, cand_terms, sem, lex, score)
            if found is None and (qi.kind in ("number", "date") or qi.focus or qi.role):
                return None  # ("Which Japanese minister ...?": no minister the evidence calls Japanese)
            if found is None and qi.kind == "person" and not self._told(question, cands, relevant[:6], cand_terms):
                return None  # "Who replaced X?": no name, and no sentence tells of anyone doing that
            # ("How much does a YNAB subscription cost?": not the price of another app a weaker passage gives,
            # when the passage that tells most of the question gives none; not for a follow-up, whose words
            # searched are two turns' and are told of by different passages)
            if found is not None and not follow_up:
                held = {id(p): self._words(p) for p in passages}  # (each passage's words read once)
                if coverage(weights, self._telling(qi, found, cands, passages, held)) < s.fact_coverage_share * max(
                        coverage(weights, words) for words in held.values()):
                    return None
            if found is not None:
                lead, short = found
                # "late Friday" says which day only with its article's date (not a list's line, "Superman:
                # Legacy: July 11": no tense to tell which year)
                if qi.kind == "date" and reader.has_predicate(cands[lead].text):
                    short = when.with_day(cands[lead].text, short, cands[lead].passage.chunk.date)
        elif qi.kind == "describe":
            # The fullest of the first few descriptions ("General Security of Military Information
            # Agreement, a bilateral ... pact" over the bare expansion).
            found = [(i, d) for i in order if (d := reader.describe(qi.subject, cands[i].text)) is not None][:3]
            last = qi.subject.split()[-1].lower()
            by = next((i for i in order if last in cands[i].passage.chunk.byline.lower()), None)
            if found:
                lead, short = max(found, key=lambda f: len(f[1]))
            elif by is not None:  # a byline: who wrote the article
                chunk = cands[by].passage.chunk
                lead, short = by, f"the author of “{chunk.title}”" + (f" ({chunk.source})" if chunk.source else "")
            else:
                # (by the surname alone only where no other given name comes before it: "Matt Huang"
                # is not Jensen Huang)
                # (nor by the surname alone in a passage that gives it another given name: "Shiffrin" is Mikaela
                # where the passage names "Mikaela Shiffrin", not her father Jeff; the full name is his anywhere)
                mentions = [i for i in order if re.search(rf"\b{re.escape(last)}\b", cands[i].text.lower()) and (
                            qi.subject.lower() in cands[i].text.lower() or not (speakers.another_of_the_name(qi.subject, cands[i].text)
                                                                             or speakers.another_of_the_name(qi.subject, cands[i].passage.chunk.text)))]
                if not mentions:
                    return None  # no passage speaks of them
                lead, grounded = mentions[0], True  # what the articles say of them, if not who they are
        elif qi.kind == "published":
            # "When was the X article published?": the date of the best-matching article (of the
            # outlet the question names, if any), from its metadata.
            dated = [i for i in order if cands[i].passage.chunk.date and (not qi.outlets or cands[i].passage.chunk.source in qi.outlets)]
            if not dated:
                return None
            lead, short, grounded = dated[0], nice_date(cands[dated[0]].passage.chunk.date), True
        elif qi.kind == "author":
            # (of the outlet the question names: "Who wrote the Kyodo News article?" is not another's byline)
            by = next((i for i in order if cands[i].passage.chunk.byline and (not qi.outlets or cands[i].passage.chunk.source in qi.outlets)), None)
            if by is not None:
                lead, short = by, cands[by].passage.chunk.byline
            elif qi.outlets:
                return None  # that outlet's articles name no author
        elif qi.kind == "statement" and qi.subject:
            if qi.outlets:
                own = [i for i in order if cands[i].passage.chunk.source in qi.outlets]
                # The outlet's own sentence on the question's topic is what it reported, however
                # weakly the sentence resembles the question ("What did UPI report about Cobra Gold?").
                topic = set(terms(asking.topic_words(question, qi.subject))) - set(terms(" ".join(qi.outlets)))
                # (a place is spoken of by its people's name too: "Japan" by "the Japanese Industry Ministry")
                places = {w.lower() for e in nlp.parse(question).ents if e.label_ in nlp.PLACE | {"NORP"} for w in e.text.split()}

                def peoples(i: int) -> set[str]:  # (the names in "the Japanese Industry Ministry", an organisation)
                    return {w.lower() for a, b, _ in cand_ents[i] for w in re.findall(r"[\w-]+", cands[i].text[a:b]) if w[:1].isupper()}

                on_topic = [i for i in own if topic and (topic & cand_terms[i] or (places and (told := peoples(i)) and speakers.same_owner(places, told)))]
                if topic and own and not on_topic:
                    return None  # the outlet's articles never speak of it ("What did X report about Y?")
                lead, grounded = (on_topic[0], True) if on_topic else (own[0] if own else best, False)
            else:
                topic = set(terms(asking.topic_words(question, qi.subject)))
                about = {id(p): set(terms(p.chunk.embed_text)) for p in passages}  # X's words in a passage about Y
                voiced: dict[int, bool] = {}

                def says(i: int) -> bool:
                    if i not in voiced:
                        voiced[i] = speakers.speaks(qi.subject, cands[i].text, cands[i].passage.chunk.text)
                    return voiced[i]

                # A sentence inside a quotation that the speaker's sentence before it opened is theirs too,
                # and one that opens a quotation the speaker's sentence after it closes ("“We're
                # disappointed ... . We're urging ...,” Pompeo said").
                before = previous(cands)
                after = {j: i for i, j in before.items()}
                goes_on = {i for i in order if i in before and speakers.opens_quote(cands[before[i]].text) and says(before[i])}
                goes_on |= {i for i in order if i in after and speakers.opens_quote(cands[i].text) and says(after[i])}
                speaking = [i for i in order if (not topic or topic & about[id(cands[i].passage)]) and (i in goes_on or says(i))]
                # "What did he urge ...?": his words that use the question's own verb come first.
                verb = set(terms(asking.main_verb(question)))
                # Then the sentences that name the speaker by what it is ("the ministry", not only
                # "South Korea"): "it" may be someone else.
                head = speakers.head_word(qi.subject)
                # (A plural, "US officials", names a group: any of it named as speaking is named so,
                # "US Secretary of State Mike Pompeo said".)
                group = any(t.tag_ in ("NNS", "NNPS") and t.dep_ == "ROOT" for t in nlp.parse(qi.subject))
                named = [i in goes_on or head in {w.lower() for w in re.findall(r"[\w-]+", cands[i].text)}
                         or (group and i in speaking and speakers.speaks(qi.subject, cands[i].text)) for i in range(len(cands))]
                # Of those, the ones that name the topic themselves ("about the agreement": "... to maintain
                # an agreement ..."), not only their passage: by what it says of the names first ("the
                # decision" of "South Korea's decision to quit GSOMIA"), then by the names alone.
                plain = topic - set(terms(" ".join(qi.names)))
                speaking.sort(key=lambda i: (not (verb and verb <= cand_terms[i]), not named[i], not (plain & cand_terms[i]),
                                             not (topic & cand_terms[i])))
                if not speaking and any(self.keyword.knows(t) for t in terms(qi.subject)):
                    return None  # that speaker is never quoted on this
                if speaking:
                    lead, grounded = speaking[0], True
                    # The speaker's other words: their own (a quotation) before what is reported of them.
                    support = sorted((i for i in speaking[1:] if named[i]), key=lambda i: not speakers.quotes(cands[i].text))
                    short = speakers.said(cands[lead].text) or ""
                    if len(short) > 0.5 * len(cands[lead].text):  # the sentence is the answer; not said twice
                        short = ""
        elif qi.kind == "process":
            # "How does X plan to do Y?": a sentence that gives the means leads, if it is among
            # the best (the parse that finds it is costly, so only a few are read).
            for i in order[:4]:
                if score[i] < 0.8 * score[best]:
                    break
                if (how := circumstances.means(cands[i].text, question)) is not None:
                    lead, short = i, how
                    break
        elif qi.kind == "reason":
            # "Why did X do Y?": the reason one of the best sentences gives leads, a plain word of
            # cause ("because", "in response to", "citing") before one that may be of time ("after").
            found = []
            for rank, i in enumerate(order[:4]):
                if score[i] < 0.85 * score[best]:
                    break
                if (why := circumstances.cause(cands[i].text, question)) is not None:
                    found.append((why[0], rank, i, why[1]))
            if found:
                _, _, lead, short = min(found)
            elif not set(cand_terms[best]) - set(terms(question)):
                # A sentence that only restates the question ("The tickets are $19.89 for adults")
                # explains nothing: the next of the best that tells more of the question's things
                # ("sold for $19.89, a reference to her birth year") leads.
                asked = set(terms(question))
                # (with the figures the question gives, when it gives any: they say which thing)
                lead = next((i for i in order[1:4] if score[i] >= 0.7 * score[best] and figures.gives_numbers(qi, cands[i].text)
                             and len(cand_terms[i] & asked) >= 2 and len(set(cand_terms[i]) - asked) >= 3), best)
        elif qi.kind == "topic":
            # "Tell me about Cobra Gold": the best sentence that names what is asked about is about
            # it, however little it resembles the request ("tell me").
            named = set(terms(qi.subject))
            grounded = bool(named) and named <= cand_terms[best]
        elif qi.kind == "other" and qi.focus:
            # ("What is the intelligence pact called?" is answered by a name, not "intelligence sharing")
            name = question_reader.asks_name(question)
            # ("Which tribe is Montoya-Lewis an enrolled member of?": the name a sentence about her puts after
            # the same words, "is an enrolled member of the Pueblo of Isleta Indian tribe")
            framed = next(((i, f) for i in order[:12] if (f := clauses.same_frame(question, cands[i].text)) is not None), None)
            # ("Which Disney movie almost bankrupted the studio?": the name a sentence gives as doing the
            # question's act to its object, "Black Cauldron, which almost bankrupted the studio", before
            # what merely specifies the noun, "adventure movies")
            if framed is None and asking.asks_subject(question, which=True):
                framed = next(((i, by) for i in order[:6] if (by := clauses.doer_of_object(question, cands[i].text))
                               and term_set(by) - term_set(question)), None)
            # ("In which journal were the experiments published?": the name a best sentence puts after the
            # same verb and preposition, "experiments published in BMC Biology")
            if framed is None:
                framed = next(((i, f) for i in order[:6] if (f := clauses.same_verb_frame(question, cands[i].text)) is not None), None)
            if framed is not None:
                lead, short = framed
            # (a noun of several words by its last, in a sentence that holds the others: "What dividend yield
            # ...?" by "a dividend yield of around 3 per cent")
            head, rest = qi.focus.split()[-1], term_set(qi.focus) if " " in qi.focus else set()
            label, asked = nlp.label_of_noun(head), term_set(question)

            def labelled(i: int) -> str | None:
                # (a name of the noun's kind in the sentence, by the recognizer's label, that the question does not give)
                return next((cands[i].text[a:b] for a, b, lab in cand_ents[i] if lab == label
                             and term_set(cands[i].text[a:b]) - asked), None) if label else None

            for i in order[:6] if framed is None else ():  # "Which exports ...?": the best sentence that says which
                # (of an article that names one of the question's names at least: "a $1.4 billion valuation" in
                # an article on Scalable Capital is no answer to "What valuation did Rainforest reach?")
                if qi.names and not reader.names_any(qi.names, cands[i].passage.chunk):
                    continue
                # (a figure the sentence gives as the noun's value answers for a noun of measure: "a 120-Hz refresh
                # rate" for "What refresh rate ...?", before "refresh" that specifies "rate")
                if (valued := _value_told(question, qi.names, head, rest, [i], cands, cand_terms, cand_ents)) is not None:
                    lead, short = valued
                    break
                # (the words that narrow the noun may be said once in the passage: "A new drug called Quviviq" in a
                # passage on sleep, for "What new sleeping drug ...?")
                if (rest <= cand_terms[i] or rest <= cand_terms[i] | term_set(cands[i].passage.chunk.text)) and (spec := specifiers.specifier(head, cands[i].text, question, modified=bool(rest))) is not None and (not name or any(ch.isupper() for ch in spec.split()[0])):
                    lead, short = i, spec
                    break
                # (or a name of the noun's kind, by the recognizer's label, that a better sentence gives, before what a
                # weaker one says specifies the noun: "By leveraging the Defense Production Act, this EO will ..." for
                # "Which law does the order use ...?", not "EU" of "EU law")
                if (by_label := labelled(i)) is not None:
                    lead, short = i, reader.bare_name(by_label)
                    break
            else:
                # (a term is introduced in quotation marks by a verb of naming: "termed “game handicap”":
                # the best sentences' quoted words the question does not use; see specifiers.quoted_term)
                for i in order[:3] if name and framed is None else ():
                    if (term := specifiers.quoted_term(cands[i].text, question)) is not None:
                        lead, short = i, term
                        break
            if not short and framed is None and label:
                # ("Which law does the order use ...?": a name of the noun's kind in one of the best
                # sentences, by the recognizer's label, "the Defense Production Act", when none says
                # "law"; of an article that names none of the question's names too)
                named = next(((i, by) for i in order[:6] if (by := labelled(i)) is not None), None)
                if named is not None:
                    lead, short = named[0], reader.bare_name(named[1])
            noun = asking.asked_noun(question)
            # (not of a noun that names a relation, "part", or WordNet's top, "thing", rather than a kind;
            # nor of "kind" itself, whose kind the question gives after it: "What kind of glass ...?")
            if not short and framed is None and noun and lexicon.noun_class(noun) not in ("relation", "Tops") \
                    and not lexicon.kind_of(noun, "kind") and "kind" not in {noun, *lexicon.noun_synonyms(noun)}:
                # ("Which illness did she get from a tick bite?": a thing of the asked noun's kind in
                # one of the best sentences, by WordNet, "Lyme disease", when none says "illness")
                kind = next(((i, k) for i in order[:3] if score[i] >= 0.8 * score[best]
                             and (k := specifiers.of_kind(noun, cands[i].text, question)) is not None), None)
                if kind is not None:
                    lead, short = kind
            if name and not short and framed is None and not specifiers.gives_a_name(cands[lead].text, question):
                return None  # "What is the name of ...?": the best sentence names nothing the question does not
        elif qi.kind == "other" and (measured := asking.be_subject(question)) is not None:
            # ("What was the occupancy rate at the tower?": the figure a good sentence gives as the rate's value)
            if (valued := _value_told(question, qi.names, *measured, order[:6], cands, cand_terms, cand_ents)) is not None:
                lead, short = valued
        elif qi.kind == "outlet":
            # Each outlet whose article says it, with the sentence that does: one close to the best
            # (a sentence that only shares the question's setting says something else).
            top = score[relevant[0]] if relevant else 0.0
            close = [j for j in relevant[:6] if score[j] >= s.support_cutoff * top]
            # (then an outlet whose sentence holds the question's words and every name it asks about,
            # however unlike the question it reads: "the forced labour of ..." for "the forced labor issue")
            names = set(terms(" ".join(qi.names)))
            worded = [j for j in close if lex[j] >= s.min_coverage and names <= cand_terms[j]]
            for i in ([j for j in close if sem[j] >= s.min_similarity * 0.9] or relevant[:1]) + worded:
                chunk = cands[i].passage.chunk
                # (an article that names no outlet is named by its title)
                per_outlet.setdefault(chunk.source or f"“{chunk.title}” (no outlet named)", i)
            # An outlet's sentence that names whom it has doing the question's act ("as quoted by the
            # Yonhap news agency") says it more plainly than its best sentence.
            verb = asking.main_lemma(question)
            for o, i in list(per_outlet.items()):
                doc = cands[i].passage.chunk.doc_id
                named = next((j for j in relevant[:12] if cands[j].passage.chunk.doc_id == doc and speakers.reporter(cands[j].text, verb)), None)
                if named is not None:
                    per_outlet[o] = named
            # "Which newspaper first disclosed the audio?": one outlet, named in one of the best sentences as doing the
            # question's act ("In the speech, first disclosed by the Aspen Times, ..."), is the answer,
            # whatever outlets the articles come from (not for verbs of saying or reporting, which the
            # articles' own outlets do: "Which outlets reported X?")
            # (a parse only of a sentence with an organisation's name and a form of the verb: parses cost)
            acting = bool(verb) and verb not in speakers.SPEECH | question_reader.PUBLISH and not asking.plural_asked(question)
            by = next(((i, d) for i in (order[:16] if acting else ()) if any(label in nlp.ORGANIZATION for _, _, label in cand_ents[i])
                       and verb in {lexicon.verb_base(w) for w in re.findall(r"[a-z]+", cands[i].text.lower())}
                       and (d := speakers.doer(verb, cands[i].text))
                       and any(cands[i].text[a:b].endswith(d) for a, b, label in cand_ents[i] if label in nlp.ORGANIZATION)), None)
            if by is not None:
                per_outlet = {by[1]: by[0]}
            if per_outlet:
                lead, short, grounded = next(iter(per_outlet.values())), ", ".join(per_outlet), True
        elif qi.kind == "yesno":
            v = yesno.decide(qi, cands, relevant or [best], order, sem, cand_terms, weights, outlets, self._weights)
            if v is None:
                return None  # neither supported nor contradicted: the articles don't say (with the closest passages)
            short = v
            if v == "No" and not qi.negated and not verdict.denies(qi, cands[lead].text):
                # (a sentence that negates the claim, if one of the best does, is the evidence of the No)
                lead = next((i for i in (relevant or order)[:6] if verdict.denies(qi, cands[i].text)), lead)
        if qi.latest and qi.kind in ("yesno", "other", "statement", "process", "reason", "timeline"):
            # The newest article the search found leads, however it words the question's topic.
            dated = [i for i in relevant if cands[i].passage.chunk.date] or [i for i in order if cands[i].passage.chunk.date]
            # (the newest of the passages that name what the question names, when some do: "Is X still
            # the CEO?" is not answered by the newest article about anything else)
            names = [set(terms(n)) for n in qi.names]
            dated = [i for i in dated if all(n <= set(terms(cands[i].passage.chunk.text)) for n in names)] or dated
            if dated:
                newest = max(cands[i].passage.chunk.date for i in dated)
                # (its sentence that uses the question's verb, "still negotiating", if one does)
                act = set(terms(asking.main_verb(question)))
                # (and never a caption or a heading without a verb, "Elon Musk and Sam Altman.", when a
                # sentence of that article says something)
                lead = min((i for i in dated if cands[i].passage.chunk.date == newest),
                           key=lambda i: (not (act and act <= cand_terms[i]), not reader.has_predicate(cands[i].text)))
                if not reader.has_predicate(cands[lead].text):
                    doc = cands[lead].passage.chunk.doc_id
                    lead = next((i for i in order[:24] if cands[i].passage.chunk.doc_id == doc and reader.has_predicate(cands[i].text)), lead)
                # "What is the latest on Cobra Gold?": the newest sentence that names what it asks about
                # answers it, however little else of the question it shares ("news", "latest").
                named = set(terms(" ".join(qi.names)))
                grounded = grounded or (qi.kind == "other" and bool(named) and named <= cand_terms[lead])
        return lead, short, grounded, per_outlet, support

    @staticmethod
    def _told(question: str, cands, among: list[int], cand_terms) -> bool:
        """Does one of these sentences use the question's verb (any form of it), or has the
        question none ("Who is ...?")?"""
        verb = asking.main_verb(question)
        return not nlp.lemma(verb) or any(reader.uses_verb(verb, cands[i].text, cand_terms[i]) for i in among)

    def _fit(self, qi: Question, cands: list[_Candidate], ents: list[list], told: list[bool]) -> np.ndarray:
        """How well each sentence fits what the question asks beyond its words: the kind of fact,
        the time, the speaker, the outlet."""
        fit = np.zeros(len(cands))
        wanted = reader.labels_for(qi)
        dates = sorted({c.passage.chunk.date for c in cands if c.passage.chunk.date})
        names = [n.lower() for n in qi.names]
        asked = set(terms(qi.text))
        # "What did X agree to do?": the answer tells of that act. (By the verb's stem: WordNet's
        # synonyms of a verb span its every sense, and a parse of every candidate costs.)
        act = asking.main_lemma(qi.text) if qi.kind == "other" else ""
        acts = frozenset(terms(act)) if act not in lexicon.GENERAL_VERBS else frozenset()
        for i, c in enumerate(cands):
            chunk = c.passage.chunk
            low = c.text.lower()
            if names:  # the names the question uses ("the US") are who or what the answer is about
                fit[i] += 0.08 * sum(n.removeprefix("the ").removesuffix("'s") in low for n in names) / len(names)
            if acts and acts & set(terms(c.text)):
                fit[i] += 0.08
            if qi.kind in ("reason", "process"):  # an answer says more than the question: a restatement does not explain
                new = set(terms(c.text)) - asked
                fit[i] += 0.06 * min(1.0, len(new) / 10)
            if qi.period and c.key[1] < 600:  # "what happened in <month>": a news lede says it first
                fit[i] += 0.06
            if wanted and reader.candidates(qi, c.text, ents[i]):
                fit[i] += 0.08
            if qi.period and chunk.date and qi.period[0].isoformat() <= chunk.date <= qi.period[1].isoformat():
                fit[i] += 0.08
            if qi.period_text and any(qi.period_text.lower() in c.text[a:b].lower() or c.text[a:b].lower() in qi.period_text.lower()
                                      for a, b, label in ents[i] if label in nlp.DATE):
                fit[i] += 0.08
            elif told[i]:
                fit[i] += 0.08
            if qi.latest and chunk.date and len(dates) > 1:
                fit[i] += 0.1 * dates.index(chunk.date) / (len(dates) - 1)
            if qi.outlets and chunk.source in qi.outlets:
                fit[i] += 0.05
            if qi.kind == "statement" and qi.subject and speakers.speaks(qi.subject, c.text, chunk.text):
                fit[i] += 0.08
        return fit

    @staticmethod
    def _tells_of_period(qi: Question, c: _Candidate) -> bool:
        """Does the sentence name a month of the question's time without its year ("Earlier in
        December", in an article of January 2020, for "in December 2019")?"""
        chunk = c.passage.chunk
        if not qi.period or not chunk.date:
            return False
        lo, hi = (qi.period[0].year, qi.period[0].month), (qi.period[1].year, qi.period[1].month)
        return any(lo <= ym <= hi for ym in months_meant(c.text, date.fromisoformat(chunk.date)))

    def _choose(self, qi: Question, lead: int, order: list[int], score, sem, vecs, cands, support: list[int] = (), short: str = "") -> list[int]:
        """The lead sentence, then the best others (fewer after a short fact); a timeline takes the
        best sentence of each article instead. Sentences of the kind asked for (`support`) come
        before others that only resemble the question, down to a lower score."""
        s = self.settings
        most = s.max_sentences if qi.kind not in reader.FACT_KINDS else max(1, s.max_sentences - 1)
        chosen = [lead]
        if qi.kind == "timeline":
            docs = {cands[lead].passage.chunk.doc_id}
            for i in order:
                doc = cands[i].passage.chunk.doc_id
                if doc not in docs and sem[i] >= s.min_similarity:
                    chosen.append(i)
                    docs.add(doc)
            return chosen[: s.timeline_articles]
        pool = support if qi.kind == "statement" and support else [*support, *order]
        for i in pool:
            if len(chosen) >= most:
                break
            if score[i] < (s.support_cutoff if i in support else s.relative_cutoff) * score[order[0]]:
                continue
            if i in chosen or sem[i] < s.min_similarity * 0.9:
                continue
            if max(float(vecs[i] @ vecs[j]) for j in chosen) >= s.redundancy:
                continue
            chosen.append(i)
        return self._with_continuations(chosen, cands, fact=bool(short) and qi.kind in reader.FACT_KINDS)


def _asks(sentence: str) -> bool:
    """Is the sentence a question? Not one that states something and ends by quoting a question
    ('asking X how much each had “returned to customers ...?”'): its question mark closes a
    quotation opened after the sentence began."""
    text = sentence.rstrip(" '\"’”")
    if not text.endswith("?"):
        return False
    # (a quotation still open at the question mark; "Why is he known as "Mr. Irrelevant" if ...?" asks)
    opened = text.rfind("“") > max(0, text.rfind("”")) or (text.count('"') % 2 == 1 and text.find('"') > 0)
    return not opened


def _value_told(question: str, names: list[str], noun: str, rest: set[str], within: list[int], cands: list[_Candidate],
                cand_terms: list, cand_ents: list) -> tuple[int, str] | None:
    """The figure the first of these sentences to tell of the asked noun gives as its value ("a 120-Hz refresh
    rate", "the occupancy rate was 77 per cent"), with it: (its index, the figure); the sentence holds the
    noun's phrase (`rest`) and is of an article that names one of the question's names; None for none."""
    people = [t for e in nlp.parse(question).ents if e.label_ in nlp.PERSON and (t := terms(e.text))]
    for i in within:
        if not rest <= cand_terms[i] or (names and not reader.names_any(names, cands[i].passage.chunk)):
            continue
        # (of the person the question names, not of another the sentence names alone: "Flowers was targeted ...
        # with a 15.27 Average Depth of Target" is no answer for Gabe Davis)
        if people and any(lab in nlp.PERSON for _, _, lab in cand_ents[i]) and not any(p[-1] in cand_terms[i] for p in people):
            continue
        # (the best sentence that tells of the noun, or none: "the best economy rate in the whole tournament, with
        # 4.06" gives no figure the parse ties to the rate, and a weaker one's "an economy rate of 4.25" is another's)
        value = specifiers.value_of(noun, cands[i].text, question)
        return (i, value) if value is not None else None
    return None
