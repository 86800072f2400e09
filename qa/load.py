"""Reading a corpus: folders of .txt/.md/.html files and JSON/JSONL files of article records,
turned into cleaned `Article`s with their metadata (text, then the sidecar manifest)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qa import dates
from qa.clean import clean, clean_extracted, normalize
from qa.errors import NotFound, UnreadableFile
from qa.extract import extract_html
from qa.settings import IngestSettings
from qa.types import Article

_RECORD_KEYS = ("title", "source", "published_at", "url", "body")


@dataclass
class Loaded:
    """One item of a corpus: an article, or the reason it could not be read."""

    name: str  # what a warning names: the file, or file#record
    article: Article | None = None
    error: str = ""
    corpus: str = ""
    warning: bool = False  # the error is a warning: one entry of a feed, not the corpus named
    unchanged: bool = False  # a fetched page the server says has not changed since it was ingested

    @property
    def hash(self) -> str:
        a = self.article
        assert a is not None
        blob = json.dumps([a.title, a.text, a.source, a.date, a.byline, a.url])
        return hashlib.sha256(blob.encode()).hexdigest()[:32]


def decode(data: bytes, name: str) -> str:
    """Bytes of a text file as str; refuses binary and undecodable data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnreadableFile(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UnreadableFile(f"{name}: not valid UTF-8 text (byte {e.start})") from None


def article_from_text(doc_id: str, raw: str | bytes, *, html: bool = False, title: str = "", **meta: str) -> Article:
    """Clean one article's text (or extract it from an HTML page, see qa.extract); metadata given by
    the caller wins over what the text holds."""
    found: dict[str, str] = {}
    if html:
        x = extract_html(raw)
        c = clean_extracted(x.text.split("\n\n"), title=title or x.title)
        found = {"source": x.source, "byline": x.byline, "date": x.date, "url": x.url}
        c.meta = {**c.meta, **{k: v for k, v in found.items() if v}}
    else:
        c = clean(raw if isinstance(raw, str) else decode(raw, doc_id), title=title)
    if not c.paragraphs:
        raise UnreadableFile(f"{doc_id}: no article text")
    merged = {k: meta.get(k) or found.get(k) or c.meta.get(k, "") for k in ("source", "date", "byline", "url")}
    return Article(doc_id=doc_id, title=c.title, text=c.text, **merged)


def _records(data: str, name: str) -> Iterator[tuple[str, dict | None, str]]:
    """(name, record, error) for each record of a JSON array / object or JSONL file."""
    stripped = data.lstrip()
    if name.endswith(".jsonl") or not stripped.startswith(("[", "{")):
        for i, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield f"{name}:{i}", None, f"malformed JSON ({e.msg})"
                continue
            yield f"{name}:{i}", rec, ""
        return
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as e:
        yield name, None, f"malformed JSON ({e.msg} at line {e.lineno})"
        return
    if isinstance(obj, dict):
        obj = obj.get("articles") or obj.get("records") or obj.get("data") or [obj]
    if not isinstance(obj, list):
        yield name, None, "expected a list of article records"
        return
    for i, rec in enumerate(obj):
        yield f"{name}[{i}]", rec, ""


def article_from_record(rec: object, fallback_id: str) -> Article:
    if not isinstance(rec, dict):
        raise UnreadableFile(f"{fallback_id}: not an article record (expected an object)")
    body = rec.get("body") or rec.get("text") or rec.get("content") or ""
    if not isinstance(body, str) or not body.strip():
        raise UnreadableFile(f"{fallback_id}: record has no body text")
    url = str(rec.get("url") or "")
    doc_id = url or str(rec.get("id") or fallback_id)
    raw_date = str(rec.get("published_at") or rec.get("date") or "")
    return article_from_text(
        doc_id,
        body,
        html=bool(rec.get("html")),
        title=normalize(str(rec.get("title") or "")).strip(),
        source=str(rec.get("source") or rec.get("outlet") or ""),
        date=dates.iso(raw_date),
        byline=str(rec.get("author") or rec.get("byline") or ""),
        url=url,
    )


def read_manifest(root: Path, settings: IngestSettings) -> dict[str, dict]:
    path = root / settings.manifest_name
    if not path.is_file():
        return {}
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UnreadableFile(f"{path}: manifest is not valid JSON ({e})") from None
    entries = obj.get("files", obj) if isinstance(obj, dict) else {}
    return {k: v for k, v in entries.items() if isinstance(v, dict)}


def _apply_manifest(article: Article, entry: dict) -> None:
    for key in ("title", "source", "byline", "url"):
        if entry.get(key):
            setattr(article, key, str(entry[key]))
    if entry.get("date"):
        article.date = dates.iso(str(entry["date"])) or article.date


def shown(name: str) -> str:
    """A file name as messages print it: control characters (a newline in a name) as escapes, so
    that every message stays one line and cannot drive a terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name)


def _load_file(path: Path, rel: str, root: Path, manifest: dict[str, dict], settings: IngestSettings) -> Iterator[Loaded]:
    corpus = str(root)
    doc_id, rel = rel, shown(rel)
    try:
        size = path.stat().st_size
        if size > settings.max_file_mb * 1024 * 1024:
            raise UnreadableFile(f"{rel}: {size / 1048576:.0f} MB is over the {settings.max_file_mb:g} MB limit (QA_INGEST__MAX_FILE_MB)")
        if size == 0:
            raise UnreadableFile(f"{rel}: empty file")
        data = path.read_bytes()
        suffix = path.suffix.lower()
        # A saved web page may be in any encoding its <meta charset> names: qa.extract decodes it.
        text = data if suffix in (".html", ".htm") and b"\x00" not in data[:8192] else decode(data, rel)
    except UnreadableFile as e:
        yield Loaded(rel, error=str(e), corpus=corpus)
        return
    except OSError as e:
        yield Loaded(rel, error=f"{rel}: cannot read ({e.strerror})", corpus=corpus)
        return
    if suffix in (".json", ".jsonl"):
        for name, rec, err in _records(text, rel):
            if err:
                yield Loaded(name, error=f"{name}: {err}", corpus=corpus)
                continue
            try:
                yield Loaded(name, article=article_from_record(rec, name), corpus=corpus)
            except UnreadableFile as e:
                yield Loaded(name, error=str(e), corpus=corpus)
        return
    try:
        article = article_from_text(doc_id, text, html=suffix in (".html", ".htm"))
    except UnreadableFile:
        yield Loaded(rel, error=f"{rel}: no article text", corpus=corpus)
        return
    if doc_id in manifest:
        _apply_manifest(article, manifest[doc_id])
    yield Loaded(rel, article=article, corpus=corpus)


def corpus_files(path: Path, settings: IngestSettings) -> tuple[Path, list[Path]]:
    """The corpus root (ids are relative to it) and the files to read under `path`."""
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    if path.is_file():
        return path.parent, [path]
    files = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if f.startswith(".") or f == settings.manifest_name or p.suffix.lower() not in settings.extensions:
                continue
            files.append(p)
    return path, files


def load(path: Path, settings: IngestSettings) -> Iterator[Loaded]:
    """Every article of the corpus at `path` (a folder or one file), failures included."""
    root, files = corpus_files(path, settings)
    manifest = read_manifest(root, settings)
    for f in files:
        yield from _load_file(f, f.relative_to(root).as_posix(), root, manifest, settings)
