"""Walks of a document that need no ladder of node types.

``Document.placed`` gives every row as it is written (each container
places its own rows); ``paths`` names every row node by where it stands,
read from the attrs fields of the nodes, so a new node type is walked
without a change here. The serializer asks for a path only when it refuses
a row. ``map_rows`` rebuilds a tree with each row mapped, the same way;
re-rendering is such a map. ``visit`` leads a ``Visitor`` through the parts
of a page a reader meets, in page order: the exports (``to_dict``,
``to_text``, ``to_markdown``) and the content comparison are visitors, and
a tail section reaches them as a ``Section`` (its ``name()``, its items
by ``item_node``), so a new one needs no change in them. ``stretches``
splits an article's body at its subheads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from .models import (
    Article,
    DateRow,
    Entry,
    Lead,
    Line,
    Listing,
    Note,
    Page,
    Paragraph,
    Picture,
    RowNode,
    Section,
    Stray,
    Subhead,
    Title,
)

__all__ = [
    "TEXT_RUNS",
    "Stretch",
    "Visitor",
    "map_rows",
    "path_of",
    "paths",
    "section_key",
    "stretches",
    "visit",
]

T = TypeVar("T")
V = TypeVar("V", bound="Visitor")


def paths(node: object, path: str = "") -> Iterator[tuple[str, RowNode]]:
    """Every row node under ``node`` with its path (``page.body[2].lines[0]``), in field order."""
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        where = f"{path}.{field.name}" if path else field.name
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from _visit(item, f"{where}[{index}]")
        else:
            yield from _visit(value, where)


def _visit(value: object, path: str) -> Iterator[tuple[str, RowNode]]:
    if isinstance(value, RowNode):
        yield path, value
    elif attrs.has(type(value)):
        yield from paths(value, path)


def path_of(node: object, row: RowNode) -> str:
    """Where ``row`` (this very object) stands under ``node``, or ``"?"``."""
    return next((path for path, found in paths(node) if found is row), "?")


TEXT_RUNS: dict[type, str] = {Paragraph: "lines", Lead: "lines", Entry: "teaser"}
"""The fields that hold one run of text, by node type: rows that a rendering
may wrap, so that re-rendering may join or re-wrap them."""

Rows = tuple[Line, ...]
"""The rows of one run of text."""


def map_rows(
    node: T, row: Callable[[Any], RowNode], run: Callable[[Rows], Rows] | None = None
) -> T:
    """``node`` rebuilt with each row under it mapped by ``row``.

    The tree is read from the attrs fields of its nodes, as ``paths`` reads
    it. Each run of text (``TEXT_RUNS``) goes to ``run`` whole, where one is
    given, instead of row by row. A value that is neither a row nor an attrs
    node is kept.
    """
    if isinstance(node, RowNode):
        return row(node)  # type: ignore[return-value]
    kind = type(node)
    fields = _FIELDS.get(kind)
    if fields is None:
        if not attrs.has(kind):
            return node
        fields = _FIELDS[kind] = tuple(
            (field.name, field.alias or field.name) for field in attrs.fields(kind) if field.init
        )
    text = TEXT_RUNS.get(kind) if run is not None else None
    changes: dict[str, Any] = {}
    for name, alias in fields:
        value = getattr(node, name)
        if name == text and run is not None:
            changes[alias] = run(value)
        elif type(value) is tuple:
            changes[alias] = tuple(
                [row(i) if isinstance(i, RowNode) else map_rows(i, row, run) for i in value]
            )
        elif value is None or type(value) is str:
            changes[alias] = value
        elif isinstance(value, RowNode):
            changes[alias] = row(value)
        else:
            changes[alias] = map_rows(value, row, run)
    return kind(**changes)


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}
"""The fields of each attrs node type ``map_rows`` has met: name and argument name."""


def section_key(section: type[Section] | Section) -> str:
    """The key a reader names a tail section by: its class name in lower case (``authors``)."""
    kind = section if isinstance(section, type) else type(section)
    return kind.__name__.lower()


class Visitor:
    """A reader of a page: one method for each part, each doing nothing here.

    ``visit`` calls them in page order. A subclass overrides the parts it
    reads. A tail section comes as ``section`` and then its items, each as
    ``item`` (a row of the section's ``item_node``), ``entry``, ``note`` or
    ``stray`` with the section it stands in; the items of a listing come
    with ``None`` for the section.
    """

    def title(self, title: Title) -> None:
        """The page heading."""

    def lead(self, lead: Lead) -> None:
        """The lead."""

    def picture(self, picture: Picture) -> None:
        """The picture item."""

    def paragraph(self, paragraph: Paragraph) -> None:
        """A paragraph of the body."""

    def subhead(self, subhead: Subhead) -> None:
        """A subhead of the body."""

    def stray(self, stray: Stray, section: Section | None) -> None:
        """A row no rule understands: in the body, after the date, in a section or listing."""

    def date(self, date: DateRow) -> None:
        """The date row."""

    def section(self, section: Section) -> None:
        """A tail section, before its items."""

    def item(self, item: Line, section: Section) -> None:
        """A row item of a tail section (an author, a tag, a link target…)."""

    def entry(self, entry: Entry, section: Section | None) -> None:
        """A listed article: in a section of entries, or in a listing (``None``)."""

    def note(self, note: Note, section: Section | None) -> None:
        """A row among entries that is neither a title nor a teaser."""


def _items(items: tuple[object, ...], visitor: Visitor, section: Section | None) -> None:
    for item in items:
        if isinstance(item, Entry):
            visitor.entry(item, section)
        elif isinstance(item, Note):
            visitor.note(item, section)
        elif isinstance(item, Stray):
            visitor.stray(item, section)
        elif section is not None and isinstance(item, Line):
            visitor.item(item, section)


def visit(page: Page | None, visitor: V) -> V:
    """Lead ``visitor`` through the parts of ``page`` in page order; give it back.

    An article gives its title, lead, picture, body (paragraphs, subheads,
    stray rows), date, the stray rows after it and its tail sections; a
    listing its title and its items. ``None`` (no page) gives nothing.
    """
    if isinstance(page, Listing):
        visitor.title(page.title)
        _items(page.items, visitor, None)
    elif isinstance(page, Article):
        _article(page, visitor)
    return visitor


def _article(page: Article, visitor: Visitor) -> None:
    visitor.title(page.title)
    if page.lead is not None:
        visitor.lead(page.lead)
    if page.picture is not None:
        visitor.picture(page.picture)
    for block in page.body:
        if isinstance(block, Paragraph):
            visitor.paragraph(block)
        elif isinstance(block, Subhead):
            visitor.subhead(block)
        else:
            visitor.stray(block, None)
    if page.date is not None:
        visitor.date(page.date)
    for stray in page.after_date:
        visitor.stray(stray, None)
    for section in page.sections:
        if isinstance(section, Stray):
            visitor.stray(section, None)
        else:
            visitor.section(section)
            _items(section.items, visitor, section)


@attrs.frozen
class Stretch:
    """The body between two subheads: the subhead before it and its paragraphs."""

    heading: Subhead | None
    """The subhead the stretch follows, ``None`` for the body's start."""
    paragraphs: list[Paragraph]
    """The paragraphs, in order (stray rows left out)."""

    @property
    def lines(self) -> list[Line]:
        """The rows of the paragraphs, in order."""
        return [line for paragraph in self.paragraphs for line in paragraph.lines]


def stretches(article: Article) -> list[Stretch]:
    """The body as stretches: one before the first subhead, then one after each."""
    found = [Stretch(None, [])]
    for block in article.body:
        if isinstance(block, Subhead):
            found.append(Stretch(block, []))
        elif isinstance(block, Paragraph):
            found[-1].paragraphs.append(block)
    return found
