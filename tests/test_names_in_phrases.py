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


def test_a_capitalised_word_the_tagger_took_for_a_noun_is_a_name(fresh_engine, tmp_path):
    """"Which hookup site co-founded by Lars Mapstead sold for $500 million in 2007?" was answered "CTO of
    GitHub" from another sentence, though the best one says "the once-ubiquitous hookup site AdultFriendFinder":
    neither the recognizer nor the tagger took the word for a name. English capitalises a word inside a
    sentence only as a name's, and the noun asked for set right before it says what it is."""
    made_up(fresh_engine, tmp_path,
            {"title": "The man who gamed search", "source": "Metro News", "published_at": "2023-11-01",
             "body": "I tracked down Rolf Andersen in Northern California, where he was preparing to run for governor. He helped "
                     "start a handful of companies, including the once-ubiquitous hookup site LocalMatchFinder, which sold in 2009 "
                     "for $300 million. Co-founded by Jason Warner, the former CTO of GitHub, the company later moved to Paris."})
    a = fresh_engine.ask("Which hookup site co-founded by Rolf Andersen sold for $300 million in 2009?")
    assert a.short.startswith("LocalMatchFinder"), a.answer
