"""Rows: the text cut into lines, each peeled by its rendering.

This is the first step of the data flow (text → rendering → rows → grammar
→ models → text). It keeps every character: header rows go to ``header``,
blank rows to the framing of the row before them, and each content row
becomes a ``Row`` whose framing holds all but its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from .models import Diagnostic, Framing
from .renderings.base import Peeled, Rendering

_NEWLINE = re.compile(r"\r\n|\r|\n")

CUT_CODES = ("cut-capture", "cut-frame")
"""Diagnostics that say the capture was cut."""


class Row(NamedTuple):
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


_SEGMENT = re.compile(r"([^\r\n]*)(\r\n|\r|\n|)((?:[ \t]*(?:\r\n|\r|\n))*)")


class Segment(NamedTuple):
    """A line with its line ending and the blank lines after it, verbatim."""

    line: str
    newline: str
    gap: str
    number: int
    """1-based line number of ``line``."""


def segments(text: str) -> list[Segment]:
    """Cut ``text`` into lines, each with the run of blank lines after it.

    Blank lines (only spaces and tabs) are gathered by one regular
    expression match, so long runs of them cost no per-line work. Only the
    first line of a text, and a last line without line ending, can be blank.
    """
    found = []
    number = 1
    for line, newline, gap in _SEGMENT.findall(text):
        if not (line or newline):  # the empty match at the end of the text
            break
        found.append(Segment(line, newline, gap, number))
        number += 1 + (gap.count("\n") + gap.count("\r") - gap.count("\r\n") if gap else 0)
    return found


def peel(parts: Sequence[Segment], rendering: Rendering) -> Rows:
    """Peel each line's framing by ``rendering`` (lines from ``segments``)."""
    lines = [part.line for part in parts]
    header_size = rendering.header_size(lines)
    footer_size = min(rendering.footer_size(lines), len(parts) - header_size)
    body = parts[header_size : len(parts) - footer_size]
    header = "".join(p.line + p.newline + p.gap for p in parts[:header_size])
    footer = "".join(p.line + p.newline + p.gap for p in parts[len(parts) - footer_size :])
    last = parts[-1].number if parts else 0
    peeled: list[Peeled] = []
    kept: list[Segment] = []
    gaps: list[str] = []
    leading: list[str] = []
    diagnostics: list[Diagnostic] = []
    for part in body:
        line, newline, gap, number = part
        cut = not newline and number == last
        if not line.strip(" \t"):  # only a first or an unfinished last line
            blank = line + newline + gap
            if gaps:
                gaps[-1] += blank
            else:
                leading.append(blank)
            if cut:
                diagnostics.append(_cut_capture(number, line))
            continue
        row = rendering.peel(line, is_last=number == last)
        if row.damage is not None:
            code, message, column = row.damage
            diagnostics.append(Diagnostic(code, message, number, column))
        elif cut:
            diagnostics.append(_cut_capture(number, line))
        peeled.append(row)
        kept.append(part)
        gaps.append(gap)
    header += "".join(leading)
    peeled = rendering.restore(peeled, [bool(gap) for gap in gaps])
    framings: dict[tuple[str, str, str, str, str], Framing] = {}
    rows = []
    for p, part, gap in zip(peeled, kept, gaps, strict=True):
        key = (p.prefix, p.suffix, part.newline, gap, p.hidden)
        framing = framings.get(key)
        if framing is None:
            framing = framings[key] = Framing(*key)
        rows.append(Row(p.tag, p.content, framing, part.number, len(p.prefix) + 1))
    truncated = any(d.code in CUT_CODES for d in diagnostics)
    return Rows(header, tuple(rows), footer, tuple(diagnostics), truncated)


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        "cut-capture",
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )
