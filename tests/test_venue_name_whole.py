"""A fault the natural questions showed (thirty-seventh session): a venue's name with a second part
after "at" ("Empower Field at Mile High") was cut by the recognizer at "at", where it knows no name of
its own, so "In which stadium ...?" was answered with half the name.
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_a_venue_name_after_at_is_whole(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Patriots vs. Broncos: start time and channel", "source": "Sports Wire", "published_at": "2023-12-24",
             "body": "Sunday night's game between the Patriots and Broncos is set to kick off at 8:15 p.m. ET at "
                     "Empower Field at Mile High. The Broncos have won four of their last five games."})
    a = fresh_engine.ask("In which stadium did the Broncos host the Patriots on Sunday night?")
    assert a.short.startswith("Empower Field at Mile High"), a.answer
