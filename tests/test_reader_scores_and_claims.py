"""Faults that fresh questions showed (twenty-eighth session): an age is no length of time ("the
43-year-old founder" for "How long did he work there?"); a score that counts a common noun a name
only modifies ("a 105-95 NBL road win"), or stands between two names as a result line's ("Diamondbacks
9-1 Rangers"), is a result, and a "record" that only modifies a noun ("a club-record score") is no
team's record; a claim that something was told ("Did Meta say which hashtags ...?") is denied by not
telling it; a claim's act dated another year where the sentence gives the claim's year to another act
("unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020"); a participle before a yes/no
question's subject describes it ("Is outgoing chair X 73 years old?"); "How big ...?" asks for a
figure in a unit of measure ("7.4 inches", not "1TB"); the possessor of the thing done made it
("Otamendi's goal" for "Who scored the goal?"); a sentence with figures, none the question's, tells
of another such act ("each scored 17" for "Who scored 32 points?"); the capitalised words right after
the title asked for are a name the recognizer missed ("rapper Nelly"); "start cultivating" asks when
the cultivating began; a sentence of the question's year from an article that names none of its names
is no answer ("Flexport's revenue for 2022"); a score question is answered by a pair of counts or not at
all ("3:54 left" is a clock); a name is named by its words ("Ohio State" not by "the United States"),
with or without an abbreviation's dots ("U.S.") or by its initials ("DSA"); "Who is starting ...?"
asks for the starter, whom a verb of naming calls so ("Joe Flacco named the starter"); an
apposition closed by a comma says which one the question means, not what it claims ("Is Khaleel, the
older brother who ..., 25 years old?"); a result line giving the claimed winner fewer is a No ("Kansas
City Chiefs 19-27 Green Bay Packers"), and "in Week 13" says which game; a negation of another's doing
in a clause joined to the claim's denies nothing ("..., but legislators have not come to any decision").
Pure parts on made-up text, and the real
engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up, one_article

from qa import asking, clauses, doers, figures, nlp, question, reader, verdict, yesno


def test_an_age_is_no_answer_to_how_long():
    q = question.read("How long did Dana Clarke work at Amazon before joining Portwise?")
    sentence = "The 43-year-old Portwise founder fired Clarke, who previously spent 23 years at Amazon."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "23 years"


def test_a_score_counting_a_common_noun_or_between_two_names_is_a_result():
    # (a name that only modifies the counted noun, and a "record" that only modifies "score")
    assert figures.score_in("Crawford led the JackJumpers to a club-record score in a 105-95 NBL road win over the Kings.") == "105-95"
    assert figures.score_in("03.07 GMT Diamondbacks 9-1 Rangers, FINAL The last out is made.") == "9-1"
    # (a team's record of wins and losses is still none)
    assert figures.score_in("The fellow 5-1 Boston Celtics won again.") is None
    assert figures.score_in("The loss dropped the Saints' record to 3-4 on Sunday.") is None


def test_a_claim_that_something_was_told_is_denied_by_not_telling_it():
    q = question.read("Did Meta say which hashtags it is blocking in relation to the war?")
    assert verdict.single_claim(q)
    assert verdict.denies(q, "Its blog post does not specify which hashtags Meta is blocking in relation to the war.")
    # (not telling which does not deny the act itself)
    q = question.read("Is Meta blocking hashtags in relation to the war?")
    assert not verdict.denies(q, "Its blog post does not specify which hashtags Meta is blocking in relation to the war.")


def test_a_claim_s_act_dated_another_year_is_a_no():
    evidence = ("OpenAI had been developing GPT since 2016, unveiling GPT-1 in 2018 and iterating it to GPT-3 by June 2020.")
    q = question.read("Did OpenAI unveil GPT-1 in 2020?")
    assert verdict.verdict(q, [(evidence, 0.7, 1.0)]) == "No"
    q = question.read("Did OpenAI unveil GPT-1 in 2018?")
    assert verdict.verdict(q, [(evidence, 0.7, 1.0)]) == "Yes"


def test_a_participle_before_the_subject_describes_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "A music fund's chair steps down",
                "Halcyon Songs Fund confirmed today that the firm’s Chair of its board since 2018, Andrew Sutch, 73, "
                "is stepping down as a director of the company.")
    a = fresh_engine.ask("Is outgoing Halcyon Songs Fund chair Andrew Sutch 73 years old?")
    assert a.short.startswith("Yes"), a.answer
    a = fresh_engine.ask("Is outgoing Halcyon Songs Fund chair Andrew Sutch 75 years old?")
    assert a.short.startswith("No"), a.answer


def test_how_big_asks_for_a_measure():
    q = question.read("How big is the display on the Nimbus Deck OLED?")
    sentence = "The 1TB model has smaller bezels, so its display is slightly larger, at 7.4 inches."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "7.4 inches"
    # (a figure in no unit of measure is set aside for one another sentence gives; a sum is not)
    assert figures.other_kind(q, "1TB Nimbus Deck OLED ($649)", "1TB")
    assert not figures.other_kind(q, "The deal was worth $649 million.", "$649 million")


def test_the_possessor_of_the_thing_done_is_its_maker():
    q = "Who scored the only goal in Argentina's win over Paraguay?"
    sentence = "Nicolas Otamendi's fourth-minute goal seemed to foreshadow a coming onslaught."
    assert clauses.made_by(q, sentence, "Nicolas Otamendi")
    assert not clauses.made_by(q, "Lionel Messi watched Nicolas Otamendi's goal from the bench.", "Lionel Messi")


def test_a_sentence_with_other_figures_tells_of_another_such_act(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "JackJumpers beat the Kings",
                "Fellow import Milton Doyle and Majok Deng each scored 17 for Tasmania in the NBL road win over the Sydney Kings. "
                "The Kings never gave up but could not close the gap as Jordon Crawford finished with a game-high 32 points.")
    a = fresh_engine.ask("Who scored a game-high 32 points as the Tasmania JackJumpers beat the Sydney Kings?")
    assert a.short.startswith("Jordon Crawford"), a.answer


def test_a_name_right_after_the_asked_title_is_one_the_recognizer_missed():
    q = question.read("Which rapper was Flexport paying $150,000 to perform at its Seattle launch event?")
    sentence = "The company paid rapper Nelly $150,000 to perform at the event."
    assert "Nelly" in doers.unrecognised(q, sentence, nlp.entities([sentence])[0])


def test_an_aspectual_verb_s_gerund_is_the_event_asked_about():
    assert asking.event_of("What year did people start cultivating cranberries in Massachusetts?") == ("cultivating", "start")
    # ("begin to rise": the verb itself, as before)
    assert asking.event_of("When did tensions begin to rise?")[1] == ""


def test_a_sentence_of_the_question_s_year_on_another_matter_is_no_answer(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Tennis in Oberhaching", "source": "Club Blog", "published_at": "2022-02-03",
             "body": "Februar 2022 in der TennisBase Oberhaching, ein Turnier mit 19 Top-100-Spielern. Das Turnier war ausverkauft."},
            {"title": "Flexport's year", "source": "Metro News", "published_at": "2023-10-02",
             "body": "Flexport cut jobs this year after freight prices fell. The company was valued at $8 billion by private investors in early 2022."})
    a = fresh_engine.ask("What was Flexport's total revenue for 2022?")
    assert "Oberhaching" not in a.answer, a.answer


def test_a_score_question_without_a_pair_of_counts_is_not_answered_by_another_figure(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "USC basketball",
                "USC beat Kansas State in November. A loss to UC Irvine doesn’t help its at-large chances. "
                "USC used its final timeout with 3:54 left in the game against Notre Dame.")
    a = fresh_engine.ask("What was the final score of USC's basketball loss to UC Irvine?")
    assert "3:54" not in (a.short or ""), a.answer


def test_a_name_is_named_by_its_words_not_by_pieces_of_other_words():
    text = "Officials in the United States and Menendez's aide spoke; U.S. officials cited the DSA rules."
    # ("Ohio State" is not named by "the United States"; "US" is by "U.S."; "EU Digital Services Act"
    # by its initials)
    assert reader.unnamed(["Ohio State", "Menendez", "US", "EU Digital Services Act"], text) == ["ohio state"]


def test_the_progressive_asks_for_the_doer_whom_a_verb_of_naming_calls_so():
    assert doers.asked_agent("Who is starting at quarterback for the Cleveland Browns?") == frozenset({"starter"})
    sentence = "The quarterback position has taken a turn with veteran Joe Flacco named the starter against the Rams."
    assert doers.called_by(frozenset({"starter"}), sentence, "Joe Flacco")
    assert not doers.called_by(frozenset({"starter"}), sentence, "the Rams")
    # (not "as" one, which may only be hoped)
    sentence = "Jubelirer was widely tipped as the natural successor to Steve Barnett when he stood down."
    assert not doers.called_by(frozenset({"successor"}), sentence, "Jubelirer")


def test_an_apposition_closed_by_a_comma_says_which_one_not_what_is_claimed():
    texts = ["Mekhi’s older brother Khaleel, 22, started the Go Fund Me page earlier this month."]
    # ("Is Khaleel, the older brother who ..., 25 years old?" claims an age, not that he is a brother)
    assert yesno.identity("Is Khaleel, the older brother who started the fundraiser for tennis player Mekhi Gbedey, 25 years old?", texts) is None
    assert yesno.identity("Is Khaleel an older brother?", texts) == "Yes"
    assert yesno.identity("Is Khaleel a younger brother?", texts) == "No"


def test_a_result_line_that_gives_the_claimed_winner_fewer_is_a_no():
    evidence = [("Kansas City Chiefs 19-27 Green Bay Packers", 0.75, 0.6),
                ("The Green Bay Packers picked up their fourth win in five games as they beat the defending champions.", 0.64, 0.41)]
    q = question.read("Did the Kansas City Chiefs beat the Green Bay Packers in Week 13 of the 2023 NFL season?")
    assert verdict.verdict(q, evidence) == "No"
    # ("in Week 13" says which game, a name's number, not a figure the evidence must repeat)
    q = question.read("Did the Green Bay Packers beat the Kansas City Chiefs in Week 13 of the 2023 NFL season?")
    assert verdict.verdict(q, evidence) == "Yes"


def test_a_negation_of_another_s_doing_in_a_joined_clause_denies_nothing():
    q = question.read("Was Instagram head Adam Mosseri called before Congress in December 2021 to defend Instagram's teen safety record?")
    sentence = ("Instagram head Adam Mosseri was later hauled before Congress in December 2021 to defend the app’s teen safety "
                "record, but so far, legislators have not come to any decision about how to regulate teen usage of these platforms.")
    assert not verdict.denies(q, sentence)
    # (the claim's own subject negated in a joined clause still denies)
    assert verdict.denies(q, "Congress met in December 2021, but Adam Mosseri was not called to defend the teen safety record.")

