"""CI floors for the headline seeds metrics: written from a measured run, checked by
tests/test_eval.py. Regenerate after a deliberate change with `qa eval --write-floors`."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

from eval.run import HEADLINE, LOWER_IS_BETTER

FLOORS = Path(__file__).resolve().parent / "floors.json"
FLOORS_TEST = FLOORS.with_name("floors_test.json")  # the test split's (eval/gold/seeds_test.jsonl)
MAX_ANSWER_WORDS = 60  # the median answer is a short answer plus its evidence, not a page


def floors_for(gold: str | Path) -> Path:
    """The floors file of a gold file: the test split has its own, every other gold the dev one."""
    from eval.gold import TEST_GOLD

    return FLOORS_TEST if Path(gold).resolve() == TEST_GOLD.resolve() else FLOORS
MARGIN = 0.03  # about one question of the 54 answerable seeds questions: catches a real regression, not noise


def make_floors(summary: dict, margin: float = MARGIN) -> dict:
    """Floors (minimum) a little under today's values, ceilings (maximum) a little over for the
    lower-is-better ones; rounded to 0.01 in the safe direction."""
    floors, ceilings = {}, {}
    for k in HEADLINE:
        v = summary.get(k)
        if v is None:
            continue
        if k in LOWER_IS_BETTER:
            ceilings[k] = min(1.0, math.ceil((v + margin) * 100) / 100)
        else:
            floors[k] = max(0.0, math.floor((v - margin) * 100) / 100)
    return {
        "about": "Headline seeds metrics must stay at or above `min` (at or below `max`). Regenerate in a fresh data directory, as the CI test runs: qa eval --home \"$(mktemp -d)\" --write-floors",
        "measured": {k: summary.get(k) for k in HEADLINE},
        "measured_on": date.today().isoformat(),
        "min": floors,
        "max": ceilings,
    }


def write_floors(summary: dict, path: str | Path = FLOORS, margin: float = MARGIN) -> dict:
    floors = make_floors(summary, margin)
    Path(path).write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors


def load_floors(path: str | Path = FLOORS) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check_floors(summary: dict, floors: dict) -> list[str]:
    """Every headline metric under its floor or over its ceiling, as readable lines; [] when fine."""
    problems = []
    words = summary.get("answer_words_p50")
    if words is not None and words > MAX_ANSWER_WORDS:
        problems.append(f"the median answer is {words:g} words; the limit is {MAX_ANSWER_WORDS}")
    for k, lo in floors.get("min", {}).items():
        v = summary.get(k)
        if v is None or v < lo:
            problems.append(f"{k} = {v} is under its floor {lo}")
    for k, hi in floors.get("max", {}).items():
        v = summary.get(k)
        if v is None or v > hi:
            problems.append(f"{k} = {v} is over its ceiling {hi}")
    return problems
