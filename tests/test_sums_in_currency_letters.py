"""A fault the natural questions showed (thirty-seventh session): a sum written with its currency in
letters, as much news outside the US writes it ("NIS 405 million", "one million NOK", "Rs 24.75 Cr"),
is no sum of money to the recognizer (an organisation, a bare number, a person), so "How much ...?"
passed it by for another figure or abstained. The currencies come from CLDR (babel), not a list of
ours. The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_a_sum_with_its_currency_code_is_a_sum(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Regulator fines carmaker over emissions", "source": "Nordic Wire", "published_at": "2023-08-07",
             "body": "Norway's consumer regulator said on Monday that the carmaker Fjordbil must pay a daily fine of "
                     "two million NOK until it stops selling the disputed model. The regulator gave Fjordbil 14 days "
                     "to appeal, and 3 inspectors will visit its plant in Drammen."},
            {"title": "Israel funds rail line", "source": "Levant Daily", "published_at": "2023-08-08",
             "body": "The finance ministry approved NIS 405 million for the new rail line to Eilat, officials said. "
                     "The line will have 12 stations and is due to open in 2029."})
    fine = fresh_engine.ask("How much is the daily fine that Norway's consumer regulator ordered Fjordbil to pay?")
    assert "two million NOK" in fine.short, fine.answer
    rail = fresh_engine.ask("How much did Israel's finance ministry approve for the rail line to Eilat?")
    assert "NIS 405 million" in rail.short, rail.answer
