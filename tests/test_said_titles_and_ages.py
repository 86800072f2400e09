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


def test_which_studio_asks_for_an_organisation(fresh_engine, tmp_path):
    """"Which studio developed Lantern Fall?": a studio, a record label, a publisher or a retailer is a
    company, but WordNet's first sense of "studio" is a workroom and of "retailer" a person; the question
    was read as asking for a thing (a whole sentence came back) or a person."""
    made_up(fresh_engine, tmp_path,
            {"title": "Lantern Fall review: a lighthouse of one's own", "source": "Game Pages", "published_at": "2023-11-02",
             "body": "Lantern Fall is a quiet puzzle game about a lighthouse keeper and the ships she guides home. "
                     "The game was developed over four years by Brightmoor Games in Tallinn, and it shows in every "
                     "corner of the island."})
    a = fresh_engine.ask("Which studio developed the puzzle game Lantern Fall?")
    assert a.short.startswith("Brightmoor Games"), a.answer


def test_a_sum_whose_sign_follows_its_digits_answers_how_much(fresh_engine, tmp_path):
    """"How much did Quellmed's share price rise to?": the sentence says "to 14¢", a sign written after
    the digits; the recognizer took it for a count and the sign at the end for a table cell's, so no
    sum was found and the answer was that the articles don't say."""
    made_up(fresh_engine, tmp_path,
            {"title": "Small caps rally", "source": "Market Letter", "published_at": "2023-11-09",
             "body": "On the small-cap front, Melbourne biotech Quellmed more than doubled its share price to 14¢ on "
                     "Thursday after it revealed a licensing deal for its kidney drug."})
    a = fresh_engine.ask("How much did Quellmed's share price rise to?")
    assert a.short.startswith("14¢"), a.answer


def test_an_age_in_a_sentence_that_says_she_is_the_age_of_the_person_its_passage_names(fresh_engine, tmp_path):
    """"How old is Mara Venn?": the article names her, then says "Today, aged 41, that is exactly what she
    does"; an age was taken only from a sentence that names the person, so the answer was that the
    articles don't say."""
    made_up(fresh_engine, tmp_path,
            {"title": "The pilot who never gave up", "source": "Northern Voices", "published_at": "2023-11-20",
             "body": "Growing up in Leeds as the daughter of two bus drivers, Mara Venn dreamed about flying cargo planes "
                     "across the North Sea.\n\nToday, aged 41, that is exactly what she does, three nights a week, from "
                     "an airfield outside Hull."})
    a = fresh_engine.ask("How old is Mara Venn?")
    assert a.short.startswith("41"), a.answer


def test_a_figure_that_meets_the_claim_s_bound_does_not_deny_it(fresh_engine, tmp_path):
    """"Does the network handle more than 90 percent of refills?": the article says it handles 93% of them.
    The claim's 90 was taken for a figure the evidence had to repeat, and 93 for another figure, so the
    verdict was No; a bound ("more than", "under", "at least") is met by any figure beyond it."""
    made_up(fresh_engine, tmp_path,
            {"title": "Kiosks take over refills", "source": "Island Business", "published_at": "2023-10-05",
             "body": "Speaking at the launch in Hobart, the founder said Quellmed's kiosk network now handles 93% of all "
                     "prescription refills in Tasmania, up from a third two years ago."})
    a = fresh_engine.ask("Does Quellmed's kiosk network handle more than 90 percent of prescription refills in Tasmania?")
    assert a.answer.startswith("Yes"), a.answer
    b = fresh_engine.ask("Does Quellmed's kiosk network handle more than 95 percent of prescription refills in Tasmania?")
    assert b.answer.startswith("No"), b.answer
