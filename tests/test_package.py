"""The package as a release makes it, installed as a user gets it.

``python -m build`` with no target flags, as the release workflow runs it:
the sdist is built from the tree and the wheel from the sdist (what the
package index is given). The wheel and the sdist are then each installed
in a fresh virtual environment (dependencies from the index) and the
``tazformat`` command is run there, outside the checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import tazformat

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar" / "taz.lark"
VERSION = tazformat.__version__

INFO = " " * 7
"""The ``gopher-menu`` gutter of an info row (and a whole blank row)."""

PAGE = "".join(
    f"{row}\n"
    for row in (
        "# taz.de -- Fähre nach Hiddensee: Überfahrt im Nebel",
        INFO,
        INFO + "> Die Fähre fährt auch im Winter, wenn kaum",
        INFO + "> jemand an Bord ist.",
        INFO,
        INFO + "Stralsund taz | Um sieben legt sie ab. Der Kapitän zählt die",
        INFO + "Gäste: drei.",
        INFO,
        INFO + "## Im Winter",
        INFO,
        INFO + "Die Insel ist still, das Café hat zu.",
        INFO,
        INFO + "2 Feb 2026",
        INFO,
        INFO + "## TAGS",
        " (DIR) Hiddensee",
        " (DIR) Ostsee",
    )
)
"""An article in the ``gopher-menu`` rendering (written for this test)."""


def _env() -> dict[str, str]:
    """The environment for a child process: no path of the checkout, UTF-8 I/O."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**env, "PYTHONIOENCODING": "utf-8"}


def run(
    *args: str | Path, cwd: Path = ROOT, stdin: int | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command to success; standard input is empty unless given."""
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=_env(),
        stdin=subprocess.DEVNULL if stdin is None and input is None else stdin,
        input=input,
        capture_output=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@dataclass(frozen=True)
class Release:
    """The artifacts of one release build and its log."""

    sdist: Path
    wheel: Path
    log: str


@dataclass(frozen=True)
class Installed:
    """One artifact installed in a fresh virtual environment."""

    artifact: Path
    home: Path
    bin: Path

    def python(self, code: str, cwd: Path) -> str:
        return run(self.bin / "python", "-c", code, cwd=cwd).stdout.strip()

    def command(self, *args: str | Path, cwd: Path, input: str | None = None) -> str:
        return run(self.bin / "tazformat", *args, cwd=cwd, input=input).stdout


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    for needed in ("build", "twine"):
        if importlib.util.find_spec(needed) is None:
            pytest.skip(f"{needed} is not installed (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    # Exactly as .github/workflows/release.yml builds: no --sdist/--wheel.
    result = run(sys.executable, "-m", "build", "--outdir", out)
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"tazformat-{VERSION}-py3-none-any.whl", f"tazformat-{VERSION}.tar.gz"]
    return Release(
        sdist=out / f"tazformat-{VERSION}.tar.gz",
        wheel=out / f"tazformat-{VERSION}-py3-none-any.whl",
        log=result.stdout + result.stderr,
    )


@pytest.fixture(scope="module", params=["wheel", "sdist"])
def installed(
    request: pytest.FixtureRequest, release: Release, tmp_path_factory: pytest.TempPathFactory
) -> Installed:
    artifact: Path = getattr(release, request.param)
    home = tmp_path_factory.mktemp(f"venv-{request.param}")
    venv.create(home, with_pip=True)
    bin_dir = home / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", artifact, cwd=home)
    return Installed(artifact, home, bin_dir)


def test_the_wheel_is_built_from_the_sdist(release: Release) -> None:
    assert "Building wheel from sdist" in release.log, release.log


def test_twine_check_strict_passes_on_both(release: Release) -> None:
    run(sys.executable, "-m", "twine", "check", "--strict", release.sdist, release.wheel)


def test_wheel_holds_grammar_demo_schema_and_types(release: Release) -> None:
    with zipfile.ZipFile(release.wheel) as wheel:
        names = wheel.namelist()
        for needed in (
            "tazformat/grammar/taz.lark",
            "tazformat/data/demo.txt",
            "tazformat/schema/document.schema.json",
            "tazformat/py.typed",
        ):
            assert needed in names
        assert [n for n in names if n.endswith(".lark")] == ["tazformat/grammar/taz.lark"]
        assert wheel.read("tazformat/grammar/taz.lark") == GRAMMAR.read_bytes()


def test_sdist_holds_one_grammar_as_a_file(release: Release) -> None:
    with tarfile.open(release.sdist) as sdist:
        grammars = [m for m in sdist.getmembers() if m.name.endswith(".lark")]
        assert [m.name for m in grammars] == [f"tazformat-{VERSION}/grammar/taz.lark"]
        assert grammars[0].isfile()
        grammar = sdist.extractfile(grammars[0])
        assert grammar is not None
        assert grammar.read() == GRAMMAR.read_bytes()
        assert not any(m.issym() or m.islnk() for m in sdist.getmembers())


def test_installed_package_is_the_venvs_own(installed: Installed, tmp_path: Path) -> None:
    code = (
        "import tazformat, pathlib; p = pathlib.Path(tazformat.__file__).parent;"
        "print(p); print(p / 'grammar' / 'taz.lark')"
    )
    package, grammar = (Path(p).resolve() for p in installed.python(code, tmp_path).splitlines())
    assert package.is_relative_to(installed.home.resolve())
    assert not package.is_relative_to(ROOT)
    assert grammar.read_bytes() == GRAMMAR.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_installed_command_shows_the_demo_at_a_terminal(
    installed: Installed, tmp_path: Path
) -> None:
    import pty  # POSIX only

    # No FILE and a terminal on standard input: the bundled demo, with a note.
    controller, terminal = pty.openpty()
    try:
        result = run(installed.bin / "tazformat", "parse", cwd=tmp_path, stdin=terminal)
    finally:
        os.close(controller)
        os.close(terminal)
    assert result.stdout.startswith("demo.txt: article (meulie-framed)")
    assert "demo" in result.stderr


def test_installed_command_shows_the_demo_without_a_terminal(
    installed: Installed, tmp_path: Path
) -> None:
    # The README's first command, in a script: standard input is empty, not a terminal.
    shown = installed.command("parse", "--demo", cwd=tmp_path)
    assert shown.startswith("demo.txt: article (meulie-framed)")


def test_installed_command_prints_the_version(installed: Installed, tmp_path: Path) -> None:
    assert VERSION in installed.command("--version", cwd=tmp_path)


def test_installed_command_parses_a_page(installed: Installed, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.encode("utf-8"))
    summary = installed.command("parse", page.name, cwd=tmp_path).splitlines()
    assert summary[:2] == [
        "page.txt: article (gopher-menu)",
        "  title       Fähre nach Hiddensee: Überfahrt im Nebel",
    ]
    data = json.loads(installed.command("parse", "--format", "json", page.name, cwd=tmp_path))
    assert (data["kicker"], data["headline"]) == ("Fähre nach Hiddensee", "Überfahrt im Nebel")
    assert (data["date"], data["tags"], data["diagnostics"]) == (
        "2026-02-02",
        ["Hiddensee", "Ostsee"],
        [],
    )
    check = installed.command("check", page.name, cwd=tmp_path)
    assert check.startswith("ok  page.txt: exact, 0 diagnostics")
    piped = installed.command("parse", cwd=tmp_path, input=PAGE).splitlines()
    assert piped[:2] == ["-: article (gopher-menu)", summary[1]]
