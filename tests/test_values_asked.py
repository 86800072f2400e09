"""Answers the natural questions showed missed (sixty-second session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_a_figure_set_before_a_noun_of_measure_is_its_value(fresh_engine, tmp_path):
    """"What refresh rate does the LG C3 TV offer for gaming?" was answered with the whole sentence: the words
    before a noun the question modifies ("refresh rate") were taken for its own, so "a 120-Hz refresh rate" gave
    nothing; a figure set before the noun is its value (a count of it takes the plural: "three items")."""
    one_article(fresh_engine, tmp_path, "The best TVs for gaming",
                "The Arlo V7 is our top TV pick for gamers. Beyond the usual benefits of OLED panels, it has features "
                "that are appealing for gaming, including a 120-Hz refresh rate for smooth gameplay. It comes in four sizes.")
    a = fresh_engine.ask("What refresh rate does the Arlo V7 offer for gaming?")
    assert a.short.startswith("120-Hz"), a.answer


def test_values_of_a_noun_and_not_its_counts_nor_years():
    from qa import specifiers

    assert specifiers.value_of("rating", "Mayfield posted a 158.3 passer rating in the win.", "What passer rating did Mayfield post?") == "158.3"
    assert specifiers.value_of("rate", "It has a 120 Hz refresh rate.", "What refresh rate does it have?") == "120 Hz"
    assert specifiers.value_of("rate", "The occupancy rate was 77 per cent in June.", "What occupancy rate ...?") == "77 per cent"
    assert specifiers.value_of("item", "She sold three items at the fair.", "Which items did she sell?") is None
    assert specifiers.value_of("agreement", "They signed a 1965 agreement.", "Which agreement did they sign?") is None


def test_what_is_the_noun_of_measure_is_answered_by_its_value(fresh_engine, tmp_path):
    """"What is the average age of Scalable Capital's users?" was answered with a sentence on the company: a question
    that asks the value of its subject ("What is the <noun> ...?") had no noun asked; the best sentence that tells of
    the noun gives its value ("the startup's average user age is 35"), and a weaker sentence's value of another
    person's is no answer."""
    one_article(fresh_engine, tmp_path, "Kestrel Invest raises again",
                "Kestrel Invest, a Munich startup that makes investing accessible, is raising more money. Its founder "
                "points out that the startup's average user age is 35, older than at rival apps. It plans to open in "
                "Spain next year.")
    a = fresh_engine.ask("What is the average age of Kestrel Invest's users?")
    assert a.short.startswith("35"), a.answer


def test_a_figure_after_the_noun_and_of_is_its_first_value():
    from qa import specifiers

    sentence = ("It is the first HDR screen on a portable, with a peak brightness of 1,000 nits for HDR content; the old model "
                "had a peak brightness of 400 nits.")
    assert specifiers.value_of("brightness", sentence, "What is the peak brightness of the screen?") == "1,000 nits"
    assert specifiers.value_of("method", "She backs the 50-30-20 budgeting method.", "What budgeting method does she back?") == "50-30-20"


def test_by_how_much_is_the_margin_after_by_in_whatever_it_is_counted(fresh_engine, tmp_path):
    """"By how much did India's women beat Australia ...?" abstained: "how much" asks for a sum, a share or a
    quantity, and "by eight wickets" is a count to the recognizer; a margin is the figure after "by", with what it
    counts ("eight wickets") or its scale ("1.43°C")."""
    one_article(fresh_engine, tmp_path, "Kestrels win in Leeds",
                "The Ospreys stumbled to their first Test defeat to the Kestrels by eight wickets in Leeds on Sunday, after "
                "being outplayed in spinning conditions. The series moves to Bristol next week.")
    a = fresh_engine.ask("By how much did the Kestrels beat the Ospreys in the Test in Leeds?")
    assert a.short.startswith("eight wickets"), a.answer


def test_a_margin_by_degrees_keeps_its_scale():
    from qa import figures, nlp, question

    q = question.read("By how much had global temperatures surpassed pre-industrial averages in 2023?")
    s = "Samantha Burgess confirms that the global temperature has surpassed pre-industrial averages by 1.43°C this year."
    assert figures.number_about(q, s, nlp.entities([s])[0]) == "1.43°C"


def test_a_title_in_title_case_is_no_verb_the_evidence_must_say():
    """"Was Shake It Off the final song Taylor Swift recorded for 1989?" was answered No: the parse made "Shake" the
    question's verb, which no sentence uses; a run of capitalised words that capitalises a function word inside the
    sentence is a title (English capitalises "It", "Off" only in titles)."""
    from qa import nlp, question, verdict

    q = question.read("Was Shake It Off the final song Taylor Swift recorded for 1989?")
    assert verdict.unsaid(q, "It was the last song recorded for 1989, and Taylor arrived at the studio with a challenge.") == []
    doc = nlp.parse("Did Taylor Swift record Shake It Off for 1989?")
    assert [t.text for t in doc if nlp.in_title(t)] == ["Shake", "It", "Off"]


def test_which_noun_is_answered_by_the_name_said_to_be_one(fresh_engine, tmp_path):
    """"Which TV does Wired rate as its top pick for gamers?" was answered "Best" (of "the Best TV for Gamers"):
    the sentence that says which, "the LG C3 is our top TV pick", sets the name as the subject of "is" whose
    complement the noun modifies; that name answers, as the parse builds it of proper nouns and with what it heads
    by "of"."""
    one_article(fresh_engine, tmp_path, "The best TVs of the year",
                "For gamers, the Arlo V7 is our top TV pick. Its fast response times justified crowning it the Best TV "
                "for Gamers. For movies we like the Pixel Q9, which has deeper blacks.")
    a = fresh_engine.ask("Which TV does the guide rate as its top pick for gamers?")
    assert a.short.startswith("Arlo V7"), a.answer


def test_the_name_said_to_be_one_keeps_what_it_heads_by_of():
    from qa import specifiers

    sentence = "In our view, Circle of the Moon is the best subclass for the Druid."
    assert specifiers.specifier("subclass", sentence, "Which Druid subclass is the best pick?") == "Circle of the Moon"



def test_the_name_by_sets_after_the_object_is_its_doer():
    """"Which firm carried out CyberGhost's independent security audit?" was answered with a firm another sentence
    names: the sentence that says, "CyberGhost completed an independent security audit by Deloitte", gave its
    subject, the very name the question gives; the name "by" sets after the question's object (on the noun, or on
    the verb whose object it is) is the one who did it."""
    from qa import clauses

    question = "Which firm carried out Hexa VPN's independent security audit?"
    assert clauses.doer_of_object(question, "Hexa VPN completed an independent security audit by Deloitte this year.") == "Deloitte"
    assert clauses.doer_of_object(question, "The audit by Brightwell Partners found no leaks.") == "Brightwell Partners"


def test_a_plural_proper_noun_names_the_noun_by_its_dictionary_form():
    """"What is the name of the Nashville recording studio that Martina McBride and her husband John own?" was
    answered with artists the studio welcomed: "Blackbird Studios" was not read as a studio, the small model leaving
    a plural proper noun's lemma as written ("Studios")."""
    from qa import specifiers

    question = "What is the name of the Nashville recording studio that the couple own?"
    assert specifiers.specifier("studio", "The couple owns Blackbird Studios in Nashville together, opening it in 2002.",
                                question) == "Blackbird Studios"


def test_a_quoted_title_before_the_nouns_phrase_names_it_past_its_own_nouns():
    """"What is the zombie workout video led by HyperBody called?" was answered with a sentence about the workouts:
    the heading "“Exercise The Demons” Zombie Workout Video" sets the quoted title before the noun's own nouns,
    written in capitals, where only small words were looked past."""
    from qa import specifiers

    assert specifiers.specifier("video", "“Exercise The Demons” Zombie Workout Video", "What is the workout video called?") \
        == "Exercise The Demons"
    assert specifiers.specifier("series", "It was highlighted in Vice's \"The Dark Side of Comedy\" documentary series.",
                                "What is the name of the documentary series?") == "The Dark Side of Comedy"
