"""The generations of a record on a Chroma server, where several writers claim and publish at once.

Chroma has no compare-and-swap on a collection's metadata, so two writers that each read the
counter there, add one and write it back can take the same number, or set it back below what
another one published. On a server the generation is instead the length of a companion log
collection (`<record>-log`) whose records are `gen-1`, `gen-2`, ... with no gap. A number is taken
by adding its id: Chroma ignores an add whose id exists (the first add wins, in the order of its
write-ahead log), so the writer reads the record back and tries the next number if another
writer's token is there. A write batch takes one number for its chunks (`kind=write`, the tag its
chunks carry) and, once they are all stored, another that says "batch N is published"
(`kind=publish`): every publish is a new, higher generation, so a reader that reads the batches
published since its own generation misses none, and no publish undoes another.

A collection written before the log existed keeps the generation in its metadata: that is the
log's base (its first number is base + 1), and every chunk tagged up to it counts as published."""

from __future__ import annotations

import secrets
from collections.abc import Callable

SUFFIX = "-log"
TRIES = 1000


class GenerationLog:
    def __init__(self, collection, base: int, call: Callable, where: str) -> None:
        self._col, self.base, self._call, self._where = collection, base, call, where

    def generation(self) -> int:
        """The latest generation (one call: the log's length)."""
        return self.base + self._call(self._col.count)

    def take(self, **meta) -> int:
        """The next number, taken by this call alone (`meta` kept with it). Numbers are tried in
        order, each only once the one before exists, so the log has no gap."""
        from qa.errors import StoreUnavailable

        token = secrets.token_hex(16)
        for _ in range(TRIES):
            n = self.generation() + 1
            key = f"gen-{n}"
            self._call(self._col.add, ids=[key], embeddings=[[1.0]], metadatas=[{**meta, "n": n, "token": token}])
            got = self._call(self._col.get, ids=[key], include=["metadatas"])["metadatas"]
            if got and got[0].get("token") == token:
                return n
        raise StoreUnavailable(f"could not take a generation in {self._where}: {TRIES} other writers came first; try again")

    def published(self, since: int, until: int) -> list[int]:
        """The tags of the batches published at generations since < g <= until."""
        if until <= max(since, self.base):
            return []
        where = {"$and": [{"n": {"$gt": since}}, {"n": {"$lte": until}}]}
        metas = self._call(self._col.get, where=where, include=["metadatas"])["metadatas"]
        return sorted({int(m["batch"]) for m in metas if m.get("kind") == "publish" and "batch" in m})

    def changes(self, since: int, until: int) -> dict | None:
        """A `where` for the chunks published after `since` up to `until` (None: there are none)."""
        clauses = []
        if batches := self.published(since, until):
            clauses.append({"gen": {"$in": batches}})
        if self.base and since <= self.base:  # tags from before the log: published up to its base
            clauses.append({"$and": [{"gen": {"$gte": since}}, {"gen": {"$lte": min(self.base, until)}}]})
        return None if not clauses else clauses[0] if len(clauses) == 1 else {"$or": clauses}

    def is_published(self, until: int) -> Callable[[int], bool]:
        """Whether a chunk's tag was published at generation `until` or before."""
        batches, base = set(self.published(0, until)), self.base
        return lambda gen: gen <= base or gen in batches
