r"""The Lark parser over rows, built once and cached.

The grammar (``grammar/taz.lark``, shipped inside the package) is LALR with
the contextual lexer and one terminal per row. Rows reach it as a row text,
one line a row, each line ``<tag><content>\n`` (see ``row_text``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Lark, Token, UnexpectedInput, UnexpectedToken

from .models import Page, Stray
from .rows import Row
from .transformer import ModelBuilder

GRAMMAR_PACKAGE = "tazformat"
GRAMMAR_FILE = "taz.lark"


@functools.cache
def parser() -> Lark:
    """The parser, with the model builder as its transformer (built once)."""
    return Lark.open_from_package(
        GRAMMAR_PACKAGE,
        GRAMMAR_FILE,
        ("grammar",),
        parser="lalr",
        lexer="contextual",
        transformer=ModelBuilder(),
        maybe_placeholders=True,
        propagate_positions=False,
        cache=True,
    )


def _recover(error: UnexpectedInput) -> bool:
    """Read a row the parser cannot take where it stands as a stray row.

    The grammar accepts a STRAY row in every state, so this never runs on a
    correct grammar; it keeps a grammar mistake from losing text.
    """
    if not isinstance(error, UnexpectedToken) or error.interactive_parser is None:
        return False
    if "STRAY" not in error.interactive_parser.choices():  # type: ignore[no-untyped-call]
        return False
    token = error.token
    error.interactive_parser.feed_token(Token.new_borrow_pos("STRAY", token.value, token))
    return True


def parse_rows(rows: Sequence[Row]) -> tuple[tuple[Stray, ...], Page | None]:
    """Parse rows into the prelude's stray rows and the page (run inside a Build)."""
    result: tuple[tuple[Stray, ...], Page | None] = parser().parse(  # type: ignore[assignment]
        row_text(rows), on_error=_recover
    )
    return result


def row_text(rows: Sequence[Row]) -> str:
    """The text the grammar reads: one line ``<tag><content>`` a row."""
    return "".join([f"{row.tag}{row.content}\n" for row in rows])
