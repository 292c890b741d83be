"""Reading accuracy: the library's reading of the corpus against one made by hand.

Run ``python benchmarks/reading.py [--corpus DIR] [--reference FILE] [--details]``.

The reference (``benchmarks/reference/structure.json``, how it was made in
``benchmarks/reference/README.md``) holds, for every corpus sample, what a
reader sees, as line numbers (1-based, in the file) and no text:

- ``interview``: the line each turn starts on and its role
  (``question``/``answer``), and the paragraph starts as for an article;
- ``listing``: each entry's title line (``null`` where the capture lost it)
  and teaser lines;
- ``article``: the body's lines (``body``: first and last), the lines where
  paragraphs start, the ``## `` subheads, and the starts a reader cannot
  decide (``unsure``: left out of the count);
- ``poem``: the line each verse starts on, once per verse.

Each sample is parsed with ``tazformat.loads`` and its reading mapped to line
numbers through the rows' ``line``: an entry's title and teaser rows, a
paragraph's first row; turns and verses (plain text in ``to_dict``) by
finding their text, in order, in the body's rows. Measures: turn roles (a
reference turn is right when a turn with that role starts on its line),
entry pairing (right when an entry has the same title and teaser lines),
paragraph breaks (precision and recall over the starts that follow another
body row: the body's first start and the first after each subhead are given
by the markup and not counted), and the verses found in ``poem``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

import tazformat
from structure import Score
from tazformat import Article, Document, Listing

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TAZFORMAT_CORPUS") or ROOT.parent / "shared" / "corpus")
DEFAULT_REFERENCE = ROOT / "benchmarks" / "reference" / "structure.json"

CLASSES = ("article", "interview", "listing", "poem")
"""The classes a sample of the reference has."""
ROLES = ("question", "answer")
"""The roles of an interview turn."""
_REFERENCE_MARK = re.compile(r"\[\d+\]\[")
"""The opening of an inline reference ``[n][``."""


def load_reference(path: Path = DEFAULT_REFERENCE) -> dict[str, dict[str, Any]]:
    """The reference's samples, by file name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    samples: dict[str, dict[str, Any]] = data["samples"]
    return samples


def read_sample(path: Path) -> str:
    """A sample's text as the library reads it (bytes that are no UTF-8 kept)."""
    return path.read_text(encoding="utf-8", errors="surrogateescape")


def line_count(text: str) -> int:
    """The number of lines in ``text`` (a last line without newline counts)."""
    return len(text.split("\n")) - (1 if text.endswith("\n") else 0)


# -- the reference's form ---------------------------------------------------------------------


def _ascending(numbers: Sequence[int]) -> bool:
    return all(a < b for a, b in itertools.pairwise(numbers))


def _lines_of(sample: dict[str, Any]) -> list[int]:
    """Every line number a sample names."""
    kind = sample.get("class")
    if kind == "listing":
        numbers = [e["title"] for e in sample["entries"] if e["title"] is not None]
        numbers += [n for e in sample["entries"] for n in e["teaser"]]
        return numbers + list(sample.get("notes", []))
    if kind == "poem":
        return list(sample["verses"])
    numbers = [*sample["body"], *sample["paragraphs"], *sample["subheads"], *sample["unsure"]]
    return numbers + [line for line, _ in sample.get("turns", [])]


def _sample_problems(name: str, sample: dict[str, Any], lines: int) -> list[str]:
    """What is wrong with one sample of the reference (empty when it is well-formed)."""
    kind = sample.get("class")
    if kind not in CLASSES:
        return [f"{name}: class {kind!r} is none of {CLASSES}"]
    problems = [
        f"{name}: line {n} is outside the file (1..{lines})"
        for n in _lines_of(sample)
        if not isinstance(n, int) or not 1 <= n <= lines
    ]
    if kind == "listing":
        for entry in sample["entries"]:
            rows = ([] if entry["title"] is None else [entry["title"]]) + entry["teaser"]
            if not rows or not _ascending(rows):
                problems.append(f"{name}: entry {entry} has no rows or rows out of order")
        starts = [
            e["title"] or e["teaser"][0] for e in sample["entries"] if e["title"] or e["teaser"]
        ]
        if not _ascending(starts):
            problems.append(f"{name}: entries out of order")
    elif kind == "poem":
        if not sample["verses"] or sorted(sample["verses"]) != sample["verses"]:
            problems.append(f"{name}: verses empty or out of order")
    else:
        first, last = sample["body"]
        for key in ("paragraphs", "subheads", "unsure"):
            if not _ascending(sample[key]):
                problems.append(f"{name}: {key} out of order")
            if any(not first <= n <= last for n in sample[key]):
                problems.append(f"{name}: {key} outside the body {first}..{last}")
        if set(sample["paragraphs"]) & (set(sample["subheads"]) | set(sample["unsure"])):
            problems.append(f"{name}: a paragraph start is also a subhead or unsure")
        turns = sample.get("turns", [])
        if kind == "interview" and not turns:
            problems.append(f"{name}: an interview without turns")
        if any(role not in ROLES for _, role in turns):
            problems.append(f"{name}: a turn's role is none of {ROLES}")
        if not _ascending([line for line, _ in turns]):
            problems.append(f"{name}: turns out of order")
        if any(line not in sample["paragraphs"] for line, _ in turns):
            problems.append(f"{name}: a turn does not start a paragraph")
    return problems


def problems(reference: dict[str, dict[str, Any]], corpus: Path) -> list[str]:
    """What is wrong with the reference against the corpus (empty when it is well-formed).

    Every sample it names must exist; line numbers lie within the file and
    in order; classes and roles come from ``CLASSES`` and ``ROLES``.
    """
    found: list[str] = []
    for name, sample in sorted(reference.items()):
        path = corpus / name
        if not path.is_file():
            found.append(f"{name}: no such sample in {corpus}")
            continue
        found.extend(_sample_problems(name, sample, line_count(read_sample(path))))
    return found


# -- the library's reading, as line numbers ---------------------------------------------------


def _norm(text: str) -> str:
    """``text`` without reference marks, blanks single: how rows and turns are compared."""
    return " ".join(_REFERENCE_MARK.sub("", text).replace("]", "").split())


def body_rows(article: Article) -> list[tuple[int, str]]:
    """The line and text of each row of the body's paragraphs, in order."""
    return [(line.line, line.text) for p in article.paragraphs for line in p.lines]


def _agrees(row: str, text: str) -> bool:
    """Say whether ``row`` and ``text`` begin alike (as far as the shorter goes)."""
    length = min(len(row), len(text))
    return length > 0 and row[:length] == text[:length]


def turn_lines(
    rows: Sequence[tuple[int, str]], turns: Sequence[dict[str, Any]]
) -> list[int | None]:
    """The line each turn starts on (``None`` where its text is not found).

    A turn starts at a row: its text begins that row, or what follows the
    row's speaker mark (``Name: ``). Rows are searched in order from the
    row after the previous turn's.
    """
    out: list[int | None] = []
    start = 0
    for turn in turns:
        want = _norm(str(turn.get("text") or ""))
        speaker = str(turn.get("speaker") or "")
        found = None
        for index in range(start, len(rows)):
            have = _norm(rows[index][1])
            candidates = [have, have.split(": ", 1)[1]] if ": " in have else [have]
            if (want and any(_agrees(c, want) for c in candidates)) or (
                not want and speaker and have.startswith(speaker)
            ):
                found = index
                break
        out.append(None if found is None else rows[found][0])
        if found is not None:
            start = found + 1
    return out


def turn_roles(turns: Sequence[dict[str, Any]]) -> list[str]:
    """Each turn's role: the library's ``role`` where it gives one.

    Otherwise the questioner is the speaker marked ``taz…`` (the format's
    questioner), else the first speaker of a turn ending in ``?``; the
    questioner's turns are questions, all others answers.
    """
    if turns and all("role" in turn for turn in turns):
        return [str(turn["role"]) for turn in turns]
    speakers = [str(t["speaker"]) for t in turns if t.get("speaker")]
    questioner = next((s for s in speakers if s.casefold().startswith("taz")), None)
    if questioner is None:
        asking = (t for t in turns if t.get("speaker") and str(t["text"]).rstrip().endswith("?"))
        questioner = next((str(t["speaker"]) for t in asking), None)
    return [
        "question" if turn.get("speaker") and turn["speaker"] == questioner else "answer"
        for turn in turns
    ]


def verse_lines(rows: Sequence[tuple[int, str]], poem: Iterable[Iterable[str]]) -> list[int | None]:
    """The line each verse starts on (``None`` where its text is not found), in order."""
    chars: list[str] = []
    owners: list[int] = []
    for line, text in rows:
        row = _norm(text)
        if chars:
            chars.append(" ")
            owners.append(line)
        chars.extend(row)
        owners.extend([line] * len(row))
    joined = "".join(chars)
    out: list[int | None] = []
    position = 0
    for verse in (verse for stanza in poem for verse in stanza):
        want = _norm(verse)
        at = joined.find(want, position) if want else -1
        out.append(owners[at] if at >= 0 else None)
        if at >= 0:
            position = at + len(want)
    return out


def given_by_markup(starts: Iterable[int], subheads: Iterable[int]) -> set[int]:
    """The starts the markup gives: the body's first, and the first after each subhead."""
    ordered = sorted(starts)
    given = set(ordered[:1])
    for subhead in subheads:
        after = [start for start in ordered if start > subhead]
        given.update(after[:1])
    return given


# -- the measurement --------------------------------------------------------------------------


@attrs.define
class Tally:
    """Reference items read right, of all, and items the library adds."""

    right: int = 0
    """Reference items the library reads as the reference does."""
    total: int = 0
    """Reference items."""
    extra: int = 0
    """Items the library reads that the reference does not hold."""

    @property
    def accuracy(self) -> float:
        """Share of the reference read right (1 when there is none)."""
        return self.right / self.total if self.total else 1.0


@attrs.define
class Report:
    """What the measurement found, by class, and where it differs (line numbers)."""

    samples: Counter[str] = attrs.Factory(Counter)
    """Samples measured, by class."""
    turns: Tally = attrs.Factory(Tally)
    """Interview turns: role on the right line."""
    entries: Tally = attrs.Factory(Tally)
    """Listing entries: title and teaser lines paired as the reference pairs them."""
    breaks: dict[str, Score] = attrs.Factory(dict)
    """Paragraph breaks, by class (``article``, ``interview``)."""
    verses: Tally = attrs.Factory(Tally)
    """Verses of the poems found in ``poem``."""
    poems_whole: list[str] = attrs.Factory(list)
    """Poems whose every verse is in ``poem``."""
    false_poems: list[str] = attrs.Factory(list)
    """Articles and interviews that are no poem but give one."""
    false_interviews: list[str] = attrs.Factory(list)
    """Articles that are no interview but give turns."""
    misses: dict[str, list[str]] = attrs.Factory(dict)
    """Per sample, where the reading differs (line numbers and roles, no text)."""
    missing: list[str] = attrs.Factory(list)
    """Reference samples not in the corpus (not measured)."""

    def miss(self, name: str, what: str) -> None:
        """Note a difference in ``name``."""
        self.misses.setdefault(name, []).append(what)


def _article(doc: Document) -> Article | None:
    return doc.page if isinstance(doc.page, Article) else None


def _measure_turns(name: str, doc: Document, sample: dict[str, Any], report: Report) -> None:
    article = _article(doc)
    turns = tazformat.to_dict(doc)["turns"] if article is not None else []
    lines = turn_lines(body_rows(article), turns) if article is not None else []
    read = {line: role for line, role in zip(lines, turn_roles(turns), strict=True) if line}
    truth = {line: role for line, role in sample["turns"]}
    report.turns.total += len(truth)
    for line, role in truth.items():
        if read.get(line) == role:
            report.turns.right += 1
        else:
            report.miss(name, f"turn {line}: {role}, read {read.get(line, 'no turn')}")
    extra = [line for line in read if line not in truth]
    extra += [index for index, line in enumerate(lines) if line is None]
    report.turns.extra += len(extra)
    if extra:
        report.miss(name, f"turns the reference does not hold: {sorted(extra)}")


def _measure_entries(name: str, doc: Document, sample: dict[str, Any], report: Report) -> None:
    page = doc.page
    entries = page.entries if isinstance(page, Listing) else ()
    read = {(e.title.line if e.title else None, tuple(t.line for t in e.teaser)) for e in entries}
    truth = [(e["title"], tuple(e["teaser"])) for e in sample["entries"]]
    report.entries.total += len(truth)
    for entry in truth:
        if entry in read:
            report.entries.right += 1
        else:
            report.miss(name, f"entry {entry[0]}:{list(entry[1])} not read")
    extra = read - set(truth)
    report.entries.extra += len(extra)
    for title, teaser in sorted(extra, key=lambda e: (e[0] or 0, e[1])):
        report.miss(name, f"entry read that the reference does not hold: {title}:{list(teaser)}")


def _measure_breaks(name: str, doc: Document, sample: dict[str, Any], report: Report) -> None:
    first, last = sample["body"]
    article = _article(doc)
    read = set()
    if article is not None:
        read = {p.lines[0].line for p in article.paragraphs if p.lines}
        read = {line for line in read if first <= line <= last}
    truth = set(sample["paragraphs"])
    left_out = given_by_markup(truth, sample["subheads"]) | set(sample["unsure"])
    read, truth = read - left_out, truth - left_out
    score = report.breaks.setdefault(sample["class"], Score())
    score.found += len(read)
    score.truth += len(truth)
    score.right += len(read & truth)
    if truth - read:
        report.miss(name, f"breaks missed before lines {sorted(truth - read)}")
    if read - truth:
        report.miss(
            name, f"breaks the reference does not hold, before lines {sorted(read - truth)}"
        )


def _measure_poem(name: str, doc: Document, sample: dict[str, Any], report: Report) -> None:
    article = _article(doc)
    poem = tazformat.to_dict(doc)["poem"] if article is not None else None
    read = (
        Counter(verse_lines(body_rows(article), poem or [])) if article is not None else Counter()
    )
    truth = Counter(sample["verses"])
    right = sum((truth & read).values())
    report.verses.total += sum(truth.values())
    report.verses.right += right
    report.verses.extra += sum((read - truth).values())
    if right == sum(truth.values()):
        report.poems_whole.append(name)
    else:
        report.miss(name, f"verses missing from poem, by line: {sorted((truth - read).elements())}")
    if read - truth:
        extra = sorted((read - truth).elements(), key=str)
        report.miss(name, f"poem holds what is no verse, by line: {extra}")


def measure(corpus: Path = DEFAULT_CORPUS, reference: Path = DEFAULT_REFERENCE) -> Report:
    """Measure every sample of the reference that the corpus holds (see the module's docstring)."""
    report = Report()
    for name, sample in sorted(load_reference(reference).items()):
        path = corpus / name
        if not path.is_file():
            report.missing.append(name)
            continue
        doc = tazformat.loads(read_sample(path))
        kind = sample["class"]
        report.samples[kind] += 1
        if kind == "listing":
            _measure_entries(name, doc, sample, report)
        elif kind == "poem":
            _measure_poem(name, doc, sample, report)
        else:
            if kind == "interview":
                _measure_turns(name, doc, sample, report)
            _measure_breaks(name, doc, sample, report)
            data = tazformat.to_dict(doc) if _article(doc) is not None else {}
            if data.get("poem") is not None:
                report.false_poems.append(name)
            if kind == "article" and data.get("turns"):
                report.false_interviews.append(name)
    return report


def table(report: Report) -> list[str]:
    """The figures as the rows of a Markdown table (class, measure, result, target)."""
    n = report.samples
    t, e, v = report.turns, report.entries, report.verses
    rows = [
        "| Class (samples) | Measure | Result | Target |",
        "|---|---|---|---|",
        f"| interviews ({n['interview']}) | turn roles | {t.accuracy:.3f} ({t.right} of {t.total}; "
        f"{t.extra} more read) | ≥ 0.97 |",
        f"| listings ({n['listing']}) | entry pairing | {e.accuracy:.3f} ({e.right} of {e.total}; "
        f"{e.extra} more read) | ≥ 0.97 |",
    ]
    for kind in ("article", "interview"):
        b = report.breaks.get(kind, Score())
        rows.append(
            f"| {kind}s ({n[kind]}) | paragraph breaks: precision, recall | {b.precision:.3f}, "
            f"{b.recall:.3f} ({b.right} right of {b.found} found, {b.truth} true) "
            "| ≥ 0.98, ≥ 0.97 |"
        )
    rows.append(
        f"| poems ({n['poem']}) | verses in `poem` | {v.right} of {v.total} "
        f"({v.total - v.right} missing, {v.extra} more); whole: {len(report.poems_whole)} "
        f"of {n['poem']} | every verse |"
    )
    rows.append(
        f"| articles, interviews | read as a poem, none being one | "
        f"{', '.join(report.false_poems) or 'none'} | none |"
    )
    rows.append(
        f"| articles | read as an interview, none being one | "
        f"{', '.join(report.false_interviews) or 'none'} | none |"
    )
    return rows


def main() -> None:
    """Print the table, and with ``--details`` where the reading differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--details", action="store_true", help="list the differences by line")
    args = parser.parse_args()
    report = measure(args.corpus, args.reference)
    print("\n".join(table(report)))
    if report.missing:
        print(f"not in the corpus (not measured): {', '.join(report.missing)}")
    if args.details:
        for name, what in sorted(report.misses.items()):
            for item in what:
                print(f"{name}: {item}")


if __name__ == "__main__":
    main()
