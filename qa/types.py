"""The data that flows between the steps, defined once: article -> chunk -> passage -> answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property


@dataclass
class Article:
    """One cleaned news article, as ingested."""

    doc_id: str  # path relative to the corpus root, or a record's url / id
    title: str
    text: str  # cleaned body; chunk offsets point into it
    source: str = ""  # outlet
    date: str = ""  # ISO yyyy-mm-dd, or empty when unknown
    byline: str = ""
    url: str = ""


@dataclass
class Chunk:
    """A sentence-aligned slice of an article, small enough for the encoder."""

    chunk_id: str
    doc_id: str
    index: int
    text: str
    start: int  # character offsets into Article.text
    end: int
    sentences: list[tuple[int, int]]  # sentence spans relative to `text`
    title: str = ""
    source: str = ""
    date: str = ""
    byline: str = ""
    url: str = ""
    digest: str = ""  # content hash of the article version it was cut from (checked by `qa doctor`)

    @property
    def embed_text(self) -> str:
        """What the encoder and the keyword index see: the title gives every chunk its context."""
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class QueryPart:
    """One part of a compound question ("does X say A, while Y says B?"), searched on its own."""

    keyword_text: str
    outlets: frozenset[str] = frozenset()  # outlets this part names


@dataclass
class QueryPlan:
    """What a question asks for, read before searching (qa.query.plan)."""

    text: str  # the question as searched (follow-ups already resolved)
    keyword_text: str  # without outlet names, dates and words about articles
    outlets: frozenset[str] = frozenset()  # ingested outlets the question names
    days: frozenset[tuple[int | None, int, int]] = frozenset()  # (year or None, month, day) it names
    parts: list[QueryPart] = field(default_factory=list)  # empty unless the question has several parts


@dataclass
class Question:
    """What a question asks for and the constraints it sets, read from its parse (qa.question.read)."""

    text: str
    kind: str = "other"  # person, organization, outlet, place, date, number, yesno, reason, process, timeline, statement, describe, author, published (when an article came out), topic (a request: "Tell me about X"), other
    focus: str = ""  # the noun asked about: "how many <troops>", "who is the <ambassador>", "which <companies>"
    role: str = ""  # what "Which <defence secretary> visited ...?" calls the person asked for
    subject: str = ""  # whom "Who is <X>?" describes; the speaker of "What did <X> say?"
    excluded: tuple[str, ...] = ()  # names the answer cannot be: whom the question's pronoun stands for
    doer: str = ""  # the named actor of "What did <the WTO> rule ...?": the answer is something it did
    names: list[str] = field(default_factory=list)  # the names (entities) the question uses
    numbers: list[str] = field(default_factory=list)  # the numbers and years it states
    outlets: frozenset[str] = frozenset()  # ingested outlets it names
    unknown_outlet: str = ""  # an outlet it names that no ingested article comes from
    period: tuple[date, date] | None = None  # the time it is about ("in February 2020")
    period_text: str = ""  # how it says that time ("February 2020")
    latest: bool = False  # asks for the current state ("still", "now", "latest")
    order: str = ""  # "before" / "after" for a question about which came first
    negated: bool = False  # the question itself says "not"
    alternatives: tuple[str, ...] = ()  # the choices of "... consistent or inconsistent?" ("" for one the reader cannot name)
    accounts: str = ""  # it claims two accounts "agree" ("consistent"), "disagree" ("discrepancy"), "differ" ("change") or are the "same"


@dataclass
class Passage:
    """A retrieved chunk with its scores."""

    chunk: Chunk
    score: float  # fused score, higher is better
    dense: float | None = None  # cosine similarity to the question, when ranked by the dense retriever
    keyword: float | None = None  # BM25 score, when ranked by the keyword retriever


@dataclass
class Citation:
    n: int
    doc_id: str
    title: str
    source: str
    date: str
    text: str  # the passage
    quote: str  # the sentence of `text` that supports the claim
    score: float
    quote_start: int = 0  # offsets of `quote` inside `text`
    quote_end: int = 0
    url: str = ""


@dataclass
class Sentence:
    """One sentence of an answer written by a language model, as verified against the passages."""

    text: str  # as shown, with its [n] markers
    citations: list[int] = field(default_factory=list)  # citation numbers (Citation.n) it carries
    unsupported: bool = False  # no cited passage backs it (by meaning, names and numbers)

    def to_json(self) -> dict:
        return {"text": self.text, "citations": list(self.citations), "unsupported": self.unsupported}


@dataclass
class Answer:
    question: str
    answer: str  # the whole answer: it opens with `short` (when there is one), then the cited evidence
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # the closest passages (shown on abstention)
    latency_ms: float = 0.0
    search_query: str = ""  # the question as rewritten for retrieval (follow-ups)
    # Set only for answers written by a language model (QA_LLM), and then also in the JSON:
    sentences: list[Sentence] = field(default_factory=list)
    model: str = ""  # provider:model that wrote it
    note: str = ""  # e.g. why the offline answer was given instead; also in the JSON when set
    draft: str = ""  # while streaming: text after the last verified sentence (never in the JSON)
    # The direct answer ("Yes. [2]", "Nagoya, Japan [1]", "2016 [1][3]"), with its citation markers;
    # `answer` starts with it. Empty on abstention or when no direct answer can be taken from the passages.
    short: str = ""

    def to_json(self) -> dict:
        """The `qa ask --json` object. `sentences` and `model` appear for answers written by a
        language model, `note` when there is one; the other keys are always there."""
        out = {
            "question": self.question,
            "short": self.short,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [
                {k: v for k, v in asdict(c).items() if k not in ("quote_start", "quote_end", "url")}
                for c in self.citations
            ],
            "latency_ms": round(self.latency_ms, 1),
        }
        if self.sentences:
            out["sentences"] = [s.to_json() for s in self.sentences]
        if self.model:
            out["model"] = self.model
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Filters:
    """Restrictions a reader puts on retrieval. `admits` is the one place they are decided: the
    keyword and dense rankings, the engine's checks and the time scope all ask it."""

    sources: tuple[str, ...] = ()  # outlets, matched case-insensitively
    since: date | None = None
    until: date | None = None
    # Articles with no date / no known outlet: True keeps them (whatever the date range / outlets),
    # False drops them, None: kept only when no date range / no outlet is asked for.
    undated: bool | None = None
    unsourced: bool | None = None

    def __bool__(self) -> bool:
        return bool(self.sources or self.since or self.until or self.undated is False or self.unsourced is False)

    @cached_property
    def _outlets(self) -> frozenset[str]:
        return frozenset(s.strip().lower() for s in self.sources)

    def admits(self, source: str, day: str) -> bool:
        """Does an article from outlet `source` ("" unknown) dated `day` (ISO, "" undated) pass?"""
        if not source.strip():
            if not (self.unsourced if self.unsourced is not None else not self.sources):
                return False
        elif self.sources and source.strip().lower() not in self._outlets:
            return False
        if not day:
            return self.undated if self.undated is not None else not (self.since or self.until)
        return not (self.since and day < self.since.isoformat()) and not (self.until and day > self.until.isoformat())


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0  # unchanged
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    outcomes: list[tuple[str, str]] = field(default_factory=list)  # (name, "added" / "updated" / "unchanged") of each article read
    chunks: int = 0  # chunks written in this run
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"articles: {self.added} added, {self.updated} updated, {self.skipped} unchanged, "
            f"{self.removed} removed, {len(self.failed)} failed; {self.chunks} chunks written in {self.seconds:.1f}s"
        )


@dataclass
class ArticleInfo:
    """What the registry keeps of an ingested article."""

    doc_id: str
    title: str
    source: str
    date: str
    byline: str
    url: str
    chunks: int
    hash: str
    corpus: str = ""  # the corpus root (folder or file) the article came from


@dataclass
class Stats:
    articles: int
    chunks: int
    home: str
    model: str
    collection: str
    store: str

    def to_json(self) -> dict:
        return asdict(self)
