"""The Lark transformer: grammar matches in, models out.

The parser calls these methods as it reduces rules (no parse tree is built).
Each token is one row, or a run of rows (``PLAIN``, ``LEAD``); its ``line``
is the index of its first row in the row text, by which the transformer
finds the peeled ``Row`` with its framing. The rows and the diagnostics of
the parse in progress live in a ``Build`` held by a context variable, so one
parser serves every call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from itertools import repeat
from operator import itemgetter
from typing import Any, TypeVar

import attrs
from lark import Token, Transformer

from .codes import Code
from .damage import ELLIPSIS, is_cut_row
from .entries import group_entries, is_marked
from .models import (
    SECTIONS,
    Article,
    Block,
    DateRow,
    Diagnostic,
    Entry,
    Lead,
    Line,
    Listing,
    Note,
    Page,
    Paragraph,
    Picture,
    RowNode,
    SectionHeading,
    Stray,
    Subhead,
    Title,
)
from .rows import Row
from .speakers import starts_turn
from .vocabulary import BARE_MARKUP, TITLE_MARKUP, Found, Kind
from .wrapping import ends_block, ends_sentence, is_blank_like, reference_depth


@attrs.frozen
class Place:
    """A place on a page where a row may stray, as the grammar reaches it.

    ``expected`` in a stray row's diagnostic is read from the parser's own
    tables (``tazformat.grammar.expected``): the terminals the parser
    accepts after ``path``, less those the rule of the place turns into
    stray rows all the same (``refuses``), or only ``takes`` where it is set.
    """

    path: tuple[Kind, ...]
    """The row kinds that lead the parser into the place."""
    refuses: frozenset[Kind] = frozenset()
    """Kinds the grammar accepts here that the place's rule keeps as stray rows."""
    takes: frozenset[Kind] | None = None
    """The only kinds the place's rule takes, where it takes fewer than the grammar."""


_TEXT_ROWS = frozenset({Kind.TEXT.value, Kind.ITEM.value})
PLACES = {
    "prelude": Place(()),
    "body": Place((Kind.HEADING, Kind.TEXT), refuses=frozenset({Kind.ITEM, Kind.IMAGE})),
    "listing": Place((Kind.HEADING, Kind.TEXT), takes=frozenset({Kind.TEXT, Kind.ITEM})),
    "date": Place((Kind.HEADING, Kind.DATE)),
    **{section.rule: Place((Kind.HEADING, section.head)) for section in SECTIONS},
}
"""Every place a row can stray, by the name its diagnostic gives it."""


def _nothing_expected(place: str) -> tuple[str, ...]:
    return ()


L = TypeVar("L", bound=Line)
N = TypeVar("N", bound=RowNode)


@attrs.define
class Build:
    """The state of one parse: the rows and what was noticed."""

    rows: Sequence[Row]
    expected: Callable[[str], tuple[str, ...]] = _nothing_expected
    """What the format allows at a place (``PLACES``), from the parser's tables."""
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    blank_rows: bool | None = None
    """Whether the text keeps blank rows (found on first need)."""

    def keeps_blank_rows(self) -> bool:
        """Say whether any row but the last has blank rows after it."""
        if self.blank_rows is None:
            self.blank_rows = any(row.framing.gap for row in self.rows[:-1])
        return self.blank_rows


CURRENT: ContextVar[Build] = ContextVar("tazformat_build")


Kinded = tuple[str, Row]
"""A row with its kind, named as in the grammar (a run's rows are TEXT or ITEM)."""

RUNS = frozenset(kind for kind in Kind if kind.is_run)
"""Terminals that match a run of rows rather than one row."""

_MARKUP = {kind.value: kind.markup for kind in Kind}
"""Each kind's markup by the terminal's name (a token's ``type``)."""

_TEXT, _ITEM, _SUBHEAD, _LEAD = (
    Kind.TEXT.value,
    Kind.ITEM.value,
    Kind.SUBHEAD.value,
    Kind.LEAD.value,
)
"""The kinds the loops below compare a row's kind with, as plain strings: a
member of ``Kind`` costs a class attribute look-up each time it is named."""

RUN_KINDS = {"i": _TEXT, "l": _ITEM}
_MARKED, _INFERRED = Found.MARKED, Found.INFERRED
"""The kind of each row of a ``PLAIN`` run, by its item type."""


def _row(token: Token) -> Row:
    line = token.line
    assert line is not None
    return CURRENT.get().rows[line - 1]


def expand(tokens: Sequence[Token]) -> list[Kinded]:
    """Each row of ``tokens`` with its kind: a run token gives one pair a row."""
    rows = CURRENT.get().rows
    found: list[Kinded] = []
    for token in tokens:
        kind = token.type
        first = token.line
        assert first is not None
        if kind not in RUNS:
            found.append((kind, rows[first - 1]))
            continue
        run = rows[first - 1 : first - 1 + token.value.count("\n")]
        if kind == _LEAD:
            found.extend(zip(repeat(kind), run))
        else:  # TEXT or ITEM by the row's tag, pairs made without Python-level steps
            found.extend(zip(map(RUN_KINDS.__getitem__, map(itemgetter(0), run)), run, strict=True))
    return found


def _end(row: Row) -> int:
    """The column just past a row's content in the source."""
    return row.column + len(row.content) - len(row.framing.hidden)


def _node(cls: type[N], row: Row, skip: str = "", **fields: Any) -> N:
    """A row node of type ``cls``: the row's content less ``skip``, its framing and place."""
    _, content, framing, line, column = row
    end = column + len(content) - len(framing.hidden)
    text = content[len(skip) :] if skip else content
    truncated = content.endswith(ELLIPSIS) and is_cut_row(content)
    if truncated:
        _cut(line, end - 1)
    return cls(text, framing, truncated, line, column, end, **fields)


def text_line(row: Row) -> Line:
    """A ``Line`` of a text row (the commonest node, so built without detours)."""
    _, content, framing, line, column = row
    if content.endswith(ELLIPSIS):
        return _node(Line, row)
    return Line(content, framing, False, line, column, column + len(content) - len(framing.hidden))


def _cut(line: int, column: int) -> None:
    CURRENT.get().diagnostics.append(
        Diagnostic(
            Code.CUT_ROW,
            "a proxy cut this row to 79 bytes and '…'",
            line,
            column,
            ("a row of at most 80 bytes",),
        )
    )


def line_of(cls: type[L], kinded: Kinded) -> L:
    """Build a row node of type ``cls`` from a row of a kind, its markup removed."""
    kind, row = kinded
    return _node(cls, row, _MARKUP[kind])


def heading(row: Row) -> Title:
    """The page heading: ``# taz.de -- <title>``, or the bare ``# taz.de``."""
    markup = TITLE_MARKUP if row.content.startswith(TITLE_MARKUP) else BARE_MARKUP
    return _node(Title, row, markup, markup=markup)


def stray(row: Row, place: str) -> Stray:
    """Keep a row that no rule understands, with a diagnostic."""
    build = CURRENT.get()
    build.diagnostics.append(
        Diagnostic(
            Code.UNKNOWN_ROW,
            f"no rule of the {place} understands this row",
            row.line,
            row.column,
            build.expected(place),
        )
    )
    return Stray(row.content, row.framing, False, row.line, row.column, _end(row))


def _items(
    rows: Sequence[Kinded], kinds: frozenset[str], cls: type[L], place: str
) -> tuple[L | Stray, ...]:
    return tuple(line_of(cls, r) if r[0] in kinds else stray(r[1], place) for r in rows)


def _entries(rows: Sequence[Row]) -> list[Entry | Note]:
    items: list[Entry | Note] = []
    found = _MARKED if is_marked(rows) else _INFERRED
    for group in group_entries(rows):
        if isinstance(group, Row):
            items.append(_node(Note, group))
            continue
        title, teaser = group
        entry_title = None if title is None else _node(Title, title)
        items.append(Entry(entry_title, tuple([text_line(r) for r in teaser]), found=found))
    return items


def entries(rows: Sequence[Kinded], place: str) -> tuple[Entry | Note | Stray, ...]:
    """Group listed rows into entries and notes; rows of other kinds stay strays."""
    items: list[Entry | Note | Stray] = []
    run: list[Row] = []
    for kind, row in rows:
        if kind in _TEXT_ROWS:
            run.append(row)
            continue
        items.extend(_entries(run))
        run = []
        items.append(stray(row, place))
    items.extend(_entries(run))
    return tuple(items)


def _ends_paragraph(
    rows: Sequence[Kinded], index: int, blank_rows: bool, depth: int, open_end: bool
) -> Found | None:
    """Say whether the text row at ``index`` ends its paragraph, and how that was found.

    A blank row after it does, and a blank-like row (only U+2800) before or
    after it (``MARKED``); where the text keeps blank rows they are the only
    other sign. Where it drops them, a row that opens with a speaker label
    after a sentence end starts a turn (``speakers.starts_turn``: the label
    marks it), and the wrap rule (``wrapping.ends_block``) reads the end from
    the wording and the room the row leaves for the next row's first word
    (``INFERRED``), unless the row leaves an inline reference open
    (``depth``). ``open_end`` says the body runs to the end of a capture cut
    short: its last row may be cut, so the room before it is not read.
    ``None``: the paragraph goes on (or the next row is no text row, which
    ends it by its kind).
    """
    row = rows[index][1]
    if row.framing.gap:
        return _MARKED
    if index + 1 == len(rows):
        return None
    kind, following = rows[index + 1]
    if kind == _TEXT and (is_blank_like(row.content) or is_blank_like(following.content)):
        return _MARKED
    if blank_rows or depth or kind != _TEXT:
        return None
    if starts_turn(row.content, following.content):
        return _MARKED
    opens = index > 0 and rows[index - 1][0] == _SUBHEAD
    cut = open_end and index + 2 == len(rows)
    if ends_block(row.content, following.content, opens=opens, cut=cut):
        return _INFERRED
    return None


def paragraphs(rows: Sequence[Kinded], open_end: bool = False) -> tuple[Block, ...]:
    """Group body rows into paragraphs, ended by blank rows, subheads and the wrap rule.

    ``open_end``: the body runs to the end of a capture cut short. A
    paragraph either of whose ends the wrap rule found is ``INFERRED``.
    """
    blocks: list[Block] = []
    lines: list[Line] = []
    blank_rows = CURRENT.get().keeps_blank_rows()
    depth = 0
    begun = _MARKED  # how the start of the paragraph being read was found
    for index, (kind, row) in enumerate(rows):
        end: Found | None = _MARKED
        if kind == _TEXT:
            lines.append(text_line(row))
            if depth or "[" in row.content:
                depth = reference_depth(row.content, depth)
            end = _ends_paragraph(rows, index, blank_rows, depth, open_end)
            if end is None and index + 1 < len(rows) and rows[index + 1][0] == _TEXT:
                continue
        depth = 0
        if lines:
            found = _INFERRED if _INFERRED in (begun, end) else _MARKED
            blocks.append(Paragraph(tuple(lines), found=found))
            lines = []
        begun = end or _MARKED
        if kind == _SUBHEAD:
            blocks.append(_node(Subhead, row, Kind.SUBHEAD.markup))
        elif kind != _TEXT:
            blocks.append(stray(row, "body"))
    return tuple(blocks)


def _open_end(body: Sequence[Kinded]) -> bool:
    """Say whether the body's last row may be cut by the capture's end.

    It may when nothing follows the body (the caller checks) and the row has
    no line break or no sentence end.
    """
    if not body:
        return False
    last = body[-1][1]
    return not last.framing.newline or not ends_sentence(last.content)


class ModelBuilder(Transformer[Token, Any]):
    """Builds the models bottom-up as the parser reduces each rule."""

    def start(self, children: list[Any]) -> tuple[tuple[Stray, ...], Page | None]:
        *prelude, page = children
        return tuple(stray(_row(t), "prelude") for t in prelude), page

    def page(self, children: list[Any]) -> Page:
        heading_row, lead, picture_row, body, date, *sections = children
        title = heading(_row(heading_row))
        picture = (
            None if picture_row is None else line_of(Picture, (Kind.PICTURE, _row(picture_row)))
        )
        date_line, after_date = date if date is not None else (None, ())
        is_article = (
            lead is not None
            or picture is not None
            or date is not None
            or bool(sections)
            or any(kind == _SUBHEAD for kind, _ in body)
        )
        if not is_article:
            return Listing(title, entries(body, "listing"))
        return Article(
            title,
            lead,
            picture,
            paragraphs(body, open_end=date is None and not sections and _open_end(body)),
            date_line,
            after_date,
            tuple(sections),
        )

    def lead(self, tokens: list[Token]) -> Lead:
        return Lead(tuple(line_of(Line, r) for r in expand(tokens)))

    def body(self, tokens: list[Token]) -> list[Kinded]:
        return expand(tokens)

    def date(self, tokens: list[Token]) -> tuple[DateRow, tuple[Stray, ...]]:
        first, *rest = tokens
        return line_of(DateRow, (first.type, _row(first))), tuple(
            stray(_row(t), "date") for t in rest
        )

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        """A tail section's rule (``SECTION_RULES``); any other rule as Lark builds it."""
        section = SECTION_RULES.get(data)
        if section is None:
            return super().__default__(data, children, meta)  # type: ignore[no-untyped-call]
        head, *rest = expand(children)
        node = section.item_node
        if node is None:
            items: tuple[Any, ...] = entries(rest, section.rule)
        else:
            items = _items(rest, section.item_kinds, node, section.rule)
        return section(line_of(SectionHeading, head), items)


SECTION_RULES = {section.rule: section for section in SECTIONS}
"""Each tail section by the name of its rule in the grammar."""
