"""Gemini: taz.de's text/gemini, raw or as Gemini proxies and archives show it.

taz serves the same content over Gemini (port 1965) with Gemini markup:
``# `` headings, ``=> <url> <label>`` link lines. Proxies show it without
the markup and with long, unwrapped lines:

- ``gemini-text``: the page as such a proxy shows it (gemini.nicfab.eu):
  heading ``taz.de -- …`` without ``# ``, lead without ``> ``, section
  headings without ``## ``, link lines as their label;
- ``gemini-proxy-log``: the same after a proxy's log rows (``-- Leo's gemini
  proxy``, ``-- Connecting to taz.de:1965...``, ``-- Meta line: …``);
- ``gemini-archive``: the same after an archive's header (capture line,
  ``View Raw``, previous/next capture, a ``-=-=-`` rule);
- ``gemtext``: raw text/gemini as a client fetching taz.de holds it.

The shown renderings lose markup; ``GeminiShown.restore`` puts back, as
hidden framing, the markup that can be told from the rows: the heading's
``# ``, the lead's ``> `` and the ``## `` of the tail section headings.
Subheads cannot be told from body text and stay text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

import attrs

from ..models import Framing
from ..vocabulary import (
    BARE_MARKUP,
    DATE,
    HEADING_MARK,
    PICTURE_MARKUP,
    SECTION_MARKUP,
    SECTION_NAMES,
    SITE,
    TITLE_MARKUP,
    Kind,
)
from .base import Meaning, Peeled, Rendering, Row

HEADING = TITLE_MARKUP.removeprefix(BARE_MARKUP)
"""What a heading row shows: ``taz.de -- ``, without ``# ``."""
SECTIONS = tuple(SECTION_NAMES.values())
"""Tail section headings, shown without ``## ``."""
_RULE = re.compile(r"(?:-=){3,}-?")
_LOG = re.compile(r"-- ")
_LINK = re.compile(r"=>[ \t]*\S+(?:[ \t]+|$)")


def _reads_as_article(rows: Sequence[Row], heading: int, meaning: Meaning) -> bool:
    """Say whether the page under ``rows[heading]`` reads as an article.

    Its title has a kicker (``Die Wahrheit: Reime``), or a date row or a tail
    section heading (``AUTOREN``, ``TAGS``…) follows; listing titles have no
    kicker and listings no date row.
    """
    if meaning.looks_like_title(rows[heading].content.removeprefix(HEADING)):
        return True
    return any(r.content in SECTIONS or DATE.fullmatch(r.content) for r in rows[heading + 1 :])


def _is_heading(line: str) -> bool:
    return line.startswith(HEADING) or line == SITE


class GeminiShown(Rendering):
    """A Gemini page as a proxy shows it: markup dropped, lines unwrapped."""

    name: ClassVar[str] = "gemini-text"
    description: ClassVar[str] = "text/gemini as a proxy shows it: no '#', no '>', unwrapped"
    blank: ClassVar[str] = "\n"
    unwrapped: ClassVar[bool] = True
    strips_trailing_space: ClassVar[bool] = True

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return 0.95 if any(_is_heading(line) for line in sample) else 0.0

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        return Peeled("i", "", line)

    def restore(self, rows: list[Row], meaning: Meaning) -> list[Row]:
        restored = list(rows)
        heading = next((i for i, r in enumerate(rows) if _is_heading(r.content)), None)
        if heading is None:
            return restored
        restored[heading] = _hide(rows[heading], BARE_MARKUP)
        lead = heading + 1
        site = rows[heading].content == SITE  # the home page: a listing, no lead
        if not site and lead < len(rows) and self._is_lead(rows, lead, meaning):
            restored[lead] = _hide(rows[lead], Kind.LEAD.markup)
        for index in range(lead, len(rows)):
            if rows[index].content in SECTIONS:
                restored[index] = _hide(rows[index], SECTION_MARKUP)
        return restored

    @staticmethod
    def _is_lead(rows: list[Row], index: int, meaning: Meaning) -> bool:
        """Say whether the row after the heading is the lead.

        It is when it ends a sentence, does not look like an entry title, is
        no proxy cut, and a ``Bild:`` row or a blank row follows it. Where
        the capture was whitespace-normalised (no blank row anywhere), the
        row needs neither when the page reads as an article: its heading has
        a kicker, or a date row or a tail section heading comes later.
        """
        if not meaning.reads_as_lead(rows[index].content):
            return False
        following = rows[index + 1].content if index + 1 < len(rows) else ""
        if rows[index].framing.gap or following.startswith(PICTURE_MARKUP):
            return True
        normalised = not any(row.framing.gap for row in rows)
        return normalised and index + 1 < len(rows) and _reads_as_article(rows, index - 1, meaning)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        if kind == Kind.LEAD and meaning is not None and not meaning.reads_as_lead(text):
            return Framing()  # a lead that ``restore`` would not find keeps its "> "
        return Framing(hidden=_HIDDEN.get(kind, ""))


_HIDDEN = {
    Kind.HEADING: BARE_MARKUP,
    Kind.LEAD: Kind.LEAD.markup,
    Kind.SECTION_HEAD: SECTION_MARKUP,
}
"""The markup the shown renderings hide, by row kind (``restore`` puts it back)."""


def _hide(row: Row, markup: str) -> Row:
    framing = attrs.evolve(row.framing, hidden=markup)
    return row._replace(content=markup + row.content, framing=framing)


class GeminiProxyLog(GeminiShown):
    """A Gemini page after a proxy's log rows (``-- Connecting to …``)."""

    name: ClassVar[str] = "gemini-proxy-log"
    description: ClassVar[str] = "Gemini proxy: '-- ' log rows, then the page without markup"
    header: ClassVar[str] = (
        "-- Leo's gemini proxy\n\n-- Connecting to taz.de:1965...\n\n-- Connected\n\n"
        "-- Sending request\n\n-- Meta line: 20 text/gemini;lang=de\n\n"
    )
    strips_trailing_space: ClassVar[bool] = False  # no capture shows that this proxy strips

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        if sample and sample[0].startswith("-- ") and any("Connect" in s for s in sample[:4]):
            return 1.0
        return 0.0

    def header_size(self, lines: Sequence[str]) -> int:
        size = 0
        for index, line in enumerate(lines):
            if _LOG.match(line):
                size = index + 1
            elif line.strip():
                break
        return size


class GeminiArchive(GeminiShown):
    """A Gemini page after an archive's header, which ends in a ``-=-=-`` rule."""

    name: ClassVar[str] = "gemini-archive"
    description: ClassVar[str] = "Gemini archive: capture header and '-=-=-' rule, then the page"
    header: ClassVar[str] = "Archived View for taz.de\n\nView Raw\n\n-=-=-=-=-=-=-\n\n"
    strips_trailing_space: ClassVar[bool] = False  # no capture shows that the archive strips

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return 1.0 if self.header_size(lines) else 0.0

    def header_size(self, lines: Sequence[str]) -> int:
        for index, line in enumerate(lines[:20]):
            if _RULE.fullmatch(line.strip()):
                return index + 1
        return 0


class Gemtext(Rendering):
    """Raw text/gemini: ``# `` headings kept, links as ``=> <url> <label>``."""

    name: ClassVar[str] = "gemtext"
    description: ClassVar[str] = "raw text/gemini: '# ' headings, '=> url label' link lines"
    blank: ClassVar[str] = "\n"
    unwrapped: ClassVar[bool] = True

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        heading = any(line.startswith(HEADING_MARK) for line in sample)
        if heading and any(line[:2] == "=>" and _LINK.match(line) for line in lines):
            return 0.97
        return 0.0

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        link = _LINK.match(line)
        if link:
            return Peeled("l", link.group(), line[link.end() :])
        return Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing("=> / " if item_type == "l" else "")
