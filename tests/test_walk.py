"""The walks: rows placed by their containers, paths of rows, visitors, maps, stretches."""

from __future__ import annotations

from typing import ClassVar

import attrs

import tazformat
from tazformat.content import content_units
from tazformat.models import (
    Article,
    DateRow,
    Entry,
    Framing,
    Lead,
    Line,
    Listing,
    Note,
    Paragraph,
    Picture,
    Placement,
    Related,
    RowNode,
    Section,
    SectionHeading,
    Stray,
    Subhead,
    Tags,
    Title,
)
from tazformat.vocabulary import Kind
from tazformat.walk import (
    Visitor,
    map_rows,
    path_of,
    paths,
    section_key,
    stretches,
    visit,
)

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


class _Record(Visitor):
    """Writes down each part it meets, with the section it stands in."""

    def __init__(self) -> None:
        self.met: list[tuple[str, str, str | None]] = []

    def _note(self, part: str, text: str, section: Section | None = None) -> None:
        self.met.append((part, text, None if section is None else section_key(section)))

    def title(self, title: Title) -> None:
        self._note("title", title.text)

    def lead(self, lead: Lead) -> None:
        self._note("lead", lead.text)

    def picture(self, picture: Picture) -> None:
        self._note("picture", picture.text)

    def paragraph(self, paragraph: Paragraph) -> None:
        self._note("paragraph", paragraph.text)

    def subhead(self, subhead: Subhead) -> None:
        self._note("subhead", subhead.text)

    def stray(self, stray: Stray, section: Section | None) -> None:
        self._note("stray", stray.text, section)

    def date(self, date: DateRow) -> None:
        self._note("date", date.text)

    def section(self, section: Section) -> None:
        self._note("section", section.heading.text, section)

    def item(self, item: Line, section: Section) -> None:
        self._note("item", item.text, section)

    def entry(self, entry: Entry, section: Section | None) -> None:
        self._note("entry", entry.teaser_text, section)

    def note(self, note: Note, section: Section | None) -> None:
        self._note("note", note.text, section)


def test_visit_meets_the_parts_of_an_article_in_page_order() -> None:
    doc = _article()
    met = visit(doc.page, _Record()).met
    assert [part for part, _, _ in met] == [
        "title",
        "lead",
        "paragraph",
        "subhead",
        "paragraph",
        "paragraph",
        "date",
        "section",
        "item",
        "section",
        "entry",
    ]
    assert met[-3:] == [
        ("item", "[1] /Markt/!6000002", "links"),
        ("section", "ARTIKEL ZUM THEMA", "related"),
        ("entry", "Sie fährt wieder.", "related"),
    ]


def test_visit_gives_stray_rows_with_the_section_they_stand_in() -> None:
    page = Article(
        Title("Ein Titel"),
        body=(Stray("# kaputt"),),
        date=DateRow("3 Oct 2025"),
        after_date=(Stray("danach"),),
        sections=(Tags(SectionHeading("TAGS"), (Line("Hafen"), Stray("-- "))), Stray("zuletzt")),
    )
    strays = [(text, where) for part, text, where in visit(page, _Record()).met if part == "stray"]
    assert strays == [("# kaputt", None), ("danach", None), ("-- ", "tags"), ("zuletzt", None)]


def test_visit_gives_a_listing_its_items_with_no_section() -> None:
    doc = tazformat.loads("# taz.de -- Nord\nHafen: Die Kräne\nSeit Montag.\n\n")
    met = visit(doc.page, _Record()).met
    assert met == [("title", "Nord", None), ("entry", "Seit Montag.", None)]


def test_visit_without_a_page_meets_nothing() -> None:
    assert visit(None, _Record()).met == []
    assert isinstance(visit(None, Visitor()), Visitor)  # every method of the base does nothing


@attrs.frozen(weakref_slot=False)
class _Sources(Section):
    """A tail section the package does not know: one source a row."""

    head: ClassVar[Kind] = Kind.TAGS_HEAD
    rule: ClassVar[str] = "sources"


def test_a_section_the_readers_never_named_reaches_them_by_its_items() -> None:
    page = Article(
        Title("Ein Titel"),
        date=DateRow("3 Oct 2025"),
        sections=(_Sources(SectionHeading("QUELLEN"), (Line("dpa"), Line("epd"))),),
    )
    met = visit(page, _Record()).met
    assert met[-2:] == [("item", "dpa", "_sources"), ("item", "epd", "_sources")]
    doc = tazformat.models.Document("plain", page)
    assert [(u.kind, u.text) for u in content_units(doc)][-3:] == [
        ("section", "QUELLEN"),
        ("quellen", "dpa"),
        ("quellen", "epd"),
    ]


def test_section_key_is_the_class_name_in_lower_case() -> None:
    assert section_key(Tags) == "tags"
    assert section_key(Related(SectionHeading("ARTIKEL ZUM THEMA"))) == "related"


def test_map_rows_maps_every_row_and_keeps_the_tree() -> None:
    doc = _article()
    framed = Framing(prefix="| ")
    mapped = map_rows(doc, lambda row: attrs.evolve(row, framing=framed))
    assert [row.text for row in mapped.rows()] == [row.text for row in doc.rows()]
    assert {row.framing for row in mapped.rows()} == {framed}
    assert [type(row) for row in mapped.rows()] == [type(row) for row in doc.rows()]
    assert mapped.rendering == doc.rendering  # a value that is no node is kept
    assert map_rows(doc, lambda row: row) == doc


def test_map_rows_gives_each_run_of_text_whole_to_run() -> None:
    doc = _article()
    runs: list[list[str]] = []

    def run(rows: tuple[Line, ...]) -> tuple[Line, ...]:
        runs.append([row.text for row in rows])
        return (Line(" ".join(row.text for row in rows)),)

    def row(node: RowNode) -> RowNode:
        return node

    mapped = map_rows(doc, row, run)
    assert runs == [
        ["Der Stand öffnet früh."],
        ["Hamburg taz | Am Morgen kommen die ersten."],
        ["Dann wird es voll."],
        ["Am Abend ist es leer."],
        ["Sie fährt wieder."],
    ]  # a lead, paragraphs, a teaser; link targets and titles are rows, no runs
    assert mapped.page is not None
    assert len(list(mapped.rows())) == len(list(doc.rows()))
    unchanged = map_rows(doc, row)
    assert unchanged == doc
