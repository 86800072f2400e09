"""Faults that fresh questions showed (twenty-seventh session): the doer of an organisation question's
act that the recognizer missed ("Accel led ...", a sentence's first word) or took for a person
("neighbor Apptronik, which unveiled ..."); a negation written with the typographic apostrophe
("isn’t"); a possessor answered as its own ("free agent Shohei Ohtani" for "Ohtani's agent"); a cast
in brackets when a title with a colon takes the question's root; a title's owner given by "at" ("chief
economist at First American"); "which" with an adjective before its noun ("In which German city");
"prize money" as a sum the sentence gives a prize; a capitalised noun of a name ("Mansfield Town")
specifies no "which" noun; a counterpart holds the title of the one whose counterpart they are; a name
is written with a capital (not "n’t" of "won’t", a place to the recognizer); a phrasal verb opposed as
one ("go up" against "fell"); a sentence that tells of a yes/no claim's act by its verb is evidence
beside the best one, and another rank there contradicts the claim's ("fifth-round" for "third round").
Pure parts on made-up text, and the real engine (the real model and
spaCy) on made-up articles."""

from __future__ import annotations

from conftest import one_article

from qa import asking, doers, figures, nlp, question, reader, speakers, specifiers, verdict


def test_the_doer_of_an_organisation_question_s_act_is_found_where_the_recognizer_missed_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "A payments startup raises money",
                "Rainforest works with software companies to embed payments into their platforms. "
                "Accel led the company’s $8.5 million seed round, which included participation from Infinity Ventures, "
                "BoxGroup and Tech Square Ventures. Index Ventures was not part of the round.")
    a = fresh_engine.ask("Which venture firm led the seed round of the payments startup Rainforest?")
    assert a.short.startswith("Accel"), a.answer


def test_a_lone_word_the_recognizer_calls_a_person_is_no_person_its_article_never_names_in_full():
    sentence = "Seemingly farther along is Tesla’s Austin, Texas-based neighbor Apptronik, which unveiled its Apollo humanoid."
    ents = nlp.entities([sentence])[0]
    by = speakers.doer("unveil", sentence)
    assert doers.missed_name(by, sentence, ents, known_person=lambda w: False) == "Apptronik"
    # (an article that names a person in full by that word says it is one: "Elon Musk" for Musk)
    assert doers.missed_name(by, sentence, ents, known_person=lambda w: True) is None
    # (nor is a name of several words the recognizer left unlabelled taken: as often a person's)
    sentence = "Sandeep Patil played a fiery innings as India stormed into the semifinals, beating England."
    assert doers.missed_name("Sandeep Patil", sentence, nlp.entities([sentence])[0], known_person=lambda w: False) is None


def test_a_negation_with_the_typographic_apostrophe_denies_the_claim():
    q = question.read("Is Nvidia a member of the Meta and IBM AI Alliance?")
    assert verdict.denies(q, "I’ll note that Nvidia isn’t a member of the AI Alliance, either.")
    assert verdict.negated("It isn’t so.")
    assert not verdict.denies(q, "I’ll note that Nvidia is a member of the AI Alliance, too.")


def test_whose_noun_is_asked_is_not_the_one_called_by_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Baseball free agency",
                "Everyone in baseball is waiting for free agent Shohei Ohtani’s decision. "
                "Ohtani's agent, Nez Balelo, has kept the talks quiet.")
    a = fresh_engine.ask("Who is Shohei Ohtani's agent?")
    assert a.short.startswith("Nez Balelo"), a.answer


def test_a_cast_in_brackets_is_read_when_a_title_with_a_colon_takes_the_question_s_root():
    sentence = "Netflix’s Castlevania: Nocturne picks up centuries later as demon slayer Richter Belmont (Edward Bluemel) fights."
    q = "Who voices Richter Belmont in Netflix's Castlevania: Nocturne?"
    assert doers.in_brackets_after(q, sentence, nlp.entities([sentence])[0]) == "Edward Bluemel"


def test_at_an_organisation_says_whose_a_title_is():
    sentence = "Rates stay high, Odeta Kushi, deputy chief economist at First American, told Fortune."
    assert speakers.owner("economist", sentence) == {"first", "american"}
    # ("at" a place says where, not whose)
    assert speakers.owner("economist", "Odeta Kushi, an economist at a bank in London, told Fortune.") == set()



def test_which_with_an_adjective_before_its_noun_asks_for_that_noun():
    q = question.read("In which German city did the Dolphins play the Chiefs in Week 9?")
    assert q.kind == "place"
    assert asking.asked_noun(q.text) == "city"


def test_a_sum_of_money_answers_for_the_prize_the_sentence_names():
    q = question.read("How much prize money do the chemistry Nobel winners split?")
    sentence = "The trio will split a prize of 11 million Swedish kronor, or about $1 million."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) == "11 million Swedish kronor"
    # (a sum the sentence gives no prize is not the prize money: "venture capital" is not any money)
    sentence = "The trio will split 11 million Swedish kronor in research grants."
    assert figures.number_about(q, sentence, nlp.entities([sentence])[0]) is None


def test_a_capitalised_noun_of_a_name_specifies_no_which_noun():
    sentence = "EFL League Two side Mansfield Town were drawn against Port Vale. The draw was made in Nyon."
    assert specifiers.specifier("town", sentence, "In which Swiss town is the draw held?") != "EFL League Two"


def test_a_counterpart_holds_the_title_of_the_one_whose_counterpart_they_are(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ministers to meet",
                "South Korean Foreign Minister Kang Kyung-wha left for Nagoya on Friday. "
                "The ministry said Kang is expected to hold one-on-one talks with her Japanese counterpart, Toshimitsu Motegi, on Saturday.")
    a = fresh_engine.ask("Which foreign minister was Kang due to meet one-on-one?")
    assert a.short.startswith("Toshimitsu Motegi"), a.answer


def test_a_name_is_written_with_a_capital():
    q = question.read("Which city's sportsbooks set the standard for betting lines?")
    sentence = "While one sportsbook may be forced to move a line, another won’t."
    assert reader.candidates(q, sentence, [(sentence.index("n’t"), sentence.index("n’t") + 3, "GPE")]) == []


def test_a_phrasal_verb_is_opposed_as_one():
    q = "Did Alphabet shares go up in after-hours trading?"
    assert verdict.opposed(q, 0, len(q), ["Shares in Alphabet fell 6 per cent after hours."])
    assert not verdict.opposed(q, 0, len(q), ["Shares in Alphabet rose 6 per cent after hours."])


def test_a_sentence_that_tells_of_the_claim_s_act_is_evidence(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Dolphins abroad",
                "Miami Dolphins vs. Chiefs (Germany game). The Jaguars lost on Monday night to the Bengals. "
                "The Dolphins have been in Frankfurt since early this week, having flown overnight on Monday to adjust to the time difference.")
    a = fresh_engine.ask("Did the Miami Dolphins fly to Germany on Monday night ahead of their game against the Chiefs?")
    assert a.short.startswith("Yes"), a.answer


def test_another_rank_in_the_evidence_contradicts_the_claim_s():
    assert verdict.ordinals("He was stopped with a fifth-round TKO, the 3rd of his career.") == {"5", "3"}
    q = question.read("Did Anthony Joshua stop Otto Wallin in the third round?")
    welcome = ("Joshua welcomes Otto Wallin in the main event in Riyadh.", 0.6, 0.6)
    assert verdict.verdict(q, [welcome, ("Joshua stopped Otto Wallin with a fifth-round TKO.", 0.6, 0.6)]) == "No"
    assert verdict.verdict(q, [welcome, ("Joshua stopped Otto Wallin with a third-round TKO.", 0.6, 0.6)]) == "Yes"

