"""The serializer: models back to text, in the document's rendering.

The last step of the data flow. Each row is written as its framing's
prefix, its kind's markup and its text (less any markup the rendering
hides), the framing's suffix, line ending and the blank rows after it. A
node without framing (built or edited in code) gets the canonical framing
of the document's rendering.

Text that would read back as something else is refused with ``EditError``
rather than written (spec § 5): a text the document was not parsed from is
checked row by row (``tazformat.checks``: field types, every row peeled back
by its rendering) and against the rules of each row's place below (a body
row ``## …``, a subhead named like a tail section, a title without the
heading's shape). A parsed, unedited document writes its own text and is
not checked.

The rows come from ``Document.placed``: each container places its own rows
with their kind, item type, place and whether blank rows follow, so writing
is one loop. A refused row's path (``page.body[2].lines[0]``) is looked up
only when it is refused (``tazformat.walk.path_of``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .checks import Written, check_rows, check_types
from .errors import EditError
from .models import Article, Document, Placement, RowNode, Stray, Title
from .renderings import Rendering, get
from .rows import MEANING
from .vocabulary import (
    BARE_MARKUP,
    DATE,
    HEADING_MARK,
    LEAD_MARKUP,
    LINK_TARGET,
    PICTURE_MARKUP,
    SECTION_HEAD_ROW,
    SECTION_MARKUP,
    SECTION_NAMES,
    TITLE_MARKUP,
    Kind,
)
from .walk import path_of

__all__ = ["DATE", "EditError", "serialize"]

_MARKUP = {kind.value: kind.markup for kind in Kind}
"""Each kind's markup, by its name."""
_TEXT, _LEAD, _PICTURE, _HEADING_KIND = Kind.TEXT, Kind.LEAD, Kind.PICTURE, Kind.HEADING
"""Kinds the loop compares rows' kinds with (a member looked up once: ``Kind.X`` is slow)."""

_BREAK = re.compile(r"[\r\n]")
"""What ends a line (``rows.split_lines``): no row may hold one."""
_HEADING = re.compile(
    rf"{re.escape(HEADING_MARK)}(?:{re.escape(TITLE_MARKUP.removeprefix(HEADING_MARK))}.*)?",
    re.DOTALL,
)
"""A row that reads as the page heading."""


Rule = Callable[[str, str, bool], str | None]
"""What another row kind makes of a row: ``(text, item type, first) -> reason``."""


BREAK = "a line break inside a row would read back as two rows"


def _refused(doc: Document, line: RowNode, field: str, reason: str) -> EditError:
    """The error for ``line``'s ``field``: a line break in its text comes first."""
    if field == "text" and _BREAK.search(line.text):
        reason = BREAK
    return EditError(reason, path_of(doc, line), type(line).__name__, field, line.line)


def _text_claim(place: str) -> Rule:
    """The rule for the text rows of a body or listing (``place`` names it)."""

    def claim(text: str, tag: str, first: bool) -> str | None:
        if tag == "i" and text.startswith(SECTION_MARKUP):
            head = text[len(SECTION_MARKUP) :]
            what = f"the {head} section heading" if head in HEAD_NAMES else "a subhead"
            return f"a {place} row that starts with '## ' would read back as {what}"
        if tag == "i" and DATE.fullmatch(text):
            return (
                f"a {place} row shaped like a date ('8 Jan 2022') would read back as the date row"
            )
        if first and tag == "i" and text.startswith(LEAD_MARKUP):
            return f"the first {place} row starts with '> ' and would read back as the lead"
        if first and tag in ("i", "m") and text.startswith(PICTURE_MARKUP):
            return f"the first {place} row starts with 'Bild: ' and would read back as the picture"
        return None

    return claim


def _section_claim(text: str, tag: str, first: bool) -> str | None:
    """The rule for rows after the date: none may read as a section heading."""
    if tag == "i" and SECTION_HEAD_ROW.fullmatch(text):
        return f"a row that reads {text!r} would read back as a section heading"
    return None


def _link_claim(text: str, tag: str, first: bool) -> str | None:
    """The rule for the rows of ``## LINKS`` that are no link target."""
    if tag in ("i", "l") and LINK_TARGET.match(text):
        return "a row that starts with '[n] ' would read back as a link target"
    return _section_claim(text, tag, first)


def _prelude_claim(text: str, tag: str, first: bool) -> str | None:
    """The rule for the rows before the page: none may read as its heading."""
    if tag == "i" and _HEADING.fullmatch(text):
        return "a row before the page that reads '# taz.de …' would read back as its heading"
    return None


HEAD_NAMES = frozenset(SECTION_NAMES.values())
RULES: dict[str, Rule] = {
    Placement.PRELUDE: _prelude_claim,
    Placement.BODY: _text_claim("body"),
    Placement.LISTING: _text_claim("listing"),
    Placement.TAIL: _section_claim,
}
"""The rule a text row is checked by, by its place; other places have none."""


class _Writer:
    """Writes the placed rows; refuses what would not read back (see ``tazformat.checks``)."""

    def __init__(self, doc: Document, rendering: Rendering) -> None:
        self.doc = doc
        self.rendering = rendering
        self.placed = doc.placed()
        self.parts: list[str] = [doc.header]
        self.marked: set[int] = set()
        """Rows of a kind with markup of its own, by index: no place's rule applies to them."""
        self.wants: list[Written] = []
        """Each row as written: prefix, suffix, hidden markup, content (``checks.Written``)."""

    def write(self) -> None:
        """Write every row: prefix, markup and text, suffix, line ending, blank rows.

        Text rows, most of a page, take the short way; rows of a kind with
        markup of its own (or a title) go through ``write_marked``.
        """
        frame, blank, parts, wants = (
            self.rendering.frame,
            self.rendering.blank,
            self.parts,
            self.wants,
        )
        text_kind = _TEXT
        for rows, kind, tag, where, end in self.placed:
            last = len(wants) + len(rows) - 1 if end else -1  # the block's last row
            if kind is not text_kind:
                self.write_marked(rows, kind, tag, where, last)
                continue
            for line in rows:
                framing = line.framing
                if framing is None:
                    framing = frame(kind, tag, line.text, MEANING)
                    gap = blank if len(wants) == last else ""
                else:
                    gap = framing.gap
                text = line.text
                wants.append((framing.prefix, framing.suffix, framing.hidden, text))
                content = text[len(framing.hidden) :] if framing.hidden else text
                parts += (framing.prefix, content, framing.suffix, framing.newline, gap)

    def write_marked(
        self, rows: tuple[RowNode, ...], kind: Kind, tag: str, where: str, last: int
    ) -> None:
        """Write a block of rows of ``kind`` (not text), each checked as it is written.

        ``last`` is the index of the row that blank rows follow, or -1. Rows
        of a kind with markup of its own and the page heading go into
        ``marked``; an entry title is written as a link item, without markup.
        """
        frame, blank, parts, wants = (
            self.rendering.frame,
            self.rendering.blank,
            self.parts,
            self.wants,
        )
        for line in rows:
            framing = line.framing
            if framing is None:
                framing = frame(kind, tag, line.text, MEANING)
                gap = blank if len(wants) == last else ""
            else:
                gap = framing.gap
            markup = _MARKUP[kind]
            if isinstance(line, Title) and kind in _TITLED:
                markup = self.title_markup(line, kind)
                if kind is _HEADING_KIND:
                    self.marked.add(len(wants))
            elif isinstance(line, Stray):
                pass  # a row no rule understood: judged by the rule of its place
            else:
                self.marked.add(len(wants))
                if kind is not _LEAD and kind is not _PICTURE:
                    self.check_row(line, kind, where)
            content = markup + line.text
            wants.append((framing.prefix, framing.suffix, framing.hidden, content))
            if framing.hidden:
                content = content[len(framing.hidden) :]
            parts += (framing.prefix, content, framing.suffix, framing.newline, gap)

    # --- what would not read back -----------------------------------------

    def refused(self, line: RowNode, field: str, reason: str) -> EditError:
        """The error for ``line``'s ``field``, its path looked up now."""
        return _refused(self.doc, line, field, reason)

    def title_markup(self, title: Title, kind: Kind) -> str:
        """The markup a title is written with: the heading's, or none for an entry title."""
        if kind is not Kind.HEADING:
            if title.markup:
                reason = f"an entry title has no markup, not {title.markup!r}"
                raise self.refused(title, "markup", reason)
            return ""
        markup = title.markup or TITLE_MARKUP
        if markup == BARE_MARKUP and BARE_MARKUP + title.text != HEADING_MARK:
            reason = (
                f"the bare site heading is {HEADING_MARK!r};"
                f" '{BARE_MARKUP}{title.text}' is no page heading"
            )
            raise self.refused(title, "text", reason)
        if markup not in (TITLE_MARKUP, BARE_MARKUP):
            reason = f"a page heading starts with {TITLE_MARKUP!r}, not {markup!r}"
            raise self.refused(title, "markup", reason)
        return markup

    def check_row(self, line: RowNode, kind: Kind, where: str) -> None:
        """Refuse a row of its own kind (date, subhead, section heading, link target) gone wrong."""
        text = line.text
        if kind is Kind.LINK_TARGET:
            if not text.startswith("[") or not LINK_TARGET.match(text):
                raise self.refused(
                    line, "text", f"a link target reads '[n] <target>', not {text!r}"
                )
        elif kind is Kind.DATE and not DATE.fullmatch(text):
            reason = f"a date row reads like '8 Jan 2022' (day 1-31), not {text!r}"
            raise self.refused(line, "text", reason)
        elif kind is Kind.SUBHEAD and text in HEAD_NAMES:
            reason = f"a subhead named {text!r} would read back as a section heading"
            raise self.refused(line, "text", reason)
        elif kind is Kind.SECTION_HEAD and text != SECTION_NAMES[Kind(where)]:
            name = SECTION_NAMES[Kind(where)]
            reason = f"the heading of {_section_class(self.doc, line)} reads {name!r}"
            raise self.refused(line, "text", reason)

    def flat(self) -> list[tuple[RowNode, Kind, str, str]]:
        """Each written row with its kind, item type and place, in order."""
        return [
            (line, kind, tag, where) for rows, kind, tag, where, _ in self.placed for line in rows
        ]

    def first_row(self) -> int:
        """The index of the row that opens an article's body or a listing's items, or -1.

        ``> `` (the lead) and ``Bild: `` (the picture) may claim it.
        """
        page = self.doc.page
        if page is None:
            return -1
        index = len(self.doc.prelude) + 1
        if isinstance(page, Article):
            if page.picture is not None:
                return -1
            index += 0 if page.lead is None else len(page.lead.lines)
        return index

    def check(self, text: str) -> None:
        """Refuse what ``text``, as written, would not read back as.

        Line breaks inside rows first; then every row peeled back by the
        rendering (``checks.check_rows``); then each row that has no markup
        of its own against the rule of its place, with the item type it
        reads back with.
        """
        flat = self.flat()
        for line, kind, *_ in flat:
            if _BREAK.search(line.text):
                raise self.refused(line, "text", BREAK)
            if isinstance(line, Title) and kind not in _TITLED:
                reason = (
                    "a Title stands only as the page heading or an entry's title;"
                    f" written as a {kind.value} row it would read back as a Line"
                )
                raise self.refused(line, "text", reason)
        back = check_rows(self.doc, self.rendering, text, self.wants, lambda: [f[0] for f in flat])
        first = self.first_row()
        for index, (line, kind, _tag, where) in enumerate(flat):
            rule = _link_claim if kind is Kind.LINK_TARGET else RULES.get(where)
            if rule is None or index in self.marked:
                continue
            claim = rule(line.text, back[index].item_type, index == first)
            if claim is not None:
                raise self.refused(line, "text", claim)


_TITLED = frozenset({Kind.HEADING, Kind.ITEM})
"""The kinds whose rows a ``Title`` stands for: the page heading and an entry title."""


def _section_class(doc: Document, heading: RowNode) -> str:
    """The class name of the section whose heading row is ``heading``."""
    page = doc.page
    sections = page.sections if isinstance(page, Article) else ()
    return next((type(s).__name__ for s in sections if s.heading is heading), "Section")  # type: ignore[union-attr]


def serialize(doc: Document, rendering: Rendering | None = None) -> str:
    """Write ``doc`` as text in its rendering (or in ``rendering``).

    Raises:
        EditError: when a node holds text that would read back as something
            else where it stands (a line break inside a row, a body row that
            starts with ``## ``…).

    """
    try:
        writer = _Writer(doc, rendering or get(doc.rendering))
        writer.write()
        writer.parts.append(doc.footer)
        text = "".join(writer.parts)
    except (TypeError, AttributeError):  # a field that holds no value of its type
        check_types(doc)
        raise
    if doc.source_hash is not None and doc.source_hash == hash(text):
        return text  # the text the document was parsed from: it reads back as it was
    check_types(doc)
    writer.check(text)
    return text
