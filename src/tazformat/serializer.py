"""The serializer: models back to text, in the document's rendering.

The last step of the data flow. Each row is written as its framing's
prefix, its kind's markup, its text, the framing's suffix, line ending and
the blank rows after it. A node without framing (built or edited in code)
gets the canonical framing of the document's rendering.
"""

from __future__ import annotations

from .models import (
    Article,
    Authors,
    Document,
    Entry,
    Line,
    Links,
    Listing,
    Paragraph,
    Related,
    Stray,
    Subhead,
    Tags,
)
from .renderings import Rendering, get
from .transformer import MARKUP


class _Writer:
    """Collects the pieces of the output text."""

    def __init__(self, rendering: Rendering) -> None:
        self.rendering = rendering
        self.parts: list[str] = []

    def row(self, line: Line, markup: str = "", tag: str = "i") -> None:
        framing = line.framing or self.rendering.frame(tag)
        self.parts.extend(
            (framing.prefix, markup, line.text, framing.suffix, framing.newline, framing.gap)
        )

    def entry(self, item: Entry | Stray) -> None:
        if isinstance(item, Stray):
            self.row(item)
            return
        self.row(item.title, tag="l")
        for line in item.teaser:
            self.row(line)

    def article(self, page: Article) -> None:
        self.row(page.title, MARKUP["HEADING"])
        if page.lead is not None:
            for line in page.lead.lines:
                self.row(line, MARKUP["LEAD"])
        if page.picture is not None:
            self.row(page.picture, MARKUP["PICTURE"], "m")
        for block in page.body:
            if isinstance(block, Paragraph):
                for line in block.lines:
                    self.row(line)
            elif isinstance(block, Subhead):
                self.row(block, MARKUP["SUBHEAD"])
            else:
                self.row(block)
        if page.date is not None:
            self.row(page.date)
        for stray in page.after_date:
            self.row(stray)
        for section in page.sections:
            self.section(section)

    def section(self, section: Links | Authors | Tags | Related | Stray) -> None:
        if isinstance(section, Stray):
            self.row(section)
            return
        self.row(section.heading, "## ")
        if isinstance(section, Related):
            for item in section.items:
                self.entry(item)
            return
        for line in section.items:
            self.row(line)

    def listing(self, page: Listing) -> None:
        self.row(page.title, MARKUP["HEADING"])
        for item in page.items:
            self.entry(item)


def serialize(doc: Document) -> str:
    """Write ``doc`` as text in its rendering."""
    writer = _Writer(get(doc.rendering))
    writer.parts.append(doc.header)
    for stray in doc.prelude:
        writer.row(stray)
    if isinstance(doc.page, Article):
        writer.article(doc.page)
    elif isinstance(doc.page, Listing):
        writer.listing(doc.page)
    return "".join(writer.parts)


__all__ = ["serialize"]
