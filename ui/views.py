"""HTML of the app's other views: the history list, filter chips, the corpus table, the article
viewer and the story timeline. Everything taken from articles, questions or titles is escaped."""

from __future__ import annotations

import html
import time
from typing import Any

from qa.types import ArticleInfo
from ui.render import _link, highlighted_many


def _e(text: Any) -> str:
    return html.escape(str(text or ""), quote=True)


def history_choices(listing: list) -> list[tuple[str, str]]:
    """(label, id) of each saved conversation for the history list, most recent first."""
    out = []
    for c in listing:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(c.updated))
        out.append((f"{c.title} · {c.turns} answer{'s' if c.turns != 1 else ''} · {when}", c.id))
    return out


def chips(outlets: list[str] | None, since: str, until: str, undated: bool = True, unsourced: bool = True) -> str:
    """The active filters as chips, each with a × that drops it. `undated` / `unsourced`: the
    "include" checkboxes; unchecked, they restrict, and show as a chip."""
    items = [(f"outlet: {o}", f"outlet:{o}") for o in outlets or []]
    items += [(f"since {since.strip()}", "since")] if since and since.strip() else []
    items += [(f"until {until.strip()}", "until")] if until and until.strip() else []
    items += [("without undated articles", "undated")] if undated is False else []
    items += [("without articles of no known outlet", "unsourced")] if unsourced is False else []
    if not items:
        return '<div class="qa-chips"><span class="qa-hint">All articles (no filter)</span></div>'
    spans = "".join(f'<span class="qa-chip">{_e(label)} <button data-drop="{_e(drop)}" title="Remove this filter">×</button></span>' for label, drop in items)
    return f'<div class="qa-chips"><span class="qa-hint">Filters:</span>{spans}</div>'


def corpus_table(results: list[tuple[ArticleInfo, str]], query: str = "") -> str:
    """The corpus as a table: each article with Open and Remove, and the passage that matched a search."""
    if not results:
        return f'<p class="qa-hint">No matches for “{_e(query)}”.</p>' if query.strip() else '<p class="qa-hint">No article is ingested yet.</p>'
    rows = []
    for a, snippet in results:
        snip = f'<div class="qa-snippet">{_e(snippet[:300])}{"…" if len(snippet) > 300 else ""}</div>' if snippet else ""
        rows.append(
            "<tr>"
            f"<td>{_e(a.title or a.doc_id)}{snip}</td><td>{_e(a.source or 'unknown outlet')}</td><td>{_e(a.date or 'undated')}</td>"
            f"<td>{a.chunks}</td><td><code>{_e(a.doc_id)}</code></td>"
            f'<td><button class="qa-open" data-doc="{_e(a.doc_id)}" data-q="{_e(query)}">Open</button> '
            f'<button class="qa-remove" data-doc="{_e(a.doc_id)}">Remove</button></td>'
            "</tr>"
        )
    head = "<tr><th>Title</th><th>Outlet</th><th>Date</th><th>Chunks</th><th>ID</th><th></th></tr>"
    return f'<table class="qa-table">{head}{"".join(rows)}</table>'


def article_view(info: ArticleInfo, text: str, passage: str = "", quotes: list[tuple[str, int, int, int]] | None = None, query: str = "") -> str:
    """The whole article with the cited passage's sentences (or the searched words) highlighted."""
    at = text.find(passage) if passage else -1
    if at >= 0:
        shifted = [(q, s + at, e + at, n) for q, s, e, n in (quotes or [])] or [(passage, at, at + len(passage), 0)]
        body = highlighted_many(text, shifted)
    elif query.strip() and query.strip().lower() in text.lower():
        i = text.lower().index(query.strip().lower())
        body = highlighted_many(text, [(text[i:i + len(query.strip())], i, i + len(query.strip()), 0)])
    else:
        body = _e(text)
    meta = " · ".join(_e(x) for x in (info.source or "unknown outlet", info.date or "undated", f"by {info.byline}" if info.byline else "") if x)
    return (
        f'<div class="qa-viewer"><h2>{_e(info.title or info.doc_id)}</h2>'
        f'<div class="qa-meta">{meta} · <code>{_e(info.doc_id)}</code>{_link(info.url).replace(">link<", ">original article<")}</div>'
        f'<div class="qa-article">{body}</div></div>'
    )


EMPTY_VIEWER = '<p class="qa-hint">Open an article from a source card (Open article) or from the Corpus tab.</p>'
EMPTY_TIMELINE = '<p class="qa-hint">Type a topic, or press “Timeline of this topic” under the chat: every article on it, oldest first.</p>'


def timeline_html(topic: str, entries: list) -> str:
    """The story in date order; where an article reports something other than the one before, both
    sentences side by side."""
    if not entries:
        return f'<p class="qa-hint">No article found on “{_e(topic)}”.</p>'
    out = [f'<h3>Timeline: “{_e(topic)}”</h3><div class="qa-timeline">']
    for e in entries:
        head = f'<b>{_e(e.date or "undated")}</b> · {_e(e.source or "unknown outlet")} · {_e(e.title or e.doc_id)} <span class="qa-n">[{e.n}]</span>'
        opener = f' <button class="qa-open" data-doc="{_e(e.doc_id)}" data-q="{_e(e.sentence)}">Open article</button>'
        if e.change:
            body = (
                '<span class="qa-badge">Changed</span><div class="qa-side">'
                f'<div><span class="qa-n">[{e.before_n}]</span> before: {_e(e.before)}</div>'
                f'<div><span class="qa-n">[{e.n}]</span> now: {_e(e.sentence)}</div></div>'
            )
        else:
            body = f"<div>{_e(e.sentence)} <span class=\"qa-n\">[{e.n}]</span></div>"
        out.append(f'<div class="qa-entry{" qa-change" if e.change else ""}" data-date="{_e(e.date)}">{head}{opener}{body}</div>')
    out.append("</div>")
    return "".join(out)
