"""Gold question files: loading and validation. One JSON object per line:
{"id", "question", "answer", "key_facts": [[alt, ...], ...], "sources": [doc_id, ...],
 "answerable": bool, "history": [[question, answer], ...], "type": str, "verdict": "yes" | "no"}.
`verdict` is for yes/no questions: the answer must open with it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parent / "gold" / "seeds.jsonl"
# The test split: written before the answerer of issue 14 and never tuned on.
TEST_GOLD = DEFAULT_GOLD.with_name("seeds_test.jsonl")


class GoldError(ValueError):
    """A gold file that cannot be scored; the message names the line."""


@dataclass
class GoldItem:
    id: str
    question: str
    answer: str
    key_facts: list[list[str]]
    sources: list[str]
    answerable: bool = True
    history: list[tuple[str, str]] = field(default_factory=list)
    type: str = ""
    verdict: str = ""  # "yes" / "no" for a yes/no question: the answer must open with it

    @property
    def kind(self) -> str:
        """The type for per-type reports; inferred when the file does not say."""
        if self.type:
            return self.type
        if not self.answerable:
            return "unanswerable"
        return "followup" if self.history else "single"


def _strings(value: object, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise GoldError(f"{what} must be a list of strings")
    return value


def parse_item(obj: object) -> GoldItem:
    if not isinstance(obj, dict):
        raise GoldError("each line must be a JSON object")
    missing = [k for k in ("id", "question", "answer") if not isinstance(obj.get(k), str) or not obj[k].strip()]
    if missing:
        raise GoldError(f"missing or empty text field(s): {', '.join(missing)}")
    key_facts = obj.get("key_facts", [])
    if not isinstance(key_facts, list):
        raise GoldError("key_facts must be a list of lists of acceptable spellings")
    facts = [_strings(f, "each key fact") for f in key_facts]
    if any(not [a for a in f if a.strip()] for f in facts):
        raise GoldError("a key fact has no non-empty spelling")
    sources = _strings(obj.get("sources", []), "sources")
    answerable = obj.get("answerable", True)
    if not isinstance(answerable, bool):
        raise GoldError("answerable must be true or false")
    if not answerable and (facts or sources):
        raise GoldError("an unanswerable question has no key_facts and no sources")
    history = obj.get("history") or []
    if not isinstance(history, list) or not all(isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t) for t in history):
        raise GoldError("history must be a list of [question, answer] pairs")
    kind = obj.get("type", "")
    if not isinstance(kind, str):
        raise GoldError("type must be text")
    verdict = obj.get("verdict", "")
    if verdict not in ("", "yes", "no") or (verdict and not answerable):
        raise GoldError("verdict must be \"yes\" or \"no\", and only on an answerable question")
    return GoldItem(
        id=obj["id"], question=obj["question"], answer=obj["answer"], key_facts=facts, sources=sources,
        answerable=answerable, history=[(q, a) for q, a in history], type=kind, verdict=verdict,
    )


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[GoldItem]:
    """Every question of a gold file, validated; raises GoldError naming the bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldError(f"cannot read the gold file {path}: {e.strerror or e}") from None
    items: list[GoldItem] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = parse_item(json.loads(line))
        except (json.JSONDecodeError, GoldError) as e:
            raise GoldError(f"{path}:{n}: {e}") from None
        if item.id in seen:
            raise GoldError(f"{path}:{n}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise GoldError(f"{path}: no questions")
    return items
