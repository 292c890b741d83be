"""Re-rendering: a document in another rendering's canonical form.

``convert`` maps the page's rows (``walk.map_rows``): each row's framing is
dropped, so that the serializer writes it in the canonical framing of the
target rendering, with its blank rows, header and footer. Where the target
stands text blocks (``walk.TEXT_RUNS``: paragraphs, the lead, teasers) on
one long row (Gemini) and the source wrapped them, or the other way round,
the blocks are joined or re-wrapped at ``WRAP`` columns. Paragraphs and
verses the wrap rule recovered (``tazformat.wrapping``) are blocks of their
own, so a rendering that keeps blank rows gets one after each, as its proxy
serves it. Content is kept:
``same_content(doc, loads(dumps(doc, rendering=name)))``.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Sequence
from typing import TypeVar

import attrs

from .models import Document, Line, RowNode
from .renderings import Rendering, get
from .walk import map_rows
from .wrapping import WRAP

N = TypeVar("N", bound=RowNode)


def _bare(row: N) -> N:
    """The row in the canonical framing of the document's rendering."""
    if row.framing is None:
        return row
    kind = type(row)
    names = _ROW_FIELDS.get(kind)
    if names is None:
        names = _ROW_FIELDS[kind] = tuple(
            (field.name, field.alias or field.name)
            for field in attrs.fields(kind)
            if field.init and field.name != "framing"
        )
    return kind(**{alias: getattr(row, name) for name, alias in names})  # framing: the default


_ROW_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}
"""The fields of each row type but its framing: name and argument name (``attrs.evolve``
reads them each time)."""


def _block(lines: Sequence[Line], target: Rendering) -> tuple[Line, ...]:
    """A text block's rows, joined or re-wrapped for the target.

    A row a proxy cut (79 bytes and ``…``) is kept as it stands where rows are
    wrapped: re-wrapped, it would no longer read as cut. The rows between
    cut rows are re-wrapped where one is longer than ``WRAP``.
    """
    if not lines:
        return ()
    if target.unwrapped:
        text = " ".join(line.text for line in lines)
        return (Line(text, truncated=any(line.truncated for line in lines)),)
    rows: list[Line] = []
    run: list[Line] = []
    for line in lines:
        if line.truncated:
            rows += _wrapped(run)
            rows.append(_bare(line))
            run = []
        else:
            run.append(line)
    return (*rows, *_wrapped(run))


def _wrapped(lines: Sequence[Line]) -> list[Line]:
    """Rows of text as they stand, or re-wrapped at ``WRAP`` where one is longer."""
    if all(len(line.text) <= WRAP for line in lines):
        return [_bare(line) for line in lines]
    text = " ".join(line.text for line in lines)
    wrapped = textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False)
    return [Line(row) for row in wrapped or [text]]


def convert(doc: Document, rendering: str) -> Document:
    """The document in the canonical form of the rendering called ``rendering``.

    Raises:
        KeyError: for an unknown rendering name.

    """
    target = get(rendering)
    page = map_rows(doc.page, _bare, functools.partial(_block, target=target))
    return Document(
        target.name,
        page,
        header=target.header,
        prelude=tuple(_bare(s) for s in doc.prelude),
        footer=target.footer,
    )
