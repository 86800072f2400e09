"""The same question gets the same answer in every run (fortieth session): a surname two full names share
("Kyle Nelson", "Ryne Nelson", as common and as long) was given in full by a set's order, which Python
varies between processes; "Who was named MVP ...?" was answered "Kyle Nelson" in one run, "Ryne Nelson" in
another. Failed on the session's start code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


def test_a_tie_between_full_names_is_decided_the_same_way_in_every_process():
    code = "from qa import reader; print(reader.full_name('Nelson', ['Ryne Nelson', 'Kyle Nelson', 'Nelson']))"
    given = set()
    for seed in range(8):  # (each process orders sets by its own hash seed)
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        out = subprocess.run([sys.executable, "-c", code], cwd=_ROOT, env=env, capture_output=True, text=True, check=True)
        given.add(out.stdout.strip())
    # (the first form the passages give)
    assert given == {"Ryne Nelson"}, given
