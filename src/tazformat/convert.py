"""Re-rendering: a document in another rendering's canonical form.

``convert`` drops every row's framing, so that the serializer writes each
row in the canonical framing of the target rendering, with its blank rows,
header and footer. Where the target stands text blocks on one long row
(Gemini) and the source wrapped them, or the other way round, the blocks
are joined or re-wrapped at ``WRAP`` columns. Paragraphs and verses the
wrap rule recovered (``tazformat.wrapping``) are blocks of their own, so a
rendering that keeps blank rows gets one after each, as its proxy serves it.
Content is kept: ``same_content(doc, loads(dumps(doc, rendering=name)))``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TypeVar

import attrs

from .models import (
    Article,
    Document,
    Entry,
    Lead,
    Line,
    Listing,
    Note,
    Page,
    Paragraph,
    RowNode,
    Section,
    Stray,
)
from .renderings import Rendering, get
from .wrapping import WRAP

N = TypeVar("N", bound=RowNode)


def _bare(line: N) -> N:
    return attrs.evolve(line, framing=None)


def _block(lines: Sequence[Line], target: Rendering) -> tuple[Line, ...]:
    """A text block's rows, joined or re-wrapped for the target."""
    if not lines:
        return ()
    text = " ".join(line.text for line in lines)
    if target.unwrapped:
        return (Line(text, truncated=any(line.truncated for line in lines)),)
    if all(len(line.text) <= WRAP for line in lines):
        return tuple(_bare(line) for line in lines)
    wrapped = textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False)
    return tuple(Line(row) for row in wrapped or [text])


def _item(item: Entry | Note | Stray, target: Rendering) -> Entry | Note | Stray:
    if isinstance(item, Entry):
        title = None if item.title is None else _bare(item.title)
        return Entry(title, _block(item.teaser, target))
    return _bare(item)


def _section(section: Section | Stray, target: Rendering) -> Section | Stray:
    """A section, each row bare and each entry's teaser joined or re-wrapped."""
    if isinstance(section, Stray):
        return _bare(section)
    items = tuple(_item(i, target) if isinstance(i, Entry) else _bare(i) for i in section.items)
    return type(section)(_bare(section.heading), items)


def _page(page: Page, target: Rendering) -> Page:
    if isinstance(page, Listing):
        return Listing(_bare(page.title), tuple(_item(i, target) for i in page.items))
    body = tuple(
        Paragraph(_block(block.lines, target)) if isinstance(block, Paragraph) else _bare(block)
        for block in page.body
    )
    return Article(
        _bare(page.title),
        None if page.lead is None else Lead(_block(page.lead.lines, target)),
        None if page.picture is None else _bare(page.picture),
        body,
        None if page.date is None else _bare(page.date),
        tuple(_bare(s) for s in page.after_date),
        tuple(_section(s, target) for s in page.sections),
    )


def convert(doc: Document, rendering: str) -> Document:
    """The document in the canonical form of the rendering called ``rendering``.

    Raises:
        KeyError: for an unknown rendering name.

    """
    target = get(rendering)
    page = None if doc.page is None else _page(doc.page, target)
    return Document(
        target.name,
        page,
        header=target.header,
        prelude=tuple(_bare(s) for s in doc.prelude),
        footer=target.footer,
    )
