"""Properties of the turn and verse rules over generated interviews and poems (issue 22).

Each rule is held on both sides: turns are read where labels run
throughout, where they stop after the first pair (turn by turn, or with
answers of several paragraphs), and not at all where fewer than two labels
stand; verses are read with the rows that are no verses around them, and
no poem is read from a labelled interview. Pages are written in gopher-menu
(blank rows kept) and meulie-framed (blank rows dropped).
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tazformat
from meaning_strategies import (
    Interview,
    Poem,
    ends_seen,
    gopher_menu,
    interviews,
    meulie_framed,
    poem_page,
    poems,
)
from tazformat.speakers import label

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _read(text: str) -> dict[str, Any]:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    return tazformat.to_dict(doc)


def _pages(interview: Interview, blank_rows: bool) -> str:
    blocks = tuple(rows for _, rows in interview.blocks)
    if blank_rows:
        return gopher_menu(blocks)
    # without blank rows the wrap rule must see each end, or a label start the next turn
    assume(
        all(
            ends_seen((block, after)) or label(after[0]) is not None
            for block, after in itertools.pairwise(blocks)
        )
    )
    return meulie_framed(blocks)


def _roles(data: dict[str, Any], interview: Interview) -> None:
    turns = data["turns"]
    assert [turn["speaker"] for turn in turns] == [speaker for speaker, _ in interview.turns]
    roles = [role for _, role in interview.turns]
    assert all(turn["text"] for turn, role in zip(turns, roles, strict=True) if role == "question")


@SETTINGS
@given(interviews(labels="throughout"), st.booleans())
def test_labelled_interviews_read_every_turn(interview: Interview, blank_rows: bool) -> None:
    """Labels throughout: each label's role holds, answers of several paragraphs stay one turn."""
    data = _read(_pages(interview, blank_rows))
    _roles(data, interview)
    assert data["poem"] is None  # labels that recur mark an interview: no verses


@SETTINGS
@given(interviews(labels="stop"), st.booleans())
def test_once_the_labels_stop_turns_alternate(interview: Interview, blank_rows: bool) -> None:
    """Labels only in the first pair, one block a turn: statement questions and ``Ja.`` count."""
    _roles(_read(_pages(interview, blank_rows)), interview)


@SETTINGS
@given(interviews(labels="long"), st.booleans())
def test_answers_of_several_paragraphs_are_not_split(
    interview: Interview, blank_rows: bool
) -> None:
    """Labels only in the first pair, long answers of several paragraphs: no false questions."""
    _roles(_read(_pages(interview, blank_rows)), interview)


@SETTINGS
@given(interviews(labels="stop"), st.integers(0, 1))
def test_fewer_than_two_labels_give_no_turns(interview: Interview, keep: int) -> None:
    """With one label or none, a page of questions and answers has no turns."""
    blocks: list[tuple[str, ...]] = []
    for _, rows in interview.blocks:
        match = label(rows[0])
        if match is not None and not keep:
            rows = (rows[0][match.end() :], *rows[1:])
        elif match is not None:
            keep -= 1
        blocks.append(rows)
    assert _read(gopher_menu(tuple(blocks)))["turns"] == []


HOSTILE = st.sampled_from(
    ["", " ", "\t", "## ", "> Vorspann", "Bild: x", "=> /x", "(lacht)", "\u2028", "Frage: Ja?", "…"]
)


@SETTINGS
@given(interviews(labels="throughout"), HOSTILE, st.integers(0, 20))
def test_hostile_rows_in_an_interview_lose_no_turn(
    interview: Interview, hostile: str, where: int
) -> None:
    """A hostile row anywhere after the first turn: exact round trip, every label still a turn."""
    blocks = [rows for _, rows in interview.blocks]
    first = next(i for i, rows in enumerate(blocks) if label(rows[0]) is not None)
    where = first + 1 + where % len(blocks)
    blocks.insert(where, (hostile,))
    data = _read(gopher_menu(tuple(blocks)))
    labelled = [
        (m.group("speaker"), " ".join(rows)[m.end() :])
        for rows in blocks
        if (m := label(rows[0])) is not None
    ]
    turns = iter(data["turns"])
    for speaker, text in labelled:  # each labelled block opens a turn, in order
        assert any(t["speaker"] == speaker and t["text"].startswith(text) for t in turns)


@SETTINGS
@given(poems(), st.booleans())
def test_poems_keep_every_verse(poem: Poem, blank_rows: bool) -> None:
    """``Word:`` rows, wide rows and glued verses are verses; title, attribution, byline not."""
    found = _read(poem_page(poem, blank_rows=blank_rows))["poem"]
    assert found is not None
    want = [list(stanza) for stanza in poem.stanzas]
    if blank_rows:
        assert found == want
    else:
        assert [verse for stanza in found for verse in stanza] == [
            verse for stanza in want for verse in stanza
        ]
