"""Which clause of a sentence a fact is taken from, and what a sentence calls a name: made-up
articles through the real engine (the real model and spaCy), and the pure parts on made-up text."""

from __future__ import annotations

from conftest import one_article

from qa import clauses, figures, nlp, question, reader, speakers, specifiers, verdict


def test_a_figure_is_the_one_of_the_clause_about_what_the_question_names(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Robot startups raise money",
                "Two harbour robotics startups closed funding rounds this month. "
                "Tidewell has raised around $143 million, and Quaymark has raised only around $45 million. "
                "Both plan to hire engineers next year.")
    a = fresh_engine.ask("How much has Quaymark raised?")
    assert a.short.startswith("only around $45 million") or a.short.startswith("around $45 million"), a.answer
    assert "$143" not in a.short, a.answer


def test_a_kinsman_is_the_one_the_sentence_calls_so(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "The skiing family",
                "Marta Lindqvist is the second child of Eva and Jonas Lindqvist. "
                "A year after moving to Vail, Jonas and Eva welcomed Erik, Marta's brother, in 1992. "
                "Marta won her first race at the age of 15.")
    a = fresh_engine.ask("Who is Marta Lindqvist's brother?")
    assert a.short.startswith("Erik"), a.answer


def test_where_a_study_was_published_is_the_journal_named_beside_its_noun(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Sugar study",
                "Researchers at the University of Michigan reviewed 281 studies on sugar. "
                "Their review article, which was published in the journal BMJ, found signs of addiction in 14% of adults. "
                "A dietitian in Charlotte, North Carolina, said the findings were worrying.")
    a = fresh_engine.ask("Where was the sugar study published?")
    assert a.short.startswith("BMJ"), a.answer
    share = fresh_engine.ask("What share of adults show signs of addiction?")
    assert share.short.startswith("14%"), share.answer


def test_a_post_that_does_not_say_which_hashtags_does_not_deny_blocking_them():
    q = question.read("Did Meta block hashtags?")
    assert not verdict.denies(q, "Its blog post does not specify which hashtags Meta is blocking in relation to the war.")
    assert not verdict.denies(q, "It is not clear whether Meta blocked hashtags.")
    assert verdict.denies(q, "Meta did not block hashtags.")


def test_the_doer_may_be_named_beside_a_common_noun():
    assert speakers.doer("withdraw", "Vance can buy the stake after fellow bidder, Sheikh Jassim, withdrew his offer.") == "Sheikh Jassim"
    assert speakers.doer("withdraw", "The bidder withdrew his offer.") is None


def test_an_age_is_no_date_and_a_share_is_a_percentage():
    when_q = question.read("When was Erik born?")
    sentence = "Later, when Erik was 9 and Marta was 7, their parents enrolled them in Ski Club Vail."
    assert "9" not in reader.candidates(when_q, sentence, nlp.entities([sentence])[0])
    assert reader.labels_for(question.read("What share of voters backed the plan?")) == frozenset({"PERCENT"})
    assert reader.labels_for(question.read("How many voters backed the plan?")) != frozenset({"PERCENT"})


def test_the_act_done_to_another_named_thing_is_another_act():
    assert clauses.other_object("When did Paul Mitchell join Tottenham?", "join", "Two years later he joined Southampton in the same role.")
    assert not clauses.other_object("When did Paul Mitchell join Tottenham?", "join", "In 2014 he joined Tottenham Hotspur.")
    assert not clauses.other_object("When did Paul Mitchell join Tottenham?", "join", "He left Leipzig in 2019.")


def test_a_sentence_calls_a_name_by_the_noun_beside_it():
    assert clauses.called("brother", "Jonas and Eva welcomed Erik, Marta's brother, in 1992.") == ("Erik", {"marta"})
    assert clauses.called("brother", "Her brother, Taylor Smith, came too.") == ("Taylor Smith", set())
    assert clauses.called("brother", "Jonas and Eva welcomed Erik in 1992.") is None
    assert clauses.called("quarterback", "Panthers quarterback Baker Mayfield threw twice.") == ("Baker Mayfield", {"panthers"})
    assert clauses.possessor("brother", "Who is Marta Lindqvist's brother?") == ("Marta Lindqvist", set())
    assert clauses.possessor("ambassador", "Who was Israel's ambassador to the UK?") == ("Israel", {"uk"})
    assert clauses.possessor("secretary", "Who is the US Secretary of State?") is None
    assert question.read("Who is Marta Lindqvist's brother?").kind == "person"
    assert question.read("Who is Marta Lindqvist?").kind == "describe"


def test_how_much_counts_the_noun_right_after_it_not_the_subject():
    assert question.read("How much will cybercrime damage cost by 2025?").focus == ""
    assert question.read("How much cash did Check Point have at the end of the quarter?").focus == "cash"


def test_a_whole_name_called_a_persons_is_a_person_throughout():
    texts = ["Mikaela Shiffrin is the second child of Eileen.", "This is the essence of Mikaela Shiffrin."]
    ents = [[(0, 16, "PERSON"), (38, 44, "PERSON")], [(23, 39, "FAC")]]
    assert reader.one_sense(texts, ents)[1] == [(23, 39, "PERSON")]


def test_a_figure_of_an_act_told_with_an_irregular_verb(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Rovers change hands",
                "In February 2016, chairman Tom Brandt sold a 49.9% stake in Dunmore Rovers to businessman Farid Mosley. "
                "In September, owner Mosley agreed to sell his 94% stake to an American investment fund. "
                "The fund has not said what it will pay.")
    a = fresh_engine.ask("How big a stake did Tom Brandt sell to Mosley?")
    assert a.short.startswith("49.9%"), a.answer


def test_a_kinsman_is_named_in_full_as_the_article_names_them(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Found after forty years",
                "Enjoying Christmas with her only daughter has been a long time coming for Sherri Geerts, 81, of Sunnyvale. "
                "Diane Bazella first found Geerts, her birth mother, in May 2021, and they met in person in 2022. "
                "Both hope to spend many more holidays together.")
    a = fresh_engine.ask("Who is Diane Bazella's birth mother?")
    assert a.short.startswith("Sherri Geerts"), a.answer


def test_ages_names_and_doers_as_english_news_writes_them():
    died = "Everton chairman Bill Kenwright, an acclaimed theatre producer, has died at the age of 78."
    ents = nlp.entities([died])[0]
    assert figures.number_about(question.read("How old was Bill Kenwright when he died?"), died, ents) == "the age of 78"
    assert "the age of 78" not in reader.candidates(question.read("When did Kenwright die?"), died, ents)
    said = "Erik ten Hag has disagreed with Jamie Carragher's comments."
    assert "Erik ten Hag" in reader.candidates(question.read("Who disagreed with Jamie Carragher?"), said, nlp.entities([said])[0])
    scored = "Milan, for whom Olivier Giroud and Christian Pulisic scored equalisers, remain third on 29 points."
    assert "Olivier Giroud and Christian" not in reader.candidates(question.read("Who scored Milan's equaliser?"), scored, nlp.entities([scored])[0])
    assert clauses.bare_noun("organisation", "Which organisation removed the TikTok pixel from its website?")
    assert not clauses.bare_noun("secretary", "Which US secretary of state visited Seoul?")
    assert speakers.doer("run", "Emails revealed his close ties to Jes Staley, a top banker at JPMorgan Chase & Co. who went on to run Barclays Plc.") == "Jes Staley"
    assert speakers.doer("lead", "The research team led by Bon-Kyoung Koo at IMBA has pinpointed a gene.") == "Bon-Kyoung Koo"


def test_a_figure_in_a_clause_about_someone_else_is_not_the_answer():
    q = question.read("How much did JPMorgan settle for?")
    other = "Then, last January, Wall Street billionaire Leon Black settled for $62.5 million."
    assert figures.number_about(q, other, nlp.entities([other])[0]) is None
    bare = "JPMorgan, in September, for $75 million."  # (no clause subject at all)
    assert figures.number_about(q, bare, nlp.entities([bare])[0]) == "$75 million"



def test_a_thing_called_by_a_name_is_specified_by_it():
    s = "How we tested the pixel: we downloaded a Chrome extension called Omnibug, which is used to test marketing tools."
    assert specifiers.specifier("extension", s, "What extension did the reporters use to test the pixel?") == "Omnibug"


def test_a_description_is_of_the_name_not_of_a_common_word_like_its_last():
    s = "The money goes to research at the world's leading cancer centers, Dana-Farber Cancer Institute and Memorial Sloan Kettering."
    assert reader.describe("Family Center", s) is None
    assert reader.describe("Family Center", "The company introduced Family Center, a dashboard for parents and guardians.") \
        == "a dashboard for parents and guardians"


def test_a_site_someone_uses_is_not_the_outlet_of_a_report():
    assert question.read("Which site does Janani Umamaheswar check for her course reviews?").kind == "other"
    assert question.read("Which outlets reported on Japan's export restrictions?").kind == "outlet"
    assert question.read("Who is Moon Jae-in?").kind == "describe"
