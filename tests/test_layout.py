"""The package layout shows the architecture: no import cycles, and only the Telegram adapter
imports telegram."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "knowledge", "scheduler", "voice")


def _module_name(path: Path) -> str:
    """bot/core/coach.py -> bot.core.coach; a package's __init__ is the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports count: they still form a cycle)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    """Our modules and the modules of ours each imports."""
    files = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    return {name: {m for m in _imports(path) if m in files and m != name} for name, path in files.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, or [] when there is none (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycles() -> None:
    """No module reaches itself through its imports (the adapter <-> reminders cycle is gone)."""
    assert _cycle(_graph()) == []


def test_cycle_finder_finds_a_cycle() -> None:
    """The check itself can fail."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_only_the_telegram_adapter_imports_telegram() -> None:
    """Transport-free core, features and storage: telegram stays in bot/adapters/telegram/."""
    offenders = [str(p.relative_to(ROOT)) for package in PACKAGES for p in (ROOT / package).rglob("*.py")
                 if any(m == "telegram" or m.startswith("telegram.") for m in _imports(p))
                 and not p.is_relative_to(ROOT / "bot" / "adapters" / "telegram")]
    assert offenders == []


def _reaches_inside_understanding(path: Path) -> bool:
    """Whether a file reads `understanding.matcher...` or `understanding.model...` (or `x.understanding...`)."""
    def named_understanding(node: ast.expr) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "understanding") or \
            (isinstance(node, ast.Name) and node.id == "understanding")
    return any(isinstance(node, ast.Attribute) and node.attr in ("matcher", "model") and named_understanding(node.value)
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def test_the_core_and_features_read_messages_through_the_understanding_layer() -> None:
    """bot/core and bot/features use Understanding's methods, never its matcher's or model's insides
    (the curator's kb commands in the terminal adapter may show them)."""
    offenders = [str(p.relative_to(ROOT)) for folder in ("core", "features") for p in (ROOT / "bot" / folder).rglob("*.py")
                 if _reaches_inside_understanding(p)]
    assert offenders == []
    assert _reaches_inside_understanding(ROOT / "bot" / "adapters" / "terminal" / "kb_cli.py")  # the check can fail
