"""Exports of a document: ``to_dict``, JSON-ready."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from . import structure
from .errors import document_expected
from .models import (
    Article,
    Authors,
    Dateline,
    Diagnostic,
    Document,
    Entry,
    Links,
    LinkTarget,
    Listing,
    Paragraph,
    RowNode,
    Subhead,
    Tags,
    single_blanks,
)
from .references import strip_references

SCHEMA = "document.schema.json"
"""The schema file, in ``tazformat/schema/``."""


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "expected": list(diagnostic.expected),
    }


def _entry(entry: Entry) -> dict[str, Any]:
    title = entry.title
    return {
        "title": title and single_blanks(title.text),
        "kicker": title and title.kicker and single_blanks(title.kicker),
        "headline": title and single_blanks(title.headline),
        "teaser": single_blanks(entry.teaser_text),
        "title_truncated": title is not None and title.truncated,
    }


def links(article: Article) -> list[dict[str, Any]]:
    """Inline references paired with their ``## LINKS`` targets, by number."""
    texts: dict[int, str] = {}
    for paragraph in article.paragraphs:
        for reference in paragraph.references:
            texts.setdefault(reference.number, reference.text)
    targets: dict[int, LinkTarget] = {}
    for target in article.link_targets:
        targets.setdefault(target.number, target)
    found = []
    for number in sorted(texts.keys() | targets.keys()):
        known = targets.get(number)
        found.append(
            {
                "number": number,
                "text": texts.get(number),
                "target": None if known is None else known.target,
                "article_id": None if known is None else known.article_id,
                "url": None if known is None else known.url,
            }
        )
    return found


def body_text(article: Article) -> str:
    """The body as plain text.

    Rows are unwrapped, references resolved to their text (one the capture
    cut open to what it holds), subheads and paragraphs separated by blank
    lines. Blanks are single inside a block and none at its ends; empty
    subheads (``## `` with nothing after, or ``##`` where the capture trimmed
    the blank) are no text.
    """
    blocks = []
    for block in article.body:
        if isinstance(block, Paragraph):
            rows = [line.text for line in block.lines if line.text.strip() != "##"]
            blocks.append(single_blanks(strip_references(" ".join(rows))))
        elif isinstance(block, Subhead):
            blocks.append(single_blanks(block.text))
    return "\n\n".join(block for block in blocks if block)


def _cut(lines: Iterable[RowNode]) -> bool:
    return any(line.truncated for line in lines)


def _entries_cut(name: str, entries: Sequence[Entry]) -> list[str]:
    found = []
    for index, entry in enumerate(entries):
        if entry.title is not None and entry.title.truncated:
            found.append(f"{name}[{index}].title")
        if _cut(entry.teaser):
            found.append(f"{name}[{index}].teaser")
    return found


def truncated_fields(page: Article | Listing) -> list[str]:
    """The ``to_dict`` fields that hold a row a proxy cut, in page order.

    Entries are named by index: ``entries[3].title``, ``related[0].teaser``.
    """
    if isinstance(page, Listing):
        return ["title"] * page.title.truncated + _entries_cut("entries", page.entries)
    parts: list[tuple[str, Iterable[RowNode]]] = [
        ("title", [page.title]),
        ("lead", page.lead.lines if page.lead else []),
        ("picture", [page.picture] if page.picture else []),
        ("subheads", page.subheads),
        ("body", [line for paragraph in page.paragraphs for line in paragraph.lines]),
        ("date", [page.date] if page.date else []),
    ]
    sections: list[tuple[str, Iterable[RowNode]]] = [
        (kind.__name__.lower(), [i for s in page.sections if isinstance(s, kind) for i in s.items])
        for kind in (Links, Authors, Tags)
    ]
    found = [name for name, lines in parts + sections if _cut(lines)]
    return found + _entries_cut("related", page.related)


def _dateline(dateline: Dateline) -> dict[str, Any]:
    return {
        "place": dateline.place,
        "agency": dateline.agency,
        "places": list(dateline.places),
        "loose": dateline.loose,
    }


def _article(article: Article) -> dict[str, Any]:
    title = article.title
    dateline = article.dateline
    date = article.date.date if article.date is not None else None
    picture = article.picture
    return {
        "kind": "article",
        "title": title.text,
        "kicker": title.kicker,
        "headline": title.headline,
        "title_truncated": title.truncated,
        "lead": article.lead.text if article.lead is not None else None,
        "picture": picture.text if picture is not None else None,
        "picture_truncated": picture.truncated if picture is not None else False,
        "dateline": None if dateline is None else _dateline(dateline),
        "subheads": [subhead.text for subhead in article.subheads],
        "date": date.isoformat() if date is not None else None,
        "links": links(article),
        "authors": list(article.authors),
        "tags": list(article.tags),
        "tags_unique": list(dict.fromkeys(article.tags)),
        "related": [_entry(entry) for entry in article.related],
        "text": body_text(article),
        "turns": structure.turns(article),
        "ticker": structure.ticker(article),
        "poem": structure.verses(article),
    }


def _listing(listing: Listing) -> dict[str, Any]:
    return {
        "kind": "listing",
        "title": listing.title.text,
        "entries": [_entry(entry) for entry in listing.entries],
        "notes": [note.text for note in listing.notes],
    }


_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""A lone surrogate: a byte of the source that was not UTF-8 (``surrogateescape``)."""


def valid_text(text: str) -> str:
    """``text`` with each byte that was not UTF-8 (a lone surrogate) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON text that encodes as UTF-8.

    Text stays as it is (``ensure_ascii=False``), unless the data holds
    bytes of the source that were not UTF-8 (lone surrogates): then every
    character beyond ASCII is escaped, and those bytes read back as the same
    lone surrogates.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(text) is None:
        return text
    return json.dumps(data, indent=indent)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what ``to_dict`` gives.

    Added in version 0.1.0.
    """
    text = resources.files("tazformat").joinpath("schema").joinpath(SCHEMA).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def to_dict(doc: Document) -> dict[str, Any]:
    """The document's data as plain, JSON-ready values.

    Added in version 0.1.0.

    An article gives ``kind`` ("article"), ``rendering``, ``title``,
    ``kicker``, ``headline``, ``lead``, ``picture``, ``dateline``,
    ``subheads``, ``date``, ``links``, ``authors``, ``tags``, ``related``,
    ``truncated`` and ``diagnostics``; a listing gives ``kind``
    ("listing"), ``rendering``, ``title``, ``entries``, ``notes``,
    ``truncated`` and ``diagnostics``. Both give ``truncated_fields``, the
    fields holding a row a proxy cut. A text with no taz heading gives
    ``kind`` ``None``.
    """
    if not isinstance(doc, Document):
        raise document_expected("to_dict", doc)
    if isinstance(doc.page, Article):
        data = _article(doc.page)
    elif isinstance(doc.page, Listing):
        data = _listing(doc.page)
    else:
        data = {"kind": None, "title": None}
    data["rendering"] = doc.rendering
    data["truncated"] = doc.truncated
    data["truncated_fields"] = [] if doc.page is None else truncated_fields(doc.page)
    data["diagnostics"] = [_diagnostic(d) for d in doc.diagnostics]
    return data
