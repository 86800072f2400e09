"""Which event a question is about, and the answer the articles give of it: a wh-phrase at the end
of the question, the noun after "which <name>", counts told as "N times", the figures a question
states, a building asked for by its kind, a city that is not a country, a report that came out after
the time the question names, a thing launched with its doer unsaid. Made-up articles through the
real engine (the real model and spaCy), and the pure parts on made-up text."""

from __future__ import annotations

from conftest import made_up, one_article

from qa import asking, clauses, figures, nlp, question, reader, specifiers, verdict


def test_a_wh_phrase_that_ends_the_question_asks_there():
    assert question.read("Vellmark is negotiating to enlarge its rescue loan to how much?").kind == "number"
    assert question.read("The ministers met where?").kind == "place"
    # (a relative wh-word is followed by its clause: the question still asks for a verdict)
    assert question.read("Did the council, which met on Monday, approve the budget?").kind == "yesno"


def test_which_with_a_name_before_its_noun_asks_for_what_the_noun_is():
    q = question.read("Which Michigan All-American guard broke his ankle during the game against Marlow?")
    assert q.kind == "person"
    assert asking.asked_noun("In which city was the Harbour Cup final held?") == "city"
    assert asking.asked_noun("At what stadium did the Hawks play the Rovers?") == "stadium"


def test_how_many_of_an_act_is_answered_by_the_times_it_was_done():
    q = question.read("How many sacks did the Hawks defense record against Daniel Jones?")
    sentence = "In addition to sacking Daniel Jones 11 times, the Hawks defense forced three turnovers."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "11 times"
    other = "The Hawks defense forced three turnovers and scored twice."
    assert figures.number_about(q, other, nlp.entities([other])[0]) is None


def test_the_figures_a_question_states_say_which_sentence_tells_of_its_event(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Hawks rout the Rovers",
                "The Hawks beat the Rovers 24-3 on Monday night. Jon Pell ran for two touchdowns and the Hawks scored "
                "again in the second quarter. Rookie Dan Morrow returned an interception 97 yards for a touchdown in "
                "the third quarter.")
    a = fresh_engine.ask("Which Hawks rookie ran back an interception 97 yards for a touchdown against the Rovers?")
    assert "Dan Morrow" in a.short, a.answer


def test_a_building_is_named_by_its_kind_and_a_city_is_no_country(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Hawks rout the Rovers",
                "The Hawks beat the Rovers 24-3 on Monday night in front of a sold-out crowd. Tom Brack threw "
                "for 300 yards in New Zealand's biggest game of the year. It's a wrap at Corran Stadium, where the "
                "Hawks have now won five straight. The Harbour Cup final will be held in Wellington, New Zealand, "
                "next month.")
    assert "Corran Stadium" in fresh_engine.ask("At what stadium did the Hawks play the Rovers on Monday?").short
    city = fresh_engine.ask("In which city will the Harbour Cup final be held?")
    assert city.short.startswith("Wellington"), city.answer


def test_a_report_after_the_time_the_question_names_answers_it(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Markets calm", "source": "Metro News", "published_at": "2023-10-05",
             "body": "Markets were calm on Thursday as traders waited for the jobs report. Bond yields fell slightly."},
            {"title": "A year of layoffs", "source": "Metro News", "published_at": "2023-12-14",
             "body": "The list of layoffs grew again this year. Vellcorp announced on October 19 that it will cut up to "
                     "14,000 jobs after a sizable dip in its third quarter. Corran Labs cut 200 roles in November."})
    a = fresh_engine.ask("How many jobs did Vellcorp say in October 2023 it would cut?")
    assert not a.abstained and "14,000" in a.short, a.answer


def test_a_phrasal_verb_of_a_general_verb_is_said_in_other_words():
    q = question.read("Will Vellmart take back most unopened items within 90 days of purchase?")
    assert verdict.unsaid(q, "Vellmart will accept most unopened items in new condition within 90 days of purchase.") == []
    # (a verb of content is still a claim of its own)
    q = question.read("Will Vellmart refund most unopened items within 90 days of purchase?")
    assert verdict.unsaid(q, "Vellmart will accept most unopened items in new condition within 90 days of purchase.") == ["refund"]


def test_the_verb_did_supports_is_the_questions_and_a_thing_may_launch_without_its_doer(fresh_engine, tmp_path):
    assert asking.main_verb("In what year did Vellcorp introduce Quick Touch, the accessibility feature that double tap grew out of?") == "introduce"
    sentence = "Quickmap first launched in 2017 as a location-sharing feature."
    launched = next(t for t in nlp.parse(sentence) if t.lower_ == "launched")
    assert clauses.same_participants("When did Vellchat roll out its Quickmap feature?", sentence, launched)
    # (an actor's own act is not the question's act done to it)
    told = "In November, South Korea agreed to extend the pact."
    agreed = next(t for t in nlp.parse(told) if t.lower_ == "agreed")
    assert not clauses.same_participants("When did Japan restore South Korea to its whitelist?", told, agreed)
    one_article(fresh_engine, tmp_path, "Quickmap in the floods",
                "People are turning to Vellchat's Quickmap for firsthand views of the floods. Quickmap first launched in 2017 as a "
                "location-sharing feature that lets users see where their friends post from.")
    # (a feature someone owns is no outlet's piece: no "No ingested article is from Quickmap")
    assert question.read("In what year did Vellchat first roll out its Quickmap location-sharing feature?").unknown_outlet == ""
    assert fresh_engine.ask("In what year did Vellchat first roll out its Quickmap location-sharing feature?").short.startswith("2017")


def test_a_general_verb_with_a_direction_is_said_in_other_words_and_a_names_numbers_are_no_claim():
    q = question.read("Did Vellmart put $4 billion into the AI company Corran?")
    assert verdict.unsaid(q, "Corran accepted a $US4 billion investment from Vellmart.") == []
    # ("make" with a time is still a claim: a field goal missed is not made)
    q = question.read("Did Tom Brack make his 52-yard field goal attempt late in the first half?")
    assert verdict.unsaid(q, "Tom Brack missed a 52-yard field goal attempt late in the first half.") == ["make"]
    claim = question.read("Did Ketel Marte push his hitting streak to 20 games in Game 4 of the 2023 World Series?")
    assert verdict.verdict(claim, [("20-game postseason hitting streak for Ketel Marte, who pushed it again.", 0.6, 0.5)]) == "Yes"
    assert verdict.verdict(claim, [("Ketel Marte pushed his hitting streak to 19 games, a club record.", 0.6, 0.5)]) == "No"


def test_a_role_noun_is_said_by_the_other_words_of_its_first_sense():
    from qa import lexicon

    assert "attorney" in lexicon.noun_synonyms("lawyer")
    assert lexicon.noun_synonyms("zzzz") == frozenset()


def test_a_label_row_under_an_items_name_answers_who_made_it():
    from qa import labels

    text = ("The best new shows on Netflix\n\nCastlevania: Nocturne\n\nCreator: Clive Bradley\n\nCast: Edward Bluemel, Thuso Mbedu\n\n"
            "To say that the follow-up had a lot to live up to would be an understatement.\n\nReservation Dogs\n\nCreator: Sterlin Harjo")
    nouns, verb = labels.asked_labels("Who is the creator of Netflix's animated series Castlevania: Nocturne?")
    assert labels.labelled(nouns, verb, ["Netflix", "Castlevania"], text) == ("Clive Bradley", "Creator: Clive Bradley")
    nouns, verb = labels.asked_labels("Who created Reservation Dogs?")
    assert labels.labelled(nouns, verb, ["Reservation Dogs"], text)[0] == "Sterlin Harjo"
    # (a label of another kind, or an item the question does not name, says nothing)
    assert labels.labelled(*labels.asked_labels("Who is the creator of Andor?"), ["Andor"], text) is None


def test_a_clause_that_says_when_is_not_what_happened_and_a_sum_measures_what_the_sentence_names():
    q = question.read("How much did Vellcorp offer when it bought the London AI lab Corran?")
    assert asking.predicate_terms(q) == {"offer"}
    # ("before X" is where a length is measured from: it stays)
    assert "expir" in asking.predicate_terms(question.read("How long before the pact expired did Seoul reverse its decision?"))
    q = question.read("How much venture capital had the startup Vellchat raised?")
    sentence = "However, Vellchat also has venture capital to lean on, with $16 million raised to date through its Series A."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "$16 million"


def test_in_what_year_is_answered_by_a_year():
    q = question.read("In what year did Vellcorp first sell its Quickmap feature?")
    sentence = "Vellcorp became the first company to reach 1,000 yards in a season, and its Quickmap went on sale in April 2020."
    assert reader.candidates(q, sentence, nlp.entities([sentence])[0]) == ["April 2020"]
    # ("When ...?" may be answered by any time)
    assert "a season" in reader.candidates(question.read("When did Vellcorp first sell Quickmap?"), sentence, nlp.entities([sentence])[0])


def test_counts_the_recognizer_misses_and_counts_by_a_lowercase_subject():
    q = question.read("How many employees did the car company Vellcorp say it was laying off?")
    sentence = "In an email, the embattled car company is cutting 900 employees, or 24% of its workforce."
    ents = [e for e in nlp.entities([sentence])[0] if sentence[e[0]:e[1]] != "900"]  # (as if the recognizer missed it)
    assert figures.number_about(q, sentence, ents) == "900 employees"
    # ("the folk hero quarterback" is no other named subject, though the small tagger calls it a proper noun)
    q = question.read("How many interceptions did Vikings quarterback Joshua Dobbs throw in the loss to the Bears?")
    sentence = "The folk hero quarterback threw four interceptions in the Vikings' 12-10 loss to the Bears."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "four interceptions"
    # (players are counted by a noun of a person: "golfers")
    q = question.read("How many LIV Golf players average more than 300 yards off the tee?")
    sentence = "As of this year, 28 of 48 LIV golfers average over 300 yards driving distance."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "28"


def test_how_many_people_is_answered_by_a_count_of_residents(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Corran under blockade",
                "Vellmark stopped allowing deliveries of food, fuel and other supplies to Corran's 2.3 million residents "
                "on Oct. 10. While Vellmark has granted permits to about 17,000 Corran residents to enter and work in "
                "Vellmark, the supplies it allows in have been severely limited.")
    a = fresh_engine.ask("Roughly how many people live in Corran, which Vellmark cut off from food, fuel and supplies?")
    assert a.short.startswith("2.3 million"), a.answer


def test_the_name_set_beside_the_whole_noun_phrase_asked_is_the_answer(fresh_engine, tmp_path):
    assert asking.asked_phrase("Which high-frequency trading firm did Tom Brack work at?") == {"high", "frequenc", "trade", "firm"}
    sentence = "And after Brack left Corran Street, the high-frequency trading firm where the former billionaire got his start in finance after college, he persuaded Morrow to join him."
    assert clauses.called("firm", sentence, {"high", "frequenc", "trade", "firm"})[0] == "Corran Street"
    assert clauses.called("firm", sentence, {"law", "firm"}) is None
    one_article(fresh_engine, tmp_path, "The trader's rise",
                "Tom Brack studied physics at Halden University. And after Brack left Corran Street, the high-frequency "
                "trading firm where the former billionaire got his start in finance, he persuaded Dan Morrow to join him "
                "as a trader at Vellcorp and then at Marlow Capital.")
    assert fresh_engine.ask("Which high-frequency trading firm did Tom Brack work at after Halden University?").short.startswith("Corran Street")


def test_what_is_a_thing_called_is_answered_by_the_name_a_sentence_gives_it():
    q = question.read("What is Vellcorp's warehouse robot called?")
    assert (q.kind, q.focus) == ("other", "robot")
    assert question.read("What is the name of Corran's browser extension for tracking prices?").focus == "extension"
    assert specifiers.specifier("robot", "Vellcorp's CEO said the warehouse robot, Digit, will ship next year.", q.text) == "Digit"
    told = 'It is no accident that the pastor\'s new book, his second, is called "The Power of the Second Thought."'
    assert specifiers.specifier("book", told, "What is Pastor Tom Brack's new book called?") == "The Power of the Second Thought"


def test_what_a_thing_is_called_is_a_name():
    assert question.asks_name("What is the intelligence pact called?")
    assert question.asks_name("What is the name of Corran's browser extension?")
    assert not question.asks_name("What is the name of her father?")  # (a person: see the person questions)
    assert not question.asks_name("Which exports did Japan restrict?")


def test_a_place_that_qualifies_a_person_is_where_the_person_is_from_when_that_is_asked():
    from qa import circumstances

    assert circumstances.asks_origin("A woman from which U.S. state sued Vellcorp?")
    assert circumstances.asks_origin("Where is Tom Brack from?")
    assert not circumstances.asks_origin("Where did Kang speak?")
    assert circumstances.place_role("In August, a Louisiana woman sued Vellcorp.", "Louisiana") == "origin"
    assert circumstances.place_role("The talks were held in Oslo.", "Oslo") == "at"
