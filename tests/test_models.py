"""The models: immutable, edited with attrs.evolve, written back validly."""

from __future__ import annotations

import attrs
import pytest

import tazformat
from tazformat.cli import demo_bytes
from tazformat.models import (
    SECTIONS,
    Article,
    DateRow,
    Framing,
    Line,
    Links,
    Paragraph,
    RowNode,
    Section,
    SectionHeading,
    Span,
    Stray,
    Tags,
    Title,
)
from tazformat.renderings import base
from tazformat.vocabulary import SECTION_NAMES

DEMO = demo_bytes().decode("utf-8")


def article() -> tuple[tazformat.Document, Article]:
    doc = tazformat.loads(DEMO)
    assert isinstance(doc.page, Article)
    return doc, doc.page


def test_models_are_frozen() -> None:
    _, page = article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        page.title = page.title  # type: ignore[misc]


def test_nodes_carry_spans() -> None:
    _, page = article()
    assert page.title.span == Span(1, 3, 1, 3 + len("# taz.de -- " + page.title.text))
    tags = page.sections[2]
    assert isinstance(tags, Tags)
    first_tag = tags.items[0]
    assert first_tag.span.start_line == DEMO.split("\n").index("| Bibliothek | |") + 1
    lines = DEMO.split("\n")
    assert page.span == Span(1, 3, len(lines) - 1, len(lines[-2]) - 3)
    assert page.lead is not None
    assert page.lead.span == Span(2, 3, 3, len(lines[2]) - 3)
    related = page.sections[3]
    assert related.span.start_line == lines.index("| ## ARTIKEL ZUM THEMA | |") + 1
    assert page.related[1].span.end_line == len(lines) - 1


def test_spans_are_left_out_of_equality() -> None:
    _, page = article()
    moved = attrs.evolve(page.title, line=9, column=9, end_column=9)
    assert moved == page.title
    assert moved.span == Span(9, 9, 9, 9)


def test_evolve_title_recomputes_kicker_and_dumps_in_the_rendering() -> None:
    doc, page = article()
    title = attrs.evolve(page.title, text="Neue Spitzmarke: Neue Schlagzeile")
    assert (title.kicker, title.headline) == ("Neue Spitzmarke", "Neue Schlagzeile")
    edited = attrs.evolve(doc, page=attrs.evolve(page, title=title))
    text = tazformat.dumps(edited)
    assert text.split("\n")[0] == "| # taz.de -- Neue Spitzmarke: Neue Schlagzeile | |"
    assert tazformat.loads(text).page == edited.page


def test_new_rows_get_the_canonical_framing() -> None:
    doc, page = article()
    added = Paragraph((Line("Ein neuer Absatz am Ende."),))
    edited = attrs.evolve(doc, page=attrs.evolve(page, body=(*page.body, added)))
    text = tazformat.dumps(edited)
    assert "| Ein neuer Absatz am Ende. | |\n| 14 Mar 2026 | |" in text
    reparsed = tazformat.loads(text, strict=True)
    assert reparsed.diagnostics == ()


def test_paragraph_references_follow_edits() -> None:
    paragraph = Paragraph((Line("Vor [1][allem sein"), Line("Befehl] sorgte.")))
    assert [(r.number, r.text) for r in paragraph.references] == [(1, "allem sein Befehl")]
    edited = attrs.evolve(paragraph, lines=(Line("Nun [2][anders]."),))
    assert [(r.number, r.text) for r in edited.references] == [(2, "anders")]


def test_title_without_kicker() -> None:
    title = Title("Das EM-Orakel ")
    assert title.kicker is None
    assert title.headline == "Das EM-Orakel "


def test_framing_is_kept_per_row() -> None:
    _, page = article()
    assert page.title.framing == Framing("| ", " | |", "\n")


GOPHER_TAGS = (
    "# taz.de -- Hafen: Neue Kräne\n       > Ein Satz.\n       Text.\n       2 May 2026\n"
    "       ## TAGS\n       Hafen\n"
)


def test_a_stray_row_is_no_line() -> None:
    """``Stray`` and ``Line`` are siblings: ``isinstance(x, Line)`` leaves stray rows out."""
    doc = tazformat.loads(GOPHER_TAGS + " (IMG) Ein Bild\n", rendering="gopher-menu")
    assert isinstance(doc.page, Article)
    tags = doc.page.sections[0]
    assert isinstance(tags, Tags)
    tag, stray = tags.items
    assert isinstance(tag, Line)
    assert isinstance(stray, Stray)
    assert not isinstance(stray, Line)
    assert isinstance(stray, RowNode)
    assert isinstance(tag, RowNode)
    assert doc.page.tags == ("Hafen",)


def test_a_stray_row_in_a_section_is_no_content() -> None:
    with_stray = tazformat.loads(
        GOPHER_TAGS + " (IMG) Ein Bild\n       Kräne\n", rendering="gopher-menu"
    )
    without = tazformat.loads(GOPHER_TAGS + "       Kräne\n", rendering="gopher-menu")
    assert tazformat.same_content(with_stray, without)
    other = tazformat.loads(
        GOPHER_TAGS + "       Ein Bild\n       Kräne\n", rendering="gopher-menu"
    )
    assert not tazformat.same_content(other, without)  # a tag row is content


def test_every_tail_section_shares_one_base_with_a_heading_of_its_own_kind() -> None:
    _, page = article()
    sections = [s for s in page.sections if isinstance(s, Section)]
    assert {type(s) for s in sections} == set(SECTIONS)
    for section in sections:
        assert isinstance(section.heading, SectionHeading)
        assert section.heading.text == type(section).name() == SECTION_NAMES[section.head]
        assert next(iter(section.rows())) is section.heading
    assert Links.name() == "LINKS"


def test_old_names_still_work_and_warn() -> None:
    from tazformat import models

    with pytest.warns(DeprecationWarning, match="DateRow"):
        assert models.DateLine is DateRow
    with pytest.warns(DeprecationWarning, match="IMAGE_TYPES"):
        assert base.LINK_TYPES is base.IMAGE_TYPES
    with pytest.warns(DeprecationWarning, match="row_item_type"):
        assert base.item_tag("IMG") == "m"
    row = base.Row("l", "Hafen", Framing(), 1, 1)
    with pytest.warns(DeprecationWarning, match="item_type"):
        assert row.tag == "l"
    with pytest.warns(DeprecationWarning, match="item_type"):
        assert base.Peeled("m", "", "Bild").tag == "m"
    with pytest.raises(AttributeError):
        models.NoSuchName  # noqa: B018
