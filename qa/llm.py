"""The optional language-model answerer (`QA_LLM=openai:MODEL` or `ollama:MODEL`), through
llama-index's LLM integrations.

The model gets the same retrieved passages as the offline answerer, numbered, and is asked for a
`[n]` after every claim. What it writes is checked sentence by sentence as it streams in
(`qa.verify`); the answer keeps the offline answer's shape (text with `[n]` markers, citations
numbered in order of first use) plus the verified sentences. When the server is down or too slow,
the offline answer is given with a note instead of an error."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator

import numpy as np

from qa.errors import QAError
from qa.settings import Settings
from qa.types import Answer, Citation, Passage, Sentence
from qa.verify import Check, Embed, SentenceSplitter, Verifier, strip_markers

THINK, THINK_END = "<think>", "</think>"
PROVIDERS = {"openai": "https://api.openai.com/v1", "ollama": "http://127.0.0.1:11434"}

SYSTEM = """You answer questions about news articles using only the numbered passages you are given.
Rules:
- Begin with the direct answer in a few words, cited: a name, a place, a date, a number, or Yes / No for a yes/no question (for example "Nagoya, Japan [1]." or "Yes [2]."). Then the sentences that support it.
- After every sentence that states a fact, cite the passage or passages it comes from as [n], for example: "Seoul suspended the notice [2]." Use only the numbers of the passages given.
- Say only what the passages say: no outside knowledge, no guesses.
- If the passages do not answer the question, reply exactly: The articles do not say. If they answer only part of it, answer that part and say that the articles do not say the rest.
- At most {max_sentences} sentences of plain text: no lists, no headings."""

REWRITE = """Rewrite the user's last question as one standalone question that can be understood without the conversation: replace he, she, it, they, that and similar words with what they refer to. Reply with the question only. If it is already standalone, reply with it unchanged."""


class LLMUnavailable(Exception):
    """The model server did not answer (down, refused, timed out, or an error)."""


def parse_spec(spec: str) -> tuple[str, str]:
    provider, sep, model = spec.strip().partition(":")
    if not sep or provider.lower() not in PROVIDERS or not model.strip():
        raise QAError(f"QA_LLM must look like openai:MODEL or ollama:MODEL (or be empty for offline answers), not {spec!r}")
    return provider.lower(), model.strip()


def _reason(e: Exception, timeout: float) -> str:
    name = type(e).__name__.lower()
    if "timeout" in name or "timed out" in str(e).lower():
        return f"no reply within {timeout:g} s"
    if "connect" in name or "connection" in str(e).lower():
        return "cannot connect to the server"
    return re.sub(r"\s+", " ", str(e) or type(e).__name__)[:200]


def without_thinking(deltas: Iterator[str]) -> Iterator[str]:
    """The streamed text without a leading <think>...</think> block (reasoning models served
    without a reasoning parser write their thoughts into the answer)."""
    head = ""
    deltas = iter(deltas)
    for d in deltas:
        head += d
        start = head.lstrip()
        if len(start) < len(THINK) and THINK.startswith(start):
            continue  # could still be the opening tag
        if not start.startswith(THINK):
            yield head
            break
        if (end := head.find(THINK_END)) >= 0:
            if rest := head[end + len(THINK_END) :].lstrip():
                yield rest
            break
    else:
        if head and not head.lstrip().startswith(THINK):
            yield head
        return
    yield from deltas


def passages_prompt(passages: list[Passage]) -> str:
    blocks = []
    for n, p in enumerate(passages, 1):
        c = p.chunk
        head = " — ".join(x for x in (c.title, c.source, c.date) if x)
        body = " ".join(c.text.split())
        blocks.append(f"[{n}] {head}\n{body}")
    return "\n\n".join(blocks)


class LLMAnswerer:
    def __init__(self, settings: Settings, embed: Embed, max_sentences: int = 6) -> None:
        self.spec = settings.llm.strip()
        self.provider, self.model = parse_spec(self.spec)
        self.options = settings.llm_options
        self._encode = embed
        self.max_sentences = max_sentences
        self._llm = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = 20000
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors, cached: the passages of related questions come back, and with them their sentences."""
        if not texts:
            return self._encode([])
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known.update(zip(missing, self._encode(missing)))
            with self._lock:
                self._cache.update((t, known[t]) for t in missing)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    @property
    def base_url(self) -> str:
        return self.options.base_url or PROVIDERS[self.provider]

    @property
    def llm(self):
        """The llama-index LLM, made on first use: nothing is contacted before a question."""
        if self._llm is None:
            o = self.options
            if self.provider == "ollama":
                from llama_index.llms.ollama import Ollama

                self._llm = Ollama(
                    model=self.model, base_url=self.base_url, request_timeout=o.timeout, temperature=o.temperature,
                    context_window=o.context_window, additional_kwargs={"num_predict": o.max_tokens},
                )
            else:
                from llama_index.llms.openai_like import OpenAILike

                self._llm = OpenAILike(
                    model=self.model, api_base=self.base_url, api_key=o.api_key.get_secret_value() or "none",
                    is_chat_model=True, timeout=o.timeout, max_retries=0, temperature=o.temperature, max_tokens=o.max_tokens,
                    context_window=o.context_window,
                )
        return self._llm

    def _messages(self, system: str, user: str) -> list:
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]

    def _stream(self, messages: list) -> Iterator[str]:
        try:
            yield from without_thinking(r.delta for r in self.llm.stream_chat(messages) if r.delta)
        except Exception as e:  # whatever the client raises, the reader gets the offline answer
            raise LLMUnavailable(_reason(e, self.options.timeout)) from e

    # -- follow-ups ------------------------------------------------------------------------------
    def rewrite(self, question: str, history: list[tuple[str, str]]) -> str:
        """The follow-up as a standalone question (raises LLMUnavailable)."""
        turns = "\n".join(f"User: {q}\nAssistant: {strip_markers(a)[:600]}" for q, a in history[-3:])
        text = "".join(self._stream(self._messages(REWRITE, f"Conversation:\n{turns}\n\nLast question: {question}\nStandalone question:")))
        text = " ".join(text.strip().strip('"').split())
        return text if 3 <= len(text) <= 2 * len(question) + 300 else question

    # -- answers ---------------------------------------------------------------------------------
    def stream(self, question: str, prompt_question: str, passages: list[Passage], offline: Callable[[str], Answer]) -> Iterator[Answer]:
        """Snapshots of the answer as it is written (verified sentences + the sentence in progress);
        the last one is complete. `offline(note)` gives the offline answer when the model fails."""
        if not passages:
            yield offline("")
            return
        verifier = Verifier(passages, self.embed, self.options)
        splitter = SentenceSplitter()
        build = _Builder(question, self.spec, passages)
        user = f"Passages:\n\n{passages_prompt(passages)}\n\nQuestion: {prompt_question}\nAnswer, with [n] after every claim:"
        note = ""
        try:
            for delta in self._stream(self._messages(SYSTEM.format(max_sentences=self.max_sentences), user)):
                for s in splitter.feed(delta):
                    build.add(verifier.check(s, build.last))
                yield build.answer(splitter.draft)
            for s in splitter.flush():
                build.add(verifier.check(s, build.last))
        except LLMUnavailable as e:
            if not build.sentences:
                yield offline(f"The language model ({self.spec}) did not answer: {e}. This is the offline answer.")
                return
            # The sentences checked so far stand; the one cut off is dropped.
            note = f"The language model ({self.spec}) stopped before finishing: {e}. The answer may be incomplete."
        if not build.sentences:
            yield offline(f"The language model ({self.spec}) gave an empty answer. This is the offline answer.")
            return
        yield build.answer("", note)


class _Builder:
    """Turns checked sentences into the answer: citations numbered in order of first use."""

    def __init__(self, question: str, spec: str, passages: list[Passage]) -> None:
        self.question, self.spec, self.passages = question, spec, passages
        self.sentences: list[Sentence] = []
        self.citations: list[Citation] = []
        self.number: dict[int, int] = {}  # passage number -> citation number
        self.not_known: list[bool] = []

    @property
    def last(self) -> str:
        return self.sentences[-1].text if self.sentences else ""

    def add(self, c: Check) -> None:
        for p in c.cited:
            if p not in self.number:
                chunk = self.passages[p - 1].chunk
                a, b, sim = c.quotes.get(p, (0, 0, 0.0))
                quote = chunk.text[a:b] if b > a else ""
                self.number[p] = len(self.citations) + 1
                self.citations.append(
                    Citation(
                        n=self.number[p], doc_id=chunk.doc_id, title=chunk.title, source=chunk.source, date=chunk.date,
                        text=chunk.text, quote=quote, score=round(float(sim), 4), quote_start=a, quote_end=b, url=chunk.url,
                    )
                )
        ns = [self.number[p] for p in c.cited]
        if not c.text:
            return
        self.sentences.append(Sentence(text=c.text + "".join(f" [{n}]" for n in ns), citations=ns, unsupported=c.unsupported))
        self.not_known.append(c.not_known)

    def answer(self, draft: str, note: str = "") -> Answer:
        text = " ".join(s.text for s in self.sentences)
        # Only "the articles do not say": an abstention, shown with the closest passages (known at the end).
        abstained = not draft and bool(self.sentences) and all(self.not_known) and not self.citations
        return Answer(
            question=self.question, answer=text, abstained=abstained, citations=list(self.citations),
            passages=self.passages[:3] if abstained else self.passages, sentences=list(self.sentences),
            model=self.spec, note=note, draft=draft,
            # The model is asked to open with the direct answer; it is checked like every sentence.
            short=self.sentences[0].text if self.sentences and not abstained else "",
        )
