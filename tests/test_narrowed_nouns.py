"""Answers the natural questions showed missed (sixty-fourth session), each test on made-up articles with the real
engine (the real model and spaCy) or on the real parse; every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_a_list_the_noun_takes_is_given_whole():
    """"Technologists are told to treat digital technologies like which artistic materials?" was answered
    "paint" where the sentence says "a material like paint, stone, or wood": the list runs on past its commas."""
    from qa import specifiers

    said = "Think of software as a material like clay, glass, or bronze."
    assert specifiers.specifier("material", said, "Designers should treat software like which materials?") == "clay, glass, or bronze"
    # (a comment after a comma is still no part of the thing named)
    assert specifiers.specifier("material", "They chose a material like clay, which dries fast.", "Which material did they choose?") == "clay"


def test_a_noun_narrowed_by_words_its_passage_says_is_named_by_the_sentence(fresh_engine, tmp_path):
    """"What new sleeping drug was recently approved by the NHS?" was answered with a sentence on another drug
    where the passage on insomnia says "A new drug called Quviviq was just approved by the NHS": the words that
    narrow the noun ("sleeping") may be said once in the passage, not in the sentence that names it."""
    one_article(fresh_engine, tmp_path, "Why you still cannot sleep",
                "Poor sleep can linger long after its cause has gone, explains sleep therapist Ann Bellamy. "
                "Sleeping pills are not the answer for most people, she says. "
                "A new drug called Zelvorant was just approved by the health service last week. "
                "It works differently from older pills. "
                "Regulators approved another drug in 2019 as a treatment for depression.")
    a = fresh_engine.ask("What new sleeping drug was recently approved by the health service, according to sleep therapist Ann Bellamy?")
    assert a.short.startswith("Zelvorant"), a.answer


def test_the_subject_of_the_questions_act_on_its_object_is_the_one_asked_for():
    """"Which driver won his second Truck Series championship in a Ford F-150?" was answered with another driver
    the articles call one, where a good sentence says "the Ford-150, with which Ben Rhodes won his second Truck
    Series championship": the subject of the question's own verb, done to its object, is the one asked for."""
    from qa import clauses

    q = "Which rider won her second national title on a Vexa bike?"
    assert clauses.doer_of_object(q, "The Vexa bike, on which Mara Lind won her second national title on Friday.", same_verb=True) == "Mara Lind"
    # (by the question's verb only: another act on the same thing is not it)
    assert clauses.doer_of_object(q, "Jo Brandt praised the national title race on Friday.", same_verb=True) is None


def test_a_person_doing_the_questions_act_beats_one_only_called_by_its_noun(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Vexa celebrates a season of titles",
                "Vexa had a season to remember. Its factory driver Carl Hensley finished third in the championship and "
                "driver Pia Moreau won two races. Winning the championship is not only about showing off the Falcon "
                "but also the Vexa Rook, with which Tom Rydell won his third Cup Series championship on Friday. "
                "Driver Carl Hensley said the team would be back next year.")
    a = fresh_engine.ask("Which driver won his third Cup Series championship in a Vexa Rook?")
    assert a.short.startswith("Tom Rydell"), a.answer
