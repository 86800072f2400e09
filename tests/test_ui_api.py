"""The `ask` API of the web app, through the real `qa serve` (a subprocess on a free port, an empty
data directory so the seeds get ingested at start, a login) and gradio_client."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port

QUESTION = "Why did Seoul suspend termination?"
USER, PASSWORD = "reader", "pw-Zq81-never-logged"
KEYS = {"question", "short", "answer", "abstained", "citations", "latency_ms"}
CITATION_KEYS = {"n", "doc_id", "title", "source", "date", "text", "quote", "score"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`qa serve` on an empty data directory, with a login; yields (url, home, log file)."""
    home = tmp_path_factory.mktemp("serve-home")
    log = home.parent / "serve.log"
    port = free_port()
    env = {
        **os.environ,
        "QA_HOME": str(home),
        "QA_AUTH": f"{USER}:{PASSWORD}",
        "QA_SERVER__STREAM_DELAY": "0",
        "HF_HUB_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--port", str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 240
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"qa serve exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(url, timeout=2).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"qa serve did not answer on {url}:\n{log.read_text()}")
            time.sleep(0.5)
        yield url, home, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server[0], auth=(USER, PASSWORD), verbose=False)


def test_serve_ingests_seeds_on_an_empty_index(server):
    _, home, log = server
    text = log.read_text()
    assert "empty index: ingesting 5 articles" in text
    assert re.search(r"articles: 5 added", text), text
    assert "Traceback" not in text


def test_only_the_ask_and_timeline_endpoints_are_public(client):
    endpoints = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert set(endpoints) == {"/ask", "/timeline"}
    params = [p["parameter_name"] for p in endpoints["/ask"]["parameters"]]
    assert params == ["question", "top_k", "sources", "since", "until", "undated", "unsourced"]
    assert [p["parameter_name"] for p in endpoints["/timeline"]["parameters"]] == ["topic", "sources", "since", "until"]


def test_timeline_endpoint(client):
    entries = client.predict("South Korea's intelligence-sharing pact with Japan", None, "August 2019", "2019-12", api_name="/timeline")
    assert [e["date"] for e in entries] == ["2019-08-22", "2019-11-22", "2019-11-22"]
    assert "pull out" in entries[0]["sentence"] and entries[1]["change"] and entries[1]["before_n"] == 1


def test_ask_returns_the_cli_json_with_citations(client):
    result = client.predict(QUESTION, api_name="/ask")
    assert set(result) == KEYS
    assert result["question"] == QUESTION
    assert not result["abstained"]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", result["answer"])}
    assert cited, result["answer"]
    assert cited == {c["n"] for c in result["citations"]}
    for c in result["citations"]:
        assert set(c) == CITATION_KEYS
        assert c["quote"] and c["quote"] in c["text"]
        assert c["quote"] in result["answer"]  # extractive: the cited sentence is the claim
        assert c["title"] and c["doc_id"]


def test_ask_applies_top_k_and_filters(client):
    filters = {"sources": ["The Korea Herald"], "since": "2019-11-01", "until": "2019-11-30"}
    result = client.predict(QUESTION, top_k=1, **filters, api_name="/ask")
    assert set(result) == KEYS
    # An answer, not an abstention (which has no citations and would pass every check below).
    assert not result["abstained"] and result["citations"], result["answer"]
    for c in result["citations"]:
        assert c["source"] == "The Korea Herald"
        assert "2019-11-01" <= c["date"] <= "2019-11-30"
    # top_k=1: one passage retrieved, so every citation quotes that one passage...
    assert len({c["text"] for c in result["citations"]}) == 1, result["citations"]
    # ...while the same question with more passages cites several: top_k is what held it to one.
    wider = client.predict(QUESTION, top_k=8, **filters, api_name="/ask")
    assert len({c["text"] for c in wider["citations"]}) > 1, wider["citations"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "the question is empty"),
        (("   ",), "the question is empty"),
        ((QUESTION, None, None, "last week"), "is not a date"),
        ((QUESTION, None, ["No Such Outlet"]), "no ingested article is from No Such Outlet"),
    ],
)
def test_bad_input_gives_a_readable_error(client, args, message):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as err:
        client.predict(*args, api_name="/ask")
    assert message in str(err.value)
    assert "Traceback" not in str(err.value)


def test_without_login_the_api_is_refused(server):
    from gradio_client import Client

    url = server[0]
    r = httpx.post(f"{url}gradio_api/call/ask", json={"data": [QUESTION]}, timeout=10)
    assert r.status_code in (401, 403)
    assert "citations" not in r.text
    with pytest.raises(Exception):  # noqa: B017 (gradio_client raises a plain ValueError or an HTTP error)
        Client(url, verbose=False).predict(QUESTION, api_name="/ask")
    with pytest.raises(Exception):  # noqa: B017
        Client(url, auth=(USER, "wrong"), verbose=False)


def test_the_password_is_written_nowhere(server, client):
    _, home, log = server
    client.predict(QUESTION, api_name="/ask")
    assert PASSWORD not in log.read_text()
    for f in Path(home).rglob("*"):
        if f.is_file() and f.stat().st_size < 50_000_000:
            assert PASSWORD.encode() not in f.read_bytes(), f
