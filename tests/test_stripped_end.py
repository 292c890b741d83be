"""A capture's end: a stripped final line break is no damage, a cut and the cap are.

Spec § 4.2. In a rendering that strips the white space at a page's end, a
missing final line break is a cut only where the last row is unfinished;
in the others it is always one; a capture of exactly the excerpt cap's
size was cut wherever it ends. ``truncated_fields`` names the field of the
last row of a cut capture.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tazformat
from tazformat.codes import CUT_CODES
from tazformat.damage import EXCERPT_CAP, at_excerpt_cap, utf8_size
from tazformat.renderings import RENDERINGS, get

STRIPPING = ("phroot", "phroot-flat", "gopher-menu-flat", "gemini-text")
"""The renderings whose proxies strip a page's final line break."""
KEEPING = ("meulie-framed", "meulie-right-frame", "meulie-plain", "gopher-menu", "plain")
"""Renderings that end every row with a line break, the last one too."""

HEAD = (
    "| # taz.de -- Hafen: Die Kräne stehen still | |\n"
    "| > Seit Montag wird im Hafen gestreikt. | |\n"
    "| Bild: Ein Kran am Kai | |\n"
)
"""An article's first rows (meulie-framed); the picture item marks the flat renderings."""


def written(rendering: str, rows: str) -> str:
    """``HEAD`` and ``rows`` (meulie-framed) written in ``rendering``, its end stripped."""
    return tazformat.dumps(tazformat.loads(HEAD + rows), rendering=rendering).rstrip()


def cut_codes(doc: tazformat.Document) -> list[str]:
    return [d.code for d in doc.diagnostics if d.code in CUT_CODES]


def test_the_stripping_renderings_are_declared_once() -> None:
    assert tuple(r.name for r in RENDERINGS if r.strips_trailing_space) == (
        "phroot",
        "gopher-menu-flat",
        "phroot-flat",
        "gemini-text",
    )


# Last rows (meulie-framed, under HEAD) that end a page whole.
WHOLE = {
    "a full stop": "| Die Beschäftigten fordern mehr Lohn. | |\n",
    "a question": "| Wer zahlt? | |\n",
    "an exclamation": "| Das reicht! | |\n",
    "a closing quote": "| Sie sagt: „Wir bleiben.“ | |\n",
    "a balanced reference": "| Der Hafen wird [1][neu gebaut]. | |\n",
    "the author's ellipsis": "| Und dann … | |\n",
    "a date row": "| 3 Oct 2025 | |\n",
    "a tag": "| 3 Oct 2025 | |\n| ## TAGS | |\n| Hafen | |\n| Streik | |\n",
    "an author": "| 3 Oct 2025 | |\n| ## AUTOREN | |\n| Anna Müller | |\n",
    "a link target": (
        "| Mehr [1][dazu]. | |\n| 3 Oct 2025 | |\n| ## LINKS | |\n| [1] /Hafen/!6000001 | |\n"
    ),
    "a related teaser": (
        "| 3 Oct 2025 | |\n| ## ARTIKEL ZUM THEMA | |\n| Streik: Die Kräne stehen | |\n"
        "| Seit Montag wird gestreikt. | |\n"
    ),
}

# Last rows that are unfinished: the capture was cut.
UNFINISHED = {
    "mid-word": "| Die Beschäftigten fordern me | |\n",
    "after a whole word, no sentence end": "| Die Beschäftigten fordern mehr | |\n",
    "an open reference": "| Der Hafen wird [1][neu gebaut | |\n",
    "an open parenthesis": "| Der Hafen (in Bremen. | |\n",
    "an open quote": "| Sie sagt: „Wir bleiben. | |\n",
    "an open guillemet": "| Sie sagt: »Wir bleiben. | |\n",
    "a proxy's cut mark": "| " + ("Lohn und Arbeit " * 5)[:79] + "… | |\n",
    "a date cut short": "| 3 Oct 20 | |\n",
    "a section heading alone": "| 3 Oct 2025 | |\n| ## TAGS | |\n",
    "a related title without teaser": (
        "| 3 Oct 2025 | |\n| ## ARTIKEL ZUM THEMA | |\n| Streik: Die Kräne stehen | |\n"
    ),
    "a related teaser cut": (
        "| 3 Oct 2025 | |\n| ## ARTIKEL ZUM THEMA | |\n| Streik: Die Kräne stehen | |\n"
        "| Seit Montag wird ge | |\n"
    ),
}


@pytest.mark.parametrize("rendering", STRIPPING)
@pytest.mark.parametrize("rows", WHOLE.values(), ids=WHOLE.keys())
def test_a_whole_last_row_without_line_break_is_no_damage(rendering: str, rows: str) -> None:
    text = written(rendering, rows)
    doc = tazformat.loads(text)
    assert doc.rendering == rendering
    assert not doc.truncated
    assert doc.diagnostics == ()
    assert tazformat.dumps(doc) == text
    assert tazformat.loads(text, strict=True) == doc


@pytest.mark.parametrize("rendering", STRIPPING)
@pytest.mark.parametrize("rows", UNFINISHED.values(), ids=UNFINISHED.keys())
def test_an_unfinished_last_row_without_line_break_is_a_cut(rendering: str, rows: str) -> None:
    text = written(rendering, rows)
    doc = tazformat.loads(text)
    assert doc.rendering == rendering
    assert doc.truncated
    [cut] = [d for d in doc.diagnostics if d.code in CUT_CODES]
    assert (cut.code, cut.line) == ("cut-capture", text.count("\n") + 1)
    assert "unfinished" in cut.message
    assert tazformat.dumps(doc) == text


@pytest.mark.parametrize("rendering", KEEPING)
@pytest.mark.parametrize("rows", WHOLE.values(), ids=WHOLE.keys())
def test_other_renderings_keep_the_line_break_rule(rendering: str, rows: str) -> None:
    text = tazformat.dumps(tazformat.loads(HEAD + rows), rendering=rendering)
    assert not tazformat.loads(text).truncated
    doc = tazformat.loads(text.removesuffix("\n"))
    assert doc.truncated
    assert cut_codes(doc) in (["cut-capture"], ["cut-frame"])


@pytest.mark.parametrize("rendering", STRIPPING)
def test_white_space_at_the_end_of_a_stripped_capture_is_a_cut(rendering: str) -> None:
    text = written(rendering, WHOLE["a full stop"]) + " "
    assert cut_codes(tazformat.loads(text)) == ["cut-capture"]


@pytest.mark.parametrize("end", [b"\xc3", b"\xe2\x80"])
def test_a_split_character_at_the_end_is_a_cut(end: bytes) -> None:
    text = written("gemini-text", WHOLE["a full stop"]).encode() + end
    doc = tazformat.loads(text)
    assert "cut-capture" in cut_codes(doc)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == text


def test_a_blank_last_line_in_a_stripping_rendering_is_a_cut() -> None:
    text = written("phroot", WHOLE["a full stop"]) + "\n       "
    assert cut_codes(tazformat.loads(text)) == ["cut-capture"]


# The excerpt cap.


def padded(size: int, rendering: str = "plain", *, newline: bool = True) -> str:
    """A whole page of ``size`` bytes of UTF-8 in ``rendering``, its last row made to fit."""
    text = written(rendering, WHOLE["a full stop"]) + "\n"
    indent = "       " if rendering == "phroot" else ""
    filler = size - utf8_size(text) - len(indent) - 1 - newline
    return text + indent + "x" * filler + "." + ("\n" if newline else "")


def test_the_cap_is_measured_in_bytes() -> None:
    assert EXCERPT_CAP == 2000
    assert at_excerpt_cap("ä" * 1000)
    assert not at_excerpt_cap("ä" * 999 + "a")
    assert at_excerpt_cap("a" * 1998 + "\udcff\udcfe")  # two bytes that were not UTF-8
    assert not at_excerpt_cap("a" * 2000 + "b")
    assert not at_excerpt_cap("a" * 10_000)


def test_a_capture_at_the_cap_ending_on_a_line_break_is_cut() -> None:
    text = padded(EXCERPT_CAP)
    assert utf8_size(text) == EXCERPT_CAP
    doc = tazformat.loads(text)
    assert doc.truncated
    [cut] = doc.diagnostics
    assert (cut.code, cut.line, cut.column) == ("cut-at-cap", text.count("\n") + 1, 1)
    assert tazformat.dumps(doc) == text
    assert tazformat.to_dict(doc)["truncated_fields"] == ["body"]
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    assert caught.value.code == "cut-at-cap"


@pytest.mark.parametrize("size", [EXCERPT_CAP - 1, EXCERPT_CAP + 1])
def test_a_whole_capture_off_the_cap_is_not_cut(size: int) -> None:
    text = padded(size)
    assert utf8_size(text) == size
    doc = tazformat.loads(text)
    assert not doc.truncated
    assert doc.diagnostics == ()


def test_the_cap_cuts_a_whole_looking_stripped_capture() -> None:
    text = padded(EXCERPT_CAP, "phroot", newline=False)
    assert utf8_size(text) == EXCERPT_CAP
    doc = tazformat.loads(text)
    assert doc.rendering == "phroot"
    assert cut_codes(doc) == ["cut-at-cap"]
    [cut] = doc.diagnostics
    assert (cut.line, cut.column) == (text.count("\n") + 1, len(text.rsplit("\n", 1)[1]) + 1)
    assert not tazformat.loads(padded(EXCERPT_CAP - 1, "phroot", newline=False)).truncated


def test_the_cap_gives_no_second_diagnostic() -> None:
    text = padded(EXCERPT_CAP, newline=False)
    assert cut_codes(tazformat.loads(text)) == ["cut-capture"]


def test_a_byte_order_mark_counts_its_three_bytes() -> None:
    text = padded(EXCERPT_CAP - 3)
    assert tazformat.loads("\ufeff" + text).truncated
    assert not tazformat.loads(text).truncated


# truncated_fields names the field of the last row of a cut capture.


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ("| 3 Oct 2025 | |\n| ## TAGS | |\n| Hafen | |\n| Schw", "tags"),
        ("| 3 Oct 2025 | |\n| ## AUTOREN | |\n| Anna Mü", "authors"),
        ("| Der Streik geht weiter. | |\n| ## Ein buntes Bün", "subheads"),
        ("| Der Streik geht weiter. | |\n| Die Besch", "body"),
        ("| 3 Oct 2025 | |\n| ## ARTIKEL ZUM THEMA | |\n| Streik: Die Kr", "related[0].title"),
    ],
)
def test_a_field_cut_by_the_capture_end_is_named(rows: str, field: str) -> None:
    data = tazformat.to_dict(tazformat.loads(HEAD + rows))
    assert data["truncated"]
    assert data["truncated_fields"] == [field]


def test_a_whole_capture_names_no_last_field() -> None:
    text = written("phroot", "| 3 Oct 2025 | |\n| ## TAGS | |\n| Hafen | |\n")
    assert tazformat.to_dict(tazformat.loads(text))["truncated_fields"] == []


def test_a_proxy_cut_and_the_capture_end_are_both_named() -> None:
    picture = "Bild: " + ("Ein Kran " * 9)[:73] + "…"  # a proxy's cut: 79 bytes and '…'
    rows = "| 3 Oct 2025 | |\n| ## TAGS | |\n| Schw"
    doc = tazformat.loads(HEAD.replace("Bild: Ein Kran am Kai", picture) + rows)
    assert tazformat.to_dict(doc)["truncated_fields"] == ["picture", "tags"]


# Properties: hostile words inside the rows, the end as the rule says.

WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHÄÖÜ"), min_size=2, max_size=9)
HOSTILE = st.sampled_from(
    (
        "",
        "\t",
        "## x",
        "> y",
        "Bild:",
        "DIR",
        "(DIR)",
        "|",
        "\u2028",
        "[1][Hafen]",
        "„ja“",
        "…",
        "TAGS",
    )
)
ROW = st.lists(st.one_of(WORD, HOSTILE), min_size=1, max_size=8).map(" ".join)


@st.composite
def stripped_pages(draw: st.DrawFn) -> tuple[str, str]:
    """A page in a stripping rendering, its end stripped; its last word."""
    rendering = draw(st.sampled_from(STRIPPING))
    rows = draw(st.lists(ROW, min_size=0, max_size=4))
    last = draw(WORD)
    body = "".join(f"| Wort {row} | |\n" for row in rows)
    end = draw(st.sampled_from((".", "!", "?", ".“", "?)")))
    return written(rendering, f"{body}| Das {draw(ROW)} {last}{end} | |\n"), last


@given(stripped_pages())
def test_a_stripped_page_ending_on_a_sentence_is_whole(page: tuple[str, str]) -> None:
    text, _ = page
    doc = tazformat.loads(text)
    assert not doc.truncated
    assert cut_codes(doc) == []
    assert tazformat.dumps(doc) == text


@given(stripped_pages(), st.data())
def test_a_stripped_page_cut_mid_word_is_truncated(
    page: tuple[str, str], data: st.DataObject
) -> None:
    text, last = page
    raw = text.encode()
    word = last.encode()
    start = raw.rindex(word)
    cut = raw[: data.draw(st.integers(start + 1, start + len(word) - 1), label="cut")]
    doc = tazformat.loads(cut)
    assert doc.truncated
    assert "cut-capture" in cut_codes(doc)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == cut


def test_the_stripping_renderings_are_real_renderings() -> None:
    assert all(get(name).strips_trailing_space for name in STRIPPING)
    assert not any(get(name).strips_trailing_space for name in KEEPING)
