"""Answers the natural questions showed missed (sixty-third session), each test on made-up articles with the real
engine (the real model and spaCy) or on the real parse; every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_a_place_among_a_list_of_places_is_where_the_act_is():
    """"Does Simply Homes currently operate in Cleveland, Ohio?" was answered No: "operates in Pittsburgh,
    Pennsylvania and Cleveland, Ohio" was read as putting the act in Pittsburgh alone, another place than the
    claim's; each place of the list the preposition takes is one the act is at."""
    from qa import contrasts

    told = "Currently, Brightwell Homes operates in Dayton, Ohio and Tulsa, Oklahoma."
    assert not contrasts.other_circumstance("Does Brightwell Homes currently operate in Tulsa, Oklahoma?", told)
    assert contrasts.other_circumstance("Does Brightwell Homes currently operate in Boise, Idaho?", told)


def test_a_claim_of_a_place_in_a_list_is_confirmed(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Brightwell Homes raises $20 million",
                "Brightwell Homes, a startup that renovates houses for rent, has raised $20 million. "
                "Currently, Brightwell Homes operates in Dayton, Ohio and Tulsa, Oklahoma. It plans to add two cities next year.")
    a = fresh_engine.ask("Does Brightwell Homes currently operate in Tulsa, Oklahoma?")
    assert a.short.startswith("Yes"), a.answer
