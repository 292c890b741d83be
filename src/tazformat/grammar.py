r"""The Lark parser over rows, built once and cached.

The grammar (``grammar/taz.lark``, shipped inside the package) is LALR with
the contextual lexer and one terminal per row. Rows reach it as a row text,
one line a row, each line ``<tag><content>\n`` (see :func:`row_text`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Lark

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


def row_text(rows: Sequence[Row]) -> str:
    """The text the grammar reads: one line ``<tag><content>`` a row."""
    return "".join([f"{row.tag}{row.content}\n" for row in rows])
