"""The public functions: ``loads``, ``dumps``, ``load``, ``dump``.

``loads`` runs the data flow text → rendering → rows → grammar → models;
``dumps`` runs models → text. ``dumps(loads(text)) == text`` for every
``str``.
"""

from __future__ import annotations

import itertools
import operator
from typing import IO

from . import renderings
from .convert import convert
from .errors import ParseError
from .grammar import parse_rows
from .models import Diagnostic, Document
from .rows import peel, segments, split_lines
from .serializer import serialize

PLACE = operator.attrgetter("line", "column")
"""Where a diagnostic stands: diagnostics are sorted by it."""

BOM = "\ufeff"
"""A byte order mark opening a text is kept with the header, not the first row."""


def loads(text: str | bytes, *, strict: bool = False, rendering: str | None = None) -> Document:
    """Parse a taz dump.

    Added in version 0.1.0.

    Args:
        text: The dump. ``bytes`` are decoded as UTF-8 with
            ``surrogateescape``, so invalid bytes survive a round trip
            through ``dumps`` and ``.encode("utf-8", "surrogateescape")``.
        strict: Raise ``ParseError`` at the first row that is not part
            of a complete, undamaged page, instead of recording diagnostics.
        rendering: The name of a rendering to use instead of detecting one.

    Returns:
        The parsed document. In the default, tolerant mode every text gives
        a document, and ``dumps(loads(text)) == text``.

    Raises:
        ParseError: in strict mode, for damage or a row no rule understands.
        KeyError: for an unknown ``rendering`` name.

    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    bom = BOM if text.startswith(BOM) else ""
    parts = segments(text[len(bom) :])
    if rendering is None:
        chosen, notes = renderings.detect(parts.lines)
    else:
        chosen, notes = renderings.get(rendering), ()
    rows = peel(parts, chosen)
    prelude, page, noticed = parse_rows(rows.rows)
    found = [*notes, *rows.diagnostics]
    if page is None and rows.rows:
        first = rows.rows[0]
        found.append(
            Diagnostic(
                "no-page",
                "no taz heading ('# taz.de -- …') was found",
                first.line,
                first.column,
                ("HEADING",),
            )
        )
    found += noticed
    diagnostics = tuple(sorted(found, key=PLACE))
    if strict and diagnostics:
        raise _error(diagnostics[0], text)
    return Document(
        chosen.name,
        page,
        header=bom + rows.header,
        prelude=prelude,
        footer=rows.footer,
        diagnostics=diagnostics,
        truncated=rows.truncated,
    )


def _error(diagnostic: Diagnostic, text: str) -> ParseError:
    source = next(itertools.islice(split_lines(text), diagnostic.line - 1, None), ("", ""))[0]
    return ParseError(
        diagnostic.message,
        line=diagnostic.line,
        column=diagnostic.column,
        expected=diagnostic.expected,
        code=diagnostic.code,
        source_line=source,
    )


def dumps(doc: Document, *, rendering: str | None = None) -> str:
    """Write a document back as text.

    Added in version 0.1.0.

    Args:
        doc: The document.
        rendering: Write the page in this rendering's canonical form instead
            of the document's own (see ``tazformat.convert.convert``).

    Returns:
        The text. For a parsed, unedited document and no ``rendering``, this
        is exactly the parsed text.

    Raises:
        KeyError: for an unknown ``rendering`` name.

    """
    if rendering is not None:
        doc = convert(doc, rendering)
    return serialize(doc)


def load(
    fp: IO[str] | IO[bytes], *, strict: bool = False, rendering: str | None = None
) -> Document:
    """Parse a dump from a file object (text or binary).

    Added in version 0.1.0.

    Open text files with ``newline=""`` so that line endings reach the
    parser as they are.
    """
    return loads(fp.read(), strict=strict, rendering=rendering)


def dump(doc: Document, fp: IO[str]) -> None:
    """Write a document to a text file object (open it with ``newline=""``).

    Added in version 0.1.0.
    """
    fp.write(dumps(doc))
