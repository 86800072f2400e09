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


def test_a_figure_of_a_passage_that_names_no_one_asked_about_is_none_of_theirs(fresh_engine, tmp_path):
    """"How many PPR fantasy points did Travis Kelce score in Week 13?" was answered "at least 14 PPR Fantasy
    points", of a passage about other tight ends, and "What salary was Phil Nevin paid ...?" "$700 million", of
    Shohei Ohtani's contract: the articles give neither. A figure of a passage that names none of the people the
    question asks about (in its text, title or byline) is not theirs; the one of a passage that names them is."""
    made_up(fresh_engine, tmp_path,
            {"title": "A defence in trouble", "source": "Metro Sport", "published_at": "2023-11-04",
             "body": "Chicago have lost three straight games. Guards have scored at least 26 points against Chicago in each of "
                     "those games, the most the league has seen this season."},
            {"title": "Hawks sign centre Jake Morrison for the new season", "source": "Metro Sport", "published_at": "2023-09-12",
             "body": "The Harbour Hawks have signed centre Jake Morrison on a two-year deal. Morrison, who played college "
                     "basketball in Ohio, joins after a season in Spain."},
            {"title": "Reyes leads Hawks past Chicago", "source": "Metro Sport", "published_at": "2023-11-10",
             "body": "Tomas Reyes scored 31 points against Chicago on Friday as the Harbour Hawks won 98-90."})
    a = fresh_engine.ask("How many points did Jake Morrison score against Chicago?")
    assert a.abstained, a.answer
    b = fresh_engine.ask("How many points did Tomas Reyes score against Chicago?")
    assert b.short.startswith("31 points"), b.answer


def test_how_much_with_a_verb_of_owning_asks_for_a_sum(fresh_engine, tmp_path):
    """"How much did Zim borrow to finance the Psagot acquisition?" was answered "75%", of the share of the price
    he financed with debt, though the next sentence says he borrowed NIS 255 million. A verb of what is owned
    (WordNet's class of borrow, lend, invest, sell, earn) asks "how much" of a sum; a share is asked otherwise."""
    made_up(fresh_engine, tmp_path,
            {"title": "How Whitlock paid for the insurer", "source": "Metro Business", "published_at": "2023-10-04",
             "body": "Dana Whitlock financed 75% of the acquisition of Harbour Insurance with debt. To finance the acquisition, "
                     "Whitlock borrowed NIS 40 million from Bank Leumi and the rest from private lenders. The deal closed in August."})
    a = fresh_engine.ask("How much did Whitlock borrow to finance the Harbour Insurance acquisition?")
    assert a.short.startswith("NIS 40 million"), a.answer
    b = fresh_engine.ask("How much of the Harbour Insurance acquisition did Whitlock finance with debt?")
    assert b.short.startswith("75%"), b.answer
