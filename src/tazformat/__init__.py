"""tazformat: read and write the taz text dump format, byte for byte.

Parse a dump with ``loads`` (or ``load``), read its data from the typed
models or ``to_dict``, edit with ``attrs.evolve``, and write it back with
``dumps`` (or ``dump``): ``dumps(loads(text)) == text`` for every text.
"""

from __future__ import annotations

from .api import dump
from .api import dumps
from .api import load
from .api import loads
from .bundled import demo
from .content import same_content
from .errors import ParseError
from .errors import TazFormatError
from .errors import UnknownRendering
from .export import to_dict
from .markdown import to_markdown
from .models import Article
from .models import Diagnostic
from .models import Document
from .models import Listing
from .plaintext import to_text
from .errors import EditError

__version__ = "0.1.0"
"""The package version (the one place it is set)."""

__all__ = [
    "Article",
    "Diagnostic",
    "Document",
    "EditError",
    "Listing",
    "ParseError",
    "TazFormatError",
    "UnknownRendering",
    "__version__",
    "demo",
    "dump",
    "dumps",
    "load",
    "loads",
    "same_content",
    "to_dict",
    "to_markdown",
    "to_text",
]
