"""A fault the natural questions showed (thirty-seventh session): names are voted on across
articles by their last word, so that "Walker" counts for "Kenneth Walker III" and "the Dolphins" for
"the Miami Dolphins"; but a name with a word inside it that is no part of a name ("the Partnership on
AI", "Bank of America") ends in a word that names another thing ("Stability AI", "America"), and
took its votes: "Which company did Meta team up with to launch the AI Alliance?" was answered "the
Partnership on AI", another article's "AI" lending it a share, not "IBM".
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_a_name_with_a_preposition_is_voted_on_whole(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Meta and IBM start the Open Model Alliance", "source": "Metro News", "published_at": "2023-12-05",
             "body": "This morning, the social network announced that it is teaming up with IBM, whose customers are mostly "
                     "large businesses, to launch the Open Model Alliance, an industry body to support open science. "
                     "Confusingly, the Partnership on AI is in fact a member of the Open Model Alliance. None of the big labs "
                     "are members of the Open Model Alliance despite being longtime members of the Partnership on AI."},
            {"title": "Open models gain backers", "source": "Daily Ledger", "published_at": "2023-12-06",
             "body": "Meta said Stability AI is also a founding member of the Open Model Alliance. "
                     "The Open Model Alliance plans to publish open models and data sets."})
    a = fresh_engine.ask("Which company did Meta team up with to launch the Open Model Alliance?")
    assert a.short.startswith("IBM"), a.answer
