r"""The row lexer: the grammar's terminals matched a row at a time, for Lark's LALR parser.

Lark's contextual lexer scans one text; this lexer reads the peeled rows
themselves (a sequence of ``Row``, passed to ``Lark.parse`` as custom input)
and gives the parser the same tokens without the text: each row is matched
alone, as its line ``<item type><content>\n``, and a run terminal (``Kind.is_run``)
goes on over the rows after it that it matches alone too. Nothing of a
terminal is written here: the patterns and priorities are the loaded
grammar's (``LexerConf.terminals``), ordered as Lark's own lexer orders them.

Like the contextual lexer, it offers in each parser state only the terminals
that state accepts; a row none of them matches is given as the first
terminal of the whole grammar that matches it, and the parser's error
handling takes it from there (``grammar._recover``).

This is the one module that touches Lark beyond its documented surface:
the parser state's ``position`` and ``parse_conf.parse_table.states`` (how
``ContextualLexer`` itself learns the accepted terminals) and the lexer
state's ``line_ctr`` slot, which holds the index of the next row. The Lark
range in ``pyproject.toml`` is pinned for it, and ``tests/test_lexer.py``
compares the tokens with those of Lark's contextual lexer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

from lark import Token
from lark.common import LexerConf
from lark.exceptions import GrammarError
from lark.lexer import Lexer, LexerState, TerminalDef
from lark.utils import TextSlice

from .renderings.base import Row
from .vocabulary import Kind

__all__ = ["RUNS", "RowLexer", "lark_order", "line_of", "lines_of"]

RUNS = frozenset(kind.value for kind in Kind if kind.is_run)
"""The terminals that match a run of rows: each of the run's rows alone matches them."""


def line_of(row: Row) -> str:
    r"""The line of ``row`` as the grammar reads it: ``<item type><content>\n``."""
    return f"{row.item_type}{row.content}\n"


def lines_of(rows: Sequence[Row]) -> list[str]:
    """The lines of ``rows`` (``line_of`` each)."""
    return [f"{row.item_type}{row.content}\n" for row in rows]


def _lines(text: object) -> list[str]:
    """The lines of the lexer's input: rows (custom input), or a row text."""
    if isinstance(text, TextSlice):
        whole = text.text[text.start : text.end]
        assert isinstance(whole, str)
        lines = [f"{line}\n" for line in whole.split("\n")]
        last = lines.pop()  # "\n" after the last line break, or a line without one
        return [*lines, last[:-1]] if last != "\n" else lines
    rows: Sequence[Row] = text  # type: ignore[assignment]
    return lines_of(rows)


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

    def first(self, line: str) -> str | None:
        """The first terminal that matches ``line`` whole, or ``None``."""
        found = self.pattern.match(line) if self.pattern is not None else None
        if found is None:
            return None
        name = found.lastgroup
        if name not in self.names or found.end() != len(line):
            raise GrammarError(f"the row lexer needs terminals that match whole rows: {line!r}")
        return name


class _Reading:
    """The rows of one parse as lines, and the index of the next row to lex.

    Kept in the lexer state, so that a copy of the state reads on from where
    it was copied; the lines are shared.
    """

    __slots__ = ("index", "lines")

    def __init__(self, lines: list[str], index: int = 0) -> None:
        self.lines = lines
        self.index = index

    def __copy__(self) -> _Reading:
        return _Reading(self.lines, self.index)

    def run_end(self, fits: Callable[[str], object], start: int) -> int:
        """The index just past the run of rows from ``start`` that each match ``fits``.

        Only the run's rows and the one after it are matched, not every row.
        """
        lines, end = self.lines, start
        while end < len(lines) and fits(lines[end]):
            end += 1
        return end


class RowLexer(Lexer):
    """Lark's custom lexer over rows: ``Lark(..., parser="lalr", lexer=RowLexer)``."""

    __future_interface__: ClassVar[int] = 2
    """Lark passes the lexer state and the parser state to ``lex``."""

    def __init__(self, conf: LexerConf) -> None:
        self.terminals = sorted(conf.terminals, key=lark_order)
        self.flags = conf.g_regex_flags
        self.rows = {
            t.name: re.compile(t.pattern.to_regexp(), self.flags).fullmatch
            for t in self.terminals
            if t.name in RUNS
        }
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
        """
        reading: object = lexer_state.line_ctr
        if not isinstance(reading, _Reading):
            reading = _Reading(_lines(lexer_state.text))
            lexer_state.line_ctr = reading  # type: ignore[assignment]
        lines = reading.lines
        total = len(lines)
        index = reading.index
        while index < total:
            line = lines[index]
            name = self.scanner(parser_state).first(line) or self.root.first(line)
            if name is None:
                raise GrammarError(f"no terminal of the grammar matches row {index + 1}: {line!r}")
            end = index + 1
            fits = self.rows.get(name)
            if fits is not None:
                end = reading.run_end(fits, end)
                line = "".join(lines[index:end])
            token = Token(name, line, None, index + 1, 1, end)
            reading.index = index = end
            lexer_state.last_token = token
            yield token
