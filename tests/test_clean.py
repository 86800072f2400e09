"""Cleaning on the seeds: page debris goes, every line of article text stays."""

from __future__ import annotations

from conftest import SEEDS

from qa.clean import clean
from qa.load import load
from qa.settings import IngestSettings

# The lines of each seed that are not article text, as a reader would mark them.
DEBRIS = {
    "000_d4d96377e9c40012.txt": [
        "date 2020-01-09 UrduPoint.com",
        "Mohammad Ali (@ChaudhryMAli88) 6 minutes ago Thu 09th January 2020 | 11:30 AM",
    ],
    "001_30ac947a5b8d4595.txt": ["Back To Top", "(Yonhap)", "By Jo He-rim (herim@heraldcorp.com)", "MOST POPULAR", "LATEST NEWS", "subscribe", "소아쌤"],
    "002_20631302064741e8.txt": [
        "Advertisement",
        "South Korean President Moon Jae-in (R) has called on Japan to end export control measures targeting South Korean tech firms. File Photo by Kim Kyung-hoon/EPA-EFE",
        "Latest Headlines",
    ],
    "003_fbb534c62a477d38.txt": [
        "Home International Relations South Korea to pull out of intel-sharing agreement with Japan",
        "Tensions between South Korea and Japan escalate as former withdraws from bilateral pact",
    ],
    "004_104f3f75eba4f700.txt": ["Photo Credit: Kyodo News"],
}


def test_no_debris_line_survives_and_every_article_line_does():
    for name, debris in DEBRIS.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        cleaned = clean(raw)
        body_lines = set(cleaned.paragraphs)
        for junk in debris:
            assert junk not in body_lines, f"{name}: debris line kept: {junk!r}"
            assert junk not in cleaned.text, f"{name}: debris inside the text: {junk!r}"
        for line in (ln.strip() for ln in raw.splitlines()):
            if not line or line in debris or line == cleaned.title:
                continue
            assert line in body_lines, f"{name}: article line lost: {line[:80]!r}"


def test_titles_are_the_headlines():
    titles = {it.name: it.article.title for it in load(SEEDS, IngestSettings())}
    assert titles["003_fbb534c62a477d38.txt"] == "South Korea to pull out of intel-sharing agreement with Japan"
    assert titles["002_20631302064741e8.txt"] == "Report: South Korea dismisses rumors of GSOMIA termination"
    assert titles["000_d4d96377e9c40012.txt"].startswith("Seoul Can Continue Pullout")
    # The headline is not repeated as the first paragraph.
    text0 = next(it for it in load(SEEDS, IngestSettings()) if it.name.startswith("000")).article.text
    assert text0.startswith("SEOUL (UrduPoint News")


def test_an_embedded_posts_link_and_signature_are_furniture_its_text_is_not():
    raw = ("A Headline About Trade\nThe minister said the talks went well.\n"
           "We are back on the water. pic.twitter.com/Ab12Cd — Harbour Ferries (@harbourferries) May 1, 2022\n"
           "— Metro Bank (@MetroBank) November 22, 2023\n")
    assert clean(raw).paragraphs == ["The minister said the talks went well.", "We are back on the water."]
    # a dash inside a sentence is no signature
    assert clean("A Headline About Trade\nKang said — as expected — the talks went well on October 5, 2023.\n").paragraphs == [
        "Kang said — as expected — the talks went well on October 5, 2023."]


def test_generic_page_furniture():
    raw = ("Skip to content\nA Headline About Trade\nShare this article\nThe minister said the talks went well.\nRead more\n"
           "Published on 31 October 2023.\nAll rights reserved 2020\n")  # (a dateline ending in a full stop is one too)
    c = clean(raw)
    assert c.title == "A Headline About Trade"
    assert c.paragraphs == ["The minister said the talks went well."]
