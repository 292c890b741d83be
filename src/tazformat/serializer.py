"""The serializer: models back to text, in the document's rendering.

The last step of the data flow. Each row is written as its framing's
prefix, its kind's markup and its text (less any markup the rendering
hides), the framing's suffix, line ending and the blank rows after it. A
node without framing (built or edited in code) gets the canonical framing
of the document's rendering.

Text that would read back as something else is refused with ``EditError``
rather than written: a line break inside a row, or a row that the grammar
would read as another kind where it stands (a body row ``## …``, a subhead
named like a tail section, a title without the heading's shape). A parsed,
unedited document never holds such text, and the checks cost it little:
they scan each block's written rows at once and look at a row alone only
where the scan finds a suspect.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter

from .errors import EditError
from .models import (
    Article,
    Document,
    Entry,
    Links,
    Listing,
    Note,
    Paragraph,
    RowNode,
    Section,
    Stray,
    Subhead,
    Title,
)
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

__all__ = ["DATE", "EditError", "serialize"]

_MARKUP = {kind.value: kind.markup for kind in Kind}
"""Each kind's markup, by its name."""

DATE_SIZES = (10, 11)
"""How long a date row is: ``8 Jan 2022``, ``18 Jan 2022``."""
_FIRST = itemgetter(slice(0, 1))
_HEAD_START = re.compile("#")
_DATE_START = re.compile("[#1-9]")


_BREAK = re.compile(r"[\r\n]")
"""What ends a line (``rows.split_lines``): no row may hold one."""
_HEADING = re.compile(
    rf"{re.escape(HEADING_MARK)}(?:{re.escape(TITLE_MARKUP.removeprefix(HEADING_MARK))}.*)?",
    re.DOTALL,
)
"""A row that reads as the page heading."""


Placed = tuple[str, RowNode, str, str]
"""A written row: its path in the document, its node, its kind and item type."""

Rule = Callable[[str, str, bool], str | None]
"""What another row kind makes of a row: ``(text, item type, first) -> reason``."""


BREAK = "a line break inside a row would read back as two rows"


def _refused(line: RowNode, path: str, field: str, reason: str) -> EditError:
    """The error for ``line``'s ``field``: a line break in its text comes first."""
    if field == "text" and _BREAK.search(line.text):
        reason = BREAK
    return EditError(reason, path, type(line).__name__, field, line.line)


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


HEAD_NAMES = frozenset(SECTION_NAMES.values())
_BODY = _text_claim("body")
_LISTING = _text_claim("listing")


def _lines(path: str, lines: Sequence[RowNode], kind: str = Kind.TEXT) -> list[Placed]:
    return [(f"{path}[{index}]", line, kind, "i") for index, line in enumerate(lines)]


def _items(path: str, items: Sequence[RowNode | Entry], kind: str = Kind.TEXT) -> list[Placed]:
    """The rows of listed items (entries, notes, strays…) as they are written."""
    placed: list[Placed] = []
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        if not isinstance(item, Entry):
            placed.append((where, item, kind, "i"))
            continue
        if item.title is not None:
            placed.append((f"{where}.title", item.title, Kind.ITEM, "l"))
        placed += _lines(f"{where}.teaser", item.teaser)
    return placed


def _placed(doc: Document) -> Iterator[Placed]:
    """Every row of ``doc`` with its path, in the order the serializer writes them."""
    yield from _lines("prelude", doc.prelude)
    page = doc.page
    if page is None:
        return
    yield ("page.title", page.title, Kind.HEADING, "i")
    if isinstance(page, Listing):
        yield from _items("page.items", page.items)
        return
    if page.lead is not None:
        yield from _lines("page.lead.lines", page.lead.lines, Kind.LEAD)
    if page.picture is not None:
        yield ("page.picture", page.picture, Kind.PICTURE, "m")
    for number, block in enumerate(page.body):
        if isinstance(block, Paragraph):
            yield from _lines(f"page.body[{number}].lines", block.lines)
        else:
            yield (f"page.body[{number}]", block, Kind.TEXT, "i")
    if page.date is not None:
        yield ("page.date", page.date, Kind.DATE, "i")
    yield from _lines("page.after_date", page.after_date)
    for number, section in enumerate(page.sections):
        where = f"page.sections[{number}]"
        if isinstance(section, Stray):
            yield (where, section, Kind.TEXT, "i")
            continue
        yield (f"{where}.heading", section.heading, Kind.SECTION_HEAD, "i")
        yield from _items(f"{where}.items", section.items)


def _suspects(contents: list[str], *, dates: bool) -> list[int]:
    """The indexes of the rows that may read as another kind: ``## …`` and dates.

    A row is a suspect when it starts with ``## ``, or, when ``dates`` is
    set, when it is as long as a date row (``8 Jan 2022``, ``18 Jan 2022``)
    and starts with a digit. The rows' first characters are searched at
    once; only a row that starts with ``#`` or a digit is looked at alone.
    """
    firsts = "".join(map(_FIRST, contents))
    if len(firsts) != len(contents):  # an empty row: no first character
        firsts = "".join([text[:1] or " " for text in contents])
    found: list[int] = []
    for match in (_DATE_START if dates else _HEAD_START).finditer(firsts):
        index = match.start()
        text = contents[index]
        if text.startswith(SECTION_MARKUP) or (dates and len(text) in DATE_SIZES):
            found.append(index)
    return found


class _Writer:
    """Collects the pieces of the output text, and refuses what would not read back."""

    def __init__(self, doc: Document, rendering: Rendering) -> None:
        self.doc = doc
        self.rendering = rendering
        self.parts: list[str] = []

    def path_of(self, node: RowNode) -> str:
        """Where ``node`` (this very object) stands in the document."""
        return next((path for path, line, _, _ in _placed(self.doc) if line is node), "?")

    def row(
        self, line: RowNode, kind: str = Kind.TEXT, tag: str = "i", *, end: bool = False
    ) -> None:
        """Write one row; ``end`` marks the last row of a block (for blank rows)."""
        framing = line.framing
        if framing is None:
            framing = self.rendering.frame(Kind(kind), tag, line.text, MEANING)
            gap = self.rendering.blank if end else ""
        else:
            gap = framing.gap
        if isinstance(line, Title):
            markup = line.markup or (TITLE_MARKUP if kind == Kind.HEADING else "")
        else:
            markup = _MARKUP[kind]
        content = markup + line.text
        if framing.hidden:
            content = content[len(framing.hidden) :]
        self.parts += (framing.prefix, content, framing.suffix, framing.newline, gap)

    def rows(self, lines: Sequence[RowNode], kind: str = Kind.TEXT) -> None:
        """Write the rows of one block."""
        for index, line in enumerate(lines, 1):
            self.row(line, kind, end=index == len(lines))

    # --- what would not read back -----------------------------------------

    def item_type(self, line: RowNode, kind: str, item_type: str) -> str:
        """The item type a row written as ``kind`` and ``item_type`` reads back with."""
        framing = line.framing or self.rendering.frame(Kind(kind), item_type, line.text, MEANING)
        content = (_MARKUP[kind] + line.text)[len(framing.hidden) :]
        peeled = self.rendering.peel(framing.prefix + content + framing.suffix, is_last=False)
        return peeled.item_type

    def check(self, placed: Placed, rule: Rule, *, first: bool = False) -> None:
        """Refuse one row that ``rule`` says another row kind would claim."""
        path, line, kind, tag = placed
        if rule(line.text, "i", first) is None:
            return  # no kind claims it even as an info row (the most claimed item type)
        reason = rule(line.text, self.item_type(line, kind, tag), first)
        if reason is not None:
            raise _refused(line, path, "text", reason)

    def check_written(
        self,
        start: int,
        rule: Rule,
        placed: Callable[[], list[Placed]],
        *,
        first: bool = False,
    ) -> None:
        """Check the rows written since ``start`` at once; look closer at suspects.

        ``_suspects`` finds suspects among the rows' contents (dates too when
        ``first`` is set: in a listing), ``rule`` judges each, and ``placed``
        names the written rows (called only for a suspect that ``rule``
        refuses as an info row). ``first`` says whether the first row opens
        the page's body, where ``> `` and ``Bild: `` also claim it.
        """
        contents = self.parts[start + 1 :: 5]
        if not contents:
            return
        suspects = _suspects(contents, dates=first)
        if first and contents[0].startswith((LEAD_MARKUP, PICTURE_MARKUP)):
            suspects.insert(0, 0)
        rows: list[Placed] = []
        for index in suspects:
            if rule(contents[index], "i", first and index == 0) is not None:
                rows = rows or placed()
                self.check(rows[index], rule, first=first and index == 0)

    def check_body(self, page: Article) -> None:
        """Check the rows of the body's paragraphs at once; look closer at suspects."""
        body = page.body
        paragraphs = [block.lines for block in body if isinstance(block, Paragraph)]
        texts = [line.text for lines in paragraphs for line in lines]
        if not texts:
            return
        suspects = _suspects(texts, dates=True)
        opening = body[0]
        if isinstance(opening, Paragraph) and not opening.lines:  # an edit emptied it
            opening = next(b for b in body if not isinstance(b, Paragraph) or b.lines)
        first = page.picture is None and isinstance(opening, Paragraph)
        if first and texts[0].startswith((LEAD_MARKUP, PICTURE_MARKUP)):
            suspects.insert(0, 0)  # the body's first row, which ``> `` and ``Bild: `` would claim
        for index in suspects:
            if _BODY(texts[index], "i", first and index == 0) is not None:
                line = [line for lines in paragraphs for line in lines][index]
                placed = (self.path_of(line), line, Kind.TEXT, "i")
                self.check(placed, _BODY, first=first and index == 0)

    # --- the parts of a page -----------------------------------------------

    def heading(self, title: Title) -> None:
        """Write the page heading: ``# taz.de -- <title>`` or the bare ``# taz.de``."""
        markup = title.markup or TITLE_MARKUP
        if markup == BARE_MARKUP and BARE_MARKUP + title.text != HEADING_MARK:
            reason = (
                f"the bare site heading is {HEADING_MARK!r};"
                f" '{BARE_MARKUP}{title.text}' is no page heading"
            )
            raise _refused(title, "page.title", "text", reason)
        if markup not in (TITLE_MARKUP, BARE_MARKUP):
            reason = f"a page heading starts with {TITLE_MARKUP!r}, not {markup!r}"
            raise _refused(title, "page.title", "markup", reason)
        self.row(title, Kind.HEADING, end=True)

    def item(self, item: Entry | Note | Stray) -> None:
        if not isinstance(item, Entry):
            self.row(item, end=True)
            return
        if item.title is not None:
            if item.title.markup:
                reason = f"an entry title has no markup, not {item.title.markup!r}"
                raise _refused(item.title, self.path_of(item.title), "markup", reason)
            self.row(item.title, Kind.ITEM, "l", end=True)
        self.rows(item.teaser)

    def article(self, page: Article) -> None:
        self.heading(page.title)
        if page.lead is not None:
            self.rows(page.lead.lines, Kind.LEAD)
        if page.picture is not None:
            self.row(page.picture, Kind.PICTURE, "m", end=True)
        first = page.picture is None  # the lead's ``> `` and ``Bild: `` may claim the next row
        for number, block in enumerate(page.body):
            if isinstance(block, Paragraph):
                self.rows(block.lines)
                first = first and not block.lines
                continue
            if isinstance(block, Subhead):
                if block.text in HEAD_NAMES:
                    reason = f"a subhead named {block.text!r} would read back as a section heading"
                    raise _refused(block, f"page.body[{number}]", "text", reason)
                self.row(block, Kind.SUBHEAD, end=True)
            else:
                self.check((f"page.body[{number}]", block, Kind.TEXT, "i"), _BODY, first=first)
                self.row(block, end=True)
            first = False
        self.check_body(page)
        if page.date is not None:
            if not DATE.fullmatch(page.date.text):
                reason = f"a date row reads like '8 Jan 2022' (day 1-31), not {page.date.text!r}"
                raise _refused(page.date, "page.date", "text", reason)
            self.row(page.date, Kind.DATE, end=True)
        for number, stray in enumerate(page.after_date):
            self.check((f"page.after_date[{number}]", stray, Kind.TEXT, "i"), _section_claim)
            self.row(stray, end=True)
        for number, section in enumerate(page.sections):
            self.section(section, f"page.sections[{number}]")

    def section(self, section: Section | Stray, path: str) -> None:
        if isinstance(section, Stray):
            self.check((path, section, Kind.TEXT, "i"), _section_claim)
            self.row(section, end=True)
            return
        name = section.name()
        if section.heading.text != name:
            reason = f"the heading of {type(section).__name__} reads {name!r}"
            raise _refused(section.heading, f"{path}.heading", "text", reason)
        self.row(section.heading, Kind.SECTION_HEAD, end=True)
        items: Sequence[RowNode | Entry] = section.items
        if isinstance(section, Links):
            self.links(section, path)
            return
        last = max(  # blank rows follow the last row that is neither an entry nor a note
            (i for i, item in enumerate(items) if not isinstance(item, Entry | Note)), default=-1
        )
        start = len(self.parts)
        for index, item in enumerate(items):
            if isinstance(item, Entry | Note):
                self.item(item)
            else:
                self.row(item, end=index == last)
        find = functools.partial(_items, f"{path}.items", items)
        self.check_written(start, _section_claim, find)

    def links(self, section: Links, path: str) -> None:
        """Write the rows of ``## LINKS``: each a link target ``[n] …`` or a stray row."""
        last = len(section.items) - 1
        for index, item in enumerate(section.items):
            if isinstance(item, Stray):
                self.check((f"{path}.items[{index}]", item, Kind.TEXT, "i"), _link_claim)
            elif not item.text.startswith("[") or not LINK_TARGET.match(item.text):
                reason = f"a link target reads '[n] <target>', not {item.text!r}"
                raise _refused(item, f"{path}.items[{index}]", "text", reason)
            self.row(item, Kind.LINK_TARGET, end=index == last)

    def listing(self, page: Listing) -> None:
        self.heading(page.title)
        start = len(self.parts)
        for item in page.items:
            self.item(item)
        find = functools.partial(_items, "page.items", page.items)
        self.check_written(start, _LISTING, find, first=True)


def _breaks(doc: Document, contents: list[str]) -> None:
    """Refuse a row whose text holds a line break (``contents``: the written rows)."""
    joined = "".join(contents)
    if "\n" not in joined and "\r" not in joined:
        return
    for path, line, _, _ in _placed(doc):
        if _BREAK.search(line.text):
            raise _refused(line, path, "text", BREAK)


def serialize(doc: Document, rendering: Rendering | None = None) -> str:
    """Write ``doc`` as text in its rendering (or in ``rendering``).

    Raises:
        EditError: when a node holds text that would read back as something
            else where it stands (a line break inside a row, a body row that
            starts with ``## ``…).

    """
    writer = _Writer(doc, rendering or get(doc.rendering))
    writer.parts.append(doc.header)
    for number, stray in enumerate(doc.prelude):
        if _HEADING.fullmatch(stray.text) and writer.item_type(stray, Kind.TEXT, "i") == "i":
            reason = "a row before the page that reads '# taz.de …' would read back as its heading"
            raise _refused(stray, f"prelude[{number}]", "text", reason)
        writer.row(stray)
    if isinstance(doc.page, Article):
        writer.article(doc.page)
    elif isinstance(doc.page, Listing):
        writer.listing(doc.page)
    _breaks(doc, writer.parts[2::5])
    writer.parts.append(doc.footer)
    return "".join(writer.parts)
