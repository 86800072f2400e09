"""Checking what a language model wrote against the passages it was given, sentence by sentence.

A model may cite a passage it was never shown, leave a claim uncited, or state something no passage
says. Each sentence is checked on its own, so the check runs while the answer streams in:
- citation numbers that are not retrieved passages are removed;
- a sentence is supported when a cited passage is close to it in meaning (embedding similarity to
  one of its sentences, or two adjacent ones) and the cited passages hold its names and numbers;
- an uncited sentence gets the retrieved passage that supports it best, when one is close enough;
- anything else is marked unsupported. "The articles do not say" needs no support.

Pure logic: the embedding function is passed in."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from qa import sentence_split
from qa.keyword import stopwords
from qa.settings import LLMSettings
from qa.types import Passage

Embed = Callable[[list[str]], np.ndarray]

# [3], [1, 2], [1;2], [ 4 ], [Passage 2]: the forms models use for citations.
MARKERS = re.compile(r"\s*\[\s*(?:(?:passage|source|article)s?\s*)?(\d+(?:\s*[,;]\s*\d+)*)\s*\]", re.I)
_NOT_SAY = re.compile(
    r"\b(?:articles?|passages?|sources?|texts?)\b[^.]{0,30}?\b(?:do(?:es)?\s+not|don['’]t|doesn['’]t|never)\s+"
    r"(?:say|mention|state|specify|cover|report|explain|include|address)",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][\w’'-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# English's number words up to twenty (a closed class), as figures.
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()
)}
# English's ordinal words up to the twentieth (a closed class), as figures.
ORDINAL_WORDS = {w: str(i) for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)}
# A sentence opening with one of these leans on the one before it.
_LEANS_BACK = re.compile(r"(?:it|its|they|their|them|he|his|she|her|this|that|these|those|the (?:pact|agreement|deal|move|decision))\b", re.I)


def strip_markers(text: str) -> str:
    """The text without citation markers, spaces before punctuation tidied."""
    out = MARKERS.sub("", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", out).strip()


def marker_numbers(text: str) -> list[int]:
    """Citation numbers in order of appearance, each once."""
    found = [int(n) for m in MARKERS.finditer(text) for n in re.split(r"[,;]", m.group(1))]
    return list(dict.fromkeys(found))


def says_not_known(text: str) -> bool:
    """Is this the model saying the articles do not answer (all or part of) the question?"""
    return bool(_NOT_SAY.search(text))


class SentenceSplitter:
    """Cuts streamed text into sentences as soon as each one (with its markers) is complete."""

    def __init__(self) -> None:
        self.buffer = ""

    def feed(self, delta: str) -> list[str]:
        self.buffer += delta
        out, self.buffer = sentence_split.complete(self.buffer)  # the project's one splitter
        return out

    def flush(self) -> list[str]:
        rest, self.buffer = self.buffer.strip(), ""
        return [rest] if rest else []

    @property
    def draft(self) -> str:
        """The sentence being written, without its (not yet checked) markers, even half-written ones."""
        return strip_markers(re.sub(r"\s*\[[A-Za-z]*\s*[\d,;\s]*$", "", self.buffer))


def numbers(text: str) -> set[str]:
    """Numbers in the text, normalized: '1,200' -> '1200'; 'three' -> '3'."""
    found = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
    found |= {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    return found


def names(text: str) -> set[str]:
    """Capitalized words (names, places, acronyms), lower-cased. The first word of the sentence only
    counts when it is an acronym: otherwise it is capitalized for being first ("More than...")."""
    stop = stopwords()
    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)  # U.S. -> US
    out = set()
    for m in _NAME.finditer(text):
        w = re.sub(r"['’]s?$", "", m.group(0))
        first = not text[: m.start()].strip(" \"'“‘(")
        acronym = w.isupper() and len(w) > 1
        if len(w) > 1 and (acronym or (w.lower() not in stop and not first)):
            out.add(w.lower())
    return out


_MONTHS = {m.lower(): m[:3].lower() for m in calendar.month_name if m}


def _mentioned(name: str, words: set[str]) -> bool:
    """Is the name among the passage's words? Also as the longer or shorter form of a name of 4+
    letters, which is how English derives demonyms, adjectives and possessives from a name (a country
    and its people, a city and "city's"), and a month as its abbreviation."""
    if name in words or _MONTHS.get(name) in words or (name == "sept" and "sep" in words):
        return True
    return len(name) >= 4 and any(w.startswith(name) or (len(w) >= 4 and name.startswith(w)) for w in words)


@dataclass
class Check:
    """What the verifier found for one sentence."""

    text: str  # the sentence without markers
    cited: list[int] = field(default_factory=list)  # passage numbers (1-based) kept, in order
    removed: list[int] = field(default_factory=list)  # numbers that are no retrieved passage
    attached: int | None = None  # passage given to a sentence the model left uncited
    unsupported: bool = False
    not_known: bool = False  # "the articles do not say"
    # passage number -> (start, end) of its sentence closest to this one in chunk.text, and the similarity
    quotes: dict[int, tuple[int, int, float]] = field(default_factory=dict)


class Verifier:
    """Checks sentences against one question's retrieved passages (numbered from 1)."""

    def __init__(self, passages: list[Passage], embed: Embed, settings: LLMSettings) -> None:
        self.passages, self.embed, self.settings = passages, embed, settings
        # passage number -> (vectors of its sentences and sentence pairs, span of the sentence each quotes)
        self._units: dict[int, tuple[np.ndarray, list[tuple[int, int]]]] = {}
        self._words = [set(re.findall(r"\w+", f"{p.chunk.title} {p.chunk.text}".replace(".", "").lower())) for p in passages]
        self._numbers = [numbers(p.chunk.title + " " + p.chunk.text) for p in passages]

    def _ensure_units(self, among: list[int]) -> None:
        """Vectors of each sentence of these passages and of every two adjacent ones (a model often
        merges two into one), computed once per passage and only for passages a sentence is checked
        against. Whole passages are not compared: in a corpus on one topic every passage is about as
        close to every claim."""
        todo = [n for n in dict.fromkeys(among) if n not in self._units]
        if not todo:
            return
        texts: list[str] = []
        spans: dict[int, list[tuple[int, int]]] = {}
        for n in todo:
            chunk = self.passages[n - 1].chunk
            sents, spans[n] = chunk.sentences, []
            for i, (a, b) in enumerate(sents):
                texts.append(chunk.text[a:b])
                spans[n].append((a, b))
                if i + 1 < len(sents):
                    texts.append(chunk.text[a : sents[i + 1][1]])
                    spans[n].append((a, b))  # a pair: quote its first sentence
        vecs = self.embed(texts) if texts else None
        at = 0
        for n in todo:
            k = len(spans[n])
            self._units[n] = (vecs[at : at + k] if k else np.zeros((0, 1), dtype=np.float32), spans[n])
            at += k

    def _holds_facts(self, text: str, passage_numbers: list[int]) -> bool:
        """Do these passages contain the sentence's numbers, and enough of its names?"""
        have_numbers = set().union(*(self._numbers[n - 1] for n in passage_numbers)) if passage_numbers else set()
        if not numbers(text) <= have_numbers:
            return False
        wanted = names(text)
        if not wanted:
            return True
        words = set().union(*(self._words[n - 1] for n in passage_numbers))
        found = sum(1 for w in wanted if _mentioned(w, words))
        return found / len(wanted) >= self.settings.name_overlap

    def _similarities(self, text: str, context: str, among: list[int]) -> dict[int, tuple[int, int, float]]:
        """For each of these passages: its sentence (or pair) closest to `text`, and the similarity.
        With `context` (the sentence before, for one that leans on it), the better of the two
        readings counts: "It was signed in 2016" says little on its own."""
        self._ensure_units(among)
        vecs = self.embed([text, f"{context} {text}"] if context else [text])
        best: dict[int, tuple[int, int, float]] = {}
        for n in among:
            units, spans = self._units[n]
            if len(spans):
                sims = (units @ vecs.T).max(axis=1)
                i = int(sims.argmax())
                best[n] = (*spans[i], float(sims[i]))
        return best

    def check(self, sentence: str, context: str = "") -> Check:
        """Check one sentence; `context` is the sentence before it, if any."""
        text = strip_markers(sentence)
        valid = range(1, len(self.passages) + 1)
        nums = marker_numbers(sentence)
        c = Check(text=text, cited=[n for n in nums if n in valid], removed=[n for n in nums if n not in valid])
        words = re.findall(r"\w+", text)
        if says_not_known(text):
            c.not_known = True
            return c
        if len(words) < 4 and not numbers(text) and not names(text):
            return c  # "Yes." or a lead-in: nothing to support
        context = strip_markers(context) if _LEANS_BACK.match(text) else ""
        if c.cited:
            sims = self._similarities(text, context, c.cited)
            c.quotes = dict(sims)
            close = any(sims[n][2] >= self.settings.support_similarity for n in c.cited if n in sims)
            c.unsupported = not (close and self._holds_facts(text, c.cited))
            return c
        sims = self._similarities(text, context, list(valid))
        fits = [(s, n) for n, (_, _, s) in sims.items() if s >= self.settings.attach_similarity and self._holds_facts(text, [n])]
        if fits:
            _, n = max(fits)
            c.cited, c.attached, c.quotes = [n], n, {n: sims[n]}
        else:
            c.unsupported = True
        return c
