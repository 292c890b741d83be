"""The ``fast`` extra: lark-cython gives the same documents as pure Python.

Pure Python reads the rows through the row lexer, lark-cython through its
contextual lexer over the row text: the same documents from both lexers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tazformat
from tazformat import grammar
from tazformat.cli import demo_bytes
from tazformat.lexer import RowLexer

pytest.importorskip("lark_cython", reason="needs lark-cython (pip install -e '.[fast]')")


@pytest.mark.parametrize("fast", [False, True])
def test_both_parsers_parse_the_demo(monkeypatch: pytest.MonkeyPatch, fast: bool) -> None:
    monkeypatch.setattr(grammar, "FAST", fast)
    doc = tazformat.loads(demo_bytes())
    assert tazformat.dumps(doc).encode() == demo_bytes()
    assert doc.diagnostics == ()


def test_same_documents(monkeypatch: pytest.MonkeyPatch, sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    monkeypatch.setattr(grammar, "FAST", False)
    pure = tazformat.loads(text)
    monkeypatch.setattr(grammar, "FAST", True)
    fast = tazformat.loads(text)
    assert fast == pure
    assert fast.diagnostics == pure.diagnostics
    assert tazformat.to_dict(fast) == tazformat.to_dict(pure)


def test_the_lexers_differ_and_agree() -> None:
    """The pure parser reads rows through the row lexer, the fast one through Lark's."""
    assert grammar.parser(False).options.lexer is RowLexer
    assert grammar.parser(True).options.lexer == "contextual"


@pytest.mark.parametrize(
    "text",
    [
        "x\n## TAGS\n",
        "",
        "|",
        "# taz.de -- A: B\n8 Jan 2022\nx\n",
        "# taz.de -- A: B\n> a\n> b\neins\nzwei\n## Mitte\n[1] x\n8 Jan 2022\n## TAGS\nT\n",
    ],
)
def test_same_on_odd_text(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(grammar, "FAST", False)
    pure = tazformat.loads(text)
    monkeypatch.setattr(grammar, "FAST", True)
    assert tazformat.loads(text) == pure
