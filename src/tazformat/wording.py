"""Rules read from the wording of a row: does it look like a title or a teaser.

Used where the rendering does not say: to split listed rows into entries
(``tazformat.entries``) and to find a Gemini page's lead
(``tazformat.renderings.gemini``).
"""

from __future__ import annotations

import re

SENTENCE_ENDS = (".", "!", "?", "\u201c", "\u201d", '"', "\u00bb", ")", "\u2026")
"""Characters that end a sentence, closing quotes and brackets included."""

_KICKER = re.compile(r"\S ?: \S")


def looks_like_title(text: str) -> bool:
    """A title has a kicker separator ``: `` and does not end with a full stop."""
    return bool(_KICKER.search(text)) and not text.rstrip().endswith(".")


def looks_like_teaser(text: str) -> bool:
    """A teaser (or a lead) ends a sentence."""
    return text.rstrip().endswith(SENTENCE_ENDS)
