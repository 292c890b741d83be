"""tazformat: read and write the taz text dump format, byte for byte.

Parse a dump with ``loads`` (or ``load``), read its data from the typed
models or ``to_dict``, edit with ``attrs.evolve``, and write it back with
``dumps`` (or ``dump``): ``dumps(loads(text)) == text`` for every text.
"""

from __future__ import annotations

from .api import dump, dumps, load, loads
from .content import same_content
from .errors import ParseError, TazFormatError
from .export import to_dict
from .markdown import to_markdown
from .models import Article, Diagnostic, Document, Listing

__version__ = "0.1.0"
"""The package version (the one place it is set)."""

__all__ = [
    "Article",
    "Diagnostic",
    "Document",
    "Listing",
    "ParseError",
    "TazFormatError",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
    "same_content",
    "to_dict",
    "to_markdown",
    "to_text",
]
