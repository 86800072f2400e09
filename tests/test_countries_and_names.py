"""Faults the natural questions showed (fifty-third session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up

from qa import lexicon


def test_a_country_whose_name_joins_its_parts_by_and_is_one_country(fresh_engine, tmp_path):
    """"Which country must Canada beat in a one-off playoff in March to qualify for Copa America 2024?" was
    answered "U.S", though the best sentence says Canada must "defeat Trinidad and Tobago": the recognizer cut
    the name in two, and WordNet's country "Trinidad and Tobago" was not read as a name, its "and" being in
    lower case. A country's name may join its words by "and", "of" or "the"."""
    assert lexicon.is_country("Trinidad and Tobago") and lexicon.is_country("Saint Vincent and the Grenadines")
    made_up(fresh_engine, tmp_path,
            {"title": "Canada drop into a playoff for the Gold Trophy", "source": "Metro Sport", "published_at": "2023-11-22",
             "body": "Canada were beaten on away goals on Tuesday night. Canada will now have to defeat Trinidad and Tobago in a "
                     "one-off playoff in March to reach the Gold Trophy tournament, to be hosted in the U.S. next summer."})
    a = fresh_engine.ask("Which country must Canada beat in a one-off playoff to reach the Gold Trophy tournament?")
    assert a.short.startswith("Trinidad and Tobago"), a.answer
