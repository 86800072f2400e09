"""One filter (qa.types.Filters.admits) for every path: the keyword ranking, the dense ranking, the
engine's checks, the CLI and the app; undated articles and articles of no known outlet included or
excluded explicitly. And the keyword index made incrementally equals one built whole (and bm25s)."""

from __future__ import annotations

import json
import random
from datetime import date

import numpy as np
import pytest
from conftest import SEEDS, share_model, start_app

from qa.keyword import KeywordIndex
from qa.types import ArticleInfo, Filters

UNDATED = "Zanzibar ferry timetable"
UNSOURCED = "Patagonia glacier station"


def _info(doc: str, source: str, day: str) -> ArticleInfo:
    return ArticleInfo(doc_id=doc, title=doc, source=source, date=day, byline="", url="", chunks=1, hash=doc)


def test_admits_decides_each_case():
    day = date(2020, 1, 1)
    none = Filters()
    assert not none and none.admits("", "") and none.admits("UPI", "2019-01-01")
    ranged = Filters(since=day)
    assert ranged.admits("UPI", "2020-01-01") and not ranged.admits("UPI", "2019-12-31")
    assert not ranged.admits("UPI", "")  # an undated article cannot be shown to be in the range ...
    assert Filters(since=day, undated=True).admits("UPI", "")  # ... unless asked for
    assert not Filters(undated=False).admits("UPI", "") and Filters(undated=False)  # a restriction on its own
    assert Filters(undated=False).admits("UPI", "1999-01-01")
    outlet = Filters(sources=("upi",))
    assert outlet.admits("UPI", "") and not outlet.admits("Kyodo News", "") and not outlet.admits("", "")
    assert Filters(sources=("UPI",), unsourced=True).admits("  ", "2020-01-01")
    assert not Filters(unsourced=False).admits("", "2020-01-01") and Filters(unsourced=False).admits("UPI", "")
    assert not Filters(until=day, undated=True).admits("UPI", "2020-01-02")


def test_keyword_filters_are_the_same_predicate():
    arts = {d: _info(d, s, t) for d, s, t in [("a", "UPI", "2020-01-01"), ("b", "", "2020-02-01"), ("c", "Kyodo", ""), ("d", "", "")]}
    kw = KeywordIndex.build([(f"{d}-{i}", d, ["word", d]) for d in arts for i in range(2)], arts)
    cases = [Filters(), Filters(since=date(2020, 1, 15)), Filters(since=date(2020, 1, 15), undated=True), Filters(sources=("upi",)),
             Filters(sources=("upi",), unsourced=True), Filters(undated=False), Filters(unsourced=False, undated=False)]
    for f in cases:
        keep = kw.allowed(f)
        got = {kw.ids[i].split("-")[0] for i in range(len(kw.ids))} if keep is None else {kw.ids[i].split("-")[0] for i in np.flatnonzero(keep)}
        assert got == {d for d, a in arts.items() if f.admits(a.source, a.date)}, f
        assert {c.split("-")[0] for c, _ in kw.search("word", 10, f)} == got


def _corpus(n: int, seed: int) -> list[tuple[str, str, list[str]]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(60)]
    return [(f"d{i % (n // 2)}-{i}", f"d{i % (n // 2)}", [rng.choice(words) for _ in range(rng.randint(0, 30))]) for i in range(n)]


def test_an_index_made_step_by_step_scores_as_one_built_whole_and_as_bm25s():
    import bm25s

    entries = _corpus(80, 1)
    arts = {d: _info(d, "", "") for _, d, _ in entries}
    docs = sorted(arts)
    first, second = docs[:25], docs[25:]
    step = KeywordIndex.build([e for e in entries if e[1] in first], arts)
    step = step.apply([], [e for e in entries if e[1] in second], arts)
    # a removal and a re-add (a changed article) leave dead slots behind: scores must not see them
    changed = [(c, d, t[::-1]) for c, d, t in entries if d == docs[3]]
    step = step.apply([docs[0]], changed, arts)
    final = [e for e in entries if e[1] not in (docs[0], docs[3])] + changed
    whole = KeywordIndex.build(final, arts)
    ref = bm25s.BM25()
    ref.index([t or ["\u2205"] for _, _, t in final], show_progress=False)
    for q in ["w1 w2 w3", "w5 w5 w40", "w59", "nothing here"]:
        a, b = step.scores(q), whole.scores(q)
        assert (a is None) == (b is None)
        if a is None:
            continue
        by_id = lambda kw, s: {kw.ids[i]: float(s[i]) for i in range(len(kw.ids)) if kw.ids[i]}  # noqa: E731
        assert by_id(step, a) == by_id(whole, b)
        want = ref.get_scores([t for t in q.split()])
        assert np.allclose([by_id(whole, b)[c] for c, _, _ in final], want, atol=1e-6)
    assert len(step) == len(final) and step.chunk_ids() == whole.chunk_ids()
    assert step.knows("w1") and not step.knows("zz") and step.idf("w1") == whole.idf("w1")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, engine):
    """The seeds plus an undated article and one of no known outlet, ingested once."""
    from qa.engine import Engine
    from qa.settings import Settings

    corpus = tmp_path_factory.mktemp("mixed")
    for p in SEEDS.iterdir():
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "undated.txt").write_text(
        f"{UNDATED} changes\n\nThe {UNDATED} changed on Monday after a storm damaged the harbour wall in Stone Town, "
        "the port authority said, and two evening crossings were cancelled until repairs end.\n")
    (corpus / "unsourced.txt").write_text(
        f"{UNSOURCED} closes\n\nThe {UNSOURCED} closed for the winter after researchers measured the fastest "
        "retreat of the ice in forty years, the university said in a statement on Friday.\n")
    manifest = json.loads((corpus / "manifest.json").read_text())
    manifest["files"]["undated.txt"] = {"source": "Island Times", "reason": "test: an outlet and no date"}
    manifest["files"]["unsourced.txt"] = {"date": "2020-01-05", "reason": "test: a date and no outlet"}
    (corpus / "manifest.json").write_text(json.dumps(manifest))
    e = share_model(Engine(Settings(home=tmp_path_factory.mktemp("mixed-home"))), engine)
    e.ingest([corpus])
    arts = {a.doc_id: a for a in e.articles()}
    assert arts["undated.txt"].date == "" and arts["undated.txt"].source == "Island Times"
    assert arts["unsourced.txt"].source == "" and arts["unsourced.txt"].date == "2020-01-05"
    return e


def _cited(answer) -> set[str]:
    return {c.doc_id for c in answer.citations} | {p.chunk.doc_id for p in answer.passages}


def test_undated_and_unsourced_through_both_rankings(mixed):
    q_undated = f"What happened to the {UNDATED}?"
    q_unsourced = f"Why did the {UNSOURCED} close?"
    assert "undated.txt" in _cited(mixed.ask(q_undated))
    assert "undated.txt" not in _cited(mixed.ask(q_undated, since="2019-01-01"))
    assert "undated.txt" in _cited(mixed.ask(q_undated, since="2019-01-01", undated=True))
    assert "undated.txt" not in _cited(mixed.ask(q_undated, undated=False))
    assert "unsourced.txt" in _cited(mixed.ask(q_unsourced))
    assert "unsourced.txt" not in _cited(mixed.ask(q_unsourced, sources=["UPI"]))
    assert "unsourced.txt" in _cited(mixed.ask(q_unsourced, sources=["UPI"], unsourced=True))
    assert "unsourced.txt" not in _cited(mixed.ask(q_unsourced, unsourced=False))
    # each ranking on its own obeys the same filter
    f = Filters(undated=False, unsourced=False)
    vec = mixed.embed([q_undated])[0]
    snap = mixed.snapshot()
    docs = [d for d, a in snap.articles.items() if f.admits(a.source, a.date)]
    assert "undated.txt" not in docs and "unsourced.txt" not in docs and "004_104f3f75eba4f700.txt" in docs
    undated_ids = {c.chunk_id for c in mixed.cache.doc_chunks("undated.txt")}
    assert undated_ids & {c for c, _ in mixed.store.nearest(vec, 50)}  # found without the filter
    dense = mixed.store.nearest(vec, 50, docs)
    assert dense and not {c for c, _ in dense} & undated_ids
    words = f"{UNDATED} Seoul"  # words of the undated article and of others
    assert undated_ids & {c for c, _ in snap.keyword.search(words, 50)}
    kw_hits = snap.keyword.search(words, 50, f)
    assert kw_hits and not {c for c, _ in kw_hits} & undated_ids


def test_nothing_left_after_the_filters_is_said_before_searching(mixed):
    from qa.errors import InvalidFilter

    with pytest.raises(InvalidFilter, match="no undated articles"):
        mixed.check_filters(since="2030-01-01", undated=False)
    assert mixed.check_filters(since="2030-01-01", undated=True).undated is True  # the undated article passes


def test_the_cli_takes_them(mixed, capsys, monkeypatch):
    from qa.cli import main

    monkeypatch.setenv("QA_HOME", str(mixed.home))
    assert main(["ask", f"What happened to the {UNDATED}?", "--since", "2019-01-01", "--undated", "include", "--json"]) == 0
    with_it = json.loads(capsys.readouterr().out)
    assert main(["ask", f"What happened to the {UNDATED}?", "--undated", "exclude", "--json"]) == 0
    without = json.loads(capsys.readouterr().out)
    assert "undated.txt" in {c["doc_id"] for c in with_it["citations"]}
    assert "undated.txt" not in {c["doc_id"] for c in without["citations"]}


def test_the_app_api_takes_them(mixed):
    from gradio_client import Client

    url, app = start_app(mixed)
    try:
        client = Client(url, verbose=False)
        q = f"What happened to the {UNDATED}?"
        kept = client.predict(q, None, None, "2019-01-01", None, True, None, api_name="/ask")
        dropped = client.predict(q, None, None, None, None, False, None, api_name="/ask")
        default = client.predict(q, None, None, "2019-01-01", None, None, None, api_name="/ask")
    finally:
        app.close()
    assert "undated.txt" in {c["doc_id"] for c in kept["citations"]}
    assert "undated.txt" not in {c["doc_id"] for c in dropped["citations"]}
    assert "undated.txt" not in {c["doc_id"] for c in default["citations"]}


def test_the_page_shows_unticked_boxes_as_chips():
    from ui import views

    assert "no filter" in views.chips([], "", "", True, True)
    html = views.chips([], "2020-01-01", "", False, True)
    assert "since 2020-01-01" in html and "without undated articles" in html and 'data-drop="undated"' in html
    assert "without articles of no known outlet" in views.chips([], "", "", True, False)
    assert "undated" not in views.chips(["UPI"], "2020-01-01", "", True, True)  # ticked: the default, no chip
