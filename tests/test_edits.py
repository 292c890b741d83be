"""Edits that cannot break the text: ``dumps`` refuses what would read back differently."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import tazformat
from tazformat.convert import convert
from tazformat.errors import EditError
from tazformat.models import (
    Article,
    DateRow,
    Document,
    Entry,
    Line,
    Links,
    LinkTarget,
    Listing,
    Paragraph,
    Stray,
    Subhead,
    Tags,
    Title,
)
from tazformat.renderings import RENDERINGS, get
from tazformat.serializer import _Writer
from written import LISTING, in_rendering, row_kinds, written_or_refused

PAGE = (
    "| # taz.de -- Stadt: Ein Platz | |\n"
    "| > Der Platz wird neu gestaltet. | |\n"
    "| Bild: Der Platz am Morgen | |\n"
    "| Berlin taz | Der Bezirk plant seit Jahren um, und die Anwohner wissen schon | |\n"
    "| die Bäume kommen im Herbst. | |\n"
    "| ## Was die Leute sagen | |\n"
    "| Viele freuen sich. | |\n"
    "| 3 Oct 2025 | |\n"
    "| ## LINKS | |\n"
    "| [1] /Platz/!6000001 | |\n"
    "| ## TAGS | |\n"
    "| Berlin | |\n"
    "| Stadtplanung | |\n"
)
"""An article with every part (meulie framed), written for these tests."""


def article() -> tuple[Document, Article]:
    doc = tazformat.loads(PAGE)
    assert isinstance(doc.page, Article)
    assert doc.diagnostics == ()
    return doc, doc.page


def listing() -> tuple[Document, Listing]:
    doc = tazformat.loads(LISTING)
    assert isinstance(doc.page, Listing)
    assert doc.diagnostics == ()
    return doc, doc.page


def with_page(doc: Document, **changes: object) -> Document:
    assert doc.page is not None
    return attrs.evolve(doc, page=attrs.evolve(doc.page, **changes))  # type: ignore[arg-type]


def body_row(page: Article, text: str, block: int = 0, row: int = 1) -> tuple[Paragraph, ...]:
    """The body with one row of a paragraph changed."""
    paragraph = page.body[block]
    assert isinstance(paragraph, Paragraph)
    lines = list(paragraph.lines)
    lines[row] = attrs.evolve(lines[row], text=text)
    body = list(page.body)
    body[block] = Paragraph(tuple(lines))
    return tuple(body)  # type: ignore[arg-type]


def refused(doc: Document) -> EditError:
    with pytest.raises(EditError) as caught:
        tazformat.dumps(doc)
    return caught.value


def reads_back(doc: Document) -> Document:
    """Write ``doc`` and read it back: every row the same kind, with the same text.

    (Where blank rows were dropped, which rows form a paragraph is read from
    how full each row is: an edit may move a paragraph's end, not a row's kind.)
    """
    text = tazformat.dumps(doc)
    back = tazformat.loads(text)
    assert type(back.page) is type(doc.page)
    assert row_kinds(back) == row_kinds(doc)
    assert not back.truncated
    assert tazformat.dumps(back) == text
    return back


# --- what the format can hold is written --------------------------------------


def test_edits_the_format_can_hold_are_written_and_read_back() -> None:
    doc, page = article()
    assert page.lead is not None
    assert page.picture is not None
    assert page.date is not None
    lead = (attrs.evolve(page.lead.lines[0], text="Ganz anders: > mitten im Satz."),)
    edited = with_page(
        doc,
        title=attrs.evolve(page.title, text="Stadt: Ein neuer Platz"),
        lead=attrs.evolve(page.lead, lines=lead),
        picture=attrs.evolve(page.picture, text="Bild: im Bild, ## und 8 Jan 2022"),
        body=body_row(page, "Hier steht ## mitten im Satz, und 8 Jan 2022 auch."),
        date=attrs.evolve(page.date, text="31 Dec 2025"),
    )
    back = reads_back(edited)
    assert isinstance(back.page, Article)
    assert back.page.title.text == "Stadt: Ein neuer Platz"
    assert back.page.picture is not None
    assert back.page.picture.text == "Bild: im Bild, ## und 8 Jan 2022"


@pytest.mark.parametrize(
    "text",
    [
        "#  ## kein Zwischentitel",  # '##' without the space after it is text
        "##kein Zwischentitel",
        "32 Jan 2022",  # no day of a month: no date row
        "8 Jan 22",
        "> mitten im Text",  # '> ' claims only the row after the heading or lead
        "Bild: mitten im Text",
        "[1] /Slug/!6000001",  # a link target only under ## LINKS
        "# taz.de -- Kein Titel",  # a heading only before the page
        "LINKS",
    ],
)
def test_a_body_row_with_markup_that_claims_nothing_there_is_written(text: str) -> None:
    doc, page = article()
    back = reads_back(with_page(doc, body=body_row(page, text)))
    assert isinstance(back.page, Article)
    lines = back.page.body[0].rows()
    assert text in [line.text for line in lines]


def test_a_date_that_names_no_calendar_day_is_written() -> None:
    doc, page = article()
    assert page.date is not None
    back = reads_back(with_page(doc, date=attrs.evolve(page.date, text="31 Feb 2022")))
    assert isinstance(back.page, Article)
    assert back.page.date is not None
    assert back.page.date.date is None


def test_a_tag_or_a_row_after_the_date_may_start_with_two_hashes() -> None:
    doc, page = article()
    tags = page.sections[1]
    assert isinstance(tags, Tags)
    items = (attrs.evolve(tags.items[0], text="## Berlin"), *tags.items[1:])
    sections = (page.sections[0], attrs.evolve(tags, items=items))
    stray = Stray("## Nachtrag")
    back = reads_back(with_page(doc, sections=sections, after_date=(stray,)))
    assert isinstance(back.page, Article)
    assert back.page.tags == ("## Berlin", "Stadtplanung")
    assert [s.text for s in back.page.after_date] == ["## Nachtrag"]


def test_the_first_body_row_may_start_like_a_lead_after_a_picture() -> None:
    doc, page = article()
    back = reads_back(with_page(doc, body=body_row(page, "> Zitat am Anfang", row=0)))
    assert isinstance(back.page, Article)
    assert back.page.lead is not None
    assert back.page.lead.text == "Der Platz wird neu gestaltet."


def test_a_link_item_title_may_start_with_two_hashes() -> None:
    """A link item is no info row: ``## `` and a date claim only info rows."""
    doc, page = listing()
    entry = page.items[0]
    assert isinstance(entry, Entry)
    assert entry.title is not None
    for text in ("## Hafen: Die Kräne", "8 Jan 2022"):
        title = attrs.evolve(entry.title, text=text)
        back = reads_back(with_page(doc, items=(attrs.evolve(entry, title=title),)))
        assert isinstance(back.page, Listing)
        assert back.page.entries[0].title == title


def test_parsed_pages_are_never_refused_in_their_own_rendering(corpus: Path) -> None:
    """Every corpus page passes every check when they run (no source hash to skip them)."""
    for path in sorted(corpus.glob("*.txt")):
        raw = path.read_bytes()
        doc = attrs.evolve(tazformat.loads(raw), source_hash=None)
        assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw, path.name


@pytest.mark.parametrize("name", [r.name for r in RENDERINGS])
def test_parsed_pages_in_another_rendering_read_back_as_written_or_are_refused(
    corpus: Path, name: str
) -> None:
    """A page re-rendered is written with every row as it reads back, or refused.

    A rendering may not hold every page: an entry title that is empty has no
    row in a rendering without item labels. Such a page is refused with the
    row at fault; every page written reads back with the rows written.
    """
    for path in sorted(corpus.glob("*.txt")):
        doc = tazformat.loads(path.read_bytes())
        if not isinstance(doc.page, Article | Listing):
            continue
        text = written_or_refused(doc, rendering=name)
        if isinstance(text, EditError):
            assert text.path.startswith("page."), (path.name, str(text))
            continue
        back = tazformat.loads(text, rendering=name)
        assert [row.text for row in back.rows()] == [
            row.text for row in convert(doc, name).rows()
        ], path.name


# --- what it cannot hold is refused --------------------------------------------


Edit = Callable[[Article, str], dict[str, object]]


def _title(page: Article, text: str) -> dict[str, object]:
    return {"title": attrs.evolve(page.title, text=text)}


def _lead(page: Article, text: str) -> dict[str, object]:
    assert page.lead is not None
    lines = (attrs.evolve(page.lead.lines[0], text=text),)
    return {"lead": attrs.evolve(page.lead, lines=lines)}


def _picture(page: Article, text: str) -> dict[str, object]:
    assert page.picture is not None
    return {"picture": attrs.evolve(page.picture, text=text)}


def _body(page: Article, text: str) -> dict[str, object]:
    return {"body": body_row(page, text)}


def _subhead(page: Article, text: str) -> dict[str, object]:
    body = list(page.body)
    subhead = body[1]
    assert isinstance(subhead, Subhead)
    body[1] = attrs.evolve(subhead, text=text)
    return {"body": tuple(body)}


def _date(page: Article, text: str) -> dict[str, object]:
    assert page.date is not None
    return {"date": attrs.evolve(page.date, text=text)}


def _tag(page: Article, text: str) -> dict[str, object]:
    tags = page.sections[1]
    assert isinstance(tags, Tags)
    items = (tags.items[0], attrs.evolve(tags.items[1], text=text))
    return {"sections": (page.sections[0], attrs.evolve(tags, items=items))}


def _link(page: Article, text: str) -> dict[str, object]:
    links = page.sections[0]
    assert isinstance(links, Links)
    items = (attrs.evolve(links.items[0], text=text),)
    return {"sections": (attrs.evolve(links, items=items), page.sections[1])}


FIELDS: list[tuple[Edit, str, str]] = [
    (_title, "page.title", "Title"),
    (_lead, "page.lead.lines[0]", "Line"),
    (_picture, "page.picture", "Picture"),
    (_body, "page.body[0].lines[1]", "Line"),
    (_subhead, "page.body[1]", "Subhead"),
    (_date, "page.date", "DateRow"),
    (_tag, "page.sections[1].items[1]", "Line"),
    (_link, "page.sections[0].items[0]", "LinkTarget"),
]


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n"])
@pytest.mark.parametrize(("edit", "path", "node"), FIELDS)
def test_a_line_break_inside_a_row_is_refused(edit: Edit, path: str, node: str, brk: str) -> None:
    doc, page = article()
    text = {"page.date": "8 Jan 2022", "page.sections[0].items[0]": "[1] /a"}.get(path, "Zeile")
    error = refused(with_page(doc, **edit(page, f"{text}{brk}zwei")))
    assert (error.path, error.node, error.field) == (path, node, "text")
    assert "line break" in error.reason
    assert f"cannot write {path} ({node}, parsed from line " in str(error)
    assert error.line > 0


def test_the_error_is_a_value_error_and_a_taz_format_error_and_pickles() -> None:
    doc, page = article()
    error = refused(with_page(doc, body=body_row(page, "## Neu")))
    assert isinstance(error, ValueError)
    assert isinstance(error, tazformat.TazFormatError)
    assert tazformat.EditError is EditError
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is EditError
    assert (copy.reason, copy.path, copy.node, copy.field, copy.line) == (
        error.reason,
        error.path,
        error.node,
        error.field,
        error.line,
    )
    assert str(copy) == str(error)


@pytest.mark.parametrize(
    ("text", "row", "reads_as"),
    [
        ("## Neu", 1, "a subhead"),
        ("## ", 1, "a subhead"),
        ("## LINKS", 1, "the LINKS section heading"),
        ("## ARTIKEL ZUM THEMA", 0, "the ARTIKEL ZUM THEMA section heading"),
        ("8 Jan 2022", 1, "the date"),
        ("31 Dec 1999", 0, "the date"),
    ],
)
def test_a_body_row_that_reads_as_another_kind_is_refused(
    text: str, row: int, reads_as: str
) -> None:
    doc, page = article()
    error = refused(with_page(doc, body=body_row(page, text, row=row)))
    assert (error.path, error.node, error.field) == (f"page.body[0].lines[{row}]", "Line", "text")
    assert reads_as in error.reason
    assert error.line == 4 + row


@pytest.mark.parametrize(
    ("text", "reads_as"), [("> Kein Lead", "the lead"), ("Bild: Kein Bild", "the picture")]
)
def test_the_first_body_row_must_not_read_as_lead_or_picture(text: str, reads_as: str) -> None:
    doc, page = article()
    edited = with_page(doc, picture=None, body=body_row(page, text, row=0))
    error = refused(edited)
    assert error.path == "page.body[0].lines[0]"
    assert reads_as in error.reason
    later = with_page(doc, picture=None, body=body_row(page, text, row=1))
    reads_back(later)  # the second row: neither lead nor picture claims it


def test_the_first_body_row_after_the_heading_must_not_read_as_a_lead() -> None:
    doc, page = article()
    edited = with_page(doc, lead=None, picture=None, body=body_row(page, "> Doch ein Lead", row=0))
    assert refused(edited).path == "page.body[0].lines[0]"


def test_a_body_stray_is_judged_like_a_body_row() -> None:
    doc, page = article()
    edited = with_page(doc, body=(*page.body, Stray("## Neu")))
    error = refused(edited)
    assert (error.path, error.node, error.line) == ("page.body[3]", "Stray", 0)
    assert "cannot write page.body[3] (Stray), field 'text'" in str(error)


@pytest.mark.parametrize("name", ["LINKS", "AUTOREN", "TAGS", "ARTIKEL ZUM THEMA"])
def test_a_subhead_named_like_a_tail_section_is_refused(name: str) -> None:
    doc, page = article()
    error = refused(with_page(doc, **_subhead(page, name)))
    assert (error.path, error.node) == ("page.body[1]", "Subhead")
    assert "section heading" in error.reason
    reads_back(with_page(doc, **_subhead(page, name.title())))


@pytest.mark.parametrize("text", ["32 Jan 2022", "08 Jan 2022", "8 January 2022", "", "gestern"])
def test_a_date_row_that_would_not_read_as_a_date_is_refused(text: str) -> None:
    doc, page = article()
    error = refused(with_page(doc, **_date(page, text)))
    assert (error.path, error.node, error.field) == ("page.date", "DateRow", "text")


def test_a_page_title_needs_the_heading_shape() -> None:
    doc, page = article()
    error = refused(with_page(doc, title=attrs.evolve(page.title, markup="## ")))
    assert (error.path, error.node, error.field) == ("page.title", "Title", "markup")
    bare = attrs.evolve(page.title, markup="# ", text="Stadt")
    error = refused(with_page(doc, title=bare))
    assert (error.path, error.field) == ("page.title", "text")
    site = reads_back(with_page(doc, title=attrs.evolve(page.title, markup="# ", text="taz.de")))
    assert site.page is not None
    assert site.page.title.markup == "# "
    built = reads_back(with_page(doc, title=Title("Gebaut: Im Code")))  # markup from the kind
    assert built.page is not None
    assert built.page.title.text == "Gebaut: Im Code"


def test_a_section_heading_must_name_its_section() -> None:
    doc, page = article()
    links = page.sections[0]
    assert isinstance(links, Links)
    wrong = attrs.evolve(links, heading=attrs.evolve(links.heading, text="TAGS"))
    error = refused(with_page(doc, sections=(wrong, page.sections[1])))
    assert (error.path, error.node) == ("page.sections[0].heading", "SectionHeading")
    assert "'LINKS'" in error.reason


@pytest.mark.parametrize("text", ["/Platz/!6000001", "[eins] /Platz", "[1]/Platz"])
def test_a_link_target_needs_its_number(text: str) -> None:
    doc, page = article()
    error = refused(with_page(doc, **_link(page, text)))
    assert (error.path, error.node) == ("page.sections[0].items[0]", "LinkTarget")
    reads_back(with_page(doc, **_link(page, "[7] /Anders/!6000007")))


def test_rows_of_the_tail_must_not_read_as_section_headings() -> None:
    doc, page = article()
    error = refused(with_page(doc, **_tag(page, "## AUTOREN")))
    assert (error.path, error.node) == ("page.sections[1].items[1]", "Line")
    error = refused(with_page(doc, after_date=(Stray("## TAGS"),)))
    assert (error.path, error.node) == ("page.after_date[0]", "Stray")
    links = page.sections[0]
    assert isinstance(links, Links)
    strays = attrs.evolve(links, items=(*links.items, Stray("[2] /Zweiter/!6000002")))
    error = refused(with_page(doc, sections=(strays, page.sections[1])))
    assert (error.path, error.node) == ("page.sections[0].items[1]", "Stray")
    assert "link target" in error.reason


def test_a_row_before_the_page_must_not_read_as_its_heading() -> None:
    doc, _ = article()
    error = refused(attrs.evolve(doc, prelude=(Stray("# taz.de -- Davor: Ein Titel"),)))
    assert (error.path, error.node) == ("prelude[0]", "Stray")
    reads_back(attrs.evolve(doc, prelude=(Stray("Davor: ein Titel"),)))


@pytest.mark.parametrize(("text", "teaser"), [("## Neu", True), ("8 Jan 2022", True)])
def test_listing_rows_that_would_make_an_article_are_refused(text: str, teaser: bool) -> None:
    doc, page = listing()
    entry = page.items[0]
    assert isinstance(entry, Entry)
    changed = attrs.evolve(entry, teaser=(attrs.evolve(entry.teaser[0], text=text),))
    error = refused(with_page(doc, items=(changed,)))
    assert (error.path, error.node) == ("page.items[0].teaser[0]", "Line")


def test_an_entry_title_has_no_markup() -> None:
    doc, page = listing()
    entry = page.items[0]
    assert isinstance(entry, Entry)
    assert entry.title is not None
    title = attrs.evolve(entry.title, markup="# taz.de -- ")
    error = refused(with_page(doc, items=(attrs.evolve(entry, title=title),)))
    assert (error.path, error.node, error.field) == ("page.items[0].title", "Title", "markup")


def test_a_line_break_in_a_listing_or_prelude_row_is_refused() -> None:
    doc, page = listing()
    entry = page.items[0]
    assert isinstance(entry, Entry)
    assert entry.title is not None
    title = attrs.evolve(entry.title, text="Hafen:\nStreik")
    error = refused(with_page(doc, items=(attrs.evolve(entry, title=title),)))
    assert (error.path, error.node, error.field) == ("page.items[0].title", "Title", "text")
    error = refused(attrs.evolve(doc, prelude=(Stray("Davor\r"),)))
    assert error.path == "prelude[0]"


def test_converting_refuses_too() -> None:
    """``dumps(doc, rendering=…)`` writes through the same checks."""
    doc, page = article()
    edited = with_page(doc, body=body_row(page, "## Neu"))
    with pytest.raises(EditError):
        tazformat.dumps(edited, rendering="gopher-menu")


# --- blank rows follow the last row by position ---------------------------------


def test_repeated_rows_get_blank_rows_by_position_not_identity() -> None:
    """One node twice in a section: only the last row of the block has blank rows after it."""
    text = (
        "# taz.de -- Konzert: Laut\n       \n       > Ein Abend im Keller.\n       \n"
        "       8 Jan 2022\n       \n       ## TAGS\n (DIR) Musik\n (DIR) Berlin\n"
    )
    doc = tazformat.loads(text)
    assert isinstance(doc.page, Article)
    tag = Line("Musik")
    twice = with_page(doc, sections=(Tags(Line("TAGS"), (tag, tag)),))
    again = with_page(doc, sections=(Tags(Line("TAGS"), (tag, Line("Musik"))),))
    written = tazformat.dumps(twice)
    assert written == tazformat.dumps(again)
    assert written.endswith("       ## TAGS\n       \n       Musik\n       Musik\n       \n")
    back = tazformat.loads(written)
    assert isinstance(back.page, Article)
    assert back.page.tags == ("Musik", "Musik")


def test_a_repeated_link_target_gets_blank_rows_once() -> None:
    doc, _ = article()
    link = LinkTarget("[2] /Zwei/!6000002")
    links = Links(Line("LINKS"), (link, link))
    text = tazformat.dumps(with_page(doc, sections=(links,)), rendering="gopher-menu")
    row = "       [2] /Zwei/!6000002\n"
    assert text.endswith("       ## LINKS\n       \n" + row + row + "       \n")
    back = tazformat.loads(text)
    assert isinstance(back.page, Article)
    assert [t.text for t in back.page.link_targets] == ["[2] /Zwei/!6000002"] * 2


def test_dates_in_the_serializer_agree_with_the_grammar() -> None:
    from tazformat.grammar import grammar_text
    from tazformat.serializer import DATE

    terminal = next(row for row in grammar_text().splitlines() if row.startswith("DATE."))
    assert f"/i{DATE.pattern}\\n/" in terminal
    assert DateRow("31 Feb 2022").date is None  # a date row, though no calendar day
    assert not DATE.fullmatch("32 Jan 2022")


# --- every row written peels back as written (issue: claims that hold) ---------


@pytest.mark.parametrize(
    "rendering", ["plain", "gopher-menu", "phoxy", "phroot", "meulie-plain", "meulie-framed"]
)
@pytest.mark.parametrize("text", ["", "  ", "\t"])
def test_a_blank_tag_is_refused_not_written_as_a_blank_row(rendering: str, text: str) -> None:
    doc, _ = article()
    doc = in_rendering(doc, rendering)
    assert isinstance(doc.page, Article)
    edited = with_page(doc, **_tag(doc.page, text))
    written = written_or_refused(edited)
    if isinstance(written, EditError):
        assert (written.path, written.field) == ("page.sections[1].items[1]", "text")
        assert "would read back as" in written.reason
        return
    back = tazformat.loads(written, rendering=rendering)  # a framed row holds a blank text
    assert isinstance(back.page, Article)
    assert [row.text for row in back.page.sections[1].rows()] == ["TAGS", "Berlin", text]
    assert rendering == "meulie-framed"


@pytest.mark.parametrize("rendering", ["plain", "gopher-menu", "phoxy", "phroot"])
def test_a_blank_body_row_is_refused_where_it_reads_as_a_paragraph_break(rendering: str) -> None:
    doc, _ = article()
    doc = in_rendering(doc, rendering)
    assert isinstance(doc.page, Article)
    error = refused(with_page(doc, body=body_row(doc.page, "")))
    assert error.path == "page.body[0].lines[1]"
    assert "blank row" in error.reason


def test_a_tab_is_refused_in_a_gophermap_and_written_elsewhere() -> None:
    doc, page = article()
    edited = with_page(doc, body=body_row(page, "vor\tnach"))
    with pytest.raises(EditError) as caught:
        tazformat.dumps(edited, rendering="gophermap")
    assert caught.value.path == "page.body[0].lines[1]"
    back = tazformat.loads(tazformat.dumps(edited))  # meulie framed holds a tab
    assert isinstance(back.page, Article)
    assert "vor\tnach" in [row.text for row in back.page.body[0].rows()]


def test_a_link_line_in_a_gemtext_paragraph_is_refused() -> None:
    doc, page = article()
    edited = with_page(doc, body=body_row(page, "=> /x kein Link", block=2, row=0))
    with pytest.raises(EditError) as caught:
        tazformat.dumps(edited, rendering="gemtext")
    assert caught.value.path == "page.body[2].lines[0]"
    assert "=> /x" in caught.value.reason
    spaced = with_page(doc, body=body_row(page, "Pfeil => /x im Satz", block=2, row=0))
    back = tazformat.loads(tazformat.dumps(spaced, rendering="gemtext"))
    assert back.diagnostics == ()


@pytest.mark.parametrize("first", [True, False])
def test_a_title_inside_a_lead_is_refused_and_leaves_no_lead_row_bare(first: bool) -> None:
    """A lead holds lines: a ``Title`` there reads back as a line, so it is refused.

    The writer gives each lead row the lead's markup, whatever stood before it.
    """
    doc, page = article()
    assert page.lead is not None
    title = Title("Erste Zeile")
    lines = (title, *page.lead.lines) if first else (*page.lead.lines, title)
    error = refused(with_page(doc, lead=attrs.evolve(page.lead, lines=lines)))
    assert error.path == f"page.lead.lines[{0 if first else 1}]"
    assert "read back as a Line" in error.reason
    built = attrs.evolve(
        with_page(doc, lead=attrs.evolve(page.lead, lines=lines)), source_hash=None
    )
    writer = _Writer(built, get(built.rendering))
    writer.write()
    lead_rows = [content for _, _, _, content in writer.wants[1:3]]
    assert all(row.startswith("> ") for row in lead_rows)


@pytest.mark.parametrize(
    ("edit", "path", "node", "field"),
    [
        (lambda p: {"title": None}, "page", "Article", "title"),
        (lambda p: {"body": body_row(p, 42)}, "page.body[0].lines[1]", "Line", "text"),  # type: ignore[arg-type]
        (lambda p: {"date": attrs.evolve(p.date, framing="| ")}, "page.date", "DateRow", "framing"),
    ],
)
def test_a_field_of_the_wrong_type_is_an_edit_error_naming_it(
    edit: Callable[[Article], dict[str, object]], path: str, node: str, field: str
) -> None:
    doc, page = article()
    error = refused(with_page(doc, **edit(page)))
    assert (error.path, error.node, error.field) == (path, node, field)
    assert "must be" in error.reason


def test_a_page_whose_text_was_written_again_is_not_checked_but_an_edit_is() -> None:
    doc, page = article()
    assert doc.source_hash == hash(PAGE)
    assert tazformat.dumps(doc) == PAGE
    built = attrs.evolve(doc, source_hash=None)  # as built in code: every check runs
    assert tazformat.dumps(built) == PAGE
    refused(with_page(built, body=body_row(page, "## Neu")))


def test_dump_writes_any_lone_surrogate_that_loads_took_to_a_binary_file(tmp_path: Path) -> None:
    text = "# taz.de -- A: B\n\nText \ud800 und \udcff hier.\n"
    doc = tazformat.loads(text)
    target = tmp_path / "out.txt"
    with target.open("wb") as fp:
        tazformat.dump(doc, fp)
    data = target.read_bytes()
    assert data == b"# taz.de -- A: B\n\nText \xed\xa0\x80 und \xff hier.\n"
    assert tazformat.dumps(tazformat.loads(data)).encode("utf-8", "surrogateescape") == (
        text.replace("\ud800", "\udced\udca0\udc80").encode("utf-8", "surrogateescape")
    )
