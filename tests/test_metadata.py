"""Metadata from the text, never invented, and the sidecar manifest."""

from __future__ import annotations

import json

from conftest import SEEDS

from qa.load import load
from qa.metadata import parse_date  # qa.dates.iso: a date string as YYYY-MM-DD
from qa.settings import IngestSettings


def test_date_formats():
    assert parse_date("date 2020-01-09 UrduPoint.com") == "2020-01-09"
    assert parse_date("Thu 09th January 2020 | 11:30 AM") == "2020-01-09"
    assert parse_date("Jan. 9, 2020") == "2020-01-09"
    assert parse_date("2023-11-27T08:45:59+00:00") == "2023-11-27"
    assert parse_date("Feb. 12 (UPI)") == ""  # no year: not a date we can know


def test_metadata_found_in_text_without_manifest(tmp_path):
    for f in SEEDS.glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    arts = {it.name: it.article for it in load(tmp_path, IngestSettings())}
    a0 = arts["000_d4d96377e9c40012.txt"]
    assert (a0.source, a0.date, a0.byline) == ("UrduPoint.com", "2020-01-09", "Mohammad Ali")
    a1 = arts["001_30ac947a5b8d4595.txt"]
    assert a1.byline == "Jo He-rim" and a1.source == "" and a1.date == ""
    a2 = arts["002_20631302064741e8.txt"]
    assert a2.source == "UPI" and a2.date == ""  # "Feb. 12" has no year: left empty
    a3 = arts["003_fbb534c62a477d38.txt"]
    assert (a3.source, a3.date, a3.byline) == ("", "", "")


def test_seed_manifest_fills_with_reasons():
    manifest = json.loads((SEEDS / "manifest.json").read_text())
    for entry in manifest["files"].values():
        assert entry.get("reason"), "every manifest value must say why"
    arts = {it.name: it.article for it in load(SEEDS, IngestSettings())}
    assert arts["001_30ac947a5b8d4595.txt"].source == "The Korea Herald"
    assert arts["004_104f3f75eba4f700.txt"].source == "Kyodo News"
    assert arts["002_20631302064741e8.txt"].date == "2020-02-12"
    assert arts["003_fbb534c62a477d38.txt"].source == ""  # unknown stays unknown


def test_manifest_overrides(tmp_path):
    (tmp_path / "a.txt").write_text("A Title\nThe minister spoke on Monday about the talks.\n")
    (tmp_path / "manifest.json").write_text(json.dumps({"a.txt": {"source": "Daily Planet", "date": "2021-03-04", "url": "https://x.test/a"}}))
    (art,) = [it.article for it in load(tmp_path, IngestSettings())]
    assert (art.doc_id, art.source, art.date, art.url) == ("a.txt", "Daily Planet", "2021-03-04", "https://x.test/a")


def test_html_page(tmp_path):
    (tmp_path / "p.html").write_text(
        "<html><head><title>Site | Story</title><meta property='og:site_name' content='The Planet'>"
        "<meta property='article:published_time' content='2021-05-06T10:00:00Z'><style>p{}</style>"
        "<script>var ad = 'Advertisement';</script></head><body><nav>Home | World</nav>"
        "<h1>Trade talks resume</h1><p>Officials met on Tuesday to restart talks.</p><p>Both sides called it a good start.</p>"
        "<footer>Subscribe</footer></body></html>"
    )
    (art,) = [it.article for it in load(tmp_path, IngestSettings())]
    assert art.title == "Trade talks resume" and art.source == "The Planet" and art.date == "2021-05-06"
    assert art.text == "Officials met on Tuesday to restart talks.\n\nBoth sides called it a good start."
