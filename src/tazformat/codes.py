"""The diagnostic codes: one member each, with what it means.

``Diagnostic.code`` holds one of these (a ``Code`` is a ``str``, so it
compares equal to its value). The JSON Schema's code enum and the table in
``docs/errors.md`` are tested against this module.
"""

from __future__ import annotations

import enum

from .damage import EXCERPT_CAP

__all__ = ["CUT_CODES", "Code"]


class Code(str, enum.Enum):
    """A stable diagnostic code and its meaning (``Code.CUT_ROW.meaning``).

    The meaning is the line ``docs/errors.md`` gives the code, in Markdown.
    """

    meaning: str

    def __new__(cls, value: str, meaning: str) -> Code:
        """A member whose value is the code and whose ``meaning`` is said for people."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    def __str__(self) -> str:
        """The code itself."""
        return str.__str__(self)

    CUT_ROW = ("cut-row", "a proxy cut the row to 79 bytes and `…`")
    CUT_FRAME = ("cut-frame", "the capture ends inside the last row's frame")
    CUT_CAPTURE = (
        "cut-capture",
        "the capture ends without a final line break; where its rendering strips"
        " that line break, with a last row that is unfinished",
    )
    CUT_AT_CAP = (
        "cut-at-cap",
        f"the capture is exactly as long as the excerpt cap ({EXCERPT_CAP} bytes):"
        " it was cut there",
    )
    BAD_FRAME = ("bad-frame", "a row before the last lacks part of its rendering's frame")
    FRAME_RESIDUE = (
        "frame-residue",
        "a piece of a frame on a row that its rendering does not frame so,"
        " or a row of frame characters only; kept as the row's framing",
    )
    UNKNOWN_ROW = ("unknown-row", "no rule understands the row where it stands")
    NO_PAGE = ("no-page", "the text has content rows but no heading")
    UNKNOWN_RENDERING = (
        "unknown-rendering",
        "no rendering fits; the rows were read as plain rows",
    )
    AMBIGUOUS_RENDERING = (
        "ambiguous-rendering",
        "a single row without a mark of its rendering was all there was;"
        " the rendering named is a guess",
    )
    NOT_UTF8 = (
        "not-utf8",
        "bytes that are not UTF-8 (or lone surrogates in a `str`); kept byte for byte",
    )


CUT_CODES = frozenset({Code.CUT_CAPTURE, Code.CUT_FRAME, Code.CUT_AT_CAP})
"""Diagnostics that say the capture was cut (they set ``Document.truncated``)."""
