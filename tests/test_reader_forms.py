"""Forms of questions and of figures a reader meets in news: a wh-phrase fronted with its
preposition, "What was the score?", scores and prices as tables set them, a named thing that is
not the answer, the doer of an act told through a verb of saying, counts in words and "failed to".
Made-up articles through the real engine (the real model and spaCy), and the pure parts on
made-up text."""

from __future__ import annotations

from conftest import one_article

from qa import asking, circumstances, clauses, figures, nlp, question, reader, speakers, specifiers, verdict, when


def _ents(sentence: str, *spans: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Entities as the recognizer gives them, placed by their text (to test what is made of them)."""
    return [(sentence.index(text), sentence.index(text) + len(text), label) for text, label in spans]


def test_a_wh_phrase_fronted_with_its_preposition_still_asks():
    q = question.read("By how many points is Georgia favored over Alabama in the title game?")
    assert q.kind == "number", q
    assert question.read("To whom did the minister send the letter?").kind == "person"


def test_what_was_the_noun_asks_for_what_its_noun_names():
    assert question.read("What was the final score of the Harbour Cup final?").kind == "number"
    assert question.read("What is the price of the new glasses?").kind == "number"
    assert question.read("What was the date of the summit?").kind == "date"


def test_a_price_and_a_score_are_taken_whole():
    q = question.read("How much do the Lumen smart glasses cost?")
    table = "Lumen Smart Glasses $ 299 The Good Improved photo quality"
    assert reader.candidates(q, table, _ents(table, ("299", "MONEY"))) == ["$ 299"]
    score = question.read("What was the final score of the Harbour Cup final?")
    sentence = "The Rovers turned in a dominant effort en route to a 24-3 win over the Lions."
    assert figures.number_about(score, sentence, _ents(sentence, ("24", "CARDINAL"))) == "24-3"


def test_a_bare_unit_of_time_is_no_date_and_the_named_thing_no_answer():
    when_q = question.read("When did Norland win its first Harbour Cup?")
    row = "Country Harbour Cup titles Years won Norland 2 1983"
    assert reader.candidates(when_q, row, _ents(row, ("Years", "DATE"), ("1983", "DATE"))) == ["1983"]
    which = question.read("Which team won the first Norland Harbour Cup?")
    sentence = "The ICC Norland Harbour Cup 2023 was the tenth, and the Marlow Rovers won the first tournament."
    found = reader.candidates(which, sentence, _ents(sentence, ("ICC Norland Harbour Cup 2023", "ORG"), ("the Marlow Rovers", "ORG")))
    assert found == ["the Marlow Rovers"]


def test_an_act_begun_by_its_noun_has_the_date_of_the_beginning():
    sentence = "Cranberry cultivation began in 1816 in Massachusetts, where a veteran covered the bogs with sand."
    assert when.governed_by("cultivation", sentence, "1816")
    assert not when.governed_by("cultivation", "The veteran was born in 1790 and fought in the war.", "1790")


def test_the_doer_of_an_act_told_through_a_verb_of_saying():
    assert asking.reported_act("Who did witnesses say started the fire?") == "start"
    assert asking.reported_act("Who did witnesses say they saw?") == ""
    assert asking.reported_act("Who said the pact would end?") == ""


def test_which_team_did_it_and_who_a_chatbot_said_did_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Harbour Cup history and a chatbot's mistakes",
                "The Harbour Cup began in 1975 with eight teams from four towns. "
                "The Marlow Rovers won the first Harbour Cup, beating the Kessington Lions in the final. "
                "The Kessington Lions won the Harbour Cup in 1979, 1983 and 1987, and the Kessington Lions hosted the final twice. "
                "Asked about the film awards, the chatbot Parrot was wrong again. "
                "Note that Parrot claims incorrectly that Dana Whitlow won Best Actor last year, not Morgan Pell, the actual winner.")
    team = fresh_engine.ask("Which team won the first Harbour Cup?")
    assert team.short.startswith("Marlow Rovers"), team.answer
    said = fresh_engine.ask("Who did Parrot wrongly say won Best Actor last year?")
    assert said.short.startswith("Dana Whitlow"), said.answer


def test_a_count_in_words_and_a_failure_to_act_say_no(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Family life and a poor season",
                "Dara Quell and Tomas Brek have been married since 2015 and share two children, a daughter and a son. "
                "The couple live in Harbourside with their dogs. "
                "The Harbourside Hawks failed to make the playoffs this season, despite the league's largest budget.")
    kids = fresh_engine.ask("Does Dara Quell have three children with Tomas Brek?")
    assert kids.short.startswith("No"), kids.answer
    playoffs = fresh_engine.ask("Did the Harbourside Hawks make the playoffs this season?")
    assert playoffs.short.startswith("No"), playoffs.answer


def test_failed_denies_only_what_it_did_not_do():
    q = question.read("Did the Hawks make the playoffs?")
    assert verdict.denies(q, "The Hawks failed to make the playoffs.")
    assert not verdict.denies(q, "The Hawks made the playoffs after their rivals failed to win.")


def test_where_a_game_is_played_is_the_venue_the_sentence_puts_it_at():
    q = "Where is the 2023 Harbour championship game between Marlow and Kessington being played?"
    sentence = "The Rovers are 5.5-point favorites against Kessington in the Harbour championship game at Quayside Arena in Norport."
    found = circumstances.located(q, sentence, _ents(sentence, ("Kessington", "GPE"), ("Quayside Arena", "ORG"), ("Norport", "GPE")))
    assert found[:1] == ["Quayside Arena"], found
    assert circumstances.located(q, "Kessington beat Marlow in Norport last year.", _ents("Kessington beat Marlow in Norport last year.", ("Norport", "GPE"))) == []


def test_the_doer_of_the_same_thing_in_other_words():
    q = "Which state grows about 60% of the US cranberry harvest?"
    assert clauses.doer_of_object(q, "Today, Wisconsin produces roughly 60% of the U.S. cranberry harvest, followed by Oregon.") == "Wisconsin"
    assert clauses.doer_of_object(q, "Today, Wisconsin produces roughly 60% of the country's butter.") is None


def test_a_figure_of_the_asked_act_before_one_that_only_shares_its_nouns(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Graduates and their loans",
                "Marisa Dunmore, 26, has approximately $145,000 in student loan debt from two degrees. "
                "Because all of her money is going to necessities, Dunmore rarely eats out. "
                "Since the payment pause ended in October, she has been paying back $300 a month on her student loans.")
    a = fresh_engine.ask("How much is Marisa Dunmore paying each month on her student loans?")
    assert a.short.startswith("$300"), a.answer


def test_a_phrase_that_opens_the_sentence_is_no_description_of_the_name_after_it():
    sentence = "In the post-race media conference, Mark Rushford, the Global Director for Ford Performance, was asked about sales."
    assert reader.describe("Mark Rushford", sentence) == "the Global Director for Ford Performance"
    assert reader.describe("Toshimitsu Motegi", "Kang held talks with her Japanese counterpart, Toshimitsu Motegi, on Friday.") == "her Japanese counterpart"


def test_how_far_in_a_direction_asks_for_a_place_and_a_hyphenated_claim_is_one_word():
    assert question.read("How far south were the northern lights seen last week?").kind == "place"
    assert question.read("How far did the missile fly?").kind == "number"
    q = question.read("Is combat in Rogue Trader turn-based?")
    assert verdict.unsaid(q, "In Rogue Trader, combat is turn-based and takes place on a grid.") == []
    assert verdict.unsaid(q, "Rogue Trader is a dense, vast game based on the 40K canon.") == ["turn-based"]


def test_a_figure_of_another_named_person_is_no_answer_however_the_question_is_parsed(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Graduates and their debts",
                "For Nicola Brannagh and her family, Christmas is the time of year for gift giving. "
                "This year, however, Brannagh is worried about how much she can afford to spend on gifts. "
                "Marisa Dunmore, 26, has approximately $145,000 in student loan debt from both her degrees.")
    a = fresh_engine.ask("How much student loan debt does Nicola Brannagh owe?")
    assert "$145,000" not in a.short, a.answer


def test_a_sentence_that_restates_a_why_question_does_not_answer_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "The Harbour Lights concert film",
                "Harbour Lights: The Tour tickets are $19.73 for adults. "
                "The film, directed by Sam Wrenfield, brings the tour to cinemas in forty countries. "
                "Adult tickets are being sold for $19.73, a reference to the year the band formed and its first album.")
    a = fresh_engine.ask("Why are adult tickets for the Harbour Lights tour film priced at $19.73?")
    assert "the year the band formed" in a.answer.split("[1]")[0], a.answer


def test_what_a_thing_is_worth_is_a_sum_and_a_count_may_end_a_list():
    assert reader.labels_for(question.read("How much is the new media rights deal worth?")) == frozenset({"MONEY"})
    assert "PERCENT" in reader.labels_for(question.read("How much did the index climb?"))
    q = question.read("How many productions did Kenwright produce?")
    sentence = "In a career of six decades, Kenwright produced more than 500 West End, Broadway and international theatre productions, films and albums."
    found = figures.number_about(q, sentence, _ents(sentence, ("more than 500", "CARDINAL")))
    assert found is not None and found.startswith("more than 500") and found.endswith("productions"), found


def test_who_someone_is_in_a_work_asks_for_a_description():
    q = question.read("Who is Marazhai Aezyrraesh in Warhammer 40,000: Rogue Trader?")
    assert (q.kind, q.subject) == ("describe", "Marazhai Aezyrraesh")
    assert question.read("Who is the CEO of Ford?").kind == "person"


def test_the_doer_of_an_act_done_in_or_by_doing_it_and_the_act_a_question_is_for():
    assert speakers.doer("calm", "Roger Penske played a big part in calming Ryan Blaney down in the final laps.") == "Roger Penske"
    assert speakers.doer("impose", "Kang criticised Japan for imposing curbs.") is None  # (for doing: not the subject's act)
    assert asking.purpose_act("Who stepped in to calm Ryan Blaney down?") == "calm"
    assert asking.purpose_act("Who replaced Altman?") == ""
    assert asking.purpose_act("Who prodded Seoul and Tokyo to sign the pact?") == ""  # (Seoul and Tokyo sign)


def test_an_act_told_by_another_verb_with_the_same_doer_and_object(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "AI labs in Paris",
                "Tech giants have historically set up AI research labs in Paris, as there is a large talent pool. "
                "For instance, Quillbook created its Paris research lab back in 2015 with a famous scientist at the helm. "
                "Other companies followed suit with their own research centres.")
    a = fresh_engine.ask("When did Quillbook set up its AI research lab in Paris?")
    assert a.short.startswith("2015"), a.answer
    assert clauses.same_participants("When did Quillbook set up its lab?", "Quillbook created its lab in 2015.",
                                     next(t for t in nlp.parse("Quillbook created its lab in 2015.") if t.dep_ == "ROOT"))
    assert not clauses.same_participants("When did Quillbook set up its lab?", "Brandt created his lab in 2015.",
                                         next(t for t in nlp.parse("Brandt created his lab in 2015.") if t.dep_ == "ROOT"))


def test_a_noun_set_beside_a_name_says_who_and_a_name_the_noun_ends_is_the_one():
    q = question.read("How many YouTube subscribers did MrBeast contestant Suzie Taylor have in April 2023?")
    assert asking.predicate_terms(q) == set()
    assert asking.predicate_terms(question.read("How many export items did Japan's stricter customs procedures cover?")) >= {"cover"}
    assert specifiers.specifier("church", "Pastor Jesse Bradley of Auburn, Washington runs Grace Community Church.",
                            "Which church does Pastor Jesse Bradley run?") == "Grace Community Church"


def test_the_date_of_the_event_the_questions_figures_name(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Record shop sellers are unhappy",
                "Sellers on Vinylbay attributed the need to raise fees to its significant investments in recent years. "
                "The problems started in earnest when the company raised its fee from 8 to 9 percent on May 22nd of this year. "
                "Many sellers have since moved to other sites.")
    a = fresh_engine.ask("When did Vinylbay raise its seller fee from 8 to 9 percent?")
    assert a.short.startswith("May 22nd"), a.answer


def test_a_plain_negation_in_the_next_best_sentence_says_no_and_leads(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "The Quillo sampler reviewed",
                "With so many touches like this, I am starting to think the Quillo S2 sampler was made as a playful performance device. "
                "While we are on the topic of features the Quillo S2 does not have, there does not appear to be any kind of song mode. "
                "The screen is bright and easy to read.")
    a = fresh_engine.ask("Does the Quillo S2 sampler have a song mode?")
    assert a.short.startswith("No"), a.answer
    assert "song mode" in a.answer.split("[1]")[1], a.answer
