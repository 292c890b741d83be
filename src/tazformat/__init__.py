"""tazformat: read and write the taz text dump format, byte for byte.

>>> import tazformat
>>> doc = tazformat.loads(text)          # doctest: +SKIP
>>> tazformat.dumps(doc) == text          # doctest: +SKIP
True
"""

from __future__ import annotations

from .api import dump, dumps, load, loads
from .errors import ParseError, TazFormatError
from .export import to_dict
from .models import Article, Diagnostic, Document, Listing

__version__ = "0.1.0"

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
    "to_dict",
]
