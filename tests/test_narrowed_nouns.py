"""Answers the natural questions showed missed (sixty-fourth session), each test on made-up articles with the real
engine (the real model and spaCy) or on the real parse; every one failed on the session's start code."""

from __future__ import annotations




def test_a_list_the_noun_takes_is_given_whole():
    """"Technologists are told to treat digital technologies like which artistic materials?" was answered
    "paint" where the sentence says "a material like paint, stone, or wood": the list runs on past its commas."""
    from qa import specifiers

    said = "Think of software as a material like clay, glass, or bronze."
    assert specifiers.specifier("material", said, "Designers should treat software like which materials?") == "clay, glass, or bronze"
    # (a comment after a comma is still no part of the thing named)
    assert specifiers.specifier("material", "They chose a material like clay, which dries fast.", "Which material did they choose?") == "clay"

