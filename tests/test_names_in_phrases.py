"""Faults the natural questions showed (fifty-second session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_title_before_a_name_is_that_names(fresh_engine, tmp_path):
    """"Which Nanyang Technological University professor led the study ...?" was answered "Mathematical
    Sciences", of "School of Physical and Mathematical Sciences professor Hongjin Fan": the school was taken
    for one the sentence calls a professor. A noun right before a name is that name's title; the words
    before the noun only qualify it, as "U.S." does in "U.S. officials"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Gel electrolyte keeps zinc batteries stable", "source": "Metro News", "published_at": "2023-10-05",
             "body": "In a new paper published in the journal Advanced Energy, Kestrel Technological University (KTU), School of "
                     "Physical and Mathematical Sciences professor Wenjun Qiao and his co-authors examine different electrolytes "
                     "for aqueous zinc ion batteries that take the form of hydrogels. The team found the gels kept the cells "
                     "stable during fast charging."})
    a = fresh_engine.ask("Which Kestrel Technological University professor led the study on hydrogel electrolytes for zinc batteries?")
    assert a.short.startswith("Wenjun Qiao"), a.answer
