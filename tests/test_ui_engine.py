"""The engine methods behind the app's chat, viewer and corpus tab, on a real index: a chat turn
saved with its sources, filters refused before searching, whole articles, search over text,
metadata edits that survive a re-ingest."""

from __future__ import annotations

import json

import pytest

from qa.errors import InvalidFilter, QAError


def test_a_chat_turn_is_saved_with_its_sources(fresh_engine, corpus):
    e = fresh_engine
    e.ingest([corpus])
    steps = list(e.chat("browser:b1", None, "Why did Seoul suspend termination?", []))
    answer, turn, conv = steps[-1]
    assert all(t is None for _, t, _ in steps[:-1]) and turn is not None and conv
    assert turn["citations"][0]["quote"] in turn["citations"][0]["text"] and "quote_start" in turn["citations"][0]
    listing, turns, same = e.conversation_state("browser:b1", conv)
    assert same == conv and turns == [turn] and listing[0].title == "Why did Seoul suspend termination?"
    assert e.conversation_state("browser:b2", conv) == ([], [], "")  # another browser sees nothing
    title, md = e.export_conversation("browser:b1", conv)
    assert md.startswith(f"# {title}") and "Sources:" in md
    # A filter no article passes is refused before any search, and nothing is saved.
    with pytest.raises(InvalidFilter, match=r"^No article matches these filters \(from UPI, since 2020-03-01\)$"):
        list(e.chat("browser:b1", conv, "What is GSOMIA?", turns, sources=["UPI"], since="March 2020"))
    assert e.conversation_state("browser:b1", conv)[0][0].turns == 1
    assert e.check_filters(["UPI"], "2020-02", "2020").since.isoformat() == "2020-02-01"


def test_article_text_search_and_edits_that_survive_a_reingest(fresh_engine, corpus):
    e = fresh_engine
    e.ingest([corpus])
    info, text = e.article("003_fbb534c62a477d38.txt")
    assert info.source == "" and "South Korea has decided to pull out of an intelligence sharing agreement" in text
    chunks = e.article_chunks(info.doc_id)
    assert len(chunks) > 1 and all(c.text in text for c in chunks)  # every passage, as cut, is found in it
    found = e.search_articles("Nagoya")
    assert [a.doc_id for a, _ in found] == ["001_30ac947a5b8d4595.txt"] and "Nagoya" in found[0][1]
    assert e.search_articles("zzqxv") == []

    report = e.edit_article("003_fbb534c62a477d38.txt", "South Korea to pull out", "Asia <News>", "Aug 22 2019")
    assert report.updated == 1 and report.added == 0
    manifest = json.loads((corpus / "manifest.json").read_text())
    assert manifest["files"]["003_fbb534c62a477d38.txt"]["source"] == "Asia <News>"
    assert "reason" in manifest["files"]["003_fbb534c62a477d38.txt"]  # what was there is kept
    e.ingest([corpus])  # a later ingest keeps the edit
    a = {x.doc_id: x for x in e.articles()}["003_fbb534c62a477d38.txt"]
    assert (a.title, a.source, a.date) == ("South Korea to pull out", "Asia <News>", "2019-08-22")
    assert "Asia <News>" in e.sources()
    with pytest.raises(InvalidFilter, match="not one day"):
        e.edit_article("003_fbb534c62a477d38.txt", "T", "", "August 2019")
    with pytest.raises(QAError, match="needs a title"):
        e.edit_article("003_fbb534c62a477d38.txt", "  ", "", "")
