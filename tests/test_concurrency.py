"""Questions while the index changes: each question reads one generation of the record (registry,
keyword index, caches) to its end, and never an article removed before it started."""

from __future__ import annotations

import json
import threading
import time
import uuid

import httpx
import pytest
from conftest import ROOT, ask_http, run_qa, share_model, start_app
from test_bad_input import _event, add_files

from qa.engine import Engine
from qa.settings import ServerSettings, Settings

QUESTIONS = [
    "Why did Seoul suspend termination?",
    "What did Seoul decide about GSOMIA?",
    "What is the capital of Australia?",
    "Who said what about the agreement, according to UPI?",
]
MULTIHOP = ROOT.parent / "shared" / "benchmarks" / "multihop-rag" / "corpus.json"



def test_six_threads_ask_while_the_snapshot_is_rebuilt_20_times(home, engine):
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
        for _ in range(20):
            # The cache and the snapshot rebuilt whole from the record (what `qa doctor --repair` does):
            # the same articles each time, so every answer must stay the same.
            e.library.rebuild()
            target = sum(asked) + len(errors) + 20  # questions in flight across each swap
            while sum(asked) + len(errors) < target and all(t.is_alive() for t in threads):
                time.sleep(0.005)
    finally:
        stop.set()
        for t in threads:
            t.join(120)
    assert errors == []
    assert differ == []
    assert min(asked) > 0 and sum(asked) >= 20 * 20, asked  # the threads really asked during the rebuilds


def test_a_question_keeps_the_snapshot_it_started_with(home, engine):
    """Deterministic: a snapshot taken before a removal still answers for the chunks it holds, and
    the next one no longer has the article."""
    e = share_model(Engine(Settings(home=home)), engine)
    before = e.snapshot()
    doc = "000_d4d96377e9c40012.txt"
    ids, scores = list(before.keyword.ids), before.keyword.scores("GSOMIA termination")
    assert e.remove(doc)
    after = e.snapshot()
    assert doc in before.articles and doc not in after.articles and after.generation > before.generation
    assert before.keyword.ids == ids and np_equal(before.keyword.scores("GSOMIA termination"), scores)
    gone = {i for i in ids if i.startswith(doc_prefix(e, doc))}
    assert gone and not gone & after.keyword.chunk_ids()
    assert doc not in {c.doc_id for c in e.ask(QUESTIONS[0]).citations}


def np_equal(a, b) -> bool:
    import numpy as np

    return bool(np.array_equal(a, b))


def doc_prefix(e: Engine, doc: str) -> str:
    from qa.chunk import chunk_id

    return chunk_id(doc, 0).rsplit("-", 1)[0]


def remove_through_the_app(url: str, doc: str) -> None:
    """What the Corpus tab's Remove does: the page's request box, then its event."""
    data = [json.dumps({"kind": "remove", "doc": doc, "at": time.time()}), [], []]
    session = uuid.uuid4().hex
    join = httpx.post(f"{url}gradio_api/queue/join", json={"data": data, "fn_index": _event(url, "page-request", "change"),
                                                           "session_hash": session, "event_data": None, "trigger_id": None}, timeout=30)
    join.raise_for_status()
    with httpx.stream("GET", f"{url}gradio_api/queue/data", params={"session_hash": session}, timeout=300) as events:
        for line in events.iter_lines():
            if line.startswith("data:") and json.loads(line[5:]).get("msg") == "process_completed":
                msg = json.loads(line[5:])
                assert msg["success"] and f"Removed {doc}" in json.dumps(msg["output"]).replace("\\\\", ""), msg
                return
    raise AssertionError("no result from the remove event")


@pytest.mark.slow
def test_four_readers_while_a_cli_ingest_an_upload_and_two_removals_go_through_the_app(home, engine, tmp_path):
    """The app on the embedded store is its one writer: `qa ingest` from another process is handed
    to it, then an upload and two removals go through it, while 4 threads ask through its API."""
    from ui import handoff

    assert MULTIHOP.is_file(), f"the MultiHop-RAG corpus is expected at {MULTIHOP}"
    articles = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    cli_corpus = tmp_path / "multihop.json"
    # 40 articles cut to 1,000 characters and 6 to upload: the test stays near a minute.
    cli_corpus.write_text(json.dumps([{**a, "body": a["body"][:1000]} for a in articles[:40]]), encoding="utf-8")
    uploaded = [{**a, "body": a["body"][:1000]} for a in articles[40:46]]
    e = share_model(Engine(Settings(home=home, server=ServerSettings(stream_delay=0))), engine)
    url, app = start_app(e, routes=handoff.routes(e))
    e.hold(url)
    doomed = ["000_d4d96377e9c40012.txt", "001_30ac947a5b8d4595.txt"]  # what the first question cites
    removed_at: dict[str, float] = {}
    stop = threading.Event()
    log: list[tuple[float, str, set[str]]] = []  # (when the question started, question, cited articles)
    errors: list[str] = []
    questions = QUESTIONS + [f"{a['title']}?" for a in articles[:40:4]] + [f"{a['title']}?" for a in uploaded[:3]]

    def reader(n: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as http:
            i = n
            while not stop.is_set():
                q = questions[i % len(questions)]
                i += 1
                started = time.monotonic()
                try:
                    got = ask_http(http, q)
                except Exception as exc:  # every error counts, whatever its type
                    errors.append(f"{q}: {type(exc).__name__}: {exc}")
                    continue
                log.append((started, q, {c["doc_id"] for c in got["citations"]}))

    try:
        assert doomed[0] in {c["doc_id"] for c in ask_http(httpx.Client(base_url=url, timeout=60), QUESTIONS[0])["citations"]}
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        p = run_qa(["ingest", str(cli_corpus)], home)
        assert p.returncode == 0 and "articles: 40 added, 0 updated" in p.stdout, p.stdout + p.stderr
        assert "holds this data directory: it ingests these articles" in p.stderr
        status = add_files(url, [("records.json", json.dumps(uploaded).encode())])
        assert status.replace("\\", "").startswith("Ingested records.json: 6 added"), status
        for doc in doomed:
            remove_through_the_app(url, doc)
            removed_at[doc] = time.monotonic()
        deadline = time.monotonic() + 600  # a bound, not a timing assertion: a loaded machine asks slower
        while len(log) + len(errors) < 300 and time.monotonic() < deadline:
            time.sleep(0.1)
        after = len(log)
        while len(log) < after + 8 and time.monotonic() < deadline:  # some questions surely after the removals
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(120)
        app.close()
    assert errors == []
    assert len(log) >= 300, len(log)
    late = [(q, cited) for started, q, cited in log for doc in doomed if started > removed_at[doc] and doc in cited]
    assert late == []
    assert sum(1 for started, _, _ in log if started > removed_at[doomed[-1]]) >= 8
    # The new articles were answered from while the writes went on.
    new = {a["url"] for a in articles[:46]}
    assert any(cited & new for _, _, cited in log)
    check = e.doctor()
    assert check.ok, check.lines()
    assert e.stats().articles == 5 + 40 + 6 - 2
