"""Article extraction from web pages, the date parser, and `qa extract`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import ROOT, SEEDS

from qa.cli import main
from qa.dates import find_dates, iso, parse_date
from qa.extract import extract_html

BENCH = ROOT.parent / "shared" / "benchmarks" / "article-extraction"


def test_parse_date_reads_news_and_machine_formats():
    assert parse_date("2023-11-27T08:45:59+00:00") == date(2023, 11, 27)
    assert parse_date("Tue, 14 Jan 2020 10:00:00 GMT") == date(2020, 1, 14)  # RSS / HTTP
    assert parse_date("Jan. 9, 2020") == date(2020, 1, 9)
    assert parse_date("Thu 09th January 2020 | 11:30 AM") == date(2020, 1, 9)
    assert parse_date("Updated Sept. 3rd, 2019 at 5pm") == date(2019, 9, 3)
    assert parse_date("20200109") == date(2020, 1, 9)
    assert parse_date("Feb. 12 (UPI)") is None  # no year: not a date we can know
    assert parse_date("October 2023") is None  # a month is not a day
    assert parse_date("no date here, 42 people") is None
    assert iso("5 October 2023") == "2023-10-05" and iso("") == ""


def test_find_dates_gives_granularity_and_spans():
    text = "On Oct. 5, 2023 the talks began; by March 2024 they stalled, and in 2025 they ended. Next round: Nov 22."
    found = [(text[m.start:m.end], m.granularity, m.year, m.month, m.day) for m in find_dates(text)]
    assert found == [
        ("Oct. 5, 2023", "day", 2023, 10, 5),
        ("March 2024", "month", 2024, 3, None),
        ("2025", "year", 2025, None, None),
        ("Nov 22", "day", None, 11, 22),
    ]
    assert find_dates("Feb. 30, 2020 and $2020 and 2020s") == []  # no such day; money; a decade
    assert [m.date for m in find_dates("2023-10-05", ("day",))] == [date(2023, 10, 5)]


PAGE = """<html><head><title>Trade talks resume | The Planet</title>
<meta property="og:site_name" content="The Planet">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "The Planet"},
 {"@type": "NewsArticle", "headline": "Trade talks resume", "datePublished": "2021-05-06T10:00:00+02:00",
  "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
  "publisher": {"@type": "Organization", "name": "The Planet"}}]}</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Trade talks resume</h1>
<p>Officials from both countries met on Tuesday in Geneva to restart the talks that broke down last year over tariffs.</p>
<p>Subscribe now to our daily edition for the full story.</p>
<p>Both sides called the first day a good start and agreed to meet again within a month to work on the details.</p>
</article><footer>Copyright 2021 The Planet. All rights reserved.</footer></body></html>"""


def test_page_text_and_metadata():
    x = extract_html(PAGE.encode("utf-8"), url="https://planet.example/trade")
    assert x.title == "Trade talks resume"
    assert (x.source, x.date) == ("The Planet", "2021-05-06")
    assert "Jane Doe" in x.byline and "John Roe" in x.byline
    assert x.text.startswith("Officials from both countries met on Tuesday")
    assert "agreed to meet again" in x.text
    for furniture in ("Subscribe now", "Home", "All rights reserved"):
        assert furniture not in x.text


def test_page_in_a_legacy_encoding():
    page = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("Geneva", "Genève")
    x = extract_html(page.encode("cp1252"))
    assert "Genève" in x.text


def test_extraction_scores_stay_over_their_floors():
    """The CI floor: our extractor on the shared real-page benchmark (eval/extraction_floors.json)."""
    from eval.extraction import check_floors, run_extraction

    run = run_extraction(BENCH / "pages", BENCH / "dev.json", systems=["ours"])
    assert run["n_pages"] == 89
    assert check_floors(run["summary"]["ours"]) == []


def test_qa_extract_json_on_a_page_and_a_seed(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_HOME", str(tmp_path / "home"))
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    seed = SEEDS / "002_20631302064741e8.txt"
    assert main(["extract", str(page), str(seed), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in records] == [str(page), str(seed)]
    assert records[0]["title"] == "Trade talks resume" and records[0]["date"] == "2021-05-06" and records[0]["outlet"] == "The Planet"
    assert records[1]["title"] == "Report: South Korea dismisses rumors of GSOMIA termination"
    assert "Advertisement" not in records[1]["text"]


def test_qa_extract_names_a_missing_file_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_HOME", str(tmp_path / "home"))
    assert main(["extract", str(tmp_path / "nope.html")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "nope.html" in err[0]


def test_all_script_page_is_refused(tmp_path):
    from qa.load import load
    from qa.settings import IngestSettings

    (tmp_path / "app.html").write_text("<html><head><script>window.app = {}; render();</script></head><body><script>boot()</script></body></html>")
    (item,) = list(load(Path(tmp_path), IngestSettings()))
    assert item.article is None and "no article text" in item.error


def test_a_month_without_its_year_is_read_by_the_articles_date():
    from qa.dates import months_meant

    text = "Earlier in December, the ministry eased the rules. Talks may resume on Nov 22, 2019."
    assert months_meant(text, date(2020, 1, 9)) == [(2019, 12)]
    assert months_meant("In January, the ministry eased the rules.", date(2020, 1, 9)) == [(2020, 1)]
    assert months_meant("The vote is in December 2021.", date(2020, 1, 9)) == []  # a date of its own
