"""How taz wraps its text, and where a paragraph ends in rows that lost their blank rows.

taz wraps body, lead and teaser text at ``WRAP`` characters (not bytes:
rows with umlauts run to 78 bytes) before any proxy sees it: a row takes
as many words as fit, so the next row's first word never fits on it. A row
that ends a paragraph usually leaves room that the next row's first word
would have filled; a row inside a paragraph does not. Renderings that keep
blank rows show each paragraph end as one; in those that drop them, the
room left on a row is what tells a paragraph end (``ends_block``).

An inline reference ``[n][text]`` never spans a paragraph end, so a row
that leaves one open goes on (``reference_depth``).

Limits: a paragraph whose last row happens to be full is read as going on;
a row a proxy cut (79 bytes and ``…``) lost its end, so it never ends a
paragraph here; a row longer than ``WRAP`` was not wrapped (Gemini stands a
block on one long row) and so ends one.
"""

from __future__ import annotations

import re

from .damage import is_cut_row

WRAP = 75
"""Longest row, in characters, of text taz wraps (body, lead, teasers)."""

STANZA_END = "//"
"""What a poem set in running text ends a stanza with."""


def first_word(row: str) -> str:
    """The first word of ``row``: its characters up to the first space."""
    return row.lstrip(" ").split(" ", 1)[0]


def is_full(row: str, following: str) -> bool:
    """Say whether wrapping left no room on ``row`` for the first word of ``following``."""
    return len(row.rstrip(" ")) + 1 + len(first_word(following)) > WRAP


def ends_block(row: str, following: str) -> bool:
    """Say whether ``row`` ends a paragraph (or verse) when ``following`` comes next.

    It does when it is not a proxy cut and either ``following``'s first word
    would have fitted on it within ``WRAP`` characters, the row is longer
    than ``WRAP`` (unwrapped text, one block a row), or it ends with the
    stanza mark ``//``.

    Args:
        row: The row's content, markup removed.
        following: The next row's content in the same body.

    """
    if is_cut_row(row):
        return False
    if len(row) > WRAP or row.rstrip(" ").endswith(STANZA_END):
        return True
    return not is_full(row, following)


_OPENS = re.compile(r"\[\d+\]\[")
"""Where an inline reference's text starts."""


def reference_depth(row: str, depth: int = 0) -> int:
    """How deep inside an inline reference's brackets the end of ``row`` stands.

    Args:
        row: A body row's content.
        depth: The depth at the row's start (what the row before gave).

    Returns:
        0 outside any reference; 1 inside a reference's text, 2 inside a
        bracket within it.

    """
    index = 0
    while index < len(row):
        if not depth:
            opening = _OPENS.search(row, index)
            if opening is None:
                return 0
            depth, index = 1, opening.end()
            continue
        char = row[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        index += 1
    return depth
