"""Faults the natural questions showed (forty-first session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_relative_who_shares_the_family_name_is_the_answer(fresh_engine, tmp_path):
    """"Which watercolour painter was artist Lina Venhaus's great-grandfather?": the article names him
    "Edvard Venhaus"; any name sharing a word with the question's person was taken for that person,
    so the answer was another name or none."""
    made_up(fresh_engine, tmp_path,
            {"title": "Desert songs in Sydney", "source": "Art Weekly", "published_at": "2023-11-04",
             "body": "Lina Venhaus has painted herself into the story of her family. Her portrait of her late "
                     "great-grandfather Edvard Venhaus hangs at the centre of the new show. The Dutch-born artist "
                     "Edvard Venhaus (1902-59) painted watercolour landscapes that blended northern influences "
                     "with the light of the desert, and Gerrit Smal sold them in Amsterdam."})
    a = fresh_engine.ask("Which watercolour painter was artist Lina Venhaus's great-grandfather?")
    assert a.short.startswith("Edvard Venhaus"), a.answer


def test_a_namesake_is_not_the_answer_when_no_kin_is_asked_of(fresh_engine, tmp_path):
    """"Who beat Lorn Kavanagh in the final?": the article also names his brother "Dace Kavanagh";
    the brother shares the name but is not asked of, so the answer is the winner the article names."""
    made_up(fresh_engine, tmp_path,
            {"title": "Kavanagh falls short again", "source": "Ring Report", "published_at": "2023-10-15",
             "body": "Lorn Kavanagh lost the final to Pim Oduya on a split decision in Manchester on Saturday. "
                     "His brother Dace Kavanagh watched from ringside and said the judges got it wrong."})
    a = fresh_engine.ask("Who beat Lorn Kavanagh in the final?")
    assert a.short.startswith("Pim Oduya"), a.answer


def test_a_name_in_quotation_marks_runs_over_its_comma(fresh_engine, tmp_path):
    """"What is the council's new campaign called?": the sentence calls it "“Ride Safe, Ride Home,”";
    the parse cut the name at its comma, and the answer was "Ride Safe"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Safer nights out", "source": "City Desk", "published_at": "2023-12-09",
             "body": "The city council launched a new $20 million campaign called “Ride Safe, Ride Home,” to cut crashes "
                     "after concerts, with free night buses from every arena."})
    a = fresh_engine.ask("What is the city council's new $20 million campaign against crashes after concerts called?")
    assert a.short.startswith("Ride Safe, Ride Home"), a.answer


def test_a_name_right_after_the_noun_and_a_comma_is_which_one(fresh_engine, tmp_path):
    """"Under which EU regulation was Tradeo named a gatekeeper?": the sentence says "under the EU's new
    ex ante competition regulation, the Digital Platforms Act — which ..."; the parse hangs the name
    elsewhere and the recognizer misses it, so the answer was the noun's modifiers, "ex ante
    competition"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Tradeo under scrutiny", "source": "Policy Desk", "published_at": "2023-11-29",
             "body": "Since then Tradeo has also been named a gatekeeper under the EU’s shiny new ex ante competition "
                     "regulation, the Digital Platforms Act — which lists its marketplace as a core platform service."})
    a = fresh_engine.ask("Under which EU regulation has Tradeo been named a gatekeeper?")
    assert a.short.startswith("Digital Platforms Act"), a.answer


def test_a_word_a_hyphen_joins_to_a_noun_is_no_apposition(fresh_engine, tmp_path):
    """"On which podcast did Mara Holm say ...?": the sentence says "... podcast, the Oscar-winner said";
    the name right after the noun and a comma was taken to its next mark, a hyphen, and the answer was
    "Oscar"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Stars on tough love", "source": "Celebrity Desk", "published_at": "2023-10-20",
             "body": "Mara Holm has opened up about parenting. Speaking on the Quiet Hours podcast, the Oscar-winner said "
                     "she wants her kids to live with failure a little more."})
    a = fresh_engine.ask("On which podcast did Mara Holm say she wants her kids to live with failure?")
    assert not a.short.startswith("Oscar"), a.answer


def test_a_count_in_words_with_its_noun_is_as_exact_as_one_in_digits(fresh_engine, tmp_path):
    """"How many goals did Pim Oduya have in his first 11 games?": the best sentence says "seven goals";
    a figure in words was taken for a vague one ("billions of dollars"), and a weaker sentence's figure
    in digits was given instead."""
    made_up(fresh_engine, tmp_path,
            {"title": "Oduya's hot start", "source": "Rink Report", "published_at": "2023-11-07",
             "body": "Pim Oduya comes into Tuesday night's action with seven goals and 11 assists in 11 games. "
                     "Oduya, LW, Harbor Kings @ Avalanche — OVER 2.5 shots on goal at -150 in his last outing."})
    a = fresh_engine.ask("How many goals did Pim Oduya of the Harbor Kings have in his first 11 games of the season?")
    assert a.short.startswith("seven goals"), a.answer


def test_an_annual_price_is_the_figure_given_by_the_year(fresh_engine, tmp_path):
    """"How much does an annual Cartly subscription cost?": the sentence gives "orders above $35 for $99
    a year"; a price by the unit of time was preferred only for "per year", and the answer was $35."""
    made_up(fresh_engine, tmp_path,
            {"title": "Grocery delivery compared", "source": "Shop Smart", "published_at": "2023-11-20",
             "body": "An annual Cartly subscription provides unlimited deliveries on orders above $35 for $99 a year, "
                     "though an annual membership is currently going for half off."})
    a = fresh_engine.ask("How much does an annual Cartly subscription cost?")
    assert a.short.startswith("$99 a year"), a.answer


def test_how_far_a_thing_reached_is_the_place_after_as_far_as(fresh_engine, tmp_path):
    """"How far south in England were the lights seen?": the sentence says "sightings have become more
    frequent in the UK, with the lights seen as far south as Wiltshire"; the recognizer took the county for
    an organisation, and the answer was the country the sentence names first."""
    made_up(fresh_engine, tmp_path,
            {"title": "Where to see the aurora", "source": "Sky Watch", "published_at": "2023-11-06",
             "body": "You don’t need to trek far north to see the aurora; sightings have become more frequent in the UK, "
                     "and across England the lights were seen as far south as Wiltshire in February 2023."})
    a = fresh_engine.ask("How far south in England were the northern lights seen in February 2023?")
    assert a.short.startswith("Wiltshire"), a.answer


def test_a_weight_is_answered_by_a_weight_or_not_at_all(fresh_engine, tmp_path):
    """"How much did the alligator weigh?": the article gives its length ("not 10 feet"), no weight, and
    that length was the answer; "How much do the Lumen glasses weigh?" was answered by their price."""
    made_up(fresh_engine, tmp_path,
            {"title": "The party that went wrong", "source": "Tech Gossip", "published_at": "2023-11-02",
             "body": "The first thing that went wrong at the alligator party was the alligator: it was only five and a "
                     "half feet long, not 10 feet, as advertised."},
            {"title": "Lumen glasses review", "source": "Gadget Desk", "published_at": "2023-11-03",
             "body": "The Lumen smart glasses cost $299. They are made of a lightweight acetate weighing 31.5g, and they "
                     "kept slipping down my nose."})
    a = fresh_engine.ask("How much did the alligator at the party weigh?")
    assert a.abstained, a.answer
    a = fresh_engine.ask("How much do the Lumen smart glasses weigh?")
    assert a.short.startswith("31.5"), a.answer


def test_a_claim_the_best_sentence_holds_in_other_words_is_a_yes(fresh_engine, tmp_path):
    """"Did the national mental health organisation Calm Harbor take the Zentrik pixel off its website?": the
    article says "... Calm Harbor removed the Zentrik pixel from its website"; "take" is not said, and a
    verb the evidence does not use made the verdict No, though the sentence holds every other word of the
    claim."""
    made_up(fresh_engine, tmp_path,
            {"title": "Charity drops tracker", "source": "Privacy Watch", "published_at": "2023-10-12",
             "body": "National mental health organisation Calm Harbor removed the Zentrik pixel from its website after "
                     "being alerted to the tracking issue. The charity said it had started a review of its privacy policy."})
    a = fresh_engine.ask("Did the national mental health organisation Calm Harbor take the Zentrik pixel off its website?")
    assert a.answer.startswith("Yes"), a.answer


def test_who_plays_a_part_is_the_name_in_brackets_after_it(fresh_engine, tmp_path):
    """"Which actress plays the title character in Leyla Farzan's film Roya?": the article tells the story
    of "Roya (Nasrin Tavakoli Amiri), an Iranian immigrant ... who leaves her husband Karim (Omid Rahimi)";
    only a name the parse made the verb's object was looked up in brackets, and the answer was the
    husband's part."""
    made_up(fresh_engine, tmp_path,
            {"title": "Roya storms the festivals", "source": "Film Review", "published_at": "2023-10-05",
             "body": "Executive produced by Cate Blanchett, Farzan’s movie tells the story of Roya (Nasrin Tavakoli Amiri), "
                     "an Iranian immigrant in Melbourne who leaves her abusive husband Karim (Omid Rahimi) with her "
                     "daughter Tara (Sana Javadi). Roya is a dramatisation of Leyla Farzan’s early life."})
    a = fresh_engine.ask("Which actress plays the title character in Leyla Farzan's film Roya?")
    assert a.short.startswith("Nasrin Tavakoli Amiri"), a.answer
