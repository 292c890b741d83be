"""An atheris harness: ``loads`` never crashes and always round-trips.

Run it (it is not part of the pytest suite)::

    pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_loads.py -max_total_time=600 [CORPUS_DIR ...]

Each input is tried as bytes (decoded with ``surrogateescape``) and as text;
a crash, an exception in tolerant mode, a non-``ParseError`` in strict mode,
or an inexact round trip stops the run with the input saved by libFuzzer.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import tazformat


def check(data: bytes) -> None:
    """The properties every input must have."""
    doc = tazformat.loads(data)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == data
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    assert tazformat.dumps(tazformat.loads(text)) == text
    with contextlib.suppress(tazformat.ParseError):
        tazformat.loads(text, strict=True)


def main() -> None:
    """Hand ``check`` to libFuzzer."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
