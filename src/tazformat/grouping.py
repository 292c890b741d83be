"""Grouping: which captures in a folder are captures of one page.

``group`` puts each capture into the first group whose every member it
shows no difference from (``merge.page_difference``: page kind, title, lead,
date, and for listings the entries both hold), else into a new group. The
rule knows only what the captures hold, so it fails where they hold too
little (spec § 7.5): two articles of one title whose captures stop before
lead and date fall into one group; a reprint with the same title, lead and
date is one page to it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from .api import loads
from .merging import page_difference
from .models import Document

__all__ = ["group"]

T = TypeVar("T", Document, str, "os.PathLike[str]")


def _document(item: Document | str | os.PathLike[str]) -> Document:
    if isinstance(item, Document):
        return item
    return loads(Path(item).read_bytes())


def group(items: Sequence[T]) -> list[list[T]]:
    """The captures grouped by page, each group in input order.

    Args:
        items: Parsed documents, or paths of capture files (read as bytes).

    Returns:
        The groups, ordered by their first member; captures without a taz
        page are each a group of their own.

    Added in version 0.1.0.

    """
    docs = [_document(item) for item in items]
    groups: list[list[int]] = []
    for index, doc in enumerate(docs):
        for members in groups:
            if doc.page is not None and all(
                docs[m].page is not None and page_difference(docs[m], doc) is None for m in members
            ):
                members.append(index)
                break
        else:
            groups.append([index])
    return [[items[i] for i in members] for members in groups]
