"""Answers the natural questions showed missed (sixtieth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import one_article


def test_money_named_by_a_kind_of_possession_is_a_sum(fresh_engine, tmp_path):
    """"How much prize money will the champion get?" abstained on "The Champion will receive $25 million": the word
    before "money" had to be said too, as "venture" of "venture capital" must; a prize, like a fee or a salary, is
    itself a possession, so a sum of money is what is asked."""
    one_article(fresh_engine, tmp_path, "Tour raises its bonus pool",
                "The Harlow Tour announced its new bonus pool on Tuesday. The 2024 Harlow Cup Champion will receive "
                "$25 million. Players welcomed the change.")
    a = fresh_engine.ask("How much prize money will the 2024 Harlow Cup champion get?")
    assert a.short.startswith("$25 million"), a.answer
