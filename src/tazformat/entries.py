"""Rules that split listed rows into entries (a title row and teaser rows).

Listings and ``## ARTIKEL ZUM THEMA`` list articles as a title row followed
by teaser rows. Which rule applies depends on what the rendering kept:

1. **Marked links** (``(DIR)``, ``DIR``, ``=>``, gophermap type ``1``): each
   link starts an entry; the info rows after it up to a blank row are its
   teaser; other info rows are notes.
2. **Blank rows kept**: paragraphs alternate title and teaser. A one-row
   paragraph after a title is its teaser, unless it looks like a title and
   the paragraph after it looks like a teaser (an entry without teaser). A
   row that looks like neither is a note (a block heading, a tagline),
   unless it is the last row, which a cut capture may have cut mid-title.
3. **Unwrapped rows** (Gemini, any row longer than ``UNWRAPPED``): each
   row is a title or a teaser row, found for the whole page at once as the
   best alignment (``align``), so an entry without teaser does not shift
   the pairing after it. A long row of sentences is never a title
   (``wording.reads_as_sentences``); a page on which no row but the last
   can be a title is all teasers.
4. **Neither**: teasers are wrapped at ``WRAP`` columns and titles are
   not, so a row starts a new entry when the teaser row before it ends a
   sentence and either the new row's first word would have fitted on it
   (the wrap did not break there) or the new row has a kicker (``: ``).
   Right after a title, a short ``kicker: headline`` row without sentence
   end that is no wrapped row is the next title (``follows_title``): runs
   of entries without teaser.

The spec (``docs/spec.md`` § 2.7) states how reliable each rule is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .damage import is_cut_row
from .rows import Row
from .wording import looks_like_teaser, looks_like_title, reads_as_sentences
from .wrapping import WRAP, is_full

UNWRAPPED = 100
"""A row longer than this cannot be wrapped text: the rendering unwrapped it."""

Group = tuple[Row | None, list[Row]]
"""A title row (``None`` where the capture lost it) and its teaser rows."""


def is_marked(rows: Sequence[Row]) -> bool:
    """Say whether link rows mark the entries (rule 1); otherwise a rule infers them."""
    return any(row.item_type == "l" for row in rows)


def group_entries(rows: Sequence[Row]) -> list[Group | Row]:
    """Split rows into ``(title, teaser)`` groups and note rows, by the rules above."""
    if is_marked(rows):
        return _by_links(rows)
    if any(row.framing.gap for row in rows[:-1]):
        return _by_blank_rows(rows)
    if any(len(row.content) > UNWRAPPED for row in rows):
        return _by_alignment(rows)
    return list(_by_wrapping(rows))


def _by_links(rows: Sequence[Row]) -> list[Group | Row]:
    found: list[Group | Row] = []
    current: Group | None = None
    for row in rows:
        if row.item_type == "l":
            current = (row, [])
            found.append(current)
        elif current is not None and not (current[1] and current[1][-1].framing.gap):
            current[1].append(row)
        else:
            found.append(row)
    return found


def _open(found: list[Group | Row]) -> Group | None:
    """The last group, if it has a title and still waits for its teaser."""
    last = found[-1] if found else None
    if last is None or isinstance(last, Row):  # a note (Row is a named tuple too)
        return None
    return last if last[0] is not None and not last[1] else None


def _by_blank_rows(rows: Sequence[Row]) -> list[Group | Row]:
    paragraphs: list[list[Row]] = [[]]
    for row in rows:
        paragraphs[-1].append(row)
        if row.framing.gap:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    found: list[Group | Row] = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        teaser_follows = following is not None and (
            len(following) > 1 or not looks_like_title(following[0].content)
        )
        kind = _paragraph_kind(paragraph, _open(found), bool(found), teaser_follows, following)
        if kind == "title":
            found.append((paragraph[0], []))
        elif kind == "teaser":
            waiting = _open(found)
            if waiting is not None:
                waiting[1].extend(paragraph)
            else:
                found.append((None, list(paragraph)))
        else:
            found.extend(paragraph)
    return found


def _paragraph_kind(
    paragraph: list[Row],
    waiting: Group | None,
    started: bool,
    teaser_follows: bool,
    following: list[Row] | None,
) -> str:
    """``title``, ``teaser`` or ``note``, for a paragraph in a list with blank rows."""
    text = paragraph[0].content
    if len(paragraph) > 1:
        return "teaser"
    if waiting is not None:
        return "title" if looks_like_title(text) and teaser_follows else "teaser"
    if looks_like_title(text) or following is None:  # a cut capture ends mid-list
        return "title"
    if looks_like_teaser(text):
        next_is_teaser = following is not None and looks_like_teaser(following[0].content)
        return "teaser" if started or next_is_teaser else "note"
    return "title" if teaser_follows else "note"


TITLE, TEASER = "title", "teaser"
"""The two parts a row of an unwrapped listing can play (``_by_alignment``)."""
PAIRED = 1
"""Score of a title directly followed by a teaser row: an entry whole."""
ORPHAN = -1
"""Score of a teaser row that follows no title: an entry whose title is lost."""


def _title_fit(text: str) -> int | None:
    """How well a row reads as a title: ``None`` not at all, 1 maybe, 2 well."""
    if not looks_like_title(text):
        return None
    return 1 if looks_like_teaser(text) else 2


def _teaser_fit(text: str, last: bool) -> int:
    """How well a row reads as a teaser: 2 well, 1 maybe, 0 hardly.

    A row of sentences, one ending with a full stop or one too long for a
    title reads well; one ending another sentence mark, one longer than the
    wrap width or the last row (the capture may have cut it) maybe.
    """
    stripped = text.rstrip()
    if reads_as_sentences(stripped) or stripped.endswith(".") or len(stripped) > UNWRAPPED:
        return 2
    if looks_like_teaser(stripped) or len(stripped) > WRAP or last:
        return 1
    return 0


def align(texts: Sequence[str]) -> list[str]:
    """The part each row of an unwrapped listing plays: ``TITLE`` or ``TEASER``.

    Found for the whole run at once: the labelling with the best score,
    where each row scores how well it fits its part (``_title_fit``,
    ``_teaser_fit``), a title directly followed by a teaser row gains
    ``PAIRED`` and a teaser row after no title loses ``-ORPHAN``. A title
    followed by a title is an entry without teaser and costs nothing, so it
    does not shift the pairing after it. Ties go to the teaser. A run in
    which no row but the last can be a title is all teasers.
    """
    if not texts:
        return []
    last = len(texts) - 1
    titles = [_title_fit(text) for text in texts]
    if all(fit is None for fit in titles[:last]):
        return [TEASER] * len(texts)
    teasers = [_teaser_fit(text, index == last) for index, text in enumerate(texts)]
    minus = float("-inf")
    # best[i][part]: best score of rows 0..i with row i playing part; back: the part of row i - 1
    best: list[dict[str, float]] = []
    back: list[dict[str, str]] = []
    for index, fit in enumerate(titles):
        as_title = minus if fit is None else float(fit)
        if index == 0:
            best.append({TITLE: as_title, TEASER: teasers[0] + ORPHAN})
            back.append({})
            continue
        before = best[-1]
        title_from = TEASER if before[TEASER] >= before[TITLE] else TITLE
        after_title = before[TITLE] + PAIRED
        after_teaser = before[TEASER] + ORPHAN
        teaser_from = TEASER if after_teaser >= after_title else TITLE
        best.append(
            {
                TITLE: as_title + before[title_from],
                TEASER: teasers[index] + max(after_title, after_teaser),
            }
        )
        back.append({TITLE: title_from, TEASER: teaser_from})
    part = TEASER if best[-1][TEASER] >= best[-1][TITLE] else TITLE
    parts = [part]
    for index in range(last, 0, -1):
        part = back[index][part]
        parts.append(part)
    return parts[::-1]


def _by_alignment(rows: Sequence[Row]) -> list[Group | Row]:
    found: list[Group | Row] = []
    for row, part in zip(rows, align([row.content for row in rows]), strict=True):
        waiting = _open(found)
        if part == TITLE:
            found.append((row, []))
        elif waiting is not None:
            waiting[1].append(row)
        else:
            found.append((None, [row]))
    return found


def _by_wrapping(rows: Sequence[Row]) -> list[Group]:
    groups: list[Group] = []
    for index, row in enumerate(rows):
        if not groups:
            groups.append((row, []))
            continue
        title, teaser = groups[-1]
        following = rows[index + 1].content if index + 1 < len(rows) else None
        if teaser:
            new = starts_entry(teaser[-1].content, row.content)
        else:
            run = len(groups) > 1 and not groups[-2][1]  # the title before was title-only too
            new = title is not None and follows_title(title.content, row.content, following, run)
        if new:
            groups.append((row, []))
        else:
            teaser.append(row)
    return groups


def follows_title(title: str, row: str, following: str | None, run: bool = False) -> bool:
    """Say whether ``row``, right after the title ``title``, is the next title.

    It is when both are short ``kicker: headline`` rows without a sentence
    end and ``row`` is no wrapped teaser row: the next row's first word would
    have fitted on it. The last row (no ``following``) is a title only in a
    ``run`` of title-only entries; otherwise a teaser, as a capture may have
    cut a teaser's first row to the same shape.
    """
    if is_cut_row(row):
        return False
    if not all(looks_like_title(text) and not looks_like_teaser(text) for text in (title, row)):
        return False
    if following is None:
        return run
    return len(row.rstrip()) <= WRAP and not is_full(row, following)


def starts_entry(previous: str, row: str) -> bool:
    """Say whether ``row``, after the wrapped teaser row ``previous``, is a new title."""
    if is_cut_row(previous) or not looks_like_teaser(previous):
        return False
    first_word = row.split(" ", 1)[0]
    if len(previous) + 1 + len(first_word) <= WRAP:
        return True
    return ": " in row
