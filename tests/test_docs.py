"""The documentation site builds with ``mkdocs build --strict`` (needs the docs extra)."""

from __future__ import annotations

import html
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import tazformat

ROOT = Path(__file__).resolve().parent.parent
DOCS_MODULES = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def _missing(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except ModuleNotFoundError:
        return True


def _text(page: str) -> str:
    """A built page's visible text, tags removed and whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_site_builds_strictly_with_the_whole_api(tmp_path: Path) -> None:
    missing = [name for name in DOCS_MODULES if _missing(name)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install -e '.[docs]')")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr

    page = (site / "api" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    for name in tazformat.__all__:
        assert f'id="tazformat.{name}"' in page, f"tazformat.{name} is not in the API reference"
        value = getattr(tazformat, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            summary = (inspect.getdoc(value) or "").splitlines()[0].replace("`", "")
            assert " ".join(summary.split()) in text, f"the docstring of {name} is not shown"
