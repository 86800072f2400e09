"""Is Chroma's vector index whole, and if not, rebuild it.

The vector index (HNSW) can lose chunks the metadata still lists: the embedded store written by
two processes, or a file damaged on disk. Such a store may then raise "Error finding id", hang, or
crash the process that reads it (segfault, "free(): invalid next size"). So it is probed in a child
process, with a timeout: a sample of chunks, each looked up by its own vector (from the copy of the
chunk vectors kept in the local cache, which does not depend on Chroma), plus a `get` of the
embeddings (all of them for `qa doctor`). `qa ask` and the app probe once per generation of the
record (noted in the cache) and refuse a damaged one with one line; `qa doctor --repair` rebuilds the index from the
stored chunk vectors, re-encoding only chunks that have none.

Run as `python -m qa.storecheck` it is that child: a JSON request on stdin, a JSON answer on stdout."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.errors import IndexDamaged
from qa.layout import layout

ASK_SAMPLE, DOCTOR_SAMPLE = 20, 100
RECENT_SAMPLE = 2000  # after a stopped writer: its most recent chunks checked, each one (~1-2 ms apiece)
ASK_TIMEOUT = 60.0  # seconds: a hanging store is named after this long, not waited for forever
# A chunk one open cannot find is looked up again in this many fresh opens before it counts as lost.
# Until Chroma has saved its vector index (every `sync_threshold` writes), each process that opens the
# embedded store builds that index anew from Chroma's log, in parallel and in an order that differs
# from one open to the next: now and then (~1 open in 150 after the updates of a few re-ingests) a
# chunk it holds, vector and all, is left where no search reaches it, in that process only. A chunk
# the store has really lost (a damaged or half-saved index file) is missing from every open.
REOPENS = 2


@dataclass
class Probe:
    """What the child saw; `problem` is "" when the vector index holds every sampled chunk."""

    chunks: int = 0
    sampled: int = 0
    missing: list[str] = field(default_factory=list)  # sampled chunk ids not found by their own vector, in any open
    unsteady: list[str] = field(default_factory=list)  # not found by one open of the store, found by a later one
    get_error: str = ""
    problem: str = ""
    unopenable: bool = False  # the store itself (not only its vector index) cannot be opened


def _files(index) -> Path | None:
    return None if index.settings.store.chroma_url else layout(index.settings.home).chroma


def probe(index, sample: int, full: bool, timeout: float = 120.0, since: int | None = None) -> Probe:
    """Check the vector index in a child process, so that a damaged store cannot take this one down.
    With `since`, the chunks written after that generation are checked too, every one of them up to
    RECENT_SAMPLE (the most recent first)."""
    request = {
        "home": str(index.settings.home), "url": index.settings.store.chroma_url, "name": index.store.name,
        "copy": str(index.library.cache.path), "sample": sample, "full": full, "since": since,
    }
    where = index.store.location
    data, failed = _run_child(request, where, timeout)
    if failed:
        return Probe(problem=failed)
    r = Probe(chunks=data["chunks"], sampled=data["sampled"], missing=data["missing"], get_error=data["get_error"])
    if data["error"]:
        r.problem = index.store._unavailable(RuntimeError(data["error"]))
        r.unopenable = True
        return r
    # Chunks the store gave back (vector and all) yet no search reached: looked up again in fresh opens
    # of the embedded store, each of which builds its vector index anew until Chroma has saved it.
    for _ in range(REOPENS if r.missing and not r.get_error and _files(index) is not None else 0):
        again, failed = _run_child({**request, "ids": r.missing}, where, timeout)
        if failed or again["error"] or again["get_error"]:
            break
        r.unsteady += [i for i in r.missing if i not in again["missing"]]
        r.missing = [i for i in r.missing if i in again["missing"]]
        if not r.missing:
            break
    why = []
    if r.missing:
        why.append(f"{len(r.missing)} of {r.sampled} sampled chunks are not found by their own vector")
    if r.get_error:
        why.append(f"reading the stored vectors fails ({r.get_error})")
    if why:
        r.problem = f"the vector index of {where} is damaged: {'; '.join(why)}"
    return r


def _run_child(request: dict, where: str, timeout: float) -> tuple[dict, str]:
    """The child's answer, or "" and the problem that stopped it (a hang, a crash, no answer)."""
    try:
        p = subprocess.run([sys.executable, "-m", "qa.storecheck"], input=json.dumps(request), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {}, f"the Chroma store at {where} did not answer within {timeout:.0f} s (its vector index is damaged)"
    if p.returncode < 0:
        return {}, f"reading the Chroma store at {where} crashed a test process (signal {-p.returncode}): its vector index is damaged"
    try:
        return json.loads(p.stdout.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        last = (p.stderr.strip().splitlines() or ["no output"])[-1][:200]
        return {}, f"the Chroma store at {where} cannot be read ({last})"


def unfinished_since(index) -> int | None:
    """The generation the last writer of the embedded store started from, when it was stopped
    before it ended (its mark is still there, see `qa.ingest.writing`); None when it ended."""
    mark = layout(index.settings.home).unfinished
    if index.settings.store.chroma_url or not mark.exists():
        return None
    try:
        return int(mark.read_text().strip() or 0)
    except (OSError, ValueError):  # a mark cut short by the stop itself: look at everything written
        return 0


def before_use(index) -> None:
    """For `qa ask` and the app at start: refuse a damaged embedded store with one line, never crash
    on it. Probed once per generation of the record (every write makes a new one)."""
    snap = index.library.loaded()
    if _files(index) is None or snap is None or not snap.articles:
        return
    cache = index.library.cache
    if cache.note("probed") == str(snap.generation):
        return
    r = probe(index, ASK_SAMPLE, full=False, timeout=ASK_TIMEOUT)
    if r.problem and index.store.generation() != snap.generation:  # written meanwhile: the probe may have read half of it
        r = probe(index, ASK_SAMPLE, full=False, timeout=ASK_TIMEOUT)
    if r.problem:
        raise IndexDamaged(f"{r.problem}; run `qa doctor --repair`")
    cache.note("probed", str(snap.generation))


def _vector_segments(index) -> list[str]:
    """Ids of the vector segments (HNSW folders under chroma/) of this collection, read from
    Chroma's catalogue without opening the store (which may hang on them)."""
    from qa.errors import StoreUnavailable

    db = layout(index.settings.home).chroma_catalogue
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT s.id FROM segments s JOIN collections c ON s.collection = c.id WHERE c.name = ? AND s.scope = 'VECTOR'",
                (index.store.name,),
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error as e:
        raise StoreUnavailable(f"cannot read the Chroma catalogue {db} ({e})") from e
    return [r[0] for r in rows]


def rebuild(index, encode: Callable[[list], np.ndarray], chroma_vectors: bool = False) -> str:
    """Rebuild the collection's vector index from the stored chunk vectors (the caller holds the
    ingest lock): Chroma's own when it can still give every one back (`chroma_vectors`, as the probe
    found), else the local cache's; chunks with neither are encoded again (`encode`: chunks -> their
    vectors, as ingest makes them). Returns what was done."""
    from qa.store import chunk_from

    stored: dict[str, np.ndarray] = {}
    if chroma_vectors:
        stored = {cid: v for cid, _, v in index.store.iter_vectors()}
    moved = ""
    if (root := _files(index)) is not None:
        # Set the damaged index aside first: Chroma then reads the chunks' text and metadata
        # without touching it (with it in place, every read may hang).
        aside = layout(index.settings.home).aside(root.with_name("chroma-vectors"), time.strftime('%Y%m%d-%H%M%S'))
        for seg in _vector_segments(index):
            if (root / seg).exists():
                aside.mkdir(exist_ok=True)
                (root / seg).rename(aside / seg)
                moved = f" (the damaged one is kept as {aside.name})"
        index.store.reset()
    ids, docs, metas = [], [], []
    for res in index.store._pages(["documents", "metadatas"], 2000):
        ids += res["ids"]
        docs += res["documents"]
        metas += res["metadatas"]
    chunks = [chunk_from(i, d, m) for i, d, m in zip(ids, docs, metas)]
    copy = (index.library.cache.chunk_vectors(ids) if ids else {}) | stored
    missing = [c for c in chunks if c.chunk_id not in copy]
    if missing:
        fresh = encode(missing)
        copy |= {c.chunk_id: v for c, v in zip(missing, fresh)}
    vectors = np.asarray([copy[c.chunk_id] for c in chunks], dtype=np.float32).reshape(len(chunks), -1) if chunks else np.zeros((0, 1), np.float32)
    index.store.replace_all(ids, docs, metas, vectors)
    encoded = f"{len(missing):,} encoded again" if missing else "none encoded again"
    return f"rebuilt the vector index from the stored chunk vectors ({len(chunks):,} chunks, {encoded}){moved}"


# -- the child ------------------------------------------------------------------------------------
def _all_ids(col) -> list[str]:
    ids: list[str] = []
    while page := col.get(include=[], limit=5000, offset=len(ids))["ids"]:
        ids += page
    return ids


def _sample(ids: list[str], n: int) -> list[str]:
    return random.Random(len(ids)).sample(ids, min(n, len(ids)))


def _recent(col, since: int) -> list[str]:
    """Ids of the chunks written after generation `since`, the highest generations first. A writer
    stopped in the middle can leave the vector index without the chunks it added last (Chroma saves
    that index in steps), so those are the ones to look at."""
    got = col.get(where={"gen": {"$gt": since}}, include=["metadatas"])
    order = sorted(zip(got["ids"], got["metadatas"]), key=lambda im: -int((im[1] or {}).get("gen", 0)))
    return [i for i, _ in order[:RECENT_SAMPLE]]


def _sample_of_copy(copy: str, n: int, count: int) -> list[str]:
    """Up to `n` chunk ids picked at random rows of the cache's chunk table (none: no usable cache)."""
    if not copy or not Path(copy).exists() or count == 0:
        return []
    try:
        con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True, timeout=30)
        try:
            (top,) = con.execute("SELECT max(rowid) FROM chunk").fetchone()
            if not top:
                return []
            rows = random.Random(count).sample(range(1, top + 1), min(top, 4 * n))
            got = [r[0] for r in con.execute(f"SELECT id FROM chunk WHERE rowid IN ({','.join('?' * len(rows))})", rows)]
        finally:
            con.close()
    except sqlite3.Error:
        return []
    return got[:n]


def _child(req: dict) -> dict:
    from qa.store import open_client

    out = {"chunks": 0, "sampled": 0, "missing": [], "get_error": "", "error": ""}
    try:
        client = open_client(req["home"], req["url"])
        try:
            col = client.get_collection(req["name"])
        except Exception:  # no collection yet: nothing ingested, nothing to check
            return out
        if req.get("ids"):  # a second look at the chunks an earlier open did not find
            ids, count, sample = [], col.count(), list(req["ids"])
            req = {**req, "full": False}
        else:
            ids = [] if not req["full"] else _all_ids(col)
            count = len(ids) if req["full"] else col.count()
            # A quick probe takes its sample from the local cache, which lists the same chunks: listing every
            # id through Chroma (paged by offset) grows faster than the index, seconds at a million chunks.
            sample = (_sample(ids, req["sample"]) if req["full"]
                      else _sample_of_copy(req["copy"], req["sample"], count) or _sample(_all_ids(col), req["sample"]))
            if req.get("since") is not None:
                sample = list(dict.fromkeys(_recent(col, req["since"]) + sample))
    except Exception as e:
        out["error"] = (str(e).splitlines() or [type(e).__name__])[0][:200]
        return out
    out["chunks"] = count
    out["sampled"] = len(sample)
    # Each chunk is looked up by the vector Chroma stored for it; when Chroma cannot give it back
    # (the index lost it), by the copy kept beside the keyword index.
    vectors: dict[str, np.ndarray] = {}
    try:
        got = col.get(ids=sample, include=["embeddings"])
        vectors = {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}
        if req["full"]:
            for at in range(0, len(ids), 2000):
                col.get(include=["embeddings"], limit=2000, offset=at)
    except Exception as e:
        out["get_error"] = (str(e).splitlines() or [type(e).__name__])[0][:200]
    if (rest := [i for i in sample if i not in vectors]) and req["copy"] and Path(req["copy"]).exists():
        from qa.cache import Cache, CacheDamaged

        try:
            vectors |= Cache(Path(req["copy"])).chunk_vectors(rest)
        except CacheDamaged:
            pass
    k = min(10, count)
    for i in sample:
        try:
            found = i in vectors and i in col.query(query_embeddings=[vectors[i]], n_results=k, include=[])["ids"][0]
            # The search is approximate: among many near-copies (a million chunks of ~100 copies each
            # missed 1 in 20) a chunk the index holds can rank below others. A search limited to its
            # own id tells that from a chunk the index lost.
            found = found or (i in vectors and i in col.query(query_embeddings=[vectors[i]], ids=[i], n_results=1, include=[])["ids"][0])
        except Exception:
            found = False
        if not found:
            out["missing"].append(i)
    return out


if __name__ == "__main__":
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    print(json.dumps(_child(json.loads(sys.stdin.read()))))
