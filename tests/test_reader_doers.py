"""Who did it, by what the sentences call them: the noun of the question's verb's doer ("Referee
Ann Holt", "[Co-writer] Jeff Arden"), the maker of the question's object ("a score from Perry
Lund"), a two-word noun after "which" that the parse splits ("running back"), a report's outlet
by "a report from X"; sums of money asked as "money"; counts inside a misread name; a verdict from
the figures of the claim's act and from a place of a noun of place; the date of the question's
thing among several. Made-up articles through the real engine (the real model and spaCy), and
the pure parts on made-up text."""

from __future__ import annotations

from conftest import one_article

from qa import asking, clauses, contrasts, doers, figures, lexicon, nlp, question, reader, speakers, specifiers, verdict, when


def test_the_doer_of_a_verb_is_named_by_wordnet():
    assert lexicon.verb_base("refereed") == "referee"
    assert lexicon.verb_base("wrote") == "write"
    assert "referee" in lexicon.agent_nouns("referee")
    assert "co-writer" in lexicon.agent_nouns(lexicon.verb_base("co-wrote"))
    assert doers.asked_agent("Who co-wrote the slasher Harvest Night with Tom Reel?") == {"co-writer"}
    # (not who was done to, nor a passive's subject)
    assert doers.asked_agent("Who did the Hawks beat on Sunday?") == frozenset()
    assert doers.asked_agent("Who was named player of the match?") == frozenset()


def test_a_name_called_by_the_doers_noun_is_who_did_it(fresh_engine, tmp_path):
    assert doers.called_by(frozenset({"co-writer"}), "“[Co-writer] Jeff Arden and I grew up in Maine,” Reel says.", "Jeff Arden")
    one_article(fresh_engine, tmp_path, "Harvest Night review",
                "Tom Reel's slasher Harvest Night opens this week after sixteen years in the making. It was inspired "
                "by the horror films of Reel's youth such as Bloody Winter and Silent Fields. “[Co-writer] Jeff Arden "
                "and I grew up in Maine, where Harvest Night is a huge deal,” Reel says.")
    a = fresh_engine.ask("Who co-wrote Tom Reel's slasher Harvest Night with him?")
    assert a.short.startswith("Jeff Arden"), a.answer


def test_the_maker_of_the_questions_object_is_who_made_it():
    q = "Who wrote the all-guitar score for the 1958 noir Night Contract?"
    assert question.read(q).kind == "person"  # (a thing's maker, not the article's byline)
    assert question.read("Who wrote the Metro News article about the strike?").kind == "author"
    sentence = "It is a tight 81 minutes, aided by a fine lead performance and a great all-guitar score from Perry Lund."
    assert clauses.made_by(q, sentence, "Perry Lund")
    assert not clauses.made_by(q, "The film had a big influence on Martin Vale.", "Martin Vale")


def test_a_noun_of_two_words_after_which_is_one_noun():
    q = question.read("Which Hawks running back was out with an ankle injury before the Week 9 game?")
    assert (q.kind, q.role) == ("person", "running back")
    # (not a phrase after the question's verb)
    assert question.read("Which publication asked nearly two dozen designers to name their favourite games?").kind == "outlet"


def test_a_name_set_beside_a_noun_is_taken_as_written():
    sentence = "Then Fulford attacker Bobby De Marco-Reid converted the penalty that sealed it."
    assert clauses.called("attacker", sentence)[0] == "Bobby De Marco-Reid"


def test_how_much_money_is_any_sum_and_a_count_inside_a_misread_name_counts():
    q = question.read("How much money have the Lantern Moms raised for the Couch Fund since 2017?")
    assert figures.number_labels(q) == {"MONEY"}
    sentence = "Since 2017, the Lantern Moms have raised over $170,000 for the Couch Fund, and all of it goes to research."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "over $170,000"
    # ("venture capital" still needs its noun said)
    vc = question.read("How much venture capital had Beepa raised?")
    assert figures.number_about(vc, "It costs $1.99 per month.", nlp.entities(["It costs $1.99 per month."])[0]) is None
    times = question.read("How many times did Graham Arno represent Australia as a player?")
    text = "Arno – who also represented the Socceroos 56 times as a player – has coached since 2000."
    ents = [(a, b, "LAW") if text[a:b].startswith("Socceroos") else (a, b, lb) for a, b, lb in nlp.entities([text])[0]]
    ents = ents if any(lb == "LAW" for *_, lb in ents) else ents + [(text.index("Socceroos"), text.index("Socceroos") + 12, "LAW")]
    assert figures.number_about(times, text, ents) == "56 times"


def test_a_subject_the_recognizer_missed_is_a_name():
    q = question.read("Which company got cloud streaming rights to every Vantor game for 15 years?")
    sentence = "That's because Ubiform has signed a deal giving it cloud streaming rights for every Vantor game for 15 years."
    ents = [(a, b, lb) for a, b, lb in nlp.entities([sentence])[0] if not sentence[a:b].startswith("Ubiform")]
    assert doers.unrecognised(q, sentence, ents) == ["Ubiform"]


def test_a_verdict_from_the_figures_of_the_claims_act_and_from_a_place_of_a_noun_of_place():
    q = question.read("Did Couch Fund founder Rebecca Timms die of breast cancer in 2021?")
    support = [("Dr. Rebecca Timms created the Couch Fund to find a cure for breast cancer.", 0.82, 0.81),
               ("Timms died of breast cancer in 2019.", 0.77, 0.62)]
    assert verdict.verdict(q, support) == "No"
    q = question.read("Did Skyline Flight 394, whose 1989 crash was blamed on fake bolts, go down off the coast of Norway?")
    support = [("Skyline Flight 394 crashed off the coast of Denmark in September 1989, killing all 55 on board.", 0.69, 0.57)]
    assert verdict.verdict(q, support) == "No"


def test_a_reports_outlet_by_a_report_from_it():
    sentence = "Shel shared a video of the incident, saying “let’s talk like adults,” according to a report from NBC News."
    assert speakers.reporter(sentence, "report") == "NBC News"


def test_a_time_the_question_gives_is_no_answer():
    q = question.read("On what date is the 2023/24 Harbour Cup final at Wembley scheduled?")
    sentence = ("After the Community Shield won by Arsenal on August 6, the Harbour Cup will be the first trophy of the "
                "2023/24 season awarded, with the final to take place on Sunday, February 25, 2024 at Wembley Stadium.")
    spans = reader.candidates(q, sentence, nlp.entities([sentence])[0])
    assert not any("season" in sp for sp in spans)  # (a time the question gives)


def test_a_year_that_tells_which_thing_sets_no_time_and_an_account_is_no_act():
    q = question.read("How long is Edgar Ulm's 1945 noir Detour, according to Polygon's noir guide?")
    assert q.period is None
    assert "guid" not in asking.predicate_terms(q)
    assert question.read("What happened in February 2020?").period is not None


def test_an_embedded_question_and_the_source_that_says_it_decide_no_verdict():
    q = question.read("Did Lionel Messi play for Inter Miami against the Chicago Fire on 4 October 2023?")
    support = [("Teams prepare for Inter Miami differently depending on whether Lionel Messi will play against them.", 0.57, 0.63)]
    assert verdict.verdict(q, support) is None
    q = question.read("Does Sporting News' NBA prop bets guide say that registering with a sportsbook asks for your email?")
    assert not contrasts.other_owner(q.text, "The first step to betting on NBA props is opening an account at a sportsbook.")


def test_another_of_a_numbered_thing_is_no_answer():
    assert reader.other_numbered("At which venue was UFC 295 held?", "Last month's UFC 294 in Abu Dhabi drew a record gate.")
    assert not reader.other_numbered("At which venue was UFC 295 held?", "After UFC 294, UFC 295 heads to New York.")
    assert not reader.other_numbered("At which venue was UFC 295 held?", "The card returns to Madison Square Garden.")


def test_the_object_of_the_questions_verb_by_the_same_or_a_broader_verb():
    q = "Which team must Canada beat in a one-off playoff in March to reach the Copa Cup?"
    assert doers.object_asked(q) == ("Canada", "beat")
    sentence = "Canada will now have to defeat Trinidad and Tobago in a one-off playoff in March to reach the Copa Cup."
    assert doers.object_of(q, sentence) == "Trinidad and Tobago"
    # (another's act is not the subject's)
    assert doers.object_of(q, "Jamaica will now have to defeat Honduras in a playoff in March.") is None
    assert doers.object_asked("Who beat Canada in March?") is None


def test_which_in_a_role_asks_for_the_organisation_of_that_role(fresh_engine, tmp_path):
    q = "Jon Tural, who says workers know what amazing looks like, is a partner at which venture capital firm?"
    assert question.read(q).kind == "organization"  # (the "what" of the relative clause asks nothing)
    assert doers.asked_in_role(q) == "partner"
    one_article(fresh_engine, tmp_path, "Enterprise AI",
                "Big companies are slow to adopt generative AI, says Jon Tural, a partner at Madrona Capital. Tural "
                "previously worked at UpNorth, a startup accelerator. Many firms are still testing pilots.")
    a = fresh_engine.ask(q)
    assert a.short.startswith("Madrona Capital"), a.answer


def test_which_person_noun_said_it_asks_who_said_it():
    q = question.read("Which 'Mork and Mindy' co-star said Robin Williams' highs were so high?")
    assert (q.kind, q.role) == ("person", "co-star")
    # (an organisation's noun is no person's: "Which Japanese ministry said ...?" asks which ministry, as
    # "Which ministry said ...?" always did; the answer's evidence gives what it said)
    q = question.read("Which Japanese ministry said in December it would relax export restrictions?")
    assert q.kind == "organization" == question.read("Which ministry said in December it would relax export restrictions?").kind


def test_a_wh_phrase_after_a_clause_or_a_fronted_phrase_still_asks():
    q = "Edward Tsao, who told TechCrunch VCs may want to reduce their focus on defensibility, is a managing partner at which firm?"
    assert question.read(q).kind == "organization"
    assert doers.asked_in_role("Sydney Ghazan, who called the attacks 'faux populism', is an organizer with which group?") == "organizer"
    q = "In Bloomberg's survey of economists on rethinking quantitative easing, who is the chief economist quoted on targets?"
    assert question.read(q).kind == "person"


def test_a_sentence_naming_the_doer_by_the_verbs_noun_is_read(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Night Shift at Benny's review",
                "Night Shift at Benny's took so long to get the movie treatment that a knockoff beat it to theaters. "
                "The video game Night Shift at Benny's is less than a decade old. Fans of Night Shift at Benny's will "
                "find the movie tame. Game creator Scott Cawl wrote the script. Finally, under director Emma Tamm, "
                "the film is hitting theaters with a streaming debut.")
    a = fresh_engine.ask("Who directed the Night Shift at Benny's movie?")
    assert a.short.startswith("Emma Tamm"), a.answer


def test_a_cast_in_brackets_and_a_name_described_by_the_title():
    sentence = "A guy named Mike (Josh Hutchins) is hired as overnight security guard for an abandoned pizzeria."
    q = "Which actor plays Mike, the overnight security guard, in the Night Shift movie?"
    assert doers.in_brackets_after(q, sentence, nlp.entities([sentence])[0]) == "Josh Hutchins"
    from qa import facts
    s = "Brown wrote: “This casts further doubt over the credibility of the independent valuer, Citrin Cooper.”"
    ents = [(s.index("Citrin"), s.index("Citrin") + len("Citrin Cooper"), "PERSON")]
    assert facts._described_as("official independent valuer", s, ents) == "Citrin Cooper"


def test_a_sum_whole_a_venue_the_recognizer_called_an_organisation_and_dates_are_not_numbered_things():
    q = question.read("How large did Asoa's pre-tax losses grow in the year to 3 September?")
    sentence = "Asoa's pre-tax losses ballooned to almost £300m in the year to 3 September, compared with £31m the year before."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "almost £300m"
    q = question.read("At which stadium was Argentina vs Paraguay played in October 2023?")
    sentence = "This World Cup qualifying match at Estadio Monumental kicks off on Thursday, October 12 at 8 p.m."
    ents = [(a, b, "ORG" if sentence[a:b] == "Estadio Monumental" else lb) for a, b, lb in nlp.entities([sentence])[0]]
    assert "Estadio Monumental" in reader.candidates(q, sentence, ents)
    assert not reader.other_numbered(q.text, sentence)  # ("October 12" is a day, not another "October 2023")


def test_a_list_item_line_carries_its_date():
    from qa import labels
    text = "2023\n\nAquaman and The Lost Sea: Dec. 20\n\nA goofy sequel.\n\n2025\n\nSuperman: Legend: July 11\n\nThe first of the new projects."
    assert labels.dated_item(["Superman"], text) == ("July 11, 2025", "Superman: Legend: July 11")
    assert labels.dated_item(["Aquaman"], text)[0] == "Dec. 20, 2023"
    assert labels.dated_item(["Batman"], text) is None
    # (a date the sentence does not hold gets no year from the article's date)
    assert when.with_day("The first of the new projects.", "July 11", "2023-11-02") == "July 11"


def test_what_a_long_subject_is_called_asks_its_name():
    q = question.read("What was the giant dragonfly with a nearly three-foot wingspan that was wiped out in the Great Dying called?")
    assert (q.kind, q.focus) == ("other", "dragonfly")
    sentence = "Another iconic species, a giant dragonfly called Meganeuropsis with a nearly three-foot wingspan, died out."
    assert specifiers.specifier("dragonfly", sentence, q.text) == "Meganeuropsis"


def test_a_name_the_parse_hangs_on_the_reporting_verb_reports():
    sentence = "He and his fans started referring to the record’s release as “Gag City,” NBC News reports, referencing gay slang for being so amazed."
    assert speakers.reporter(sentence, "report") == "NBC News"


def test_a_time_keeps_its_zone():
    q = question.read("What time was kickoff for the Hawks vs. Rovers game in Dallas?")
    sentence = "When the Hawks and Rovers meet in Dallas on Thursday (8:15 p.m. ET, Prime Video), it will be a prime-time matchup."
    ents = [(a, b, lb) for a, b, lb in nlp.entities([sentence])[0]]
    at = sentence.index("8:15")
    ents = [e for e in ents if not (e[0] <= at < e[1])] + [(at, at + len("8:15 p.m"), "TIME")]
    assert "8:15 p.m. ET" in reader.candidates(q, sentence, ents)



def test_a_rate_asked_is_answered_by_the_figure_given_at_that_rate():
    q = question.read("How much per month does the ad-supported Dizzy Bundle cost?")
    sentence = "The Dizzy Bundle (monthly, with ads) $ 15 The Dizzy Bundle grants access to three services for $14.99 a month."
    # (with what it is counted by, as the sentence gives it)
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "$14.99 a month"
