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
from .models import Article, Document, Entry, Listing, Paragraph, Subhead
from .references import REFERENCE

_SPECIAL = re.compile(r"([\\`*_<>\[\]])")
_BLOCK_START = re.compile(r"^([#>+-]|\d+\.)")


def _inline(text: str) -> str:
    """Text with Markdown's inline special characters escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _escape(text: str) -> str:
    """Text escaped to stand as a paragraph of its own."""
    return _BLOCK_START.sub(r"\\\1", _inline(text))


def _with_links(text: str, known: set[int]) -> str:
    """A paragraph whose ``[n][text]`` references with a target become links."""
    parts, last = [], 0
    for match in REFERENCE.finditer(text):
        number, linked = int(match.group(1)), _inline(match.group(2))
        parts += [_inline(text[last : match.start()])]
        parts += [f"[{linked}][{number}]" if number in known else linked]
        last = match.end()
    parts.append(_inline(text[last:]))
    return _BLOCK_START.sub(r"\\\1", "".join(parts))


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


def _article(page: Article, data: dict[str, Any]) -> list[str]:
    targets = {link["number"]: link["url"] for link in links(page) if link["url"]}
    blocks = [f"# {_escape(page.title.text)}"]
    if page.lead is not None:
        blocks.append(f"> {_escape(page.lead.text)}")
    if page.picture is not None:
        blocks.append(f"*Bild: {_escape(page.picture.text)}*")
    for block in page.body:
        if isinstance(block, Paragraph):
            blocks.append(_with_links(block.text, set(targets)))
        elif isinstance(block, Subhead):
            blocks.append(f"## {_escape(block.text)}")
    if page.date is not None:
        blocks.append(f"*{page.date.text}*")
    if page.related:
        blocks.append("## Artikel zum Thema\n\n" + "\n".join(_entry(e) for e in page.related))
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
        keys = ["title", "kicker", "headline", "date", "dateline", "authors", "tags"]
        blocks = _article(page, data)
    elif isinstance(page, Listing):
        keys = ["title"]
        blocks = [f"# {_escape(page.title.text)}", "\n".join(_entry(e) for e in page.entries)]
    else:
        keys, blocks = [], []
    front = _front_matter(data, [*keys, "rendering", "truncated"])
    return "\n\n".join([front, *blocks]) + "\n"
