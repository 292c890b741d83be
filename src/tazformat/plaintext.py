"""Plain-text export: the page as a reader would read it, no framing."""

from __future__ import annotations

from .errors import document_expected
from .export import BodyText
from .models import DateRow, Document, Entry, Lead, Picture, Section, Title
from .vocabulary import PICTURE_MARKUP
from .walk import visit


class _Text(BodyText):
    """The blocks a reader reads: title, lead, picture, body, date; or a listing's entries."""

    def title(self, title: Title) -> None:
        self.blocks.append(title.text)

    def lead(self, lead: Lead) -> None:
        self.blocks.append(lead.text)

    def picture(self, picture: Picture) -> None:
        self.blocks.append(PICTURE_MARKUP + picture.text)

    def date(self, date: DateRow) -> None:
        self.blocks.append(date.text)

    def entry(self, entry: Entry, section: Section | None) -> None:
        if section is None:  # a listing's entry; an article's related ones are not its text
            title = entry.title.text if entry.title is not None else ""
            self.blocks.append("\n".join(part for part in (title, entry.teaser_text) if part))


def to_text(doc: Document) -> str:
    """The page as plain text: title, lead, body, date; or a listing's entries.

    Added in version 0.1.0.

    Rows are unwrapped, inline references resolved to their text, and blocks
    separated by blank lines. A document without a page gives ``""``.
    """
    if not isinstance(doc, Document):
        raise document_expected("to_text", doc)
    if doc.page is None:
        return ""
    blocks = visit(doc.page, _Text()).blocks
    return "\n\n".join(block for block in blocks if block) + "\n"
