r"""The row lexer: the grammar's terminals matched row by row, for Lark's LALR parser.

Lark's contextual lexer scans a text with a general position counter; this
lexer scans the row text of the peeled rows (a sequence of ``Row``, passed
to ``Lark.parse`` as custom input, or that text itself), where every
terminal matches whole rows: a row terminal one line
``<item type><content>\n``, a run terminal (``Kind.is_run``) the rows of its
run. A token's place is counted in rows, not characters. Nothing of a
terminal is written here: the patterns and priorities are the loaded
grammar's (``LexerConf.terminals``), ordered as Lark's own lexer orders them.

Like the contextual lexer, it offers in each parser state only the terminals
that state accepts; a row none of them matches is given as the first
terminal of the whole grammar that matches it, and the parser's error
handling takes it from there (``grammar._recover``).

This is the one module that touches Lark beyond its documented surface:
the parser state's ``position`` and ``parse_conf.parse_table.states`` (how
``ContextualLexer`` itself learns the accepted terminals) and the lexer
state's ``line_ctr`` slot, which holds where the scan stands. The Lark
range in ``pyproject.toml`` is pinned for it, and ``tests/test_lexer.py``
compares the tokens with those of Lark's contextual lexer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from lark import Token
from lark.common import LexerConf
from lark.exceptions import GrammarError
from lark.lexer import Lexer, LexerState, TerminalDef
from lark.utils import TextSlice

from .renderings.base import Row

__all__ = ["RowLexer", "lark_order", "line_of", "lines_of"]


def line_of(row: Row) -> str:
    r"""The line of ``row`` as the grammar reads it: ``<item type><content>\n``."""
    return f"{row.item_type}{row.content}\n"


def lines_of(rows: Sequence[Row]) -> list[str]:
    """The lines of ``rows`` (``line_of`` each)."""
    return [f"{row.item_type}{row.content}\n" for row in rows]


def _row_text(text: object) -> str:
    """The lexer's input as one row text: rows (custom input), or the row text itself."""
    if isinstance(text, TextSlice):
        whole = text.text[text.start : text.end]
        assert isinstance(whole, str)
        return whole
    rows: Sequence[Row] = text  # type: ignore[assignment]
    return "".join(lines_of(rows))


def lark_order(terminal: TerminalDef) -> tuple[int, int, int, str]:
    """The key by which Lark's lexer tries terminals: priority first, then the widest."""
    return (
        -terminal.priority,
        -terminal.pattern.max_width,
        -len(terminal.pattern.value),
        terminal.name,
    )


class _Scanner:
    """Terminals tried in order, as one regular expression of named alternatives."""

    __slots__ = ("names", "pattern")

    def __init__(self, terminals: Sequence[TerminalDef], flags: int) -> None:
        self.names = frozenset(terminal.name for terminal in terminals)
        alternatives = [f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals]
        self.pattern = re.compile("|".join(alternatives), flags) if alternatives else None

    def first(self, text: str, start: int) -> tuple[str, int] | None:
        """The first terminal that matches at ``start``, and where its match ends; or ``None``."""
        found = self.pattern.match(text, start) if self.pattern is not None else None
        if found is None:
            return None
        name = found.lastgroup
        end = found.end()
        if name not in self.names or not (end == len(text) or text[end - 1] == "\n"):
            raise GrammarError(
                f"the row lexer needs terminals that match whole rows: {text[start:end]!r}"
            )
        return name, end


class _Reading:
    """The row text of one parse, and where the scan stands in it (character, row).

    Kept in the lexer state, so that a copy of the state reads on from where
    it was copied; the text is shared.
    """

    __slots__ = ("index", "position", "text")

    def __init__(self, text: str, position: int = 0, index: int = 0) -> None:
        self.text = text
        self.position = position
        self.index = index

    def __copy__(self) -> _Reading:
        return _Reading(self.text, self.position, self.index)


class RowLexer(Lexer):
    """Lark's custom lexer over rows: ``Lark(..., parser="lalr", lexer=RowLexer)``."""

    __future_interface__: ClassVar[int] = 2
    """Lark passes the lexer state and the parser state to ``lex``."""

    def __init__(self, conf: LexerConf) -> None:
        self.terminals = sorted(conf.terminals, key=lark_order)
        self.flags = conf.g_regex_flags
        self.root = _Scanner(self.terminals, self.flags)
        self.scanners: dict[Any, _Scanner] = {}
        self.by_accepted: dict[frozenset[str], _Scanner] = {}

    def scanner(self, parser_state: Any) -> _Scanner:
        """The scanner of the terminals the parser accepts where it stands (built once a state)."""
        state = parser_state.position
        found = self.scanners.get(state)
        if found is None:
            accepted = frozenset(parser_state.parse_conf.parse_table.states[state])
            found = self.by_accepted.get(accepted)
            if found is None:
                chosen = [t for t in self.terminals if t.name in accepted]
                found = self.by_accepted[accepted] = _Scanner(chosen, self.flags)
            self.scanners[state] = found
        return found

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        """Yield the tokens of the rows (``lexer_state.text``), each as the parser stands.

        The input is the sequence of rows or their row text (``grammar.row_text``).
        A token's ``line`` is its first row, its ``end_line`` its last (1-based).
        """
        reading: object = lexer_state.line_ctr
        if not isinstance(reading, _Reading):
            reading = _Reading(_row_text(lexer_state.text))
            lexer_state.line_ctr = reading  # type: ignore[assignment]
        text = reading.text
        size = len(text)
        position, index = reading.position, reading.index
        while position < size:
            found = self.scanner(parser_state).first(text, position) or self.root.first(
                text, position
            )
            if found is None:
                line = text[position : text.find("\n", position) + 1 or size]
                raise GrammarError(f"no terminal of the grammar matches row {index + 1}: {line!r}")
            name, end = found
            value = text[position:end]
            rows = value.count("\n") or 1  # a last row may lack its line break
            token = Token(name, value, None, index + 1, 1, index + rows)
            reading.position, reading.index = position, index = end, index + rows
            lexer_state.last_token = token
            yield token
