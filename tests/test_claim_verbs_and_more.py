"""Faults the natural questions showed (forty-eighth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up

from qa import question, verdict, when


def test_a_passive_claims_other_figure_in_the_next_sentence_is_denied(fresh_engine, tmp_path):
    """"Is the exterior of the Las Vegas Sphere covered by about 3 million LEDs?": the best sentence ("The Sphere on
    the Las Vegas skyline.") gives no figure and the next says "an exterior covered by 1.2 million ... LEDs"; the
    small model puts "is" on top of the passive question, so the claim's verb was not found in the next sentence
    and the answer was Yes. The passive's participle is the claim's verb."""
    made_up(fresh_engine, tmp_path,
            {"title": "Inside the Orbis Dome", "source": "Venue Weekly", "published_at": "2023-10-02",
             "body": "The Orbis Dome on the Denver skyline. These are the technical specs: an interior 12K wraparound "
                     "video surface, the largest indoor screen ever made, and an exterior covered by 1.4 million "
                     "puck-sized LEDs. The venue opened with a concert by a local band."})
    a = fresh_engine.ask("Is the exterior of the Denver Orbis Dome covered by about 2 million LEDs?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Is the exterior of the Denver Orbis Dome covered by about 1.4 million LEDs?")
    assert b.answer.startswith("Yes"), b.answer


def test_a_light_verbs_claim_is_told_by_its_doer_and_object(fresh_engine, tmp_path):
    """"Did Erickson Lubin get the decision over Jesus Ramos on the Canelo Alvarez vs Jermell Charlo undercard?":
    the article says "Erickson Lubin takes controversial decision over Jesus Ramos"; "get" is not said and, with
    the occasion's words missing, too few of the claim's words were there to let a light verb pass, so the answer
    was No. A sentence with every word of the claim's doer and object (not of the phrases that set the occasion)
    says a light verb's claim; another opponent is still No."""
    made_up(fresh_engine, tmp_path,
            {"title": "Fight night results", "source": "Ring Wire", "published_at": "2023-10-01",
             "body": "Dario Velez takes split decision over Marco Ruiz in snoozer. Co-main event is up next as Marco "
                     "Ruiz (20-0, 16 KOs) faces Dario Velez (25-2, 18 KOs) in a super welterweight title eliminator. "
                     "The main event saw Tomas Ortega stop Ivan Pell in the fourth round."})
    a = fresh_engine.ask("Did Dario Velez get the decision over Marco Ruiz on the Ortega vs Pell undercard?")
    assert a.answer.startswith("Yes"), a.answer
    b = fresh_engine.ask("Did Dario Velez get the decision over Ivan Pell on the Ortega vs Pell undercard?")
    assert b.answer.startswith("No"), b.answer


def test_a_labels_number_is_no_figure_against_the_claims_year():
    """"Did Fortnite first launch in 2017?": the best sentence, "Epic's re-launch of Chapter 1 comes with more
    fanfare ...", gives a number, and the year is in the third best ("since its launch in 2017"); "1" was taken for
    another figure for the claim, so the answer was No. A number set after a capitalised noun as its label
    ("Chapter 1", "Game 3"; not a month's day, "Oct. 20") counts nothing; a sentence among the next two that tells of
    the act (by its verb or the noun English makes of it) with another figure still says No."""
    label = ("Zephyr's re-launch of Chapter 1 comes with more fanfare than your average Skyforge season.", 0.48, 0.57)
    other = ("Skyforge's experiment to bring players back by relaunching an original version will be interesting to watch.", 0.50, 0.46)
    launch = ("Zephyr's hit game has both imported and exported popular culture since its launch in 2018.", 0.40, 0.54)
    assert verdict.verdict(question.read("Did Skyforge first launch in 2018?"), [label, other, launch]) == "Yes"
    assert verdict.verdict(question.read("Did Skyforge first launch in 2016?"), [label, other, launch]) == "No"
    # (a month's day is a date, which a claim of another day is not)
    day = ("Skyforge's re-launch came on Oct. 20 with more fanfare than your average season.", 0.6, 0.6)
    assert verdict.verdict(question.read("Did Skyforge's re-launch come on Oct. 21?"), [day]) == "No"


def test_a_claims_month_against_the_acts_other_month_of_that_year_is_denied(fresh_engine, tmp_path):
    """"Did Texas Governor Greg Abbott sign the social media law HB 20 in May 2021?": the article says "signed by
    Governor Greg Abbott in September 2021"; only another year counted against the claim's, so the answer was Yes.
    A sentence that dates the claim's act, done by or to one of its names, in another month of the claim's year
    says No; the same month is still Yes."""
    made_up(fresh_engine, tmp_path,
            {"title": "Court to hear state privacy law cases", "source": "Law Wire", "published_at": "2023-09-30",
             "body": "In Ohio, House Bill 31 (HB 31) made it through the state legislature and was signed by Governor "
                     "Mark Collins in September 2021. The law bars large platforms from removing posts over their "
                     "viewpoint. Tech industry groups sued to block it."})
    a = fresh_engine.ask("Did Ohio Governor Mark Collins sign the privacy law HB 31 in May 2021?")
    assert a.answer.startswith("No"), a.answer
    b = fresh_engine.ask("Did Ohio Governor Mark Collins sign the privacy law HB 31 in September 2021?")
    assert b.answer.startswith("Yes"), b.answer


def test_a_first_name_the_recognizer_cut_off_is_part_of_the_answer(fresh_engine, tmp_path):
    """"Which Tottenham player's blind backpass gifted James Ward-Prowse West Ham's winning goal?": the article says
    "Then Destiny Udogie’s blind backpass allowed James Ward-Prowse an easy shot"; the recognizer found only "Udogie"
    there and the answer was the fuller form another article gives, "Lyenoma Udogie". A capitalised proper noun
    that the parse joins to a one-word name (not the sentence's first word) is the name's first part."""
    made_up(fresh_engine, tmp_path,
            {"title": "Rovers 1-2 Athletic: late drama", "source": "Match Wire", "published_at": "2023-12-08",
             "body": "Rovers were level until the 90th minute. Then Destiny Udogie’s blind backpass allowed Liam Fordham "
                     "an easy shot on goal, and while he hit the post, the rebound fell perfectly for the midfielder to "
                     "finish."},
            {"title": "Athletic snatch late win", "source": "Sport Daily", "published_at": "2023-12-08",
             "body": "Lyenoma Udogie’s back pass to the goalkeeper is short of the mark and Fordham seizes the moment. "
                     "Athletic move up to fifth."})
    a = fresh_engine.ask("Which Rovers player's blind backpass gifted Liam Fordham the winning goal?")
    assert a.short.startswith("Destiny Udogie"), a.answer


def test_which_month_is_answered_by_a_months_name(fresh_engine, tmp_path):
    """"In which month did Taylor Swift say she connected with Travis Kelce ...?": a sentence about them told
    "Entertainment Tonight", and the recognizer's time "Tonight" was the answer, not the "July" of the sentence that
    says when. As "In what year ...?" is answered by a year, "In which month ...?" is by a month's name."""
    made_up(fresh_engine, tmp_path,
            {"title": "Singer and the quarterback: what we know", "source": "Celeb Wire", "published_at": "2023-10-12",
             "body": "\"Mara Quinn likes that Dale Brenner 'pursued her' and the two are having a 'great time getting to "
                     "know each other,'\" a source told Entertainment Tonight."},
            {"title": "Mara Quinn opens up about Dale Brenner", "source": "Music Daily", "published_at": "2023-12-06",
             "body": "Speaking to the publication, she said she connected with Brenner in July, after he confessed on his "
                     "podcast that he tried and failed to give her a friendship bracelet with his phone number on it "
                     "during one of her shows."})
    a = fresh_engine.ask("In which month did Mara Quinn say she connected with Dale Brenner, after he talked about her on his podcast?")
    assert a.short.startswith("July"), a.answer


def test_a_name_question_whose_best_sentence_names_nothing_new_is_not_answered(fresh_engine, tmp_path):
    """"What is the name of the radio telescope that detected aurora-like radio bursts above a sunspot?": the
    article says only "after pointing a radio telescope at the dark patch", and that sentence was the answer. A
    question that asks for a name, whose best sentence holds no name the question does not (no capitalised word
    but its own, nothing in quotation marks, no verb of naming), is not answered by it; one that names the
    telescope, or says what the thing is "known as", still is."""
    made_up(fresh_engine, tmp_path,
            {"title": "Radio bursts above a sunspot", "source": "Space Wire", "published_at": "2023-11-20",
             "body": "Astronomers detected radio bursts crackling above a sunspot after pointing a radio telescope at "
                     "the dark patch. The bursts lasted for a week. The team says the emission resembles the auroras "
                     "of some stars."},
            {"title": "Tiny jets on the Sun", "source": "Space Wire", "published_at": "2023-11-21",
             "body": "The spacecraft Helios Scout spotted tiny jets of plasma, known as picojets, shooting from dark "
                     "spots on the Sun. The jets last only seconds."})
    a = fresh_engine.ask("What is the name of the radio telescope that detected the radio bursts above the sunspot?")
    assert a.abstained, a.answer
    b = fresh_engine.ask("What are the tiny plasma jets spotted by Helios Scout called?")
    assert not b.abstained and "picojets" in b.answer, b.answer


def test_what_a_thing_is_called_is_read_as_asking_its_name():
    """"What is YouTube's AI voice-cloning experiment with major-label artists called?" and "What was the internal
    FTX group chat called in which staff asked ...?" were read as asking what YouTube / FTX said (the small model makes
    "called" a clause of "is", or hangs it from the noun "chat" set beside "group"), and the answers were words
    someone said. Both ask for the name of the thing."""
    q = question.read("What is Vidstream's AI voice-cloning experiment with major-label artists called?")
    assert (q.kind, q.focus) == ("other", "experiment") and question.asks_name(q.text)
    q = question.read("What was the internal Vidstream group chat called in which staff asked who in the government they should talk to?")
    assert q.kind == "other" and question.asks_name(q.text)


def test_a_day_this_year_is_given_with_the_year_not_both():
    """"What date did Black Friday fall on in 2023?" was answered "November 24 this year, 2023": the year the
    article's date gives was added after the recognizer's "this year". The day is given with its year alone."""
    sentence = "Black Friday always follows Thanksgiving, and it falls on November 24 this year."
    assert when.with_day(sentence, "November 24 this year", "2023-11-01") == "November 24, 2023"
    assert when.with_day("It falls on November 24.", "November 24", "2023-11-01") == "November 24, 2023"
    assert when.with_day("The sale ends on April 3 of this year.", "April 3 of this year", "2023-03-01") == "April 3, 2023"
