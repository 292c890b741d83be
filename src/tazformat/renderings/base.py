"""What a rendering is: how to recognise it, peel a row, and frame one.

A rendering is the way a proxy or client turned a taz page into text. Each
one is a small ``Rendering`` subclass in a module of its own, listed in
``tazformat.renderings.RENDERINGS``; the content grammar never sees it.
"""

from __future__ import annotations

import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

from ..deprecation import aliases
from ..models import Framing
from ..vocabulary import Kind


class Row(NamedTuple):
    """A content row as its rendering peeled it: item type, content, framing, place."""

    item_type: str
    """``i`` for info text, ``l`` for a link item, ``m`` for an image item."""
    content: str
    """The row as served by taz, markup included, framing removed."""
    framing: Framing
    """Everything else of the row."""
    line: int
    """1-based line in the source text."""
    column: int
    """1-based column where the content starts."""

    @property
    def tag(self) -> str:
        """Deprecated name of ``item_type`` (it read like the ``## TAGS`` section)."""
        warnings.warn("Row.tag is deprecated; use Row.item_type", DeprecationWarning, stacklevel=2)
        return self.item_type


class Meaning(Protocol):
    """The rules read from a row's wording that ``Rendering.restore`` may need.

    The rows layer passes them in (``tazformat.rows.MEANING``), so that a
    rendering imports no rule of meaning itself.
    """

    def reads_as_lead(self, text: str) -> bool:
        """Say whether a row reads as a lead (ends a sentence, no title, no cut)."""
        ...

    def looks_like_title(self, text: str) -> bool:
        """Say whether a row looks like a title (it has a kicker)."""
        ...


class Peeled(NamedTuple):
    """One line split into framing and content (a named tuple: cheap to make)."""

    item_type: str
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

    @property
    def tag(self) -> str:
        """Deprecated name of ``item_type``."""
        warnings.warn(
            "Peeled.tag is deprecated; use Peeled.item_type", DeprecationWarning, stacklevel=2
        )
        return self.item_type


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
    strips_trailing_space: ClassVar[bool] = False
    """True when the proxy serves a page with the white space at its end
    stripped, final line break included: a whole page then ends without
    one, and only a last row that is itself unfinished says the capture was
    cut (spec § 4.2)."""

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

    def restore(self, rows: list[Row], meaning: Meaning) -> list[Row]:
        """Restore in context what the rendering dropped (markup, item types).

        Called with the peeled rows of a page; the framing of each says
        whether blank rows follow it. ``meaning`` holds the rules read from
        a row's wording that a rendering may need to tell what it dropped.
        """
        return rows

    @abstractmethod
    def peel(self, line: str, *, is_last: bool) -> Peeled:
        """Split one non-blank line into framing and content."""

    @abstractmethod
    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        """The canonical framing of a new row.

        Args:
            kind: The row's kind (``Kind.HEADING``…; ``Kind.SECTION_HEAD``
                for any tail section's heading).
            item_type: ``i`` info, ``l`` link item, ``m`` image item.
            text: Its text, for renderings whose framing depends on it.
            meaning: The rules of ``restore``, for a rendering whose framing
                says what ``restore`` would find (``tazformat.rows.MEANING``).

        """


IMAGE_TYPES = {"IMG": "m", "GIF": "m", "I": "m", "g": "m", "p": "m"}
"""Gopher item type words and characters that mark an image item; others are links."""


def row_item_type(gopher_type: str) -> str:
    """The row's item type for a gopher item type: ``m`` for images, ``l`` for the rest."""
    return IMAGE_TYPES.get(gopher_type, "l")


_DEPRECATED: dict[str, tuple[str, object]] = {
    "LINK_TYPES": ("IMAGE_TYPES", IMAGE_TYPES),
    "item_tag": ("row_item_type", row_item_type),
}
"""Old public names, kept as aliases that warn."""

if TYPE_CHECKING:  # the checkers see the aliases as what they stand for
    LINK_TYPES = IMAGE_TYPES
    item_tag = row_item_type


__getattr__ = aliases(__name__, _DEPRECATED)


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
