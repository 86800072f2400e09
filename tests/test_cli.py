"""The `qa` command as a user runs it: real processes, real data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(args, home, **kw):
    env = {**os.environ, "QA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, env=env, timeout=300, **kw)



def test_ask_json_is_one_object(home):
    p = run(["ask", "Why did Seoul suspend termination?", "--json"], home)
    assert p.returncode == 0, p.stderr
    obj = json.loads(p.stdout)
    assert set(obj) == {"question", "short", "answer", "abstained", "citations", "latency_ms"}
    assert obj["citations"] and set(obj["citations"][0]) == {"n", "doc_id", "title", "source", "date", "text", "quote", "score"}
    assert all(c["quote"] in c["text"] for c in obj["citations"])


def test_ask_plain_lists_sources(home):
    p = run(["ask", "How many South Korean troops were expected to take part in Cobra Gold?", "--top-k", "3"], home)
    assert p.returncode == 0, p.stderr
    assert "[1]" in p.stdout and "Sources:" in p.stdout and "UPI" in p.stdout


@pytest.mark.parametrize(
    "args, needle",
    [
        (["ask", ""], "empty"),
        (["ask", "   "], "empty"),
        (["ask", "x" * 3000], "limit"),
        (["ask", "why?", "--since", "2020-02-01", "--until", "2019-01-01"], "ends"),
        (["ask", "why?", "--top-k", "0"], "top-k"),
        (["ask", "why?", "--source", "Nowhere Times"], "Nowhere Times"),
        (["ingest", "/no/such/folder"], "no such"),
    ],
)
def test_errors_are_one_line_and_exit_2(home, args, needle):
    p = run(args, home)
    assert p.returncode == 2
    assert p.stderr.startswith("error: ") and needle in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr


def test_stats_and_ingest_summary(home, tmp_path):
    p = run(["stats", "--json"], home)
    assert p.returncode == 0
    st = json.loads(p.stdout)
    assert st["articles"] == 5 and st["chunks"] > 5
    p = run(["ingest"], home)  # seeds again: nothing to do
    assert p.returncode == 0 and "0 added" in p.stdout and "5 unchanged" in p.stdout


def test_help_lists_commands():
    p = subprocess.run([sys.executable, "-m", "qa", "--help"], capture_output=True, text=True)
    assert p.returncode == 0 and all(c in p.stdout for c in ("ingest", "ask", "stats"))


def test_ask_does_not_import_the_ui_stack(home):
    code = "import sys, qa.cli; qa.cli.main(['ask', 'Who is Kim You-geun?', '--json']); print('gradio' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "QA_HOME": str(home)})
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().endswith("False")
