"""What has been ingested: one entry per article with its content hash, for incremental ingest
and the corpus list. A JSON file, replaced atomically."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from qa.errors import IndexDamaged
from qa.types import ArticleInfo


class Registry:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.articles: dict[str, ArticleInfo] = {}
        try:
            self.reload()
        except IndexDamaged:
            pass  # raised again by the first real use (every use reloads), and reported by `qa doctor`

    def reload(self) -> None:
        if not self.path.is_file():
            self.articles = {}
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.articles = {d["doc_id"]: ArticleInfo(**d) for d in data["articles"]}
        except (OSError, ValueError, KeyError, TypeError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise IndexDamaged(f"the article registry {self.path} cannot be read ({type(e).__name__}); run `qa doctor --repair`") from e

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"articles": [asdict(a) for a in self.articles.values()]}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def __len__(self) -> int:
        return len(self.articles)

    def chunk_count(self) -> int:
        return sum(a.chunks for a in self.articles.values())

    def sources(self) -> list[str]:
        return sorted({a.source for a in self.articles.values() if a.source})
