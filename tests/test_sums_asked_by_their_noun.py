"""Faults the natural questions showed (forty-second session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_what_was_someones_salary_asks_for_a_sum(fresh_engine, tmp_path):
    """"What was Lorna Vick's salary as the club's analyst?": a salary is a sum (WordNet's class of
    possessions), as it was for "What salary ...?"; "What was ...'s salary?" was read as asking for
    anything, and the answer was a whole sentence."""
    made_up(fresh_engine, tmp_path,
            {"title": "The analyst who knew too much", "source": "Harbor Sports", "published_at": "2023-11-12",
             "body": "Lorna Vick joined the Harbor City Hawks in 2021 as a video analyst after six seasons in "
                     "college football. Vick earned an annual salary of $58,000 as the club's analyst, according "
                     "to a league filing, and worked under head coach Ben Ostrow until her contract ended."})
    a = fresh_engine.ask("What was Lorna Vick's annual salary as the Harbor City Hawks' analyst?")
    assert a.short.startswith("$58,000"), a.answer


def test_a_sum_the_articles_do_not_give_is_not_answered(fresh_engine, tmp_path):
    """"What was the production budget of the film Quiet Harbour?": the article tells of the film and
    of its festival prize but gives no budget; a sentence about the film was given as the answer."""
    made_up(fresh_engine, tmp_path,
            {"title": "Quiet Harbour wins in Busan", "source": "Screen Daily Post", "published_at": "2023-10-14",
             "body": "Mira Tallis's debut feature Quiet Harbour, a drama about a fishing family on the Welsh coast, "
                     "won the audience award at the Busan festival on Friday. Tallis wrote the script over four "
                     "years while working as a teacher, and shot the film in 22 days in Pembrokeshire."})
    a = fresh_engine.ask("What was the production budget of Mira Tallis's debut feature Quiet Harbour?")
    assert a.abstained, a.answer


def test_a_count_of_a_kind_of_the_noun_asked_counts_it(fresh_engine, tmp_path):
    """"How many member groups joined the complaint?": the article counts "14 of its member
    organizations — consumer groups ..."; an organisation is a kind of group (WordNet), but only the
    noun itself was counted, so the answer was "the articles don't say"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Consumer groups take on Streamly", "source": "Policy Wire", "published_at": "2023-11-30",
             "body": "The Nordic Consumer Council has filed a complaint against Streamly's new pay-or-track "
                     "subscription with the data protection authorities. The Council has been joined in the "
                     "complaint by 14 of its member organizations — consumer groups which are located in Denmark, "
                     "Finland, Iceland, Norway and Sweden."})
    a = fresh_engine.ask("How many Nordic Consumer Council member groups joined the complaint against Streamly's subscription?")
    assert a.short.startswith("14"), a.answer


def test_a_time_of_the_noun_asked_measures_it(fresh_engine, tmp_path):
    """"How much battery life do the Zephyr Pods get?": the review gives "up to 9.5 hours of battery
    life", a time to the recognizer, which "how much" (a sum, a share or a quantity) left out, so the
    answer was "the articles don't say"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Zephyr Pods review: small, loud, lasting", "source": "Gadget Desk", "published_at": "2023-10-21",
             "body": "The Zephyr Pods are the cheapest earbuds Halden has made so far. They have solid noise "
                     "canceling, get up to 9.5 hours of battery life, and come with a wireless charging case to "
                     "keep them topped off on a long trip."})
    a = fresh_engine.ask("How much battery life do Halden's Zephyr Pods get?")
    assert "9.5 hours" in a.short, a.answer


def test_a_figure_of_what_another_does_to_the_questions_subject_is_its_own(fresh_engine, tmp_path):
    """"How long a jail sentence did Dorran Pike get?": the article says "Judge Mara Kell sentenced
    Dorran Pike to four years"; the figure's clause has another's name for its subject, the judge, so
    it was taken for the judge's figure and the answer was another."""
    made_up(fresh_engine, tmp_path,
            {"title": "Boiler fitter jailed over tenant's death", "source": "Crown Court News", "published_at": "2023-09-14",
             "body": "A boiler fitter whose botched repair killed a tenant in Leeds has been jailed. Judge Mara Kell "
                     "sentenced Dorran Pike to four years for manslaughter by gross negligence at Leeds Crown Court "
                     "on Wednesday. The tenant, Ada Quill, died two weeks after the repair."})
    a = fresh_engine.ask("How long a jail sentence did boiler fitter Dorran Pike get for the manslaughter of Ada Quill?")
    assert a.short.startswith("four years"), a.answer
