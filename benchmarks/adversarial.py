"""Linear time: per-byte parse time on hostile input against real pages.

Run ``python benchmarks/adversarial.py [--size MB] [--corpus DIR]``. It times
``tazformat.loads`` (best of several rounds) on the corpus pages, then on
each adversarial input, and prints each input's per-byte time as a ratio of
the corpus's. A ratio near 1 means the input costs what real text costs per
byte; the issue's bound is 3. Nothing here is a test: times are measured
against a baseline taken in the same run, never against a fixed number.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import tazformat

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TAZFORMAT_CORPUS") or ROOT.parent / "shared" / "corpus")


HEADING = "| # taz.de -- Fall: Kurz | |\n| > Ein Satz. | |\n"


def adversarial(size: int) -> dict[str, str]:
    """The hostile inputs the bound is about, each about ``size`` bytes."""
    return {
        "10 MB of '['": "[" * size,
        "10 MB of '|'": "|" * size,
        "10 MB of '[1]['": "[1][" * (size // 4),
        "one 10 MB row": HEADING + "| " + "x" * size + " | |\n",
        "100 000 blank rows": "# taz.de -- Fall: Kurz\n" + "\n" * 100_000,
    }


def extras(size: int) -> dict[str, str]:
    """More hostile inputs, reported beside the bound.

    Rows of '[1][' and refs stay linear; very short rows cost their per-row
    work on few bytes.
    """
    return {
        "rows of '[1][' in a body": HEADING + ("| [1][" + "a" * 70 + " | |\n") * (size // 80),
        "one row of 'a[1][' refs": HEADING + "| " + "a[1][" * (size // 5) + " | |\n",
        "12-byte rows '| | | | | |'": HEADING + "| | | | | |\n" * (size // 12),
    }


def seconds_per_byte(texts: list[str], rounds: int) -> float:
    """Best time of ``rounds`` runs over ``texts``, per UTF-8 byte."""
    size = sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            tazformat.loads(text)
        best = min(best, time.perf_counter() - start)
    return best / size


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> float:
    """Print the table; return the worst ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=10.0, help="adversarial size in MB")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    pages = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    if not pages:
        sys.exit(f"no corpus pages in {args.corpus} (set TAZFORMAT_CORPUS)")
    baseline = seconds_per_byte(pages * 20, args.rounds)
    out(
        f"real pages: {len(pages)} files, {baseline * 1e9:.0f} ns/byte, "
        f"{1 / baseline / 1e6:.2f} MB/s"
    )
    out(f"{'input':32} {'ns/byte':>10} {'ratio':>7}")
    worst = 0.0
    size = int(args.size * 1_000_000)
    for name, text in adversarial(size).items():
        ratio = seconds_per_byte([text], max(1, args.rounds - 1)) / baseline
        worst = max(worst, ratio)
        out(f"{name:32} {ratio * baseline * 1e9:10.1f} {ratio:7.2f}")
    out(f"worst ratio: {worst:.2f} (bound: 3)")
    out("beside the bound:")
    for name, text in extras(size).items():
        ratio = seconds_per_byte([text], max(1, args.rounds - 1)) / baseline
        out(f"{name:32} {ratio * baseline * 1e9:10.1f} {ratio:7.2f}")
    return worst


if __name__ == "__main__":
    main()
