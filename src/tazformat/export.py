"""Exports of a document: ``to_dict``, JSON-ready."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from . import interviews, poems, structure
from .errors import document_expected
from .models import (
    SECTIONS,
    Article,
    Dateline,
    DateRow,
    Diagnostic,
    Document,
    Entry,
    Lead,
    Line,
    Links,
    LinkTarget,
    Listing,
    Note,
    Paragraph,
    Picture,
    RowNode,
    Section,
    Stray,
    Subhead,
    Tags,
    Title,
    single_blanks,
)
from .references import cut_reference, strip_references
from .walk import Visitor, section_key, visit
from .wrapping import is_blank_like

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
        "found": str(entry.found),
    }


def links(article: Article) -> list[dict[str, Any]]:
    """Inline references paired with their ``## LINKS`` targets, by number.

    A reference the capture's end cut open (``[3][Doktorar``) counts, with
    the text it holds.
    """
    texts: dict[int, str] = {}
    for paragraph in article.paragraphs:
        for reference in paragraph.references:
            texts.setdefault(reference.number, reference.text)
    if article.paragraphs:  # a reference the capture's end cut open is one too
        cut = cut_reference(article.paragraphs[-1].text)
        if cut is not None:
            texts.setdefault(cut.number, cut.text)
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


class BodyText(Visitor):
    """Collects the body's paragraphs and subheads as plain text, in ``blocks``.

    The blocks of ``body_text``; a subclass adds the page's other parts.
    ``paragraphs`` holds each paragraph's text with how it was found.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.paragraphs: list[dict[str, str]] = []

    def paragraph(self, paragraph: Paragraph) -> None:
        rows = [line.text for line in paragraph.lines if line.text.strip() != "##"]
        if all(is_blank_like(row) for row in rows):
            return  # a row of only U+2800 shows as a blank row: no paragraph
        text = single_blanks(strip_references(" ".join(rows)))
        self.blocks.append(text)
        if text:
            self.paragraphs.append({"text": text, "found": str(paragraph.found)})

    def subhead(self, subhead: Subhead) -> None:
        self.blocks.append(single_blanks(subhead.text))


def body_blocks(article: Article) -> list[str]:
    """The body's paragraphs and subheads as plain text, in order, empty ones left out."""
    return [block for block in visit(article, BodyText()).blocks if block]


def paragraphs(article: Article) -> list[dict[str, str]]:
    """The body's paragraphs as ``{"text", "found"}``, in order, empty ones left out.

    ``found`` is ``marked`` where blank rows, subheads and the body's ends
    mark both ends of the paragraph, ``inferred`` where the wrap rule read
    one (spec § 2.9).
    """
    return visit(article, BodyText()).paragraphs


def body_text(article: Article) -> str:
    """The body as plain text.

    Rows are unwrapped, references resolved to their text (one the capture
    cut open to what it holds), subheads and paragraphs separated by blank
    lines. Blanks are single inside a block and none at its ends; empty
    subheads (``## `` with nothing after, or ``##`` where the capture trimmed
    the blank) are no text.
    """
    return "\n\n".join(body_blocks(article))


_PARTS = ("title", "lead", "picture", "subheads", "body", "date")
"""The fields of a page that are no tail section, in the order ``truncated_fields`` names them."""


class _Cut(Visitor):
    """Collects the ``to_dict`` fields that hold a row a proxy cut, or the row ``end``."""

    def __init__(self, end: RowNode | None = None) -> None:
        self.fields: set[str] = set()
        self.entries: list[str] = []
        self._counts: dict[str, int] = {}
        self._end = end

    def _rows(self, name: str, rows: Iterable[RowNode]) -> None:
        if any(row.truncated or row is self._end for row in rows):
            self.fields.add(name)

    def section(self, section: Section) -> None:
        self._rows(section_key(section), [section.heading])

    def note(self, note: Note, section: Section | None) -> None:
        if section is None:
            self._rows("notes", [note])

    def title(self, title: Title) -> None:
        self._rows("title", [title])

    def lead(self, lead: Lead) -> None:
        self._rows("lead", lead.lines)

    def picture(self, picture: Picture) -> None:
        self._rows("picture", [picture])

    def subhead(self, subhead: Subhead) -> None:
        self._rows("subheads", [subhead])

    def paragraph(self, paragraph: Paragraph) -> None:
        self._rows("body", paragraph.lines)

    def date(self, date: DateRow) -> None:
        self._rows("date", [date])

    def item(self, item: Line, section: Section) -> None:
        self._rows(section_key(section), [item])

    def stray(self, stray: Stray, section: Section | None) -> None:
        if section is not None and section.item_node is not None:  # a row among rows
            self._rows(section_key(section), [stray])

    def entry(self, entry: Entry, section: Section | None) -> None:
        name = "entries" if section is None else section_key(section)
        index = self._counts.get(name, 0)
        self._counts[name] = index + 1
        title = entry.title
        if title is not None and (title.truncated or title is self._end):
            self.entries.append(f"{name}[{index}].title")
        if any(line.truncated or line is self._end for line in entry.teaser):
            self.entries.append(f"{name}[{index}].teaser")


def truncated_fields(page: Article | Listing, *, cut_end: bool = False) -> list[str]:
    """The ``to_dict`` fields that hold a row a proxy cut, in page order.

    Entries are named by index: ``entries[3].title``, ``related[0].teaser``.
    ``cut_end``: the capture was cut (``Document.truncated``), so the field
    that holds the page's last row is named too (a last tag cut to ``Schw``
    gives ``tags``); ``to_dict`` passes it.
    """
    rows = list(page.rows()) if cut_end else []
    cut = visit(page, _Cut(rows[-1] if rows else None))
    names = [*_PARTS, *(section_key(kind) for kind in SECTIONS if kind.item_node is not None)]
    names.append("notes")
    return [name for name in names if name in cut.fields] + cut.entries


class _Sections(Visitor):
    """Collects each tail section's items: a row item as its text, an entry as a dict."""

    def __init__(self) -> None:
        self.found: dict[str, list[Any]] = {section_key(kind): [] for kind in SECTIONS}

    def item(self, item: Line, section: Section) -> None:
        self.found[section_key(section)].append(single_blanks(item.text))

    def entry(self, entry: Entry, section: Section | None) -> None:
        if section is not None:
            self.found[section_key(section)].append(_entry(entry))


def _sections(article: Article) -> dict[str, Any]:
    """The tail sections' fields, in the grammar's order, each there if empty.

    ``links`` pairs the inline references with their targets; ``tags_unique``
    follows ``tags``; every other section gives its items (``_Sections``).
    """
    found = visit(article, _Sections()).found
    data: dict[str, Any] = {}
    for kind in SECTIONS:
        key = section_key(kind)
        data[key] = links(article) if kind is Links else found[key]
        if kind is Tags:
            data["tags_unique"] = list(dict.fromkeys(found[key]))
    return data


def _dateline(dateline: Dateline) -> dict[str, Any]:
    return {
        "place": dateline.place,
        "agency": dateline.agency,
        "places": list(dateline.places),
        "loose": dateline.loose,
    }


def _article(article: Article, cut: bool = False) -> dict[str, Any]:
    """An article's fields; ``cut``: the capture was cut (``Document.truncated``)."""
    title = article.title
    dateline = article.dateline
    date = article.date.date if article.date is not None else None
    picture = article.picture
    verses, verses_found = poems.poem(article)
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
        **_sections(article),
        "text": body_text(article),
        "paragraphs": paragraphs(article),
        "turns": interviews.turns(article, cut=cut and _body_ends_capture(article)),
        "ticker": structure.ticker(article),
        "poem": verses,
        "poem_found": verses_found,
    }


def _body_ends_capture(article: Article) -> bool:
    """Say whether nothing follows the body: no date row, no row after it, no section."""
    return article.date is None and not article.after_date and not article.sections


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
    ``text``, ``paragraphs`` (each with how it was found, ``found``),
    ``turns`` (each with its ``role`` and ``found``), ``ticker``, ``poem``,
    ``poem_found`` (how its verses were found), ``truncated`` and
    ``diagnostics``; an entry gives its ``found`` too (spec § 2.9); a
    listing gives ``kind``
    ("listing"), ``rendering``, ``title``, ``entries``, ``notes``,
    ``truncated`` and ``diagnostics``. Both give ``truncated_fields``, the
    fields holding a row a proxy cut or, in a truncated capture, the last
    row. A text with no taz heading gives ``kind`` ``None``.
    """
    if not isinstance(doc, Document):
        raise document_expected("to_dict", doc)
    if isinstance(doc.page, Article):
        data = _article(doc.page, doc.truncated)
    elif isinstance(doc.page, Listing):
        data = _listing(doc.page)
    else:
        data = {"kind": None, "title": None}
    data["rendering"] = doc.rendering
    data["truncated"] = doc.truncated
    data["truncated_fields"] = (
        [] if doc.page is None else truncated_fields(doc.page, cut_end=doc.truncated)
    )
    data["diagnostics"] = [_diagnostic(d) for d in doc.diagnostics]
    return data
