"""Paragraph rules at the edges, and the smaller rules of Meaning II.

Where blank rows were dropped, ``tazformat.wrapping.ends_block`` reads a
paragraph end from the room a row leaves; these tests pin the rules read
before the room (lower-case rows, label rows, introductions after a
subhead, the capture's cut end), the wrap width's boundary, rows of only
U+2800, datelines in capitals, tickers without ``+++`` and references cut
by the capture's end. The text is written for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tazformat
from tazformat.damage import is_cut_row
from tazformat.models import Article, Paragraph, Subhead
from tazformat.wrapping import (
    SHORT_ROW,
    WRAP,
    ends_block,
    ends_sentence,
    is_blank_like,
    is_full,
    opens_with_label,
)

HEAD = "| # taz.de -- Verkehr: Die Straße ist zu | |\n| > Der Bezirk sperrt. | |\n"
DATE = "| 3 Oct 2025 | |\n"


def framed(rows: list[str], date: bool = True, newline: bool = True) -> str:
    """An article in meulie-framed (no blank rows) with ``rows`` as its body."""
    body = "\n".join(f"| {row} | |" for row in rows) + ("\n" if newline else "")
    return HEAD + body + (DATE if date else "")


def blocks(text: str) -> list[list[str] | str]:
    """The body as read: a paragraph as its rows, a subhead as ``## text``."""
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    assert isinstance(doc.page, Article)
    found: list[list[str] | str] = []
    for block in doc.page.body:
        if isinstance(block, Paragraph):
            found.append([line.text for line in block.lines])
        elif isinstance(block, Subhead):
            found.append("## " + block.text)
    return found


# --- a row that starts in lower case -----------------------------------------

PROSE = "Die Verwaltung hat die Pläne für den neuen Radweg am Ufer vorgestellt"
"""A prose row without a sentence end that leaves room for a short word."""


def test_a_lower_case_row_goes_on_after_a_prose_row_without_a_sentence_end() -> None:
    assert len(PROSE) > SHORT_ROW
    assert not is_full(PROSE, "und")
    rows = [PROSE, "und die Anwohner um ihre Meinung gebeten."]
    assert blocks(framed(rows)) == [rows]


def test_a_lower_case_row_after_a_sentence_end_or_a_verse_may_start_a_block() -> None:
    ended = "Die Verwaltung hat die Pläne für den Radweg am Ufer vorgestellt."
    verse = "Am Ufer steht ein Rad"
    assert len(verse) <= SHORT_ROW
    for row in (ended, verse):
        rows = [row, "und niemand fährt."]
        assert blocks(framed(rows)) == [[row], ["und niemand fährt."]]


# --- the wrap width's boundary ---------------------------------------------------


def test_a_word_that_makes_the_row_exactly_the_wrap_width_counts_as_full() -> None:
    row = "Der Rat hat am Montag beschlossen, die Brücke im Sommer zu sanieren."
    assert len(row) == 68
    assert not is_full(row, "Fünf")  # 68 + 1 + 5 = 74: room was left, the row ended there
    assert is_full(row, "Sechs!")  # 68 + 1 + 6 = 75: exactly the width reads as full
    assert blocks(framed([row, "Fünf Wochen dauert es."])) == [[row], ["Fünf Wochen dauert es."]]
    assert blocks(framed([row, "Sechs! Wochen dauert es."])) == [[row, "Sechs! Wochen dauert es."]]


@given(st.integers(1, WRAP), st.integers(1, 20))
def test_is_full_is_the_wrap_width_exactly(length: int, word: int) -> None:
    row, following = "a" * length, "b" * word + " c"
    assert is_full(row, following) == (length + 1 + word >= WRAP)
    assert is_full(row + "  ", "  " + following) == is_full(row, following)  # blanks at the edges


# --- the capture's cut end ---------------------------------------------------------


def test_no_room_is_read_before_a_one_word_row_the_capture_cut() -> None:
    row = "Flüsse sind zwar nur Flüsse, aber da bin ich schon jahrelang"
    rows = [row, "Containerschi"]  # the capture stops inside a word
    assert blocks(framed(rows, date=False, newline=False)) == [rows]


def test_before_a_cut_row_a_sentence_end_or_a_whole_first_word_still_counts() -> None:
    ended = "Dann kommt der Sommer."
    assert blocks(framed([ended, "Und"], date=False, newline=False)) == [[ended], ["Und"]]
    row = "Flüsse sind zwar nur Flüsse, aber"
    rows = [row, "Schiffe fahr"]  # two words: the first is whole, the wrap rule reads it
    assert blocks(framed(rows, date=False, newline=False)) == [[row], ["Schiffe fahr"]]
    whole = "Flüsse sind zwar nur Flüsse, aber da bin ich schon jahrelang"
    assert blocks(framed([whole, "Kapitän"])) == [[whole], ["Kapitän"]]  # a date follows: not cut


# --- label rows and introductions ---------------------------------------------------

GLOSSARY_ROW = "Abschiebung: Die Ausreise wird erzwungen, wenn niemand freiwillig geht."


def test_a_term_row_after_a_sentence_end_starts_a_block() -> None:
    assert len(GLOSSARY_ROW) == 71
    assert is_full(GLOSSARY_ROW, "Duldung:")
    rows = [GLOSSARY_ROW, "Duldung: Eine Abschiebung wird ausgesetzt."]
    assert blocks(framed(rows)) == [[rows[0]], [rows[1]]]


def test_a_term_shaped_row_inside_a_sentence_stays() -> None:
    row = "Am Ende des Abends trat die Bürgermeisterin vor die Presse und sagte"
    rows = [row, "Folgendes: Wir bauen die Brücke neu."]
    assert is_full(row, "Folgendes:")
    assert blocks(framed(rows)) == [rows]


def test_an_intro_row_after_a_subhead_is_its_own_paragraph() -> None:
    intro = "Die wichtigsten Begriffe rund um die Verordnung über den neuen Hafen"
    assert is_full(intro, "Abschiebung:")
    assert not ends_sentence(intro)
    rows = ["Der Senat hat entschieden.", "## Von A bis Z", intro, GLOSSARY_ROW]
    assert blocks(framed(rows)) == [[rows[0]], "## Von A bis Z", [intro], [GLOSSARY_ROW]]


def test_an_intro_ending_in_a_comma_or_not_after_a_subhead_goes_on() -> None:
    intro = "Die wichtigsten Begriffe rund um die Verordnung über den neuen Hafen,"
    rows = ["## Von A bis Z", intro, GLOSSARY_ROW]
    assert blocks(framed(rows)) == ["## Von A bis Z", [intro, GLOSSARY_ROW]]
    plain = "Die wichtigsten Begriffe rund um die Verordnung über den neuen Hafen"
    assert blocks(framed([plain, GLOSSARY_ROW])) == [[plain, GLOSSARY_ROW]]


_ROW_CHARS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzäöüß ABCDEFGHÄÖÜ.,:;!?-–„“\t\u2028\u2800#>|")
)
_HOSTILE_ROWS = st.one_of(
    st.text(_ROW_CHARS, max_size=90),
    st.text(max_size=40),
    st.sampled_from(
        ["", " ", "\t", "## ", "> Lead", "Bild: x", "taz: Was?", "Term:", "\u2028", "…"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(_HOSTILE_ROWS, _HOSTILE_ROWS, st.booleans(), st.booleans())
def test_the_wording_rules_hold_for_any_rows(
    row: str, following: str, opens: bool, cut: bool
) -> None:
    """Each rule, on both sides, for any pair of rows (hostile text included)."""
    result = ends_block(row, following, opens=opens, cut=cut)
    assert isinstance(result, bool)
    if is_cut_row(row):
        assert not result  # a proxy cut lost its end
        return
    if len(row) > WRAP or row.rstrip(" ").endswith("//"):
        return  # unwrapped text and stanza marks end a block (unless a proxy cut it)
    labelled = opens_with_label(following)
    if labelled and ends_sentence(row):
        assert result  # a label row after a sentence end starts a block
    lower = following.lstrip(" ")[:1].islower()
    if lower and not labelled and not ends_sentence(row) and len(row.rstrip(" ")) > SHORT_ROW:
        assert not result  # a lower-case row continues a prose row
    if not labelled and not lower:
        if cut and " " not in following.strip(" "):
            assert result == ends_sentence(row)
        else:
            assert result == (not is_full(row, following))  # else: the room decides


# --- rows of only U+2800 ---------------------------------------------------------------

BLANK = "\u2800"


@given(st.sampled_from(["framed", "menu"]), st.integers(1, 3))
def test_a_row_of_only_braille_blanks_is_no_paragraph(rendering: str, width: int) -> None:
    first, second = "Der Rat hat entschieden.", "Die Brücke wird neu gebaut."
    if rendering == "framed":
        text = framed([first, BLANK * width, second])
    else:
        text = tazformat.dumps(tazformat.loads(framed([first, second])), rendering="gopher-menu")
        text = text.replace(f"       {second}", f"       {BLANK * width}\n       \n       {second}")
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text  # the row is kept as written
    data = tazformat.to_dict(doc)
    assert data["text"] == f"{first}\n\n{second}"
    assert BLANK not in tazformat.to_markdown(doc)


def test_a_row_with_braille_blanks_and_text_is_text() -> None:
    row = f"{BLANK} Der Rat hat entschieden."
    assert not is_blank_like(row)
    assert is_blank_like(f" {BLANK}\t")
    data = tazformat.to_dict(tazformat.loads(framed([row])))
    assert data["text"] == row


# --- datelines in capitals ---------------------------------------------------------------


def _dateline(first_row: str) -> object:
    return tazformat.to_dict(tazformat.loads(framed([first_row])))["dateline"]


def test_a_dateline_in_capitals_without_taz_bar() -> None:
    assert _dateline("KIEL | Der Rat tagt.") == {
        "place": "KIEL",
        "agency": None,
        "places": ["KIEL"],
        "loose": False,
    }
    for row, place in (
        ("BERLIN Die Regierung tagt.", "BERLIN"),
        ("NEW YORK – Der Rat tagt.", "NEW YORK"),
        ("HAMBURG/KIEL „Wir tagen“, sagt sie.", "HAMBURG/KIEL"),
    ):
        found = _dateline(row)
        assert isinstance(found, dict)
        assert (found["place"], found["agency"], found["loose"]) == (place, None, True)


def test_capitals_that_open_a_sentence_are_no_dateline() -> None:
    for row in (
        "USA und China verhandeln.",
        "EU-Kommission tagt.",
        "ES Die Tagung.",
        "Die KIEL Werft",
    ):
        assert _dateline(row) is None
    assert _dateline("Berlin taz | Der Rat.") == {
        "place": "Berlin",
        "agency": "taz",
        "places": ["Berlin"],
        "loose": False,
    }


_PLACES = st.text(st.sampled_from(list("ABCDEFGHIKLMNOPRSTUWÄÖÜ")), min_size=3, max_size=12)


@given(_PLACES, st.sampled_from([" | ", " ", " – "]), st.sampled_from(["Der", "„Wir", "Am"]))
def test_a_capital_place_before_a_capitalised_word_is_read(
    place: str, joint: str, word: str
) -> None:
    found = _dateline(f"{place}{joint}{word} Rat tagt.")
    assert isinstance(found, dict)
    assert found["place"] == place
    assert found["agency"] is None
    assert found["loose"] == (joint != " | ")


@given(_PLACES, st.sampled_from([" der", " und", "-Chef", ": Der", ", sagt"]))
def test_a_capital_word_running_into_a_sentence_is_not_read(place: str, rest: str) -> None:
    assert _dateline(f"{place}{rest} Rat tagt.") is None


# --- tickers without +++ ----------------------------------------------------------------

TICKER_ROWS = [
    "Neue Gespräche in Kairo",
    "Die Delegationen treffen sich am Abend erneut, heißt es aus Kreisen der",
    "Vermittler. Ein Ergebnis wird nicht vor Freitag erwartet.",
    "Hilfslieferungen an der Grenze",
    "An der Grenze warten seit Tagen Lastwagen mit Wasser und Medikamenten.",
]


def _ticker(title: str) -> list[dict[str, object]]:
    text = framed(TICKER_ROWS).replace("Verkehr: Die Straße ist zu", title)
    return tazformat.to_dict(tazformat.loads(text))["ticker"]  # type: ignore[no-any-return]


def test_a_liveticker_without_plus_signs_has_items() -> None:
    items = _ticker("Liveticker Nahost: Gespräche gehen weiter")
    assert [i["heading"] for i in items] == [
        "Neue Gespräche in Kairo",
        "Hilfslieferungen an der Grenze",
    ]
    assert [i["heading"] for i in _ticker("Krieg in Nahost +++ Gespräche gehen weiter")] == [
        "Neue Gespräche in Kairo",
        "Hilfslieferungen an der Grenze",
    ]


def test_a_page_whose_title_names_no_ticker_has_no_items() -> None:
    assert _ticker("Fußsticker: Der Weg zur Grenze") == []
    assert _ticker("Nahost: Gespräche gehen weiter") == []


# --- references cut by the capture's end ---------------------------------------------------


def test_a_reference_cut_open_by_the_capture_end_is_in_links() -> None:
    rows = ["Der Rat verweist auf die [1][Studie] und auf die", "[2][Doktorar"]
    links = tazformat.to_dict(tazformat.loads(framed(rows, date=False, newline=False)))["links"]
    assert [(link["number"], link["text"], link["target"]) for link in links] == [
        (1, "Studie", None),
        (2, "Doktorar", None),
    ]


def test_a_reference_whose_number_may_be_cut_is_not_in_links() -> None:
    for end in ("[2", "[2]", "["):
        rows = ["Der Rat verweist auf die [1][Studie] und auf die", end]
        links = tazformat.to_dict(tazformat.loads(framed(rows, date=False, newline=False)))["links"]
        assert [link["number"] for link in links] == [1]


@given(st.integers(1, 99), st.text(st.sampled_from(list("abc ÄÖ,.-„“")), max_size=20))
def test_any_reference_the_end_cut_open_is_read_with_what_it_holds(number: int, held: str) -> None:
    rows = ["Der Rat verweist auf die Studie und auf die", f"[{number}][Doktor{held}"]
    links = tazformat.to_dict(tazformat.loads(framed(rows, date=False, newline=False)))["links"]
    assert [link["number"] for link in links] == [number]
    assert " ".join(str(links[0]["text"]).split()) == " ".join(f"Doktor{held}".split())
