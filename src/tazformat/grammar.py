r"""The Lark parser over rows, built once and cached.

The grammar (``grammar/taz.lark``, shipped inside the package) is LALR with
the contextual lexer and one terminal per row. Rows reach it as a row text,
one line a row, each line ``<tag><content>\n`` (see ``row_text``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, UnexpectedInput, UnexpectedToken

from .models import Diagnostic, Page, Stray
from .rows import Row
from .transformer import CURRENT, Build, ModelBuilder

GRAMMAR_PACKAGE = "tazformat"
GRAMMAR_FILE = "taz.lark"


def grammar_text() -> str:
    """The grammar, read from the package (or, in a source checkout, its ``grammar/``).

    The one copy lives in the project's top-level ``grammar/``; the build
    puts it into every wheel as ``tazformat/grammar/``. An installed package
    on the file system is read directly, a source checkout (an editable
    install) from the top-level folder, and a package in a zip archive with
    ``importlib.resources``, whose readers import ``zipfile`` (about 1.5 ms,
    a third of the parser's build).
    """
    here = Path(__file__).parent
    for local in (here / "grammar" / GRAMMAR_FILE, here.parent.parent / "grammar" / GRAMMAR_FILE):
        if local.is_file():
            return local.read_text(encoding="utf-8")
    folder = resources.files(GRAMMAR_PACKAGE).joinpath("grammar")
    return folder.joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


def _fast_plugins() -> dict[str, Any] | None:
    """lark-cython's plugins, when the ``fast`` extra is installed."""
    try:
        import lark_cython  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None
    plugins: dict[str, Any] = lark_cython.plugins
    return plugins


FAST = _fast_plugins() is not None and not os.environ.get("TAZFORMAT_PURE")
"""Whether parsing uses lark-cython: when the ``fast`` extra is installed,
unless the environment sets ``TAZFORMAT_PURE``. Results are the same."""


@functools.cache
def parser(fast: bool = False) -> Lark:
    """The parser, with the model builder as its transformer (built once).

    Args:
        fast: Build it with lark-cython (the ``fast`` extra must be installed).

    """
    options: dict[str, Any] = {"_plugins": _fast_plugins()} if fast else {"cache": True}
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=ModelBuilder(),
        maybe_placeholders=True,
        propagate_positions=False,
        **options,
    )


def _recover(error: UnexpectedInput) -> bool:
    """Read a token the parser cannot take where it stands as stray rows, one a row.

    The grammar accepts a STRAY row in every state, so this never runs on a
    correct grammar; it keeps a grammar mistake from losing text. A token
    may be a run of rows (``PLAIN``, ``LEAD``): each of its rows becomes a
    STRAY token of its own, at its own line, so none is lost.
    """
    if not isinstance(error, UnexpectedToken) or error.interactive_parser is None:
        return False
    interactive = error.interactive_parser
    token = error.token
    if token.type == "$END" or token.line is None or not token.value.endswith("\n"):
        return False
    for offset, row in enumerate(token.value[:-1].split("\n")):
        if "STRAY" not in interactive.choices():  # type: ignore[no-untyped-call]
            return False
        line = token.line + offset
        interactive.feed_token(Token("STRAY", row + "\n", line=line, end_line=line))
    return True


def parse_rows(
    rows: Sequence[Row],
) -> tuple[tuple[Stray, ...], Page | None, list[Diagnostic]]:
    """Parse rows into the prelude's stray rows, the page, and what was noticed."""
    build = Build(rows)
    token = CURRENT.set(build)
    try:
        result: tuple[tuple[Stray, ...], Page | None] = parser(FAST).parse(  # type: ignore[assignment]
            row_text(rows), on_error=_recover
        )
    finally:
        CURRENT.reset(token)
    return (*result, build.diagnostics)


def row_text(rows: Sequence[Row]) -> str:
    """The text the grammar reads: one line ``<tag><content>`` a row."""
    return "".join([f"{row.tag}{row.content}\n" for row in rows])
