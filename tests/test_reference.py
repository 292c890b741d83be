"""The facts of the reference sample, as stated in the project's issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tazformat

REFERENCE = "000_e08ff7753424c831.txt"


@pytest.fixture(scope="module")
def data(request: pytest.FixtureRequest) -> dict[str, Any]:
    from conftest import corpus_dir, missing_corpus

    path = Path(corpus_dir()) / REFERENCE
    if not path.exists():
        missing_corpus()
    return tazformat.to_dict(tazformat.loads(path.read_text(encoding="utf-8")))


def test_kind_and_title(data: dict[str, Any]) -> None:
    assert data["kind"] == "article"
    assert data["rendering"] == "meulie-framed"
    assert data["title"] == "Unruhen in Kasachstan: Mehr als 4.400 Festnahmen"
    assert data["kicker"] == "Unruhen in Kasachstan"
    assert data["headline"] == "Mehr als 4.400 Festnahmen"


def test_lead(data: dict[str, Any]) -> None:
    assert data["lead"] == (
        "Die Lage in Kasachstan bleibt unübersichtlich. Präsident Tokajew sorgt "
        "mit seinem Schießbefehl für Eskalation und telefoniert mit Wladimir Putin."
    )


def test_picture_is_cut(data: dict[str, Any]) -> None:
    assert data["picture"] == (
        "Bewaffnete Bereitschaftspolizisten halten einen Demonstranten in Kasachst…"
    )
    assert data["picture_truncated"] is True


def test_dateline(data: dict[str, Any]) -> None:
    assert data["dateline"] == {
        "place": "Nur-Sultan",
        "agency": "dpa/rtr/afp",
        "places": ["Nur-Sultan"],
        "loose": False,
    }


def test_subheads(data: dict[str, Any]) -> None:
    assert data["subheads"] == [
        "Kasachstans Präsident entlässt Vize-Sekretär des Sicherheitsrats",
        "Ex-Machthaber Nursultan Nasarbajew weiterhin im Land",
        "Putin und Tokajew beraten über „Wiederherstellung der Ordnung“",
        "Bundesregierung stoppt Rüstungsexporte nach Kasachstan",
    ]


def test_date(data: dict[str, Any]) -> None:
    assert data["date"] == "2022-01-08"


def test_links(data: dict[str, Any]) -> None:
    assert [{k: link[k] for k in ("number", "text", "target")} for link in data["links"]] == [
        {
            "number": 1,
            "text": "allem sein Schießbefehl gegen Demonstranten",
            "target": "/Unruhen-in-frueherer-Sowjetrepublik/!5826872",
        },
        {
            "number": 2,
            "text": "Militärbündnis OVKS",
            "target": "/Nach-gewaltvollen-Unruhen/!5823900",
        },
    ]
    assert [link["article_id"] for link in data["links"]] == ["5826872", "5823900"]
    assert data["links"][0]["url"] == "https://taz.de/Unruhen-in-frueherer-Sowjetrepublik/!5826872"


def test_tags_keep_order_and_repeats(data: dict[str, Any]) -> None:
    assert data["tags"] == [
        "Kasachstan",
        "Russland",
        "Zentralasien",
        "EU-Militärpolitik",
        "Ukraine",
        "Kasachstan",
        "Russland",
        "Kasachstan",
    ]
    assert data["authors"] == []


def test_related(data: dict[str, Any]) -> None:
    assert [entry["title"] for entry in data["related"]] == [
        "Kasachstan, die Ukraine und der Westen: Gegen die Logik des Kalten Kriegs",
        "Nach gewaltvollen Unruhen: Feuer frei in Kasachstan",
        "Unruhen in früherer Sowjetrepublik: Schießbefehl in Kasachstan",
        "Unruhen in Kasachstan: Schlechtes Timing für den Kreml",
    ]
    assert data["related"][0]["teaser"] == (
        "Der Umgang mit Putin verlangt Fingerspitzengefühl. Gewalt und Drohungen "
        "sind fehl am Platz. Die Nato sollte Russlands Ängste ernst nehmen."
    )
    assert data["related"][3]["teaser"] == (
        "Russland kommt der Aufstand in seinem Nachbarland sehr ungelegen. "
        "Reflexartig wird eine US-Verschwörung unterstellt."
    )


def test_truncated_capture(data: dict[str, Any]) -> None:
    assert data["truncated"] is True
    codes = [d["code"] for d in data["diagnostics"]]
    assert codes == ["cut-row", "cut-frame"]
