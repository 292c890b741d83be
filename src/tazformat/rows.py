"""Rows: the text cut into lines, each peeled by its rendering.

This is the first step of the data flow (text → rendering → rows → grammar
→ models → text). It keeps every character: header rows go to ``header``,
blank rows to the framing of the row before them, and each content row
becomes a ``Row`` whose framing holds all but its content.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import count, repeat
from typing import NamedTuple

import attrs

from .models import Diagnostic, Framing
from .renderings.base import Rendering

_NEWLINE = re.compile(r"\r\n|\r|\n")

CUT_CODES = ("cut-capture", "cut-frame")
"""Diagnostics that say the capture was cut."""

RESIDUE = "frame-residue"
"""The damage of a row that carries a piece of a frame its rendering does not
put there; a row of such residue only (``|``) is kept as a blank row."""


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


_new_row: Callable[[tuple[str, str, Framing, int, int]], Row] = functools.partial(
    tuple.__new__, Row
)
"""``Row(*fields)`` without the Python-level ``__new__`` of a named tuple (half the cost)."""


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
_GAP = re.compile(r"\n[ \t]*\n")

Segment = tuple[str, str, str]
"""A line, its line ending, and the blank lines after it, verbatim."""


class Segments(NamedTuple):
    """A text cut into lines (see ``segments``)."""

    parts: list[Segment]
    """Each line with its line ending and the blank lines after it."""
    lines: list[str]
    """The lines alone."""
    regular: bool
    r"""No blank lines after the first line and only ``\n`` line endings: every
    part is ``(line, "\n", "")``, but for a last line without line ending."""


def segments(text: str) -> Segments:
    r"""Cut ``text`` into lines, each with the run of blank lines after it.

    Only the first line of a text, and a last line without line ending, can
    be blank. A regular text (no ``\r``, no blank line after a line break)
    is cut by ``str.split``; any other by one regular expression match a
    line, blank lines included in the match of the line before them, so
    long runs of blank lines cost no per-line work.
    """
    if "\r" not in text and _GAP.search(text) is None:
        lines = text.split("\n")
        last = lines.pop()  # "" when the text ends with a line break
        parts = [(line, "\n", "") for line in lines]
        if last:
            lines.append(last)
            parts.append((last, "", ""))
        return Segments(parts, lines, regular=True)
    parts = matched_segments(text)
    return Segments(parts, [part[0] for part in parts], regular=False)


def matched_segments(text: str) -> list[Segment]:
    """The parts of any text, one regular expression match a line."""
    found: list[Segment] = _SEGMENT.findall(text)
    if found and not (found[-1][0] or found[-1][1]):  # the empty match at the end of the text
        found.pop()
    return found


def count_lines(text: str) -> int:
    """How many line endings ``text`` holds."""
    if not text:
        return 0
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def peel(text: Segments, rendering: Rendering) -> Rows:
    """Peel each line's framing by ``rendering`` (lines from ``segments``)."""
    parts, lines = text.parts, text.lines
    header_size = rendering.header_size(lines)
    footer_size = min(rendering.footer_size(lines), len(parts) - header_size)
    end = len(parts) - footer_size
    header = _joined(parts[:header_size])
    footer = _joined(parts[end:])
    number = 1 + count_lines(header)
    rows: list[Row] = []
    body = parts[header_size:end]
    if text.regular and rendering.row_frame is not None:
        ended = bool(body) and body[-1][1] == "\n"
        rows = _swept(lines[header_size:end], ended, rendering.row_frame, number)
        body = body[len(rows) :]
    diagnostics: list[Diagnostic] = []
    header += _peeled(body, rendering, number + len(rows), rows, diagnostics, last=not footer)
    rows = rendering.restore(rows)
    truncated = any(d.code in CUT_CODES for d in diagnostics)
    return Rows(header, tuple(rows), footer, tuple(diagnostics), truncated)


def _joined(parts: Sequence[Segment]) -> str:
    """The parts as they stand in the text."""
    return "".join([line + newline + gap for line, newline, gap in parts])


def _swept(lines: list[str], ended: bool, frame: tuple[str, str], number: int) -> list[Row]:
    """The rows of the lines a sweep can peel: all of them, or all but the last.

    The last line is left to line-by-line peeling when it has no line ending
    (``ended`` is false) or its frame is broken (a cut capture).
    """
    if not ended:
        return _framed(lines[:-1], frame, number)
    return _framed(lines, frame, number) or _framed(lines[:-1], frame, number)


def _framed(lines: list[str], frame: tuple[str, str], number: int) -> list[Row]:
    """The rows of ``lines`` when every one is framed by ``frame``, else none.

    A sweep over the lines of a regular text (see ``Segments``) for the
    renderings that frame every row alike (``Rendering.row_frame``): it gives
    the rows that peeling the lines one by one would give, with less work a
    row. ``number`` is the line number of the first line.
    """
    prefix, suffix = frame
    start, stop = len(prefix), len(suffix)
    if not lines or not lines[0].strip(" \t"):
        return []  # only the first line of a regular text can be blank
    if prefix and not all(map(str.startswith, lines, repeat(prefix))):
        return []
    if suffix and not all(map(str.endswith, lines, repeat(suffix))):
        return []
    if min(map(len, lines)) < start + stop:
        return []
    contents = [line[start : len(line) - stop] for line in lines] if start or stop else lines
    framing = _framing(prefix, suffix)
    fields = zip(repeat("i"), contents, repeat(framing), count(number), repeat(start + 1))
    return list(map(_new_row, fields))


@functools.cache
def _framing(prefix: str, suffix: str) -> Framing:
    """The ``Framing`` of the rows a sweep peels, one for each ``Rendering.row_frame``."""
    return Framing(prefix, suffix)


def _peeled(
    parts: Sequence[Segment],
    rendering: Rendering,
    number: int,
    rows: list[Row],
    diagnostics: list[Diagnostic],
    *,
    last: bool,
) -> str:
    """Peel lines one by one onto ``rows``; returns the blank lines before any row.

    ``number`` is the line number of the first part; damage is added to
    ``diagnostics``. ``last`` says whether the last part is the text's last
    line.
    """
    final = len(parts) - 1 if last else -1
    framings: dict[tuple[str, str, str, str, str], Framing] = {}  # shared within the text
    leading = ""
    split = rendering.peel
    for index, (line, newline, gap) in enumerate(parts):
        if not line.strip(" \t"):  # only a first or an unfinished last line
            leading = _blank(rows, leading, line + newline + gap)
            if not newline:
                diagnostics.append(_cut_capture(number, line))
        else:
            tag, prefix, content, suffix, hidden, damage = split(line, is_last=index == final)
            if damage is not None:
                code, message, column = damage
                diagnostics.append(Diagnostic(code, message, number, column))
            if damage is not None and damage[0] == RESIDUE and not content:
                leading = _blank(rows, leading, line + newline + gap)  # a framed blank row
                if not newline:
                    diagnostics.append(_cut_capture(number, line))
            else:
                if damage is None and not newline:
                    diagnostics.append(_cut_capture(number, line))
                key = (prefix, suffix, newline, gap, hidden)
                framing = framings.get(key)
                if framing is None:
                    framing = framings[key] = Framing(*key)
                rows.append(_new_row((tag, content, framing, number, len(prefix) + 1)))
        if gap:
            number += count_lines(gap)
        number += 1
    return leading


def _blank(rows: list[Row], leading: str, blank: str) -> str:
    """Keep a blank line of the body: in the gap of the row before it, or as leading.

    Returns the leading blank lines, longer by ``blank`` when no row comes
    before it.
    """
    if not rows:
        return leading + blank
    row = rows[-1]
    rows[-1] = row._replace(framing=attrs.evolve(row.framing, gap=row.framing.gap + blank))
    return leading


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        "cut-capture",
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )
