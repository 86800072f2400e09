"""Questions while the index changes: readers never see a half-swapped keyword index."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import share_model

from qa.engine import Engine
from qa.settings import Settings

QUESTIONS = [
    "Why did Seoul suspend termination?",
    "What did Seoul decide about GSOMIA?",
    "What is the capital of Australia?",
    "Who said what about the agreement, according to UPI?",
]


@pytest.fixture
def home(seeded_home, tmp_path) -> Path:
    dst = tmp_path / "home"
    shutil.copytree(seeded_home, dst)
    return dst


def test_six_threads_ask_while_the_keyword_index_is_rebuilt_40_times(home, engine):
    e = share_model(Engine(Settings(home=home)), engine)
    expected = {q: e.ask(q).to_json() for q in QUESTIONS}
    stop = threading.Event()
    errors: list[str] = []
    differ: list[str] = []
    asked = [0] * 6

    def asker(n: int) -> None:
        i = n
        while not stop.is_set():
            q = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            try:
                got = e.ask(q).to_json()
            except Exception as exc:  # every error counts, whatever its type
                errors.append(f"{q}: {type(exc).__name__}: {exc}")
                continue
            asked[n] += 1
            if (got["answer"], got["citations"]) != (expected[q]["answer"], expected[q]["citations"]):
                differ.append(q)

    threads = [threading.Thread(target=asker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    try:
        for i in range(40):
            # The same chunks each time, so every answer must stay the same. Every other rebuild
            # also touches the registry, as an ingest does: the engine then drops its copy and
            # reads the index again at the next question.
            e.keyword.build(e.store.iter_all())
            if i % 2:
                e.registry.save()
            target = sum(asked) + len(errors) + 30  # questions in flight across each swap
            while sum(asked) + len(errors) < target and all(t.is_alive() for t in threads):
                time.sleep(0.005)
    finally:
        stop.set()
        for t in threads:
            t.join(120)
    assert errors == []
    assert differ == []
    assert min(asked) > 0 and sum(asked) >= 40 * 30, asked  # the threads really asked during the rebuilds


def test_a_question_keeps_the_keyword_index_it_started_with(home, engine):
    """Deterministic: a snapshot taken before a rebuild still answers for the chunks it holds."""
    e = share_model(Engine(Settings(home=home)), engine)
    before = e.keyword.snapshot()
    ids, scores = list(before.ids), before.scores("GSOMIA termination")
    chunks = list(e.store.iter_all())
    e.keyword.build(chunks[: len(chunks) // 2])  # a smaller index swapped in
    e._refresh()
    assert before.ids == ids and len(before.scores("GSOMIA termination")) == len(ids)
    assert [before.ids[int(i)] for i in range(len(scores))] == ids  # every position still valid
    assert len(e.keyword) == len(chunks) // 2 < len(ids)  # new questions read the new index
