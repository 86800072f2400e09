"""The article in a web page: its main text without the page's furniture, and its title, outlet, date,
byline and address.

The body is trafilatura's main-text extraction; paragraphs readability-lxml finds between two
paragraphs both kept are put back (trafilatura drops some lists and short paragraphs mid-article);
then the page's own nav / header / footer blocks and our news-debris pass (qa.clean.clean_extracted)
take out what both keep: subscription and newsletter prompts, affiliate notices, dateline and byline
lines. Title, date and byline: what the page prints around its headline first, then what it declares
(qa.pagemeta), then trafilatura's guesses (htmldate for the date). Measured on real pages:
`qa eval extraction` (eval/extraction.py)."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree

from qa import dates
from qa import pagemeta as pm


@dataclass
class Extracted:
    """One page's article: paragraphs joined by blank lines, and what is known about it ('' if nothing)."""

    text: str
    title: str = ""
    source: str = ""
    date: str = ""  # YYYY-MM-DD
    byline: str = ""
    url: str = ""


def decode_html(data: bytes | str) -> str:
    """A page's bytes as text, in the encoding its BOM, HTTP-equiv / meta charset or content says."""
    if isinstance(data, str):
        return data
    from trafilatura.utils import decode_file

    return decode_file(data)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True))
    except (etree.ParserError, ValueError):
        return None


def extract_html(data: bytes | str, url: str = "") -> Extracted:
    """The article of one HTML page (bytes as saved or fetched, or text). The text is '' when the page
    has no article text (all script, a bare index page)."""
    import trafilatura

    from qa.clean import clean_extracted

    html = decode_html(data)
    tree = _parse(html)
    if tree is None:
        return Extracted("")
    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False, include_tables=True)
    traf = {}
    text = ""
    if doc is not None:
        text = doc.text or ""
        traf = {"title": doc.title or "", "source": doc.sitename or "", "byline": doc.author or "", "date": dates.iso(doc.date or ""),
                "url": doc.url or ""}
    ld, meta = pm.json_ld(tree), pm.meta_fields(tree)

    def pick(key: str) -> str:
        return next((s[key] for s in (ld, meta, traf) if s.get(key)), "")

    doc_title = tree.findtext(".//title") or ""
    title = pm.choose_title(tree, [ld.get("title", ""), meta.get("title", ""), doc_title, traf.get("title", "")], url, pick("source"))
    paragraphs = _fill_gaps(text.split("\n"), _readability_paragraphs(html, url))
    # trafilatura falls back to all the text of a short page, menus included: the page's own
    # navigation, header and footer blocks are never article text.
    furniture = {pm.squash(el.text_content()) for el in tree.xpath("//nav|//footer|//header[not(.//h1)]|//aside")}
    paragraphs = [p for p in paragraphs if pm.squash(p) not in furniture]
    if paragraphs and title and pm.squash(paragraphs[0]).lower() == pm.squash(title).lower():
        paragraphs = paragraphs[1:]  # the headline again: it is the title, not a paragraph
    cleaned = clean_extracted(paragraphs, title=title)
    anchors = [title, *pm.headings(tree)]  # where the headline is printed: the date and byline are near it
    visible = pm.visible_text(tree)
    return Extracted(
        text="\n\n".join(cleaned.paragraphs),
        title=title or cleaned.title,
        source=pick("source"),
        date=pm.shown_date(visible, anchors) or traf.get("date") or pick("date") or cleaned.meta.get("date", ""),
        byline=pm.byline(tree, visible, anchors, ld, meta, traf, cleaned.meta),
        url=pick("url") or url,
    )


def _readability_paragraphs(html: str, url: str) -> list[str]:
    from readability import Document

    try:
        summary = Document(html, url=url or None).summary(html_partial=True)
    except Exception:  # noqa: BLE001 (readability raises bare Exceptions on odd pages: then it adds nothing)
        return []
    tree = _parse(summary) if summary.strip() else None
    if tree is None:
        return []
    out = []
    for el in tree.iter("p", "li", "h2", "h3", "h4", "blockquote", "pre", "td", "dd"):
        if el.getparent() is not None and el.getparent().tag in ("li", "blockquote") and el.tag == "p":
            continue
        t = pm.squash(el.text_content())
        if t:
            out.append(t)
    return out


def _fill_gaps(ours: list[str], other: list[str]) -> list[str]:
    """`ours`, plus the paragraphs of `other` that sit between two paragraphs both extractors kept: a
    paragraph inside the article that one extractor lost, not furniture at its edges."""
    ours = [p for p in ours if p.strip()]
    if not other:
        return ours
    joined = pm.squash(" ".join(ours))
    known = [pm.squash(p) in joined for p in other]
    out = list(ours)
    anchors = [i for i, k in enumerate(known) if k]
    if len(anchors) < 2:
        return out
    for i in range(anchors[0] + 1, anchors[-1]):
        if known[i]:
            continue
        prev = next(other[j] for j in range(i - 1, -1, -1) if known[j])
        pos = next((k for k, p in enumerate(out) if pm.squash(prev) in pm.squash(p)), None)
        if pos is None:
            continue
        out.insert(pos + 1, other[i])
        known[i] = True
    return out
