"""Every real capture round-trips byte for byte and parses to the right page."""

from __future__ import annotations

from pathlib import Path

import pytest

import tazformat
from tazformat.damage import EXCERPT_CAP
from tazformat.renderings import get

# Rendering, kind and title of every sample, checked by reading each sample
# and its row in the corpus's index.tsv.
EXPECTED = {
    "001.txt": ("phoxy", "listing", "Gesellschaft"),
    "006.txt": (
        "gopher-menu",
        "article",
        "Fußball-Bundesliga: Wer wird hinter … Deutscher Meister?",
    ),
    "022.txt": ("gopher-menu-flat", "listing", "Nachruf"),
    "028.txt": ("gemini-proxy-log", "listing", "Nord"),
    "030.txt": ("gopher-menu", "listing", "Nord"),
    "031.txt": ("gopher-menu-flat", "listing", "Nord"),
    "032.txt": ("phroot", "listing", "Nord"),
    "034.txt": ("phroot-flat", "listing", "Berlin-Kreuzberg"),
    "046.txt": ("phroot", "article", "Berliner Szenen: Durchfahren fetzt"),
    "052.txt": ("gopher-menu", "listing", "Musik"),
    "058.txt": ("gemini-text", "article", "Die Wahrheit: Der Mahner un sin Fund"),
    "062.txt": ("gemini-archive", "listing", "taz.de"),
    "069.txt": ("gopher-menu", "listing", "Autorin"),
    "075.txt": ("gopher-menu", "listing", "Gedicht"),
    "076.txt": ("gopher-menu", "listing", "Artikel von Klaus Pawlowski"),
    "077.txt": ("plain", "listing", "Gedicht"),
    "079.txt": ("gemini-text", "listing", "KP China"),
    "090.txt": (
        "phroot",
        "article",
        "Russlands bekanntester Putin-Gegner: Alexej Nawalni unter Hausarrest",
    ),
    "101.txt": ("gopher-menu-flat", "listing", "Zukunft"),
    "000_e08ff7753424c831.txt": (
        "meulie-framed",
        "article",
        "Unruhen in Kasachstan: Mehr als 4.400 Festnahmen",
    ),
    "002.txt": (
        "meulie-framed",
        "article",
        "40 Jahre taz: Die Gründer-Ausgabe: Die bewegte Zeitung",
    ),
    "004.txt": (
        "meulie-framed",
        "article",
        "Gentrifizierung in Berlin-Mitte: Die sprechenden Fassaden",
    ),
    "007.txt": (
        "meulie-right-frame",
        "article",
        "Fußball-Bundesliga: Wer wird hinter … Deutscher Meister?",
    ),
    "009.txt": ("meulie-framed", "article", "Die Wahrheit: Unverlangte Li-La-Lyrik"),
    "011.txt": ("meulie-framed", "article", "Die Wahrheit: Vom Glück des Teilens"),
    "013.txt": ("meulie-framed", "article", "Die Wahrheit: Nie wieder"),
    "014.txt": ("meulie-plain", "article", "Die Wahrheit: Nachricht an die NSA"),
    "016.txt": ("meulie-right-frame", "listing", "Alle Artikel von Barbara Wurm"),
    "017.txt": (
        "meulie-framed",
        "article",
        "Kapitän zu Seenotrettung im Mittelmeer: „Die können sich nicht …",
    ),
    "019.txt": ("meulie-framed", "article", "Rettung auf dem Mittelmeer: Umkämpftes Gewässer"),
    "021.txt": ("meulie-plain", "listing", "Nachruf"),
    "024.txt": (
        "meulie-framed",
        "article",
        "Wut der Geiselangehörigen: „Sie sind es, die Angst haben“",
    ),
    "026.txt": (
        "meulie-framed",
        "article",
        "Sorge um die israelischen Geiseln: Angst ist stärker als Hass",
    ),
    "036.txt": (
        "meulie-framed",
        "article",
        "Streitgespräch zum Görlitzer Park: „Mir fehlt bei euch die Empa…",
    ),
    "038.txt": (
        "meulie-framed",
        "article",
        "+++ Nachrichten zum Ukrainekrieg +++: Rückzug nicht ausgeschlossen",
    ),
    "040.txt": (
        "meulie-framed",
        "article",
        "Umkämpftes Saporischschja in der Ukraine: Die kriegsmüde Stadt",
    ),
    "042.txt": (
        "meulie-framed",
        "article",
        "Millionenstadt in der Ukraine: Am Rande des Imperiums",
    ),
    "045.txt": (
        "meulie-framed",
        "article",
        "Flanieren im Berliner Stadtbild: Über die Spree und es zieht wie H…",
    ),
    "049.txt": ("meulie-framed", "article", "Theater in Coronazeiten: Was für ein Theater"),
    "051.txt": ("meulie-right-frame", "listing", "Popmusik"),
    "053.txt": ("meulie-framed", "listing", "Pop"),
    "055.txt": (
        "meulie-plain",
        "article",
        "Umstellung auf Öko-Landwirtschaft: Biobauer wider Willen",
    ),
    "059.txt": ("meulie-framed", "article", "Die Wahrheit: In den Januar geflüstert"),
    "064.txt": ("meulie-framed", "article", "WM-Blog Marx im Fußball: Sex fehlt ganz"),
    "066.txt": (
        "meulie-framed",
        "article",
        "Aktuelle Nachrichten in der Coronakrise: Drosten: Neuer Lockdown is…",
    ),
    "068.txt": ("meulie-framed", "article", "Der Umgang mit der vierten Welle: Was geht?"),
    "072.txt": (
        "meulie-framed",
        "article",
        "Deutschlands Rolle in Tschad und Sudan: Schillernde Annäherung",
    ),
    "078.txt": (
        "meulie-framed",
        "article",
        "Prozess gegen Autobahn-Blockierer: Klebrige Angelegenheit",
    ),
    "082.txt": (
        "meulie-plain",
        "article",
        "Schwangerschaftsabbruch nach § 218: Quer zur Wirklichkeit",
    ),
    "083.txt": (
        "meulie-framed",
        "article",
        "Schwangerschaftsabbruch nach § 218: Quer zur Wirklichkeit",
    ),
    "085.txt": (
        "meulie-framed",
        "article",
        "Der Haushalt der anderen: Niemand möchte über Haushalt reden",
    ),
    "087.txt": (
        "meulie-framed",
        "article",
        "AfD-Wahlkampf in Sachsen-Anhalt: Rechts ist noch Platz",
    ),
    "091.txt": (
        "meulie-framed",
        "article",
        "Russlands bekanntester Putin-Gegner: Alexej Nawalni unter Hausarrest",
    ),
    "093.txt": (
        "meulie-right-frame",
        "article",
        "Zwischenbilanz der Regierung: Merken Sie schon was?",
    ),
    "095.txt": ("meulie-right-frame", "article", "20 Jahre taz.de: Zeitung im Computerverbund"),
    "099.txt": ("meulie-plain", "listing", "Lesestück Interview"),
    "401.txt": ("gopher-menu", "article", "Die Wahrheit: Das perfekte Gedicht"),
    "402.txt": ("gopher-menu", "article", "Die Wahrheit: Politisches Sofortprogramm"),
    "403.txt": ("gemini-text", "article", "Die Wahrheit: Drei schlaflose Nächte"),
    "404.txt": ("gemini-text", "article", "Die Wahrheit: Walversprechen"),
    "405.txt": (
        "gopher-menu",
        "article",
        "Die Woche: Wie geht es uns, Herr Küppersbusch?",
    ),
}


def test_round_trip_text(sample: Path) -> None:
    with sample.open(encoding="utf-8", newline="") as fp:
        text = fp.read()
    assert tazformat.dumps(tazformat.loads(text)) == text


def test_round_trip_bytes(sample: Path) -> None:
    raw = sample.read_bytes()
    doc = tazformat.loads(raw)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw


def test_load_and_dump_files(sample: Path, tmp_path: Path) -> None:
    with sample.open(encoding="utf-8", newline="") as fp:
        doc = tazformat.load(fp)
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8", newline="") as fp:
        tazformat.dump(doc, fp)
    assert out.read_bytes() == sample.read_bytes()


def test_every_diagnostic_points_into_the_text(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = tazformat.loads(text)
    for diagnostic in doc.diagnostics:
        assert 1 <= diagnostic.line <= len(lines)
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_rendering_kind_and_title(corpus: Path, name: str, expected: tuple[str, str, str]) -> None:
    doc = tazformat.loads((corpus / name).read_text(encoding="utf-8"))
    data = tazformat.to_dict(doc)
    assert (doc.rendering, data["kind"], data["title"]) == expected


def test_every_sample_has_an_expectation(corpus: Path) -> None:
    """A sample added to the corpus needs its row in ``EXPECTED``."""
    unlisted = [path.name for path in sorted(corpus.glob("*.txt")) if path.name not in EXPECTED]
    assert unlisted == []


def test_no_sample_has_unknown_rows_or_an_unknown_rendering(sample: Path) -> None:
    doc = tazformat.loads(sample.read_text(encoding="utf-8"))
    codes = {d.code for d in doc.diagnostics}
    assert codes <= {"cut-row", "cut-frame", "cut-capture", "cut-at-cap"}


def test_samples_cut_at_the_cap_are_truncated(sample: Path) -> None:
    """A sample of the cap's size is truncated wherever it ends.

    So is one that lacks its final newline in a rendering that keeps it.
    """
    raw = sample.read_bytes()
    doc = tazformat.loads(raw)
    if len(raw) == EXCERPT_CAP:
        assert doc.truncated
    if not raw.endswith(b"\n") and not get(doc.rendering).strips_trailing_space:
        assert doc.truncated
