"""Same page, same content: pairs of renderings, and re-rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tazformat
from tazformat.content import content_units, same_content
from tazformat.renderings import RENDERINGS

PAIRS = [("006.txt", "007.txt"), ("082.txt", "083.txt"), ("090.txt", "091.txt")]
"""Samples that are one page captured through two renderings (index.tsv)."""

NAMES = [rendering.name for rendering in RENDERINGS]


def load(path: Path) -> tazformat.Document:
    return tazformat.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_pairs_have_the_same_content(corpus: Path, first: str, second: str) -> None:
    a, b = load(corpus / first), load(corpus / second)
    assert a.rendering != b.rendering or a.page != b.page
    assert same_content(a, b)
    assert same_content(b, a)


def test_different_pages_differ(corpus: Path) -> None:
    assert not same_content(load(corpus / "006.txt"), load(corpus / "082.txt"))
    assert not same_content(load(corpus / "030.txt"), load(corpus / "031.txt"))


def test_a_cut_row_matches_its_whole_text() -> None:
    whole = "| # taz.de -- Ein Fall: Kurz | |\n| > Ein Satz. | |\n| Bild: " + "Wort " * 20 + "| |\n"
    cut_caption = ("Bild: " + "Wort " * 20).encode()[:79].decode() + "…"
    cut = "| # taz.de -- Ein Fall: Kurz | |\n| > Ein Satz. | |\n| " + cut_caption + " | |\n"
    assert same_content(tazformat.loads(whole), tazformat.loads(cut))
    other = cut.replace("Wort Wort", "Satz Wort", 1)
    assert not same_content(tazformat.loads(whole), tazformat.loads(other))


@pytest.mark.parametrize("rendering", NAMES)
def test_corpus_articles_survive_re_rendering(corpus: Path, rendering: str) -> None:
    for path in sorted(corpus.glob("*.txt")):
        doc = load(path)
        if not isinstance(doc.page, tazformat.Article):
            continue
        text = tazformat.dumps(doc, rendering=rendering)
        back = tazformat.loads(text)
        assert same_content(doc, back), (path.name, rendering)
        assert len(content_units(back)) == len(content_units(doc)), (path.name, rendering)


@pytest.mark.parametrize("rendering", NAMES)
def test_the_demo_re_renders_to_a_clean_page(rendering: str) -> None:
    from tazformat.cli import demo_bytes

    doc = tazformat.loads(demo_bytes())
    back = tazformat.loads(tazformat.dumps(doc, rendering=rendering))
    assert [d.code for d in back.diagnostics] == []
    assert _unmarked(tazformat.to_dict(back)) | {"rendering": None} == _unmarked(
        tazformat.to_dict(doc)
    ) | {"rendering": None}


def _unmarked(data: Any) -> Any:
    """``data`` without ``found``: how a structure was found is the rendering's (spec § 2.9)."""
    if isinstance(data, dict):
        return {key: _unmarked(value) for key, value in data.items() if key != "found"}
    if isinstance(data, list):
        return [_unmarked(item) for item in data]
    return data


def test_framed_to_gopher_menu_and_back_keeps_the_content(corpus: Path) -> None:
    doc = load(corpus / "000_e08ff7753424c831.txt")
    menu = tazformat.loads(tazformat.dumps(doc, rendering="gopher-menu"))
    assert menu.rendering == "gopher-menu"
    framed = tazformat.loads(tazformat.dumps(menu, rendering="meulie-framed"))
    assert framed.rendering == "meulie-framed"
    assert [(u.kind, u.text) for u in content_units(framed)] == [
        (u.kind, u.text) for u in content_units(doc)
    ]


WHOLE = (
    "| # taz.de -- Stadt: Ein Platz | |\n"
    "| > Der Platz wird neu gestaltet und bekommt Bäume. | |\n"
    "| Berlin taz | Der Bezirk plant seit Jahren um. | |\n"
    "| 3 Oct 2025 | |\n"
)


def test_only_a_cut_capture_may_end_inside_a_unit() -> None:
    whole = tazformat.loads(WHOLE)
    cut = tazformat.loads(WHOLE[: WHOLE.index("gestaltet") + 5])  # cut inside the lead's row
    assert cut.truncated
    assert same_content(cut, whole)
    assert same_content(whole, cut)
    # the same page up to its lead, but the lead is shorter and the capture whole
    shorter = tazformat.loads(
        "| # taz.de -- Stadt: Ein Platz | |\n| > Der Platz wird neu gestaltet | |\n"
    )
    assert not shorter.truncated
    assert not same_content(shorter, whole)
    assert not same_content(whole, shorter)


def test_a_capture_cut_where_a_row_ends_holds_whole_units() -> None:
    """A cut at a row's end leaves no mark: fewer units count when each is whole."""
    whole = tazformat.loads(WHOLE)
    rows = WHOLE.splitlines(keepends=True)
    ended = tazformat.loads("".join(rows[:3]))
    assert not ended.truncated
    assert same_content(ended, whole)
    assert same_content(whole, ended)
    other = tazformat.loads("".join(rows[:2]) + "| Berlin taz | Der Bezirk plant um. | |\n")
    assert not same_content(other, whole)


CUT_TEASER = (
    "| # taz.de -- Nord | |\n"
    "| Hafen: Kräne stehen still | |\n"
    "| Seit Montag wird im Hafen gestreikt, und die Schiffe warten auf einen | |\n"
    "| Platz am Kai, sagen die Lotsen, und die Reedereien rechnen mit Tagen, bis es we… | |\n"
    "| Kiez. | |\n"
    "| Bahn: Züge fallen aus | |\n"
)
"""A listing whose teaser holds a proxy-cut row (79 bytes and ``…``)."""


@pytest.mark.parametrize("rendering", ["plain", "meulie-right-frame", "gopher-menu"])
def test_a_cut_row_stays_a_row_of_its_own_when_rows_are_rewrapped(rendering: str) -> None:
    doc = tazformat.loads(CUT_TEASER)
    assert [d.code for d in doc.diagnostics] == ["cut-row"]
    back = tazformat.loads(tazformat.dumps(doc, rendering=rendering))
    assert [d.code for d in back.diagnostics] == ["cut-row"]  # still a cut, at a row's end
    assert same_content(doc, back)
    assert [(u.kind, u.text) for u in content_units(back)] == [
        (u.kind, u.text) for u in content_units(doc)
    ]


def test_rows_without_a_cut_are_rewrapped_where_one_is_too_long() -> None:
    long = "| " + "Wort " * 17 + "Ende. | |\n"  # 91 characters: no taz row, re-wrapped
    doc = tazformat.loads(CUT_TEASER.replace("| Kiez. | |\n", long))
    rows = tazformat.dumps(doc, rendering="plain").splitlines()
    assert max(len(row) for row in rows if "…" not in row) <= 75
    assert any(row.endswith("bis es we…") for row in rows)
