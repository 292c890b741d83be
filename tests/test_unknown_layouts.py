"""Pages in layouts no rendering fits cleanly: frame residue, unknown margins.

Every fixture is the bundled demo page written in a rendering by ``dumps``,
then damaged by hand the way an unknown proxy or a careless copy would.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

import tazformat
from tazformat import renderings
from tazformat.errors import ParseError
from tazformat.models import Article, Document, Listing

DEMO = resources.files("tazformat").joinpath("data/demo.txt").read_text(encoding="utf-8")
TITLE = "Bücherbus in Kreuzberg: Eine Bibliothek auf vier Rädern"


def written(rendering: str) -> str:
    """The demo page in ``rendering``'s canonical form."""
    return tazformat.dumps(tazformat.loads(DEMO), rendering=rendering)


PLAIN = written("plain")


def content(doc: Document) -> dict[str, Any]:
    """What ``to_dict`` says of the page, leaving out how it was read."""
    data = tazformat.to_dict(doc)
    return {k: v for k, v in data.items() if k not in ("rendering", "diagnostics", "truncated")}


def codes(doc: Document) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in doc.diagnostics]


def framed(line: str) -> str:
    return f"| {line} | |"


def mixed(text: str) -> str:
    """Every third row framed ``| … | |``, the others left plain."""
    rows = text.split("\n")[:-1]
    return "".join((framed(row) if i % 3 == 0 else row) + "\n" for i, row in enumerate(rows))


LINES = PLAIN.count("\n")

CASES = {
    "left frame on the first row only": ("| " + PLAIN, [("frame-residue", 1)]),
    "lone '|' row at the end": (PLAIN + "|\n", [("frame-residue", LINES + 1)]),
    "first-row residue and CRLF": (
        ("| " + PLAIN).replace("\n", "\r\n"),
        [("frame-residue", 1)],
    ),
    "framed and unframed rows mixed": (
        mixed(PLAIN),
        [("frame-residue", n) for n in range(1, LINES + 1, 3)],
    ),
    "an unknown indent on every row": ("".join("    " + r for r in PLAIN.splitlines(True)), []),
}


@pytest.mark.parametrize(("text", "damage"), CASES.values(), ids=list(CASES))
def test_the_page_survives_frame_residue(text: str, damage: list[tuple[str, int]]) -> None:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert isinstance(doc.page, Article)
    assert doc.page.title.text == TITLE
    assert content(doc) == content(tazformat.loads(PLAIN))
    assert doc.rendering == "plain"
    found = [c for c in codes(doc) if c[0] != "unknown-rendering"]
    assert found == damage
    assert not any(code in ("no-page", "unknown-row") for code, _ in codes(doc))


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("| " + PLAIN, True),  # no rendering fits cleanly
        (PLAIN + "|\n", False),  # plain fits; its last row is residue
    ],
)
def test_an_unknown_layout_is_named_only_when_no_rendering_fits(text: str, noted: bool) -> None:
    doc = tazformat.loads(text)
    assert (doc.diagnostics[0].code == "unknown-rendering") is noted
    if noted:
        assert "read as plain" in doc.diagnostics[0].message


def test_a_lone_bar_row_is_a_blank_row_not_an_entry() -> None:
    doc = tazformat.loads(PLAIN + "|\n")
    assert content(doc) == content(tazformat.loads(PLAIN))
    assert isinstance(doc.page, Article)
    related = doc.page.sections[-1]
    assert related.items[-1].teaser[-1].framing.gap == "|\n"  # type: ignore[union-attr]


def test_a_heading_behind_residue_in_a_rendering_that_fits() -> None:
    menu = written("gopher-menu")
    text = "| " + menu
    assert renderings.detect(menu.split("\n"))[0].name == "gopher-menu"
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert doc.rendering == "gopher-menu"
    assert isinstance(doc.page, Article)
    assert doc.page.title.text == TITLE
    assert codes(doc) == [("frame-residue", 1)]
    assert content(doc) == content(tazformat.loads(menu))


def test_the_fewest_damaged_rows_win() -> None:
    """Framed rows after 11 unframed ones: the unframed rows are the damage."""
    rows = written("meulie-framed").split("\n")[:-1]
    rows[:11] = [row[2:-4] for row in rows[:11]]
    text = "\n".join(rows) + "\n"
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert doc.rendering == "meulie-framed"
    assert isinstance(doc.page, Article)
    assert doc.page.title.text == TITLE
    assert codes(doc) == [("bad-frame", n) for n in range(1, 12)]


@pytest.mark.parametrize("name", [r.name for r in renderings.RENDERINGS])
def test_clean_captures_are_read_as_before(name: str) -> None:
    text = written(name)
    doc = tazformat.loads(text)
    assert doc.rendering == name
    assert not any(d.code in ("frame-residue", "unknown-rendering") for d in doc.diagnostics)


@pytest.mark.parametrize(
    "text",
    [
        "Willkommen beim Proxy\nEin Text ohne Kopf\n",
        "| Ein Text ohne Kopf\n|\n",
        "(DIR) taz.de -- Nord\n",
    ],
)
def test_without_a_heading_the_rows_stay_plain(text: str) -> None:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert doc.page is None
    assert "no-page" in [d.code for d in doc.diagnostics]


def test_a_site_heading_behind_residue_is_found() -> None:
    text = "| # taz.de\nAlle Artikel\n"
    doc = tazformat.loads(text)
    assert isinstance(doc.page, Listing)
    assert tazformat.dumps(doc) == text


def test_strict_mode_raises_at_the_residue() -> None:
    with pytest.raises(ParseError) as raised:
        tazformat.loads(PLAIN + "|\n", strict=True)
    assert (raised.value.code, raised.value.line) == ("frame-residue", LINES + 1)


def test_a_cut_residue_row_marks_the_capture_cut() -> None:
    doc = tazformat.loads("| " + PLAIN + "|")
    assert doc.truncated
    assert codes(doc)[-2:] == [("frame-residue", LINES + 1), ("cut-capture", LINES + 1)]
