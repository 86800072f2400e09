"""Faults: an ingest stopped at every write step and killed (SIGKILL) at random points, two ingests
at once, damaged or missing index files, a Chroma server that goes down and comes back. After each,
`qa doctor` says what is wrong and how to repair it, and the index ends whole and complete."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, run_qa, share_model, start_app

from qa.engine import Engine
from qa.load import load
from qa.settings import IngestSettings, ServerSettings, Settings, StoreSettings

QUESTION = "Why did Seoul suspend termination?"


def make_corpus(folder: Path, n: int, version: int) -> Path:
    """n short articles cut from the seeds' sentences; each version changes every article's text,
    length (so its number of chunks) and drops or adds a few files."""
    sentences = []
    for f in sorted(SEEDS.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").split("\n\n")[1:]:
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", para.strip()) if len(s.split()) > 6]
    rng = random.Random(version)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for i in range(n + (2 if version == 1 else 0)):
        k = rng.randint(2, 5) if i else (14 if version % 2 else 2)  # the first one shrinks from version 1 to 2
        body = " ".join(rng.sample(sentences, k))
        (folder / f"a{i:03d}.txt").write_text(f"Dispatch {i}, version {version}\n\nDispatch {i}. {body}\n", encoding="utf-8")
    return folder


def expected(corpus: Path) -> dict[str, str]:
    """doc_id -> content hash of every readable article of the corpus, as a complete ingest records it."""
    return {item.article.doc_id: item.hash for item in load(corpus, IngestSettings()) if not item.error}


def assert_whole_and_complete(home: Path, corpus: Path) -> None:
    e = Engine(Settings(home=home))
    found = e.doctor().found
    assert found.ok, found.problems
    assert {a.doc_id: a.hash for a in e.registry.articles.values()} == expected(corpus)
    assert found.chunks == found.keyword == e.registry.chunk_count()


def _index_stamp(home: Path) -> int:
    """The generation the cache holds (brought up to date after each published batch)."""
    import sqlite3

    for path in home.glob("index/*/cache.sqlite3"):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
                return int(dict(db.execute("SELECT key, value FROM meta").fetchall()).get("generation", 0))
        except (sqlite3.Error, ValueError):
            return 0
    return 0


def _locked(home: Path) -> bool:
    """Does some process hold the ingest lock of `home`?"""
    import fcntl

    try:
        with open(home / "ingest.lock", "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fh, fcntl.LOCK_UN)
    except OSError:
        pass
    return False


# -- a stop at each write step (in process, exact) --------------------------------------------
class Stop(Exception):
    """Stands in for a kill: nothing after the step runs, the lock is released."""


STEPS = {
    # step name: (method of the record, stop before (True) or after (False) call number n; problems doctor must see)
    "mid-prune": ("delete_doc", False, 1, {"the cache's registry disagrees with the record"}),
    "after-chunks-written": ("write", False, 1, {"half-written", "belong to no whole article"}),
    "after-old-tail-deleted": ("delete_ids", False, 2, {"half-written"}),  # call 1: the check for leftovers at start
    "before-second-batch-published": ("publish", True, 3, {"half-written", "belong to no whole article"}),
}


def _stop(monkeypatch, target, method: str, before: bool, n: int, step: str = "") -> None:
    real, calls = getattr(target, method), []

    def stopping(*args, **kw):
        calls.append(1)
        if before and len(calls) == n:
            raise Stop(step)
        result = real(*args, **kw)
        if not before and len(calls) == n:
            raise Stop(step)
        return result

    monkeypatch.setattr(target, method, stopping)


@pytest.mark.parametrize("step", list(STEPS))
def test_ingest_stopped_at_each_write_step(tmp_path, engine, monkeypatch, step):
    corpus = make_corpus(tmp_path / "corpus", 4, version=1)
    e = share_model(Engine(Settings(home=tmp_path / "home", ingest=IngestSettings(batch_articles=2))), engine)
    e.ingest([corpus])
    make_corpus(corpus, 4, version=2)  # every article changes, two files go (prune), lengths change (tails)

    method, stop_before, n, must_see = STEPS[step]
    _stop(monkeypatch, e.store, method, stop_before, n, step)
    with pytest.raises(Stop):
        e.ingest([corpus])
    monkeypatch.undo()
    # Readers go on with the last published generation meanwhile.
    after = e.ask(QUESTION).to_json()
    assert {c["doc_id"] for c in after["citations"]} <= set(e.snapshot().articles)

    found = e.doctor().found
    assert not found.ok
    seen = " | ".join(found.problems)
    assert all(kind in seen for kind in must_see), seen

    report = e.ingest([corpus])  # re-running deletes what was never published, then completes
    assert report.failed == []
    assert_whole_and_complete(e.home, corpus)


def test_repair_without_ingest(tmp_path, engine, monkeypatch):
    """`qa doctor --repair` alone: the chunks of no whole article deleted, a half-written article
    named with the command that adds it back, the cache rebuilt; what was whole stays searchable."""
    corpus = make_corpus(tmp_path / "corpus", 6, version=1)
    e = share_model(Engine(Settings(home=tmp_path / "home", ingest=IngestSettings(batch_articles=2))), engine)
    e.ingest([corpus])
    make_corpus(corpus, 6, version=2)
    _stop(monkeypatch, e.store, "publish", True, 2)  # the prune is published; the first batch is not
    with pytest.raises(Stop):
        e.ingest([corpus])
    monkeypatch.undo()
    result = e.doctor(repair=True)
    assert result.ok and result.repaired.done
    lines = "\n".join(result.lines())
    assert f"to add back 2 articles: qa ingest {corpus.resolve()}" in lines, lines
    assert "ok: the index is consistent" in lines
    assert e.ask("What did Seoul decide about GSOMIA?").latency_ms > 0  # searchable, no error
    e.ingest([corpus])
    assert_whole_and_complete(e.home, corpus)


# -- SIGKILL at random points (real processes) ------------------------------------------------
@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus"
    home = tmp_path / "home"
    env = {"QA_INGEST__BATCH_ARTICLES": "3"}
    rng = random.Random(20261122)
    kills, killed = 3, 0
    for run in range(kills):
        make_corpus(corpus, 24, version=run % 2 + 1)  # every run has every article to write
        before = _index_stamp(home)
        proc = subprocess.Popen([sys.executable, "-m", "qa", "ingest", str(corpus)], env={**os.environ, "QA_HOME": str(home), **env},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 180
        # Wait for this run's first committed batch, then kill somewhere in the batches after it.
        while proc.poll() is None and time.monotonic() < deadline:
            if _index_stamp(home) != before:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed += proc.returncode == -signal.SIGKILL  # it was still ingesting
        stderr = proc.stderr.read().decode()
        assert "Traceback" not in stderr, stderr

        # Readers answer from the last published generation whatever the kill left.
        st = run_qa(["stats", "--json"], home)
        assert st.returncode == 0 and json.loads(st.stdout)["articles"] > 0, st.stderr
        check = run_qa(["doctor"], home)
        assert "Traceback" not in check.stderr and check.returncode in (0, 1), check.stderr
        if check.returncode == 1:  # killed between a write and its publish: named, with the way out
            assert "problem: " in check.stdout
            assert "to repair: run `qa doctor --repair`" in check.stdout
        if run % 2:  # every other time repair by hand; otherwise the next ingest repairs first
            fixed = run_qa(["doctor", "--repair"], home)
            assert fixed.returncode == 0 and "ok: the index is consistent" in fixed.stdout, fixed.stdout + fixed.stderr
    assert killed >= 1, "no kill landed inside an ingest"

    final = run_qa(["ingest", str(corpus)], home, env=env)
    assert final.returncode == 0, final.stderr
    assert run_qa(["doctor"], home).returncode == 0
    assert_whole_and_complete(home, corpus)


# -- two ingests at once ----------------------------------------------------------------------
@pytest.mark.slow
def test_second_ingest_is_refused_while_one_runs(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 40, version=1)
    home = tmp_path / "home"
    first = subprocess.Popen([sys.executable, "-m", "qa", "ingest", str(corpus)], env={**os.environ, "QA_HOME": str(home)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _locked(home) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    # The first one is paused while the second runs: they overlap however long the second takes to
    # start on a loaded machine (a race against the rest of the first's ingest otherwise).
    first.send_signal(signal.SIGSTOP)
    try:
        assert first.poll() is None and _locked(home), "the first ingest ended before the second started: no overlap to test"
        second = run_qa(["ingest", str(corpus)], home)
    finally:
        first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=300)
    assert second.returncode == 2 and second.stderr.strip() == f"error: another ingest is running on {home}; wait for it to finish and try again"
    assert first.returncode == 0 and "42 added" in out, err
    assert_whole_and_complete(home, corpus)


# -- damaged or missing data ------------------------------------------------------------------


def _one_line(p, needle: str) -> str:
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
    line = p.stderr.strip()
    assert "\n" not in line and line.startswith("error: ") and needle in line, line
    return line


@pytest.mark.parametrize("damage", ["garbage", "removed"])
def test_a_damaged_or_missing_cache_is_rebuilt_from_the_record(home, damage):
    cache = next(home.glob("index/*/cache.sqlite3"))
    for p in cache.parent.iterdir():
        p.unlink()
    if damage == "garbage":
        cache.write_bytes(b"\x00garbage" * 500)
    st = run_qa(["stats", "--json"], home)
    assert st.returncode == 0 and json.loads(st.stdout)["articles"] == 5, st.stderr
    if damage == "garbage":
        assert list(cache.parent.glob("cache.sqlite3.broken-*"))  # the damaged file is kept aside, not deleted
    assert run_qa(["doctor"], home).returncode == 0
    p = run_qa(["ask", QUESTION, "--json"], home)
    assert json.loads(p.stdout)["citations"], p.stderr


def test_damaged_chroma_is_set_aside_then_rebuilt(home, engine):
    (home / "chroma" / "chroma.sqlite3").write_bytes(os.urandom(4096))
    line = _one_line(run_qa(["doctor"], home), "cannot use the Chroma store")
    assert line.endswith("run `qa doctor --repair`"), line
    fixed = run_qa(["doctor", "--repair"], home)
    assert fixed.returncode == 0 and "moved" in fixed.stdout and "now run `qa ingest`" in fixed.stdout, fixed.stdout + fixed.stderr
    assert list(home.glob("chroma.broken-*"))
    e = share_model(Engine(Settings(home=home)), engine)  # the rebuild, in this process: the model is loaded
    assert e.ingest([SEEDS]).added == 5
    assert e.doctor().ok and not e.ask(QUESTION).abstained


def test_missing_or_unusable_data_directory(tmp_path):
    gone = tmp_path / "gone"
    _one_line(run_qa(["doctor"], gone), f"no data directory at {gone}: `qa ingest` creates it")
    st = run_qa(["stats", "--json"], gone)
    assert st.returncode == 0 and json.loads(st.stdout)["articles"] == 0
    a_file = tmp_path / "file"
    a_file.write_text("not a folder")
    _one_line(run_qa(["ingest", str(SEEDS)], a_file), f"cannot use the data directory {a_file} (a file, not a folder); set QA_HOME")


# -- a Chroma server that goes down and comes back --------------------------------------------
@pytest.mark.slow
def test_chroma_server_down_then_back_without_restart(chroma_server, engine, tmp_path):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    settings = Settings(home=tmp_path / "home", store=StoreSettings(chroma_url=chroma_server.url), server=ServerSettings(stream_delay=0))
    e = share_model(Engine(settings), engine)
    e.ingest([SEEDS])
    url, app = start_app(e)
    try:
        client = Client(url, verbose=False)
        before = client.predict(QUESTION, api_name="/ask")
        assert before["citations"]

        chroma_server.stop()
        with pytest.raises(AppError) as err:
            client.predict(QUESTION, api_name="/ask")
        msg = str(err.value)
        assert f"cannot reach the Chroma server at {chroma_server.url}" in msg and "start it" in msg and "Traceback" not in msg
        p = run_qa(["doctor"], settings.home, env={"QA_STORE__CHROMA_URL": chroma_server.url})
        _one_line(p, f"cannot reach the Chroma server at {chroma_server.url}")

        chroma_server.start()
        after = client.predict(QUESTION, api_name="/ask")
        assert after["answer"] == before["answer"] and after["citations"] == before["citations"]
    finally:
        app.close()


def test_readers_ignore_what_a_stopped_ingest_never_published(tmp_path, engine, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus", 2, version=1)
    e = share_model(Engine(Settings(home=tmp_path / "home", ingest=IngestSettings(batch_articles=1))), engine)
    _stop(monkeypatch, e.store, "write", False, 2)  # the second article's chunks land, never published
    with pytest.raises(Stop):
        e.ingest([corpus])
    monkeypatch.undo()
    other = share_model(Engine(e.settings), engine)  # what `qa ask` and `qa serve` see at start
    assert other.ensure_ingested() is None and other.stats().articles == 1 and other.stats().chunks == len(other.keyword)
    assert other.store.count() > other.stats().chunks  # the unpublished chunks are there, and unused
    found = e.doctor().found
    assert not found.ok and "a000.txt" not in found.broken and "a001.txt" in found.broken, found.problems
    e.ingest([corpus])  # the next writer deletes them first, then writes the article whole
    found = e.doctor().found
    assert found.ok and found.articles == 4, found.problems  # version 1 has n + 2 articles
