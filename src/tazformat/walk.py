"""Walks of a document that need no ladder of node types.

``Document.placed`` gives every row as it is written (each container
places its own rows); ``paths`` names every row node by where it stands,
read from the attrs fields of the nodes, so a new node type is walked
without a change here. The serializer asks for a path only when it refuses
a row. ``blocks`` gives the parts of an article's body a reader walks:
runs of text between subheads.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .models import Article, Line, Paragraph, RowNode, Subhead

__all__ = ["Stretch", "path_of", "paths", "stretches"]


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
