"""What kind of answer a question asks for, and where the reader finds it: the institution a person
works at ("X of MIT"), a person asked for by a noun no list names ("Which commissioner ...?", by
WordNet's class of the noun). Made-up articles through the real engine (the real model and spaCy),
and the pure parts on made-up text."""

from __future__ import annotations

from conftest import one_article

from qa import circumstances, figures, lexicon, nlp, question


def test_where_a_person_works_is_the_institution_the_name_is_tied_to():
    sentence = "Mira Osei of Halden University, Tom Brack of Vell Labs Inc., and Ana Ruiz were honored at a ceremony in Oslo."
    ents = nlp.entities([sentence])[0]
    assert circumstances.affiliation("Where does Mira Osei work?", sentence, ents) == ["Halden University"]
    assert circumstances.affiliation("Where is Tom Brack based?", sentence, ents) == ["Vell Labs Inc."]
    title = "That winter, Ruiz, then an assistant professor in sociology at Corran State University, began to notice the remarks."
    assert circumstances.affiliation("Where did Ana Ruiz teach?", title, nlp.entities([title])[0]) == ["Corran State University"]
    # (a place the sentence names for something else is not where she works; nor is a question about a thing)
    assert circumstances.affiliation("Where is the ceremony held?", sentence, ents) == []


def test_where_a_person_works_through_the_engine(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Chemistry prize for three",
                "The chemistry prize went to three scientists on Wednesday. Mira Osei of Halden University, Tom Brack of "
                "Vell Labs Inc., and Ana Ruiz of Corran College were honored for their work with tiny crystals, according "
                "to the academy in Oslo. Osei, 62, developed the first methods in 1993.")
    a = fresh_engine.ask("Where does Tom Brack work?")
    assert a.short.startswith("Vell Labs"), a.answer
    assert fresh_engine.ask("Where is Mira Osei based?").short.startswith("Halden University")


def test_a_noun_of_a_person_asks_for_a_person_by_its_wordnet_class():
    assert lexicon.noun_class("commissioner") == "person"
    assert lexicon.noun_class("acid") == "substance"
    assert question.read("Which league commissioner issued the ruling on Harbaugh?").kind == "person"
    assert question.read("Which band member produced the second album?").kind == "person"
    assert question.read("Which harsh acid is used to etch the layers?").kind == "other"
    assert question.read("Which team won the cup?").kind == "organization"  # (a listed noun keeps its kind)


def test_which_commissioner_is_answered_by_a_name(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "League suspends coach",
                "The Harbour League announced on Friday that coach Dan Morrow will be barred from the sideline for the "
                "last three games. League commissioner Tony Pell issued the ruling after a two-week review of the "
                "sign-stealing scheme. Morrow's team said it would go to court.")
    a = fresh_engine.ask("Which league commissioner issued the ruling that kept Dan Morrow off the sideline?")
    assert "Tony Pell" in a.short, a.answer


def test_a_score_is_a_pair_of_counts_and_a_record_in_brackets_is_none():
    assert figures.asks_score("What was the final score when Morrow's team beat the Rovers?")
    assert not figures.asks_score("How many goals did the Lionesses score against the Rovers?")
    assert figures.score_in("No. 3 Harbour beat No. 10 Marlow 24-15 at Beaver Stadium on Saturday.") == "24-15"
    assert figures.score_in("The Harbour Hawks (8-4) take on the Marlow Rovers (6-6) on Tuesday night.") is None
    assert figures.score_in("It was their best run since the 2019-20 season.") is None


def test_what_was_the_score_is_answered_by_the_pair_not_a_ranking(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Harbour wins without its coach",
                "Did Harbour need coach Dan Morrow on Saturday? No. 3 Harbour beat No. 10 Marlow State 24-15 at "
                "Beaver Stadium on Saturday. The Hawks ran the ball 45 times.")
    a = fresh_engine.ask("What was the final score when Harbour beat Marlow State?")
    assert a.short.startswith("24-15"), a.answer


def test_how_many_asks_for_a_count_and_people_are_counted_by_what_they_are():
    q = question.read("How many people live in the Harbour Strip?")
    share = "Aid groups provide food to about 63% of people in the Harbour Strip."
    assert figures.number_about(q, share, nlp.entities([share])[0]) is None
    count = "Deliveries to the Harbour Strip's 2.3 million residents stopped on Tuesday."
    assert figures.number_about(q, count, nlp.entities([count])[0]) == "2.3 million residents"


def test_where_a_thing_was_found_is_the_place_its_clause_puts_it():
    q = "Where were the fossil tree rings found?"
    sentence = "Researchers found evidence of the storm within fossil tree rings that were recently unearthed in the French Alps."
    assert circumstances.located(q, sentence, nlp.entities([sentence])[0]) == ["French Alps"]


def test_a_lower_rank_denies_the_superlative():
    from qa import verdict
    q = "Is the Harbour Agency the largest employer in Norland?"
    assert verdict.outranked(q, "Today, the Harbour Agency is the second-largest employer in Norland, after the state.")
    assert not verdict.outranked(q, "The Harbour Agency is the largest employer in Norland, and the state the second largest.")
    assert not verdict.outranked(q, "The Harbour Agency is the largest employer in Norland.")


def test_the_title_and_its_owner_before_a_name_say_who_holds_it(fresh_engine, tmp_path):
    from qa import speakers
    sentence = ("He started with Harbour Bank CEO Laura Becker and moved down a long table asking Marlow Trust CEO Ian Dole "
                "how much each had “returned to customers at the direction of the regulator?”")
    assert speakers.titled("ceo", sentence, nlp.entities([sentence])[0]) == [("Laura Becker", "Harbour Bank"), ("Ian Dole", "Marlow Trust")]
    one_article(fresh_engine, tmp_path, "Senator grills bank bosses",
                "Senator Ray Lune directed his questions at two bank bosses. " + sentence + " Neither knew the answer, "
                "although the sums are large: $360 million for Harbour Bank and $819 million for Marlow Trust.")
    # (the sentence ends by quoting a question, but it is no question itself)
    assert fresh_engine.ask("Who is the CEO of Marlow Trust?").short.startswith("Ian Dole")


def test_a_passive_verbs_agent_does_it_though_the_clause_has_another_subject():
    from qa import speakers
    assert speakers.doer("direct", "Directed by Atlee (Mersal), Jawan features megastar Shah Rukh Khan.") == "Atlee"
    assert speakers.doer("sign", "The pact was signed by Japan and South Korea in 2016.") == "Japan and South Korea"


def test_a_price_is_told_by_any_verb_of_the_deal_naming_both_parties(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Security startups are bought",
                "Security startups with new techniques become targets for larger companies. Other examples include "
                "Harbour Systems acquiring the security startup Lumenio for $350 million, and Marlow buying Quell earlier "
                "this year for $60 million. Harbour Systems reported revenue of $3 billion last year.")
    a = fresh_engine.ask("How much did Harbour Systems pay for Lumenio?")
    assert a.short.startswith("$350 million"), a.answer


def test_a_time_against_an_unsaid_time_gives_way_and_a_length_is_no_date():
    from qa import reader, when
    assert when.vague("months later") and when.vague("earlier this year")
    assert not when.vague("this week") and not when.vague("Just six hours") and not when.vague("March")
    q = question.read("When did Dana Wells make her remarks about the harbour?")
    sentence = "Her ex-partner of six years was quiet, unlike Dana Wells' remarks from February 2023 about the harbour."
    assert reader.candidates(q, sentence, nlp.entities([sentence])[0]) == ["February 2023"]


def test_the_name_of_a_person_asks_for_the_person(fresh_engine, tmp_path):
    assert question.read("What is the name of Dana Wells' father?").kind == "person"
    assert question.read("What are the names of Adam Grant's three children?").kind == "person"
    assert question.read("What is the name of the new policy?").kind == "other"
    one_article(fresh_engine, tmp_path, "A boy and his new liver",
                "Young Lucas Marr received a new liver in 2015. Despite his challenges, Lucas remains positive, active "
                "and upbeat, and his mother, Ana Marr, said the family was grateful to the donor's parents.")
    a = fresh_engine.ask("What is the name of Lucas Marr's father?")
    assert a.abstained, a.answer  # (his mother is named; his father is not)


def test_which_agency_without_a_verb_of_reporting_asks_for_an_organisation():
    assert question.read("Which agency is being questioned after the attack?").kind == "organization"
    assert question.read("Which agency reported the attack first?").kind == "outlet"
    assert question.read("Which outlet cited Money Today?").kind == "outlet"


def test_an_age_is_said_with_the_persons_name():
    q = question.read("How old is Denise Marsh?")
    other = "Franke was arrested in St. Marsh, Utah, after her 12-year-old son escaped."
    assert figures.number_about(q, other, nlp.entities([other])[0]) is None
    hers = "Marsh, 64, is sitting inside a poolside restaurant."
    assert figures.number_about(q, hers, nlp.entities([hers])[0]) == "64"
