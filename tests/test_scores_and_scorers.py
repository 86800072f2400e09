"""Faults the natural questions showed (fifty-fourth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_by_what_score_asks_for_a_pair_of_counts(fresh_engine, tmp_path):
    """"By what score did Florida State beat Louisville in the 2023 ACC Championship Game?" was answered "two",
    though a good sentence says the Seminoles "just beat Louisville 16-6": the small parser reads the noun of "By
    what score" as the preposition's clause, and the question was not taken as asking for a score."""
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour State edge Louisville for the title", "source": "Metro Sport", "published_at": "2023-12-03",
             "body": "Harbour State was in a close game with Louisville that was not an enjoyable watch. But the Seminoles team "
                     "that just beat Louisville 16-6 in the ACC Championship Game was relying on a third-string quarterback. "
                     "Westport beat Eastfield in the Valley championship on Friday, and that knocks the Ducks into the "
                     "two-loss pileup."})
    a = fresh_engine.ask("By what score did Harbour State beat Louisville in the ACC Championship Game?")
    assert a.short.startswith("16-6"), a.answer


def test_another_place_at_the_claims_act_says_no_though_the_claims_place_is_named_elsewhere(fresh_engine, tmp_path):
    """"Was Marc Raibert's Leg Lab originally founded at MIT?" was answered Yes, though the best sentence says he
    "founded the lab at Carnegie Mellon University (CMU) in 1980, before moving operations to MIT": the claim's
    place is named, but at another act. The sentence puts another place at the claim's own act."""
    made_up(fresh_engine, tmp_path,
            {"title": "The robot maker who started in a basement", "source": "Metro Tech", "published_at": "2023-11-02",
             "body": "Lena Ortiz has spent four decades building machines that walk. Ortiz founded the lab at Carnegie Mellon "
                     "University in 1980, before moving operations to Stanford. She would found her own company in 1992, "
                     "handing the Leg Lab over to a former student."})
    a = fresh_engine.ask("Was Lena Ortiz's Leg Lab originally founded at Stanford?")
    assert a.short.startswith("No"), a.answer
    b = fresh_engine.ask("Was Lena Ortiz's Leg Lab founded at Carnegie Mellon University?")
    assert b.short.startswith("Yes"), b.answer


def test_a_sides_record_is_its_counts_of_wins_and_losses(fresh_engine, tmp_path):
    """"What was the Minnesota Wild's record when the team fired coach Dean Evason?" was answered by the sentence
    about the firing, though another says "with the Wild now far out of the playoff picture with a 5-10-4 record";
    "What was the Washington Commanders' record after Week 13?" by a headline, though a sentence gives "the
    Washington Commanders (4-9)". A side's record is its counts joined by dashes, of the noun "record", or in
    brackets after its name; not a game's score ("beat the Lakeside Kings 24-15")."""
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour Wolves part ways with coach", "source": "Metro Sport", "published_at": "2023-11-28",
             "body": "The Harbour Wolves have relieved head coach Dan Ellery of his duties effective immediately, the team said on "
                     "Monday. \"Dan did an excellent job during his tenure,\" the general manager said. So with the Wolves now far "
                     "out of the playoff picture with a 5-10-4 record, sitting bottom five in the league in goals, change was needed."},
            {"title": "League standings after Week 13", "source": "Metro Sport", "published_at": "2023-12-04",
             "body": "The Rivertown Bears beat the Lakeside Kings 24-15 on Sunday. The Kings are 9-3 for the first time since 2001. "
                     "The Bears rout the Coastal Gulls (4-8) to stay in the race for the title."})
    a = fresh_engine.ask("What was the Harbour Wolves' record when the team fired coach Dan Ellery?")
    assert a.short.startswith("5-10-4"), a.answer
    b = fresh_engine.ask("What was the Coastal Gulls' record after Week 13?")
    assert b.short.startswith("4-8"), b.answer


def test_which_bank_is_a_name_that_says_bank_not_a_sum(fresh_engine, tmp_path):
    """"Which bank lent Zim money for the Psagot deal?" was answered "NIS 400 million", a sum the recognizer took
    for an organisation, though a good sentence says Zim "took a loan of NIS 255 million from Mizrahi Tefahot
    Bank": a sum with its currency's code names no one, and a name that carries the noun asked ("... Bank" for
    "Which bank") is one the evidence calls so."""
    made_up(fresh_engine, tmp_path,
            {"title": "Investor seeks buyer for Psagot stake", "source": "Metro Business", "published_at": "2023-10-02",
             "body": "When he put Psagot up for sale a few months ago, Zim was looking for a valuation of around NIS 400 million, "
                     "similar to the valuation at which he acquired it. The 62% stake that Zim holds in Group Psagot, the public "
                     "company through which he bought the investment house, is currently worth just NIS 64 million. To finance the "
                     "acquisition, Zim took a loan of NIS 255 million from Mizrahi Tefahot Bank, which he offloaded onto the "
                     "acquired investment house."})
    a = fresh_engine.ask("Which bank lent Zim money for the Psagot deal?")
    assert a.short.startswith("Mizrahi Tefahot Bank"), a.answer


def test_a_figure_asked_by_the_month_is_a_better_sentences_monthly_sum(fresh_engine, tmp_path):
    """"How much does Meta's ad-free Facebook and Instagram subscription cost per month on the web in Europe?" was
    answered "almost €120 per year", from the sentence that says "cost", though the better sentence says the fee
    "is €9.99/month on web": the recognizer left that sum out, and a figure asked by the month is one given by the
    month when a better sentence gives one."""
    made_up(fresh_engine, tmp_path,
            {"title": "Meta to charge for an ad-free version in Europe", "source": "Metro Tech", "published_at": "2023-10-30",
             "body": "Starting this month, EU users of Meta’s social networks, Facebook and Instagram, are being offered the "
                     "‘choice’ of agreeing to being tracked and profiled by the company or paying a fee. Per Meta’s blog post, the "
                     "fee it plans to charge users to escape its tracking and targeting (i.e. the ad-free subscription) is "
                     "€9.99/month on web or €12.99/month on iOS and Android. Even for a user with just one account (on either "
                     "Facebook or Instagram) the cost for protecting their privacy from Meta’s tracking and profiling would be "
                     "almost €120 per year."})
    a = fresh_engine.ask("How much does Meta's ad-free Facebook and Instagram subscription cost per month on the web in Europe?")
    assert a.short.startswith("€9.99/month"), a.answer


def test_the_name_right_after_the_noun_asked_is_the_answer(fresh_engine, tmp_path):
    """"Which Browns safety caught the deflected Hail Mary ...?" was answered by the whole sentence, though it says
    "into the waiting hands of safety D'Anthony Bell"; "Which BetMGM bonus code can bettors in New York use ...?" by
    the sentence that says "use BetMGM bonus code SPORTSPICK": English sets a name right after the noun of its kind,
    as its title, however the small parser hangs the two."""
    made_up(fresh_engine, tmp_path,
            {"title": "Browns survive a Hail Mary", "source": "Metro Sport", "published_at": "2023-12-18",
             "body": "The Browns held on to beat the Bears 20-17 on Sunday. On the final play, quarterback Justin Fields heaved "
                     "the ball into the end zone. The ball deflected off his hands and legs and ultimately into the waiting hands "
                     "of safety D'Anthony Bell, who made the catch and slid to the ground to end the game."},
            {"title": "Sportsbook offers for the weekend", "source": "Metro Bets", "published_at": "2023-11-29",
             "body": "The extra $50 bonus bet is not available in New York or Kentucky. Customers in those areas can use BetMGM "
                     "bonus code SPORTSPICK for the $1,500 First Bet offer. Other states get both offers."})
    a = fresh_engine.ask("Which Browns safety caught the deflected Hail Mary to end the game?")
    assert a.short.startswith("D'Anthony Bell"), a.answer
    b = fresh_engine.ask("Which BetMGM bonus code can bettors in New York use for the $1,500 First Bet offer?")
    assert b.short.startswith("SPORTSPICK"), b.answer
