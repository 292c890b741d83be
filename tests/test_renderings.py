"""Recognising renderings and peeling their framing."""

from __future__ import annotations

import pytest

import tazformat
from tazformat import renderings
from tazformat.models import Framing
from tazformat.rows import MEANING, peel, segments

PAGE = ["# taz.de -- Nord", "Hafen: Kräne stehen still", "Seit Montag wird gestreikt."]


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        ([f"| {line} | |" for line in PAGE], "meulie-framed"),
        ([f"{line} | |" for line in PAGE], "meulie-right-frame"),
        (
            ["Introduction", "Introduction Statistics Contact Development Disclaimer Help", *PAGE],
            "meulie-plain",
        ),
        (PAGE, "plain"),
        (["| # taz.de -- Nord | |", "| Hafen: Kräne st"], "meulie-framed"),
        (["| # taz.de -- No"], "meulie-framed"),
    ],
)
def test_detect(lines: list[str], name: str) -> None:
    rendering, notes = renderings.detect(lines)
    assert (rendering.name, notes) == (name, ())


def test_unknown_layout_falls_back_to_plain_with_a_diagnostic() -> None:
    doc = tazformat.loads("Willkommen beim Proxy\n# taz.de -- Nord\nHafen: Kräne\n")
    assert doc.rendering == "plain"
    assert doc.diagnostics[0].code == "unknown-rendering"
    assert doc.page is not None
    assert doc.page.title.text == "Nord"


def test_forced_rendering() -> None:
    text = "| # taz.de -- Nord | |\n"
    doc = tazformat.loads(text, rendering="plain")
    assert doc.rendering == "plain"
    assert doc.page is None
    assert tazformat.dumps(doc) == text


def test_unknown_rendering_name() -> None:
    with pytest.raises(KeyError, match="meulie-framed"):
        tazformat.loads("x", rendering="no-such-rendering")


@pytest.mark.parametrize(
    ("line", "prefix", "content", "suffix", "code"),
    [
        ("| Text | |", "| ", "Text", " | |", None),
        ("| Text |", "| ", "Text", " |", "cut-frame"),
        ("| Text | ", "| ", "Text", " | ", "cut-frame"),
        ("| „H", "| ", "„H", "", "cut-frame"),
        ("|", "|", "", "", "cut-frame"),
    ],
)
def test_meulie_framed_peels_cut_rows(
    line: str, prefix: str, content: str, suffix: str, code: str | None
) -> None:
    peeled = renderings.get("meulie-framed").peel(line, is_last=True)
    assert (peeled.prefix, peeled.content, peeled.suffix) == (prefix, content, suffix)
    assert (peeled.damage and peeled.damage[0]) == code


def test_a_broken_frame_before_the_last_row_is_bad_frame() -> None:
    text = "| # taz.de -- Nord | |\nHafen: Kräne | |\n| Seit Montag. | |\n"
    doc = tazformat.loads(text)
    assert [d.code for d in doc.diagnostics] == ["bad-frame"]
    assert tazformat.dumps(doc) == text


def test_blank_rows_stay_with_the_row_before() -> None:
    text = "\n# taz.de -- Nord\n\nHafen: Kräne\n  \nSeit Montag.\n"
    doc = tazformat.loads(text)
    assert doc.header == "\n"
    assert doc.page is not None
    assert doc.page.title.framing == Framing("", "", "\n", "\n")
    assert tazformat.dumps(doc) == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_are_kept(newline: str) -> None:
    text = newline.join(["| # taz.de -- Nord | |", "| Hafen: Kräne | |", ""])
    doc = tazformat.loads(text)
    assert doc.rendering == "meulie-framed"
    assert doc.diagnostics == ()
    assert tazformat.dumps(doc) == text


@pytest.mark.parametrize(
    ("line", "tag", "prefix", "content"),
    [
        (" (DIR) Hafen: Kräne", "l", " (DIR) ", "Hafen: Kräne"),
        (" (IMG) Bild: Hafen", "m", " (IMG) ", "Bild: Hafen"),
        ("       Seit Montag.", "i", "       ", "Seit Montag."),
        ("# taz.de -- Nord", "i", "", "# taz.de -- Nord"),
    ],
)
def test_gopher_menu_peels_labels_and_indent(
    line: str, tag: str, prefix: str, content: str
) -> None:
    peeled = renderings.get("gopher-menu").peel(line, is_last=False)
    assert (peeled.item_type, peeled.prefix, peeled.content, peeled.damage) == (
        tag,
        prefix,
        content,
        None,
    )


@pytest.mark.parametrize("end", [" (DIR) ", " (DI", " ("])
def test_a_capture_cut_inside_a_label_keeps_every_character(end: str) -> None:
    text = (
        "# taz.de -- Musik\n       \n (DIR) Album: Laut\n       \n       Die Band spielt.\n" + end
    )
    doc = tazformat.loads(text)
    assert doc.rendering == "gopher-menu"
    assert doc.truncated
    assert tazformat.dumps(doc) == text


def test_phroot_gutter() -> None:
    rendering = renderings.get("phroot")
    assert rendering.peel("   DIR Hafen: Kräne", is_last=False).item_type == "l"
    assert rendering.peel("   IMG Bild: Hafen", is_last=False).item_type == "m"
    assert rendering.peel("       Text", is_last=False).prefix == " " * 7
    assert rendering.peel("Ohne Rinne", is_last=False).damage is not None


@pytest.mark.parametrize(
    ("end", "cut"), [("   DI", True), ("   DIR", True), ("  TE", True), ("   XY", False)]
)
def test_phroot_a_last_row_cut_inside_its_gutter(end: str, cut: bool) -> None:
    doc = tazformat.loads(f"URI: \n       # taz.de -- Nord\n{end}")
    assert [d.code for d in doc.diagnostics] == ["cut-frame" if cut else "bad-frame"]
    assert doc.truncated is cut
    assert tazformat.dumps(doc) == f"URI: \n       # taz.de -- Nord\n{end}"


def test_gophermap_output_is_valid_rfc_1436() -> None:
    from tazformat.cli import demo_bytes

    text = tazformat.dumps(tazformat.loads(demo_bytes()), rendering="gophermap")
    rows = text.split("\r\n")
    assert rows[-2:] == [".", ""]
    for row in rows[:-2]:
        kind, fields = row[:1], row[1:].split("\t")
        assert kind in "i1I"
        assert len(fields) == 4
        assert fields[2] == "taz.de"
        assert fields[3] == "70"
    back = tazformat.loads(text)
    assert back.rendering == "gophermap"
    assert back.diagnostics == ()


def test_gemini_hides_the_markup_it_does_not_show() -> None:
    text = "taz.de -- Fall: Kurz\n\nEin Satz.\n\nText.\n\nTAGS\n\nGedicht\n"
    doc = tazformat.loads(text)
    assert doc.rendering == "gemini-text"
    assert isinstance(doc.page, tazformat.Article)
    assert doc.page.title.framing is not None
    assert doc.page.title.framing.hidden == "# "
    assert doc.page.lead is not None
    assert doc.page.lead.text == "Ein Satz."
    assert doc.page.tags == ("Gedicht",)
    assert tazformat.dumps(doc) == text


def test_the_home_page_heading_has_no_lead() -> None:
    text = "taz.de\n\nDie linke Tageszeitung.\n\nHafen: Kräne stehen\n\nSeit Montag.\n"
    doc = tazformat.loads(text)
    assert isinstance(doc.page, tazformat.Listing)
    assert doc.page.title.text == "taz.de"
    assert [n.text for n in doc.page.notes] == ["Die linke Tageszeitung."]
    assert tazformat.dumps(doc) == text


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [
        ("# taz.de -- Nord\n", True),  # plain, a flat menu, gemtext: all alike
        ("| # taz.de -- Nord | |\n", False),  # the frame tells
        ("taz.de -- Nord\n", False),  # no '# ': Gemini as a proxy shows it
        ("# taz.de -- Nord\nHafen: Kräne\n", False),
    ],
)
def test_too_little_text_is_a_diagnostic(text: str, ambiguous: bool) -> None:
    doc = tazformat.loads(text)
    codes = [d.code for d in doc.diagnostics]
    assert ("ambiguous-rendering" in codes) is ambiguous
    assert tazformat.dumps(doc) == text


def test_gophermap_links_rows_link_to_their_targets() -> None:
    from tazformat.cli import demo_bytes

    text = tazformat.dumps(tazformat.loads(demo_bytes()), rendering="gophermap")
    assert "1[1] /Bezirk-kauft-alten-Bus/!6100001\t/Bezirk-kauft-alten-Bus/!6100001\t" in text


@pytest.mark.parametrize(
    ("line", "prefix", "content", "suffix", "code"),
    [
        ("Text", "", "Text", "", None),
        ("    Text", "    ", "Text", "", None),  # the margin is framing, not damage
        ("| Text", "| ", "Text", "", "frame-residue"),
        ("    | Text | |", "    | ", "Text", " | |", "frame-residue"),
        ("Text |", "", "Text", " |", "frame-residue"),
        ("|", "|", "", "", "frame-residue"),
        ("Berlin taz | Text", "", "Berlin taz | Text", "", None),  # a dateline keeps its bar
    ],
)
def test_residue_peels_margin_and_frame_pieces(
    line: str, prefix: str, content: str, suffix: str, code: str | None
) -> None:
    from tazformat.renderings.residue import residue

    reader = residue(renderings.get("plain"), "    ")
    peeled = reader.peel(line, is_last=False)
    assert (peeled.prefix, peeled.content, peeled.suffix) == (prefix, content, suffix)
    assert (peeled.damage[0] if peeled.damage else None) == code
    assert reader.name == "plain"


class _NoLead:
    """Rules of meaning under which no row reads as a lead or a title."""

    def reads_as_lead(self, text: str) -> bool:
        return False

    def looks_like_title(self, text: str) -> bool:
        return False


def test_gemini_restore_asks_the_rules_it_is_given() -> None:
    text = "taz.de -- Hafen: Neue Kräne\n\nEin Satz über den Hafen.\n\nMehr Text.\n"
    raw = list(peel(segments(text), renderings.get("plain")).rows)  # nothing restored
    gemini = renderings.get("gemini-text")
    restored = gemini.restore(raw, MEANING)
    assert [row.framing.hidden for row in restored[:2]] == ["# ", "> "]
    assert [row.framing.hidden for row in gemini.restore(raw, _NoLead())[:2]] == ["# ", ""]
