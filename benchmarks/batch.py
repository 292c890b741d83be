"""Speed-up of ``tazformat convert --jobs N``, the same output for any N, and its memory.

Run ``python benchmarks/batch.py [--files 10000] [--jobs 2] [--corpus DIR]``.
It copies the corpus pages, repeated, into a temporary folder as ``--files``
files, then times ``tazformat convert`` (a fresh process each round, best of
``--rounds``) with ``--jobs 1`` and with ``--jobs N`` for each format, checks
that both outputs are byte for byte the same, and prints the speed-up (wall
time of one job over N jobs). Nothing here is a test: the speed-up depends on
the machine.

With ``--memory``, it measures instead the peak memory (the largest
resident set of ``tazformat convert`` and its workers) for ``--files`` pages
and for ten times as many, in each format, and prints their ratio: a
conversion whose memory grows with the number of files would show it here
(target: the larger run within 10% of the smaller).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TAZFORMAT_CORPUS") or ROOT.parent / "shared" / "corpus")
FORMATS = ("jsonl", "csv", "parquet")


def make_pages(corpus: Path, folder: Path, count: int) -> int:
    """Copy the corpus pages, repeated, into ``folder`` as ``count`` files; return their bytes."""
    pages = [page.read_bytes() for page in sorted(corpus.glob("*.txt"))]
    if not pages:
        sys.exit(f"no corpus pages in {corpus} (set TAZFORMAT_CORPUS)")
    size = 0
    for number, page in zip(range(count), itertools.cycle(pages)):
        (folder / f"{number:05d}.txt").write_bytes(page)
        size += len(page)
    return size


def timed(folder: Path, out: Path, fmt: str, jobs: int) -> float:
    """Wall time of one ``tazformat convert`` run in a fresh process."""
    command = [sys.executable, "-m", "tazformat", "convert", str(folder)]
    command += ["--to", fmt, "-o", str(out), "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best(folder: Path, out: Path, fmt: str, jobs: int, rounds: int) -> float:
    """Best wall time of ``rounds`` runs."""
    return min(timed(folder, out, fmt, jobs) for _ in range(rounds))


PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
"""Run a command and print the peak resident set (KiB on Linux) of it and its
workers: the children of a fresh process are only that command's."""


def peak_kib(folder: Path, out: Path, fmt: str, jobs: int) -> int:
    """Peak memory of one ``tazformat convert`` run (the largest of its processes)."""
    command = [sys.executable, "-m", "tazformat", "convert", str(folder)]
    command += ["--to", fmt, "-o", str(out), "--jobs", str(jobs), "--no-progress"]
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True
    )
    return int(done.stdout.strip())


def memory(args: argparse.Namespace, out: Callable[[str], object]) -> float:
    """Print peak memory for ``--files`` and ten times as many pages; return the worst ratio."""
    worst = 0.0
    sizes = (args.files, args.files * 10)
    with tempfile.TemporaryDirectory() as temp:
        folders = []
        for count in sizes:
            folder = Path(temp) / f"pages-{count}"
            folder.mkdir()
            size = make_pages(args.corpus, folder, count)
            out(f"{count} files, {size / 1e6:.1f} MB")
            folders.append(folder)
        out(f"{'format':8} {sizes[0]:>9} {sizes[1]:>9}  ratio  (peak MiB, jobs {args.jobs})")
        for fmt in args.formats or FORMATS:
            small, large = (
                peak_kib(folder, Path(temp) / f"out.{fmt}", fmt, args.jobs) for folder in folders
            )
            worst = max(worst, large / small)
            out(f"{fmt:8} {small / 1024:9.1f} {large / 1024:9.1f}  {large / small:5.2f}")
    out(f"worst ratio: {worst:.2f} (target: at most 1.10)")
    return worst


def digest(path: Path) -> str:
    """The SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> float:
    """Print the table; return the worst speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--format", choices=FORMATS, action="append", dest="formats")
    parser.add_argument(
        "--memory", action="store_true", help="peak memory for --files and 10x as many pages"
    )
    args = parser.parse_args(argv)
    if args.memory:
        return memory(args, out)
    worst = float("inf")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "pages"
        folder.mkdir()
        size = make_pages(args.corpus, folder, args.files)
        out(f"{args.files} files, {size / 1e6:.1f} MB, {os.cpu_count()} CPUs")
        out(f"{'format':8} {'jobs 1':>8} {f'jobs {args.jobs}':>8} {'speed-up':>9}  same output")
        for fmt in args.formats or FORMATS:
            one, many = Path(temp) / f"one.{fmt}", Path(temp) / f"many.{fmt}"
            single = best(folder, one, fmt, 1, args.rounds)
            multi = best(folder, many, fmt, args.jobs, args.rounds)
            same = digest(one) == digest(many)
            worst = min(worst, single / multi)
            out(f"{fmt:8} {single:7.2f}s {multi:7.2f}s {single / multi:8.2f}x  {same}")
    out(f"worst speed-up: {worst:.2f}x (target: 1.6x with 2 jobs)")
    return worst


if __name__ == "__main__":
    main()
