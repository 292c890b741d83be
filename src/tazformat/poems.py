"""Verses: a poem in an article body, as stanzas of verses.

A verse is a row a poet ended, not the wrap: a short row (``VERSE_MAX``),
or, between verse marks `` /`` and stanza marks `` //``, the piece between
them. A paragraph all of whose verses are verses is a stanza candidate;
rows up to the wrap width (``WRAP``) are verses too where they do not fill
it, that is where the next row's first word would have fitted (a paragraph
of two or more such rows; one such row only inside a run of stanzas).

With two or more marks in such runs, the poem is the marked parts, stanzas
ended by `` //``; without, a run of at least ``MIN_VERSES`` verses is one.

Not verses: a row opening a ticker item (``Ort, 7:41 (MEZ):``); a row
opening with a speaker label where labels mark an interview (the
publication's label, or two people each labelled twice or more; ``Moral:``
and ``Fazit:`` in a poem are verses); a first verse equal to the headline
(the poem's title); an epigraph's attribution (``– Rilke``); and the
byline, a row of only a name standing last before the date, that
``## AUTOREN`` names as an author. Two verses the source glued
(``begrenzen.Und``) are read as two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from .models import Article, Paragraph
from .references import strip_references
from .speakers import is_publication, label, people
from .structure import opens_ticker_item
from .vocabulary import Found
from .wrapping import WRAP, is_full

VERSE_MAX = 55
"""Longest verse, in characters, that needs no wrap evidence: prose rows run to 75."""
MIN_VERSES = 4
"""Fewest verses that make a run of short rows without verse marks a poem."""
_MARK = re.compile(r"(?:^|\s)(/{1,2})(?=\s|$)\s*")
"""A verse mark `` /`` or stanza mark `` //`` standing as a word."""
_GLUED = re.compile(r"(?<=[a-zäöüß][.!?;])(?=[A-ZÄÖÜ][a-zäöüß])")
"""Where the source glued two verses: a sentence end, then a capital, no blank."""
_NAME = r"[A-ZÄÖÜ][\w’'.-]*(?: (?:[A-ZÄÖÜ][\w’'.-]*|von|van|de|der|zu)){0,3}"
_ATTRIBUTION = re.compile(
    rf"(?:[–—-] ?{_NAME}(?:, (?:\d{{3,4}}|„[^“]*“|{_NAME}))?|\({_NAME}(?:, \d{{3,4}})?\))"
)
"""An epigraph's attribution: a dash or a bracket around a name (``– Rilke, 1903``)."""
_BYLINE = re.compile(rf"{_NAME} {_NAME}")
"""A byline: a name of two words or more (particles allowed), nothing else."""

Piece = tuple[str, str]
"""A verse and the mark after it: ``"/"``, ``"//"`` or ``""``."""


def _pieces(text: str) -> list[Piece]:
    """``text`` cut at its verse marks; a mark with no verse before it keeps ``""``."""
    parts = _MARK.split(text)
    pieces: list[Piece] = []
    for index in range(0, len(parts), 2):
        verse = parts[index].strip()
        mark = parts[index + 1] if index + 1 < len(parts) else ""
        if verse or mark:
            pieces.append((verse, mark))
    return pieces


def _is_verse(text: str, limit: int = VERSE_MAX) -> bool:
    return len(text) <= limit and any(c.isalnum() for c in text)


def labels_mark_turns(article: Article) -> bool:
    """Say whether the body's speaker labels mark an interview.

    They do where the publication is labelled (``taz:``), or two or more
    people are each labelled more than once.
    """
    names = [
        match.group("speaker")
        for paragraph in article.paragraphs
        for line in paragraph.lines
        if (match := label(line.text)) is not None
    ]
    if any(is_publication(name) for name in names):
        return True
    person = people(names)
    counts = Counter(person[name] for name in names)
    return sum(1 for count in counts.values() if count >= 2) >= 2


def _stanza(paragraph: Paragraph, turns: bool) -> tuple[list[Piece], bool] | None:
    """The paragraph's verses and whether it is one wide row, or ``None`` when it is prose.

    With verse marks, the verses are the text between them, each short;
    without, the rows: each short, or all up to ``WRAP`` with no row full
    before the next. No row may open a ticker item, nor a turn where
    ``turns`` (labels mark an interview).
    """
    rows = [strip_references(line.text).strip() for line in paragraph.lines]
    if any(opens_ticker_item(row) or (turns and label(row)) for row in rows):
        return None
    pieces = _pieces(" ".join(rows))
    if any(mark for _, mark in pieces):
        return (pieces, False) if all(_is_verse(v) for v, _ in pieces if v) else None
    if not rows or not all(_is_verse(row, WRAP) for row in rows):
        return None
    if any(is_full(row, following) for row, following in pairwise(rows)):
        return None
    wide = [row for row in rows if len(row) > VERSE_MAX]
    return [(row, "") for row in rows], len(rows) == 1 and bool(wide)


def _marked(run: list[list[Piece]]) -> Iterator[list[list[Piece]]]:
    """The parts of a run that a marked poem holds.

    A part starts at a paragraph with a mark and goes on while each
    paragraph has a mark or follows one that ended with a mark (the last
    verse of a poem carries none).
    """
    part: list[list[Piece]] = []
    for stanza in run:
        if any(mark for _, mark in stanza) or (part and part[-1][-1][1]):
            part.append(stanza)
        elif part:
            yield part
            part = []
    if part:
        yield part


def _by_marks(part: list[list[Piece]]) -> list[list[str]]:
    stanzas: list[list[str]] = [[]]
    for verse, mark in (piece for stanza in part for piece in stanza):
        if verse:
            stanzas[-1].append(verse)
        if mark == "//":
            stanzas.append([])
    return [stanza for stanza in stanzas if stanza]


def _by_rows(part: list[list[Piece]], blocks: list[Paragraph]) -> list[list[str]]:
    """Stanzas of an unmarked poem: its paragraphs, where blank rows or code made them.

    Where every paragraph is one verse, or the wrap rule found the ends,
    they say nothing of stanzas: the poem is one stanza.
    """
    stanzas = [[verse for verse, _ in stanza] for stanza in part]
    made = all(p.lines[-1].framing is None or p.lines[-1].framing.gap for p in blocks[:-1])
    if made and any(len(stanza) > 1 for stanza in stanzas):
        return stanzas
    return [[verse for stanza in stanzas for verse in stanza]]


Run = list[tuple[list[Piece], Paragraph, bool]]


def _runs(article: Article) -> list[Run]:
    """Runs of stanza candidates, one-row wide stanzas trimmed from their ends."""
    turns = labels_mark_turns(article)
    runs: list[Run] = [[]]
    for block in article.body:
        found = _stanza(block, turns) if isinstance(block, Paragraph) else None
        if found is None or not isinstance(block, Paragraph):
            runs.append([])
            continue
        runs[-1].append((found[0], block, found[1]))
    trimmed: list[Run] = []
    for run in runs:
        while run and run[0][2]:
            run = run[1:]
        while run and run[-1][2]:
            run = run[:-1]
        trimmed.append(run)
    return trimmed


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).casefold()


def _byline(article: Article) -> str | None:
    """The byline: the body's last row, before the date, when it is an author's name.

    ``## AUTOREN`` must name it: without it, a last verse of two nouns
    (``Der Stadt``) reads as a name.
    """
    if article.date is None or not article.body or not isinstance(article.body[-1], Paragraph):
        return None
    row = article.body[-1].lines[-1].text.strip()
    if _BYLINE.fullmatch(row) is None:
        return None
    name = _plain(row)
    return row if any(name == _plain(author) for author in article.authors) else None


def _verses(stanza: list[str]) -> list[str]:
    """A stanza's verses, glued verses parted, attributions left out."""
    found = [part for verse in stanza for part in _GLUED.split(verse) if part]
    return [verse for verse in found if _ATTRIBUTION.fullmatch(verse) is None]


def verses(article: Article) -> list[list[str]] | None:
    """The poem in the body as stanzas of verses, or ``None`` when it holds none (``poem``)."""
    return poem(article)[0]


def poem(article: Article) -> tuple[list[list[str]] | None, str | None]:
    """The poem in the body as stanzas of verses, and how its verses were found.

    ``None, None`` when the body holds no poem. Verses split at verse marks
    are ``marked``; verses read from rows by their width are ``inferred``
    (spec § 2.9).

    Verses are rows or marked pieces (``_stanza``) in a run of paragraphs.
    Where two or more verse marks (`` /``, `` //``) stand in such runs, the
    poem is the marked parts, its stanzas ended by `` //``; otherwise a run
    of at least ``MIN_VERSES`` verses is one. A first verse equal to the
    headline, attributions and the byline are left out.
    """
    runs = _runs(article)
    marks = sum(1 for run in runs for stanza, _, _ in run for _, mark in stanza if mark)
    byline = _byline(article)
    headline = _plain(article.title.headline)
    stanzas_found: list[list[str]] = []
    for run in runs:
        stanzas = [stanza for stanza, _, _ in run]
        if marks >= 2:
            found = [s for part in _marked(stanzas) for s in _by_marks(part)]
        else:
            found = _by_rows(stanzas, [block for _, block, _ in run])
        found = [_verses(stanza) for stanza in found]
        if found and found[0] and _plain(found[0][0]) == headline:
            found[0] = found[0][1:]
        if byline is not None and run is runs[-1] and found and found[-1][-1:] == [byline]:
            found[-1] = found[-1][:-1]
        found = [stanza for stanza in found if stanza]
        if marks >= 2 or sum(map(len, found)) >= MIN_VERSES:
            stanzas_found.extend(found)
    if not stanzas_found:
        return None, None
    return stanzas_found, str(Found.MARKED if marks >= 2 else Found.INFERRED)
