"""Merging: the most complete page from many damaged captures of it.

Captures of one page differ in framing, wrapping and blank rows, and each is
damaged in its own way: rows a proxy cut to 79 bytes and ``…``, an end
where the capture stopped, paragraph ends lost with the blank rows, link rows
dropped. ``merge`` reduces each capture to *units* (title, lead, picture,
each paragraph or verse, subhead, date, section heading and item, entry title
and teaser, note), aligns the units of all captures by content, takes the
best version of each, and writes the result in one rendering's canonical
form (spec § 7):

- two versions agree when their text is the same (rows joined by single
  spaces, blanks folded), when a proxy-cut row's kept text is the start of
  the other's row, or when one version ends its capture and is the start of
  the other (a capture may stop anywhere);
- the best version is an undamaged one (no cut row, not the end of its
  capture), else the one that holds the most text; among equals the first
  input's. Two undamaged versions that disagree are a ``Conflict``;
- a paragraph that one capture holds as two (where another lost the blank
  row between them) is split where the other capture's paragraph starts.

Rows that no rule understands (strays) are not content and are left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from .api import dumps, loads
from .convert import convert
from .damage import ELLIPSIS, REPLACEMENT
from .errors import EditError, MergeError, document_expected
from .models import (
    SECTIONS,
    Article,
    Authors,
    DateRow,
    Document,
    Entry,
    Lead,
    Line,
    Links,
    LinkTarget,
    Listing,
    Note,
    Page,
    Paragraph,
    Picture,
    Related,
    Stray,
    Subhead,
    Tags,
    Title,
)
from .renderings import get
from .rows import MEANING
from .walk import map_rows
from .wrapping import WRAP

__all__ = ["Conflict", "MergeError", "Merged", "Source", "merge", "page_difference", "units"]


@attrs.frozen
class Source:
    """Where one unit of a merged page came from.

    Added in version 0.1.0.
    """

    kind: str
    """What the unit is: ``title``, ``lead``, ``picture``, ``paragraph``,
    ``subhead``, ``date``, ``section``, ``item`` (a link target, author or
    tag), ``entry-title``, ``entry-teaser``, ``note``."""
    text: str
    """The unit's text as merged (rows joined by single spaces)."""
    input: int
    """Index of the input the kept version came from."""
    holders: tuple[int, ...]
    """Indexes of every input that held the unit, damaged or not."""
    repaired: bool = False
    """True when some input held the unit cut (a proxy-cut row, or cut short at
    its capture's end) and the kept version is not."""
    damaged: bool = False
    """True when the kept version is cut: every input held the unit cut."""


@attrs.frozen
class Conflict:
    """A unit that two inputs hold undamaged, with different text.

    Added in version 0.1.0.
    """

    index: int
    """Position of the unit in ``Merged.sources``."""
    kind: str
    """The unit's kind (as in ``Source.kind``)."""
    kept: str
    """The text kept: the first input's."""
    kept_input: int
    """Index of the input whose text was kept."""
    other: str
    """The other text."""
    other_input: int
    """Index of the input that held the other text."""


@attrs.frozen
class Merged:
    """The result of ``merge``: the page, and where each of its units came from.

    Added in version 0.1.0.
    """

    document: Document
    """The merged page, in the canonical form of its rendering."""
    sources: tuple[Source, ...]
    """One entry per unit of the merged page, in page order."""
    conflicts: tuple[Conflict, ...] = ()
    """Units where two undamaged versions disagree."""
    truncated: bool = False
    """True when the page's end is cut: its last unit is the cut end of every
    capture that reaches it (§ 7.2). The document is cut there too
    (``Document.truncated``), and its text reads back cut.

    Added in version 0.1.0."""


# --- units -------------------------------------------------------------------

_BLANKS = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


@attrs.frozen(eq=False)
class _Unit:
    """One unit of one capture: its kind, rows and damage."""

    kind: str
    rows: tuple[Line, ...]
    input: int
    head: str = ""
    """For section units and items: the section's heading (``TAGS``…)."""
    cut_rows: bool = False
    """Some row was cut by a proxy."""
    end: bool = False
    """The unit ends its capture: it may stop early."""
    cut_end: bool = False
    """The unit ends a capture that was cut inside a row (``Document.truncated``)."""
    unsure: bool = False
    """An entry title or teaser read by the wording rules (no link mark): a
    capture that lost its link rows may read a teaser as a title."""
    text: str = ""
    pattern: re.Pattern[str] = attrs.field(default=re.compile(""))

    @property
    def damaged(self) -> bool:
        """Cut by a proxy, or at the end of its capture (it may stop early)."""
        return self.cut_rows or self.end

    @property
    def cut(self) -> bool:
        """Known to be damaged: cut by a proxy, or the cut end of a capture."""
        return self.cut_rows or self.cut_end

    @property
    def size(self) -> int:
        """How much text the version holds (cut marks not counted)."""
        return len(self.text.replace(ELLIPSIS, ""))


_RESIDUE = re.compile(r"(?: \|){1,2} ?$")
"""A right frame (`` | |``, or a part of it) left in a row's text where the
capture was too short to show its rendering (spec § 7.1)."""

_CUT_CHAR = re.compile("[\udc80-\udcff\ufffd]+$")
"""The bytes of a character the end of a capture cut in two."""


def _clean(row: Line) -> Line:
    """The row without frame residue at its end."""
    if row.framing is not None and row.framing.suffix:
        return row
    text = _RESIDUE.sub("", row.text)
    if row.truncated:  # the proxy's cut mark stands before the residue
        text = _RESIDUE.sub("", text.removesuffix(ELLIPSIS)) + ELLIPSIS
    return row if text == row.text else attrs.evolve(row, text=text)


def _pattern(rows: Sequence[Line], cut_end: bool = False) -> re.Pattern[str]:
    parts = []
    for at, row in enumerate(rows):
        text = _fold(row.text)
        if cut_end and at == len(rows) - 1:
            text = _CUT_CHAR.sub("", text)
        if row.truncated:
            kept = text.removesuffix(ELLIPSIS).rstrip(REPLACEMENT)
            parts.append(re.escape(kept) + ".*?")
        elif text:
            parts.append(re.escape(text))
    return re.compile(" ".join(parts), re.DOTALL)


def _make(
    kind: str, rows: Sequence[Line], index: int, head: str = "", *, unsure: bool = False
) -> _Unit:
    rows = tuple(_clean(row) for row in rows)
    return _Unit(
        kind,
        rows,
        index,
        head,
        cut_rows=any(row.truncated for row in rows),
        text=_fold(" ".join(row.text for row in rows)),
        pattern=_pattern(rows),
        unsure=unsure,
    )


def _gap(row: Line, rendering: str) -> str:
    """The blank rows after a row (a paragraph's last): without framing, the rendering's."""
    if row.framing is not None:
        return row.framing.gap
    try:
        return get(rendering).blank
    except KeyError:  # a rendering no longer known: no blank rows to tell
        return ""


def _linked(title: Title) -> bool:
    """Say whether an entry title was read by its link mark (entries.py rule 1)."""
    prefix = "" if title.framing is None else title.framing.prefix
    return any(mark in prefix for mark in ("=>", "DIR", "(DIR)")) or prefix.startswith("1")


def _entry_units(items: Iterable[object], index: int, head: str) -> list[_Unit]:
    found: list[_Unit] = []
    items = list(items)
    # where no entry title was read by its link mark, a note too was told by wording
    by_wording = not any(
        isinstance(item, Entry) and item.title is not None and _linked(item.title) for item in items
    )
    for item in items:
        if isinstance(item, Entry):
            unsure = item.title is None or not _linked(item.title)
            if item.title is not None:
                found.append(_make("entry-title", [item.title], index, head, unsure=unsure))
            if item.teaser:
                found.append(_make("entry-teaser", item.teaser, index, head, unsure=unsure))
        elif isinstance(item, Note):
            found.append(_make("note", [item], index, head, unsure=by_wording))
    return found


def _page_units(page: Page, index: int) -> list[_Unit]:
    if isinstance(page, Listing):
        return [_make("title", [page.title], index), *_entry_units(page.items, index, "")]
    found = [_make("title", [page.title], index)]
    if page.lead is not None:
        found.append(_make("lead", page.lead.lines, index))
    if page.picture is not None:
        found.append(_make("picture", [page.picture], index))
    for block in page.body:
        if isinstance(block, Paragraph):
            found.append(_make("paragraph", block.lines, index))
        elif isinstance(block, Subhead):
            found.append(_make("subhead", [block], index))
    if page.date is not None:
        found.append(_make("date", [page.date], index))
    for section in page.sections:
        if not isinstance(section, (Links, Authors, Tags, Related)):
            continue  # a stray row
        head = _fold(section.heading.text)
        found.append(_make("section", [section.heading], index, head))
        if isinstance(section, Related):
            found += _entry_units(section.items, index, head)
        else:
            found += [
                _make("item", [item], index, head)
                for item in section.items
                if not isinstance(item, Stray)
            ]
    return found


def _units(doc: Document, index: int) -> list[_Unit]:
    if doc.page is None:
        return []
    found = _page_units(doc.page, index)
    if doc.truncated and found and _markup(found[-1].text):
        # cut inside the last row's frame or markup, before its text: the row
        # says nothing, not even its kind, and the unit before it may go on
        found.pop()
    if found:
        last = found[-1]
        if doc.truncated and len(last.rows) > 1 and not last.rows[-1].text.strip():
            # a row cut before its text (``(DIR)``) read as an empty row of the unit
            rows = last.rows[:-1]
            last = _make(last.kind, rows, index, last.head, unsure=last.unsure)
        if doc.truncated and _CUT_CHAR.search(last.rows[-1].text):
            # the bytes of a character the cut split are no text of the page
            row = last.rows[-1]
            rows = (*last.rows[:-1], attrs.evolve(row, text=_CUT_CHAR.sub("", row.text)))
            last = _make(last.kind, rows, index, last.head, unsure=last.unsure)
        found[-1] = attrs.evolve(
            last, end=True, cut_end=doc.truncated, pattern=_pattern(last.rows, doc.truncated)
        )
    if (
        doc.truncated
        and len(found) > 1
        and found[-1].kind == found[-2].kind == "paragraph"
        and not _gap(found[-2].rows[-1], doc.rendering)
    ):
        # where no blank row shows it, the end of the paragraph before a row cut
        # inside was read from the cut row's length (§ 2.5): it may go on
        found[-2] = attrs.evolve(found[-2], end=True)
    return found


def units(doc: Document) -> tuple[tuple[str, str, bool], ...]:
    """The document's units as ``(kind, text, whole)``, in page order (strays left out).

    The units ``merge`` aligns (``Source.kind`` names the kinds); text is
    the rows joined by single spaces, blanks folded; ``whole`` is False for
    a unit with a proxy-cut row and for the last unit, which may stop early.

    Added in version 0.1.0.
    """
    return tuple((unit.kind, unit.text, not unit.damaged) for unit in _units(doc, 0))


# --- agreement ---------------------------------------------------------------


_ENTRY_KINDS = {"entry-title", "entry-teaser"}
_LISTED_KINDS = {*_ENTRY_KINDS, "note"}
"""The kinds of listed rows: read by wording, one may be taken for another."""


def _same_kind(a: _Unit, b: _Unit) -> bool:
    """Say whether two versions are of one kind (an unsure listed row of either)."""
    if a.head != b.head:
        return False
    if a.kind == b.kind:
        return True
    return {a.kind, b.kind} <= _LISTED_KINDS and (a.unsure or b.unsure)


def _agree(a: _Unit, b: _Unit) -> bool:
    """Say whether two versions are one unit (damage allowed for)."""
    if not _same_kind(a, b):
        return False
    if a.text == b.text or a.pattern.fullmatch(b.text) or b.pattern.fullmatch(a.text):
        return True
    if (a.end and a.pattern.match(b.text)) or (b.end and b.pattern.match(a.text)):
        return True
    if a.damaged and b.damaged:  # the text both know, up to the first cut, must agree
        known_a, known_b = _known(a), _known(b)
        return known_a.startswith(known_b) or known_b.startswith(known_a)
    return False


def _known(unit: _Unit) -> str:
    """The unit's text up to its first proxy-cut row's cut."""
    kept = []
    for row in unit.rows:
        text = _fold(row.text)
        if row.truncated:
            kept.append(text.removesuffix(ELLIPSIS).rstrip(REPLACEMENT))
            break
        kept.append(text)
    return " ".join(kept)


# --- paragraphs one capture joined --------------------------------------------


def _starts(row: Line, text: str) -> bool:
    kept = _fold(row.text)
    if row.truncated:
        kept = kept.removesuffix(ELLIPSIS).rstrip(REPLACEMENT)
    return bool(kept) and text.startswith(kept)


def _ends(row: Line, text: str) -> bool:
    kept = _fold(row.text)
    if row.truncated:
        return bool(_pattern([row]).search(text))
    return bool(kept) and text.endswith(kept)


def _bounds(unit: _Unit) -> Callable[[_Unit], bool]:
    """Which other capture's units show where ``unit`` may be split, if any does.

    A paragraph is split where another capture ends one paragraph and starts
    the next; a listed row read by wording where a capture that kept its link
    marks ends one listed unit and starts the next (§ 7.1).
    """
    if unit.kind == "paragraph":
        return lambda other: other.kind == "paragraph"
    if unit.unsure:
        return lambda other: other.kind in _LISTED_KINDS and not other.unsure
    return lambda other: False


def _split_points(unit: _Unit, others: Sequence[_Unit]) -> list[int]:
    """Rows of a unit before which another capture starts a unit of its kind (``_bounds``)."""
    points = []
    bounds = _bounds(unit)
    for at in range(1, len(unit.rows)):
        row, before = unit.rows[at], unit.rows[at - 1]
        for previous, following in itertools.pairwise(others):
            if not (bounds(previous) and bounds(following)):
                continue
            if previous.end:  # an end the cut of the row after may have made
                continue
            if following.cut_end and _fold(following.rows[0].text) != _fold(row.text):
                continue  # a row the cut may have shortened starts nothing sure
            if _starts(row, following.text) and _ends(before, previous.text):
                points.append(at)
                break
    return points


def _split_joined(captures: list[list[_Unit]]) -> list[list[_Unit]]:
    """Each capture's units split where another capture shows a unit end (``_bounds``)."""
    result = []
    for index, found in enumerate(captures):
        others = [u for i, c in enumerate(captures) if i != index for u in [*c, _GAP]]
        split: list[_Unit] = []
        for unit in found:
            points = _split_points(unit, others) if len(unit.rows) > 1 else []
            if not points:
                split.append(unit)
                continue
            bounds = [0, *points, len(unit.rows)]
            pieces = [
                _make(unit.kind, unit.rows[a:b], unit.input, unit.head, unsure=unit.unsure)
                for a, b in itertools.pairwise(bounds)
            ]
            last = pieces[-1]
            pieces[-1] = attrs.evolve(
                last,
                end=unit.end,
                cut_end=unit.cut_end,
                pattern=_pattern(last.rows, unit.cut_end),
            )
            split += pieces
        result.append(split)
    return result


_GAP = _make("gap", [], -1)
"""Stands between captures in a list of other captures' units."""


# --- alignment ----------------------------------------------------------------


@attrs.define
class _Slot:
    """One unit of the merged page: every version the inputs hold."""

    versions: list[_Unit]

    @property
    def kind(self) -> str:
        return self.versions[0].kind


def _fits(slot: _Slot, unit: _Unit) -> bool:
    """Say whether ``unit`` is a version of the slot's unit.

    It agrees with some version, and with each undamaged one: a version cut
    short (``D``) is the start of many units, and must not pull in one that
    the whole versions tell apart.
    """
    return any(_agree(v, unit) for v in slot.versions) and all(
        _agree(v, unit) for v in slot.versions if not v.damaged
    )


def _lcs(slots: Sequence[_Slot], found: Sequence[_Unit]) -> list[tuple[int, int]]:
    """The pairs (slot, unit) of a longest order-keeping alignment."""
    n, m = len(slots), len(found)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if _fits(slots[i], found[j]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if _fits(slots[i], found[j]) and (table[i][j] == table[i + 1][j + 1] + 1):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _add(slots: list[_Slot], found: Sequence[_Unit]) -> list[_Slot]:
    """The slots with a capture's units aligned in."""
    pairs = [*_lcs(slots, found), (len(slots), len(found))]
    merged: list[_Slot] = []
    i = j = 0
    for si, fj in pairs:
        gap_slots, gap_units = slots[i:si], list(found[j:fj])
        if len(gap_slots) == len(gap_units) and all(
            _in_place(s.versions[0], u) for s, u in zip(gap_slots, gap_units, strict=True)
        ):
            # the same units in the same place, in other words: versions of them
            for slot, unit in zip(gap_slots, gap_units, strict=True):
                merged.append(_Slot([*slot.versions, unit]))
        elif gap_units[:1] and _titled(gap_units[0]) and _untitled(gap_slots):
            # entry titles a capture that lost its link rows lacks: before its teasers
            merged += [_Slot([unit]) for unit in gap_units]
            merged += gap_slots
        else:
            merged += gap_slots
            merged += [_Slot([unit]) for unit in gap_units]
        if si < len(slots):
            merged.append(_Slot([*slots[si].versions, found[fj]]))
        i, j = si + 1, fj + 1
    return merged


def _in_place(a: _Unit, b: _Unit) -> bool:
    """Say whether two versions that disagree are one unit by their place alone.

    They are where they are of one kind, but listed rows are not: a capture
    that lost its link rows (or read a row by wording) lists other rows in
    the place of another's, and an entry is never another's version.
    """
    return a.kind == b.kind and a.head == b.head and a.kind not in _LISTED_KINDS


def _titled(unit: _Unit) -> bool:
    """Say whether the unit is an entry title read from its link mark."""
    return unit.kind == "entry-title" and not unit.unsure


def _untitled(slots: Sequence[_Slot]) -> bool:
    """Say whether the slots start with a listed unit only wording read.

    A capture that lost its link rows lost its entry titles with them: the
    rows it holds where another capture holds a title are what follows it.
    """
    return bool(slots) and all(v.unsure and v.kind in _LISTED_KINDS for v in slots[0].versions)


def _sure_kind(slot: _Slot, unit: _Unit) -> _Unit:
    """``unit`` as the kind a version read from link marks gives it, where one does.

    A version read by wording (``unsure``) may take a title for a teaser; a
    capture that kept its link marks knows the kind even where it stops.
    """
    if not unit.unsure:
        return unit
    sure = next((v for v in slot.versions if not v.unsure and v.kind != unit.kind), None)
    return unit if sure is None else attrs.evolve(unit, kind=sure.kind, unsure=False)


def _best(slot: _Slot) -> _Unit:
    """The undamaged version, else the longest reading; first input first.

    Among damaged versions the one without a proxy-cut row is taken, unless
    another holds more text and agrees with it up to its first cut: the
    longest reading wins where the others are its start, cut marks aside.
    Among equals a version that is not a capture's cut end is taken: a
    capture that ends whole there shows the row ends there.
    """
    best = max(
        slot.versions,
        key=lambda u: (
            not u.damaged,
            not u.cut_rows,
            not u.unsure,
            u.size,
            not u.cut_end,
            -u.input,
        ),
    )
    if not best.damaged:
        return best
    longer = [v for v in slot.versions if v.size > best.size and _starts_alike(v, best)]
    return max(longer, key=lambda u: (u.size, -u.input)) if longer else best


def _starts_alike(longer: _Unit, best: _Unit) -> bool:
    """Say whether ``best``'s text, up to its first cut, is the start of ``longer``'s.

    A row of ``longer`` that a proxy cut lost the rest of its wrapped row,
    at most ``WRAP`` characters in all: that much of ``best`` may stand for
    it. Past it, ``longer``'s next row must go on where ``best`` does; a
    reading that tells another text there does not agree.
    """
    return _fits_start(_known(best), [(_fold(r.text), r.truncated) for r in longer.rows])


def _fits_start(text: str, rows: list[tuple[str, bool]]) -> bool:
    """Say whether ``text`` is the start of the rows joined by spaces, cut rows' rests unknown."""
    if not rows:
        return not text
    (row, cut), rest = rows[0], rows[1:]
    kept = row.removesuffix(ELLIPSIS).rstrip(REPLACEMENT) if cut else row
    if len(text) <= len(kept):
        return kept.startswith(text)
    if not text.startswith(kept):
        return False
    after = text[len(kept) :]
    if not cut:
        return after.startswith(" ") and _fits_start(after[1:], rest)
    lost = max(0, WRAP - len(kept)) if len(kept) <= WRAP else len(after)
    return (
        any(  # the lost rest, then a space and the next row
            after[skip:].startswith(" ") and _fits_start(after[skip + 1 :], rest)
            for skip in range(min(lost, len(after)) + 1)
        )
        or len(after) <= lost
    )


_WORD = re.compile(r"\w")
"""A cut end without a letter or digit is markup cut short (``#`` of ``## ``)."""

_MARKS = ("(IMG) Bild:", "Bild:", "(DIR)", "=>")
"""Row marks a cut may leave alone on a row (§ 4.2)."""


def _markup(text: str) -> bool:
    """Say whether a cut end's text holds only markup cut short."""
    return not _WORD.search(text) or any(mark.startswith(text) for mark in _MARKS)


def _drop_parts(slots: list[_Slot]) -> list[_Slot]:
    """The slots less each part of the listed unit before it, read by wording.

    A capture read without link marks may split a teaser in two (§ 2.7); where
    a capture with link marks holds the whole teaser, the part read as a
    unit of its own is part of that unit.
    """
    kept: list[_Slot] = []
    for slot in slots:
        before = kept[-1].versions if kept else []
        wholes = [v.text for v in before if not v.unsure and v.kind in _LISTED_KINDS]
        if wholes and all(u.unsure and any(u.text in w for w in wholes) for u in slot.versions):
            continue
        kept.append(slot)
    return kept


def _drop_loose_ends(slots: list[_Slot]) -> list[_Slot]:
    """The slots less each loose end.

    A loose end is a unit every version of which is the cut end of its
    capture, where a capture that does not hold it reaches past the unit
    before it (a row cut inside may read as another kind), or where another
    capture holds it as the end of the unit before (``_goes_on``). An entry title
    read from its link mark is no loose end: the mark, before the cut, says
    its kind, and a capture that lost its link rows reaches past it without
    holding it. A cut end that holds only markup cut short is no unit at all
    (``_units``).
    """
    kept: list[_Slot] = []
    for position, slot in enumerate(slots):
        marked = any(v.kind == "entry-title" and not v.unsure for v in slot.versions)
        if not marked and all(v.cut_end for v in slot.versions):
            holders = {v.input for v in slot.versions}
            before = max(
                (p for p in range(position) if any(v.input in holders for v in slots[p].versions)),
                default=-1,
            )
            beyond = any(
                v.input not in holders
                for other in slots[before + 1 :]
                if other is not slot
                for v in other.versions
            )
            if beyond or (kept and _goes_on(kept[-1], slot)):
                continue
        kept.append(slot)
    return kept


def _goes_on(before: _Slot, slot: _Slot) -> bool:
    """Say whether another version of the unit before holds the cut end as its own text.

    A flat capture cut inside a row may read the row as a unit of its own
    (the paragraph end before it read from the cut row's length, § 2.5),
    where another capture holds it as the end of the unit before.
    """
    for cut in slot.versions:
        own = [v for v in before.versions if v.input == cut.input]
        if not own or own[0].kind != cut.kind:
            continue
        pattern = _pattern([*own[0].rows, *cut.rows], cut_end=True)
        if any(v.input != cut.input and pattern.match(v.text) for v in before.versions):
            return True
    return False


# --- the same page ------------------------------------------------------------


def _first(found: Sequence[_Unit], kind: str) -> _Unit | None:
    return next((u for u in found if u.kind == kind), None)


def page_difference(a: Document, b: Document) -> tuple[str, str, str] | None:
    """What shows two captures are not of one page, or ``None`` when nothing does.

    Returns:
        ``(what, text of a, text of b)``: what differs is the page kind, the
        ``title``, the ``lead``, the ``date`` (where both hold them), or for
        listings the ``entries``: neither capture's entry units (titles and
        teasers) are found in order among the other's, as far as it goes.

    Added in version 0.1.0.

    """
    if a.page is None or b.page is None:
        return ("page", "" if a.page is None else "a page", "" if b.page is None else "a page")
    units_a, units_b = _units(a, 0), _units(b, 1)
    kind_a, kind_b = type(a.page).__name__.lower(), type(b.page).__name__.lower()
    solid_a = [u for u in units_a if not u.end]
    solid_b = [u for u in units_b if not u.end]
    if kind_a != kind_b and len(solid_a) > 1 and len(solid_b) > 1:
        # a capture that stops after the title, or one row after it, may read
        # as a listing: in Gemini a lead's row at the end reads as an entry
        return ("kind", kind_a, kind_b)
    for kind in ("title", "lead", "date"):
        ua, ub = _first(units_a, kind), _first(units_b, kind)
        if ua is not None and ub is not None and not _agree(ua, ub):
            return (kind, ua.text, ub.text)
    if isinstance(a.page, Listing) and isinstance(b.page, Listing):
        entries_a = [u for u in units_a if u.kind in _ENTRY_KINDS]
        entries_b = [u for u in units_b if u.kind in _ENTRY_KINDS]
        missing = _not_found(entries_a, entries_b)
        if missing is not None and _not_found(entries_b, entries_a) is not None:
            return ("entries", *missing)
    return None


def _not_found(wanted: Sequence[_Unit], among: Sequence[_Unit]) -> tuple[str, str] | None:
    """The first entry unit of ``wanted`` not found in order in ``among``, else ``None``.

    Entry titles of ``among`` may be passed over (a capture that dropped its
    link rows lacks them), no other unit; the search ends found where
    ``among`` ends its capture at or before the unit. A unit read by wording
    may hold the next units of ``among`` too. Returns the unit's text, and
    the text of the unit of ``among`` where the search stopped.
    """
    at = 0
    for unit in wanted:
        while at < len(among) and not _entry_agrees(unit, among[at]):
            if among[at].kind != "entry-title":
                return (unit.text, among[at].text)
            at += 1
        if at == len(among):
            if among and among[-1].end:
                return None  # ``among`` stops before the unit
            return (unit.text, among[-1].text if among else "")
        found = among[at]
        if found.end:
            return None
        by_wording = unit.unsure or found.unsure
        if by_wording and unit.text != found.text and _inside(unit, found) == _BEFORE_END:
            continue  # the rest of ``found`` may be the next units of ``wanted``
        at += 1
        if _inside(found, unit) != _BEFORE_END:
            continue  # ``unit`` holds nothing after ``found``
        while at < len(among) and (by_wording or among[at].unsure) and _inside(among[at], unit):
            at += 1  # read by wording, ``unit`` holds the next units of ``among`` too
    return None


_AT_END, _BEFORE_END = 1, 2
"""Where a part stands in a unit (``_inside``): at its end, or before it."""


def _inside(part: _Unit, whole: _Unit) -> int:
    """Where ``part``'s text stands in ``whole``'s: 0 (not), ``_AT_END`` or ``_BEFORE_END``.

    A proxy cut in either stands for the text it hid: a teaser cut by a proxy
    that wording read on into the next entry holds that entry after the cut
    (§ 7.4). With a cut, the part must cover whole rows of ``whole``, as
    many as it can.
    """
    at = whole.text.find(part.text)
    if at >= 0:
        return _BEFORE_END if at + len(part.text) < len(whole.text) else _AT_END
    if not (part.cut_rows or whole.cut_rows):
        return 0
    rows = whole.rows
    for start in range(len(rows)):
        for end in range(len(rows), start, -1):  # a cut may hide the rows after it: the most
            joined = _fold(" ".join(row.text for row in rows[start:end]))
            if _pattern(rows[start:end]).fullmatch(part.text) or part.pattern.fullmatch(joined):
                return _BEFORE_END if end < len(rows) else _AT_END
    return 0


def _entry_agrees(a: _Unit, b: _Unit) -> bool:
    """Say whether two entry units are one, or one holds the other read by wording.

    A capture read without link marks tells titles from teasers by wording
    (§ 2.7) and may split a teaser in two or join rows of two entries.
    """
    if _agree(a, b):
        return True
    return (a.unsure or b.unsure) and bool(_inside(a, b) or _inside(b, a))


# --- building the page --------------------------------------------------------


def _section(head: str, heading: Line, items: list[object]) -> object:
    """The tail section named ``head`` (as its heading reads), holding ``items``."""
    cls = SECTION_BY_NAME[head]
    if cls is Links:
        items = [i if isinstance(i, LinkTarget) else LinkTarget(_text(i)) for i in items]
    return cls(heading, tuple(items))


SECTION_BY_NAME = {cls.name(): cls for cls in SECTIONS}
"""Each tail section's class by its name (``LINKS``)."""


def _text(node: object) -> str:
    return str(getattr(node, "text", ""))


def _entries(chosen: Sequence[_Unit]) -> list[Entry | Note]:
    items: list[Entry | Note] = []
    pending: Title | None = None
    for unit in chosen:
        if unit.kind == "entry-title":
            if pending is not None:
                items.append(Entry(pending))
            row = unit.rows[0]
            pending = row if isinstance(row, Title) else Title(row.text, truncated=row.truncated)
        elif unit.kind == "entry-teaser":
            teaser = tuple(
                row if type(row) is Line else Line(row.text, truncated=row.truncated)
                for row in unit.rows
            )
            items.append(Entry(pending, teaser))
            pending = None
        else:
            if pending is not None:
                items.append(Entry(pending))
                pending = None
            row = unit.rows[0]
            items.append(row if isinstance(row, Note) else Note(row.text, truncated=row.truncated))
    if pending is not None:
        items.append(Entry(pending))
    return items


def _build(chosen: Sequence[_Unit], listing: bool) -> Page:
    title = chosen[0].rows[0]
    assert isinstance(title, Title)
    if listing:
        return Listing(title, tuple(_entries(chosen[1:])))
    lead = picture = date = None
    body: list[Paragraph | Subhead] = []
    sections: list[object] = []
    groups: list[tuple[str, Line, list[_Unit]]] = []
    for unit in chosen[1:]:
        row = unit.rows[0] if unit.rows else Line("")
        if unit.kind == "lead":
            lead = Lead(unit.rows)
        elif unit.kind == "picture" and isinstance(row, Picture):
            picture = row
        elif unit.kind == "paragraph":
            body.append(Paragraph(unit.rows))
        elif unit.kind == "subhead" and isinstance(row, Subhead):
            body.append(row)
        elif unit.kind == "date" and isinstance(row, DateRow):
            date = row
        elif unit.kind == "section":
            groups.append((unit.head, row, []))
        else:
            if not groups or groups[-1][0] != unit.head:
                groups.append((unit.head, Line(unit.head), []))
            groups[-1][2].append(unit)
    for head, heading, members in groups:
        if SECTION_BY_NAME[head].item_node is None:  # rows grouped into entries
            items: list[object] = list(_entries(members))
        else:
            items = [u.rows[0] for u in members]
        sections.append(_section(head, heading, items))
    return Article(title, lead, picture, tuple(body), date, (), tuple(sections))  # type: ignore[arg-type]


# --- merge --------------------------------------------------------------------


def _completeness(units: Sequence[_Unit], index: int) -> tuple[int, int, int]:
    """How complete a capture is: its units, then its undamaged units, then the earlier."""
    return (len(units), sum(not u.damaged for u in units), -index)


def _page_kind(docs: Sequence[Document]) -> bool:
    """Whether the page is a listing.

    A capture that stops inside the row after its title reads as a listing
    (§ 4.2), and one that stops after it may (a Gemini lead's row reads as an
    entry); the page is of the kind the captures that reach further read.
    Where none does, or they disagree, it is of the kind of the capture
    that holds the most units.
    """
    kinds = {
        isinstance(doc.page, Listing)
        for index, doc in enumerate(docs)
        if sum(not u.end for u in _units(doc, index)) > 1
    }
    if len(kinds) == 1:
        return kinds.pop()
    # else the kind of the capture that holds the most units (of the first among equals)
    most = max(range(len(docs)), key=lambda index: (len(_units(docs[index], index)), -index))
    return isinstance(docs[most].page, Listing)


def merge(docs: Sequence[Document], *, rendering: str | None = None) -> Merged:
    """The page as complete as its captures allow, in one rendering's canonical form.

    Args:
        docs: Captures of one page (parsed documents), in order of trust: where
            two undamaged versions of a unit disagree, the first input's is kept.
        rendering: The rendering to write the result in; by default that of
            the most complete capture (most units, then most undamaged units)
            that holds the page: whose text reads back with the same content.
            Where no capture's rendering does, ``FALLBACK_RENDERING``.

    Returns:
        The merged document, the input each unit came from, and the conflicts.

    Raises:
        MergeError: when there is no document, one holds no page, two are
            not captures of one page (title, lead, date or entries differ), or
            the page cannot be written in the ``rendering`` asked for (it
            would read back otherwise: ``what`` is ``rendering``).
        UnknownRendering: for an unknown rendering name.

    Added in version 0.1.0.

    """
    docs = list(docs)
    for doc in docs:
        if not isinstance(doc, Document):
            raise document_expected("merge", doc)
    if not docs:
        raise MergeError("nothing to merge: give at least one document")
    for index, doc in enumerate(docs):
        if doc.page is None:
            raise MergeError(f"input {index} holds no taz page", what="page", inputs=(index,))
    for index, doc in enumerate(docs[1:], start=1):
        difference = page_difference(docs[0], doc)
        if difference is not None:
            what, text_a, text_b = difference
            raise MergeError(
                f"inputs 0 and {index} are not captures of one page: their {what} differ"
                f" ({text_a!r} and {text_b!r})",
                what=what,
                inputs=(0, index),
                texts=(text_a, text_b),
            )
    listing = _page_kind(docs)
    captures = _split_joined(
        [
            _units(doc, index)
            if isinstance(doc.page, Listing) == listing
            else _units(doc, index)[:1]
            for index, doc in enumerate(docs)
        ]
    )
    slots = [_Slot([unit]) for unit in captures[0]]
    for found in captures[1:]:
        slots = _add(slots, found)
    slots = _drop_parts(_drop_loose_ends(slots))
    chosen = [_best(slot) for slot in slots]
    sources, conflicts = [], []
    for position, slot in enumerate(slots):
        best = chosen[position]
        # undamaged versions: a row kind read from link marks first, then the first input's
        whole = sorted(
            (v for v in slot.versions if not v.damaged), key=lambda v: (v.unsure, v.input)
        )
        for other in whole[1:]:
            if other.text != whole[0].text:
                conflicts.append(
                    Conflict(
                        position, best.kind, whole[0].text, whole[0].input, other.text, other.input
                    )
                )
                break
        unit = chosen[position] = _sure_kind(slot, whole[0] if whole else best)
        sources.append(
            Source(
                unit.kind,
                unit.text,
                unit.input,
                tuple(sorted({v.input for v in slot.versions})),
                repaired=not unit.cut
                and any(v.cut or (v.end and v.size < unit.size) for v in slot.versions),
                damaged=unit.cut,
            )
        )
    page = _build(chosen, listing)
    cut = _cut_end(slots[-1], chosen[-1]) if slots else False
    if rendering is not None:
        document = _written(page, rendering, cut)
        misread = _misread(document)
        if misread is not None:
            raise _cannot_hold(rendering, *misread)
        return Merged(document, tuple(sources), tuple(conflicts), truncated=cut)
    by_completeness = sorted(
        range(len(docs)), key=lambda i: _completeness(captures[i], i), reverse=True
    )
    names = dict.fromkeys([*(docs[i].rendering for i in by_completeness), FALLBACK_RENDERING])
    candidates = [_written(page, name, cut) for name in names]
    # where no rendering holds the page, the first that holds it but for
    # teasers read back as notes, else the most complete capture's
    document = next(
        (doc for doc in candidates if _misread(doc) is None),
        next(
            (doc for doc in candidates if _misread(doc, loose=True) is None),
            next((doc for doc in candidates if _writable(doc)), candidates[-1]),
        ),
    )
    return Merged(document, tuple(sources), tuple(conflicts), truncated=cut)


def _cut_end(slot: _Slot, kept: _Unit) -> bool:
    """Say whether the page's end is cut: no capture ends whole at its last unit.

    A capture that ends whole (with its line ending and frame) with a version
    as long as the kept one shows that the page ends there. Where none does,
    every capture was cut there, or went on past it into a loose end.
    """
    return not any(v.end and not v.cut_end and v.size >= kept.size for v in slot.versions)


def _written(page: Page, rendering: str, cut: bool) -> Document:
    """The page in the canonical form of ``rendering``; with ``cut``, cut at its end.

    A cut page's last row is written as a capture cut inside it leaves it:
    without its right frame, line ending and blank rows, and before the
    rendering's footer (§ 4.2), so that its text reads back cut.
    """
    document = convert(Document(rendering, page), rendering)
    if not cut or document.page is None:
        return document
    placed = [(rows[-1], kind, tag) for rows, kind, tag, _, _ in document.placed() if rows]
    last, kind, tag = placed[-1]
    framing = get(rendering).frame(kind, tag, last.text, MEANING)
    open_end = attrs.evolve(framing, suffix="", newline="", gap="")
    page = map_rows(
        document.page, lambda row: attrs.evolve(row, framing=open_end) if row is last else row
    )
    return attrs.evolve(document, page=page, footer="", truncated=True)


FALLBACK_RENDERING = "gopher-menu"
"""The rendering a merged page is written in when no capture's rendering can
hold it: it shows every row's markup and marks link items, so each unit reads
back as the kind it was written as (§ 7.2)."""


def _misread(document: Document, *, loose: bool = False) -> tuple[str, str, str] | None:
    """The first unit ``document``'s text reads back otherwise, or ``None``.

    A row ``dumps`` refuses, and a cut end that reads back whole (or a whole
    one cut), are read otherwise too.

    Returns the unit's kind and text, and what it reads back as. A rendering
    that hides markup or link marks leaves the kind of a row to its wording
    (§ 2.7). With ``loose``, each run of teasers and notes counts as one: a
    teaser whose title no capture holds reads back as notes (§ 7.2).
    """
    try:
        text = dumps(document)
    except EditError as error:  # a row this rendering cannot hold (§ 5)
        return "row", error.path, f"nothing: {error.reason}"
    read = loads(text)
    if read.truncated != document.truncated:  # a rendering that strips a cut end's mark
        return "end", "", "cut" if read.truncated else "a whole page"
    written, back = _contents(document), _contents(read)
    if loose:
        written, back = _notes_joined(written), _notes_joined(back)
    if written == back:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(written, back, strict=False)) if a != b),
        min(len(written), len(back)),
    )
    kind, text = written[at] if at < len(written) else ("end", "")
    return kind, text, back[at][0] if at < len(back) else "nothing"


def _writable(document: Document) -> bool:
    """Say whether ``dumps`` writes ``document`` rather than refusing a row of it."""
    try:
        dumps(document)
    except EditError:
        return False
    return True


def _cannot_hold(rendering: str, kind: str, text: str, read: str) -> MergeError:
    """The error for a rendering asked for that cannot hold the merged page."""
    hint = f"; {FALLBACK_RENDERING} marks every row" if rendering != FALLBACK_RENDERING else ""
    return MergeError(
        f"the merged page cannot be written in {rendering}: its {kind}"
        f" {text[:60]!r} would read back as {read}{hint}",
        what="rendering",
        texts=(text, read),
    )


def _notes_joined(contents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The content units with each run of teasers and notes as one ``notes`` unit."""
    joined: list[tuple[str, str]] = []
    for kind, text in contents:
        if kind == "note" or kind.endswith("-teaser"):
            if joined and joined[-1][0] == "notes":
                joined[-1] = ("notes", f"{joined[-1][1]} {text}")
                continue
            kind = "notes"
        joined.append((kind, text))
    return joined


def _contents(document: Document) -> list[tuple[str, str]]:
    """The document's content units as kind and text, blanks folded."""
    from .content import content_units  # loaded on first use, not by ``import tazformat``

    return [(unit.kind, " ".join(unit.text.split())) for unit in content_units(document)]
