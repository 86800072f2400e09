"""Hybrid retrieval as llama-index retrievers: dense (Chroma) and keyword (BM25) rankings, fused.

The query embedding is computed once by the caller and travels in the QueryBundle, because the
answerer needs the same vector."""

from __future__ import annotations

from dataclasses import asdict

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from qa.keyword import KeywordIndex
from qa.settings import RetrieveSettings
from qa.store import ChunkStore
from qa.types import Chunk, Filters, Passage


def to_node(chunk: Chunk) -> TextNode:
    meta = asdict(chunk)
    meta.pop("text")
    meta.pop("chunk_id")
    return TextNode(id_=chunk.chunk_id, text=chunk.text, metadata=meta)


def to_chunk(node: TextNode) -> Chunk:
    m = dict(node.metadata)
    m["sentences"] = [tuple(s) for s in m["sentences"]]
    return Chunk(chunk_id=node.node_id, text=node.get_content(), **m)


class DenseRetriever(BaseRetriever):
    def __init__(self, store: ChunkStore, top_k: int, filters: Filters | None = None) -> None:
        super().__init__()
        self.store, self.top_k, self.filters = store, top_k, filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self.store.query(query_bundle.embedding, self.top_k, self.filters)
        return [NodeWithScore(node=to_node(c), score=s) for c, s in hits]


class KeywordRetriever(BaseRetriever):
    def __init__(self, index: KeywordIndex, store: ChunkStore, top_k: int, filters: Filters | None = None) -> None:
        super().__init__()
        self.index, self.store, self.top_k, self.filters = index, store, top_k, filters

    def ranking(self, query: str) -> list[tuple[str, float]]:
        return self.index.search(query, self.top_k, self.filters)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self.ranking(query_bundle.query_str)
        chunks = self.store.get([i for i, _ in hits])
        return [NodeWithScore(node=to_node(chunks[i]), score=s) for i, s in hits if i in chunks]


class HybridRetriever(BaseRetriever):
    """Weighted reciprocal-rank fusion of the dense and keyword rankings."""

    def __init__(self, store: ChunkStore, keyword: KeywordIndex, settings: RetrieveSettings, top_k: int, filters: Filters | None = None) -> None:
        super().__init__()
        self.settings, self.top_k = settings, top_k
        n = max(settings.candidates, top_k)
        self.dense = DenseRetriever(store, n, filters)
        self.keyword = KeywordRetriever(keyword, store, n, filters)
        self.store = store

    def passages(self, query_bundle: QueryBundle) -> list[Passage]:
        s = self.settings
        dense = self.dense.retrieve(query_bundle)
        kw = self.keyword.ranking(query_bundle.query_str)
        fused: dict[str, float] = {}
        for rank, nws in enumerate(dense):
            fused[nws.node.node_id] = fused.get(nws.node.node_id, 0.0) + s.dense_weight / (s.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(kw):
            fused[cid] = fused.get(cid, 0.0) + s.keyword_weight / (s.rrf_k + rank + 1)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[: self.top_k]
        chunks = {n.node.node_id: to_chunk(n.node) for n in dense}
        chunks.update(self.store.get([c for c in best if c not in chunks]))
        dense_scores = {n.node.node_id: n.score for n in dense}
        kw_scores = dict(kw)
        return [
            Passage(chunk=chunks[c], score=fused[c], dense=dense_scores.get(c), keyword=kw_scores.get(c))
            for c in best
            if c in chunks
        ]

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [NodeWithScore(node=to_node(p.chunk), score=p.score) for p in self.passages(query_bundle)]
