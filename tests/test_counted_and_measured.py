"""Figures the natural questions showed missed (fifty-ninth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_a_gerund_after_of_is_what_the_figure_measures(fresh_engine, tmp_path):
    """"How much human fasting ... is the window equivalent to?" abstained though the passage says "equivalent to
    14 hours of fasting": "fasting" after "of" is a gerund to the parser, with the lemma "fast", not the noun asked."""
    one_article(fresh_engine, tmp_path, "Eating windows and the clock",
                "Researchers at Harlow University gave mice food for six hours a day. The mice's six-hour daily eating "
                "window protected them from a high-fat diet. (This would be equivalent to 14 hours of fasting for "
                "humans, the researchers noted.)")
    a = fresh_engine.ask("How much human fasting did the Harlow University researchers say the mice's six-hour daily "
                         "eating window is equivalent to?")
    assert a.short.startswith("14 hours"), a.answer


def test_an_aside_in_brackets_does_not_part_a_figure_from_its_noun(fresh_engine, tmp_path):
    """"How much salt per gram of gel did the hydrogel store?" was answered "0.7 ounce" (or not at all): in
    "20 grams (0.7 ounce) of salt" the figure and "of salt" are parted by the aside, which now is read past."""
    one_article(fresh_engine, tmp_path, "A gel that drinks the sea",
                "A Harlow team made a hydrogel that soaks up salt water. It cached 20 grams (0.7 ounce) of salt per "
                "gram of gel.")
    a = fresh_engine.ask("How much salt per gram of gel did the Harlow team's hydrogel store?")
    assert a.short.startswith("20 grams"), a.answer


def test_a_figure_of_an_article_that_names_the_question_s_name(fresh_engine, tmp_path):
    """A figure's passage need not name the question's name itself when another passage of the same article does
    ("It cached 20 grams of salt" in a report whose first passage names "MIT"): the report is about it."""
    opening = ("Researchers at Harlow Institute of Technology have designed a hydrogel that soaks up salt from sea "
               "water, the team said on Monday. ") + " ".join(
        f"Paragraph {k} of the report describes the lab, its staff and the long history of desalination research "
        f"in the region, with several quotes from engineers who worked on earlier membranes." for k in range(1, 12))
    one_article(fresh_engine, tmp_path, "A gel that drinks the sea",
                opening + " The best of the gels stored a great deal of salt. It cached 20 grams of salt per gram of "
                "gel, the most of any material tested.")
    assert fresh_engine.store.count() >= 2  # (the figure's passage is another)
    a = fresh_engine.ask("How much salt per gram of gel did the Harlow Institute of Technology hydrogel store?")
    assert a.short.startswith("20 grams"), a.answer
