"""Several writers on one Chroma server (`chroma run`), each with its own data directory: every
batch one of them publishes is seen by the others at their next read, and no publish hides or
undoes another one's (qa.store: the generations of a server are taken in a log, one writer each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from conftest import ROOT, run_qa

from qa.engine import Engine
from qa.settings import Settings, StoreSettings

MULTIHOP = ROOT.parent / "shared" / "benchmarks" / "multihop-rag" / "corpus.json"


def _engine(home, model, url: str) -> Engine:
    e = Engine(Settings(home=home, store=StoreSettings(chroma_url=url)))
    e.encoder._model = model
    return e


def _folder(path, *articles: tuple[str, str]):
    path.mkdir()
    for name, text in articles:
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_a_batch_stored_while_another_writer_publishes_twice_is_seen_by_it(engine, chroma_server, tmp_path):
    """Writer a takes its generation, and before its chunks are stored writer b ingests twice (two
    generations published, and b's snapshot at the second). a's batch, published after, must reach
    b's next snapshot and a fresh reader of either data directory: b is already past the number
    that a took first."""
    model = engine.encoder.model
    a = _engine(tmp_path / "a", model, chroma_server.url)
    b = _engine(tmp_path / "b", model, chroma_server.url)
    fa = _folder(tmp_path / "fa", ("lighthouse.txt", "Orkney lighthouse keeper retires\n\nThe last keeper of the Orkney lighthouse "
                                   "retired on Friday after forty years, the island council said.\n"))
    fb1 = _folder(tmp_path / "fb1", ("ferry.txt", "Zanzibar ferry timetable changes\n\nThe Zanzibar ferry timetable changed on "
                                     "Monday after a storm damaged the harbour wall in Stone Town.\n"))
    fb2 = _folder(tmp_path / "fb2", ("glacier.txt", "Patagonia glacier station closes\n\nThe Patagonia glacier station closed for "
                                     "the winter after researchers measured the fastest retreat in forty years.\n"))
    real_write = a.store.write
    interleaved = []

    def write_after_b(articles, gen):
        if not interleaved:
            interleaved.append([b.ingest([fb1]).added, b.ingest([fb2]).added])
        real_write(articles, gen)

    a.store.write = write_after_b
    assert a.ingest([fa]).added == 1
    assert interleaved == [[1, 1]]  # b's two ingests ran inside a's write
    every = {"lighthouse.txt", "ferry.txt", "glacier.txt"}
    assert set(b.snapshot().articles) == every
    assert set(a.snapshot().articles) == every
    for home in ("a", "b"):  # what a restarted process reads: its cache, caught up
        assert set(_engine(tmp_path / home, model, chroma_server.url).snapshot().articles) == every


# A writer process: ingests each corpus in turn. Writer a stores its first batch only once writer b
# has ingested two corpora (many generations published meanwhile, b's snapshot past the one a took);
# after that the two run freely, side by side.
WRITER = """
import sys, time
from pathlib import Path
from qa.engine import Engine

role, sync, paths = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
e = Engine()

def wait(name):
    deadline = time.monotonic() + 300
    while not (sync / name).exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{role}: no {name} within 300 s")
        time.sleep(0.05)

if role == "a":
    real_write = e.store.write
    def write(articles, gen):
        if not (sync / "a-claimed").exists():
            (sync / "a-claimed").touch()
            wait("b-published")
        real_write(articles, gen)
    e.store.write = write
else:
    wait("a-claimed")
for i, path in enumerate(paths):
    r = e.ingest([path])
    print(r.added, r.chunks, flush=True)
    if role == "b" and i == 1:
        (sync / "b-published").touch()
"""


def test_two_writer_processes_on_one_chroma_server_lose_nothing(engine, chroma_server, tmp_path):
    """Two processes, each with its own QA_HOME, ingest different MultiHop-RAG articles into one
    `chroma run` at the same time, in small batches (each one generation), three corpora each; the
    first batch of one is held back until the other has published two corpora (WRITER). Afterwards
    each data directory's snapshot holds every article of both, and `qa doctor` finds each of them
    consistent with the record."""
    assert MULTIHOP.is_file(), f"the MultiHop-RAG corpus is expected at {MULTIHOP}"
    articles = json.loads(MULTIHOP.read_text(encoding="utf-8"))
    rounds, per_round = 3, 8
    corpora: dict[str, list] = {"a": [], "b": []}
    at = 0
    for r in range(rounds):
        for home in ("a", "b"):
            part = [{**x, "body": x["body"][:1500]} for x in articles[at : at + per_round]]
            at += per_round
            path = tmp_path / f"{home}-{r}.json"
            path.write_text(json.dumps(part), encoding="utf-8")
            corpora[home].append(str(path))
    env = {**os.environ, "QA_STORE__CHROMA_URL": chroma_server.url, "QA_INGEST__BATCH_ARTICLES": "2"}
    sync = tmp_path / "sync"
    sync.mkdir()
    outputs: dict[str, subprocess.CompletedProcess] = {}

    def writer(home: str) -> None:
        outputs[home] = subprocess.run([sys.executable, "-c", WRITER, home, str(sync), *corpora[home]], cwd=ROOT, capture_output=True, text=True,
                                       env={**env, "QA_HOME": str(tmp_path / home)}, timeout=600)

    threads = [threading.Thread(target=writer, args=(h,)) for h in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for home in ("a", "b"):
        p = outputs[home]
        assert p.returncode == 0, p.stderr[-3000:]
        assert [int(line.split()[0]) for line in p.stdout.strip().splitlines()] == [per_round] * rounds, p.stdout

    # What the record holds, read whole by a reader with an empty data directory.
    model = engine.encoder.model
    reader = _engine(tmp_path / "reader", model, chroma_server.url)
    every = set(reader.snapshot().articles)
    assert len(every) == 2 * rounds * per_round
    # The writers' batches interleaved in the record (else this test proved nothing about two at once).
    tags = {h: {int(m["gen"]) for m in reader.store.chunk_meta().values() if os.path.basename(m["corpus"]).startswith(f"{h}-")} for h in "ab"}
    assert min(tags["a"]) < max(tags["b"]) and min(tags["b"]) < max(tags["a"]), tags
    for home in ("a", "b"):
        assert set(_engine(tmp_path / home, model, chroma_server.url).snapshot().articles) == every, home
        p = run_qa(["doctor"], tmp_path / home, env={"QA_STORE__CHROMA_URL": chroma_server.url})
        assert p.returncode == 0 and "ok: the index is consistent" in p.stdout, p.stdout + p.stderr


def test_writers_racing_for_generations_each_get_their_own(chroma_server, tmp_path):
    """Four writers (each its own client) take 25 generations each at once: 100 numbers, none
    taken twice, none skipped; each publish is above the batch it names."""
    from qa.store import ChunkStore

    stores = [ChunkStore(Settings(home=tmp_path / f"w{i}", store=StoreSettings(chroma_url=chroma_server.url)), "") for i in range(4)]
    taken: list[list[int]] = [[] for _ in stores]
    errors: list[str] = []

    def take(i: int) -> None:
        try:
            for _ in range(25):
                taken[i].append(stores[i].claim() if len(taken[i]) % 2 == 0 else stores[i].publish(taken[i][-1]))
        except Exception as e:  # every error counts
            errors.append(repr(e))

    threads = [threading.Thread(target=take, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(n for t in taken for n in t) == list(range(1, 101))
    assert all(t[k] < t[k + 1] for t in taken for k in range(len(t) - 1))
    assert stores[0].generation() == 100
    published = stores[1]._server_log().published(0, 100)
    assert published == sorted(t[k] for t in taken for k in range(0, 24, 2))
