r"""The numbered examples of ``docs/spec.md``, run against the library.

Each example is a ``taz`` block (the input; ``taz nonewline`` when the text
ends without a line break, ``taz escaped`` when ``\t`` and ``\r`` stand for
a TAB and a carriage return) followed by a ``json`` block naming the keys of
``to_dict`` it expects. Every example must also round-trip exactly.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import tazformat

SPEC = Path(__file__).resolve().parent.parent / "docs" / "spec.md"
EXAMPLE = re.compile(
    r"\*\*Example (?P<number>\d+)\*\*\n\n"
    r"```taz(?P<nonewline> nonewline)?(?P<escaped> escaped)?\n(?P<text>.*?)```\n\n"
    r"```json\n(?P<expected>.*?)```",
    re.DOTALL,
)


def examples() -> list[tuple[int, str, dict[str, Any]]]:
    """The spec's examples as ``(number, input text, expected data)``."""
    found = []
    for match in EXAMPLE.finditer(SPEC.read_text(encoding="utf-8")):
        text = match.group("text")
        if match.group("nonewline"):
            text = text[:-1]
        if match.group("escaped"):
            text = text.replace("\\r\n", "\r\n").replace("\\t", "\t")
        found.append((int(match.group("number")), text, json.loads(match.group("expected"))))
    return found


EXAMPLES = examples()


def test_examples_are_numbered_in_order() -> None:
    mentioned = re.findall(r"\*\*Example (\d+)\*\*", SPEC.read_text(encoding="utf-8"))
    assert [number for number, _, _ in EXAMPLES] == list(range(1, len(mentioned) + 1))
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(("number", "text", "expected"), EXAMPLES, ids=lambda v: str(v))
def test_example(number: int, text: str, expected: dict[str, Any]) -> None:
    doc = tazformat.loads(text)
    data = tazformat.to_dict(doc)
    assert {key: data.get(key, "<missing>") for key in expected} == expected
    assert tazformat.dumps(doc) == text
