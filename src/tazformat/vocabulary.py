"""The format's vocabulary: row kinds, their markup and the literal words.

Every other module takes these from here: the grammar's terminals are named
as the members of ``Kind`` (a test reads ``grammar/taz.lark`` and compares),
and the markup, the heading prefix, the kicker separator, the section names
and the months are written here once. This module imports nothing of the
package, so every layer may use it.
"""

from __future__ import annotations

import enum
import re

__all__ = [
    "DATE",
    "HEADING_MARK",
    "KICKER_SEPARATOR",
    "MONTHS",
    "SECTION_MARKUP",
    "SECTION_NAMES",
    "SITE",
    "TITLE_MARKUP",
    "Found",
    "Kind",
]


class Kind(str, enum.Enum):
    """A row kind: one member a terminal of the grammar, named as there.

    ``SECTION_HEAD`` is the one member that is no terminal: the serializer
    and the renderings' ``frame`` name a tail section's heading row by it,
    whichever of the four section heads it is (``Kind.terminals()`` leaves
    it out). The order is the order in which a diagnostic's ``expected``
    names them: the kinds of rows that stand in a part of the page, then
    the date and the section heads that may follow it.
    """

    HEADING = "HEADING"
    """The page heading ``# taz.de -- <title>`` (or the bare ``# taz.de``)."""
    LEAD = "LEAD"
    """A run of lead rows ``> …``."""
    PICTURE = "PICTURE"
    """The picture item ``Bild: <caption>``."""
    TEXT = "TEXT"
    """An info row of text."""
    SUBHEAD = "SUBHEAD"
    """A body subhead ``## <text>``."""
    ITEM = "ITEM"
    """A link item."""
    IMAGE = "IMAGE"
    """An image item."""
    PLAIN = "PLAIN"
    """A run of text rows and link items that no other terminal could claim."""
    LINK_TARGET = "LINK_TARGET"
    """A row ``[n] <target>`` of ``## LINKS``."""
    DATE = "DATE"
    """The date row ``8 Jan 2022``."""
    LINKS_HEAD = "LINKS_HEAD"
    """The heading ``## LINKS``."""
    AUTHORS_HEAD = "AUTHORS_HEAD"
    """The heading ``## AUTOREN``."""
    TAGS_HEAD = "TAGS_HEAD"
    """The heading ``## TAGS``."""
    RELATED_HEAD = "RELATED_HEAD"
    """The heading ``## ARTIKEL ZUM THEMA``."""
    STRAY = "STRAY"
    """A row no rule understands."""
    SECTION_HEAD = "SECTION_HEAD"
    """Any tail section's heading row (no terminal: for writing rows)."""

    def __str__(self) -> str:
        """The kind's name, as in the grammar."""
        return self.value

    @property
    def markup(self) -> str:
        """What a row of this kind starts with before its text (``""``: nothing)."""
        return _MARKUP.get(self, "")

    @property
    def is_run(self) -> bool:
        """Whether the terminal matches a run of rows rather than one row."""
        return self in (Kind.LEAD, Kind.PLAIN)

    @classmethod
    def terminals(cls) -> frozenset[str]:
        """The names of the grammar's terminals."""
        return frozenset(kind.value for kind in cls if kind is not Kind.SECTION_HEAD)


class Found(str, enum.Enum):
    """How a recovered structure (a paragraph, an entry, a turn, a verse) was found.

    A researcher who keeps only what the text itself marks filters on
    ``MARKED`` (spec § 2.9).
    """

    MARKED = "marked"
    """The text marks it: a blank row, a link row, a speaker label, ``+++``."""
    INFERRED = "inferred"
    """A rule read it from wording or from how full a row is (the wrap width)."""

    def __str__(self) -> str:
        """The value itself (``marked``)."""
        return self.value


SITE = "taz.de"
"""The site a page comes from, as its heading names it."""
HEADING_MARK = f"# {SITE}"
"""What every page heading row starts with."""
TITLE_MARKUP = f"{HEADING_MARK} -- "
"""What a page heading starts with before its title."""
BARE_MARKUP = "# "
"""What the bare site heading ``# taz.de`` starts with before its text ``taz.de``."""

SECTION_MARKUP = "## "
"""What a subhead and a section heading start with."""
SECTION_NAMES: dict[Kind, str] = {
    Kind.LINKS_HEAD: "LINKS",
    Kind.AUTHORS_HEAD: "AUTOREN",
    Kind.TAGS_HEAD: "TAGS",
    Kind.RELATED_HEAD: "ARTIKEL ZUM THEMA",
}
"""The name of each tail section, by the kind of its heading row."""
SECTION_HEADS = frozenset(SECTION_NAMES)
"""The kinds of the tail sections' heading rows."""

LEAD_MARKUP = "> "
"""What each lead row starts with."""
PICTURE_MARKUP = "Bild: "
"""What the picture item starts with before its caption."""

_MARKUP: dict[Kind, str] = {
    Kind.LEAD: LEAD_MARKUP,
    Kind.PICTURE: PICTURE_MARKUP,
    Kind.SUBHEAD: SECTION_MARKUP,
    Kind.SECTION_HEAD: SECTION_MARKUP,
    **dict.fromkeys(SECTION_NAMES, SECTION_MARKUP),
}

KICKER_SEPARATOR = " ?: "
"""The pattern that ends a title's kicker: ``: `` or `` : ``."""

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The month names of a date row, January first."""
DAY = r"(?:[1-9]|[12]\d|3[01])"
"""The day of a date row: 1 to 31, no leading zero."""
DATE = re.compile(rf"{DAY} (?:{'|'.join(MONTHS)}) \d{{4}}")
"""A date row's content (``8 Jan 2022``): the grammar's ``DATE`` terminal."""
SECTION_HEAD_ROW = re.compile(
    rf"{SECTION_MARKUP}(?:{'|'.join(re.escape(name) for name in SECTION_NAMES.values())})"
)
"""A row that reads as a tail section's heading (``## TAGS``)."""
LINK_TARGET = re.compile(r"\[(\d+)\] (.*)", re.DOTALL)
"""A link target row ``[n] <target>``: its number and its target."""
