"""Plain rows: the page's rows as they are, no header, labels or frame.

This is how gopher.miga.me.uk shows a page, and the fallback for any text
whose layout no other rendering recognises.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..models import Framing
from ..vocabulary import TITLE_MARKUP, Kind
from .base import Meaning, Peeled, Rendering

HEADING_START = TITLE_MARKUP


class Plain(Rendering):
    """Rows as served, one a line; links and info rows look alike."""

    name: ClassVar[str] = "plain"
    description: ClassVar[str] = "plain rows, no labels, no frame"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return 0.6 if sample and sample[0].startswith(HEADING_START) else 0.0

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        return Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing()
