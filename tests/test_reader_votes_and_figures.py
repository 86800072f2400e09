"""Faults that the natural questions showed (thirty-first session): a name one sentence gives for the
event asked about is not outvoted by a name the other retrieved articles merely share (a fighter on
the same card), and a how-much question that tells of no act ("How much is X worth?", its verb
"be") takes the figure from a sentence that words the thing another way ("a cash award of ...").
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up, metro_series, one_article


def test_the_best_sentence_s_name_beats_one_the_other_articles_share(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path, *metro_series(
        "Fight night",
        "Jai Opetaia delivered a brutal first-round knockout of Ellis Zorro in Riyadh on Saturday night.",
        "Daniel Dubois fought in Riyadh on Saturday and won by a late stoppage in the tenth round.",
        "Daniel Dubois was also on the card in Riyadh, and the crowd cheered him on at the start of the first round.",
        "Promoters said Daniel Dubois will fight in Riyadh again next year after the knockout win."))
    a = fresh_engine.ask("Which boxer did Jai Opetaia knock out in the first round in Riyadh?")
    assert a.short.startswith("Ellis Zorro"), a.answer


def test_a_figure_of_a_question_that_tells_of_no_act(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Nobel prize in chemistry",
                "Three scientists won the Nobel prize in chemistry for their work on quantum dots. The Nobel Prizes carry "
                "a cash award of 11 million Swedish kronor from a bequest left by the prize's creator, Alfred Nobel.")
    a = fresh_engine.ask("How much is the Nobel prize in chemistry worth?")
    assert a.short.startswith("11 million Swedish kronor"), a.answer
