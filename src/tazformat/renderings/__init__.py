"""The renderings tazformat knows, and how one is recognised.

To add a rendering, write a ``Rendering``
subclass in a module of its own and list an instance in ``RENDERINGS``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..codes import Code
from ..errors import UnknownRendering
from ..models import Diagnostic
from ..vocabulary import HEADING_MARK
from .base import Meaning, Peeled, Rendering, Row, content_lines
from .gemini import GeminiArchive, GeminiProxyLog, GeminiShown, Gemtext
from .gopher import GopherMenu, GopherMenuFlat
from .gophermap import Gophermap
from .meulie import MeulieFramed, MeuliePlain, MeulieRightFrame
from .phoxy import Phoxy
from .phroot import Phroot, PhrootFlat
from .plain import Plain
from .residue import heading_line, is_residue_only, margin, residue

__all__ = ["RENDERINGS", "Meaning", "Peeled", "Rendering", "Row", "detect", "get"]

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
        UnknownRendering: when no rendering has that name (a
            ``TazFormatError`` and a ``KeyError``); it names the known ones.

    """
    for rendering in RENDERINGS:
        if rendering.name == name:
            return rendering
    raise UnknownRendering(name, [r.name for r in RENDERINGS])


def detect(lines: Sequence[str]) -> tuple[Rendering, tuple[Diagnostic, ...]]:
    """Recognise the rendering of a text from its lines.

    Renderings judge the framing of the first 20 non-blank lines; those that
    mark items also look for a label anywhere. When none fits cleanly, or the
    one that fits would hide the page's heading behind frame residue (or read
    a lone ``|`` row at an end of the text as content), the text is read
    under the rendering that finds the page with the least framing damage
    (see ``rescue``).

    Returns:
        The best-fitting rendering, and a diagnostic when none fits well
        enough (``unknown-rendering``), or when a single row that carries no
        mark of its rendering was all there was to go by
        (``ambiguous-rendering``).

    """
    sample = content_lines(lines)
    best, best_score = RENDERINGS[-1], -1.0
    for rendering in RENDERINGS:  # on a tie the earlier wins: none beats a full score
        score = rendering.score(lines, sample)
        if score > best_score:
            best, best_score = rendering, score
            if score >= 1.0:
                break
    if best_score >= _CONFIDENT and _hides_page(best, lines, sample):
        rescued = rescue(lines)
        if rescued is not None:
            return rescued, ()
    if best_score >= _CONFIDENT and len(sample) < 2 and best_score < _CLEAR:
        note = Diagnostic(
            Code.AMBIGUOUS_RENDERING,
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
    rescued = rescue(lines)
    message = "no known rendering fits this text; its rows were read as plain rows"
    if rescued is not None:
        fallback = rescued
        message = (
            f"no known rendering fits this text cleanly; read as {rescued.name},"
            " with the framing damage of each row noted"
        )
    note = Diagnostic(
        Code.UNKNOWN_RENDERING, message, 1, 1, ("the first rows of a known rendering",)
    )
    return fallback, (note,)


RESCUERS: tuple[Rendering, ...] = (
    get("plain"),
    get("meulie-framed"),
    get("meulie-right-frame"),
    get("gopher-menu"),
    get("gophermap"),
)
"""The renderings ``rescue`` reads a damaged text under, the preferred first.

They are the renderings known by how each row is framed; the others are
known by a header or by one mark (a label, a heading without ``# ``), and a
text without it reads under them as under ``plain``, which comes first."""


def _hides_page(rendering: Rendering, lines: Sequence[str], sample: Sequence[str]) -> bool:
    """Say whether ``rendering`` would lose a page to frame residue in ``lines``.

    It would when the first line holding a heading behind frame characters
    (``| # taz.de -- …``) does not peel to a heading, or is taken for header,
    or when a residue-only line (``|``) at either end of the text peels to
    content without damage, or when one of ``RESCUERS`` peels one of the
    ``sample`` lines (the first 20 non-blank ones) to content that starts
    with ``|``. Cheap: one
    scan for the heading, at most 22 lines peeled.
    """
    last = len(lines) - 1
    index = heading_line(lines)
    if index is not None:
        if index < rendering.header_size(lines):
            return True
        if not rendering.peel(lines[index], is_last=index == last).content.startswith(HEADING_MARK):
            return True
    for end in {0, last} if lines else ():
        if is_residue_only(lines[end]):
            peeled = rendering.peel(lines[end], is_last=end == last)
            if peeled.damage is None and peeled.content:
                return True
    if rendering in RESCUERS:  # the others are known by a mark, not by their rows' frames
        for line in sample:
            if line[:1] == "|":
                peeled = rendering.peel(line, is_last=False)
                if peeled.damage is None and peeled.content[:1] == "|":
                    return True
    return False


def rescue(lines: Sequence[str]) -> Rendering | None:
    """Read a text no rendering fits cleanly under the one that finds its page.

    Each of ``RESCUERS``, made to peel frame residue too (``Residue``),
    peels every line. Those under which a line peels to a heading row
    (``# taz.de``) find the page; of these the one with the fewest damaged
    rows wins, then the one whose own frame (not the margin or residue)
    peeled the most rows, then the earlier in ``RESCUERS``.

    Returns:
        The chosen rendering, or ``None`` when no line peels to a heading.

    """
    shared = margin(lines)
    last = len(lines) - 1
    chosen: Rendering | None = None
    chosen_key = (len(lines) + 1, 0)
    for base in RESCUERS:
        reader = residue(base, shared)
        start, stop = reader.header_size(lines), len(lines) - reader.footer_size(lines)
        found, damaged, framed = False, 0, 0
        for index in range(start, stop):
            line = lines[index]
            if not line.strip(" \t"):
                continue
            own = base.peel(line, is_last=index == last)
            peeled = reader.peel(line, is_last=index == last)
            damaged += peeled.damage is not None
            framed += own.damage is None and bool(own.prefix or own.suffix)
            found = found or peeled.content.startswith(HEADING_MARK)
        key = (damaged, -framed)
        if found and key < chosen_key:
            chosen, chosen_key = reader, key
    return chosen
