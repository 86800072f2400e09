"""Retrieval on the seeds through the real engine (real model, real Chroma, real BM25): the gold
articles come first, and what a question says about outlets, days and its parts is used."""

from __future__ import annotations

from eval.gold import DEFAULT_GOLD, load_gold


def test_every_answerable_gold_question_has_a_gold_article_in_the_top_3(engine):
    missed = []
    for g in load_gold(DEFAULT_GOLD):
        if not g.answerable or not g.sources:
            continue
        top = [p.chunk.doc_id for p in engine.retrieve(g.question, top_k=10, history=g.history)][:3]
        if not set(top) & set(g.sources):
            missed.append(f"{g.id}: {g.question} -> {top}")
    assert not missed, "\n".join(missed)


def test_a_named_outlet_comes_first(engine):
    top = engine.retrieve("What did Kyodo News say about the export curbs?", top_k=3)
    assert top[0].chunk.source == "Kyodo News"
    top = engine.retrieve("What did UPI say about the export curbs?", top_k=3)
    assert top[0].chunk.source == "UPI"


def test_a_named_day_comes_first(engine):
    top = engine.retrieve("What was said about GSOMIA on February 12, 2020?", top_k=3)
    assert top[0].chunk.date == "2020-02-12"
    top = engine.retrieve("What was said about GSOMIA on 9 January 2020?", top_k=3)
    assert top[0].chunk.date == "2020-01-09"


def test_each_part_of_a_compound_question_finds_its_article(engine):
    q = "Did The Korea Herald say groundwork was laid for talks on trade curbs, while Kyodo News said Seoul would withhold its WTO complaint?"
    sources = [p.chunk.source for p in engine.retrieve(q, top_k=4)]
    assert {"The Korea Herald", "Kyodo News"} <= set(sources[:4])
