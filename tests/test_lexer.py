"""The row lexer gives Lark's contextual lexer's tokens, read from the grammar alone.

The reference is Lark's own contextual lexer over the row text
(``grammar.table_parser``): on every corpus page and on generated row
sequences the row lexer must give the same tokens (type, rows, line) and
``loads`` the same documents.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree, UnexpectedToken

import tazformat
from tazformat import grammar, renderings
from tazformat.grammar import _recover, grammar_text, row_text, table_parser
from tazformat.lexer import RowLexer, lark_order, line_of, lines_of
from tazformat.models import Framing
from tazformat.rows import Row, peel, segments
from tazformat.transformer import CURRENT, Build, ModelBuilder

CONTENTS = [
    ("i", "# taz.de -- Fall: Kurz"),
    ("i", "# taz.de"),
    ("i", "> Ein Satz."),
    ("i", ">kein Lead"),
    ("i", "Bild: Ein Bild"),
    ("m", "Bild: Ein Bild"),
    ("l", "Bild: Ein Bild"),
    ("i", "## Zwischentitel"),
    ("i", "## LINKS"),
    ("i", "## AUTOREN"),
    ("i", "## TAGS"),
    ("i", "## ARTIKEL ZUM THEMA"),
    ("i", "8 Jan 2022"),
    ("i", "31 Dec 1999"),
    ("i", "08 Jan 2022"),
    ("i", "12 Affen"),
    ("i", "[1] /Slug/!5826872"),
    ("l", "[1] /Slug/!5826872"),
    ("i", "Text"),
    ("i", ""),
    ("l", "Kicker: Titel"),
    ("m", "Ein Bild"),
    ("x", "ein Zeilentyp, den keine Regel kennt"),
]
"""Rows of every kind the grammar tells apart, and some that are near one."""


def rows_of(kinds: Sequence[tuple[str, str]]) -> list[Row]:
    """Rows of ``(item type, content)`` pairs, numbered from line 1."""
    return [Row(kind, content, Framing(), n, 1) for n, (kind, content) in enumerate(kinds, 1)]


@pytest.fixture(scope="module")
def tree_parser() -> Lark:
    """The grammar with the row lexer, building a tree (the tokens are its leaves)."""
    return Lark(grammar_text(), parser="lalr", lexer=RowLexer)


def tokens(result: object) -> Tokens:
    """The tokens of a parse tree, in order: type, value, line."""
    assert isinstance(result, Tree)
    return [
        (token.type, token.value, token.line)
        for token in result.scan_values(lambda value: isinstance(value, Token))
    ]


Tokens = list[tuple[str, str, int | None]]
"""Tokens as type, value and line."""


def both(rows: Sequence[Row], tree_parser: Lark) -> tuple[Tokens, Tokens]:
    """The tokens of Lark's contextual lexer over the row text, and of the row lexer."""
    build = Build(rows)
    token = CURRENT.set(build)
    try:
        lark = tokens(table_parser().parse(row_text(rows), on_error=_recover))
        ours = tokens(tree_parser.parse(rows, on_error=_recover))
    finally:
        CURRENT.reset(token)
    return lark, ours


def corpus_rows(sample: Path) -> list[Row]:
    """The rows of a corpus page, as ``loads`` peels them."""
    parts = segments(sample.read_bytes().decode("utf-8", "surrogateescape"))
    chosen, _ = renderings.detect(parts.lines)
    return list(peel(parts, chosen).rows)


def test_same_tokens_on_a_corpus_page(sample: Path, tree_parser: Lark) -> None:
    rows = corpus_rows(sample)
    lark, ours = both(rows, tree_parser)
    assert ours == lark
    assert len(ours) < len(rows)  # runs of rows are one token


def test_same_documents_on_a_corpus_page(monkeypatch: pytest.MonkeyPatch, sample: Path) -> None:
    text = sample.read_bytes().decode("utf-8", "surrogateescape")
    monkeypatch.setattr(grammar, "FAST", False)  # the row lexer, not lark-cython's
    ours = tazformat.loads(text)
    monkeypatch.setattr(grammar, "parser", lambda fast=False: _Contextual())
    lark = tazformat.loads(text)
    assert ours == lark
    assert ours.diagnostics == lark.diagnostics
    assert tazformat.to_dict(ours) == tazformat.to_dict(lark)


class _Contextual:
    """The model builder behind Lark's contextual lexer over the row text."""

    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        transformer=ModelBuilder(),
        maybe_placeholders=True,
        propagate_positions=False,
    )

    def parse(self, rows: Sequence[Row], on_error: Any = None) -> object:
        return self.lark.parse(row_text(rows), on_error=on_error)


def test_same_tokens_on_random_row_sequences(tree_parser: Lark) -> None:
    chance = random.Random(1717)
    for _ in range(1500):
        kinds = sorted(
            (chance.choice(CONTENTS) for _ in range(chance.randint(1, 30))),
            key=lambda kind: CONTENTS.index(kind) + chance.random() * 14,
        )
        lark, ours = both(rows_of(kinds), tree_parser)
        assert ours == lark, kinds


_rows = st.lists(
    st.tuples(
        st.sampled_from("iilm"),
        st.one_of(
            st.sampled_from([content for _, content in CONTENTS]),
            st.text(st.characters(blacklist_characters="\r\n"), max_size=12),
        ),
    ),
    max_size=25,
)


@settings(max_examples=500, deadline=None)
@given(_rows)
def test_same_tokens_on_generated_rows(tree_parser: Lark, kinds: list[tuple[str, str]]) -> None:
    lark, ours = both(rows_of(kinds), tree_parser)
    assert ours == lark


@settings(max_examples=200, deadline=None)
@given(_rows)
def test_every_row_sequence_parses(kinds: list[tuple[str, str]]) -> None:
    """Error recovery stays total: any rows give a page or stray rows, none lost."""
    rows = rows_of(kinds)
    prelude, page, _ = grammar.parse_rows(rows)
    assert page is not None or len(prelude) == len(rows)


def test_a_row_text_lexes_as_its_rows(tree_parser: Lark) -> None:
    rows = rows_of(CONTENTS)
    assert "".join(lines_of(rows)) == row_text(rows)
    assert lines_of(rows) == [line_of(row) for row in rows]
    assert tokens(tree_parser.parse(row_text(rows))) == tokens(tree_parser.parse(rows))


def test_terminals_are_tried_in_lark_s_order() -> None:
    lark = table_parser()
    ordered = lark.parser.lexer.root_lexer.terminals  # Lark's BasicLexer sorts its terminals
    assert sorted(lark.terminals, key=lark_order) == ordered


def _changed(old: str, new: str) -> str:
    text = grammar_text()
    assert old in text, old
    return text.replace(old, new)


def test_the_patterns_are_the_grammar_s() -> None:
    """A terminal changed in the grammar changes the lexer: it holds no copy."""
    rows = rows_of([("i", "# taz.de -- Fall: Kurz"), ("i", "8 Jan 2022"), ("i", "8 Jän 2022")])
    kinds = _kinds(Lark(grammar_text(), parser="lalr", lexer=RowLexer), rows)
    assert kinds == ["HEADING", "DATE", "STRAY"]
    changed = _changed("(?:Jan|Feb", "(?:Jän|Feb")
    kinds = _kinds(Lark(changed, parser="lalr", lexer=RowLexer), rows)
    assert kinds == ["HEADING", "TEXT", "DATE"]  # "8 Jan 2022" is a text row there


def test_the_priorities_are_the_grammar_s() -> None:
    rows = rows_of([("i", "# taz.de -- Fall: Kurz"), ("i", "## TAGS"), ("i", "Tag")])
    assert _kinds(Lark(grammar_text(), parser="lalr", lexer=RowLexer), rows)[1] == "TAGS_HEAD"
    lowered = _changed("TAGS_HEAD.6:", "TAGS_HEAD.1:")
    assert _kinds(Lark(lowered, parser="lalr", lexer=RowLexer), rows)[1] == "SUBHEAD"


def _kinds(lark: Lark, rows: list[Row]) -> list[str]:
    build = Build(rows)
    token = CURRENT.set(build)
    try:
        return [kind for kind, _, _ in tokens(lark.parse(rows))]
    finally:
        CURRENT.reset(token)


def test_a_row_no_state_takes_is_lexed_as_lark_reports_it() -> None:
    """Where the parser's state takes no terminal that matches, the whole grammar decides.

    In a grammar whose date section takes text rows only, an image row after
    the date is no terminal of that state: both lexers give it as the first
    terminal of the whole grammar that matches it (IMAGE), and the parser
    refuses that token at that line.
    """
    narrow = _changed("_date_row: STRAY", "_date_row: TEXT")
    rows = rows_of([("i", "# taz.de -- Fall: Kurz"), ("i", "8 Jan 2022"), ("m", "Ein Bild")])
    refused = []
    for lark in (
        Lark(narrow, parser="lalr", lexer=RowLexer),
        Lark(narrow, parser="lalr", lexer="contextual"),
    ):
        with pytest.raises(UnexpectedToken) as error:
            lark.parse(rows if lark.options.lexer is RowLexer else row_text(rows))
        refused.append((error.value.token.type, error.value.token.line))
    assert refused == [("IMAGE", 3), ("IMAGE", 3)]


def test_a_run_stops_at_the_first_row_it_does_not_match(tree_parser: Lark) -> None:
    kinds = [
        ("i", "# taz.de -- Fall: Kurz"),
        ("i", "eins"),
        ("l", "zwei"),
        ("i", "## Mitte"),
        ("i", "drei"),
    ]
    lark, ours = both(rows_of(kinds), tree_parser)
    assert ours == lark
    assert [(kind, line) for kind, _, line in ours] == [
        ("HEADING", 1),
        ("PLAIN", 2),
        ("SUBHEAD", 4),
        ("PLAIN", 5),
    ]
    assert ours[1][1] == "ieins\nlzwei\n"
