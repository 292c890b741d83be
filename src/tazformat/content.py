"""Comparing pages by content, leaving out framing, spans, wrapping and damage.

One page captured through two renderings differs in everything but its
content: framing, blank rows, where rows wrap, which rows a proxy cut, where
the capture ends. ``content_units`` reduces a document to what taz
served — a sequence of ``(kind, text)`` units with rows joined by single
spaces — and ``same_content`` compares two such sequences, allowing for
the damage each capture shows:

- a row a proxy cut (``…``) matches any text that starts like it;
- a capture may end before the other, holding fewer units: a capture cut
  at the end of a row leaves no mark, so its units need only be whole;
- only a capture that was cut inside a row (``Document.truncated``) may
  end inside a unit: its last unit need only be the start of the other's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .damage import ELLIPSIS, REPLACEMENT
from .models import (
    DateRow,
    Document,
    Entry,
    Lead,
    Line,
    Note,
    Paragraph,
    Picture,
    Section,
    Stray,
    Subhead,
    Title,
)
from .walk import Visitor, visit

__all__ = ["Unit", "content_units", "same_content"]


@attrs.frozen
class Unit:
    """One piece of content: its kind and its rows, without framing."""

    kind: str
    """What the piece is: ``title``, ``lead``, ``text``, ``subhead``, ``tag``…"""
    rows: tuple[Line, ...]
    """The rows that hold it."""

    @property
    def text(self) -> str:
        """The rows' text joined by single spaces."""
        return " ".join(row.text for row in self.rows)

    def pattern(self) -> re.Pattern[str]:
        """A pattern for the text, each proxy-cut row's lost rest a wildcard."""
        parts = []
        for row in self.rows:
            if row.truncated:
                kept = row.text.removesuffix(ELLIPSIS).rstrip(REPLACEMENT)
                parts.append(re.escape(kept) + ".*?")
            else:
                parts.append(re.escape(row.text))
        return re.compile(" ".join(parts), re.DOTALL)


def _unit(kind: str, rows: Iterable[Line]) -> Unit:
    return Unit(kind, tuple(rows))


class _Units(Visitor):
    """Collects the units of a page as ``visit`` leads it through its parts.

    Body rows between subheads and stray rows make one ``text`` unit; a
    tail section gives a ``section`` unit for its heading, then one unit an
    item: named by the section's name (``tags``) for a row item, or
    ``related-title``/``related-teaser`` for an entry (``entry-…`` in a
    listing). Stray rows are no content.
    """

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self._text: list[Line] = []

    def _add(self, kind: str, rows: Iterable[Line]) -> None:
        self.flush()
        self.units.append(_unit(kind, rows))

    def flush(self) -> None:
        """End the body text gathered so far as one ``text`` unit."""
        if self._text:
            self.units.append(_unit("text", self._text))
            self._text = []

    def title(self, title: Title) -> None:
        self._add("title", [title])

    def lead(self, lead: Lead) -> None:
        self._add("lead", lead.lines)

    def picture(self, picture: Picture) -> None:
        self._add("picture", [picture])

    def paragraph(self, paragraph: Paragraph) -> None:
        self._text.extend(paragraph.lines)

    def subhead(self, subhead: Subhead) -> None:
        self._add("subhead", [subhead])

    def stray(self, stray: Stray, section: Section | None) -> None:
        self.flush()  # a stray row ends the text around it, and is no content

    def date(self, date: DateRow) -> None:
        self._add("date", [date])

    def section(self, section: Section) -> None:
        self._add("section", [section.heading])

    def item(self, item: Line, section: Section) -> None:
        self._add(section.heading.text.lower(), [item])

    def entry(self, entry: Entry, section: Section | None) -> None:
        kind = "entry" if section is None else "related"
        if entry.title is not None:
            self._add(f"{kind}-title", [entry.title])
        if entry.teaser:
            self._add(f"{kind}-teaser", entry.teaser)

    def note(self, note: Note, section: Section | None) -> None:
        self._add("note", [note])


def content_units(doc: Document) -> tuple[Unit, ...]:
    """The document's content as units, in order (strays left out).

    Added in version 0.1.0.
    """
    units = visit(doc.page, _Units())
    units.flush()
    return tuple(units.units)


def _matches(a: Unit, b: Unit, *, a_cut: bool = False, b_cut: bool = False) -> bool:
    """Say whether two units agree.

    ``a_cut`` lets ``a`` be the start of ``b`` (``a`` ends a capture that was
    cut), ``b_cut`` the other way round.
    """
    if a.kind != b.kind:
        return False
    if a.text == b.text or a.pattern().fullmatch(b.text) or b.pattern().fullmatch(a.text):
        return True
    return bool((a_cut and a.pattern().match(b.text)) or (b_cut and b.pattern().match(a.text)))


def same_content(a: Document, b: Document) -> bool:
    """Say whether two documents hold the same page, as far as both go.

    Added in version 0.1.0.

    The units both documents hold must agree one by one: a proxy-cut row
    matches the text it was cut from. One capture may hold fewer units than
    the other (it was cut where a row ended), but only a capture that was
    cut inside a row (``truncated``) may end inside a unit: its last unit
    need only be the start of the other's. Framing, blank rows, wrapping,
    spans and strays do not count.
    """
    units_a, units_b = content_units(a), content_units(b)
    if len(units_a) > len(units_b):
        a, b, units_a, units_b = b, a, units_b, units_a
    shorter = len(units_a)
    if shorter == 0:
        return not units_b
    last = shorter - 1
    cut_a = a.truncated
    cut_b = b.truncated and shorter == len(units_b)
    return all(
        _matches(units_a[i], units_b[i], a_cut=cut_a and i == last, b_cut=cut_b and i == last)
        for i in range(shorter)
    )
