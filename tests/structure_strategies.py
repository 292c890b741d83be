"""Hypothesis strategies for the structure rules: paragraphs and verses.

:func:`pages` generates the body of an article as taz would write it:
prose paragraphs wrapped at ``WRAP`` characters and poems set one verse a
row, written in a rendering that keeps blank rows (the truth) and in one
that drops them (what the rules must read). The words are German-ish and
written for these tests. :func:`whole_paragraph` cuts generated rows to a
paragraph that the wrap rule keeps whole (used by ``strategies.documents``).

This module imports nothing from ``strategies`` (which imports it).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from tazformat.speakers import starts_turn
from tazformat.wrapping import WRAP, ends_block, reference_depth

R = TypeVar("R", str, tuple[str, bool])


def _text(row: str | tuple[str, bool]) -> str:
    return row if isinstance(row, str) else row[0]


def whole_paragraph(rows: Sequence[R]) -> list[R]:
    """The first rows up to the first the wrap rule reads as a paragraph end.

    A row is its text, or its text and whether a proxy cut it.
    """
    depth = 0
    for index, row in enumerate(rows[:-1]):
        depth = reference_depth(_text(row), depth)
        following = _text(rows[index + 1])
        if not depth and (ends_block(_text(row), following) or starts_turn(_text(row), following)):
            return list(rows[: index + 1])
    return list(rows)


_WORD_TEXT = (
    "der die das und nicht mit auf für Stadt Rat Bezirk Wasser Hafen Sommer "
    "Nacht Grenze Straße Gemeinde Mehrheit Haushalt Schule Verkehr Zukunft "
    "Bürgermeisterin Verwaltungsgericht Wohnungsbaugesellschaft "
    "Übergangslösung sagt meint plant baut schließt öffnet wartet fragt "
    "bleibt zählt heute gestern lange schon wieder kaum bald oft immer neue "
    "alte große kleine grüne Menschen Kinder Ämter Räder Brücken Läden "
    "Gärten"
)
_WORDS = tuple(_WORD_TEXT.split())
"""Words of every length, umlauts among them (rows of them run past 80 bytes)."""

_ENDS = (".", ".", ".", "?", "!", ".“")

_STARTS = tuple(
    [
        "Die",
        "Der",
        "Das",
        "Im",
        "Es",
        "Er",
        "Sie",
        "Wir",
        "Ein",
        "Eine",
        "Auch",
        "Doch",
        "Am",
        "Wer",
        "Und",
        "So",
        "Nun",
        "Seit",
    ]
)
"""Words a German sentence often starts with (short: as in the corpus)."""

VERSE = 45
"""Longest generated verse (the corpus's verses run to 46 characters)."""
VERSE_MAX = 55
"""Longest verse the rule reads (``structure.VERSE_MAX``): prose rows run longer."""


@st.composite
def sentences(draw: st.DrawFn, min_words: int = 3, max_words: int = 16) -> str:
    """A sentence: a starting word, more words, then an end mark."""
    start = draw(st.sampled_from(_STARTS))
    chosen = draw(st.lists(st.sampled_from(_WORDS), min_size=min_words, max_size=max_words))
    return " ".join([start, *chosen]) + draw(st.sampled_from(_ENDS))


@st.composite
def prose(draw: st.DrawFn) -> list[str]:
    """A paragraph of prose, wrapped at ``WRAP`` characters as taz wraps it.

    Two rows or more, the first longer than a verse (a paragraph of short
    rows reads as verses: the rule's stated limit).
    """
    text = " ".join(draw(st.lists(sentences(), min_size=2, max_size=5)))
    rows = textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False)
    assume(len(rows) >= 2 and len(rows[0]) > VERSE_MAX)
    return rows


@st.composite
def verse(draw: st.DrawFn) -> str:
    """A verse: two to six words, well short of the wrap width."""
    chosen = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6))
    text = " ".join(chosen)
    assume(len(text) <= VERSE)
    return text[:1].upper() + text[1:] + draw(st.sampled_from(("", ",", ".", "!", " –")))


@attrs.frozen
class Page:
    """A generated article body: its blocks, each prose rows or a stanza of verses."""

    blocks: tuple[tuple[str, tuple[str, ...]], ...]
    """``("prose", rows)`` or ``("stanza", verses)``, in order."""

    @property
    def poem(self) -> list[list[str]]:
        """The stanzas, in order (empty for a page of prose)."""
        return [list(rows) for kind, rows in self.blocks if kind == "stanza"]


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A body of prose paragraphs, or an introduction followed by a poem.

    A poem has at least five verses (four are left when the first joins the
    paragraph before it, the rule's stated limit), in stanzas of two or more.
    """
    blocks: list[tuple[str, tuple[str, ...]]] = [
        ("prose", tuple(draw(prose()))) for _ in range(draw(st.integers(1, 6)))
    ]
    if draw(st.booleans()):
        del blocks[1:]
        stanzas = draw(st.lists(st.lists(verse(), min_size=2, max_size=6), min_size=1, max_size=4))
        if sum(map(len, stanzas)) < 5:
            stanzas.append(draw(st.lists(verse(), min_size=5, max_size=5)))
        blocks += [("stanza", tuple(stanza)) for stanza in stanzas]
    return Page(tuple(blocks))


HEADING = "# taz.de -- Die Wahrheit: Probe"
LEAD = "> Donnerstag ist Probetag."
DATE = "3 Oct 2025"


def gopher_menu(page: Page) -> str:
    """The page as gopher-menu shows it: blank rows after every block (the truth)."""
    blank = " " * 7 + "\n"
    out = [HEADING + "\n", blank, " " * 7 + LEAD + "\n", blank]
    for _, rows in page.blocks:
        out += [" " * 7 + row + "\n" for row in rows] + [blank]
    return "".join([*out, " " * 7 + DATE + "\n"])


def meulie_framed(page: Page) -> str:
    """The page as meulie-framed shows it: no blank rows, rows over 80 bytes cut."""
    rows = [HEADING, LEAD, *(row for _, block in page.blocks for row in block), DATE]
    return "".join(f"| {cut(row)} | |\n" for row in rows)


def cut(row: str) -> str:
    """A row as a proxy passes it: over 80 UTF-8 bytes, 79 bytes and ``…``."""
    data = row.encode("utf-8")
    if len(data) <= 80:
        return row
    return data[:79].decode("utf-8", "replace") + "\u2026"
