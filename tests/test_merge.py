"""Merging captures of one page: alignment, the choice per unit, conflicts, grouping."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tazformat
from merge_strategies import captures, pages, proxy_cut
from tazformat.content import content_units
from tazformat.errors import MergeError
from tazformat.grouping import group
from tazformat.merging import merge, units
from tazformat.models import Document, Line

PAIRS = [("006.txt", "007.txt"), ("082.txt", "083.txt"), ("090.txt", "091.txt")]
"""Corpus samples that are one page captured twice (index.tsv); no other
two samples in the corpus are captures of one page (the listings of one
section in several renderings are crawls of different days)."""

Unit = tuple[str, str, bool]


def _load(path: Path) -> tazformat.Document:
    return tazformat.loads(path.read_bytes())


def _texts(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in content_units(doc)]


# --- written by hand ----------------------------------------------------------

HEAD = "| # taz.de -- Stadt: Ein Platz | |\n| > Der Platz wird neu gestaltet. | |\n"
ROW = "Der Bezirk plant seit Jahren um, und die Anwohnerinnen und Anwohner fragen"
FULL = "sich längst, wann die Bagger endlich kommen und ob die alten Bäume bleiben."
"""A row that leaves no room for the next row's first word: read as going on."""
WHOLE = (
    HEAD
    + "| Bild: Bäume am Platz | |\n"
    + f"| {ROW} | |\n| sich, wann. | |\n| Dann kommt der Sommer. | |\n"
    + "| 3 Oct 2025 | |\n"
)
"""A page in meulie-framed (no blank rows: the wrap rule ends paragraphs)."""


def test_a_capture_cut_short_is_completed_by_a_longer_one() -> None:
    whole = tazformat.loads(WHOLE)
    cut = tazformat.loads(WHOLE[: WHOLE.index("Anwohner")])
    merged = merge([cut, whole])
    assert _texts(merged.document) == _texts(whole)
    assert [s.input for s in merged.sources] == [0, 0, 0, 1, 1, 1]
    assert [s.repaired for s in merged.sources] == [False, False, False, True, False, False]
    assert merged.conflicts == ()


def test_a_proxy_cut_row_is_replaced_by_the_uncut_one() -> None:
    caption = "Bild: " + "Bäume und Bänke am neuen Platz " * 3
    row = Line(caption.removeprefix("Bild: ").strip())
    cut_text = proxy_cut(row, "Bild: ").text
    whole = tazformat.loads(HEAD + f"| {caption.strip()} | |\n")
    cut = tazformat.loads(HEAD + f"| Bild: {cut_text} | |\n| Dann kommt der Sommer. | |\n")
    assert [d.code for d in cut.diagnostics] == ["cut-row"]
    merged = merge([cut, whole])
    assert merged.document.page.picture.text == row.text  # type: ignore[union-attr]
    picture = merged.sources[2]
    assert (picture.kind, picture.input, picture.repaired) == ("picture", 1, True)
    assert merged.sources[-1].input == 0  # only the cut capture holds the paragraph
    back = tazformat.loads(tazformat.dumps(merged.document))
    assert back.diagnostics == ()


def test_a_cut_every_capture_shares_stays() -> None:
    caption = "Bild: " + "Bäume und Bänke am neuen Platz " * 3
    cut_text = proxy_cut(Line(caption[6:].strip()), "Bild: ").text
    cut = tazformat.loads(HEAD + f"| Bild: {cut_text} | |\n| Text. | |\n")
    merged = merge([cut, cut])
    assert merged.sources[2].damaged
    back = tazformat.loads(tazformat.dumps(merged.document))
    assert [d.code for d in back.diagnostics] == ["cut-row"]


def test_paragraphs_one_capture_joined_are_split_where_another_shows_the_end() -> None:
    page = WHOLE.replace("sich, wann.", FULL)
    joined = tazformat.loads(page)  # the full row hides the paragraph end
    assert [k for k, _, _ in units(joined)].count("paragraph") == 1
    gopher = tazformat.dumps(tazformat.loads(WHOLE), rendering="gopher-menu")
    kept = tazformat.loads(gopher.replace("sich, wann.", FULL))  # blank rows kept
    assert [k for k, _, _ in units(kept)].count("paragraph") == 2
    merged = merge([joined, kept])
    assert [s.kind for s in merged.sources].count("paragraph") == 2
    assert [s.input for s in merged.sources if s.kind == "paragraph"] == [0, 0]
    assert merged.conflicts == ()
    # where no capture shows the end, the paragraph stays one
    assert [s.kind for s in merge([joined, joined]).sources].count("paragraph") == 1


def test_two_whole_versions_that_differ_are_a_conflict_and_the_first_is_kept() -> None:
    a = tazformat.loads(WHOLE)
    b = tazformat.loads(WHOLE.replace("Dann kommt der Sommer.", "Dann kam der Herbst."))
    merged = merge([a, b])
    (conflict,) = merged.conflicts
    assert (conflict.kind, conflict.kept, conflict.other) == (
        "paragraph",
        "Dann kommt der Sommer.",
        "Dann kam der Herbst.",
    )
    assert (conflict.kept_input, conflict.other_input) == (0, 1)
    assert merged.sources[conflict.index].text == "Dann kommt der Sommer."
    assert not merged.sources[conflict.index].repaired  # a conflict is no repair
    assert merge([b, a]).sources[conflict.index].text == "Dann kam der Herbst."
    assert merge([a, a]).conflicts == ()


def test_the_rendering_is_the_most_complete_captures_or_the_one_asked_for() -> None:
    whole = tazformat.loads(tazformat.dumps(tazformat.loads(WHOLE), rendering="gopher-menu"))
    cut = tazformat.loads(WHOLE[:120])
    assert merge([cut, whole]).document.rendering == "gopher-menu"
    assert merge([cut, whole], rendering="gemtext").document.rendering == "gemtext"
    with pytest.raises(tazformat.UnknownRendering):
        merge([cut, whole], rendering="nope")


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (("Stadt: Ein Platz", "Stadt: Ein Park"), "title"),
        (("neu gestaltet", "abgerissen"), "lead"),
        (("3 Oct 2025", "4 Oct 2025"), "date"),
    ],
)
def test_different_pages_refuse_to_merge(change: tuple[str, str], what: str) -> None:
    other = tazformat.loads(WHOLE.replace(*change))
    with pytest.raises(MergeError) as caught:
        merge([tazformat.loads(WHOLE), other])
    assert caught.value.what == what
    assert caught.value.inputs == (0, 1)
    assert isinstance(caught.value, ValueError)


def test_a_changed_paragraph_is_no_other_page() -> None:
    other = tazformat.loads(WHOLE.replace("Sommer", "Herbst"))
    assert merge([tazformat.loads(WHOLE), other]).conflicts


def test_listings_of_other_entries_are_other_pages() -> None:
    listing = "# taz.de -- Nord\nHafen: Kräne stehen still\nSeit Montag wird gestreikt.\n"
    same = tazformat.loads(listing + "Bahn: Züge fallen aus\nWegen Bauarbeiten.\n")
    other = tazformat.loads(listing.replace("Kräne stehen still", "Schiffe warten"))
    merged = merge([tazformat.loads(listing), same])
    assert [s.kind for s in merged.sources] == ["title", *["entry-title", "entry-teaser"] * 2]
    with pytest.raises(MergeError, match="entries"):
        merge([tazformat.loads(listing), other])
    with pytest.raises(MergeError, match="kind"):
        merge([tazformat.loads(listing), tazformat.loads(WHOLE)])


def test_nothing_to_merge_and_wrong_types() -> None:
    with pytest.raises(MergeError, match="nothing"):
        merge([])
    with pytest.raises(MergeError, match="no taz page"):
        merge([tazformat.loads("nichts\n")])
    with pytest.raises(TypeError, match="loads"):
        merge([WHOLE])  # type: ignore[list-item]


def test_group_puts_captures_of_one_page_together(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(WHOLE, encoding="utf-8")
    b.write_text(WHOLE.replace("Stadt: Ein Platz", "Stadt: Ein Park"), encoding="utf-8")
    cut = tmp_path / "c.txt"
    cut.write_text(WHOLE[:150], encoding="utf-8")
    assert group([a, b, cut]) == [[a, cut], [b]]
    docs = [tazformat.loads(p.read_bytes()) for p in (b, a, cut)]
    assert group(docs) == [[docs[0]], [docs[1], docs[2]]]


# --- the spec's merge examples -------------------------------------------------

SPEC = Path(__file__).resolve().parent.parent / "docs" / "spec.md"
MERGE_EXAMPLE = re.compile(r"^\*\*Merge example (\d+)\*\*$", re.MULTILINE)
BLOCK = re.compile(
    r"^```(taz nonewline|taz merged|taz|json|text)\n(.*?)^```$", re.MULTILINE | re.DOTALL
)


def merge_examples() -> list[tuple[int, list[tuple[str, str]]]]:
    """The spec's merge examples: number, and their blocks as ``(info, text)``."""
    text = SPEC.read_text(encoding="utf-8")
    marks = list(MERGE_EXAMPLE.finditer(text))
    found = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        part = text[mark.end() : following.start() if following else len(text)]
        part = part.split("\n### ")[0]
        found.append((int(mark.group(1)), [(m.group(1), m.group(2)) for m in BLOCK.finditer(part)]))
    return found


MERGE_EXAMPLES = merge_examples()


def test_the_merge_examples_are_numbered_in_order() -> None:
    assert [number for number, _ in MERGE_EXAMPLES] == list(range(1, 6))


@pytest.mark.parametrize(
    ("number", "blocks"), MERGE_EXAMPLES, ids=[str(n) for n, _ in MERGE_EXAMPLES]
)
def test_merge_example(number: int, blocks: list[tuple[str, str]]) -> None:
    inputs = [
        text[:-1] if info == "taz nonewline" else text
        for info, text in blocks
        if info.startswith("taz") and info != "taz merged"
    ]
    docs = [tazformat.loads(text) for text in inputs]
    shown = dict((info, text) for info, text in blocks if info in ("taz merged", "json", "text"))
    if "text" in shown:
        with pytest.raises(MergeError) as caught:
            merge(docs)
        assert f"MergeError: {caught.value.what}" == shown["text"].strip()
        return
    merged = merge(docs)
    assert tazformat.dumps(merged.document) == shown["taz merged"]
    expected = json.loads(shown["json"])
    assert [s.input for s in merged.sources] == expected["inputs"]
    assert [s.kind for s in merged.sources if s.repaired] == expected["repaired"]
    assert [[c.kind, c.kept, c.other] for c in merged.conflicts] == expected["conflicts"]


def test_importing_the_merging_module_leaves_the_function_in_place() -> None:
    """``tazformat.merge`` is the function, whatever was imported before."""
    code = "import tazformat.cli, tazformat.merging, tazformat; print(callable(tazformat.merge))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True"]


# --- the corpus ---------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_corpus_pairs_merge_to_the_most_complete_page(
    corpus: Path, first: str, second: str
) -> None:
    docs = [_load(corpus / first), _load(corpus / second)]
    merged = merge(docs)
    got = units(merged.document)
    for doc in docs:
        for kind, text, whole in units(doc):
            if whole:  # held uncut by a capture: uncut in the merge
                assert (kind, text) in [(k, t) for k, t, _ in got], (kind, text)
    assert len(got) >= max(len(units(doc)) for doc in docs)  # as far as the longer
    heads = {t for doc in docs for k, t, _ in units(doc) if k == "section"}
    assert heads <= {t for k, t, _ in got if k == "section"}
    back = tazformat.loads(tazformat.dumps(merged.document))
    assert [(k, " ".join(t.split())) for k, t in _texts(back)] == [
        (k, " ".join(t.split())) for k, t in _texts(merged.document)
    ]
    cut_anywhere = [
        c for c in ("cut-row",) if all(c in [d.code for d in x.diagnostics] for x in docs)
    ]
    assert [d.code for d in back.diagnostics if d.code == "cut-row"] == cut_anywhere


def test_the_corpus_pair_with_a_cut_caption_is_repaired(corpus: Path) -> None:
    merged = merge([_load(corpus / "007.txt"), _load(corpus / "006.txt")])
    picture = next(s for s in merged.sources if s.kind == "picture")
    assert (picture.input, picture.repaired) == (1, True)
    assert not picture.text.endswith("\u2026")


def test_corpus_listings_of_one_section_on_other_days_group_apart(corpus: Path) -> None:
    names = ("030.txt", "031.txt", "032.txt", "006.txt", "007.txt", "075.txt", "077.txt")
    paths = [corpus / name for name in names]
    assert group(paths) == [
        [paths[0]],
        [paths[1]],
        [paths[2]],
        [paths[3], paths[4]],
        [paths[5]],  # one tag page, crawled on two days: other entries
        [paths[6]],
    ]


# --- the property ---------------------------------------------------------------

_CUT = re.compile("\ufffd?\u2026")
_CUT_CHAR = re.compile("[\udc80-\udcff\ufffd]+$")
"""The bytes of a character that the end of a capture cut in two."""


def _version_of(text: str, whole: str) -> bool:
    """Say whether ``text`` is ``whole``, or ``whole`` cut by a proxy or an end."""
    pattern = ".*?".join(re.escape(part) for part in _CUT.split(_CUT_CHAR.sub("", text)))
    return re.match(pattern, whole, re.DOTALL) is not None


def _in_order(held: list[tuple[str, str]], result: list[tuple[str, str]]) -> bool:
    """Each held unit is a result unit (a paragraph may be several joined), in order."""
    at = 0
    for kind, text in held:
        while at < len(result):
            joined = ""
            for end in range(at, len(result)):
                if result[end][0] != kind:
                    break
                joined = f"{joined} {result[end][1]}".strip()
                if joined == text:
                    at = end + 1
                    break
                if kind != "paragraph" or not text.startswith(joined):
                    break
            else:
                at += 1
                continue
            if joined == text:
                break
            at += 1
        else:
            return False
    return True


def _covered(result: list[tuple[str, str]], truth: list[tuple[str, str]]) -> int | None:
    """How far into the page units the result units reach, or ``None``.

    Each result unit must be a (damaged) version of page units (a paragraph
    may be several joined), in page order, none twice.
    """
    at = 0
    for kind, text in result:
        for start in range(at, len(truth)):
            found = False
            for end in range(start, min(start + 4, len(truth))):
                kinds = {k for k, _ in truth[start : end + 1]}
                if kinds != {kind} or (end > start and kind != "paragraph"):
                    break
                whole = " ".join(t for _, t in truth[start : end + 1])
                if _version_of(text, whole):
                    at, found = end + 1, True
                    break
            if found:
                break
        else:
            return None
    return at


def _only_page_text(
    result: list[tuple[str, str]], truth: list[tuple[str, str]], cut_end: bool
) -> bool:
    """Each result unit is a (damaged) version of page units, in page order, none twice.

    A cut end (a row cut inside by the end of every capture that holds it)
    may have been read as another kind: it need only start page text after
    the units before it (one unit, or paragraphs a flat rendering joined).
    """
    if not cut_end:
        return _covered(result, truth) is not None
    tries = [(result[:-1], result[-1][1])]
    if len(result) > 1 and result[-1][0] == result[-2][0] == "paragraph":
        # the paragraph end before a cut row may be read from its cut length
        tries.append((result[:-2], f"{result[-2][1]} {result[-1][1]}"))
    for before, text in tries:
        at = _covered(before, truth)
        if at is not None and any(
            _version_of(text, " ".join(t for _, t in truth[start:end]))
            for start in range(at, len(truth))
            for end in range(start + 1, min(start + 5, len(truth) + 1))
        ):
            return True
    return False


LINKED = frozenset(
    {"gopher-menu", "gopher-menu-flat", "phroot", "phroot-flat", "gophermap", "gemtext"}
)
"""Renderings that mark link items: there an entry's title and teaser rows are
told apart by their marks, not by wording (§ 2.7), so the captures read the
page's own units and the result can be held to the page itself."""


ENTRY_PARTS = ("-title", "-teaser", "note")
"""The kinds of listed units, an entry's and a note (in a listing or under
``## ARTIKEL ZUM THEMA``). Where a capture with link marks holds the entries, the merge prefers its
reading (§ 7.6), and a capture without marks may have read them otherwise."""


def _kind(kind: str) -> str:
    """The unit's kind, entry titles, teasers and notes as one.

    A capture without link marks tells them apart by wording alone (§ 2.7,
    § 7.6); where no capture with link marks holds the entry, the text
    cannot decide.
    """
    return "entry" if kind.startswith("entry-") or kind == "note" else kind


def _keeps_every_whole_unit(data: st.DataObject, *, mid_row: bool, listings: bool = False) -> None:
    page = data.draw(pages(listings=listings))
    drawn = data.draw(st.lists(captures(page, mid_row), min_size=2, max_size=4))
    docs = [tazformat.loads(raw) for _, raw in drawn]
    merged = merge(docs)
    result = [(_kind(k), t) for k, t, _ in units(merged.document)]
    linked = any(doc.rendering in LINKED for doc in docs)
    for doc in docs:
        by_wording = linked and doc.rendering not in LINKED  # its entries were read by wording
        held = [
            (_kind(k), t)
            for k, t, whole in units(doc)
            if whole and not (by_wording and k.endswith(ENTRY_PARTS))
        ]
        assert _in_order(held, result), (doc.rendering, held, result)
    read = {(_kind(k), " ".join(t.split())) for doc in docs for k, t, _ in units(doc)}
    paragraphs = [t for k, t in read if k == "paragraph"]
    made = [u for u in result if (u[0], " ".join(u[1].split())) not in read]
    # a paragraph a capture joined is split where another shows the end (§ 7.1)
    assert [u for u in made if u[0] != "paragraph" or not any(u[1] in t for t in paragraphs)] == []
    truth = [(_kind(k), t) for k, t, _ in units(Document("plain", page))]
    if all(doc.rendering in LINKED for doc in docs):  # entries read from their marks
        assert _only_page_text(result, truth, merged.sources[-1].damaged), (result, truth)
    back = tazformat.loads(tazformat.dumps(merged.document))
    # a cut end stays cut: in the record, the model and the text written
    assert merged.truncated == merged.document.truncated == back.truncated
    if all(doc.truncated for doc in docs):
        assert merged.truncated
    end = units(Document("plain", page))[-1][:2]
    if any(not doc.truncated and units(doc)[-1][:2] == end for doc in docs):
        assert not merged.truncated  # a capture holds the page's real end
    damaged = merged.truncated or any(source.damaged for source in merged.sources)
    allowed = READ_NOTES | (SHARED_CUTS if damaged else frozenset())
    assert {d.code for d in back.diagnostics} <= allowed, back.diagnostics
    if merged.document.rendering in LINKED:
        assert _notes_as_teasers(_texts(back)) == _notes_as_teasers(_texts(merged.document))
    else:
        assert _entries_joined(_texts(back)) == _entries_joined(_texts(merged.document))


def _runs_joined(
    texts: list[tuple[str, str]], joins: Callable[[str], str | None]
) -> list[tuple[str, str]]:
    """Content units with blanks single, each run of units ``joins`` names alike as one."""
    joined: list[tuple[str, str]] = []
    for kind, text in texts:
        text = " ".join(text.split())
        run = joins(kind)
        if run is not None:
            kind = run
            if joined and joined[-1][0] == kind:
                joined[-1] = (kind, f"{joined[-1][1]} {text}")
                continue
        joined.append((kind, text))
    return joined


def _notes_as_teasers(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Content units with each run of notes and teasers as one.

    A teaser whose title no capture held stands where nothing marks it as a
    teaser: before any entry title its rows read back as notes (§ 3.12).
    """
    return _runs_joined(
        texts, lambda kind: "teaser" if kind == "note" or kind.endswith("-teaser") else None
    )


SHARED_CUTS = frozenset({"cut-row", "cut-capture", "cut-frame"})
"""The damage a merged page may read back with: cuts that every capture held."""

READ_NOTES = frozenset({"ambiguous-rendering"})
"""A page of one row (a title every other row of which was cut) tells no rendering."""


ENTRY_UNITS = ("entry-", "related-", "note")
"""The content units of entries and notes (``content_units`` kinds)."""


def _entries_joined(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Content units with each run of entry and note units as one.

    Written in a rendering without link marks, an entry's title and teaser
    rows are told apart by wording (§ 2.7): where no rendering holds the
    merged page (§ 7.2), the rows of its entries may read back as other parts.
    """
    return _runs_joined(texts, lambda kind: "entries" if kind.startswith(ENTRY_UNITS) else None)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_merge_keeps_every_unit_a_capture_held_whole(data: st.DataObject) -> None:
    _keeps_every_whole_unit(data, mid_row=True, listings=True)
