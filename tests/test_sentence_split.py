"""The project's one sentence splitter on tricky news sentences (titles, initials, U.S., a.m./p.m.,
decimals, quotes, months, "No. 2", citation markers), on article text and on streamed text."""

from __future__ import annotations

import pytest

from qa.sentence_split import sentence_spans, split
from qa.verify import SentenceSplitter

# Each case: the sentences, in order, that the paragraph made of them joined by a space must split into.
CASES = [
    ["Mr. Moon met Mr. Abe in Tokyo on Monday.", "They discussed trade."],
    ["Mrs. Kim and Ms. Lee were not there.", "Dr. Park was."],
    ["The U.S. military said it would help.", "Seoul agreed."],
    ["Gen. Robert Abrams spoke at 10 a.m. on Friday.", "He left at noon."],
    ["\u201cWe strongly urge them to make a wise decision,\u201d Iwaya said.", "\u201cIt is up to Seoul.\u201d"],
    ["John F. Kennedy and J.R.R. Tolkien were mentioned.", "Nothing else was."],
    ["Exports fell 3.5 percent in October.", "Imports rose 2.1 percent."],
    ["He moved to the U.S. in 2019.", "She stayed in Seoul."],
    ["The firm is based in the U.S.", "It employs 300 people."],
    ["Sen. Elizabeth Warren and Rep. Adam Schiff voted no.", "The bill passed."],
    ["Shares of Apple Inc. rose 2%.", "The Nasdaq fell."],
    ['He asked, "Is it over?"', "Nobody answered."],
    ["The pact was signed on Nov. 23, 2016.", "It expires in 2022."],
    ["Seoul first announced it would pull out on Aug. 23, saying it made no sense.", "Tokyo objected."],
    ["Dr. Kim said the vaccine works!", "Others disagreed."],
    ["The St. Louis Fed said rates would hold.", "Markets rallied."],
    ["Gov. Gavin Newsom signed the bill on Jan. 5.", "Critics objected."],
    ["The company, Acme Corp., said profits rose.", "Shares jumped."],
    ["U.N. Secretary-General Antonio Guterres spoke.", "He urged calm."],
    ["E.U. officials met in Brussels.", "No deal was reached."],
    ["The No. 2 official resigned.", "His deputy took over."],
    ["Lt. Col. Smith declined to comment.", "A spokesman confirmed the visit."],
    ["The U.S.-South Korea drills continued.", "North Korea protested."],
    ["It cost $1.2 billion, or about 1.4 trillion won.", "The ministry paid."],
    ["\u201cThe effect of GSOMIA can be ended at any time.\u201d", "Kang said so on Friday."],
    ["Where is the money?", "Nobody knows.", "The audit starts on Monday."],
    ["President Donald J. Trump said so.", "Vice President Mike Pence agreed."],
    ["Washington, D.C. is the capital.", "Seoul is another capital."],
    ["The ship sailed at 6 a.m. and arrived at 9 p.m. on Sunday.", "Passengers were tired."],
    ["Samsung Electronics Co. said its profit fell.", "LG Corp. said the same."],
    ["Kim said \u2018no\u2019.", "Moon said \u2018yes\u2019."],
    ["The report (published Jan. 9) was clear.", "It said talks would go on."],
    ["The U.S. Forces Korea commander spoke.", "Troops stayed."],
    ["The trial, Epic v. Google, begins in November.", "Both sides declined to comment."],
    ["He waited...", "Then he left."],
]


@pytest.mark.parametrize("sentences", CASES, ids=[c[0][:30] for c in CASES])
def test_tricky_news_sentences(sentences):
    assert split(" ".join(sentences)) == sentences


def test_share_of_the_labelled_set_split_right():
    """The measure the splitter was chosen by (README "Sentences"): every case of the set above."""
    right = sum(split(" ".join(c)) == c for c in CASES)
    assert right == len(CASES)


def test_spans_point_into_the_text_and_lines_always_end_sentences():
    text = "  Seoul said so.  Tokyo agreed\nA new line without a stop\n\n\u201cQuoted.\u201d Then more. "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Seoul said so.", "Tokyo agreed", "A new line without a stop", "\u201cQuoted.\u201d", "Then more."]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)
    assert sentence_spans("") == [] and sentence_spans(" \n ") == []


def test_an_ambiguous_abbreviation_before_a_name_is_kept_whole():
    # "p.m." then a capitalized word that is not a pronoun or article: read as one sentence (as spaCy does too).
    assert split("The meeting ended at 4 p.m. Officials said nothing more.") == ["The meeting ended at 4 p.m. Officials said nothing more."]


def test_citation_markers_stay_with_their_sentence():
    text = "Seoul halted the move. [1] Tokyo agreed to talks [2]. The U.S. welcomed it. [1, 3] It was late."
    assert split(text) == ["Seoul halted the move. [1]", "Tokyo agreed to talks [2].", "The U.S. welcomed it. [1, 3]", "It was late."]


@pytest.mark.parametrize("step", [1, 3, 7, 1000])
def test_streamed_text_splits_as_the_whole_text_does(step):
    """The language model's answer, fed a few characters at a time, comes out in the same sentences,
    each as soon as the next one has begun."""
    text = ("Mr. Moon met Gen. Abrams at 10 a.m. on Nov. 5 [1]. The U.S. Forces Korea said so. [2] "
            "The firm is based in the U.S. It employs 300 people [3]. He asked, \"Is it over?\" Nobody answered.")
    s = SentenceSplitter()
    out = []
    for i in range(0, len(text), step):
        out += s.feed(text[i : i + step])
    out += s.flush()
    assert out == split(text)
    assert out[0] == "Mr. Moon met Gen. Abrams at 10 a.m. on Nov. 5 [1]."
