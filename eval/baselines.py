"""What our pipeline is measured against, over the same questions and the same embedding model.

- `LlamaIndexBaseline`: the pipeline a newcomer would write from the llama-index docs — a
  VectorStoreIndex over its own Chroma collection, default chunking, HuggingFaceEmbedding, dense
  top-k, and the top passage as the answer (never abstains).
- `BM25Baseline` / `DenseBaseline`: one ranking alone over *our* chunks (the two halves of our
  hybrid retriever), again answering with the top passage.

Every baseline returns `Hit`s, best first; run.py and multihop.py do the scoring."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from qa.engine import Engine

_TEXT_EXTS = [".txt", ".md", ".html", ".htm"]


@dataclass
class Hit:
    doc_id: str
    text: str
    score: float
    title: str = ""
    source: str = ""
    date: str = ""


class Baseline(Protocol):
    name: str

    def search(self, question: str, k: int) -> list[Hit]: ...


def top_passage_answer(hits: list[Hit]) -> dict:
    """A baseline's answer in the `qa ask --json` shape: the top passage, cited, never abstaining."""
    if not hits:
        return {"answer": "", "abstained": False, "citations": []}
    h = hits[0]
    cite = {"n": 1, "doc_id": h.doc_id, "title": h.title, "source": h.source, "date": h.date, "text": h.text, "quote": h.text, "score": round(h.score, 4)}
    return {"answer": " ".join(h.text.split()), "abstained": False, "citations": [cite]}


class BM25Baseline:
    name = "bm25"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def search(self, question: str, k: int) -> list[Hit]:
        ranked = self.engine.keyword.search(question, k)
        chunks = self.engine.store.get([cid for cid, _ in ranked])
        return [_hit(chunks[cid], s) for cid, s in ranked if cid in chunks]


class DenseBaseline:
    name = "dense"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def search(self, question: str, k: int, vector=None) -> list[Hit]:
        """`vector`: the question's embedding when the caller already has it."""
        vec = self.engine.encoder.encode_question([question])[0] if vector is None else vector
        return [_hit(c, s) for c, s in self.engine.store.query(vec, k)]


def _hit(chunk, score: float) -> Hit:
    return Hit(doc_id=chunk.doc_id, text=chunk.text, score=float(score), title=chunk.title, source=chunk.source, date=chunk.date)


def _documents(corpus: list[Path]) -> list:
    """llama-index Documents keyed by the same article ids our ingest uses: the path relative to
    a folder corpus, a record's url for JSON/JSONL corpora."""
    from llama_index.core import Document, SimpleDirectoryReader

    docs = []
    for root in corpus:
        root = Path(root)
        if root.is_dir():
            # SimpleDirectoryReader is the newcomer's loader; only article files (not the manifest).
            for d in SimpleDirectoryReader(str(root), required_exts=_TEXT_EXTS, recursive=True).load_data(show_progress=False):
                d.metadata["doc_id"] = Path(d.metadata["file_path"]).resolve().relative_to(root.resolve()).as_posix()
                docs.append(d)
            continue
        text = root.read_text(encoding="utf-8")
        records = json.loads(text) if root.suffix == ".json" else [json.loads(line) for line in text.splitlines() if line.strip()]
        if isinstance(records, dict):
            records = records.get("articles") or records.get("records") or [records]
        for r in records:
            doc_id = r.get("url") or r.get("id") or r.get("title", "")
            meta = {"doc_id": doc_id, "title": r.get("title", ""), "source": r.get("source", ""), "date": str(r.get("published_at", ""))[:10]}
            docs.append(Document(text=f"{r.get('title', '')}\n\n{r.get('body', '')}", metadata=meta, id_=doc_id))
    return docs


class LlamaIndexBaseline:
    name = "llamaindex"

    def __init__(self, corpus: list[Path], model_path: str, workdir: Path | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import StorageContext, VectorStoreIndex
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from llama_index.vector_stores.chroma import ChromaVectorStore

        # Its own throw-away Chroma: the baseline must never touch the product's collection.
        self._tmp = None
        if workdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="qa-eval-llamaindex-")
            workdir = Path(self._tmp.name)
        client = chromadb.PersistentClient(path=str(workdir), settings=ChromaSettings(anonymized_telemetry=False))
        # embedding_function=None: Chroma's default would download a model; llama-index passes vectors.
        collection = client.get_or_create_collection("baseline", embedding_function=None)
        store = ChromaVectorStore(chroma_collection=collection)
        embed = HuggingFaceEmbedding(model_name=model_path)
        self.index = VectorStoreIndex.from_documents(
            _documents(corpus), storage_context=StorageContext.from_defaults(vector_store=store), embed_model=embed, show_progress=False
        )

    def search(self, question: str, k: int) -> list[Hit]:
        nodes = self.index.as_retriever(similarity_top_k=k).retrieve(question)
        return [
            Hit(
                doc_id=n.node.metadata.get("doc_id", ""), text=n.node.get_content(), score=float(n.score or 0.0),
                title=n.node.metadata.get("title", ""), source=n.node.metadata.get("source", ""), date=n.node.metadata.get("date", ""),
            )
            for n in nodes
        ]
