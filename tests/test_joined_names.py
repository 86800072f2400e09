"""Faults the natural questions showed (thirty-ninth session), each test on made-up articles with the
real engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_names_joined_by_and_answer_who_together(fresh_engine, tmp_path):
    """"Who created the game?": the sentence names two creators ("created by Kelly Tran and Ethan Yen"),
    and the answer gave the first alone, half of what was asked."""
    made_up(fresh_engine, tmp_path,
            {"title": "Five tabletop games to play alone", "source": "Dice Weekly", "published_at": "2023-11-03",
             "body": "You can when you play Lantern Road, a solo journaling role-playing game created by Mira Okafor and "
                     "Tomas Lindqvist! The game takes about an hour a session. It costs $12 as a PDF."})
    a = fresh_engine.ask("Who created the solo journaling game Lantern Road?")
    assert a.short.startswith("Mira Okafor and Tomas Lindqvist"), a.answer


def test_a_plural_which_is_answered_by_every_name_listed(fresh_engine, tmp_path):
    """"Which countries have pledged ...?" asks for all of them: the list the sentence gives ("Norway,
    Denmark and the Netherlands have pledged"), not its first name."""
    made_up(fresh_engine, tmp_path,
            {"title": "A year of the war", "source": "World Desk", "published_at": "2023-12-28",
             "body": "Norway, Denmark and the Netherlands have pledged F-16 fighter jets to Ukraine, though the first "
                     "deliveries are not expected before spring. Pilots are training in Romania."})
    a = fresh_engine.ask("Which countries have pledged F-16 fighter jets to Ukraine?")
    assert "Norway" in a.short and "Denmark" in a.short and "the Netherlands" in a.short, a.answer


def test_a_singular_which_is_answered_by_one_name(fresh_engine, tmp_path):
    """"Which country ...?" asks for one: the sentence's list is not the answer to it (the plural reading
    above must not spread to a singular question)."""
    made_up(fresh_engine, tmp_path,
            {"title": "Jets for Ukraine", "source": "World Desk", "published_at": "2023-12-28",
             "body": "Norway will deliver the first F-16 fighter jets to Ukraine in spring, ahead of Denmark and the "
                     "Netherlands. Pilots are training in Romania."})
    a = fresh_engine.ask("Which country will deliver the first F-16 fighter jets to Ukraine?")
    assert a.short.startswith("Norway") and "Denmark" not in a.short, a.answer


def test_a_noun_of_two_words_is_specified_by_the_sentence(fresh_engine, tmp_path):
    """"What dividend yield is X offering?": the sentence gives the figure after the noun ("a decent
    dividend yield of around 3 per cent"); the reader of what specifies the asked noun looked for the
    two words as one token, found none, and the answer was a whole sentence."""
    made_up(fresh_engine, tmp_path,
            {"title": "Why we stay with Harbor Power", "source": "Portfolio Weekly", "published_at": "2023-11-12",
             "body": "Since our accumulate rating on Harbor Power in August, the stock has gained around 48 per cent. "
                     "Further, it is offering a decent dividend yield of around 3 per cent at the current price. "
                     "Investors can continue to accumulate the stock."})
    a = fresh_engine.ask("What dividend yield is Harbor Power stock offering?")
    assert a.short.startswith("around 3 per cent"), a.answer



def test_a_doer_named_with_the_verb_answers_what_it_does(fresh_engine, tmp_path):
    """"What does Harbor Labs charge for its test?": the sentence names the company and says "charge", but
    its subject is "the company", not the name, so no sentence was found to tell of the company doing it
    and the answer abstained; a sentence that names the doer and uses the verb tells it."""
    made_up(fresh_engine, tmp_path,
            {"title": "Startup launches at-home screening", "source": "Health Tech Daily", "published_at": "2023-10-02",
             "body": "Harbor Labs now offers the tampon-based screening in the UK, and the company will charge £99 for "
                     "each test. The service comes to the US next year. Doctors welcomed the launch."})
    a = fresh_engine.ask("What does Harbor Labs charge for its tampon-based screening test?")
    assert not a.abstained and "£99" in a.answer, a.answer
