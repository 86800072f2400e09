"""What the answerer needs of each sentence, computed once at ingest: its vector and its named
entities (and, in the cache, its keyword terms), so that answering a question encodes only the
question. Keyed like the answerer's own cache: (article id, offset of the sentence in the article),
so the same sentence in two overlapping chunks is stored once.

The record keeps them with the chunk that first holds the sentence (qa.store); the cache (qa.cache)
serves them to the answerer through `get_features`."""

from __future__ import annotations

import json
import re
import zlib
from typing import Protocol

import numpy as np

from qa import nlp
from qa.types import Chunk

MIN_WORDS = 5  # shorter "sentences" (datelines, captions) are never part of an answer

Key = tuple[str, int]  # (doc_id, character offset of the sentence in the article)


def chunk_sentences(chunk: Chunk) -> list[tuple[int, int, str]]:
    """(start, end, normalized text) of every non-blank sentence of the chunk."""
    out = []
    for a, b in chunk.sentences:
        norm = re.sub(r"\s+", " ", chunk.text[a:b]).strip()
        if norm:
            out.append((a, b, norm))
    return out


def candidate_sentences(chunk: Chunk) -> list[tuple[int, int, str]]:
    """(start, end, normalized text) of the chunk's sentences that may be part of an answer."""
    return [(a, b, norm) for a, b, norm in chunk_sentences(chunk) if len(norm.split()) >= MIN_WORDS]


def crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def ents_text(ents: list[nlp.Entity]) -> str:
    """The sentence's named entities as stored, tagged with their version: finding them is the
    slowest part of reading a sentence, so it is done once, at ingest."""
    return f"{nlp.VERSION}|{json.dumps(ents, separators=(',', ':'))}"


def ents_from(stored: str | None) -> list[nlp.Entity] | None:
    version, _, data = (stored or "").partition("|")
    return [tuple(e) for e in json.loads(data)] if version == str(nlp.VERSION) else None


Features = tuple[np.ndarray, frozenset[str] | None, list[nlp.Entity] | None]


class SentenceVectors(Protocol):
    """Where the answerer reads the stored sentence features (qa.cache.Cache)."""

    def get_features(self, wanted: dict[Key, str]) -> dict[Key, Features]:
        """(vector, keyword terms or None, entities or None) of these keys whose text still matches."""
        ...

    def doc_chunks(self, doc_id: str) -> list[Chunk]:
        """The article's chunks, in order."""
        ...


def entities_text(texts: list[str]) -> list[str]:
    """The named entities of each sentence as the record stores them (tagged with their version)."""
    return [ents_text(e) for e in nlp.entities(texts)]
