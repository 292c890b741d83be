"""The documentation site builds with ``mkdocs build --strict`` (needs the docs extra)."""

from __future__ import annotations

import ast
import contextlib
import html
import importlib.util
import inspect
import io
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

import tazformat

ROOT = Path(__file__).resolve().parent.parent
DOCS_MODULES = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def _missing(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except ModuleNotFoundError:
        return True


def _text(page: str) -> str:
    """A built page's visible text, tags removed and whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_site_builds_strictly_with_the_whole_api(tmp_path: Path) -> None:
    missing = [name for name in DOCS_MODULES if _missing(name)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install -e '.[docs]')")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr

    page = (site / "api" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    for name in tazformat.__all__:
        assert f'id="tazformat.{name}"' in page, f"tazformat.{name} is not in the API reference"
        value = getattr(tazformat, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            summary = (inspect.getdoc(value) or "").splitlines()[0].replace("`", "")
            assert " ".join(summary.split()) in text, f"the docstring of {name} is not shown"


FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
"""A fenced block of a Markdown page: its language and its text."""


def _comment(source: str, node: ast.stmt) -> str | None:
    """The comment at the end of a statement's last line, if any."""
    line = source.splitlines()[(node.end_lineno or node.lineno) - 1]
    tokens = tokenize.generate_tokens(io.StringIO(line + "\n").readline)
    try:
        return next((t.string[1:].strip() for t in tokens if t.type == tokenize.COMMENT), None)
    except tokenize.TokenError:  # a statement's last line alone need not tokenize
        return None


def _claims(comment: str, value: object) -> bool:
    """Whether a comment states ``value``: its repr, alone or before a colon.

    ``'Berlin'`` and ``False: the capture is complete`` are such comments.
    """
    shown = repr(value)
    return comment == shown or comment.startswith(shown + ":")


def _run_page(page: Path, where: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run a page's Python blocks in order, in one namespace, in ``where``.

    An expression statement with a comment must give the value the comment
    shows; a block that prints must print the ``text`` block that follows it.
    Returns how many values were checked.
    """
    monkeypatch.chdir(where)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    blocks = [(m.group(1), m.group(2)) for m in FENCE.finditer(page.read_text("utf-8"))]
    checked = 0
    for index, (language, source) in enumerate(blocks):
        if language != "python":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            for node in ast.parse(source).body:
                comment = _comment(source, node)
                if isinstance(node, ast.Expr) and comment and not _is_print(node):
                    value = eval(compile(ast.Expression(node.value), page.name, "eval"), namespace)
                    assert _claims(comment, value), f"{page.name}: {ast.unparse(node)} is {value!r}"
                    checked += 1
                else:
                    exec(compile(ast.Module([node], []), page.name, "exec"), namespace)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if printed.getvalue() and following and following[0] == "text":
            assert printed.getvalue().rstrip() == following[1].rstrip()
            checked += 1
    return checked


def _is_print(node: ast.Expr) -> bool:
    call = node.value
    return isinstance(call, ast.Call) and getattr(call.func, "id", None) == "print"


def test_the_tutorial_prints_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every value the tutorial shows in a comment is what its code gives."""
    checked = _run_page(ROOT / "docs" / "tutorial.md", tmp_path, monkeypatch)
    assert checked >= 40


def test_a_wrong_value_in_a_page_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nx = 1 + 1\nx  # 3\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="x is 2"):
        _run_page(page, tmp_path, monkeypatch)
    shown = "```python\nx = 1 + 1\nx  # 2: two\nprint(x)\n```\n\n```text\n2\n```\n"
    page.write_text(shown, encoding="utf-8")
    assert _run_page(page, tmp_path, monkeypatch) == 2


LARK_BLOCK = re.compile(r"^```lark\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_specs_grammar_excerpts_are_the_grammar() -> None:
    """Every line the spec quotes from the grammar stands in ``grammar/taz.lark``."""
    lines = (ROOT / "grammar" / "taz.lark").read_text(encoding="utf-8").splitlines()
    grammar = {" ".join(line.split()) for line in lines}
    quoted = [
        " ".join(line.split())
        for block in LARK_BLOCK.findall((ROOT / "docs" / "spec.md").read_text("utf-8"))
        for line in block.splitlines()
        if line.strip()
    ]
    assert len(quoted) >= 15
    assert [line for line in quoted if line not in grammar] == []
