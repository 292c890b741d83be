"""Metadata of many documents as rows of a table (CSV or TSV), or typed records (Parquet)."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from typing import IO, Any, Literal, TypeAlias

from .errors import document_expected, wrong_type
from .export import to_dict, valid_text
from .models import Document
from .vocabulary import Found

ColumnType: TypeAlias = Literal["text", "integer", "boolean", "date", "list"]
"""What a column holds in a typed record (``record``)."""

TYPES: dict[str, ColumnType] = {
    "file": "text",
    "kind": "text",
    "rendering": "text",
    "title": "text",
    "kicker": "text",
    "headline": "text",
    "lead": "text",
    "date": "date",
    "place": "text",
    "agency": "text",
    "authors": "list",
    "tags": "list",
    "link_count": "integer",
    "picture": "text",
    "entries": "integer",
    "related": "list",
    "truncated": "boolean",
    "diagnostics": "integer",
    "inferred": "integer",
    "text": "text",
}
"""Each column, in order, with what it holds in a typed record."""

COLUMNS = tuple(TYPES)
"""The columns, in order.

``file`` is the name the document was read from; ``kind``, ``rendering``,
``title``, ``kicker``, ``headline``, ``lead``, ``picture``, ``authors`` and
``tags`` are the ``to_dict`` fields of the same names; ``date`` is the
page's date (ISO 8601); ``place`` and ``agency`` come from the dateline;
``link_count`` counts the link targets (``to_dict``'s ``links``) and
``entries`` a listing's entries;
``related`` holds the titles of an article's related articles (an entry
whose title the capture lost is left out); ``truncated`` says whether the
capture was cut; ``diagnostics`` counts the diagnostics; ``inferred``
counts the structures a rule read from wording or the wrap width rather
than from marks of the text (``found`` in ``to_dict``: paragraphs, entries,
turns, and the verses of a poem; 0 where the text marks all of them); ``text`` is the
body as plain text (``to_dict``'s ``text``: paragraphs and subheads
separated by blank lines), last because it is long. A field the page does
not have is empty.
"""


def _date(text: str | None) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(text)


def _values(name: str, doc: Document) -> dict[str, Any]:
    data = to_dict(doc)
    dateline = data.get("dateline") or {}
    related = [entry["title"] for entry in data.get("related", []) if entry["title"] is not None]
    return {
        "file": name,
        "kind": data["kind"] or "",
        "rendering": data["rendering"],
        "title": data["title"] or "",
        "kicker": data.get("kicker") or "",
        "headline": data.get("headline") or "",
        "lead": data.get("lead") or "",
        "date": _date(data.get("date")),
        "place": dateline.get("place") or "",
        "agency": dateline.get("agency") or "",
        "authors": data.get("authors", []),
        "tags": data.get("tags", []),
        "link_count": len(data.get("links", [])),
        "picture": data.get("picture") or "",
        "entries": len(data.get("entries", [])),
        "related": related,
        "truncated": data["truncated"],
        "diagnostics": len(data["diagnostics"]),
        "inferred": inferred(data),
        "text": data.get("text") or "",
    }


FOUND_IN = ("paragraphs", "entries", "related", "turns")
"""The ``to_dict`` fields whose items say how each was found (``found``)."""


def inferred(data: dict[str, Any]) -> int:
    """How many of the page's structures were inferred, not marked.

    Paragraphs, entries and turns (``FOUND_IN``) count one each; the verses
    of a poem whose verses were inferred count one each too.
    """
    verses: int = sum(map(len, data.get("poem") or ()))
    structures: int = sum(
        item.get("found") == str(Found.INFERRED)
        for field in FOUND_IN
        for item in data.get(field) or ()
        if isinstance(item, dict)
    )
    return structures + (verses if data.get("poem_found") == str(Found.INFERRED) else 0)


def record(name: str, doc: Document) -> dict[str, Any]:
    """One document's metadata as typed values keyed by :data:`COLUMNS` (as Parquet holds them).

    Added in version 0.1.0.

    ``date`` is a ``datetime.date`` (``None`` when the page has none),
    ``truncated`` a ``bool``, ``authors``, ``tags`` and ``related`` lists
    of strings, the counts ``int``; the other columns are text, empty
    where the page has no such field. Bytes of the source that were not
    UTF-8 are U+FFFD, so every value encodes as UTF-8.
    """
    values = _values(name, doc)
    for column, kind in TYPES.items():
        value = values[column]
        if kind == "text":
            values[column] = valid_text(value)
        elif kind == "list":
            values[column] = [valid_text(item) for item in value]
    return values


def row(name: str, doc: Document) -> dict[str, Any]:
    """One document's metadata as a table row keyed by :data:`COLUMNS`.

    Counts are ``int``, every other value text: lists joined by ``"; "``,
    ``truncated`` ``yes`` or ``no``, ``date`` ISO 8601 (empty when the page
    has none).
    """
    if not isinstance(doc, Document):
        raise document_expected("row", doc)
    values = _values(name, doc)
    date = values["date"]
    values["date"] = "" if date is None else date.isoformat()
    values["truncated"] = "yes" if values["truncated"] else "no"
    for column in ("authors", "tags", "related"):
        values[column] = "; ".join(values[column])
    return values


def csv_line(values: Iterable[Any], *, tab: bool = False) -> str:
    """One line of CSV (or TSV) holding ``values``, with its line ending.

    The line encodes as UTF-8: bytes of the source that were not UTF-8 are
    written as U+FFFD. A value holding a line break (``text``) is quoted.
    """
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab" if tab else "excel", lineterminator="\n")
    writer.writerow([valid_text(v) if isinstance(v, str) else v for v in values])
    return out.getvalue()


def write_table(rows: Iterable[tuple[str, Document]], out: IO[str], *, tab: bool = False) -> None:
    """Write a header and one row per ``(name, document)`` as CSV (or TSV).

    Raises:
        TypeError: for an item of ``rows`` that is not a ``(name, document)``
            pair, or an ``out`` that has no ``write``.

    """
    if not callable(getattr(out, "write", None)):
        raise wrong_type("write_table", "a text file object as out", out)
    out.write(csv_line(COLUMNS, tab=tab))
    for item in rows:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            hint = "pass (name, document) pairs, e.g. [(str(path), doc)]"
            raise wrong_type("write_table", "(name, document) pairs as rows", item, hint)
        name, doc = item
        out.write(csv_line(row(name, doc).values(), tab=tab))
