"""Throughput: MB/s of loads and dumps on real pages, beside two Markdown parsers.

Run ``python benchmarks/throughput.py [--corpus DIR] [--rounds N] [--check]
[--compiled PYTHON]`` (``pip install -e '.[bench]'`` brings mistune and
markdown-it-py). On the
corpus pages, in one process, it times by process CPU time (best of 30
rounds by default, the rounds of all rows interleaved) ``tazformat.loads``,
``loads`` then ``to_dict``, ``tazformat.dumps`` of the parsed
documents, mistune 3 in AST mode and markdown-it-py's ``parse`` on the same
pages with the framing stripped, and ``str.splitlines`` as the floor. Each
row gives MB/s (UTF-8 bytes of its input a second) and its ratio to loads
and to mistune, measured in the same run. The Markdown parsers read the
stripped text, and their MB/s count its bytes; the table says which bytes a
row counts.

With ``--compiled PYTHON`` (the interpreter of a venv where the compiled
wheel is installed with the ``bench`` extra, ``docs/install.md``) the same
table is measured again under that interpreter, in a process of its own,
and the two builds are printed side by side: each column's ratios are taken
within its own process.

It also measures the cost a new process pays for a parser once Lark's cache
is written (best of several fresh processes), the import time of
``tazformat``, and the memory of a parsed page's models relative to its text
(tracemalloc, each corpus page), against the UTF-8 bytes of its text and
against the text's ``str`` in memory. The targets are printed as PASS/FAIL lines
beside the measured values; only with ``--check`` does a failed (or
unmeasured) target give a non-zero exit status. Times are compared with
ratios and with the targets, never with a time limit for the run.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tazformat
import tazformat.grammar

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TAZFORMAT_CORPUS") or ROOT.parent / "shared" / "corpus")

# What a new process pays for a parser: the grammar module is imported first,
# only building the parser is timed.
PARSER_SNIPPET = (
    "import time, tazformat.grammar as g\n"
    "t = time.perf_counter()\n"
    "g.parser.cache_clear()\n"
    "g.parser()\n"
    "print(time.perf_counter() - t)\n"
)
IMPORT_SNIPPET = (
    "import time\nt = time.perf_counter()\nimport tazformat\nprint(time.perf_counter() - t)\n"
)

# The targets, printed beside the measured values.
LOADS_VS_MISTUNE = 1.75  # the pure build
LOADS_VS_MISTUNE_COMPILED = 2.5  # the compiled wheel (--compiled)
DUMPS_VS_LOADS = 10.0
PARSER_BUILD_MS = 5.0
MODELS_VS_TEXT = 4.0


def size(texts: Sequence[str]) -> int:
    """UTF-8 bytes of ``texts``."""
    return sum(len(text.encode("utf-8", "surrogateescape")) for text in texts)


@dataclass
class Row:
    """One row of the table: a function run over each of its inputs."""

    name: str
    run: Callable[[Any], object]
    inputs: Sequence[object]
    nbytes: int
    counted: str
    passes: int = 1
    best: float = math.inf

    def once(self) -> float:
        """CPU seconds of this process for ``passes`` passes over the inputs.

        Process CPU time, not wall time: on a shared machine wall time counts
        what other processes do (it swung 1.44–2.47× on one tree).
        """
        run, inputs = self.run, self.inputs
        start = time.process_time()
        for _ in range(self.passes):
            for item in inputs:
                run(item)
        return time.process_time() - start

    def calibrate(self, min_time: float) -> None:
        """Pick ``passes`` so that one round lasts at least ``min_time`` seconds."""
        self.passes = 1
        first = self.once()
        self.passes = max(1, math.ceil(min_time / max(first, 1e-9)))

    @property
    def mbps(self) -> float:
        """MB/s of the best round (the bytes this row counts)."""
        return self.nbytes * self.passes / self.best / 1e6


def _stripped(doc: tazformat.Document) -> str:
    """The page without framing: written as ``plain``, or its rows where plain cannot hold it."""
    try:
        return tazformat.dumps(doc, rendering="plain")
    except tazformat.EditError:  # an empty entry title: no row of its own in plain
        return "".join(f"{row.text}\n" for row in doc.rows() if row.text)


def _loads_to_dict(text: str) -> object:
    """What a caller who wants data pays: parse, then the JSON-ready dict."""
    return tazformat.to_dict(tazformat.loads(text))


def markdown_parsers() -> tuple[dict[str, Callable[[str], object]], list[str]]:
    """The Markdown parsers that are installed, and notes on those that are not."""
    found: dict[str, Callable[[str], object]] = {}
    notes: list[str] = []
    try:
        import mistune
    except ImportError:
        notes.append("mistune is not installed (pip install -e '.[bench]')")
    else:
        if int(mistune.__version__.split(".")[0]) >= 3:
            found["mistune 3 (AST)"] = mistune.create_markdown(renderer=None)
        else:
            notes.append(f"mistune {mistune.__version__} is installed; the table needs mistune 3")
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        notes.append("markdown-it-py is not installed (pip install -e '.[bench]')")
    else:
        found["markdown-it-py"] = MarkdownIt().parse
    return found, notes


def throughput(
    pages: list[str], rounds: int, min_time: float, out: Callable[[str], object]
) -> dict[str, float]:
    """Time each row, print the table, and return MB/s by row name."""
    docs = [tazformat.loads(page) for page in pages]
    stripped = [_stripped(doc) for doc in docs]
    framed_bytes, stripped_bytes = size(pages), size(stripped)
    framed = f"dump, {framed_bytes:,} B"
    plain = f"stripped, {stripped_bytes:,} B"
    rows = [
        Row("tazformat.loads", tazformat.loads, pages, framed_bytes, framed),
        Row("loads + to_dict", _loads_to_dict, pages, framed_bytes, framed),
        Row("tazformat.dumps", tazformat.dumps, docs, framed_bytes, framed),
    ]
    parsers, notes = markdown_parsers()
    rows += [Row(name, run, stripped, stripped_bytes, plain) for name, run in parsers.items()]
    rows.append(Row("str.splitlines", str.splitlines, pages, framed_bytes, framed))
    for row in rows:
        row.calibrate(min_time)
    for _ in range(rounds):
        for row in rows:
            row.best = min(row.best, row.once())
    speed = {row.name: row.mbps for row in rows}
    loads, mistune = speed["tazformat.loads"], speed.get("mistune 3 (AST)")
    out(
        f"corpus: {len(pages)} pages, {framed_bytes:,} bytes; "
        f"framing stripped: {stripped_bytes:,} bytes"
    )
    out(f"best of {rounds} rounds, each at least {min_time:g} s; MB/s = bytes counted / s / 1e6")
    out("")
    out(f"{'':18} {'bytes counted':>22} {'MB/s':>9} {'× loads':>9} {'× mistune':>10}")
    for row in rows:
        vs_mistune = f"{row.mbps / mistune:10.2f}" if mistune else f"{'-':>10}"
        out(f"{row.name:18} {row.counted:>22} {row.mbps:9.2f} {row.mbps / loads:9.2f} {vs_mistune}")
    for note in notes:
        out(f"  note: {note}")
    return speed


def fresh_seconds(snippet: str, processes: int) -> float:
    """Best seconds printed by ``snippet`` over fresh processes, after one warm-up run."""
    best = math.inf
    for run in range(processes + 1):
        result = subprocess.run(
            [sys.executable, "-c", snippet],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        if run:  # the warm-up run writes Lark's cache and the .pyc files
            best = min(best, float(result.stdout.strip()))
    return best


def memory_alive(pages: list[str]) -> list[int]:
    """For each page: bytes that ``loads`` leaves alive in the document.

    Every page is parsed once before (the parser is built, caches are warm);
    then, under tracemalloc, the difference of two snapshots taken after
    ``gc.collect()``, one before ``loads`` and one while the document is held.
    """
    for page in pages:
        tazformat.loads(page)
    skip = [tracemalloc.Filter(False, tracemalloc.__file__)]
    alive = []
    tracemalloc.start()
    try:
        for page in pages:
            gc.collect()
            before = tracemalloc.take_snapshot().filter_traces(skip)
            doc = tazformat.loads(page)
            gc.collect()
            held = tracemalloc.take_snapshot().filter_traces(skip)
            alive.append(sum(stat.size_diff for stat in held.compare_to(before, "filename")))
            del doc
    finally:
        tracemalloc.stop()
    return alive


def verdict(name: str, value: float | None, op: str, bound: float, unit: str) -> tuple[str, bool]:
    """A PASS/FAIL (or SKIP, when unmeasured) line for one target, and whether it passed."""
    target = f"target {op} {bound:g}{unit}"
    if value is None:
        return f"SKIP  {name:28} {'n/a':>10}  {target:14} (not measured)", False
    factor = value / bound if op == "≥" else bound / value
    ok = factor >= 1
    margin = f"{factor:.2f}× headroom" if ok else f"off by {1 / factor:.2f}×"
    shown = f"{value:.2f}{unit}"
    return f"{'PASS' if ok else 'FAIL'}  {name:28} {shown:>10}  {target:14} ({margin})", ok


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> int:
    """Print the table, the measures and the targets; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--rounds", type=int, default=30, help="timed rounds per row, interleaved (best wins)"
    )
    parser.add_argument(
        "--min-time", type=float, default=0.2, help="seconds a round lasts at least"
    )
    parser.add_argument(
        "--processes", type=int, default=5, help="fresh processes for the start-up costs"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 unless every target passes")
    parser.add_argument(
        "--compiled",
        metavar="PYTHON",
        help="also measure under this interpreter (a venv with the compiled wheel), side by side",
    )
    parser.add_argument("--speeds", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    # Bytes as they are (line endings too), decoded the way loads decodes bytes.
    pages = [
        path.read_bytes().decode("utf-8", "surrogateescape")
        for path in sorted(args.corpus.glob("*.txt"))
    ]
    if not pages:
        sys.exit(f"no corpus pages in {args.corpus} (set TAZFORMAT_CORPUS)")
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("tazformat", "lark", "mistune", "markdown-it-py")
        if _installed(name)
    )
    if args.speeds:  # the compiled build's half of a --compiled run: the speeds as JSON
        speed = throughput(pages, max(1, args.rounds), args.min_time, lambda line: None)
        print(json.dumps({"build": build_name(), "speed": speed}))
        return 0
    out(f"Python {platform.python_version()}; {versions}")
    hint = "; set TAZFORMAT_PURE=1 to measure without lark-cython" if tazformat.grammar.FAST else ""
    out(f"build: {build_name()}{hint}")

    speed = throughput(pages, max(1, args.rounds), args.min_time, out)
    compiled: dict[str, float] | None = None
    if args.compiled:
        compiled_build, compiled = compiled_speeds(args, out)
        side_by_side(speed, compiled, compiled_build, out)

    out("")
    processes = max(1, args.processes)
    build = fresh_seconds(PARSER_SNIPPET, processes) * 1e3
    imported = fresh_seconds(IMPORT_SNIPPET, processes) * 1e3
    out(f"start-up, best of {processes} fresh processes (after a warm-up run):")
    out(f"  tazformat.grammar.parser(), Lark cache written: {build:8.2f} ms")
    out(f"  import tazformat:                               {imported:8.2f} ms")

    out("")
    alive = memory_alive(pages)
    ratios = [held / max(1, size([page])) for held, page in zip(alive, pages, strict=True)]
    in_memory = [held / sys.getsizeof(page) for held, page in zip(alive, pages, strict=True)]
    median, worst = statistics.median(ratios), max(ratios)
    out(f"models alive after loads, {len(ratios)} pages:")
    out(
        f"  / UTF-8 bytes of the text:    median {median:.2f}×, max {worst:.2f}×, "
        f"min {min(ratios):.2f}×"
    )
    out(
        f"  / the text's str (getsizeof): median {statistics.median(in_memory):.2f}×, "
        f"max {max(in_memory):.2f}×, min {min(in_memory):.2f}×"
    )

    loads = speed["tazformat.loads"]
    mistune = speed.get("mistune 3 (AST)")
    built = None
    if compiled is not None and compiled.get("mistune 3 (AST)"):
        built = compiled["tazformat.loads"] / compiled["mistune 3 (AST)"]
    lines = [
        verdict(
            f"loads / mistune 3 ({build_name()})",
            loads / mistune if mistune else None,
            "≥",
            LOADS_VS_MISTUNE,
            "×",
        ),
        verdict("loads / mistune 3 (compiled)", built, "≥", LOADS_VS_MISTUNE_COMPILED, "×"),
        verdict("dumps / loads, MB/s", speed["tazformat.dumps"] / loads, "≥", DUMPS_VS_LOADS, "×"),
        verdict("parser build, cached", build, "≤", PARSER_BUILD_MS, " ms"),
        verdict("models / text, median page", median, "≤", MODELS_VS_TEXT, "×"),
    ]
    out("")
    out("targets:")
    for line, _ in lines:
        out(line)
    failed = sum(not ok for _, ok in lines)
    out(f"{len(lines) - failed} of {len(lines)} targets pass")
    return 1 if args.check and failed else 0


def build_name() -> str:
    """Which build of tazformat this process runs: compiled or pure, with or without lark-cython."""
    name = "compiled" if getattr(tazformat, "compiled", False) else "pure"
    return f"{name} + lark-cython" if tazformat.grammar.FAST else name


def compiled_speeds(
    args: argparse.Namespace, out: Callable[[str], object]
) -> tuple[str, dict[str, float]]:
    """The build under ``args.compiled``, and the MB/s measured there in a process of its own."""
    command = [str(Path(args.compiled).absolute()), str(Path(__file__).resolve()), "--speeds"]
    command += ["--corpus", str(args.corpus), "--rounds", str(args.rounds)]
    command += ["--min-time", str(args.min_time)]
    # Outside the tree, so that the interpreter imports its installed wheel.
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd="/")
    found = json.loads(result.stdout.strip().splitlines()[-1])
    if not found["build"].startswith("compiled"):
        sys.exit(f"{args.compiled} does not run a compiled tazformat ({found['build']})")
    speed: dict[str, float] = found["speed"]
    out("")
    out(f"measured again under {args.compiled}: {found['build']}")
    return found["build"], speed


def side_by_side(
    pure: dict[str, float], compiled: dict[str, float], build: str, out: Callable[[str], object]
) -> None:
    """Print MB/s and the ratio to mistune of both builds, each taken within its own process."""
    names = (build_name(), build)
    out("")
    out(f"{'':18} {names[0]:>24} {names[1]:>24}")
    out(f"{'':18} {'MB/s':>12} {'× mistune':>11} {'MB/s':>12} {'× mistune':>11}")
    for name in pure:
        cells = []
        for speed in (pure, compiled):
            mistune = speed.get("mistune 3 (AST)")
            ratio = f"{speed[name] / mistune:11.2f}" if mistune else f"{'-':>11}"
            cells.append(f"{speed[name]:12.2f} {ratio}")
        out(f"{name:18} {' '.join(cells)}")


def _installed(name: str) -> bool:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
