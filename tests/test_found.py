"""How sure each structure is: ``found`` says ``marked`` or ``inferred`` (spec § 2.9)."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tazformat
from strategies import article_documents
from tazformat.models import Article, Listing, Paragraph, Subhead
from tazformat.vocabulary import Found

BLANK_ROWS = (
    "# taz.de -- Stadt: Ein Platz\n"
    "\n"
    "Der Bezirk plant seit Jahren um, und die Anwohner wissen das.\n"
    "\n"
    "Die Bäume kommen im Herbst.\n"
    "\n"
    "3 Oct 2025\n"
)
"""An article whose blank rows mark its paragraphs (plain rendering)."""

NO_BLANK_ROWS = (
    "| # taz.de -- Stadt: Ein Platz | |\n"
    "| Der Bezirk plant seit Jahren um, und die Anwohner wissen das. | |\n"
    "| Die Bäume kommen im Herbst. | |\n"
    "| ## Was die Leute sagen | |\n"
    "| Viele freuen sich. | |\n"
    "| 3 Oct 2025 | |\n"
)
"""The same kind of article where the proxy dropped blank rows (meulie framed)."""


def _article(text: str) -> Article:
    page = tazformat.loads(text).page
    assert isinstance(page, Article)
    return page


def test_paragraphs_that_blank_rows_end_are_marked() -> None:
    page = _article(BLANK_ROWS)
    assert [p.found for p in page.paragraphs] == [Found.MARKED, Found.MARKED]
    assert [p["found"] for p in tazformat.to_dict(tazformat.loads(BLANK_ROWS))["paragraphs"]] == [
        "marked",
        "marked",
    ]


def test_paragraphs_the_wrap_rule_ends_are_inferred_and_a_subhead_is_a_mark() -> None:
    page = _article(NO_BLANK_ROWS)
    assert [type(b).__name__ for b in page.body] == [
        "Paragraph",
        "Paragraph",
        "Subhead",
        "Paragraph",
    ]
    found = [b.found for b in page.body if isinstance(b, Paragraph)]
    # the first two meet where the wrap rule read an end; the last stands between a
    # subhead and the body's end, both marks of the text
    assert found == [Found.INFERRED, Found.INFERRED, Found.MARKED]


def test_found_is_no_part_of_equality_and_survives_a_round_trip() -> None:
    page = _article(NO_BLANK_ROWS)
    paragraph = page.paragraphs[0]
    assert attrs.evolve(paragraph, found=Found.MARKED) == paragraph
    assert str(Found.INFERRED) == "inferred"
    doc = tazformat.loads(NO_BLANK_ROWS)
    assert tazformat.dumps(doc) == NO_BLANK_ROWS


def test_entries_of_link_rows_are_marked_and_read_by_wording_inferred() -> None:
    linked = tazformat.loads(
        "# taz.de -- Nord\n"
        "       \n"
        " (DIR) Hafen: Die Kräne stehen still\n"
        "       \n"
        "       Seit Montag wird gestreikt.\n"
    )
    assert isinstance(linked.page, Listing)
    assert [e.found for e in linked.page.entries] == [Found.MARKED]
    plain = tazformat.loads(tazformat.dumps(linked, rendering="meulie-framed"))
    assert isinstance(plain.page, Listing)
    assert [e.found for e in plain.page.entries] == [Found.INFERRED]
    assert [e["found"] for e in tazformat.to_dict(plain)["entries"]] == ["inferred"]


def _neighbours_are_marks(body: tuple[object, ...], index: int) -> bool:
    before = body[index - 1] if index else None
    after = body[index + 1] if index + 1 < len(body) else None
    return all(b is None or isinstance(b, Subhead) for b in (before, after))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_documents(), st.sampled_from(["plain", "gopher-menu", "meulie-framed"]))
def test_a_paragraph_is_marked_exactly_where_the_text_marks_both_its_ends(
    doc: tazformat.Document, rendering: str
) -> None:
    back = tazformat.loads(tazformat.dumps(doc, rendering=rendering))
    assert isinstance(back.page, Article)
    body = back.page.body
    keeps_blank_rows = rendering != "meulie-framed"
    for index, block in enumerate(body):
        if not isinstance(block, Paragraph):
            continue
        if keeps_blank_rows or _neighbours_are_marks(body, index):
            assert block.found is Found.MARKED, (index, body)
        else:  # between two paragraphs only the wrap rule tells where one ends
            assert block.found is Found.INFERRED, (index, body)


POEM = (
    "| # taz.de -- Die Wahrheit: Der Reim | |\n"
    "| Der Reim ist kurz, | |\n"
    "| die Zeit ist lang, | |\n"
    "| der Abend kommt | |\n"
    "| mit leisem Klang. | |\n"
    "| 3 Oct 2025 | |\n"
)
"""A poem of one verse a row (meulie framed), written for these tests."""

MARKED_POEM = (
    "# taz.de -- Die Wahrheit: Der Reim\n"
    "\n"
    "Der Reim ist kurz, / die Zeit ist lang, // der Abend kommt / mit leisem Klang.\n"
    "\n"
    "3 Oct 2025\n"
)
"""The same poem set in running text, its verses marked by `` /`` and `` //``."""


def test_verses_read_from_rows_are_inferred_and_verses_split_at_marks_marked() -> None:
    rows = tazformat.to_dict(tazformat.loads(POEM))
    assert rows["poem"] == [
        ["Der Reim ist kurz,", "die Zeit ist lang,", "der Abend kommt", "mit leisem Klang."]
    ]
    assert rows["poem_found"] == "inferred"
    assert table_row(POEM)["inferred"] >= 4
    marks = tazformat.to_dict(tazformat.loads(MARKED_POEM))
    assert marks["poem"] is not None
    assert marks["poem_found"] == "marked"
    prose = tazformat.to_dict(tazformat.loads(BLANK_ROWS))
    assert (prose["poem"], prose["poem_found"]) == (None, None)


def test_turns_say_their_role_and_whether_a_label_opened_them() -> None:
    text = (
        "| # taz.de -- Seenot: Eine Nacht auf See | |\n"
        "| taz: Wie lange fahren Sie schon? | |\n"
        "| Dariush: Seit drei Jahren. | |\n"
        "| Und davor? | |\n"
        "| Frachter, auf der Elbe. | |\n"
        "| 3 Oct 2025 | |\n"
    )
    turns = tazformat.to_dict(tazformat.loads(text))["turns"]
    assert [(t["role"], t["found"]) for t in turns] == [
        ("question", "marked"),
        ("answer", "marked"),
        ("question", "inferred"),
        ("answer", "inferred"),
    ]


def table_row(text: str) -> dict[str, Any]:
    from tazformat import table

    return table.row("poem.txt", tazformat.loads(text))
