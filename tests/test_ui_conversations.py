"""Saved conversations, tolerant filter dates, the chat's rendering of answers and sources, and
logins, without a server or a browser."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from qa import conversations as conv
from qa.errors import InvalidFilter, NotFound, QAError
from qa.periods import day_span, since_day, until_day
from ui import render, views
from ui.auth import logins

MARKUP = "<script>alert(1)</script> **bold** [x](javascript:alert(2))"


def _turn(question: str, short: str = "", n: int = 1) -> dict:
    text = f"{short} The harbour flooded. [{n}]".strip()
    cite = {
        "n": n, "doc_id": "evil.txt", "title": f"Title {MARKUP}", "source": "S&P", "date": "2020-01-09", "url": "https://ex.com/a",
        "text": f"Before. The harbour flooded. {MARKUP}", "quote": "The harbour flooded.", "quote_start": 8, "quote_end": 28, "score": 0.5,
    }
    return {"question": question, "answer": {"question": question, "short": short, "answer": text, "abstained": False, "citations": [cite]},
            "search_query": question, "citations": [cite], "passages": []}


def test_conversations_are_kept_per_owner_and_survive_reopening(tmp_path):
    path = tmp_path / "conversations.sqlite3"
    store = conv.Conversations(path)
    a = store.append("user:ann", None, _turn(f"Why? {MARKUP}"))
    assert store.append("user:ann", a, _turn("And then?")) == a
    b = store.append("user:bob", None, _turn("Bob's question"))
    store.close()

    store = conv.Conversations(path)  # a server restart
    assert [c.id for c in store.list("user:ann")] == [a] and store.list("user:ann")[0].turns == 2
    assert [t["question"] for t in store.turns("user:ann", a)] == [f"Why? {MARKUP}", "And then?"]
    assert store.list("browser:x") == []
    with pytest.raises(NotFound):
        store.turns("user:ann", b)  # another owner's conversation, even with its id
    with pytest.raises(NotFound):
        store.rename("user:ann", b, "mine now")
    assert not store.delete("user:ann", b) and store.list("user:bob")[0].id == b

    store.rename("user:ann", a, "  Festival   notes ")
    assert store.list("user:ann")[0].title == "Festival notes"
    with pytest.raises(QAError):
        store.rename("user:ann", a, "   ")
    # A conversation deleted meanwhile (another tab): the next answer starts a new one.
    assert store.delete("user:ann", a)
    c = store.append("user:ann", a, _turn("After the delete"))
    assert c != a and [x.title for x in store.list("user:ann")] == ["After the delete"]
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM turns WHERE conversation=?", (a,)).fetchone()[0] == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == conv.SCHEMA_VERSION


def test_a_newer_schema_is_refused_not_overwritten(tmp_path):
    path = tmp_path / "conversations.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={conv.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(QAError, match="newer version"):
        conv.Conversations(path).list("user:ann")


def test_markdown_export_escapes_and_keeps_sources():
    md = conv.to_markdown(f"Notes {MARKUP}", [_turn(f"Why <b>so</b>? {MARKUP}", short="Yes. [1]")])
    assert md.startswith("# Notes &lt;script&gt;")
    assert "<script>" not in md and "](javascript" not in md and "**bold**" not in md
    assert "**Yes. \\[1\\]**" in md  # the direct answer in bold
    assert "Sources:" in md and "- \\[1\\] Title" in md and "S&amp;P" in md and "<https://ex.com/a>" in md
    assert "  > The harbour flooded." in md


def test_browser_secret_is_made_once(tmp_path):
    key = conv.browser_secret(tmp_path / "key")
    assert len(key) == 64 and conv.browser_secret(tmp_path / "key") == key
    assert (tmp_path / "key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2020-01-09", date(2020, 1, 9), date(2020, 1, 9)),
        ("2020-01", date(2020, 1, 1), date(2020, 1, 31)),
        ("January 2020", date(2020, 1, 1), date(2020, 1, 31)),
        ("Feb 2020", date(2020, 2, 1), date(2020, 2, 29)),
        ("Jan 9 2020", date(2020, 1, 9), date(2020, 1, 9)),
        ("Jan 9, 2020", date(2020, 1, 9), date(2020, 1, 9)),
        ("9 January 2020", date(2020, 1, 9), date(2020, 1, 9)),
        ("22nd Nov 2019", date(2019, 11, 22), date(2019, 11, 22)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2020/1/9", date(2020, 1, 9), date(2020, 1, 9)),
    ],
)
def test_tolerant_dates(text, first, last):
    assert day_span(text) == (first, last)


def test_filter_days_and_refusals():
    assert since_day("January 2020") == "2020-01-01" and until_day("January 2020") == "2020-01-31"
    assert since_day("") == "" and until_day(None) == ""
    for bad in ("yesterday", "2020-02-30", "13/2020", "Smarch 2020"):
        with pytest.raises(InvalidFilter, match="is not a date"):
            day_span(bad)


def test_direct_answer_in_bold_and_citations_as_links():
    turn = _turn("Was it flooded?", short="Yes. [1]")
    content = render.chat_messages([turn])[1]["content"]
    assert content.startswith("**Yes. [\\[1\\]](#qa-cite-0-1)**")
    assert "The harbour flooded. [\\[1\\]](#qa-cite-0-1)" in content
    # No direct answer: nothing in bold, the same links.
    plain = render.chat_messages([_turn("Was it flooded?")])[1]["content"]
    assert "**" not in plain and "(#qa-cite-0-1)" in plain
    # While it streams in, the markers are not links yet; the answer's items keep the short one first.
    pieces = list(render.stream_pieces(render.answer_sentences(turn["answer"])))
    assert pieces[-1] == ["Yes. [1]", "The harbour flooded. [1]"]
    assert "#qa-cite" not in render.chat_messages([turn], pieces[0])[1]["content"]
    # A follow-up says how it was read.
    followed = {**turn, "question": "And then?", "search_query": "What happened after the harbour flooded?"}
    assert render.chat_messages([followed])[1]["content"].startswith("_Read as: What happened after the harbour flooded?_")


def test_one_card_per_passage_with_every_cited_sentence():
    t = _turn("Why?")
    second = {**t["citations"][0], "n": 2, "quote": "Before.", "quote_start": 0, "quote_end": 7}
    other = {**t["citations"][0], "n": 3, "doc_id": "other.txt", "text": "Another passage."}
    t["citations"] = [t["citations"][0], second, other]
    html = render.sources_panel([_turn("First?"), t])
    assert html.count('class="qa-turn') == 2 and 'qa-turn qa-active" data-turn="1"' in html
    active = html[html.index('data-turn="1"'):]
    assert active.count('class="qa-card"') == 2  # two passages, three citations
    assert 'data-n="1 2"' in active and '<mark data-n="2">Before.</mark>' in active and '<mark data-n="1">The harbour flooded.</mark>' in active
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "score 0.50" in active and "Open article" in active


def test_views_escape_titles_and_text():
    from qa.types import ArticleInfo

    info = ArticleInfo("d<1>.txt", f"T {MARKUP}", "S&P", "2020-01-09", "Ann <b>", "javascript:alert(1)", 2, "h")
    text = f"Intro. The harbour flooded. {MARKUP}"
    page = views.article_view(info, text, "The harbour flooded.", [("The harbour flooded.", 0, 20, 1)])
    assert '<mark data-n="1">The harbour flooded.</mark>' in page and "<script>" not in page and 'href="javascript' not in page
    table = views.corpus_table([(info, text)], "flood")
    assert "<script>" not in table and 'data-doc="d&lt;1&gt;.txt"' in table and "qa-remove" in table
    assert "No matches for “&lt;b&gt;”" in views.corpus_table([], "<b>")
    assert views.chips(["A<b>"], "2020-01", "") .count("qa-chip\"") == 2 and "A&lt;b&gt;" in views.chips(["A<b>"], "", "")


def test_several_logins():
    assert logins("") == []
    assert logins("ann:pw1, bob:pa:ss") == [("ann", "pw1"), ("bob", "pa:ss")]
    for bad in ("ann:pw,bob", "ann:pw,,bob:x", ":pw"):
        with pytest.raises(QAError):
            logins(bad)


def test_suggested_next_questions_name_what_the_conversation_has_not_covered():
    from qa.suggest import next_questions

    passages = [
        "Foreign Minister Kang Kyung-wha met Takeshi Iwaya in Nagoya. The WTO complaint was withheld. Kang said so on Friday.",
        "However, Seoul and Tokyo agreed. North Korea’s missiles worried the United States.",
    ]
    out = next_questions(passages, "Why did Seoul suspend the pact? Seoul halted it. [1]")
    assert 1 <= len(out) <= 3 and all(q.endswith("?") for q in out)
    assert not any("Seoul" in q for q in out)  # already covered
    assert not any(w in " ".join(out) for w in ("However", "Friday", "’s"))
    assert not any("Minister" in q for q in out)  # the person, not their title
    assert next_questions(passages, "Kang Kyung-wha, Takeshi Iwaya, Nagoya, North Korea, the United States, Seoul, Tokyo") == ["What is WTO?"]
    assert next_questions([], "anything") == []
