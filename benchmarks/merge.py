"""Merging the corpus pairs: how many units each merge took from each capture.

Run from the checkout: ``python benchmarks/merge.py [CORPUS]`` (default
``../shared/corpus``). Prints one row a pair: the units of the merge, how
many came from each capture, and how many units some capture held cut that
the merge holds whole (repaired).
"""

from __future__ import annotations

import sys
from pathlib import Path

import tazformat

PAIRS = [("006.txt", "007.txt"), ("082.txt", "083.txt"), ("090.txt", "091.txt")]


def main(folder: Path) -> None:
    """Print the table for the pairs in ``folder``."""
    print("pair\tunits\tfrom first\tfrom second\trepaired\tconflicts")
    for first, second in PAIRS:
        docs = [tazformat.loads((folder / name).read_bytes()) for name in (first, second)]
        merged = tazformat.merge(docs)
        taken = [sum(s.input == i for s in merged.sources) for i in (0, 1)]
        repaired = sum(s.repaired for s in merged.sources)
        print(
            f"{first}+{second}\t{len(merged.sources)}\t{taken[0]}\t{taken[1]}"
            f"\t{repaired}\t{len(merged.conflicts)}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpus"))
