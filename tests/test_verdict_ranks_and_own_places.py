"""Faults the natural questions showed (thirty-seventh session), in the Yes/No verdict:
- a rank in figures the recognizer took for a day ("Chelsea came 12th", a DATE to it) was not read as a
  rank, so "Did Chelsea finish 12th ...?" was answered No by the only rank it saw, another's "third";
- a place the claim gives itself was taken for another place where it gives two ("in the U.S.
  exclusively in California" against "Stateside, Mazda exclusively sold the MX-30 in California").
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_a_rank_in_figures_and_a_place_the_claim_gives(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Fulham's worst season in decades", "source": "Sports Wire", "published_at": "2023-06-01",
             "body": "United finished well off the pace albeit in a respectable third at the end of 2022/23, a season in which "
                     "Fulham came 12th in the Premier League – their lowest final position for 29 years. "
                     "The club sacked its manager in April."},
            {"title": "Zephyr Motors ends its first electric car in the U.S.", "source": "Auto Daily", "published_at": "2023-09-12",
             "body": "The carmaker had high hopes for its first electric car. Stateside, Zephyr Motors exclusively sold the Z-10 "
                     "in Oregon, the state with the most EV chargers by a factor of five. The company sold 4,000 of them in Europe."})
    rank = fresh_engine.ask("Did Fulham finish 12th in the Premier League in 2022/23?")
    assert rank.short.startswith("Yes"), rank.answer
    place = fresh_engine.ask("Did Zephyr Motors sell the Z-10 electric car in the U.S. exclusively in Oregon?")
    assert place.short.startswith("Yes"), place.answer
