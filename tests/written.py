"""Helpers of the edit tests: a listing, a page in a rendering, what ``dumps`` makes of an edit."""

from __future__ import annotations

import tazformat
from tazformat.errors import EditError
from tazformat.models import Document

LISTING = (
    "# taz.de -- Nord\n"
    "       \n"
    " (DIR) Hafen: Die Kräne stehen still\n"
    "       \n"
    "       Seit Montag wird gestreikt.\n"
)
"""A listing in the gopher menu rendering, written for these tests: entry titles are link items."""


def written_or_refused(doc: Document, rendering: str | None = None) -> str | EditError:
    """What ``dumps(doc, rendering=rendering)`` gives: its text, or the error it raised."""
    try:
        return tazformat.dumps(doc, rendering=rendering)
    except EditError as error:
        return error


def in_rendering(doc: Document, rendering: str) -> Document:
    """``doc`` as parsed from its text in ``rendering``."""
    return tazformat.loads(tazformat.dumps(doc, rendering=rendering), rendering=rendering)


def row_kinds(doc: Document) -> list[tuple[str, str]]:
    """Each row of ``doc`` as its node's class and its text."""
    return [(type(row).__name__, row.text) for row in doc.rows()]
