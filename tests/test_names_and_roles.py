"""Faults the natural questions showed (fifty-eighth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_name_does_not_run_on_to_its_verb(fresh_engine, tmp_path):
    """"Who is the Mozilla senior director of content ...?" was answered "Mastodon": the recognizer ran the name on to
    its verb ("Content Carolyn O’Hara explained"), so the sentence's vote went to "explained", not to the surname the
    other sentence gives; a person's name ends in a capitalised word."""
    made_up(fresh_engine, tmp_path,
            {"title": "Mozilla on the fediverse", "source": "Metro Tech", "published_at": "2023-11-03",
             "body": "In an interview with TechCrunch, Mozilla Senior Director of Content Carolyn O’Hara explained why "
                     "Mozilla has taken an interest in the fediverse and Mastodon, specifically, and how it expects to "
                     "experiment in the months ahead. The company runs its own server."},
            {"title": "Mozilla bets on a decentralized future", "source": "Metro Tech", "published_at": "2023-11-11",
             "body": "Sarah spoke with Mozilla senior director of content Carolyn O’Hara, who outlined Mozilla’s strategy "
                     "where it concerns the fediverse, a collection of decentralized social networking applications, "
                     "like Mastodon, that communicate with one another over the ActivityPub protocol."})
    a = fresh_engine.ask("Who is the Mozilla senior director of content?")
    assert "Carolyn O’Hara" in a.short and "explained" not in a.short, a.answer
