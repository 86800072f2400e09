"""A yes/no fault the natural questions showed (forty-second session), tested on a made-up article with the
real engine (the real model and spaCy); it failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_name_the_claim_itself_sets_before_its_noun_is_no_other_owner(fresh_engine, tmp_path):
    """"Did 45% of US Reddit users buy concert merch ...?": the (made-up) study says "In the US, 45% of Reddit users
    bought concert merch"; the claim's users are the US's and Reddit's, but only "US" was taken for
    their owner, so "Reddit users" read as another's and the verdict was No."""
    made_up(fresh_engine, tmp_path,
            {"title": "What Reddit users buy", "source": "Music Trade Weekly", "published_at": "2023-11-07",
             "body": "Reddit has published a study of how its users spend money on music, carried out by the research "
                     "firm Tonal. In the US, 45% of Reddit users bought concert merch over a 12-month period, compared "
                     "to 35% of overall music listeners."})
    a = fresh_engine.ask("Did 45% of US Reddit users buy concert merch over a 12-month period, according to Tonal's study for Reddit?")
    assert a.answer.startswith("Yes"), a.answer
