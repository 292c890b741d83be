"""What the serializer checks before it hands text back: written as edited, or refused.

A parsed document that is written unchanged gives back the text it was read
from (``Document.source_hash`` says which), and needs no check. Any other
text is checked in three steps, each refusing with ``EditError`` and the
path of the node at fault:

1. ``check_types``: every field the writer reads holds a value of its
   declared type (``text`` a ``str``, ``page.title`` a ``Title``…);
2. ``check_rows``: the written text, peeled again by its rendering (the
   same ``tazformat.rows.peel`` that ``loads`` uses), gives back every row
   with the framing and the content it was written with: no row that reads
   as blank, none that a tab or a label cuts or re-frames, none that a
   rendering's context reads otherwise (a Gemini lead, a link line);
3. the rules of each row's place (``tazformat.serializer``): the grammar
   would read no row as another kind where it stands (a body row ``## …``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

import attrs

from . import models
from .errors import EditError
from .models import Document, RowNode
from .renderings import Rendering, Row
from .rows import peel, segments
from .walk import path_of

__all__ = ["check_rows", "check_types"]


# --- 1. types --------------------------------------------------------------


@cache
def _hints(kind: type) -> tuple[tuple[str, Any], ...]:
    """Each attrs field of ``kind`` with its declared type."""
    hints = typing.get_type_hints(kind, vars(models))
    return tuple((field.name, hints[field.name]) for field in attrs.fields(kind))


def _fits(value: object, hint: Any) -> bool:
    """Say whether ``value`` is of type ``hint`` (classes, ``X | None``, ``tuple[X, ...]``)."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, arm) for arm in typing.get_args(hint))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return isinstance(value, tuple) and all(_fits(one, item) for one in value)
    if hint is None or hint is type(None):
        return value is None
    if hint is int:
        return type(value) is int
    return isinstance(value, hint)


def _misfits(node: object, path: str) -> Iterator[tuple[str, object, str, Any]]:
    """Each field under ``node`` whose value is not of its type: node's path, node, field, type."""
    kind: type = type(node)
    for name, hint in _hints(kind):
        value = getattr(node, name)
        if not _fits(value, hint):
            yield path, node, name, hint
            continue
        where = f"{path}.{name}" if path else name
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _misfits(item, f"{where}[{index}]")
        elif attrs.has(type(value)):
            yield from _misfits(value, where)


def _type_name(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("tazformat.models.", "").replace("typing.", "")


def check_types(doc: Document) -> None:
    """Refuse a field that does not hold its declared type (``text=42``, ``title=None``)."""
    for path, node, field, hint in _misfits(doc, ""):
        value = getattr(node, field)
        reason = f"{field} must be {_type_name(hint)}, not {type(value).__name__} ({value!r:.40})"
        line = node.line if isinstance(node, RowNode) else 0
        raise EditError(reason, path or "document", type(node).__name__, field, line)


# --- 2. rows ---------------------------------------------------------------

Written = tuple[str, str, str, str]
"""A row as written: its framing's prefix, suffix and hidden markup, and its
content (the hidden markup, the kind's markup, the text)."""


def _as_written(row: Row) -> Written:
    """A row read back, in the shape the writer records a row written."""
    framing = row.framing
    return framing.prefix, framing.suffix, framing.hidden, row.content


def _shown(row: Written) -> str:
    """The line a row stands on: prefix, content less its hidden markup, suffix."""
    prefix, suffix, hidden, content = row
    return f"{prefix}{content[len(hidden) :]}{suffix}"


def _describe(found: Written | None) -> str:
    if found is None:
        return "no row: a blank row, or a part of the rendering's header or footer"
    return f"the row {_shown(found)!r} (content {found[3]!r})"


def check_rows(
    doc: Document,
    rendering: Rendering,
    text: str,
    written: Sequence[Written],
    rows: Callable[[], list[RowNode]],
) -> tuple[Row, ...]:
    """Refuse the first row that does not peel back from ``text`` as it was written.

    ``written`` holds each content row as the writer wrote it, in order;
    ``rows`` gives the nodes in the same order (asked for only when a row is
    refused, to name its path).

    Returns:
        The rows read back, one for each row written.

    """
    back = peel(segments(text), rendering).rows
    if len(back) == len(written) and all(
        _as_written(row) == want for row, want in zip(back, written, strict=True)
    ):
        return back
    for index, want in enumerate(written):
        found = _as_written(back[index]) if index < len(back) else None
        if found == want:
            continue
        if index + 1 < len(written) and found == written[index + 1]:
            found = None  # the row is gone: the next one reads back in its place
        line = rows()[index]
        reason = (
            f"written as {_shown(want)!r}"
            f" in {rendering.name}, it would read back as {_describe(found)}"
        )
        raise EditError(reason, path_of(doc, line), type(line).__name__, "text", line.line)
    raise EditError(  # more rows read back than were written: a row held a line's worth of two
        f"the text would read back with {len(back) - len(written)} more rows in {rendering.name}",
        "?",
        "Document",
        "page",
        0,
    )
