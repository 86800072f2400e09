"""The sentence encoder, loaded once, offline, from a local directory."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from qa.settings import EmbedSettings


class Encoder:
    """sentence-transformers model behind a lock-free, lazily loaded facade."""

    def __init__(self, model_path: str, settings: EmbedSettings) -> None:
        self.model_path = model_path
        self.settings = settings
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

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
        return int(self.model.max_seq_length)

    @property
    def name(self) -> str:
        return self.model_path.rstrip("/").split("/")[-1] if "/" in self.model_path else self.model_path

    def token_counts(self, texts: list[str]) -> list[int]:
        """Word pieces of each text, without the special tokens."""
        if not texts:
            return []
        enc = self.model.tokenizer(texts, add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in enc]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span of every word piece of `text`."""
        return [tuple(o) for o in self.model.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]]

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self.model.encode(
            texts,
            batch_size=batch_size or self.settings.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        ).astype(np.float32, copy=False)

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())
