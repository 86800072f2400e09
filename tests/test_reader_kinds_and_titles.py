"""Faults that the natural questions showed (thirty-fifth session): "Which <noun> ...?" where no
sentence says the noun is answered by a thing WordNet files under it ("a stun gun" for "What
weapon ...?", "lithium chloride" for "Which salt ...?"), not by a word of everyday English ("fans"
for "Which device ...?") nor a unit ("Hz" for "What refresh rate ...?"); and a name the sentence
gives a person's title ("ex-wife Rilla Zampin", "Tobin Vale, attorney general of Marcovia") is a
person's, whatever the recognizer took it for, but not one a plural or an article describes
("hosts Fulbridge", "Fulbridge, the champions"); and "At which stadium ...?" is answered by a
building's name the recognizer missed or cut ("at Southern Marvia’s Kelo Stadium"), not by any name
after "at" ("bet at Sports Interplay"); "How many euros / kilometres ...?" is answered by a figure
written with the unit's sign or symbol ("€125 million", "360km"); and "Who ...?" reads a person's
name the recognizer missed, shaped as a given name no common English word and a surname ("finds TE
Noah Gray"), not the name of a show, a thing, a company or a day ("The Dan Keller Show", "Getty
Images", "Fujikoshi Corporation", "Monday Night Football").
The real engine (the real model and spaCy) on a made-up article, and pure parts."""

from __future__ import annotations

from conftest import one_article

from qa import figures, lexicon, nlp, reader, specifiers, units
from qa.question import read


def test_wordnet_files_things_under_their_kinds():
    assert lexicon.kind_of("stun gun", "weapon")
    assert lexicon.kind_of("Lyme disease", "illness")
    assert lexicon.kind_of("dopamine", "chemical")
    assert not lexicon.kind_of("weapon", "weapon")  # (the noun itself is no answer)
    assert not lexicon.kind_of("dog", "weapon")
    assert lexicon.everyday("fan") and not lexicon.everyday("doxycycline")


def test_a_thing_of_the_asked_kind_is_taken_from_the_sentence():
    q = "What weapon does Mara Quell carry instead of the taser from the first game?"
    assert specifiers.of_kind("weapon", "This time Mara Quell sneaks through the base with a stun gun.", q) == "stun gun"
    # (with the nouns before a word WordNet knows alone)
    assert specifiers.of_kind("salt", "They soaked the disks in a lithium chloride solution overnight.",
                          "Which salt did the team soak the disks in?") == "lithium chloride"
    # (not what the question gives, nor an everyday word, nor a unit)
    assert specifiers.of_kind("weapon", "She swapped the taser for her fists.", q) is None
    assert specifiers.of_kind("device", "We're fans of nearly everything Rokon offers.", "Which Rokon device plays music?") is None
    assert specifiers.of_kind("rate", "It has a refresh rate of 120 Hz.", "What refresh rate does the Lumo TV have?") is None


def test_which_illness_is_answered_by_the_illness_named(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Dara Velm on her long recovery",
                "Dara Velm spent ten months in bed. In Maine she got Lyme disease from a tick bite, which kept her "
                "in bed eight hours a day.")
    a = fresh_engine.ask("Which illness did Dara Velm get from a tick bite in Maine?")
    assert a.short.startswith("Lyme disease"), a.answer


def test_a_name_given_a_person_s_title_is_a_person_s():
    q = read("Who is the attorney general that Sam Quill emailed in November?")
    s = "We then saw a November email from Sam Quill to Tobin Vale, attorney general of Marcovia, that said thanks."
    at = s.index("Tobin Vale")
    # (the recognizer may take an unfamiliar name for anything: here, as if for an organisation)
    assert "Tobin Vale" in reader.candidates(q, s, [(at, at + len("Tobin Vale"), "ORG")])
    q2 = read("Who is Wil Danvers's ex-wife?")
    s2 = "Wil Danvers also has a son, Trey, whom he shares with ex-wife Rilla Zampin."
    at2 = s2.index("Rilla Zampin")
    assert reader.candidates(q2, s2, [(at2, at2 + len("Rilla Zampin"), "ORG")]) == ["Rilla Zampin"]


def test_a_name_a_plural_or_an_article_describes_keeps_its_label():
    q = read("Who refereed the match against Burnvale?")
    for s in ("Burnvale won 2-0 over hosts Fulbridge on Sunday.", "Burnvale beat Fulbridge, the champions, on Sunday."):
        at = s.index("Fulbridge")
        assert reader.candidates(q, s, [(at, at + len("Fulbridge"), "ORG")]) == [], s


def test_a_building_named_after_at_is_a_candidate_for_which_stadium():
    q = read("At which stadium were the shows filmed?")
    s = "The concert film, compiled from several Swift shows at Southern Marvia’s Kelo Stadium, opens on Friday."
    # (whatever the recognizer made of the words: here, nothing)
    assert "Kelo Stadium" in reader.candidates(q, s, [])
    s2 = "In Corvania, bet on the match at Sports Interplay: see the latest odds here."
    assert reader.candidates(q, s2, []) == []


def test_a_figure_written_with_the_unit_s_sign_or_symbol_is_in_that_unit():
    assert units.in_unit("€125 million", "euros") and units.in_unit("360km", "kilometres") and units.in_unit("120g", "grams")
    assert not units.in_unit("$5 million", "euros") and not units.in_unit("360km", "miles")
    # (a currency is the sign's own word, not the people's adjective in its name, "INDIAN RUPEE SIGN")
    assert units.is_currency("rupees") and not units.is_currency("Indians")
    assert "MONEY" not in figures.number_labels(read("How many Indians were evacuated from the region?"))
    s = "With 360km of high-altitude slopes, Valdoro is an oasis for advanced skiers."
    assert figures.number_about(read("How many kilometres of slopes does the ski resort of Valdoro have?"), s,
                                nlp.entities([s])[0]) == "360km"


def test_how_many_euros_is_answered_by_a_sum_in_euros(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Music rightsholders count the cost",
                "ORPHA estimates that the annual loss to Marvian recorded music rightsholders would amount to "
                "approximately €125 million, money that goes to their counterparts abroad.")
    a = fresh_engine.ask("How many euros a year could Marvian recorded music rightsholders lose, according to ORPHA?")
    assert "€125 million" in a.short, a.answer


def test_a_person_s_name_the_recognizer_missed_is_a_candidate_for_who():
    q = read("Which Chiefs tight end caught a 34-yard touchdown pass from Pat Mahon?")
    s = "Pat Mahon finds TE Noah Gray wide open for a 34-yard TD to give the Chiefs a 17-0 lead."
    at = s.index("Pat Mahon")
    # (the recognizer found the passer, not the catcher)
    assert reader.candidates(q, s, [(at, at + len("Pat Mahon"), "PERSON")]) == ["Noah Gray"]
    for s, names in (("She told The Dan Keller Show that she was shocked.", []), ("The photo is by Getty Images on Monday.", []),
                     ("He starred on Monday Night Football.", []), ("Tokai sued Fujikoshi Corporation in 2019.", []),
                     ("Credit: Hugh Stewart For the record, it was a hit.", ["Hugh Stewart"])):
        assert reader.candidates(q, s, []) == names, s
