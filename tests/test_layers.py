"""Layers point one way: no import cycle, and writing never imports the parser.

The imports are read from each module's source (``ast``), so imports that
run only for the type checker (``if TYPE_CHECKING:``) and imports inside
functions count as much as the others.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "tazformat"
ROOT = "tazformat"

WRITING = ("tazformat.serializer", "tazformat.convert", "tazformat.renderings")
"""The modules that write text, and the renderings (every module under it)."""
PARSING = ("tazformat.grammar", "tazformat.transformer", "lark", "lark_cython")
"""What writing must not import, directly or through another module."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(name: str) -> bool:
    return (PACKAGE.parent / name.replace(".", "/") / "__init__.py").is_file()


def _exists(name: str) -> bool:
    path = PACKAGE.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(source: str, name: str) -> set[str]:
    """The modules ``source`` (module ``name``) imports, each package on the way included."""
    package = name if _is_package(name) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(
                f"{base}.{alias.name}" for alias in node.names if _exists(f"{base}.{alias.name}")
            )
    parents = {
        ".".join(module.split(".")[:depth])
        for module in found
        if module.startswith(ROOT + ".")
        for depth in range(2, module.count(".") + 1)
    }
    own = {".".join(name.split(".")[:depth]) for depth in range(1, name.count(".") + 1)}
    return (found | parents) - own - {name}  # a module's own packages are loaded before it


def graph() -> dict[str, set[str]]:
    """Each module of the package and what it imports."""
    return {
        _module_name(path): imports(path.read_text(encoding="utf-8"), _module_name(path))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles among the modules of ``edges`` (one path for each)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if target not in edges:
                continue
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def reach(edges: dict[str, set[str]], start: str) -> set[str]:
    """Every module ``start`` imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in edges.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_cycle_check_finds_a_type_only_cycle() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..rows import Row\n"
    edges = {"tazformat.rows": {"tazformat.renderings.base"}}
    edges["tazformat.renderings.base"] = imports(source, "tazformat.renderings.base")
    assert "tazformat.rows" in edges["tazformat.renderings.base"]
    base, rows = "tazformat.renderings.base", "tazformat.rows"
    assert cycles(edges) == [[base, rows, base]]


def test_a_submodule_import_counts_its_package() -> None:
    found = imports("from .renderings.base import Rendering\n", "tazformat.rows")
    assert {"tazformat.renderings", "tazformat.renderings.base"} <= found


@pytest.mark.parametrize("module", [m for m in sorted(graph()) if m.startswith(WRITING)], ids=str)
def test_writing_imports_nothing_of_the_parser(module: str) -> None:
    reached = reach(graph(), module)
    assert sorted(m for m in reached if m.startswith(PARSING)) == []


def test_the_parser_check_sees_lark_through_another_module() -> None:
    edges = {"a": {"b"}, "b": {"lark"}}
    assert "lark" in reach(edges, "a")


def test_renderings_import_no_rule_of_meaning() -> None:
    """What ``restore`` needs of a row's wording comes through the rows layer."""
    for module, targets in graph().items():
        if module.startswith("tazformat.renderings"):
            rules = {"tazformat.wording", "tazformat.damage", "tazformat.entries", "tazformat.rows"}
            assert targets & rules == set(), module
