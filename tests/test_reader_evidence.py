"""Which sentences an answer is made of, and how they are shown: made-up articles through the real
engine (the real model and spaCy), and the pure parts on made-up text."""

from __future__ import annotations

import re

from conftest import made_up

from qa import reader, speakers, when


def _one_article(engine, tmp_path, title: str, body: str) -> None:
    made_up(engine, tmp_path, {"title": title, "source": "Metro News", "published_at": "2021-05-02", "body": body})


def test_a_quotation_is_shown_whole_with_who_said_it(fresh_engine, tmp_path):
    # The words the verdict rests on open the quotation; who said them comes in the next sentence.
    _one_article(fresh_engine, tmp_path, "Pier vote",
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
    _one_article(fresh_engine, tmp_path, "Ferry talks",
                 "Mayor Ana Lopes said on Friday the ferry talks had gone well and the two sides were close. "
                 "Before the talks ended, the council and the operator agreed to keep the night ferry running until March. "
                 "Ana Lopes also spoke with the harbour board about the talks on Thursday.")
    a = fresh_engine.ask("What did the two sides agree to do before the talks ended?")
    assert a.answer.startswith("Before the talks ended, the council and the operator agreed"), a.answer


def test_a_verb_that_does_the_act_by_its_noun_dates_it(fresh_engine, tmp_path):
    # "issued a ban ... in March" is when it was banned; the protest's Monday is another act's date.
    _one_article(fresh_engine, tmp_path, "Harbour rules",
                 "The harbour board issued a ban on night fishing in March. Fishermen protested outside the town hall on Monday. "
                 "The board said the rule protects the seals.")
    assert fresh_engine.ask("When was night fishing banned?").short.startswith("March"), fresh_engine.ask("When was night fishing banned?").answer
    s = "The harbour board issued a ban on night fishing in March."
    assert when.governed_by("ban", s, "March") and not reader.of_other_act("ban", s, "March")
