r"""The Lark parser over rows, built once and cached.

The grammar (the project's top-level ``grammar/taz.lark``, which every
wheel carries as ``tazformat/grammar/taz.lark``) is LALR with
one terminal per row (or run of rows). The parser reads the peeled rows
themselves through the row lexer (``tazformat.lexer``), which matches each
row, as its line ``<item type><content>\n``, against the grammar's own
terminals. ``row_text`` gives the same lines as one text, for Lark's
contextual lexer (``table_parser``, and lark-cython's, see ``FAST``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, UnexpectedInput, UnexpectedToken

from .lexer import RowLexer, lines_of
from .models import Diagnostic, Page, Stray
from .rows import Row
from .transformer import CURRENT, PLACES, Build, ModelBuilder
from .vocabulary import Kind

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
unless the environment sets ``TAZFORMAT_PURE``. Results are the same.

lark-cython's parser drives only its own lexers, so with it the rows are
lexed by its contextual lexer over ``row_text`` instead of the row lexer
(``tests/test_lexer.py`` holds the two to the same tokens); it is measured
8 to 10 % faster than the row lexer (``docs/benchmarks.md``)."""


@functools.cache
def parser(fast: bool = False) -> Lark:
    """The parser, with the model builder as its transformer (built once).

    It reads the rows through the row lexer (``tazformat.lexer``).

    Args:
        fast: Build it with lark-cython (the ``fast`` extra must be installed):
            it reads ``row_text`` through lark-cython's contextual lexer.

    """
    options: dict[str, Any] = (
        {"_plugins": _fast_plugins(), "lexer": "contextual"}
        if fast
        else {"cache": True, "lexer": RowLexer}
    )
    return Lark(
        grammar_text(),
        parser="lalr",
        transformer=ModelBuilder(),
        maybe_placeholders=True,
        propagate_positions=False,
        **options,
    )


@functools.cache
def table_parser() -> Lark:
    """The parser without the model builder, with Lark's contextual lexer over ``row_text``.

    Its parse tables answer ``expected``; the tests compare its tokens with
    the row lexer's.
    """
    return Lark(grammar_text(), parser="lalr", lexer="contextual", cache=True)


_NOT_NAMED = frozenset({Kind.STRAY, Kind.PLAIN})
"""Terminals a diagnostic does not name: any row is a STRAY row, and a PLAIN
run's rows are TEXT and ITEM rows, which are named."""


@functools.cache
def expected(place: str) -> tuple[str, ...]:
    """The row kinds the format allows at ``place`` (``transformer.PLACES``).

    Read from the LALR parse table: the terminals the parser accepts after
    the place's path of rows, less STRAY and PLAIN (see ``_NOT_NAMED``) and
    less what the place's rule refuses, in ``Kind`` order.
    """
    spot = PLACES[place]
    interactive = table_parser().parse_interactive("")
    for kind in spot.path:
        interactive.feed_token(Token(kind.value, "\n"))
    accepted = set(interactive.choices())  # type: ignore[no-untyped-call]
    kinds = [kind for kind in Kind if kind.value in accepted and kind not in _NOT_NAMED]
    if spot.takes is not None:
        kinds = [kind for kind in kinds if kind in spot.takes]
    return tuple(kind.value for kind in kinds if kind not in spot.refuses)


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
        if Kind.STRAY not in interactive.choices():  # type: ignore[no-untyped-call]
            return False
        line = token.line + offset
        interactive.feed_token(Token(Kind.STRAY.value, row + "\n", line=line, end_line=line))
    return True


def parse_rows(
    rows: Sequence[Row],
) -> tuple[tuple[Stray, ...], Page | None, list[Diagnostic]]:
    """Parse rows into the prelude's stray rows, the page, and what was noticed."""
    build = Build(rows, expected)
    token = CURRENT.set(build)
    try:
        source = row_text(rows) if FAST else rows  # the row lexer reads the rows themselves
        result: tuple[tuple[Stray, ...], Page | None] = parser(FAST).parse(  # type: ignore[assignment]
            source, on_error=_recover
        )
    finally:
        CURRENT.reset(token)
    return (*result, build.diagnostics)


def row_text(rows: Sequence[Row]) -> str:
    """The text the grammar reads: one line ``<item type><content>`` a row."""
    return "".join(lines_of(rows))
