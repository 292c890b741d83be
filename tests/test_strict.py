"""Strict mode: the first damaged or unknown row raises ParseError."""

from __future__ import annotations

import pytest

import tazformat
from tazformat.cli import demo_bytes

DEMO = demo_bytes().decode("utf-8")


def test_the_demo_is_a_complete_undamaged_page() -> None:
    doc = tazformat.loads(DEMO, strict=True)
    assert doc.diagnostics == ()
    assert doc.truncated is False


def test_a_cut_frame_raises_with_position_and_caret() -> None:
    text = DEMO[: DEMO.index(" | |\n| > ")] + " |"  # heading row loses its "|"
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    error = caught.value
    assert (error.line, error.column, error.code) == (1, len(text) + 1, "cut-frame")
    source, caret = str(error).splitlines()[1:]
    assert source.strip() == text
    assert caret.index("^") - 4 == error.column - 1
    assert isinstance(error, ValueError)
    assert isinstance(error, tazformat.TazFormatError)


def test_a_missing_final_newline_raises_at_the_end() -> None:
    text = DEMO.rstrip("\n")
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    last = text.split("\n")[-1]
    assert caught.value.line == text.count("\n") + 1
    assert caught.value.column == len(last) + 1
    assert caught.value.expected == ("a line break",)


def test_a_proxy_cut_row_raises() -> None:
    long_caption = "Bild: " + "Ein sehr langer Bildtext über die Stadt " * 2
    cut = long_caption.encode()[:79].decode() + "…"
    text = DEMO.replace(
        "| Bild: Der Bücherbus am Mariannenplatz: Regale, wo früher Sitze standen | |",
        f"| {cut} | |",
    )
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    assert (caught.value.line, caught.value.code) == (4, "cut-row")
    assert tazformat.loads(text).page.picture.truncated is True  # type: ignore[union-attr]


def test_an_unknown_row_names_what_was_expected() -> None:
    text = DEMO.replace("| ## LINKS | |\n", "| ## LINKS | |\n| Fremde Zeile | |\n")
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    assert caught.value.code == "unknown-row"
    assert "LINK_TARGET" in caught.value.expected
    assert "Fremde Zeile" in str(caught.value)


def test_tolerant_mode_keeps_the_unknown_row() -> None:
    text = DEMO.replace("| ## LINKS | |\n", "| ## LINKS | |\n| Fremde Zeile | |\n")
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert [d.code for d in doc.diagnostics] == ["unknown-row"]


def test_text_without_a_heading_has_no_page() -> None:
    doc = tazformat.loads("Nur eine Zeile\n")
    assert doc.page is None
    assert [d.code for d in doc.diagnostics] == ["unknown-rendering", "no-page", "unknown-row"]
    with pytest.raises(tazformat.ParseError):
        tazformat.loads("Nur eine Zeile\n", strict=True)


def test_empty_text() -> None:
    doc = tazformat.loads("")
    assert doc.page is None
    assert doc.diagnostics == ()
    assert tazformat.dumps(doc) == ""
