"""Which build is loaded (compiled or pure), and what ``import tazformat`` loads.

``.ci/run`` runs the suite twice: against the editable install of the tree
(pure Python), and against a wheel compiled with mypyc, installed in a venv
of its own, with ``TAZFORMAT_EXPECT_COMPILED=1``. These tests check that each
run tests the build it means to.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import tazformat

ROOT = Path(__file__).resolve().parent.parent
EXPECT_COMPILED = os.environ.get("TAZFORMAT_EXPECT_COMPILED") == "1"
"""Set by ``.ci/run`` for its run against the compiled wheel."""

COMPILED = ("grammar", "rows", "serializer", "transformer", "convert", "damage", "export")
"""Modules on the path of ``loads`` and ``dumps``: compiled in a compiled wheel."""

INTERPRETED = (
    "models",
    "errors",
    "api",
    "batch",
    "table",
    "codes",
    "merging",
    "grouping",
    "walk",
    "renderings.base",
    "renderings.residue",
)
"""Modules the mypyc hook excludes (pyproject.toml says why)."""

NOT_AT_START = (
    "tazformat.batch",
    "tazformat.bundled",
    "tazformat.cli",
    "tazformat.content",
    "tazformat.dask",
    "tazformat.export",
    "tazformat.markdown",
    "tazformat.plaintext",
    "tazformat.structure",
    "csv",
    "json",
    "jsonschema",
    "dask",
    "pyarrow",
    "tqdm",
    "multiprocessing",
    "concurrent.futures",
)
"""What ``loads`` and ``dumps`` do not need: loaded on first use, never at import."""


def is_extension(module: ModuleType) -> bool:
    """Whether a module was loaded from a compiled extension."""
    return (module.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))


def fresh(code: str, cwd: Path) -> list[str]:
    """Run code in a fresh interpreter in a folder of its own; its output's words."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHOME"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


EXTENSIONS = ("*.so", "*.pyd")
"""Compiled modules, of any interpreter: a mypyc build from the tree leaves them in ``src``."""


def extensions_in(tree: Path) -> list[str]:
    """What is wrong with each compiled module under ``tree``: one line a file, sorted.

    A module compiled from a ``.py`` edited since is stale; one whose
    ``.py`` is older still shadows the source an editable install should
    load; mypyc's shared library (``<hash>__mypyc``) has no source of its own.
    """
    found = []
    for path in sorted(p for pattern in EXTENSIONS for p in tree.rglob(pattern)):
        source = path.with_name(path.name.split(".", 1)[0] + ".py")
        if not source.exists():
            why = "compiled code without a .py beside it (mypyc's shared library)"
        elif source.stat().st_mtime > path.stat().st_mtime:
            why = f"STALE: {source.name} was edited after it was compiled"
        else:
            why = f"loaded instead of {source.name}"
        found.append(f"{path.relative_to(tree.parent)}: {why}")
    return found


def test_no_compiled_module_is_left_in_the_tree() -> None:
    found = extensions_in(ROOT / "src")
    assert not found, (
        "compiled modules in the tree, which an editable install loads before the .py"
        " files (a mypyc build straight from the tree leaves them there; build from the"
        " sdist or with HATCH_BUILD_CLEAN_HOOKS_AFTER=1, docs/install.md); remove them"
        " with `git clean -fX src`:\n" + "\n".join(found)
    )


def test_compiled_modules_in_a_tree_are_named_and_stale_ones_marked(tmp_path: Path) -> None:
    package = tmp_path / "src" / "tazformat"
    package.mkdir(parents=True)
    assert extensions_in(tmp_path / "src") == []
    (package / "rows.py").write_text("")
    (package / "rows.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    os.utime(package / "rows.py", (1, 1))  # compiled after its last edit
    (package / "lexer.cpython-312-darwin.so").write_bytes(b"")
    (package / "lexer.py").write_text("")
    os.utime(package / "lexer.cpython-312-darwin.so", (1, 1))  # edited since
    (tmp_path / "src" / "8c2b0936__mypyc.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (package / "rows.pyi").write_text("")  # not compiled code
    assert extensions_in(tmp_path / "src") == [
        "src/8c2b0936__mypyc.cpython-311-x86_64-linux-gnu.so: compiled code without a .py"
        " beside it (mypyc's shared library)",
        "src/tazformat/lexer.cpython-312-darwin.so: STALE: lexer.py was edited after it was"
        " compiled",
        "src/tazformat/rows.cpython-311-x86_64-linux-gnu.so: loaded instead of rows.py",
    ]


def test_compiled_names_the_build_that_is_loaded() -> None:
    assert tazformat.compiled is EXPECT_COMPILED
    assert "compiled" in tazformat.__all__


def test_the_run_tests_the_build_it_means() -> None:
    # The compiled run imports the installed wheel, never the tree's sources.
    in_tree = Path(tazformat.__file__).resolve().is_relative_to(ROOT / "src")
    assert in_tree is not EXPECT_COMPILED


@pytest.mark.parametrize("name", COMPILED)
def test_hot_modules_are_compiled_in_a_compiled_build(name: str) -> None:
    module = importlib.import_module(f"tazformat.{name}")
    assert is_extension(module) is EXPECT_COMPILED


@pytest.mark.parametrize("name", INTERPRETED)
def test_excluded_modules_stay_interpreted(name: str) -> None:
    module = importlib.import_module(f"tazformat.{name}")
    assert not is_extension(module)
    assert not is_extension(tazformat)


def test_import_loads_only_what_loads_and_dumps_need(tmp_path: Path) -> None:
    loaded = set(fresh("import sys, tazformat; print(*sys.modules)", tmp_path))
    assert {"tazformat.api", "tazformat.grammar", "tazformat.serializer", "lark"} <= loaded
    assert sorted(loaded.intersection(NOT_AT_START)) == []


def test_lazy_names_load_their_module_on_first_use(tmp_path: Path) -> None:
    words = fresh(
        "import sys, tazformat;"
        "print('export' in dir(tazformat), 'tazformat.export' in sys.modules);"
        "f = tazformat.to_dict;"
        "print(f is sys.modules['tazformat.export'].to_dict, 'to_dict' in vars(tazformat))",
        tmp_path,
    )
    assert words == ["False", "False", "True", "True"]


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in tazformat.__all__:
        assert getattr(tazformat, name) is not None, name
    assert set(tazformat.__all__) <= set(dir(tazformat))
    from tazformat import plaintext, same_content, to_text

    doc = tazformat.demo()
    assert same_content(doc, tazformat.loads(tazformat.dumps(doc)))
    assert to_text is plaintext.to_text


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'to_json'"):
        _ = tazformat.to_json  # type: ignore[attr-defined]
    assert not hasattr(tazformat, "export_all")
