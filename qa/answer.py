"""The offline answerer: no LLM. It picks the sentences of the retrieved passages that best answer
the question (meaning and shared rare words, redundancy removed), and abstains when the support
is weak."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from qa import nlp, reader, when, yesno
from qa import question as question_reader
from qa.cite import Evidence, compose
from qa.dates import months_meant
from qa.embed import Encoder
from qa.keyword import KeywordIndex, coverage, terms
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
                    cache[c.key, c.text] = (vec, words, ents if ents is not None else found[c.key])
            missing = [c for c in missing if c.key not in stored]
        if missing:
            ents = nlp.entities([c.text for c in missing])
            for c, v, e in zip(missing, self.encoder.encode([c.text for c in missing]), ents):
                cache[c.key, c.text] = (v, frozenset(terms(c.text)), e)
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

    @staticmethod
    def _previous(cands: list[_Candidate]) -> dict[int, int]:
        """The sentence just before each one in its article, among the candidates."""
        by_pos = sorted((c.key, i) for i, c in enumerate(cands))
        return {i: j for (k1, j), (k2, i) in zip(by_pos, by_pos[1:]) if k1[0] == k2[0]}

    def _with_continuations(self, chosen: list[int], cands: list[_Candidate]) -> list[int]:
        """Add the sentence that directly continues a chosen one (see _LINKED), at most one."""
        by_pos = {(c.passage.chunk.doc_id, c.passage.chunk.start + c.start): i for i, c in enumerate(cands)}
        for i in list(chosen):
            c = cands[i]
            nxt = next(
                (j for (doc, pos), j in sorted(by_pos.items()) if doc == c.passage.chunk.doc_id and pos > c.key[1]),
                None,
            )
            if nxt is not None and nxt not in chosen and _LINKED.search(cands[nxt].text):
                return chosen + [nxt]
        return chosen

    def unknown_names(self, question: str, known: frozenset[str] = frozenset(), seen: str = "") -> list[str]:
        """Capitalized words of the question (names) that no article contains and no article's
        metadata (outlet, byline, title) holds: a question about someone or something the corpus
        never mentions is not answered from it."""
        words = re.findall(r"(?<![.?!]\s)(?<!^)\b([A-Z][\w-]+)", question.strip())
        # (days and months are capitalised too, but no names: "on Sunday" is a claim to check)
        dated = {w for e in nlp.parse(question).ents if e.label_ in nlp.DATE for w in e.text.split()}
        words = [w for w in words if w not in dated]
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
        if qi.kind in ("person", "organization") and query != question and any(t.lower_ in reader.PRONOUNS for t in nlp.parse(question)):
            # "Who was she expected to meet?": not whom "she" stands for (names the rewritten query adds).
            qi = replace(qi, excluded=tuple(e for e in question_reader.read(query).names if e.lower() not in question.lower()))
        if qi.kind == "statement" and query != question and nlp.parse(qi.subject or "x")[0].pos_ == "PRON":
            # "What did he urge ...?" after a turn about Iwaya: the speaker comes from the rewritten query.
            qi = replace(qi, subject=question_reader.read(query).subject or qi.subject)

        def abstain(text: str = ABSTAIN) -> Answer:
            return Answer(question=question, answer=text, abstained=True, passages=passages[:3], search_query=query)

        if qi.unknown_outlet and (qi.kind != "statement" or not self.mentioned(qi.unknown_outlet)) and not all(t in known for t in terms(qi.unknown_outlet)):
            return abstain(f"{ABSTAIN} No ingested article is from {qi.unknown_outlet}.")
        said = " ".join(re.sub(r"\s+", " ", prev) for prev in previous_answers)
        # A question in an article is not an answer to it.
        cands = [c for c in self._candidates(passages) if not c.text.rstrip(" '\"’”").endswith("?")]
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
        rank_prior = np.array([0.04 * (1 - c.rank / max(len(passages), 1)) for c in cands])
        # A sentence an earlier answer already gave is news to nobody, unless nothing else fits.
        repeat = np.array([0.2 if said and c.text in said else 0.0 for c in cands])
        told = [self._tells_of_period(qi, c) for c in cands]  # sentences naming the question's month without its year
        score = 0.65 * sem + 0.35 * lex + rank_prior - repeat + self._fit(qi, cands, cand_ents, told)

        order = [int(i) for i in np.argsort(-score)]
        # Short questions ("Who is Japan's defence minister?") match long sentences weakly: a fact is
        # looked for in the best-scored sentences; what they must hold (kind, focus) does the rest.
        relevant = order[:12] if qi.kind in reader.FACT_KINDS else [i for i in order if sem[i] >= s.min_similarity * 0.9]
        in_period = qi.period is not None and any(
            (c.passage.chunk.date and qi.period[0].isoformat() <= c.passage.chunk.date <= qi.period[1].isoformat())
            or told[i] for i, c in enumerate(cands))
        act = next((t.lemma_ for t in nlp.parse(reader.main_verb(question))), "") if qi.doer else ""
        if qi.doer and qi.kind == "other" and not any(reader.acts(qi.doer, cands[i].text, cands[i].passage.chunk.text, act) for i in order[:12]):
            return abstain()  # "What did the WTO rule?": no passage tells of it doing that
        found = self._direct(qi, question, passages, cands, cand_terms, cand_ents, order, relevant, sem, lex, score, weights, outlets)
        if found is None:
            return abstain()  # the kind of fact asked for is not in the evidence, or the speaker never speaks on it
        lead, short, grounded, per_outlet, support = found
        chosen = self._choose(qi, lead, order, score, sem, vecs, cands, support)
        if qi.kind == "outlet" and grounded:
            chosen = list(per_outlet.values())
        covered = set().union(*(cand_terms[i] for i in chosen))
        covered_share = coverage(weights, covered)
        best_sim = float(sims.max())
        if (not short or qi.kind in ("process", "other")) and not grounded and not in_period and (best_sim < s.min_similarity or (covered_share < s.min_coverage and best_sim < s.confident_similarity)):
            return abstain()
        evidence = [Evidence(cands[i].passage, cands[i].start, cands[i].end, float(score[i])) for i in chosen]
        head, text, citations = compose(evidence, lead=0, short=short, lead_first=qi.latest)
        if qi.kind == "outlet" and grounded:  # "The Korea Herald [1], Kyodo News [2]."
            marks = {c.source: c.n for c in citations}
            named = ", ".join(f"{o} [{marks[o]}]" for o in per_outlet)
            text, head = f"{named}." + text[len(head):], f"{named}."
        return Answer(question=question, answer=text, abstained=False, citations=citations, passages=passages,
                      search_query=query, short=head)

    def _direct(self, qi: Question, question: str, passages: list[Passage], cands, cand_terms, cand_ents, order: list[int],
                relevant: list[int], sem, lex, score, weights, outlets) -> tuple[int, str, bool, dict[str, int], list[int]] | None:
        """The sentence that leads the answer, the direct answer taken from the passages ("" when the
        lead sentence is the answer), whether the evidence of the kind asked for was found (then no
        abstaining on similarity), for "which outlets" each outlet's sentence, and further sentences
        of the kind asked for (the speaker's other words); None: abstain."""
        s = self.settings
        best = order[0]
        lead, short, grounded = best, "", False
        per_outlet: dict[str, int] = {}
        support: list[int] = []
        if qi.kind in reader.KIND_LABELS:
            found = self._fact(qi, cands, cand_ents, relevant, cand_terms, sem, lex, score)
            if found is None and (qi.kind in ("number", "date") or qi.focus):
                return None
            if found is None and qi.kind == "person" and not self._told(question, cands, relevant[:6], cand_terms):
                return None  # "Who replaced X?": no name, and no sentence tells of anyone doing that
            if found is not None:
                lead, short = found
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
                mentions = [i for i in order if re.search(rf"\b{re.escape(last)}\b", cands[i].text.lower())]
                if not mentions:
                    return None  # no passage speaks of them
                lead, grounded = mentions[0], True  # what the articles say of them, if not who they are
        elif qi.kind == "author":
            by = next((i for i in order if cands[i].passage.chunk.byline), None)
            if by is not None:
                lead, short = by, cands[by].passage.chunk.byline
        elif qi.kind == "statement" and qi.subject:
            if qi.outlets:
                own = [i for i in order if cands[i].passage.chunk.source in qi.outlets]
                # The outlet's own sentence on the question's topic is what it reported, however
                # weakly the sentence resembles the question ("What did UPI report about Cobra Gold?").
                topic = set(terms(reader.topic_words(question, qi.subject))) - set(terms(" ".join(qi.outlets)))
                on_topic = [i for i in own if topic and topic & cand_terms[i]]
                if topic and own and not on_topic:
                    return None  # the outlet's articles never speak of it ("What did X report about Y?")
                lead, grounded = (on_topic[0], True) if on_topic else (own[0] if own else best, False)
            else:
                topic = set(terms(reader.topic_words(question, qi.subject)))
                about = {id(p): set(terms(p.chunk.embed_text)) for p in passages}  # X's words in a passage about Y
                speaking = [i for i in order if (not topic or topic & about[id(cands[i].passage)])
                            and reader.speaks(qi.subject, cands[i].text, cands[i].passage.chunk.text)]
                # "What did he urge ...?": his words that use the question's own verb come first.
                verb = set(terms(reader.main_verb(question)))
                # Then the sentences that name the speaker by what it is ("the ministry", not only
                # "South Korea"): "it" may be someone else.
                head = reader.head_word(qi.subject)
                named = [head in {w.lower() for w in re.findall(r"[\w-]+", cands[i].text)} for i in range(len(cands))]
                speaking.sort(key=lambda i: (not (verb and verb <= cand_terms[i]), not named[i]))
                if not speaking and any(self.keyword.knows(t) for t in terms(qi.subject)):
                    return None  # that speaker is never quoted on this
                if speaking:
                    lead, grounded = speaking[0], True
                    # The speaker's other words: their own (a quotation) before what is reported of them.
                    support = sorted((i for i in speaking[1:] if named[i]), key=lambda i: not reader.quotes(cands[i].text))
                    short = reader.said(cands[lead].text) or ""
                    if len(short) > 0.5 * len(cands[lead].text):  # the sentence is the answer; not said twice
                        short = ""
        elif qi.kind == "process":
            # "How does X plan to do Y?": a sentence that gives the means leads, if it is among
            # the best (the parse that finds it is costly, so only a few are read).
            for i in order[:4]:
                if score[i] < 0.85 * score[best]:
                    break
                if (how := reader.means(cands[i].text, question)) is not None:
                    lead, short = i, how
                    break
        elif qi.kind == "reason":
            # "Why did X do Y?": the reason one of the best sentences gives leads, a plain word of
            # cause ("because", "in response to", "citing") before one that may be of time ("after").
            found = []
            for rank, i in enumerate(order[:4]):
                if score[i] < 0.85 * score[best]:
                    break
                if (why := reader.cause(cands[i].text, question)) is not None:
                    found.append((why[0], rank, i, why[1]))
            if found:
                _, _, lead, short = min(found)
        elif qi.kind == "other" and qi.focus:
            for i in order[:6]:  # "Which exports ...?": the best sentence that says which
                if (spec := reader.specifier(qi.focus, cands[i].text, question)) is not None:
                    lead, short = i, spec
                    break
        elif qi.kind == "outlet":
            # Each outlet whose article says it, with the sentence that does.
            for i in [j for j in relevant[:6] if sem[j] >= s.min_similarity] or relevant[:1]:
                per_outlet.setdefault(cands[i].passage.chunk.source, i)
            per_outlet.pop("", None)
            if per_outlet:
                lead, short, grounded = next(iter(per_outlet.values())), ", ".join(per_outlet), True
        elif qi.kind == "yesno":
            v = yesno.decide(qi, cands, relevant or [best], order, sem, cand_terms, weights, outlets, self._weights)
            if v is None:
                return None  # neither supported nor contradicted: the articles don't say (with the closest passages)
            short = v
        if qi.latest and qi.kind in ("yesno", "other", "statement", "process", "reason", "timeline"):
            # The newest article the search found leads, however it words the question's topic.
            dated = [i for i in relevant if cands[i].passage.chunk.date] or [i for i in order if cands[i].passage.chunk.date]
            if dated:
                newest = max(cands[i].passage.chunk.date for i in dated)
                # (its sentence that uses the question's verb, "still negotiating", if one does)
                act = set(terms(reader.main_verb(question)))
                lead = min((i for i in dated if cands[i].passage.chunk.date == newest), key=lambda i: not (act and act <= cand_terms[i]))
                # "What is the latest on Cobra Gold?": the newest sentence that names what it asks about
                # answers it, however little else of the question it shares ("news", "latest").
                named = set(terms(" ".join(qi.names)))
                grounded = grounded or (qi.kind == "other" and bool(named) and named <= cand_terms[lead])
        return lead, short, grounded, per_outlet, support

    @staticmethod
    def _told(question: str, cands, among: list[int], cand_terms) -> bool:
        """Does one of these sentences use the question's verb (any form of it), or has the
        question none ("Who is ...?")?"""
        verb = reader.main_verb(question)
        lemma = reader.lemma(verb)
        return not lemma or any(set(terms(verb)) <= cand_terms[i] or reader.has_verb(cands[i].text, lemma) for i in among)

    def _fit(self, qi: Question, cands: list[_Candidate], ents: list[list], told: list[bool]) -> np.ndarray:
        """How well each sentence fits what the question asks beyond its words: the kind of fact,
        the time, the speaker, the outlet."""
        fit = np.zeros(len(cands))
        wanted = reader.labels_for(qi)
        dates = sorted({c.passage.chunk.date for c in cands if c.passage.chunk.date})
        names = [n.lower() for n in qi.names]
        asked = set(terms(qi.text))
        for i, c in enumerate(cands):
            chunk = c.passage.chunk
            low = c.text.lower()
            if names:  # the names the question uses ("the US") are who or what the answer is about
                fit[i] += 0.08 * sum(n.removeprefix("the ").removesuffix("'s") in low for n in names) / len(names)
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
            if qi.kind == "statement" and qi.subject and reader.speaks(qi.subject, c.text, chunk.text):
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

    def _fact(self, qi: Question, cands, ents, relevant: list[int], cand_terms, sem, lex, score) -> tuple[int, str] | None:
        """The fact asked for and the sentence it is taken from. Names are voted on: a name that
        several good sentences of different articles give (by any of its forms: "Bankman-Fried",
        "Sam Bankman-Fried") beats one that a single sentence gives; dates and numbers come from
        the best sentence that has them."""
        focus = set(terms(qi.focus))
        if focus and qi.kind in ("person", "organization") and reader.restricted(qi.text, qi.focus) and not any(
                focus <= cand_terms[i] for i in relevant[:12]):
            # "Who is the cricketer that played ...?": the clause says which one; the noun is only
            # its class, which the evidence need not repeat.
            focus = set()
        # "South Korea's defence minister" is not the one a sentence calls "Japan's defence minister".
        whose = reader.owner(qi.focus.split()[-1], qi.text) if qi.focus and qi.kind == "person" else set()
        if qi.kind == "person":
            # A surname the recognizer took for an organisation ("Bankman-Fried pleaded ...") is a
            # person when the sentences, or elsewhere its article, name that person in full.
            lone: dict[str, str] = {}
            for i in relevant[:12]:
                for a, b, label in ents[i]:
                    word = re.sub(r"[’']s$", "", cands[i].text[a:b])
                    if label in nlp.ORGANIZATION | nlp.PLACE and " " not in word:
                        lone.setdefault(word, cands[i].passage.chunk.doc_id)
            more = [m for word, doc in list(lone.items())[:4] for m in self._article_mentions(doc, word)]
            ents = reader.one_sense([c.text for c in cands] + [t for t, _ in more], ents + [e for _, e in more])[: len(cands)]
        toward = qi.kind == "place" and reader.asks_destination(qi.text)
        question_verb = reader.main_verb(qi.text) if qi.kind == "date" else ""
        # (verbs of saying are one act, and who said what is decided by who speaks: see reader.speaks)
        act = reader.lemma(reader.main_verb(qi.text)) if qi.kind == "person" else ""
        act = "" if act in reader.SPEECH else act
        happened = reader.predicate_terms(qi) if qi.kind == "number" else set()
        # "When did X test a weapon?": when the sentences tell of that event, its date is in one of
        # them, not in a sentence about something else ("the pact signed in 2016").
        # (A sentence tells of it when it has the verb and what the question names: "held talks" is
        # not when the exercises are held.)
        verb_terms = event = set(terms(question_verb))
        about = (set(terms(" ".join(qi.names))) | reader.predicate_terms(qi)) - event if event else set()

        good = {i for i in relevant[:12] if sem[i] >= self.settings.min_similarity * 0.9 or lex[i] >= self.settings.min_coverage}
        lemma = reader.lemma(question_verb)

        def uses(i: int) -> bool:
            # (a stem misses an irregular form, "met" for "meet": a good sentence's parse has its lemma)
            return bool(verb_terms & cand_terms[i]) or (i in good and reader.has_verb(cands[i].text, lemma))

        def tells(i: int) -> bool:
            return bool(event) and uses(i) and (not about or bool(about & cand_terms[i]))

        if not any(tells(i) for i in relevant[:12]):
            event = set()
        # No sentence uses the question's verb at all: a date of another act is no answer to it.
        unused = bool(question_verb) and not any(uses(j) for j in relevant[:12])
        if question_verb:
            # A date the question's event is told with ("occupied ... from 1910"), wherever it is
            # among the good sentences, before the first date of the best one.
            for i in relevant[:12]:
                if (not focus or focus <= cand_terms[i]) and i in good:
                    spans = reader.candidates(qi, cands[i].text, ents[i])
                    told = [sp for sp in spans if when.governed_by(question_verb, cands[i].text, sp)]
                    if told:
                        return i, when.date_range(cands[i].text, told[0], spans)
        before = self._previous(cands)
        votes: dict[str, float] = {}
        where: dict[str, tuple[int, str]] = {}  # each name's first sentence, and the name as it says it
        seen: set[tuple[str, str]] = set()
        for i in relevant[:12]:
            if (focus and not focus <= cand_terms[i]) or (event and not tells(i)):
                continue
            if whose and not reader.same_owner(whose, reader.owner(qi.focus.split()[-1], cands[i].text)):
                continue
            if i not in good and not (happened & cand_terms[i] and before.get(i) in good):
                # A name in a sentence about something else is no answer; the sentence after a good
                # one goes on about its topic when it names the question's things ("the two-week
                # exercise" after "the Cobra Gold exercises in late February").
                continue
            if qi.kind == "number":
                # The count must be of what the question says happened to the things counted: "How many
                # items did Japan restore to preferential status?" is not answered by the 1,000 items
                # Japan tightened procedures for.
                if happened and not happened & cand_terms[i]:
                    continue
                if (span := reader.number_about(qi, cands[i].text, ents[i])) is not None:
                    return i, span
                continue
            spans = reader.candidates(qi, cands[i].text, ents[i])
            if qi.kind == "date" and unused:
                spans = [sp for sp in spans if not reader.of_other_act(question_verb, cands[i].text, sp)]
            if qi.kind == "date" and len(spans) > 1:
                spans = when.by_verb(question_verb, cands[i].text, spans)
            for span in spans:
                if qi.kind not in ("person", "organization", "place"):
                    return i, when.date_range(cands[i].text, span, spans) if qi.kind == "date" else span
                key = span.split()[-1].lower().removesuffix("'s").removesuffix("’s")
                doc = cands[i].passage.chunk.doc_id
                # "Where did she speak?" is not answered by where she was going.
                # Nor by a place that stands for its government ("Seoul's position").
                weight = 1.0
                if qi.kind == "place" and reader.place_role(cands[i].text, span) != ("toward" if toward else "at"):
                    weight = 0.3  # "Where was she going?" asks for a place reached, others where something happened
                if act and i in good and reader.has_verb(cands[i].text, act):
                    weight *= self.settings.act_weight  # "Whom will she meet?": a sentence where she meets someone
                if (key, doc) not in seen:  # one vote per article
                    seen.add((key, doc))
                    votes[key] = votes.get(key, 0.0) + weight * max(float(score[i]), 0.0)
                where.setdefault(key, (i, span))
        if not votes:
            return None
        if qi.role:
            # "Which defence secretary ...?": a person the evidence calls by that title ("US Defence
            # Secretary Mark Esper") is the one asked for, whoever else the sentences name.
            role = set(terms(qi.role))
            titled = {k for k, (i, span) in where.items() if role <= set(terms(reader.describe(span, cands[i].text) or ""))}
            votes = {k: v for k, v in votes.items() if k in titled} or votes
        # Who the retrieved articles are about: a name most of them use beats one a single good
        # sentence gives ("Ellison testified that Bankman-Fried ..." in a story about Bankman-Fried).
        docs: dict[str, set[str]] = {}
        for c in cands:
            low = c.text.lower()
            for key in votes:
                if re.search(rf"\b{re.escape(key)}\b", low):
                    docs.setdefault(key, set()).add(c.passage.chunk.doc_id)
        for key in votes:  # (a place is where one event happened: no protagonist there)
            votes[key] += self.settings.name_spread * len(docs.get(key, ())) * (qi.kind != "place")
        key = max(votes, key=votes.get)
        i = where[key][0]
        spans = [reader.bare_name(sp) for sp in reader.candidates(qi, cands[i].text, ents[i]) if sp.split()[-1].lower().startswith(key)]
        span = spans[0] if spans else key
        # As the articles name it in full ("Kim" -> "Kim You-geun", "Fed" -> "Federal Reserve").
        found = [(c.text, ents[j]) for j, c in enumerate(cands)]
        texts = list({c.passage.chunk.text for c in cands})
        # A person's one-word name: the article may give it in full where no passage did ("Purdy").
        # (Not an organisation's: "Google" is whole, and "Google Search" another thing.)
        if " " not in span and qi.kind == "person":
            more = self._article_mentions(cands[i].passage.chunk.doc_id, span)
            found += more
            texts += [t for t, _ in more]
        names = [reader.bare_name(t[a:b]) for t, es in found for a, b, label in es if label in reader.labels_for(qi)]
        words = frozenset(w.lower() for t, es in found for a, b, label in es if label in nlp.PERSON | nlp.PLACE for w in t[a:b].split())
        return i, reader.full_name(span, names, texts, words)

    def _article_mentions(self, doc_id: str, word: str, most: int = 20) -> list[tuple[str, list[nlp.Entity]]]:
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
        return [(wanted[k], known[k]) for k in wanted]

    def _choose(self, qi: Question, lead: int, order: list[int], score, sem, vecs, cands, support: list[int] = ()) -> list[int]:
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
        return self._with_continuations(chosen, cands)
