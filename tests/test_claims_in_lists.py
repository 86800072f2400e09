"""Answers the natural questions showed missed (sixty-third session), each test on made-up articles with the real
engine (the real model and spaCy) or on the real parse; every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_a_place_among_a_list_of_places_is_where_the_act_is():
    """"Does Simply Homes currently operate in Cleveland, Ohio?" was answered No: "operates in Pittsburgh,
    Pennsylvania and Cleveland, Ohio" was read as putting the act in Pittsburgh alone, another place than the
    claim's; each place of the list the preposition takes is one the act is at."""
    from qa import contrasts

    told = "Currently, Brightwell Homes operates in Dayton, Ohio and Tulsa, Oklahoma."
    assert not contrasts.other_circumstance("Does Brightwell Homes currently operate in Tulsa, Oklahoma?", told)
    assert contrasts.other_circumstance("Does Brightwell Homes currently operate in Boise, Idaho?", told)


def test_a_claim_of_a_place_in_a_list_is_confirmed(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Brightwell Homes raises $20 million",
                "Brightwell Homes, a startup that renovates houses for rent, has raised $20 million. "
                "Currently, Brightwell Homes operates in Dayton, Ohio and Tulsa, Oklahoma. It plans to add two cities next year.")
    a = fresh_engine.ask("Does Brightwell Homes currently operate in Tulsa, Oklahoma?")
    assert a.short.startswith("Yes"), a.answer


def test_what_is_a_persons_role_is_asked_as_who_they_are():
    """"What is Mark Rushbrook's role at Ford?" was answered with a headline that names him: the part a person
    holds at work is who they are, as "Who is Mark Rushbrook?" asks (the apposition beside the name)."""
    from qa.question import read

    q = read("What is Dana Whitfield's role at Apex Motors?")
    assert (q.kind, q.subject) == ("describe", "Dana Whitfield")
    assert read("What was Tom Arkwright's job before the election?").subject == "Tom Arkwright"
    assert read("What is the title of Dana Whitfield's memoir?").kind != "describe"


def test_a_persons_role_is_answered_by_the_apposition(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Dana Whitfield reveals the car fans prefer to buy from Apex Motors",
                "Dana Whitfield reveals the role Apex Motors fans want from Apex. Apex Motors won the championship on Sunday. "
                "In the post-race media conference, Dana Whitfield, the Global "
                "Director for Apex Performance, was asked if the title mattered to the maker. She said it did.")
    a = fresh_engine.ask("What is Dana Whitfield's role at Apex Motors?")
    assert "Global Director for Apex Performance" in a.short, a.answer


def test_a_town_asked_for_is_given_with_the_place_it_lies_in(fresh_engine, tmp_path):
    """"In which town is Eli Roth's slasher film Thanksgiving set?" was answered "Plymouth" where the article
    says "Plymouth, Massachusetts": a town or city asked for by its noun is given as "Where?" gives it, with the
    place written after it; not where the question says it already ("In which Ohio town ...?"), nor a subject
    after a comma ("in Malaga, Australia will face Italy")."""
    one_article(fresh_engine, tmp_path, "A slasher for the holidays",
                "The horror film Gravy Night is set in Dunmore, Pennsylvania, where a killer stalks the town after a "
                "Black Friday riot. Its director grew up nearby.")
    a = fresh_engine.ask("In which town is the horror film Gravy Night set?")
    assert a.short.startswith("Dunmore, Pennsylvania"), a.answer
    a = fresh_engine.ask("In which Pennsylvania town is the horror film Gravy Night set?")
    assert a.short.startswith("Dunmore [") or a.short.startswith("Dunmore."), a.answer


def test_a_subject_after_a_comma_is_no_place_the_name_lies_in():
    from qa import nlp, reader

    text = "Instead, in the Davis Cup final in Malaga, Australia will face an Italy team running hot."
    ents = [(e.start_char, e.end_char, e.label_) for e in nlp.parse(text).ents]
    assert reader.placed(text, "Malaga", ents) == "Malaga"
    text = "The startup is based in Portland, Maine, and rents homes."
    ents = [(e.start_char, e.end_char, e.label_) for e in nlp.parse(text).ents]
    assert reader.placed(text, "Portland", ents) == "Portland, Maine"


def test_a_surname_alone_is_not_the_namesake_the_question_asks_about(fresh_engine, tmp_path):
    """"Who is Jeff Shiffrin?" was answered with a sentence on his daughter's helmet ("which Shiffrin has affixed
    ..."): a surname alone, in a passage that gives it to another ("Mikaela Shiffrin"), is that other's; the
    sentence that names him in full is what the articles say of him."""
    one_article(fresh_engine, tmp_path, "Holt wins again",
                "Dana Holt won the giant slalom on Sunday, her fourth title of the season. “Have fun,” reads the sticker "
                "Holt has affixed to the back of her helmet. Dana Holt is the second child of Ruth and Peter Holt.")
    a = fresh_engine.ask("Who is Peter Holt?")
    assert "Ruth and Peter Holt" in a.answer and "helmet" not in a.answer, a.answer
