"""Raw Gopher menus (RFC 1436), as a client fetching taz.de holds them.

Each row is ``<type><display>TAB<selector>TAB<host>TAB<port>`` and ends in
CRLF; a row ``.`` ends the menu. Type ``i`` rows are information (text),
``I``/``g``/``p`` images, every other type an item that links somewhere.
The type character is the row's prefix, the tab-separated fields its
suffix, and the final ``.`` row the document's footer. In canonical form a
``## LINKS`` row is a link item whose selector is its target; other items,
whose selectors are not known, get ``/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from ..codes import Code
from ..models import Framing
from ..vocabulary import SITE, Kind
from .base import Meaning, Peeled, Rendering, row_item_type

END = "."
_TARGET = re.compile(r"\[\d+\] (/[^\t\r\n]*)")
"""A ``## LINKS`` row whose target is a taz path: its selector."""
HOST = SITE
PORT = "70"


class Gophermap(Rendering):
    """RFC 1436 menu rows: a type character, display text, tab-separated fields."""

    name: ClassVar[str] = "gophermap"
    description: ClassVar[str] = "raw RFC 1436 gopher menu: type, display, TAB selector/host/port"
    footer: ClassVar[str] = END + "\r\n"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        sample = [line for line in sample if line != END]
        if not sample:
            return 0.0
        return sum(1 for line in sample if line.count("\t") >= 3) / len(sample)

    def footer_size(self, lines: Sequence[str]) -> int:
        index = len(lines) - 1
        while index >= 0 and not lines[index].strip():
            index -= 1
        return len(lines) - index if index >= 0 and lines[index] == END else 0

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        gopher_type = line[:1]
        tab = line.find("\t")
        if tab < 1:
            damage = (
                Code.CUT_FRAME if is_last else Code.BAD_FRAME,
                "this row has no tab fields",
                len(line) + 1,
            )
            return Peeled("i" if gopher_type == "i" else "l", gopher_type, line[1:], damage=damage)
        item_type = "i" if gopher_type in ("i", "3") else row_item_type(gopher_type)
        return Peeled(item_type, gopher_type, line[1:tab], line[tab:])

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        target = _TARGET.fullmatch(text) if kind == Kind.LINK_TARGET else None
        if target is not None:  # a ## LINKS row links to its target
            return Framing("1", f"\t{target.group(1)}\t{HOST}\t{PORT}", "\r\n")
        if item_type == "i":
            return Framing("i", f"\t\t{HOST}\t{PORT}", "\r\n")
        return Framing("I" if item_type == "m" else "1", f"\t/\t{HOST}\t{PORT}", "\r\n")
