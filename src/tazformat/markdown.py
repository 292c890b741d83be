"""Markdown export: front matter with the metadata, then the article.

The front matter is YAML whose values are written as JSON (a JSON string or
list is a valid YAML flow scalar or sequence), so no YAML library is needed.
Inline references become Markdown reference links ``[text][n]`` with the
``## LINKS`` targets, as absolute taz.de addresses, listed at the end.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import document_expected
from .export import links, to_dict
from .models import (
    SECTIONS,
    Article,
    DateRow,
    Document,
    Entry,
    Lead,
    Line,
    Listing,
    Paragraph,
    Picture,
    Related,
    Section,
    Subhead,
    Title,
)
from .references import REFERENCE
from .walk import Visitor, section_key, visit
from .wrapping import is_blank_like

_SPECIAL = re.compile(r"([\\`*_<>\[\]])")
_BLOCK_MARK = re.compile(r"^([#>+-])")
"""A paragraph start that Markdown would read as a heading, quote or list item."""
_ORDERED = re.compile(r"^(\d+)([.)])")
"""An ordered list item's start: its digits stay, its ``.`` or ``)`` is escaped
(a backslash escapes punctuation only, so ``\1.`` would show the backslash)."""
ROW_SECTIONS = [section_key(kind) for kind in SECTIONS if kind.item_node is Line]
"""The tail sections of plain rows (authors, tags), given in the front matter."""


def _inline(text: str) -> str:
    """Text with Markdown's inline special characters escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _block(text: str) -> str:
    """Escaped inline text, escaped too where it would start a block of another kind."""
    return _ORDERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", text))


def _escape(text: str) -> str:
    """Text escaped to stand as a paragraph of its own."""
    return _block(_inline(text))


def _with_links(text: str, known: set[int]) -> str:
    """A paragraph whose ``[n][text]`` references with a target become links."""
    parts, last = [], 0
    for match in REFERENCE.finditer(text):
        number, linked = int(match.group(1)), _inline(match.group(2))
        parts += [_inline(text[last : match.start()])]
        parts += [f"[{linked}][{number}]" if number in known else linked]
        last = match.end()
    parts.append(_inline(text[last:]))
    return _block("".join(parts))


def _front_matter(data: dict[str, Any], keys: list[str]) -> str:
    lines = ["---"]
    for key in keys:
        value = data.get(key)
        if value is None or value == []:
            continue
        if key == "dateline":
            value = {"place": value["place"], "agency": value["agency"]}
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join([*lines, "---"])


def _entry(entry: Entry) -> str:
    title = _escape(entry.title.text) if entry.title is not None else ""
    teaser = _escape(entry.teaser_text)
    if title and teaser:
        return f"- **{title}**: {teaser}"
    return f"- {title or teaser}"


ENTRY_HEADINGS: dict[type[Section], str] = {Related: "Artikel zum Thema"}
"""The Markdown heading of each tail section of entries (others: the section's name)."""


class _Markdown(Visitor):
    """Collects the Markdown blocks of a page, in page order.

    A tail section of entries follows the date as a heading and a list; a
    section of rows goes to the front matter (``to_dict``), not here.
    """

    def __init__(self, targets: set[int], *, listing: bool = False) -> None:
        self.blocks: list[str] = []
        self.entries: dict[type[Section] | None, list[str]] = {None: []} if listing else {}
        """The entries by the kind of their section (``None``: a listing's, a list even empty)."""
        self._targets = targets

    def title(self, title: Title) -> None:
        self.blocks.append(f"# {_escape(title.text)}")

    def lead(self, lead: Lead) -> None:
        self.blocks.append(f"> {_escape(lead.text)}")

    def picture(self, picture: Picture) -> None:
        self.blocks.append(f"*Bild: {_escape(picture.text)}*")

    def paragraph(self, paragraph: Paragraph) -> None:
        if all(is_blank_like(line.text) for line in paragraph.lines):
            return  # a row of only U+2800 shows as a blank row: no paragraph
        self.blocks.append(_with_links(paragraph.text, self._targets))

    def subhead(self, subhead: Subhead) -> None:
        self.blocks.append(f"## {_escape(subhead.text)}")

    def date(self, date: DateRow) -> None:
        self.blocks.append(f"*{date.text}*")

    def entry(self, entry: Entry, section: Section | None) -> None:
        kind = None if section is None else type(section)
        self.entries.setdefault(kind, []).append(_entry(entry))

    def finish(self) -> list[str]:
        """The blocks, then each kind of entries as a list (under its heading in an article)."""
        for kind, items in self.entries.items():
            heading = "" if kind is None else f"## {ENTRY_HEADINGS.get(kind, kind.name())}\n\n"
            self.blocks.append(heading + "\n".join(items))
        return self.blocks


def _article(page: Article) -> list[str]:
    targets = {link["number"]: link["url"] for link in links(page) if link["url"]}
    blocks = visit(page, _Markdown(set(targets))).finish()
    if targets:
        blocks.append("\n".join(f"[{n}]: <{url}>" for n, url in sorted(targets.items())))
    return blocks


def to_markdown(doc: Document) -> str:
    """The page as Markdown, its metadata in YAML front matter.

    Added in version 0.1.0.

    An article gives its title, kicker, headline, date, dateline, authors,
    tags, rendering and truncation in the front matter, then title, lead,
    picture caption, body with subheads and reference links, date and related
    articles; a listing gives its title and its entries as a list.
    """
    if not isinstance(doc, Document):
        raise document_expected("to_markdown", doc)
    data = to_dict(doc)
    page = doc.page
    if isinstance(page, Article):
        keys = ["title", "kicker", "headline", "date", "dateline", *ROW_SECTIONS]
        blocks = _article(page)
    elif isinstance(page, Listing):
        keys = ["title"]
        blocks = visit(page, _Markdown(set(), listing=True)).finish()
    else:
        keys, blocks = [], []
    front = _front_matter(data, [*keys, "rendering", "truncated"])
    return "\n\n".join([front, *blocks]) + "\n"
