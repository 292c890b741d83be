"""What a rendering is: how to recognise it, peel a row, and frame one.

A rendering is the way a proxy or client turned a taz page into text. Each
one is a small :class:`Rendering` subclass in a module of its own, listed in
:data:`tazformat.renderings.RENDERINGS`; the content grammar never sees it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

import attrs

from ..models import Framing


@attrs.frozen
class Peeled:
    """One line split into framing and content."""

    tag: str
    """The row's item type: ``i`` info, ``l`` link item, ``m`` image item."""
    prefix: str
    """Characters before the content."""
    content: str
    """The content, as taz served it."""
    suffix: str = ""
    """Characters after the content."""
    damage: tuple[str, str, int] | None = None
    """``(code, message, column)`` when the framing is broken; the column
    (1-based) is where the frame breaks off."""


class Rendering(ABC):
    """One way a taz page reaches people as text."""

    name: ClassVar[str]
    """Stable name, as in :attr:`tazformat.Document.rendering`."""
    description: ClassVar[str]
    """One line for people."""

    @abstractmethod
    def score(self, lines: Sequence[str]) -> float:
        """How well the first lines of a text fit this rendering, 0 to 1."""

    def header_size(self, lines: Sequence[str]) -> int:
        """How many leading lines are the proxy's own rows, not the page's."""
        return 0

    def is_blank(self, line: str) -> bool:
        """Say whether a line is a blank row (kept with the row before it)."""
        return line.strip(" \t") == ""

    @abstractmethod
    def peel(self, line: str, *, is_last: bool) -> Peeled:
        """Split one non-blank line into framing and content."""

    @abstractmethod
    def frame(self, tag: str) -> Framing:
        """The canonical framing of a new row of item type ``tag``."""


def longest_end(text: str, ends: Sequence[str]) -> str:
    """The first of ``ends`` (longest first) that ``text`` ends with, or ``""``."""
    for end in ends:
        if end and text.endswith(end):
            return end
    return ""
