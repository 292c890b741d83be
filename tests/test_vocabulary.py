"""The format's vocabulary is defined once: kinds against the grammar, codes against the docs."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from lark import Lark, Token

import tazformat
from tazformat.codes import Code
from tazformat.export import json_schema
from tazformat.grammar import expected, grammar_text, table_parser
from tazformat.transformer import PLACES
from tazformat.vocabulary import (
    DATE,
    HEADING_MARK,
    KICKER_SEPARATOR,
    LEAD_MARKUP,
    MONTHS,
    PICTURE_MARKUP,
    SECTION_MARKUP,
    SECTION_NAMES,
    TITLE_MARKUP,
    Kind,
)

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "tazformat"


def _terminals() -> dict[str, re.Pattern[str]]:
    grammar = Lark(grammar_text(), parser="lalr", lexer="contextual")
    return {t.name: re.compile(t.pattern.to_regexp()) for t in grammar.terminals}


def test_the_grammar_s_terminals_are_the_kinds() -> None:
    assert set(_terminals()) == Kind.terminals()
    assert Kind.SECTION_HEAD.value not in Kind.terminals()  # the one kind that is no terminal


def test_the_grammar_s_terminals_read_the_vocabulary() -> None:
    terminals = _terminals()
    assert terminals["HEADING"].fullmatch(f"i{TITLE_MARKUP}Nord: Hafen\n")
    assert terminals["HEADING"].fullmatch(f"i{HEADING_MARK}\n")
    assert not terminals["HEADING"].fullmatch(f"i{HEADING_MARK}x\n")
    assert terminals["LEAD"].fullmatch(f"i{LEAD_MARKUP}Ein Satz.\n")
    assert terminals["PICTURE"].fullmatch(f"m{PICTURE_MARKUP}Ein Hafen\n")
    assert terminals["SUBHEAD"].fullmatch(f"i{SECTION_MARKUP}Zwischentitel\n")
    for kind, name in SECTION_NAMES.items():
        assert terminals[kind.value].fullmatch(f"i{SECTION_MARKUP}{name}\n"), kind
        assert not terminals[kind.value].fullmatch(f"i{SECTION_MARKUP}{name}X\n"), kind
    assert terminals["DATE"].pattern == f"i{DATE.pattern}\n"
    for month in MONTHS:
        assert terminals["DATE"].fullmatch(f"i8 {month} 2022\n")
    assert not terminals["DATE"].fullmatch("i8 Mai 2022\n")


def test_each_kind_s_markup() -> None:
    assert Kind.LEAD.markup == LEAD_MARKUP
    assert Kind.PICTURE.markup == PICTURE_MARKUP
    assert Kind.SUBHEAD.markup == Kind.SECTION_HEAD.markup == Kind.TAGS_HEAD.markup == "## "
    assert Kind.TEXT.markup == Kind.DATE.markup == Kind.HEADING.markup == ""
    assert re.fullmatch(KICKER_SEPARATOR, " : ")
    assert re.fullmatch(KICKER_SEPARATOR, ": ")


def _literals(path: Path) -> list[str]:
    """The string constants of a module: no docstrings, no ``__all__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring, of a module, class, function or name
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            skipped.update(id(child) for child in ast.walk(node.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in skipped
    ]


VOCABULARY = {
    "# taz.de -- ",
    "taz.de -- ",
    "# taz.de",
    "taz.de",
    *SECTION_NAMES.values(),
    "## ",
    "> ",
    "Bild: ",
    *MONTHS,
    " ?: ",
    *Kind.terminals(),
    Kind.SECTION_HEAD.value,
    *(code.value for code in Code),
}
"""The words of the format, each a string constant of ``vocabulary`` or ``codes`` only."""

ELSEWHERE = {
    "renderings/phroot.py": {"TEXT"},  # a gopher item type word of the gutter, not the kind
    "markdown.py": {"## ", "> "},  # Markdown's own heading and quote marks
}
"""Words another module writes as something else."""


def test_each_piece_of_vocabulary_is_defined_once() -> None:
    """No module but ``vocabulary`` and ``codes`` writes a kind, a code or the format's words."""
    owners = {"vocabulary.py", "codes.py"}
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if path.name in owners:
            continue
        allowed = ELSEWHERE.get(name, set())
        words = (VOCABULARY - allowed) & set(_literals(path))
        offenders += [f"{name}: {word!r}" for word in sorted(words)]
    assert offenders == []


def test_the_check_finds_a_word_written_again(tmp_path: Path) -> None:
    module = tmp_path / "again.py"
    module.write_text(
        '"""Doc with ## LINKS."""\n__all__ = ["TEXT"]\nHEAD = "## "\n"""What it is."""\n',
        encoding="utf-8",
    )
    assert _literals(module) == ["## "]


@pytest.mark.parametrize("place", sorted(PLACES))
def test_expected_is_what_the_parse_table_accepts(place: str) -> None:
    interactive = table_parser().parse_interactive("")
    for kind in PLACES[place].path:
        interactive.feed_token(_token(kind))
    accepted = set(interactive.choices()) & (Kind.terminals() | {"$END"})  # type: ignore[no-untyped-call]
    named = expected(place)
    assert named
    assert set(named) <= accepted
    left_out = accepted - set(named) - {"$END", "STRAY", "PLAIN"}
    spot = PLACES[place]
    assert left_out <= set(spot.refuses) | (Kind.terminals() - set(spot.takes or Kind))
    assert list(named) == [kind.value for kind in Kind if kind.value in named]  # in Kind order


def _token(kind: Kind) -> Token:
    return Token(kind.value, "\n")


def test_a_stray_row_in_a_section_may_be_followed_by_any_section() -> None:
    """The grammar takes the sections in any order; ``expected`` says so."""
    text = (
        "| # taz.de -- Stadtgarten: Tomaten | |\n| 2 May 2026 | |\n"
        "| ## AUTOREN | |\n| Anna Berger | |\n| ## LINKS | |\n| Siehe unten | |\n"
    )
    doc = tazformat.loads(text)
    (diagnostic,) = doc.diagnostics
    assert diagnostic.expected == (
        "LINK_TARGET",
        "LINKS_HEAD",
        "AUTHORS_HEAD",
        "TAGS_HEAD",
        "RELATED_HEAD",
    )
    assert tazformat.dumps(doc) == text


def test_a_body_s_expected_leaves_out_what_its_rule_refuses() -> None:
    """An image item in the body is a stray row: the body does not name IMAGE or ITEM."""
    text = (
        "# taz.de -- Nord: Hafen\n       Ein Satz.\n (IMG) Ein Hafen\n (DIR) Mehr\n"
        "       Ein Satz.\n       8 Jan 2022\n"
    )
    doc = tazformat.loads(text, rendering="gopher-menu")
    named = [(d.line, d.expected) for d in doc.diagnostics if d.code == Code.UNKNOWN_ROW]
    body = ("TEXT", "SUBHEAD", "DATE", *[kind.value for kind in SECTION_NAMES])
    assert named == [(3, body), (4, body)]
    assert tazformat.dumps(doc) == text


def test_the_schema_s_codes_are_the_codes() -> None:
    schema = json_schema()
    found = [
        node["enum"]
        for node in _nodes(schema)
        if isinstance(node, dict) and "enum" in node and "cut-row" in node["enum"]
    ]
    assert found == [[code.value for code in Code]]


def _nodes(value: object) -> list[object]:
    if isinstance(value, dict):
        return [value, *(n for v in value.values() for n in _nodes(v))]
    if isinstance(value, list):
        return [n for v in value for n in _nodes(v)]
    return []


def test_the_errors_page_lists_every_code_with_its_meaning() -> None:
    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    section = page.split("## Diagnostic codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (.*) \|$", section, re.MULTILINE)
    table = [(code, re.sub(r" \(\[§ [^]]*\]\([^)]*\)\)$", "", meaning)) for code, meaning in rows]
    wanted = [(code.value, code.meaning) for code in Code]
    assert table == wanted, "\n".join(f"| `{c}` | {m} |" for c, m in wanted)


def test_a_diagnostic_holds_its_code_as_plain_text() -> None:
    doc = tazformat.loads("| # taz.de -- Nord: Hafen | |\n| Ein Satz.")
    codes = [d.code for d in doc.diagnostics]
    assert codes == [Code.CUT_FRAME]
    assert type(codes[0]) is str
    assert json.dumps(tazformat.to_dict(doc)["diagnostics"][0]["code"]) == '"cut-frame"'
