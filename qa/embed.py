"""The sentence encoder, loaded once, offline, from a local directory."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from qa.embed_bf16 import Bf16Encoder
    from qa.embed_onnx import OnnxEncoder
    from qa.settings import EmbedSettings

log = logging.getLogger(__name__)


_FEW = 2  # a question, or a question and its follow-up rewrite
# Fewest texts in one call for which ingest loads torch for bf16: loading torch and the model and
# checking the bf16 path take ~5-14 s on a shared 2-core host, and bf16 saves ~4 ms a sentence against
# onnxruntime (350 vs 140 sentences/s). So a few articles (the seeds: ~200 sentences) are encoded
# without torch; a big ingest's batches (~900 sentences per 8 MultiHop articles) with it.
BF16_MIN_TEXTS = 500
_threads_lock = threading.Lock()
_threads_users = 0
_threads_before = 0


@contextmanager
def _torch_threads(n: int) -> Iterator[None]:
    """torch's thread count is process-wide: the first of concurrent questions lowers it, the last
    restores it."""
    global _threads_users, _threads_before
    import torch

    with _threads_lock:
        if _threads_users == 0:
            _threads_before = torch.get_num_threads()
            torch.set_num_threads(n)
        _threads_users += 1
    try:
        yield
    finally:
        with _threads_lock:
            _threads_users -= 1
            if _threads_users == 0:
                torch.set_num_threads(_threads_before)


class Encoder:
    """sentence-transformers model behind a lock-free, lazily loaded facade."""

    def __init__(self, model_path: str, settings: EmbedSettings, cache_dir: Path | None = None) -> None:
        self.model_path = model_path
        self.settings = settings
        self.cache_dir = cache_dir  # None: no ONNX export is made or used
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()
        self._fast: OnnxEncoder | None = None
        self._fast_tried = False
        self._fast_lock = threading.Lock()
        self._query: OnnxEncoder | None = None
        self._query_tried = False
        self._bf16: Bf16Encoder | None = None
        self._bf16_tried = False

    @property
    def model(self) -> SentenceTransformer:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    from sentence_transformers import SentenceTransformer
                    from transformers.utils import logging as hf_logging

                    hf_logging.disable_progress_bar()  # a weight-loading bar on every `qa ask` is noise
                    self._model = SentenceTransformer(self.model_path, device=self.settings.device, local_files_only=True)
        return self._model

    @property
    def max_tokens(self) -> int:
        """Longest input in word pieces, special tokens included; the model truncates past it."""
        if (fast := self._onnx_for_many()) is not None:
            return fast.max_tokens
        return int(self.model.max_seq_length)

    @property
    def name(self) -> str:
        return self.model_path.rstrip("/").split("/")[-1] if "/" in self.model_path else self.model_path

    def token_counts(self, texts: list[str]) -> list[int]:
        """Word pieces of each text, without the special tokens."""
        if not texts:
            return []
        if (fast := self._onnx_for_many()) is not None:  # the same tokenizer.json, without loading torch
            return fast.token_counts(texts)
        enc = self.model.tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"]  # counting, not encoding: long is fine
        return [len(ids) for ids in enc]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span of every word piece of `text`."""
        if (fast := self._onnx_for_many()) is not None:
            return fast.token_offsets(text)
        return [tuple(o) for o in self.model.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)["offset_mapping"]]

    def encode_question(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors of a question (and its follow-up rewrite), by the question
        encoder (`query_precision`)."""
        if texts and len(texts) <= _FEW and (fast := self.query_encoder()) is not None:
            return fast.encode(texts)
        return self.encode(texts)

    def encode_articles(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """`encode` at ingest: by torch in bf16 where the ingest backend resolves to it (see
        `ingest_kind`) and the texts are many (BF16_MIN_TEXTS, or the bf16 path is loaded already),
        else as `encode`."""
        many = len(texts) >= BF16_MIN_TEXTS or (self._bf16 is not None and len(texts) > _FEW)
        if many and self.ingest_kind == "torch-bf16" and (b := self._bf16_encoder()) is not None:
            with _torch_threads(self.settings.ingest_threads) if self.settings.ingest_threads > 0 else nullcontext():
                return b.encode_many(texts, batch_size or self.settings.batch_size)
        return self.encode(texts, batch_size)

    @property
    def ingest_kind(self) -> str:
        """What encodes articles at ingest: 'onnx', 'torch' (fp32) or 'torch-bf16'. 'auto' is bf16
        where the CPU computes it natively and the collection is fp32 (int8 is the ONNX model's),
        else 'onnx'. Asking imports torch when the setting is 'auto'."""
        b = self.settings.ingest_backend
        if b != "auto":
            return b
        from qa import embed_bf16

        return "torch-bf16" if self.settings.precision == "fp32" and self.settings.device == "cpu" and embed_bf16.native() else "onnx"

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Unit-length float32 vectors of articles' texts, one row per text, at the collection's
        precision (a sentence encoded while answering stands in for one stored at ingest)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) <= _FEW:
            if self.settings.query_backend == "onnx" and (fast := self._onnx()) is not None:
                return fast.encode(texts)
            if self.settings.query_threads > 0:
                model = self.model
                with _torch_threads(self.settings.query_threads):
                    return self._encode(model, texts, batch_size)
        elif (fast := self._onnx_for_many()) is not None:
            return fast.encode_many(texts, batch_size or self.settings.batch_size)
        return self._encode(self.model, texts, batch_size)

    def query_encoder(self) -> OnnxEncoder | None:
        """The ONNX path for questions, made or loaded on first use; None when torch answers."""
        if self.settings.query_backend != "onnx":
            return None
        fast = self._onnx()
        if fast is None or fast.precision == "int8" or self.settings.query_precision != "int8":
            return fast
        if not self._query_tried:
            with self._fast_lock:
                if not self._query_tried:
                    self._query = self._int8(fast)
                    self._query_tried = True
        return self._query

    def _onnx_for_many(self) -> OnnxEncoder | None:
        """The ONNX path for many texts while answering (and for tokenizing articles, also when torch in
        bf16 encodes them: the same tokenizer.json and code); None when torch in fp32 encodes them."""
        return self._onnx() if self.settings.ingest_backend != "torch" else None

    def _bf16_encoder(self) -> Bf16Encoder | None:
        """The checked bf16 path, made on first use; None (with a warning) when it cannot be made."""
        if not self._bf16_tried:
            with self._fast_lock:
                if not self._bf16_tried:
                    from qa import embed_bf16, embed_onnx

                    try:
                        if not embed_onnx.supported(self.model_path):
                            raise ValueError("not a Transformer + mean Pooling + Normalize model with a tokenizer.json")
                        self._bf16 = embed_bf16.make(self.model, self.model_path)
                    except Exception as e:  # broad on purpose: an optional speed-up must never stop an ingest
                        log.warning("articles are encoded in fp32, the bf16 path is unavailable: %s", e)
                    self._bf16_tried = True
        return self._bf16

    def _onnx(self) -> OnnxEncoder | None:
        if not self._fast_tried:
            with self._fast_lock:
                if not self._fast_tried:
                    self._fast = self._load_fast()
                    self._fast_tried = True
        return self._fast

    def _load_fast(self) -> OnnxEncoder | None:
        from qa import embed_onnx

        if self.cache_dir is None or not embed_onnx.supported(self.model_path):
            return None
        target = embed_onnx.export_path(self.model_path, self.cache_dir)
        threads = self.settings.onnx_threads
        try:
            fp32 = None
            if target.is_file():
                try:
                    fp32 = embed_onnx.OnnxEncoder(self.model_path, target, threads)
                except Exception:  # a damaged export: make it again below
                    target.unlink(missing_ok=True)
            if fp32 is None:
                fp32 = embed_onnx.export(self.model, self.model_path, target, threads)
        except Exception as e:  # broad on purpose: an optional speed-up must never stop a question
            log.warning("texts are encoded with torch, the ONNX path is unavailable: %s", e)
            return None
        if self.settings.precision != "int8":
            return fp32
        if self.settings.query_backend != "onnx" or self.settings.ingest_backend not in ("onnx", "auto"):
            log.warning("texts are encoded in fp32: int8 needs QA_EMBED__QUERY_BACKEND and QA_EMBED__INGEST_BACKEND "
                        "both 'onnx', so that articles and questions get the same vectors")
            return fp32
        return self._int8(fp32)

    def _int8(self, fp32: OnnxEncoder) -> OnnxEncoder:
        """The checked int8 quantization of the fp32 export, made beside it the first time; the fp32
        export itself when it cannot be made (in the fp32 collection, when it encodes articles)."""
        from qa import embed_onnx

        small = embed_onnx.quantized_path(fp32.path)
        try:
            if small.is_file():
                try:
                    return embed_onnx.OnnxEncoder(self.model_path, small, self.settings.onnx_threads, precision="int8")
                except Exception:  # a damaged file: make it again below
                    small.unlink(missing_ok=True)
            return embed_onnx.quantize(fp32, self.model_path, fp32.path, small, self.settings.onnx_threads)
        except Exception as e:  # broad on purpose: an optional speed-up must never stop a question
            log.warning("texts are encoded in fp32, the int8 model is unavailable: %s", e)
            return fp32

    def _encode(self, model: SentenceTransformer, texts: list[str], batch_size: int | None) -> np.ndarray:
        return model.encode(
            texts,
            batch_size=batch_size or self.settings.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        ).astype(np.float32, copy=False)

    @property
    def precision(self) -> str:
        """'int8' when the quantized model encodes both articles and questions, else 'fp32' (torch, or
        the fp32 export). Part of the collection's name, so settling it loads the encoder when int8 is
        asked for; fp32 loads nothing."""
        # Articles encoded by torch in bf16 ('torch-bf16') go in the fp32 collection: their vectors are
        # within cosine 1e-4 of fp32's (checked when the path is made), far inside what storage rounds
        # away anyway (sentence vectors are kept as int8, one step = 1/127 of the largest component),
        # and MultiHop-RAG retrieval over them matches fp32's (see README, "Speed and scale"). So
        # switching the backend either way needs no re-ingest.
        if self.settings.precision == "fp32":
            return "fp32"
        fast = self._onnx()
        return fast.precision if fast is not None else "fp32"

    @property
    def dim(self) -> int:
        if (fast := self._onnx_for_many()) is not None:
            return fast.dim
        return int(self.model.get_embedding_dimension())
