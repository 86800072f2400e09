"""Chroma server mode for real (a `chroma run` process), and restarts that re-embed nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from conftest import ROOT, SEEDS, free_port, run_qa

from qa.engine import Engine
from qa.settings import Settings, StoreSettings

QUESTIONS = [
    "Why did Seoul suspend termination?",
    "Who is South Korea's foreign minister?",
    "What is the capital of Australia?",  # abstains
]


class CountingEncoder:
    """Wraps the real encoder's `encode` and `encode_question` to record every text sent to the model."""

    def __init__(self, engine: Engine) -> None:
        self.texts: list[str] = []
        real, real_question = engine.encoder.encode, engine.encoder.encode_question

        def encode(texts, batch_size=None):
            self.texts.extend(texts)
            return real(texts, batch_size)

        def encode_question(texts):
            self.texts.extend(texts)
            return real_question(texts)

        engine.encoder.encode = encode
        engine.encoder.encode_question = encode_question


def _engine(home, model, url: str = "") -> Engine:
    e = Engine(Settings(home=home, store=StoreSettings(chroma_url=url)))
    e.encoder._model = model
    return e


def _view(answer) -> tuple:
    return answer.answer, answer.abstained, [(c.doc_id, c.quote) for c in answer.citations]


def test_chroma_server_gives_the_embedded_answers_and_survives_restarts(engine, chroma_server, tmp_path):
    model = engine.encoder.model
    remote = _engine(tmp_path / "home", model, chroma_server.url)
    report = remote.ingest([SEEDS])
    assert report.added == 5 and remote.stats().store == chroma_server.url
    assert remote.store.count() == engine.store.count() == report.chunks
    expected = [_view(engine.ask(q)) for q in QUESTIONS]
    assert [_view(remote.ask(q)) for q in QUESTIONS] == expected
    assert expected[0][2] and expected[2][1]  # cited answer, then an abstention

    # The Chroma server restarts; the app (a new Engine, as a restarted `qa serve`) starts on the same
    # index: nothing is embedded again, and only the question is encoded to answer it.
    chroma_server.stop()
    chroma_server.start()
    again = _engine(tmp_path / "home", model, chroma_server.url)
    counted = CountingEncoder(again)
    assert again.ensure_ingested() is None
    report = again.ingest([SEEDS])
    assert (report.skipped, report.chunks) == (5, 0) and counted.texts == []
    assert _view(again.ask(QUESTIONS[0])) == expected[0]
    assert counted.texts == [QUESTIONS[0]]  # sentence vectors come from the index, not the model


def test_restarted_app_on_an_embedded_index_embeds_only_questions(fresh_engine):
    fresh_engine.ingest([SEEDS])
    restarted = _engine(fresh_engine.home, fresh_engine.encoder.model)
    counted = CountingEncoder(restarted)
    assert restarted.ensure_ingested() is None and counted.texts == []
    answer = restarted.ask("Why did Seoul suspend termination?")
    assert answer.citations and counted.texts == ["Why did Seoul suspend termination?"]


@pytest.mark.slow
def test_two_app_replicas_with_their_own_data_directories_share_one_chroma_server(engine, chroma_server, tmp_path):
    """Two `qa serve` processes, each with its own QA_HOME (its own cache), on one `chroma run`:
    the same answers, and what is ingested through either is answered by the other at once."""
    from test_bad_input import add_files
    from test_concurrency import ask_http
    from test_writers import wait_up

    seeder = _engine(tmp_path / "seeder", engine.encoder.model, chroma_server.url)
    seeder.ingest([SEEDS])
    env = {**os.environ, "QA_STORE__CHROMA_URL": chroma_server.url, "QA_SERVER__STREAM_DELAY": "0"}
    apps, urls = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            urls.append(f"http://127.0.0.1:{port}/")
            apps.append(subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port)], cwd=ROOT,
                                         env={**env, "QA_HOME": str(tmp_path / name)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        for proc, url in zip(apps, urls):
            wait_up(proc, url)
        http = [httpx.Client(base_url=u, timeout=120) for u in urls]
        for q in QUESTIONS:
            a, b = (ask_http(h, q) for h in http)
            assert (a["answer"], a["citations"]) == (b["answer"], b["citations"]), q
        assert ask_http(http[0], QUESTIONS[0])["citations"]

        def answered_by(h: httpx.Client, question: str, doc: str) -> float:
            t0 = time.monotonic()
            while time.monotonic() - t0 < 30:
                if doc in {c["doc_id"] for c in ask_http(h, question)["citations"]}:
                    return time.monotonic() - t0
                time.sleep(0.2)
            raise AssertionError(f"{doc} never cited for {question!r}")

        # A CLI ingest with replica a's data directory; replica b answers from it at its next question.
        folder = tmp_path / "news"
        folder.mkdir()
        (folder / "ferry.txt").write_text("Zanzibar ferry timetable changes\n\nThe Zanzibar ferry timetable changed on Monday "
                                          "after a storm damaged the harbour wall in Stone Town, the port authority said.\n")
        p = run_qa(["ingest", str(folder)], tmp_path / "a", env={"QA_STORE__CHROMA_URL": chroma_server.url})
        assert p.returncode == 0 and "1 added" in p.stdout, p.stdout + p.stderr
        assert answered_by(http[1], "What happened to the Zanzibar ferry timetable?", "ferry.txt") < 10
        # An upload through replica b's app; replica a answers from it.
        status = add_files(urls[1], [("glacier.txt", b"Patagonia glacier station closes\n\nThe Patagonia glacier station closed "
                                                      b"for the winter after researchers measured the fastest retreat of the ice in forty years.\n")])
        assert "1 added" in status, status
        assert answered_by(http[0], "Why did the Patagonia glacier station close?", "glacier.txt") < 10
        for q in QUESTIONS[:2]:
            a, b = (ask_http(h, q) for h in http)
            assert (a["answer"], a["citations"]) == (b["answer"], b["citations"]), q
    finally:
        for proc in apps:
            proc.terminate()
            proc.wait(60)
