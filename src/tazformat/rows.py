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

from . import wording
from .codes import CUT_CODES, Code
from .damage import EXCERPT_CAP, REPLACEMENT, is_cut_row
from .models import SECTIONS, Diagnostic, Framing
from .renderings.base import Meaning, Rendering, Row
from .vocabulary import DATE, SECTION_HEAD_ROW, SECTION_MARKUP

__all__ = ["MEANING", "Row", "Rows", "peel", "segments", "split_lines"]

_NEWLINE = re.compile(r"\r\n|\r|\n")

RESIDUE = Code.FRAME_RESIDUE
"""The damage of a row that carries a piece of a frame its rendering does not
put there; a row of such residue only (``|``) is kept as a blank row."""


class _Meaning:
    """The rules of meaning a rendering's ``restore`` may call (see ``Meaning``)."""

    reads_as_lead = staticmethod(wording.reads_as_lead)
    looks_like_title = staticmethod(wording.looks_like_title)


MEANING: Meaning = _Meaning()
"""The rules read from a row's wording, as the rows layer hands them to renderings."""


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
    """Damage found while peeling (cut frames, a cut final row, the excerpt cap)."""
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


def peel(text: Segments, rendering: Rendering, *, capped: bool = False) -> Rows:
    """Peel each line's framing by ``rendering`` (lines from ``segments``).

    A last line without a line ending is a cut (``cut-capture``) unless the
    rendering strips the white space at a page's end and the last row ends
    whole (``ends_whole``). ``capped``: the capture is exactly the excerpt
    cap long (``damage.at_excerpt_cap``), so it was cut even where nothing
    else says so (``cut-at-cap``).
    """
    parts, lines = text.parts, text.lines
    header_size = rendering.header_size(lines)
    footer_size = min(rendering.footer_size(lines), len(parts) - header_size)
    end = len(parts) - footer_size
    header = _joined(parts[:header_size])
    footer = _joined(parts[end:])
    body = parts[header_size:end]
    peeling = Peeling(rendering, 1 + count_lines(header))
    peeling.peel_lines(body, last=not footer)
    rows = rendering.restore(peeling.rows, MEANING)
    unended = peeling.unended
    if unended is not None and not _stripped(rendering, rows, unended.line):
        if rendering.strips_trailing_space:
            unended = attrs.evolve(unended, message=_UNFINISHED)
        peeling.diagnostics.append(unended)
    if capped and not any(d.code in CUT_CODES for d in peeling.diagnostics):
        peeling.diagnostics.append(_cut_at_cap(parts))
    diagnostics = tuple(peeling.diagnostics)
    truncated = any(d.code in CUT_CODES for d in diagnostics)
    return Rows(header + peeling.leading, tuple(rows), footer, diagnostics, truncated)


_ROW_SECTIONS = frozenset(SECTION_MARKUP + s.name() for s in SECTIONS if s.item_node is not None)
"""The headings of the tail sections whose items are rows (links, authors, tags):
each item ends without a sentence's punctuation where it is whole."""
_OPEN_MARKS = (("[", "]"), ("(", ")"), ("\u201e", "\u201c"), ("\u00bb", "\u00ab"))
"""Marks that open what a closing mark ends on the same row: a reference's
brackets, parentheses, German quotation marks „…“ and »…«."""


def _stripped(rendering: Rendering, rows: Sequence[Row], line: int) -> bool:
    """Say whether the line ending after row ``line``, the last, was stripped, not cut."""
    if not rendering.strips_trailing_space or not rows or rows[-1].line != line:
        return False
    return ends_whole(rows)


def ends_whole(rows: Sequence[Row]) -> bool:
    """Say whether the last of ``rows`` ends the page whole, read by its wording (§ 4.2).

    It does not when it ends in white space (a stripping rendering leaves
    none), in a character the cut split (U+FFFD, a byte that was not UTF-8)
    or in a proxy's cut mark, when it opens a mark it does not close
    (``[``, ``(``, ``„``, ``»``), or when it is a tail section's heading.
    Otherwise it does when it is a date row, an item of a section of rows
    (a link target, an author, a tag), or when it ends a sentence
    (``wording.SENTENCE_ENDS``).
    """
    content = rows[-1].content
    last = content[-1:]
    if not last or last in " \t" or last == REPLACEMENT or 0xD800 <= ord(last) <= 0xDFFF:
        return False
    if is_cut_row(content) or SECTION_HEAD_ROW.fullmatch(content):
        return False
    if any(content.count(mark) > content.count(close) for mark, close in _OPEN_MARKS):
        return False
    if DATE.fullmatch(content) or wording.looks_like_teaser(content):
        return True
    heading = next((r.content for r in reversed(rows) if SECTION_HEAD_ROW.fullmatch(r.content)), "")
    return heading in _ROW_SECTIONS


def _joined(parts: Sequence[Segment]) -> str:
    """The parts as they stand in the text."""
    return "".join([line + newline + gap for line, newline, gap in parts])


@attrs.define
class Peeling:
    """The rows of a text as its lines are peeled one by one, and what was noticed."""

    rendering: Rendering
    """The rendering whose framing each line is peeled of."""
    number: int
    """The line number of the next line to peel."""
    rows: list[Row] = attrs.Factory(list)
    """The content rows peeled so far."""
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    """Damage found so far."""
    leading: str = ""
    """Blank lines before the first row, verbatim."""
    unended: Diagnostic | None = None
    """The ``cut-capture`` of a last row without line ending or damage of its
    own, until ``peel`` tells whether the rendering stripped the line ending."""

    def peel_lines(self, parts: Sequence[Segment], *, last: bool) -> None:
        """Peel each of ``parts`` into a row; ``last``: the last part is the text's last line.

        A blank line (only a first or an unfinished last line can be one) and
        a line of frame residue only are blank rows (``blank``); a line
        without a line ending and without damage of its own may have been
        cut (``unended``: ``peel`` decides). Rows with the same framing share
        one ``Framing``.
        """
        final = len(parts) - 1 if last else -1
        peel_one = self.rendering.peel
        add_row = self.rows.append
        framings: dict[tuple[str, str, str, str, str], Framing] = {}
        number = self.number
        for index, (line, newline, gap) in enumerate(parts):
            if not line.strip(" \t"):
                self.blank(number, line, newline, gap)
            else:
                item_type, prefix, content, suffix, hidden, damage = peel_one(
                    line, is_last=index == final
                )
                if damage is None or not self.damaged(number, damage, line, newline, gap, content):
                    if damage is None and not newline:
                        self.unended = _cut_capture(number, line)
                    key = (prefix, suffix, newline, gap, hidden)
                    framing = framings.get(key)
                    if framing is None:
                        framing = framings[key] = Framing(*key)
                    add_row(Row(item_type, content, framing, number, len(prefix) + 1))
            number += 1 + count_lines(gap) if gap else 1
        self.number = number

    def damaged(
        self,
        number: int,
        damage: tuple[str, str, int],
        line: str,
        newline: str,
        gap: str,
        content: str,
    ) -> bool:
        """Note the damage of the line at ``number``; say whether it is a blank row.

        A line of frame residue only (``|``) is kept as a blank row.
        """
        code, message, column = damage
        self.diagnostics.append(Diagnostic(code, message, number, column))
        if code == RESIDUE and not content:
            self.blank(number, line, newline, gap)
            return True
        return False

    def blank(self, number: int, line: str, newline: str, gap: str) -> None:
        """Keep the blank line at ``number``: in the gap of the row before it, or as leading."""
        if not newline:
            self.diagnostics.append(_cut_capture(number, line))
        blank = line + newline + gap
        if not self.rows:
            self.leading += blank
            return
        row = self.rows[-1]
        framing = attrs.evolve(row.framing, gap=row.framing.gap + blank)
        self.rows[-1] = row._replace(framing=framing)


_UNFINISHED = (
    "the capture ends inside an unfinished row, without a final line break: it was cut here"
)
"""The message of a ``cut-capture`` where the rendering strips a page's final line break."""


def _cut_capture(number: int, line: str) -> Diagnostic:
    return Diagnostic(
        Code.CUT_CAPTURE,
        "the capture ends without a final line break: it was cut here",
        number,
        len(line) + 1,
        ("a line break",),
    )


def _cut_at_cap(parts: Sequence[Segment]) -> Diagnostic:
    """The ``cut-at-cap`` of a capture: at its end, past its last line break if it has one."""
    text = _joined(parts)
    column = 1 if not parts or text.endswith(("\n", "\r")) else len(parts[-1][0]) + 1
    return Diagnostic(
        Code.CUT_AT_CAP,
        f"the capture is {EXCERPT_CAP} bytes long, the excerpt cap: it was cut at its end",
        1 + count_lines(text),
        column,
    )
