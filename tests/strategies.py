"""Hypothesis strategies shared by the property tests.

In the manner of attrs' ``tests/strategies.py``: every strategy is a plain
function returning a :class:`~hypothesis.strategies.SearchStrategy`.

- :func:`documents` generates *canonical* documents: the models that
  :func:`tazformat.loads` gives back for :func:`tazformat.dumps` of them.
  Every row has the canonical framing of its rendering, every row is short
  enough (or cut exactly as a proxy cuts) for its ``truncated`` flag to be
  right, and the text of every row keeps it in its kind: a body row never
  looks like a heading, a lead row, a subhead, a date or a section heading.
  Entries of listings and of ``## ARTIKEL ZUM THEMA`` are built so that the
  wrapping rule of :mod:`tazformat.entries` splits them back as generated.
- :func:`texts` generates arbitrary text for the round-trip property: any
  Unicode, rows that look like the format (framed, half framed, cut) joined
  with any line endings, and dumped documents with damage done to them.

The text is German-ish and written for these tests.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

from structure_strategies import whole_paragraph
from tazformat import dumps
from tazformat.models import (
    Article,
    Authors,
    Block,
    DateRow,
    Document,
    Entry,
    Framing,
    Lead,
    Line,
    Links,
    LinkTarget,
    Listing,
    Page,
    Paragraph,
    Picture,
    Related,
    Section,
    SectionHeading,
    Stray,
    Subhead,
    Tags,
    Title,
)
from tazformat.renderings import get
from tazformat.vocabulary import BARE_MARKUP, SECTION_NAMES, TITLE_MARKUP, Kind
from tazformat.vocabulary import MONTHS as VOCABULARY_MONTHS

__all__ = [
    "HEADERS",
    "RENDERINGS",
    "article_documents",
    "articles",
    "cut_texts",
    "documents",
    "framing_of",
    "is_cut",
    "is_text_row",
    "kicker_titles",
    "listings",
    "renderings",
    "rows",
    "starts_entry",
    "texts",
    "words",
]

RENDERINGS = ("meulie-framed", "meulie-right-frame", "meulie-plain", "plain")
"""The renderings :func:`documents` writes in."""

NAV_ROWS = "Introduction\nIntroduction Statistics Contact Development Disclaimer Help\n"
HEADERS = {"meulie-plain": NAV_ROWS}
"""The header of a document in each rendering (``""`` where none is listed)."""

HEADS = tuple(SECTION_NAMES.values())
"""The texts of the section headings (after ``## ``)."""

HEAD_ROWS = tuple(f"## {head}" for head in HEADS)
"""The section heading rows."""

MONTHS = VOCABULARY_MONTHS

WRAP = 75
"""Column at which taz wraps teaser and body text (spec § 2.7)."""

SENTENCE_ENDS = (".", "!", "?", "\u201c", "\u201d", '"', "\u00bb", ")", "\u2026")
"""Characters that end a sentence, closing quotes and brackets included."""

PHROOT_TYPES = (
    "DIR",
    "IMG",
    "GIF",
    "TXT",
    "TEXT",
    "HTM",
    "HTML",
    "BIN",
    "SND",
    "QRY",
    "TEL",
    "ERR",
)
"""The item type words of the phroot proxy's gutter."""

ROW_LIMIT = 80
"""Longest row content, in UTF-8 bytes, that a proxy passes unchanged."""

SHORT = 69
"""Longest generated row: short of both the wrap column and the row limit."""

LETTERS = string.ascii_letters + "äöüÄÖÜß"
ALNUM = LETTERS + string.digits

# --- what a row may not look like --------------------------------------------

_HEADING = re.compile(r"# taz\.de -- ")
_MARKED = re.compile(r"# taz\.de -- |> |Bild: |## |\[\d+\] |Introduction(?: |$)")
_DATE = re.compile(r"[1-9]\d? (?:" + "|".join(MONTHS) + r") \d{4}")
_TYPE_WORD = re.compile(r"(?:DIR|IMG|GIF|TXT|HTM) ")


def is_text_row(row: str) -> bool:
    """Say whether ``row`` reads back as a plain text row, wherever it stands.

    It must not be blank, start with the markup of another row kind
    (heading, lead, picture, subhead, link target, meulie navigation) or be
    a date row. Nor may it start with one of the type words that
    ``phroot-flat`` reads as a label at a line start (``DIR ``, ``IMG ``…):
    such a row in plain text is the same text as a ``phroot-flat`` item.
    """
    return (
        bool(row.strip(" \t"))
        and not _MARKED.match(row)
        and not _DATE.fullmatch(row)
        and not _TYPE_WORD.match(row)
    )


def is_cut(content: str) -> bool:
    """The proxy-cut rule, restated: 79 bytes (or 76-78 and U+FFFD), then ``…``."""
    if not content.endswith("\u2026"):
        return False
    kept = content[:-1]
    if kept.endswith("\ufffd") and 76 <= len(kept[:-1].encode("utf-8", "surrogatepass")) < 79:
        return True
    return len(kept.encode("utf-8", "surrogatepass")) == ROW_LIMIT - 1


def starts_entry(previous: str, row: str) -> bool:
    """Say whether ``row`` is a new entry's title: the wrapping rule, restated.

    ``previous`` is the teaser row before it. A row starts an entry when the
    teaser row ends a sentence and either the row's first word would have
    fitted on it (the wrap did not break there) or the row has a kicker.
    """
    if is_cut(previous) or not previous.rstrip().endswith(SENTENCE_ENDS):
        return False
    first_word = row.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) <= WRAP or ": " in row


def _title_shaped(row: str) -> bool:
    """A short ``kicker: headline`` row without a sentence end (a title-only entry's shape)."""
    return bool(re.search(r"\S: \S", row)) and not row.rstrip().endswith(SENTENCE_ENDS)


# --- words and rows ----------------------------------------------------------

_WORDS = (
    "Gemeinderat",
    "Bürgermeisterin",
    "Haushalt",
    "Mietendeckel",
    "Fahrradstraße",
    "Verkehrswende",
    "Bündnis",
    "Kommunalwahl",
    "Öffentlichkeit",
    "Wärmepumpe",
    "Nordseeküste",
    "Hafenbecken",
    "Lehrkräfte",
    "Klimaschutz",
    "Genossenschaft",
    "Überstunden",
    "Straßenbahn",
    "Kiez",
    "Senat",
    "Bezirk",
    "Initiative",
    "Protest",
    "Gericht",
    "Urteil",
    "Zukunft",
    "Streit",
    "sagte",
    "hatte",
    "wurde",
    "nicht",
    "auch",
    "mehr",
    "schon",
    "über",
    "für",
    "größer",
    "müssen",
    "könnte",
    "heißt",
    "die",
    "der",
    "das",
    "und",
    "mit",
    "am",
    "im",
    "2023",
    "17",
    "4.500",
)

_KICKERS = (
    "Streit um Mieten",
    "Verkehr in Hamburg",
    "Kommentar",
    "Nach der Wahl",
    "Debatte",
    "Klimaprotest",
    "Neue Studie",
    "Interview",
)

_TAGS = ("Berlin", "Hamburg", "Bremen", "Mieten", "Klimawandel", "Verkehr", "SPD", "Grüne")

_NAMES = ("Anna Müller", "Jörg Schäfer", "Fatma Yıldız", "Lena Groß", "Tom Özdemir")

_bare_words = st.one_of(st.sampled_from(_WORDS), st.text(ALNUM, min_size=1, max_size=10))
_letter_words = st.one_of(
    st.sampled_from(tuple(w for w in _WORDS if w.isalpha())),
    st.text(LETTERS, min_size=1, max_size=10),
)


def _decorate(parts: tuple[str, str, str]) -> str:
    return "".join(parts)


words = st.one_of(
    _bare_words,
    st.tuples(
        st.sampled_from(("", "„")),
        _bare_words,
        st.sampled_from((",", ".", "“", ".“", "!", "?", ":", "“,")),
    ).map(_decorate),
    st.just("–"),
)
"""One word: plain, or with punctuation and German quotes around it."""

_plain_words = st.one_of(_letter_words, _letter_words.map(lambda w: w + ","))
"""Words that end no sentence and hold no colon."""


def _reference(parts: tuple[int, list[str]]) -> str:
    return f"[{parts[0]}][{' '.join(parts[1])}]"


_references = st.tuples(st.integers(1, 12), st.lists(_bare_words, min_size=1, max_size=3)).map(
    _reference
)
"""An inline reference ``[n][text]``."""


def _fit(row_words: Sequence[str], max_len: int) -> str:
    row_words = list(row_words)
    row = " ".join(row_words)
    while len(row) > max_len and len(row_words) > 1:
        row_words.pop()
        row = " ".join(row_words)
    return row[:max_len]


def rows(
    of: st.SearchStrategy[str] = words,
    *,
    min_words: int = 1,
    max_words: int = 9,
    max_len: int = SHORT,
) -> st.SearchStrategy[str]:
    """A text row: words joined by spaces, at most ``max_len`` characters."""
    return (
        st.lists(of, min_size=min_words, max_size=max_words)
        .map(lambda ws: _fit(ws, max_len))
        .filter(is_text_row)
    )


def _cut(markup: str, row_words: list[str]) -> str:
    raw = markup + " ".join(row_words)
    while len(raw.encode("utf-8")) <= ROW_LIMIT:
        raw += " " + " ".join(row_words)
    kept = raw.encode("utf-8")[: ROW_LIMIT - 1].decode("utf-8", "replace")
    content = kept + "\u2026"
    assert is_cut(content), content
    return content[len(markup) :]


def cut_texts(markup: str = "") -> st.SearchStrategy[str]:
    """The text of a row (after ``markup``) that a proxy cut: 79 bytes and ``…``."""
    texts = st.lists(words, min_size=3, max_size=8).map(lambda ws: _cut(markup, ws))
    return texts.filter(is_text_row) if not markup else texts


def _sometimes_cut(
    row: st.SearchStrategy[str], markup: str = ""
) -> st.SearchStrategy[tuple[str, bool]]:
    """A row's text and whether it is cut: mostly whole, now and then cut."""
    whole = row.map(lambda text: (text, False))
    return st.one_of(whole, whole, whole, cut_texts(markup).map(lambda text: (text, True)))


def _kicker_title(parts: tuple[str, str]) -> str:
    return f"{parts[0]}: {parts[1]}"


def kicker_titles() -> st.SearchStrategy[str]:
    """A title text ``Kicker: Headline`` that ends no sentence."""
    kickers = st.one_of(
        st.sampled_from(_KICKERS),
        rows(_plain_words, max_words=3, max_len=30).map(lambda r: r.rstrip(",")),
    )
    headlines = rows(_plain_words, max_words=6, max_len=40).map(lambda r: r.rstrip(","))
    return st.tuples(kickers, headlines).map(_kicker_title).filter(is_text_row)


def _unended(row: str) -> str:
    row = row.rstrip("".join((*SENTENCE_ENDS, ",:– ")))
    return row if is_text_row(row) else (row + " Titel").strip()


def _entry_titles() -> st.SearchStrategy[str]:
    """A listed title: ``Kicker: Headline`` mostly, no sentence end at its end."""
    return st.one_of(kicker_titles(), kicker_titles(), rows(max_words=6).map(_unended))


def _ended(row: str) -> str:
    row = row.rstrip(",:– ")
    if not row.endswith(SENTENCE_ENDS):
        row += "."
    return row if is_text_row(row) else "Ende."


# --- nodes -------------------------------------------------------------------


def renderings() -> st.SearchStrategy[str]:
    """The name of a rendering :func:`documents` writes in."""
    return st.sampled_from(RENDERINGS)


@st.composite
def _entries(draw: st.DrawFn, framing: Framing, max_size: int) -> tuple[Entry, ...]:
    """Entries that the wrapping rule splits back as they are generated."""
    count = draw(st.integers(0, max_size))
    titles = [draw(_entry_titles()) for _ in range(count)]
    entries: list[Entry] = []
    for index, title in enumerate(titles):
        last = index == count - 1
        teaser: list[tuple[str, bool]] = []
        size = draw(st.integers(0 if last else 1, 3))
        for _ in range(size):
            # A full row ending a sentence, where the next word would not fit,
            # or any row; a proxy-cut row now and then.
            kind = draw(st.sampled_from(("row", "row", "full", "cut")))
            if kind == "cut":
                teaser.append((draw(cut_texts()), True))
            elif kind == "full":
                row = draw(rows(min_words=12, max_words=14, max_len=SHORT - 1))
                teaser.append((_ended(row), False))
            else:
                teaser.append((draw(rows()), False))
        if not last:
            teaser[-1] = (_ended(draw(rows(max_words=5, max_len=40))), False)
            assert starts_entry(teaser[-1][0], titles[index + 1])
        # A teaser row followed by one that would read as a title gets a word
        # more, so that it ends no sentence.
        for i in range(len(teaser) - 1):
            if starts_entry(teaser[i][0], teaser[i + 1][0]):
                teaser[i] = (teaser[i][0] + " und", False)
        # A first teaser row shaped like a title (kicker, no sentence end)
        # after a title so shaped would read as a title-only entry's next
        # title: it loses its kicker separator.
        if teaser and _title_shaped(title) and _title_shaped(teaser[0][0]):
            teaser[0] = (teaser[0][0].replace(": ", ", "), teaser[0][1])
        entries.append(
            Entry(
                Title(title, framing=framing),
                tuple(Line(text, framing=framing, truncated=cut) for text, cut in teaser),
            )
        )
    return tuple(entries)


L = TypeVar("L", bound=Line)


def _line(cls: type[L], framing: Framing) -> Callable[[tuple[str, bool]], L]:
    return lambda text_cut: cls(text_cut[0], framing=framing, truncated=text_cut[1])


def _strays(framing: Framing, row: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[Stray, ...]]:
    return st.lists(row.map(lambda text: Stray(text, framing=framing)), max_size=2).map(tuple)


_stray_rows = st.one_of(
    rows(),
    st.tuples(st.sampled_from(("## ", "> ", "Bild: ", "## LINKS ", "# taz.de ")), rows()).map(
        "".join
    ),
    st.sampled_from(("## ", "## LINKS:", "8 Jan 2022", "## TAGS ", "[1]")),
)
"""Rows that no rule understands in the places strays are generated."""


@st.composite
def _sections(draw: st.DrawFn, framing: Framing) -> Section:
    kind = draw(st.sampled_from(("links", "authors", "tags", "related")))
    if kind == "links":
        targets = st.tuples(
            st.integers(1, 30),
            st.lists(st.text(string.ascii_letters, min_size=1, max_size=8), min_size=1, max_size=4),
            st.integers(1_000_000, 9_999_999),
        ).map(lambda t: f"[{t[0]}] /{'-'.join(t[1])}/!{t[2]}")
        item = st.one_of(
            targets.map(lambda text: LinkTarget(text, framing=framing)),
            _stray_rows.filter(lambda r: not re.match(r"\[\d+\] ", r) and r not in HEAD_ROWS).map(
                lambda text: Stray(text, framing=framing)
            ),
        )
        items = tuple(draw(st.lists(item, max_size=4)))
        return Links(SectionHeading(Links.name(), framing=framing), items)
    if kind == "related":
        return Related(
            SectionHeading(Related.name(), framing=framing), draw(_entries(framing, max_size=3))
        )
    names = st.one_of(st.sampled_from(_NAMES if kind == "authors" else _TAGS), rows(max_words=3))
    lines = tuple(Line(text, framing=framing) for text in draw(st.lists(names, max_size=6)))
    if kind == "authors":
        return Authors(SectionHeading(Authors.name(), framing=framing), lines)
    return Tags(SectionHeading(Tags.name(), framing=framing), lines)


_body_rows = rows(st.one_of(words, words, _references))
"""A body row: words and now and then an inline reference."""

_subhead_texts = st.one_of(st.just(""), rows(max_words=7)).filter(lambda t: t not in HEADS)

_dates = st.one_of(
    st.tuples(st.integers(1, 31), st.sampled_from(MONTHS), st.integers(1990, 2030)),
    st.tuples(st.integers(1, 31), st.sampled_from(MONTHS), st.integers(0, 9999)),
).map(lambda d: f"{d[0]} {d[1]} {d[2]:04d}")
"""A date row: mostly a real day, now and then one of no calendar."""


@st.composite
def _body(draw: st.DrawFn, framing: Framing, subhead: bool) -> tuple[Block, ...]:
    """Paragraphs and subheads; no two paragraphs meet (no blank rows here)."""
    blocks: list[Block] = []
    for _ in range(draw(st.integers(0, 4))):
        if (blocks and isinstance(blocks[-1], Paragraph)) or draw(st.booleans()):
            blocks.append(Subhead(draw(_subhead_texts), framing=framing))
        else:
            lines = draw(
                st.lists(_sometimes_cut(_body_rows), min_size=1, max_size=4).map(whole_paragraph)
            )
            blocks.append(Paragraph(tuple(map(_line(Line, framing), lines))))
    if subhead and not any(isinstance(b, Subhead) for b in blocks):
        blocks.append(Subhead(draw(_subhead_texts), framing=framing))
    return tuple(blocks)


_page_titles = st.one_of(kicker_titles(), rows(max_words=7))


@st.composite
def _articles(draw: st.DrawFn, framing: Framing) -> Article:
    # An article must read as one: it has at least one of these.
    marker = draw(st.sampled_from(("lead", "picture", "date", "section", "subhead")))
    text, cut = draw(_sometimes_cut(_page_titles, TITLE_MARKUP))
    title = Title(text, framing=framing, truncated=cut, markup=TITLE_MARKUP)
    lead = None
    if marker == "lead" or draw(st.booleans()):
        lines = draw(st.lists(_sometimes_cut(rows(), "> "), min_size=1, max_size=3))
        lead = Lead(tuple(map(_line(Line, framing), lines)))
    picture = None
    if marker == "picture" or draw(st.booleans()):
        picture = _line(Picture, framing)(draw(_sometimes_cut(rows(), "Bild: ")))
    body = draw(_body(framing, marker == "subhead"))
    date = None
    after_date: tuple[Stray, ...] = ()
    if marker == "date" or draw(st.booleans()):
        date = DateRow(draw(_dates), framing=framing)
        after_date = draw(_strays(framing, _stray_rows.filter(lambda r: r not in HEAD_ROWS)))
    sections = tuple(
        draw(st.lists(_sections(framing), min_size=int(marker == "section"), max_size=3))
    )
    return Article(title, lead, picture, body, date, after_date, sections)


@st.composite
def _listings(draw: st.DrawFn, framing: Framing) -> Listing:
    text = draw(st.one_of(_page_titles, st.sampled_from(("Nord", "Berlin", None))))
    if text is None:  # the bare site heading of the home page
        title = Title("taz.de", framing=framing, markup=BARE_MARKUP)
    else:
        title = Title(text, framing=framing, markup=TITLE_MARKUP)
    return Listing(title, draw(_entries(framing, max_size=5)))


_KINDS = (
    (Kind.HEADING, "i"),
    (Kind.LEAD, "i"),
    (Kind.PICTURE, "m"),
    (Kind.TEXT, "i"),
    (Kind.SUBHEAD, "i"),
    (Kind.DATE, "i"),
    (Kind.SECTION_HEAD, "i"),
    (Kind.LINK_TARGET, "i"),
    (Kind.ITEM, "l"),
)
"""The row kinds and item types that :func:`documents` writes."""


def framing_of(rendering: str) -> Framing:
    """The canonical framing of every row of a generated document in ``rendering``.

    The renderings of :data:`RENDERINGS` frame every kind of row alike.
    """
    framings = {get(rendering).frame(kind, item_type) for kind, item_type in _KINDS}
    assert len(framings) == 1, framings
    return framings.pop()


def articles(rendering: str = "meulie-framed") -> st.SearchStrategy[Article]:
    """A canonical article in ``rendering``."""
    return _articles(framing_of(rendering))


def listings(rendering: str = "meulie-framed") -> st.SearchStrategy[Listing]:
    """A canonical listing in ``rendering``."""
    return _listings(framing_of(rendering))


_prelude_rows = _stray_rows.filter(lambda r: not r.startswith("# taz.de -- "))


def _documents_in(
    rendering: str, kinds: Sequence[str] = ("article", "listing")
) -> st.SearchStrategy[Document]:
    framing = framing_of(rendering)
    pages: st.SearchStrategy[Page] = st.one_of(
        *([_articles(framing)] if "article" in kinds else []),
        *([_listings(framing)] if "listing" in kinds else []),
    )
    return st.builds(
        Document,
        st.just(rendering),
        pages,
        header=st.just(HEADERS.get(rendering, "")),
        prelude=st.one_of(st.just(()), _strays(framing, _prelude_rows)),
    )


def documents(rendering: str | None = None) -> st.SearchStrategy[Document]:
    """A canonical document: ``loads(dumps(doc)) == doc``.

    Args:
        rendering: The rendering to write in; any of :data:`RENDERINGS` when
            ``None``.

    """
    if rendering is not None:
        return _documents_in(rendering)
    return renderings().flatmap(_documents_in)


def article_documents(rendering: str | None = None) -> st.SearchStrategy[Document]:
    """A canonical document of an article, as :func:`documents`."""
    if rendering is not None:
        return _documents_in(rendering, ("article",))
    return renderings().flatmap(lambda name: _documents_in(name, ("article",)))


# --- arbitrary text ----------------------------------------------------------

_FRAMES = (
    ("| ", " | |"),
    ("", " | |"),
    ("", ""),
    ("| ", ""),
    ("|", ""),
    ("", " |"),
    ("", " | "),
    ("| ", " |"),
    ("|", "|"),
    ("       ", ""),
    (" (DIR) ", ""),
    (" (IMG) ", ""),
    ("(DIR) ", ""),
    ("   DIR ", ""),
    ("DIR ", ""),
    ("=> /Slug/!123 ", ""),
    ("=>", ""),
    ("i", "\tfake\t(NULL)\t0"),
    ("1", "\t/!5826872\ttaz.de\t70"),
    ("\t", ""),
)
"""Frames of the renderings, whole and broken, and of other renderings."""

_HEADERS = (
    "",
    "",
    NAV_ROWS,
    "Introduction\n",
    "\n \n",
    "URI: gopher://taz.de/1/\n",
    "-- Leo's gemini proxy\n-- Connecting to taz.de:1965...\n\n",
    "View Raw\n-=-=-=-=-=-=-\n",
    "  P H O X Y\ngophering on taz.de\n",
)
"""Header rows of proxies, archives and renderings."""

_SPECIAL_ROWS = (
    "",
    " ",
    "|",
    "| ",
    " | |",
    "| | |",
    "Introduction",
    NAV_ROWS.splitlines()[1],
    "# taz.de -- ",
    "# taz.de -- Nord",
    "## ",
    "## LINKS",
    "## AUTOREN",
    "## TAGS",
    "## ARTIKEL ZUM THEMA",
    "8 Jan 2022",
    "31 Feb 2022",
    "0 Jan 2022",
    "[1] /Unruhen-im-Kiez/!5826872",
    "[1][",
    "[2][Bündnis]",
    "> ",
    "Bild: ",
    "Berlin taz | Der Senat",
    "\u2026",
    "...",
    "taz.de",
    "taz.de -- Nord",
    "# taz.de",
    "LINKS",
    "ARTIKEL ZUM THEMA",
    ".",
)

_content = st.one_of(
    st.sampled_from(_SPECIAL_ROWS),
    st.tuples(
        st.sampled_from(("", "", "# taz.de -- ", "> ", "Bild: ", "## ", "[3] ")),
        st.one_of(rows(), kicker_titles(), _dates),
    ).map("".join),
    st.sampled_from(("", "> ", "Bild: ", "# taz.de -- ")).flatmap(cut_texts),
    st.text(max_size=12),
)


@st.composite
def _row_texts(draw: st.DrawFn) -> str:
    """Rows like the format's, framed mostly alike, joined by any line endings."""
    frame = draw(st.sampled_from(_FRAMES))
    newline = draw(st.sampled_from(("\n", "\n", "\r\n", "\r")))
    parts = [draw(st.sampled_from(_HEADERS))]
    for _ in range(draw(st.integers(0, 12))):
        prefix, suffix = frame if draw(st.integers(0, 5)) else draw(st.sampled_from(_FRAMES))
        parts.append(prefix + draw(_content) + suffix)
        parts.append(newline if draw(st.integers(0, 5)) else draw(st.sampled_from(("", "\r\n"))))
    return "".join(parts)


@st.composite
def _damaged_documents(draw: st.DrawFn) -> str:
    """A dumped document, cut short or with its line endings changed."""
    text = draw(documents().map(dumps))
    newline = draw(st.sampled_from(("\n", "\n", "\r\n", "\r")))
    text = text.replace("\n", newline)
    return text[: draw(st.integers(0, len(text)))] if draw(st.booleans()) else text


def texts() -> st.SearchStrategy[str]:
    """Any text: ``st.text()``, rows like the format's, damaged documents."""
    return st.one_of(st.text(), _row_texts(), _damaged_documents())
