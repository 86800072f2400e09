"""The encoder through onnxruntime: the same model exported once to ONNX (fp32), for questions and
for ingest.

A question is one short text; for so little work torch spends most of its ~19 ms in per-call
overhead, onnxruntime about 6 ms. At ingest, batches of sentences sorted by length run 2-4x faster
than sentence-transformers on torch (its threads spin-wait on a shared machine; onnxruntime's sleep,
and its graph optimisations fuse the layer norms and GELUs). The vectors agree with torch's to
~3e-7, so an index made by either answers the same. The export is made from the loaded torch model
the first time it is needed, checked against torch on probe texts (a long one included, so
truncation is checked too) and kept in the cache folder, so later processes encode and tokenize
without loading torch at all. Anything unexpected (another pooling, no `onnx` package to export
with, a check that fails) leaves the torch path in charge."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

MAX_DIFF = 1e-4  # per component of a unit vector; measured ~2e-7
# int8: the worst cosine to the fp32 vectors accepted on the probes and checks; per-channel weights
# measured ~0.96 at worst on MultiHop chunks, per-tensor 0.82 (which retrieval would feel).
MIN_COSINE = 0.95
_CHECKS = [
    "Apple unveiled a new iPhone with a faster chip and a better camera on Tuesday.",
    "The central bank raised interest rates by a quarter point to fight inflation.",
    "Who won the championship game, and by how many points?",
    "Shares of the electric-car maker fell 8% after it missed delivery estimates for the quarter.",
]
_PROBES = [
    "Why did Seoul suspend the termination of GSOMIA?",
    "a",
    "Which outlet reported that the deal was signed, TechCrunch or The Verge?",
    " ".join(["The intelligence-sharing pact between South Korea and Japan was renewed."] * 40),
]


def supported(model_path: str) -> bool:
    """A sentence-transformers folder of Transformer, mean Pooling and Normalize, with a fast
    tokenizer: the shape this module reproduces."""
    p = Path(model_path)
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((p / "modules.json").read_text())]
        pooling = json.loads((p / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError, TypeError):
        return False
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"
    )
    return modules == ["Transformer", "Pooling", "Normalize"] and bool(mean_only) and (p / "tokenizer.json").is_file()


def export_path(model_path: str, cache_dir: Path) -> Path:
    """Where the export of this model lives: named by the weights it was made from."""
    p = Path(model_path).resolve()
    weights = sorted(p.glob("*.safetensors")) or sorted(p.glob("*.bin"))
    stamp = "|".join(f"{w.name}:{w.stat().st_size}:{w.stat().st_mtime_ns}" for w in weights)
    digest = hashlib.sha1(f"{p}|{stamp}".encode()).hexdigest()[:12]
    return cache_dir / f"{p.name}-{digest}.onnx"


def quantized_path(export: Path) -> Path:
    """Where the int8 model made from `export` lives: beside it, named after it."""
    return export.with_name(f"{export.stem}-int8{export.suffix}")


class WordPieces:
    """The model's tokenizer (tokenizer.json, without transformers), and mean-pooled, unit-length
    vectors of batches sorted by length; `_hidden` (the transformer's last hidden state) is the
    backend's. Shared by onnxruntime and torch bf16 (qa.embed_bf16), so both tokenize the same."""

    precision = "fp32"
    dim = 0

    def __init__(self, model_path: str) -> None:
        from tokenizers import Tokenizer

        cfg = json.loads((Path(model_path) / "sentence_bert_config.json").read_text())
        self.max_tokens = int(cfg.get("max_seq_length", 256))
        self.counter = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))  # counting: whole texts
        self.counter.no_truncation()
        self.counter.no_padding()
        self.tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))  # encoding: the model's window
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.no_padding()  # each batch is padded to its own longest text
        pad = self.tokenizer.token_to_id("[PAD]")
        self.pad_id = 0 if pad is None else pad

    def token_counts(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self.counter.encode_batch(texts, add_special_tokens=False)]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        return [tuple(o) for o in self.counter.encode(text, add_special_tokens=False).offsets]

    def encode(self, texts: list[str]) -> np.ndarray:
        """One forward pass for all of `texts` (a question, or a question and its rewrite)."""
        return self._run(self.tokenizer.encode_batch(texts))

    def encode_many(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Many texts (an ingest): tokenized once, sorted by length so each batch pads little."""
        enc = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(enc[i].ids))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(order), max(1, batch_size)):
            rows = order[i : i + batch_size]
            out[rows] = self._run([enc[r] for r in rows])
        return out

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _run(self, enc: list) -> np.ndarray:
        width = max(len(e.ids) for e in enc)
        ids = np.full((len(enc), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(enc), width), dtype=np.int64)
        for r, e in enumerate(enc):
            ids[r, : len(e.ids)] = e.ids
            mask[r, : len(e.ids)] = 1
        hidden = self._hidden(ids, mask)  # float32
        m = mask[..., None].astype(np.float32)
        v = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return (v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


class OnnxEncoder(WordPieces):
    """Mean-pooled, unit-length vectors from an ONNX export, and the model's tokenizer (so chunking
    needs no torch either)."""

    def __init__(self, model_path: str, onnx_path: Path, threads: int, precision: str = "fp32") -> None:
        super().__init__(model_path)
        self.precision = precision
        self.path = Path(onnx_path)  # (the file it was loaded from)
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(threads, 0)
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3  # its own warnings about unused initializers are noise to a user
        # Spinning threads wait on each other when other processes hold the cores (p95 45 vs 27 ms
        # measured under load); sleeping ones cost a little when the machine is quiet.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        width = self.session.get_outputs()[0].shape[-1]
        self.dim = width if isinstance(width, int) else int(json.loads((Path(model_path) / "config.json").read_text())["hidden_size"])

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        types = np.zeros_like(ids)  # one segment
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]


def export(model: SentenceTransformer, model_path: str, target: Path, threads: int) -> OnnxEncoder:
    """Export the loaded torch model to `target`, and keep it only if it gives torch's vectors.
    Raises on any failure; `target` then does not exist."""
    import torch

    class _Hidden(torch.nn.Module):  # positional inputs in, last hidden state out: what ONNX needs
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = model.tokenizer(["an example question"], return_tensors="pt")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Hidden(model[0].auto_model.eval()), tuple(sample[n] for n in names), str(tmp),
                input_names=names, output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
                opset_version=17, dynamo=False,
            )
        fast = OnnxEncoder(model_path, tmp, threads)
        want = model.encode(_PROBES, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        diff = max(float(np.abs(fast.encode(_PROBES) - want).max()), float(np.abs(fast.encode_many(_PROBES, 2) - want).max()))
        if diff > MAX_DIFF:
            raise ValueError(f"the ONNX export differs from torch by {diff:.1e}")
        os.replace(tmp, target)  # atomic: concurrent processes see no file or a checked one
        fast.path = target
    finally:
        tmp.unlink(missing_ok=True)
    return fast


def quantize(fp32: OnnxEncoder, model_path: str, export: Path, target: Path, threads: int) -> OnnxEncoder:
    """Make the int8 model of the checked fp32 `export` (dynamic quantization: int8 weights, one scale
    per output channel, activations quantized per batch) and keep it only if its vectors stay within
    MIN_COSINE of the fp32 ones. Raises on any failure; `target` then does not exist."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    target.parent.mkdir(parents=True, exist_ok=True)
    pre = target.with_name(f".{target.name}.{os.getpid()}.pre.tmp")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # The pre-processing (shape inference, graph clean-up) lets the quantizer see every MatMul.
            quant_pre_process(str(export), str(pre), skip_symbolic_shape=True)
            quantize_dynamic(str(pre), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        fast = OnnxEncoder(model_path, tmp, threads, precision="int8")
        worst = closeness(fp32, fast)
        if worst < MIN_COSINE:
            raise ValueError(f"the int8 model's vectors are too far from fp32's (cosine {worst:.3f} < {MIN_COSINE})")
        os.replace(tmp, target)
        fast.path = target
    finally:
        pre.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return fast


def closeness(a: OnnxEncoder, b: OnnxEncoder) -> float:
    """The worst cosine between the two encoders' vectors of the same texts (one at a time and batched)."""
    texts = _PROBES + _CHECKS
    single = float(np.min(np.sum(a.encode(texts) * b.encode(texts), axis=1)))
    many = float(np.min(np.sum(a.encode_many(texts, 3) * b.encode_many(texts, 3), axis=1)))
    return min(single, many)
