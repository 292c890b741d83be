"""Fuzzing with Hypothesis: mutated captures never crash and stay exact.

Each property takes a real sample (or the bundled demo when there is no
corpus) and damages it the ways captures get damaged — cut anywhere, rows
spliced from another sample, rows shuffled, frame pieces inserted, line
endings changed — and asserts that ``loads`` does not raise, that
``dumps(loads(text)) == text``, and that strict mode raises nothing but
``ParseError``. Together they run well over 2000 examples.
"""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import tazformat
from conftest import corpus_files
from tazformat.cli import demo_bytes

EXAMPLES = 500


@cache
def samples() -> tuple[str, ...]:
    """The corpus texts, or the demo document where there is no corpus."""
    found = tuple(Path(p).read_text(encoding="utf-8") for p in corpus_files())
    return found or (demo_bytes().decode("utf-8"),)


sample = st.integers(min_value=0).map(lambda i: samples()[i % len(samples())])
PIECES = ["| ", " | |", " |", "|", "[1][", "]", "## ", "> ", "Bild: ", " (DIR) ", "       ", "…"]


def check(text: str) -> None:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert list(doc.diagnostics) == sorted(doc.diagnostics, key=lambda d: (d.line, d.column))
    with contextlib.suppress(tazformat.ParseError):
        tazformat.loads(text, strict=True)


@settings(max_examples=EXAMPLES, deadline=None)
@given(sample, st.data())
def test_cut_anywhere(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text[start:end])


@settings(max_examples=EXAMPLES, deadline=None)
@given(sample, sample, st.data())
def test_rows_spliced_and_shuffled(first: str, second: str, data: st.DataObject) -> None:
    rows = first.splitlines(keepends=True)
    other = second.splitlines(keepends=True)
    at = data.draw(st.integers(0, len(rows)))
    taken = data.draw(st.lists(st.sampled_from(other), max_size=8)) if other else []
    rows[at:at] = taken
    if data.draw(st.booleans()):
        rows = data.draw(st.permutations(rows))
    check("".join(rows))


@settings(max_examples=EXAMPLES, deadline=None)
@given(sample, st.data())
def test_frame_pieces_inserted(text: str, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at:]
    check(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(sample, st.sampled_from(["\r\n", "\r", "\n\n", "\n       \n", "\x00\n", "\t\n"]), st.data())
def test_line_endings_changed(text: str, newline: str, data: st.DataObject) -> None:
    rows = text.split("\n")
    chosen = data.draw(st.sets(st.integers(0, max(len(rows) - 1, 0)), max_size=len(rows)))
    check("".join(row + (newline if i in chosen else "\n") for i, row in enumerate(rows))[:-1])
