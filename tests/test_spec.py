r"""The numbered examples of ``docs/spec.md``, run against the library.

Each example is a ``taz`` block (the input; ``taz nonewline`` when the text
ends without a line break, ``taz escaped`` when ``\t`` and ``\r`` stand for
a TAB and a carriage return) followed by a ``json`` block with the data
``to_dict`` gives for it, compared whole: the block shows every key whose
value is not empty, and every key it leaves out must hold its empty value
(``null``, ``false``, ``""``, ``[]`` or ``{}``). The rule applies inside
the objects it shows too (an entry, a link, a diagnostic), and lists are
compared item by item, so an unexpected non-empty value, a missing item or
an extra one fails. Every example must also round-trip exactly.
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
EMPTY: tuple[Any, ...] = (None, False, "", [], {})
"""The values a key an example leaves out must hold."""


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


def is_empty(value: Any) -> bool:
    """Whether ``value`` is an empty value (``0`` and ``0.0`` are not)."""
    return any(type(value) is type(empty) and value == empty for empty in EMPTY)


def differences(shown: Any, data: Any, path: str = "") -> list[str]:
    """Where ``data`` differs from what an example ``shows``, one line a field.

    Objects: each key shown must match, each key left out must be empty.
    Lists: the same length, and item by item. Other values: equal and of the
    same type (``false`` is not ``0``).
    """
    if isinstance(shown, dict) and isinstance(data, dict):
        found = [
            f"{path}{'.' if path else ''}{key}: missing, the example shows {shown[key]!r}"
            for key in shown
            if key not in data
        ]
        for key, value in data.items():
            where = f"{path}{'.' if path else ''}{key}"
            if key in shown:
                found += differences(shown[key], value, where)
            elif not is_empty(value):
                found.append(f"{where}: {value!r}, not shown in the example (so it must be empty)")
        return found
    if isinstance(shown, list) and isinstance(data, list):
        found = []
        if len(shown) != len(data):
            found.append(f"{path}: {len(data)} items, the example shows {len(shown)}")
        for index, (item, value) in enumerate(zip(shown, data, strict=False)):
            found += differences(item, value, f"{path}[{index}]")
        return found
    if type(shown) is not type(data) or shown != data:
        return [f"{path}: {data!r}, the example shows {shown!r}"]
    return []


def test_examples_are_numbered_in_order() -> None:
    mentioned = re.findall(r"\*\*Example (\d+)\*\*", SPEC.read_text(encoding="utf-8"))
    assert [number for number, _, _ in EXAMPLES] == list(range(1, len(mentioned) + 1))
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(
    ("number", "text", "expected"), EXAMPLES, ids=[str(number) for number, _, _ in EXAMPLES]
)
def test_example(number: int, text: str, expected: dict[str, Any]) -> None:
    doc = tazformat.loads(text)
    assert differences(expected, tazformat.to_dict(doc)) == []
    assert tazformat.dumps(doc) == text


def test_a_key_left_out_must_be_empty() -> None:
    data = {"kind": "listing", "notes": [], "title": "Nord", "truncated": False, "kicker": None}
    assert differences({"kind": "listing", "title": "Nord"}, data) == []
    data["notes"] = ["Mehr"]
    assert differences({"kind": "listing", "title": "Nord"}, data) == [
        "notes: ['Mehr'], not shown in the example (so it must be empty)"
    ]


def test_the_rule_holds_inside_shown_objects_and_lists() -> None:
    data = {"entries": [{"title": "A", "kicker": None}, {"title": "B", "kicker": "K"}]}
    assert differences({"entries": [{"title": "A"}, {"title": "B", "kicker": "K"}]}, data) == []
    assert differences({"entries": [{"title": "A"}, {"title": "B"}]}, data) == [
        "entries[1].kicker: 'K', not shown in the example (so it must be empty)"
    ]
    assert differences({"entries": [{"title": "A"}]}, data) == [
        "entries: 2 items, the example shows 1"
    ]


def test_a_shown_value_must_match_in_value_and_type() -> None:
    assert differences({"number": 0}, {"number": 0}) == []
    assert differences({"number": 0}, {"number": False}) == ["number: False, the example shows 0"]
    assert differences({"title": "A"}, {}) == ["title: missing, the example shows 'A'"]
    assert not is_empty(0)
    assert is_empty(False)
