"""One writer per embedded store, a damaged vector index named and repaired, ids that cannot be
taken over. The first test runs the sequence that used to destroy an index: `qa serve`, a question,
`qa ingest` of 150 MultiHop-RAG articles from the CLI into the same data directory, then 90
records uploaded through the app."""

from __future__ import annotations

import html
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, SEEDS, free_port, run_qa, share_model, start_app
from test_bad_input import add_files
from test_faults import make_corpus

from qa.chunk import chunk_id
from qa.engine import Engine
from qa.settings import ServerSettings, Settings

QUESTION = "Why did Seoul suspend termination?"
MULTIHOP = ROOT.parent / "shared" / "benchmarks" / "multihop-rag" / "corpus.json"



def one_error_line(p: subprocess.CompletedProcess, *needles: str) -> str:
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
    line = p.stderr.strip()
    assert "\n" not in line and line.startswith("error: "), line
    assert all(n in line for n in needles), line
    return line


def vectors_whole(home: Path, engine, sample: int = 60) -> None:
    """What a user checks with Chroma itself: `get` with embeddings works, and every sampled chunk
    is found by its own vector."""
    e = share_model(Engine(Settings(home=home)), engine)
    got = e.store.collection.get(include=["embeddings"])
    assert len(got["ids"]) == e.registry.chunk_count() > 0
    rng = random.Random(13)
    for i in rng.sample(range(len(got["ids"])), min(sample, len(got["ids"]))):
        found = e.store.collection.query(query_embeddings=[got["embeddings"][i]], n_results=10, include=[])["ids"][0]
        assert got["ids"][i] in found


def wait_up(proc: subprocess.Popen, url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        try:
            if httpx.get(f"{url}config", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"qa serve did not answer on {url} within {timeout:.0f} s")


@pytest.mark.slow
def test_serve_ask_cli_ingest_then_upload_leaves_the_index_whole(home, engine, tmp_path):
    assert MULTIHOP.is_file(), f"the MultiHop-RAG corpus is expected at {MULTIHOP}"
    articles = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    cli_corpus = tmp_path / "multihop-150.json"
    # Articles cut to their first 1,000 characters, to keep the test near a minute and a half.
    cli_corpus.write_text(json.dumps([{**a, "body": a["body"][:1000]} for a in articles[:150]]), encoding="utf-8")
    uploaded = [{**a, "body": a["body"][:1000]} for a in articles[150:240]]  # 90 others, for the upload

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "QA_HOME": str(home), "QA_SERVER__STREAM_DELAY": "0"}
    app = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    try:
        wait_up(app, url)
        from gradio_client import Client

        client = Client(url, verbose=False)
        assert client.predict(QUESTION, api_name="/ask")["citations"]

        # The CLI ingest is handed to the app, the one writer: same summary, and the app answers from it.
        p = run_qa(["ingest", str(cli_corpus)], home)
        assert p.returncode == 0 and "articles: 150 added, 0 updated" in p.stdout, p.stdout + p.stderr
        assert f"warning: the app at {url} holds this data directory: it ingests these articles" in p.stderr
        first = articles[0]
        answer = client.predict(f"{first['title']}?", api_name="/ask")
        assert first["url"] in {c["doc_id"] for c in answer["citations"]}, answer
        # Other writers are refused with one line saying what to do; the endpoint wants the app's secret.
        one_error_line(run_qa(["doctor", "--repair"], home), f"the app (`qa serve`, pid {app.pid}, {url}) is using {home}",
                       "Corpus tab", "stop it", "QA_STORE__CHROMA_URL")
        assert httpx.post(f"{url}qa/ingest", json={"paths": ["/etc"]}, timeout=10).status_code == 403
        reader = run_qa(["ask", QUESTION], home)  # reading from another process is fine
        assert reader.returncode == 0 and "Sources:" in reader.stdout, reader.stdout + reader.stderr

        status = add_files(url, [("records.json", json.dumps(uploaded).encode())])
        assert status.replace("\\", "").startswith("Ingested records.json: 90 added, 0 updated"), status
        # The app answers from what it just wrote, at its next question.
        last = uploaded[-1]
        answer = client.predict(f"{last['title']}?", api_name="/ask")
        assert last["url"] in {c["doc_id"] for c in answer["citations"]}, answer
    finally:
        app.terminate()
        app.wait(60)

    vectors_whole(home, engine)
    check = run_qa(["doctor"], home)
    assert check.returncode == 0 and "ok: the index is consistent" in check.stdout, check.stdout + check.stderr
    stats = json.loads(run_qa(["stats", "--json"], home).stdout)
    assert stats["articles"] == 5 + 150 + 90
    ask = run_qa(["ask", QUESTION], home)
    assert ask.returncode == 0 and "Sources:" in ask.stdout and "[1]" in ask.stdout, ask.stdout + ask.stderr


def _stale_vector_index(home: Path, engine, tmp_path: Path) -> None:
    """Damage the way two writers did: a vector index saved from before other chunks were written,
    over the current one. Chroma keeps its vector index in memory up to `sync_threshold` writes
    (1,000 by default); the collection is made here with 10, so a small corpus gets it saved."""
    from chromadb.api.shared_system_client import SharedSystemClient

    from qa.store import open_client

    e = share_model(Engine(Settings(home=home)), engine)
    open_client(home).create_collection(e.store.name, embedding_function=None, configuration={"hnsw": {"space": "cosine", "sync_threshold": 10}})
    SharedSystemClient.clear_system_cache()
    e.ingest([SEEDS])
    segment = next(p for p in (home / "chroma").iterdir() if p.is_dir())
    shutil.copytree(segment, tmp_path / "stale")
    e.ingest([make_corpus(tmp_path / "more", 12, version=1)])
    e.store.reset()
    shutil.rmtree(segment)
    shutil.copytree(tmp_path / "stale", segment)


@pytest.mark.slow
def test_damaged_vector_index_is_named_and_repaired(tmp_path, engine):
    home = tmp_path / "home"
    _stale_vector_index(home, engine, tmp_path)

    ask = run_qa(["ask", QUESTION], home)
    one_error_line(ask, "the vector index of", "is damaged", "sampled chunks are not found by their own vector", "run `qa doctor --repair`")
    port = free_port()
    serve = run_qa(["serve", "--port", str(port)], home)  # the app refuses to start on it, with the same line
    assert serve.returncode == 2 and "Traceback" not in serve.stderr, serve.stderr
    last = serve.stderr.strip().splitlines()[-1]
    assert last.startswith("error: the vector index of") and last.endswith("run `qa doctor --repair`"), serve.stderr

    check = run_qa(["doctor"], home)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "problem: the vector index of" in check.stdout and "reading the stored vectors fails" in check.stdout, check.stdout
    assert "to repair: run `qa doctor --repair`" in check.stdout

    fixed = run_qa(["doctor", "--repair"], home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "repaired: rebuilt the vector index from the stored chunk vectors (30 chunks, none encoded again)" in fixed.stdout, fixed.stdout
    assert "ok: the index is consistent" in fixed.stdout
    vectors_whole(home, engine)
    ask = run_qa(["ask", QUESTION], home)
    assert ask.returncode == 0 and "Sources:" in ask.stdout, ask.stdout + ask.stderr


@pytest.mark.slow
def test_the_next_ingest_mends_chunks_a_stopped_writer_left_out_of_the_vector_index(tmp_path, engine):
    """A writer stopped between Chroma's saves of its vector index can leave the chunks it added
    last out of it while the rest of the record is whole. The next ingest finds the stopped
    writer's mark, checks every chunk written since it began (not only a sample) and rebuilds."""
    from chromadb.api.shared_system_client import SharedSystemClient

    from qa import storecheck
    from qa.layout import layout
    from qa.store import open_client

    home = tmp_path / "home"
    e = share_model(Engine(Settings(home=home)), engine)
    # Chroma saves its vector index every `sync_threshold` writes (1,000 by default): 10 here.
    open_client(home).create_collection(e.store.name, embedding_function=None, configuration={"hnsw": {"space": "cosine", "sync_threshold": 10}})
    SharedSystemClient.clear_system_cache()
    e.ingest([make_corpus(tmp_path / "big", 60, version=1)])
    segment = next(p for p in (home / "chroma").iterdir() if p.is_dir())
    shutil.copytree(segment, tmp_path / "saved")
    started = e.store.generation()
    late_corpus = make_corpus(tmp_path / "late", 24, version=2)
    for f in late_corpus.glob("*.txt"):  # names of their own: an id another corpus holds is refused
        f.rename(f.with_name("late-" + f.name))
    e.ingest([late_corpus])
    late = e.store.ids() - {c for a in e.store.read_published(started)[0] for c in (x.chunk_id for x in a.chunks)}
    e.store.reset()
    shutil.rmtree(segment)  # the index as saved before the late articles: the stop lost them
    shutil.copytree(tmp_path / "saved", segment)
    layout(home).unfinished.write_text(str(started), encoding="utf-8")  # what the stopped writer leaves
    SharedSystemClient.clear_system_cache()

    found = storecheck.probe(share_model(Engine(Settings(home=home)), engine), storecheck.ASK_SAMPLE, full=False, since=started)
    # Every late chunk is looked at (more than the sample of 20), and every one written before the last
    # save is missing; the few after it Chroma writes again from its log when it opens.
    assert len(late) >= 24 and found.sampled >= len(late), (len(late), found)
    assert set(found.missing) <= late and len(found.missing) > len(late) - 10, (len(late), found)

    again = run_qa(["ingest", str(late_corpus)], home)
    assert again.returncode == 0, again.stderr
    said = again.stdout + again.stderr
    assert "repaired the index first:" in said and "after an ingest was stopped; rebuilt the vector index from the stored chunk vectors" in said, said
    assert not layout(home).unfinished.exists()
    check = run_qa(["doctor"], home)
    assert check.returncode == 0 and "ok: the index is consistent" in check.stdout, check.stdout + check.stderr
    vectors_whole(home, engine)


def test_repair_encodes_only_chunks_without_a_stored_vector(tmp_path, engine):
    home = tmp_path / "home"
    _stale_vector_index(home, engine, tmp_path)
    e = share_model(Engine(Settings(home=home)), engine)
    lost = sorted(e.registry.articles)[:3]
    n_lost = sum(e.registry.articles[d].chunks for d in lost)
    e.cache.close()
    with sqlite3.connect(e.cache.path) as db:  # the cache's copy of their chunk vectors is gone too
        db.executemany("DELETE FROM chunk WHERE doc_id = ?", [(d,) for d in lost])
    result = e.doctor(repair=True)
    assert result.ok, result.lines()
    assert f"(30 chunks, {n_lost} encoded again)" in " ".join(result.repaired.done)
    vectors_whole(home, engine)


def test_upload_reusing_another_corpus_id_is_refused(home, engine, tmp_path):
    e = share_model(Engine(Settings(home=home, server=ServerSettings(stream_delay=0))), engine)
    seed = sorted(e.articles(), key=lambda a: a.doc_id)[0]
    records = [
        {"title": "Forged", "source": "Nobody", "url": seed.doc_id, "body": "Aliens landed in Seoul on Tuesday, officials said."},
        {"title": "Honest", "source": "Somebody", "url": "https://example.org/honest", "body": "Rain fell in Busan on Monday, forecasters said."},
        {"title": "Echo", "source": "Somebody", "url": "https://example.org/honest", "body": "Snow fell in Busan on Monday, forecasters said."},
    ]
    url, app = start_app(e)
    try:
        status = html.unescape(add_files(url, [("records.json", json.dumps(records).encode())]).replace("\\", ""))
    finally:
        app.close()
    assert status.startswith("Ingested records.json: 1 added, 0 updated"), status
    assert f"Refused: records.json[0]: id '{seed.doc_id}' is already used by an article of another corpus ({SEEDS.resolve()})" in status
    assert "Refused: records.json[2]: id 'https://example.org/honest' is used twice (first by records.json[1]); the first one is kept" in status
    kept = {a.doc_id: a for a in e.articles()}
    assert kept[seed.doc_id] == seed and kept["https://example.org/honest"].title == "Honest"  # nothing taken over
    assert not any("Aliens" in c.text for c in e.store.iter_all())  # not in the record
    assert not any("Aliens" in c.text for c in e.cache.doc_chunks(seed.doc_id))

    cli = tmp_path / "more.json"
    cli.write_text(json.dumps(records[:1]))
    one_error_line(run_qa(["ingest", str(cli)], home), "more.json[0]: id", "is already used by an article of another corpus")


def test_with_a_chroma_server_a_running_app_sees_another_process_ingest(chroma_server, engine, tmp_path):
    """Several writers are fine through a Chroma server; the app sees their articles at its next
    question, in both the dense and the keyword ranking."""
    from qa.settings import StoreSettings

    home = tmp_path / "home"
    app = share_model(Engine(Settings(home=home, store=StoreSettings(chroma_url=chroma_server.url))), engine)
    app.ingest([SEEDS])
    assert not app.ask(QUESTION).abstained
    news = tmp_path / "news"
    news.mkdir()
    text = "Zanzibar ferry operators announced a fleet of electric boats on Friday, the port authority said."
    (news / "zanzibar.txt").write_text(f"Zanzibar ferries go electric\n\n{text}\n", encoding="utf-8")
    p = run_qa(["ingest", str(news)], home, env={"QA_STORE__CHROMA_URL": chroma_server.url})
    assert p.returncode == 0 and "1 added" in p.stdout, p.stderr

    answer = app.ask("What did Zanzibar ferry operators announce?")
    assert "zanzibar.txt" in {c.doc_id for c in answer.citations}, answer.to_json()
    dense = app.store.nearest(app.embed([text])[0], 3)
    assert chunk_id("zanzibar.txt", 0) in {cid for cid, _ in dense}
    assert app.keyword.search("Zanzibar ferry", 3)[0][0] == chunk_id("zanzibar.txt", 0)
