"""A helper of the edit tests: the text ``dumps`` writes, or the ``EditError`` it raises."""

from __future__ import annotations

import tazformat
from tazformat.errors import EditError
from tazformat.models import Document


def written_or_refused(doc: Document, rendering: str | None = None) -> str | EditError:
    """What ``dumps(doc, rendering=rendering)`` gives: its text, or the error it raised."""
    try:
        return tazformat.dumps(doc, rendering=rendering)
    except EditError as error:
        return error
