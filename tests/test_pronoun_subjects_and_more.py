"""Faults the natural questions showed (forty-fourth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_he_as_the_subject_of_the_questions_verb_is_the_one_the_sentence_before_names(fresh_engine, tmp_path):
    """"Who has been the Gulls' bench coach since 2019?": the article names Rafael Ortiz, then
    says "Since 2019, he has been the bench coach for the Gulls."; that sentence names no one, so the
    answer was that the articles don't say (in the real article, a name the next sentence lists among other
    possible managers)."""
    made_up(fresh_engine, tmp_path,
            {"title": "Who will manage the Gulls next season?", "source": "Diamond Daily", "published_at": "2023-10-30",
             "body": "Rafael Ortiz is the natural choice to take over from the retiring Sam Pruett. Since 2019, he has been "
                     "the bench coach for the Gulls. Apart from him, Dale Fenner, former Lakeport manager, and Hugo Brandt, "
                     "Rivertown bench coach, could be other possibilities."})
    a = fresh_engine.ask("Who has been the Gulls bench coach since 2019?")
    assert a.short.startswith("Rafael Ortiz"), a.answer


def test_a_title_the_question_sets_beside_the_noun_says_which_one(fresh_engine, tmp_path):
    """"Which Meta executive, the company's global head of Safety, argued ...?": the article calls her
    "Meta's global head of Safety, Antigone Davis", never an executive; a critic it calls "executive
    director" of a campaign group was taken for the executive asked about."""
    made_up(fresh_engine, tmp_path,
            {"title": "Zentro wants app stores to check teens' downloads", "source": "Tech Desk", "published_at": "2023-11-15",
             "body": "In a blog post published today, Zentro’s global head of Safety, Mira Kask, argues that parents should "
                     "be responsible for approving their teens’ app downloads.\n\n"
                     "“Zentro is trying to pass the buck to app stores,” said Paul Rend, executive director of the Open "
                     "Kids Project, a group that campaigns for safer social media."})
    a = fresh_engine.ask("Which Zentro executive, the company's global head of Safety, argued that parents should approve teens' app downloads?")
    assert a.short.startswith("Mira Kask"), a.answer


def test_an_article_dated_before_the_time_asked_about_may_tell_of_it(fresh_engine, tmp_path):
    """"How many jobs did Kestrel Mobile say in October 2023 it would cut?": the one article that says
    ("Announced October 19 that it will cut up to 9,000 jobs") is a list of layoffs dated in September
    and kept up to date; only articles from October on were read, and the answer was that the articles
    don't say."""
    made_up(fresh_engine, tmp_path,
            {"title": "A running list of this year's telecom layoffs", "source": "Tech Desk", "published_at": "2023-09-28",
             "body": "Telecom companies have cut thousands of jobs this year.\n\nKestrel Mobile\n\nAnnounced October 19 that "
                     "it will cut up to 9,000 jobs, or 14% of its workforce, following a sharp drop in third-quarter sales.\n\n"
                     "Harbor Wireless\n\nConfirmed August 3 that it will cut 400 roles in its retail arm."},
            {"title": "Kestrel Mobile shares slide", "source": "Market Letter", "published_at": "2023-10-20",
             "body": "Shares of Kestrel Mobile fell 6% on Friday as investors weighed the company's gloomy outlook for next "
                     "year and the cost of its network upgrade."})
    a = fresh_engine.ask("How many jobs did Kestrel Mobile say in October 2023 it would cut?")
    assert "9,000" in a.short, a.answer


def test_the_noun_of_a_title_after_the_owners_name_holds_the_title(fresh_engine, tmp_path):
    """"Who is the head coach of the New Zealand Breakers?": the article says "Breakers coach Mody Maor"; a
    title with fewer of the question's words counted only when those words were the title's own, so no
    sentence held "head coach" and the answer was that the articles don't say."""
    made_up(fresh_engine, tmp_path,
            {"title": "Falcons hold off Breakers in Wellington", "source": "Court Report", "published_at": "2023-10-19",
             "body": "The Otago Falcons beat the Northport Breakers 91-84 on Thursday night.\n\n"
                     "But Breakers coach Ivo Ketterl was in no mood to look for positives in his team’s performance."})
    a = fresh_engine.ask("Who is the head coach of the Northport Breakers basketball team?")
    assert a.short.startswith("Ivo Ketterl"), a.answer


def test_a_claim_told_by_a_pronoun_for_its_subject_is_not_outranked_by_another_act_of_the_subject(fresh_engine, tmp_path):
    """"Did FTX buy the naming rights to the Miami Heat's home arena in 2021?": the best sentence says "in
    2021 it bought the naming rights for the Miami Heat's home arena", in a passage about FTX; a weaker
    sentence that names FTX and tells of another purchase that year was read first, and the answer was
    that the articles don't say."""
    made_up(fresh_engine, tmp_path,
            {"title": "Where the exchange's money went", "source": "Ledger Weekly", "published_at": "2023-10-05",
             "body": "Customer funds were also used when Bankman-Fried bought back FTX shares from Binance, an early "
                     "investor, in the summer of 2021.\n\nFTX spent lavishly on marketing. For example, in 2021 it "
                     "bought the naming rights for the Miami Heat’s home arena."})
    a = fresh_engine.ask("Did FTX buy the naming rights to the Miami Heat's home arena in 2021?")
    assert a.answer.startswith("Yes"), a.answer


def test_the_maker_a_sentence_gives_the_questions_object_by_a_possessive_says_who_did_it(fresh_engine, tmp_path):
    """"Who scored AC Milan's late winner ...?": the best sentence says "Samuel Chukwueze’s winner instead meant
    that spot goes to AC Milan", with no verb; a weaker sentence in which another player "celebrates scoring the
    winner" for his own club was read as the one that tells who did it."""
    made_up(fresh_engine, tmp_path,
            {"title": "Rovers go out of Europe", "source": "Football Desk", "published_at": "2023-12-13",
             "body": "Rovers were briefly in second spot during the final matchday before letting their lead slip to "
                     "Castello, who snatched the last knockout place.\n\nTomas Brevik’s late winner instead meant that "
                     "spot goes to Castello.\n\nOn the same night Ivo Marek celebrated scoring the winner for Dunmore in "
                     "their 3-2 win away from home."})
    a = fresh_engine.ask("Who scored Castello's late winner that knocked Rovers out of the tournament?")
    assert a.short.startswith("Tomas Brevik"), a.answer
