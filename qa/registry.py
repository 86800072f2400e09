"""What has been ingested: one entry per article with its content hash, for incremental ingest
and the corpus list. A JSON file, replaced atomically."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from qa.types import ArticleInfo


class Registry:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.articles: dict[str, ArticleInfo] = {}
        self.reload()

    def reload(self) -> None:
        if self.path.is_file():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.articles = {d["doc_id"]: ArticleInfo(**d) for d in data["articles"]}
        else:
            self.articles = {}

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
