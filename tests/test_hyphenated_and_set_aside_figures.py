"""Figures the natural questions showed read or chosen wrong (thirty-ninth session), each test on made-up articles
with the real engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_height_in_feet_and_inches_is_one_figure(fresh_engine, tmp_path):
    """"How tall is X?": news writes a height as "7-foot-4"; the recognizer took "7" alone for a number,
    and "foot", a body part to WordNet, was not read as its unit, so the answer was "7"."""
    made_up(fresh_engine, tmp_path,
            {"title": "The rookie everyone is watching", "source": "Hoops Weekly", "published_at": "2023-11-20",
             "body": "Marcel Dubois has been a revelation for the Comets this month. His elite defense, highlighted by "
                     "his 7-foot-4 height and 8-foot wingspan, sets him apart from every other rookie in the league."})
    a = fresh_engine.ask("How tall is Comets rookie Marcel Dubois?")
    assert a.short.startswith("7-foot-4"), a.answer


def test_a_figure_set_aside_by_instead_of_is_not_the_answer(fresh_engine, tmp_path):
    """"What fee does the app pay ...?": of "instead of paying the 30 percent that others pay, they pay 4
    percent", the first figure answered; what follows "instead of" is what is not so."""
    made_up(fresh_engine, tmp_path,
            {"title": "App store fees on trial", "source": "Tech Court", "published_at": "2023-11-14",
             "body": "When Streamly uses the store's own payment service, instead of paying the 30 percent that the store "
                     "forces other developers to pay, they pay 4 percent, the game maker's chief told the court. The trial "
                     "continues next week."})
    a = fresh_engine.ask("What fee does Streamly pay when it uses the store's own payment service?")
    assert a.short.startswith("4 percent"), a.answer


def test_a_figure_of_the_questions_year_comes_first(fresh_engine, tmp_path):
    """"How many people ... by 2040?": the sentence most like the question gives this year's count ("Some
    66,000 people ... expected to be diagnosed ... this year"), and its figure answered; of the sentences
    nearly as good, the one that gives the question's figures ("By 2040, about 1.7 million people") tells
    of the same thing."""
    made_up(fresh_engine, tmp_path,
            {"title": "A growing dementia burden", "source": "Health Policy Daily", "published_at": "2023-10-02",
             "body": "Some 66,000 people in Freedonia are expected to be diagnosed with dementia this year, and many more "
                     "are living with dementia undiagnosed. By 2040, about 1.7 million people in Freedonia will be living "
                     "with the condition, the charity said. Care costs are rising fast."})
    a = fresh_engine.ask("How many people in Freedonia are expected to be living with dementia by 2040?")
    assert "1.7 million" in a.short, a.answer


def test_a_range_is_given_whole(fresh_engine, tmp_path):
    """"How long should the cake bake?": the recognizer ran "nonstick pan 42 to" into a name and gave "48
    minutes" alone, so the answer was the top of the range; its low end before "to" belongs to it."""
    made_up(fresh_engine, tmp_path,
            {"title": "Easy upside-down cake", "source": "Baking Corner", "published_at": "2023-10-02",
             "body": "Heat the oven to 350 degrees. For white cake, bake dark or nonstick pan 42 to 48 minutes. Cool for "
                     "5 minutes before turning it out."})
    a = fresh_engine.ask("How long should the white cake bake in a dark or nonstick pan?")
    assert a.short.startswith("42 to 48 minutes"), a.answer
