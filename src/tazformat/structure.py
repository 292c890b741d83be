"""Structures inside an article body: ticker items.

These are rules read from the text of body rows; the grammar does not mark
them. Each returns plain data for :func:`tazformat.to_dict`.

- **Ticker items**: on a ticker page (title holding ``+++`` or naming a
  ticker, ``Liveticker``, or a row ending in an agency credit such as
  ``(dpa)``), each ``## `` subhead and
  each headline row (short, no sentence end, opening a block) opens an
  item, as does on any page a row ``<Place>, <time>: …`` with a clock time
  (``Ort, 7:41 (MEZ):``) or a zone (``Kyjiw, Mittag (MEZ): …``).

Interview turns are read in ``tazformat.interviews``, verses in
``tazformat.poems``.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterator

from .models import Article, Subhead
from .references import strip_references
from .walk import stretches
from .wording import looks_like_teaser
from .wrapping import is_full

_TICKER = re.compile(
    r"(?P<place>[A-ZÄÖÜ][^,:]{0,40}), "
    r"(?:(?P<clock>\d{1,2}[.:]\d{2}(?: Uhr)?)(?: \((?P<czone>[A-Z]{2,5})\))?"
    r"|(?P<time>[^():\d][^():]{0,24}) \((?P<zone>[A-Z]{2,5})\)):(?: |$)"
)
_CREDIT = re.compile(r"\((?:[a-z]{2,7}|AP)(?:(?:, ?|/)(?:[a-z]{2,7}|AP))*\)$")
"""An agency credit closing a ticker item: ``(dpa)``, ``(afp, rtr)``."""
_EMPTY_SUBHEAD = "##"
"""An empty subhead whose blank the capture trimmed: read as a text row."""


def _clean(text: str) -> str:
    """``text`` with references resolved and blanks single."""
    return " ".join(strip_references(text).split())


_TICKER_TITLE = re.compile(r"\+\+\+|\b(?:live|news)?ticker\b", re.IGNORECASE)
"""A title that marks a ticker: ``+++`` anywhere, or a word naming one (``Liveticker``)."""


def is_ticker(article: Article) -> bool:
    """A ticker page: its title holds ``+++`` or names a ticker, or a row ends in a credit.

    Item headings need no ``+++`` of their own: the page says it is a ticker.
    """
    if _TICKER_TITLE.search(article.title.text):
        return True
    return any(_CREDIT.search(line.text.rstrip()) for p in article.paragraphs for line in p.lines)


def _stretches(article: Article) -> Iterator[tuple[Subhead | None, list[tuple[str, bool, bool]]]]:
    """The body between subheads: each row, whether it opens and whether it is a paragraph."""
    for stretch in stretches(article):
        yield (
            stretch.heading,
            [
                (line.text, i == 0, len(paragraph.lines) == 1)
                for paragraph in stretch.paragraphs
                for i, line in enumerate(paragraph.lines)
            ],
        )


def _is_headline(rows: list[tuple[str, bool, bool]], index: int, opens: bool) -> bool:
    """A ticker item's headline row: short, no sentence end, between paragraphs."""
    row, _, whole = rows[index]
    row = row.rstrip()
    if not opens or index + 1 >= len(rows) or not row or looks_like_teaser(row):
        return False
    following = rows[index + 1][0]
    return (
        not row.endswith((",", ":", ";", "-", "–"))
        and (whole or not is_full(row, following))
        and (following[:1].isupper() or following.startswith(("„", "»", '"')))
    )


def ticker(article: Article) -> list[dict[str, str | None]]:
    """The ticker items: ``{"heading", "place", "time", "zone", "text"}``."""
    items: list[dict[str, str | None]] = []
    on_ticker = is_ticker(article)
    for heading, rows in _stretches(article):
        if heading is not None and on_ticker:
            items.append(_item(heading.text.strip() or None, None, ""))
        opens = True
        for index, (row, starts_paragraph, _) in enumerate(rows):
            opens = opens or starts_paragraph
            match = _TICKER.match(row)
            if row.strip() == _EMPTY_SUBHEAD:
                if on_ticker:
                    items.append(_item(None, None, ""))
            elif match:
                items.append(_item(None, match, row[match.end() :]))
            elif on_ticker and _is_headline(rows, index, opens):
                items.append(_item(row, None, ""))
            elif items:
                items[-1]["text"] = " ".join(filter(None, [items[-1]["text"], row]))
            opens = row.strip() == _EMPTY_SUBHEAD
    for item in items:
        item["text"] = _clean(str(item["text"]))
        if item["heading"] is not None:
            item["heading"] = _clean(item["heading"])
    return [item for item in items if item["text"] or item["heading"] or item["place"]]


def _item(heading: str | None, match: re.Match[str] | None, text: str) -> dict[str, str | None]:
    if match is None:
        place = time = zone = None
    else:
        place = match.group("place")
        time = match.group("clock") or match.group("time")
        zone = match.group("czone") or match.group("zone")
    return {"heading": heading, "place": place, "time": time, "zone": zone, "text": text}


def opens_ticker_item(row: str) -> bool:
    """Say whether ``row`` opens a ticker item with a place and time (``Ort, 7:41 (MEZ):``)."""
    return _TICKER.match(row) is not None


_MOVED = {
    "turns": "interviews",
    "QUESTION_ROWS": "interviews",
    "verses": "poems",
    "VERSE_MAX": "poems",
    "MIN_VERSES": "poems",
}
"""Names that moved to ``tazformat.interviews`` and ``tazformat.poems``."""


def __getattr__(name: str) -> object:
    """A moved name, from its new module, with a ``DeprecationWarning``."""
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    new = f"tazformat.{_MOVED[name]}.{name}"
    warnings.warn(f"{__name__}.{name} is deprecated; use {new}", DeprecationWarning, stacklevel=2)
    return getattr(importlib.import_module(f"tazformat.{_MOVED[name]}"), name)
