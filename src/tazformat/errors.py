"""The exceptions tazformat raises.

Every error class of the package is a ``TazFormatError``, and every one
survives ``pickle`` with its attributes, so an error raised in a worker
process (``concurrent.futures``, dask, ``tazformat convert --jobs``) reaches
the parent as itself. A parse that fails in strict mode raises
``ParseError``, which names the line, the column, what the format expected
there, and quotes the line with a caret under the column. An unknown
rendering name raises ``UnknownRendering``, which is also a ``KeyError``.

Arguments of the wrong type are a ``TypeError`` (Python's own), with a hint
at what to pass instead (see ``wrong_type``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_SURROGATES = re.compile("[\ud800-\udfff]")
"""A lone surrogate: a byte that was not UTF-8, kept by ``surrogateescape``."""


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
        # A byte that was not UTF-8 is shown as U+FFFD (one character: the
        # caret stays under its column), so that the message can be printed.
        shown = _SURROGATES.sub("\ufffd", self.source_line.expandtabs(1))
        caret = " " * (max(self.column, 1) - 1) + "^"
        return f"{text}\n    {shown}\n    {caret}"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by keywords (``__init__`` takes them only), attributes included."""
        keywords = {
            "line": self.line,
            "column": self.column,
            "expected": self.expected,
            "code": self.code,
            "source_line": self.source_line,
        }
        return (_rebuild, (type(self), (self.reason,), keywords), dict(vars(self)))


class UnknownRendering(TazFormatError, KeyError):
    """No rendering has the name asked for.

    Added in version 0.1.0. A ``KeyError`` too, as the error for an unknown
    rendering name was before.
    """

    def __init__(self, name: str, known: Sequence[str] = ()) -> None:
        self.name = name
        """The name asked for."""
        self.known = tuple(known)
        """The names of the known renderings."""
        super().__init__(f"unknown rendering {name!r}; known: {', '.join(self.known)}")

    def __str__(self) -> str:
        """The message, without the quotes ``KeyError`` puts around it."""
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the name and the known names, attributes included."""
        return (type(self), (self.name, self.known), dict(vars(self)))


def _rebuild(
    cls: type[TazFormatError], args: tuple[Any, ...], keywords: dict[str, Any]
) -> TazFormatError:
    """An error built again from its arguments (the other half of ``__reduce__``)."""
    return cls(*args, **keywords)


def wrong_type(function: str, takes: str, value: object, hint: str = "") -> TypeError:
    """The ``TypeError`` for an argument of the wrong type.

    Args:
        function: The function called, e.g. ``"loads"``.
        takes: What it takes, e.g. ``"str or bytes"``.
        value: What it was given.
        hint: What to do instead, when something fits better.

    Returns:
        The error, its message ``"{function} takes {takes}, not {type}; {hint}"``.

    """
    message = f"{function} takes {takes}, not {type(value).__name__}"
    return TypeError(f"{message}; {hint}" if hint else message)


def document_expected(function: str, value: object) -> TypeError:
    """The ``TypeError`` for a function that takes a ``Document`` and got ``value``.

    The hint says how to get a document from what was given: parse text or
    a file, or put an edited page back into its document.
    """
    from .models import Article, Listing  # here: errors stays a leaf module

    if isinstance(value, (str, bytes, bytearray)):
        hint = "parse the text first: tazformat.loads(text)"
    elif hasattr(value, "read") or hasattr(value, "__fspath__"):
        hint = "parse the file first: tazformat.load(open(path, 'rb'))"
    elif isinstance(value, (Article, Listing)):
        hint = "put the page back into its document: attrs.evolve(doc, page=page)"
    elif isinstance(value, dict):
        hint = "a dict (to_dict's data) cannot be turned back into a document"
    else:
        hint = "a Document is what tazformat.loads returns"
    return wrong_type(function, "a tazformat.Document", value, hint)


class EditError(TazFormatError, ValueError):
    """An edited model holds text the format cannot hold where it stands.

    Added in version 0.1.0.

    ``dumps`` raises it instead of writing text that would read back as
    something else: a line break inside a row, or markup that makes a row
    another kind of row (a body row ``## …`` would be a subhead).
    """

    def __init__(
        self, reason: str, path: str = "", node: str = "", field: str = "", line: int = 0
    ) -> None:
        self.reason = reason
        """What the text would turn into."""
        self.path = path
        """Where the node stands in the document, e.g. ``page.body[2].lines[0]``."""
        self.node = node
        """The node's class, e.g. ``Line``."""
        self.field = field
        """The node's field that holds the text, e.g. ``text``."""
        self.line = line
        """The source line the node was parsed from (0 for a node built in code)."""
        parsed = f", parsed from line {line}" if line else ""
        super().__init__(f"cannot write {path} ({node}{parsed}), field {field!r}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with every attribute (a worker's error reaches the parent whole)."""
        return (type(self), (self.reason, self.path, self.node, self.field, self.line))


class MergeError(TazFormatError, ValueError):
    """Documents given to ``merge`` are not captures of one page.

    Added in version 0.1.0.
    """

    def __init__(
        self,
        reason: str,
        *,
        what: str = "",
        inputs: tuple[int, ...] = (),
        texts: tuple[str, ...] = (),
    ) -> None:
        self.reason = reason
        """What is wrong, for people."""
        self.what = what
        """What differed: ``title``, ``lead``, ``date``, ``entries``, ``kind`` or ``page``;
        ``rendering`` when the merged page cannot be written in the one asked for."""
        self.inputs = inputs
        """Indexes of the inputs concerned."""
        self.texts = texts
        """The texts that differed, one per input in ``inputs``."""
        super().__init__(reason)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by keywords (``__init__`` takes them only), attributes included."""
        keywords = {"what": self.what, "inputs": self.inputs, "texts": self.texts}
        return (_rebuild, (type(self), (self.reason,), keywords), dict(vars(self)))
