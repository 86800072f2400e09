"""Answers the natural questions showed missed (sixtieth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_money_named_by_a_kind_of_possession_is_a_sum(fresh_engine, tmp_path):
    """"How much prize money will the champion get?" abstained on "The Champion will receive $25 million": the word
    before "money" had to be said too, as "venture" of "venture capital" must; a prize, like a fee or a salary, is
    itself a possession, so a sum of money is what is asked."""
    one_article(fresh_engine, tmp_path, "Tour raises its bonus pool",
                "The Harlow Tour announced its new bonus pool on Tuesday. The 2024 Harlow Cup Champion will receive "
                "$25 million. Players welcomed the change.")
    a = fresh_engine.ask("How much prize money will the 2024 Harlow Cup champion get?")
    assert a.short.startswith("$25 million"), a.answer



def test_a_name_taken_for_a_product_is_the_person_named_elsewhere():
    """"Which Chelsea player scored the penalty ...?" was answered with the referee: in "awarded Chelsea a penalty,
    which Cole Palmer dispatched" the recognizer (the real spaCy model) takes "Cole Palmer" for a product, though
    another sentence calls him a person, so his vote there was lost; a whole name is now read one way through the
    sentences, as an organisation's already was."""
    from qa import nlp, reader

    texts = ["Cole Palmer levels for Chelsea as Cristian Romero sees red!",
             "After a few looks, Oliver produced a straight red card for Romero's tackle and awarded Chelsea a penalty, "
             "which Cole Palmer dispatched to even the scoreline at 1-1."]
    ents = nlp.entities(texts)
    assert [label for a, b, label in ents[1] if texts[1][a:b] == "Cole Palmer"] == ["PRODUCT"]  # (the recognizer's slip)
    read = reader.one_sense(texts, ents)
    assert [label for a, b, label in read[1] if texts[1][a:b] == "Cole Palmer"] == ["PERSON"]


def test_a_title_in_capitals_parts_an_organisation_from_the_person(fresh_engine, tmp_path):
    """"Who is the Spotify CFO who told investors ...?" abstained: the recognizer took "CFO Paul Vogel" (and "Kick CEO
    Eddie Craven") for one organisation, so no person was named; a title WordNet gives a person, in capitals,
    before a name whose first word is no common English word, parts them."""
    one_article(fresh_engine, tmp_path, "Streamo's quarter",
                "Streamo reported its third-quarter results on Tuesday. In a call with investors, CFO Paul Vogel said "
                "that after being a real drag on profit margins in the past, podcasting will soon break even and turn "
                "toward profitability. Subscribers rose to 220 million.")
    a = fresh_engine.ask("Who is the Streamo CFO who told investors that podcasting would soon break even?")
    assert a.short.startswith("Paul Vogel"), a.answer
    from qa import nlp

    text = "The platform has ties to a crypto gambling site also owned by Kick CEO Eddie Craven."
    assert [(text[a:b], label) for a, b, label in nlp.mend(text, nlp.entities([text])[0])][-2:] == [
        ("Kick", "ORG"), ("Eddie Craven", "PERSON")]


def test_the_person_a_team_names_in_the_possessive_is_its_own(fresh_engine, tmp_path):
    """"Who was the Diamondbacks' probable starting pitcher?" was answered with the Rangers' pitcher: the recognizer
    ran "the Diamondbacks’ Brandon Pfaadt" into one organisation, so he was no person, and took no entity for
    "Rangers’", so Max Scherzer was no other team's; a possessive organisation now parts from the person after it,
    and a capitalised possessor it left out is a team's or a body's."""
    one_article(fresh_engine, tmp_path, "World Series: Game 3 preview",
                "The World Series heads to Arizona for Monday’s Game 3 where Rangers’ Max Scherzer and the Diamondbacks’ "
                "Brandon Pfaadt are currently penciled in as the probable starters. Tickets sold out within an hour.")
    a = fresh_engine.ask("Who was the Arizona Diamondbacks' probable starting pitcher for Game 3 of the World Series?")
    assert a.short.startswith("Brandon Pfaadt"), a.answer


def test_a_place_taken_for_a_team_after_in_is_a_place(fresh_engine, tmp_path):
    """"In which city did India beat Kenya in the 2003 semi-final?" was answered with another city, or only with the
    sentence: the recognizer took "Durban" of "the last-four stage match in Durban" for an organisation (a team, as
    a city's name may be); after "in" or "at", a one-word name whose first WordNet sense is a place is one."""
    one_article(fresh_engine, tmp_path, "India's World Cup semi-finals",
                "India have reached the Cricket World Cup final three times. In 2003, India were playing underdogs Kenya "
                "in the last-four stage match in Durban on March 20. Sourav Ganguly scored a century in that game.")
    a = fresh_engine.ask("In which city did India beat Kenya in the 2003 Cricket World Cup semi-final?")
    assert a.short.startswith("Durban"), a.answer
