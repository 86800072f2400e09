"""Faults the natural questions showed (fifty-sixth session), each test on made-up articles with the real
engine (the real model and spaCy); every one failed on the session's start code."""

from __future__ import annotations

from conftest import made_up


def test_a_name_asked_for_comes_from_an_article_that_names_the_question_s_names(fresh_engine, tmp_path):
    """"Which goalkeeper did Graham Arnold bring on for Mat Ryan before the penalty shootout against Peru?" was
    answered "Andre Blake", a goalkeeper of a live blog about another match that names none of the three, though the
    best sentence says Arnold "replaced him with Andrew Redmayne": of a question that gives two names or more, an
    article that names none of them tells of something else."""
    made_up(fresh_engine, tmp_path,
            {"title": "Arbuckle breaks the national team record", "source": "Metro Sport", "published_at": "2023-11-13",
             "body": "In March last year Gordon Arbuckle seemed a dead man walking, with the team facing Chile in a playoff. "
                     "While national team coaches make important calls every game, Arbuckle's record is conceivably down to one "
                     "big call in the playoff. With moments left in extra time against the South Americans, Arbuckle dragged "
                     "Matt Ryder and replaced him with Andrew Redwood – who saved the decisive spot kick. Ryder might well have "
                     "got the team to the finals, but there is little chance Arbuckle would still be coach today otherwise."},
            {"title": "Live: Islanders against Northvale", "source": "Metro Sport", "published_at": "2023-11-17",
             "body": "The striker can only poke a low shot gently towards goalkeeper Andre Blakely, who gathers. He is not "
                     "daunted by the last penalty he missed, as a substitute in the shootout when the club lost the youth cup final."})
    a = fresh_engine.ask("Which goalkeeper did Gordon Arbuckle bring on for Matt Ryder before the penalty shootout against Chile?")
    assert a.short.startswith("Andrew Redwood"), a.answer


def test_the_question_s_own_words_shortened_are_no_answer(fresh_engine, tmp_path):
    """"Which venture capital firm is Start-up Century author James Wise a partner at?" was answered "VC", which the
    sentence writes twice ("a partner at VC firm Balderton Capital; but this London-based VC also wrote ..."): the
    initials of words the question runs together are the question's own thing, as the words themselves are."""
    made_up(fresh_engine, tmp_path,
            {"title": "An author who backs startups", "source": "Metro Business", "published_at": "2023-11-10",
             "body": "You may know Jim Parr as a partner at VC firm Holloway Capital; but this London-based VC also wrote his "
                     "first book, Founders Everywhere, out this week."})
    a = fresh_engine.ask("Which venture capital firm is Founders Everywhere author Jim Parr a partner at?")
    assert a.short.startswith("Holloway Capital"), a.answer


def test_a_headline_in_capitals_is_evidence_like_prose(fresh_engine, tmp_path):
    """"Was Craig Morgan 62 years old when he re-enlisted in the US Army Reserve?" was answered Yes, though the
    headline says "COUNTRY STAR CRAIG MORGAN REENLISTS IN ARMY RESERVE AT 59": a line with few words in lower case
    was taken for a table's row and read after sentences that give no age; a line wholly in capitals is a headline."""
    made_up(fresh_engine, tmp_path,
            {"title": "Country star Dale Horton on serving again", "source": "Metro Music", "published_at": "2023-11-10",
             "body": "COUNTRY STAR DALE HORTON REENLISTS IN ARMY RESERVE AT 59\nIn an interview with Metro Music, Horton – who "
                     "is set to release his EP \"Enlisted\" – shared how he has been able to balance his successful music career "
                     "with serving in the Army Reserve. Horton says he balances his music career and being a member of the U.S. "
                     "Army Reserve with a lot of coordination. His new project came together over two years."})
    a = fresh_engine.ask("Was Dale Horton 62 years old when he re-enlisted in the Army Reserve?")
    assert a.short.startswith("No"), a.answer


def test_which_organisation_did_it_is_the_one_the_sentence_says_did_it(fresh_engine, tmp_path):
    """"Which studio rebuilt the 2020 remake of Demon's Souls from the ground up?" was answered "FromSoftware", though
    the sentence says the remake of the game by FromSoftware was "rebuilt from the ground up by Bluepoint Games": the
    organisation a good sentence gives as the doer of the question's act is the answer, whatever kind of name the
    recognizer takes it for (here an event)."""
    made_up(fresh_engine, tmp_path,
            {"title": "Best game deals this week", "source": "Metro Games", "published_at": "2023-10-10",
             "body": "Shadow Keep (2020) $30 $70 57% off A remake of the 2009 game Shadow Keep by FromSoftware, rebuilt from "
                     "the ground up by Bluepoint Games. It is one of the best looking games on the console. FromSoftware also "
                     "made the original trilogy."})
    a = fresh_engine.ask("Which studio rebuilt the 2020 remake of Shadow Keep from the ground up?")
    assert a.short.startswith("Bluepoint Games"), a.answer


def test_a_share_of_the_very_thing_asked_about(fresh_engine, tmp_path):
    """"What percentage of children showed signs of ultra-processed food addiction ...?" was answered "14%", though the
    sentence says "14% of adults and 12% of children showed signs of addiction": of a proportion asked of a noun, the
    figure "of" that noun is the answer."""
    made_up(fresh_engine, tmp_path,
            {"title": "Food addiction is common, a review finds", "source": "Metro Health", "published_at": "2023-10-10",
             "body": "Researchers reviewed 281 studies from 36 countries, finding that 14% of adults and 12% of children showed "
                     "signs of addiction to ultra-processed foods. The authors call for more research."})
    a = fresh_engine.ask("What percentage of children showed signs of food addiction in the review?")
    assert a.short.startswith("12%"), a.answer


def test_a_city_of_the_country_the_question_names(fresh_engine, tmp_path):
    """"In which Chinese city is surveillance camera maker Hikvision based?" was answered "East Jerusalem", from "the old
    city in East Jerusalem" where its cameras were found, though the best sentence says "Based in Hangzhou, China, the
    company ...": a city asked of a country (by its name or its people's) comes from a sentence that names that country."""
    made_up(fresh_engine, tmp_path,
            {"title": "Camera maker's devices found across the region", "source": "Metro News", "published_at": "2023-10-10",
             "body": "Among the vendors behind these surveillance cameras is a Chinese company accused of aiding abuses: Vantrix. "
                     "Based in Wuxi, China, the company is one of the world's largest makers of video surveillance equipment. The "
                     "report identified dozens of Vantrix surveillance cameras in the old city in Hebron, where the camera maker's "
                     "devices are based on every street. Investigators said the Vantrix cameras in the city of Hebron are linked "
                     "to a police network."})
    a = fresh_engine.ask("In which Chinese city is surveillance camera maker Vantrix based?")
    assert a.short.startswith("Wuxi"), a.answer
