"""Exceptions with messages a user can act on. The CLI prints them as one line and exits 2;
the web app shows them as readable errors."""


class QAError(Exception):
    """Base of every error the product reports to a user."""


class InvalidQuestion(QAError):
    """The question is empty, too long or otherwise unusable."""


class InvalidFilter(QAError):
    """A top-k, outlet or date range that cannot be applied."""


class UnreadableFile(QAError):
    """A file that cannot be ingested (binary, undecodable, empty, too large)."""


class IndexLocked(QAError):
    """Another ingest holds the data directory."""


class StoreUnavailable(QAError):
    """The Chroma store (embedded or server) cannot be reached or opened."""


class IndexDamaged(QAError):
    """A file of the index (registry, keyword index) cannot be read; `qa doctor --repair` fixes it."""


class NotFound(QAError):
    """A path or an article that does not exist."""


class FetchFailed(QAError):
    """A URL or feed that cannot be fetched or read (not http(s), 404, redirect loop, too large, not HTML or XML)."""
