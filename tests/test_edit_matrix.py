"""Every rendering × every node kind × hostile texts: written as edited, or refused.

In the manner of LibCST's ``validate_node`` tests: each row of a page that
has every part is given each hostile text, in every rendering, both with
the framing it was parsed with (its text edited) and with new framing (built
in code), and ``dumps`` must either refuse it with an ``EditError`` naming
that very row, or write text that reads back with the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tazformat
from strategies import documents, words
from tazformat.errors import EditError
from tazformat.models import Document, Line, RowNode
from tazformat.renderings import RENDERINGS, get
from tazformat.vocabulary import Kind
from tazformat.walk import map_rows, paths
from written import LISTING, in_rendering, written_or_refused

ARTICLE = (
    "# taz.de -- Stadt: Ein Platz\n"
    "\n"
    "> Der Platz wird neu gestaltet.\n"
    "\n"
    "Bild: Der Platz am Morgen\n"
    "\n"
    "Berlin taz | Der Bezirk plant seit Jahren um, und die Anwohner wissen\n"
    "schon: die Bäume kommen im Herbst.\n"
    "\n"
    "## Was die Leute sagen\n"
    "\n"
    "Viele freuen sich.\n"
    "\n"
    "3 Oct 2025\n"
    "\n"
    "## LINKS\n"
    "\n"
    "[1] /Platz/!6000001\n"
    "\n"
    "## AUTOREN\n"
    "\n"
    "Lena Groß\n"
    "\n"
    "## TAGS\n"
    "\n"
    "Berlin\n"
    "Stadtplanung\n"
)
"""An article with every part, written for these tests (plain rendering)."""

TWO_ENTRIES = LISTING + (
    "       \n (DIR) Schule: Neue Räume für die Klassen\n       \n       Der Umbau ist fertig.\n"
)
"""A listing of two entries in the gopher menu rendering."""

HOSTILE = (
    "",
    " ",
    "  ",
    "\t",
    "a\tb",
    "\r",
    "zwei\nZeilen",
    "\u2028",
    "vor\u2028nach",
    "=> /x kein Link",
    "=>/x",
    "| x",
    "x | |",
    "# x",
    "## x",
    "## LINKS",
    "> x",
    "Bild: x",
    "[1] /x",
    "8 Jan 2022",
    " (DIR) x",
    "(DIR) x",
    "i\tx",
    "-- Connected",
    "# taz.de -- Kopf: Zeile",
    "Wort " * 60,
)
"""Texts that a rendering or the grammar may read otherwise."""

NAMES = [rendering.name for rendering in RENDERINGS]


def _pages() -> Iterator[tuple[str, Document]]:
    for name, text in (("article", ARTICLE), ("listing", TWO_ENTRIES)):
        yield name, tazformat.loads(text)


def _row_paths(doc: Document) -> list[str]:
    return [path for path, _ in paths(doc)]


def _edit(doc: Document, path: str, text: str, *, keep_framing: bool) -> Document:
    """``doc`` with the row at ``path`` given ``text`` (and new framing unless kept)."""
    target = dict(paths(doc))[path]

    def row(node: RowNode) -> RowNode:
        if node is not target:
            return node
        framing = node.framing if keep_framing else None
        return attrs.evolve(node, text=text, framing=framing)

    return map_rows(doc, row)


def _shows_items(rendering: str) -> bool:
    """Whether ``rendering`` marks a link item (a label, a ``=>``) apart from a text row."""
    shown = get(rendering)
    return shown.frame(Kind.ITEM, "l") != shown.frame(Kind.TEXT, "i")


def _rows(doc: Document, rendering: str) -> list[tuple[str, str]]:
    """Each row as its class and text.

    Where the rendering shows no item labels, which row of an entry is its
    title and which its teaser is read from wording (spec § 2.7): there such
    a row's class is no claim of the text, and it counts as ``entry row``.
    """
    inferred = not _shows_items(rendering)
    found = []
    for path, row in paths(doc):
        entry = path.startswith("page.items[") or (
            ".items[" in path and "Related" in _owner(doc, path)
        )
        name = "entry row" if inferred and entry else type(row).__name__
        found.append((name, row.text))
    return found


def _owner(doc: Document, path: str) -> str:
    """The class of the tail section a row under ``page.sections[n]`` stands in."""
    if not path.startswith("page.sections["):
        return ""
    index = int(path.removeprefix("page.sections[").split("]")[0])
    return type(doc.page.sections[index]).__name__  # type: ignore[union-attr]


def _check(doc: Document, path: str, rendering: str) -> str:
    """Write ``doc``: refused for the row at ``path``, or read back with the same rows."""
    text = written_or_refused(doc)
    if isinstance(text, EditError):
        assert text.path == path, str(text)
        return "refused"
    back = tazformat.loads(text, rendering=rendering)
    assert _rows(back, rendering) == _rows(doc, rendering), text
    assert tazformat.dumps(back) == text
    return "written"


CASES = [
    (page, rendering, keep)
    for page in ("article", "listing")
    for rendering in NAMES
    for keep in (True, False)
]


@pytest.mark.parametrize(("page", "rendering", "keep_framing"), CASES)
def test_every_row_with_every_hostile_text(page: str, rendering: str, keep_framing: bool) -> None:
    base = in_rendering(dict(_pages())[page], rendering)
    assert base.diagnostics == ()
    outcomes: dict[str, int] = {"refused": 0, "written": 0}
    for path in _row_paths(base):
        for text in HOSTILE:
            edited = _edit(base, path, text, keep_framing=keep_framing)
            outcomes[_check(edited, path, rendering)] += 1
    assert outcomes["refused"] > 0  # a blank row is never written as a row
    assert outcomes["written"] > 0


Edit = Callable[[Document], Document]


def test_the_matrix_covers_every_kind_of_row() -> None:
    kinds = {type(row).__name__ for _, doc in _pages() for row in doc.rows()}
    assert {
        "Title",
        "Line",
        "Picture",
        "Subhead",
        "DateRow",
        "SectionHeading",
        "LinkTarget",
    } <= kinds
    assert isinstance(next(iter(_pages()))[1].page.body[0].lines[0], Line)  # type: ignore[union-attr]


HOSTILE_PIECES = st.sampled_from(
    ["", " ", "\t", "\r", "\u2028", "=> ", "| ", "# ", "## ", "> ", " (DIR) ", "Bild: ", "[1] "]
)
"""Pieces of text that a rendering or the grammar reads as something of its own."""


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """Words with hostile pieces before, between and after them."""
    parts = draw(st.lists(st.one_of(HOSTILE_PIECES, words), min_size=0, max_size=5))
    if draw(st.booleans()):
        parts.append("Wort " * draw(st.integers(10, 70)))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(NAMES), hostile_texts(), st.data(), st.booleans())
def test_any_row_edited_to_hostile_text_is_written_as_edited_or_refused(
    doc: Document, rendering: str, text: str, data: st.DataObject, keep_framing: bool
) -> None:
    base = written_or_refused(doc, rendering)
    if isinstance(base, EditError):  # a page this rendering cannot hold (phoxy: no prelude)
        assume(False)
        return
    parsed = tazformat.loads(base, rendering=rendering)
    rows = _row_paths(parsed)
    assume(rows)
    path = data.draw(st.sampled_from(rows))
    _check(_edit(parsed, path, text, keep_framing=keep_framing), path, rendering)


def test_a_row_gone_after_repeated_rows_is_the_one_named() -> None:
    """Rows that repeat before a row that reads as blank do not take its blame."""
    text = "# taz.de -- A: B\n\n> Eins\n> Eins\n> Eins\n\nText.\n\n## AUTOREN\n\nAnna\n"
    doc = tazformat.loads(text)
    path = "page.sections[0].items[0]"
    assert _check(_edit(doc, path, "", keep_framing=False), path, doc.rendering) == "refused"
