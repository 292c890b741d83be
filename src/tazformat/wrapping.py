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

Four rules read the wording before the room (``ends_block``): a label row
(``Term: …``) after a sentence end, or after an introduction right after a
subhead, starts a block; a row that starts in lower case continues a prose
row without a sentence end; and the room before the last row of a capture
cut short is not read when that row is one word (the cut may be inside it):
only a sentence end ends the row before it.

Limits: a paragraph whose last row happens to be full is read as going on;
a row a proxy cut (79 bytes and ``…``) lost its end, so it never ends a
paragraph here; a row longer than ``WRAP`` was not wrapped (Gemini stands a
block on one long row) and so ends one.
"""

from __future__ import annotations

import re

from .damage import is_cut_row
from .wording import SENTENCE_ENDS

WRAP = 75
"""Longest row, in characters, of text taz wraps (body, lead, teasers)."""

STANZA_END = "//"
"""What a poem set in running text ends a stanza with."""


def first_word(row: str) -> str:
    """The first word of ``row``: its characters up to the first space."""
    return row.lstrip(" ").split(" ", 1)[0]


def is_full(row: str, following: str) -> bool:
    """Say whether wrapping left no room on ``row`` for the first word of ``following``.

    Row, space and word of exactly ``WRAP`` characters count as full: on the
    corpus no paragraph ends there, and the wrap left such a word for the
    next row inside one.
    """
    return len(row.rstrip(" ")) + 1 + len(first_word(following)) >= WRAP


_LABEL = re.compile(r"(?:[A-ZÄÖÜ]|taz\b)[^\s:]*(?: [^\s:]+){0,2}: \S")
"""A row that opens with a label: a term or name of one to three words, ``: ``."""
SHORT_ROW = 55
"""A row up to this long may be a verse set one a row; longer ones are prose rows."""
BRAILLE_BLANK = "\u2800"
"""U+2800 BRAILLE PATTERN BLANK: shows as a blank; a row of only it is blank-like."""


def opens_with_label(row: str) -> bool:
    """Say whether ``row`` opens with a label: ``Term: …``, ``Anna Berg: …``, ``taz: …``."""
    return _LABEL.match(row.lstrip(" ")) is not None


def ends_sentence(row: str) -> bool:
    """Say whether ``row`` ends with a sentence end (closing quotes and brackets count)."""
    return row.rstrip(" ").endswith(SENTENCE_ENDS)


def is_blank_like(row: str) -> bool:
    """Say whether ``row`` shows as blank: only spaces, tabs and at least one U+2800."""
    return BRAILLE_BLANK in row and not row.strip(" \t" + BRAILLE_BLANK)


def ends_block(row: str, following: str, *, opens: bool = False, cut: bool = False) -> bool:
    """Say whether ``row`` ends a paragraph (or verse) when ``following`` comes next.

    In this order: a proxy cut never ends one; a row longer than ``WRAP``
    (unwrapped text, one block a row) or ending with the stanza mark ``//``
    always does; a row before a label row (``Term: …``) does when it ends a
    sentence, or when it opens its stretch (``opens``: right after a
    subhead) without end punctuation, an introduction; no row ends one
    before a row that starts in lower case unless it ends a sentence or is
    short (``SHORT_ROW``: verses are set one a row); before a one-word row
    the capture's end cut (``cut``: the cut may have fallen inside that
    word) the room is not read, only a sentence end ends it; else
    it does when ``following``'s first word would have fitted on it in
    fewer than ``WRAP`` characters (``is_full``).

    Args:
        row: The row's content, markup removed.
        following: The next row's content in the same body.
        opens: Whether ``row`` is the first row after a subhead.
        cut: Whether ``following`` is the last row of a capture cut short.

    """
    if is_cut_row(row):
        return False
    if len(row) > WRAP or row.rstrip(" ").endswith(STANZA_END):
        return True
    ended = ends_sentence(row)
    labelled = opens_with_label(following)
    if labelled and (ended or (opens and not row.rstrip(" ").endswith((",", ";", "-", "–")))):
        return True
    prose = len(row.rstrip(" ")) > SHORT_ROW
    if prose and not ended and not labelled and following.lstrip(" ")[:1].islower():
        return False
    if cut and " " not in following.strip(" "):
        return ended  # the room for a word the cut may have shortened says nothing
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
