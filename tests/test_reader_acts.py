"""Which figure, name or term answers, read by the question's act and time: the figure the question's
verb governs ("sinking 13 per cent after it raised $525 million"), not one of another year ("in 2024 is
$867" for 2023) nor of a clause that only sets the time ("when Volcker began his term"); a name the
recognizer cut at "of" or a hyphen made whole; "What does Apple call X?" and a naming participle the
parse hangs elsewhere; a byline for "Who wrote the <outlet> guide?"; a title's holder by apposition;
the object told with a pronoun for the question's subject; and no missing outlet read into a
product's feature or a platform's posts. Made-up articles through the real engine (the real model
and spaCy), and the pure parts on made-up text."""

from __future__ import annotations

from conftest import made_up, one_article

from qa import asking, doers, figures, nlp, question, reader, verdict


def _figure(q: str, sentence: str) -> str | None:
    return figures.number_about(question.read(q), sentence, nlp.entities([sentence])[0])


def test_the_figure_the_questions_verb_governs_answers_how_much():
    assert _figure("How much did Larkfield Mining raise selling new shares to institutional investors?",
                   "Larkfield Mining sank 13 per cent after it raised $525 million selling new shares to institutional investors.") \
        == "$525 million"


def test_a_figure_of_another_year_is_no_answer_for_the_year_asked():
    q = "What was the price of the cheapest Harbour City FC season ticket in 2023?"
    assert _figure(q, "The cheapest season ticket for Harbour City FC in 2024 is $867, which works out to $51 per match.") is None
    assert _figure(q, "The cheapest season ticket in 2023 was $485, but that will jump to $884.") == "$485"
    assert _figure("How much does a Harbour City FC club seat cost for the 2024 season?",
                   "A club seat cost $3,600 in 2023 but will now run $7,650 for the 2024 season.") == "$7,650"


def test_a_clause_that_sets_the_time_names_no_act_of_the_question():
    assert figures.asked_acts("What was the median home price when Paul Volcker began his term as Fed chair?") == set()
    assert figures.asked_acts("How much did Epic say Google paid Activision so it would not open a rival store?") == {"pay", "open"}


def test_a_name_cut_at_a_joining_word_is_made_whole():
    text = "Kishida said in a speech at the Economic Club of New York."
    a = text.index("the Economic")
    cut = [(a, a + len("the Economic Club of"), "ORG"), (text.index("New York"), text.index("New York") + 8, "GPE")]
    assert nlp.mend(text, cut) == [(a, text.index(".", a), "ORG")]
    # (two names side by side stay two)
    text = "Kishida met Biden in New York."
    ents = [(12, 17, "PERSON"), (21, 29, "GPE")]
    assert nlp.mend(text, ents) == ents


def test_a_hyphenated_name_is_read_whole_where_the_recognizer_missed_it():
    q = question.read("Which company's stock slipped after the Grand Theft Auto VI trailer came out?")
    sentence = ("On the losing end of Wall Street was Take-Two Interactive, which slipped 0.5 per cent after a trailer for its "
                "highly anticipated Grand Theft Auto VI video game said it's coming in 2025.")
    assert "Take-Two Interactive" in doers.unrecognised(q, sentence, [])


def test_what_someone_calls_a_thing_and_a_naming_participle_anywhere_ask_for_a_name():
    read = question.read("What does Apple call the M3 GPU feature that uses only the memory needed for each task?")
    assert (read.kind, read.focus) == ("other", "feature")
    read = question.read("What was Epic Games' secret plan to update Fortnite with code that bypasses app store fees called?")
    assert (read.kind, read.focus) == ("other", "plan")


def test_a_feature_or_a_platforms_posts_name_no_missing_outlet():
    assert not question.read("What is the name of Amazon's generative AI feature that lets kids talk to Alexa?").unknown_outlet
    assert not question.read("Which Meta director said a bug affecting Instagram Stories that re-shared Reels and Feed posts "
                             "had nothing to do with their subject matter?").unknown_outlet
    assert question.read("What did the Guardian's opinion piece say about the strike?").unknown_outlet == "Guardian"


def test_the_object_of_the_questions_verb_told_with_a_pronoun_and_a_noun_before_the_name():
    q = "Which producer did Britney Spears tell she wanted to sound more R&B?"
    sentence = "She told the producer Max Martin that she wanted to sound more R&B than straight pop."
    assert doers.object_of(q, sentence, "Britney Spears recorded the song in Sweden. " + sentence) == "Max Martin"
    # (without a passage that names her, "she" may be anyone)
    assert doers.object_of(q, sentence) is None


def test_who_wrote_an_outlets_guide_is_its_byline(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path, {"title": "Line Shopping in Sports Betting", "source": "Courier Sports", "author": "Martin Derbyshire",
                                     "published_at": "2021-05-02", "body": "Line shopping is the key that unlocks the best odds at "
                                     "sports betting sites. Bettors compare the lines of several sportsbooks before they place a bet."})
    a = fresh_engine.ask("Who wrote the Courier Sports guide 'Line Shopping in Sports Betting'?")
    assert a.short.startswith("Martin Derbyshire"), a.answer


def test_a_titles_holder_is_the_name_described_by_it_and_its_owner(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "United shake-up",
                "Sir Jim Ratcliffe has bought a stake in Manchester United. Richard Arnold has left despite officially "
                "staying until the end of the year, and into his role may come Jean-Claude Blanc, the CEO of "
                "Ratcliffe's Ineos Sport, as the man the manager reports to. The club declined to comment.")
    a = fresh_engine.ask("Who is the CEO of Jim Ratcliffe's Ineos Sport?")
    assert "Jean-Claude Blanc" in a.short, a.answer


def test_a_score_ends_a_clause_and_a_sentence_with_one_of_the_questions_numbered_sides_is_its_own():
    sentence = ("The Wildcats did it in statement fashion Saturday at Arizona Stadium, blowing out No. 22 Utah, 42-18, "
                "extending their winning streak to five games.")
    assert figures.score_in(sentence) == "42-18"
    assert figures.score_in("They beat the Utes 24-15.") == "24-15"
    q = "What was the final score when No. 17 Arizona beat No. 22 Utah at Arizona Stadium?"
    assert not reader.other_numbered(q, sentence)
    assert reader.other_numbered("At which venue was UFC 295 held?", "UFC 294 took place in Abu Dhabi.")


def test_a_teams_record_is_no_score_and_another_years_edition_is_another_thing():
    assert figures.score_in("The win pushes the streak to four games, while the loss dropped the Saints' record to 3-4.") is None
    q = "In which city did India beat Kenya in the 2003 Cricket World Cup semi-final?"
    assert reader.other_numbered(q, "India were playing Australia in the second semi-final of the 2015 World Cup in Sydney.")
    assert not reader.other_numbered(q, "India were playing underdogs Kenya in the last-four stage match in Durban.")
    # (a year the question is set in names no edition)
    assert not reader.other_numbered("At which stadium was Argentina vs Paraguay played in October 2023 CONMEBOL World Cup qualifying?",
                                     "Argentina host Paraguay in 2026 World Cup qualifying at Estadio Monumental.")


def test_the_verb_after_have_to_is_the_questions_after_did():
    assert asking.main_verb("By what date did Inter Miami fans have to renew their season tickets to get a discount?") == "renew"


def test_what_a_thing_costs_or_weighs_asks_for_a_figure():
    for q in ("What does the new Kindle cost?", "What did the second-generation AirPods Pro cost during the Prime Day sale?",
              "What does the 16-inch laptop weigh?"):
        assert question.read(q).kind == "number", q
    assert figures.number_labels(question.read("What does the new Kindle cost?")) == {"MONEY"}
    assert question.read("What did the WTO rule on Japan's export curbs?").kind != "number"


def test_a_figure_keeps_its_scale_word():
    assert _figure("How many high-net-worth individuals did India have in 2022?",
                   "The population of high-net-worth individuals, which was 7.9 lakh in 2022, will rise to 16.5 lakh by 2027.") == "7.9 lakh"


def test_a_claims_figure_the_evidence_negates_says_no():
    q = question.read("Was the social app Spill's seed extension $2.75 million?")
    assert verdict.verdict(q, [("Update: Spill's seed extension is $2 million, not $2.75 million.", 0.72, 0.76)]) == "No"
    assert verdict.verdict(q, [("Update: Spill's seed extension is $2.75 million, the company said.", 0.72, 0.76)]) == "Yes"


def test_what_time_asks_for_a_time_of_day():
    q = question.read("What time was kick-off for the match between Fulham and Manchester United on Saturday?")
    sentence = "Fulham host Manchester United on Saturday in their 11th match of the season, with kick-off at 6pm."
    spans = reader.candidates(q, sentence, nlp.entities([sentence])[0])
    assert spans and all(any(ch.isdigit() for ch in sp) for sp in spans), spans
