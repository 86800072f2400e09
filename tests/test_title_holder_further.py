"""A fault the natural questions showed (thirty-seventh session): "Who is the head coach of the UTSA
Roadrunners ...?" abstained where a preview gives "plenty of threats for head coach Jeff Traylor to
unleash", a sentence that names neither team and so ranks below a dozen that do. Where no close sentence
says, a further one that gives someone the question's whole title, of no other owner (nor one a pronoun
says whose: "Its CEO, Gabor Cselle"), in a passage that names what the question names, says who holds it.
The real engine (the real model and spaCy) on a made-up article."""

from __future__ import annotations

from conftest import made_up

FACTS = ["won seven of its last eight games", "averaged 31.7 points per game", "allowed 24.1 points per game",
         "opened as a 10-point favourite", "will wear white jerseys", "travelled with 70 players", "sold 12,000 tickets",
         "practised indoors on Sunday", "lost two starters to the transfer portal", "has a 3-1 record in bowl games",
         "ranks 37th in total offense", "ranks 52nd in total defense", "scored 40 points in its last game",
         "held three opponents under 10 points", "leads the conference in sacks", "plays its first bowl game since 2019",
         "has the nation's best kicker", "ended the regular season on a five-game winning streak",
         "was picked to finish fourth in the preseason poll", "beat Harbor City 28-14 in 2021"]


def test_a_title_holder_further_down_the_passages(fresh_engine, tmp_path):
    sentences = [f"The Riverton Otters football team {f} ahead of the Lakeside Bowl against Harbor City." for f in FACTS]
    sentences.insert(9, "The offense also had four ball carriers with at least 323 rushing yards, so there are plenty of "
                        "threats for head coach Dana Whitlock to unleash.")
    made_up(fresh_engine, tmp_path,
            {"title": "Riverton vs. Harbor City odds, props, predictions: Otters favoured in the Lakeside Bowl",
             "source": "Sports Wire", "published_at": "2023-12-18", "body": " ".join(sentences)})
    a = fresh_engine.ask("Who is the head coach of the Riverton Otters football team going into the Lakeside Bowl against Harbor City?")
    assert a.short.startswith("Dana Whitlock"), a.answer
