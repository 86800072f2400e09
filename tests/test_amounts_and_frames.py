"""Faults the natural questions showed (fifty-seventh session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_how_much_in_a_noun_asks_for_a_sum_of_that_noun(fresh_engine, tmp_path):
    """"how much in sales did Microsoft report for the three months through September 2023" was answered "5 per cent",
    the rise of its shares, though the sentence goes on "its sales jumped 13 per cent to $US56.5 billion": what an
    amount is of follows "how much in", and sales, WordNet's class of what is owned, are counted in money."""
    made_up(fresh_engine, tmp_path,
            {"title": "Software maker beats forecasts", "source": "Metro Business", "published_at": "2023-10-25",
             "body": "Shares in Northsoft climbed 5 per cent in after-hours trading after the company said its sales jumped "
                     "13 per cent to $US41.2 billion and profits climbed 27 per cent in the three months through September. "
                     "Analysts had expected less."})
    a = fresh_engine.ask("how much in sales did Northsoft report for the three months through September 2023")
    assert a.short.startswith("$US41.2 billion"), a.answer


def test_a_figure_does_not_run_on_to_its_verb(fresh_engine, tmp_path):
    """"How much in penalties is Letitia James seeking from Donald Trump?" was answered "$250 million in penalties she is
    seeking is", from "The $250 million in penalties she is seeking is the estimated worth of benefits ...": a figure
    does not run on to the verb it is the subject of (so for "How much funding did X raise?" already at the start)."""
    made_up(fresh_engine, tmp_path,
            {"title": "Startup raises a large round", "source": "Metro Business", "published_at": "2023-09-22",
             "body": "The $40 million in funding Quillsoft raised is the largest round for a local startup this year, its "
                     "chief executive Mara Quinn said. The company makes accounting software."})
    a = fresh_engine.ask("How much funding did Quillsoft raise?")
    assert a.short.startswith("$40 million") and "raised is" not in a.short, a.answer


def test_which_journal_is_the_name_after_the_question_s_verb_and_preposition(fresh_engine, tmp_path):
    """"In which journal were the cavefish ketogenic diet experiments published?" was answered with a sentence on what
    the fish did, though another says "experiments published in BMC Biology with the Mexican cavefish": the name a best
    sentence puts after the question's verb and preposition is the one asked for."""
    made_up(fresh_engine, tmp_path,
            {"title": "A diet makes cave fish sociable", "source": "Metro Science", "published_at": "2023-11-02",
             "body": "After a month of the ketogenic diet, the cavefish began to act like the more social surface fish. "
                     "Experiments published in Marine Letters with the blind cavefish may help reveal the link between the "
                     "diet and behaviour. The fish were fed the same ketogenic milk given to patients."})
    a = fresh_engine.ask("In which journal were the cavefish ketogenic diet experiments published?")
    assert a.short.startswith("Marine Letters"), a.answer


def test_the_author_of_a_work_is_the_one_credited_after_its_title(fresh_engine, tmp_path):
    """"Who is the author of the book Our Fragile Moment?" was answered "The articles don't say", though the passage
    says 'Excerpted from "Our Fragile Moment: How Lessons from Earth's Past ..." by Michael E. Mann': English credits
    a work's maker by its title, then "by" and the name."""
    made_up(fresh_engine, tmp_path,
            {"title": "How past climates can guide us", "source": "Metro Science", "published_at": "2023-09-30",
             "body": "The dinosaurs rose after the Great Dying, when most life on Earth was wiped out. Excerpted from "
                     "\"Our Quiet Planet: What the Deep Past Tells Us About the Climate Crisis\" by Daniel R. Halvorsen. "
                     "Copyright 2023. Available from Northgate Press."})
    a = fresh_engine.ask("Who is the author of the book Our Quiet Planet?")
    assert a.short.startswith("Daniel R. Halvorsen"), a.answer


def test_a_figure_of_another_year_is_no_yes(fresh_engine, tmp_path):
    """"Did HongShan close 99 deals in the first three quarters of 2023?" was answered Yes from "HongShan completed
    just 47 deals, compared to 99 deals in the same period of 2022": the claim's figure is there, but for another
    year, and the sentence gives the same things another figure for the claim's time."""
    made_up(fresh_engine, tmp_path,
            {"title": "Venture investors pull back", "source": "Metro Business", "published_at": "2023-10-20",
             "body": "The scaleback is most notable in prolific investors like Redwood Capital China, which recently changed "
                     "its name to Crestline after splitting off its China operation. For the first three quarters this year, "
                     "Crestline completed just 31 deals, compared to 84 deals in the same period of 2022, according to market "
                     "data. Other firms slowed too."})
    a = fresh_engine.ask("Did Crestline, the former Redwood Capital China, close 84 deals in the first three quarters of 2023?")
    assert a.short.startswith("No"), a.answer


def test_a_gain_asked_for_is_a_sum_not_its_rise(fresh_engine, tmp_path):
    """"What was Coinbase's total revenue for the third quarter of 2023?" was answered "38%", a rise: revenue, profit,
    earnings and sales are what WordNet files under sums of money, so the answer is a sum, not a share."""
    made_up(fresh_engine, tmp_path,
            {"title": "Exchange posts a better quarter", "source": "Metro Business", "published_at": "2023-11-03",
             "body": "Shares of Tradebase rose after the exchange said its total revenue climbed 38% in the third quarter "
                     "to $674 million, beating estimates. Trading volumes stayed weak."})
    a = fresh_engine.ask("What was Tradebase's total revenue for the third quarter of 2023?")
    assert a.short.startswith("$674 million"), a.answer


def test_a_city_is_no_name_of_an_organisation(fresh_engine, tmp_path):
    """"In which city is the family of junior tennis player Mekhi Gbedey ... based?" was answered "United States Tennis
    Association", a place to the recognizer: a city, a state, a county is a land, and a name that ends in a noun of an
    organisation ("Association", "League", "Council") names none."""
    made_up(fresh_engine, tmp_path,
            {"title": "Family raises money for a young player's treatment", "source": "Metro News", "published_at": "2023-11-20",
             "body": "WEST PALM BEACH — The family of a ranked junior tennis player, diagnosed with a rare form of an illness, "
                     "has launched a crowdfunding effort to help with his treatment. Dorian Kessell, 20, was diagnosed with muscular dystrophy and has been unable to compete in the United "
                     "States Tennis Association competitions that once seemed so promising for the family. His mother says "
                     "every donation helps."})
    a = fresh_engine.ask("In which city is the family of junior tennis player Dorian Kessell based?")
    assert "association" not in a.short.lower() and "west palm beach" in a.short.lower(), a.answer


def test_which_city_s_court_is_the_city_that_qualifies_the_court(fresh_engine, tmp_path):
    """"In which city's federal court did Changpeng Zhao enter his guilty plea?" was answered "Binance", the company of
    which he is "the founder and CEO", though the best sentence says "He appeared in a Seattle federal court on Tuesday
    to enter his plea": the place that qualifies the noun the question asks whose it is, is the answer (not a place
    standing for its people), and a city is no institution one is tied to."""
    made_up(fresh_engine, tmp_path,
            {"title": "Exchange founder pleads guilty", "source": "Metro Business", "published_at": "2023-11-22",
             "body": "Torvald Lind, the founder and CEO of Coinvault, is stepping down and has pleaded guilty to a number of "
                     "violations brought by the Justice Department. He appeared in a Portland federal court on Tuesday to "
                     "enter his plea. Coinvault will pay $2 billion to settle the case."})
    a = fresh_engine.ask("In which city's federal court did Torvald Lind enter his guilty plea?")
    assert a.short.startswith("Portland"), a.answer


def test_did_they_get_married_asks_when_they_married(fresh_engine, tmp_path):
    """"What year did Jada Pinkett Smith and Will Smith get married?" was answered 2016, from "she and the actor have been
    separated since 2016": the small parser made "did" the question's verb, so the year of any act would do; with the
    subject set before "did" ("... Will Smith did get married?") the verb is "married", as it is for "did X marry"."""
    made_up(fresh_engine, tmp_path,
            {"title": "A Hollywood marriage, year by year", "source": "Metro Life", "published_at": "2023-10-16",
             "body": "Longtime Hollywood couple Will Jones and Jada Pinkett Jones sent shockwaves around the world this week "
                     "when the talk show host revealed that she and the actor have been separated since 2016.\n\n"
                     "1995: Will and Jada meet on the set of a sitcom.\n\n"
                     "1997: Will and Jada get engaged and married\n\n"
                     "Will popped the question to Jada in November 1997 before getting married just one month later in Boston."})
    a = fresh_engine.ask("What year did Jada Pinkett Jones and Will Jones get married?")
    assert "1997" in a.short and "2016" not in a.short, a.answer
