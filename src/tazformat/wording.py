"""Rules read from the wording of a row: does it look like a title or a teaser.

Used where the rendering does not say: to split listed rows into entries
(``tazformat.entries``) and to find a Gemini page's lead (the renderings
get these rules from the rows layer, ``tazformat.rows.MEANING``).
"""

from __future__ import annotations

import re

from .damage import is_cut_row
from .vocabulary import KICKER_SEPARATOR, LEAD_MARKUP, PICTURE_MARKUP

SENTENCE_ENDS = (".", "!", "?", "\u201c", "\u201d", '"', "\u00bb", ")", "\u2026")
"""Characters that end a sentence, closing quotes and brackets included."""

_KICKER = re.compile(rf"\S{KICKER_SEPARATOR}\S")
_INNER_END = re.compile(r"[a-zäöüß]{2}[.!?\u2026][\u201c\u201d\"\u00bb)]? [A-ZÄÖÜ\u201e\"\u00bb]")
"""A sentence end inside a row: a lower-case word, its end mark, a capital after.

Abbreviations such as ``St. Pauli`` or ``Dr. Berg`` start in capitals and
do not match."""

TITLE_ROOM = 75
"""A row longer than this (the wrap width) that holds a sentence end inside is no title."""
TITLE_MAX = 100
"""A row longer than this that ends a sentence is no title (titles run to about 95)."""


def reads_as_sentences(text: str) -> bool:
    """Say whether ``text`` is too long and too punctuated to be a title.

    It is when it runs past ``TITLE_ROOM`` characters and holds a sentence
    end inside, or past ``TITLE_MAX`` and ends a sentence: teaser prose,
    whatever ``: `` it holds.
    """
    text = text.rstrip()
    if len(text) <= TITLE_ROOM:
        return False
    if _INNER_END.search(text):
        return True
    return len(text) > TITLE_MAX and text.endswith(SENTENCE_ENDS)


def looks_like_title(text: str) -> bool:
    """A title has a kicker separator ``: ``, no full stop at its end, and few words.

    A long row of sentences (``reads_as_sentences``) is no title, whatever
    ``: `` it holds.
    """
    if not _KICKER.search(text) or text.rstrip().endswith("."):
        return False
    return not reads_as_sentences(text)


def looks_like_teaser(text: str) -> bool:
    """A teaser (or a lead) ends a sentence."""
    return text.rstrip().endswith(SENTENCE_ENDS)


def reads_as_lead(text: str) -> bool:
    """Say whether a row whose markup a rendering dropped reads as a lead.

    It does when it ends a sentence and is no entry title, no picture, no
    proxy cut and not marked with ``> `` already.
    """
    if text.startswith((PICTURE_MARKUP, LEAD_MARKUP)) or looks_like_title(text):
        return False
    return not is_cut_row(text) and looks_like_teaser(text)
