"""The grammar accepts every sequence of rows, without error recovery."""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lark import Lark

import tazformat
from tazformat.grammar import _recover, grammar_text, parser, row_text
from tazformat.models import Framing
from tazformat.rows import Row
from tazformat.transformer import CURRENT, Build, ModelBuilder

KINDS = [
    ("i", "# taz.de -- Fall: Kurz"),
    ("i", "# taz.de"),
    ("i", "> Ein Satz."),
    ("i", "Bild: Ein Bild"),
    ("m", "Bild: Ein Bild"),
    ("i", "## Zwischentitel"),
    ("i", "## LINKS"),
    ("i", "## AUTOREN"),
    ("i", "## TAGS"),
    ("i", "## ARTIKEL ZUM THEMA"),
    ("i", "8 Jan 2022"),
    ("i", "[1] /Slug/!5826872"),
    ("i", "Text"),
    ("i", ""),
    ("l", "Kicker: Titel"),
    ("l", "[1] /Slug/!5826872"),
    ("m", "Ein Bild"),
]
"""One row of every kind the grammar tells apart, with its item type."""


def parse(kinds: tuple[tuple[str, str], ...], grammar: Lark | None = None) -> object:
    """Parse one row of each of ``kinds``; a blank row follows every third row."""
    rows = [
        Row(tag, content, Framing(gap="\n" if n % 3 == 0 else ""), n, 1)
        for n, (tag, content) in enumerate(kinds, 1)
    ]
    build = Build(rows)
    token = CURRENT.set(build)
    try:
        result = (grammar or parser()).parse(row_text(rows))  # no on_error: the grammar alone
    finally:
        CURRENT.reset(token)
    return result, build.diagnostics


def one_token_a_row() -> Lark:
    """The grammar without its run terminals: every row is a token of its own."""
    text = grammar_text()
    for old, new in [
        ("PLAIN | ", ""),
        ("lead: LEAD\n", "lead: LEAD+\n"),
        ("LEAD.4: /(?:i> [^\\n]*\\n)+/", "LEAD.4: /i> [^\\n]*\\n/"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("PLAIN."))
    return Lark(text, parser="lalr", lexer="contextual", transformer=ModelBuilder())


@pytest.mark.parametrize("length", [1, 2, 3])
def test_every_short_sequence_parses(length: int) -> None:
    for kinds in itertools.product(KINDS, repeat=length):
        parse(kinds)


def test_long_random_sequences_parse() -> None:
    chance = random.Random(1436)
    for _ in range(3000):
        parse(tuple(chance.choice(KINDS) for _ in range(chance.randint(4, 24))))


def test_long_sequences_in_page_order_parse() -> None:
    """Walks that follow a page's order reach the deep states (sections)."""
    chance = random.Random(1965)
    for _ in range(3000):
        kinds = sorted(
            (chance.choice(KINDS) for _ in range(chance.randint(4, 24))),
            key=lambda kind: KINDS.index(kind) + chance.random() * 6,
        )
        parse(tuple(kinds))


def test_runs_of_rows_read_as_one_token_a_row() -> None:
    """PLAIN and LEAD runs only save tokens: models and diagnostics stay the same."""
    single = one_token_a_row()
    chance = random.Random(2026)
    for _ in range(1500):
        kinds = sorted(
            (chance.choice(KINDS) for _ in range(chance.randint(2, 24))),
            key=lambda kind: KINDS.index(kind) + chance.random() * 12,
        )
        assert parse(tuple(kinds)) == parse(tuple(kinds), single), kinds


def test_the_grammar_is_read_from_a_zipped_package(tmp_path: Path) -> None:
    """Where the package is no folder (a zip archive), ``importlib.resources`` reads it.

    The archive is laid out as a wheel installs the package: the grammar
    inside it, as the build's ``force-include`` puts it.
    """
    package = Path(tazformat.__file__).parent
    archive = tmp_path / "tazformat.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in package.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                zipped.write(file, Path("tazformat") / file.relative_to(package))
        if "tazformat/grammar/taz.lark" not in zipped.namelist():
            zipped.writestr("tazformat/grammar/taz.lark", grammar_text())
    script = (
        "import sys, tazformat.grammar as g\n"
        "assert g.__file__.startswith(sys.argv[1]), g.__file__\n"
        "sys.stdout.write(g.grammar_text())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(archive)],
        env={**os.environ, "PYTHONPATH": str(archive)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == grammar_text()
    assert "page:" in result.stdout


def test_recovery_keeps_every_row_of_a_run() -> None:
    """Were the grammar wrong, a run the parser cannot take is kept row by row.

    With the basic lexer (every terminal offered everywhere) two text rows
    after the date are lexed as one PLAIN run, which the date's state does
    not accept: recovery must turn each row into a stray row at its line.
    """
    contents = ["# taz.de -- Fall: Kurz", "8 Jan 2022", "eins", "zwei", "drei", "## TAGS", "Tag"]
    rows = [Row("i", content, Framing(), n, 1) for n, content in enumerate(contents, 1)]
    basic = Lark(
        grammar_text(),
        parser="lalr",
        lexer="basic",
        transformer=ModelBuilder(),
        maybe_placeholders=True,
    )
    build = Build(rows)
    token = CURRENT.set(build)
    try:
        result: Any = basic.parse(row_text(rows), on_error=_recover)  # (prelude, page)
    finally:
        CURRENT.reset(token)
    page = result[1]
    assert isinstance(page, tazformat.Article)
    assert [(row.text, row.line) for row in page.after_date] == [
        ("eins", 3),
        ("zwei", 4),
        ("drei", 5),
    ]
    assert [(d.code, d.line) for d in build.diagnostics] == [("unknown-row", n) for n in (3, 4, 5)]
    assert page.tags == ("Tag",)


@pytest.mark.parametrize(
    ("row", "date"),
    [
        ("1 Jan 2022", True),
        ("9 Feb 2022", True),
        ("19 Mar 2022", True),
        ("29 Feb 2024", True),
        ("31 Dec 1999", True),
        ("31 Feb 2022", True),  # a date row that names no calendar day: date null
        ("32 Jan 2022", False),
        ("40 Jan 2022", False),
        ("99 Jan 2022", False),
        ("0 Jan 2022", False),
        ("08 Jan 2022", False),
    ],
)
def test_a_date_row_has_a_day_from_1_to_31(row: str, date: bool) -> None:
    text = f"| # taz.de -- Fall: Kurz | |\n| > Ein Satz. | |\n| Text. | |\n| {row} | |\n"
    doc = tazformat.loads(text)
    assert isinstance(doc.page, tazformat.Article)
    assert tazformat.dumps(doc) == text
    if date:
        assert doc.page.date is not None
        assert doc.page.date.text == row
    body = [line.text for paragraph in doc.page.paragraphs for line in paragraph.lines]
    assert body == (["Text."] if date else ["Text.", row])
    if not date:
        assert doc.page.date is None
