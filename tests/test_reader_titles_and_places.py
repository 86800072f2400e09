"""Faults that fresh questions showed (thirtieth session): a name does not run over a sentence's end
("work.″ Credit", which the recognizer took for a person); "Where?" is answered by the place with the
place it lies in written after it ("Wayne County, Michigan"), never by two items of a list; a
title right before a name ("Senator Mark Warner", "prosecutor Danielle Sassoon"), which no description
holds, says who has it, of the owner the question asks about ("Which Virginia senator?" is not
answered by "Celtic defender X" for "Which Liverpool defender?"); a law firm a sentence about someone
else describes is not the one a better sentence gives for the person asked about; "come" and "go"
tell one movement from two sides, no opposites; a name's digits ("the 49ers") are no figure that
could contradict a claim's score; "Where does X work as a professor?" is answered by the organisation
the sentence puts "at" that noun ("a professor ... at the University of Southampton"); "Which law ...?"
by a name the recognizer labels a law ("the Defense Production Act"), by its own label's definition;
and a body part's owner is given by "of" ("the liver of Olivia Swedberg"), a portrait's is not.
Pure parts on made-up text, and the real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import one_article

from qa import doers, nlp, question, reader, speakers, verdict


def _ents(sentence: str) -> list[nlp.Entity]:
    return nlp.entities([sentence])[0]


def test_a_name_does_not_run_over_a_sentence_s_end():
    q = question.read("Who was the subject of Tyler Mitchell's first magazine cover?")
    sentence = "It is exciting to have a new conversation with my work.″ Credit: Courtesy of the artist and Jack Shainman Gallery."
    start = sentence.index("work")
    found = reader.candidates(q, sentence, [(start, start + len("work.″ Credit"), "PERSON")])
    assert found == [], found
    # (an abbreviation's full stop is capitalised and stays: "Mrs. Ng")
    sentence = "The cover starred Mrs. Ng, a teacher from Leeds."
    start = sentence.index("Mrs.")
    assert reader.candidates(q, sentence, [(start, start + len("Mrs. Ng"), "PERSON")]) == ["Mrs. Ng"]


def test_a_place_with_the_place_it_lies_in_after_it():
    sentence = "Biden stood alongside striking UAW members in Wayne County, Michigan."
    assert reader.placed(sentence, "Wayne County", _ents(sentence)) == "Wayne County, Michigan"
    sentence = "She took a documentary course in Havana, Cuba, which drew her to still photography."
    assert reader.placed(sentence, "Havana", _ents(sentence)) == "Havana, Cuba"
    # (a list of places is no place within another; nor does a country lie within the next)
    sentence = "The tour stops in Berlin, Munich, Hamburg and Cologne."
    assert reader.placed(sentence, "Berlin", _ents(sentence)) == "Berlin"
    sentence = "The team played friendlies against Germany, Ghana."
    assert reader.placed(sentence, "Germany", _ents(sentence)) == "Germany"


def test_a_title_before_the_name_is_of_the_owner_asked():
    q = question.read("Which Liverpool defender was ruled out with a shoulder injury?")
    assert not reader_titled("defender", q, "Celtic defender Cameron Carter-Vickers was ruled out with a knee injury.", "Cameron Carter-Vickers")
    assert reader_titled("defender", q, "Liverpool defender Andy Robertson was ruled out with a shoulder injury.", "Andy Robertson")
    q = question.read("Which Virginia senator said he was impressed by the breadth of the order?")
    assert reader_titled("senator", q, "Senator Mark Warner of Virginia said he was impressed by the breadth of the order.", "Mark Warner")
    q = question.read("Which prosecutor cross-examined the founder?")
    assert reader_titled("prosecutor", q, "On Monday prosecutor Danielle Sassoon cross-examined the founder.", "Danielle Sassoon")


def reader_titled(noun: str, q, sentence: str, name: str) -> bool:
    return speakers.titled_before(noun, speakers.owner(noun, q.text) or set(), sentence, name)


def test_another_s_law_firm_is_no_answer_after_the_person_s_own(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Lawyers weigh in on the crypto trial",
                "Bob Cattanach, partner at legal mega-firm Dorsey and Whitney, added that the timing feels slightly off. "
                "Christopher LaVigne, a partner at the law firm Withers, says the second part is where the drama is likely "
                "to come.")
    a = fresh_engine.ask("Which law firm is Bob Cattanach a partner at?")
    assert a.short.startswith("Dorsey and Whitney"), a.answer


def test_come_and_go_are_no_opposites():
    claim = "Were the Seattle Seahawks on a losing streak going into the game against the Eagles?"
    assert not verdict.opposed(claim, 0, len(claim), ["The Eagles and Seahawks come into this game on troubling losing streaks."])
    # (opposites still are: "successful" against "unsuccessful")
    claim = "Did the Seahawks have a successful penalty kill?"
    assert verdict.opposed(claim, 0, len(claim), ["The Seahawks had an unsuccessful penalty kill."])


def test_a_name_s_digits_are_no_figure_of_the_claim():
    q = question.read("Did the San Francisco 49ers beat the Philadelphia Eagles 42-19 in their championship rematch?")
    support = [("He carried on his form to the postseason, leading the 49ers to a championship game against the Philadelphia Eagles.", 0.68, 0.46),
               ("The fiery championship game rematch also featured touchdowns on straight possessions and a pair of ejections.", 0.72, 0.40),
               ("Brock Purdy threw for 314 yards in the San Francisco 49ers’ 42-19 win over Philadelphia on Sunday.", 0.49, 0.62)]
    assert verdict.verdict(q, support) != "No"


def test_where_one_works_as_a_noun_is_the_organisation_at_that_noun():
    q = question.read("Where does ocean explorer Jon Copley work as a professor?")
    sentence = ("As a professor of ocean exploration and science communication at the University of Southampton in the U.K., "
                "Copley dedicates much of his time to the deep sea.")
    assert "University of Southampton" in " ".join(reader.candidates(q, sentence, _ents(sentence)))


def test_which_law_is_a_name_the_recognizer_labels_a_law(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "The order on artificial intelligence",
                "The administration announced the details of a long-awaited executive order on artificial intelligence. "
                "By leveraging the Defense Production Act, the order will require that companies developing any risky "
                "foundation model must notify the federal government when training the model.")
    a = fresh_engine.ask("Which law does the executive order use to make developers of risky foundation models notify the government?")
    assert a.short.startswith("Defense Production Act"), a.answer


def test_a_body_part_s_owner_is_given_by_of():
    assert doers.owner_of("liver", "In July, little Lucas received the liver of 3-year-old Olivia Swedberg, who had died a day earlier.") \
        == "Olivia Swedberg"
    # (a picture of someone is not theirs)
    assert doers.owner_of("portrait", "The gallery bought a portrait of Adam Goodes by a young painter.") is None
