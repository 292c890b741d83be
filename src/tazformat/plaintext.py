"""Plain-text export: the page as a reader would read it, no framing."""

from __future__ import annotations

from .errors import document_expected
from .export import body_text
from .models import Article, Document, Entry, Listing
from .vocabulary import PICTURE_MARKUP


def _entry(entry: Entry) -> str:
    title = entry.title.text if entry.title is not None else ""
    return "\n".join(part for part in (title, entry.teaser_text) if part)


def to_text(doc: Document) -> str:
    """The page as plain text: title, lead, body, date; or a listing's entries.

    Added in version 0.1.0.

    Rows are unwrapped, inline references resolved to their text, and blocks
    separated by blank lines. A document without a page gives ``""``.
    """
    if not isinstance(doc, Document):
        raise document_expected("to_text", doc)
    page = doc.page
    if isinstance(page, Listing):
        blocks = [page.title.text, *(_entry(entry) for entry in page.entries)]
    elif isinstance(page, Article):
        blocks = [
            page.title.text,
            page.lead.text if page.lead is not None else "",
            PICTURE_MARKUP + page.picture.text if page.picture is not None else "",
            body_text(page),
            page.date.text if page.date is not None else "",
        ]
    else:
        return ""
    return "\n\n".join(block for block in blocks if block) + "\n"
