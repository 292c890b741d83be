"""tazformat: read and write the taz text dump format, byte for byte.

Parse a dump with ``loads`` (or ``load``), read its data from the typed
models or ``to_dict``, edit with ``attrs.evolve``, and write it back with
``dumps`` (or ``dump``): ``dumps(loads(text)) == text`` for every text.
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from typing import TYPE_CHECKING

from . import rows as _rows
from .api import dump
from .api import dumps
from .api import load
from .api import loads
from .errors import ParseError
from .errors import TazFormatError
from .errors import UnknownRendering
from .models import Article
from .models import Diagnostic
from .models import Document
from .models import Listing
from .errors import EditError
from .errors import MergeError
from .merging import Merged
from .merging import merge

if TYPE_CHECKING:  # loaded on first use: see __getattr__ below
    from .bundled import demo
    from .content import same_content
    from .export import to_dict
    from .grouping import group
    from .markdown import to_markdown
    from .plaintext import to_text

__version__ = "0.1.0"
"""The package version (the one place it is set)."""

compiled: bool = (_rows.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))
"""Whether the modules are compiled (a wheel built with mypyc) or pure Python.

Added in version 0.1.0. Both read and write the same text; the compiled
ones are faster. ``pip`` picks a compiled wheel where one is published for
the platform and the pure ``py3-none-any`` wheel elsewhere.
"""

_LAZY = {
    "demo": "bundled",
    "same_content": "content",
    "group": "grouping",
    "to_dict": "export",
    "to_markdown": "markdown",
    "to_text": "plaintext",
}
"""Public names whose modules ``import tazformat`` leaves unloaded, and those modules.

``loads`` and ``dumps`` need none of them: the exports, the content
comparison and the demo (with ``json`` and the structure readers they pull
in) are imported on first use, so that start-up stays short.
"""


if not TYPE_CHECKING:  # hidden from type checkers, which see the imports above

    def __getattr__(name: str) -> object:
        """Import a public name from its module on first use (PEP 562)."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value: object = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later look-ups find it without this function
        return value


def __dir__() -> list[str]:
    """The module's names, the ones not loaded yet included."""
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Article",
    "Diagnostic",
    "Document",
    "EditError",
    "Listing",
    "MergeError",
    "Merged",
    "ParseError",
    "TazFormatError",
    "UnknownRendering",
    "__version__",
    "compiled",
    "demo",
    "dump",
    "dumps",
    "group",
    "load",
    "loads",
    "merge",
    "same_content",
    "to_dict",
    "to_markdown",
    "to_text",
]
