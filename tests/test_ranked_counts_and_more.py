"""Faults the natural questions showed (forty-seventh session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_bare_count_with_which_the_clause_ranks_in_the_noun_counts_it(fresh_engine, tmp_path):
    """"How many targets did T.J. Hockenson have on the season?": the article says "remains the Vikings' leader in
    targets with 80 on the season"; the count has no noun of its own, so a figure of yards in another sentence
    ("5.0 yards per target") was the answer. A bare count "with" which the clause ranks someone "in" the asked
    noun counts that noun."""
    made_up(fresh_engine, tmp_path,
            {"title": "Week 10 tight end rankings", "source": "Fantasy Wire", "published_at": "2023-11-09",
             "body": "Dale Brennick projects as a top option at the position and remains the Otters' leader in "
                     "receptions with 64 on the season. The Otters have allowed 5.5 yards per reception to opposing "
                     "tight ends."})
    a = fresh_engine.ask("How many receptions does Otters tight end Dale Brennick have on the season?")
    assert a.short.startswith("64"), a.answer
