"""Faults the natural questions showed (fiftieth session), each test on made-up articles with the real
engine (the real model and spaCy) or the real parse; every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up

from qa import asking, question, reader


def test_the_name_of_a_thing_newer_than_wordnet_or_mistagged_is_still_asked(fresh_engine, tmp_path):
    """"What is the name of the podcast Travis Kelce hosts with his brother?" and "... of the AI startup founded
    by two teenagers ...?" were read as asking for nothing in particular: WordNet, older than podcasts, does not
    know "podcast", and the small tagger took "startup" for a participle. A word tagged as a common noun is one;
    a word right after the names that WordNet knows as a noun is one, however tagged (not "released" in "the
    song released in May", which follows its noun)."""
    assert question.read("What is the name of the podcast Mara Holt hosts with her sister?").focus == "podcast"
    assert question.read("What is the name of the AI startup founded by two teenagers that Ben Ortiz has backed?").focus == "startup"
    assert question.read("What is the name of the song released by Mara Holt in May?").focus == "song"
    made_up(fresh_engine, tmp_path,
            {"title": "Mara Holt on family and fame", "source": "Sound Weekly", "published_at": "2023-10-30",
             "body": "The singer, 34, first spoke about starting a family during a February episode of her and her "
                     "sister Lena Holt's podcast, Tidal Notes. She said the tour had changed her plans."})
    a = fresh_engine.ask("What is the name of the podcast Mara Holt hosts with her sister?")
    assert a.short.startswith("Tidal Notes"), a.answer


def test_a_name_may_begin_with_a_small_letter(fresh_engine, tmp_path):
    """"What is the name of BetRivers' rewards program ...?" abstained though a sentence says "BetRivers also has
    a well-liked loyalty program, iRush Rewards": a name was taken to begin with a capital letter. A first
    word with a capital anywhere in it ("iRush", "eBay") is a name's; "loyalty" is not."""
    made_up(fresh_engine, tmp_path,
            {"title": "Harborbet sportsbook review", "source": "Odds Daily", "published_at": "2023-09-26",
             "body": "Unique in its approach, this program allows users to earn points as they place bets on sports. "
                     "There are ongoing promos like matched bonus bets and parlay insurance, and Harborbet also has a "
                     "well-liked loyalty program, eCrest Rewards."})
    a = fresh_engine.ask("What is the name of Harborbet's rewards program that lets users earn points on sports bets?")
    assert a.short.startswith("eCrest Rewards"), a.answer


def test_a_titles_verbs_are_no_clauses_of_the_claim(fresh_engine, tmp_path):
    """"Did Tate McRae come second on the US version of So You Think You Can Dance when she was 13?" was
    answered Yes from "at 13 she finished third on ...": the show's title has verbs ("Think", "Dance") the
    recognizer did not take for a name, so the claim looked like several clauses, and the check of its rank
    ("second" against "third") was never made. A verb written with a capital inside the sentence is a
    title's word."""
    made_up(fresh_engine, tmp_path,
            {"title": "Mara Holt's second stab at stardom", "source": "Sound Weekly", "published_at": "2023-12-08",
             "body": "A professionally trained dancer since 6, at 13 she finished third on the US version of Who Wants "
                     "To Be A Star and attracted record label attention with songs uploaded to YouTube. Mara Holt's "
                     "new album is out on Friday."})
    a = fresh_engine.ask("Did Mara Holt come second on the US version of Who Wants To Be A Star when she was 13?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Did Mara Holt finish third on the US version of Who Wants To Be A Star when she was 13?")
    assert b.answer.startswith("Yes"), b.answer


def test_a_plain_denial_answers_a_claim_of_several_clauses_and_a_condition_claims_nothing(fresh_engine, tmp_path):
    """"Does The Verge recommend picking up older Intel-based Macs if you find them heavily discounted?" was
    answered Yes from "we don't recommend buying any older Intel-based Macs": a denial was weighed only for a
    claim of one clause. A best sentence very like the claim that denies it says No however many clauses the
    claim has; and a negation inside the claim's condition ("if the player doesn't play") is no claim that
    something is not so."""
    made_up(fresh_engine, tmp_path,
            {"title": "The best laptop deals this week", "source": "Tech Weekly", "published_at": "2023-11-20",
             "body": "A note about discounted Aldor laptops: at this point, we don't recommend buying any older "
                     "Aldor laptops. The newest models are worth the money."},
            {"title": "How player props work", "source": "Odds Daily", "published_at": "2023-10-02",
             "body": "If you bet on a player and they don't play in the game, most sportsbooks void the bet and "
                     "refund your wager. Props are popular with casual bettors."})
    a = fresh_engine.ask("Does Tech Weekly recommend picking up older Aldor laptops if you find them heavily discounted?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Do most sportsbooks void a player prop bet and refund it if that player doesn't play in the game?")
    assert b.answer.startswith("Yes"), b.answer


def test_another_month_without_a_year_dates_the_act_otherwise(fresh_engine, tmp_path):
    """"Did Google release its Bard chatbot in March 2023 in response to ChatGPT?" was answered Yes from
    "... eventually releasing Bard, a more or less comparable AI chatbot, in February": a month the sentence
    gives without its year was not read as a date at all. A bare month name the act's own words give, none of
    the claim's months, dates it otherwise (its year is the article's)."""
    made_up(fresh_engine, tmp_path,
            {"title": "A year of chatbots", "source": "Tech Weekly", "published_at": "2023-11-30",
             "body": "Harborsoft scrambled to launch a response to its rival, eventually releasing Pelican, a more "
                     "or less comparable AI chatbot, in February. Pelican now has millions of users."})
    a = fresh_engine.ask("Did Harborsoft release its Pelican chatbot in March 2023?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Did Harborsoft release its Pelican chatbot in February 2023?")
    assert b.answer.startswith("Yes"), b.answer


def test_a_title_before_the_subject_is_no_verb_of_the_question(fresh_engine, tmp_path):
    """"In what year did radiologist Bhavik Patel join Mayo Clinic?" abstained: the small tagger took
    "radiologist" for the verb "did" supports and "join" for a noun, so the date of the joining in "Before
    joining the clinic in 2021, Patel practiced at ..." was taken for another act's. A word WordNet has only as
    a noun is no verb; the word after the names that follow it, which English has as a verb, is."""
    assert asking.main_lemma("In what year did radiologist Bhavik Patel join Mayo Clinic?") == "join"
    made_up(fresh_engine, tmp_path,
            {"title": "Clinic names AI chief", "source": "Health Wire", "published_at": "2023-12-08",
             "body": "Radiologist Bhavik Patel, M.D., has been named chief artificial intelligence officer for Mayo "
                     "Clinic Arizona. Before joining the clinic in 2019, Patel practiced at Lakeside Medical Center "
                     "and Hillcrest Medical Center."})
    a = fresh_engine.ask("In what year did radiologist Bhavik Patel join Mayo Clinic?")
    assert a.short.startswith("2019"), a.answer


def test_what_is_the_thing_a_common_noun_says_is_no_request_to_describe_a_name(fresh_engine, tmp_path):
    """"What is the maximum Apple Store credit Apple offered with select purchases ...?" abstained, and "What is
    the MSRP of Apple's AirPods Max headphones?" was answered with a description: both were read as "What is
    <name>?" (the parse made the second "Apple", or the acronym "MSRP", the name asked about). A name is no
    phrase with a common noun in it; "What is the Blue House?" still asks what a name is."""
    assert question.read("What is the MSRP of Harbor's Tidal Max headphones?").kind != "describe"
    assert question.read("What is the Blue House?").kind == "describe"
    made_up(fresh_engine, tmp_path,
            {"title": "Harbor's Black Friday deal", "source": "Deals Daily", "published_at": "2023-11-24",
             "body": "This year, now through November 27, you can get up to $150 in Harbor Store credit to use later "
                     "if you purchase certain items. The offer covers phones and tablets."})
    a = fresh_engine.ask("What is the maximum Harbor Store credit Harbor offered with select purchases in its 2023 "
                         "Black Friday promotion?")
    assert "$150" in a.answer.split(". ")[0], a.answer


def test_a_title_asked_for_outweighs_the_questions_figures(fresh_engine, tmp_path):
    """"Which referee gave Chelsea the late penalty in their 4-4 draw against Manchester City?" was answered
    "Cole Palmer": of the names voted on, only those of a sentence with the question's figures ("4-4") were
    kept, before the title was weighed, so the referee a later sentence names ("referee Anthony Taylor") was
    never considered. For a question that asks for a title the figures still weigh, but do not rule out."""
    made_up(fresh_engine, tmp_path,
            {"title": "Late penalty earns Harbor a draw", "source": "Match Report", "published_at": "2023-11-13",
             "body": "Former Rivertown player Colm Palmerston has scored a penalty in the fifth minute of stoppage "
                     "time as Harbor came back to claim a 4-4 draw with Rivertown at the Dock. But referee Anton "
                     "Tayler pointed to the spot when Rui Dias slid into substitute Armin Brojak in the box, and "
                     "Palmerston swept his shot into the corner."})
    a = fresh_engine.ask("Which referee gave Harbor the late penalty in their 4-4 draw against Rivertown in November 2023?")
    assert a.short.startswith("Anton Tayler"), a.answer


def test_a_noun_before_a_comma_and_a_clause_of_the_name_is_no_title():
    """"Who is Vera Jourova?" was answered "Kremlin propaganda" from "Platforms must concentrate efforts to
    combat the spread of Kremlin propaganda, Jourova also warned today": the noun phrase before ", <name>" was
    taken for her title, the adverb after the name hiding that the name is the subject of a clause of its own."""
    sentence = "Platforms must concentrate efforts to combat the spread of Kremlin propaganda, Jourova also warned today."
    assert reader.describe("Vera Jourova", sentence) is None
    assert reader.describe("Toshimitsu Motegi", "Kang will hold talks with her Japanese counterpart, Toshimitsu Motegi.") \
        == "her Japanese counterpart"


def test_what_specifies_the_noun_comes_from_an_article_naming_what_is_asked_about(fresh_engine, tmp_path):
    """"What valuation did payments startup Rainforest reach in its seed round?" was answered "$1.4 billion"
    from "this round is coming in at a flat valuation of $1.4 billion", a sentence of an article about another
    company: what specifies the asked noun was taken from any of the best sentences. It must come from an
    article that names one of the question's names at least."""
    made_up(fresh_engine, tmp_path,
            {"title": "Scalia Capital raises again", "source": "Startup Wire", "published_at": "2023-12-05",
             "body": "Contrary to the fintech's expectations, this seed round is coming in at a flat valuation of "
                     "$1.4 billion. Scalia Capital said the funding would pay for expansion."},
            {"title": "Payments startup Rainwood raises a seed round", "source": "Startup Wire", "published_at": "2023-12-06",
             "body": "Payments startup Rainwood has raised $8.5 million in a seed round led by Orchard Ventures. "
                     "Rainwood helps software companies take payments."})
    a = fresh_engine.ask("What valuation did payments startup Rainwood reach in its seed round?")
    assert "1.4 billion" not in a.answer.split(". ")[0], a.answer
