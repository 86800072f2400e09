"""Shared fixtures: a data directory in a temp path, the real model, a real embedded Chroma,
the five seed articles."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory) -> Path:
    """A data directory with the seeds ingested once for the whole session. Read-only for tests."""
    from qa.engine import Engine
    from qa.settings import Settings

    home = tmp_path_factory.mktemp("qa-home")
    Engine(Settings(home=home)).ingest([SEEDS])
    return home


@pytest.fixture(scope="session")
def engine(seeded_home):
    """The engine over the seeded data directory (shared: do not ingest into it)."""
    from qa.engine import Engine
    from qa.settings import Settings

    return Engine(Settings(home=seeded_home))


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A private, writable copy of the seeds."""
    dst = tmp_path / "corpus"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture
def fresh_engine(tmp_path, engine):
    """An engine with its own empty data directory, sharing the loaded model."""
    from qa.engine import Engine
    from qa.settings import Settings

    e = Engine(Settings(home=tmp_path / "home"))
    e.encoder._model = engine.encoder.model  # loading the model again would only cost time
    return e
