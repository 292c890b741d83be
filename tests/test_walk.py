"""The walks: rows placed by their containers, paths of rows, the body's stretches."""

from __future__ import annotations

import tazformat
from tazformat.models import Article, Listing, Placement, Related, Stray
from tazformat.vocabulary import Kind
from tazformat.walk import path_of, paths, stretches

PAGE = (
    "Proxy-Zeile\n"
    "# taz.de -- Markt: Ein Stand\n"
    "> Der Stand öffnet früh.\n"
    "Hamburg taz | Am Morgen kommen die ersten.\n"
    "\n"
    "## Mittags\n"
    "Dann wird es voll.\n"
    "\n"
    "Am Abend ist es leer.\n"
    "\n"
    "4 Oct 2025\n"
    "## LINKS\n"
    "[1] /Markt/!6000002\n"
    "## ARTIKEL ZUM THEMA\n"
    "Hafen: Die Fähre fährt\n"
    "Sie fährt wieder.\n"
)
"""An article in plain text with a lead, a subhead, links and related articles."""


def _article() -> tazformat.Document:
    doc = tazformat.loads(PAGE)
    assert isinstance(doc.page, Article)
    return doc


def test_placed_rows_are_the_rows_in_order() -> None:
    doc = _article()
    placed = doc.placed()
    assert [row for rows, *_ in placed for row in rows] == list(doc.rows())
    assert [row.text for rows, *_ in placed for row in rows][:2] == [
        "Proxy-Zeile",
        "Markt: Ein Stand",
    ]


def test_placed_names_kind_item_type_place_and_blank_rows() -> None:
    doc = _article()
    shapes = [(kind, tag, where, end, len(rows)) for rows, kind, tag, where, end in doc.placed()]
    assert shapes[0] == (Kind.TEXT, "i", Placement.PRELUDE, False, 1)  # no blank rows after
    assert shapes[1] == (Kind.HEADING, "i", Placement.HEADING, True, 1)
    assert shapes[2] == (Kind.LEAD, "i", Placement.LEAD, True, 1)
    assert (Kind.SUBHEAD, "i", Placement.BODY, True, 1) in shapes
    assert (Kind.DATE, "i", Placement.DATE, True, 1) in shapes
    assert (Kind.SECTION_HEAD, "i", Kind.LINKS_HEAD, True, 1) in shapes  # placed by its head
    assert (Kind.LINK_TARGET, "i", Placement.TAIL, True, 1) in shapes
    assert (Kind.ITEM, "l", Placement.TAIL, True, 1) in shapes  # a related entry's title
    assert (Kind.SECTION_HEAD, "i", Kind.RELATED_HEAD, True, 1) in shapes


def test_section_rows_between_entries_end_where_the_last_other_row_does() -> None:
    doc = _article()
    assert isinstance(doc.page, Article)
    related = doc.page.sections[-1]
    assert isinstance(related, Related)
    extra = (Stray("Eins"), *related.items, Stray("Zwei"))
    out: list[tazformat.models.Placed] = []
    Related(related.heading, extra).place(out, Placement.TAIL)
    ends = [(rows[0].text, end) for rows, _, _, _, end in out if rows[0] in (extra[0], extra[-1])]
    assert ends == [("Eins", False), ("Zwei", True)]


def test_listing_rows_are_placed_in_the_listing() -> None:
    doc = tazformat.loads("# taz.de -- Nord\nHafen: Die Kräne\nSeit Montag.\n\n")
    assert isinstance(doc.page, Listing)
    wheres = {where for _, _, _, where, _ in doc.placed()[1:]}
    assert wheres == {Placement.HEADING, Placement.LISTING}


def test_paths_name_each_row_by_its_fields() -> None:
    doc = _article()
    named = dict((id(row), path) for path, row in paths(doc))
    assert [named[id(row)] for row in doc.rows()][:4] == [
        "prelude[0]",
        "page.title",
        "page.lead.lines[0]",
        "page.body[0].lines[0]",
    ]
    assert doc.page is not None
    last = list(doc.page.rows())[-1]
    assert path_of(doc, last) == "page.sections[1].items[0].teaser[0]"


def test_path_of_a_row_not_in_the_document_is_unknown() -> None:
    assert path_of(_article(), Stray("anderswo")) == "?"


def test_stretches_split_the_body_at_subheads() -> None:
    doc = _article()
    assert isinstance(doc.page, Article)
    found = stretches(doc.page)
    assert [s.heading and s.heading.text for s in found] == [None, "Mittags"]
    assert [[line.text for line in s.lines] for s in found] == [
        ["Hamburg taz | Am Morgen kommen die ersten."],
        ["Dann wird es voll.", "Am Abend ist es leer."],
    ]
    assert [len(s.paragraphs) for s in found] == [1, 2]


def test_a_body_without_subheads_is_one_stretch() -> None:
    doc = tazformat.loads("# taz.de -- Ein Titel\n> Eine Zeile.\nNur ein Satz.\n\n3 Oct 2025\n")
    assert isinstance(doc.page, Article)
    assert [s.heading for s in stretches(doc.page)] == [None]
