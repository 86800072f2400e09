"""Faults the natural questions showed (fortieth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_title_said_right_before_the_name_counts_as_the_title(fresh_engine, tmp_path):
    """"Which economist coined ...?": the sentence that tells of it calls him "economist Carl Brandt";
    another names "Ada Lenz, chief economist" of something else. Only a description counted as the
    title, so the answer was the other economist."""
    made_up(fresh_engine, tmp_path,
            {"title": "Why prices stick", "source": "Market Letter", "published_at": "2023-10-14",
             "body": "Rates went up all year and inflation barely moved. This is what economist Carl Brandt termed "
                     "mustard economics: pour and pour, then everything comes at once.\n\n"
                     "— Ada Lenz, chief economist"})
    a = fresh_engine.ask('Which economist came up with the idea of "mustard economics"?')
    assert a.short.startswith("Carl Brandt"), a.answer


def test_a_name_the_recognizer_joined_to_the_question_s_name_is_answered(fresh_engine, tmp_path):
    """"Which company is the parent company of Holoverse?": the sentence says "the parent company of
    Holoverse, Nordvik Corporation, announced ...", which the recognizer takes for one organisation,
    "Holoverse, Nordvik Corporation"; holding the question's name, it was no answer, and another
    sentence's name was given."""
    made_up(fresh_engine, tmp_path,
            {"title": "Two streamers leave the agency", "source": "Stream Beat", "published_at": "2023-09-02",
             "body": "Streaming on Valorant made both of them famous. And in August, the parent company of Holoverse, "
                     "Nordvik Corporation, announced that two talents would be graduating from its Starwave division "
                     "barely a year after debuting."})
    a = fresh_engine.ask("Which company is the parent company of the streaming agency Holoverse?")
    assert a.short.startswith("Nordvik Corporation"), a.answer



def test_the_name_of_a_thing_is_asked_whatever_the_parse_of_the_clause_after_it(fresh_engine, tmp_path):
    """"What is the title of the memoir X was promoting when ...?": the small parser hangs the clause
    after "memoir" so that the question's root is "promoting", and the question was not read as asking
    the memoir's name; the answer was a whole sentence without it."""
    made_up(fresh_engine, tmp_path,
            {"title": "The couple who never split", "source": "Celebrity Desk", "published_at": "2023-10-16",
             "body": "Longtime Hollywood couple Nora Pinkett Quill and Tom Quill shocked fans this week when she revealed that "
                     "they have been separated since 2016. While discussing her new memoir, Lanterns, Nora revealed "
                     "that she and Tom did not sign a prenup when they married in 1997."})
    a = fresh_engine.ask("What is the title of the memoir Nora Pinkett Quill was promoting when she revealed her separation from Tom Quill?")
    assert a.short.startswith("Lanterns"), a.answer


def test_an_ordinal_the_recognizer_leaves_unlabelled_is_a_rank_the_evidence_can_deny(fresh_engine, tmp_path):
    """"Was Grey Harbor Stephen Cole's first published book?": the article calls it his "second published
    book"; the recognizer did not label the question's "first" an ordinal, so no rank was compared and
    the verdict was Yes."""
    made_up(fresh_engine, tmp_path,
            {"title": "Best-known ghost novels", "source": "Book Shelf", "published_at": "2023-10-20",
             "body": "Grey Harbor, Stephen Cole's second published book after the breakout success of 1974's Carrow, "
                     "concerns a writer who returns to his childhood hometown in rural Maine."})
    a = fresh_engine.ask("Was Grey Harbor Stephen Cole's first published book?")
    assert a.answer.startswith("No"), a.answer



def test_the_figure_beside_the_question_s_name_answers_before_one_the_act_governs(fresh_engine, tmp_path):
    """"How much do the Harbor Hawks pay Leo Marsh per year?": the sentence lists each player's pay beside
    his name ("Leo Marsh ($20 million)") after a threshold the verb governs ("have to pay above $10
    million a year"); the threshold was given."""
    made_up(fresh_engine, tmp_path,
            {"title": "The Hawks' payroll problem", "source": "Diamond Report", "published_at": "2023-12-08",
             "body": "The Harbor Hawks already have four players whom they have to pay above $10 million a year: Ned "
                     "Fowler ($27 million), Leo Marsh ($20 million), Otis Crane ($15 million) and Jay Pike ($12 million). "
                     "The club wants to add a starting pitcher."})
    a = fresh_engine.ask("How much do the Harbor Hawks pay Leo Marsh per year?")
    assert a.short.startswith("$20 million"), a.answer


def test_a_body_s_name_runs_on_after_of_in_capitals(fresh_engine, tmp_path):
    """"Which occult organization did Lena Voss take an interest in?": the recognizer cuts "the Mystic Order
    of the Golden Dawn" at "of", and the answer was "Mystic Order", half a name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Authors who were probably vampires", "source": "Night Shelf", "published_at": "2023-10-30",
             "body": "Born to a middle-class family in the 1840s, Lena Voss led a life that grew more bizarre. Among other "
                     "things, Lena Voss took a keen interest in the occult studies of the Mystic Order of the Golden Dawn, "
                     "as well as the history and practices of the Freemasons."})
    a = fresh_engine.ask("Which occult organization did author Lena Voss take a keen interest in?")
    assert a.short.startswith("Mystic Order of the Golden Dawn"), a.answer
