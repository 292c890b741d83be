"""Rules that split listed rows into entries: a title row and teaser rows.

Listings and ``## ARTIKEL ZUM THEMA`` list articles as a title row followed
by teaser rows. Where the rendering marks links (a link item), each link
starts an entry. Where it keeps blank rows, a one-row paragraph after a
teaser is a title. Where it does neither, the wrapping tells: teasers are
wrapped at :data:`WRAP` columns, titles are not, so a row starts a new entry
when the row before it ends a sentence and either the new row's first word
would have fitted on it (the wrap did not break there) or the row before
was full and the new row has a kicker (``: ``). The spec states how
reliable each rule is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .damage import is_cut_row
from .rows import Row

WRAP = 75
"""Column at which taz wraps teaser and body text."""

SENTENCE_ENDS = (".", "!", "?", "\u201c", "\u201d", '"', "\u00bb", ")", "\u2026")
"""Characters that end a sentence, closing quotes and brackets included."""

Group = tuple[Row | None, list[Row]]
"""A title row (``None`` for rows before the first title) and its teaser rows."""


def group_entries(rows: Sequence[Row]) -> list[Group]:
    """Split rows into ``(title, teaser)`` groups by the rules above."""
    if any(row.tag == "l" for row in rows):
        return _by_links(rows)
    if any(row.framing.gap for row in rows[:-1]):
        return _by_blank_rows(rows)
    return _by_wrapping(rows)


def _by_links(rows: Sequence[Row]) -> list[Group]:
    groups: list[Group] = []
    for row in rows:
        if row.tag == "l":
            groups.append((row, []))
        elif groups:
            groups[-1][1].append(row)
        else:
            groups.append((None, [row]))
    return groups


def _by_blank_rows(rows: Sequence[Row]) -> list[Group]:
    paragraphs: list[list[Row]] = [[]]
    for row in rows:
        paragraphs[-1].append(row)
        if row.framing.gap:
            paragraphs.append([])
    groups: list[Group] = []
    after_title = False
    for paragraph in filter(None, paragraphs):
        if len(paragraph) == 1 and not after_title:
            groups.append((paragraph[0], []))
            after_title = True
        elif groups:
            groups[-1][1].extend(paragraph)
            after_title = False
        else:
            groups.append((paragraph[0], paragraph[1:]))
    return groups


def _by_wrapping(rows: Sequence[Row]) -> list[Group]:
    groups: list[Group] = []
    for row in rows:
        if not groups:
            groups.append((row, []))
            continue
        teaser = groups[-1][1]
        if teaser and starts_entry(teaser[-1].content, row.content):
            groups.append((row, []))
        else:
            teaser.append(row)
    return groups


def starts_entry(previous: str, row: str) -> bool:
    """Say whether ``row``, after the teaser row ``previous``, is a new title."""
    if is_cut_row(previous) or not previous.rstrip().endswith(SENTENCE_ENDS):
        return False
    first_word = row.split(" ", 1)[0]
    if len(previous) + 1 + len(first_word) <= WRAP:
        return True
    return ": " in row
