"""Rows: the text cut into lines, each peeled by its rendering.

This is the first step of the data flow (text → rendering → rows → grammar
→ models → text). It keeps every character: header rows go to ``header``,
blank rows to the framing of the row before them, and each content row
becomes a :class:`Row` whose framing holds all but its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .models import Diagnostic, Framing
from .renderings.base import Peeled, Rendering

_NEWLINE = re.compile(r"\r\n|\r|\n")

CUT_CODES = ("cut-capture", "cut-frame")
"""Diagnostics that say the capture was cut."""

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
    footer: str
    """Verbatim rows the rendering puts after the page."""
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


def peel(lines: Sequence[tuple[str, str]], rendering: Rendering) -> Rows:
    """Peel each line's framing by ``rendering`` (lines from :func:`split_lines`)."""
    plain = [line for line, _ in lines]
    header_size = rendering.header_size(plain)
    footer_size = min(rendering.footer_size(plain), len(lines) - header_size)
    body = lines[header_size : len(lines) - footer_size]
    header = "".join(line + newline for line, newline in lines[:header_size])
    footer = "".join(line + newline for line, newline in lines[len(lines) - footer_size :])
    last = len(lines)
    numbers: list[int] = []
    peeled: list[Peeled] = []
    newlines: list[str] = []
    gaps: list[str] = []
    diagnostics: list[Diagnostic] = []
    for number, (line, newline) in enumerate(body, header_size + 1):
        cut = not newline and number == last
        if rendering.is_blank(line):
            if gaps:
                gaps[-1] += line + newline
            else:
                header += line + newline
            if cut:
                diagnostics.append(_cut_capture(number, line))
            continue
        row = rendering.peel(line, is_last=number == last)
        if row.damage is not None:
            code, message, column = row.damage
            diagnostics.append(Diagnostic(code, message, number, column))
        elif cut:
            diagnostics.append(_cut_capture(number, line))
        numbers.append(number)
        peeled.append(row)
        newlines.append(newline)
        gaps.append("")
    peeled = rendering.restore(peeled, [bool(gap) for gap in gaps])
    rows = tuple(
        Row(
            p.tag,
            p.content,
            Framing(p.prefix, p.suffix, newline, gap, p.hidden),
            number,
            len(p.prefix) + 1,
        )
        for p, newline, gap, number in zip(peeled, newlines, gaps, numbers, strict=True)
    )
    truncated = any(d.code in CUT_CODES for d in diagnostics)
    return Rows(header, rows, footer, tuple(diagnostics), truncated)


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        "cut-capture",
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )
