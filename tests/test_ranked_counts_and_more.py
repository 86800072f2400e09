"""Faults the natural questions showed (forty-seventh session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_bare_count_with_which_the_clause_ranks_in_the_noun_counts_it(fresh_engine, tmp_path):
    """"How many targets did T.J. Hockenson have on the season?": the article says "remains the Vikings' leader in
    targets with 80 on the season"; the count has no noun of its own, so a figure of yards in another sentence
    ("5.0 yards per target") was the answer. A bare count "with" which the clause ranks someone "in" the asked
    noun counts that noun."""
    made_up(fresh_engine, tmp_path,
            {"title": "Week 10 tight end rankings", "source": "Fantasy Wire", "published_at": "2023-11-09",
             "body": "Dale Brennick projects as a top option at the position and remains the Otters' leader in "
                     "receptions with 64 on the season. The Otters have allowed 5.5 yards per reception to opposing "
                     "tight ends."})
    a = fresh_engine.ask("How many receptions does Otters tight end Dale Brennick have on the season?")
    assert a.short.startswith("64"), a.answer


def test_a_claims_one_count_given_in_other_words_is_supported(fresh_engine, tmp_path):
    """"Did the UBC researchers look at insurance claim records for roughly 16 million American patients?": the
    article says "UBC researchers examined the health insurance claim records for approximately 16 million U.S.
    patients"; "look" is not said, so the answer was No. A sentence that gives the claim's count (not only its
    year) and names the claim's first two names in its order tells of the same thing in other words; another
    count is still No."""
    made_up(fresh_engine, tmp_path,
            {"title": "Weight-loss drugs and the gut", "source": "Health Desk", "published_at": "2023-10-06",
             "body": "Norland University researchers examined the health insurance claim records for approximately "
                     "12 million U.S. patients who were prescribed Slimora or Trimex between 2006 and 2020. They found a "
                     "higher risk of stomach paralysis."})
    a = fresh_engine.ask("Did the Norland University researchers look at insurance claim records for roughly 12 million patients prescribed Slimora?")
    assert a.answer.startswith("Yes"), a.answer
    b = fresh_engine.ask("Did the Norland University researchers look at insurance claim records for roughly 30 million patients prescribed Slimora?")
    assert b.answer.startswith("No"), b.answer


def test_a_comparative_the_sentence_says_the_opposite_of_is_denied(fresh_engine, tmp_path):
    """"Did the MEDLIFE study find that napping habits were associated with a lower risk of death?": the article
    says "were found to be associated with higher risk of mortality"; the opposite of "low" was looked for only in
    the words' plain forms, so "higher" was not seen and the answer was Yes. An adjective's comparative and
    superlative are its forms too."""
    made_up(fresh_engine, tmp_path,
            {"title": "Late dinners and weight", "source": "Health Desk", "published_at": "2023-11-02",
             "body": "In the Harlow cohort study, late dinners were found to be associated with higher risk of "
                     "obesity and type 2 diabetes. The researchers followed 20,000 adults for ten years."})
    a = fresh_engine.ask("Did the Harlow cohort study find that late dinners were associated with a lower risk of obesity?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Did the Harlow cohort study find that late dinners were associated with a higher risk of obesity?")
    assert b.answer.startswith("Yes"), b.answer


def test_a_person_another_side_owns_is_not_the_asked_sides(fresh_engine, tmp_path):
    """"Who was the Arizona Diamondbacks' probable starting pitcher for Game 3?": the article says "Rangers’ Max
    Scherzer and the Diamondbacks’ Brandon Pfaadt are currently penciled in as the probable starters"; both names
    got the sentence's vote and the first won. A person the sentence gives another organisation's or place's
    possessive is not the one whose owner the question names."""
    made_up(fresh_engine, tmp_path,
            {"title": "Game 3 preview", "source": "Ballpark Wire", "published_at": "2023-10-29",
             "body": "The series heads to Phoenix for Game 3, where the Toronto Blue Jays' Kevin Gausman and the "
                     "Seattle Mariners' Luis Castillo are penciled in as the probable starters. Both pitched well in "
                     "the playoffs."})
    a = fresh_engine.ask("Who is the Seattle Mariners' probable starting pitcher for Game 3?")
    assert a.short.startswith("Luis Castillo"), a.answer
    b = fresh_engine.ask("Who is the Toronto Blue Jays' probable starting pitcher for Game 3?")
    assert b.short.startswith("Kevin Gausman"), b.answer
