"""Figures the natural questions showed missed (fifty-ninth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up, one_article


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


def test_a_plural_proper_noun_counts_as_its_common_noun(fresh_engine, tmp_path):
    """"How many Pumpkin Tickets must a player earn ...?" abstained: the small model leaves a plural proper noun as
    written ("Tickets"), so the noun counted ("ticket" in the sentence) never matched the question's "tickets"; and
    it may tag the same word singular in another sentence ("22 total Vampiric Powers")."""
    made_up(fresh_engine, tmp_path,
            {"title": "Moonrise Hunters' Halloween event", "source": "Metro Games", "published_at": "2023-10-25",
             "body": "To get the Lantern-Head armor in Moonrise Hunters’ Halloween event, you must first earn 10 "
                     "Pumpkin Tickets. Tickets drop from special monsters."},
            {"title": "Moonrise Hunters season 2 guide", "source": "Metro Games", "published_at": "2023-10-20",
             "body": "Season 2 adds the new Vampiric Powers, which allow you to slot five additional abilities into "
                     "your character. There are 22 total Vampiric Powers, and each are class agnostic. Northwar "
                     "recommends these five Vampiric Powers:"})
    a = fresh_engine.ask("How many Pumpkin Tickets must a Moonrise Hunters player earn to get the Lantern-Head armor?")
    assert a.short.startswith("10 Pumpkin Tickets"), a.answer
    b = fresh_engine.ask("How many Vampiric Powers are there in Moonrise Hunters season 2?")
    assert b.short.startswith("22"), b.answer


def test_an_aside_in_brackets_does_not_part_a_figure_from_its_noun(fresh_engine, tmp_path):
    """"How much salt per gram of gel did the hydrogel store?" was answered "0.7 ounce" (or not at all): in
    "20 grams (0.7 ounce) of salt" the figure and "of salt" are parted by the aside, which now is read past."""
    one_article(fresh_engine, tmp_path, "A gel that drinks the sea",
                "A Harlow team made a hydrogel that soaks up salt water. It cached 20 grams (0.7 ounce) of salt per "
                "gram of gel.")
    a = fresh_engine.ask("How much salt per gram of gel did the Harlow team's hydrogel store?")
    assert a.short.startswith("20 grams"), a.answer


def test_a_length_in_any_unit_measures_the_adjective_asked(fresh_engine, tmp_path):
    """"How long is Ofcom's initial set of guidance?" abstained, though "the guidance is over 1,500 pages long":
    a page is no unit of time or measure, but the figure measures the very adjective the question asks by."""
    one_article(fresh_engine, tmp_path, "The safety code arrives",
                "The regulator Ofwatch published its first online safety code on Thursday. The Daily Ledger notes that "
                "Ofwatch’s initial set of guidance is over 1,500 pages long. Firms have three months to respond.")
    a = fresh_engine.ask("How long is Ofwatch's initial set of guidance?")
    assert a.short.startswith("over 1,500 pages"), a.answer


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


def test_a_date_of_an_act_the_question_tells_of_by_its_second_verb(fresh_engine, tmp_path):
    """"On what date did Shohei Ohtani originally decide to sign with the Angels?" abstained though "Ohtani made his
    original decision to sign with the Angels on Dec. 8, 2017": the date hangs from "sign", not the question's main
    verb, and was taken for another act's; the question tells of signing too."""
    one_article(fresh_engine, tmp_path, "Ohtara picks the Dodgers",
                "Shoji Ohtara chose the Dodgers on Saturday. Coincidentally, Ohtara made his original decision to sign "
                "with the Angels on Dec. 8, 2017, six years to the day.")
    a = fresh_engine.ask("On what date did Shoji Ohtara originally decide to sign with the Angels?")
    assert a.short.startswith("Dec. 8, 2017"), a.answer


def test_a_kind_between_a_count_and_its_noun_is_said_with_both(fresh_engine, tmp_path):
    """"What batteries does the Xbox wireless controller require?" was answered "AA": the kind of battery alone; the
    sentence's "requires two AA batteries" says it with its count and noun."""
    one_article(fresh_engine, tmp_path, "The Zenbox controller reviewed",
                "The biggest downside to the Zenbox controller might not bother you: It requires two AA batteries, though "
                "on a positive note, the battery life is around the 40-hour range.")
    a = fresh_engine.ask("What batteries does the Zenbox wireless controller require?")
    assert a.short.startswith("two AA batteries"), a.answer


def test_a_nationality_does_not_run_on_into_a_person_s_name(fresh_engine, tmp_path):
    """"Who co-created What We Do in the Shadows with Taika Waititi?" abstained: the recognizer took "New Zealander
    Jemaine" for a nationality, so no person stood in the sentence that names the co-creator."""
    one_article(fresh_engine, tmp_path, "Vampire fiction on screen",
                "Taika Waititi has made many films. Regardless, What We Do in the Shadows, which Waititi co-created along with his fellow New Zealander "
                "Jemaine Clement (the two wrote and directed the original 2014 movie) is surely the most culturally "
                "pervasive piece of vampire-themed fiction to reach mass audiences over the past few years.")
    a = fresh_engine.ask("Who co-created What We Do in the Shadows with Taika Waititi?")
    assert a.short.startswith("Jemaine Clement"), a.answer
