"""The exceptions tazformat raises.

Every error is a ``TazFormatError``; a parse that fails in strict mode
raises ``ParseError``, which names the line, the column, what the format
expected there, and quotes the line with a caret under the column.
"""

from __future__ import annotations


class TazFormatError(Exception):
    """Base class of every error tazformat raises.

    Added in version 0.1.0.
    """


class ParseError(TazFormatError, ValueError):
    """The text is not a complete, undamaged taz page (strict mode).

    Added in version 0.1.0.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int,
        column: int,
        expected: tuple[str, ...] = (),
        code: str = "",
        source_line: str = "",
    ) -> None:
        self.line = line
        """1-based line of the offending row."""
        self.column = column
        """1-based column of the offending character."""
        self.expected = expected
        """What the format allows there."""
        self.code = code
        """The diagnostic code, e.g. ``cut-frame``."""
        self.source_line = source_line
        """The offending line, as in the source."""
        self.reason = message
        """The message without position and quote."""
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"line {self.line}, column {self.column}: {self.reason}"
        if self.expected:
            text += "; expected " + " or ".join(self.expected)
        shown = self.source_line.expandtabs(1)
        caret = " " * (max(self.column, 1) - 1) + "^"
        return f"{text}\n    {shown}\n    {caret}"
