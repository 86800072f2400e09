"""Faults that the natural questions showed (thirty-fourth session): a change "from" one figure "to"
another is read by the words before them where the parse reads the two as one ("from $20,000 to
$35,000 a month"); of two clauses whose subjects share a word with the question's name, the one
that holds more of it gives the figure ("Adelaide Bank ... while Bank of Kestrel shed 6.9 per
cent"); a figure set right after the question's name is its own ("Ben Carro ($20 million)");
"What salary / stake ...?" asks for a sum or a share, and says the articles don't say when no
passage gives one; "What percentage stake ...?" asks for a percentage; and a name the sentence
calls by the noun "which" asks for is of that kind, whatever the recognizer took it for
("misinformation watcher Veritrack"); a year that names the event ("the 2023 Harbor Cup final")
marks no one article's sentence as the event's ("World Cup 2023 Final").
The real engine (the real model and spaCy) on made-up articles, and pure parts."""

from __future__ import annotations

from conftest import made_up, one_article

from qa import figures, nlp, reader
from qa.question import read


def about(question: str, sentence: str) -> str | None:
    return figures.number_about(read(question), sentence, nlp.entities([sentence])[0])


def test_a_change_from_one_figure_to_another_is_read_by_its_words():
    s = ("A settlement was finally reached in September 2018, with Harlow increasing her child support "
         "payments to Denner from $20,000 to $35,000 a month.")
    assert about("After the 2018 settlement, how much child support was Harlow paying Denner?", s) == "$35,000"
    s = ("Greystone Retail: From a modest 1,691 stores in FY14, the retail business has grown to 18,040 stores "
         "by FY23.")
    assert (about("How many stores did Greystone Retail have by FY23?", s) or "").startswith("18,040")


def test_the_clause_that_names_more_of_the_question_s_name_gives_the_figure():
    s = ("Ferndale and Adelaide Bank (down 1.3 per cent) and Westmark (down 0.2 per cent) were among the biggest "
         "decliners, while Bank of Kestrel shed 6.9 per cent after missing consensus expectations.")
    assert about("How much did Bank of Kestrel shares drop after missing consensus expectations?", s) == "6.9 per cent"


def test_a_figure_right_after_the_question_s_name_is_its_own():
    s = ("The Rovers already pay six players above $10 million a year: Tom Aldous ($27 million), Ben Carro "
         "($20 million), Carl Ditton ($15 million).")
    assert about("How much do the Rovers pay Ben Carro per year?", s) == "$20 million"


def test_what_salary_or_stake_asks_for_a_sum_or_a_share(fresh_engine, tmp_path):
    assert read("What salary will Dana Quill receive as Ferrowind's new CEO?").kind == "number"
    assert read("What stake is Orbis taking in Kestrel Telecom?").kind == "number"
    # ("Which stock ...?" asks which one; "What percentage stake ...?" a percentage)
    assert read("Which textile stock did the analysts cite?").kind != "number"
    assert figures.number_labels(read("What percentage stake in Ferrowind did Dana Quill buy?")) == {"PERCENT"}
    one_article(fresh_engine, tmp_path, "Orbis buys into Kestrel Telecom",
                "Kestrel Telecom has picked up €473 million from Orbis, which is taking a 51% stake in the company. "
                "Dana Quill, Orbis's former head of markets, will be Ferrowind's new CEO, the company said on Tuesday.")
    a = fresh_engine.ask("What stake is Orbis taking in Kestrel Telecom?")
    assert a.short.startswith("51%"), a.answer
    b = fresh_engine.ask("What annual salary will Dana Quill receive as Ferrowind's new CEO?")
    assert b.abstained, b.answer


def test_a_name_called_by_the_asked_noun_is_of_that_kind():
    q = read("Which misinformation watcher reported a surge in propaganda?")
    s = "Also today, a report by misinformation watcher Veritrack found a surge in propaganda."
    at = s.index("Veritrack")
    # (the recognizer may take an unfamiliar name for anything: here, as if for a place)
    assert reader.candidates(q, s, [(at, at + len("Veritrack"), "GPE")]) == ["Veritrack"]
    # (a name the sentence does not call so stays what the recognizer took it for)
    s2 = "Also today, a report from Veritrack found a surge in propaganda."
    at2 = s2.index("Veritrack")
    assert reader.candidates(q, s2, [(at2, at2 + len("Veritrack"), "GPE")]) == []


def test_a_year_that_names_the_event_marks_no_one_article(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Harbor Cup final preview", "source": "Metro News", "published_at": "2023-11-20",
             "body": "Instead, in the Harbor Cup final in Malvera, Australia will face an Italy team running hot on the "
                     "heroics of their golden boy Sinner. Italian teammates Sonego and Sinner will face Australia in the "
                     "Harbor Cup final."},
            {"title": "Cricket final weather", "source": "Valley Post", "published_at": "2023-11-18",
             "body": "Also Read: IND vs AUS World Cup 2023 Final: Weather Forecast, Pitch Report at Kestrel Stadium "
                     "Ahmedabad ahead of India vs Australia clash."})
    a = fresh_engine.ask("In which city was the 2023 Harbor Cup final between Australia and Italy played?")
    assert a.short.startswith("Malvera"), a.answer

