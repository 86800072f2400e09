"""Turning answers into what the browser shows. Article text is untrusted (anyone can upload an
article), so every piece of it, and the reader's own question, goes through `html.escape` here
before it reaches the Chatbot's markdown or the Sources panel's HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from qa.types import Answer, ArticleInfo, Citation, Passage

# Markdown punctuation that could start a link, image, emphasis, code, table or LaTeX. `&`, `#` and
# `;` are left alone because html.escape's entities (&lt; &#x27;) are made of them.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]()!|~$])")
# Block syntax only matters at the start of a line: headings, lists, rules.
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))", re.MULTILINE)
_CITES = re.compile(r"((?:\s*\[\d+\])+)\s*")


def escape_md(text: str) -> str:
    """Text shown literally by a markdown renderer: no HTML, no links, images or formatting."""
    out = _MD_INLINE.sub(r"\\\1", html.escape(text, quote=True))
    return _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), out)


def sentences(answer: str) -> list[str]:
    """The answer split after each run of citation markers: one cited sentence per item."""
    parts = _CITES.split(answer.strip())
    out: list[str] = []
    for i in range(0, len(parts), 2):
        piece = parts[i] + (parts[i + 1] if i + 1 < len(parts) else "")
        if piece.strip():
            out.append(piece.strip())
    return out


# After a sentence of a model-written answer that no cited passage supports.
UNSUPPORTED_MARK = " ⚠️ _not supported by the cited passages_"


def answer_markdown(sentence_list: list[str], abstained: bool = False, unsupported: set[int] | frozenset[int] = frozenset(), note: str = "", draft: str = "") -> str:
    """Escaped answer, one sentence per paragraph so each reads with its own [n]. Sentences whose
    index is in `unsupported` get a visible mark; `draft` is the sentence a model is writing; a
    note (e.g. the language model did not answer) comes first."""
    body = "\n\n".join(escape_md(s) + (UNSUPPORTED_MARK if i in unsupported else "") for i, s in enumerate(sentence_list))
    if draft:
        body += ("\n\n" if body else "") + escape_md(draft) + " ▍"
    if abstained:
        body = "**No answer found in the articles.** " + body + "\n\n_The closest passages are listed under Sources._"
    if note:
        body = f"_{escape_md(note)}_\n\n{body}"
    return body


def stream_pieces(answer: str, words_per_piece: int = 3) -> Iterator[list[str]]:
    """Growing prefixes of the answer, a few words at a time, as lists of sentences."""
    done: list[str] = []
    for sentence in sentences(answer):
        words = sentence.split(" ")
        for end in range(words_per_piece, len(words), words_per_piece):
            yield [*done, " ".join(words[:end])]
        done.append(sentence)
        yield list(done)
    if not done:
        yield []


def chat_messages(turns: list[dict[str, Any]], partial: list[str] | None = None, draft: str = "") -> list[dict[str, str]]:
    """Chatbot messages for the turns; `partial` is the last answer while it streams in, `draft`
    the sentence a language model is writing in it."""
    msgs: list[dict[str, str]] = []
    for i, t in enumerate(turns):
        a = t["answer"]
        last = i == len(turns) - 1
        checked = a.get("sentences")  # a model-written answer: its own sentences, with their checks
        shown = partial if partial is not None and last else [s["text"] for s in checked] if checked else sentences(a["answer"])
        flagged = {j for j, s in enumerate(checked or []) if s.get("unsupported")}
        content = answer_markdown(shown, a["abstained"], flagged, a.get("note", ""), draft if last else "")
        msgs.append({"role": "user", "content": escape_md(t["question"])})
        msgs.append({"role": "assistant", "content": content})
    return msgs


def _e(text: str) -> str:
    return html.escape(text or "", quote=True)


def highlighted(text: str, quote: str, start: int, end: int) -> str:
    """The passage, escaped, with the supporting sentence wrapped in <mark>."""
    if not (0 <= start < end <= len(text) and text[start:end] == quote):
        start = text.find(quote) if quote else -1
        end = start + len(quote)
    if start < 0:
        return _e(text) + (f'<div class="qa-quote">“<mark>{_e(quote)}</mark>”</div>' if quote else "")
    return f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}"


def _link(url: str) -> str:
    # Only web links: an article's url could be javascript: or data:.
    if re.match(r"https?://", url or "", re.IGNORECASE):
        return f' · <a href="{_e(url)}" target="_blank" rel="noopener noreferrer nofollow">link</a>'
    return ""


def _card(n: str, title: str, source: str, date: str, doc_id: str, url: str, body: str) -> str:
    meta = " · ".join(_e(x) for x in (source or "unknown outlet", date or "undated"))
    return (
        '<div class="qa-card">'
        f'<div class="qa-card-title"><span class="qa-n">{n}</span> {_e(title or doc_id)}</div>'
        f'<div class="qa-meta">{meta} · <code>{_e(doc_id)}</code>{_link(url)}</div>'
        f'<div class="qa-passage">{body}</div>'
        "</div>"
    )


def citation_card(c: Citation) -> str:
    return _card(f"[{c.n}]", c.title, c.source, c.date, c.doc_id, c.url, highlighted(c.text, c.quote, c.quote_start, c.quote_end))


def passage_card(i: int, p: Passage) -> str:
    c = p.chunk
    return _card(f"({i})", c.title, c.source, c.date, c.doc_id, c.url, _e(c.text))


EMPTY_SOURCES = '<div class="qa-sources"><p class="qa-hint">Ask a question: the passages behind the answer appear here.</p></div>'


def sources_html(answer: Answer) -> str:
    """The Sources panel for one answer: a card per citation, or the closest passages on abstention."""
    if answer.abstained:
        head = "<h3>No answer: closest passages</h3>"
        cards = [passage_card(i, p) for i, p in enumerate(answer.passages, 1)] or ['<p class="qa-hint">No passage matched.</p>']
    else:
        head = "<h3>Sources</h3>"
        cards = [citation_card(c) for c in answer.citations]
    return f'<div class="qa-sources">{head}{"".join(cards)}</div>'


ARTICLE_HEADERS = ["Title", "Outlet", "Date", "Chunks", "ID"]


def article_rows(articles: list[ArticleInfo]) -> list[list[Any]]:
    """Rows of the corpus table; the Dataframe shows `str` cells as text, never as HTML."""
    return [[a.title, a.source, a.date, a.chunks, a.doc_id] for a in articles]


def article_choices(articles: list[ArticleInfo]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for the remove dropdown."""
    return [(f"{a.title[:80] or a.doc_id} — {a.source or 'unknown outlet'} ({a.doc_id})", a.doc_id) for a in articles]
