"""Reading a page through frame residue, when no rendering fits a text cleanly.

A framing is what a rendering puts around the content of each row: a left
piece (an indent, a type label, ``| ``) and a right piece (`` | |``). Frame
**residue** is a piece of a frame on a row of a layout that does not frame
that row so: a ``| `` before the first row only, a lone ``|`` row at the
end, framed rows among unframed ones. ``Residue`` reads a text under a known
rendering and peels, from each row that rendering finds no frame on, a
margin common to the text's rows and any ``|`` residue, which it reports as
``frame-residue`` damage. It is used by ``tazformat.renderings.detect`` only.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import cast

from ..codes import Code
from ..models import Framing
from ..vocabulary import HEADING_MARK, Kind
from .base import Meaning, Peeled, Rendering, Row, longest_end

HEADING_LINE = re.compile(rf"[ \t|]*{re.escape(HEADING_MARK)}(?: -- |$)")
"""A line holding a heading row behind frame characters only (spaces, ``|``)."""
_LEFT = re.compile(r"[ \t]*\|[ \t]?")
_RIGHT = (" | |", " | ", " |")
_FRAME_CHARACTERS = " \t|"


def heading_line(lines: Sequence[str]) -> int | None:
    """The index of the first line that holds a heading row behind frame characters."""
    for index, line in enumerate(lines):
        if HEADING_MARK in line and HEADING_LINE.match(line):
            return index
    return None


def is_residue_only(line: str) -> bool:
    """Say whether a line is frame residue and nothing else (``|``, ``| |``)."""
    return "|" in line and not line.strip(_FRAME_CHARACTERS)


def margin(lines: Sequence[str]) -> str:
    """The run of white space most non-blank lines start with (``""``: none)."""
    starts = Counter(line[: len(line) - len(line.lstrip(" \t"))] for line in lines if line.strip())
    return starts.most_common(1)[0][0] if starts else ""


class Residue(Rendering):
    """A known rendering that also peels frame residue off the rows it finds unframed.

    The document is named after ``base``: new rows are framed as ``base``
    frames them, and ``dumps`` writes every row back as it was read.
    """

    def __init__(self, base: Rendering, margin: str) -> None:
        self.base = base
        """The rendering whose frame the rows carry."""
        self.margin = margin
        """The indent the text's rows share, peeled as framing (not damage)."""

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return self.base.score(lines, sample)

    def header_size(self, lines: Sequence[str]) -> int:
        return self.base.header_size(lines)

    def footer_size(self, lines: Sequence[str]) -> int:
        return self.base.footer_size(lines)

    def restore(self, rows: list[Row], meaning: Meaning) -> list[Row]:
        return self.base.restore(rows, meaning)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return self.base.frame(kind, item_type, text, meaning)

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        peeled = self.base.peel(line, is_last=is_last)
        if peeled.damage is not None or peeled.prefix or peeled.suffix or peeled.hidden:
            return peeled  # the base rendering framed the row, or named its damage
        return self.peel_residue(line, peeled.item_type)

    def peel_residue(self, line: str, item_type: str) -> Peeled:
        """Peel the margin and any ``|`` residue of a row the base finds unframed."""
        if is_residue_only(line):
            damage = (Code.FRAME_RESIDUE, "this row is frame residue only ('|'), no content", 1)
            return Peeled(item_type, line, "", damage=damage)
        start = len(self.margin) if self.margin and line.startswith(self.margin) else 0
        left = _LEFT.match(line, start)
        end = left.end() if left else start
        suffix = longest_end(line[end:], _RIGHT)
        content = line[end : len(line) - len(suffix)]
        if left:
            where = f"before this row's content ({line[left.start() : left.end()].strip()!r})"
            damage = (Code.FRAME_RESIDUE, f"frame residue {where}", left.start() + 1)
        elif suffix:
            where = f"after this row's content ({suffix.strip()!r})"
            damage = (Code.FRAME_RESIDUE, f"frame residue {where}", len(line) - len(suffix) + 1)
        else:
            return Peeled(item_type, line[:end], content)
        return Peeled(item_type, line[:end], content, suffix, damage=damage)


def residue(base: Rendering, margin: str) -> Residue:
    """``base`` that also peels residue, named and described as ``base``."""
    return _named(type(base))(base, margin)


@functools.cache
def _named(kind: type[Rendering]) -> type[Residue]:
    """A ``Residue`` class that carries the class attributes of ``kind``."""
    names = (
        "name",
        "description",
        "header",
        "footer",
        "blank",
        "unwrapped",
        "strips_trailing_space",
    )
    attributes = {name: getattr(kind, name) for name in names}
    return cast("type[Residue]", type(f"{kind.__name__}Residue", (Residue,), attributes))
