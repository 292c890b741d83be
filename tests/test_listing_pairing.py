"""Listings without link rows: which row is a title, found for the whole page.

Gemini text whose link rows were removed or never marked holds titles and
teasers as plain rows (``tazformat.entries``): teasers unwrapped on one long
row, titles short. The fixtures are written for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tazformat
from strategies import kicker_titles
from tazformat.entries import TEASER, TITLE, align, follows_title
from tazformat.models import Entry, Listing
from tazformat.wording import looks_like_title, reads_as_sentences

HEADING = "taz.de -- Nord"
T1 = "Hafen in Bremen: Die Kräne stehen still"
T2 = "Wattenmeer: Zählung der Seehunde"
T3 = "Radverkehr in Kiel: Eine Brücke für alle"
X1 = (
    "Seit Montag wird im Hafen gestreikt. Die Beschäftigten fordern mehr Lohn, "
    "kürzere Schichten und einen Platz im Aufsichtsrat."
)
X2 = (
    "Im Wattenmeer leben wieder mehr Seehunde als vor zehn Jahren, sagen die "
    "Forschenden der Station auf der Insel im Norden."
)
X3 = (
    "Die neue Brücke über die Förde soll im Herbst fertig sein. Der Bau kostet "
    "doppelt so viel wie geplant, die Stadt zahlt den Rest."
)
SPOKEN = (
    "Die Senatorin sagt: Das reicht nicht. Im Wattenmeer leben zwar wieder mehr "
    "Seehunde, doch die Fischer an der Küste klagen über „leere Netze“"
)
"""A teaser of 130 characters with ``: ``, a sentence inside and no full stop."""


def pairs(rows: list[str]) -> list[tuple[str | None, list[str]]]:
    """The listing's entries as ``(title, teaser rows)``, rows as plain Gemini text."""
    doc = tazformat.loads(HEADING + "\n" + "\n".join(rows) + "\n")
    assert tazformat.dumps(doc) == HEADING + "\n" + "\n".join(rows) + "\n"
    assert isinstance(doc.page, Listing)
    found = []
    for item in doc.page.items:
        assert isinstance(item, Entry), item
        title = None if item.title is None else item.title.text
        found.append((title, [line.text for line in item.teaser]))
    return found


def test_a_long_row_of_sentences_is_never_a_title() -> None:
    assert reads_as_sentences(SPOKEN)
    assert not looks_like_title(SPOKEN)
    assert pairs([T1, X1, SPOKEN, T2, X2]) == [(T1, [X1]), (None, [SPOKEN]), (T2, [X2])]


def test_a_title_with_a_sentence_mark_stays_a_title() -> None:
    quoted = "Historiker über den Hafen: „Es war nie still“"
    abbreviated = "St. Pauli in der Ersten Liga: Dr. Berg und die Kunst des Rollentauschs im Norden"
    for title in (quoted, abbreviated):
        assert looks_like_title(title)
        assert not reads_as_sentences(title)
        assert pairs([X1, title, X2]) == [(None, [X1]), (title, [X2])]


def test_a_page_without_titles_is_all_teasers_its_cut_last_row_too() -> None:
    cut = SPOKEN[:34]  # "Die Senatorin sagt: Das reicht nic": a kicker's shape
    assert looks_like_title(cut)
    assert pairs([X1, SPOKEN, X2, cut]) == [
        (None, [X1]),
        (None, [SPOKEN]),
        (None, [X2]),
        (None, [cut]),
    ]


def test_a_cut_last_row_after_titles_may_still_be_a_title() -> None:
    assert pairs([T1, X1, T2]) == [(T1, [X1]), (T2, [])]


def test_a_run_of_short_titles_is_a_run_of_title_only_entries() -> None:
    run = [f"Ort {n}: Neues aus dem Rat" for n in range(15)]
    assert pairs(run) == [(title, []) for title in run]
    assert pairs([*run[:3], T1, X1]) == [(run[0], []), (run[1], []), (run[2], []), (T1, [X1])]


def test_wrapped_teasers_whose_first_row_has_a_kicker_stay_teasers() -> None:
    wrapped = [
        "Hafen in Bremen: Die Kräne stehen still",
        "Die Gewerkschaft sagt: Wir streiken so lange, bis die Reederei mit uns",
        "verhandelt. Die Schiffe warten vor der Küste.",
    ]
    assert pairs(wrapped) == [(wrapped[0], wrapped[1:])]


def test_a_title_only_entry_does_not_shift_the_pairing_after_it() -> None:
    assert pairs([T1, T2, X2, T3, X3]) == [(T1, []), (T2, [X2]), (T3, [X3])]
    assert pairs([T1, X1, T2, T3, X3]) == [(T1, [X1]), (T2, []), (T3, [X3])]


def test_follows_title_reads_the_last_row_as_a_title_only_in_a_run() -> None:
    assert follows_title(T1, T2, None, run=True)
    assert not follows_title(T1, T2, None)
    assert not follows_title(T1, X1[:70], "verhandelt.")  # a teaser row: sentences


_TEASER_WORDS = st.sampled_from(
    [
        "Stadt",
        "Rat",
        "plant",
        "baut",
        "Hafen",
        "Schule",
        "Kinder",
        "Brücke",
        "Sommer",
        "heute",
        "lange",
        "sagt:",
        "„leere",
        "Netze“",
    ]
)


@st.composite
def teasers(draw: st.DrawFn) -> str:
    """A teaser row as Gemini sets it: sentences on one row, over 100 characters."""
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) <= 110:
        words = draw(st.lists(_TEASER_WORDS, min_size=3, max_size=9))
        end = draw(st.sampled_from([".", ".", "?", "!", ".“"]))
        sentences.append("Die " + " ".join(words) + end)
    text = " ".join(sentences)
    if draw(st.booleans()):  # no full stop at the end: a quote or nothing
        text = text.rstrip(".“!?") + draw(st.sampled_from(["“", "", " …"]))
    return text


_TITLES = kicker_titles().filter(lambda t: looks_like_title(t) and not t.rstrip().endswith("…"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TITLES, st.booleans(), teasers()), min_size=1, max_size=8))
def test_generated_gemini_listings_pair_as_written(
    entries: list[tuple[str, bool, str]],
) -> None:
    """Titles (some without teaser) and one-row teasers: the alignment finds each pair.

    A title-only entry is followed by a title here; one before the end of the
    page is read as a title too when it follows another title-only entry.
    """
    rows: list[str] = []
    truth: list[tuple[str | None, list[str]]] = []
    for index, (title, has_teaser, teaser) in enumerate(entries):
        last = index + 1 == len(entries)
        has_teaser = has_teaser or last
        rows += [title, teaser] if has_teaser else [title]
        truth.append((title, [teaser] if has_teaser else []))
    assert pairs(rows) == truth


_HOSTILE = st.one_of(
    _TITLES,
    teasers(),
    st.sampled_from(
        ["", " ", "\t", "## Kiel", "> Lead", "=> /x", "Wort:", "\u2028", "Bild: x", "…"]
    ),
    st.text(max_size=30),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_HOSTILE, max_size=12))
def test_align_gives_one_part_a_row_and_no_made_up_titles(texts: list[str]) -> None:
    parts = align(texts)
    assert len(parts) == len(texts)
    for text, part in zip(texts, parts, strict=True):
        assert part in (TITLE, TEASER)
        if part == TITLE:
            assert looks_like_title(text)  # a title has a kicker and no sentences
    if not any(looks_like_title(text) for text in texts[:-1]):
        assert TITLE not in parts
