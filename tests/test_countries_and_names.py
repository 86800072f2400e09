"""Faults the natural questions showed (fifty-third session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up

from qa import lexicon


def test_a_country_whose_name_joins_its_parts_by_and_is_one_country(fresh_engine, tmp_path):
    """"Which country must Canada beat in a one-off playoff in March to qualify for Copa America 2024?" was
    answered "U.S", though the best sentence says Canada must "defeat Trinidad and Tobago": the recognizer cut
    the name in two, and WordNet's country "Trinidad and Tobago" was not read as a name, its "and" being in
    lower case. A country's name may join its words by "and", "of" or "the"."""
    assert lexicon.is_country("Trinidad and Tobago") and lexicon.is_country("Saint Vincent and the Grenadines")
    made_up(fresh_engine, tmp_path,
            {"title": "Canada drop into a playoff for the Gold Trophy", "source": "Metro Sport", "published_at": "2023-11-22",
             "body": "Canada were beaten on away goals on Tuesday night. Canada will now have to defeat Trinidad and Tobago in a "
                     "one-off playoff in March to reach the Gold Trophy tournament, to be hosted in the U.S. next summer."})
    a = fresh_engine.ask("Which country must Canada beat in a one-off playoff to reach the Gold Trophy tournament?")
    assert a.short.startswith("Trinidad and Tobago"), a.answer


def test_a_title_in_quotation_marks_before_its_noun_names_it(fresh_engine, tmp_path):
    """"On which podcast did Reese Witherspoon say parents should let their kids learn from failure?" was answered
    by another sentence, though the best one says "In a recent interview on the "Good Inside with Dr. Becky"
    podcast, ...": the parse cuts a quoted title into pieces. English names a work in quotation marks before the
    noun of its kind (the "X" podcast)."""
    made_up(fresh_engine, tmp_path,
            {"title": "Actor says children should be allowed to fail", "source": "Metro News", "published_at": "2023-10-20",
             "body": "Stars like Sam Porter, who admitted to being strict when his kids were young, have spoken about parenting. "
                     "In a recent interview on the \"Growing Up Slowly with Dr. Anna\" podcast, the actor Maya Lind said she wants "
                     "her children to learn from failure. Lind has three children."})
    a = fresh_engine.ask("On which podcast did Maya Lind say children should learn from failure?")
    assert a.short.startswith("Growing Up Slowly with Dr. Anna"), a.answer


def test_a_side_that_lost_to_another_was_beaten_by_it(fresh_engine, tmp_path):
    """"Which team beat USC 89-76 in Las Vegas?" was answered "Kansas State", a team USC beat, though a good
    sentence says USC "most recently lost to Gonzaga in Las Vegas 89-76": English tells a defeat from either
    side ("lost to X", "a loss to X", "a defeat at X"), and the side the question's beaten one lost to beat it;
    of two such sentences, the one with the question's score."""
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour City stumble into December", "source": "Metro Sport", "published_at": "2023-12-10",
             "body": "Harbour City have forged an identity this season. Harbour City posted wins over Lakeside State and "
                     "Northgate Hall in November, but lost a tight game to Riverton to end the month and then struggled against "
                     "the Wolves. Coach Ana Ruiz's team has one of the nation's top freshmen in Isaiah Cole, and most recently "
                     "lost to Westbrook in Las Vegas 89-76 in a statement game."},
            {"title": "Jets fall behind in the race", "source": "Metro Sport", "published_at": "2023-12-05",
             "body": "New York Jets (8-4), first place, AFC North. The Jets had a chance to match the Dolphins on Monday night, "
                     "but their home overtime loss to the Falcons dropped them to third place."})
    a = fresh_engine.ask("Which team beat Harbour City 89-76 in Las Vegas?")
    assert a.short.startswith("Westbrook"), a.answer
    b = fresh_engine.ask("Which team beat the New York Jets in overtime on Monday night?")
    assert b.short.startswith("Falcons"), b.answer


def test_the_one_a_side_won_over_is_the_one_it_beat(fresh_engine, tmp_path):
    """"Who did David Benavidez beat by decision in March 2023?" was answered "Canelo Alvarez", whom he called out,
    though the best sentence says "Fresh off a resounding decision win over former champion Caleb Plant ..., the
    26-year-old Benavidez": English tells a defeat by a noun of winning too, "a win over X", "a victory over X"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Mendez wants the champion next", "source": "Metro Sport", "published_at": "2023-10-02",
             "body": "Raul Mendez has called out the champion Tomas Alvarado for a fight next spring. \"Fighters don't want to "
                     "fight me,\" Mendez said. Fresh off a resounding decision win over former champion Carl Stone in their March "
                     "clash, the 26-year-old Mendez, who was born in Arizona, says he is ready. Alvarado has not answered."})
    a = fresh_engine.ask("Who did Raul Mendez beat by decision in March?")
    assert a.short.startswith("Carl Stone"), a.answer


def test_a_figure_asked_by_the_month_is_one_given_by_the_month(fresh_engine, tmp_path):
    """"How much is Marisa Johnson paying toward her student loans each month?" was answered "approximately
    $145,000", her whole debt, though the next sentence says she has been "paying back $300 a month": a question
    that asks a figure by a unit of time (each month, per year, annual) is answered first by a figure given by it."""
    made_up(fresh_engine, tmp_path,
            {"title": "Borrowers feel the squeeze as payments restart", "source": "Metro Money", "published_at": "2023-11-12",
             "body": "Payments on federal student loans restarted in October. Dana Reyes, 31, has approximately $42,000 in "
                     "student loan debt from her law degree. Since the pause ended, she has been paying back $450 a month while "
                     "she waits for a new repayment plan. Other borrowers say they have cut spending."})
    a = fresh_engine.ask("How much is Dana Reyes paying toward her student loans each month?")
    assert a.short.startswith("$450 a month"), a.answer


def test_a_claim_of_another_party_to_a_deal_is_denied(fresh_engine, tmp_path):
    """"Did Rani Zim buy Psagot Investment House from The Phoenix Holdings?" was answered Yes, though the best
    sentence says he "bought Psagot Investment House for NIS 405 million from Altshuler Shaham": an organisation a
    thing passes from or to is a circumstance of the act, as a place is, and a sentence that gives another one in
    its place and never the claim's says No."""
    made_up(fresh_engine, tmp_path,
            {"title": "The outsider who bought a brokerage", "source": "Metro Business", "published_at": "2023-10-12",
             "body": "Investment houses rarely change hands. In late August 2021, Daniel Orr completed one of the more "
                     "surprising moves in his career when he bought Keystone Investment House for $405 million from Harbor "
                     "Capital Partners. Orr financed most of the deal with debt. Two years later he sold a stake in the firm to "
                     "Northwind Holdings."})
    a = fresh_engine.ask("Did Daniel Orr buy Keystone Investment House from Northwind Holdings?")
    assert a.short.startswith("No"), a.answer
    b = fresh_engine.ask("Did Daniel Orr buy Keystone Investment House from Harbor Capital Partners?")
    assert b.short.startswith("Yes"), b.answer


def test_the_score_of_the_game_a_claim_is_set_in_is_no_claim(fresh_engine, tmp_path):
    """"Did Dak Prescott throw three interceptions in the second half of the Cowboys' 42-10 loss to the 49ers?" was
    answered No, though the best sentence says "Dak Prescott threw three interceptions in the second half": the
    score only says which game (the occasion, by "of" inside "in the second half"), and the evidence need not
    repeat it; the claim's own figure must match."""
    made_up(fresh_engine, tmp_path,
            {"title": "Rovers crushed at home", "source": "Metro Sport", "published_at": "2023-10-09",
             "body": "The Rovers were outclassed by the Harbour Kings on Sunday night. Dallas was sluggish through the first "
                     "half, and the night unraveled quickly when Sam Porter threw three interceptions in the second half. The "
                     "Kings scored on each of their next three drives."})
    a = fresh_engine.ask("Did Sam Porter throw three interceptions in the second half of the Rovers' 42-10 loss to the Kings?")
    assert a.short.startswith("Yes"), a.answer
    b = fresh_engine.ask("Did Sam Porter throw four interceptions in the second half of the Rovers' 42-10 loss to the Kings?")
    assert b.short.startswith("No"), b.answer


def test_the_week_a_record_is_taken_into_is_no_claim(fresh_engine, tmp_path):
    """"Did Gardner Minshew's Colts have a 7-5 record going into Week 14 of the 2023 NFL season?" was answered No,
    though the evidence says he "has the Colts with a 7-5 record heading into the final few weeks": "into Week 14"
    says when, as "in Week 13" does, and the evidence need not repeat the week; the record must match."""
    made_up(fresh_engine, tmp_path,
            {"title": "Kings win fourth straight", "source": "Metro Sport", "published_at": "2023-12-04",
             "body": "Sam Porter threw a four-yard touchdown pass with 2:31 left in overtime and the Harbour Kings (7-5) beat the "
                     "Dallas Rovers (4-8) for their fourth straight victory. Porter has the Kings with a 7-5 record heading into "
                     "the final weeks of the season. The Kings host the Falcons next."})
    a = fresh_engine.ask("Did Sam Porter's Kings have a 7-5 record going into Week 14?")
    assert a.short.startswith("Yes"), a.answer
    b = fresh_engine.ask("Did Sam Porter's Kings have a 9-3 record going into Week 14?")
    assert b.short.startswith("No"), b.answer


def test_the_side_a_beaten_one_lost_to_in_a_relative_clause(fresh_engine, tmp_path):
    """"Which country beat Australia in the 2022 Davis Cup final?" was answered "Czech Republic", a country Australia
    eliminated, though the best sentence says "Australia, who lost last year's final to Canada, ...": the parse
    hangs "to Canada" from "final", so the side lost to is read in the words after the verb, to the clause's end."""
    made_up(fresh_engine, tmp_path,
            {"title": "Australia into another Cup final", "source": "Metro Sport", "published_at": "2023-11-25",
             "body": "Australia are into the final of the Harbour Cup. Australia, who lost last year's final to Canada, have "
                     "enjoyed a soft run to this year's decider, eliminating the Czech Republic and Finland with neither country "
                     "boasting a top-20 player."})
    a = fresh_engine.ask("Which country beat Australia in last year's Harbour Cup final?")
    assert a.short.startswith("Canada"), a.answer


def test_of_a_listings_names_the_one_bracketed_with_the_questions_words(fresh_engine, tmp_path):
    """"Which Colts quarterback did Sporting News list as a Week 14 streaming option against the Bengals?" was
    answered "Panthers", though the best sentence lists "Gardner Minshew (@ Bengals), Jameis Winston (vs. Panthers),
    ...": a listing tells of each name in the bracket after it, and the name whose bracket alone says what the
    question says is the one asked for."""
    made_up(fresh_engine, tmp_path,
            {"title": "Fantasy QB sleepers for Week 14", "source": "Metro Sport", "published_at": "2023-12-06",
             "body": "Who are the best fantasy QB sleepers in Week 14? Week 14 is a challenging one from a streaming perspective, "
                     "as Tom Brandt (@ Wolves), Jamal Ortiz (vs. Hawks), Ben Maxwell (@ Falcons), and Joe Fenton (@ Jaguars) look "
                     "like the best options. Brandt has thrown for 300 yards twice."})
    a = fresh_engine.ask("Which quarterback was listed as a Week 14 streaming option against the Hawks?")
    assert a.short.startswith("Jamal Ortiz"), a.answer
