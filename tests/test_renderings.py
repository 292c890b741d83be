"""Recognising renderings and peeling their framing."""

from __future__ import annotations

import pytest

import tazformat
from tazformat import renderings
from tazformat.models import Framing

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
