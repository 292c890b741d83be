"""gopherspace.de's phoxy: two header rows, then plain rows, blank rows kept.

The header is ``GOPHERSPACE.DE - P H O X Y`` and ``gophering on <host>``;
every row up to the page heading belongs to it, so another install with a
slightly different header is read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..models import Framing
from ..vocabulary import HEADING_MARK, SITE, Kind
from .base import Meaning, Peeled, Rendering

MARK = "P H O X Y"
_HEADER_LIMIT = 5


class Phoxy(Rendering):
    """Header rows naming phoxy, then the page's rows as served."""

    name: ClassVar[str] = "phoxy"
    description: ClassVar[str] = "gopherspace.de phoxy: header rows, plain rows, blank rows kept"
    header: ClassVar[str] = f"GOPHERSPACE.DE - {MARK}\ngophering on {SITE}\n"
    blank: ClassVar[str] = "\n"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        head = lines[:2]
        if any(MARK in line for line in head) or any(
            line.startswith("gophering on ") for line in head
        ):
            return 1.0
        return 0.0

    def header_size(self, lines: Sequence[str]) -> int:
        for index, line in enumerate(lines[:_HEADER_LIMIT]):
            if line.startswith(HEADING_MARK):
                return index
        return min(2, len(lines))

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        return Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing()
