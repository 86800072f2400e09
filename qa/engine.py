"""The one facade the CLI, the web app and the evaluation call."""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np

from qa import followup, handoff, storecheck
from qa import question as question_reader
from qa.answer import Answerer
from qa.embed import Encoder
from qa.errors import IndexLocked, InvalidFilter, InvalidQuestion
from qa.fetch import is_url
from qa.ingest import Index, Progress, Warn, hold_home, ingest, ingest_lock, recover_if_interrupted, remove, sync_chunk_vectors
from qa.keyword import KeywordIndex
from qa.llm import LLMAnswerer, LLMUnavailable
from qa.registry import Registry
from qa.sentences import SentenceVectors
from qa.settings import Settings
from qa.store import ChunkStore
from qa.types import Answer, ArticleInfo, Filters, IngestReport, Passage, Stats

Turn = tuple[str, str]  # (question, answer)
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")  # CSI, OSC and 2-byte ESC sequences


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


def make_filters(sources: list[str] | tuple[str, ...] | None = None, since: str | date | None = None, until: str | date | None = None) -> Filters:
    def day(v: str | date | None, name: str) -> date | None:
        if v in (None, ""):
            return None
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise InvalidFilter(f"{name} date {v!r} is not a date like 2019-11-22") from None

    f = Filters(sources=tuple(s.strip() for s in (sources or ()) if s and s.strip()), since=day(since, "since"), until=day(until, "until"))
    if f.since and f.until and f.until < f.since:
        raise InvalidFilter(f"the date range ends ({f.until}) before it starts ({f.since})")
    return f


class Engine:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.home = Path(self.settings.home)
        self.encoder = Encoder(self.settings.model_path, self.settings.embed, self.settings.embed.cache_dir or self.home / "models")
        self.store = ChunkStore(self.settings, self.encoder.name)
        index_dir = self.home / "index" / self.store.name
        self.registry = Registry(index_dir / "articles.json")
        self.keyword = KeywordIndex(index_dir / "keyword")
        self.sentences = SentenceVectors(index_dir / "sentences-encoded.sqlite3")
        self.answerer = Answerer(self.encoder, self.keyword, self.settings.answer, sentences=self.sentences)
        # The optional language model (QA_LLM); None: offline answers only.
        self.llm = LLMAnswerer(self.settings, self.encoder.encode) if self.settings.llm.strip() else None
        self._index = Index(self.settings, self.encoder, self.store, self.registry, self.keyword, self.sentences)
        self._reload_lock = threading.Lock()
        self._registry_mtime = 0

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
        """Ingest the seeds when the index is empty, so the first question works; first repair
        what an ingest that was stopped half way left behind."""
        repaired = recover_if_interrupted(self._index)
        if repaired and warn:
            warn(f"repaired the index first (a stopped ingest or a damaged file): {'; '.join(repaired)}")
        self._refresh()
        storecheck.before_use(self._index)  # a damaged vector index: one line, not a crash later
        if len(self.registry):
            # Derived files from an older version (keyword index) or from before the chunk-vector copy:
            # rebuilt from what Chroma holds, nothing re-embedded.
            if self.keyword.outdated() or self.sentences.chunk_count() != self.registry.chunk_count():
                try:
                    with ingest_lock(self.home):
                        if self.keyword.outdated():
                            self.keyword.build(self.store.iter_all())
                        sync_chunk_vectors(self._index)
                except IndexLocked:
                    pass  # an ingest is under way, and it writes current ones when it ends
            return None
        return self.ingest(progress=progress, warn=warn)

    def hold(self, app_url: str) -> None:
        """Make this process (the app at `app_url`) the only writer of an embedded store until it
        exits; other processes' ingests are then refused with a line saying what to do instead."""
        if not self.settings.store.chroma_url:
            hold_home(self.home, app_url)

    def remove(self, doc_id: str) -> bool:
        return remove(self._index, doc_id)

    def doctor(self, repair: bool = False):
        """Check that the index is consistent (`qa doctor`); with `repair`, make it so."""
        from qa import doctor

        report = doctor.checkup(self._index, fix=repair)
        if repair:
            sync_chunk_vectors(self._index, force=True)
        return report

    def articles(self) -> list[ArticleInfo]:
        self._refresh()
        return sorted(self.registry.articles.values(), key=lambda a: (a.date or "", a.doc_id), reverse=True)

    def sources(self) -> list[str]:
        self._refresh()
        return self.registry.sources()

    def stats(self) -> Stats:
        self._refresh()
        return Stats(
            articles=len(self.registry),
            chunks=self.registry.chunk_count(),
            home=str(self.home.resolve()),
            model=self.settings.model_path,
            collection=self.store.name,
            store=self.store.location,
        )

    def _refresh(self) -> None:
        """Pick up an ingest made by another process (the CLI while the app runs)."""
        path = self.registry.path
        mtime = path.stat().st_mtime_ns if path.exists() else 0
        if mtime != self._registry_mtime or self.keyword.changed_on_disk():
            with self._reload_lock:
                self.registry.reload()
                # Read again at the next use; questions under way keep the index they started with.
                self.keyword.forget()
                self._registry_mtime = mtime

    # -- questions ------------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        top_k: int | None = None,
        sources: list[str] | tuple[str, ...] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> Answer:
        """Answer a question from the ingested articles, with citations, or abstain."""
        return deque(self.ask_stream(question, history, top_k, sources, since, until), maxlen=1)[0]

    def ask_stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        top_k: int | None = None,
        sources: list[str] | tuple[str, ...] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
    ) -> Iterator[Answer]:
        """`ask`, as the answer is written: with a language model configured, snapshots of the
        answer while it streams in (verified sentences, then the sentence in progress in
        `Answer.draft`); the last one is the complete answer. Offline: the answer, once."""
        t0 = time.perf_counter()
        q = check_question(question, self.settings.answer.max_question_chars)
        k = self.settings.retrieve.top_k if top_k is None else top_k
        if not isinstance(k, int) or not 1 <= k <= self.settings.retrieve.max_top_k:
            raise InvalidFilter(f"top-k must be a whole number from 1 to {self.settings.retrieve.max_top_k}, not {top_k!r}")
        filters = make_filters(sources, since, until)
        self._refresh()
        if filters.sources:
            known = {s.lower() for s in self.registry.sources()}
            unknown = [s for s in filters.sources if s.lower() not in known]
            if unknown:
                raise InvalidFilter(f"no ingested article is from {', '.join(unknown)}; outlets: {', '.join(self.registry.sources()) or 'none'}")
        history = [(hq, ha) for hq, ha in (history or []) if hq]
        query, down = self._search_query(q, history)
        texts = [q] if query == q else [q, query]
        vecs = self.encoder.encode(texts)
        reading = question_reader.read(q, self.registry.sources())
        passages = self.passages(query, vecs[-1], k * 2 if reading.kind == "timeline" else k, self._scoped(filters, reading))

        def offline(note: str = "") -> Answer:
            answer = self.answerer.answer(q, query, vecs, passages, previous_answers=[a for _, a in history],
                                          reading=reading, known=self._metadata_terms(), outlets=self.registry.sources())
            answer.note = note
            return answer

        # The model is asked the question as it rewrote it (a follow-up made standalone), else as asked.
        prompt_question = query if self.settings.llm_options.rewrite_followups else q
        answers = iter([offline(down)]) if self.llm is None or down else self.llm.stream(q, prompt_question, passages, offline)
        for answer in answers:
            answer.latency_ms = (time.perf_counter() - t0) * 1000
            answer.search_query = query
            yield answer

    def _metadata_terms(self) -> frozenset[str]:
        """The words of the outlets and bylines: names a question may use that no article body holds."""
        key = (len(self.registry), self._registry_mtime)
        if getattr(self, "_meta_key", None) != key:
            from qa.keyword import terms

            words = {t for a in list(self.registry.articles.values()) for t in terms(f"{a.source} {a.byline}")}
            self._meta_terms, self._meta_key = frozenset(words), key
        return self._meta_terms

    def _scoped(self, filters: Filters, reading) -> Filters:
        """A question about a time ("in February 2020") is answered from the articles of that time
        when there are any and the reader set no dates of their own."""
        if reading.period is None or filters.since or filters.until or reading.period[0] == reading.period[1]:
            return filters  # a single day is left to retrieval's day boost: reports of it come out later
        since, until = reading.period
        if not any(a.date and since.isoformat() <= a.date <= until.isoformat() for a in self.registry.articles.values()):
            return filters
        return Filters(sources=filters.sources, since=since, until=until)

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
        self._refresh()
        history = [(hq, ha) for hq, ha in (history or []) if hq]
        query = followup.search_query(q, history)
        return self.passages(query, self.encoder.encode([query])[0], k, make_filters())

    def passages(self, query: str, vec: np.ndarray, k: int, filters: Filters) -> list[Passage]:
        """Hybrid retrieval for an already checked and embedded search query."""
        from llama_index.core.schema import QueryBundle

        from qa.retrieve import HybridRetriever

        retriever = HybridRetriever(self.store, self.keyword, self.settings.retrieve, k, filters, outlets=self.registry.sources(), local=self.sentences)
        return retriever.passages(QueryBundle(query_str=query, embedding=vec.tolist()))

    # -- feedback -------------------------------------------------------------------------------
    def record_feedback(self, question: str, answer_json: dict, vote: str) -> None:
        """Keep a reader's thumbs up / down ("up" / "down") on an answer, for future eval cases."""
        from qa import feedback

        feedback.record(self.home / feedback.FILE_NAME, question, answer_json, vote)
