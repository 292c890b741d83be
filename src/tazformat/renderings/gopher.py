"""Gopher menus as web proxies show them (bbs.cortex-media.info, gopher.mills.io).

- ``gopher-menu``: info rows indented 7 spaces, blank rows of 7 spaces, link
  items labelled `` (DIR) ``, image items `` (IMG) ``; the heading row is not
  indented.
- ``gopher-menu-flat``: the same capture with its white space normalised:
  ``(DIR) `` at the line start, no indent, no blank rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from ..codes import Code
from ..models import Framing
from ..vocabulary import Kind
from .base import Meaning, Peeled, Rendering, row_item_type, share

INDENT = " " * 7
_LABEL = re.compile(r" \(([A-Z]{3})\) ")
_FLAT_LABEL = re.compile(r"\((DIR|IMG|GIF|TXT|HTM|BIN|SND|QRY|TEL|ERR|INF)\) ")
_CUT_LABEL = re.compile(r" ?(?:\((?:[A-Z]{1,3}(?:\) ?)?)?)?")


def _cut_label(line: str, is_last: bool) -> Peeled | None:
    """A last row cut inside its label: all framing, no content."""
    if is_last and _CUT_LABEL.fullmatch(line) and line.strip():
        damage = (Code.CUT_FRAME, "the capture was cut inside this row's type label", len(line) + 1)
        return Peeled("i", line, "", damage=damage)
    return None


class GopherMenu(Rendering):
    """Info rows indented 7 spaces, `` (DIR) `` and `` (IMG) `` labels."""

    name: ClassVar[str] = "gopher-menu"
    description: ClassVar[str] = "gopher menu: 7-space info indent, ' (DIR) ' labels"
    blank: ClassVar[str] = INDENT + "\n"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return share(
            sample[1:],
            lambda line: line.startswith(INDENT) or bool(_LABEL.match(line)),
            lambda line: bool(_CUT_LABEL.fullmatch(line)),
        )

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        if line.startswith(INDENT):  # the commonest row; a label starts " (", never so
            return Peeled("i", INDENT, line[len(INDENT) :])
        label = _LABEL.match(line)
        if label:
            return Peeled(row_item_type(label.group(1)), label.group(), line[label.end() :])
        return _cut_label(line, is_last) or Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        if kind == Kind.HEADING:
            return Framing()
        return Framing({"l": " (DIR) ", "m": " (IMG) "}.get(item_type, INDENT))


class GopherMenuFlat(Rendering):
    """A gopher menu with white space normalised: ``(DIR) `` at the line start."""

    name: ClassVar[str] = "gopher-menu-flat"
    description: ClassVar[str] = "gopher menu, white space normalised: '(DIR) ' at line start"
    strips_trailing_space: ClassVar[bool] = True

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        if not sample or not any(line[:1] == "(" and _FLAT_LABEL.match(line) for line in lines):
            return 0.0
        return 0.95

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        label = _FLAT_LABEL.match(line)
        if label:
            return Peeled(row_item_type(label.group(1)), label.group(), line[label.end() :])
        return _cut_label(line, is_last) or Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing({"l": "(DIR) ", "m": "(IMG) "}.get(item_type, ""))
