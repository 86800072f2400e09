"""Sentence vectors packed small, for the record's metadata and the cache.

Every sentence's vector is kept (the answerer scores sentences against the question), and at 384
float32 numbers it was two thirds of the disk a chunk takes: Chroma keeps each string metadata value
twice (its table and its index), and the cache keeps it once more. Each vector is stored as int8 with
its own scale (symmetric: scale = max |v| / 127), 4 + dim bytes instead of 4 x dim; the error per
component is at most scale / 2 (~0.0008 for a unit vector of 384 components), well below the
differences the answerer's thresholds separate (measured: README "Speed and scale").

The record tags the format in the chunk's metadata (`DTYPE_KEY`); a chunk without the tag was
written before it, with float32 vectors, and still reads."""

from __future__ import annotations

import base64

import numpy as np

from qa.errors import StoreUnavailable

DTYPE_KEY = "s_dt"
INT8 = "i8"  # the tag of this format; absent = float32 (records written before it)


def pack(vectors) -> bytes:
    """Vectors (one per row, or a list of rows) as bytes: per vector a float32 scale, then int8 components."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    if not v.size:
        return b""
    scale = np.abs(v).max(axis=1) / 127.0
    scale[scale == 0] = 1.0  # an all-zero vector stays zero
    q = np.clip(np.rint(v / scale[:, None]), -127, 127).astype(np.int8)
    out = np.empty((len(v), 4 + v.shape[1]), dtype=np.uint8)
    out[:, :4] = scale.astype("<f4").view(np.uint8).reshape(-1, 4)
    out[:, 4:] = q.view(np.uint8)
    return out.tobytes()


def pack_each(vectors: list) -> list[bytes]:
    """`pack` of each vector on its own (the cache's one row per sentence), packed in one pass."""
    if not len(vectors):
        return []
    raw = pack(np.stack([np.asarray(v, dtype=np.float32) for v in vectors]))
    width = len(raw) // len(vectors)
    return [raw[i : i + width] for i in range(0, len(raw), width)]


def unpack(raw: bytes, n: int) -> np.ndarray:
    """The `n` vectors `pack` wrote, as float32 rows."""
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(n, -1)
    scale = rows[:, :4].copy().view("<f4").reshape(n, 1)
    return rows[:, 4:].view(np.int8).astype(np.float32) * scale


def to_meta(vectors: list) -> dict[str, str]:
    """The metadata fields holding these sentence vectors (`s_vec` and the format tag)."""
    return {"s_vec": base64.b64encode(pack(vectors) if len(vectors) else b"").decode("ascii"), DTYPE_KEY: INT8}


def from_meta(m: dict, n: int) -> np.ndarray:
    """The `n` sentence vectors of a chunk's metadata, in whichever format wrote them."""
    raw = base64.b64decode(m["s_vec"])
    if m.get(DTYPE_KEY) == INT8:
        return unpack(raw, n)
    if m.get(DTYPE_KEY) not in (None, "f4"):
        raise StoreUnavailable(f"the record's sentence vectors are stored as {m.get(DTYPE_KEY)!r}, a format this version of qa "
                               "does not read (written by a newer version?): upgrade qa, or ingest into a new data directory")
    return np.frombuffer(raw, dtype=np.float32).reshape(n, -1)
