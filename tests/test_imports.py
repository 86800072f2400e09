"""The shape of the house: no import cycles among the modules of qa/ and ui/ (counting imports inside
functions too: a lazy import only hides a cycle; not those for type hints only), the core package never imports ui/, eval/ or bench/,
and `qa` commands load eval, bench and the web stack only when they run."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGES = ("qa", "ui", "eval", "bench")


def imports_of(package: str) -> dict[str, set[str]]:
    """module -> the project modules it imports (anywhere in the file), for every module of `package`."""
    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).glob("*.py")):
        name = f"{package}.{path.stem}" if path.stem != "__init__" else package
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for block in [n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test).endswith("TYPE_CHECKING")]:
            block.body = []  # imports for type hints only are never run
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}  # `from qa import doctor`
        graph[name] = {m for m in found if m.split(".")[0] in PACKAGES and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("package", ["qa", "ui"])
def test_no_import_cycles(package):
    graph = imports_of("qa") | imports_of("ui")
    found = [c for c in cycles(graph) if any(m.split(".")[0] == package for m in c)]
    assert found == []


def _top_level_imports(module: str) -> set[str]:
    tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    return {a.name for n in tree.body if isinstance(n, ast.Import) for a in n.names} | {
        n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module}


def test_the_core_never_imports_the_edges():
    """qa/ imports no module of ui/, eval/ or bench/; only the CLI does, inside the subcommand that runs it."""
    for module, deps in imports_of("qa").items():
        edges = {d for d in deps if d.split(".")[0] in ("ui", "eval", "bench")}
        if module == "qa.cli":
            assert edges and not {d for d in _top_level_imports(module) if d.split(".")[0] in ("ui", "eval", "bench")}
        else:
            assert not edges, module


def test_the_cli_loads_eval_bench_and_the_web_stack_only_for_their_commands():
    code = (
        "import sys, qa.cli; qa.cli.parser().parse_args(['ask', 'x']);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'eval', 'bench', 'ui', 'gradio', 'fastapi'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
