"""The rules for rows that a proxy cut short, and for captures cut at the cap.

Gopher proxies cut a row whose content is longer than 80 bytes of UTF-8 to
its first 79 bytes and append ``…`` (U+2026). When byte 79 falls inside a
multi-byte character, the decoder turns the partial character into U+FFFD,
which then stands before the ``…``. A ``…`` or ``...`` anywhere else, or at
the end of a shorter row, is the author's own and not damage.

Bytes are counted as ``loads`` decoded them: a byte that was not UTF-8
stands as one lone surrogate (``surrogateescape``, U+DC80 to U+DCFF) and
counts one byte; any other lone surrogate counts the three bytes
``surrogatepass`` gives it.

Crawlers keep at most ``EXCERPT_CAP`` bytes of a page: a capture of exactly
that size was cut there, wherever it ends (spec § 4.2).
"""

from __future__ import annotations

import codecs

ROW_LIMIT = 80
"""Longest row content, in UTF-8 bytes, that a proxy passes unchanged."""

CUT_KEEPS = ROW_LIMIT - 1
"""Bytes of content a proxy keeps when it cuts a row."""

EXCERPT_CAP = 2000
"""Bytes of UTF-8 a crawler keeps of a page: a capture this long was cut there."""

ELLIPSIS = "\u2026"
REPLACEMENT = "\ufffd"


def is_cut_row(content: str) -> bool:
    """Say whether a row's content is a proxy cut: 79 bytes, then ``…``.

    Args:
        content: The row's content as served (markup included, framing not).

    Returns:
        True when the content ends in ``…`` and what precedes it is exactly
        79 bytes of UTF-8, or 76 to 78 bytes followed by one U+FFFD standing
        for a character the cut split.

    """
    if not content.endswith(ELLIPSIS):
        return False
    kept = content[:-1]
    if kept.endswith(REPLACEMENT):
        whole = utf8_size(kept[:-1])
        if CUT_KEEPS - 3 <= whole < CUT_KEEPS:
            return True
    return utf8_size(kept) == CUT_KEEPS


def utf8_size(text: str) -> int:
    """How many bytes ``text`` was before ``loads`` decoded it.

    A character counts its UTF-8 bytes; a lone surrogate U+DC80 to U+DCFF,
    which ``surrogateescape`` makes of a byte that was not UTF-8, counts that
    one byte; any other lone surrogate counts three bytes.
    """
    try:
        return len(text.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:  # a lone surrogate that no byte escapes
        return len(text.encode("utf-8", KEEP_BYTES))


def at_excerpt_cap(text: str) -> bool:
    """Say whether ``text`` is exactly ``EXCERPT_CAP`` bytes long, as ``utf8_size`` counts.

    Cheap for a long text: one that holds more characters than the cap has
    more bytes too, and is not counted.
    """
    return len(text) <= EXCERPT_CAP and utf8_size(text) == EXCERPT_CAP


KEEP_BYTES = "tazformat-keep-bytes"
"""The codec error handler that writes text back as the bytes it was read from.

Encoding, a lone surrogate U+DC80 to U+DCFF is the byte ``surrogateescape``
made it of, any other lone surrogate its three ``surrogatepass`` bytes;
decoding, it is ``surrogateescape``. So every ``str`` that ``loads`` takes
can be written to a binary file (``text.encode("utf-8", KEEP_BYTES)``).
"""


def _keep_bytes(error: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        return codecs.lookup_error("surrogateescape")(error)
    chars = error.object[error.start : error.end]
    kept = b"".join(
        bytes([ord(char) - 0xDC00])
        if 0xDC80 <= ord(char) <= 0xDCFF
        else char.encode("utf-8", "surrogatepass")
        for char in chars
    )
    return kept, error.end


codecs.register_error(KEEP_BYTES, _keep_bytes)
