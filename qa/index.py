"""The parts of an index that ingest writes to, and how chunks become vectors (used by ingest, and
by `qa doctor` when it rebuilds a damaged vector index)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.embed import Encoder
from qa.keyword import KeywordIndex
from qa.registry import Registry
from qa.sentences import SentenceVectors, candidate_sentences, chunk_sentences
from qa.settings import Settings
from qa.store import ChunkStore
from qa.types import Chunk


@dataclass
class Index:
    """The parts ingest writes to."""

    settings: Settings
    encoder: Encoder
    store: ChunkStore
    registry: Registry
    keyword: KeywordIndex
    sentences: SentenceVectors | None = None


def embed_chunks(index: Index, chunks: list[Chunk]) -> tuple[np.ndarray, list[tuple[tuple[str, int], str, np.ndarray]]]:
    """Chunk vectors, and the vectors of the sentences the answerer may quote (see qa.sentences).

    Each sentence of the batch is encoded once (overlapping chunks share sentences). With
    `chunk_vectors = "sentences"` a chunk's vector is the mean of its sentences' vectors, so no
    text is encoded twice; with "encoded" the chunk is encoded whole as well."""
    enc = index.encoder
    whole = index.settings.embed.chunk_vectors == "encoded"
    if index.sentences is None and whole:
        return enc.encode([c.embed_text for c in chunks]), []
    row_of: dict[tuple[str, int], int] = {}
    texts: list[str] = []
    members: list[list[int]] = []
    for c in chunks:
        rows = []
        # "encoded" needs only what the answerer may quote; the mean takes every sentence
        for a, _, norm in candidate_sentences(c) if whole else chunk_sentences(c):
            key = (c.doc_id, c.start + a)
            if key not in row_of:
                row_of[key] = len(texts)
                texts.append(norm)
            rows.append(row_of[key])
        members.append(rows)
    svecs = enc.encode(texts)
    if whole:
        vectors = enc.encode([c.embed_text for c in chunks])
    else:
        vectors = np.zeros((len(chunks), svecs.shape[1] if len(texts) else enc.dim), dtype=np.float32)
        for i, rows in enumerate(members):
            if rows:
                v = svecs[rows].mean(axis=0)
                vectors[i] = v / (np.linalg.norm(v) or 1.0)
        if bare := [i for i, rows in enumerate(members) if not rows]:  # no sentence at all: the title, say
            vectors[bare] = enc.encode([chunks[i].embed_text for i in bare])
    if index.sentences is None:
        return vectors, []
    quoted = {(c.doc_id, c.start + a): norm for c in chunks for a, _, norm in candidate_sentences(c)}
    return vectors, [(k, t, svecs[row_of[k]]) for k, t in quoted.items()]
