"""The web app's pure parts, without a server or the model: escaping, streaming, the Sources
cards, upload checks, the feedback log, login and start-up options."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from qa import feedback
from qa.errors import QAError
from qa.settings import IngestSettings, Settings
from qa.types import Answer, Chunk, Citation, Passage
from ui import render, uploads
from ui.app import auth_pair, exposure_warning

NASTY = '<script>alert(1)</script> <img src=x onerror=alert(2)> ![t](http://x/t.png) [a](javascript:alert(3)) **b** `c` $$x$$'


def test_escape_md_leaves_no_markup():
    out = render.escape_md(NASTY)
    assert "<" not in out and ">" not in out
    assert "![" not in out and "](" not in out and "**" not in out and "`c`" not in out and "$$" not in out
    assert "&lt;script&gt;" in out
    assert render.escape_md("# not a heading\n1. not a list\n- not a bullet") == "\\# not a heading\n1\\. not a list\n\\- not a bullet"
    assert render.escape_md("Seoul's \"pact\" & Tokyo") == "Seoul&#x27;s &quot;pact&quot; &amp; Tokyo"


def test_sentences_and_streaming_keep_citations():
    text = "22 Nov 2019 — Seoul halted it. [1] Tokyo agreed [2] [3] Talks went on. [4]"
    assert render.sentences(text) == ["22 Nov 2019 — Seoul halted it. [1]", "Tokyo agreed [2] [3]", "Talks went on. [4]"]
    pieces = list(render.stream_pieces(text, words_per_piece=2))
    assert pieces[-1] == render.sentences(text)
    assert len(pieces) > 3
    assert all(len(" ".join(a)) <= len(" ".join(b)) for a, b in zip(pieces, pieces[1:], strict=False))
    assert list(render.stream_pieces("")) == [[]]


def test_chat_messages_escape_question_and_answer():
    turns = [{"question": "<b>why</b>?", "answer": {"answer": "It <i>was</i> so. [1]", "abstained": False}}]
    msgs = render.chat_messages(turns)
    assert [m["role"] for m in msgs] == ["user", "assistant"]
    assert "<b>" not in msgs[0]["content"] and "<i>" not in msgs[1]["content"]
    assert "\\[1\\]" in msgs[1]["content"]
    abst = render.chat_messages([{"question": "q", "answer": {"answer": "Not in the articles.", "abstained": True}}])
    assert "No answer found" in abst[1]["content"] and "closest passages" in abst[1]["content"]


def _citation(text: str, quote: str, start: int, end: int, **kw) -> Citation:
    base = {"n": 1, "doc_id": "d<1>.txt", "title": "T <img src=x onerror=alert(1)>", "source": "S&P", "date": "2020-01-09", "score": 0.5}
    return Citation(text=text, quote=quote, quote_start=start, quote_end=end, **{**base, **kw})


def test_citation_card_marks_the_quote_and_escapes_everything():
    text = "Before <b>x</b>. The <script>alert(1)</script> quote. After."
    quote = "The <script>alert(1)</script> quote."
    start = text.index(quote)
    html = render.citation_card(_citation(text, quote, start, start + len(quote), url="javascript:alert(2)"))
    assert "<mark>The &lt;script&gt;alert(1)&lt;/script&gt; quote.</mark>" in html
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "javascript:" not in html  # only http(s) links are made clickable
    assert "S&amp;P" in html and "d&lt;1&gt;.txt" in html
    # Offsets that do not match the quote: found by search; a quote not in the text is shown apart.
    assert "<mark>The &lt;script&gt;" in render.citation_card(_citation(text, quote, 0, 3))
    apart = render.citation_card(_citation("Other text.", "Missing <quote>.", 0, 5))
    assert '<div class="qa-quote">“<mark>Missing &lt;quote&gt;.</mark>”</div>' in apart
    linked = render.citation_card(_citation(text, quote, start, start + len(quote), url='https://ex.com/a?b="c"'))
    assert 'href="https://ex.com/a?b=&quot;c&quot;"' in linked and 'rel="noopener noreferrer nofollow"' in linked


def test_sources_html_for_an_abstention_lists_the_closest_passages():
    chunk = Chunk("c1", "doc.txt", 0, "A <b>close</b> passage.", 0, 10, [(0, 10)], title="Close one", source="UPI", date="2020-02-12")
    html = render.sources_html(Answer("q", "Not found.", True, passages=[Passage(chunk, 0.3)]))
    assert "closest passages" in html and "Close one" in html and "A &lt;b&gt;close&lt;/b&gt; passage." in html
    assert "<mark>" not in html
    assert "No passage matched" in render.sources_html(Answer("q", "Not found.", True))


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\My Notes (1).MD", "My_Notes_1.md"),
        ("..hidden.json", "hidden.json"),
        ("Ünïcode námé.html", "Unicode_name.html"),
        ("<script>.txt", "script.txt"),
        ("../.txt", "upload.txt"),
        ("a" * 300 + ".jsonl", "a" * 100 + ".jsonl"),
    ],
)
def test_safe_name(name, safe):
    assert uploads.safe_name(name, IngestSettings().extensions) == safe


@pytest.mark.parametrize("name", ["evil.exe", "article.pdf", "noext", "x.txt.sh", ""])
def test_safe_name_refuses_other_types(name):
    with pytest.raises(ValueError, match="is not allowed"):
        uploads.safe_name(name, IngestSettings().extensions)


def test_store_refuses_bad_files_and_keeps_good_ones(tmp_path):
    settings = Settings(home=tmp_path / "home", ingest=IngestSettings(max_file_mb=0.001))
    src = tmp_path / "in"
    src.mkdir()
    (src / "good one.txt").write_text("A title\n\nSome text.")
    (src / "big.txt").write_text("x" * 2000)
    (src / "empty.md").write_text("")
    (src / "tool.exe").write_text("MZ")
    stored = uploads.store([str(src / n) for n in ("good one.txt", "big.txt", "empty.md", "tool.exe", "gone.txt")], settings)
    assert stored.saved == ["good_one.txt"]
    assert [r.split(":")[0] for r in stored.refused] == ["big.txt", "empty.md", "tool.exe", "gone.txt"]
    assert "over the 0.001 MB limit" in stored.refused[0]
    assert sorted(p.name for p in uploads.uploads_dir(settings).iterdir()) == ["good_one.txt"]


def test_drop_unreadable_and_forget(tmp_path):
    settings = Settings(home=tmp_path)
    folder = uploads.uploads_dir(settings)
    folder.mkdir()
    for n in ("bin.txt", "recs.jsonl", "old.txt", "keep.txt"):
        (folder / n).write_text("x")
    failed = [("bin.txt", "bin.txt: binary file, not text"), ("recs.jsonl:2", "recs.jsonl:2: malformed JSON"), ("old.txt", "old.txt: empty")]
    reasons = uploads.drop_unreadable(failed, ["bin.txt", "recs.jsonl", "keep.txt"], settings)
    assert reasons == ["bin.txt: binary file, not text", "recs.jsonl:2: malformed JSON"]
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt", "old.txt", "recs.jsonl"]
    uploads.forget("keep.txt", str(tmp_path / "elsewhere"), settings)  # not an upload: left alone
    uploads.forget("../outside.txt", str(folder), settings)  # never outside the folder
    assert (folder / "keep.txt").exists()
    uploads.forget("keep.txt", str(folder), settings)
    assert not (folder / "keep.txt").exists()


def test_feedback_is_appended_as_jsonl(tmp_path):
    path = tmp_path / "feedback.jsonl"
    answer = {"question": "q", "answer": "A. [1]", "abstained": False, "citations": [{"n": 1, "quote": "A."}], "latency_ms": 3.0}
    feedback.record(path, "Why?", answer, "up")
    feedback.record(path, "Why not?", answer, "down")
    rows = feedback.load(path)
    assert [(r["question"], r["vote"]) for r in rows] == [("Why?", "up"), ("Why not?", "down")]
    assert rows[0]["citations"] == answer["citations"] and rows[0]["answer"] == "A. [1]" and rows[0]["time"]
    with open(path, "a") as fh:
        fh.write('{"torn')
    assert len(feedback.load(path)) == 2
    with pytest.raises(ValueError):
        feedback.record(path, "q", answer, "meh")
    assert feedback.load(tmp_path / "none.jsonl") == []
    json.loads(path.read_text().splitlines()[0])


def test_login_and_exposure_warning():
    assert auth_pair("") is None
    assert auth_pair("ann:pa:ss") == ("ann", "pa:ss")
    for bad in ("ann", ":pw", "ann:"):
        with pytest.raises(QAError):
            auth_pair(bad)
    assert exposure_warning("127.0.0.1", "") is None
    assert exposure_warning("0.0.0.0", "ann:pw") is None
    warning = exposure_warning("0.0.0.0", "")
    assert warning and "without a login" in warning and "QA_AUTH" in warning


def test_qa_ask_never_imports_the_web_stack():
    code = "import sys, qa.cli, qa.engine; qa.cli.parser().parse_args(['serve', '--port', '1']); print('gradio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_serve_subcommand_options():
    from qa.cli import parser

    args = parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8080"])
    assert (args.host, args.port, args.func.__name__) == ("0.0.0.0", 8080, "cmd_serve")
    args = parser().parse_args(["serve"])
    assert (args.host, args.port) == (None, None)
