"""Faults the natural questions showed (forty-fifth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_time_of_day_on_an_update_line_is_not_the_day_asked_for(fresh_engine, tmp_path):
    """"When does Brightmart's 2023 Winter Savings sale start?": the update line that gives the question's
    year ("UPDATE: Nov. 25, 2023, 4:00 a.m. EST ...") was read first, and its time of day taken for the
    answer; no time of day says on what day, so the answer was that the articles don't say, though the
    next sentence gives the day the sale starts."""
    made_up(fresh_engine, tmp_path,
            {"title": "Brightmart Winter Savings sale 2023: the best deals", "source": "Deal Desk", "published_at": "2023-11-25",
             "body": "UPDATE: Nov. 25, 2023, 4:00 a.m. EST We've updated this story with the latest deals from the "
                     "Brightmart early Winter Savings sale.\n\n"
                     "Brightmart just announced its official Winter Savings sale will start on Sunday, Nov. 26 at 7 p.m. ET, "
                     "exclusively on Brightmart.com and the Brightmart app. The sale promises savings of up to 80% on "
                     "apparel, beauty, tech and toys."})
    a = fresh_engine.ask("When does Brightmart's 2023 Winter Savings sale start?")
    assert "Nov. 26" in a.short, a.answer
