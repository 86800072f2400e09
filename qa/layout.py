"""Where everything lives in the data directory (`QA_HOME`): the one place that spells its paths.

    <home>/chroma/                       the record, when no Chroma server is set (QA_STORE__CHROMA_URL)
    <home>/index/<collection>/cache.sqlite3   the local cache of the record (qa.cache), per collection
    <home>/index/<collection>/keyword.bin     its keyword index, saved (qa.keyword_file)
    <home>/ingest.lock                   one writer per data directory (qa.lock)
    <home>/ingest.unfinished             left by a writer that has not finished (qa.ingest)
    <home>/models/                       the ONNX export of the encoder (QA_EMBED__CACHE_DIR moves it)
    <home>/uploads/                      files uploaded in the app
    <home>/fetch-cache.json              ETag / Last-Modified of fetched pages and feeds
    <home>/feedback.jsonl                readers' votes on answers
    <home>/conversations.sqlite3         saved conversations
    <home>/browser-state.key             the key of what the app keeps in browsers

Only the record (Chroma) and the readers' own files (uploads, feedback, conversations) hold data;
everything under index/ is a cache, rebuilt from the record when missing, damaged or behind it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    home: Path

    @property
    def chroma(self) -> Path:
        return self.home / "chroma"

    @property
    def chroma_catalogue(self) -> Path:
        """Chroma's own SQLite file in it, read without opening the store (qa.storecheck)."""
        return self.chroma / "chroma.sqlite3"

    def cache_dir(self, collection: str) -> Path:
        return self.home / "index" / collection

    def cache(self, collection: str) -> Path:
        return self.cache_dir(collection) / "cache.sqlite3"

    def keyword_index(self, collection: str) -> Path:
        """The keyword index saved beside the cache (qa.keyword_file), so a start does not rebuild it."""
        return self.cache_dir(collection) / "keyword.bin"

    @property
    def lock(self) -> Path:
        return self.home / "ingest.lock"

    @property
    def unfinished(self) -> Path:
        """Written when a writer starts and removed when it ends: found by the next writer, it says
        the last one was stopped (killed, a power cut) and the store may need a check."""
        return self.home / "ingest.unfinished"

    @property
    def models(self) -> Path:
        return self.home / "models"

    @property
    def uploads(self) -> Path:
        return self.home / "uploads"

    @property
    def fetch_cache(self) -> Path:
        return self.home / "fetch-cache.json"

    @property
    def feedback(self) -> Path:
        return self.home / "feedback.jsonl"

    @property
    def conversations(self) -> Path:
        return self.home / "conversations.sqlite3"

    @property
    def browser_secret(self) -> Path:
        return self.home / "browser-state.key"

    def aside(self, path: Path, stamp: str) -> Path:
        """Where a damaged file or folder is kept instead of being deleted."""
        return path.with_name(f"{path.name}.broken-{stamp}")


def layout(home: str | Path) -> Layout:
    return Layout(Path(home))
