"""Cutting and peeling: the one shortcut gives what the general path gives.

``segments`` cuts a regular text (line feeds only, no blank line after a
line break) with ``str.split``: a property holds it to the general path.
``peel`` has one path, a line at a time, for every rendering.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import texts
from tazformat import rows
from tazformat.renderings import RENDERINGS, Rendering
from tazformat.rows import matched_segments, peel, segments

PROPERTY = settings(max_examples=500, deadline=None)
"""The settings of every property: CI requires at least 500 examples."""

_lines = st.text(alphabet=" \t\r\na|#>", max_size=40)
"""Short texts made mostly of line endings, blanks and frame characters."""


@PROPERTY
@given(st.one_of(texts(), _lines))
def test_segments_of_a_regular_text_are_the_matched_ones(text: str) -> None:
    cut = segments(text)
    assert cut.parts == matched_segments(text)
    assert cut.lines == [part[0] for part in cut.parts]
    if cut.regular:
        assert all(part[1:] == ("\n", "") for part in cut.parts[:-1])


def test_peel_has_one_path() -> None:
    """No sweep beside line-by-line peeling (issue 15: one peeling path)."""
    assert not hasattr(rows, "SWEEP")
    assert not hasattr(rows, "_framed")


@PROPERTY
@given(st.one_of(texts(), _lines), st.sampled_from(RENDERINGS))
def test_a_regular_text_peels_as_any_text_does(text: str, rendering: Rendering) -> None:
    """Rows, framing and damage do not depend on how the text was cut."""
    cut = segments(text)
    assert peel(cut, rendering) == peel(cut._replace(regular=False), rendering)
