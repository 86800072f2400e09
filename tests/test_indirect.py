"""A question asked as a request or an indirect question is read as the direct question it asks.
The grammar on made-up questions (the real spaCy model), then one through the real engine."""

from __future__ import annotations

import pytest
from conftest import made_up

from qa import indirect


@pytest.mark.parametrize(("asked", "direct"), [
    ("Explain what the Lake Accord is.", "What is the Lake Accord?"),
    ("Tell me who Ana Lopes-Ruiz is.", "Who is Ana Lopes-Ruiz?"),
    ("Can you tell me where the mayor was going?", "Where was the mayor going?"),
    ("I want to know who Ben Okafor is.", "Who is Ben Okafor?"),
    ("Please explain why Oslo decided to leave the treaty.", "Why did Oslo decide to leave the treaty?"),
    ("Tell me how many ferries Lakeside Ferries was expected to buy.", "How many ferries was Lakeside Ferries expected to buy?"),
    ("Do you know which minister the mayor met?", "Which minister did the mayor meet?"),
    ("Tell me who opened the bridge.", "Who opened the bridge?"),
    ("Summarize what Metro News reported about the pier.", "What did Metro News report about the pier?"),
])
def test_a_request_asks_the_question_it_embeds(asked, direct):
    assert indirect.direct(asked) == direct


@pytest.mark.parametrize("asked", [
    "What is the Lake Accord?",  # direct already
    "Did the mayor say why she left?",  # asks about the mayor, not for the reason
    "Tell me about the Lake Accord.",  # no question embedded
])
def test_other_questions_are_left_as_asked(asked):
    assert indirect.direct(asked) is None


def test_an_indirect_question_gets_the_direct_questions_answer(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path, {"title": "Lake accord signed", "source": "Metro News", "published_at": "2021-05-02", "body":
            "The Lake Accord, a fishing treaty between Norway and Sweden, was signed in Oslo on Monday. "
            "Ben Okafor, the Norwegian fisheries minister, said the quotas would be reviewed every year. "
            "The treaty replaces an agreement from 1998."})
    direct = fresh_engine.ask("Who is Ben Okafor?")
    asked = fresh_engine.ask("Can you tell me who Ben Okafor is?")
    assert "fisheries minister" in direct.short
    assert asked.short == direct.short
    assert asked.question == "Can you tell me who Ben Okafor is?"  # shown as the user asked it
