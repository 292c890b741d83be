"""The typed, immutable models a taz dump is parsed into.

Every class is a frozen, slotted attrs class (no ``__weakref__`` slot, to
keep nodes small): edit with ``attrs.evolve``.
Each row-backed node keeps its content (``text``, markup removed) and a
``Framing`` that holds every other character of its row, so that
``tazformat.dumps`` writes the original back byte for byte. Values that
follow from the text (a title's kicker, a paragraph's references) are
computed when read, so an edited node stays consistent.

Source positions (``Span``) are kept for messages but left out of
equality: two nodes are equal when their content and framing are.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from .datelines import Dateline, read_dateline
from .deprecation import aliases
from .references import InlineReference, absolute_url, article_id, find_references, strip_references
from .vocabulary import KICKER_SEPARATOR, LINK_TARGET, MONTHS, SECTION_NAMES, Found, Kind
from .vocabulary import TITLE_MARKUP as TITLE_MARKUP  # its home before 0.2.0

__all__ = [
    "Article",
    "Authors",
    "Block",
    "DateRow",
    "Dateline",
    "Diagnostic",
    "Document",
    "Entry",
    "Framing",
    "InlineReference",
    "Lead",
    "Line",
    "LinkTarget",
    "Links",
    "Listing",
    "Note",
    "Page",
    "Paragraph",
    "Picture",
    "Placed",
    "Placement",
    "Related",
    "RowNode",
    "Section",
    "SectionHeading",
    "Span",
    "Stray",
    "Subhead",
    "Tags",
    "Title",
]


@attrs.frozen(weakref_slot=False)
class Span:
    """Where a node stands in the source text (1-based; end is exclusive)."""

    start_line: int
    """Line of the node's first character."""
    start_column: int
    """Column of the node's first character."""
    end_line: int
    """Line of the node's last character."""
    end_column: int
    """Column just past the node's last character."""


NO_SPAN = Span(0, 0, 0, 0)
"""The span of a node that was built in code rather than parsed."""


class Placement:
    """Where a row is written, which says what its text must not read as.

    The last member of each ``Placed`` row; the serializer checks a row by
    its place. A tail section's heading row is placed by the kind of its
    heading (``Kind.LINKS_HEAD``…), so its name can be checked.
    """

    PRELUDE = "prelude"
    """A row before the page: it must not read as the heading."""
    HEADING = "heading"
    """The page heading."""
    LEAD = "lead"
    """A lead row."""
    PICTURE = "picture"
    """The picture item."""
    BODY = "body"
    """A body row: a paragraph's row, a subhead or a stray row."""
    DATE = "date"
    """The date row."""
    TAIL = "tail"
    """A row after the date: stray rows and the rows of a section's items."""
    LISTING = "listing"
    """A row of a listing's items."""


Placed = tuple[tuple["RowNode", ...], Kind, str, str, bool]
"""Rows as they are written, one block of them: the rows, their kind, their
item type (``i``, ``l``, ``m``), their ``Placement``, and whether the
rendering's blank rows follow the last (where its framing is canonical)."""


_TEXT, _LEAD, _ITEM, _SECTION_HEAD = Kind.TEXT, Kind.LEAD, Kind.ITEM, Kind.SECTION_HEAD
"""The kinds containers place their rows as (a member looked up once: ``Kind.X`` is slow)."""


def _place_block(out: list[Placed], lines: tuple[RowNode, ...], kind: Kind, where: str) -> None:
    """Place the rows of one block: blank rows follow its last row."""
    if lines:
        out.append((lines, kind, "i", where, True))


@attrs.frozen(weakref_slot=False)
class Framing:
    """Every character of a row that is not its content.

    A rendering wraps each content row in its own way: a frame ``| … | |``,
    an indent, a type label such as `` (DIR) ``. ``None`` in a node's
    ``framing`` means "the canonical framing of the document's rendering".
    """

    prefix: str = ""
    """Characters before the content: indent, type label, left frame."""
    suffix: str = ""
    """Characters after the content: the right frame."""
    newline: str = "\n"
    """The line ending: ``"\\n"``, ``"\\r\\n"``, ``"\\r"``, or ``""`` at a cut end."""
    gap: str = ""
    """Blank rows that follow this row, verbatim with their line endings."""
    hidden: str = ""
    """Markup the rendering does not show (Gemini proxies drop ``# `` and
    ``> ``): the row as served is ``hidden`` plus what the text shows."""


@attrs.frozen(weakref_slot=False)
class Diagnostic:
    """Something the parser noticed: damage, or a row no rule understands.

    Added in version 0.1.0.
    """

    code: str = attrs.field(converter=str)
    """Stable identifier, e.g. ``cut-row`` or ``unknown-row`` (``tazformat.codes.Code``)."""
    message: str
    """What was noticed, for people."""
    line: int
    """1-based line in the source text."""
    column: int
    """1-based column in the source text."""
    expected: tuple[str, ...] = ()
    """What the format allows at this place, where that is known."""


def cover(rows: Iterable[RowNode]) -> Span:
    """The span from the first to the last of ``rows`` that were parsed."""
    placed = [row for row in rows if row.line]
    if not placed:
        return NO_SPAN
    first, last = placed[0], placed[-1]
    return Span(first.line, first.column, last.line, last.end_column)


class _Covered:
    """Mix-in: a node made of rows spans from its first row to its last."""

    __slots__ = ()

    def rows(self) -> Iterator[RowNode]:
        """The node's rows, in source order."""
        raise NotImplementedError

    def place(self, out: list[Placed], where: str) -> None:
        """Append the node's rows as they are written (``Placed``), in source order."""
        raise NotImplementedError

    @property
    def span(self) -> Span:
        """Where the node stands in the source: first row to last."""
        return cover(self.rows())


@attrs.frozen(weakref_slot=False)
class RowNode:
    """A node that is one row of the source: its text and its framing.

    Its two kinds are siblings: ``Line`` (a row a rule understands, and its
    subclasses) and ``Stray`` (a row none does), so ``isinstance(x, Line)``
    never takes in a stray row. Added in version 0.1.0.
    """

    kind: ClassVar[Kind] = Kind.TEXT
    """The row kind the node is written as where its container names none."""
    item_type: ClassVar[str] = "i"
    """The item type the node is written as where its container names none."""

    text: str
    """The row's content after the markup of its kind (``> ``, ``## ``…)."""
    framing: Framing | None = None
    """How the row was rendered; ``None`` for the rendering's canonical form."""
    truncated: bool = False
    """True when a proxy cut this row to 79 bytes and ``…``."""
    line: int = attrs.field(default=0, eq=False, repr=False)
    """1-based line of the row in the source (0 for a row built in code)."""
    column: int = attrs.field(default=0, eq=False, repr=False)
    """1-based column where the row's content starts."""
    end_column: int = attrs.field(default=0, eq=False, repr=False)
    """Column just past the row's content."""

    @property
    def span(self) -> Span:
        """Where the row stands in the source."""
        return Span(self.line, self.column, self.line, self.end_column)

    def rows(self) -> Iterator[RowNode]:
        """The row itself (every node yields its rows in source order)."""
        yield self

    def place(self, out: list[Placed], where: str) -> None:
        """Append the row as it is written, blank rows after it (every node places its rows)."""
        out.append(((self,), self.kind, self.item_type, where, True))


@attrs.frozen(weakref_slot=False)
class Line(RowNode):
    """One content row that a rule understands: its text (markup removed) and its framing."""


def single_blanks(text: str) -> str:
    """``text`` with runs of blanks as one space and none at the ends.

    Used where blanks are framing rather than content (list items, body text).
    """
    return _BLANKS.sub(" ", text).strip(" \t")


_BLANKS = re.compile(r"[ \t]{2,}|\t")


_KICKER_SEPARATOR = re.compile(KICKER_SEPARATOR)


def _split_title(text: str) -> tuple[str | None, str]:
    match = _KICKER_SEPARATOR.search(text)
    if match is None or match.start() == 0:
        return None, text
    return text[: match.start()], text[match.end() :]


@attrs.frozen(weakref_slot=False)
class Title(Line):
    """A title: the page heading ``# taz.de -- <text>``, or an entry's title row."""

    kind: ClassVar[Kind] = Kind.HEADING

    markup: str = attrs.field(default="", kw_only=True)
    """What the row starts with before the title: ``# taz.de -- `` for a page
    heading (``# `` for the bare site heading ``# taz.de``), empty for an
    entry title."""

    @property
    def kicker(self) -> str | None:
        """Text before the first ``: `` (or `` : ``), or ``None``."""
        return _split_title(self.text)[0]

    @property
    def headline(self) -> str:
        """Text after the kicker's separator, or the whole title."""
        return _split_title(self.text)[1]


@attrs.frozen(weakref_slot=False)
class Picture(Line):
    """The picture item ``Bild: <caption>``; ``text`` is the caption."""

    kind: ClassVar[Kind] = Kind.PICTURE
    item_type: ClassVar[str] = "m"


@attrs.frozen(weakref_slot=False)
class Subhead(Line):
    """A body subhead ``## <text>`` (the text may be empty)."""

    kind: ClassVar[Kind] = Kind.SUBHEAD


@attrs.frozen(weakref_slot=False)
class Note(Line):
    """A listing row that is neither a title nor a teaser.

    A block heading (``Reportage und Recherche``), a tagline, a search link.
    """


@attrs.frozen(weakref_slot=False)
class Stray(RowNode):
    """A row that no rule understands, kept whole (markup and all) in ``text``.

    A sibling of ``Line``, not a kind of it. It is written as a text row.
    """


@attrs.frozen(weakref_slot=False)
class Paragraph(_Covered):
    """Consecutive body rows, ended by a blank row or a subhead.

    Where the rendering drops blank rows, the wrap rule finds the ends
    (``tazformat.wrapping``; spec § 2.5): a row ends a paragraph when the
    next row's first word would have fitted on it.
    """

    lines: tuple[Line, ...]
    """The rows, in order."""
    found: Found = attrs.field(default=Found.MARKED, eq=False, kw_only=True)
    """How its ends were found: ``marked`` by blank rows, subheads and the
    body's ends, or ``inferred`` where the wrap rule read either end (spec
    § 2.9). Not part of equality: the same rows are the same paragraph."""

    @property
    def references(self) -> tuple[InlineReference, ...]:
        """The inline references in the paragraph, in order."""
        return find_references(" ".join(line.text for line in self.lines))

    @property
    def text(self) -> str:
        """The paragraph's rows joined by single spaces."""
        return " ".join(line.text for line in self.lines)

    def rows(self) -> Iterator[RowNode]:
        """The paragraph's rows."""
        yield from self.lines

    def place(self, out: list[Placed], where: str) -> None:
        """Append the paragraph's rows as text rows, blank rows after the last."""
        if self.lines:
            out.append((self.lines, _TEXT, "i", where, True))

    @property
    def plain_text(self) -> str:
        """The paragraph's text with each ``[n][text]`` replaced by its text."""
        return strip_references(self.text)


Block = Paragraph | Subhead | Stray
"""One part of an article body."""


@attrs.frozen(weakref_slot=False)
class Lead(_Covered):
    """The lead rows ``> …`` under the heading."""

    lines: tuple[Line, ...]
    """The rows, ``> `` removed."""

    def rows(self) -> Iterator[RowNode]:
        """The lead's rows."""
        yield from self.lines

    def place(self, out: list[Placed], where: str) -> None:
        """Append the lead's rows, blank rows after the last."""
        _place_block(out, self.lines, _LEAD, where)

    @property
    def text(self) -> str:
        """The lead's rows joined by single spaces."""
        return " ".join(line.text for line in self.lines)


_MONTHS = {name: number for number, name in enumerate(MONTHS, start=1)}


def _parse_date(text: str) -> datetime.date | None:
    parts = text.split(" ")
    if len(parts) != 3 or parts[1] not in _MONTHS:
        return None
    try:
        return datetime.date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
    except ValueError:
        return None


@attrs.frozen(weakref_slot=False)
class DateRow(Line):
    """The date row after the body, e.g. ``8 Jan 2022``.

    Named ``DateLine`` before version 0.2.0 (an alias that warns), a name
    that differed from ``Dateline`` only in case.
    """

    kind: ClassVar[Kind] = Kind.DATE

    @property
    def date(self) -> datetime.date | None:
        """The date, or ``None`` when the row names no real calendar day."""
        return _parse_date(self.text)


_LINK_TARGET = LINK_TARGET


@attrs.frozen(weakref_slot=False)
class LinkTarget(Line):
    """A row ``[n] <target>`` of ``## LINKS``; ``text`` is the whole row."""

    kind: ClassVar[Kind] = Kind.LINK_TARGET

    @property
    def number(self) -> int:
        """The reference number."""
        match = _LINK_TARGET.fullmatch(self.text)
        return int(match.group(1)) if match else 0

    @property
    def target(self) -> str:
        """The link target, usually a taz path such as ``/Slug/!5826872``."""
        match = _LINK_TARGET.fullmatch(self.text)
        return match.group(2) if match else self.text

    @property
    def article_id(self) -> str | None:
        """The taz article id the target ends in (``!5826872`` → ``5826872``)."""
        return article_id(self.target)

    @property
    def url(self) -> str:
        """The target as an absolute address on https://taz.de."""
        return absolute_url(self.target)


@attrs.frozen(weakref_slot=False)
class Entry(_Covered):
    """A listed article: a title row and the teaser rows under it."""

    title: Title | None
    """The entry's title, split into kicker and headline like a page title;
    ``None`` where the capture lost the title (Gemini link lines removed)."""
    teaser: tuple[Line, ...] = ()
    """The teaser rows."""
    found: Found = attrs.field(default=Found.MARKED, eq=False, kw_only=True)
    """How the entry was found: ``marked`` by its link row (a label, ``=>``),
    or ``inferred`` where blank rows, wording or the wrap width told its
    title from its teaser (spec § 2.7, § 2.9). Not part of equality."""

    def rows(self) -> Iterator[RowNode]:
        """The title row and the teaser rows."""
        if self.title is not None:
            yield self.title
        yield from self.teaser

    def place(self, out: list[Placed], where: str) -> None:
        """Append the title as a link item and the teaser as a block."""
        if self.title is not None:
            out.append(((self.title,), _ITEM, "l", where, True))
        if self.teaser:
            out.append((self.teaser, _TEXT, "i", where, True))

    @property
    def teaser_text(self) -> str:
        """The teaser's rows joined by single spaces."""
        return " ".join(line.text for line in self.teaser)


@attrs.frozen(weakref_slot=False)
class SectionHeading(Line):
    """The heading row of a tail section, ``## <NAME>``; ``text`` is the name."""

    kind: ClassVar[Kind] = Kind.SECTION_HEAD


@attrs.frozen(weakref_slot=False)
class Section(_Covered):
    """A tail section after the date row: its heading row and its items.

    Each subclass names the kind of its heading row (``head``); its name is
    ``SECTION_NAMES[head]``. Before version 0.2.0 ``Section`` was the union
    of the four subclasses; ``isinstance(x, Section)`` holds for each as it
    did.
    """

    head: ClassVar[Kind]
    """The kind of the section's heading row (``LINKS_HEAD``…)."""
    rule: ClassVar[str]
    """The name of the section's rule in the grammar (``links``)."""
    item_kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.TEXT, Kind.ITEM})
    """The row kinds the section's rule takes as items; other rows are stray rows."""
    item_node: ClassVar[type[Line] | None] = Line
    """The node each item row becomes; ``None``: the rows are grouped into entries."""

    heading: Line
    """The heading row (a ``SectionHeading`` when parsed; ``text`` is the name)."""
    items: tuple[Any, ...] = ()
    """The section's items, in order."""

    @classmethod
    def name(cls) -> str:
        """The section's name, as its heading reads (``LINKS``)."""
        return SECTION_NAMES[cls.head]

    def rows(self) -> Iterator[RowNode]:
        """The heading row and the rows of the items."""
        yield self.heading
        for item in self.items:
            yield from item.rows()

    def place(self, out: list[Placed], where: str) -> None:
        """Append the heading row and the items' rows.

        The heading row is placed by the kind of the section's heading. An
        item row is written as ``item_node``'s kind; entries and notes are
        blocks of their own, and blank rows follow the last other row.
        """
        out.append(((self.heading,), _SECTION_HEAD, "i", self.head, True))
        kind = _TEXT if self.item_node is None else self.item_node.kind
        items = self.items
        blocks = [i for i, item in enumerate(items) if isinstance(item, Entry | Note)]
        if not blocks:  # one block of rows (links, authors, tags)
            _place_block(out, items, kind, where)
            return
        last = max((i for i in range(len(items)) if i not in blocks), default=-1)
        for index, item in enumerate(items):
            if isinstance(item, Entry | Note):
                item.place(out, where)
            else:
                out.append(((item,), kind, "i", where, index == last))


@attrs.frozen(weakref_slot=False)
class Links(Section):
    """The ``## LINKS`` section: targets of the inline references."""

    head: ClassVar[Kind] = Kind.LINKS_HEAD
    rule: ClassVar[str] = "links"
    item_kinds: ClassVar[frozenset[Kind]] = frozenset({Kind.LINK_TARGET})
    item_node: ClassVar[type[Line] | None] = LinkTarget

    items: tuple[LinkTarget | Stray, ...] = ()
    """The target rows (and rows no rule understands), in order."""


@attrs.frozen(weakref_slot=False)
class Authors(Section):
    """The ``## AUTOREN`` section: one author a row."""

    head: ClassVar[Kind] = Kind.AUTHORS_HEAD
    rule: ClassVar[str] = "authors"

    items: tuple[Line | Stray, ...] = ()
    """The author rows (and rows no rule understands), in order."""


@attrs.frozen(weakref_slot=False)
class Tags(Section):
    """The ``## TAGS`` section: one tag a row, repeats kept."""

    head: ClassVar[Kind] = Kind.TAGS_HEAD
    rule: ClassVar[str] = "tags"

    items: tuple[Line | Stray, ...] = ()
    """The tag rows (and rows no rule understands), in order."""


@attrs.frozen(weakref_slot=False)
class Related(Section):
    """The ``## ARTIKEL ZUM THEMA`` section: related articles."""

    head: ClassVar[Kind] = Kind.RELATED_HEAD
    rule: ClassVar[str] = "related"
    item_node: ClassVar[type[Line] | None] = None

    items: tuple[Entry | Note | Stray, ...] = ()
    """The related articles (and other rows), in order."""


SECTIONS: tuple[type[Section], ...] = (Links, Authors, Tags, Related)
"""The tail sections, in the grammar's order: the transformer builds each by its ``rule``."""


@attrs.frozen(weakref_slot=False)
class Article(_Covered):
    """An article page: heading, lead, picture, body, date and tail sections.

    Added in version 0.1.0.
    """

    title: Title
    """The heading."""
    lead: Lead | None = None
    """The lead, if any."""
    picture: Picture | None = None
    """The picture item, if any."""
    body: tuple[Block, ...] = ()
    """Paragraphs, subheads and stray rows, in order."""
    date: DateRow | None = None
    """The date row, if any."""
    after_date: tuple[Stray, ...] = ()
    """Rows between the date and the first section that no rule understands."""
    sections: tuple[Section | Stray, ...] = ()
    """The tail sections, in the order they appear."""

    @property
    def dateline(self) -> Dateline | None:
        """The dateline that opens the body, if any."""
        for block in self.body:
            if isinstance(block, Paragraph) and block.lines:
                return read_dateline(block.lines[0].text)
            if isinstance(block, Paragraph):
                continue
            return None
        return None

    def rows(self) -> Iterator[RowNode]:
        """Every row of the article, in source order."""
        yield self.title
        for part in (self.lead, self.picture, *self.body, self.date, *self.after_date):
            if part is not None:
                yield from part.rows()
        for section in self.sections:
            yield from section.rows()

    def place(self, out: list[Placed], where: str = Placement.HEADING) -> None:
        """Append every row of the article as it is written, in source order."""
        self.title.place(out, Placement.HEADING)
        if self.lead is not None:
            self.lead.place(out, Placement.LEAD)
        if self.picture is not None:
            self.picture.place(out, Placement.PICTURE)
        for block in self.body:
            block.place(out, Placement.BODY)
        if self.date is not None:
            self.date.place(out, Placement.DATE)
        for stray in self.after_date:
            stray.place(out, Placement.TAIL)
        for section in self.sections:
            section.place(out, Placement.TAIL)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The body's paragraphs."""
        return tuple(b for b in self.body if isinstance(b, Paragraph))

    @property
    def subheads(self) -> tuple[Subhead, ...]:
        """The body's subheads."""
        return tuple(b for b in self.body if isinstance(b, Subhead))

    def _items(self, kind: type[Section]) -> list[object]:
        return [item for s in self.sections if isinstance(s, kind) for item in s.items]

    @property
    def link_targets(self) -> tuple[LinkTarget, ...]:
        """The rows of ``## LINKS``."""
        return tuple(i for i in self._items(Links) if isinstance(i, LinkTarget))

    @property
    def authors(self) -> tuple[str, ...]:
        """The names under ``## AUTOREN`` (blanks single, none at the ends)."""
        return tuple(single_blanks(i.text) for i in self._items(Authors) if isinstance(i, Line))

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags under ``## TAGS``, in order, repeats kept (blanks as in ``authors``).

        A row's trailing or doubled blanks are framing, not part of the tag:
        ``"Schwerpunkt X "`` reads ``"Schwerpunkt X"``. The row keeps them.
        """
        return tuple(single_blanks(i.text) for i in self._items(Tags) if isinstance(i, Line))

    @property
    def related(self) -> tuple[Entry, ...]:
        """The entries under ``## ARTIKEL ZUM THEMA``."""
        return tuple(i for i in self._items(Related) if isinstance(i, Entry))


@attrs.frozen(weakref_slot=False)
class Listing(_Covered):
    """A listing page (section, tag, author, home): heading and entries.

    Added in version 0.1.0.
    """

    title: Title
    """The heading; ``text`` is what follows ``taz.de -- ``."""
    items: tuple[Entry | Note | Stray, ...] = ()
    """The listed articles, notes and rows no rule understands, in order."""

    def rows(self) -> Iterator[RowNode]:
        """Every row of the listing, in source order."""
        yield self.title
        for item in self.items:
            yield from item.rows()

    def place(self, out: list[Placed], where: str = Placement.HEADING) -> None:
        """Append every row of the listing as it is written, in source order."""
        self.title.place(out, Placement.HEADING)
        for item in self.items:
            item.place(out, Placement.LISTING)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The listed articles."""
        return tuple(i for i in self.items if isinstance(i, Entry))

    @property
    def notes(self) -> tuple[Note, ...]:
        """The rows that are neither titles nor teasers (block headings…)."""
        return tuple(i for i in self.items if isinstance(i, Note))


Page = Article | Listing
"""What a document holds: an article or a listing."""


@attrs.frozen(weakref_slot=False)
class Document:
    """A parsed taz dump: the page, how it was rendered, and what was noticed.

    Added in version 0.1.0.
    """

    rendering: str
    """Name of the rendering the text came in, e.g. ``meulie-framed``."""
    page: Page | None
    """The page, or ``None`` when no taz heading was found."""
    header: str = ""
    """Rows a proxy put before the page (navigation, log lines), verbatim."""
    prelude: tuple[Stray, ...] = ()
    """Rows before the heading that no rule understands."""
    footer: str = ""
    """Rows a rendering put after the page (a gophermap's ``.``), verbatim."""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False)
    """Damage and unknown rows, in source order."""
    truncated: bool = attrs.field(default=False, eq=False)
    """True when the capture was cut: its last row lost its frame or its
    newline (an unfinished one, where the rendering strips it), or the capture
    is as long as the excerpt cap (spec § 4.2)."""
    source_hash: int | None = attrs.field(default=None, eq=False, repr=False)
    """``hash()`` of the text the document was parsed from (``None`` for one built
    in code). ``dumps`` checks nothing when it writes that same text again: it
    reads back as it was read. Added in version 0.2.0."""

    def rows(self) -> Iterator[RowNode]:
        """Every content row: the prelude's, then the page's."""
        yield from self.prelude
        if self.page is not None:
            yield from self.page.rows()

    def placed(self) -> list[Placed]:
        """Every row as it is written, in order: the prelude's, then the page's.

        Added in version 0.2.0.
        """
        out: list[Placed] = [(self.prelude, _TEXT, "i", Placement.PRELUDE, False)]
        if self.page is not None:
            self.page.place(out, Placement.HEADING)
        return out

    @property
    def span(self) -> Span:
        """Where the content rows stand in the source: first to last."""
        return cover(self.rows())


_DEPRECATED = {"DateLine": ("DateRow", DateRow)}
"""Old public names, kept as aliases that warn."""

if TYPE_CHECKING:  # the checkers see the aliases as the classes they stand for
    DateLine = DateRow


__getattr__ = aliases(__name__, _DEPRECATED)
