"""Updates that stay cheap on a large index: a reader learns what another process removed from the
record's own list, not by listing every chunk id."""

from __future__ import annotations

import pytest


def _reopen(e):
    from qa.engine import Engine

    other = Engine(e.settings)
    other.encoder._model = e.encoder.model
    return other


def test_a_reader_learns_removals_from_the_record_without_listing_every_chunk(fresh_engine, corpus, monkeypatch):
    fresh_engine.ingest([corpus])
    reader = _reopen(fresh_engine)
    first = reader.snapshot()

    def no_listing():
        raise AssertionError("listed every chunk id")

    monkeypatch.setattr(reader.store, "ids", no_listing)
    doomed = sorted(first.articles)[:2]
    for d in doomed:  # two generations before the reader looks again
        assert fresh_engine.remove(d)
    snap = reader.snapshot()
    assert snap.generation == fresh_engine.store.generation() == first.generation + 2
    assert not set(doomed) & set(snap.articles)
    assert reader.keyword.chunk_ids() == reader.cache.chunk_ids() == set(fresh_engine.store.ids())
    assert reader.store.removed_since(first.generation, snap.generation) == set(doomed)


def test_without_the_list_a_reader_still_finds_what_is_gone(fresh_engine, corpus, monkeypatch):
    """A record written before the list was kept (or a chunk deleted behind the writers' back): the
    chunk count disagrees, and the reader lists the ids instead of trusting the snapshot."""
    fresh_engine.ingest([corpus])
    reader = _reopen(fresh_engine)
    first = reader.snapshot()
    doomed = sorted(first.articles)[0]
    monkeypatch.setattr(type(fresh_engine.store), "removed_since", lambda self, a, b: None)
    fresh_engine.store.delete_doc(doomed)  # as an older writer did it: no list
    fresh_engine.store.publish(fresh_engine.store.generation() + 1)
    snap = reader.snapshot()
    assert doomed not in snap.articles and reader.keyword.chunk_ids() == set(fresh_engine.store.ids())


@pytest.mark.parametrize("keep", [2])
def test_the_list_keeps_the_last_generations_and_says_how_far_back_it_reaches(fresh_engine, corpus, monkeypatch, keep):
    from qa import store

    monkeypatch.setattr(store, "REMOVED_KEEP", keep)
    fresh_engine.ingest([corpus])
    g0 = fresh_engine.store.generation()
    docs = sorted(fresh_engine.snapshot().articles)[:3]
    for d in docs:
        fresh_engine.remove(d)
    g = fresh_engine.store.generation()
    assert fresh_engine.store.removed_since(g - 2, g) == set(docs[1:])
    assert fresh_engine.store.removed_since(g0, g) is None  # the first removal fell off the list


def test_a_reader_catching_up_asks_the_record_for_the_new_chunks_only(fresh_engine, corpus, monkeypatch):
    """What changed since generation g is read by `gen >= g + 1` alone: a clause `gen <= until` as well
    selected every older chunk (at a million chunks, 10 s a read, once per ingest batch). A batch
    tagged above `until` (written, not published yet) is still left out."""
    from dataclasses import replace

    from qa.chunk import chunk_id
    from qa.store import Stored

    fresh_engine.ingest([corpus])
    store = fresh_engine.store
    g0 = store.generation()
    base, _ = store.read()

    def copy(a: Stored, tag: str) -> Stored:
        doc = f"{a.info.doc_id}#{tag}"
        chunks = [replace(c, doc_id=doc, chunk_id=chunk_id(doc, c.index)) for c in a.chunks]
        return Stored(replace(a.info, doc_id=doc), chunks, a.vectors, a.sentences)

    store.write([copy(base[0], "published")], g0 + 1)
    assert store.publish(g0 + 1) == g0 + 1
    store.write([copy(base[1], "unpublished")], g0 + 2)  # a writer half way through its batch
    asked = []
    get = store.collection.get
    monkeypatch.setattr(store.collection, "get", lambda **kw: asked.append(kw.get("where")) or get(**kw))

    changed, broken = store.read_changes(g0, g0 + 1)
    assert [a.info.doc_id for a in changed] == [f"{base[0].info.doc_id}#published"] and not broken
    assert len(changed[0].chunks) == len(base[0].chunks)
    assert asked and all(w == {"gen": {"$gte": g0 + 1}} for w in asked)
    changed, _ = store.read_changes(g0, g0 + 2)
    assert {a.info.doc_id for a in changed} == {f"{base[0].info.doc_id}#published", f"{base[1].info.doc_id}#unpublished"}
    assert store.read_changes(g0 + 1, g0 + 1) == ([], set())
