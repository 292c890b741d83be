"""The ``tazformat`` command line."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import tazformat
from tazformat import batch, cli
from tazformat.cli import DEMO_NOTE, demo_bytes, diagnostic_lines, main
from tazformat.models import Diagnostic


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out)
    return status, out.getvalue()


class Terminal(io.StringIO):
    """Standard input that is a terminal: nothing may be read from it."""

    def isatty(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        raise AssertionError("read from a terminal")


def pipe(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Replace standard input with a pipe holding ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())


PAGE = (
    "| # taz.de -- Stadtgarten: Tomaten auf dem Dach | |\r\n"
    "| > Auf einem Parkhaus in Lichtenberg w\u00e4chst Gem\u00fcse. | |\r\n"
    "| Berlin taz | Zw\u00f6lf Beete und ein Wasserfass. | |\r\n"
).encode()
"""A short page of our own, with CRLF line endings."""


def test_no_arguments_on_a_terminal_shows_the_demo_and_says_so(
    terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = run()
    assert status == 0
    assert text.startswith("demo.txt: article (meulie-framed)")
    assert "Bücherbus in Kreuzberg: Eine Bibliothek auf vier Rädern" in text
    assert "  diagnostics none\n" in text
    assert capsys.readouterr().err == DEMO_NOTE + "\n"
    assert run("parse")[1] == text


def test_parse_without_a_file_reads_piped_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe(monkeypatch, PAGE)
    status, text = run("parse")
    assert status == 0
    assert text.startswith("-: article (")
    assert "Stadtgarten: Tomaten auf dem Dach" in text
    assert "Bücherbus" not in text
    assert capsys.readouterr().err == ""  # no word of the demo


@pytest.mark.parametrize("stdin", [None, b"", PAGE])
def test_demo_shows_the_demo_whatever_standard_input_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: bytes | None
) -> None:
    if stdin is None:
        monkeypatch.setattr(sys, "stdin", Terminal())
    else:
        pipe(monkeypatch, stdin)
    status, text = run("parse", "--demo")
    assert status == 0
    assert text.startswith("demo.txt: article (meulie-framed)\n")
    assert "Stadtgarten" not in text  # standard input is not read
    assert capsys.readouterr().err == ""  # asked for: no note
    assert run("--demo") == (0, text)  # no command: parse
    data = json.loads(run("parse", "--demo", "--format", "json")[1])
    assert data == tazformat.to_dict(tazformat.demo())


def test_demo_with_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "garten.txt"
    path.write_bytes(PAGE)
    with pytest.raises(SystemExit) as exit_info:
        run("parse", "--demo", str(path))
    assert exit_info.value.code == 2
    assert "--demo" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["summary", "json", "csv", "tsv"])
@pytest.mark.parametrize("args", [(), ("-",)])
def test_an_empty_standard_input_is_an_error_not_a_page(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    fmt: str,
) -> None:
    pipe(monkeypatch, b"")
    status, text = run("parse", *args, "--format", fmt)
    assert (status, text) == (2, "")  # not "-: no page", not a CSV header alone
    assert capsys.readouterr().err == f"tazformat: -: {cli.EMPTY}\n"
    assert "--demo" in cli.EMPTY


def test_an_empty_file_named_is_still_a_file_without_a_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    pipe(monkeypatch, b"\n")  # a single newline on stdin is input, too
    status, text = run("parse", str(path))
    assert status == 0
    assert text.startswith(f"{path}: no page (plain)\n")
    status, text = run("parse")
    assert status == 0
    assert text.startswith("-: no page")
    assert capsys.readouterr().err == ""


def test_a_file_given_is_read_whatever_standard_input_is(
    terminal: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "garten.txt"
    path.write_bytes(PAGE)
    status, text = run("parse", str(path))
    assert (status, text.splitlines()[0]) == (0, f"{path}: article (meulie-framed)")
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("fmt", ["summary", "json", "jsonl", "text"])
def test_dash_names_standard_input_in_parse(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    pipe(monkeypatch, PAGE)
    status, text = run("parse", "-", "--format", fmt)
    doc = tazformat.loads(PAGE)
    assert status == 0
    if fmt == "json":
        assert json.loads(text) == tazformat.to_dict(doc)
    elif fmt == "jsonl":
        assert json.loads(text) == {"file": "-", **tazformat.to_dict(doc)}
    elif fmt == "text":
        assert text == tazformat.to_text(doc)
    else:
        assert text.startswith("-: article (meulie-framed)\n")


def test_check_reads_standard_input_byte_for_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = PAGE.replace("Gem\u00fcse".encode(), b"Gem\xfcse")  # CRLF and a byte not UTF-8
    pipe(monkeypatch, raw)
    status, text = run("check", "-")
    assert status == 0
    assert text.startswith("ok  -: exact, ")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"tazformat {tazformat.__version__}\n"


def test_parse_json_is_to_dict(tmp_path: Path) -> None:
    path = tmp_path / "demo.txt"
    path.write_bytes(demo_bytes())
    status, text = run("parse", str(path), "--json")
    data = json.loads(text)
    assert status == 0
    assert data["kind"] == "article"
    assert data["tags"] == [
        "Bibliothek",
        "Berlin-Kreuzberg",
        "Lesen",
        "Ehrenamt",
        "Berlin-Kreuzberg",
    ]


def test_check_passes_exact_files_and_reports_diagnostics(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(demo_bytes())
    cut = tmp_path / "cut.txt"
    cut.write_bytes(demo_bytes()[:300])
    status, text = run("check", str(good), str(cut))
    assert status == 0
    assert "cut-frame" in text or "cut-capture" in text
    assert text.rstrip().endswith("2 passed, 0 failed")


def test_check_strict_fails_on_diagnostics(tmp_path: Path) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_bytes(demo_bytes()[:300])
    status, text = run("check", "--strict", str(cut))
    assert status == 1
    assert text.rstrip().endswith("0 passed, 1 failed")


def test_check_keeps_invalid_utf8_exact(tmp_path: Path) -> None:
    path = tmp_path / "bytes.txt"
    path.write_bytes(demo_bytes().replace("Bücherbus".encode(), b"B\xfccherbus", 1))
    status, text = run("check", str(path))
    assert status == 0
    assert "exact" in text


def test_missing_file_is_an_error_message() -> None:
    status, _ = run("parse", "/nonexistent/file.txt")
    assert status == 2


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tazformat", "parse", "--json"],
        input=demo_bytes(),
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout.decode("utf-8"))["rendering"] == "meulie-framed"


def test_a_capture_piped_or_redirected_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "capture.txt"
    path.write_bytes(PAGE)
    command = [sys.executable, "-m", "tazformat"]
    with subprocess.Popen(["cat", str(path)], stdout=subprocess.PIPE) as cat:  # cat FILE |
        piped = subprocess.run([*command, "parse"], stdin=cat.stdout, capture_output=True)
    with path.open("rb") as file:  # < FILE
        redirected = subprocess.run([*command, "parse", "-"], stdin=file, capture_output=True)
    for result in (piped, redirected):
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(b"-: article (meulie-framed)\n")
        assert b"Stadtgarten: Tomaten auf dem Dach" in result.stdout
        assert result.stderr == b""
    version = subprocess.run([*command, "--version"], capture_output=True, check=True)
    assert version.stdout.decode() == f"tazformat {tazformat.__version__}\n"


INVALID = "| # taz.de -- Fall: Kurz \xff | |\n| Ein Satz mit \xfe Byte. | |\n".encode("latin-1")
"""A page holding two bytes that are not UTF-8."""


def parse_strictly(path: Path, fmt: str) -> bytes:
    """``tazformat parse`` in a new process whose standard output refuses non-UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "tazformat", "parse", str(path), "--format", fmt],
        capture_output=True,
        env={"PYTHONIOENCODING": "utf-8:strict", "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout


def test_parse_keeps_bytes_that_are_not_utf8_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "bytes.txt"
    path.write_bytes(INVALID)
    for fmt in ("json", "jsonl"):  # valid UTF-8; the bytes read back as lone surrogates
        data = json.loads(parse_strictly(path, fmt).decode("utf-8"))
        assert data["title"] == "Fall: Kurz \udcff"
    for fmt in ("csv", "tsv"):  # valid UTF-8, the bytes replaced
        assert "Fall: Kurz \ufffd" in parse_strictly(path, fmt).decode("utf-8")
    for fmt in ("summary", "markdown", "text"):  # the bytes as they were
        assert b"Fall: Kurz \xff" in parse_strictly(path, fmt)


LATIN = "| # taz.de -- Fall: K\u00fcrze | |\n| Ein Satz \u00fcber Gr\u00f6\u00dfe. | |\n".encode(
    "latin-1"
)
"""A page written in Latin-1: its umlauts are bytes that are not UTF-8."""


def test_encoding_reads_a_latin1_file_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN)
    status, text = run("parse", str(path), "--json", "--encoding", "latin-1")
    assert status == 0
    assert json.loads(text)["title"] == "Fall: Kürze"
    status, text = run("parse", str(path), "--json")  # as UTF-8: the bytes kept, not read
    assert json.loads(text)["title"] == "Fall: K\udcfcrze"


def test_check_judges_exactness_in_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN)
    status, text = run("check", str(path), "--encoding", "latin-1")
    assert (status, text.splitlines()[0]) == (0, f"ok  {path}: exact, 0 diagnostics")
    status, text = run("check", str(path), "--encoding", "utf-8")
    assert status == 0
    assert text.startswith(f"ok  {path}: exact")


def test_an_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("klingon", "hex"):  # unknown; not a text encoding
        with pytest.raises(SystemExit) as exit_:
            main(["parse", "x.txt", "--encoding", name])
        assert exit_.value.code == 2
        assert f"not a text encoding: '{name}'" in capsys.readouterr().err


NOTES = b"Einkaufsliste\n\nBrot\nMilch\n"
"""A text that is no taz dump."""


def test_check_fails_a_file_without_a_taz_page(tmp_path: Path) -> None:
    notes, good = tmp_path / "notes.txt", tmp_path / "good.txt"
    notes.write_bytes(NOTES)
    good.write_bytes(demo_bytes())
    status, text = run("check", str(notes))
    assert status == 1
    assert text.startswith(f"FAIL  {notes}: {batch.NO_PAGE}, exact, ")
    assert text.rstrip().endswith("0 passed, 1 failed")
    status, text = run("check", str(good))
    assert (status, text) == (0, f"ok  {good}: exact, 0 diagnostics\n1 passed, 0 failed\n")


def test_parse_stays_tolerant_of_a_file_without_a_taz_page(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(NOTES)
    status, text = run("parse", str(notes))
    assert status == 0
    assert text.startswith(f"{notes}: no page (plain)\n")


def diagnostic(code: str, line: int) -> Diagnostic:
    return Diagnostic(code, f"{code} here", line, 1)


def test_runs_of_a_diagnostic_on_consecutive_rows_are_one_line() -> None:
    found = [
        diagnostic("no-page", 1),
        *(diagnostic("unknown-row", line) for line in range(1, 30)),
        diagnostic("cut-row", 30),
        diagnostic("unknown-row", 31),
        diagnostic("unknown-row", 40),  # not consecutive: lines 32-39 hold text
    ]
    assert diagnostic_lines(found, "text\n" * 40) == [
        "1:1 no-page: no-page here",
        "1:1–29:1 unknown-row: unknown-row here (×29)",
        "30:1 cut-row: cut-row here",
        "31:1 unknown-row: unknown-row here",
        "40:1 unknown-row: unknown-row here",
    ]


def test_rows_with_no_text_between_keep_a_run_together() -> None:
    found = [diagnostic("unknown-row", 1), diagnostic("unknown-row", 4)]
    assert diagnostic_lines(found, "a\n\n|   | |\nb\n") == [
        "1:1–4:1 unknown-row: unknown-row here (×2)"
    ]
    assert len(diagnostic_lines(found, "a\n\nc\nb\n")) == 2  # a row with text between
    assert len(diagnostic_lines(found)) == 2  # no text: lines must be consecutive


def test_check_and_parse_cap_a_flood_of_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes("".join(f"Zeile {n}\n\n" for n in range(1, 41)).encode())
    count = len(tazformat.loads(path.read_bytes()).diagnostics)
    status, text = run("check", str(path))
    assert status == 1
    assert "1:1–79:1 unknown-row: no rule of the prelude understands this row (×40)" in text
    assert len(text.splitlines()) < 10 < count
    status, text = run("parse", str(path))
    assert f"  diagnostics {count}\n" in text
    assert "(×40)" in text
    assert len(text.splitlines()) < 10


BINARY = bytes(range(256)) * 8
"""Bytes that are no text: NULs and every other byte."""


@pytest.mark.parametrize(
    ("raw", "binary"),
    [
        (BINARY, True),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 8, True),  # no NUL, mostly not text
        (b"\x01\x02\x03 text", True),
        (LATIN, False),  # another encoding read as UTF-8: a few bytes, much text
        (demo_bytes(), False),
        (b"", False),
        (b"\x1b[1mbold\x1b[0m and some more words of text\n", False),
    ],
)
def test_looks_binary(raw: bytes, binary: bool) -> None:
    assert batch.looks_binary(raw) is binary
    assert batch.looks_binary(raw.decode("utf-8", "surrogateescape")) is binary


def test_a_binary_file_is_named_not_dumped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = tmp_path / "image.txt", tmp_path / "good.txt"
    path.write_bytes(BINARY)
    good.write_bytes(PAGE)
    status, text = run("parse", str(path), str(good))
    assert status == 1
    assert text.startswith(
        f"{path}: looks binary (not a text capture), not parsed\n{good}: article"
    )
    status, text = run("check", str(path), str(good))
    assert status == 1
    assert text == (
        f"FAIL  {path}: looks binary (not a text capture), not parsed\n"
        f"ok  {good}: exact, 0 diagnostics\n1 passed, 1 failed\n"
    )
    capsys.readouterr()
    status, text = run("parse", str(path), str(good), "--format", "jsonl")
    assert status == 1
    assert [json.loads(line)["file"] for line in text.splitlines()] == [str(good)]
    assert (
        capsys.readouterr().err
        == f"tazformat: {path}: looks binary (not a text capture), not parsed\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_real_process_at_a_terminal_shows_the_demo_with_a_note() -> None:
    import os
    import pty  # POSIX only

    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tazformat", "parse"], stdin=terminal, capture_output=True
        )
    finally:
        os.close(controller)
        os.close(terminal)
    assert result.returncode == 0
    assert result.stdout.startswith(b"demo.txt: article (meulie-framed)\n")
    assert result.stderr.decode() == DEMO_NOTE + "\n"


def test_a_file_without_a_command_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``tazformat FILE`` and ``tazformat --format json FILE`` mean ``parse``."""
    page = tmp_path / "page.txt"
    page.write_bytes(demo_bytes())
    assert main([str(page)]) == 0
    assert capsys.readouterr().out.startswith(f"{page}: article (meulie-framed)")
    assert main(["--format", "json", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "article"


def test_a_named_command_is_not_taken_for_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(demo_bytes())
    assert main(["check", str(page)]) == 0
    assert "exact" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("tazformat ")


def test_the_commands_are_the_parsers() -> None:
    from tazformat.cli import COMMANDS, build_parser

    parser = build_parser()
    choices = next(a.choices for a in parser._actions if a.dest == "command")
    assert choices is not None
    assert tuple(choices) == COMMANDS


POEM = (
    "# taz.de -- Die Wahrheit: Ein Abendlied\n"
    "> Ein Gedicht zum Feierabend.\n"
    "Der Tag legt seine Schuhe ab,\n"
    "die Straße gähnt und schweigt,\n"
    "der Mond steigt langsam auf den Hang,\n"
    "bis er den Kirchturm streift.\n"
    "3 Oct 2025\n"
)


def test_the_summary_names_the_bodys_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "poem.txt"
    page.write_text(POEM, encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    body = next(line for line in capsys.readouterr().out.splitlines() if "body" in line)
    assert body.split(None, 1)[1] == "4 blocks, a poem of 1 stanza, 4 verses"  # a verse a block
    prose = tmp_path / "demo.txt"
    prose.write_bytes(demo_bytes())
    assert main(["parse", str(prose)]) == 0  # the demo: prose, no poem
    body = next(line for line in capsys.readouterr().out.splitlines() if "body" in line)
    assert "poem" not in body
    assert body.split()[1:] == [
        str(len(tazformat.to_dict(tazformat.demo())["text"].split("\n\n"))),
        "blocks",
    ]


def test_a_summary_hints_at_latin1_only_when_bytes_were_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "latin.txt"
    page.write_bytes(POEM.encode("latin-1"))
    assert main(["parse", str(page)]) == 0
    assert "--encoding latin-1" in capsys.readouterr().out
    assert main(["parse", "--encoding", "latin-1", str(page)]) == 0
    assert "  hint: " not in capsys.readouterr().out


# --- merge --------------------------------------------------------------------

CAPTION = "Bild: Die Beete auf dem Dach des Parkhauses am Abend, mit Blick über Lichtenberg"
MERGE_PAGE = (
    "| # taz.de -- Stadtgarten: Tomaten auf dem Dach | |\n"
    "| > Auf einem Parkhaus in Lichtenberg wächst Gemüse. | |\n"
    f"| {CAPTION} | |\n"
    "| Berlin taz | Zwölf Beete und ein Wasserfass. | |\n"
    "| Im Sommer kommen die Nachbarn zum Gießen. | |\n"
    "| 3 Oct 2025 | |\n"
)
"""A page of our own whose caption is over 80 bytes: a gopher proxy cuts it."""


def merge_captures(tmp_path: Path) -> tuple[Path, Path]:
    """Two damaged captures of ``MERGE_PAGE``: one cut short, one with the caption cut."""
    short = tmp_path / "short.txt"
    short.write_bytes(MERGE_PAGE.encode()[: MERGE_PAGE.encode().index(b"| Im Sommer")])
    kept = CAPTION.encode()[:79].decode("utf-8", "replace") + "\u2026"
    cut = tmp_path / "cut.txt"
    cut.write_text(MERGE_PAGE.replace(CAPTION, kept), encoding="utf-8")
    assert [d.code for d in tazformat.loads(cut.read_bytes()).diagnostics] == ["cut-row"]
    return short, cut


def test_merge_writes_the_most_complete_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short, cut = merge_captures(tmp_path)
    out = tmp_path / "merged.txt"
    assert main(["merge", str(short), str(cut), "-o", str(out)]) == 0
    merged = tazformat.loads(out.read_bytes())
    assert merged.diagnostics == ()  # the cut caption and the cut end are both repaired
    assert merged.page.picture.text == CAPTION.removeprefix("Bild: ")  # type: ignore[union-attr]
    assert out.read_text(encoding="utf-8") == MERGE_PAGE
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "2 files: 1 page merged (meulie-framed)"
    # the last row of the short capture may have been cut short: the other's is kept
    assert err[1] == f"6 units: 3 from {short}, 3 from {cut}; 1 repaired, 0 conflicts"
    status, text = run("merge", str(short), str(cut), "-o", "-", "--rendering", "gopher-menu")
    assert status == 0
    assert text == tazformat.dumps(tazformat.loads(MERGE_PAGE), rendering="gopher-menu")
    assert tazformat.loads(text).rendering == "gopher-menu"


def test_merge_refuses_captures_of_other_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(MERGE_PAGE, encoding="utf-8")
    b.write_text(MERGE_PAGE.replace("3 Oct 2025", "4 Oct 2025"), encoding="utf-8")
    out = tmp_path / "merged.txt"
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert f"{a} and {b} are not captures of one page: their date differ" in err
    assert "'3 Oct 2025' and '4 Oct 2025'" in err
    assert main(["merge", str(a), str(a), "-o", str(out)]) == 0  # the same page merges


LISTED = (
    "# taz.de -- Nord\nHafen: Kräne stehen still\nDer Bezirk baut.\nWetter: Sturm\n"
    "Am Abend wird es windig.\nBahn: Züge fallen aus\nWegen Bauarbeiten.\n"
)
"""A listing in ``plain``: by its wording, ``Der Bezirk baut.`` reads as a teaser."""

MARKED = (
    "# taz.de -- Nord\n       \n (DIR) Hafen: Kräne stehen still\n       \n"
    " (DIR) Der Bezirk baut.\n       \n (DIR) Wetter: Sturm\n       \n"
    "       Am Abend wird es windig.\n       \n"
)
"""The same listing in ``gopher-menu``, cut before its last entry: a link marks the title."""


def test_merge_refuses_a_rendering_that_cannot_hold_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LISTED, encoding="utf-8")
    b.write_text(MARKED, encoding="utf-8")
    out = tmp_path / "merged.txt"
    assert main(["merge", str(a), str(b), "-o", str(out), "--rendering", "plain"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "cannot be written in plain: its entry-title 'Der Bezirk baut.'" in err
    assert "gopher-menu marks every row" in err
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 0  # written where it holds
    assert capsys.readouterr().err.splitlines()[0] == "2 files: 1 page merged (gopher-menu)"
    assert tazformat.loads(out.read_bytes()).rendering == "gopher-menu"


def test_merge_fails_on_a_binary_or_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, binary = tmp_path / "a.txt", tmp_path / "b.txt"
    page.write_text(MERGE_PAGE, encoding="utf-8")
    binary.write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "merged.txt"
    assert main(["merge", str(page), str(binary), "-o", str(out)]) == 1
    assert main(["merge", str(page), str(tmp_path / "none.txt"), "-o", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert f"{binary}: {batch.BINARY}" in err
    assert "none.txt" in err


def test_merge_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["merge", "a.txt", "-o", "out.txt", "--rendering", "nope"])
    assert caught.value.code == 2
    assert "unknown rendering 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["merge", "a.txt"])  # no -o
    page = tmp_path / "a.txt"
    page.write_text(MERGE_PAGE, encoding="utf-8")
    assert main(["merge", "--group", str(page), "-o", "-"]) == 2
    assert main(["merge", "--group", str(page), "-o", str(page)]) == 2  # a file, not a folder
    assert page.read_text(encoding="utf-8") == MERGE_PAGE


def test_merge_group_writes_a_page_per_group_and_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    short, cut = merge_captures(crawl)
    other = crawl / "other.txt"
    other.write_text(MERGE_PAGE.replace("Stadtgarten", "Stadtwald"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["merge", "--group", str(crawl), "-o", str(out)]) == 0
    written = sorted(p.name for p in out.iterdir() if p.suffix == ".txt")
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".txt") == ["merge-report.jsonl"]
    assert len(written) == 2
    assert written[0].startswith("stadtgarten-tomaten-auf-dem-dach-")
    assert written[1].startswith("stadtwald-tomaten-auf-dem-dach-")
    assert (out / written[0]).read_text(encoding="utf-8") == MERGE_PAGE
    report = [json.loads(line) for line in (out / "merge-report.jsonl").read_text().splitlines()]
    assert [r["inputs"] for r in report] == [[str(cut), str(short)], [str(other)]]
    first = report[0]
    assert first["output"] == written[0]
    assert [s["kind"] for s in first["sources"]] == [
        "title",
        "lead",
        "picture",
        "paragraph",
        "paragraph",
        "date",
    ]
    picture = first["sources"][2]
    assert (picture["input"], picture["repaired"]) == (str(short), True)
    assert first["conflicts"] == []
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "3 files: 2 pages written (1 merged from several captures), 0 failed",
        "units: 1 repaired, 0 conflicts",
    ]


def test_merge_group_reports_conflicts(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(MERGE_PAGE, encoding="utf-8")
    b.write_text(MERGE_PAGE.replace("Zwölf Beete", "Elf Beete"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["merge", "--group", str(a), str(b), "-o", str(out)]) == 0
    (line,) = (out / "merge-report.jsonl").read_text(encoding="utf-8").splitlines()
    (conflict,) = json.loads(line)["conflicts"]
    assert conflict["kind"] == "paragraph"
    assert (conflict["kept_input"], conflict["other_input"]) == (str(a), str(b))
    assert conflict["other"] == "Berlin taz | Elf Beete und ein Wasserfass."


def test_merge_in_a_real_process_reads_standard_input(tmp_path: Path) -> None:
    short, cut = merge_captures(tmp_path)
    with short.open("rb") as file:
        result = subprocess.run(
            [sys.executable, "-m", "tazformat", "merge", "-", str(cut), "-o", "-"],
            stdin=file,
            capture_output=True,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == MERGE_PAGE
    assert b"2 files: 1 page merged" in result.stderr


def read_a_line_and_close(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``tazformat ARGS | head -n 1``: read one line of its output, then close the pipe."""
    with subprocess.Popen(
        [sys.executable, "-m", "tazformat", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        status = process.wait(timeout=120)
    return subprocess.CompletedProcess(args, status, first, err)


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "--format", "json", *[f"p{i}.txt" for i in range(60)]],
        ["convert", ".", "-o", "-", "--to", "jsonl"],
        ["convert", ".", "-o", "-", "--to", "csv", "--jobs", "2"],
    ],
)
def test_output_piped_into_head_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    for i in range(60):  # about 200 kB of output: more than a pipe holds
        (tmp_path / f"p{i}.txt").write_bytes(demo_bytes())
    result = read_a_line_and_close(args, tmp_path)
    assert result.stdout  # the reader got its line
    assert result.stderr == b""  # no "Broken pipe", no traceback
    assert result.returncode == cli.BROKEN_PIPE == 141


def test_output_read_to_the_end_is_not_a_broken_pipe(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_bytes(demo_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "tazformat", "parse", "p.txt"], cwd=tmp_path, capture_output=True
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"p.txt: article")


README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readmes_first_command_shows_the_demo_without_a_terminal() -> None:
    block = re.search(r"```sh\n(.*?)\n```", README.read_text("utf-8"), re.DOTALL)
    assert block is not None
    command = block.group(1).rpartition(" && ")[2]
    assert command == ".venv/bin/tazformat parse --demo"
    args = [sys.executable, "-m", "tazformat", *command.split()[1:]]
    closed = ["sh", "-c", 'exec "$@" <&-', "sh", *args]  # standard input closed, as in some CI
    for command_line in (args, closed):  # standard input empty, then closed
        found = subprocess.run(
            command_line, stdin=subprocess.DEVNULL, capture_output=True, check=False
        )
        assert found.returncode == 0, found.stderr
        assert found.stdout.startswith(b"demo.txt: article (meulie-framed)\n")
        assert found.stderr == b""
    # Without --demo, the empty standard input of a script is said to be empty.
    bare = subprocess.run(args[:-1], stdin=subprocess.DEVNULL, capture_output=True, check=False)
    assert (bare.returncode, bare.stdout) == (2, b"")
    assert bare.stderr.decode() == f"tazformat: -: {cli.EMPTY}\n"


def pages(folder: Path, count: int) -> list[Path]:
    """``count`` captures of the demo in ``folder``, ``p0.txt`` …, in sorted order."""
    folder.mkdir(exist_ok=True)
    files = [folder / f"p{i}.txt" for i in range(count)]
    for file in files:
        file.write_bytes(demo_bytes())
    return files


def ctrl_c_at(monkeypatch: pytest.MonkeyPatch, when: int) -> None:
    """Make the ``when``-th file read (from 1) raise ``KeyboardInterrupt``, as Ctrl-C would."""
    real = batch.convert_file
    calls = iter(range(1, 10**6))

    def convert_file(name: str, fmt: str, **options: Any) -> batch.Outcome:
        if next(calls) == when:
            raise KeyboardInterrupt
        return real(name, fmt, **options)

    monkeypatch.setattr(batch, "convert_file", convert_file)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_ctrl_c_during_convert_leaves_a_partial_output_named_so(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    pq = pytest.importorskip("pyarrow.parquet") if fmt == "parquet" else None
    pages(tmp_path / "in", 5)
    out = tmp_path / f"out.{fmt}"
    out.write_text("an earlier run's output\n")
    ctrl_c_at(monkeypatch, 3)
    status, _ = run("convert", str(tmp_path / "in"), "-o", str(out))
    assert status == cli.INTERRUPTED == 130
    partial = tmp_path / f"out.{fmt}.partial"
    assert capsys.readouterr().err == (
        f"tazformat: interrupted: 2 of 5 written, partial output in {partial}\n"
    )
    assert out.read_text() == "an earlier run's output\n"  # never half replaced
    if pq is not None:
        assert pq.read_table(partial).num_rows == 2  # closed: readable
    else:
        text = partial.read_text("utf-8")
        if fmt == "jsonl":
            names = [json.loads(line)["file"] for line in text.splitlines()]
        else:
            names = [row["file"] for row in csv.DictReader(io.StringIO(text))]
        assert [Path(name).name for name in names] == ["p0.txt", "p1.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_convert_that_ends_renames_its_output_and_leaves_no_partial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    pages(tmp_path / "in", 3)
    out = tmp_path / f"out.{fmt}"
    out.write_text("an earlier run's output\n")
    assert run("convert", str(tmp_path / "in"), "-o", str(out))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", f"out.{fmt}"]
    assert "earlier" not in out.read_bytes().decode("utf-8", "replace")
    assert "interrupted" not in capsys.readouterr().err


def test_ctrl_c_during_convert_to_standard_output_says_it_is_partial(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages(tmp_path / "in", 4)
    ctrl_c_at(monkeypatch, 2)
    status, text = run("convert", str(tmp_path / "in"), "-o", "-", "--to", "jsonl")
    assert status == 130
    assert len(text.splitlines()) == 1
    assert (
        capsys.readouterr().err == "tazformat: interrupted: 1 of 4 written; the output is partial\n"
    )
    assert not list(tmp_path.glob("*.partial"))


def test_an_output_that_is_no_regular_file_is_written_in_place(tmp_path: Path) -> None:
    # /dev/null cannot have a /dev/null.partial beside it: it is written as it is.
    pages(tmp_path / "in", 2)
    assert run("convert", str(tmp_path / "in"), "-o", os.devnull, "--to", "jsonl")[0] == 0
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "no" / "x.jsonl")]) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="needs a named pipe and SIGINT")
def test_sigint_to_a_real_convert_stops_it_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    pages(folder, 3)
    (folder / "p1.txt").unlink()
    fifo = folder / "p1.txt"  # between p0 and p2: a file that is read until we say so
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    with subprocess.Popen(
        [sys.executable, "-m", "tazformat", "convert", str(folder), "-o", str(out)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        writer = wait_for_reader(fifo, process)  # p0 is written, p1 being read
        try:
            os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C at a terminal: the whole group
            _, err = process.communicate(timeout=60)
        finally:
            os.close(writer)
    assert process.returncode == 130
    assert err.decode() == (
        f"tazformat: interrupted: 1 of 3 written, partial output in {out}.partial\n"
    )
    assert not out.exists()
    (line,) = Path(f"{out}.partial").read_text("utf-8").splitlines()
    assert json.loads(line)["file"] == str(folder / "p0.txt")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a named pipe and SIGINT")
def test_sigint_to_a_convert_with_workers_stops_them_without_a_traceback(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    pages(folder, 8)
    (folder / "p3.txt").unlink()
    os.mkfifo(folder / "p3.txt")
    out = tmp_path / "out.csv"
    with subprocess.Popen(
        [sys.executable, "-m", "tazformat", "convert", str(folder), "-o", str(out), "-j", "2"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        writer = wait_for_reader(folder / "p3.txt", process)  # a worker is reading it
        try:
            os.killpg(process.pid, signal.SIGINT)  # the command and its workers alike
        finally:
            os.close(writer)  # the worker's file ends: it finishes its task and stops
        _, err = process.communicate(timeout=60)
    text = err.decode()
    assert process.returncode == 130, text
    assert re.fullmatch(
        rf"(tazformat: {re.escape(str(folder))}/p3.txt: not a taz dump \(no page\)\n)?"
        rf"tazformat: interrupted: [0-7] of 8 written, partial output in {re.escape(str(out))}"
        r"\.partial\n",
        text,
    ), text
    assert not out.exists()


def wait_for_reader(fifo: Path, process: subprocess.Popen[bytes]) -> int:
    """Open a named pipe for writing once a reader has it open; the writing end.

    Opening without blocking fails until the other end is open, so a
    success says the command is inside its read of this file.
    """
    for _ in range(6000):  # at most a minute
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
        assert process.poll() is None, process.communicate()
        time.sleep(0.01)
    raise AssertionError(f"{fifo} was never opened for reading")


def readers_of(path: Path) -> list[int]:
    """The processes that hold ``path`` open (Linux: their ``/proc/PID/fd`` links)."""
    found = []
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) == str(path):
                found.append(int(fd.parts[2]))
        except OSError:  # gone, or not ours to look at
            continue
    return sorted(set(found))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_a_worker_process_ignores_sigint(tmp_path: Path) -> None:
    # Ctrl-C is for the command, which stops its workers; a worker that took
    # it would fail its task (or, idle, print a traceback of its own).
    folder = tmp_path / "in"
    pages(folder, 6)
    fifo = folder / "p2.txt"
    fifo.unlink()
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    with subprocess.Popen(
        [sys.executable, "-m", "tazformat", "convert", str(folder), "-o", str(out), "-j", "2"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        writer = wait_for_reader(fifo, process)
        try:
            (worker,) = (pid for pid in readers_of(fifo) if pid != os.getpid())
            assert worker != process.pid  # a worker reads it, not the command
            os.kill(worker, signal.SIGINT)
            with contextlib.suppress(BrokenPipeError):  # the worker stopped reading
                os.write(writer, demo_bytes())
        finally:
            os.close(writer)
        _, err = process.communicate(timeout=60)
    assert (process.returncode, err.decode()) == (
        0,
        "6 files: 6 converted, 0 failed\ndiagnostics: none\n",
    )
    assert len(out.read_text("utf-8").splitlines()) == 6


def test_ctrl_c_in_another_command_is_quiet_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(PAGE)

    def interrupted(raw: bytes, encoding: str = "utf-8") -> str:
        raise KeyboardInterrupt

    assert run("check", str(path))[0] == 0  # the other side: not interrupted
    capsys.readouterr()
    # batch stays interpreted in the compiled wheel, so the patch reaches its callers
    monkeypatch.setattr(batch, "decode", interrupted)
    assert run("check", str(path)) == (130, "")
    assert capsys.readouterr().err == "tazformat: interrupted\n"
