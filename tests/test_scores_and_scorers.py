"""Faults the natural questions showed (fifty-fourth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_by_what_score_asks_for_a_pair_of_counts(fresh_engine, tmp_path):
    """"By what score did Florida State beat Louisville in the 2023 ACC Championship Game?" was answered "two",
    though a good sentence says the Seminoles "just beat Louisville 16-6": the small parser reads the noun of "By
    what score" as the preposition's clause, and the question was not taken as asking for a score."""
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour State edge Louisville for the title", "source": "Metro Sport", "published_at": "2023-12-03",
             "body": "Harbour State was in a close game with Louisville that was not an enjoyable watch. But the Seminoles team "
                     "that just beat Louisville 16-6 in the ACC Championship Game was relying on a third-string quarterback. "
                     "Westport beat Eastfield in the Valley championship on Friday, and that knocks the Ducks into the "
                     "two-loss pileup."})
    a = fresh_engine.ask("By what score did Harbour State beat Louisville in the ACC Championship Game?")
    assert a.short.startswith("16-6"), a.answer
