"""Faults that fresh questions showed (twenty-ninth session): "Which <noun phrase> ...?" is answered
by the name a sentence sets the phrase beside, where the sentence says a name of the question in
another form ("the daily newspaper Der Standard" in Austria, for "Which Austrian daily newspaper
...?") or the noun in another word with the same common words ("digital rights organization Fight
for the Future" for "digital rights group"), never by a name the question gives; a quoted name before
the noun names it ("its “Scary Fast” event"); a relative pronoun's clause tells what its antecedent
did ("Black Cauldron, which almost bankrupted the studio"), and a subject's "’s" is part of its name
("Chili’s posted"); "Whose <modifiers> record ...?" asks the owner of the record, the one with the
question's figures ("Uwe Seeler's record of 30"); a negation does not
reach a clause joined to it with a subject of its own; a subject with a name word the claim's lacks
("the M2 Pro model") is another's; "Where?" is answered by the city with its state ("Portland,
Maine") and by places the sentence joins with "and"; a word in capitals ("COVID") is no one's name;
a sum the recognizer missed is found by its currency sign, and a sign set apart from its digits ("$
200 $") is a web page's table cell; "What's the price of X?" asks for a sum; an adjective with a
subject of its own heads a clause whose year dates the figure ("available for $324 in 2024"); a verb
after "did" is in its base form ("lay", which the parser reads as the past of "lie"); a "which" after a
fronted phrase without a verb asks ("Besides Venom, which villain ...?"); a claim of what is not so
is said by a sentence about as close as the best that negates it too ("pleaded not guilty"); a
hyphenated doer ("John Woo-directed") did it to the noun it modifies, not to what the question names; a title within a run the recognizer
took for an organisation ("Kick CEO Eddie Craven") names its holder, and a proper noun after "of" with
a common noun before it ("the streaming platform Kick") says whose the title is; a claim in several parts
of one account is denied by a next best sentence that negates it ("tried - and failed - to give").
Pure parts on made-up text, and the real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import one_article

from qa import circumstances, clauses, doers, figures, nlp, question, reader, speakers, specifiers, verdict


def _ents(sentence: str) -> list[nlp.Entity]:
    return nlp.entities([sentence])[0]


def test_a_which_phrase_is_answered_by_the_name_set_beside_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Paywalls spread across Europe",
                "The ‘pay or okay’ model was not Halvard's invention; it was ‘pioneered’ in Austria, by the daily newspaper "
                "Der Morgenblatt — after which copycat paywalls quickly sprung up across the region. An Austrian consumer "
                "group says the model is unfair to readers who cannot pay.")
    a = fresh_engine.ask("Which Austrian daily newspaper pioneered the 'pay or okay' model?")
    assert a.short.startswith("Der Morgenblatt"), a.answer


def test_the_noun_in_another_word_with_the_same_common_words():
    sentence = ("This week, digital rights organization Fight for the Future partnered with music industry labor group "
                "United Musicians and Allied Workers to launch a campaign.")
    found = clauses.called("group", sentence, {"digit", "right", "group"}, {"digit", "right"})
    assert found is not None and found[0] == "Fight for the Future"
    # (one common word is not enough to take another noun for the one asked: "labor group" is a group)
    found = clauses.called("group", sentence, {"labor", "group"}, {"labor"})
    assert found is not None and found[0] != "Fight for the Future"


def test_a_quoted_name_before_the_noun_names_it():
    sentence = "Apple announced Macs using a new M3 processor at its “Scary Fast” event the night before Halloween."
    assert specifiers.specifier("event", sentence, "What was Apple's M3 Mac launch event called?") == "Scary Fast"


def test_a_relative_clause_tells_what_its_antecedent_did():
    sentence = ("From the dark and dreary Black Cauldron, which almost bankrupted the studio in 1985, to the off-kilter "
                "adventure movies of the early 2000s, the studio’s passion projects have often been megaflops.")
    assert clauses.doer_of_object("Which Disney movie almost bankrupted the studio in 1985?", sentence) == "Black Cauldron"
    sentence = "Chili’s posted an image of rosy smoke billowing from its restaurant."
    assert clauses.doer_of_object("Which restaurant chain posted an image of rosy smoke?", sentence) == "Chili’s"


def test_whose_asks_the_owner_of_the_phrase_s_head():
    assert doers.whose_asked("Whose debut Bundesliga season record of 30 goals is Harry Kane chasing?") == "record"
    assert doers.whose_asked("Whose record is Harry Kane chasing?") == "record"


def test_whose_record_is_the_one_with_the_question_s_figures(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Kane chases the records",
                "Harry Kane is on track to break Robert Lewandowski's record of 41 goals in a single season. It should come "
                "as no surprise that he is also on course to score the most goals in a debut Bundesliga campaign as he "
                "hunts down Uwe Seeler's record of 30 for Hamburg in the 1963/64 season.")
    a = fresh_engine.ask("Whose debut Bundesliga season record of 30 goals is Harry Kane chasing?")
    assert a.short.startswith("Uwe Seeler"), a.answer


def test_a_negation_does_not_reach_a_joined_clause_with_its_own_subject():
    sentence = ("Rookie tight ends aren't typically fantasy-relevant right away, but that's where LaPorta finds himself, "
                "becoming a favorite target of Goff.")
    assert not verdict.negates(sentence, {"target"})
    # (a verb joined without a subject of its own shares the negation)
    assert verdict.negates("LaPorta didn't catch a pass or draw a target in the opener.", {"target"})


def test_a_subject_with_another_name_word_is_another_s():
    q = question.read("Does the base M2 Mac Mini come with 16GB of RAM?")
    evidence = ("The M2 Mac Mini starts with 8GB of RAM and a 256GB SSD for $599, while the M2 Pro model features a superior "
                "processor plus gigabit ethernet, 16GB of RAM, and 512GB of storage for $1,299.")
    other = "The latest Mac Mini comes in a base configuration with the M2 processor or in a more powerful one with the M2 Pro."
    assert verdict.verdict(q, [(evidence, 0.7, 0.85), (other, 0.65, 0.64)]) == "No"


def test_a_place_with_its_state_and_joined_places():
    sentence = "One Portland, Maine-based startup is out to help address the problem."
    assert reader.placed(sentence, "Maine", _ents(sentence)) == "Portland, Maine"
    # (two items of a list are not a place within another)
    sentence = "The roster for the October friendlies vs Germany, Ghana was named on Tuesday."
    assert reader.placed(sentence, "Ghana", _ents(sentence)) == "Ghana"
    sentence = "The tour visits France, Germany and Italy this summer."
    assert reader.placed(sentence, "Germany", _ents(sentence)) == "Germany"
    sentence = "The plan is currently only live in test markets of New Zealand and the Philippines, the company said."
    assert reader.placed(sentence, "New Zealand", _ents(sentence), lambda p: True) == "New Zealand and the Philippines"
    assert reader.placed(sentence, "New Zealand", _ents(sentence)) == "New Zealand"


def test_a_word_in_capitals_is_no_one_s_name():
    q = question.read("Who took over the company after the founder stepped down?")
    sentence = "The company offered everyone a refund when COVID hit."
    at = sentence.index("COVID")
    assert reader.candidates(q, sentence, [(at, at + 5, "PERSON")]) == []


def test_sums_by_their_currency_sign_and_table_cells():
    q = question.read("How much does Halvard charge per month for its ad-free plan on the web?")
    sentence = "The fee for the ad-free plan is €9.99/month on web or €12.99/month on iOS or Android."
    assert figures.number_about(q, sentence, _ents(sentence)) == "€9.99/month"  # (with what it is counted by)
    q = question.read("What was the launch price of the Nimbus Watch?")
    assert figures.number_labels(q) == frozenset({"MONEY"})
    sentence = "Nimbus Watch $ 200 $ 350 43 % off"
    assert figures.number_about(q, sentence, _ents(sentence)) is None


def test_an_adjective_clause_s_year_dates_its_figure():
    q = question.read("What was the price of the cheapest Harbor FC season ticket in 2023?")
    sentence = "Orlando City SC have their cheapest season ticket available for just $324 in 2024."
    assert figures.number_about(q, sentence, _ents(sentence)) is None


def test_a_base_verb_after_did_is_its_own_lemma(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "A solar car maker changes course",
                "German automaker Sono once led the charge to bring solar panels to electric cars with the Sono Sion "
                "hatchback. Instead, Sono pivoted to selling to third-party automakers and laid off 300 workers.")
    a = fresh_engine.ask("How many workers did German solar car startup Sono lay off after abandoning the Sono Sion?")
    assert a.short.startswith("300 workers"), a.answer


def test_a_which_question_after_a_fronted_phrase_is_no_yes_no():
    # (the tagger calls "Besides" a subordinator; the phrase holds no verb, so "which" asks)
    q = question.read("Besides Venom, which villain new to the series is a principal antagonist in Marvel's Spider-Man 2?")
    assert q.kind != "yesno"
    # (a relative "which" after a clause with its verb still leaves a verdict to ask)
    assert question.read("After Reuters reported the deal, which surprised analysts, did Tesla confirm it?").kind == "yesno"


def test_a_negated_claim_said_by_a_sentence_about_as_close_as_the_best():
    q = question.read("Did Sam Bankman-Fried plead not guilty to the fraud charges over the collapse of FTX?")
    support = [("Sam Bankman-Fried, the founder of failed exchange FTX, has been found guilty on seven counts of fraud.", 0.75, 0.63),
               ("In January, Bankman-Fried pleaded not guilty to all counts, which include wire fraud.", 0.72, 0.63)]
    assert verdict.verdict(q, support) == "Yes"



def test_a_hyphenated_doer_of_another_thing_is_no_answer():
    sentence = ("Despite other new releases including “Godzilla Minus One” and Lionsgate’s John Woo-directed revenge pic "
                "“Silent Night,” it was a slow week.")
    assert circumstances.hyphen_agent("direct", sentence, frozenset({"toho", "godzilla", "minus", "one"})) is None
    assert circumstances.hyphen_agent("lead", "Cobra Gold is one of the largest U.S. and Thai-led exercises in Asia.",
                                      frozenset({"exercis"})) == "U.S. and Thai"


def test_a_title_inside_an_organisation_run_and_an_owner_the_recognizer_missed():
    sentence = "Its first year was checkered with ties to a crypto gambling site also owned by Kick CEO Eddie Craven."
    at = sentence.index("Kick")
    assert speakers.titled("ceo", sentence, [(at, len(sentence) - 1, "ORG")]) == [("Eddie Craven", "Kick")]
    assert speakers.owner("ceo", "Who is the CEO of the streaming platform Kick?") == {"kick"}


def test_a_claim_in_parts_denied_by_the_next_best_sentence():
    q = question.read("Did Travis Kelce get to meet Taylor Swift and give her his friendship bracelet when he went to her concert in July 2023?")
    support = [("In July, Kelce said he intended to give Swift a friendship bracelet with his number on it during her concert.", 0.73, 0.63),
               ("Back in July, Kelce confessed that he tried - and failed - to give Swift his number by giving her a friendship "
                "bracelet at one of her concerts.", 0.72, 0.63)]
    assert verdict.verdict(q, support) == "No"
