"""Reading structure from body rows: turns, ticker items, leads and tails.

Each rule is tested where it fires and where it must not, on pages written
here in the format, and over the corpus where no markup may leak.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

import tazformat
from tazformat.interviews import QUESTION_ROWS
from tazformat.references import strip_references


def framed(title: str, *rows: str) -> str:
    """A meulie-framed article: heading, a lead, then ``rows`` (blank rows dropped)."""
    lines = [f"# taz.de -- {title}", "> Ein Vorspann, der endet.", *rows]
    return "".join(f"| {line} | |\n" for line in lines)


def menu(title: str, *blocks: str) -> str:
    """A gopher-menu article: heading, a lead, then ``blocks`` between blank rows."""
    out = [f"# taz.de -- {title}\n", "       \n", "       > Ein Vorspann, der endet.\n"]
    for block in blocks:
        out.append("       \n")
        out.extend(f"       {row}\n" for row in block.split("\n"))
    return "".join(out)


def read(text: str) -> dict[str, Any]:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    return tazformat.to_dict(doc)


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(t["speaker"], t["note"]) for t in read(text)["turns"]]


# -- interviews ---------------------------------------------------------------


def test_speaker_with_stage_note_opens_a_turn() -> None:
    text = menu(
        "Gespräch: Über Kühe",
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger (lacht): Zu viele, sagt mein Mann.",
        "taz: Und was sagen Sie?",
        "Anna Berger: Genau so viele, wie ich brauche.",
    )
    turns = read(text)["turns"]
    assert speakers(text) == [
        ("taz", None),
        ("Anna Berger", "lacht"),
        ("taz", None),
        ("Anna Berger", None),
    ]
    assert turns[1]["text"] == "Zu viele, sagt mein Mann."


def test_bracket_later_in_a_row_is_no_stage_note() -> None:
    text = menu(
        "Gespräch: Über Kühe",
        "taz: Wie viele Kühe (ungefähr) haben Sie?",
        "Anna Berger: Zwölf (und ein Kalb).",
    )
    assert speakers(text) == [("taz", None), ("Anna Berger", None)]


def test_unmarked_question_with_blank_rows_is_its_own_turn() -> None:
    text = menu(
        "Gespräch: Über Kühe",
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf, und jede hat einen Namen.",
        "Welcher ist der schönste?",
        "Die Lotte, ohne Frage.",
        "Sie lacht dabei, und dann erzählt sie lange von der Lotte.",
    )
    turns = read(text)["turns"]
    assert [(t["speaker"], t["text"]) for t in turns] == [
        ("taz", "Frau Berger, wie viele Kühe haben Sie?"),
        ("Anna Berger", "Zwölf, und jede hat einen Namen."),
        ("taz", "Welcher ist der schönste?"),
        (
            "Anna Berger",
            "Die Lotte, ohne Frage. Sie lacht dabei, und dann erzählt sie lange von der Lotte.",
        ),
    ]


def test_unmarked_question_without_blank_rows_is_found_by_the_wrap() -> None:
    text = framed(
        "Gespräch: Über Kühe",
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf, und jede hat einen Namen, den die Kinder ausgesucht",
        "haben.",
        "Welcher ist der schönste?",
        "Die Lotte, ohne Frage.",
    )
    assert [(t["speaker"], t["text"]) for t in read(text)["turns"]][2:] == [
        ("taz", "Welcher ist der schönste?"),
        ("Anna Berger", "Die Lotte, ohne Frage."),
    ]


def test_answer_with_several_answerers_has_no_speaker() -> None:
    text = menu(
        "Streitgespräch: Über Kühe",
        "taz: Wie viele Kühe braucht ein Dorf?",
        "Anna: Zwölf.",
        "Bernd: Keine einzige.",
        "Und wer melkt sie?",
        "Das machen alle zusammen.",
    )
    assert speakers(text)[-2:] == [("taz", None), (None, None)]


def test_question_in_a_full_row_inside_an_answer_stays_with_the_answer() -> None:
    text = framed(
        "Gespräch: Über Kühe",
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf. Und wissen Sie, was das heißt? Jeden Morgen um fünf Uhr",
        "stehe ich im Stall, auch am Sonntag.",
    )
    assert len(read(text)["turns"]) == 2


def test_long_paragraph_ending_in_a_question_is_an_answer() -> None:
    answer = textwrap.fill(" ".join(["Ich melke jeden Morgen und jeden Abend."] * 8), 75)
    assert answer.count("\n") >= QUESTION_ROWS
    text = menu(
        "Gespräch: Über Kühe",
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf.",
        answer[:-1] + "?",
        "Nein, so ist das.",
    )
    turns = read(text)["turns"]
    assert [t["speaker"] for t in turns] == ["taz", "Anna Berger"]


def test_glossary_of_terms_is_no_interview() -> None:
    text = menu(
        "Fußball von A bis Z: Die Begriffe",
        "Abseits: Eine Regel, die niemand erklären kann.",
        "Eckball: Ein Stoß von der Ecke des Feldes.",
        "Flanke: Ein hoher Ball von der Seite vor das Tor.",
        "Torwart: Wer darf hier die Hände nehmen?",
    )
    assert read(text)["turns"] == []


def test_distinct_speakers_who_ask_are_an_interview() -> None:
    text = menu(
        "Gespräch: Über Kühe",
        "taz: Wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf.",
    )
    assert len(read(text)["turns"]) == 2


# -- tickers ------------------------------------------------------------------


def test_place_and_clock_time_heading_row_opens_an_item() -> None:
    text = framed(
        "+++ Nachrichten zum Sturm +++: Bäume fallen",
        "Husum, 7:41 (MEZ):",
        "Der Sturm hat die Küste erreicht.",
        "Kiel, 9.05 Uhr: Die Fähren fahren nicht.",
    )
    items = read(text)["ticker"]
    assert [(i["place"], i["time"], i["zone"], i["text"]) for i in items] == [
        ("Husum", "7:41", "MEZ", "Der Sturm hat die Küste erreicht."),
        ("Kiel", "9.05 Uhr", None, "Die Fähren fahren nicht."),
    ]


def test_place_with_words_and_no_zone_is_no_item() -> None:
    text = framed("Sturm: Bäume fallen", "Husum, am Morgen: Der Sturm hat die Küste erreicht.")
    assert read(text)["ticker"] == []


def test_headline_rows_between_paragraphs_open_items() -> None:
    text = framed(
        "+++ Nachrichten zum Sturm +++: Bäume fallen",
        "Sturm erreicht die Küste",
        "Der Sturm hat am Morgen die Küste erreicht, die Deiche halten.",
        "Fähren bleiben im Hafen",
        "Die Reedereien haben alle Fahrten abgesagt.",
    )
    items = read(text)["ticker"]
    assert [(i["heading"], i["text"]) for i in items] == [
        (
            "Sturm erreicht die Küste",
            "Der Sturm hat am Morgen die Küste erreicht, die Deiche halten.",
        ),
        ("Fähren bleiben im Hafen", "Die Reedereien haben alle Fahrten abgesagt."),
    ]


def test_agency_credit_makes_a_ticker_page() -> None:
    text = framed(
        "Sturm an der Küste: Bäume fallen",
        "Sturm erreicht die Küste",
        "Der Sturm hat am Morgen die Küste erreicht. (dpa)",
        "Fähren bleiben im Hafen",
        "Die Reedereien haben alle Fahrten abgesagt. (afp, rtr)",
    )
    assert [i["heading"] for i in read(text)["ticker"]] == [
        "Sturm erreicht die Küste",
        "Fähren bleiben im Hafen",
    ]


def test_short_rows_on_an_ordinary_page_are_no_items() -> None:
    text = framed(
        "Sturm an der Küste: Bäume fallen",
        "Sturm erreicht die Küste",
        "Der Sturm hat am Morgen die Küste erreicht.",
    )
    assert read(text)["ticker"] == []


def test_row_inside_a_paragraph_is_no_headline() -> None:
    text = framed(
        "+++ Nachrichten zum Sturm +++: Bäume fallen",
        "Der Sturm hat am Morgen die Küste erreicht, und die Deiche halten bis",
        "Mittag stand",
        "Wasser in den Straßen.",
    )
    assert read(text)["ticker"] == []


@pytest.mark.parametrize("row", ["##", "## "])
def test_empty_subhead_leaks_nothing(row: str) -> None:
    text = framed(
        "+++ Nachrichten zum Sturm +++: Bäume fallen",
        row,
        "Der Sturm hat die Küste erreicht.",
    )
    data = read(text)
    assert data["text"] == "Der Sturm hat die Küste erreicht."
    assert [i["text"] for i in data["ticker"]] == ["Der Sturm hat die Küste erreicht."]


def test_reference_cut_by_the_capture_leaks_no_markup() -> None:
    text = framed("Sturm: Bäume fallen", "Lesen Sie auch [4][den Bericht vom").removesuffix(
        " | |\n"
    )
    assert read(text)["text"] == "Lesen Sie auch den Bericht vom"
    assert strip_references("Preis [in Euro] und [4") == "Preis [in Euro] und "


def test_closed_references_are_unchanged() -> None:
    assert strip_references("a[1][uf die Planung] [2][die [neue] Regel]s") == (
        "auf die Planung die [neue] Regels"
    )


# -- leads --------------------------------------------------------------------

LEAD = "Donnerstag ist Gedichtetag auf der Wahrheit, und heute reimt sich alles."


def test_gemini_lead_without_blank_rows_is_found() -> None:
    text = f"taz.de -- Die Wahrheit: Reime\n{LEAD}\nDer Reim ist kurz,\ndie Zeit ist lang."
    data = read(text)
    assert data["lead"] == LEAD
    assert not data["text"].startswith("Donnerstag")


def test_gemini_lead_without_kicker_found_by_the_date_row() -> None:
    text = f"taz.de -- Reime\n{LEAD}\nDer Reim ist kurz.\n4 Jul 2013\nTAGS\nGedicht"
    assert read(text)["lead"] == LEAD


def test_gemini_listing_without_blank_rows_has_no_lead() -> None:
    text = f"taz.de -- Nord\n{LEAD}\nIm Hafen wird gestreikt, und die Kräne stehen still."
    data = read(text)
    assert data["kind"] == "listing"
    assert data["entries"]


def test_gemini_first_row_without_sentence_end_is_no_lead() -> None:
    text = "taz.de -- Die Wahrheit: Reime\nDer Reim ist kurz,\ndie Zeit ist lang.\n4 Jul 2013\n"
    assert read(text)["lead"] is None


# -- tails --------------------------------------------------------------------


def test_trailing_and_doubled_blanks_in_list_items_are_framing() -> None:
    text = (
        "# taz.de -- Sturm: Bäume fallen\n       \n       > Ein Vorspann.\n       \n"
        "       Der Sturm kam.\n       \n       4 Jul 2013\n       \n"
        "       ## AUTOREN\n       \n (DIR) Anna  Berger \n       \n"
        "       ## TAGS\n       \n (DIR) Schwerpunkt Sturm \n (DIR) Küste\n       \n"
        "       ## ARTIKEL ZUM THEMA\n       \n (DIR) Orkan:  Die Nacht \n"
        "       Ein Bericht aus der Nacht. \n"
    )
    data = read(text)
    assert data["tags"] == ["Schwerpunkt Sturm", "Küste"]
    assert data["authors"] == ["Anna Berger"]
    assert data["related"][0]["title"] == "Orkan: Die Nacht"
    assert data["related"][0]["headline"] == "Die Nacht"
    assert data["related"][0]["teaser"] == "Ein Bericht aus der Nacht."


# -- the corpus: nothing leaks --------------------------------------------------

_LEAKS = re.compile(r"## |\[\d+(?!\d)(?!\])|\[\d+\]\[[^\]]*$|^\| | \|$|^\s|\s$|  ")


def _values(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every value a reader takes as text: body, turns, items, list items, titles."""
    if data["kind"] == "listing":
        return [("title", e["title"]) for e in data["entries"] if e["title"]]
    if data["kind"] != "article":
        return []
    found = [("text", block) for block in data["text"].split("\n\n")]
    found += [("tags", tag) for tag in data["tags"]]
    found += [("authors", author) for author in data["authors"]]
    found += [("turns", turn["text"]) for turn in data["turns"]]
    found += [("ticker", item["text"]) for item in data["ticker"]]
    return found + [("title", e["title"]) for e in data["related"] if e["title"]]


def test_no_markup_or_blank_leaks_in_the_corpus(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8", errors="surrogateescape")
    data = read(text)
    leaks = [(field, value) for field, value in _values(data) if _LEAKS.search(value)]
    assert leaks == []
