"""Faults that fresh questions showed (twenty-sixth session): "How much money ...?" answered by a sum
the sentence gives another noun ("$3 million in funding"); a counted noun the stemmer and the
lemmatizer spell differently ("STIs"). The real engine (the real model and spaCy) on made-up
articles."""

from __future__ import annotations

from conftest import one_article


def test_a_sum_of_money_answers_how_much_money_whatever_its_noun(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Video network funded",
                "Mobile video network StarVid Mobile has secured $3 million in funding from Janngo Capital. "
                "StarVid Mobile offers creators a platform for monetizing their work.")
    a = fresh_engine.ask("How much money did StarVid Mobile raise from Janngo Capital?")
    assert a.short.startswith("$3 million"), a.answer


def test_a_counted_noun_is_found_however_the_stemmer_spells_it(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Home screening",
                "The startup Ovela has added STI testing to its home screening service. "
                "Ovela is launching with the ability to test for five STIs, the most common ones.")
    a = fresh_engine.ask("How many STIs can Ovela's test screen for at launch?")
    assert a.short.startswith("five STIs"), a.answer
