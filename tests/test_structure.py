"""The code's shape: imports point one way, no import cycle, modules split by job.

Read with ast, so imports inside functions and under TYPE_CHECKING count too.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 700


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "game").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The game modules `name` imports (the longest module name that matches)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    wanted = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            wanted += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            wanted += [base] + [f"{base}.{alias.name}" for alias in node.names]
    found = set()
    for target in wanted:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


EDGES = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_the_engine_imports_only_itself_and_the_content_model():
    wrong = [(m, t) for m, ts in EDGES.items() if _layer(m) == "engine" for t in ts
             if _layer(t) != "engine" and t != "game.content.model"]
    assert not wrong


def test_content_imports_nothing_above_it():
    above = {"ui", "session", "authoring", "cli", "commands", "sim", "args"}
    wrong = [(m, t) for m, ts in EDGES.items() if _layer(m) == "content" for t in ts
             if _layer(t) in above]
    assert not wrong


def test_the_session_never_imports_the_screens():
    wrong = [(m, t) for m, ts in EDGES.items() if _layer(m) == "session" for t in ts
             if _layer(t) == "ui"]
    assert not wrong


def test_only_the_command_line_imports_the_commands_and_nothing_imports_it():
    wrong = [(m, t) for m, ts in EDGES.items() for t in ts
             if (t == "game.cli") or (_layer(t) == "commands" and m != "game.cli"
                                      and _layer(m) != "commands")]
    assert not wrong


def test_there_is_no_import_cycle():
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in EDGES.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in MODULES:
        if module not in index:
            visit(module)
    assert not cycles


def test_no_module_is_over_700_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES}
    assert not long
