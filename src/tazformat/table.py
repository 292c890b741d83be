"""Metadata of many documents as rows of a table (CSV or TSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from .export import to_dict, valid_text
from .models import Document

COLUMNS = (
    "file",
    "kind",
    "rendering",
    "title",
    "kicker",
    "headline",
    "date",
    "place",
    "agency",
    "authors",
    "tags",
    "links",
    "picture",
    "entries",
    "truncated",
    "diagnostics",
)
"""The columns, in order. Lists are joined by ``"; "``."""


def row(name: str, doc: Document) -> dict[str, Any]:
    """One document's metadata as a table row keyed by :data:`COLUMNS`."""
    data = to_dict(doc)
    dateline = data.get("dateline") or {}
    return {
        "file": name,
        "kind": data["kind"] or "",
        "rendering": data["rendering"],
        "title": data["title"] or "",
        "kicker": data.get("kicker") or "",
        "headline": data.get("headline") or "",
        "date": data.get("date") or "",
        "place": dateline.get("place") or "",
        "agency": dateline.get("agency") or "",
        "authors": "; ".join(data.get("authors", [])),
        "tags": "; ".join(data.get("tags", [])),
        "links": len(data.get("links", [])),
        "picture": data.get("picture") or "",
        "entries": len(data.get("entries", [])),
        "truncated": "yes" if data["truncated"] else "no",
        "diagnostics": len(data["diagnostics"]),
    }


def csv_line(values: Iterable[Any], *, tab: bool = False) -> str:
    """One line of CSV (or TSV) holding ``values``, with its line ending.

    The line encodes as UTF-8: bytes of the source that were not UTF-8 are
    written as U+FFFD.
    """
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab" if tab else "excel", lineterminator="\n")
    writer.writerow([valid_text(v) if isinstance(v, str) else v for v in values])
    return out.getvalue()


def write_table(rows: Iterable[tuple[str, Document]], out: IO[str], *, tab: bool = False) -> None:
    """Write a header and one row per ``(name, document)`` as CSV (or TSV)."""
    out.write(csv_line(COLUMNS, tab=tab))
    for name, doc in rows:
        out.write(csv_line(row(name, doc).values(), tab=tab))
