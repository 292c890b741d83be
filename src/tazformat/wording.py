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


def looks_like_title(text: str) -> bool:
    """A title has a kicker separator ``: `` and does not end with a full stop."""
    return bool(_KICKER.search(text)) and not text.rstrip().endswith(".")


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
