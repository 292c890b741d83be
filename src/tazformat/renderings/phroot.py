"""The gopher proxy of phroot.kroovy.de.

- ``phroot``: a ``URI: `` first row, then every row behind a 7-column
  gutter: 7 spaces for info rows, the item type right-aligned for items
  (``   DIR ``, ``   IMG ``); blank rows of 7 spaces.
- ``phroot-flat``: the same capture with white space normalised: ``DIR ``
  at the line start, no indent, no blank rows, no ``URI:`` row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from ..codes import Code
from ..models import Framing
from ..vocabulary import Kind
from .base import Meaning, Peeled, Rendering, row_item_type

GUTTER = 7
INDENT = " " * GUTTER
URI = "URI:"
TYPES = ("DIR", "IMG", "GIF", "TXT", "TEXT", "HTM", "HTML", "BIN", "SND", "QRY", "TEL", "ERR")
"""Item type words the proxy writes in its gutter."""
FLAT_TYPES = ("DIR", "IMG", "GIF", "TXT", "HTM")
"""Type words read as labels at a line start; longer words such as ``HTML``
or ``TEL`` also begin ordinary text (``HTML und CSS: …``)."""
_FLAT_LABEL = re.compile(rf"(?:{'|'.join(FLAT_TYPES)}) ")
_FLAT_STARTS = frozenset(f"{word} " for word in FLAT_TYPES)
LABELS = frozenset(f"{word:>{GUTTER - 1}} " for word in TYPES)
"""The gutter of an item row: its type word right-aligned, then a space."""
GUTTERS = frozenset({INDENT, *LABELS})
"""Every gutter the proxy writes: the indent of info rows, or an item's label."""


class Phroot(Rendering):
    """A ``URI:`` row, then rows behind a 7-column gutter."""

    name: ClassVar[str] = "phroot"
    description: ClassVar[str] = "phroot.kroovy.de: 'URI:' row, 7-column type gutter"
    header: ClassVar[str] = "URI: \n"
    blank: ClassVar[str] = INDENT + "\n"
    strips_trailing_space: ClassVar[bool] = True

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return 1.0 if lines and lines[0].startswith(URI) else 0.0

    def header_size(self, lines: Sequence[str]) -> int:
        return 1 if lines and lines[0].startswith(URI) else 0

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        gutter = line[:GUTTER]
        if gutter == INDENT:
            return Peeled("i", INDENT, line[GUTTER:])
        if gutter in LABELS:
            return Peeled(row_item_type(gutter.strip()), gutter, line[GUTTER:])
        if is_last and len(line) < GUTTER and any(gutter.startswith(line) for gutter in GUTTERS):
            damage = (Code.CUT_FRAME, "the capture was cut inside this row's gutter", len(line) + 1)
            return Peeled("i", line, "", damage=damage)
        return Peeled("i", "", line, damage=(Code.BAD_FRAME, "this row has no gutter", 1))

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing({"l": "   DIR ", "m": "   IMG "}.get(item_type, INDENT))


class PhrootFlat(Rendering):
    """phroot rows with white space normalised: ``DIR `` at the line start."""

    name: ClassVar[str] = "phroot-flat"
    description: ClassVar[str] = "phroot.kroovy.de, white space normalised: 'DIR ' at line start"
    strips_trailing_space: ClassVar[bool] = True

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        if not sample or not any(line[:4] in _FLAT_STARTS for line in lines):
            return 0.0
        return 0.93

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        label = _FLAT_LABEL.match(line)
        if label:
            return Peeled(row_item_type(label.group().strip()), label.group(), line[label.end() :])
        return Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing({"l": "DIR ", "m": "IMG "}.get(item_type, ""))
