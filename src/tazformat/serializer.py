"""The serializer: models back to text, in the document's rendering.

The last step of the data flow. Each row is written as its framing's
prefix, its kind's markup and its text (less any markup the rendering
hides), the framing's suffix, line ending and the blank rows after it. A
node without framing (built or edited in code) gets the canonical framing
of the document's rendering.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import (
    TITLE_MARKUP,
    Article,
    Document,
    Entry,
    Line,
    Links,
    Listing,
    Note,
    Paragraph,
    Section,
    Stray,
    Subhead,
    Title,
)
from .renderings import Rendering, get
from .transformer import MARKUP


class _Writer:
    """Collects the pieces of the output text."""

    def __init__(self, rendering: Rendering) -> None:
        self.rendering = rendering
        self.parts: list[str] = []

    def row(self, line: Line, kind: str = "TEXT", tag: str = "i", *, end: bool = False) -> None:
        """Write one row; ``end`` marks the last row of a block (for blank rows)."""
        framing = line.framing
        if framing is None:
            framing = self.rendering.frame(kind, tag, line.text)
            gap = self.rendering.blank if end else ""
        else:
            gap = framing.gap
        if isinstance(line, Title):
            markup = line.markup or (TITLE_MARKUP if kind == "HEADING" else "")
        else:
            markup = MARKUP.get(kind, "")
        content = markup + line.text
        if framing.hidden:
            content = content[len(framing.hidden) :]
        self.parts += (framing.prefix, content, framing.suffix, framing.newline, gap)

    def rows(self, lines: Sequence[Line], kind: str = "TEXT") -> None:
        """Write the rows of one block."""
        for index, line in enumerate(lines, 1):
            self.row(line, kind, end=index == len(lines))

    def item(self, item: Entry | Note | Stray) -> None:
        if not isinstance(item, Entry):
            self.row(item, end=True)
            return
        if item.title is not None:
            self.row(item.title, "ITEM", "l", end=True)
        self.rows(item.teaser)

    def article(self, page: Article) -> None:
        self.row(page.title, "HEADING", end=True)
        if page.lead is not None:
            self.rows(page.lead.lines, "LEAD")
        if page.picture is not None:
            self.row(page.picture, "PICTURE", "m", end=True)
        for block in page.body:
            if isinstance(block, Paragraph):
                self.rows(block.lines)
            elif isinstance(block, Subhead):
                self.row(block, "SUBHEAD", end=True)
            else:
                self.row(block, end=True)
        if page.date is not None:
            self.row(page.date, "DATE", end=True)
        for stray in page.after_date:
            self.row(stray, end=True)
        for section in page.sections:
            self.section(section)

    def section(self, section: Section | Stray) -> None:
        if isinstance(section, Stray):
            self.row(section, end=True)
            return
        self.row(section.heading, "SECTION_HEAD", end=True)
        kind = "LINK_TARGET" if isinstance(section, Links) else "TEXT"
        plain = [item for item in section.items if not isinstance(item, Entry | Note)]
        for item in section.items:
            if isinstance(item, Entry | Note):
                self.item(item)
            else:
                self.row(item, kind, end=item is plain[-1])

    def listing(self, page: Listing) -> None:
        self.row(page.title, "HEADING", end=True)
        for item in page.items:
            self.item(item)


def serialize(doc: Document, rendering: Rendering | None = None) -> str:
    """Write ``doc`` as text in its rendering (or in ``rendering``)."""
    writer = _Writer(rendering or get(doc.rendering))
    writer.parts.append(doc.header)
    for stray in doc.prelude:
        writer.row(stray)
    if isinstance(doc.page, Article):
        writer.article(doc.page)
    elif isinstance(doc.page, Listing):
        writer.listing(doc.page)
    writer.parts.append(doc.footer)
    return "".join(writer.parts)
