"""Shared fixtures: where the corpus of real captures is, and its files.

The corpus is not part of the project. Tests read it from
``$TAZFORMAT_CORPUS`` or, by default, ``../shared/corpus`` beside the
checkout. Without it, corpus tests are skipped with a message naming the
variable; under ``CI=true`` a missing corpus fails the run.

``--update-golden`` rewrites the golden pins of the corpus's ``to_dict``
(``tests/golden/``, see ``tests/test_golden.py``) instead of comparing them.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
"""Under CI the properties draw the same examples on every run."""
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
VARIABLE = "TAZFORMAT_CORPUS"


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
"""The benchmark scripts, which import each other as scripts do (their folder on the path)."""


def load_benchmark(name: str) -> ModuleType:
    """The benchmark script ``benchmarks/<name>.py`` as a module (``<name>_benchmark``)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.append(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def corpus_dir() -> Path:
    """The corpus folder this run reads."""
    return Path(os.environ.get(VARIABLE) or DEFAULT_CORPUS)


def corpus_files() -> list[Path]:
    """The corpus samples, sorted by name (empty when there is no corpus)."""
    folder = corpus_dir()
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def missing_corpus() -> None:
    """Skip (or, under CI, fail) a test that needs the corpus."""
    message = f"no corpus at {corpus_dir()}: set {VARIABLE} to a folder of taz dump samples (*.txt)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite the golden pins instead of comparing them."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ (the pins of each corpus sample's to_dict) from the corpus",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden pins (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``sample`` with every corpus file."""
    if "sample" in metafunc.fixturenames:
        files = corpus_files()
        metafunc.parametrize(
            "sample",
            files or [None],
            ids=[f.name for f in files] or ["no-corpus"],
            indirect=True,  # through the fixture, which skips (or fails) without a corpus
        )


@pytest.fixture
def sample(request: pytest.FixtureRequest) -> Path:
    """One corpus file (the test is skipped, or failed under CI, without one)."""
    path: Path | None = request.param
    if path is None:
        missing_corpus()
    assert path is not None
    return path


@pytest.fixture
def corpus() -> Path:
    """The corpus folder (the test is skipped, or failed under CI, without one)."""
    if not corpus_files():
        missing_corpus()
    return corpus_dir()
