"""Inline link references ``[n][text]`` and the targets of ``## LINKS``.

A reference's text may span rows (joined by single spaces), start inside a
word (``a[1][uf die Planung]``), be followed by letters
(``[1][Henriettenstift]s``), and hold quotes, commas, URLs and one level of
brackets (``[2][die [neue] Regel]``). A reference cut open by the end of a
capture (``[3][Doktorar``) reads as its text, and is still a reference
(``cut_reference``). A target is a taz path ending in the
article id (``/Slug/!5826872``), or an address of its own.
"""

from __future__ import annotations

import re

import attrs

SITE = "https://taz.de"
"""Where taz paths are resolved."""

REFERENCE = re.compile(r"\[(\d+)\]\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")
_ARTICLE_ID = re.compile(r"!(\d+)/?$")


@attrs.frozen
class InlineReference:
    """An inline link reference ``[n][text]`` in body text."""

    number: int
    """The reference's number, matching a ``## LINKS`` target."""
    text: str
    """The linked text, rows joined by single spaces."""


def find_references(text: str) -> tuple[InlineReference, ...]:
    """The inline references in ``text``, in order."""
    return tuple(InlineReference(int(m.group(1)), m.group(2)) for m in REFERENCE.finditer(text))


CUT_REFERENCE = re.compile(r"\[(?:\d+(?:\](?:\[((?:[^\[\]]|\[[^\[\]]*\])*))?)?)?$")
"""What is left of a reference the end of a capture cut: ``[4``, ``[4][Doktorar``."""


_CUT_OPEN = re.compile(r"\[(\d+)\]\[((?:[^\[\]]|\[[^\[\]]*\])*)$")
"""A reference whose text the end of a capture cut: ``[3][Doktorar`` (its number whole)."""


def cut_reference(text: str) -> InlineReference | None:
    """The reference the end of ``text`` leaves open (``[3][Doktorar``), or ``None``.

    Its text is what the capture kept of it. Where the cut fell inside the
    number (``[1``) or before the text's bracket (``[1]``), the number may
    be cut too, and nothing is read.
    """
    match = _CUT_OPEN.search(text)
    if match is None:
        return None
    return InlineReference(int(match.group(1)), match.group(2))


def strip_references(text: str) -> str:
    """``text`` with each ``[n][text]`` replaced by its text.

    A reference the end of the text cut open (``[3][Doktorar``, ``[4``)
    gives what it holds of its text; its markup is dropped.
    """
    text = REFERENCE.sub(lambda m: m.group(2), text)
    return CUT_REFERENCE.sub(lambda m: m.group(1) or "", text)


def article_id(target: str) -> str | None:
    """The taz article id a target ends in (``/Slug/!5826872`` → ``5826872``)."""
    match = _ARTICLE_ID.search(target)
    return match.group(1) if match else None


def absolute_url(target: str) -> str:
    """The target as an address: taz paths resolved against https://taz.de."""
    if target.startswith("/"):
        return SITE + target
    return target
