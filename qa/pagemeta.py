"""What a web page says about its article: title, date, byline, outlet and address, from what the
page declares (schema.org JSON-LD, meta tags) and what it prints around its headline (the <h1>, the
dateline under it, the "By ..." line). qa.extract combines this with trafilatura's guesses."""

from __future__ import annotations

import calendar
import html
import json
import re

import lxml.html

from qa import dates

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
                  "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "techarticle", "scholarlyarticle",
                  "socialmediaposting", "posting", "report", "webpage", "recipe", "review", "qapage", "question"}


def squash(s: str) -> str:
    return " ".join(s.split())


def _names(value: object) -> list[str]:
    """Person or organisation names in a JSON-LD author/publisher value (a string, an object, a list)."""
    if isinstance(value, str):
        return [value] if value.strip() and not value.strip().startswith(("http://", "https://")) else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _ld_objects(tree: lxml.html.HtmlElement) -> list[dict]:
    """Every JSON-LD object of the page, @graph members flattened."""
    out: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            obj = json.loads(script.text_content().strip() or "null", strict=False)
        except json.JSONDecodeError:
            continue
        todo = obj if isinstance(obj, list) else [obj]
        while todo:
            o = todo.pop(0)
            if isinstance(o, dict):
                out.append(o)
                todo.extend(o["@graph"] if isinstance(o.get("@graph"), list) else [])
                if isinstance(o.get("mainEntity"), dict):
                    todo.append(o["mainEntity"])
            elif isinstance(o, list):
                todo.extend(o)
    return out


def _types(o: dict) -> set[str]:
    t = o.get("@type", "")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def json_ld(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """title, date, byline, source and url of the page's schema.org article (the most article-like
    JSON-LD object: a NewsArticle before an Article before a WebPage)."""
    objects = [o for o in _ld_objects(tree) if _types(o) & _ARTICLE_TYPES]
    if not objects:
        return {}
    rank = ["newsarticle", "reportagenews", "article", "blogposting", "analysisnewsarticle", "opinionnewsarticle"]
    objects.sort(key=lambda o: min((rank.index(t) for t in _types(o) if t in rank), default=len(rank)))
    best = objects[0]
    found = {
        "title": str(best.get("headline") or best.get("name") or ""),
        "date": dates.iso(str(best.get("datePublished") or best.get("dateCreated") or "")),
        "byline": ", ".join(dict.fromkeys(squash(n) for n in _names(best.get("author")))),
        "source": (_names(best.get("publisher")) or [""])[0],
        "url": str(best.get("url") or "") if str(best.get("url") or "").startswith("http") else "",
    }
    if "webpage" in _types(best) and not (_types(best) - {"webpage"}):
        found["title"] = ""  # a WebPage's name is the <title>, site name and all
    return {k: squash(v) for k, v in found.items() if v}


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower().strip()
        if key and key not in found and (value := squash(m.get("content") or "")):
            found[key] = value
    return found


def meta_fields(tree: lxml.html.HtmlElement) -> dict[str, str]:
    m = _meta(tree)
    date = ""
    for key in ("article:published_time", "datepublished", "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
                "sailthru.date", "parsely-pub-date", "og:published_time", "article.published"):
        if date := dates.iso(m.get(key, "")):
            break
    return {
        "title": m.get("og:title") or m.get("twitter:title") or "",
        "source": m.get("og:site_name") or m.get("application-name") or "",
        "byline": next((v for v in (m.get("author"), m.get("article:author"), m.get("dc.creator")) if v and not _URLISH.match(v)), ""),
        "date": date,
        "url": m.get("og:url") if (m.get("og:url") or "").startswith("http") else "",
    }


_URLISH = re.compile(r"(?i)^(?:https?://|www\.|@)")
_NAME = r"[A-Z][\w.'’-]*"
_NAME_SEQ = rf"{_NAME}(?:\s+(?:{_NAME}|de|la|van|von|der|del|di|da)){{0,4}}"
# "By Jane Doe and John Roe", "Posted on May 19, 2020 by J.R. Stone", "By : Joe S.", "Autor Nikolai Huke":
# a byline as the page prints it.
_SHOWN_BYLINE = re.compile(
    rf"(?:\b(?:[Bb]y|BY|Von|Par)\s*:?\s+|\b(?:Autor|Autorin|Author)\s*:?\s+)"
    rf"({_NAME_SEQ}(?:(?:,\s*|\s+(?:and|AND|und)\s+|\s*&\s*){_NAME_SEQ}){{0,6}})"
)
_BY_CONTEXT = re.compile(r"(?i)(?:\b(?:posted|written|published|updated|story|words|reported)\b[^.!?]{0,40}|\d{4}|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|[|·•])\s*$")
_CREDIT_BEFORE = re.compile(r"(?i)(?:photo|image|picture|illustration|video|graphic|credit|edited|designed|powered|theme)s?\W{0,3}$")
# Words that end a printed name: the date or a photo credit printed right after it.
_CALENDAR_WORDS = {n.lower() for n in (*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr) if n} | {
    "updated", "published", "posted", "photo", "photograph", "photos", "image", "images", "illustration", "share", "shares"}
_NOT_NAMES = re.compile(r"(?i)^(?:no author|admin|agencies|staff|unknown|editor|the editors?|guest)$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•»:]|[-–—]|::)\s+")
_SITE_WORDS = re.compile(r"(?i)\b(?:logo|site-?title|site-?name|brand|masthead)\b")


def _site_names(tree: lxml.html.HtmlElement, url: str, *known: str) -> set[str]:
    names = {k.lower() for k in known if k}
    host = re.sub(r"^(?:www\d?|m|blog|news)\.", "", re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0])
    if host:
        names.add(host.split(".")[0])
        names.add(host)
    return {re.sub(r"[^\w]", "", n) for n in names if n}


def _strip_site(title: str, sites: set[str]) -> str:
    """"Headline - Outlet" -> "Headline": the parts of a <title> / og:title that name the site (its
    og:site_name, its domain) go, and so does a last part when the first is a headline of its own."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    keep = [p for p in parts if re.sub(r"[^\w]", "", p.lower()) not in sites
            and not any(s and s in re.sub(r"[^\w]", "", p.lower()) for s in sites if len(s) > 4)]
    if keep and len(keep) < len(parts):
        return _TITLE_SEPARATORS.pattern and title[: title.find(keep[-1]) + len(keep[-1])][title.find(keep[0]):]
    return title


def headings(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's <h1> texts, without the ones that are the site's logo or name."""
    out = []
    for h in tree.iter("h1"):
        marks = " ".join(filter(None, [h.get("class"), h.get("id")] + [a.get("class") or "" for a in h.iterancestors()][:3]))
        text = squash(h.text_content())
        if text and not _SITE_WORDS.search(marks) and len(text) < 300:
            out.append(text)
    return out


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def choose_title(tree: lxml.html.HtmlElement, declared: list[str], url: str, site: str) -> str:
    """The headline as the page shows it: its <h1> when the page has one that is not the site's logo
    or name (when there are several, the one most like a declared title), else the declared title
    (JSON-LD headline, og:title, <title>) without the site's name."""
    declared = [html_unescape(d) for d in declared if d]
    sites = _site_names(tree, url, site)
    heads = headings(tree)
    stripped = [_strip_site(d, sites) for d in declared]

    def overlap(h: str) -> float:
        return max((len(_words(h) & _words(d)) / len(_words(h) | _words(d)) for d in stripped + declared if _words(h) | _words(d)), default=0.0)

    def names_site(h: str) -> bool:
        flat = re.sub(r"[^\w]", "", h.lower())
        return any(s == flat or (len(s) > 4 and s in flat) for s in sites)

    head = ""
    if len(heads) == 1 and (overlap(heads[0]) > 0 or not names_site(heads[0])):
        head = heads[0]
    elif heads and overlap(best := max(heads, key=overlap)) >= 0.3:  # several: the one most like the declared title
        head = best
    if head:
        # An <h1> that holds a declared title plus a kicker or section name ("Politics | ...").
        inside = [d for d in declared if len(d) >= 10 and d.lower() in head.lower()]
        return min(inside, key=len) if inside else head
    return stripped[0] if stripped else (heads[0] if heads else "")


def visible_text(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    parts = []
    for el in (body if body is not None else tree).iter():
        if el.tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
            continue
        if el.text and (el.getparent() is None or el.getparent().tag not in ("script", "style")):
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return squash(" ".join(parts))


def _near_headline(text: str, anchors: list[str], before: int, after: int) -> str:
    """The visible `text` around the headline (the first of `anchors` the page prints): `before`
    characters before it to `after` characters after it."""
    for headline in anchors:
        if headline and (at := text.find(headline)) >= 0:
            return text[max(0, at - before) : at + len(headline) + after]
    return ""


_PROSE_BEFORE = re.compile(r"(?i)\b(?:on|in|since|from|until|before|after|of|between|and|to)\s+$")
_LABEL_BEFORE = re.compile(r"(?i)\b(?:posted|published|updated|written|released|dated?|created)\s*(?:on\s+)?:?\s*$")


def _printed_dates(window: str, labelled: bool = False) -> list[str]:
    """Full dates in `window` as a dateline prints them: not inside prose ("attacks on Oct. 21, 2023"),
    and with `labelled` only after "Published", "Updated", "Posted on"..."""
    out = []
    for m in dates.find_dates(window, ("day",)):
        if m.date is None:
            continue
        before = window[max(0, m.start - 30) : m.start]
        if _LABEL_BEFORE.search(before):
            out.append(m.date.isoformat())
        elif not labelled and not _PROSE_BEFORE.search(before):
            out.append(m.date.isoformat())
    return out


def shown_date(text: str, anchors: list[str]) -> str:
    """The date the page prints with its headline: the first dateline within a few lines after it,
    else one just before it (journals print it above), else a labelled one ("Updated June 13, 2019")
    further down the header. What a reader takes as the article's date, and often the local date
    where the metadata has a UTC timestamp or a placeholder. `text`: the page's visible text."""
    for headline in anchors:
        if headline and (at := text.find(headline)) >= 0:
            end = at + len(headline)
            found = (_printed_dates(text[end : end + 600]) or _printed_dates(text[max(0, at - 150) : at])[-1:]
                     or _printed_dates(text[end : end + 2500], labelled=True))
            return found[0] if found else ""
    return ""


def shown_byline(text: str, anchors: list[str]) -> str:
    """The byline the page prints near its headline (just before it or a few lines after)."""
    window = _near_headline(text, anchors, 200, 800)
    for m in _SHOWN_BYLINE.finditer(window):
        if _CREDIT_BEFORE.search(window[max(0, m.start() - 20) : m.start()]):
            continue  # "Photo by ...", "Theme by ...": not the writer
        if m.group().startswith("by ") and not _BY_CONTEXT.search(window[max(0, m.start() - 60) : m.start()]):
            continue  # "shot by Detroit Police": a lower-case "by" in prose, not a byline
        words = m[1].split()
        # A date printed right after the name ("J.R. Stone Thursday, November 9") is not part of it.
        cut = next((i for i, w in enumerate(words) if w.lower().strip(".,") in _CALENDAR_WORDS), len(words))
        words = words[:cut]
        while words and words[-1].lower() in ("and", "und", "&", "de", "la", "van", "von", "der", "del", "di", "da"):
            words.pop()
        name = " ".join(words).rstrip(",")
        if name and not _NOT_NAMES.match(name):
            return name
    return ""


def html_unescape(s: str) -> str:
    return squash(html.unescape(s))


_AUTHOR_ELEMENTS = ('//*[@rel="author" or contains(@itemprop, "author") or contains(@class, "byline") or contains(@class, "author")'
                    ' or contains(@class, "Author") or contains(@class, "Byline")]')


def marked_author(tree: lxml.html.HtmlElement) -> str:
    """The text of the first short element the page marks as its author (rel=author, itemprop=author,
    an "author" or "byline" class)."""
    for el in tree.xpath(_AUTHOR_ELEMENTS):
        if any(a.tag in ("footer", "aside", "nav") or "comment" in (a.get("class") or "") for a in el.iterancestors()):
            continue
        text = re.sub(r"^(?:By|BY|Von|Par|Written by|Posted by|Author:?)\s+", "", squash(el.text_content())).strip(" ,|")
        if 2 <= len(text) <= 60 and 1 <= len(text.split()) <= 6 and not _NOT_NAMES.match(text) and not re.search(r"\d|@|https?:", text):
            return text
    return ""


def _count_names(byline: str) -> int:
    return len([p for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", byline) if p])


def byline(tree: lxml.html.HtmlElement, visible: str, anchors: list[str], *sources: dict[str, str]) -> str:
    """The printed byline near the headline, else the declared author that names the most people
    (JSON-LD, meta tags, trafilatura, a "By" line in the text: some list only the first of several),
    else an element marked as the author. Placeholders such as "No Author" are no name."""
    if shown := shown_byline(visible, anchors):
        return shown
    return _as_printed(_declared_byline(tree, *sources), visible)


def _as_printed(byline: str, text: str) -> str:
    """A byline in the punctuation the page prints it with ("T V Raman" -> "T. V. Raman", "AFP; The
    Local" -> "AFP/The Local"): trafilatura normalises names, readers see them as printed."""
    tokens = re.findall(r"\w+", byline)
    if len(tokens) < 2:
        return byline
    m = re.search(r"(?<!\w)" + r"\W{0,3}".join(map(re.escape, tokens)) + r"(?!\w)\.?", text)
    return re.sub(r"\s+([,;])", r"\1", m.group()) if m and len(m.group()) <= len(byline) + 8 else byline


def _declared_byline(tree: lxml.html.HtmlElement, *sources: dict[str, str]) -> str:
    declared = [b for s in sources if (b := s.get("byline", "")) and not _NOT_NAMES.match(b.strip()) and not _URLISH.match(b)]
    if declared:
        return max(declared, key=_count_names)  # the first of the most complete ones
    return marked_author(tree)
