"""Faults the natural questions showed (thirty-seventh session), each test on made-up articles with the
real engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up

FACTS = ["won seven of its last eight games", "averaged 31.7 points per game", "allowed 24.1 points per game",
         "opened as a 10-point favourite", "will wear white jerseys", "travelled with 70 players", "sold 12,000 tickets",
         "practised indoors on Sunday", "lost two starters to the transfer portal", "has a 3-1 record in bowl games",
         "ranks 37th in total offense", "ranks 52nd in total defense", "scored 40 points in its last game",
         "held three opponents under 10 points", "leads the conference in sacks", "plays its first bowl game since 2019",
         "has the nation's best kicker", "ended the regular season on a five-game winning streak",
         "was picked to finish fourth in the preseason poll", "beat Harbor City 28-14 in 2021"]


def test_a_name_with_a_preposition_is_voted_on_whole(fresh_engine, tmp_path):
    """Names are voted on across articles by their last word, so that "Ohtani" counts for "Shohei
    Ohtani" and "the Dolphins" for "the Miami Dolphins"; but a name with a word inside it that
    is no part of a name ("the Partnership on AI", "Bank of America") ends in a word that names
    another thing ("Stability AI", "America"), and took its votes: "Which company did Meta team up
    with to launch the AI Alliance?" was answered "the Partnership on AI", another article's "AI"
    lending it a share, not "IBM"."""
    made_up(fresh_engine, tmp_path,
            {"title": "Meta and IBM start the Open Model Alliance", "source": "Metro News", "published_at": "2023-12-05",
             "body": "This morning, the social network announced that it is teaming up with IBM, whose customers are mostly "
                     "large businesses, to launch the Open Model Alliance, an industry body to support open science. "
                     "Confusingly, the Partnership on AI is in fact a member of the Open Model Alliance. None of the big labs "
                     "are members of the Open Model Alliance despite being longtime members of the Partnership on AI."},
            {"title": "Open models gain backers", "source": "Daily Ledger", "published_at": "2023-12-06",
             "body": "Meta said Stability AI is also a founding member of the Open Model Alliance. "
                     "The Open Model Alliance plans to publish open models and data sets."})
    a = fresh_engine.ask("Which company did Meta team up with to launch the Open Model Alliance?")
    assert a.short.startswith("IBM"), a.answer


def test_a_sum_with_its_currency_code_is_a_sum(fresh_engine, tmp_path):
    """A sum written with its currency in letters, as much news outside the US writes it ("NIS 405
    million", "one million NOK", "Rs 24.75 Cr"), is no sum of money to the recognizer (an
    organisation, a bare number, a person), so "How much ...?" passed it by for another figure or
    abstained. The currencies come from CLDR (babel), not a list of ours."""
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


def test_a_place_comes_with_the_place_it_lies_in(fresh_engine, tmp_path):
    """"Where is X from?" answered by the place a sentence puts the person in gave the city alone
    ("Dallas"), where the sentence sets it with the state it lies in ("a tech sales manager from
    Dallas, Texas"), as the places voted on already were; "In which city ...?" still asks for the
    city alone."""
    made_up(fresh_engine, tmp_path,
            {"title": "Student debt squeezes holiday budgets", "source": "Money Desk", "published_at": "2023-12-02",
             "body": "For Janelle Okafor and her family, the holidays are the time of year to give gifts. "
                     "“It just doesn’t leave much room for anything else,” said Okafor, a 27-year old tech sales manager from Boise, Idaho. "
                     "She has been paying back $400 a month since the payment pause ended."})
    a = fresh_engine.ask("Where is tech sales manager Janelle Okafor from?")
    assert a.short.startswith("Boise, Idaho"), a.answer


def test_an_owner_written_by_its_initials_is_the_same(fresh_engine, tmp_path):
    """"Who is the chief economist of the National Association of Realtors?" abstained, although a
    sentence gives "NAR chief economist Lawrence Yun": the title's owner written by its initials was
    taken for another owner. English shortens a body's name to its initials, so those letters are
    the same owner."""
    made_up(fresh_engine, tmp_path,
            {"title": "Candy sales slip as prices climb", "source": "Trade Daily", "published_at": "2023-10-20",
             "body": "Candy sales fell 12% in September from a year earlier, according to the National Confectioners Association. "
                     "“High prices and weak demand continue to hamper sales,” NCA chief economist Maria Kestrel said in a statement. "
                     "The association counts 4,000 member firms."})
    a = fresh_engine.ask("Who is the chief economist of the National Confectioners Association?")
    assert a.short.startswith("Maria Kestrel"), a.answer


def test_a_rank_in_figures_and_a_place_the_claim_gives(fresh_engine, tmp_path):
    """In the Yes/No verdict, a rank in figures the recognizer took for a day ("Chelsea came 12th",
    a DATE to it) was not read as a rank, so "Did Chelsea finish 12th ...?" was answered No by the
    only rank it saw, another's "third"; and a place the claim gives itself was taken for another
    place where it gives two ("in the U.S. exclusively in California" against "Stateside, Mazda
    exclusively sold the MX-30 in California")."""
    made_up(fresh_engine, tmp_path,
            {"title": "Fulham's worst season in decades", "source": "Sports Wire", "published_at": "2023-06-01",
             "body": "United finished well off the pace albeit in a respectable third at the end of 2022/23, a season in which "
                     "Fulham came 12th in the Premier League – their lowest final position for 29 years. "
                     "The club sacked its manager in April."},
            {"title": "Zephyr Motors ends its first electric car in the U.S.", "source": "Auto Daily", "published_at": "2023-09-12",
             "body": "The carmaker had high hopes for its first electric car. Stateside, Zephyr Motors exclusively sold the Z-10 "
                     "in Oregon, the state with the most EV chargers by a factor of five. The company sold 4,000 of them in Europe."})
    rank = fresh_engine.ask("Did Fulham finish 12th in the Premier League in 2022/23?")
    assert rank.short.startswith("Yes"), rank.answer
    place = fresh_engine.ask("Did Zephyr Motors sell the Z-10 electric car in the U.S. exclusively in Oregon?")
    assert place.short.startswith("Yes"), place.answer


def test_a_venue_name_after_at_is_whole(fresh_engine, tmp_path):
    """A venue's name with a second part after "at" ("Empower Field at Mile High") was cut by the
    recognizer at "at", where it knows no name of its own, so "In which stadium ...?" was answered
    with half the name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Patriots vs. Broncos: start time and channel", "source": "Sports Wire", "published_at": "2023-12-24",
             "body": "Sunday night's game between the Patriots and Broncos is set to kick off at 8:15 p.m. ET at "
                     "Empower Field at Mile High. The Broncos have won four of their last five games."})
    a = fresh_engine.ask("In which stadium did the Broncos host the Patriots on Sunday night?")
    assert a.short.startswith("Empower Field at Mile High"), a.answer


def test_a_title_holder_further_down_the_passages(fresh_engine, tmp_path):
    """"Who is the head coach of the UTSA Roadrunners ...?" abstained where a preview gives "plenty
    of threats for head coach Jeff Traylor to unleash", a sentence that names neither team and so
    ranks below a dozen that do. Where no close sentence says, a further one that gives someone the
    question's whole title, of no other owner (nor one a pronoun says whose: "Its CEO, Gabor
    Cselle"), in a passage that names what the question names, says who holds it."""
    sentences = [f"The Riverton Otters football team {f} ahead of the Lakeside Bowl against Harbor City." for f in FACTS]
    sentences.insert(9, "The offense also had four ball carriers with at least 323 rushing yards, so there are plenty of "
                        "threats for head coach Dana Whitlock to unleash.")
    made_up(fresh_engine, tmp_path,
            {"title": "Riverton vs. Harbor City odds, props, predictions: Otters favoured in the Lakeside Bowl",
             "source": "Sports Wire", "published_at": "2023-12-18", "body": " ".join(sentences)})
    a = fresh_engine.ask("Who is the head coach of the Riverton Otters football team going into the Lakeside Bowl against Harbor City?")
    assert a.short.startswith("Dana Whitlock"), a.answer


def test_a_title_holder_said_to_act_as_the_title(fresh_engine, tmp_path):
    """"Who is the CEO of Cubic Telecom?" abstained where an article says "Barry Napier will stay on as
    CEO": a sentence that says someone does something as the whole title (the name the subject of a
    verb with "as <title>", by the parse) holds it too, where no close sentence says."""
    facts = ["signed a deal with SoftBank Corp", "links 450,000 new vehicles a month", "was founded in Dublin in 2009",
             "works with 20 carmakers", "plans to hire 200 engineers", "expects revenue to double by 2026",
             "runs its software in 190 countries", "raised funding from Qualcomm", "opened an office in Tokyo",
             "is valued at just over $1 billion", "sells to truck makers too", "will keep its brand",
             "counts Audi among its customers", "reported a profit for the first time"]
    sentences = [f"Fjordtel Connect {f}, the connected-car company said on Tuesday." for f in facts]
    sentences.insert(8, "Ola Berg will stay on as CEO and will have a seat on the board of the company.")
    made_up(fresh_engine, tmp_path,
            {"title": "SoftBank takes 51% of Fjordtel Connect", "source": "Tech Wire", "published_at": "2023-09-12",
             "body": " ".join(sentences)})
    a = fresh_engine.ask("Who is the CEO of Fjordtel Connect?")
    assert a.short.startswith("Ola Berg"), a.answer
