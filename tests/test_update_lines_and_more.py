"""Faults the natural questions showed (forty-fifth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_time_of_day_on_an_update_line_is_not_the_day_asked_for(fresh_engine, tmp_path):
    """"When does Brightmart's 2023 Winter Savings sale start?": the update line that gives the question's
    year ("UPDATE: Nov. 25, 2023, 4:00 a.m. EST ...") was read first, and its time of day taken for the
    answer; no time of day says on what day, so the answer was that the articles don't say, though the
    next sentence gives the day the sale starts."""
    made_up(fresh_engine, tmp_path,
            {"title": "Brightmart Winter Savings sale 2023: the best deals", "source": "Deal Desk", "published_at": "2023-11-25",
             "body": "UPDATE: Nov. 25, 2023, 4:00 a.m. EST We've updated this story with the latest deals from the "
                     "Brightmart early Winter Savings sale.\n\n"
                     "Brightmart just announced its official Winter Savings sale will start on Sunday, Nov. 26 at 7 p.m. ET, "
                     "exclusively on Brightmart.com and the Brightmart app. The sale promises savings of up to 80% on "
                     "apparel, beauty, tech and toys."})
    a = fresh_engine.ask("When does Brightmart's 2023 Winter Savings sale start?")
    assert "Nov. 26" in a.short, a.answer


def test_the_doer_of_the_verb_the_questions_noun_is_made_from_is_the_one_called_so(fresh_engine, tmp_path):
    """"Who is the editor of the book Cooler Cities?": the article says "Excerpted from Cooler Cities: Planning
    for Heat, edited by Helen Marsh."; no sentence says "editor", so the answer was that the articles don't
    say. WordNet calls the one who edits an editor. A coach who "will not coach" is not the coach."""
    made_up(fresh_engine, tmp_path,
            {"title": "Why our cities must plan for heat", "source": "Green Review", "published_at": "2023-09-12",
             "body": "Excerpted from Cooler Cities: Planning for Heat, edited by Helen Marsh. In Cooler Cities, a group "
                     "of planners and scientists discuss how rising heat changes the way streets, parks and homes must be "
                     "built."},
            {"title": "Harbor State loses again", "source": "Campus Sports", "published_at": "2023-11-11",
             "body": "No ruling came today, so Tom Reyes will not coach against Lakeside. Harbor State offensive "
                     "coordinator Ben Olsen will serve as acting head coach on Saturday."})
    a = fresh_engine.ask("Who is the editor of the book Cooler Cities?")
    assert a.short.startswith("Helen Marsh"), a.answer
    b = fresh_engine.ask("Who was Harbor State's acting head coach against Lakeside?")
    assert "Reyes" not in b.short, b.answer


def test_a_capitalised_description_as_the_subject_is_no_other_name(fresh_engine, tmp_path):
    """"How many shots did Ross Kerrigan take against Dunmore?": the article says "The Scotsman had seven
    shots, his most ever in a league game."; a capitalised subject the question does not name was taken
    for another's name, so the count was of someone else and the answer was that the articles don't say.
    WordNet has "Scotsman" as a noun of a person: a description, not a name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Kerrigan double sinks Dunmore", "source": "Match Report", "published_at": "2023-11-05",
             "body": "Ross Kerrigan scored twice as Harbour City beat Dunmore 2-1 on Saturday. The Scotsman had seven "
                     "shots, his most ever in a league game. Dunmore pulled one back late through Leo Haines."})
    a = fresh_engine.ask("How many shots did Ross Kerrigan take against Dunmore?")
    assert "seven" in a.short, a.answer


def test_a_peoples_adjective_in_the_question_is_named_by_its_place(fresh_engine, tmp_path):
    """"According to ancient Korean texts, how long did solar cycles last during the Maunder Minimum?": the
    article says "ancient texts unearthed in Korea" and never "Korean"; a figure of an article that does not
    name what the question names was set aside, so the answer was that the articles don't say (another
    article says "Korean")."""
    made_up(fresh_engine, tmp_path,
            {"title": "Old records hint the sun once ran faster", "source": "Science Desk", "published_at": "2023-11-20",
             "body": "Researchers studied ancient texts unearthed in Korea, which contain detailed accounts of auroral "
                     "displays during the Maunder Minimum, a period of reduced solar activity between 1645 and 1715. "
                     "They found that solar cycles during this time likely lasted only eight years. It currently takes "
                     "around 11 years for the sun to complete one solar cycle."},
            {"title": "Carmaker opens a plant", "source": "Business Desk", "published_at": "2023-11-21",
             "body": "A Korean carmaker opened its first European battery plant on Monday, creating 900 jobs."})
    a = fresh_engine.ask("According to ancient Korean texts, how long did solar cycles likely last during the Maunder Minimum?")
    assert "eight years" in a.short, a.answer


def test_the_name_set_before_the_noun_asked_by_is_the_answer(fresh_engine, tmp_path):
    """"Which magazine was Ava Lund's photo shoot in oversized jeans for?": the article says "her photo shoot
    with M Le Monde magazine"; the recognizer finds no name there, so the answer was that the articles don't
    say. The proper nouns the parser hangs on the noun "magazine" are its name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Ava Lund's jeans shoot sparks backlash", "source": "Style Wire", "published_at": "2023-11-14",
             "body": "Ava Lund's latest photo shoot has sparked backlash among plus-size models and activists. The "
                     "supermodel, 32, recently shared several images from her photo shoot with M Le Monde magazine. In "
                     "the photos, Lund wears a pair of wide-leg jeans double her size."})
    a = fresh_engine.ask("Which magazine was Ava Lund's photo shoot in oversized jeans for?")
    assert "Le Monde" in a.short, a.answer


def test_an_organisations_name_answers_which_kind_of_organisation_without_the_noun(fresh_engine, tmp_path):
    """"Which agency was the main funder of the Alder, Brook and Crane study on flu shots?": the article says
    "Alder, Brook and Crane report grants from the National Institute on Aging"; no sentence says "agency",
    so the answer was that the articles don't say. A team, an agency, a company is an organisation (WordNet):
    an organisation's name the recognizer finds in a good sentence may be the one asked for."""
    made_up(fresh_engine, tmp_path,
            {"title": "Flu shots and the over-65s", "source": "Health Letter", "published_at": "2023-10-02",
             "body": "A new study by Alder, Brook and Crane finds that turning 65 brings a rise in flu vaccination. "
                     "Alder, Brook and Crane report grants from the National Institute on Aging during the conduct of "
                     "the study."})
    a = fresh_engine.ask("Which agency was the main funder of the Alder, Brook and Crane study on flu shots?")
    assert "National Institute on Aging" in a.short, a.answer
