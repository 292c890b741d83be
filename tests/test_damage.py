"""Damage: rows a proxy cut, captures cut short, and hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest

import tazformat
from tazformat.damage import EXCERPT_CAP, is_cut_row

# The rows a proxy cut in each sample (line numbers), checked against the
# notes of the corpus's index.tsv and by reading the samples; every other
# '…' in the corpus is the author's.
CUT_ROWS = {
    "000_e08ff7753424c831.txt": [5],
    "002.txt": [4],
    "004.txt": [4, 16],
    "007.txt": [4],
    "016.txt": [29],
    "017.txt": [1, 5],
    "024.txt": [5],
    "026.txt": [4],
    "036.txt": [1, 5],
    "038.txt": [4],
    "042.txt": [5],
    "045.txt": [1, 8],
    "053.txt": [3, 16, 30],
    "055.txt": [6],
    "066.txt": [1, 5],
    "072.txt": [5, 14],
    "085.txt": [8],
    "087.txt": [5],
    "093.txt": [5],
    "095.txt": [4, 11, 15],
    "099.txt": [7, 10, 13, 17, 21, 31],
}


def test_cut_rows_of_the_corpus(sample: Path) -> None:
    doc = tazformat.loads(sample.read_text(encoding="utf-8"))
    found = [d.line for d in doc.diagnostics if d.code == "cut-row"]
    assert found == CUT_ROWS.get(sample.name, [])


# The samples that are whole pages, by reading each one: served without a
# final line break by a proxy that strips it, and ending whole.
WHOLE_PAGES = frozenset({"058.txt", "403.txt", "404.txt"})
CAP_NOTE = "cut at the 2000-byte sample cap"
"""How the corpus's index.tsv notes a sample cut at the excerpt cap."""


def test_only_cut_samples_are_truncated(sample: Path) -> None:
    doc = tazformat.loads(sample.read_bytes())
    assert doc.truncated is (sample.name not in WHOLE_PAGES)
    if sample.name in WHOLE_PAGES:
        assert doc.diagnostics == ()


def test_every_sample_noted_as_cut_at_the_cap_is_truncated(corpus: Path) -> None:
    index = corpus / "index.tsv"
    if not index.exists():
        pytest.skip("the corpus has no index.tsv")
    rows = [line.split("\t") for line in index.read_text(encoding="utf-8").splitlines()[1:]]
    capped = [row[0] for row in rows if CAP_NOTE in row[-1]]
    assert capped
    for name in capped:
        raw = (corpus / name).read_bytes()
        assert len(raw) == EXCERPT_CAP
        assert tazformat.loads(raw).truncated, name


def test_cut_flags_reach_the_nodes(corpus: Path) -> None:
    doc = tazformat.loads((corpus / "099.txt").read_text(encoding="utf-8"))
    assert isinstance(doc.page, tazformat.Listing)
    cut = [entry.title.text for entry in doc.page.entries if entry.title and entry.title.truncated]
    assert len(cut) == 6
    assert any("\ufffd…" in title for title in cut)
    assert tazformat.to_dict(doc)["truncated_fields"][0] == "entries[1].title"


@pytest.mark.parametrize(
    ("content", "cut"),
    [
        ("x" * 79 + "…", True),
        ("ä" * 39 + "x" + "…", True),  # 79 bytes
        ("x" * 78 + "\ufffd…", True),  # a 2-byte character split after byte 78
        ("x" * 77 + "\ufffd…", True),  # a 3-byte character split after byte 77
        ("x" * 78 + "…", False),  # shorter: the author's ellipsis
        ("x" * 80 + "…", False),
        ("x" * 79 + "...", False),  # three dots are never a cut
        ("Wer wird hinter … Deutscher Meister?", False),
        ("x" * 79, False),
        ("…", False),
        # bytes that were not UTF-8, as loads decodes them (surrogateescape): one byte each
        ("x" * 78 + chr(0xDCFF) + "…", True),
        ("x" * 77 + chr(0xDCE2) + chr(0xDC80) + "…", True),  # a 3-byte character cut after 2
        ("x" * 79 + chr(0xDCFF) + "…", False),  # 80 bytes
        ("x" * 77 + chr(0xDCFF) + "…", False),  # 78 bytes
        ("x" * 76 + chr(0xD800) + "…", True),  # a lone surrogate no byte escapes counts 3 bytes
    ],
)
def test_the_cut_rule(content: str, cut: bool) -> None:
    assert is_cut_row(content) is cut


def test_a_cut_row_holding_a_byte_that_was_not_utf8_is_found() -> None:
    head = b"| # taz.de -- Stadt: Ein Platz | |\n| > Ein Satz. | |\n"
    cut = b"| Bild: " + b"x" * 72 + b"\xe9" + "…".encode() + b" | |\n"
    doc = tazformat.loads(head + cut)
    assert isinstance(doc.page, tazformat.Article)
    assert doc.page.picture is not None
    assert doc.page.picture.truncated
    assert [d.line for d in doc.diagnostics if d.code == "cut-row"] == [3]
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == head + cut
    whole = b"| Bild: " + b"x" * 71 + b"\xe9" + "…".encode() + b" | |\n"  # 78 bytes: the author's
    assert [d for d in tazformat.loads(head + whole).diagnostics if d.code == "cut-row"] == []


def test_a_genuine_ellipsis_in_a_title_is_not_damage() -> None:
    text = "| # taz.de -- Fußball: Wer wird hinter … Meister? | |\n| > Warten … | |\n"
    doc = tazformat.loads(text)
    assert doc.page is not None
    assert doc.page.title.truncated is False
    assert doc.diagnostics == ()


DEMO_ROWS = [
    "| # taz.de -- Stadt: Ein Platz | |\n",
    "| > Ein Satz über den Platz. | |\n",
    "| Berlin taz | Der Platz wird [1][neu gestaltet] und | |\n",
    "| bekommt Bäume. | |\n",
    "| ## Ein Zwischentitel | |\n",
    "| 3 Oct 2025 | |\n",
    "| ## LINKS | |\n",
    "| [1] /Platz/!6000001 | |\n",
]
DEMO = "".join(DEMO_ROWS)


@pytest.mark.parametrize("end", range(1, len(DEMO) + 1))
def test_a_capture_cut_anywhere_round_trips_and_says_where(end: int) -> None:
    text = DEMO[:end]
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    if not text.endswith("\n"):
        assert doc.truncated
        cut = [d for d in doc.diagnostics if d.code in ("cut-frame", "cut-capture")]
        assert [d.line for d in cut] == [text.count("\n") + 1]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00",
        "\r\n\r\n",
        "\r",
        "\t| # taz.de -- A: B | |\t\n",
        "| # taz.de -- A: B | |\r\n| > x | |\r| y | |\n",
        "\ud800\udfff lone surrogates \udc80",
        "[" * 1000,
        "|" * 1000,
        "[1][" * 1000,
        "| # taz.de -- A: B | |\n" + "| [1][ | |\n" * 50,
        "# taz.de -- A: B\n" + "\n" * 1000,
        "# taz.de\n## \n## LINKS\n[1] \n## ARTIKEL ZUM THEMA\n\n",
    ],
)
def test_hostile_text_round_trips(text: str) -> None:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    if not doc.diagnostics:
        assert tazformat.loads(text, strict=True) == doc
        return
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(text, strict=True)
    first = doc.diagnostics[0]
    assert (caught.value.line, caught.value.column) == (first.line, first.column)


def test_bytes_keep_invalid_utf8() -> None:
    raw = b"| # taz.de -- Stadt: Ein Platz | |\n| caf\xe9 \xff | |\n"
    doc = tazformat.loads(raw)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw


def test_a_ten_megabyte_row() -> None:
    text = "| # taz.de -- A: B | |\n| " + "x" * 10_000_000 + " | |\n"
    assert tazformat.dumps(tazformat.loads(text)) == text


def test_a_byte_order_mark_stays_with_the_header() -> None:
    text = "\ufeff| # taz.de -- Stadt: Ein Platz | |\n| > Ein Satz. | |\n"
    doc = tazformat.loads(text)
    assert doc.rendering == "meulie-framed"
    assert doc.page is not None
    assert doc.page.title.text == "Stadt: Ein Platz"
    assert doc.diagnostics == ()
    assert tazformat.dumps(doc) == text
    assert tazformat.loads(text.encode()).header == "\ufeff"
