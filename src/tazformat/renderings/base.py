"""What a rendering is: how to recognise it, peel a row, and frame one.

A rendering is the way a proxy or client turned a taz page into text. Each
one is a small ``Rendering`` subclass in a module of its own, listed in
``tazformat.renderings.RENDERINGS``; the content grammar never sees it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from ..models import Framing

if TYPE_CHECKING:
    from ..rows import Row


class Peeled(NamedTuple):
    """One line split into framing and content (a named tuple: cheap to make)."""

    tag: str
    """The row's item type: ``i`` info, ``l`` link item, ``m`` image item."""
    prefix: str
    """Characters before the content."""
    content: str
    """The content, as taz served it."""
    suffix: str = ""
    """Characters after the content."""
    hidden: str = ""
    """Markup restored to ``content`` that the rendering does not show."""
    damage: tuple[str, str, int] | None = None
    """``(code, message, column)`` when the framing is broken; the column
    (1-based) is where the frame breaks off."""


class Rendering(ABC):
    """One way a taz page reaches people as text."""

    name: ClassVar[str]
    """Stable name, as in ``tazformat.Document.rendering``."""
    description: ClassVar[str]
    """One line for people."""
    header: ClassVar[str] = ""
    """The rows this rendering writes before a page, in canonical form."""
    footer: ClassVar[str] = ""
    """The rows this rendering writes after a page, in canonical form."""
    blank: ClassVar[str] = ""
    """The blank row written after each block in canonical form (``""``: none)."""
    unwrapped: ClassVar[bool] = False
    """True when text blocks stand on one long row instead of wrapped rows."""
    row_frame: ClassVar[tuple[str, str] | None] = None
    """``(prefix, suffix)`` when the rendering frames every row alike as an
    info row: ``peel`` gives ``Peeled("i", prefix, content, suffix)`` for
    every line that starts with ``prefix`` and ends with ``suffix`` (and
    holds both). A page whose rows are all so framed is then peeled in one
    sweep instead of a line at a time."""

    @abstractmethod
    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        """How well a text fits this rendering, 0 to 1.

        Args:
            lines: All lines of the text (blank lines only at its ends).
            sample: Its first 20 non-blank lines, from ``content_lines``.

        """

    def header_size(self, lines: Sequence[str]) -> int:
        """How many leading lines are the proxy's own rows, not the page's."""
        return 0

    def footer_size(self, lines: Sequence[str]) -> int:
        """How many trailing lines are the rendering's own rows."""
        return 0

    def restore(self, rows: list[Row]) -> list[Row]:
        """Restore in context what the rendering dropped (markup, item types).

        Called with the peeled rows of a page; the framing of each says
        whether blank rows follow it.
        """
        return rows

    @abstractmethod
    def peel(self, line: str, *, is_last: bool) -> Peeled:
        """Split one non-blank line into framing and content."""

    @abstractmethod
    def frame(self, kind: str, tag: str = "i", text: str = "") -> Framing:
        """The canonical framing of a new row.

        Args:
            kind: The row's kind, named as in the grammar (``HEADING``…).
            tag: Its item type: ``i`` info, ``l`` link item, ``m`` image item.
            text: Its text, for renderings whose framing depends on it.

        """


LINK_TYPES = {"IMG": "m", "GIF": "m", "I": "m", "g": "m", "p": "m"}
"""Item type words and characters that mark an image item; others are links."""


def item_tag(kind: str) -> str:
    """The row tag for an item type: ``m`` for images, ``l`` for the rest."""
    return LINK_TYPES.get(kind, "l")


def content_lines(lines: Sequence[str], limit: int = 20) -> list[str]:
    """The non-blank lines among the first ``limit``."""
    return [line for line in lines[:limit] if line.strip(" \t")]


def share(sample: Sequence[str], fits: Callable[[str], bool], cut: Callable[[str], bool]) -> float:
    """The share of sample lines that ``fits``; the last may be ``cut`` instead."""
    if not sample:
        return 0.0
    *whole, last = sample
    return (sum(map(fits, whole)) + (fits(last) or cut(last))) / len(sample)


def longest_end(text: str, ends: Sequence[str]) -> str:
    """The first of ``ends`` (longest first) that ``text`` ends with, or ``""``."""
    for end in ends:
        if end and text.endswith(end):
            return end
    return ""
