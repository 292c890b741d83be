"""Interview turns by alternation (issue 22, item 1), each rule on both sides.

Pages are written here in the format (gopher-menu keeps blank rows,
meulie-framed drops them); the interviews are made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

import tazformat
from tazformat import interviews, poems, structure
from tazformat.damage import is_cut_row
from tazformat.models import Article
from tazformat.speakers import label, people, starts_turn

Q, A = "taz", "Anna Berger"


def menu(*blocks: str) -> str:
    """A gopher-menu article: heading, lead, then ``blocks`` between blank rows."""
    out = ["# taz.de -- Gespräch: Über Kühe\n", "       \n", "       > Ein Vorspann.\n"]
    for block in blocks:
        out.append("       \n")
        out.extend(f"       {row}\n" for row in block.split("\n"))
    return "".join(out)


def framed(*rows: str) -> str:
    """A meulie-framed article: heading, lead, then ``rows`` (blank rows dropped)."""
    lines = ["# taz.de -- Gespräch: Über Kühe", "> Ein Vorspann.", *rows]
    return "".join(f"| {line} | |\n" for line in lines)


def read(text: str) -> dict[str, Any]:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    return tazformat.to_dict(doc)


def who(text: str) -> list[str | None]:
    return [turn["speaker"] for turn in read(text)["turns"]]


def test_the_publication_asks_though_its_first_turn_has_no_question_mark() -> None:
    text = menu(
        "taz: Erzählen Sie von der Alm.",
        "Anna Berger: Gern. Wir haben zwölf Kühe.",
        "Und wie viele Kälber?",
        "Drei, und ein viertes ist unterwegs.",
    )
    assert who(text) == [Q, A, Q, A]


def test_without_the_publication_the_first_labelled_asker_asks() -> None:
    text = menu(
        "Anna Berger: Ich habe nicht viel Zeit.",
        "Jan Werner: Warum nicht?",
        "Weil die Kühe warten.",
        "Wie viele sind es?",
        "Zwölf.",
    )
    assert who(text) == [A, "Jan Werner", A, "Jan Werner", A]


def test_an_interviewee_who_opens_stays_the_answerer() -> None:
    text = menu(
        "Anna Berger: Ich habe nicht viel Zeit, die Kühe warten.",
        "taz: Dann erzählen Sie kurz.",
        "Wir haben zwölf Kühe und drei Kälber.",
        "Und Ziegen?",
        "Keine.",
    )
    assert who(text) == [A, Q, A, Q, A]


def test_a_block_after_a_question_is_an_answer_whatever_its_punctuation() -> None:
    text = menu(
        "taz: Wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf.",
        "Kommt die Lotte mit auf die Alm?",
        "Wer weiß das schon?",
        "Sie wissen es also nicht?",
        "Nein.",
    )
    turns = read(text)["turns"]
    assert [t["speaker"] for t in turns] == [Q, A, Q, A, Q, A]
    assert turns[3]["text"] == "Wer weiß das schon?"


def test_a_question_after_an_answer_is_still_a_question() -> None:
    text = menu("taz: Wie viele?", "Anna Berger: Zwölf.", "Und Kälber?", "Drei.")
    assert who(text) == [Q, A, Q, A]


def test_a_short_block_ending_in_an_ellipsis_can_be_a_question() -> None:
    text = menu(
        "taz: Wie war der Sommer?",
        "Anna Berger: Heiß und trocken.",
        "Und dann kam der Winter …",
        "Dann kamen die Wölfe.",
    )
    assert who(text) == [Q, A, Q, A]


def test_a_long_block_ending_in_an_ellipsis_goes_on_with_the_answer() -> None:
    long = "\n".join(["Wir melken früh am Morgen und spät am Abend, jeden Tag im Jahr"] * 5)
    text = menu("taz: Wie war der Sommer?", "Anna Berger: Heiß.", long + " …", "Und so weiter.")
    assert who(text) == [Q, A]


def test_a_stage_note_stays_inside_its_turn() -> None:
    text = menu(
        "taz: Wie viele Kühe haben Sie?",
        "Anna Berger: Zu viele.",
        "(lacht)",
        "Nein, im Ernst: zwölf.",
        "Wirklich?",
        "(Pause)",
        "Ja.",
    )
    turns = read(text)["turns"]
    assert [t["speaker"] for t in turns] == [Q, A, Q, A]
    assert turns[1]["text"] == "Zu viele. (lacht) Nein, im Ernst: zwölf."
    assert turns[2]["text"] == "Wirklich? (Pause)"


def test_once_the_labels_stop_the_speaker_alternates_with_each_block() -> None:
    text = menu(
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf, und jede hat einen Namen.",
        "Sie kennen also alle.",
        "Ja.",
        "Und die Ziegen?",
        "Habe ich keine.",
        "Sie mögen keine Ziegen.",
        "Doch, sehr.",
        "Warum dann keine?",
        "Zu laut.",
    )
    assert who(text) == [Q, A] * 5


def test_paragraphs_of_one_long_answer_are_not_split_into_turns() -> None:
    row = "Wir melken früh am Morgen und spät am Abend, jeden Tag, auch im Winter"
    long = "\n".join([row] * 5) + "."
    text = menu(
        "taz: Wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf.",
        long,
        "Das sagt man so.",
        "Und Ziegen?",
        long,
        "Die Ziegen sind laut.",
        "Warum?",
        "Sie rufen.",
    )
    assert who(text) == [Q, A, Q, A, Q, A]


def test_one_person_under_a_full_and_a_short_name() -> None:
    text = menu(
        "taz: Herr Werner, wie viele Kühe haben Sie?",
        "Jan Werner: Zwölf.",
        "taz: Und Ziegen?",
        "Werner: Keine.",
        "Warum nicht?",
        "Zu laut.",
    )
    assert who(text) == [Q, "Jan Werner", Q, "Werner", Q, "Jan Werner"]


def test_a_short_name_two_people_share_stays_apart() -> None:
    assert people(["Jan Werner", "Werner"]) == {"Jan Werner": "Jan Werner", "Werner": "Jan Werner"}
    assert people(["Jan Werner", "Ute Werner", "Werner"])["Werner"] == "Werner"
    assert people(["taz am wochenende", "taz"])["taz"] == "taz am wochenende"
    text = menu(
        "taz: Wie viele Kühe?",
        "Jan Werner: Zwölf.",
        "Ute Werner: Dreizehn.",
        "Und Ziegen?",
        "Keine.",
    )
    assert who(text)[-1] is None


def test_gegenfrage_is_no_name() -> None:
    assert label("Gegenfrage: Warum fragen Sie?") is None
    assert label("Antwort: Ja.") is None
    assert label("Fragner: Ja.") is not None
    text = menu(
        "taz: Wie geht es Ihnen?",
        "Anna Berger: Gut.",
        "Wie geht es den Kühen?",
        "Gegenfrage: Warum wollen Sie das wissen?",
        "taz: Weil die Leser fragen.",
        "Anna Berger: Dann: gut.",
        "Und den Kälbern?",
        "Auch gut.",
    )
    turns = read(text)["turns"]
    assert [t["speaker"] for t in turns] == [Q, A, Q, A, Q, A, Q, A]
    assert turns[3]["text"] == "Gegenfrage: Warum wollen Sie das wissen?"


def test_a_gegenfrage_inside_an_answer_row_stays_in_the_answer() -> None:
    text = framed(
        "taz: Wie geht es den Kühen?",
        "Anna Berger: Gut.",
        "Gegenfrage: Und Ihnen?",
        "taz: Auch gut.",
        "Anna Berger: Schön.",
    )
    turns = read(text)["turns"]
    assert [t["speaker"] for t in turns] == [Q, A, Q, A]
    assert turns[1]["text"] == "Gut. Gegenfrage: Und Ihnen?"


FULL_QUESTION = "taz: Frau Berger, Sie haben zwölf Kühe, drei Kälber und eine Alm, warum?"


def test_a_question_whose_last_row_is_full_is_no_paragraph_with_its_answer() -> None:
    assert len(FULL_QUESTION) + 1 + len("Anna") > 75
    page = tazformat.loads(framed(FULL_QUESTION, "Anna Berger: Weil ich es so will."))
    assert isinstance(page.page, Article)
    assert [len(p.lines) for p in page.page.paragraphs] == [1, 1]
    assert who(framed(FULL_QUESTION, "Anna Berger: Weil ich es so will.")) == [Q, A]


def test_a_label_after_a_row_without_a_sentence_end_starts_no_paragraph() -> None:
    row = "Die Bäuerin hat zwölf Kühe, drei Kälber und eine Alm, und sie sagt dazu"
    page = tazformat.loads(framed(row, "Anna Berger: „Ich will es so.“"))
    assert isinstance(page.page, Article)
    assert [len(p.lines) for p in page.page.paragraphs] == [2]
    assert starts_turn("warum?", "Anna Berger: Weil.")
    assert not starts_turn("und sie sagt dazu", "Anna Berger: Weil.")
    assert not starts_turn("warum?", "Gegenfrage: Weil?")
    cut = "Die Bäuerin hat zwölf Kühe, drei Kälber und eine Alm über dem Tal am Südhang."
    cut = cut.encode()[:79].decode() + "…"
    assert is_cut_row(cut)
    assert not starts_turn(cut, "Anna Berger: Weil.")  # a cut row's … ends no sentence


def test_the_label_rule_leaves_renderings_with_blank_rows_alone() -> None:
    text = menu("taz: Wie viele?\nAnna Berger: Zwölf.")
    page = tazformat.loads(text)
    assert isinstance(page.page, Article)
    assert [len(p.lines) for p in page.page.paragraphs] == [2]
    assert who(text) == [Q, A]  # the turns still part at the label


def test_one_word_turns_count() -> None:
    text = menu(
        "taz: Haben Sie Kühe?",
        "Anna Berger: Ja.",
        "Viele?",
        "Zwölf.",
        "Und Sie melken selbst.",
        "Ja.",
    )
    assert who(text) == [Q, A, Q, A, Q, A]


def test_the_moved_names_still_answer_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="tazformat.interviews.turns"):
        assert structure.turns is interviews.turns
    with pytest.warns(DeprecationWarning, match="tazformat.poems.verses"):
        assert structure.verses is poems.verses
    with pytest.raises(AttributeError):
        structure.nothing  # noqa: B018


def test_a_last_block_the_capture_cut_takes_its_turn_and_a_whole_last_block_goes_on() -> None:
    """A question needs an answer in sight, unless the capture was cut after it."""
    blocks = (
        "taz: Frau Berger, wie viele Kühe haben Sie?",
        "Anna Berger: Zwölf, und jede hat einen Namen.",
        "Und die Ziegen?",
        "Habe ich keine.",
        "Und was ist mit den Sch",
    )
    cut = tazformat.loads(menu(*blocks).removesuffix("\n"))
    assert cut.truncated
    turns = tazformat.to_dict(cut)["turns"]
    assert [(t["speaker"], t["role"]) for t in turns][-1] == (Q, "question")
    whole = read(menu(*blocks[:-1], "Und was ist mit den Schafen, die laufen frei."))
    assert [t["speaker"] for t in whole["turns"]] == [Q, A, Q, A]  # the last block goes on
    dated = tazformat.loads(menu(*blocks) + "       \n       3 Oct 2025")
    assert dated.truncated  # cut after the date: the body's last block was whole
    assert [t["speaker"] for t in tazformat.to_dict(dated)["turns"]] == [Q, A, Q, A]
