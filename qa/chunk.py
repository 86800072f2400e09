"""Sentence-aligned chunks measured in the encoder's own word pieces.

all-MiniLM-L6-v2 silently drops everything past 256 word pieces, so a chunk (with the title
prefixed for context) must fit inside that window or its tail would be invisible to dense search."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from qa.sentence_split import sentence_spans
from qa.settings import ChunkSettings
from qa.types import Article, Chunk

TokenCounter = Callable[[list[str]], list[int]]
OffsetFinder = Callable[[str], list[tuple[int, int]]]


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
    return _cut_title(title, settings, offsets)


def _cut_title(title: str, settings: ChunkSettings, offsets: OffsetFinder) -> str:
    offs = offsets(title)
    return title[: offs[settings.title_tokens - 1][1]]


def _groups(sizes: list[int], budget: int, overlap_tokens: int) -> list[list[int]]:
    """Greedy packing of sentence indices up to `budget`, trailing sentences repeated as overlap."""
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
                if ov + sizes[j] + 1 > overlap_tokens or len(overlap) + 1 >= len(current):
                    break
                overlap.insert(0, j)
                ov += sizes[j] + 1
            current, used = overlap, ov
        current.append(i)
        used += n + 1
    if current:
        groups.append(current)
    return groups


def chunk_article(
    article: Article,
    settings: ChunkSettings,
    count: TokenCounter,
    offsets: OffsetFinder,
    model_max_tokens: int = 256,
) -> list[Chunk]:
    """Greedy packing of whole sentences up to `max_tokens`, with trailing sentences repeated as overlap."""
    return chunk_articles([article], settings, count, offsets, model_max_tokens)[0]


def chunk_articles(
    articles: list[Article],
    settings: ChunkSettings,
    count: TokenCounter,
    offsets: OffsetFinder,
    model_max_tokens: int = 256,
) -> list[list[Chunk]]:
    """`chunk_article` for many articles, with one tokenizer call per step for all of them (a call
    per sentence or per article made tokenizing most of the cost of chunking)."""
    title_sizes = count([a.title for a in articles])
    titles = [
        _cut_title(a.title, settings, offsets) if a.title and n > settings.title_tokens else a.title
        for a, n in zip(articles, title_sizes)
    ]
    cut = [i for i, (a, t) in enumerate(zip(articles, titles)) if t != a.title]
    for i, n in zip(cut, count([titles[i] for i in cut])):
        title_sizes[i] = n
    # [CLS] and [SEP] plus the title and its newline take part of the model's window.
    budgets = [
        min(settings.max_tokens, model_max_tokens - 2 - (n + 1 if t else 0)) for t, n in zip(titles, title_sizes)
    ]
    sents = [sentence_spans(a.text) for a in articles]
    flat = count([a.text[x:y] for a, ss in zip(articles, sents) for x, y in ss])
    pos = 0
    all_spans: list[list[tuple[int, int]]] = []
    all_sizes: list[list[int | None]] = []
    for a, ss, budget in zip(articles, sents, budgets):
        spans: list[tuple[int, int]] = []
        sizes: list[int | None] = []
        for span, n in zip(ss, flat[pos : pos + len(ss)]):
            if n > budget:
                pieces = _pieces(a.text, span, budget, offsets)
                spans.extend(pieces)
                sizes.extend([None] * len(pieces))  # counted below, as text of their own
            else:
                spans.append(span)
                sizes.append(n)
        pos += len(ss)
        all_spans.append(spans)
        all_sizes.append(sizes)
    todo = [(i, j) for i, sizes in enumerate(all_sizes) for j, n in enumerate(sizes) if n is None]
    for (i, j), n in zip(todo, count([articles[i].text[slice(*all_spans[i][j])] for i, j in todo])):
        all_sizes[i][j] = n

    out = []
    for article, title, spans, sizes, budget in zip(articles, titles, all_spans, all_sizes, budgets):
        text = article.text
        chunks = []
        for idx, group in enumerate(_groups(sizes, budget, settings.overlap_tokens)):
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
        out.append(chunks)
    return out
