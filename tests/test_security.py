"""Security of the served app, in this process on a free port: it listens on loopback only unless
told otherwise; with a login set, nothing (questions, uploads, the page's events) works without
it; no password or guess of one is written to any log or file. Escaping in a real browser is in
test_ui_browser.py; upload types, sizes and names in test_bad_input.py."""

from __future__ import annotations

import json
import shutil
import socket
import uuid
from pathlib import Path

import httpx
import pytest
from conftest import share_model, start_app

from qa import cli
from qa.engine import Engine
from qa.settings import ServerSettings, Settings
from ui import openai_api

USER, PASSWORD, GUESS = "editor", "s3cret-Pw-9f2e-never-logged", "guess-7d1c-never-logged"
QUESTION = "Why did Seoul suspend termination?"


def listening(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from the kernel's tables)."""
    out = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                if width == 8:
                    out.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
                else:
                    out.add(addr)
    return out


def other_addresses() -> list[str]:
    """This machine's own non-loopback IPv4 addresses (the kernel's local routes), if any."""
    try:
        text = Path("/proc/net/fib_trie").read_text()
    except OSError:
        return []
    lines = text.splitlines()
    found = {lines[i - 1].split()[-1] for i, line in enumerate(lines) if "/32 host LOCAL" in line and i}
    return sorted(a for a in found if not a.startswith("127."))


def test_binds_to_loopback_by_default(engine):
    assert Settings().server.host == "127.0.0.1"
    assert cli.parser().parse_args(["serve"]).host is None  # `qa serve` takes the host from settings
    url, app = start_app(engine)  # no host given: as `qa serve` does
    try:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert listening(port) == {"127.0.0.1"}
        assert httpx.get(url, timeout=10).status_code == 200
        for addr in other_addresses():  # reachable from other machines only through these
            with pytest.raises(OSError), socket.create_connection((addr, port), timeout=2):
                pass
            with socket.socket() as s:  # while the same address does take connections on a port bound to it
                s.bind((addr, 0))
                s.listen()
                socket.create_connection((addr, s.getsockname()[1]), timeout=2).close()
    finally:
        app.close()


@pytest.fixture(scope="module")
def locked_app(seeded_home, engine, tmp_path_factory):
    home = tmp_path_factory.mktemp("secure") / "home"
    shutil.copytree(seeded_home, home)
    e = share_model(Engine(Settings(home=home, auth=f"{USER}:{PASSWORD}", server=ServerSettings(stream_delay=0))), engine)
    url, app = start_app(e, routes=openai_api.routes(e))  # as `qa serve` launches it
    try:
        yield url, e
    finally:
        app.close()


def test_without_login_nothing_works(locked_app):
    url, e = locked_app
    before = len(e.articles())
    anon = httpx.Client(timeout=10)
    refused = [
        anon.post(f"{url}gradio_api/call/ask", json={"data": [QUESTION]}),
        anon.post(f"{url}gradio_api/upload", files=[("files", ("a.txt", b"Title\n\nPlanted text.", "text/plain"))]),
        anon.post(f"{url}gradio_api/queue/join", json={"data": [], "fn_index": 0, "session_hash": uuid.uuid4().hex}),
        anon.get(f"{url}gradio_api/info"),
        anon.get(f"{url}config"),
        anon.get(f"{url}v1/models"),
        anon.post(f"{url}v1/chat/completions", json={"model": "x", "messages": [{"role": "user", "content": QUESTION}]}),
        anon.post(f"{url}v1/chat/completions", json={"messages": [{"role": "user", "content": QUESTION}]}, headers={"Authorization": f"Bearer {USER}:{GUESS}"}),
    ]
    for r in refused:
        assert r.status_code in (401, 403), (r.request.url, r.status_code, r.text[:200])
        assert "citations" not in r.text and "Seoul" not in r.text
    assert anon.post(f"{url}login", data={"username": USER, "password": GUESS}).status_code in (400, 401)
    assert len(e.articles()) == before and not (e.home / "uploads").exists()


def test_with_login_it_works_and_no_password_is_written(locked_app, capfd):
    from gradio_client import Client

    url, e = locked_app
    httpx.post(f"{url}login", data={"username": USER, "password": GUESS}, timeout=10)
    client = Client(url, auth=(USER, PASSWORD), verbose=False)
    answer = client.predict(QUESTION, api_name="/ask")
    assert answer["citations"]
    e.record_feedback(QUESTION, answer, "up")  # what a thumbs-up writes
    assert json.loads((e.home / "feedback.jsonl").read_text().splitlines()[-1])["question"] == QUESTION

    printed = "".join(capfd.readouterr())
    for secret in (PASSWORD, GUESS):
        assert secret not in printed
        for f in e.home.rglob("*"):
            if f.is_file() and f.stat().st_size < 50_000_000:
                assert secret.encode() not in f.read_bytes(), f
