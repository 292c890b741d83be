"""Merging the corpus pairs: what each merge took from each capture, and how well.

Run from the checkout: ``python benchmarks/merge.py [CORPUS]`` (default
``../shared/corpus``). Prints one row a pair: the units of the merge, how
many came from each capture, how many units some capture held cut that the
merge holds whole (repaired), the conflicts, whether the merged page is cut at its end (every
capture that reaches its last unit holds it cut), and two measures of
quality:

- **recall**: of the units some capture held whole, the share the merge
  holds whole with the same text;
- **precision**: of the merge's units, the share that some capture read
  (kind and text, blanks folded): nothing is made up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tazformat
from tazformat.merging import units

PAIRS = [("006.txt", "007.txt"), ("082.txt", "083.txt"), ("090.txt", "091.txt")]


def _folded(kind: str, text: str) -> tuple[str, str]:
    return kind, " ".join(text.split())


def main(folder: Path) -> None:
    """Print the table for the pairs in ``folder``."""
    print("pair\tunits\tfrom first\tfrom second\trepaired\tconflicts\tcut\trecall\tprecision")
    for first, second in PAIRS:
        docs = [tazformat.loads((folder / name).read_bytes()) for name in (first, second)]
        merged = tazformat.merge(docs)
        taken = [sum(s.input == i for s in merged.sources) for i in (0, 1)]
        repaired = sum(s.repaired for s in merged.sources)
        result = {_folded(k, t) for k, t, whole in units(merged.document) if whole}
        held = {_folded(k, t) for doc in docs for k, t, whole in units(doc) if whole}
        read = {_folded(k, t) for doc in docs for k, t, _ in units(doc)}
        made = [_folded(k, t) for k, t, _ in units(merged.document)]
        recall = len(held & result) / len(held) if held else 1.0
        precision = sum(unit in read for unit in made) / len(made) if made else 1.0
        print(
            f"{first}+{second}\t{len(merged.sources)}\t{taken[0]}\t{taken[1]}"
            f"\t{repaired}\t{len(merged.conflicts)}\t{merged.truncated}\t{recall:.3f}\t{precision:.3f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpus"))
