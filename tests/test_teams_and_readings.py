"""Faults the natural questions showed (fifty-first session), each test on made-up articles with the real
engine (the real model and spaCy) or the real parse; every one failed on the session's start code."""

from __future__ import annotations

from qa import nlp, reader


def _read(*sentences: str) -> list[dict[str, str]]:
    ents = [[(e.start_char, e.end_char, e.label_) for e in nlp.parse(s).ents] for s in sentences]
    return [{s[a:b]: label for a, b, label in es} for s, es in zip(sentences, reader.one_sense(list(sentences), ents))]


def test_a_name_written_after_the_is_no_persons():
    """"Which Seahawks rookie replaced Kenneth Walker III ...?" was answered "Rams", and "Who scored Chicago's
    go-ahead goal ...?" "Blackhawks": the recognizer took the teams for people. English sets no article before
    a person's name, so a one-word name the sentences write after "the", as its noun phrase's head, is a team's
    or a body's wherever they name it; "the Williams sisters" (a modifier) and names without "the" stay people."""
    said = _read("The Blackhawks score four unanswered goals to take down the Penguins on opening night.",
                 "Connor Bedard helped the Blackhawks to a 4-2 win over the Penguins.",
                 "Chicago takes its first lead of the game thanks to Jason Dickinson.",
                 "The Williams sisters won again.")
    assert said[0]["The Blackhawks"] != "PERSON" and said[0]["Penguins"] != "PERSON", said
    assert said[1]["Connor Bedard"] == "PERSON" and said[1]["Blackhawks"] != "PERSON", said
    assert said[2]["Jason Dickinson"] == "PERSON", said
    assert said[3]["The Williams"] == "PERSON", said
