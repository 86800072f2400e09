"""What a thing is called and which figure is asked: "What is the bet called?" by the term a sentence
introduces ("termed “game handicap”"), the figure that is not the question's own nor a name's
number, the place of the question's act that the recognizer took for an organisation, the object
of the verb done by a subject followed by a place, a role's holder the recognizer misread, a
publisher that is no outlet ("FTX's feature", "an article by a lawyer"), and a verdict from a
word's WordNet opposite. Made-up articles through the real engine (the real model and spaCy),
and the pure parts on made-up text."""

from __future__ import annotations

from conftest import one_article

from qa import asking, doers, figures, nlp, question, reader, specifiers, verdict


def test_a_naming_question_asks_for_a_name_however_it_is_parsed():
    for q in ("In darts betting on legs, what is the bet called?", "What are First 3 Frames bets in snooker betting also called?",
              "What is the term for changes in the odds after bookmakers have set them?"):
        read = question.read(q)
        assert read.kind == "other" and read.focus, (q, read)
        assert question.asks_name(q), q
    # (what someone called something is what they said)
    assert question.read("What did Mayor Hale call the new budget?").kind == "statement"


def test_a_term_is_the_quoted_words_a_verb_of_naming_introduces():
    q = "In darts betting on legs, what is the bet called?"
    assert specifiers.quoted_term('At darts betting sites, handicaps are usually set on legs, termed "leg handicap" or "set handicap."', q) == "leg handicap"
    assert specifiers.quoted_term("Such shifts are commonly referred to as “line drift.”", "What is the term for changes in the odds?") == "line drift"
    # (words in quotation marks are more often what someone said)
    assert specifiers.quoted_term("Fans said her new single sounded “better” than the last.", "What is her swimwear line called?") is None


def test_the_term_answers_what_the_bet_is_called(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Darts betting explained",
                "Darts betting has grown quickly across Europe this year. At darts betting sites, handicap betting is "
                'usually based on legs or sets, termed "leg handicap" or "set handicap." Bettors also back players to '
                "hit the most maximums in a match.")
    a = fresh_engine.ask("In darts betting based on legs, what is the bet called?")
    assert a.short.startswith("leg handicap"), a.answer


def test_a_figure_the_question_gives_or_a_names_number_is_not_the_answer():
    q = question.read("What is the price of the 2TB Limited Edition Pocket Deck with a smoked shell?")
    sentence = "For a limited time, Vale will offer a special edition 2 TB Pocket Deck made with a smoked shell for $729."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "$729"
    q = question.read("How big is the Pocket Deck OLED's screen?")
    sentence = "The first thing to know about the Pocket Deck OLED is that it is not the Pocket Deck 2."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) is None


def test_how_and_an_adjective_of_measure_asks_for_a_figure():
    assert question.read("How tall is Spurs rookie Victor Wembanyama?").kind == "number"
    assert question.read("How heavy is the new Pocket Deck?").kind == "number"
    assert question.read("How did the Spurs rookie play on Sunday?").kind == "process"


def test_a_noun_of_place_asks_for_a_place():
    assert question.read("What is boxer Liam Paro's hometown?").kind == "place"
    assert question.read("What is Liam Paro's nickname?").kind != "place"


def test_the_progressive_verb_is_the_questions_act():
    assert asking.main_verb("Where is Reliance Industries building its 5,000-acre green energy complex?") == "building"
    q = question.read("Where is Ardent Energy building its 4,000-acre solar complex?")
    sentence = "At Kelmar, it is building a solar complex spread over 4,000 acres of land, the company said."
    assert "Kelmar" in reader.candidates(q, sentence, [(3, 9, "ORG")])


def test_the_place_of_the_act_answers_where_it_is_done(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ardent Energy bets on solar",
                "The stock of Canada's most valued utility, Ardent Energy, has doubled over the last six years. "
                "At Kelmar, it is building a solar complex spread over 4,000 acres of land which, according to the "
                "company, will be among the largest in the world. Analysts expect the project to pay off by 2030.")
    a = fresh_engine.ask("Where is Ardent Energy building its 4,000-acre solar complex?")
    assert a.short.startswith("Kelmar"), a.answer


def test_the_object_asked_ends_at_the_subject_before_a_place():
    assert doers.object_asked("Which boxer does Liam Paro face in San Francisco on December 9?") == ("Liam Paro", "face")
    assert doers.object_asked("Which team must Canada beat to qualify?") == ("Canada", "beat")
    sentence = "Now back fit again, Paro faces Ohio's Montana Love in San Francisco on December 9 on the undercard."
    assert doers.object_of("Which boxer does Liam Paro face in San Francisco on December 9?", sentence) == "Montana Love"


def test_a_role_holder_the_recognizer_misread_is_found_by_the_description(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "A fund for every dream",
                "In this article we argue for a national education fund. When Isidro Consunji, President of DMCI "
                "Holdings, Inc. was asked by his officers what the role of his Chief Financial Officer would be, he "
                "gave a three-word answer, “Fund my dreams.” Likewise the fund would pay for the dreams of students.")
    a = fresh_engine.ask("Which DMCI Holdings president answered “Fund my dreams” when asked what the role of his Chief Financial Officer would be?")
    assert a.short.startswith("Isidro Consunji"), a.answer


def test_a_things_feature_and_a_persons_article_name_no_publisher():
    assert question.read("Was Ledger's 'allow_negative' feature switched on in 2019?").unknown_outlet == ""
    assert question.read("Which publication removed an opinion article by lawyer Megan Gray about search ads?").unknown_outlet == ""
    assert question.read("What did a New York Times article say about the strike?").unknown_outlet == "New York Times"


def test_a_words_opposite_says_no():
    q = "Will Costco stores in the US be open on Thanksgiving Day?"
    sentence = "All Costco stores in the US will be closed on Thanksgiving Day, as noted by the retailer's site."
    assert verdict.opposed(q, 0, len(q), [sentence])
    assert verdict.verdict(question.read(q), [(sentence, 0.8, 0.8)]) == "No"
    assert verdict.verdict(question.read(q), [("All Costco stores in the US will be open on Thanksgiving Day.", 0.8, 0.8)]) == "Yes"


def test_the_magazine_someone_told_is_the_one_the_text_names(fresh_engine, tmp_path):
    assert question.read("Which magazine did a Brewhouse spokesperson tell that its cafes would be open on Thanksgiving?").kind == "organization"
    assert question.read("Which newspaper reported that Brewhouse cafes would be open on Thanksgiving?").kind == "outlet"
    one_article(fresh_engine, tmp_path, "Which cafes open on Thanksgiving",
                "Many chains will close for the holiday this year. Earlier this month, a spokesperson for Brewhouse "
                "told Home Living that its cafes will be open on Thanksgiving Day. Opening hours will vary by location.")
    a = fresh_engine.ask("Which magazine did a Brewhouse spokesperson tell that its cafes would be open on Thanksgiving Day?")
    assert a.short.startswith("Home Living"), a.answer


def test_whose_asks_for_the_owner_the_sentence_gives():
    assert doers.whose_asked("Whose record of 30 goals for Hamburg is Harry Kane chasing?") == "record"
    sentence = "He is on course to score the most goals in a debut campaign as he hunts down Uwe Seeler's record of 30 for Hamburg."
    assert doers.owner_of("record", sentence) == "Uwe Seeler"
    assert doers.owner_of("record", "He set a club record of 30 goals.") is None


def test_the_title_of_a_work_is_its_name():
    assert question.asks_name("What is the title of Jada Pinkett Smith's 2023 memoir?")
    assert question.read("What is the title of Jada Pinkett Smith's 2023 memoir?").focus == "memoir"


def test_a_count_is_of_its_own_noun_in_a_list_of_counts():
    q = question.read("How many flu-related deaths does the CDC estimate occurred during the 2021-2022 season?")
    assert q.focus == "death"
    sentence = ("During the 2021-2022 influenza season, the CDC estimates that there were nine million illnesses, four "
                "million medical visits, 10,000 hospitalizations and 5,000 deaths related to the flu.")
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "5,000 deaths"


def test_a_light_verbs_object_is_the_claim():
    q = question.read("Was Liam Paro's cancelled fight against Robbie Davies Jnr set to take place in Liverpool?")
    sentence = "He was lined up to face Robbie Davies Jnr in a headline slot in Liverpool in March before a scan found a fracture."
    assert verdict.unsaid(q, sentence) == []
    assert verdict.verdict(q, [(sentence, 0.7, 0.7)]) == "Yes"


def test_another_maker_of_the_same_thing_says_no():
    q = "Is the Alzheimer's drug donanemab produced by Eisai?"
    sentence = ("Lecanemab, which is produced by Japanese pharmaceutical company Eisai, and donanemab, produced by Eli "
                "Lilly of the US, are the first medicines to achieve this aim.")
    assert verdict.other_maker(q, sentence)
    assert not verdict.other_maker("Is lecanemab produced by Eisai?", sentence)


def test_have_to_is_a_modal_before_the_questions_verb():
    assert asking.main_verb("Which phone maker had to cancel a deal with Epic Games?") == "cancel"
    assert asking.main_verb("Which phone maker had a deal with Epic Games?") == ""


def test_which_asks_for_the_doer_of_the_act_the_questions_figures_mark(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Hawks collapse in Capital City",
                "The Hawks are 8-10 after Tuesday's collapse against the Kings in Capital City. Stefan Carrey scored 31 "
                "points for the Hawks. Carrey passed the ball straight to Malik Monroe, and Monroe scored five points in "
                "the final 37 seconds to send the Hawks home. Carrey said the team would learn from it.")
    a = fresh_engine.ask("Which Kings player scored five points in the final 37 seconds to beat the Hawks in Capital City?")
    assert a.short.startswith("Malik Monroe"), a.answer


def test_whose_by_of_when_the_noun_has_a_possessor():
    sentence = "Vincent Namatjira with his Archibald-prize-winning portrait of Adam Goodes, titled Stand Strong."
    assert doers.owner_of("portrait", sentence) == "Adam Goodes"
    assert doers.owner_of("portrait", "A portrait of Adam Goodes hangs in the hall.") is None  # (no possessor: whose is not said)


def test_a_pronoun_sentence_in_a_passage_about_the_person_answers(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Paro ready for Love",
                "Australian boxer Liam Paro says he has no time for schoolyard drama after a sparring clip leaked online. "
                "He was lined up to face Robbie Dale in Leeds in March before a scan found a facial fracture. After that "
                "disappointment, the 27-year-old secured a long-awaited world title shot against Regis Pratt in New "
                "Orleans. This time it was an Achilles tendon issue which forced him to withdraw, sidelining him for "
                "months. Now back fit again, Paro faces Montana Love in San Francisco.")
    a = fresh_engine.ask("What injury forced Liam Paro to withdraw from his world title fight?")
    assert "Achilles" in a.answer.split("[1]")[0], a.answer


def test_a_verb_is_said_by_the_noun_wordnet_derives_from_it():
    from qa import lexicon
    assert "appearance" in lexicon.derived_nouns("appear")
    assert "producer" in lexicon.derived_nouns("produce")
    q = question.read("Did Stephen Kane appear in the horror anthology Nightshow?")
    assert "appear" not in " ".join(verdict.unsaid(q, "Stephen Kane makes a brief appearance in the horror anthology Nightshow."))


def test_the_source_according_to_is_who_said_it():
    from qa import speakers
    sentence = "The Vikings have officially ruled him out, according to NFL Network's Tom Pelissero."
    assert speakers.according_to(sentence) == ("Tom Pelissero", "NFL Network")
    assert speakers.according_to("The Vikings have ruled him out, the team said.") is None


def test_a_count_the_question_gives_in_words_is_not_the_answer():
    q = question.read("How many tries had wing Damien Penn scored in total after his two tries against Italy?")
    sentence = "Damien Penn scored two tries against Italy in Lyon on Friday night."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) is None
    sentence = "Damien Penn now has 35 tries for France, three behind the record."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "35 tries"
