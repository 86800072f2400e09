"""The one facade the CLI, the web app and the evaluation call."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from qa import followup, handoff, indirect, storecheck
from qa import question as question_reader
from qa.answer import Answerer
from qa.cache import Cache
from qa.embed import Encoder
from qa.errors import IndexLocked, InvalidFilter, InvalidQuestion
from qa.fetch import is_url
from qa.ingest import Index, Progress, Warn, ingest, remove
from qa.layout import layout
from qa.library import Library, Snapshot
from qa.llm import LLMAnswerer, LLMUnavailable
from qa.lock import hold_home
from qa.settings import Settings
from qa.store import ChunkStore, collection_name
from qa.types import Answer, ArticleInfo, Filters, IngestReport, Passage, Question, Stats

log = logging.getLogger(__name__)

# Reads questions (qa.question.read) beside their encoding; spaCy's pipeline takes one at a time anyway.
_READERS = ThreadPoolExecutor(4, thread_name_prefix="qa-read")

Turn = tuple[str, str]  # (question, answer)
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")  # CSI, OSC and 2-byte ESC sequences


def _read(question: str, outlets: list[str]) -> tuple[str, Question]:
    """The question as a direct one ("Explain what GSOMIA is." -> "What is GSOMIA?"), and its reading."""
    plain = indirect.direct(question) or question
    return plain, question_reader.read(plain, outlets)


def check_question(question: str, max_chars: int) -> str:
    if not isinstance(question, str):
        raise InvalidQuestion("the question must be text")
    # Terminal escape sequences go; other control characters (NUL, bell, ...) and unpaired surrogates
    # (undecodable bytes on a command line) become spaces: they mean nothing to search and break printing.
    q = _ESCAPES.sub(" ", question)
    q = " ".join("".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in q).split())
    if not q:
        raise InvalidQuestion("the question is empty: type a question about the articles")
    if len(q) > max_chars:
        raise InvalidQuestion(f"the question is {len(q):,} characters long; the limit is {max_chars:,}")
    if not any(ch.isalnum() for ch in q):
        raise InvalidQuestion("the question has no words: type a question about the articles")
    return q


def make_filters(sources: list[str] | tuple[str, ...] | None = None, since: str | date | None = None, until: str | date | None = None,
                 undated: bool | None = None, unsourced: bool | None = None) -> Filters:
    def day(v: str | date | None, name: str) -> date | None:
        if v in (None, ""):
            return None
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise InvalidFilter(f"{name} date {v!r} is not a date like 2019-11-22") from None

    f = Filters(sources=tuple(s.strip() for s in (sources or ()) if s and s.strip()), since=day(since, "since"), until=day(until, "until"),
                undated=undated, unsourced=unsourced)
    if f.since and f.until and f.until < f.since:
        raise InvalidFilter(f"the date range ends ({f.until}) before it starts ({f.since})")
    return f


class _InUse:
    """The keyword index of the snapshot in use, for the answerer (which holds no snapshot of its
    own): the question caught up with the record when it started."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def _kw(self):
        snap = self._library.loaded() or self._library.current()
        return snap.keyword

    def __getattr__(self, name: str):
        return getattr(self._kw(), name)

    def __len__(self) -> int:
        return len(self._kw())


class Engine:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.home = Path(self.settings.home)
        self.layout = layout(self.home)
        self.encoder = Encoder(self.settings.model_path, self.settings.embed, self.settings.embed.cache_dir or self.layout.models)
        self.store = ChunkStore(self.settings, self.encoder.name, self.encoder.precision)
        self.cache = Cache(self.layout.cache(self.store.name))
        self.library = Library(self.store, self.cache)
        self.keyword = _InUse(self.library)
        self.answerer = Answerer(self.encoder, self.keyword, self.settings.answer, sentences=self.cache)
        # The optional language model (QA_LLM); None: offline answers only.
        self.llm = LLMAnswerer(self.settings, self.encoder.encode) if self.settings.llm.strip() else None
        self._index = Index(self.settings, self.encoder, self.store, self.library)

    def snapshot(self) -> Snapshot:
        """The registry and keyword index of the record's latest generation (see qa.library)."""
        return self.library.current()

    @property
    def registry(self) -> Snapshot:
        """The articles of the latest generation (`.articles`, `.sources`, `.chunk_count()`)."""
        return self.library.current()

    # -- corpus ---------------------------------------------------------------------------------
    def ingest(self, paths: list[str | Path] | None = None, progress: Progress | None = None, warn: Warn | None = None) -> IngestReport:
        """Ingest corpora (folders or JSON/JSONL files); default: the seeds."""
        corpora = [p if is_url(p) else Path(p) for p in (paths or [self.settings.seeds])]
        try:
            report = ingest(self._index, corpora, progress=progress, warn=warn)
        except IndexLocked as e:  # a running app holds the data directory: it does the ingest, else the refusal stands
            return handoff.send(getattr(e, "holder", {}), corpora, self.store.name, progress, warn, refused=e)
        self.encoder.query_encoder()  # made now, while the model is loaded: `qa ask` then never loads torch
        return report

    def extract(self, targets: list[str], warn: Warn | None = None) -> list[dict]:
        """What ingest would store for each file, folder, page or feed, without storing anything."""
        from qa.feeds import extract_records

        return extract_records(targets, self.settings.ingest, warn=warn)

    def watch(self, targets: list[str], every: float, emit: Callable[[str], None], rounds: int | None = None) -> None:
        """Re-ingest `targets` every `every` seconds, one line per change (see qa.watch)."""
        from qa.watch import watch

        watch(self, targets, every, emit, rounds=rounds)

    def ensure_ingested(self, progress: Progress | None = None, warn: Warn | None = None) -> IngestReport | None:
        """Ingest the seeds when the index is empty, so the first question works. The caches are
        brought up to the record's generation (rebuilt from it when missing or damaged)."""
        snap = self.library.current()
        storecheck.before_use(self._index)  # a damaged vector index: one line, not a crash later
        if snap.articles:
            return None
        if (w := warn or log.warning) and (other := self._other_precision()):
            w(other)
        return self.ingest(progress=progress, warn=warn)

    def _other_precision(self) -> str:
        """What to do when this collection is empty but the other precision's holds an index ('' if not)."""
        mine = self.encoder.precision
        other = "fp32" if mine == "int8" else "int8"
        name = collection_name(self.settings, self.encoder.name, other)
        chunks = self.store.count_of(name)
        if not chunks:
            return ""
        how = "unset QA_EMBED__PRECISION" if other == "fp32" else "set QA_EMBED__PRECISION=int8"
        return (f"this data directory's index ({chunks} chunks) was made with {other} vectors, which {mine} questions "
                f"cannot query: {how} to use it, or run `qa ingest` on your folders to build the {mine} index")

    def hold(self, app_url: str) -> None:
        """Make this process (the app at `app_url`) the only writer of an embedded store until it
        exits; other processes' ingests are then refused with a line saying what to do instead."""
        if not self.settings.store.chroma_url:
            hold_home(self.home, app_url)
            self.library.only_writer = True  # every write is this process's own: no need to ask the record

    def remove(self, doc_id: str) -> bool:
        return remove(self._index, doc_id)

    def doctor(self, repair: bool = False):
        """Check that the index is consistent (`qa doctor`); with `repair`, make it so."""
        from qa import doctor

        return doctor.checkup(self._index, fix=repair)

    def articles(self) -> list[ArticleInfo]:
        return sorted(self.library.current().articles.values(), key=lambda a: (a.date or "", a.doc_id), reverse=True)

    def sources(self) -> list[str]:
        return list(self.library.current().sources)

    def stats(self) -> Stats:
        snap = self.library.current()
        return Stats(
            articles=len(snap.articles),
            chunks=snap.chunk_count(),
            home=str(self.home.resolve()),
            model=self.settings.model_path,
            collection=self.store.name,
            store=self.store.location,
        )

    # -- questions ------------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        top_k: int | None = None,
        sources: list[str] | tuple[str, ...] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        undated: bool | None = None,
        unsourced: bool | None = None,
    ) -> Answer:
        """Answer a question from the ingested articles, with citations, or abstain. `undated` /
        `unsourced`: keep (True) or drop (False) articles with no date / no known outlet (see Filters)."""
        return deque(self.ask_stream(question, history, top_k, sources, since, until, undated, unsourced), maxlen=1)[0]

    def ask_stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        top_k: int | None = None,
        sources: list[str] | tuple[str, ...] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        undated: bool | None = None,
        unsourced: bool | None = None,
    ) -> Iterator[Answer]:
        """`ask`, as the answer is written: with a language model configured, snapshots of the
        answer while it streams in (verified sentences, then the sentence in progress in
        `Answer.draft`); the last one is the complete answer. Offline: the answer, once."""
        t0 = time.perf_counter()
        q = check_question(question, self.settings.answer.max_question_chars)
        k = self.settings.retrieve.top_k if top_k is None else top_k
        if not isinstance(k, int) or not 1 <= k <= self.settings.retrieve.max_top_k:
            raise InvalidFilter(f"top-k must be a whole number from 1 to {self.settings.retrieve.max_top_k}, not {top_k!r}")
        filters = make_filters(sources, since, until, undated, unsourced)
        snap = self.library.current()  # the whole question reads this generation
        outlets = list(snap.sources)
        if filters.sources:
            known = {s.lower() for s in outlets}
            unknown = [s for s in filters.sources if s.lower() not in known]
            if unknown:
                raise InvalidFilter(f"no ingested article is from {', '.join(unknown)}; outlets: {', '.join(outlets) or 'none'}")
        history = [(hq, ha) for hq, ha in (history or []) if hq]
        asked = q
        # "And Japan's?": the earlier question asked again of Japan, read and answered as such.
        q = followup.elliptical(q, history) or q
        query, down = self._search_query(q, history)
        texts = [q] if query == q else [q, query]
        # The question is parsed (spaCy, one core) while it is encoded (onnxruntime, which releases
        # the GIL): on MultiHop's long questions each takes about as long as the other.
        reading_job = _READERS.submit(_read, q, outlets)
        vecs = self.encoder.encode_question(texts)
        # Most questions set no time and ask for no timeline: their passages are searched for while the
        # question is still parsed (Chroma's search and numpy release the GIL), and searched again
        # only when the reading changes what to search.
        guess = self.passages(query, vecs[-1], k, filters, snap)
        plain, reading = reading_job.result()
        if query != q and reading.period is None and not reading.order:
            # A follow-up that names no time of its own ("When did they say that?") is about the
            # time of the turn it follows ("... in February 2020?"); "What did they do after that?"
            # is not.
            earlier = question_reader.read(query, outlets)
            reading = replace(reading, period=earlier.period, period_text=earlier.period_text)
        # A timeline, and "Is X still ...?" (the newest state of things, not what a named outlet
        # reported), draw on every article on the topic, not only the top k.
        wide = reading.kind == "timeline" or (reading.latest and not reading.outlets)
        depth = self.settings.retrieve.max_top_k if wide else k
        scoped = self._scoped(filters, reading, snap, guess)
        passages = guess if depth == k and scoped is filters else self.passages(query, vecs[-1], depth, scoped, snap)
        # Typed in lower case, the question's names are not read as names: it is read again with the
        # capitals the retrieved passages give its words (retrieval itself ignores case).
        cased = question_reader.truecase(plain, (p.chunk.text for p in passages))
        if cased != plain:
            reading = question_reader.read(cased, outlets)

        def answer_from(found: list[Passage]) -> Answer:
            return self.answerer.answer(cased, cased if query == q else query, vecs, found, previous_answers=[a for _, a in history],
                                        reading=reading, known=snap.meta_terms, outlets=outlets)

        def offline(note: str = "") -> Answer:
            answer = answer_from(passages)
            if answer.abstained and scoped is not filters:
                # The time a question names is when the event was, and a report of it may come out
                # later: when the articles of that time do not answer, the later ones are asked (an
                # earlier one cannot tell of it). (So for a verdict: "Did the channel start in 2018?"
                # is told by a profile written in 2023.)
                wider = answer_from(self.passages(query, vecs[-1], depth, replace(scoped, until=None), snap))
                if wider.abstained:
                    # (nor do those: an article dated before the time may tell of it, as a preview tells of
                    # what is to come, or a list kept up to date under its first day tells of later events)
                    wider = answer_from(self.passages(query, vecs[-1], depth, filters, snap))
                answer = answer if wider.abstained else wider
            answer.question, answer.note = asked, note
            return answer

        # The model is asked the question as it rewrote it (a follow-up made standalone), else as asked.
        prompt_question = query if self.settings.llm_options.rewrite_followups else q
        answers = iter([offline(down)]) if self.llm is None or down else self.llm.stream(q, prompt_question, passages, offline)
        for answer in answers:
            answer.question = asked
            answer.latency_ms = (time.perf_counter() - t0) * 1000
            answer.search_query = query
            yield answer

    def _scoped(self, filters: Filters, reading, snap: Snapshot, found: list[Passage]) -> Filters:
        """A question about a time ("in February 2020") is answered from the articles of that time
        when there are any, the reader set no dates of their own, and some of them are on the
        question's topic: one of the passages `found` without the scope is of that time. (When none
        is, that time's articles are about other things, and later ones tell of the event asked
        about: "Which attack was livestreamed on Facebook in 2019?" in a 2023 article.)"""
        if reading.period is None or filters.since or filters.until or reading.period[0] == reading.period[1]:
            return filters  # a single day is left to retrieval's day boost: reports of it come out later
        scoped = replace(filters, since=reading.period[0], until=reading.period[1], undated=False if filters.undated is False else None)
        if not any(a.date and scoped.admits(a.source, a.date) for a in snap.articles.values()):
            return filters
        if not any(scoped.admits(p.chunk.source, p.chunk.date) for p in found):
            return filters
        return scoped

    def _search_query(self, question: str, history: list[Turn]) -> tuple[str, str]:
        """What to search with (a follow-up made standalone), and why the language model cannot be
        used for this question ("" when it can, or when none is configured)."""
        if self.llm is None or not history or not self.settings.llm_options.rewrite_followups:
            return followup.search_query(question, history), ""
        try:
            return self.llm.rewrite(question, history), ""
        except LLMUnavailable as e:
            note = f"The language model ({self.llm.spec}) did not answer: {e}. This is the offline answer."
            return followup.search_query(question, history), note

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode(texts)

    def retrieve(self, question: str, top_k: int | None = None, history: list[Turn] | None = None) -> list[Passage]:
        """The passages `ask` would answer from, best first, without the answer step: the
        evaluation scores retrieval through this, so benchmark and product share one path."""
        q = check_question(question, self.settings.answer.max_question_chars)
        k = self.settings.retrieve.top_k if top_k is None else top_k
        snap = self.library.current()
        history = [(hq, ha) for hq, ha in (history or []) if hq]
        query = followup.search_query(q, history)
        return self.passages(query, self.encoder.encode_question([query])[0], k, make_filters(), snap)

    def passages(self, query: str, vec: np.ndarray, k: int, filters: Filters, snap: Snapshot | None = None) -> list[Passage]:
        """Hybrid retrieval for an already checked and embedded search query, from one snapshot."""
        from llama_index.core.schema import QueryBundle

        from qa.retrieve import HybridRetriever

        snap = snap or self.library.current()
        retriever = HybridRetriever(self.store, snap, self.cache, self.settings.retrieve, k, filters)
        return retriever.passages(QueryBundle(query_str=query, embedding=vec.tolist()))

    # -- feedback -------------------------------------------------------------------------------
    def record_feedback(self, question: str, answer_json: dict, vote: str) -> None:
        """Keep a reader's thumbs up / down ("up" / "down") on an answer, for future eval cases."""
        from qa import feedback

        feedback.record(self.layout.feedback, question, answer_json, vote)

    # ===========================================================================================
    # Chat, saved conversations, article viewer, corpus search, story timeline (issue 15).
    # What the web app needs beyond `ask`; each UI handler calls one of these.
    # ===========================================================================================
    @property
    def conversations(self):
        """The saved conversations of every reader (SQLite under the data directory)."""
        from qa.conversations import Conversations

        if getattr(self, "_conversations", None) is None:
            self._conversations = Conversations(self.layout.conversations)
        return self._conversations

    def check_filters(self, sources: list[str] | tuple[str, ...] | None = None, since: str | None = None, until: str | None = None,
                      undated: bool | None = None, unsourced: bool | None = None) -> Filters:
        """Filters from what a reader typed (tolerant dates: "January 2020", "2020-01", "Jan 9 2020");
        InvalidFilter, before any search, when no ingested article passes them."""
        from qa import periods

        f = make_filters(sources, periods.since_day(since), periods.until_day(until), undated, unsourced)
        if not f:
            return f
        if not any(f.admits(a.source, a.date) for a in self.library.current().articles.values()):
            lo, hi = (f.since.isoformat() if f.since else ""), (f.until.isoformat() if f.until else "")
            said = ([f"from {', '.join(f.sources)}"] if f.sources else []) + ([f"since {lo}"] if lo else []) + ([f"until {hi}"] if hi else [])
            said += (["no undated articles"] if f.undated is False else []) + (["no articles without an outlet"] if f.unsourced is False else [])
            raise InvalidFilter(f"No article matches these filters ({', '.join(said)})")
        return f

    def chat(
        self, owner: str, conversation: str | None, question: str, turns: list[dict], top_k: int | None = None,
        sources: list[str] | None = None, since: str | None = None, until: str | None = None,
        undated: bool | None = None, unsourced: bool | None = None,
    ) -> Iterator[tuple[Answer, dict | None, str]]:
        """One chat turn: the filters checked first, then the answer as `ask_stream` gives it,
        (answer, None, "") while it streams; last (answer, turn, conversation id) once the turn is
        saved in the reader's conversation (a new one when `conversation` is empty or gone)."""
        from qa.conversations import turn_record

        f = self.check_filters(sources, since, until, undated, unsourced)
        history = [(t["question"], t["answer"]["answer"]) for t in turns]
        answer = None
        for answer in self.ask_stream(question, history, top_k, list(f.sources) or None, f.since, f.until, f.undated, f.unsourced):
            yield answer, None, ""
        if answer is not None:
            from qa.suggest import next_questions

            turn = turn_record(answer)
            if not answer.abstained:
                covered = " ".join(f"{t['question']} {t['answer'].get('answer', '')}" for t in [*turns, turn])
                turn["suggestions"] = next_questions([c.text for c in answer.citations], covered)
            yield answer, turn, self.conversations.append(owner, conversation, turn)

    def article_chunks(self, doc_id: str) -> list:
        """The stored chunks of one article, in order."""
        self.library.current()
        return self.cache.doc_chunks(doc_id)

    def article(self, doc_id: str) -> tuple[ArticleInfo, str]:
        """An ingested article and its whole cleaned text (put together from its chunks, at the
        same offsets, so a passage is found in it as it was cut)."""
        from qa.errors import NotFound

        info = self.library.current().articles.get(doc_id)
        if info is None:
            raise NotFound(f"no ingested article has the id {doc_id!r} (removed?)")
        text, end = "", 0  # `end`: how far into the article the text so far reaches
        for c in self.article_chunks(doc_id):
            if c.start > end:  # a gap (text the cleaner dropped between chunks): a paragraph break
                text += "\n\n" if text else ""
            text += c.text[max(0, end - c.start):]
            end = max(end, c.end)
        return info, text

    def search_articles(self, query: str, limit: int = 50) -> list[tuple[ArticleInfo, str]]:
        """Articles whose title, outlet, id or text match `query`: (article, a matching passage or
        ""), title matches first, then by keyword score of their best passage."""
        q = " ".join(str(query).split())
        snap = self.library.current()
        arts = sorted(snap.articles.values(), key=lambda a: (a.date or "", a.doc_id), reverse=True)
        if not q:
            return [(a, "") for a in arts[:limit]]
        low = q.lower()
        out = {a.doc_id: (a, "") for a in arts if low in f"{a.title}\n{a.source}\n{a.doc_id}".lower()}
        hits = snap.keyword.search(q, 200)
        if hits:
            chunks = self.cache.chunks([cid for cid, _ in hits[: limit * 3]])
            for cid, _ in hits:
                c = chunks.get(cid)
                if c is not None and c.doc_id in snap.articles and (c.doc_id not in out or not out[c.doc_id][1]):
                    out[c.doc_id] = (snap.articles[c.doc_id], c.text)
        # Plain substring matches in the text (names, numbers the keyword index splits or drops).
        if len(out) < limit:
            for c in self.cache.iter_chunks():
                if c.doc_id not in out and c.doc_id in snap.articles and low in c.text.lower():
                    out[c.doc_id] = (snap.articles[c.doc_id], c.text)
        return list(out.values())[:limit]

    def timeline(self, topic: str, top_k: int = 30, sources: list[str] | None = None, since: str | None = None, until: str | None = None,
                 undated: bool | None = None, unsourced: bool | None = None) -> list:
        """Every article on `topic` in date order, each with the sentence that says what it reported,
        and the changes between them marked (qa.timeline)."""
        from qa import timeline

        q = check_question(topic, self.settings.answer.max_question_chars)
        f = self.check_filters(sources, since, until, undated, unsourced)
        k = max(1, min(int(top_k), self.settings.retrieve.max_top_k))
        vec = self.encoder.encode_question([q])[0]
        snap = self.library.current()
        passages = self.passages(q, vec, k, f, snap)
        # Each article's first chunk too: its lede says what the article reports, even when the
        # passages that matched the topic are background further down.
        from qa.chunk import chunk_id

        have = {p.chunk.chunk_id for p in passages}
        ledes = self.cache.chunks(list(dict.fromkeys(chunk_id(p.chunk.doc_id, 0) for p in passages if chunk_id(p.chunk.doc_id, 0) not in have)))
        passages += [Passage(c, 0.0) for c in ledes.values()]
        return timeline.build(vec, passages, self.encoder.encode)

    def conversation_state(self, owner: str, conversation: str | None) -> tuple[list, list[dict], str]:
        """A reader's history list, and the turns of `conversation` with its id ("" and no turns
        when it is empty or gone)."""
        from qa.errors import NotFound

        listing = self.conversations.list(owner)
        if not conversation or all(c.id != conversation for c in listing):
            return listing, [], ""
        try:
            return listing, self.conversations.turns(owner, conversation), conversation
        except NotFound:
            return self.conversations.list(owner), [], ""

    def rename_conversation(self, owner: str, conversation: str, title: str) -> list:
        """Rename one of the reader's conversations; returns the history list."""
        self.conversations.rename(owner, conversation, title)
        return self.conversations.list(owner)

    def delete_conversation(self, owner: str, conversation: str) -> list:
        """Delete one of the reader's conversations; returns the history list."""
        self.conversations.delete(owner, conversation)
        return self.conversations.list(owner)

    def export_conversation(self, owner: str, conversation: str) -> tuple[str, str]:
        """(title, Markdown) of one of the reader's conversations, with its sources."""
        from qa.conversations import to_markdown

        info = self.conversations.info(owner, conversation)
        return info.title, to_markdown(info.title, self.conversations.turns(owner, conversation))

    def browser_secret(self) -> str:
        """The key the web app encrypts what it keeps in a browser with (the browser's id, its open
        conversation): kept in the data directory so a restart can still read them."""
        from qa.conversations import browser_secret

        return browser_secret(self.layout.browser_secret)

    def edit_article(self, doc_id: str, title: str, source: str, day: str) -> IngestReport:
        """Correct an article's title, outlet and date. The edit goes into the manifest of the
        folder it came from (so a later ingest keeps it), and that folder is ingested again, which
        re-indexes only this article. Articles from a .json/.jsonl file are edited in that file."""
        import json
        import os

        from qa import periods
        from qa.errors import NotFound, QAError

        info = self.library.current().articles.get(doc_id)
        if info is None:
            raise NotFound(f"no ingested article has the id {doc_id!r} (removed?)")
        root = Path(info.corpus)
        if not root.is_dir():
            raise QAError(f"{doc_id} came from the file {root.name}: correct the record there and ingest it again")
        title, source = " ".join(str(title).split()), " ".join(str(source).split())
        if not title:
            raise QAError("an article needs a title")
        iso = ""
        if str(day).strip():
            first, last = periods.day_span(day)
            if first != last:
                raise InvalidFilter(f"{day!r} is not one day: type e.g. 2020-01-09 or Jan 9 2020")
            iso = first.isoformat()
        path = root / self.settings.ingest.manifest_name
        try:
            obj = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except (OSError, ValueError) as e:
            raise QAError(f"{path} cannot be read ({e}); fix or remove it first") from None
        if not isinstance(obj, dict):
            obj = {}
        entries = obj.setdefault("files", {}) if "files" in obj or not obj else obj
        entry = {k: v for k, v in (entries.get(doc_id) or {}).items() if k not in ("title", "source", "date")}
        entry.update({k: v for k, v in (("title", title), ("source", source), ("date", iso)) if v})
        entries[doc_id] = entry
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
        return self.ingest([root])
