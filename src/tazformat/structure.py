"""Structures inside an article body: interview turns, ticker items, verses.

These are rules read from the text of body rows; the grammar does not mark
them. Each returns plain data for :func:`tazformat.to_dict`.

- **Interview turns**: a block (a paragraph; where blank rows were dropped,
  also ended by a row that ends a sentence and leaves room for the next
  word) that starts with a speaker mark (``taz:``, ``taz am wochenende:``,
  ``Anna Berger (lacht):``) opens a turn. After it, an unmarked block of at
  most ``QUESTION_ROWS`` rows ending in ``?`` is the questioner's turn, and
  the block after it the answerer's (``None`` when several answer); other
  unmarked blocks continue the turn before. Turns are reported only when
  at least two marks are found and they are no ``Term:`` glossary.
- **Ticker items**: on a ticker page (title holding ``+++`` or naming a
  ticker, ``Liveticker``, or a row ending in an agency credit such as
  ``(dpa)``), each ``## `` subhead and
  each headline row (short, no sentence end, opening a block) opens an
  item, as does on any page a row ``<Place>, <time>: …`` with a clock time
  (``Ort, 7:41 (MEZ):``) or a zone (``Kyjiw, Mittag (MEZ): …``).
- **Verses**: a run of paragraphs whose verses are all short (rows, or the
  pieces between verse marks `` /`` and stanza marks `` //``) is a poem:
  with two or more marks, the marked parts, stanzas ended by `` //``;
  without, a run of at least ``MIN_VERSES`` short rows. Prose that quotes
  a verse inline has long pieces and stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .models import Article, Line, Paragraph, Subhead
from .references import strip_references
from .walk import stretches
from .wording import looks_like_teaser
from .wrapping import is_full

_WORD = r"(?:[A-ZÄÖÜ][\w.’'-]*|taz|wochentaz)"
_SPEAKER = re.compile(
    rf"(?P<speaker>{_WORD}(?: (?:{_WORD}|am|von|van|de|der|wochenende)){{0,3}})"
    r"(?: \((?P<note>[^()]{1,40})\))?: "
)
_TICKER = re.compile(
    r"(?P<place>[A-ZÄÖÜ][^,:]{0,40}), "
    r"(?:(?P<clock>\d{1,2}[.:]\d{2}(?: Uhr)?)(?: \((?P<czone>[A-Z]{2,5})\))?"
    r"|(?P<time>[^():\d][^():]{0,24}) \((?P<zone>[A-Z]{2,5})\)):(?: |$)"
)
_CREDIT = re.compile(r"\((?:[a-z]{2,7}|AP)(?:(?:, ?|/)(?:[a-z]{2,7}|AP))*\)$")
"""An agency credit closing a ticker item: ``(dpa)``, ``(afp, rtr)``."""
_QUESTION = re.compile(r"\?[“”\"«»)]?$")
_EMPTY_SUBHEAD = "##"
"""An empty subhead whose blank the capture trimmed: read as a text row."""
QUESTION_ROWS = 4
"""An unmarked question is at most this many rows."""


def _clean(text: str) -> str:
    """``text`` with references resolved and blanks single."""
    return " ".join(strip_references(text).split())


def _blocks(lines: Sequence[Line]) -> list[list[str]]:
    """A paragraph's rows as blocks: a new one starts at each speaker mark.

    Paragraphs are already split where the text shows an end (blank rows,
    or the wrap rule of ``tazformat.wrapping`` where they were dropped); a
    speaker mark opening a row inside one also starts a turn.
    """
    blocks: list[list[str]] = [[]]
    rows = [line.text for line in lines if line.text.strip() != _EMPTY_SUBHEAD]
    for row in rows:
        if blocks[-1] and _SPEAKER.match(row) is not None:
            blocks.append([])
        blocks[-1].append(row)
    return [block for block in blocks if block]


def _runs(article: Article) -> Iterator[tuple[Subhead | None, list[Line]]]:
    """The body's paragraphs as runs of rows, each after its subhead (if any)."""
    for stretch in stretches(article):
        for paragraph in stretch.paragraphs:
            yield stretch.heading, list(paragraph.lines)


def _is_question(block: list[str], has_next: bool) -> bool:
    """An unmarked question: a short block ending in ``?``, an answer after it."""
    return has_next and len(block) <= QUESTION_ROWS and bool(_QUESTION.search(block[-1].rstrip()))


def _is_glossary(marked: list[dict[str, str | None]]) -> bool:
    """Say whether the marked turns are ``Term:`` entries rather than speakers.

    A glossary names each term once, and either asks nothing or lists its
    terms in alphabetical order (three or more).
    """
    names = [str(turn["speaker"]) for turn in marked]
    if len(set(names)) < len(names):
        return False
    asks = any("?" in str(turn["text"]) for turn in marked)
    ordered = len(names) >= 3 and names == sorted(names, key=str.casefold)
    return not asks or ordered


def turns(article: Article) -> list[dict[str, str | None]]:
    """The interview turns: ``{"speaker", "note", "text"}``, in order.

    ``speaker`` is ``None`` for an unmarked answer when more than one person
    answers; ``note`` is a stage note (``lacht``) or ``None``.
    """
    found: list[dict[str, str | None]] = []
    marked: list[dict[str, str | None]] = []
    questioner: str | None = None
    blocks = [block for _, lines in _runs(article) for block in _blocks(lines)]
    for index, block in enumerate(blocks):
        text = " ".join(block)
        match = _SPEAKER.match(text)
        if match:
            turn = {"speaker": match.group("speaker"), "note": match.group("note"), "text": ""}
            found.append(turn)
            marked.append(turn)
            text = text[match.end() :]
            if _QUESTION.search(text.rstrip()):
                questioner = match.group("speaker")
        elif not found:
            continue  # an introduction before the first speaker mark
        elif _is_question(block, index + 1 < len(blocks)) and questioner is not None:
            found.append({"speaker": questioner, "note": None, "text": ""})
        elif found[-1]["speaker"] == questioner and _is_question_turn(found[-1]):
            answerers = {t["speaker"] for t in marked} - {questioner}
            speaker = answerers.pop() if len(answerers) == 1 else None
            found.append({"speaker": speaker, "note": None, "text": ""})
        found[-1]["text"] = _clean(" ".join(filter(None, [found[-1]["text"], text])))
    if len(marked) < 2 or _is_glossary(marked):
        return []
    return found


def _is_question_turn(turn: dict[str, str | None]) -> bool:
    return bool(_QUESTION.search(str(turn["text"])))


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


VERSE_MAX = 55
"""Longest verse, in characters: verses stand well short of the wrap width."""
MIN_VERSES = 4
"""Fewest verses that make a run of short rows without verse marks a poem."""
_MARK = re.compile(r"(?:^|\s)(/{1,2})(?=\s|$)\s*")
"""A verse mark `` /`` or stanza mark `` //`` standing as a word."""

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


def _is_verse(text: str) -> bool:
    return len(text) <= VERSE_MAX and any(c.isalnum() for c in text)


def _opens_item(row: str) -> bool:
    """A row that opens an interview turn or a ticker item: a short row, but no verse."""
    return _SPEAKER.match(row) is not None or _TICKER.match(row) is not None


def _stanza(paragraph: Paragraph) -> list[Piece] | None:
    """The paragraph's verses, or ``None`` when it is prose.

    With verse marks, the verses are the text between them; without, the
    rows. Every verse must be short (``VERSE_MAX``), and no row may open an
    interview turn (``Name:``) or a ticker item (``Ort, 7:41 (MEZ):``).
    """
    rows = [strip_references(line.text) for line in paragraph.lines]
    if any(_opens_item(row) for row in rows):
        return None
    pieces = _pieces(" ".join(rows))
    if not any(mark for _, mark in pieces):
        pieces = [(row.strip(), "") for row in rows]
    if all(_is_verse(verse) for verse, _ in pieces if verse):
        return pieces
    return None


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


def verses(article: Article) -> list[list[str]] | None:
    """The poem in the body as stanzas of verses, or ``None`` when it holds none.

    Verses are short rows or marked pieces (``_stanza``) in a run of
    paragraphs. Where two or more verse marks (`` /``, `` //``) stand in
    such runs, the poem is the marked parts, its stanzas ended by `` //``;
    otherwise a run of at least ``MIN_VERSES`` short rows is one.
    """
    runs: list[tuple[list[list[Piece]], list[Paragraph]]] = [([], [])]
    for block in article.body:
        stanza = _stanza(block) if isinstance(block, Paragraph) else None
        if stanza is None or not isinstance(block, Paragraph):
            runs.append(([], []))
            continue
        runs[-1][0].append(stanza)
        runs[-1][1].append(block)
    marks = sum(1 for run, _ in runs for stanza in run for _, mark in stanza if mark)
    poem: list[list[str]] = []
    for run, blocks in runs:
        if marks >= 2:
            for part in _marked(run):
                poem.extend(_by_marks(part))
        elif sum(len(stanza) for stanza in run) >= MIN_VERSES:
            poem.extend(_by_rows(run, blocks))
    return poem or None
