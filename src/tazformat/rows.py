"""Rows: the text cut into lines, each peeled by its rendering.

This is the first step of the data flow (text → rendering → rows → grammar
→ models → text). It keeps every character: header rows go to ``header``,
blank rows to the framing of the row before them, and each content row
becomes a :class:`Row` whose framing holds all but its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .models import Diagnostic, Framing
from .renderings.base import Rendering

_NEWLINE = re.compile(r"\r\n|\r|\n")

ROW_TAGS = ("i", "l", "m")
"""Item types a row reaches the grammar with: info text, link item, image item."""


@attrs.frozen
class Row:
    """A content row: its item type, its content and its framing."""

    tag: str
    """``i`` for info text, ``l`` for a link item, ``m`` for an image item."""
    content: str
    """The row as served by taz, markup included, framing removed."""
    framing: Framing
    """Everything else of the row."""
    line: int
    """1-based line in the source text."""
    column: int
    """1-based column where the content starts."""


@attrs.frozen
class Rows:
    """The result of peeling a text: header, content rows, damage."""

    header: str
    """Verbatim rows before the first content row (proxy chrome, blanks)."""
    rows: tuple[Row, ...]
    """The content rows, in order."""
    diagnostics: tuple[Diagnostic, ...]
    """Damage found while peeling (cut frames, a missing final newline)."""
    truncated: bool
    """True when the capture was cut."""


def split_lines(text: str) -> Iterator[tuple[str, str]]:
    r"""Yield ``(line, newline)`` pairs; the last newline may be ``""``.

    Lines end at ``\n``, ``\r\n`` or a lone ``\r``; nothing else splits.
    An empty text yields nothing.
    """
    start = 0
    for match in _NEWLINE.finditer(text):
        yield text[start : match.start()], match.group()
        start = match.end()
    if start < len(text):
        yield text[start:], ""


def peel(text: str, rendering: Rendering) -> Rows:
    """Cut ``text`` into rows and peel each row's framing by ``rendering``."""
    lines = list(split_lines(text))
    header_size = rendering.header_size([line for line, _ in lines])
    header = "".join(line + newline for line, newline in lines[:header_size])
    rows: list[Row] = []
    diagnostics: list[Diagnostic] = []
    truncated = False
    last = len(lines) - 1
    for number, (line, newline) in enumerate(lines[header_size:], header_size + 1):
        if rendering.is_blank(line):
            if rows:
                previous = rows[-1]
                gap = previous.framing.gap + line + newline
                rows[-1] = attrs.evolve(previous, framing=attrs.evolve(previous.framing, gap=gap))
            else:
                header += line + newline
            if number - 1 == last and not newline:
                truncated = True
                diagnostics.append(_cut_capture(number, line))
            continue
        peeled = rendering.peel(line, is_last=number - 1 == last)
        framing = Framing(peeled.prefix, peeled.suffix, newline)
        rows.append(Row(peeled.tag, peeled.content, framing, number, len(peeled.prefix) + 1))
        if peeled.damage is not None:
            code, message, column = peeled.damage
            diagnostics.append(Diagnostic(code, message, number, column))
            if code == "cut-frame":
                truncated = True
        elif number - 1 == last and not newline:
            truncated = True
            diagnostics.append(_cut_capture(number, line))
    return Rows(header, tuple(rows), tuple(diagnostics), truncated)


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        "cut-capture",
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )
