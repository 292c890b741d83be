"""Verses (issue 22, item 4): each rule where it fires and where it must not.

The poems are written for these tests, in gopher-menu (blank rows kept:
``menu``) and meulie-framed (blank rows dropped: ``framed``).
"""

from __future__ import annotations

from typing import Any

import tazformat

HEADING = "# taz.de -- Die Wahrheit: Das kleine Boot"
DATE = "3 Oct 2025"
VERSES = [
    "Im Hafen liegt ein altes Boot,",
    "der Himmel ist am Abend rot,",
    "die Möwe schreit,",
    "der Tag ist weit.",
]
WIDE = "und über allem hängt der Dunst der Fischerei, die lange vergangen ist,"
"""A verse of 70 characters that leaves room for ``die`` or ``der`` (74 of 75 columns);
at exactly 75 a row counts as full (spec § 2.5)."""


def menu(*blocks: str, tail: tuple[str, ...] = ()) -> str:
    """A gopher-menu article: blocks between blank rows, then the date and ``tail`` rows."""
    out = [f"{HEADING}\n", "       \n", "       > Donnerstag ist Gedichtetag.\n"]
    for block in blocks:
        out.append("       \n")
        out.extend(f"       {row}\n" for row in block.split("\n"))
    out += ["       \n", f"       {DATE}\n"]
    out += [f"       {row}\n" for row in tail]
    return "".join(out)


def framed(*rows: str, tail: tuple[str, ...] = ()) -> str:
    """A meulie-framed article: rows without blank rows, the date, then ``tail``."""
    lines = [HEADING, "> Donnerstag ist Gedichtetag.", *rows, DATE, *tail]
    return "".join(f"| {line} | |\n" for line in lines)


def poem(text: str) -> Any:
    doc = tazformat.loads(text)
    assert tazformat.dumps(doc) == text
    return tazformat.to_dict(doc)["poem"]


def flat(text: str) -> list[str] | None:
    found = poem(text)
    return None if found is None else [verse for stanza in found for verse in stanza]


# -- Word: rows --------------------------------------------------------------------


def test_word_colon_rows_inside_a_poem_stay_verses() -> None:
    rows = [*VERSES, "Moral: Wer rudert, kommt voran.", "Die Folge: nasse Füße."]
    assert flat(framed(*rows)) == rows
    assert flat(menu(*rows)) == rows


def test_labels_that_recur_mark_an_interview_and_no_poem() -> None:
    rows = ["Anna: Wann kommst du?", "Ben: Gleich nach dem Regen.", "Anna: Und dann?", "Ben: Nie."]
    once = ["Anna: Wann kommst du?", "Ben: Nach dem Regen.", "Anna: Und dann?", "Bleibe ich."]
    assert flat(framed(*once)) == once  # one label recurs: no interview
    assert flat(framed(*rows)) is None
    assert flat(framed("taz: Wann?", "Morgen.", "Und dann?", "Dann bleibe ich.")) is None


# -- rows up to the wrap width ----------------------------------------------------------------


def test_a_wide_row_that_does_not_fill_the_width_stays_a_verse() -> None:
    rows = [*VERSES[:2], WIDE, *VERSES[2:]]
    assert 55 < len(WIDE) <= 75
    assert len(WIDE.encode()) <= 80  # the proxy passes it whole
    assert flat(framed(*rows)) == rows
    assert flat(menu(*rows)) == rows
    assert flat(menu("\n".join(rows[:3]), "\n".join(rows[3:]))) == rows


def test_a_wide_row_at_the_end_of_a_run_is_no_verse() -> None:
    outro = "Der Dichter lebt am Meer und schreibt jeden Donnerstag ein neues Gedicht."
    assert flat(framed(*VERSES, outro)) == VERSES
    assert flat(menu(*VERSES, outro)) == VERSES


def test_prose_rows_that_fill_the_width_are_no_verses() -> None:
    prose = (
        "Der Bezirk hat am Montag beschlossen, die Straße für den Verkehr zu sperren\n"
        "und die Anwohner sind zufrieden."
    )
    assert flat(menu(prose, *VERSES)) == VERSES
    assert flat(menu(prose, prose, prose)) is None


# -- the headline, an attribution, the byline -------------------------------------------------


def test_a_first_row_equal_to_the_headline_is_no_verse() -> None:
    assert flat(framed("Das kleine Boot", *VERSES)) == VERSES
    assert flat(menu("Das kleine Boot", "\n".join(VERSES))) == VERSES
    refrain = [*VERSES, "Das kleine Boot"]  # not first: a verse
    assert flat(framed(*refrain)) == refrain


def test_an_epigraph_attribution_is_no_verse() -> None:
    rows = ["Das Meer ist weit und tief,", "– Theodor Storm", *VERSES]
    assert flat(framed(*rows)) == [rows[0], *VERSES]
    assert flat(framed(*rows[:1], "(Theodor Storm, 1850)", *VERSES)) == [rows[0], *VERSES]
    dashed = [*VERSES, "– und dann kam der Regen"]
    assert flat(framed(*dashed)) == dashed


def test_the_byline_that_autoren_names_is_no_verse() -> None:
    authors = ("## AUTOREN", "Anna Berger")
    assert flat(framed(*VERSES, "Anna Berger", tail=authors)) == VERSES
    assert flat(menu("\n".join(VERSES), "Anna Berger", tail=authors)) == VERSES
    # a last verse of nouns that AUTOREN does not name stays a verse
    assert flat(framed(*VERSES, "Grauer Hafen", tail=authors)) == [*VERSES, "Grauer Hafen"]
    assert flat(framed(*VERSES, "Anna Berger")) == [*VERSES, "Anna Berger"]


# -- glued verses --------------------------------------------------------------------


def test_two_verses_the_source_glued_are_two_verses_and_no_false_stanza() -> None:
    glued = "Wir wollen nur die Zeit begrenzen.Und morgen geht es weiter so,"
    assert len(glued) > 55
    rows = [*VERSES[:2], glued, *VERSES[2:]]
    want = [*VERSES[:2], *glued.split(".", 1), *VERSES[2:]]
    want[2] += "."
    for text in (menu(*rows), framed(*rows)):
        found = poem(text)
        assert found is not None
        assert len(found) == 1
        assert found[0] == want


def test_abbreviations_are_not_glued_verses() -> None:
    rows = [*VERSES, "z.B. am Abend, usw.und so fort"]
    assert flat(framed(*rows)) == rows


# -- poem keeps every verse -------------------------------------------------------------------


def test_poem_keeps_every_verse_the_body_holds() -> None:
    stanzas = [VERSES, [WIDE, VERSES[3], "Fazit: Das Boot bleibt liegen."]]
    text = menu(*("\n".join(stanza) for stanza in stanzas))
    assert poem(text) == stanzas
