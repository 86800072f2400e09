"""Incremental, idempotent ingest into a real Chroma with the real model."""

from __future__ import annotations

import json

import pytest

from qa.errors import IndexLocked
from qa.lock import ingest_lock


def _state(engine):
    st = engine.stats()
    ids = engine.store.doc_ids()
    return st.articles, st.chunks, engine.store.count(), len(engine.keyword), ids


def test_twice_never_duplicates_and_skips_unchanged(fresh_engine, corpus):
    r1 = fresh_engine.ingest([corpus])
    assert (r1.added, r1.updated, r1.skipped, len(r1.failed)) == (5, 0, 0, 0)
    first = _state(fresh_engine)
    assert first[0] == 5 and first[1] == first[2] == first[3] > 5
    r2 = fresh_engine.ingest([corpus])
    assert (r2.added, r2.updated, r2.skipped, r2.chunks) == (0, 0, 5, 0)
    assert _state(fresh_engine) == first


def test_changed_replaced_and_deleted_removed(fresh_engine, corpus):
    fresh_engine.ingest([corpus])
    before = fresh_engine.store.count()
    f = corpus / "003_fbb534c62a477d38.txt"
    f.write_text(f.read_text().split("Japan’s defence minister")[0])  # a shorter version
    (corpus / "004_104f3f75eba4f700.txt").unlink()
    r = fresh_engine.ingest([corpus])
    assert (r.updated, r.removed, r.skipped) == (1, 1, 3)
    arts, chunks, stored, kw, ids = _state(fresh_engine)
    assert arts == 4 and chunks == stored == kw < before
    assert "004_104f3f75eba4f700.txt" not in ids
    stored_003 = [c for c in fresh_engine.store.iter_all() if c.doc_id == "003_fbb534c62a477d38.txt"]
    assert stored_003 and all("Iwaya" not in c.text for c in stored_003)


def test_unreadable_files_are_skipped_with_a_warning(fresh_engine, corpus):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (corpus / "empty.md").write_text("")
    (corpus / "notes.pdf").write_bytes(b"%PDF")  # not a corpus type: ignored, not an error
    warnings: list[str] = []
    r = fresh_engine.ingest([corpus], warn=warnings.append)
    assert r.added == 5
    failed = dict(r.failed)
    assert set(failed) == {"binary.txt", "latin1.txt", "empty.md"}
    assert len(warnings) == 3 and all("\n" not in w for w in warnings)
    assert any("binary.txt" in w and "binary" in w for w in warnings)


def test_json_and_jsonl_records(fresh_engine, tmp_path):
    recs = [
        {"title": "Talks resume", "source": "Planet", "published_at": "2023-10-01T00:00:00+00:00", "url": "https://x.test/1",
         "body": "Trade officials from both countries met in Geneva on Monday to resume talks."},
        {"title": "No body"},
    ]
    (tmp_path / "c.json").write_text(json.dumps(recs))
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "r2", "title": "Second", "body": "The central bank raised rates by half a point."}) + "\n{bad json\n")
    r = fresh_engine.ingest([tmp_path / "c.json", tmp_path / "d.jsonl"])
    assert r.added == 2 and len(r.failed) == 2
    ids = {a.doc_id: a for a in fresh_engine.articles()}
    assert set(ids) == {"https://x.test/1", "r2"}
    assert ids["https://x.test/1"].date == "2023-10-01" and ids["https://x.test/1"].source == "Planet"


def test_remove_article(fresh_engine, corpus):
    fresh_engine.ingest([corpus])
    assert fresh_engine.remove("002_20631302064741e8.txt")
    assert "002_20631302064741e8.txt" not in fresh_engine.store.doc_ids()
    assert not fresh_engine.remove("002_20631302064741e8.txt")
    assert fresh_engine.stats().chunks == len(fresh_engine.keyword) == fresh_engine.store.count()


def test_second_ingest_is_refused_while_one_runs(fresh_engine, corpus):
    with ingest_lock(fresh_engine.home):
        with pytest.raises(IndexLocked, match="another ingest"):
            fresh_engine.ingest([corpus])


def _no_encoding(monkeypatch) -> None:
    """Anything that would encode article text again fails the test."""
    import qa.ingest

    def refuse(*a, **k):
        raise AssertionError("re-embedded")

    monkeypatch.setattr(qa.ingest, "embed_chunks", refuse)


@pytest.mark.parametrize("damage", ["deleted", "other format", "garbage"])
def test_the_cache_is_rebuilt_from_the_record_without_re_embedding(fresh_engine, corpus, monkeypatch, damage):
    import sqlite3

    from qa.engine import Engine

    fresh_engine.ingest([corpus])
    q = "Why did Seoul suspend termination?"
    before = fresh_engine.ask(q).to_json()
    path = fresh_engine.cache.path
    fresh_engine.cache.close()
    if damage == "deleted":
        for p in path.parent.iterdir():
            p.unlink()
    elif damage == "other format":
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value = '2/k1' WHERE key = 'format'")
    else:
        for p in path.parent.iterdir():
            p.unlink()
        path.write_bytes(b"\x00not a database" * 100)
    _no_encoding(monkeypatch)
    e = Engine(fresh_engine.settings)
    e.encoder._model = fresh_engine.encoder.model
    got = e.ask(q).to_json()
    assert (got["answer"], got["citations"]) == (before["answer"], before["citations"])
    assert e.cache.generation() == e.store.generation() > 0
    assert len(e.keyword) == e.stats().chunks == e.store.count()
    assert e.doctor().ok


def test_a_cache_behind_the_record_catches_up_from_what_changed(fresh_engine, corpus):
    """Another process wrote (here: a second engine on the same data directory); this one's next
    read brings its snapshot and the cache up to the record's generation, reading only the change."""
    from qa.engine import Engine

    fresh_engine.ingest([corpus])
    old = fresh_engine.snapshot()
    other = Engine(fresh_engine.settings)
    other.encoder._model = fresh_engine.encoder.model
    (corpus / "005_extra.txt").write_text("Zanzibar ferry\n\nThe Zanzibar ferry timetable changed on Monday after a storm damaged the harbour wall.")
    other.ingest([corpus])
    assert fresh_engine.snapshot().generation == other.store.generation() > old.generation
    assert "005_extra.txt" in fresh_engine.snapshot().articles and "005_extra.txt" not in old.articles  # the old one is unchanged
    assert fresh_engine.keyword.search("Zanzibar ferry", 1)[0][0] == fresh_engine.cache.doc_chunks("005_extra.txt")[0].chunk_id
