"""Hypothesis strategies for interviews and poems (issue 22, items 1 and 4).

:func:`interviews` generates an interview as taz sets one: an optional
introduction, then turns that alternate question and answer, labelled
(``taz:``, ``Anna Berger:``, a short ``Berger:``) throughout or only in
the first pair. :func:`poems` generates a poem with the rows that are no
verses around it (a title row, an epigraph's attribution, the byline) and
the rows that are (``Moral:`` rows, wide rows, two verses glued). Both are
written in gopher-menu (blank rows kept: the truth) and meulie-framed
(blank rows dropped). The words are written for these tests.
"""

from __future__ import annotations

import itertools
import textwrap

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from tazformat.wrapping import WRAP, is_full

_WORD_TEXT = (
    "der die das und nicht mit auf für Alm Kuh Kälber Stall Hof Wiese Sommer Winter "
    "Weide Milch Käse Bäuerin Nachbarn Dorf Berge Wolken Regen Nebel melkt füttert "
    "wartet bleibt zählt heute gestern lange wieder kaum bald oft immer neue alte "
    "große kleine grüne Menschen Kinder Tiere Wege Zäune Brunnen Glocken"
)
_WORDS = tuple(_WORD_TEXT.split())
_STARTS = ("Die", "Der", "Das", "Im", "Es", "Wir", "Ein", "Auch", "Doch", "Am", "Nun", "Seit")
_ASKERS = ("Wie", "Warum", "Wann", "Wo", "Was", "Wer", "Und", "Haben Sie", "Sind Sie")

QUESTIONER = ("taz", "taz am wochenende", "Jan Werner")
"""Labels of the one who asks: the publication's, or a journalist's name."""
ANSWERER, SHORT = "Anna Berger", "Berger"
"""The one who answers, under a full and a short name."""


def _phrase(draw: st.DrawFn, start: tuple[str, ...], low: int, high: int) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=low, max_size=high))
    return " ".join([draw(st.sampled_from(start)), *words])


@st.composite
def question(draw: st.DrawFn) -> tuple[str, ...]:
    """A question of one or two rows: ending in ``?``, in ``…``, or a statement."""
    end = draw(st.sampled_from(("?", "?", "?", "…", ".")))
    start = _STARTS if end == "." else _ASKERS
    text = _phrase(draw, start, 1, 14) + end
    return tuple(textwrap.wrap(text, WRAP))


@st.composite
def short_answer(draw: st.DrawFn) -> tuple[str, ...]:
    """An answer of one word to four rows, ending in ``.``, ``!`` or (rarely) ``?``."""
    if draw(st.booleans()):
        return (draw(st.sampled_from(("Ja.", "Nein.", "Doch.", "Vielleicht.", "Nie!"))),)
    end = draw(st.sampled_from((".", ".", "!", "?")))
    text = " ".join(_phrase(draw, _STARTS, 2, 12) + "." for _ in range(draw(st.integers(1, 3))))
    rows = textwrap.wrap(text[:-1] + end, WRAP)
    assume(len(rows) <= 4)
    return tuple(rows)


@st.composite
def long_paragraph(draw: st.DrawFn) -> tuple[str, ...]:
    """A paragraph of an answer: five rows or more, ending a sentence with ``.``."""
    text = " ".join(_phrase(draw, _STARTS, 6, 14) + "." for _ in range(draw(st.integers(5, 8))))
    rows = textwrap.wrap(text, WRAP)
    assume(len(rows) >= 5)
    return tuple(rows)


Block = tuple[str, tuple[str, ...]]
"""A block: its role (``"question"``, ``"answer"``, ``"more"`` for an answer's next
paragraph, ``"intro"``) and its rows, the label included where it has one."""


@attrs.frozen
class Interview:
    """A generated interview: its blocks and the turns a reader sees."""

    blocks: tuple[Block, ...]
    turns: tuple[tuple[str, str], ...]
    """``(speaker, role)`` of each turn, in order."""


def _label(name: str, rows: tuple[str, ...]) -> tuple[str, ...]:
    """The block with its label, wrapped again as taz wraps it."""
    return tuple(textwrap.wrap(f"{name}: {' '.join(rows)}", WRAP))


@st.composite
def interviews(draw: st.DrawFn, *, labels: str) -> Interview:
    """An interview whose labels run ``"throughout"``, or stop after the first pair.

    Labelled throughout, answers run to several paragraphs and the answerer
    is labelled under a full and a short name. Where the labels ``"stop"``,
    each turn is one block (questions short, answers of one word to four
    rows), and more questions end in ``?`` or ``…`` than twice the answers
    that do, as in an interview set turn by turn. Where they stop and the
    answers are ``"long"`` (paragraphs of five rows or more, one to three),
    the questions end in ``?`` or ``…``. Any may open with the answer.
    """
    asker = draw(st.sampled_from(QUESTIONER))
    pairs = draw(st.integers(2, 7))
    opens_with_answer = draw(st.booleans()) and asker != "Jan Werner"
    roles = ["answer"] * opens_with_answer + ["question", "answer"] * pairs
    blocks: list[Block] = []
    if draw(st.booleans()):
        blocks.append(("intro", draw(long_paragraph())))
    turns: list[tuple[str, str]] = []
    for index, role in enumerate(roles):
        rows = draw(question()) if role == "question" else draw(short_answer())
        if role == "question" and labels == "long":
            assume(_asks(rows))
        if role == "question" and asker == "Jan Werner" and not turns:
            assume(rows[-1].endswith("?"))  # no publication: the asker shows by asking
        if role == "answer" and labels == "long":
            rows = draw(long_paragraph())
        labelled = labels == "throughout" or index < 2
        if role == "question":
            speaker = asker
        elif labelled and index > 1 and draw(st.booleans()):
            speaker = SHORT
        else:
            speaker = ANSWERER
        blocks.append((role, _label(speaker, rows) if labelled else rows))
        turns.append((speaker, role))
        if role == "answer" and labels != "stop":
            blocks += [("more", draw(long_paragraph())) for _ in range(draw(st.integers(0, 2)))]
    if labels != "throughout":
        turns = turns[:2] + [(asker if r == "question" else ANSWERER, r) for _, r in turns[2:]]
    if labels == "stop":
        unlabelled = blocks[2 + (blocks[0][0] == "intro") :]
        asks = sum(1 for role, rows in unlabelled if role == "question" and _asks(rows))
        answers = sum(1 for role, rows in unlabelled if role == "answer" and _asks(rows))
        assume(asks >= 1 and asks > 2 * answers)
    return Interview(tuple(blocks), tuple(turns))


def _asks(rows: tuple[str, ...]) -> bool:
    return len(rows) <= 4 and rows[-1].endswith(("?", "…"))


HEADING = "# taz.de -- Gespräch: Über die Alm"
LEAD = "> Ein Gespräch über Kühe."
DATE = "3 Oct 2025"


def gopher_menu(blocks: tuple[tuple[str, ...], ...], tail: tuple[str, ...] = ()) -> str:
    """Blocks as gopher-menu shows them: a blank row after each (the truth)."""
    blank = " " * 7 + "\n"
    out = [HEADING + "\n", blank, " " * 7 + LEAD + "\n", blank]
    for rows in blocks:
        out += [" " * 7 + row + "\n" for row in rows] + [blank]
    out.append(" " * 7 + DATE + "\n")
    return "".join(out + [" " * 7 + row + "\n" for row in tail])


def meulie_framed(blocks: tuple[tuple[str, ...], ...], tail: tuple[str, ...] = ()) -> str:
    """Blocks as meulie-framed shows them: no blank rows; rows must not need a cut."""
    rows = [HEADING, LEAD, *(row for block in blocks for row in block), DATE, *tail]
    assume(all(len(row.encode("utf-8")) <= 80 for row in rows))
    return "".join(f"| {row} | |\n" for row in rows)


def ends_seen(blocks: tuple[tuple[str, ...], ...]) -> bool:
    """Say whether the wrap rule sees every block end: no last row is full before the next."""
    return not any(is_full(block[-1], after[0]) for block, after in itertools.pairwise(blocks))


# -- poems ------------------------------------------------------------------------------------

VERSE_MAX = 55
"""Longest verse that needs no wrap evidence (``poems.VERSE_MAX``)."""
WORD_LABELS = ("Moral", "Fazit", "Die Folge", "Merke")


@st.composite
def short_verse(draw: st.DrawFn) -> str:
    """A verse of two to six words, well short of the wrap width."""
    text = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6)))
    assume(len(text) <= 40)
    return text[:1].upper() + text[1:] + draw(st.sampled_from(("", ",", ".", "!", " –")))


@st.composite
def wide_verse(draw: st.DrawFn) -> str:
    """A verse longer than ``VERSE_MAX`` and no longer than the wrap width."""
    text = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=8, max_size=14)))
    assume(VERSE_MAX < len(text) + 1 <= WRAP)
    return text[:1].upper() + text[1:] + ","


@st.composite
def glued(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Two verses glued by the source (``begrenzen.Und``): the row and its two verses."""
    first = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5)))
    second = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5)))
    assume(first[-1].islower() and second[:1].isalpha())
    first = first[:1].upper() + first[1:] + "."
    second = second[:1].upper() + second[1:]
    return first + second, [first, second]


@attrs.frozen
class Poem:
    """A generated poem: the body's paragraphs, its stanzas and the author."""

    paragraphs: tuple[tuple[str, ...], ...]
    """The rows of each stanza, the title row and attribution included."""
    stanzas: tuple[tuple[str, ...], ...]
    """The verses a reader sees, in stanzas."""
    author: str | None
    """The author, whose byline stands last and ``## AUTOREN`` names."""

    @property
    def tail(self) -> tuple[str, ...]:
        return () if self.author is None else ("## AUTOREN", self.author)


@st.composite
def poems(draw: st.DrawFn) -> Poem:
    """A poem of stanzas (two to six rows) with what stands around it.

    Rows are short verses, ``Word:`` verses, wide verses that leave room for
    the next verse's first word (the first and last verse short: a wide row
    at a run's edge is no verse, the rule's stated limit) and glued pairs.
    It may open with a row repeating the headline and an epigraph with its
    attribution, and end with the author's byline.
    """
    stanzas: list[list[str]] = []
    paragraphs: list[list[str]] = []
    for _ in range(draw(st.integers(1, 4))):
        rows: list[str] = []
        verses: list[str] = []
        for _ in range(draw(st.integers(2, 6))):
            kind = draw(st.sampled_from(("short", "short", "short", "label", "wide", "glued")))
            if kind == "glued":
                row, parts = draw(glued())
                assume(len(row) <= WRAP)
            elif kind == "label":
                row = f"{draw(st.sampled_from(WORD_LABELS))}: {draw(short_verse())}"
                parts = [row]
            else:
                row = draw(wide_verse() if kind == "wide" else short_verse())
                parts = [row]
            rows.append(row)
            verses += parts
        paragraphs.append(rows)
        stanzas.append(verses)
    flat = [row for rows in paragraphs for row in rows]
    assume(len(flat[0]) <= VERSE_MAX and len(flat[-1]) <= VERSE_MAX)
    assume(sum(map(len, stanzas)) >= 4)
    assume(not any(is_full(row, after) for row, after in itertools.pairwise(flat)))
    labels = [row.split(": ", 1)[0] for row in flat if ": " in row]
    assume(all(labels.count(name) == 1 for name in labels))
    if draw(st.booleans()):
        paragraphs.insert(0, ["Am Brunnen vor dem Tore,", "– Wilhelm Müller"])
        stanzas.insert(0, ["Am Brunnen vor dem Tore,"])
    if draw(st.booleans()):
        paragraphs.insert(0, ["Das Lied von der Alm"])
    author = "Erika Muster" if draw(st.booleans()) else None
    if author is not None:
        paragraphs.append([author])
    return Poem(tuple(map(tuple, paragraphs)), tuple(map(tuple, stanzas)), author)


POEM_HEADING = "# taz.de -- Die Wahrheit: Das Lied von der Alm"
POEM_LEAD = "> Donnerstag ist Gedichtetag."


def poem_page(poem: Poem, *, blank_rows: bool) -> str:
    """The poem's page in gopher-menu (``blank_rows``) or meulie-framed."""
    if blank_rows:
        blank = " " * 7 + "\n"
        out = [POEM_HEADING + "\n", blank, " " * 7 + POEM_LEAD + "\n", blank]
        for paragraph in poem.paragraphs:
            out += [" " * 7 + row + "\n" for row in paragraph] + [blank]
        out += [" " * 7 + row + "\n" for row in (DATE, *poem.tail)]
        return "".join(out)
    rows = [POEM_HEADING, POEM_LEAD, *(r for p in poem.paragraphs for r in p), DATE, *poem.tail]
    assume(all(len(row.encode("utf-8")) <= 80 for row in rows))
    return "".join(f"| {row} | |\n" for row in rows)
