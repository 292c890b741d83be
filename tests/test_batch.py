"""``tazformat convert`` and ``tazformat.batch``: many files, in order, any number of jobs."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import tazformat
from tazformat import batch
from tazformat.cli import demo_bytes, main
from tazformat.errors import ParseError
from tazformat.table import COLUMNS, record, row

CUT = demo_bytes()[:300]


def convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``tazformat convert`` in this process: status, stdout, stderr."""
    out = io.StringIO()
    status = main(["convert", *args, "--no-progress"], out)
    return status, out.getvalue(), capsys.readouterr().err


def expected_rows(files: Sequence[Path]) -> list[dict[str, object]]:
    return [row(str(file), tazformat.loads(file.read_bytes())) for file in files]


def pages(folder: Path) -> list[Path]:
    """A few small dumps in nested folders, written out of order."""
    names = ["b/z.txt", "a.txt", "b/a/m.txt", "c.txt", "b/c.txt"]
    for number, name in enumerate(names):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(demo_bytes() if number % 2 else CUT)
    return sorted(folder / name for name in names)


@pytest.fixture
def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "parquet"])
def test_jobs_1_and_2_write_the_same_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path, fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="parquet needs pyarrow (pip install -e '.[parquet]')")
    one, two = tmp_path / f"one.{fmt}", tmp_path / f"two.{fmt}"
    assert convert(capsys, str(corpus), "--to", fmt, "-o", str(one))[0] == 0
    status, _, err = convert(capsys, str(corpus), "-o", str(two), "--jobs", "2")
    assert status == 0
    assert one.read_bytes() == two.read_bytes()
    count = len(list(corpus.glob("*.txt")))
    assert f"{count} files: {count} converted, 0 failed" in err


def test_jsonl_is_to_dict_of_each_file(
    capsys: pytest.CaptureFixture[str], corpus: Path, corpus_files: list[Path]
) -> None:
    status, text, _ = convert(capsys, str(corpus), "--to", "jsonl", "-o", "-", "-j", "2")
    assert status == 0
    records = [json.loads(line) for line in text.splitlines()]
    docs = [tazformat.loads(file.read_bytes()) for file in corpus_files]
    assert records == [
        {"file": str(f), **tazformat.to_dict(d)} for f, d in zip(corpus_files, docs, strict=True)
    ]


def test_csv_is_what_parse_writes(
    capsys: pytest.CaptureFixture[str], corpus: Path, corpus_files: list[Path]
) -> None:
    status, text, _ = convert(capsys, str(corpus / "*.txt"), "--to", "csv", "-o", "-", "-j", "2")
    parsed = io.StringIO()
    assert main(["parse", "--format", "csv", *map(str, corpus_files)], parsed) == 0
    assert status == 0
    assert text == parsed.getvalue()
    found = list(csv.DictReader(io.StringIO(text)))
    assert found == [{k: str(v) for k, v in r.items()} for r in expected_rows(corpus_files)]


def test_parquet_holds_the_table_rows_and_the_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path, corpus_files: list[Path]
) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="needs pyarrow (pip install -e '.[parquet]')"
    )
    out = tmp_path / "meta.parquet"
    assert convert(capsys, str(corpus), "-o", str(out), "-j", "2")[0] == 0
    table = pq.read_table(out)
    assert table.column_names == [*COLUMNS, batch.JSON_COLUMN]
    found = table.to_pylist()
    docs = [tazformat.loads(file.read_bytes()) for file in corpus_files]
    typed = [record(str(f), d) for f, d in zip(corpus_files, docs, strict=True)]
    assert [{k: r[k] for k in COLUMNS} for r in found] == typed
    assert [json.loads(r["json"]) for r in found] == [tazformat.to_dict(d) for d in docs]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="needs pyarrow (pip install -e '.[parquet]')"
    )
    files = pages(tmp_path / "in")
    sink = batch.ParquetSink(tmp_path / "out.parquet", batch=2)
    for outcome in batch.outcomes(files, "parquet"):
        sink.write(outcome.record)
    sink.close()
    meta = pq.ParquetFile(tmp_path / "out.parquet").metadata
    assert (meta.num_rows, meta.num_row_groups) == (5, 3)


def test_table_columns_hold_counts_or_text(corpus_files: list[Path]) -> None:
    for found in expected_rows(corpus_files):
        for column, value in found.items():
            assert isinstance(value, int if column in batch.INTEGER_COLUMNS else str), column


def test_order_is_sorted_and_stable_for_any_jobs(tmp_path: Path) -> None:
    files = pages(tmp_path)
    paths: list[str | Path] = [
        tmp_path / "c.txt",
        tmp_path / "b",
        str(tmp_path / "*.txt"),
        tmp_path / "a.txt",
    ]
    assert batch.find_files(paths) == files
    for jobs, chunksize in [(1, None), (2, 1), (2, 2), (3, None)]:
        text = io.StringIO()
        summary = batch.convert(
            paths, text, "jsonl", jobs=jobs, chunksize=chunksize, err=io.StringIO()
        )
        names = [json.loads(line)["file"] for line in text.getvalue().splitlines()]
        assert names == [str(file) for file in files], (jobs, chunksize)
        assert (summary.files, summary.converted, summary.status) == (5, 5, 0)


def test_a_pool_keeps_few_tasks_in_flight(tmp_path: Path) -> None:
    files = [str(file) for file in pages(tmp_path)] * 20
    taken = itertools.count()

    def chunks() -> Iterator[Sequence[str]]:
        for file in files:
            next(taken)
            yield [file]

    results = batch.pooled(chunks(), "csv", jobs=2)
    next(results)
    assert next(taken) <= 4 * 2 + 1
    assert len(list(results)) == len(files) - 1


def test_files_that_are_no_dumps_are_reported_and_fail_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "demo.txt").write_bytes(demo_bytes())
    (tmp_path / "notes.txt").write_text("Einkaufsliste: Brot, Milch\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere")
    out = tmp_path / "out.jsonl"
    status, _, err = convert(capsys, str(tmp_path), "-o", str(out), "-j", "2")
    assert status == 1  # the others are converted, but the run says it was not clean
    assert f"{tmp_path / 'notes.txt'}: {batch.NO_PAGE}" in err
    assert f"{tmp_path / 'empty.txt'}: {batch.NO_PAGE}" in err
    assert f"{tmp_path / 'gone.txt'}: No such file or directory" in err
    assert "4 files: 1 converted, 3 failed" in err
    assert "diagnostics: no-page 1" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == [str(tmp_path / "demo.txt")]


def test_every_file_failed_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("kein taz\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    status, _, err = convert(capsys, str(tmp_path / "notes.txt"), "-o", str(out))
    assert status == 1
    assert "1 file: 0 converted, 1 failed" in err
    assert out.read_text(encoding="utf-8") == batch.header("csv")


def test_summary_counts_diagnostics_by_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = pages(tmp_path)
    status, _, err = convert(capsys, *map(str, files), "--to", "csv", "-o", "-")
    codes = sorted(d.code for f in files for d in tazformat.loads(f.read_bytes()).diagnostics)
    counts = ", ".join(f"{c} {len(list(g))}" for c, g in itertools.groupby(codes))
    assert status == 0
    assert err.endswith(f"5 files: 5 converted, 0 failed\ndiagnostics: {counts}\n")


@pytest.mark.parametrize("path", ["/nonexistent/folder", "/nonexistent/*.txt"])
def test_a_missing_path_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, path: str
) -> None:
    (tmp_path / "demo.txt").write_bytes(demo_bytes())
    out = tmp_path / "out.jsonl"
    status, _, err = convert(capsys, str(tmp_path), path, "-o", str(out))
    assert status == 2
    assert err.startswith(f"tazformat: {path}: ")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "parquet", "-o", "-"], "parquet output needs a file"),
        (["-o", "out.xml"], "cannot tell the format from 'out.xml'"),
    ],
)
def test_an_output_the_format_cannot_have_exits_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, _, err = convert(capsys, "/nonexistent", *args)
    assert status == 2
    assert message in err


def test_bytes_that_are_not_utf8_give_valid_utf8(tmp_path: Path) -> None:
    raw = demo_bytes().replace("Bücherbus".encode(), b"B\xfccherbus")
    (tmp_path / "bytes.txt").write_bytes(raw)
    data = tazformat.to_dict(tazformat.loads(raw))
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"out.{fmt}"
        batch.convert(tmp_path / "bytes.txt", out, fmt, err=io.StringIO())
        text = out.read_bytes().decode("utf-8")
        if fmt == "jsonl":
            assert json.loads(text)["title"] == data["title"]
        else:
            assert "B\ufffdcherbus" in text


def test_progress_bar_goes_to_err(tmp_path: Path) -> None:
    pytest.importorskip("tqdm", reason="the bar needs tqdm (pip install -e '.[batch]')")
    files = pages(tmp_path)
    err = io.StringIO()
    batch.convert(files, io.StringIO(), "jsonl", progress=True, err=err)
    assert "5/5" in err.getvalue()
    quiet = io.StringIO()
    batch.convert(files, io.StringIO(), "jsonl", err=quiet)
    assert "5/5" not in quiet.getvalue()


@pytest.mark.parametrize(("files", "jobs", "size"), [(10, 2, 2), (10_000, 2, 64), (0, 2, 1)])
def test_chunk_size(files: int, jobs: int, size: int) -> None:
    assert batch.chunk_size(files, jobs) == size


NOTES = b"Einkaufsliste\n\nBrot\nMilch\n"
"""A text that is no taz dump."""


@pytest.mark.parametrize("command", ["check", "convert"])
def test_check_and_convert_agree_on_a_file_without_a_taz_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    notes, good = tmp_path / "notes.txt", tmp_path / "good.txt"
    notes.write_bytes(NOTES)
    good.write_bytes(demo_bytes())
    out = io.StringIO()
    extra = ["-o", str(tmp_path / "out.jsonl"), "--no-progress"] if command == "convert" else []
    status = main([command, str(notes), str(good), *extra], out)
    said = out.getvalue() + capsys.readouterr().err
    assert status == 1
    assert f"{notes}: {batch.NO_PAGE}" in said
    assert main([command, str(good), *extra], io.StringIO()) == 0
    capsys.readouterr()


def test_convert_strict_fails_a_damaged_file_at_its_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pages(tmp_path / "in")  # b/z.txt, b/a/m.txt and b/c.txt are cut
    out = tmp_path / "out.jsonl"
    status, _, err = convert(capsys, str(tmp_path / "in"), "-o", str(out), "--strict", "-j", "2")
    assert status == 1
    cut = "line 4, column 65: the capture was cut inside this row's frame (no right frame)"
    for name in ("b/z.txt", "b/a/m.txt", "b/c.txt"):
        assert f"tazformat: {tmp_path / 'in' / name}: {cut}\n" in err
    assert "5 files: 2 converted, 3 failed" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert convert(capsys, str(tmp_path / "in"), "-o", str(out), "-j", "2")[0] == 0  # tolerant


def test_a_strict_parse_error_crosses_the_process_pool_as_itself(tmp_path: Path) -> None:
    files = pages(tmp_path)
    found = list(batch.outcomes(files, "jsonl", jobs=2, chunksize=1, strict=True))
    errors = {Path(o.name).relative_to(tmp_path).as_posix(): o.exception for o in found}
    assert errors["a.txt"] is errors["c.txt"] is None
    for name in ("b/z.txt", "b/a/m.txt", "b/c.txt"):
        error = errors[name]
        assert isinstance(error, ParseError), name
        assert (error.line, error.column, error.code) == (4, 65, "cut-frame")


def test_dash_reads_standard_input_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(demo_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CUT), encoding="utf-8"))
    status, text, err = convert(capsys, str(tmp_path / "a.txt"), "-", "--to", "jsonl", "-o", "-")
    assert status == 0
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["file"] for r in records] == ["-", str(tmp_path / "a.txt")]
    assert records[0] == {"file": "-", **tazformat.to_dict(tazformat.loads(CUT))}
    assert "2 files: 2 converted, 0 failed" in err


def test_convert_names_a_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "demo.txt").write_bytes(demo_bytes())
    status, text, err = convert(capsys, str(tmp_path), "--to", "csv", "-o", "-")
    assert status == 1
    assert f"tazformat: {tmp_path / 'image.txt'}: {batch.BINARY}\n" in err
    assert [r["file"] for r in csv.DictReader(io.StringIO(text))] == [str(tmp_path / "demo.txt")]


def test_convert_reads_files_in_another_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = "| # taz.de -- Fall: K\u00fcrze | |\n| Ein Satz. | |\n"
    (tmp_path / "latin.txt").write_bytes(page.encode("latin-1"))
    for encoding, title in [("latin-1", "Fall: Kürze"), ("utf-8", "Fall: K\udcfcrze")]:
        status, text, _ = convert(
            capsys, str(tmp_path), "--to", "jsonl", "-o", "-", "--encoding", encoding
        )
        assert (status, json.loads(text)["title"]) == (0, title)


def test_files_are_found_in_the_order_of_their_path_parts(tmp_path: Path) -> None:
    """A folder's files come sorted by parts, lazily, without repeats.

    ``a/x`` comes before ``a-b/x`` (a plain string sort puts ``-`` first);
    links to folders are not followed; only ``*.txt`` files count.
    """
    for name in ("a/x.txt", "a-b/x.txt", "a/b/y.txt", "a.txt", "b.txt", "a/c.md", "z/9.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# taz.de -- T\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "z", target_is_directory=True)
    expected = sorted(
        (p for p in tmp_path.rglob("*.txt") if p.is_file() and not p.is_symlink()),
        key=lambda p: p.parts,
    )
    assert batch.find_files(tmp_path) == expected
    assert list(batch.iter_files(tmp_path)) == [str(p) for p in expected]
    found = batch.iter_files(tmp_path)
    assert isinstance(found, Iterator)
    assert next(found) == str(tmp_path / "a" / "b" / "y.txt")
    twice = batch.find_files([tmp_path, tmp_path / "a.txt", str(tmp_path / "z" / "*.txt")])
    assert twice == expected
