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


def test_a_curly_apostrophe_s_is_the_verb_be(fresh_engine, tmp_path):
    """"What year did Bills safety Jordan Poyer receive the Ed Block Courage Award?" was answered "The articles don't
    say", though the passage says "It’s the same Jordan Poyer who ..., an Ed Block Courage Award winner in 2017": the
    small model took "’s" (a curly apostrophe) for a verb of its own, so 2017 seemed the date of another act; written
    "It's", it is "be". The text is parsed as if its apostrophes were straight."""
    made_up(fresh_engine, tmp_path,
            {"title": "Bills safety returns", "source": "Metro Sport", "published_at": "2023-09-02",
             "body": "Buffalo brought back a familiar face this week. It’s the same Dana Whitcombe who played for the team "
                     "the previous six seasons, the only player in the league to have 500 or more tackles in that time "
                     "frame, a Bills captain for the fourth time, an Ed Block Courage Award winner in 2017, a Pro Bowl "
                     "safety last year and an All-Pro the year before."})
    a = fresh_engine.ask("What year did Bills safety Dana Whitcombe receive the Ed Block Courage Award?")
    assert a.short.startswith("2017"), a.answer


def test_names_of_two_owners_are_not_one_answer(fresh_engine, tmp_path):
    """"Who was expected to start Game 3 of the World Series for the Texas Rangers?" is answered by "Rangers' Max
    Scherzer", not "Max Scherzer and the Diamondbacks' Brandon Pfaadt": names joined by "and" that each have an owner
    of their own are two sides' people, not one answer of several."""
    made_up(fresh_engine, tmp_path,
            {"title": "World Series heads to Arizona", "source": "Metro Sport", "published_at": "2023-10-28",
             "body": "The World Series heads to Arizona for Monday's Game 3 where Rangers' Max Scherzer and the "
                     "Diamondbacks' Brandon Pfaadt are currently slated to start. Both teams rested on Sunday."})
    a = fresh_engine.ask("Who was expected to start Game 3 of the World Series for the Rangers?")
    assert a.short.startswith("Max Scherzer") and "Pfaadt" not in a.short, a.answer


def test_a_fact_of_a_passage_that_tells_less_of_the_question_is_no_answer(fresh_engine, tmp_path):
    """"How much does a YNAB (You Need A Budget) subscription cost?" was answered "$12.99", another app's price from a
    weaker passage, though the passage that tells most of the question gives no price: a fact is taken only from
    passages that hold a good share of what the best retrieved passage holds of the question."""
    made_up(fresh_engine, tmp_path,
            {"title": "Ledgerly wants you to give every dollar a job", "source": "Metro Money", "published_at": "2023-10-02",
             "body": "Ledgerly, the budgeting subscription app, asks its users to give every dollar a job before they "
                     "spend it. Its founder says most subscribers save money within two months of signing up. The app "
                     "syncs with bank accounts and works on phones and the web."},
            {"title": "Five apps to track your spending", "source": "Metro Money", "published_at": "2023-10-05",
             "body": "Pennywise costs $8.99 a month and has a free trial. It sorts purchases into groups on its own. "
                     "Coinjar is free but shows ads between screens."})
    a = fresh_engine.ask("How much does a Ledgerly subscription cost?")
    assert a.abstained, a.answer
