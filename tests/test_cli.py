"""The ``tazformat`` command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from tazformat.cli import demo_bytes, main


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out)
    return status, out.getvalue()


def test_no_arguments_parses_the_demo() -> None:
    status, text = run()
    assert status == 0
    assert text.startswith("demo.txt: article (meulie-framed)")
    assert "Bücherbus in Kreuzberg: Eine Bibliothek auf vier Rädern" in text
    assert "  diagnostics none\n" in text


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
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout.decode("utf-8"))["rendering"] == "meulie-framed"


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
