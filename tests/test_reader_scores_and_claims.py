"""Faults that fresh questions showed (twenty-eighth session): an age is no length of time ("the
43-year-old founder" for "How long did he work there?"); a score that counts a common noun a name
only modifies ("a 105-95 NBL road win"), or stands between two names as a result line's ("Diamondbacks
9-1 Rangers"), is a result, and a "record" that only modifies a noun ("a club-record score") is no
team's record; a claim that something was told ("Did Meta say which hashtags ...?") is denied by not
telling it; a claim's act dated another year where the sentence gives the claim's year to another act
("unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020"); a participle before a yes/no
question's subject describes it ("Is outgoing chair X 73 years old?"); "How big ...?" asks for a
figure in a unit of measure ("7.4 inches", not "1TB"). Pure parts on made-up text, and the real
engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import one_article

from qa import figures, nlp, question, verdict


def test_an_age_is_no_answer_to_how_long():
    q = question.read("How long did Dana Clarke work at Amazon before joining Portwise?")
    sentence = "The 43-year-old Portwise founder fired Clarke, who previously spent 23 years at Amazon."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "23 years"


def test_a_score_counting_a_common_noun_or_between_two_names_is_a_result():
    # (a name that only modifies the counted noun, and a "record" that only modifies "score")
    assert figures.score_in("Crawford led the JackJumpers to a club-record score in a 105-95 NBL road win over the Kings.") == "105-95"
    assert figures.score_in("03.07 GMT Diamondbacks 9-1 Rangers, FINAL The last out is made.") == "9-1"
    # (a team's record of wins and losses is still none)
    assert figures.score_in("The fellow 5-1 Boston Celtics won again.") is None
    assert figures.score_in("The loss dropped the Saints' record to 3-4 on Sunday.") is None


def test_a_claim_that_something_was_told_is_denied_by_not_telling_it():
    q = question.read("Did Meta say which hashtags it is blocking in relation to the war?")
    assert verdict.single_claim(q)
    assert verdict.denies(q, "Its blog post does not specify which hashtags Meta is blocking in relation to the war.")
    # (not telling which does not deny the act itself)
    q = question.read("Is Meta blocking hashtags in relation to the war?")
    assert not verdict.denies(q, "Its blog post does not specify which hashtags Meta is blocking in relation to the war.")


def test_a_claim_s_act_dated_another_year_is_a_no():
    evidence = ("OpenAI had been developing GPT since 2016, unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020.")
    q = question.read("Did OpenAI unveil GPT-1 in 2020?")
    assert verdict.verdict(q, [(evidence, 0.7, 1.0)]) == "No"
    q = question.read("Did OpenAI unveil GPT-1 in 2018?")
    assert verdict.verdict(q, [(evidence, 0.7, 1.0)]) == "Yes"


def test_a_participle_before_the_subject_describes_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "A music fund's chair steps down",
                "Halcyon Songs Fund confirmed today that the firm’s Chair of its board since 2018, Andrew Sutch, 73, "
                "is stepping down as a director of the company.")
    a = fresh_engine.ask("Is outgoing Halcyon Songs Fund chair Andrew Sutch 73 years old?")
    assert a.short.startswith("Yes"), a.answer
    a = fresh_engine.ask("Is outgoing Halcyon Songs Fund chair Andrew Sutch 75 years old?")
    assert a.short.startswith("No"), a.answer


def test_how_big_asks_for_a_measure():
    q = question.read("How big is the display on the Nimbus Deck OLED?")
    sentence = "The 1TB model has smaller bezels, so its display is slightly larger, at 7.4 inches."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "7.4 inches"
    # (a figure in no unit of measure is set aside for one another sentence gives; a sum is not)
    assert figures.other_kind(q, "1TB Nimbus Deck OLED ($649)", "1TB")
    assert not figures.other_kind(q, "The deal was worth $649 million.", "$649 million")
