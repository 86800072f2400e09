"""Faults that fresh questions showed (twenty-sixth session): "How much money ...?" answered by a sum
the sentence gives another noun ("$3 million in funding"); a counted noun the stemmer and the
lemmatizer spell differently ("STIs"); a title split at its hyphen ("co-" "founder") or joined to
another ("CEO and co-founder"); "non-" negates the word it is joined to; the object of the question's
subject's act that the recognizer missed ("Gilead acquiring Kite Pharma"); the one a good sentence
names as doing it before a "by" phrase of another sentence; a count of the kind asked before one of
another kind ("daily active users", not "registered users"); "how long" answered by a length in a
unit of measure ("56-yard") before a time with no figure ("the final minute"); a result line's score
("Bears 16, Panthers 13"). Pure parts on made-up text,
and the real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import one_article

from qa import figures, nlp, question, verdict


def test_a_sum_of_money_answers_how_much_money_whatever_its_noun(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Video network funded",
                "Mobile video network StarVid Mobile has secured $3 million in funding from Janngo Capital. "
                "StarVid Mobile offers creators a platform for monetizing their work.")
    a = fresh_engine.ask("How much money did StarVid Mobile raise from Janngo Capital?")
    assert a.short.startswith("$3 million"), a.answer


def test_a_counted_noun_is_found_however_the_stemmer_spells_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Home screening",
                "The startup Ovela has added STI testing to its home screening service. "
                "Ovela is launching with the ability to test for five STIs, the most common ones.")
    a = fresh_engine.ask("How many STIs can Ovela's test screen for at launch?")
    assert a.short.startswith("five STIs"), a.answer



def test_a_hyphenated_title_and_the_title_joined_to_it_are_asked_together(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Startups carry on",
                "“The priority is the team,” Omer Katz, CEO & co-founder, HiveWorks, an Israeli agritech startup, told "
                "reporters. Dana Levy, co-founder and CTO of Quantum Loops, says people are returning to work. "
                "Venture fund founder and CEO Jon Meir believes the startup ecosystem will remain resilient.")
    a = fresh_engine.ask("Who is the CEO and co-founder of Israeli agritech startup HiveWorks?")
    assert a.short.startswith("Omer Katz"), a.answer


def test_non_before_a_claims_word_negates_it():
    q = question.read("Does Microsoft get a voting seat on OpenAI's new board?")
    assert verdict.denies(q, "Microsoft will gain representation on the new board in the form of a non-voting observer.")
    assert not verdict.denies(q, "Microsoft will gain representation on the new board in the form of a voting member.")
    # (nor does it deny a claim that is itself "non-voting")
    q = question.read("Does Microsoft get a non-voting seat on OpenAI's new board?")
    assert not verdict.denies(q, "Microsoft will gain representation on the new board in the form of a non-voting observer.")


def test_what_the_question_s_subject_did_it_to_is_a_name_the_recognizer_missed(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Cell therapy deals",
                "The CAR-T segment has also witnessed significant M&A with Celgene acquiring Juno Therapeutics for $9 billion "
                "and Gilead acquiring Kite Pharma for $12 billion. The FDA label allows wider use.")
    a = fresh_engine.ask("Which CAR-T company did Gilead buy for $12 billion?")
    assert a.short.startswith("Kite Pharma"), a.answer



def test_one_a_good_sentence_names_as_doing_it_beats_a_by_phrase_elsewhere(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Bears edge Panthers",
                "8:36 p.m. TOUCHDOWN — Ihmir Smith-Marsette returns the punt 79 yards for a touchdown! Carolina leads "
                "Chicago 7-0. Chicago gets an excellent return by Carter along the sideline, as he takes the punt up to "
                "the 46 for a 31-yard return.")
    a = fresh_engine.ask("Who returned a punt for a touchdown for Carolina against Chicago?")
    assert a.short.startswith("Ihmir Smith-Marsette"), a.answer


def test_a_count_of_another_kind_gives_way_to_one_of_the_kind_asked(fresh_engine, tmp_path):
    q = question.read("How many daily active users did the app Kestrel reach at its peak?")
    assert figures.other_kind(q, "Kestrel shut down after a year, growing to just 20,000 registered users.", "just 20,000 registered users")
    assert not figures.other_kind(q, "The app maxed out at 3,000 daily active users.", "3,000 daily active users")
    one_article(fresh_engine, tmp_path, "Kestrel shuts down",
                "The Twitter alternative Kestrel recently shut down after a year, growing to just 20,000 registered users. "
                "But the company says it ran out of time to make Kestrel happen — the app reached a peak of 3,000 daily active "
                "users, out of 20,000 registered users.")
    a = fresh_engine.ask("How many daily active users did the Twitter alternative Kestrel reach at its peak?")
    assert a.short.startswith("3,000 daily active users"), a.answer


def test_how_long_is_answered_by_a_length_in_a_unit_of_measure_before_a_vague_time():
    q = question.read("How long was Chad Ryland's winning field goal against Denver?")
    sentence = ("In a game of scores that came down to the final minute, Patriots kicker Chad Ryland hit a 56-yard field goal "
                "to send the Patriots to a 26-23 victory.")
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "56-yard"
    # (a length of time, where one is given, still comes first)
    q = question.read("How long was the strike?")
    sentence = "The two-week strike closed 500 metres of the harbour front."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "two-week"


def test_a_result_line_gives_the_score_side_by_side():
    assert figures.score_in("Final: Bears 16, Panthers 13") == "Bears 16, Panthers 13"
    assert figures.score_in("Chicago Bears 16, Carolina Panthers 13") == "Chicago Bears 16, Carolina Panthers 13"
    # (not a date's or a week's words before a count)
    assert figures.score_in("Sept. 20, Galatasaray 2") is None
    assert figures.score_in("On Nov. 9, 2023, the game was played") is None
    # (nor another game's result line, for the question's sides)
    assert figures.score_in("Ravens 26, Seahawks 23", ["the Colts", "Panthers"]) is None
    assert figures.score_in("Final: Bears 16, Panthers 13", ["the Bears", "Panthers"]) == "Bears 16, Panthers 13"
