"""Faults the natural questions showed (forty-sixth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_what_the_question_sets_aside_is_answered_by_what_is_joined_to_it(fresh_engine, tmp_path):
    """"Besides Vettle, which company does Ridewell use to check its drivers?": the article says "companies like
    Vettle and Brightcheck"; the recognizer calls "Brightcheck" no organisation, so another name of the
    sentence was the answer. What the question sets aside ("besides", "apart from", "other than") is answered
    by what the sentence joins to it by "and"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Ridewell drivers face patchy checks", "source": "Gig Desk", "published_at": "2023-10-02",
             "body": "Ridewell uses third-party companies like Vettle and Brightcheck to run background checks on its "
                     "drivers, which Sergio Avedian, a senior contributor at The Driver Desk, says are at best watered "
                     "down."},
            {"title": "Week 14 byes", "source": "Fantasy Wire", "published_at": "2023-12-05",
             "body": "Week 14 is the last week of byes, as the Cardinals and Commanders are the last two teams to take "
                     "their mandatory rest. Fantasy owners will miss several starters."})
    a = fresh_engine.ask("Besides Vettle, which third-party company does Ridewell use to run background checks on its drivers?")
    assert a.short.startswith("Brightcheck"), a.answer
    b = fresh_engine.ask("Apart from the Commanders, which team is on bye in Week 14?")
    assert b.short.startswith("Cardinals"), b.answer


def test_the_possessor_of_a_work_the_question_names_with_its_kind_made_it(fresh_engine, tmp_path):
    """"Who directed the 1997 Japanese horror film Cure?": the article says "Kiyoshi Kurosawa's 1997 horror
    masterpiece Cure follows ..."; the parser hangs the possessive on the title, not on "film", so the name was
    not taken as the maker's and another director, of another film, was the answer. A work the question names
    with its kind noun ("the film Cure") is made by whoever the sentence gives it to by a possessive or "by"."""
    made_up(fresh_engine, tmp_path,
            {"title": "The best Japanese horror films to stream", "source": "Screen Desk", "published_at": "2023-09-28",
             "body": "David Moore's 1997 horror masterpiece Quietus follows Ken Abe, a detective frustrated by a rash "
                     "of seemingly unconnected murders. It is a slow, chilling film. Fans of the genre will also "
                     "remember Onibaba."},
            {"title": "Japanese horror's great directors", "source": "Film Notes", "published_at": "2023-10-02",
             "body": "Like his 1964 film Onibaba, Peter Hall's 1968 supernatural horror film is a cerebral, gorgeous "
                     "and eerie ghost story."})
    a = fresh_engine.ask("Who directed the 1997 Japanese horror film Quietus?")
    assert a.short.startswith("David Moore"), a.answer


def test_a_figure_of_a_reported_clause_is_of_the_reports_year(fresh_engine, tmp_path):
    """"According to Statista, how many GWh of lithium-ion battery energy demand is expected by 2030?": the
    article says "In 2020, Statista estimated that lithium-ion batteries accounted for 185 gigawatts (GWh) ...,
    and this energy demand is projected to reach 2,035 GWh by 2030."; the clause of the first figure names no
    year of its own, so it was taken for 2030. A reported clause is of its report's time."""
    made_up(fresh_engine, tmp_path,
            {"title": "The hidden cost of batteries", "source": "Energy Desk", "published_at": "2023-10-11",
             "body": "In 2021, Ore Insight estimated that sodium batteries accounted for 210 gigawatt hours (GWh) of "
                     "energy consumed, and this energy demand is projected to reach 1,400 GWh by 2032. Most of it will "
                     "come from electric cars."})
    a = fresh_engine.ask("According to Ore Insight, how many GWh of sodium battery energy demand is expected by 2032?")
    assert "1,400" in a.short, a.answer


def test_a_name_the_recognizer_missed_where_the_act_is_put_answers_where(fresh_engine, tmp_path):
    """"Where can you stream A Haunting in Venice as of November 2023?": the article says "with A Haunting in
    Venice now streaming on Hulu"; the recognizer finds no name in "Hulu", so a name it calls a place in a
    weaker sentence ("Available to stream on Netflix Saturday") was the answer. A proper noun the parser puts
    the question's act on, in or at is where it is done."""
    made_up(fresh_engine, tmp_path,
            {"title": "What to watch this week", "source": "Stream Desk", "published_at": "2023-11-03",
             "body": "There are plenty of exciting releases this week, with The Quiet Harbor now streaming on Hulu, and "
                     "the premiere of Last Orders on VOD. Where to watch: Available to stream on Netflix Saturday."})
    a = fresh_engine.ask("Where can you stream The Quiet Harbor as of November 2023?")
    assert a.short.startswith("Hulu"), a.answer


def test_a_name_in_the_plural_is_named_by_its_singular(fresh_engine, tmp_path):
    """"Before Julian Nagelsmann took over, had Germany been eliminated in the group stage of two straight World
    Cups?": the evidence supports it, but never says "World Cups", only "the 2018 World Cup" and "the 2022 World
    Cup", so the claim was taken for one about something the articles never name, and the answer was that they
    don't say. A name of several words in the plural is said by its singular."""
    made_up(fresh_engine, tmp_path,
            {"title": "Norland's new coach faces a big task", "source": "Football Desk", "published_at": "2023-10-10",
             "body": "Norland were eliminated in the group stage of the 2018 World Cup, and again at the 2022 World Cup "
                     "in Qatar. Ava Stone took over as head coach in September, replacing the sacked Tom Reed."})
    a = fresh_engine.ask("Before Ava Stone took over, had Norland been eliminated in the group stage of consecutive World Cups?")
    assert a.answer.startswith("Yes"), a.answer


def test_a_participial_phrase_that_opens_the_sentence_does_not_describe_the_name(fresh_engine, tmp_path):
    """"Who is Rania Khalek?": the article says "Commenting on the coordinated attack, Rania Khalek, a
    journalist, said ..."; the noun phrase before the name's comma was read as what she is ("the coordinated
    attack"). A phrase that opens the sentence with a participle says how or when, as one with a preposition
    does; the apposition after the name says who."""
    made_up(fresh_engine, tmp_path,
            {"title": "Reactions to the raid", "source": "World Desk", "published_at": "2023-10-08",
             "body": "Commenting on the coordinated raid, Mira Haddad, a journalist, said that the planning that must "
                     "have gone into it was remarkable. Officials declined to comment."})
    a = fresh_engine.ask("Who is Mira Haddad?")
    assert a.short.startswith("a journalist"), a.answer
