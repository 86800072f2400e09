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
