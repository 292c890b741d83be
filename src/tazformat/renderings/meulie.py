"""The three renderings of gopherproxy.meulie.net.

- ``meulie-framed``: every row ``| <content> | |``, blank rows dropped;
- ``meulie-right-frame``: every row ``<content> | |``;
- ``meulie-plain``: two navigation rows (``Introduction`` and
  ``Introduction Statistics Contact …``), then plain rows, no blank rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ..codes import Code
from ..models import Framing
from ..vocabulary import Kind
from .base import Meaning, Peeled, Rendering, longest_end, share

RIGHT_FRAME = " | |"
LEFT_FRAME = "| "
_CUT_ENDS = (" | |", " | ", " |")


def _broken(is_last: bool, what: str, column: int) -> tuple[str, str, int]:
    if is_last:
        return (Code.CUT_FRAME, f"the capture was cut inside this row's frame ({what})", column)
    return (Code.BAD_FRAME, f"this row's frame is incomplete ({what})", column)


class MeulieFramed(Rendering):
    """Rows framed on both sides: ``| <content> | |``."""

    name: ClassVar[str] = "meulie-framed"
    description: ClassVar[str] = "gopherproxy.meulie.net, rows framed '| … | |'"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        return share(
            sample,
            lambda line: line.startswith(LEFT_FRAME) and line.endswith(RIGHT_FRAME),
            lambda line: line.startswith("|"),
        )

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        if line.startswith(LEFT_FRAME) and line.endswith(RIGHT_FRAME) and len(line) >= 6:
            return Peeled("i", LEFT_FRAME, line[2:-4], RIGHT_FRAME)
        prefix = (
            LEFT_FRAME if line.startswith(LEFT_FRAME) else line[:1] if line.startswith("|") else ""
        )
        rest = line[len(prefix) :]
        suffix = longest_end(rest, _CUT_ENDS)
        content = rest[: len(rest) - len(suffix)]
        if prefix != LEFT_FRAME:
            damage = _broken(is_last, "no left frame", len(prefix) + 1)
        else:
            damage = _broken(is_last, "no right frame", len(line) + 1)
        return Peeled("i", prefix, content, suffix, damage=damage)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing(LEFT_FRAME, RIGHT_FRAME)


class MeulieRightFrame(Rendering):
    """Rows framed on the right only: ``<content> | |``."""

    name: ClassVar[str] = "meulie-right-frame"
    description: ClassVar[str] = "gopherproxy.meulie.net, rows framed '… | |' on the right"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        def framed(line: str) -> bool:
            return line.endswith(RIGHT_FRAME) and not line.startswith(LEFT_FRAME)

        # a capture that stops before its last row's frame leaves that row unframed
        cut_before_frame = sample[-1:] == lines[-1:] and any(map(framed, sample[:-1]))
        return share(sample, framed, lambda line: cut_before_frame and not line.startswith("|"))

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        if line.endswith(RIGHT_FRAME):
            return Peeled("i", "", line[:-4], RIGHT_FRAME)
        suffix = longest_end(line, _CUT_ENDS)
        content = line[: len(line) - len(suffix)]
        return Peeled(
            "i", "", content, suffix, damage=_broken(is_last, "no right frame", len(line) + 1)
        )

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing("", RIGHT_FRAME)


NAV_FIRST = "Introduction"
NAV_SECOND = "Introduction Statistics Contact Development Disclaimer Help"


class MeuliePlain(Rendering):
    """Two navigation rows, then the page's rows unframed."""

    name: ClassVar[str] = "meulie-plain"
    description: ClassVar[str] = "gopherproxy.meulie.net, navigation rows then plain rows"
    header: ClassVar[str] = f"{NAV_FIRST}\n{NAV_SECOND}\n"

    def score(self, lines: Sequence[str], sample: Sequence[str]) -> float:
        if len(lines) >= 2 and lines[0] == NAV_FIRST and lines[1].startswith(NAV_FIRST + " "):
            return 1.0
        if len(lines) == 1 and lines[0] == NAV_FIRST:
            return 0.6
        return 0.0

    def header_size(self, lines: Sequence[str]) -> int:
        size = 0
        for line in lines[:2]:
            if line == NAV_FIRST or line.startswith(NAV_FIRST + " "):
                size += 1
            else:
                break
        return size

    def peel(self, line: str, *, is_last: bool) -> Peeled:
        return Peeled("i", "", line)

    def frame(
        self, kind: Kind, item_type: str = "i", text: str = "", meaning: Meaning | None = None
    ) -> Framing:
        return Framing()
