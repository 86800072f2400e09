"""The story timeline on the seeds: the GSOMIA story in date order, each article with the sentence
that says what it reported, and the reversals marked; through the engine and `qa timeline`."""

from __future__ import annotations

import json

from conftest import run_qa

TOPIC = "South Korea's intelligence-sharing pact with Japan"


def test_the_seed_story_in_order_with_its_changes(engine):
    entries = engine.timeline(TOPIC)
    dates = [e.date for e in entries]
    # Aug 2019 decision to pull out, Nov 2019 suspension, Jan 2020 "can continue pullout", Feb 2020 "not true".
    assert dates == ["2019-08-22", "2019-11-22", "2019-11-22", "2020-01-09", "2020-02-12"]
    by_date = {e.date: e for e in entries}
    assert "pull out" in by_date["2019-08-22"].sentence
    assert any(e.date == "2019-11-22" and "terminate" in e.sentence for e in entries)
    assert "withdrawal" in by_date["2020-01-09"].sentence
    last = by_date["2020-02-12"]
    assert "denied" in last.sentence and last.change and last.before == entries[-2].sentence and last.before_n == entries[-2].n
    assert not entries[0].change and entries[1].change  # pulling out, then suspending it
    assert not entries[2].change  # a second outlet on the same day's news
    assert [e.n for e in entries] == [1, 2, 3, 4, 5]
    assert all(e.sentence in " ".join(e.passage.split()) or e.sentence in e.passage for e in entries)


def test_an_unrelated_topic_gives_no_timeline(engine):
    assert engine.timeline("banana bread recipe with walnuts") == []


def test_qa_timeline_command(seeded_home):
    out = run_qa(["timeline", TOPIC, "--since", "November 2019", "--json"], seeded_home)
    assert out.returncode == 0, out.stderr
    entries = json.loads(out.stdout)
    assert [e["date"] for e in entries] == ["2019-11-22", "2019-11-22", "2020-01-09", "2020-02-12"]
    assert {"n", "doc_id", "title", "source", "date", "url", "sentence", "passage", "score", "change", "before", "before_n"} <= set(entries[0])
    bad = run_qa(["timeline", TOPIC, "--since", "2030-01-01"], seeded_home)
    assert bad.returncode == 2 and bad.stderr.strip() == "error: No article matches these filters (since 2030-01-01)"


def test_the_direct_answer_shows_its_date_when_the_evidence_has_several():
    # Made-up articles: the newest leads ("What is the latest ...?"); its "On Wednesday" needs a date.
    from qa.cite import Evidence, compose
    from qa.types import Chunk, Passage

    def ev(doc: str, day: str, text: str) -> Evidence:
        chunk = Chunk(chunk_id=f"{doc}-0", doc_id=doc, index=0, text=text, start=0, end=len(text),
                      sentences=[(0, len(text))], title=doc, source="Metro News", date=day)
        return Evidence(Passage(chunk, 1.0), 0, len(text), 1.0)

    new = ev("b", "2021-03-10", "On Wednesday, the council reopened the pier.")
    old = [ev("a", "2021-02-01", "The pier was closed after a storm."), ev("a", "2021-02-01", "Repairs began in February.")]
    head, text, _ = compose([new, *old], lead=0)
    assert head.startswith("10 Mar 2021 — On Wednesday") and "1 Feb 2021 — The pier was closed" in text
    head, _, _ = compose(old, lead=0)  # one date: no dates shown
    assert head.startswith("The pier was closed")
