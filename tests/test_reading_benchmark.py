"""The reference reading of the corpus and the benchmark that measures against it.

The reference (``benchmarks/reference/structure.json``) must be well-formed
against the corpus; ``benchmarks/reading.py`` must run on it, and on a tiny
corpus written here in the format, where every figure is known.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import corpus_dir, corpus_files, load_benchmark, missing_corpus

ROOT = Path(__file__).resolve().parent.parent


def _benchmark() -> ModuleType:
    return load_benchmark("reading")


bench = _benchmark()


def menu(title: str, lead: str, *blocks: str) -> str:
    """A gopher-menu page: heading, lead, then each block after a blank row."""
    out = [f"# taz.de -- {title}\n", "       \n", f"       > {lead}\n"]
    for block in blocks:
        out.append("       \n")
        out.append(f"{block}\n" if block.startswith(" (DIR) ") else f"       {block}\n")
    return "".join(out)


PAGES = {
    "interview.txt": menu(
        "Gespräch: Über den Garten",
        "Eine Gärtnerin erzählt.",
        "taz: Frau Linde, was wächst bei Ihnen?",
        "Linde: Vor allem Kürbisse und Bohnen.",
        "Und im Winter?",
        "Dann ruht der Boden.",
    ),
    "poem.txt": menu(
        "Die Wahrheit: Der Kürbis",
        "Donnerstag ist Gedichtetag.",
        "Der Kürbis liegt im Beet so rund,",
        "er wiegt wohl mehr als hundert Pfund,",
        "und wer ihn hebt, der hebt sich wund,",
        "drum bleibt er liegen, kerngesund.",
    ),
    "article.txt": menu(
        "Stadt: Neue Bänke im Park",
        "Der Bezirk stellt Bänke auf.",
        "Berlin taz | Im Park stehen seit Montag zwölf neue Bänke.",
        "Die Anwohner sind zufrieden.",
        "## Was noch kommt",
        "Im Sommer folgen Tische.",
        "Dann auch Schirme.",
    ),
    "listing.txt": "# taz.de -- Garten\n"
    + "".join(
        f"       \n{row}\n"
        for row in (
            " (DIR) Beete: Die Bohne im Glück",
            "       Warum Bohnen klettern und was sie dabei denken.",
            " (DIR) Kompost: Aus alt wird neu",
            "       Ein Haufen, der arbeitet.",
        )
    ),
}
"""A tiny corpus in the format: one sample of each class (blank rows mark every block)."""


def reference() -> dict[str, dict[str, Any]]:
    """The reading of ``PAGES`` by hand."""
    return {
        "interview.txt": {
            "class": "interview",
            "body": [5, 11],
            "turns": [[5, "question"], [7, "answer"], [9, "question"], [11, "answer"]],
            "paragraphs": [5, 7, 9, 11],
            "subheads": [],
            "unsure": [],
        },
        "poem.txt": {"class": "poem", "verses": [5, 7, 9, 11]},
        "article.txt": {
            "class": "article",
            "body": [5, 13],
            "paragraphs": [5, 7, 11, 13],
            "subheads": [9],
            "unsure": [],
        },
        "listing.txt": {
            "class": "listing",
            "entries": [{"title": 3, "teaser": [5]}, {"title": 7, "teaser": [9]}],
        },
    }


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """The tiny corpus and its reference, in ``tmp_path`` (the reference as ``ref.json``)."""
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    write(tmp_path, reference())
    return tmp_path


def write(folder: Path, samples: dict[str, dict[str, Any]]) -> Path:
    path = folder / "ref.json"
    path.write_text(json.dumps({"version": 1, "samples": samples}), encoding="utf-8")
    return path


# -- the reference's form --------------------------------------------------------------------


def test_the_reference_is_well_formed_against_the_corpus() -> None:
    files = corpus_files()
    if not files:
        missing_corpus()
    samples = bench.load_reference()
    assert bench.problems(samples, corpus_dir()) == []
    assert sorted(samples) == [path.name for path in files], "every corpus sample is read"


def test_the_tiny_reference_is_well_formed(tiny: Path) -> None:
    assert bench.problems(reference(), tiny) == []


@pytest.mark.parametrize(
    ("name", "change", "complaint"),
    [
        ("gone.txt", {"class": "poem", "verses": [1]}, "no such sample"),
        ("poem.txt", {"class": "poem", "verses": [5, 40]}, "outside the file"),
        ("poem.txt", {"class": "sonnet", "verses": [5]}, "is none of"),
        ("poem.txt", {"class": "poem", "verses": [9, 5]}, "out of order"),
        (
            "listing.txt",
            {"class": "listing", "entries": [{"title": 7, "teaser": [5]}]},
            "out of order",
        ),
        (
            "listing.txt",
            {"class": "listing", "entries": [{"title": None, "teaser": []}]},
            "no rows",
        ),
    ],
)
def test_a_malformed_sample_is_named(
    tiny: Path, name: str, change: dict[str, Any], complaint: str
) -> None:
    samples = reference()
    samples[name] = change
    found = bench.problems(samples, tiny)
    assert len(found) == 1
    assert found[0].startswith(name)
    assert complaint in found[0]


@pytest.mark.parametrize(
    ("key", "value", "complaint"),
    [
        ("turns", [[5, "question"], [7, "reply"]], "role"),
        ("turns", [[7, "answer"], [5, "question"]], "out of order"),
        ("turns", [[6, "question"]], "does not start a paragraph"),
        ("turns", [], "without turns"),
        ("paragraphs", [5, 7, 9, 12], "outside the body"),
        ("unsure", [7], "also a subhead or unsure"),
    ],
)
def test_a_malformed_interview_is_named(tiny: Path, key: str, value: Any, complaint: str) -> None:
    samples = reference()
    samples["interview.txt"][key] = value
    found = bench.problems(samples, tiny)
    assert found
    assert all(problem.startswith("interview.txt") for problem in found)
    assert any(complaint in problem for problem in found)


# -- the measurement -------------------------------------------------------------------------


def test_the_benchmark_reads_the_tiny_corpus_as_the_reference_does(tiny: Path) -> None:
    report = bench.measure(tiny, tiny / "ref.json")
    assert report.samples == {"interview": 1, "poem": 1, "article": 1, "listing": 1}
    assert (report.turns.right, report.turns.total, report.turns.extra) == (4, 4, 0)
    assert (report.entries.right, report.entries.total, report.entries.extra) == (2, 2, 0)
    article = report.breaks["article"]
    # 5 opens the body and 11 follows the subhead: the markup gives them, they are not counted
    assert (article.found, article.right, article.truth) == (2, 2, 2)
    assert (report.verses.right, report.verses.total) == (4, 4)
    assert report.poems_whole == ["poem.txt"]
    assert report.false_poems == []
    assert report.false_interviews == []
    assert report.misses == {}
    table = "\n".join(bench.table(report))
    assert "| 1.000 (4 of 4; 0 more read) |" in table


def test_a_reading_that_differs_is_counted_and_named(tiny: Path) -> None:
    samples = reference()
    samples["interview.txt"]["turns"][2] = [9, "answer"]
    samples["listing.txt"]["entries"][1] = {"title": 7, "teaser": []}
    samples["article.txt"]["paragraphs"] = [5, 11, 13]
    samples["poem.txt"]["verses"] = [3, 5, 7, 9, 11]
    report = bench.measure(tiny, write(tiny, samples))
    assert (report.turns.right, report.turns.total) == (3, 4)
    assert (report.entries.right, report.entries.extra) == (1, 1)
    article = report.breaks["article"]
    assert (article.found, article.right, article.truth) == (2, 1, 1)
    assert (report.verses.right, report.verses.total) == (4, 5)
    assert report.poems_whole == []
    assert sorted(report.misses) == ["article.txt", "interview.txt", "listing.txt", "poem.txt"]
    assert "turn 9: answer, read question" in report.misses["interview.txt"]


def test_turns_and_verses_on_a_page_of_another_class_are_named(tiny: Path) -> None:
    samples = reference()
    samples["poem.txt"] = {"class": "article", "body": [5, 11], "paragraphs": [5, 7, 9, 11]}
    samples["poem.txt"].update(subheads=[], unsure=[])
    samples["interview.txt"]["class"] = "article"
    report = bench.measure(tiny, write(tiny, samples))
    assert report.false_poems == ["poem.txt"]
    assert report.false_interviews == ["interview.txt"]


def test_an_unsure_start_is_left_out_on_both_sides(tiny: Path) -> None:
    samples = reference()
    samples["article.txt"]["paragraphs"] = [5, 11, 13]
    samples["article.txt"]["unsure"] = [7]
    report = bench.measure(tiny, write(tiny, samples))
    article = report.breaks["article"]
    assert (article.found, article.right, article.truth) == (1, 1, 1)
    assert report.misses == {}


def test_a_sample_the_corpus_lacks_is_reported_not_measured(tiny: Path) -> None:
    (tiny / "poem.txt").unlink()
    report = bench.measure(tiny, tiny / "ref.json")
    assert report.missing == ["poem.txt"]
    assert "poem" not in report.samples


def test_the_benchmark_runs_on_the_corpus() -> None:
    if not corpus_files():
        missing_corpus()
    report = bench.measure(corpus_dir())
    assert report.missing == []
    assert sum(report.samples.values()) == len(corpus_files())
    assert report.turns.total > 0
    assert report.entries.total > 0
    assert report.verses.total > 0
    assert report.breaks["article"].truth > 0


# -- mapping the library's reading to lines --------------------------------------------------


def test_a_turn_is_found_after_its_speaker_mark_or_at_its_row() -> None:
    rows = [(5, "taz: Wie geht es?"), (6, "Gut, danke. Und"), (7, "Ihnen?"), (9, "Auch [1][gut].")]
    turns = [
        {"speaker": "taz", "text": "Wie geht es?"},
        {"speaker": None, "text": "Gut, danke. Und Ihnen?"},
        {"speaker": None, "text": "Auch gut."},
    ]
    assert bench.turn_lines(rows, turns) == [5, 6, 9]


def test_a_turn_whose_text_no_row_opens_is_not_placed() -> None:
    rows = [(5, "taz: Wie geht es?"), (6, "Gut, danke.")]
    assert bench.turn_lines(rows, [{"speaker": None, "text": "danke."}]) == [None]


def test_roles_come_from_the_taz_mark_else_the_first_asker() -> None:
    marked = [{"speaker": "Linde", "text": "Ach."}, {"speaker": "taz", "text": "Und?"}]
    assert bench.turn_roles(marked) == ["answer", "question"]
    unmarked = [{"speaker": "Ruth", "text": "Wie?"}, {"speaker": "Anna", "text": "So?"}]
    assert bench.turn_roles(unmarked) == ["question", "answer"]
    assert bench.turn_roles([{"speaker": None, "text": "Ja.", "role": "question"}]) == ["question"]


def test_verses_are_placed_where_they_start_once_each() -> None:
    rows = [(8, "Ein Vers / noch ein Vers //"), (9, "der dritte, der"), (10, "lang ist")]
    poem = [["Ein Vers", "noch ein Vers"], ["der dritte, der lang ist"], ["fehlt"]]
    assert bench.verse_lines(rows, poem) == [8, 8, 9, None]


def test_the_markup_gives_the_first_start_and_the_first_after_each_subhead() -> None:
    assert bench.given_by_markup([5, 7, 11, 13], [9]) == {5, 11}
    assert bench.given_by_markup([], [9]) == set()
