"""Errors that say what went wrong: bad bytes, wrong types, unknown names, other processes."""

from __future__ import annotations

import concurrent.futures
import copy
import importlib
import io
import pickle
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tazformat
from tazformat import batch, renderings
from tazformat.cli import demo_bytes
from tazformat.errors import EditError, MergeError, ParseError, TazFormatError, UnknownRendering
from tazformat.plaintext import to_text
from tazformat.table import row, write_table
from test_docs import ROOT, _run_page

DEMO = demo_bytes().decode("utf-8")
HEADING = "| # taz.de -- Stadtgarten: Tomaten für alle | |\n"
PAGE = HEADING + "| > Auf einem Parkhaus wächst Gemüse. | |\n| 2 May 2026 | |\n"
"""A small page of our own, valid UTF-8 with letters beyond ASCII."""


def wrong(value: object) -> Any:
    """``value`` passed where another type is expected (hidden from the type checker)."""
    return value


def latin1(text: str) -> bytes:
    return text.encode("latin-1")


def codes(doc: tazformat.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


# -- bytes that are not UTF-8 ------------------------------------------------


def test_valid_utf8_beyond_ascii_gives_no_diagnostic() -> None:
    doc = tazformat.loads(PAGE.encode("utf-8"))
    assert doc.diagnostics == ()
    assert tazformat.loads(PAGE, strict=True) == doc


def test_a_byte_that_is_not_utf8_is_reported_where_it_stands_and_kept() -> None:
    raw = latin1(PAGE)  # "ü" of "für" in line 1, "ä" and "ü" in line 2
    doc = tazformat.loads(raw)
    found = [(d.code, d.line, d.column) for d in doc.diagnostics]
    assert found == [
        ("not-utf8", 1, HEADING.index("ü") + 1),
        ("not-utf8", 2, PAGE.split("\n")[1].index("ä") + 1),
        ("not-utf8", 2, PAGE.split("\n")[1].index("ü") + 1),
    ]
    assert doc.diagnostics[0].message == "bytes that are not UTF-8: b'\\xfc'; kept as they are"
    assert doc.diagnostics[0].expected == ("UTF-8 text",)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw
    assert doc.page is not None
    assert doc.page.title.text == "Stadtgarten: Tomaten f\udcfcr alle"


def test_a_run_of_bytes_is_one_diagnostic_and_columns_count_characters() -> None:
    raw = "| # taz.de -- A: B | |\r\n| äöü ".encode() + b"\xff\xfe\xfd" + b" | |\r| x\xe9 | |\n"
    doc = tazformat.loads(raw)
    assert [(d.line, d.column) for d in doc.diagnostics if d.code == "not-utf8"] == [
        (2, 7),  # "| äöü " is six characters (nine bytes)
        (3, 4),  # a lone "\r" ends a line too
    ]
    assert "b'\\xff\\xfe\\xfd'" in doc.diagnostics[0].message
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw


def test_a_str_holding_lone_surrogates_counts_the_same() -> None:
    escaped = tazformat.loads(HEADING.replace("ü", "\udcfc"))
    assert [(d.code, d.line, d.column) for d in escaped.diagnostics] == [
        ("not-utf8", 1, HEADING.index("ü") + 1)
    ]
    lone = tazformat.loads(HEADING.replace("ü", "\ud800\udfff"))
    assert codes(lone) == ["not-utf8"]
    assert "U+D800 U+DFFF" in lone.diagnostics[0].message
    assert tazformat.dumps(lone) == HEADING.replace("ü", "\ud800\udfff")


def test_strict_raises_for_bytes_that_are_not_utf8_with_a_printable_quote() -> None:
    raw = latin1(PAGE)
    with pytest.raises(ParseError) as caught:
        tazformat.loads(raw, strict=True)
    error = caught.value
    column = HEADING.index("ü") + 1
    assert (error.code, error.line, error.column) == ("not-utf8", 1, column)
    assert error.source_line == HEADING.rstrip("\n").replace("ü", "\udcfc")
    shown, caret = str(error).splitlines()[1:]
    str(error).encode("utf-8")  # printable: the byte is shown as U+FFFD
    assert shown[4:] == HEADING.rstrip("\n").replace("ü", "\ufffd")
    assert caret.index("^") - 4 == column - 1


def test_strict_raises_the_first_problem_in_source_order() -> None:
    raw = PAGE.encode() + b"| ## LINKS | |\n| caf\xe9 | |\n"  # an unknown row holding a bad byte
    doc = tazformat.loads(raw)
    assert codes(doc) == ["unknown-row", "not-utf8"]
    with pytest.raises(ParseError) as caught:
        tazformat.loads(raw, strict=True)
    assert caught.value.code == "unknown-row"


def test_a_latin1_file_is_reported_and_reads_cleanly_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(latin1(PAGE))
    with path.open("rb") as fp:
        assert set(codes(tazformat.load(fp))) == {"not-utf8"}
    with path.open(encoding="latin-1", newline="") as fp:
        assert tazformat.load(fp).diagnostics == ()


def test_the_diagnostic_is_in_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="needs jsonschema")
    from tazformat.export import json_schema

    data = tazformat.to_dict(tazformat.loads(latin1(PAGE)))
    assert {d["code"] for d in data["diagnostics"]} == {"not-utf8"}
    jsonschema.validate(data, json_schema())


def test_no_corpus_sample_is_reported_unless_its_bytes_are_not_utf8(sample: Path) -> None:
    raw = sample.read_bytes()
    try:
        raw.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    assert ("not-utf8" in codes(tazformat.loads(raw))) is not valid


# -- wrong argument types ------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tazformat.loads(wrong(Path("page.txt"))),
            "to read a file use tazformat.load(open(",
        ),
        (
            lambda: tazformat.loads(wrong(io.StringIO(DEMO))),
            "for a file object use tazformat.load(fp)",
        ),
        (lambda: tazformat.loads(wrong(None)), "loads takes str or bytes, not NoneType"),
        (lambda: tazformat.load(wrong("page.txt")), "to parse text use tazformat.loads(text)"),
        (lambda: tazformat.load(wrong(Path("page.txt"))), "with open(path, 'rb') as fp"),
        (lambda: tazformat.dumps(wrong(DEMO)), "dumps takes a tazformat.Document, not str"),
        (lambda: tazformat.dump(wrong(DEMO), io.StringIO()), "parse the text first"),
        (
            lambda: tazformat.to_dict(wrong({"title": "x"})),
            "to_dict takes a tazformat.Document, not dict",
        ),
        (lambda: tazformat.to_markdown(wrong(b"x")), "to_markdown takes a tazformat.Document"),
        (
            lambda: to_text(wrong(Path("p.txt"))),
            "to_text takes a tazformat.Document, not PosixPath",
        ),
        (
            lambda: row(wrong(tazformat.loads(DEMO)), wrong("name")),
            "row takes a tazformat.Document, not str",
        ),
    ],
)
def test_a_wrong_argument_type_raises_type_error_with_a_hint(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    assert message in str(caught.value)
    assert not isinstance(caught.value, TazFormatError)


def test_a_page_in_place_of_its_document_says_how_to_put_it_back() -> None:
    page = tazformat.loads(DEMO).page
    with pytest.raises(TypeError, match=r"to_dict takes .*not Article; .*attrs\.evolve"):
        tazformat.to_dict(page)  # type: ignore[arg-type]


def test_load_reads_binary_and_text_file_objects(tmp_path: Path) -> None:
    raw = latin1(PAGE)
    path = tmp_path / "page.txt"
    path.write_bytes(raw)
    with path.open("rb") as fp:
        doc = tazformat.load(fp)
    assert tazformat.dumps(doc).encode("utf-8", "surrogateescape") == raw
    assert tazformat.load(io.StringIO(PAGE)) == tazformat.loads(PAGE)
    assert tazformat.loads(bytearray(raw)) == doc


def test_load_refuses_a_file_whose_read_gives_neither_str_nor_bytes() -> None:
    class Odd:
        def read(self) -> list[str]:
            return [PAGE]

    with pytest.raises(TypeError, match="read\\(\\) gives str or bytes, not list"):
        tazformat.load(Odd())  # type: ignore[arg-type]


def test_dump_writes_text_and_binary_file_objects(tmp_path: Path) -> None:
    raw = latin1(PAGE).replace(b"\n", b"\r\n")
    doc = tazformat.loads(raw)
    binary = io.BytesIO()
    tazformat.dump(doc, binary)
    assert binary.getvalue() == raw
    path = tmp_path / "out.txt"
    with path.open("wb") as fp:
        tazformat.dump(doc, fp)
    assert path.read_bytes() == raw
    text = io.StringIO(newline="")
    tazformat.dump(tazformat.loads(PAGE), text)
    assert text.getvalue() == PAGE
    with pytest.raises(TypeError, match="dump takes a file object"):
        tazformat.dump(doc, str(path))  # type: ignore[arg-type]


def test_write_table_wants_name_and_document_pairs() -> None:
    doc = tazformat.loads(DEMO)
    out = io.StringIO()
    write_table([("a.txt", doc), ["b.txt", doc]], out)  # type: ignore[list-item]
    assert len(out.getvalue().splitlines()) >= 3
    with pytest.raises(TypeError, match=r"not Document; pass \(name, document\) pairs"):
        write_table([doc], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(TypeError, match="write_table takes a text file object"):
        write_table([("a.txt", doc)], "out.csv")  # type: ignore[arg-type]


# -- unknown rendering names ---------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: tazformat.loads(DEMO, rendering="nope"),
        lambda: tazformat.dumps(tazformat.loads(DEMO), rendering="nope"),
        lambda: renderings.get("nope"),
    ],
)
def test_an_unknown_rendering_is_a_taz_format_error_and_a_key_error(
    call: Callable[[], object],
) -> None:
    with pytest.raises(tazformat.UnknownRendering) as caught:
        call()
    error = caught.value
    assert isinstance(error, TazFormatError)
    assert isinstance(error, KeyError)
    assert error.name == "nope"
    assert error.known == tuple(r.name for r in renderings.RENDERINGS)
    assert str(error).startswith("unknown rendering 'nope'; known: meulie-framed, ")
    assert all(name in str(error) for name in error.known)


def test_old_callers_catching_key_error_still_catch_it() -> None:
    with pytest.raises(KeyError, match="nope"):
        tazformat.loads(DEMO, rendering="nope")


def test_a_known_rendering_name_is_used() -> None:
    doc = tazformat.loads(DEMO, rendering="meulie-framed")
    assert doc.rendering == "meulie-framed"
    assert tazformat.dumps(doc, rendering="gemtext").startswith("# taz.de -- ")


# -- every error class survives pickle ----------------------------------------


def _package_errors() -> set[type[TazFormatError]]:
    """Every error class of the package, its modules all imported first."""
    for module in pkgutil.walk_packages(tazformat.__path__, "tazformat."):
        if module.name.endswith("__main__"):  # runs the command line
            continue
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional extra (dask) that is not installed
            continue
    found: set[type[TazFormatError]] = set()
    waiting = [TazFormatError]
    while waiting:
        cls = waiting.pop()
        if cls.__module__.startswith("tazformat"):
            found.add(cls)
        waiting.extend(cls.__subclasses__())
    return found


class OwnParseError(ParseError):
    """A caller's own subclass: it must come back as itself."""


EXAMPLES: dict[type[TazFormatError], TazFormatError] = {
    TazFormatError: TazFormatError("something went wrong"),
    ParseError: ParseError(
        "no rule understands this row",
        line=7,
        column=3,
        expected=("LINK_TARGET", "AUTHORS_HEAD"),
        code="unknown-row",
        source_line="| caf\udce9 | |",
    ),
    UnknownRendering: UnknownRendering("nope", ("plain", "gemtext")),
    batch.BatchError: batch.BatchError("parquet output needs pyarrow"),
    EditError: EditError("a line break inside a row", "page.body[0].lines[0]", "Line", "text", 4),
    MergeError: MergeError(
        "inputs 0 and 1 are not captures of one page: their date differ",
        what="date",
        inputs=(0, 1),
        texts=("3 Oct 2025", "4 Oct 2025"),
    ),
}


def test_every_error_class_is_a_taz_format_error_with_an_example() -> None:
    assert issubclass(batch.BatchError, TazFormatError)
    assert _package_errors() == set(EXAMPLES)


@pytest.mark.parametrize("error", [*EXAMPLES.values(), OwnParseError("x", line=1, column=2)])
def test_errors_survive_pickle_and_copy(error: TazFormatError) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(error, protocol))
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert again.args == error.args
        assert vars(again) == vars(error)
    assert vars(copy.deepcopy(error)) == vars(error)


def _strict(text: str) -> tazformat.Document:
    return tazformat.loads(text, strict=True)


def test_a_strict_parse_in_a_process_pool_raises_parse_error_in_the_parent() -> None:
    cut = DEMO[:300]
    with pytest.raises(ParseError) as expected:
        _strict(cut)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(ParseError) as caught:
            pool.submit(_strict, cut).result()
        assert vars(caught.value) == vars(expected.value)
        assert (caught.value.code, caught.value.line) == ("cut-frame", 4)
        with pytest.raises(UnknownRendering):
            pool.submit(tazformat.loads, DEMO, rendering="nope").result()
        assert pool.submit(_strict, DEMO).result() == tazformat.loads(DEMO)  # the pool still works


def test_convert_with_two_jobs_reports_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    files = []
    for number in range(4):
        path = tmp_path / f"{number}.txt"
        path.write_bytes(latin1(PAGE) if number == 2 else PAGE.encode())
        files.append(path)
    outcomes = list(batch.outcomes(files, "jsonl", jobs=2, chunksize=1))
    assert [outcome.error for outcome in outcomes] == [None] * 4
    assert [outcome.codes for outcome in outcomes] == [(), (), ("not-utf8",) * 3, ()]


def test_the_errors_page_shows_what_its_code_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every value and message ``docs/errors.md`` shows is what its code gives."""
    assert _run_page(ROOT / "docs" / "errors.md", tmp_path, monkeypatch) >= 12
