"""The ``tazformat`` command: a thin layer over the library.

``tazformat parse [FILE ...] [--format F]`` prints a summary of each file,
or its ``to_dict`` data as JSON or JSON lines, its Markdown or plain text, or
one CSV/TSV row of metadata a file; with no file it parses the bundled demo
document. ``tazformat check FILE ...`` reports round-trip exactness and
diagnostics, and exits non-zero when a file does not round-trip (or, with
``--strict``, has diagnostics). ``tazformat convert PATH... --to F -o OUT
[--jobs N]`` converts many files to JSON lines, CSV/TSV or Parquet (see
``tazformat.batch``).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from . import batch
from .api import dumps, loads
from .export import json_text, to_dict
from .markdown import to_markdown
from .models import Document
from .plaintext import to_text
from .table import write_table

DEMO = "demo.txt"
"""The bundled demo document, in ``tazformat/data/``."""

ENCODING = "utf-8"
ERRORS = "surrogateescape"


def demo_bytes() -> bytes:
    """The bundled demo document (an article written for tazformat)."""
    return resources.files("tazformat").joinpath("data").joinpath(DEMO).read_bytes()


def _read(name: str) -> bytes:
    return demo_bytes() if name == DEMO and not Path(name).exists() else Path(name).read_bytes()


def _short(value: object, width: int = 70) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(name: str, doc: Document) -> str:
    """A few readable lines about a parsed document."""
    data = to_dict(doc)
    lines = [f"{name}: {data['kind'] or 'no page'} ({doc.rendering})"]
    fields: list[tuple[str, Any]] = [("title", data["title"])]
    if data["kind"] == "article":
        dateline = data["dateline"]
        fields += [
            ("lead", data["lead"]),
            ("picture", data["picture"]),
            ("dateline", dateline and f"{dateline['place']} ({dateline['agency']})"),
            ("date", data["date"]),
            ("subheads", len(data["subheads"])),
            ("links", len(data["links"])),
            ("authors", ", ".join(data["authors"])),
            ("tags", ", ".join(data["tags"])),
            ("related", len(data["related"])),
        ]
    elif data["kind"] == "listing":
        fields.append(("entries", len(data["entries"])))
        fields += [("  -", entry["title"]) for entry in data["entries"][:5]]
    fields.append(("truncated", "yes" if doc.truncated else "no"))
    fields.append(("diagnostics", len(doc.diagnostics) or "none"))
    lines += [f"  {key:<12}{_short(value)}" for key, value in fields]
    lines += [f"    {d.line}:{d.column} {d.code}: {d.message}" for d in doc.diagnostics]
    return "\n".join(lines)


FORMATS = ("summary", "json", "jsonl", "markdown", "text", "csv", "tsv")
"""What ``tazformat parse --format`` writes."""


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    names = args.files or [DEMO]
    kind = "json" if args.json else args.format
    documents = ((name, loads(_read(name))) for name in names)
    if kind in ("csv", "tsv"):
        write_table(documents, out, tab=kind == "tsv")
        return 0
    for name, doc in documents:
        if kind == "json":
            out.write(json_text(to_dict(doc), indent=2) + "\n")
        elif kind == "jsonl":
            out.write(json_text({"file": name, **to_dict(doc)}) + "\n")
        elif kind == "markdown":
            out.write(to_markdown(doc))
        elif kind == "text":
            out.write(to_text(doc))
        else:
            out.write(summary(name, doc) + "\n")
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    failed = 0
    for name in args.files:
        raw = _read(name)
        doc = loads(raw)
        exact = dumps(doc).encode(ENCODING, ERRORS) == raw
        bad = not exact or (args.strict and bool(doc.diagnostics))
        failed += bad
        verdict = "exact" if exact else "NOT EXACT"
        out.write(
            f"{'FAIL' if bad else 'ok'}  {name}: {verdict}, {len(doc.diagnostics)} diagnostics\n"
        )
        for d in doc.diagnostics:
            out.write(f"      {d.line}:{d.column} {d.code}: {d.message}\n")
    out.write(f"{len(args.files) - failed} passed, {failed} failed\n")
    return 1 if failed else 0


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    try:
        fmt = args.to or batch.format_of(args.output)
        output = out if args.output == "-" else args.output
        summary = batch.convert(
            args.paths, output, fmt, jobs=args.jobs, progress=args.progress, err=sys.stderr
        )
    except batch.BatchError as error:
        print(f"tazformat: {error}", file=sys.stderr)
        return 2
    return summary.status


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of jobs: {text!r}")
    return int(text)


def _add_convert(commands: Any) -> None:
    convert = commands.add_parser(
        "convert", help="convert many files to JSON lines, CSV/TSV or Parquet"
    )
    convert.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders (their *.txt) or globs"
    )
    convert.add_argument(
        "--to", choices=batch.FORMATS, help="the output format (default: from OUT's suffix)"
    )
    convert.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the output file ('-': stdout)"
    )
    convert.add_argument(
        "-j", "--jobs", type=_jobs, default=1, help="worker processes (0: one per CPU; default 1)"
    )
    convert.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal and tqdm is installed)",
    )
    convert.set_defaults(run=_convert)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``tazformat`` command."""
    top = argparse.ArgumentParser(
        prog="tazformat", description="Parse and check taz text dumps (Gopher and Gemini captures)."
    )
    commands = top.add_subparsers(dest="command")
    parse = commands.add_parser("parse", help="summarise files, or print their data as JSON")
    parse.add_argument("files", nargs="*", metavar="FILE", help="dumps to read (default: the demo)")
    parse.add_argument(
        "--format", choices=FORMATS, default="summary", help="what to print (default: summary)"
    )
    parse.add_argument("--json", action="store_true", help="the same as --format json")
    parse.set_defaults(run=_parse)
    check = commands.add_parser("check", help="report round-trip exactness and diagnostics")
    check.add_argument("files", nargs="+", metavar="FILE", help="dumps to check")
    check.add_argument("--strict", action="store_true", help="fail on any diagnostic too")
    check.set_defaults(run=_check)
    _add_convert(commands)
    return top


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        args = build_parser().parse_args(["parse", *(argv or [])])
    stream = out or _stdout()
    try:
        status: int = args.run(args, stream)
    except OSError as error:
        print(f"tazformat: {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    return status


def _stdout() -> TextIO:
    """Standard output, writing bytes that were not UTF-8 back as they were.

    Summaries, Markdown and plain text carry the source's text, and files
    are read with ``surrogateescape``; JSON and CSV escape or replace such
    bytes themselves.
    """
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors=ERRORS)
    return stream


def run() -> None:
    """Entry point of the ``tazformat`` script."""
    raise SystemExit(main())
