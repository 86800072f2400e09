"""Reading a question before searching (pure logic): outlets, days, parts, what the keyword search sees."""

from __future__ import annotations

from qa.query import day_matches, days_named, keyword_text, outlets_named, plan

OUTLETS = ("The Age", "TechCrunch", "The Verge", "The Independent - Life and Style", "The Independent - Sports", "Cnbc | World Business News Leader", "Fortune")


def test_outlets_by_full_name_main_part_and_any_case():
    assert outlets_named("Did 'The Independent - Life and Style' say so?", OUTLETS)[0] == {"The Independent - Life and Style"}
    # The main part names every outlet that shares it.
    assert outlets_named("What did The Independent say?", OUTLETS)[0] == {"The Independent - Life and Style", "The Independent - Sports"}
    assert outlets_named("as reported by both TechCrunch and The Verge", OUTLETS)[0] == {"TechCrunch", "The Verge"}
    assert outlets_named("What did CNBC report?", OUTLETS)[0] == {"Cnbc | World Business News Leader"}
    assert outlets_named("what did techcrunch say about openai", OUTLETS)[0] == {"TechCrunch"}
    # without the words that say it is a news service, written as a name
    services = ("Kyodo News", "Yonhap News Agency", "FOX News - Lifestyle")
    assert outlets_named("What did Kyodo say?", services)[0] == {"Kyodo News"}
    assert outlets_named("Did Yonhap report it first?", services)[0] == {"Yonhap News Agency"}
    assert outlets_named("A fox crossed the road.", services)[0] == set()
    # not where it starts a longer name: Yahoo Finance is not Yahoo News
    assert outlets_named("Based on a Yahoo Finance article", ("Yahoo News",))[0] == set()
    assert outlets_named("What did Yahoo say?", ("Yahoo News",))[0] == {"Yahoo News"}


def test_common_words_are_not_outlets():
    assert outlets_named("Who was the richest person under 30 in that age group?", OUTLETS)[0] == set()
    assert outlets_named("Britney Spears at the age of 21, says The Verge", OUTLETS)[0] == {"The Verge"}
    assert outlets_named("He made a fortune in crypto, Fortune said", OUTLETS)[0] == {"Fortune"}
    assert outlets_named("Why did Seoul suspend termination?", OUTLETS)[0] == set()


def test_days_in_the_forms_news_questions_use():
    assert days_named("published on October 5, 2023")[0] == {(2023, 10, 5)}
    assert days_named("on Nov. 22 and on 9 January 2020")[0] == {(None, 11, 22), (2020, 1, 9)}
    assert days_named("dated 2019-08-22")[0] == {(2019, 8, 22)}
    assert days_named("in May there were 40 launches")[0] == set()
    assert day_matches("2023-10-05", frozenset({(None, 10, 5)}))
    assert not day_matches("2022-10-05", frozenset({(2023, 10, 5)}))
    assert day_matches("2023-10-06", frozenset({(2023, 10, 5)}), tolerance=1)
    assert not day_matches("", frozenset({(2023, 10, 5)}))


def test_keyword_text_drops_outlets_dates_and_words_about_articles():
    text = keyword_text("Did the TechCrunch article published on October 31, 2023 at 18:00:00 report that Google paid Apple?", OUTLETS)
    assert "TechCrunch" not in text and "October" not in text and "18:00" not in text
    assert "article" not in text.lower().split() and "published" not in text
    assert "Google paid Apple?" in text


def test_compound_questions_are_split_into_parts_with_their_own_outlets():
    p = plan("Does 'The Age' article say the team aims to improve on last year, while the 'TechCrunch' article says Google paid Apple billions?", OUTLETS)
    assert p.outlets == {"The Age", "TechCrunch"}
    assert len(p.parts) == 2
    assert p.parts[0].outlets == {"The Age"} and "improve" in p.parts[0].keyword_text
    assert p.parts[1].outlets == {"TechCrunch"} and "Google paid Apple" in p.parts[1].keyword_text
    assert plan("Why did Seoul suspend termination?", OUTLETS).parts == []
