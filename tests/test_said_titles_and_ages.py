"""Faults the natural questions showed (forty-third session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_title_in_quoted_words_is_not_given_to_the_speaker_named_after_them(fresh_engine, tmp_path):
    """"What is the name of Tom Reed's first wife?": the article says he shares a son "with ex-wife Mara
    Quill", and quotes a wedding crasher: "“She's my first wife, my only wife,” Dan Alcott told security".
    The words before the crasher's name end in "wife", so he was taken for the one the sentence calls a
    wife, and given as the answer."""
    made_up(fresh_engine, tmp_path,
            {"title": "Tom Reed on family life", "source": "Screen Weekly", "published_at": "2023-10-16",
             "body": "Actor Tom Reed also has a 30-year-old son, Ben, who he shares with ex-wife Mara Quill.\n\n"
                     "Years ago a stranger crashed the wedding of Reed's second marriage. “She’s my first wife, my only "
                     "wife,” Dan Alcott reportedly told security."})
    a = fresh_engine.ask("What is the name of Tom Reed's first wife, the mother of his son Ben?")
    assert a.short.startswith("Mara Quill"), a.answer
