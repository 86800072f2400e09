"""A URL as a corpus: one web page, or an RSS / Atom feed whose every entry's page is fetched.

A feed entry's link is the article's id, and its title and published date win over the page's (the
feed is what the publisher declares). An entry whose page cannot be fetched is named in a warning and
the others go in; a page or feed unchanged since the last fetch (HTTP 304) is not fetched or ingested
again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qa import dates
from qa.errors import FetchFailed, UnreadableFile
from qa.extract import extract_html
from qa.fetch import FEED_TYPES, HTML_TYPES, Fetched, Validators, fetch
from qa.load import Loaded, shown
from qa.settings import IngestSettings
from qa.types import Article


@dataclass
class FeedEntry:
    link: str
    title: str = ""
    date: str = ""  # YYYY-MM-DD


def looks_like_feed(f: Fetched) -> bool:
    head = f.data[:600].lstrip().lower()
    if f.content_type in HTML_TYPES and not head.startswith(b"<?xml"):
        return False
    return f.content_type in FEED_TYPES or head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head


def feed_entries(data: bytes, url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document; a document that is not a feed is a FetchFailed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise FetchFailed(f"{url}: not an RSS or Atom feed (not well-formed XML, or no entries)")
    out = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link:
            continue
        raw_date = e.get("published") or e.get("updated") or e.get("created") or ""
        out.append(FeedEntry(link=link, title=" ".join((e.get("title") or "").split()), date=dates.iso(raw_date)))
    return out


def page_article(f: Fetched, doc_id: str) -> Article:
    """The article of a fetched HTML page; a page with no article text (all script) is refused."""
    if f.content_type not in HTML_TYPES:
        raise FetchFailed(f"{doc_id}: content type {f.content_type or 'unknown'} is not an HTML page or a feed")
    x = extract_html(f.data, url=f.url)
    if not x.text.strip():
        raise UnreadableFile(f"{doc_id}: no article text on the page (all script, or an index page?)")
    return Article(doc_id=doc_id, title=x.title or doc_id, text=x.text, source=x.source, date=x.date, byline=x.byline, url=x.url or f.url)


def load_url(url: str, settings: IngestSettings, cache: Path | None = None, known: Callable[[str], bool] = lambda _: False) -> Iterator[Loaded]:
    """Every article behind `url` (a page, or a feed's entries), failures included. `known(doc_id)`
    says whether the index holds an article: only then does a 304 mean there is nothing to do."""
    validators = Validators(cache)
    name = shown(url)
    try:
        # A page's validators count only while the index holds it (an ingest stopped before writing it
        # must fetch it whole again); a feed is no article, its own validators always count.
        etag, modified = validators.get(url) if known(url) or validators.entries.get(url, {}).get("feed") else ("", "")
        f = fetch(url, settings, etag, modified)
        if f.not_modified:
            return
        if looks_like_feed(f):
            entries = feed_entries(f.data, name)
        elif f.content_type in HTML_TYPES:
            article = page_article(f, url)
            validators.put(url, f)
            validators.save()
            yield Loaded(name, article=article, corpus=url)
            return
        else:
            raise FetchFailed(f"{name}: content type {f.content_type or 'unknown'} is not an HTML page or a feed")
    except (FetchFailed, UnreadableFile) as e:
        validators.forget(url)
        validators.save()
        yield Loaded(name, error=str(e), corpus=url)
        return
    try:
        for entry in entries:
            yield from _entry(entry, settings, validators, known, url)
        validators.put(url, f, feed=True)
    finally:
        validators.save()


def _entry(entry: FeedEntry, settings: IngestSettings, validators: Validators, known: Callable[[str], bool], corpus: str) -> Iterator[Loaded]:
    name = shown(entry.link)
    try:
        etag, modified = validators.get(entry.link) if known(entry.link) else ("", "")
        f = fetch(entry.link, settings, etag, modified)
        if f.not_modified:
            yield Loaded(name, unchanged=True, corpus=corpus)
            return
        article = page_article(f, entry.link)
    except (FetchFailed, UnreadableFile) as e:
        validators.forget(entry.link)
        yield Loaded(name, error=f"feed entry {e}", corpus=corpus, warning=True)
        return
    article.title = entry.title or article.title
    article.date = entry.date or article.date
    validators.put(entry.link, f)
    yield Loaded(name, article=article, corpus=corpus)


def extract_records(targets: list[str], settings: IngestSettings, warn: Callable[[str], None] | None = None) -> list[dict]:
    """`qa extract`: for each target (file, folder, URL or feed) the articles ingest would store, as
    records with the target as given (`file`) and the item (`name`); failures go to `warn`."""
    from qa.fetch import check_url, is_url
    from qa.load import load

    out = []
    for target in targets:
        if is_url(target):
            check_url(target)
            items = load_url(target, settings)  # no cache: always the page as it is now
        else:
            items = load(Path(target), settings)
        for item in items:
            if item.error or item.article is None:
                if warn and item.error:
                    warn(item.error)
                continue
            a = item.article
            out.append({"file": target, "name": item.name, "title": a.title, "outlet": a.source, "date": a.date,
                        "byline": a.byline, "url": a.url, "text": a.text})
    return out
