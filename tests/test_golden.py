"""Golden pins: the whole ``to_dict`` of every corpus sample.

Each corpus sample ``NAME.txt`` has a pin ``tests/golden/NAME.json``: its
``to_dict`` data with the shape as it is (keys, list lengths, numbers,
booleans, nulls) and each string replaced by ``sha256:<12 hex digits>
(<length> chars)``, so that the corpus's text is not copied into the
project. A string is kept as it is only where it is the format's or the
library's vocabulary, never the page's text:

- where the JSON schema fixes its values or form (``enum``, ``const`` or
  ``pattern``: ``kind``, ``diagnostics[].code``, ``date``,
  ``links[].article_id``), read from the schema;
- in the fields the library fills with its own words: ``rendering``,
  ``truncated_fields[]`` and ``diagnostics[].expected[]``.

A pin is compared whole: a changed field fails the test with its path
(``entries[3].title``), the new value read from the corpus and the old pin.
``pytest tests/test_golden.py --update-golden`` rewrites the pins (and
removes those of samples no longer in the corpus), so that each change of
output shows in the diff of ``tests/golden/``. Without a corpus the tests
are skipped (failed under ``CI=true``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import tazformat
from tazformat.export import json_schema

GOLDEN = Path(__file__).resolve().parent / "golden"
"""The folder of pins, one JSON file a corpus sample."""
LIBRARY_WORDS = frozenset({"rendering", "truncated_fields[]", "diagnostics[].expected[]"})
"""Fields whose strings the library writes from its own vocabulary."""
SHOWN = 160
"""How many characters of a new string a failure shows."""


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def schema_words(node: dict[str, Any], schema: dict[str, Any], path: str = "") -> set[str]:
    """Fields (``diagnostics[].code``) where ``schema`` fixes a string's values or form."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    found = {path} if {"enum", "const", "pattern"} & node.keys() else set()
    for alternative in node.get("oneOf", []) + node.get("anyOf", []):
        found |= schema_words(alternative, schema, path)
    for key, sub in node.get("properties", {}).items():
        found |= schema_words(sub, schema, _join(path, key))
    if isinstance(node.get("items"), dict):
        found |= schema_words(node["items"], schema, path + "[]")
    return found


SCHEMA = json_schema()
KEPT = frozenset(schema_words(SCHEMA, SCHEMA) | LIBRARY_WORDS)
"""Fields whose strings a pin keeps as they are; every other string is hashed."""


def digest(text: str) -> str:
    """The pin of a string: a short SHA-256 of its UTF-8 and its length.

    Lone surrogates (bytes of the source that were not UTF-8) are hashed as
    they are (``surrogatepass``).
    """
    hexdigits = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{hexdigits[:12]} ({len(text)} chars)"


def pinned(data: Any, field: str = "") -> Any:
    """``data`` as a pin: its shape as it is, each string hashed unless kept.

    ``field`` is the generic path (``entries[].title``) that decides whether
    a string is kept.
    """
    if isinstance(data, dict):
        return {key: pinned(value, _join(field, key)) for key, value in data.items()}
    if isinstance(data, list):
        return [pinned(value, field + "[]") for value in data]
    if isinstance(data, str) and field not in KEPT:
        return digest(data)
    return data


def show(value: Any, *, length: bool = True) -> str:
    """A value for a failure message (a string with its length unless ``length`` is false)."""
    if isinstance(value, str):
        cut = value if len(value) <= SHOWN else value[:SHOWN] + "…"
        return f"{cut!r} ({len(value)} chars)" if length else repr(cut)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _same(pin: Any, value: Any) -> bool:
    """Whether a scalar ``value`` matches its ``pin`` (a string kept or hashed)."""
    if isinstance(value, str):
        return isinstance(pin, str) and pin in (value, digest(value))
    return type(pin) is type(value) and pin == value


def differences(pin: Any, data: Any, path: str = "") -> list[str]:
    """Where ``data`` (a ``to_dict``) differs from its ``pin``, one line a field.

    Each line names the field's path, shows the new value and the pin.
    """
    if isinstance(pin, dict) and isinstance(data, dict):
        found = []
        for key in sorted(pin.keys() | data.keys()):
            where = _join(path, key)
            if key not in data:
                found.append(f"{where}: gone, pinned {show(pin[key], length=False)}")
            elif key not in pin:
                found.append(f"{where}: new, now {show(data[key])}")
            else:
                found += differences(pin[key], data[key], where)
        return found
    if isinstance(pin, list) and isinstance(data, list):
        found = []
        if len(pin) != len(data):
            found.append(f"{path}: now {len(data)} items, pinned {len(pin)}")
        for index, (old, new) in enumerate(zip(pin, data, strict=False)):
            found += differences(old, new, f"{path}[{index}]")
        found += [f"{path}[{i}]: new, now {show(data[i])}" for i in range(len(pin), len(data))]
        found += [
            f"{path}[{i}]: gone, pinned {show(pin[i], length=False)}"
            for i in range(len(data), len(pin))
        ]
        return found
    if isinstance(pin, (dict, list)) or isinstance(data, (dict, list)) or not _same(pin, data):
        return [f"{path}: now {show(data)}, pinned {show(pin, length=False)}"]
    return []


def pin_text(data: dict[str, Any]) -> str:
    """The text of a pin file for ``to_dict`` data (keys sorted, so diffs stay small)."""
    return json.dumps(pinned(data), indent=2, sort_keys=True) + "\n"


def pin_file(sample: Path) -> Path:
    """The pin of a corpus sample, named after its file."""
    return GOLDEN / f"{sample.stem}.json"


def test_sample_matches_its_pin(sample: Path, update_golden: bool) -> None:
    data = tazformat.to_dict(tazformat.loads(sample.read_bytes()))
    pin = pin_file(sample)
    if update_golden:
        text = pin_text(data)
        if not pin.exists() or pin.read_text(encoding="utf-8") != text:
            GOLDEN.mkdir(exist_ok=True)
            pin.write_text(text, encoding="utf-8")
        return
    if not pin.exists():
        pytest.fail(
            f"{sample.name} has no pin {pin.name}: run pytest tests/test_golden.py --update-golden",
            pytrace=False,
        )
    found = differences(json.loads(pin.read_text(encoding="utf-8")), data)
    if found:
        listed = "\n".join(found[:40]) + (
            f"\n… and {len(found) - 40} more" if len(found) > 40 else ""
        )
        pytest.fail(
            f"to_dict of {sample.name} differs from its pin in {len(found)} fields:\n{listed}\n"
            f"if the change is meant, rewrite the pins with --update-golden",
            pytrace=False,
        )


def test_every_pin_has_its_sample(corpus: Path, update_golden: bool) -> None:
    stale = [
        pin for pin in sorted(GOLDEN.glob("*.json")) if not (corpus / f"{pin.stem}.txt").exists()
    ]
    if update_golden:
        for pin in stale:
            pin.unlink()
        return
    assert [pin.name for pin in stale] == [], (
        "pins without a corpus sample: --update-golden removes them"
    )


# The pin machinery itself.

PAGE: dict[str, Any] = {
    "kind": "listing",
    "rendering": "gopher-menu",
    "title": "Nord",
    "entries": [
        {
            "title": "Hafen: Kräne",
            "kicker": "Hafen",
            "teaser": "Es wird gestreikt.",
            "title_truncated": False,
        },
        {"title": None, "kicker": None, "teaser": "Ohne Titel.", "title_truncated": True},
    ],
    "date": "2026-03-14",
    "truncated": False,
    "truncated_fields": ["entries[1].title"],
    "diagnostics": [
        {
            "code": "cut-row",
            "message": "a proxy cut this row",
            "line": 3,
            "column": 80,
            "expected": ["a row of at most 80 bytes"],
        }
    ],
}


def changed(**edits: Any) -> dict[str, Any]:
    """A copy of ``PAGE`` with its first entry edited."""
    page: dict[str, Any] = json.loads(json.dumps(PAGE))
    page["entries"][0].update(edits)
    return page


def test_hashing_is_stable() -> None:
    assert digest("Nord") == "sha256:85fb49e05191 (4 chars)"
    assert digest("Nord") != digest("Nord ")
    assert digest("kaputt \udcff") == "sha256:f3285a626ec0 (8 chars)"  # a byte that was not UTF-8


def test_a_pin_hashes_text_and_keeps_vocabulary() -> None:
    pin = pinned(PAGE)
    assert pin["title"] == digest("Nord")
    assert pin["entries"][0] == {
        "title": digest("Hafen: Kräne"),
        "kicker": digest("Hafen"),
        "teaser": digest("Es wird gestreikt."),
        "title_truncated": False,
    }
    assert pin["entries"][1]["title"] is None
    assert pin["diagnostics"][0]["message"] == digest("a proxy cut this row")
    kept = {key: pin[key] for key in ("kind", "rendering", "date", "truncated", "truncated_fields")}
    assert kept == {key: PAGE[key] for key in kept}
    assert pin["diagnostics"][0] == {
        **PAGE["diagnostics"][0],
        "message": digest("a proxy cut this row"),
    }
    assert "Hafen" not in pin_text(PAGE)


def test_kept_fields_come_from_the_schema() -> None:
    assert {"kind", "diagnostics[].code", "date", "links[].article_id"} <= KEPT
    assert not {"title", "text", "entries[].title", "diagnostics[].message", "links[].url"} & KEPT


def test_an_unchanged_page_matches_its_pin() -> None:
    assert differences(json.loads(pin_text(PAGE)), PAGE) == []


def test_a_changed_string_is_named_with_its_new_value() -> None:
    assert differences(pinned(PAGE), changed(teaser="Es wird nicht gestreikt.")) == [
        "entries[0].teaser: now 'Es wird nicht gestreikt.' (24 chars),"
        " pinned 'sha256:f852af1b2420 (18 chars)'"
    ]


def test_changed_shapes_and_scalars_are_named() -> None:
    pin = pinned(PAGE)
    assert differences(pin, changed(title_truncated=True)) == [
        "entries[0].title_truncated: now true, pinned false"
    ]
    assert differences(pin, changed(kicker=None)) == [
        "entries[0].kicker: now null, pinned 'sha256:079251db5b49 (5 chars)'"
    ]
    page = changed()
    page["entries"].append({"title": None})
    del page["title"]
    page["notes"] = []
    assert differences(pin, page) == [
        "entries: now 3 items, pinned 2",
        'entries[2]: new, now {"title": null}',
        "notes: new, now []",
        "title: gone, pinned 'sha256:85fb49e05191 (4 chars)'",
    ]
    page = changed()
    page["diagnostics"][0]["line"] = 4
    page["rendering"] = "gopher-menu-flat"
    assert differences(pin, page) == [
        "diagnostics[0].line: now 4, pinned 3",
        "rendering: now 'gopher-menu-flat' (16 chars), pinned 'gopher-menu'",
    ]
    page = changed()
    del page["entries"][1]
    assert differences(pin, page) == [
        "entries: now 1 items, pinned 2",
        "entries[1]: gone, pinned {"
        '"title": null, "kicker": null, "teaser": "sha256:fcfce35e938b (11 chars)",'
        ' "title_truncated": true}',
    ]


def test_a_number_is_not_a_boolean() -> None:
    assert differences({"line": 1}, {"line": True}) == ["line: now true, pinned 1"]
