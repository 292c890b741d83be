"""Structure quality: paragraph breaks and verses where blank rows are dropped.

Run ``python benchmarks/structure.py [--corpus DIR]``. Every corpus article
whose text keeps blank rows gives the truth: its paragraphs. Each is written
as meulie-framed would serve it (``dumps(doc, rendering="meulie-framed")``:
blank rows dropped; then rows over 80 UTF-8 bytes cut to 79 bytes and
``…``), parsed again, and its paragraph breaks compared with the truth:
precision and recall over the places between two body rows of the same run
(a subhead between two rows is a break in both and is not counted).

Poems: a corpus page is a poem when its lead names the ``Gedichtetag`` or a
``Poem``, or its tags hold ``Gedicht``. Each is written in every rendering
(meulie ones cut as the proxy cuts) and must give ``poem`` with the verses
it gives in its own rendering; no other page may give a ``poem``. Verse
precision and recall compare the meulie-framed reading of the pages that
keep blank rows with their own.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs

import tazformat
from tazformat import Article, Document
from tazformat.models import Paragraph
from tazformat.renderings import RENDERINGS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TAZFORMAT_CORPUS") or ROOT.parent / "shared" / "corpus")

ROW_LIMIT = 80
"""Longest row, in UTF-8 bytes, that the meulie proxy passes whole."""
_FRAMED = re.compile(r"(\| )(.*)( \| \|)")

CUTTING = ("meulie-framed", "meulie-right-frame", "meulie-plain")
"""Renderings of the proxy that cuts long rows."""


def cut(content: str) -> str:
    """A row's content as the proxy passes it: over 80 bytes, 79 bytes and ``…``."""
    data = content.encode("utf-8")
    if len(data) <= ROW_LIMIT:
        return content
    return data[: ROW_LIMIT - 1].decode("utf-8", "replace") + "\u2026"


def served(doc: Document, rendering: str) -> str:
    """``doc`` as the proxy of ``rendering`` would serve it (meulie: rows cut)."""
    text = tazformat.dumps(doc, rendering=rendering)
    if rendering not in CUTTING:
        return text
    lines = []
    for line in text.split("\n"):
        framed = _FRAMED.fullmatch(line)
        if framed:
            lines.append(framed.group(1) + cut(framed.group(2)) + framed.group(3))
        elif line.endswith(" | |"):
            lines.append(cut(line[:-4]) + " | |")
        else:
            lines.append(cut(line))
    return "\n".join(lines)


def breaks(article: Article) -> tuple[int, set[int]]:
    """The body's text rows counted, and after which of them a paragraph ends.

    Only ends followed by another paragraph count: an end before a subhead
    or at the end of the body is given by the markup.
    """
    ends: set[int] = set()
    rows = 0
    body = article.body
    for index, block in enumerate(body):
        if not isinstance(block, Paragraph):
            continue
        rows += len(block.lines)
        if index + 1 < len(body) and isinstance(body[index + 1], Paragraph):
            ends.add(rows - 1)
    return rows, ends


@attrs.define
class Score:
    """Counts for precision and recall."""

    found: int = 0
    """Items the rules found."""
    right: int = 0
    """Items found that the truth holds."""
    truth: int = 0
    """Items of the truth."""

    @property
    def precision(self) -> float:
        """Share of what was found that is right (1 when nothing was found)."""
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of the truth that was found (1 when there was none)."""
        return self.right / self.truth if self.truth else 1.0


@attrs.define
class Report:
    """What the measurement found."""

    articles: list[str] = attrs.Factory(list)
    """The articles whose breaks were measured."""
    breaks: Score = attrs.Factory(Score)
    """Paragraph breaks in the meulie-framed reading against the truth."""
    verses: Score = attrs.Factory(Score)
    """Verses in the meulie-framed reading against the truth."""
    poems: dict[str, list[str]] = attrs.Factory(dict)
    """Each poem page, with the renderings in which it read as its own poem."""
    missed_poems: list[tuple[str, str]] = attrs.Factory(list)
    """``(page, rendering)`` where a poem did not read as itself."""
    false_poems: list[tuple[str, str]] = attrs.Factory(list)
    """``(page, rendering)`` where a page that is no poem gave one."""
    misaligned: list[str] = attrs.Factory(list)
    """Articles whose reading had another number of body rows (not measured)."""


def is_poem_page(article: Article) -> bool:
    """The label, from the page's own words: a Gedichtetag, a Poem, a ``Gedicht`` tag."""
    lead = article.lead.text if article.lead is not None else ""
    return "Gedichtetag" in lead or "Poem" in lead or "Gedicht" in article.tags


def _verses(doc: Document) -> list[str] | None:
    poem = tazformat.to_dict(doc)["poem"]
    return None if poem is None else [verse for stanza in poem for verse in stanza]


def _measure_breaks(name: str, doc: Document, report: Report) -> None:
    assert isinstance(doc.page, Article)
    read = tazformat.loads(served(doc, "meulie-framed"))
    if not isinstance(read.page, Article):
        report.misaligned.append(name)
        return
    rows, truth = breaks(doc.page)
    read_rows, found = breaks(read.page)
    if rows != read_rows:
        report.misaligned.append(name)
        return
    report.articles.append(name)
    report.breaks.truth += len(truth)
    report.breaks.found += len(found)
    report.breaks.right += len(truth & found)
    want, got = Counter(_verses(doc) or []), Counter(_verses(read) or [])
    report.verses.truth += sum(want.values())
    report.verses.found += sum(got.values())
    report.verses.right += sum((want & got).values())


def _measure_poem(name: str, doc: Document, report: Report) -> None:
    own = _verses(doc)
    poem = is_poem_page(doc.page) if isinstance(doc.page, Article) else False
    for rendering in [doc.rendering, *(r.name for r in RENDERINGS if r.name != doc.rendering)]:
        read = doc if rendering == doc.rendering else tazformat.loads(served(doc, rendering))
        verses = _verses(read)
        if not poem:
            if verses is not None:
                report.false_poems.append((name, rendering))
        elif own is not None and verses == own:
            report.poems.setdefault(name, []).append(rendering)
        else:
            report.missed_poems.append((name, rendering))


def documents(corpus: Path) -> Iterator[tuple[str, Document]]:
    """The corpus articles, parsed, by file name."""
    for path in sorted(corpus.glob("*.txt")):
        doc = tazformat.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
        if isinstance(doc.page, Article):
            yield path.name, doc


def keeps_blank_rows(doc: Document) -> bool:
    """Say whether the text kept blank rows (any row but the last has some after it)."""
    rows = list(doc.rows())
    return any(row.framing is not None and row.framing.gap for row in rows[:-1])


def measure(corpus: Path) -> Report:
    """Measure every corpus article (see the module's docstring)."""
    report = Report()
    for name, doc in documents(corpus):
        if keeps_blank_rows(doc):
            _measure_breaks(name, doc, report)
        _measure_poem(name, doc, report)
    return report


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    report = measure(parser.parse_args().corpus)
    b, v = report.breaks, report.verses
    print(f"articles that keep blank rows: {len(report.articles)} ({', '.join(report.articles)})")
    print(f"paragraph breaks: {b.truth} true, {b.found} found, {b.right} right")
    print(f"  precision {b.precision:.3f}, recall {b.recall:.3f}")
    print(f"verses: {v.truth} true, {v.found} found, {v.right} right")
    print(f"  precision {v.precision:.3f}, recall {v.recall:.3f}")
    renderings = len(RENDERINGS)
    for name, read in sorted(report.poems.items()):
        print(f"poem {name}: itself in {len(read)} of {renderings} renderings")
    print(f"poems missed: {report.missed_poems or 'none'}")
    print(f"pages read as a poem that are none: {report.false_poems or 'none'}")
    if report.misaligned:
        print(f"not measured (body rows differ): {report.misaligned}")


if __name__ == "__main__":
    main()
