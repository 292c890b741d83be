"""The public functions: ``loads``, ``dumps``, ``load``, ``dump``.

``loads`` runs the data flow text → rendering → rows → grammar → models;
``dumps`` runs models → text. ``dumps(loads(text)) == text`` for every
``str``.
"""

from __future__ import annotations

import io
import itertools
import operator
import re
from typing import IO, cast

from . import renderings
from .codes import Code
from .convert import convert
from .damage import KEEP_BYTES, at_excerpt_cap
from .errors import ParseError, document_expected, wrong_type
from .grammar import parse_rows
from .models import Diagnostic, Document
from .rows import count_lines, peel, segments, split_lines
from .serializer import serialize
from .vocabulary import Kind

PLACE = operator.attrgetter("line", "column")
"""Where a diagnostic stands: diagnostics are sorted by it."""

BOM = "\ufeff"
"""A byte order mark opening a text is kept with the header, not the first row."""

NOT_UTF8 = Code.NOT_UTF8
"""The code of the diagnostic for bytes that are not UTF-8 (lone surrogates in a ``str``)."""

_SURROGATES = re.compile("[\ud800-\udfff]+")
"""A run of lone surrogates: bytes that were not UTF-8, kept by ``surrogateescape``."""

_ESCAPED = re.compile("[\udc80-\udcff]+")
"""Only surrogates that ``surrogateescape`` makes: each stands for one byte."""


def loads(
    text: str | bytes | bytearray, *, strict: bool = False, rendering: str | None = None
) -> Document:
    """Parse a taz dump.

    Added in version 0.1.0.

    Args:
        text: The dump. ``bytes`` (or a ``bytearray``) are decoded as UTF-8 with
            ``surrogateescape``, so invalid bytes survive a round trip
            through ``dumps`` and ``.encode("utf-8", "surrogateescape")``;
            each run of them gives a ``not-utf8`` diagnostic (as does a run
            of lone surrogates in a ``str``).
        strict: Raise ``ParseError`` at the first row that is not part
            of a complete, undamaged page, instead of recording diagnostics.
        rendering: The name of a rendering to use instead of detecting one.

    Returns:
        The parsed document. In the default, tolerant mode every text gives
        a document, and ``dumps(loads(text)) == text``.

    Raises:
        ParseError: in strict mode, for damage, bytes that are not UTF-8 or
            a row no rule understands.
        UnknownRendering: for an unknown ``rendering`` name (a ``KeyError``).
        TypeError: when ``text`` is neither ``str`` nor ``bytes``.

    """
    if isinstance(text, (bytes, bytearray)):
        text = text.decode("utf-8", "surrogateescape")
    elif not isinstance(text, str):
        raise _not_text(text)
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    parts = segments(body)
    if rendering is None:
        chosen, notes = renderings.detect(parts.lines)
    else:
        chosen, notes = renderings.get(rendering), ()
    rows = peel(parts, chosen, capped=at_excerpt_cap(text))
    prelude, page, noticed = parse_rows(rows.rows)
    found = [*notes, *rows.diagnostics, *not_utf8(body)]
    if page is None and rows.rows:
        first = rows.rows[0]
        found.append(
            Diagnostic(
                Code.NO_PAGE,
                "no taz heading ('# taz.de -- …') was found",
                first.line,
                first.column,
                (Kind.HEADING.value,),
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
        source_hash=hash(text),
    )


def _not_text(value: object) -> TypeError:
    if hasattr(value, "read"):
        hint = "for a file object use tazformat.load(fp)"
    elif hasattr(value, "__fspath__"):
        hint = "to read a file use tazformat.load(open(path, 'rb'))"
    else:
        hint = "pass the dump's text, or its bytes as read from a file"
    return wrong_type("loads", "str or bytes", value, hint)


def not_utf8(text: str) -> list[Diagnostic]:
    """A ``not-utf8`` diagnostic for each run of lone surrogates in ``text``.

    ``surrogateescape`` decodes each byte that is not UTF-8 to a lone
    surrogate (U+DC80 to U+DCFF); the diagnostic stands at the run's first
    character (line and column 1-based, the column counted in characters)
    and names its bytes. The text itself is left as it is.
    """
    try:
        text.encode("utf-8")  # ten times faster than searching, when there is nothing to find
    except UnicodeEncodeError:
        pass
    else:
        return []
    found: list[Diagnostic] = []
    line, begins, counted = 1, 0, 0  # counted: lines are counted up to here
    for run in _SURROGATES.finditer(text):
        start = run.start()
        line += count_lines(text[counted:start])
        ending = max(text.rfind("\n", counted, start), text.rfind("\r", counted, start))
        begins = begins if ending < 0 else ending + 1
        counted = start
        chars = run.group()
        if _ESCAPED.fullmatch(chars):
            raw = chars.encode("utf-8", "surrogateescape")
            message = f"bytes that are not UTF-8: {raw!r}; kept as they are"
        else:
            points = " ".join(f"U+{ord(char):04X}" for char in chars)
            message = f"lone surrogates, which UTF-8 cannot encode: {points}"
        found.append(Diagnostic(NOT_UTF8, message, line, start - begins + 1, ("UTF-8 text",)))
    return found


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
        UnknownRendering: for an unknown ``rendering`` name (a ``KeyError``).
        EditError: when an edited node holds text that would read back as
            something else (a line break in a row, another row kind's markup).
        TypeError: when ``doc`` is not a ``Document``.

    """
    if not isinstance(doc, Document):
        raise document_expected("dumps", doc)
    if rendering is not None:
        doc = convert(doc, rendering)
    return serialize(doc)


def load(
    fp: IO[str] | IO[bytes], *, strict: bool = False, rendering: str | None = None
) -> Document:
    """Parse a dump from a file object (binary or text).

    Added in version 0.1.0.

    ``load`` takes a file object only, as ``json.load`` does, never a path:
    open the file yourself, best in binary mode, which hands the parser
    every byte and line ending as it is
    (``with open(path, "rb") as fp: doc = tazformat.load(fp)``). Open text
    files with ``newline=""`` so that line endings reach the parser as they
    are. ``strict`` and ``rendering`` are as for ``loads``.

    Raises:
        TypeError: when ``fp`` is not a file object (a path, a ``str``), or
            its ``read()`` gives neither ``str`` nor ``bytes``.

    """
    read = getattr(fp, "read", None)
    if not callable(read):
        if isinstance(fp, str):
            hint = "to parse text use tazformat.loads(text); to read a file open it:"
        else:
            hint = "open the file:"
        hint += " with open(path, 'rb') as fp: tazformat.load(fp)"
        raise wrong_type("load", "a file object", fp, hint)
    data = read()
    if not isinstance(data, (str, bytes)):
        got = type(data).__name__
        raise TypeError(f"load takes a file object whose read() gives str or bytes, not {got}")
    return loads(data, strict=strict, rendering=rendering)


def dump(doc: Document, fp: IO[str] | IO[bytes]) -> None:
    """Write a document to a file object, binary or text.

    Added in version 0.1.0.

    A binary file gets the text encoded as UTF-8 with ``damage.KEEP_BYTES``
    (``surrogateescape``, and ``surrogatepass`` for a lone surrogate no byte
    escapes), so bytes that were not UTF-8 are written back as they were
    read, and every ``str`` that ``loads`` took can be written. Open
    text files with ``newline=""``, so that line endings are written as
    they are.

    Raises:
        TypeError: when ``doc`` is not a ``Document``, or ``fp`` has no
            ``write``.

    """
    if not isinstance(doc, Document):
        raise document_expected("dump", doc)
    if not callable(getattr(fp, "write", None)):
        hint = "open the file: with open(path, 'wb') as fp: tazformat.dump(doc, fp)"
        raise wrong_type("dump", "a file object as its second argument", fp, hint)
    text = dumps(doc)
    if _binary(fp):
        cast("IO[bytes]", fp).write(text.encode("utf-8", KEEP_BYTES))
    else:
        cast("IO[str]", fp).write(text)


def _binary(fp: object) -> bool:
    """Whether ``fp`` takes bytes: a binary stream, or a file opened in a ``b`` mode."""
    if isinstance(fp, io.TextIOBase):
        return False
    if isinstance(fp, (io.RawIOBase, io.BufferedIOBase)):
        return True
    mode = getattr(fp, "mode", "")
    return isinstance(mode, str) and "b" in mode
