"""Faults that fresh questions on articles asked about before showed: a date question whose verb is
"be" with an adjective ("When was GSOMIA due for renewal ...?"); a given name the recognizer left out
("after Micah [Pettus]"); "the University of Toronto" for "Which university ...?"; the noun of
"which" that the tagger took for a verb ("Which Colts defender returned ...?"); a web page's tag for a
name; "after the October 2023 attacks" is after an event of that month; the name a naming clause gives
at the end of the noun's phrase; verdicts: a time's presupposition is no denial, a date without its
year is the claim's own, other figures in a sentence on another matter contradict nothing, and a claim
about a year is judged by later reports too; whose one "Which PGMOL official ...?" asks for; and a
quotation given once. Made-up articles through the real engine (the real model and
spaCy), and the pure parts on made-up text."""

from __future__ import annotations

from datetime import date

from conftest import made_up, one_article

from qa import asking, nlp, question, reader, specifiers, verdict


def test_a_date_question_with_be_and_an_adjective_asks_when_it_was_so():
    assert asking.event_of("When was GSOMIA due for renewal when South Korea decided to pull out?") == ("due", "")
    assert asking.event_of("When was the payment due?") == ("due", "")


def test_the_when_clause_is_no_event_of_a_date_question(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Pact ends",
                "With curbs imposed in July, Seoul announced it would pull out of the harbour pact on Aug. 23. "
                "The harbour pact was due for renewal on Saturday. Officials met on Monday.")
    a = fresh_engine.ask("When was the harbour pact due for renewal when Seoul decided to pull out?")
    assert "Saturday" in a.short, a.answer


def test_a_given_name_the_recognizer_left_out_is_part_of_the_name():
    sentence = "Injury continues to plague them after Micah Pettus, the team's top lineman, was ruled out."
    at = sentence.index("Pettus")
    assert nlp.mend(sentence, [(at, at + len("Pettus"), "PERSON")]) == [(sentence.index("Micah"), at + len("Pettus"), "PERSON")]
    for text in ("President Biden said so.", "Mr Smith said so.", "Rebels Smith said so."):
        at = text.index(text.split()[1])
        one = [(at, at + len(text.split()[1]), "PERSON")]
        assert nlp.mend(text, one) == one, text


def test_a_name_the_capitalised_noun_heads_before_of_is_read_whole():
    q = "At which university did Anna Berg complete her degrees?"
    assert specifiers.specifier("university", "She completed her degrees at the University of Toronto.", q) == "University of Toronto"
    # (not a name the noun only qualifies: "Security" of "National Security Council")
    assert specifiers.specifier("security", "He is deputy director of the National Security Council.",
                            "What security concerns did it raise?") != "National Security Council"


def test_the_word_before_the_verb_is_the_noun_of_which_however_tagged():
    read = question.read("Which Colts defender returned two interceptions for touchdowns?")
    assert (read.kind, read.role) == ("person", "defender")
    assert question.read("Which Bills cornerback was lost to a torn Achilles?").role == "cornerback"


def test_a_web_pages_tag_is_no_name():
    q = question.read("Which EU commissioner sent Musk a letter?")
    sentence = "Today we open proceedings under the interface#DSA rules, said Thierry Breton."
    ents = [(sentence.index("interface#DSA"), sentence.index("interface#DSA") + len("interface#DSA"), "PERSON"),
            (sentence.index("Thierry"), len(sentence) - 1, "PERSON")]
    assert reader.candidates(q, sentence, ents) == ["Thierry Breton"]


def test_after_an_event_of_a_month_is_from_that_month_on():
    read = question.read("Which EU commissioner sent Musk a letter after the October 2023 Hamas attacks on Israel?")
    assert read.period[0] == date(2023, 10, 1)
    assert question.read("What happened after October 2023?").period[0] == date(2023, 10, 31)


def test_the_naming_clause_at_the_end_of_the_nouns_phrase_names_it():
    sentence = "They announced an improved version of OpenAI’s flagship model, GPT-4, called GPT-4 Turbo."
    assert specifiers.specifier("version", sentence, "What is the improved version of GPT-4 called?") == "GPT-4 Turbo"


def test_what_a_time_presupposes_is_no_denial_and_a_day_without_its_year_is_the_claims():
    q = question.read("Was Jim Jordan once an assistant wrestling coach at Ohio State University?")
    assert not verdict.denies(q, "Years ago, Jordan denied allegations from wrestlers during his time as an assistant "
                                 "wrestling coach at Ohio State University.")
    assert verdict.denies(q, "Jordan denied that he was an assistant wrestling coach at Ohio State University.")
    assert not verdict.other_circumstance("Was coach Pat Fitzgerald fired on July 10, 2023?",
                                          "Coach Pat Fitzgerald was fired on July 10 after an investigation.")
    assert verdict.other_circumstance("Was coach Pat Fitzgerald fired on July 10, 2023?",
                                      "Coach Pat Fitzgerald was fired on July 12 after an investigation.")


def test_other_figures_in_a_sentence_on_another_matter_contradict_nothing():
    q = question.read("Did the Colts go 11-5 in the 2020 season?")
    assert verdict.verdict(q, [("2020 is not 2014, and I would not opt for a rewrite in Rust today.", 0.25, 0.12)]) is None
    assert verdict.verdict(q, [("The Colts went 9-7 in the 2020 season.", 0.8, 0.8)]) == "No"


def test_a_claim_about_a_year_is_judged_by_later_reports_too(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Garden show opens", "source": "Metro News", "published_at": "2018-05-02",
             "body": "The garden show opened with 40 stalls. Visitors praised the roses."},
            {"title": "Family vlog ends", "source": "Metro News", "published_at": "2023-05-02",
             "body": "The Lark family's vlog channel, which started in 2015, ended after seven years. "
                     "The family said they wanted privacy."})
    a = fresh_engine.ask("Did the Lark family's vlog channel start in 2018?")
    assert a.answer.startswith("No"), a.answer


def test_whose_one_which_asks_for_is_read():
    assert asking.which_owner("Which PGMOL official apologised to Wolves after they were denied a penalty?") == {"pgmol"}
    assert asking.which_owner("Which official apologised to Wolves?") == set()


def test_a_quotation_of_two_sentences_is_given_once(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Pompeo on the pact",
                "“We’re disappointed to see the decision the South Koreans made about that harbour agreement. "
                "We’re urging each of the two countries to continue to engage,” US Secretary of State Mike Pompeo said.")
    a = fresh_engine.ask("How did the US react to the decision about the harbour agreement?")
    assert a.answer.count("We’re disappointed") == 1, a.answer


def test_what_happened_next_is_no_part_of_a_facts_answer(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Customs rules tightened",
                "In particular, Japan introduced stricter customs procedures to over 1,000 export items, many of which "
                "are vital to the chip industry. In response, Seoul threatened to end its participation in the harbour pact.")
    a = fresh_engine.ask("How many export items did Japan's stricter customs procedures cover?")
    assert "1,000" in a.short and "In response" not in a.answer, a.answer
    # (what happened is told with what followed it)
    a = fresh_engine.ask("What did Japan introduce for export items?")
    assert "In response" in a.answer, a.answer


def test_how_after_an_attribution_asks_as_at_the_start():
    assert question.how_asked("According to dermatologist Ronald Moy, how long does it take a cell to reach the top?") == "long"
    assert question.how_asked("How much did it cost?") == "much"
    assert question.how_asked("Who knows how long it took?") == ""


def test_a_unit_of_time_is_no_date_and_this_year_is_the_articles(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Market deals", "source": "Metro News", "published_at": "2023-11-19",
             "body": "The best deals of the year were once known to come late. Lakeside Market deals will begin early "
                     "this year on November 8, the store said."})
    a = fresh_engine.ask("On what date did Lakeside Market's 2023 deals begin?")
    assert a.short.startswith("November 8, 2023"), a.answer


def test_a_questions_bare_verb_is_its_own_dictionary_form():
    from qa import when
    assert when.base("found") == "found" and when.base("founded") == "found" and when.base("met") == "meet"


def test_a_year_after_the_bare_verb_found_and_the_start_of_what_since_asks(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Robot pioneer retires",
                "Marc Raibert founded the lab at Carnegie Mellon University (CMU) in 1980, before moving operations to MIT. "
                "The award's voting format, which started in 1985, sees each member of the panel vote for their top "
                "three players.")
    assert fresh_engine.ask("In what year did Marc Raibert found the lab at Carnegie Mellon University?").short.startswith("1980")
    a = fresh_engine.ask("Since what year have the award's panel members voted for their top three players?")
    assert a.short.startswith("1985"), a.answer


def test_on_what_date_asks_for_a_day_not_a_month(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Betting comes to Vermont",
                "FanDuel and DraftKings are scheduled to launch online sports betting in Vermont in January 2024, the "
                "state said. The two operators will launch their Vermont sports betting apps on Jan. 11, 2024.")
    a = fresh_engine.ask("On what date are FanDuel and DraftKings scheduled to launch online sports betting in Vermont?")
    assert a.short.startswith("Jan. 11"), a.answer


def test_who_is_opens_the_main_clause_however_the_parse_tops_a_later_one():
    read = question.read("Who is the birth father of Diane Bazella, the Minnesota woman switched at birth in 1960?")
    assert (read.kind, read.focus) == ("person", "birth father")


def test_a_team_by_its_places_name(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Pac-12 title decided",
                "Washington beat Oregon in the Pac-12 championship on Friday, and that knocks the Ducks out of the "
                "playoff picture. Coach Smith's exit from Oregon State comes at a point of uncertainty.")
    assert fresh_engine.ask("Which team beat Oregon in the Pac-12 championship game?").short.startswith("Washington")


def test_figures_that_say_which_occasion_are_no_claim():
    from qa import verdict as v
    assert v._occasion("Did Kelce have six receptions for 60 yards in the Chiefs' 23-20 win over the Jets?") == "in the Chiefs' 23-20 win"
    assert v._occasion("Did Haaland score 52 goals in 35 games?") == ""  # (a count is a claim)
    q = question.read("Did Kelce have six receptions for 60 yards in the Chiefs' 23-20 win over the Jets?")
    assert v.verdict(q, [("Despite the commotion, Kelce had a quiet game with six receptions for 60 yards.", 0.72, 0.5)]) == "Yes"
