"""The package as a user gets it: sdist and wheel, installed in a fresh venv."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import tazformat

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for needed in ("build", "twine"):
        if importlib.util.find_spec(needed) is None:
            pytest.skip(f"{needed} is not installed (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out)
    return out


def test_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert {f.suffix for f in files} == {".whl", ".gz"}
    run(sys.executable, "-m", "twine", "check", "--strict", *files)


def test_wheel_holds_grammar_demo_schema_and_types(dist: Path) -> None:
    wheel = next(dist.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "tazformat/grammar/taz.lark",
        "tazformat/data/demo.txt",
        "tazformat/schema/document.schema.json",
        "tazformat/py.typed",
    ):
        assert needed in names
    assert f"tazformat-{tazformat.__version__}" in wheel.name


def test_wheel_runs_the_demo_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    wheel = next(dist.glob("*.whl"))
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    result = run(bin_dir / "tazformat", "parse", cwd=tmp_path)
    assert result.stdout.startswith("demo.txt: article (meulie-framed)")
    where = run(
        bin_dir / "python", "-c", "import tazformat; print(tazformat.__file__)", cwd=tmp_path
    )
    assert str(tmp_path) in where.stdout
