"""The grammar accepts every sequence of rows, without error recovery."""

from __future__ import annotations

import itertools
import random

import pytest

from tazformat.grammar import parser, row_text
from tazformat.models import Framing
from tazformat.rows import Row
from tazformat.transformer import CURRENT, Build

KINDS = [
    ("i", "# taz.de -- Fall: Kurz"),
    ("i", "# taz.de"),
    ("i", "> Ein Satz."),
    ("i", "Bild: Ein Bild"),
    ("m", "Bild: Ein Bild"),
    ("i", "## Zwischentitel"),
    ("i", "## LINKS"),
    ("i", "## AUTOREN"),
    ("i", "## TAGS"),
    ("i", "## ARTIKEL ZUM THEMA"),
    ("i", "8 Jan 2022"),
    ("i", "[1] /Slug/!5826872"),
    ("i", "Text"),
    ("i", ""),
    ("l", "Kicker: Titel"),
    ("l", "[1] /Slug/!5826872"),
    ("m", "Ein Bild"),
]
"""One row of every kind the grammar tells apart, with its item type."""


def parse(kinds: tuple[tuple[str, str], ...]) -> object:
    rows = [Row(tag, content, Framing(), n, 1) for n, (tag, content) in enumerate(kinds, 1)]
    token = CURRENT.set(Build(rows))
    try:
        return parser().parse(row_text(rows))  # no on_error: the grammar alone
    finally:
        CURRENT.reset(token)


@pytest.mark.parametrize("length", [1, 2, 3])
def test_every_short_sequence_parses(length: int) -> None:
    for kinds in itertools.product(KINDS, repeat=length):
        parse(kinds)


def test_long_random_sequences_parse() -> None:
    chance = random.Random(1436)
    for _ in range(3000):
        parse(tuple(chance.choice(KINDS) for _ in range(chance.randint(4, 24))))


def test_long_sequences_in_page_order_parse() -> None:
    """Walks that follow a page's order reach the deep states (sections)."""
    chance = random.Random(1965)
    for _ in range(3000):
        kinds = sorted(
            (chance.choice(KINDS) for _ in range(chance.randint(4, 24))),
            key=lambda kind: KINDS.index(kind) + chance.random() * 6,
        )
        parse(tuple(kinds))
