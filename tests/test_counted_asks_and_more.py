"""Faults the natural questions showed (fifty-fifth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_which_two_teams_asks_for_the_teams(fresh_engine, tmp_path):
    """"Which two NFL teams had a bye in Week 14 of the 2023 season?" was answered by a whole sentence, though it
    names the "Cardinals and Commanders": a count between "which" and its noun hid the noun from the question's
    reading, and the question was taken as asking for no kind of name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Week 14 byes and what they mean", "source": "Metro Sport", "published_at": "2023-12-07",
             "body": "Coinciding with the end of the fantasy regular season, Week 14 is the last week of byes, as the Gulls "
                     "and Hornets are the last two teams to take their mandatory rest. Fantasy managers will need to find "
                     "replacements for their starters."})
    a = fresh_engine.ask("Which two teams had a bye in Week 14?")
    assert a.short.startswith("Gulls and Hornets"), a.answer


def test_the_verb_after_the_name_that_ends_the_subject(fresh_engine, tmp_path):
    """"In what year did the news site Axios launch?" was answered "Nov. 2023", from a sentence about a betting
    site, though the best sentence says "Axios launched in 2017": the small tagger made "site" the verb (English
    has it as one) and "launch" its object, so the question was taken to ask when something was sited. After
    "did", the subject runs to the name that ends it; the word after that name is the verb."""
    made_up(fresh_engine, tmp_path,
            {"title": "How a newsroom runs on short stories", "source": "Metro Media", "published_at": "2020-04-07",
             "body": "Marissa: Zentra launched in 2017 with a mission to make people smarter, faster. Rick: At Zentra, we "
                     "are all about being audience-first."},
            {"title": "Betting sites arrive in Vermont", "source": "Metro Sport", "published_at": "2023-12-01",
             "body": "After acquiring the old sportsbook earlier in the year, Carter Bet launched the rebranded site in 17 "
                     "different states in Nov. 2023. Five operators applied for licenses."})
    a = fresh_engine.ask("In what year did the news site Zentra launch?")
    assert a.short.startswith("2017"), a.answer


def test_a_named_object_says_which_act_whatever_the_verb(fresh_engine, tmp_path):
    """"When did India win its first Cricket World Cup?" was answered "2015": a sentence that tells of the act by
    another verb counts when it has the question's subject and object, but an object that is a name ("Cricket World
    Cup", its head a proper noun) was not read as one, and the year of another act was taken."""
    made_up(fresh_engine, tmp_path,
            {"title": "Westland and the Coastal Shield", "source": "Metro Sport", "published_at": "2023-10-01",
             "body": "Westland lifted its first Coastal Shield in 1983, beating Eastmoor in a tense final at Harbour Park. "
                     "The last time Westland hosted the Coastal Shield was in 2011, when the side were co-hosts with Northvale."})
    a = fresh_engine.ask("When did Westland win its first Coastal Shield?")
    assert a.short.startswith("1983"), a.answer


def test_which_place_does_the_act_to_a_named_object(fresh_engine, tmp_path):
    """"Which Outer Hebrides island hosts its own Dark Skies Festival in February?" was answered "North York Moors
    National Park", where another festival is held, though the best sentence says "the Isle of Lewis hosts its own
    Dark Skies Festival": the one a sentence gives as doing the question's act to its object is the answer, but an
    object that is a name was not read as one. (By the question's own verb only: a name is the object of many acts.)"""
    made_up(fresh_engine, tmp_path,
            {"title": "Where to see the northern lights this winter", "source": "Metro Travel", "published_at": "2023-11-20",
             "body": "The aurora was seen here as recently as April 2023; the park is one of the largest dark sky reserves, and "
                     "will be hosting a joint Dark Skies Festival at Northmoor National Park in February. In February, the Isle "
                     "of Lewis hosts its own Dark Skies Festival, with events including live music, film and theatre."})
    a = fresh_engine.ask("Which island hosts its own Dark Skies Festival in February?")
    assert a.short.startswith("Isle of Lewis"), a.answer


def test_a_price_after_its_currency_sign_is_no_date(fresh_engine, tmp_path):
    """"When will the extra account fee apply?" was answered "6/month", the recognizer's date in "€6/month", though
    the same sentence says "After March 1, 2024": a figure right after a currency's sign is a sum."""
    made_up(fresh_engine, tmp_path,
            {"title": "Streaming service adds a fee for shared accounts", "source": "Metro Tech", "published_at": "2023-11-02",
             "body": "The company confirmed the change in an email to subscribers on Tuesday. After March 1, 2024 it also says an "
                     "additional fee — of €6/month on web and €8/month on iOS or Android — will apply for each extra account."})
    a = fresh_engine.ask("When will the extra account fee apply?")
    assert a.short.startswith("March 1, 2024"), a.answer


def test_which_noun_is_the_subject_though_the_parse_makes_which_the_object(fresh_engine, tmp_path):
    """"Which Outer Hebrides island hosts its own Dark Skies Festival in February?": the small parser makes "which" the
    verb's object and "island" its subject, and the question was not taken as asking who does the act; a verb with a
    subject takes no object before it without "do", so the noun after "which" is the subject asked for."""
    made_up(fresh_engine, tmp_path,
            {"title": "Where to see the northern lights this winter", "source": "Metro Travel", "published_at": "2023-11-20",
             "body": "Your best bet for seeing the lights remains in the Outer Hebrides. The park is one of the largest dark sky "
                     "reserves, and will be hosting a joint Dark Skies Festival at Northmoor National Park in February. In "
                     "February, the Isle of Lewis hosts its own Dark Skies Festival, with events including live music, film and theatre."})
    a = fresh_engine.ask("Which Outer Hebrides island hosts its own Dark Skies Festival in February?")
    assert a.short.startswith("Isle of Lewis"), a.answer
