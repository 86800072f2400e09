"""Sentence-aligned chunks measured in the encoder's own word pieces.

all-MiniLM-L6-v2 silently drops everything past 256 word pieces, so a chunk (with the title
prefixed for context) must fit inside that window or its tail would be invisible to dense search."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from qa.settings import ChunkSettings
from qa.types import Article, Chunk

TokenCounter = Callable[[list[str]], list[int]]
OffsetFinder = Callable[[str], list[tuple[int, int]]]


@lru_cache(maxsize=1)
def _punkt():
    import nltk
    from nltk.tokenize.punkt import PunktTokenizer

    # llama-index ships the punkt tables; use them in place so nothing is ever downloaded.
    spec = importlib.util.find_spec("llama_index.core")
    if spec and spec.submodule_search_locations:
        cache = str(Path(spec.submodule_search_locations[0]) / "_static" / "nltk_cache")
        if cache not in nltk.data.path:
            nltk.data.path.append(cache)
    return PunktTokenizer("english")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        for a, b in _punkt().span_tokenize(para.group()):
            spans.append((base + a, base + b))
    return spans


def _pieces(text: str, span: tuple[int, int], limit: int, offsets: OffsetFinder) -> list[tuple[int, int]]:
    """A sentence longer than `limit` word pieces, cut at word-piece boundaries."""
    a, b = span
    offs = offsets(text[a:b])
    out = []
    for i in range(0, len(offs), limit):
        window = offs[i : i + limit]
        start, end = a + window[0][0], a + window[-1][1]
        out.append((start, end))
    return out


def chunk_id(doc_id: str, index: int) -> str:
    return f"{hashlib.sha1(doc_id.encode()).hexdigest()[:16]}-{index}"


def fit_title(title: str, settings: ChunkSettings, count: TokenCounter, offsets: OffsetFinder) -> str:
    """The title, cut to its token budget."""
    if not title or count([title])[0] <= settings.title_tokens:
        return title
    offs = offsets(title)
    return title[: offs[settings.title_tokens - 1][1]]


def chunk_article(
    article: Article,
    settings: ChunkSettings,
    count: TokenCounter,
    offsets: OffsetFinder,
    model_max_tokens: int = 256,
) -> list[Chunk]:
    """Greedy packing of whole sentences up to `max_tokens`, with trailing sentences repeated as overlap."""
    text = article.text
    title = fit_title(article.title, settings, count, offsets)
    # [CLS] and [SEP] plus the title and its newline take part of the model's window.
    budget = min(settings.max_tokens, model_max_tokens - 2 - (count([title])[0] + 1 if title else 0))
    spans: list[tuple[int, int]] = []
    for span, n in zip(sents := sentence_spans(text), count([text[a:b] for a, b in sents])):
        spans.extend(_pieces(text, span, budget, offsets) if n > budget else [span])
    sizes = count([text[a:b] for a, b in spans])

    groups: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, n in enumerate(sizes):
        # +1: the whitespace between sentences can add a piece when the text is re-tokenized whole.
        if current and used + n + 1 > budget:
            groups.append(current)
            overlap: list[int] = []
            ov = 0
            for j in reversed(current):
                if ov + sizes[j] + 1 > settings.overlap_tokens or len(overlap) + 1 >= len(current):
                    break
                overlap.insert(0, j)
                ov += sizes[j] + 1
            current, used = overlap, ov
        current.append(i)
        used += n + 1
    if current:
        groups.append(current)

    chunks = []
    for idx, group in enumerate(groups):
        start, end = spans[group[0]][0], spans[group[-1]][1]
        chunks.append(
            Chunk(
                chunk_id=chunk_id(article.doc_id, idx),
                doc_id=article.doc_id,
                index=idx,
                text=text[start:end],
                start=start,
                end=end,
                sentences=[(spans[g][0] - start, spans[g][1] - start) for g in group],
                title=title,
                source=article.source,
                date=article.date,
                byline=article.byline,
                url=article.url,
            )
        )
    return chunks
