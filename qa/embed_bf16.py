"""Ingest's encoder on CPUs that compute in bfloat16 natively (AVX-512-BF16 / AMX): the torch model
under `torch.autocast("cpu", torch.bfloat16)`, on one thread.

The matrix products run in bf16 (AMX tiles), everything else (embeddings, layer norms, softmax, the
mean pooling and the normalisation) in fp32, so the vectors stay within cosine ~1e-4 of fp32's
(measured on 1,200 MultiHop-RAG sentences: min 0.99991, mean 0.999985; on chunks min 0.99997).
Casting the whole model to bf16 is ~1.25x faster again but drifts to 0.99983, so it is not done.
Tokenizing is `qa.embed_onnx.WordPieces`, the same tokenizer.json and code as the ONNX path, so the
token counts that size chunks cannot change with the backend.

One torch thread: on this shared 2-core host torch's threads spin-wait on each other whenever
another process holds a core, and two ran at a third of one thread's speed (sentences: fp32 42 vs
138 texts/s); with one, spaCy's entities (the other half of ingest, on the store thread) keep a
core of their own."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import numpy as np

from qa.embed_onnx import _CHECKS, _PROBES, WordPieces

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

MIN_COSINE = 0.9999  # to the fp32 vectors, on the probes; measured >= 0.99991 on MultiHop sentences


def native() -> bool:
    """Whether this CPU computes bf16 in hardware, as torch itself sees it (AVX-512-BF16, or AMX
    tiles). Without it torch emulates bf16, slower than fp32; False when torch cannot tell."""
    try:
        import torch

        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except Exception:  # a torch without the query: assume no
        return False


class Bf16Encoder(WordPieces):
    """Mean-pooled, unit-length float32 vectors from the loaded torch model's transformer in bf16."""

    def __init__(self, model: SentenceTransformer, model_path: str) -> None:
        super().__init__(model_path)
        self.auto_model = model[0].auto_model.eval()
        self.dim = int(model.get_embedding_dimension())

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch

        t_ids, t_mask = torch.from_numpy(ids), torch.from_numpy(mask)
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
            out = self.auto_model(input_ids=t_ids, attention_mask=t_mask, token_type_ids=torch.zeros_like(t_ids))
        return out.last_hidden_state.float().numpy()


def make(model: SentenceTransformer, model_path: str) -> Bf16Encoder:
    """The bf16 encoder, kept only if its vectors of the probe texts (a long one included), batched
    by length as at ingest, stay within MIN_COSINE of fp32 torch's. Raises otherwise."""
    enc = Bf16Encoder(model, model_path)
    texts = _PROBES + _CHECKS
    want = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    worst = float(np.min(np.sum(enc.encode_many(texts, 3) * want, axis=1)))
    if worst < MIN_COSINE:
        raise ValueError(f"bf16 vectors are too far from fp32's (cosine {worst:.5f} < {MIN_COSINE})")
    return enc
