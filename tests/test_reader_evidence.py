"""Which sentences an answer is made of, and how they are shown: made-up articles through the real
engine (the real model and spaCy), and the pure parts on made-up text."""

from __future__ import annotations

import re
from datetime import date

from conftest import made_up, one_article

from qa import asking, nlp, question, reader, speakers, when


def test_a_quotation_is_shown_whole_with_who_said_it(fresh_engine, tmp_path):
    # The words the verdict rests on open the quotation; who said them comes in the next sentence.
    one_article(fresh_engine, tmp_path, "Pier vote",
                 "The council voted on Monday to close the old pier for a year. "
                 "“We are disappointed to see the pier closed for so long. "
                 "We urge the council to open it again for the summer,” harbour master Tom Reyes said. "
                 "Repairs start in June.")
    a = fresh_engine.ask("Did Tom Reyes say he was pleased with the council's vote to close the pier?")
    assert a.short.startswith("No"), a.answer
    # the two sentences of the quotation are one statement, with one citation
    assert re.search(r"“We are disappointed to see the pier closed for so long\. We urge the council [^\[]* Tom Reyes said\. \[\d\]", a.answer), a.answer
    said = fresh_engine.ask("What did Tom Reyes say about the pier?")
    assert said.answer.startswith("“We are disappointed"), said.answer


def test_a_sentence_closes_a_quotation_begun_before_it():
    assert speakers.closes_quote("We urge them to act,” Tom Reyes said.")
    assert speakers.closes_quote('We urge them to act," Tom Reyes said.')
    assert not speakers.closes_quote("“We urge them to act,” Tom Reyes said.")
    assert not speakers.closes_quote('Tom Reyes said "we urge them to act.')
    assert not speakers.closes_quote("Tom Reyes urged them to act.")


def test_what_someone_agreed_to_do_is_told_by_the_sentence_of_the_agreement(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ferry talks",
                 "Mayor Ana Lopes said on Friday the ferry talks had gone well and the two sides were close. "
                 "Before the talks ended, the council and the operator agreed to keep the night ferry running until March. "
                 "Ana Lopes also spoke with the harbour board about the talks on Thursday.")
    a = fresh_engine.ask("What did the two sides agree to do before the talks ended?")
    assert a.answer.startswith("Before the talks ended, the council and the operator agreed"), a.answer


def test_a_verb_that_does_the_act_by_its_noun_dates_it(fresh_engine, tmp_path):
    # "issued a ban ... in March" is when it was banned; the protest's Monday is another act's date.
    one_article(fresh_engine, tmp_path, "Harbour rules",
                 "The harbour board issued a ban on night fishing in March. Fishermen protested outside the town hall on Monday. "
                 "The board said the rule protects the seals.")
    banned = fresh_engine.ask("When was night fishing banned?")
    assert banned.short.startswith("March"), banned.answer
    s = "The harbour board issued a ban on night fishing in March."
    assert when.governed_by("ban", s, "March") and not reader.of_other_act("ban", s, "March")
    assert not when.governed_by("ban", "Fishermen criticised the ban in March.", "March")  # another act


def test_a_do_support_question_is_parsed_with_its_verb():
    # The small model reads "fire" / "slam" after "did <subject>" as nouns; the question is read again
    # with the subject before "did", keeping its words, order and entities.
    for q, verb in [("When did Northwind Ferries fire Tom Reyes?", "fire"), ("Why did Ana Lopes slam the harbour board?", "slam"),
                    ("How did the ferry dispute unfold?", "unfold"), ("How many missiles did the navy launch in 2019?", "launch")]:
        doc = nlp.parse(q)
        assert asking.main_verb(q) == verb and [t.text for t in doc] == [t.text for t in nlp.pipeline()(q)], q
        tok = next(t for t in doc if t.text == verb)
        assert tok.dep_ == "ROOT" and tok.pos_ == "VERB" and doc.text == q, [(t.text, t.dep_) for t in doc]
    q = "When did Northwind Ferries fire Tom Reyes?"
    assert [e.text for e in nlp.parse(q).ents] == [e.text for e in nlp.pipeline()(q).ents] == ["Northwind Ferries", "Tom Reyes"]
    assert nlp.parse("Who did the phone usage study?")[1].dep_ == "ROOT"  # "did" is the verb there


def test_a_title_named_with_its_organisation_is_that_organisations():
    asked = speakers.owner("ceo", "Who is the CEO of Northwind Ferry Group?")
    assert speakers.same_owner(asked, speakers.owner("ceo", "Northwind Ferry Group CEO Tom Reyes spoke on Monday."))
    assert not speakers.same_owner(asked, speakers.owner("ceo", "Ana Lopes, chair and CEO of Southwind Ferry Group, said no."))
    assert not speakers.same_owner({"south", "korea"}, {"north", "korea"})
    assert speakers.same_owner({"south", "korea"}, {"korea"})


def test_when_a_time_ended_is_the_end_of_its_range(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Harbour history",
                 "Fishermen still talk about the blockade of the harbour by the navy from 1910 till 1945. "
                 "The museum opened in 1990.")
    assert fresh_engine.ask("When did the blockade of the harbour by the navy end?").short.startswith("1945")
    assert fresh_engine.ask("When did the blockade begin?").short.startswith("1910")


def test_what_someone_did_is_told_by_a_sentence_where_they_do_it(fresh_engine, tmp_path):
    # The lede is about Ana Lopes and resembles the question most; the answer is where she founds something.
    one_article(fresh_engine, tmp_path, "Ana Lopes at 80",
                 "Ana Lopes is still travelling the coast in support of more money for harbour towns. "
                 "Her busy year recalls the summer of 1973, when a young Lopes founded the Harbour Trust and won the regatta. "
                 "She turns 80 in November.")
    a = fresh_engine.ask("What did Ana Lopes found in 1973?")
    assert a.answer.startswith("Her busy year recalls the summer of 1973, when a young Lopes founded the Harbour Trust"), a.answer


def test_the_time_a_question_sets_is_the_one_with_its_year():
    q = question.read("Did the harbour trust celebrate its 100-year anniversary in 2023?")
    assert q.period_text == "2023" and q.period == (date(2023, 1, 1), date(2023, 12, 31))
    assert question.read("What happened on May 3?").period_text == "May 3"  # none with a year: the one given


def test_what_share_asks_for_a_figure(fresh_engine, tmp_path):
    assert question.read("What share of their income could fishermen lose?").kind == "number"
    assert question.read("What percentage of the boats were repaired?").kind == "number"
    one_article(fresh_engine, tmp_path, "Fishing levy",
                 "A group of fishing unions warned that a new levy could see fishermen lose up to 40% of their income from the winter catch. "
                 "The harbour board will vote on the levy in June.")
    assert fresh_engine.ask("What share of their income could fishermen lose?").short.startswith("up to 40%")


def test_which_organisation_is_the_one_the_articles_call_so(fresh_engine, tmp_path):
    # "Ferrylink, the trade association for small ferry lines, and Portwatch, ...": the apposition ends
    # where the list goes on; another organisation is named with more of the question's words.
    one_article(fresh_engine, tmp_path, "Ferry levy",
                 "The levy would hurt small operators, said the groups, which include Ferrylink, the trade association for small ferry lines, "
                 "and Portwatch, the national body for harbour safety. "
                 "Small ferry lines are also backed by Northwind Ferries, which runs small ferry lines on the coast.")
    assert question.read("Which trade association represents small ferry lines?").role == "trade association"
    assert fresh_engine.ask("Which trade association represents small ferry lines?").short.startswith("Ferrylink")


def test_a_yes_no_claim_naming_what_the_evidence_never_names_is_not_said(fresh_engine, tmp_path):
    # Seaspan Lines is in the articles, not in what tells of the hearing. (Which passages are the
    # evidence depends on the ranking: the rule itself is checked on passages given.)
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour hearing", "source": "Metro News", "published_at": "2021-05-02",
             "body": "On Wednesday, at a council hearing, Mayor Ana Lopes questioned the chiefs of Northwind Ferries and Harbourline "
                     "about the fees their firms charged to passengers. The chiefs were unable to say how much they had returned. "
                     "Lopes pressed the Northwind chief further, asking if the fees had been cut. Lopes questioned the chiefs for an hour. "
                     "The hearing featured six chiefs, including the two Lopes questioned, from the biggest harbour firms. "
                     "Both chiefs said they would answer Lopes in writing."},
            {"title": "New ships", "source": "Metro News", "published_at": "2021-04-20",
             "body": "Seaspan Lines ordered two new cargo ships from a yard in Korea. The ships will carry grain from the autumn."})
    assert fresh_engine.ask("Did Ana Lopes question the chief of Northwind Ferries?").short.startswith("Yes")
    q = question.read("Did Ana Lopes question the chief of Seaspan Lines?")
    hearing = "Mayor Ana Lopes questioned the chiefs of Northwind Ferries and Harbourline."
    assert reader.unnamed(q.names, hearing) == ["seaspan lines"] and reader.unnamed(q.names, hearing + " Seaspan Lines’ ships") == []
