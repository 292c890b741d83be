"""The serializer: models back to text, in the document's rendering.

The last step of the data flow. Each row is written as its framing's
prefix, its kind's markup and its text (less any markup the rendering
hides), the framing's suffix, line ending and the blank rows after it. A
node without framing (built or edited in code) gets the canonical framing
of the document's rendering.
"""

from __future__ import annotations

from .models import (
    Article,
    Document,
    Entry,
    Line,
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

    def row(self, line: Line, kind: str = "TEXT", tag: str = "i") -> None:
        framing = line.framing or self.rendering.frame(kind, tag)
        markup = line.markup if isinstance(line, Title) else MARKUP.get(kind, "")
        content = markup + line.text
        if framing.hidden:
            content = content[len(framing.hidden) :]
        self.parts += (framing.prefix, content, framing.suffix, framing.newline, framing.gap)

    def item(self, item: Entry | Note | Stray) -> None:
        if not isinstance(item, Entry):
            self.row(item)
            return
        if item.title is not None:
            self.row(item.title, "ITEM", "l")
        for line in item.teaser:
            self.row(line)

    def article(self, page: Article) -> None:
        self.row(page.title, "HEADING")
        if page.lead is not None:
            for line in page.lead.lines:
                self.row(line, "LEAD")
        if page.picture is not None:
            self.row(page.picture, "PICTURE", "m")
        for block in page.body:
            if isinstance(block, Paragraph):
                for line in block.lines:
                    self.row(line)
            elif isinstance(block, Subhead):
                self.row(block, "SUBHEAD")
            else:
                self.row(block)
        if page.date is not None:
            self.row(page.date, "DATE")
        for stray in page.after_date:
            self.row(stray)
        for section in page.sections:
            self.section(section)

    def section(self, section: Section | Stray) -> None:
        if isinstance(section, Stray):
            self.row(section)
            return
        self.row(section.heading, "SECTION_HEAD")
        for item in section.items:
            if isinstance(item, Entry | Note):
                self.item(item)
            else:
                self.row(item, "LINK_TARGET" if section.heading.text == "LINKS" else "TEXT")

    def listing(self, page: Listing) -> None:
        self.row(page.title, "HEADING")
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
