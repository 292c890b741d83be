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
from .renderings.base import Rendering

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

Segment = tuple[str, str, str]
"""A line, its line ending, and the blank lines after it, verbatim."""


def segments(text: str) -> list[Segment]:
    """Cut ``text`` into lines, each with the run of blank lines after it.

    One regular expression match a line, blank lines included in the match
    of the line before them, so long runs of blank lines cost no per-line
    work. Only the first line of a text, and a last line without line
    ending, can be blank.
    """
    found: list[Segment] = _SEGMENT.findall(text)
    if found and not (found[-1][0] or found[-1][1]):  # the empty match at the end of the text
        found.pop()
    return found


def count_lines(text: str) -> int:
    """How many line endings ``text`` holds."""
    if not text:
        return 0
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def peel(parts: Sequence[Segment], rendering: Rendering) -> Rows:
    """Peel each line's framing by ``rendering`` (lines from ``segments``)."""
    lines = [part[0] for part in parts]
    header_size = rendering.header_size(lines)
    footer_size = min(rendering.footer_size(lines), len(parts) - header_size)
    end = len(parts) - footer_size
    header = "".join([line + newline + gap for line, newline, gap in parts[:header_size]])
    footer = "".join([line + newline + gap for line, newline, gap in parts[end:]])
    last = len(parts) - 1 if not footer_size else -1  # index of a last line the body holds
    number = 1 + count_lines(header)
    framings: dict[tuple[str, str, str, str, str], Framing] = {}
    rows: list[Row] = []
    diagnostics: list[Diagnostic] = []
    split = rendering.peel
    for index in range(header_size, end):
        line, newline, gap = parts[index]
        if not line.strip(" \t"):  # only a first or an unfinished last line
            header = _blank(rows, header, line + newline + gap)
            if not newline:
                diagnostics.append(_cut_capture(number, line))
        else:
            tag, prefix, content, suffix, hidden, damage = split(line, is_last=index == last)
            if damage is not None:
                code, message, column = damage
                diagnostics.append(Diagnostic(code, message, number, column))
            elif not newline:
                diagnostics.append(_cut_capture(number, line))
            key = (prefix, suffix, newline, gap, hidden)
            framing = framings.get(key)
            if framing is None:
                framing = framings[key] = Framing(*key)
            rows.append(Row(tag, content, framing, number, len(prefix) + 1))
        if gap:
            number += count_lines(gap)
        number += 1
    if type(rendering).restore is not Rendering.restore:
        rows = rendering.restore(rows)
    truncated = any(d.code in CUT_CODES for d in diagnostics)
    return Rows(header, tuple(rows), footer, tuple(diagnostics), truncated)


def _blank(rows: list[Row], header: str, blank: str) -> str:
    """Keep a blank line of the body: in the gap of the row before it, or in the header.

    Returns the header, longer by ``blank`` when no row comes before it.
    """
    if not rows:
        return header + blank
    row = rows[-1]
    rows[-1] = row._replace(framing=attrs.evolve(row.framing, gap=row.framing.gap + blank))
    return header


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        "cut-capture",
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )
