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
from .models import Article, Document, Entry, Line, Listing, Note, Paragraph, Stray, Subhead

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


def _entry_units(kind: str, items: Iterable[object]) -> list[Unit]:
    units = []
    for item in items:
        if isinstance(item, Entry):
            if item.title is not None:
                units.append(_unit(f"{kind}-title", [item.title]))
            if item.teaser:
                units.append(_unit(f"{kind}-teaser", item.teaser))
        elif isinstance(item, Note):
            units.append(_unit("note", [item]))
    return units


def _article_units(page: Article) -> list[Unit]:
    units = [_unit("title", [page.title])]
    if page.lead is not None:
        units.append(_unit("lead", page.lead.lines))
    if page.picture is not None:
        units.append(_unit("picture", [page.picture]))
    text: list[Line] = []
    for block in page.body:
        if isinstance(block, Paragraph):
            text.extend(block.lines)
            continue
        if text:
            units.append(_unit("text", text))
            text = []
        if isinstance(block, Subhead):
            units.append(_unit("subhead", [block]))
    if text:
        units.append(_unit("text", text))
    if page.date is not None:
        units.append(_unit("date", [page.date]))
    for section in page.sections:
        if isinstance(section, Stray):
            continue
        heading = section.heading
        units.append(_unit("section", [heading]))
        units += _entry_units("related", section.items)
        units += [
            _unit(heading.text.lower(), [item])
            for item in section.items
            if isinstance(item, Line) and not isinstance(item, Note)  # strays are no content
        ]
    return units


def content_units(doc: Document) -> tuple[Unit, ...]:
    """The document's content as units, in order (strays left out).

    Added in version 0.1.0.
    """
    if isinstance(doc.page, Article):
        return tuple(_article_units(doc.page))
    if isinstance(doc.page, Listing):
        return tuple([_unit("title", [doc.page.title]), *_entry_units("entry", doc.page.items)])
    return ()


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
