"""Faults that the natural questions showed (thirty-third session): a report the articles themselves
cite is no missing outlet ("after the NBC report"); a title with no owner, or part of the owner's
name, is of the one its passage tells of ("Wild GM Bill Guerin" for the Minnesota Wild's general
manager), a title of several words also by its initials, not one another word qualifies ("former
CEO"); "Who is Twitch's Chief Monetization Officer?" asks for a person however the title is written;
a count the question's verb is told by a noun of ("deliveries ... to 15,959 vehicles"); a bare
number with its unit of measure written after it is a quantity ("130 GW"); and a claim's "10
million" is not given by a sentence's "4 million" and "10-12-year-olds"; a time of day, or words
that only point at a time ("these days"), do not say on what date.
The real engine (the real model and spaCy) on made-up articles, and pure parts."""

from __future__ import annotations

from conftest import made_up, one_article

from qa import figures, nlp, units, when
from qa.question import read
from qa.verdict import numbers_in


def about(question: str, sentence: str) -> str | None:
    return figures.number_about(read(question), sentence, nlp.entities([sentence])[0])


def test_a_report_the_articles_cite_is_no_missing_outlet(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Chat app tightens its rules",
                "The chat app Palaver has changed its safety rules. In the aftermath of the report by Orbit News, "
                "Palaver banned teen dating servers and changed its policies on the sharing of edited images.")
    a = fresh_engine.ask("What did Palaver ban after the Orbit News report?")
    assert not a.abstained and "teen dating servers" in a.answer, a.answer
    # (an outlet the articles never cite is still said to be missing)
    b = fresh_engine.ask("What did Palaver ban after the Reuters report?")
    assert b.abstained and "No ingested article is from Reuters" in b.answer, b.answer


def test_a_title_without_its_owner_is_of_the_passage_s_owner(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Hockey club fires its coach",
                "The Ridgeport Comets have relieved head coach Dan Everly of his duties, the team said on Monday. "
                "Everly had coached the Ridgeport Comets since 2019. "
                "Former GM Paul Stroud said the decision was overdue. "
                "Comets GM John Harris gave the following comment: \"Dan did an excellent job.\"")
    a = fresh_engine.ask("Who is the general manager of the Ridgeport Comets?")
    assert a.short.startswith("John Harris"), a.answer


def test_a_capitalised_title_of_an_owner_asks_for_a_person():
    q = read("Who is Twitch's Chief Monetization Officer?")
    assert q.kind == "person" and "officer" in q.focus
    # (a name after the owner is still the one asked about)
    assert read("Who is Apple's Tim Cook?").kind == "describe"
    assert read("Who is Kim You-geun?").kind == "describe"


def test_a_count_told_by_the_noun_of_the_question_s_verb(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Carmaker's monthly figures",
                "The electric carmaker Voltara published its monthly figures on Friday. "
                "The company said deliveries rose 12.6% from a year earlier to 15,959 vehicles in November.")
    a = fresh_engine.ask("How many vehicles did Voltara deliver in November?")
    assert a.short.startswith("15,959"), a.answer


def test_a_unit_written_after_a_number_makes_it_a_quantity():
    assert units.is_unit("GW") and units.is_unit("km") and units.is_unit("kWh") and units.is_unit("GB")
    # (English words pint also reads as units, a count, and a lone capital are none)
    assert not units.is_unit("points") and not units.is_unit("in") and not units.is_unit("counts")
    assert not units.is_unit("K") and not units.is_unit("people")
    s = "NTPC plans to have 130 GW of installed power generation capacity comprising 60 GW of renewable energy."
    assert about("How much installed power generation capacity does NTPC plan to have?", s) == "130 GW"
    s = "Older adults should be taking at least 1 to 1.5g of protein per kilogram of body weight, says Laird."
    assert "1.5g" in (about("How much protein should older adults take, according to Laird?", s) or "")


def test_a_figure_is_read_with_its_scale():
    assert numbers_in("approximately 4 million people, a third of all 10-12-year-olds") == {"4000000", "10", "12"}
    assert numbers_in("about 10 million users") == {"10000000"}
    assert numbers_in("$2.5m, £1bn and 1,200,000") == {"2500000", "1000000000", "1200000"}
    # (a short form only after a currency sign: "100m" alone may be metres)
    assert numbers_in("the 100m final") == {"100"}


def test_a_claim_s_figure_against_another_of_the_same_scale(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path, {
        "title": "Lawsuit details the app's young users", "source": "Metro News", "published_at": "2021-05-02",
        "body": "The lawsuit against the photo app Snapgram was unsealed on Wednesday. In 2018 the company's chief "
                "executive received a report that there were approximately 4 million people under 13 on Snapgram "
                "in 2015, which amounted to about a third of all 10-12-year-olds in the country, they estimated."})
    a = fresh_engine.ask("Did the 2018 report estimate there were about 10 million under-13 users on Snapgram in 2015?")
    assert a.answer.startswith("No"), a.answer


def test_a_time_of_day_does_not_say_on_what_date(fresh_engine, tmp_path):
    assert when.says_when("Nov. 2, 2023") and when.says_when("the 1980s") and when.says_when("Week 18") and when.says_when("March")
    assert not when.says_when("1am") and not when.says_when("3 p.m. ET") and not when.says_when("these days")
    assert not when.says_when("that day") and not when.says_when("two years later")
    one_article(fresh_engine, tmp_path, "Retailer starts its sales",
                "Walmart kicked off its holiday season this week. The retailer launched its first round of Black Friday "
                "deals at 3 p.m. ET for members of its paid program, with more deals to follow for everyone else.")
    a = fresh_engine.ask("On what date did Walmart launch its first round of Black Friday deals?")
    assert a.abstained, a.answer
    # (the time of day is the answer to "What time ...?")
    b = fresh_engine.ask("What time did Walmart launch its first round of Black Friday deals?")
    assert b.short.startswith("3 p.m. ET"), b.answer
