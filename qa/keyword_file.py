"""The keyword index kept on disk beside the cache, so a process starts without rebuilding it.

Like the cache it is no data of its own: one file per data directory and collection (qa.layout),
written whole (to a temporary file, then renamed over the old one), tagged with the format and the
record generation it was made at, and with a fingerprint of every article in it (content hash, chunk
count, title: what its chunks' terms depend on). A process that loads it at a later generation
applies only the articles whose fingerprint differs from the cache's registry and drops those gone
(qa.library), so it may lag the record by any number of updates without being rewritten for each;
a missing, damaged or foreign file is rebuilt from the cache. The arrays are memory-mapped: posting
lists are read from disk when a question first needs them.

Layout: 8 bytes magic, 8 bytes header length, the JSON header, then each array at a 64-byte
boundary."""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from qa.keyword import VERSION, KeywordIndex
from qa.types import ArticleInfo

MAGIC = b"QAKWIDX1"
FORMAT = f"1/k{VERSION}"  # a file written by another format (or other search terms) is rebuilt
_ALIGN = 64


def fingerprint(a: ArticleInfo) -> str:
    """What an article's chunks' terms depend on: a change to any of these re-indexes it."""
    return f"{a.hash}|{a.chunks}|{a.title}"


def save(path: Path, index: KeywordIndex, generation: int) -> bool:
    """Write `index` (made at `generation`) to `path`, replacing it whole; False when it cannot be
    kept (an id holding the separator, NUL; the disk full): the next process rebuilds it instead."""
    if any("\x00" in d for d in index.articles) or any("\x00" in c for c in index.chunk_ids()):
        return False  # the separator of the id lists: not worth a format of its own
    arrays = index.to_arrays()
    prints = {d: fingerprint(a) for d, a in index.articles.items()}
    header: dict = {"format": FORMAT, "generation": generation, "chunks": len(index), "fingerprints": prints, "arrays": {}}
    offset = 0
    for name, arr in arrays.items():
        header["arrays"][name] = [arr.dtype.str, offset, int(arr.size)]
        offset += -(-arr.nbytes // _ALIGN) * _ALIGN
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    start = -(-(16 + len(head)) // _ALIGN) * _ALIGN
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(MAGIC + struct.pack("<Q", len(head)) + head)
            f.write(b"\0" * (start - 16 - len(head)))
            for name, arr in arrays.items():
                f.seek(start + header["arrays"][name][1])
                f.write(np.ascontiguousarray(arr).tobytes())
            f.truncate(start + offset)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True


def behind(prints: Mapping[str, str], articles: Mapping[str, ArticleInfo]) -> tuple[list[str], list[str], int]:
    """Between a saved index (its fingerprints) and the registry `articles`: the articles to index
    again (new or changed), those gone, and how many chunks that touches."""
    changed = [d for d, a in articles.items() if prints.get(d) != fingerprint(a)]
    gone = [d for d in prints if d not in articles]
    return changed, gone, sum(articles[d].chunks for d in changed) + sum(int(prints[d].split("|")[1]) for d in gone)


def worth_saving(lag_chunks: int, chunks: int) -> bool:
    """Save again once what a start must apply passes ~5% of the index: a start then costs at most
    that much more than loading, and the file is rewritten once per that many updated chunks."""
    return lag_chunks > max(1000, chunks // 20)


def header(path: Path) -> dict | None:
    """The saved file's header (format, generation, chunks, fingerprints), without its arrays."""
    try:
        with open(path, "rb") as f:
            if f.read(8) != MAGIC:
                return None
            (n,) = struct.unpack("<Q", f.read(8))
            got = json.loads(f.read(n).decode("utf-8"))
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return None
    return got if isinstance(got, dict) and got.get("format") == FORMAT else None


def load(path: Path, articles: Mapping[str, ArticleInfo]) -> tuple[KeywordIndex, int, dict[str, str]] | None:
    """(index, its generation, its articles' fingerprints), or None when there is no usable file.
    `articles`: the registry the index is to serve (its filters read it)."""
    try:
        mm = np.memmap(path, dtype=np.uint8, mode="r")
    except (OSError, ValueError):
        return None
    try:
        if len(mm) < 16 or bytes(mm[:8]) != MAGIC:
            return None
        (n,) = struct.unpack("<Q", bytes(mm[8:16]))
        header = json.loads(bytes(mm[16 : 16 + n]).decode("utf-8"))
        if header.get("format") != FORMAT:
            return None
        start = -(-(16 + n) // _ALIGN) * _ALIGN
        arrays = {}
        for name, (dtype, offset, size) in header["arrays"].items():
            dt = np.dtype(dtype)
            lo = start + offset
            if lo + size * dt.itemsize > len(mm):
                return None  # cut short
            arrays[name] = mm[lo : lo + size * dt.itemsize].view(dt)
        index = KeywordIndex.from_arrays(arrays, articles)
        if len(index) != header["chunks"]:
            return None
        return index, int(header["generation"]), dict(header["fingerprints"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, struct.error, IndexError):
        return None
