"""Structures inside an article body: interview turns, ticker items, verses.

These are rules read from the text of body rows; the grammar does not mark
them. Each returns plain data for :func:`tazformat.to_dict`.

- **Interview turns**: a paragraph or row that starts with a speaker prefix
  (``taz:``, ``wochentaz:``, ``taz am wochenende:``, ``Robert Habeck:``) opens
  a turn, which runs to the next such prefix, subhead or paragraph end. Many
  interviews mark only their first exchange; the unmarked questions and
  answers after it stay with the last marked turn. Turns are reported only
  when at least two prefixes are found, so that a lone ``Fazit: …`` is none.
- **Ticker items**: each ``## `` subhead of a page whose title starts with
  ``+++`` opens an item, as does a row ``<Place>, <time> (<zone>): …``
  (``Kyjiw, 14.30 Uhr (MEZ): …``) on any page.
- **Verses**: poems set in running text mark verse ends with `` /`` and
  stanza ends with `` //``; where two or more marks end rows, the body is
  read as a poem of stanzas of verses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .models import Article, Line, Paragraph, Subhead
from .references import strip_references

_WORD = r"(?:[A-ZÄÖÜ][\w.’'-]*|taz|wochentaz)"
_SPEAKER = re.compile(
    rf"(?P<speaker>{_WORD}(?: (?:{_WORD}|am|von|van|de|der|wochenende)){{0,3}}): "
)
_TICKER = re.compile(
    r"(?P<place>[A-ZÄÖÜ][^,:]{0,40}), (?P<time>[^():]{1,25}) \((?P<zone>[A-Z]{2,5})\): "
)
_VERSE_END = (" /", " //")


def _runs(article: Article) -> Iterator[tuple[Subhead | None, list[Line]]]:
    """The body as runs of rows, each after its subhead (if any)."""
    heading: Subhead | None = None
    for block in article.body:
        if isinstance(block, Subhead):
            heading = block
            yield heading, []
        elif isinstance(block, Paragraph):
            yield heading, list(block.lines)


def turns(article: Article) -> list[dict[str, str]]:
    """The interview turns: ``{"speaker", "text"}``, in order."""
    found: list[dict[str, str]] = []
    for _, lines in _runs(article):
        current: list[str] | None = None
        for line in lines:
            match = _SPEAKER.match(line.text)
            if match:
                current = [line.text[match.end() :]]
                found.append({"speaker": match.group("speaker"), "text": ""})
            elif current is not None:
                current.append(line.text)
            if current is not None:
                found[-1]["text"] = strip_references(" ".join(current))
    return found if len(found) >= 2 else []


def ticker(article: Article) -> list[dict[str, str | None]]:
    """The ticker items: ``{"heading", "place", "time", "zone", "text"}``."""
    items: list[dict[str, str | None]] = []
    is_ticker = article.title.text.startswith("+++")
    for heading, lines in _runs(article):
        if not lines and heading is not None and is_ticker:
            items.append(_item(heading.text, None, []))
            continue
        for line in lines:
            match = _TICKER.match(line.text)
            if match:
                items.append(_item(None, match, [line.text[match.end() :]]))
            elif items and (lines or is_ticker):
                items[-1]["text"] = " ".join(filter(None, [items[-1]["text"], line.text]))
    return items


def _item(
    heading: str | None, match: re.Match[str] | None, text: list[str]
) -> dict[str, str | None]:
    return {
        "heading": heading,
        "place": match.group("place") if match else None,
        "time": match.group("time") if match else None,
        "zone": match.group("zone") if match else None,
        "text": " ".join(text),
    }


def verses(rows: Sequence[str]) -> list[list[str]] | None:
    """The poem in ``rows`` as stanzas of verses, or ``None`` when unmarked."""
    if sum(1 for row in rows if row.endswith(_VERSE_END)) < 2:
        return None
    stanzas: list[list[str]] = [[]]
    for row in rows:
        verse = row.removesuffix(" //").removesuffix(" /")
        stanzas[-1].append(verse)
        if row.endswith(" //"):
            stanzas.append([])
    return [stanza for stanza in stanzas if stanza]
