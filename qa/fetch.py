"""Fetching one web page or feed over HTTP(S), with a time limit, a size limit, a redirect limit, a
clear user agent and conditional requests (ETag / Last-Modified), so that re-polling an unchanged
page costs a 304 and nothing else. Every failure is a `FetchFailed` with a one-line reason."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from qa.errors import FetchFailed
from qa.settings import IngestSettings

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "application/feed+json")


def is_url(target: object) -> bool:
    """Does `target` (a command-line argument) name a URL rather than a path? Any scheme counts, so
    that ftp:// or file:// is refused with a reason instead of read as a file name."""
    return isinstance(target, str) and bool(_SCHEME.match(target))


def check_url(url: str) -> str:
    scheme = _SCHEME.match(url)
    if not scheme or scheme[1].lower() not in ("http", "https"):
        raise FetchFailed(f"{url}: not an http(s) URL; only web pages and feeds over http or https are fetched")
    return url


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str = ""
    data: bytes = b""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False  # a 304: the copy ingested before is current


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        self.max_redirections = limit
        self.max_repeats = 2


def fetch(url: str, settings: IngestSettings, etag: str = "", last_modified: str = "") -> Fetched:
    """GET `url`; with the validators of an earlier fetch, a 304 comes back as `not_modified`."""
    check_url(url)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(_Redirects(settings.fetch_max_redirects))
    limit = int(settings.fetch_max_mb * 1024 * 1024)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=settings.fetch_timeout) as resp:
            size = resp.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > limit:
                raise FetchFailed(f"{url}: {int(size) / 1048576:.0f} MB is over the {settings.fetch_max_mb:g} MB limit (QA_INGEST__FETCH_MAX_MB)")
            data = resp.read(limit + 1)
            if len(data) > limit:
                raise FetchFailed(f"{url}: stopped at the {settings.fetch_max_mb:g} MB limit (QA_INGEST__FETCH_MAX_MB)")
            return Fetched(
                url=resp.geturl(), content_type=resp.headers.get_content_type(), data=data,
                etag=resp.headers.get("ETag", ""), last_modified=resp.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(url=url, not_modified=True, etag=etag, last_modified=last_modified)
        if 300 <= e.code < 400 and "not allowed" in str(e.msg):  # urllib refuses a redirect to ftp:, file: ...
            raise FetchFailed(f"{url}: redirects to a URL that is not http(s); not followed") from None
        if 300 <= e.code < 400:
            raise FetchFailed(f"{url}: too many redirects (a redirect loop?), more than {settings.fetch_max_redirects}") from None
        raise FetchFailed(f"{url}: the server answered {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        reason = e.reason.strerror if isinstance(e.reason, OSError) and e.reason.strerror else str(e.reason)
        raise FetchFailed(f"{url}: cannot fetch ({reason})") from None
    except TimeoutError:
        raise FetchFailed(f"{url}: no answer within {settings.fetch_timeout:g} s (QA_INGEST__FETCH_TIMEOUT)") from None
    except OSError as e:
        raise FetchFailed(f"{url}: cannot fetch ({e.strerror or e})") from None


class Validators:
    """ETag and Last-Modified of every URL fetched before, kept in a JSON file of the data directory."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, str]] = {}  # url -> etag, last_modified, feed ("1" for a feed)
        if path and path.is_file():
            try:
                obj = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {k: v for k, v in obj.items() if isinstance(v, dict)} if isinstance(obj, dict) else {}
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache only costs full fetches

    def get(self, url: str) -> tuple[str, str]:
        e = self.entries.get(url, {})
        return e.get("etag", ""), e.get("last_modified", "")

    def put(self, url: str, fetched: Fetched, feed: bool = False) -> None:
        if fetched.etag or fetched.last_modified:
            self.entries[url] = {"etag": fetched.etag, "last_modified": fetched.last_modified, **({"feed": "1"} if feed else {})}

    def forget(self, url: str) -> None:
        self.entries.pop(url, None)

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.entries, indent=0), encoding="utf-8")
        tmp.replace(self.path)
