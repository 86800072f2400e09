"""Chroma server mode for real (a `chroma run` process), and restarts that re-embed nothing."""

from __future__ import annotations

from conftest import SEEDS

from qa.engine import Engine
from qa.settings import Settings, StoreSettings

QUESTIONS = [
    "Why did Seoul suspend termination?",
    "Who is South Korea's foreign minister?",
    "What is the capital of Australia?",  # abstains
]


class CountingEncoder:
    """Wraps the real encoder's `encode` to record every text sent to the model."""

    def __init__(self, engine: Engine) -> None:
        self.texts: list[str] = []
        real = engine.encoder.encode

        def encode(texts, batch_size=None):
            self.texts.extend(texts)
            return real(texts, batch_size)

        engine.encoder.encode = encode


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
