"""What a news researcher reads from a page: checked on every corpus article."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import tazformat
from tazformat.cli import demo_bytes
from tazformat.export import json_schema

# For every article of the corpus: dateline (place, agency), date, whether it
# has a picture, how many inline references and tags it has — each value
# checked by reading the sample.
ARTICLES = {
    "000_e08ff7753424c831.txt": (("Nur-Sultan", "dpa/rtr/afp"), "2022-01-08", True, 2, 8),
    "002.txt": (("Berlin", "taz"), None, True, 2, 0),
    "004.txt": (None, None, True, 0, 0),
    "006.txt": (None, None, True, 0, 0),
    "007.txt": (None, None, True, 0, 0),
    "009.txt": (None, None, False, 0, 0),
    "011.txt": (None, "2025-10-03", False, 0, 6),
    "013.txt": (None, "2024-05-23", False, 0, 9),
    "014.txt": (None, "2013-07-04", True, 0, 11),
    "017.txt": (None, None, True, 1, 0),
    "019.txt": (("Catania", "taz"), None, False, 1, 0),
    "024.txt": (("Tel Aviv", "taz"), None, True, 2, 0),
    "026.txt": (("Tel Aviv", "taz"), None, True, 1, 0),
    "036.txt": (None, None, True, 0, 0),
    "038.txt": (None, None, True, 0, 0),
    "040.txt": (("Saporischschja und Komischuwacha", "taz"), None, True, 0, 0),
    "042.txt": (None, None, True, 0, 0),
    "045.txt": (None, None, True, 1, 0),
    "046.txt": (None, None, True, 0, 0),
    "049.txt": (None, None, False, 2, 0),
    "055.txt": (("Fischland", "taz"), None, True, 0, 0),
    "058.txt": (None, "2015-02-26", True, 0, 8),
    "059.txt": (None, "2018-01-04", False, 0, 7),
    "064.txt": (None, None, True, 0, 0),
    "066.txt": (None, None, True, 1, 0),
    "068.txt": (None, None, False, 2, 0),
    "072.txt": (("N’Djamena und Adré", None), None, True, 1, 0),
    "078.txt": (None, None, False, 0, 0),
    "082.txt": (None, None, True, 1, 0),
    "083.txt": (None, None, True, 1, 0),
    "085.txt": (None, None, True, 1, 0),
    "087.txt": (("WITTENBERG/MAGDEBURG", "taz"), None, True, 0, 0),
    "090.txt": (("MOSKAU", "rtr"), None, True, 0, 0),
    "091.txt": (("MOSKAU", "rtr"), "2014-02-28", True, 0, 3),
    "093.txt": (None, None, True, 0, 0),
    "095.txt": (None, None, True, 1, 0),
    "401.txt": (None, "2013-05-16", True, 0, 8),
    "402.txt": (None, "2021-09-16", False, 0, 7),
    "403.txt": (None, "2019-05-31", False, 0, 9),
    "404.txt": (None, "2025-02-06", False, 0, 8),
    "405.txt": (None, None, True, 2, 0),
}


def load(path: Path) -> tazformat.Document:
    return tazformat.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "expected"), sorted(ARTICLES.items()))
def test_article_facts(corpus: Path, name: str, expected: tuple[object, ...]) -> None:
    doc = load(corpus / name)
    assert isinstance(doc.page, tazformat.Article)
    data = tazformat.to_dict(doc)
    dateline = data["dateline"] and (data["dateline"]["place"], data["dateline"]["agency"])
    references = sum(len(p.references) for p in doc.page.paragraphs)
    found = (dateline, data["date"], data["picture"] is not None, references, len(data["tags"]))
    assert found == expected


def test_every_article_is_listed(corpus: Path) -> None:
    articles = [
        p.name for p in sorted(corpus.glob("*.txt")) if load(p).page.__class__.__name__ == "Article"
    ]
    assert articles == sorted(ARTICLES)


def test_places_and_loose_datelines(corpus: Path) -> None:
    places = {
        name: tazformat.to_dict(load(corpus / name))["dateline"]
        for name in ("040.txt", "072.txt", "087.txt")
    }
    assert places["040.txt"]["places"] == ["Saporischschja", "Komischuwacha"]
    assert places["072.txt"]["loose"] is True
    assert places["087.txt"]["places"] == ["WITTENBERG", "MAGDEBURG"]


def test_interview_turns(corpus: Path) -> None:
    turns = tazformat.to_dict(load(corpus / "036.txt"))["turns"]
    # the moderator's unmarked questions (two rows ending in "?") are turns of their own
    assert [t["speaker"] for t in turns[:7]] == [
        "taz",
        "Lorenz",
        "taz",
        "Marius",
        "Martin",
        "taz",
        "Martin",
    ]
    assert turns[2]["text"].endswith("Wie nehmt ihr die Situation wahr?")


def test_interview_with_unmarked_exchanges(corpus: Path) -> None:
    turns = tazformat.to_dict(load(corpus / "405.txt"))["turns"]
    # the capture is cut inside the last question: it is a turn of its own
    assert [t["speaker"] for t in turns] == ["taz", "Friedrich Küppersbusch"] * 4 + ["taz"]
    assert all(t["text"].endswith("?") for t in turns[:8:2])
    assert [t["role"] for t in turns] == ["question", "answer"] * 4 + ["question"]
    assert not turns[-1]["text"].endswith("?")
    assert all("[3]" not in t["text"] for t in turns)


def test_interview_folds_no_question_into_the_answer(corpus: Path) -> None:
    turns = tazformat.to_dict(load(corpus / "017.txt"))["turns"]
    assert [t["speaker"] for t in turns[:4]] == [
        "Dariush",
        "taz am wochenende",
        "Dariush",
        "taz am wochenende",
    ]
    assert turns[3]["text"] == "Und vorher bist du Frachter gefahren?"


def test_ticker_items_under_unmarked_headline_rows(corpus: Path) -> None:
    items = tazformat.to_dict(load(corpus / "066.txt"))["ticker"]
    assert [i["heading"] for i in items] == [
        "Drosten hält neuen Lockdown für nötig",
        "Demo in Hamburg wegen Ausgangssperren",
    ]
    assert items[0]["text"].endswith("(dpa)")


@pytest.mark.parametrize("name", ["058.txt", "403.txt", "404.txt"])
def test_gemini_lead_survives_whitespace_normalisation(corpus: Path, name: str) -> None:
    text = (corpus / name).read_text(encoding="utf-8")
    normalised = "\n".join(row for row in text.split("\n") if row.strip())
    doc = tazformat.loads(normalised)
    assert tazformat.dumps(doc) == normalised
    assert tazformat.to_dict(doc)["lead"] == tazformat.to_dict(load(corpus / name))["lead"]
    assert tazformat.to_dict(doc)["lead"] is not None


def test_ticker_items(corpus: Path) -> None:
    items = tazformat.to_dict(load(corpus / "038.txt"))["ticker"]
    assert (
        items[0]["heading"] == "Scholz und Macron sprechen mit Putin und fordern Ende des Krieges"
    )


def test_poem_with_verse_marks(corpus: Path) -> None:
    poem = tazformat.to_dict(load(corpus / "014.txt"))["poem"]
    assert poem is not None
    assert [len(stanza) for stanza in poem] == [4, 4, 4, 4, 4, 4]
    assert poem[0][0] == "Mich braucht ihr nicht zu überwachen,"


def test_reference_text_without_markers(corpus: Path) -> None:
    doc = load(corpus / "026.txt")
    assert isinstance(doc.page, tazformat.Article)
    text = tazformat.to_dict(doc)["text"]
    assert "a[1][" not in text
    assert "auf die Planung der israelischen Luftangriffe" in text


def test_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_schema_validates_every_sample(sample: Path) -> None:
    data = json.loads(json.dumps(tazformat.to_dict(load(sample))))
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("text", ["", "Nur Text\n", demo_bytes().decode("utf-8")])
def test_schema_validates_other_documents(text: str) -> None:
    data = json.loads(json.dumps(tazformat.to_dict(tazformat.loads(text))))
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


def test_schema_rejects_wrong_data() -> None:
    data = tazformat.to_dict(tazformat.loads(demo_bytes()))
    data["date"] = "8 Jan 2022"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


REFERENCE_TEXT_START = """\
Unruhen in Kasachstan: Mehr als 4.400 Festnahmen

Die Lage in Kasachstan bleibt unübersichtlich. Präsident Tokajew sorgt mit \
seinem Schießbefehl für Eskalation und telefoniert mit Wladimir Putin.

Bild: Bewaffnete Bereitschaftspolizisten halten einen Demonstranten in Kasachst…

Nur-Sultan dpa/rtr/afp | Bei den seit Tagen andauernden beispiellosen Unruhen \
in Kasachstan sind nach staatlichen Angaben bislang insgesamt mehr als 4.400 \
Menschen festgenommen worden."""

REFERENCE_TEXT_SUBHEAD = """\
berichteten mehrere kasachische Staatsmedien am Samstag.

Die Behörden zählten bislang insgesamt mehr als 40 Tote"""

REFERENCE_TEXT_END = """\
Zwar sei der Wert der Rüstungsexportgenehmigungen nach Kasachstan gering, der \
Exportstopp sei aber angesichts der Lage geboten, hieß es. Im vergangenen Jahr \
waren 25 Genehmigungen mit einem Gesamtwert von rund 2,2 Millionen Euro \
erteilt worden.

8 Jan 2022
"""


def test_text_export_of_the_reference_sample(corpus: Path) -> None:
    text = tazformat.to_text(load(corpus / "000_e08ff7753424c831.txt"))
    assert text.startswith(REFERENCE_TEXT_START)
    assert REFERENCE_TEXT_SUBHEAD in text
    assert "\n\nKasachstans Präsident entlässt Vize-Sekretär des Sicherheitsrats\n\n" in text
    assert "Vor allem sein Schießbefehl gegen Demonstranten sorgte" in text
    assert text.endswith(REFERENCE_TEXT_END)
    assert "[1]" not in text
    assert "| |" not in text


REFERENCE_FRONT_MATTER = """\
---
title: "Unruhen in Kasachstan: Mehr als 4.400 Festnahmen"
kicker: "Unruhen in Kasachstan"
headline: "Mehr als 4.400 Festnahmen"
date: "2022-01-08"
dateline: {"place": "Nur-Sultan", "agency": "dpa/rtr/afp"}
tags: ["Kasachstan", "Russland", "Zentralasien", "EU-Militärpolitik", "Ukraine", \
"Kasachstan", "Russland", "Kasachstan"]
rendering: "meulie-framed"
truncated: true
---

# Unruhen in Kasachstan: Mehr als 4.400 Festnahmen

> Die Lage in Kasachstan bleibt unübersichtlich. Präsident Tokajew sorgt mit \
seinem Schießbefehl für Eskalation und telefoniert mit Wladimir Putin.

*Bild: Bewaffnete Bereitschaftspolizisten halten einen Demonstranten in Kasachst…*

Nur-Sultan dpa/rtr/afp | Bei den"""

REFERENCE_MARKDOWN_END = """\
*8 Jan 2022*

## Artikel zum Thema

- **Kasachstan, die Ukraine und der Westen: Gegen die Logik des Kalten Kriegs**: \
Der Umgang mit Putin verlangt Fingerspitzengefühl. Gewalt und Drohungen sind \
fehl am Platz. Die Nato sollte Russlands Ängste ernst nehmen.
- **Nach gewaltvollen Unruhen: Feuer frei in Kasachstan**: Präsident Tokajew \
erteilt Sicherheitskräften und Armee einen Schießbefehl – ohne Vorwarnung. \
Angeblich sei die Lage wieder unter Kontrolle.
- **Unruhen in früherer Sowjetrepublik: Schießbefehl in Kasachstan**: Präsident \
Tokajew verlangt von den Sicherheitskräften ein hartes Durchgreifen gegenüber \
den Protestierenden. Derweil dankte er Moskau.
- **Unruhen in Kasachstan: Schlechtes Timing für den Kreml**: Russland kommt der \
Aufstand in seinem Nachbarland sehr ungelegen. Reflexartig wird eine \
US-Verschwörung unterstellt.

[1]: <https://taz.de/Unruhen-in-frueherer-Sowjetrepublik/!5826872>
[2]: <https://taz.de/Nach-gewaltvollen-Unruhen/!5823900>
"""


def test_markdown_export_of_the_reference_sample(corpus: Path) -> None:
    markdown = tazformat.to_markdown(load(corpus / "000_e08ff7753424c831.txt"))
    assert markdown.startswith(REFERENCE_FRONT_MATTER)
    assert "Vor [allem sein Schießbefehl gegen Demonstranten][1] sorgte" in markdown
    assert "\n\n## Ex-Machthaber Nursultan Nasarbajew weiterhin im Land\n\n" in markdown
    assert "von Russland angeführte [Militärbündnis OVKS][2] hatte" in markdown
    assert markdown.endswith(REFERENCE_MARKDOWN_END)


def test_markdown_escapes_what_markdown_would_read() -> None:
    text = "| # taz.de -- A: B | |\n| > x | |\n| *Stern* und [Klammer] 1. Liga | |\n"
    markdown = tazformat.to_markdown(tazformat.loads(text))
    assert "\\*Stern\\* und \\[Klammer\\] 1. Liga" in markdown


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        ("1. Liga: Der Aufsteiger gewinnt.", "1\\. Liga: Der Aufsteiger gewinnt."),
        ("12) Punkt zwölf.", "12\\) Punkt zwölf."),
        ("- Gedankenstrich am Anfang.", "\\- Gedankenstrich am Anfang."),
        ("2025 war ein gutes Jahr.", "2025 war ein gutes Jahr."),
    ],
)
def test_markdown_escapes_a_paragraph_that_would_start_a_list(row: str, shown: str) -> None:
    """A backslash escapes punctuation only: the dot of ``1.`` is escaped, not the digit."""
    text = f"| # taz.de -- A: B | |\n| > x | |\n| {row} | |\n"
    assert f"\n\n{shown}\n" in tazformat.to_markdown(tazformat.loads(text))


def test_listing_exports() -> None:
    text = "| # taz.de -- Nord | |\n| Hafen: Kräne | |\n| Seit Montag wird gestreikt. | |\n"
    doc = tazformat.loads(text)
    assert tazformat.to_text(doc) == "Nord\n\nHafen: Kräne\nSeit Montag wird gestreikt.\n"
    assert tazformat.to_markdown(doc).endswith(
        "# Nord\n\n- **Hafen: Kräne**: Seit Montag wird gestreikt.\n"
    )
