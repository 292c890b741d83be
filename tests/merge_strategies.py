"""Hypothesis strategies for merging: a page, and damaged captures of it.

:func:`pages` generates a canonical taz page (article or listing) whose
rows taz wrapped at ``WRAP`` characters; :func:`captures` writes it in a
rendering and damages it as proxies and archives do: every row over 80
bytes cut to 79 bytes and ``…`` (gopher proxies), link rows dropped (a
Gemini proxy), the capture cut at a byte budget. Renderings that drop blank
rows are among the renderings drawn. The words are German-ish and written
for these tests.
"""

from __future__ import annotations

import textwrap
from typing import TypeVar

import attrs
from hypothesis import strategies as st

import tazformat
from tazformat.models import (
    TITLE_MARKUP,
    Article,
    Authors,
    DateRow,
    Document,
    Entry,
    Lead,
    Line,
    Listing,
    Page,
    Paragraph,
    Picture,
    Related,
    Subhead,
    Tags,
    Title,
)
from tazformat.wrapping import WRAP

__all__ = ["CAPTURE_RENDERINGS", "captures", "pages", "proxy_cut"]

CAPTURE_RENDERINGS = (
    "meulie-framed",
    "meulie-right-frame",
    "meulie-plain",
    "gopher-menu",
    "gopher-menu-flat",
    "phroot",
    "gemtext",
    "gemini-proxy-log",
)
"""Renderings a capture is written in: framed, flat (no blank rows), Gemini."""

GEMINI = ("gemtext", "gemini-proxy-log")
"""Renderings of Gemini proxies: no row cuts (rows are not limited)."""

_WORDS = [
    "der",
    "die",
    "das",
    "und",
    "mit",
    "auf",
    "für",
    "Stadt",
    "Bezirk",
    "Wasser",
    "Hafen",
    "Sommer",
    "Grenze",
    "Straße",
    "Gemeinde",
    "Mehrheit",
    "Haushalt",
    "Schule",
    "Verkehr",
    "Zukunft",
    "Bürgermeisterin",
    "Verwaltungsgericht",
    "Wohnungsbaugesellschaft",
    "Übergangslösung",
    "sagt",
    "plant",
    "baut",
    "schließt",
    "öffnet",
    "wartet",
    "bleibt",
    "heute",
    "gestern",
    "lange",
    "schon",
    "wieder",
    "kaum",
    "bald",
    "neue",
    "alte",
    "große",
    "kleine",
    "grüne",
    "Menschen",
    "Kinder",
    "Ämter",
    "Räder",
    "Brücken",
    "Läden",
    "Gärten",
]

_word = st.sampled_from(_WORDS)


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


_sentences = st.lists(_word, min_size=3, max_size=14).map(_sentence)


def _wrapped(sentences: list[str]) -> tuple[Line, ...]:
    rows = textwrap.wrap(" ".join(sentences), WRAP, break_long_words=False, break_on_hyphens=False)
    return tuple(Line(row) for row in rows)


_blocks = st.lists(_sentences, min_size=1, max_size=4).map(_wrapped)
"""A text block (paragraph, lead, teaser) wrapped as taz wraps."""

_phrases = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_titles = st.tuples(_phrases, _phrases).map(lambda t: f"{t[0].title()}: {t[1]}")
_dates = st.tuples(
    st.integers(1, 28), st.sampled_from(("Jan", "Mar", "Oct")), st.integers(2000, 2030)
).map(lambda d: f"{d[0]} {d[1]} {d[2]}")


@st.composite
def _entries(draw: st.DrawFn) -> tuple[Entry, ...]:
    count = draw(st.integers(1, 4))
    return tuple(Entry(Title(draw(_titles)), draw(_blocks)) for _ in range(count))


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    title = Title(draw(_titles), markup=TITLE_MARKUP)
    lead = Lead(draw(_blocks))
    picture = (
        Picture(" ".join(draw(st.lists(_sentences, max_size=2)))) if draw(st.booleans()) else None
    )
    body: list[Paragraph | Subhead] = []
    for _ in range(draw(st.integers(1, 6))):
        if body and isinstance(body[-1], Paragraph) and draw(st.integers(0, 3)) == 0:
            body.append(Subhead(draw(_phrases).title()))
        else:
            body.append(Paragraph(draw(_blocks)))
    date = DateRow(draw(_dates)) if draw(st.booleans()) else None
    sections: list[Authors | Tags | Related] = []
    if date is not None and draw(st.booleans()):
        sections.append(Authors(Line("AUTOREN"), (Line(draw(_phrases).title()),)))
    if date is not None and draw(st.booleans()):
        tags = draw(st.lists(_word.map(str.title), min_size=1, max_size=5))
        sections.append(Tags(Line("TAGS"), tuple(Line(tag) for tag in tags)))
    if date is not None and draw(st.booleans()):
        sections.append(Related(Line("ARTIKEL ZUM THEMA"), draw(_entries())))
    return Article(title, lead, picture, tuple(body), date, (), tuple(sections))


@st.composite
def _listings(draw: st.DrawFn) -> Listing:
    return Listing(Title(draw(_phrases).title(), markup=TITLE_MARKUP), draw(_entries()))


def pages(listings: bool = True) -> st.SearchStrategy[Page]:
    """A canonical page: an article (mostly) or, with ``listings``, a listing."""
    if not listings:
        return _articles()
    return st.one_of(_articles(), _articles(), _listings())


# --- damage ------------------------------------------------------------------


L = TypeVar("L", bound=Line)


def proxy_cut(row: L, markup: str = "") -> L:
    """The row as a gopher proxy passes it: over 80 bytes, cut to 79 and ``…``."""
    content = (markup + row.text).encode("utf-8")
    if len(content) <= 80:
        return row
    kept = content[:79].decode("utf-8", "replace")
    return attrs.evolve(row, text=kept[len(markup) :] + "\u2026", truncated=True)


def _cut_all(page: Page) -> Page:
    """Every row of the page as a gopher proxy passes it."""

    def title(node: Title) -> Title:
        return proxy_cut(node, node.markup)

    def rows(lines: tuple[object, ...], markup: str = "") -> tuple[Line, ...]:
        return tuple(proxy_cut(line, markup) for line in lines if isinstance(line, Line))

    def entries(items: tuple[object, ...]) -> tuple[Entry, ...]:
        return tuple(
            Entry(None if i.title is None else proxy_cut(i.title), rows(i.teaser))
            for i in items
            if isinstance(i, Entry)
        )

    if isinstance(page, Listing):
        return Listing(title(page.title), entries(page.items))
    body: list[Paragraph | Subhead] = []
    for block in page.body:
        if isinstance(block, Paragraph):
            body.append(Paragraph(rows(block.lines)))
        elif isinstance(block, Subhead):
            body.append(proxy_cut(block, "## "))
    sections: list[object] = []
    for section in page.sections:
        if isinstance(section, Related):
            sections.append(Related(section.heading, entries(section.items)))
        elif isinstance(section, (Authors, Tags)):
            sections.append(attrs.evolve(section, items=rows(section.items)))
    return Article(
        title(page.title),
        None if page.lead is None else Lead(rows(page.lead.lines, "> ")),
        None if page.picture is None else proxy_cut(page.picture, "Bild: "),
        tuple(body),
        page.date,
        (),
        tuple(sections),  # type: ignore[arg-type]
    )


def _drop_links(text: str) -> str:
    return "".join(row for row in text.splitlines(keepends=True) if not row.startswith("=> "))


Capture = tuple[str, bytes]
"""A capture: the rendering it was written in, and its bytes."""


@st.composite
def captures(draw: st.DrawFn, page: Page, mid_row: bool = True) -> Capture:
    """One capture of ``page``: a rendering, its damage, and the bytes.

    With ``mid_row`` false, a capture is cut only where a row ends and keeps
    its link rows (the damage the parser reads back without misreading).
    """
    rendering = draw(st.sampled_from(CAPTURE_RENDERINGS))
    if rendering not in GEMINI and draw(st.booleans()):
        page = _cut_all(page)
    # written from another rendering, so that each is framed canonically
    text = tazformat.dumps(Document("plain", page), rendering=rendering)
    if mid_row and rendering == "gemtext" and draw(st.booleans()):
        text = _drop_links(text)
    data = text.encode("utf-8")
    heading_end = data.index(b"\n", data.index(b"taz.de -- ")) + 1
    if draw(st.booleans()):
        budget = draw(st.integers(heading_end, len(data)))
        if not mid_row:
            budget = (
                data.rindex(b"\n", 0, budget) + 1
                if b"\n" in data[heading_end:budget]
                else heading_end
            )
        data = data[:budget]
    return rendering, data
