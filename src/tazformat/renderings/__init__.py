"""The renderings tazformat knows, and how one is recognised.

To add a rendering, write a ``Rendering``
subclass in a module of its own and list an instance in ``RENDERINGS``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Diagnostic
from .base import Peeled, Rendering, content_lines
from .gemini import GeminiArchive, GeminiProxyLog, GeminiShown, Gemtext
from .gopher import GopherMenu, GopherMenuFlat
from .gophermap import Gophermap
from .meulie import MeulieFramed, MeuliePlain, MeulieRightFrame
from .phoxy import Phoxy
from .phroot import Phroot, PhrootFlat
from .plain import Plain

__all__ = ["RENDERINGS", "Peeled", "Rendering", "detect", "get"]

RENDERINGS: tuple[Rendering, ...] = (
    MeulieFramed(),
    MeulieRightFrame(),
    MeuliePlain(),
    Phroot(),
    GopherMenu(),
    GopherMenuFlat(),
    PhrootFlat(),
    Phoxy(),
    Gophermap(),
    Gemtext(),
    GeminiShown(),
    GeminiProxyLog(),
    GeminiArchive(),
    Plain(),
)
"""Every known rendering; on a tie in ``detect`` the earlier one wins."""

FALLBACK = "plain"
"""The rendering used when no other fits."""

_CONFIDENT = 0.5
_CLEAR = 0.9
"""A score that one row can earn alone (a frame, a label): no guess then."""


def get(name: str) -> Rendering:
    """The rendering called ``name``.

    Raises:
        KeyError: when no rendering has that name.

    """
    for rendering in RENDERINGS:
        if rendering.name == name:
            return rendering
    known = ", ".join(r.name for r in RENDERINGS)
    raise KeyError(f"unknown rendering {name!r}; known: {known}")


def detect(lines: Sequence[str]) -> tuple[Rendering, tuple[Diagnostic, ...]]:
    """Recognise the rendering of a text from its lines.

    Renderings judge the framing of the first 20 non-blank lines; those that
    mark items also look for a label anywhere.

    Returns:
        The best-fitting rendering, and a diagnostic when none fits well
        enough and the plain fallback was taken (``unknown-rendering``), or
        when a single row that carries no mark of its rendering was all
        there was to go by (``ambiguous-rendering``).

    """
    sample = content_lines(lines)
    best, best_score = RENDERINGS[-1], -1.0
    for rendering in RENDERINGS:  # on a tie the earlier wins: none beats a full score
        score = rendering.score(lines, sample)
        if score > best_score:
            best, best_score = rendering, score
            if score >= 1.0:
                break
    if best_score >= _CONFIDENT and len(sample) < 2 and best_score < _CLEAR:
        note = Diagnostic(
            "ambiguous-rendering",
            f"too few rows to tell the rendering; read as {best.name}",
            1,
            1,
            ("more rows of the page",),
        )
        return best, (note,)
    if best_score >= _CONFIDENT:
        return best, ()
    fallback = get(FALLBACK)
    if not any(line.strip(" \t") for line in lines):
        return fallback, ()
    note = Diagnostic(
        "unknown-rendering",
        "no known rendering fits this text; its rows were read as plain rows",
        1,
        1,
        ("the first rows of a known rendering",),
    )
    return fallback, (note,)
