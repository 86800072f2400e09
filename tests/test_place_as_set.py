"""A fault the natural questions showed (thirty-seventh session): "Where is X from?" answered by the
place a sentence puts the person in gave the city alone ("Dallas"), where the sentence sets it with
the state it lies in ("a tech sales manager from Dallas, Texas"), as the places voted on already
were; "In which city ...?" still asks for the city alone.
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_a_place_comes_with_the_place_it_lies_in(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Student debt squeezes holiday budgets", "source": "Money Desk", "published_at": "2023-12-02",
             "body": "For Janelle Okafor and her family, the holidays are the time of year to give gifts. "
                     "“It just doesn’t leave much room for anything else,” said Okafor, a 27-year old tech sales manager from Boise, Idaho. "
                     "She has been paying back $400 a month since the payment pause ended."})
    a = fresh_engine.ask("Where is tech sales manager Janelle Okafor from?")
    assert a.short.startswith("Boise, Idaho"), a.answer
