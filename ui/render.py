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


_ESCAPED_CITE = re.compile(r"\\\[(\d+)\\\]")


def link_citations(escaped: str, turn: int | None) -> str:
    """Escaped `[n]` markers made links to card n of answer `turn` (the page's script opens it)."""
    if turn is None:
        return escaped
    return _ESCAPED_CITE.sub(lambda m: f"[\\[{m[1]}\\]](#qa-cite-{turn}-{m[1]})", escaped)


def answer_markdown(
    sentence_list: list[str], abstained: bool = False, unsupported: set[int] | frozenset[int] = frozenset(), note: str = "", draft: str = "",
    bold_first: bool = False, turn: int | None = None, read_as: str = "",
) -> str:
    """Escaped answer, one sentence per paragraph so each reads with its own [n]. Sentences whose
    index is in `unsupported` get a visible mark; `draft` is the sentence a model is writing; a
    note (e.g. the language model did not answer) comes first. `bold_first`: the first item is the
    direct answer, set in bold. `turn`: the answer's place in the chat, for its [n] links.
    `read_as`: how a follow-up was read, shown above the answer."""
    parts = []
    for i, s in enumerate(sentence_list):
        text = link_citations(escape_md(s), turn) + (UNSUPPORTED_MARK if i in unsupported else "")
        parts.append(f"**{text}**" if bold_first and i == 0 and s.strip() else text)
    body = "\n\n".join(parts)
    if draft:
        body += ("\n\n" if body else "") + escape_md(draft) + " ▍"
    if read_as:
        body = f"_Read as: {escape_md(read_as)}_\n\n{body}"
    if abstained:
        body = "**No answer found in the articles.** " + body + "\n\n_The closest passages are listed under Sources._"
    if note:
        body = f"_{escape_md(note)}_\n\n{body}"
    return body


def stream_pieces(answer: str | list[str], words_per_piece: int = 3) -> Iterator[list[str]]:
    """Growing prefixes of the answer (text, or its items), a few words at a time, as lists of sentences."""
    done: list[str] = []
    for sentence in sentences(answer) if isinstance(answer, str) else answer:
        words = sentence.split(" ")
        for end in range(words_per_piece, len(words), words_per_piece):
            yield [*done, " ".join(words[:end])]
        done.append(sentence)
        yield list(done)
    if not done:
        yield []


def answer_sentences(a: dict[str, Any]) -> list[str]:
    """The answer's items as shown: the direct answer (`short`) first when there is one, then the
    cited sentences that follow it."""
    short, text = (a.get("short") or "").strip(), a.get("answer", "")
    if short and text.strip().startswith(short):
        return [short, *sentences(text.strip()[len(short):])]
    return sentences(text)


def read_as(t: dict[str, Any]) -> str:
    """The standalone question a follow-up was searched as; "" when it was taken as asked."""
    q = t.get("search_query", "")
    return q if q and " ".join(q.split()).lower() != " ".join(t.get("question", "").split()).lower() else ""


def chat_messages(turns: list[dict[str, Any]], partial: list[str] | None = None, draft: str = "") -> list[dict[str, str]]:
    """Chatbot messages for the turns; `partial` is the last answer while it streams in, `draft`
    the sentence a language model is writing in it."""
    msgs: list[dict[str, str]] = []
    for i, t in enumerate(turns):
        a = t["answer"]
        last = i == len(turns) - 1
        checked = a.get("sentences")  # a model-written answer: its own sentences, with their checks
        shown = partial if partial is not None and last else [s["text"] for s in checked] if checked else answer_sentences(a)
        flagged = {j for j, s in enumerate(checked or []) if s.get("unsupported")}
        bold = bool((a.get("short") or "").strip()) and not checked
        linked = None if partial is not None and last else i  # links once the answer and its sources are complete
        content = answer_markdown(shown, a["abstained"], flagged, a.get("note", ""), draft if last else "", bold, linked, read_as(t))
        if t.get("suggestions") and linked is not None:
            # Links the page's script turns into a question asked (ui.page).
            content += "\n\n_Next:_ " + " · ".join(f"[{escape_md(q)}](#qa-ask)" for q in t["suggestions"])
        msgs.append({"role": "user", "content": escape_md(t["question"])})
        msgs.append({"role": "assistant", "content": content})
    return msgs


def _e(text: str) -> str:
    return html.escape(text or "", quote=True)


def highlighted(text: str, quote: str, start: int, end: int) -> str:
    """The passage, escaped, with the supporting sentence wrapped in <mark>."""
    return highlighted_many(text, [(quote, start, end, 0)])


def _span(text: str, quote: str, start: int, end: int) -> tuple[int, int]:
    if not (0 <= start < end <= len(text) and text[start:end] == quote):
        start = text.find(quote) if quote else -1
        end = start + len(quote)
    return start, end


def highlighted_many(text: str, quotes: list[tuple[str, int, int, int]]) -> str:
    """The passage, escaped, with every cited sentence (quote, start, end, n) in a <mark>; quotes
    not found in the passage are shown under it."""
    spans, apart = [], []
    for quote, start, end, n in quotes:
        if not quote:
            continue
        a, b = _span(text, quote, start, end)
        if a >= 0:
            spans.append((a, b, n))
        else:
            apart.append(quote)
    out, at = [], 0
    for a, b, n in sorted(spans):
        a = max(a, at)
        if b <= a:
            continue
        tag = f' data-n="{n}"' if n else ""
        out.append(f"{_e(text[at:a])}<mark{tag}>{_e(text[a:b])}</mark>")
        at = b
    out.append(_e(text[at:]))
    return "".join(out) + "".join(f'<div class="qa-quote">“<mark>{_e(q)}</mark>”</div>' for q in dict.fromkeys(apart))


def _link(url: str) -> str:
    # Only web links: an article's url could be javascript: or data:.
    if re.match(r"https?://", url or "", re.IGNORECASE):
        return f' · <a href="{_e(url)}" target="_blank" rel="noopener noreferrer nofollow">link</a>'
    return ""


def _card(n: str, title: str, source: str, date: str, doc_id: str, url: str, body: str, ns: str = "", why: str = "", turn: int | None = None) -> str:
    meta = " · ".join(_e(x) for x in (source or "unknown outlet", date or "undated"))
    data = f' data-n="{_e(ns)}"' if ns else ""
    opener = (
        f' · <button class="qa-open" data-doc="{_e(doc_id)}" data-turn="{turn}" data-n="{_e(ns.split()[0] if ns else "")}">Open article</button>'
        if turn is not None else ""
    )
    return (
        f'<div class="qa-card"{data}>'
        f'<div class="qa-card-title"><span class="qa-n">{n}</span> {_e(title or doc_id)}</div>'
        f'<div class="qa-meta">{meta} · <code>{_e(doc_id)}</code>{_link(url)}{opener}</div>'
        + (f'<div class="qa-why">{why}</div>' if why else "")
        + f'<div class="qa-passage">{body}</div>'
        "</div>"
    )


def citation_card(c: Citation) -> str:
    return _card(f"[{c.n}]", c.title, c.source, c.date, c.doc_id, c.url, highlighted(c.text, c.quote, c.quote_start, c.quote_end))


def passage_card(i: int, p: Passage) -> str:
    c = p.chunk
    return _card(f"({i})", c.title, c.source, c.date, c.doc_id, c.url, _e(c.text))


def matched_words(question: str, text: str, limit: int = 8) -> list[str]:
    """Words of the passage that the question's search terms matched (after stemming)."""
    from qa.keyword import terms

    wanted = set(terms(question))
    out: dict[str, None] = {}
    for w in re.findall(r"[\w'’-]+", text):
        if len(out) >= limit:
            break
        if w.lower() not in out and any(t in wanted for t in terms(w)):
            out[w.lower()] = None
    return list(out)


def _why(question: str, text: str, score: float | None) -> str:
    words = matched_words(question, text)
    bits = ([f"score {score:.2f}"] if score is not None else []) + ([f"matched: {', '.join(words)}"] if words else [])
    return _e(" · ".join(bits))


def turn_cards(t: dict[str, Any], turn: int) -> str:
    """The Sources of one chat turn: one card per passage, carrying every [n] cited from it with
    each cited sentence highlighted; on abstention, the closest passages."""
    a = t.get("answer", {})
    query = t.get("search_query") or t.get("question", "")
    if a.get("abstained"):
        ps = t.get("passages", [])
        cards = [
            _card(f"({i})", p.get("title", ""), p.get("source", ""), p.get("date", ""), p.get("doc_id", ""), p.get("url", ""), _e(p.get("text", "")),
                  why=_why(query, p.get("text", ""), p.get("score")), turn=turn)
            for i, p in enumerate(ps, 1)
        ] or ['<p class="qa-hint">No passage matched.</p>']
        head = "No answer: closest passages"
    else:
        groups: dict[tuple[str, str], list[dict]] = {}
        for c in t.get("citations") or a.get("citations") or []:
            groups.setdefault((c.get("doc_id", ""), c.get("text", "")), []).append(c)
        cards = []
        for cs in groups.values():
            c = cs[0]
            ns = " ".join(str(x["n"]) for x in cs)
            body = highlighted_many(c.get("text", ""), [(x.get("quote", ""), x.get("quote_start", 0), x.get("quote_end", 0), x["n"]) for x in cs])
            label = "".join(f"[{x['n']}]" for x in cs)
            cards.append(_card(label, c.get("title", ""), c.get("source", ""), c.get("date", ""), c.get("doc_id", ""), c.get("url", ""), body, ns,
                               _why(query, c.get("text", ""), c.get("score")), turn))
        head = "Sources"
    question = _e(" ".join(t.get("question", "").split())[:120])
    return f'<h3>{head}</h3><div class="qa-for">for answer {turn + 1}: “{question}”</div>{"".join(cards)}'


EMPTY_SOURCES = '<div class="qa-sources"><p class="qa-hint">Ask a question: the passages behind the answer appear here.</p></div>'


def sources_panel(turns: list[dict[str, Any]], active: int | None = None) -> str:
    """The Sources panel for a conversation: every answer's sources, the `active` one (default:
    the last) shown; clicking an answer or one of its [n] shows its own (the page's script)."""
    if not turns:
        return EMPTY_SOURCES
    active = len(turns) - 1 if active is None else active
    blocks = [
        f'<div class="qa-turn{" qa-active" if i == active else ""}" data-turn="{i}">{turn_cards(t, i)}</div>'
        for i, t in enumerate(turns)
    ]
    return f'<div class="qa-sources" data-turns="{len(turns)}">{"".join(blocks)}</div>'


def sources_html(answer: Answer) -> str:
    """The Sources panel for one answer alone."""
    from qa.conversations import turn_record

    return sources_panel([turn_record(answer)])


ARTICLE_HEADERS = ["Title", "Outlet", "Date", "Chunks", "ID"]


def article_rows(articles: list[ArticleInfo]) -> list[list[Any]]:
    """Rows of the corpus table; the Dataframe shows `str` cells as text, never as HTML."""
    return [[a.title, a.source, a.date, a.chunks, a.doc_id] for a in articles]


def article_choices(articles: list[ArticleInfo]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for the remove dropdown."""
    return [(f"{a.title[:80] or a.doc_id} — {a.source or 'unknown outlet'} ({a.doc_id})", a.doc_id) for a in articles]
