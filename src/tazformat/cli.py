"""The ``tazformat`` command: a thin layer over the library.

``tazformat parse [FILE ...] [--format F]`` prints a summary of each file,
or its ``to_dict`` data as JSON or JSON lines, its Markdown or plain text, or
one CSV/TSV row of metadata a file; with no file it reads standard input (an
empty one is an error, not a file without a page), or shows the bundled demo
document when standard input is a terminal; ``--demo`` shows the demo
whatever standard input is.
``tazformat check FILE ...`` reports round-trip exactness and diagnostics,
and exits 1 when a file does not round-trip, is no taz dump, looks binary
(or, with ``--strict``, has diagnostics). ``tazformat convert PATH... --to F
-o OUT [--jobs N]`` converts many files to JSON lines, CSV/TSV or Parquet
(see ``tazformat.batch``). ``tazformat merge FILE... -o OUT`` writes the
most complete page from captures of it, and ``tazformat merge --group
PATH... -o DIR`` one merged page per page found (see ``tazformat.merging``).
``-`` names standard input in every command, and ``--encoding`` reads files
in another encoding than UTF-8.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from . import __version__, batch
from .api import dumps
from .bundled import DEMO, demo_bytes
from .codes import Code
from .errors import MergeError, UnknownRendering
from .export import json_text, to_dict
from .grouping import group
from .markdown import to_markdown
from .merging import Merged, merge
from .models import Diagnostic, Document
from .plaintext import to_text
from .rows import split_lines
from .table import write_table

__all__ = ["DEMO", "demo_bytes", "diagnostic_lines", "main", "run", "summary"]

ENCODING = batch.ENCODING
ERRORS = batch.ERRORS
STDIN = batch.STDIN

DEMO_NOTE = (
    "tazformat: no FILE given and standard input is a terminal:"
    " showing the bundled demo document (give a FILE, or pipe a capture in)"
)
"""What ``parse`` says on standard error before it shows the demo."""

EMPTY = (
    "standard input is empty: nothing to parse"
    " (give a FILE, pipe a capture in, or see the bundled demo with --demo)"
)
"""Why ``parse`` stops when the standard input it reads holds nothing."""


class EmptyInput(Exception):
    """Standard input that ``parse`` reads is empty: no capture was given (exit status 2)."""


def _read(name: str) -> bytes:
    if name == STDIN:
        return batch.read_stdin()
    return demo_bytes() if name == DEMO and not Path(name).exists() else Path(name).read_bytes()


class Input(NamedTuple):
    """A file as read and parsed by ``parse`` and ``check``."""

    name: str
    """The name given (``-``: standard input)."""
    raw: bytes
    """Its bytes."""
    text: str
    """Its text in the encoding asked for, bytes it cannot read kept as lone surrogates."""
    doc: Document | None
    """The parsed document; ``None`` when the file looks binary (not parsed)."""


def _open(name: str, encoding: str) -> Input:
    raw = _read(name)
    text = batch.decode(raw, encoding)
    doc = None if batch.looks_binary(text) else batch.parse_bytes(raw, encoding=encoding)
    return Input(name, raw, text, doc)


def _short(value: object, width: int = 70) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _blank(line: str) -> bool:
    return not line.strip(" \t|")


def diagnostic_lines(diagnostics: Sequence[Diagnostic], text: str | None = None) -> list[str]:
    """Diagnostics as ``line:column code: message`` lines, floods capped.

    A run of diagnostics of the same code on consecutive rows is one line,
    ``first–last code: message (×count)``, with the first one's message.
    Rows are consecutive when only rows holding no text (blank, or only
    frame bars) stand between them in ``text``; without ``text``, when
    their lines are.
    """
    lines = [line for line, _ in split_lines(text)] if text is not None else []
    runs: list[list[Diagnostic]] = []
    for diagnostic in diagnostics:
        if runs and runs[-1][-1].code == diagnostic.code:
            before = runs[-1][-1].line
            between = lines[before : diagnostic.line - 1]  # the lines after it, before this
            if diagnostic.line - before <= 1 or (lines and all(map(_blank, between))):
                runs[-1].append(diagnostic)
                continue
        runs.append([diagnostic])
    found = []
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            found.append(f"{first.line}:{first.column} {first.code}: {first.message}")
        else:
            where = f"{first.line}:{first.column}–{last.line}:{last.column}"
            found.append(f"{where} {first.code}: {first.message} (×{len(run)})")
    return found


def summary(name: str, doc: Document, text: str | None = None) -> str:
    """A few readable lines about a parsed document (``text``: its source, for floods)."""
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
            ("body", _body(data)),
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
    lines += [f"    {line}" for line in diagnostic_lines(doc.diagnostics, text)]
    if any(d.code == Code.NOT_UTF8 for d in doc.diagnostics):
        lines.append(f"  hint: {NOT_UTF8_HINT}")
    return "\n".join(lines)


NOT_UTF8_HINT = "the file is not UTF-8; if it is Latin-1, read it with --encoding latin-1"
"""What a summary adds when bytes were not UTF-8."""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _body(data: dict[str, Any]) -> str:
    """The body's structure in a few words: blocks, and a poem, turns or ticker items."""
    blocks = [block for block in (data["text"] or "").split("\n\n") if block]
    parts = [_count(len(blocks), "block")]
    if data.get("poem"):
        verses = sum(len(stanza) for stanza in data["poem"])
        parts.append(f"a poem of {_count(len(data['poem']), 'stanza')}, {_count(verses, 'verse')}")
    if data.get("turns"):
        parts.append(_count(len(data["turns"]), "interview turn"))
    if data.get("ticker"):
        parts.append(_count(len(data["ticker"]), "ticker item"))
    return ", ".join(parts)


FORMATS = ("summary", "json", "jsonl", "markdown", "text", "csv", "tsv")
"""What ``tazformat parse --format`` writes."""


def _interactive() -> bool:
    """Whether standard input is a terminal (or missing): nothing to read there."""
    return sys.stdin is None or sys.stdin.isatty()


def _names(files: list[str], demo: bool) -> list[str]:
    if demo:
        return [DEMO]
    if files:
        return files
    if _interactive():
        print(DEMO_NOTE, file=sys.stderr)
        return [DEMO]
    return [STDIN]


def _binary(name: str) -> str:
    return f"{name}: {batch.BINARY}, not parsed"


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    kind = "json" if args.json else args.format
    binary = 0

    def documents() -> Iterator[tuple[str, Document, str]]:
        nonlocal binary
        for name in _names(args.files, args.demo):
            item = _open(name, args.encoding)
            if name == STDIN and not item.raw:
                raise EmptyInput(EMPTY)
            if item.doc is not None:
                yield name, item.doc, item.text
                continue
            binary += 1
            if kind == "summary":
                out.write(_binary(name) + "\n")
            else:  # the output stays data; the file is named beside it
                print(f"tazformat: {_binary(name)}", file=sys.stderr)

    if kind in ("csv", "tsv"):
        found = documents()
        first = list(itertools.islice(found, 1))  # an empty stdin stops before the header
        rows = ((name, doc) for name, doc, _ in itertools.chain(first, found))
        write_table(rows, out, tab=kind == "tsv")
        return 1 if binary else 0
    for name, doc, text in documents():
        if kind == "json":
            out.write(json_text(to_dict(doc), indent=2) + "\n")
        elif kind == "jsonl":
            out.write(json_text({"file": name, **to_dict(doc)}) + "\n")
        elif kind == "markdown":
            out.write(to_markdown(doc))
        elif kind == "text":
            out.write(to_text(doc))
        else:
            out.write(summary(name, doc, text) + "\n")
    return 1 if binary else 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    failed = 0
    for name in args.files:
        item = _open(name, args.encoding)
        doc = item.doc
        if doc is None:
            failed += 1
            out.write(f"FAIL  {_binary(name)}\n")
            continue
        exact = dumps(doc).encode(args.encoding, ERRORS) == item.raw
        bad = not exact or doc.page is None or (args.strict and bool(doc.diagnostics))
        failed += bad
        verdict = "exact" if exact else "NOT EXACT"
        if doc.page is None:
            verdict = f"{batch.NO_PAGE}, {verdict}"
        out.write(
            f"{'FAIL' if bad else 'ok'}  {name}: {verdict}, {len(doc.diagnostics)} diagnostics\n"
        )
        for line in diagnostic_lines(doc.diagnostics, item.text):
            out.write(f"      {line}\n")
    out.write(f"{len(args.files) - failed} passed, {failed} failed\n")
    return 1 if failed else 0


def _convert(args: argparse.Namespace, out: TextIO) -> int:
    try:
        fmt = args.to or batch.format_of(args.output)
        output = out if args.output == "-" else args.output
        summary = batch.convert(
            args.paths,
            output,
            fmt,
            jobs=args.jobs,
            progress=args.progress,
            err=sys.stderr,
            strict=args.strict,
            encoding=args.encoding,
        )
    except batch.BatchError as error:
        print(f"tazformat: {error}", file=sys.stderr)
        return 2
    except batch.Interrupted as stop:
        print(f"tazformat: {stop}", file=sys.stderr)
        return INTERRUPTED
    return summary.status


class _Read(NamedTuple):
    """The captures ``merge`` read: their names and documents, and the files that failed."""

    names: list[str]
    docs: list[Document]
    failed: int


def _read_captures(names: Sequence[str], encoding: str, bar: batch.Progress) -> _Read:
    read = _Read([], [], 0)
    for name in names:
        try:
            item = _open(name, encoding)
        except OSError as error:
            bar.say(f"tazformat: {name}: {error.strerror or error}")
            item = None
        if item is not None and item.doc is None:
            bar.say(f"tazformat: {_binary(name)}")
        if item is None or item.doc is None:
            read = read._replace(failed=read.failed + 1)
        else:
            read.names.append(name)
            read.docs.append(item.doc)
        bar.advance()
    return read


def _merge_counts(merged: Merged, names: Sequence[str]) -> list[str]:
    """Lines saying how many units each input gave, how many were repaired, the conflicts."""
    taken = [sum(s.input == i for s in merged.sources) for i in range(len(names))]
    repaired = sum(s.repaired for s in merged.sources)
    lines = [
        f"{_count(len(merged.sources), 'unit')}: "
        + ", ".join(f"{count} from {name}" for name, count in zip(names, taken, strict=True))
        + f"; {repaired} repaired, {_count(len(merged.conflicts), 'conflict')}"
    ]
    for conflict in merged.conflicts:
        lines.append(
            f"conflict in unit {conflict.index} ({conflict.kind}): kept"
            f" {_short(conflict.kept, 50)!r} from {names[conflict.kept_input]},"
            f" not {_short(conflict.other, 50)!r} from {names[conflict.other_input]}"
        )
    return lines


def _merge_record(output: str | None, names: Sequence[str], merged: Merged) -> dict[str, Any]:
    """A report line: the inputs, where each unit came from, the conflicts."""
    return {
        "output": output,
        "inputs": list(names),
        "title": merged.sources[0].text if merged.sources else None,
        "sources": [
            {
                "kind": s.kind,
                "input": names[s.input],
                "holders": [names[i] for i in s.holders],
                "repaired": s.repaired,
                "damaged": s.damaged,
            }
            for s in merged.sources
        ],
        "conflicts": [
            {
                "unit": c.index,
                "kind": c.kind,
                "kept": c.kept,
                "kept_input": names[c.kept_input],
                "other": c.other,
                "other_input": names[c.other_input],
            }
            for c in merged.conflicts
        ],
    }


def _slug(title: str) -> str:
    """A file name's stem from a title: lower-case ASCII words joined by ``-``."""
    spelled = title.replace("ß", "ss").replace("ẞ", "SS")
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:60].strip("-") or "page"


def merged_name(merged: Merged, text: str) -> str:
    """The file name of a merged page: its title's slug and a short hash of its text."""
    digest = hashlib.sha256(text.encode("utf-8", ERRORS)).hexdigest()[:8]
    return f"{_slug(merged.sources[0].text if merged.sources else '')}-{digest}.txt"


def _write(output: str, text: str, out: TextIO) -> None:
    if output == "-":
        out.write(text)
    else:
        Path(output).write_bytes(text.encode(ENCODING, ERRORS))


def _merge(args: argparse.Namespace, out: TextIO) -> int:
    err = sys.stderr
    if args.group:
        return _merge_groups(args, out)
    show = err.isatty() if args.progress is None else args.progress
    bar = batch.Progress(len(args.files), err, show)
    try:
        read = _read_captures(args.files, args.encoding, bar)
    finally:
        bar.close()
    if read.failed:
        failed = _count(read.failed, "file")
        print(f"tazformat: {failed} could not be read: nothing merged", file=err)
        return 1
    try:
        merged = merge(read.docs, rendering=args.rendering)
    except MergeError as error:
        print(f"tazformat: cannot merge: {_named(error, read.names)}", file=err)
        return 1
    _write(args.output, dumps(merged.document), out)
    files = _count(len(read.names), "file")
    print(f"{files}: 1 page merged ({merged.document.rendering})", file=err)
    for line in _merge_counts(merged, read.names):
        print(line, file=err)
    return 0


def _named(error: MergeError, names: Sequence[str]) -> str:
    """A merge error's reason with the inputs' names for their indexes."""
    if not error.inputs:
        return str(error)
    if error.what == "page":
        return f"{names[error.inputs[0]]} holds no taz page"
    first, second = (names[i] for i in error.inputs)
    texts = " and ".join(repr(text) for text in error.texts)
    return f"{first} and {second} are not captures of one page: their {error.what} differ ({texts})"


REPORT = "merge-report.jsonl"
"""The report ``tazformat merge --group`` writes into its output folder."""


def _merge_groups(args: argparse.Namespace, out: TextIO) -> int:
    err = sys.stderr
    if args.output == "-":
        print("tazformat: merge --group writes a folder: give -o DIR, not -", file=err)
        return 2
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        print(f"tazformat: {folder}: not a folder (merge --group writes one)", file=err)
        return 2
    stdin = STDIN in args.files
    names = [*([STDIN] if stdin else []), *batch.iter_files([n for n in args.files if n != STDIN])]
    show = err.isatty() if args.progress is None else args.progress
    bar = batch.Progress(len(names), err, show)
    try:
        read = _read_captures(names, args.encoding, bar)
    finally:
        bar.close()
    folder.mkdir(parents=True, exist_ok=True)
    index = {id(doc): name for doc, name in zip(read.docs, read.names, strict=True)}
    pages = merged_many = 0
    failed = read.failed
    repaired = conflicts = 0
    with (folder / REPORT).open("w", encoding=ENCODING, errors=ERRORS) as report:
        for members in group(read.docs):
            member_names = [index[id(doc)] for doc in members]
            try:
                merged = merge(members, rendering=args.rendering)
            except MergeError as error:
                failed += len(members)
                message = _named(error, member_names)
                print(f"tazformat: cannot merge: {message}", file=err)
                report.write(json_text({"inputs": member_names, "error": message}) + "\n")
                continue
            text = dumps(merged.document)
            name = merged_name(merged, text)
            (folder / name).write_bytes(text.encode(ENCODING, ERRORS))
            report.write(json_text(_merge_record(name, member_names, merged)) + "\n")
            pages += 1
            merged_many += len(members) > 1
            repaired += sum(s.repaired for s in merged.sources)
            conflicts += len(merged.conflicts)
    print(
        f"{_count(len(names), 'file')}: {_count(pages, 'page')} written"
        f" ({merged_many} merged from several captures), {failed} failed",
        file=err,
    )
    print(f"units: {repaired} repaired, {_count(conflicts, 'conflict')}", file=err)
    return 1 if failed else 0


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of jobs: {text!r}")
    return int(text)


def _encoding(text: str) -> str:
    try:
        b"x".decode(text, "ignore")  # a text encoding (not "hex"); b"" would not look it up
    except LookupError:
        raise argparse.ArgumentTypeError(f"not a text encoding: {text!r}") from None
    return text


def _add_encoding(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--encoding",
        type=_encoding,
        default=ENCODING,
        metavar="ENC",
        help="the files' encoding, e.g. latin-1 (default: utf-8; bytes it cannot read are kept)",
    )


def _add_progress(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal and tqdm is installed)",
    )


def _add_convert(commands: Any) -> None:
    convert = commands.add_parser(
        "convert", help="convert many files to JSON lines, CSV/TSV or Parquet"
    )
    convert.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (their *.txt) or globs ('-': standard input)",
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
        "--strict", action="store_true", help="parse strictly: a damaged file fails"
    )
    _add_encoding(convert)
    _add_progress(convert)
    convert.set_defaults(run=_convert)


def _rendering(text: str) -> str:
    from .renderings import get

    try:
        get(text)
    except UnknownRendering as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _add_merge(commands: Any) -> None:
    command = commands.add_parser(
        "merge", help="the most complete page from damaged captures of it"
    )
    command.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="captures of one page ('-': standard input); with --group, files, folders"
        " (their *.txt) or globs",
    )
    command.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the merged page ('-': stdout); with --group, a folder",
    )
    command.add_argument(
        "--rendering",
        type=_rendering,
        metavar="R",
        help="the page's rendering (default: the most complete capture's that holds it)",
    )
    command.add_argument(
        "--group",
        action="store_true",
        help=f"group the captures by page; write one merged file a page and {REPORT}",
    )
    _add_encoding(command)
    _add_progress(command)
    command.set_defaults(run=_merge)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``tazformat`` command."""
    top = argparse.ArgumentParser(
        prog="tazformat", description="Parse and check taz text dumps (Gopher and Gemini captures)."
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command")
    parse = commands.add_parser("parse", help="summarise files, or print their data as JSON")
    parse.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="dumps to read ('-': standard input; default: standard input, or the demo"
        " when it is a terminal)",
    )
    parse.add_argument(
        "--demo",
        action="store_true",
        help="parse the bundled demo document (whatever standard input is: in scripts and CI too)",
    )
    parse.add_argument(
        "--format", choices=FORMATS, default="summary", help="what to print (default: summary)"
    )
    parse.add_argument("--json", action="store_true", help="the same as --format json")
    _add_encoding(parse)
    parse.set_defaults(run=_parse)
    check = commands.add_parser("check", help="report round-trip exactness and diagnostics")
    check.add_argument("files", nargs="+", metavar="FILE", help="dumps to check ('-': stdin)")
    check.add_argument("--strict", action="store_true", help="fail on any diagnostic too")
    _add_encoding(check)
    check.set_defaults(run=_check)
    _add_convert(commands)
    _add_merge(commands)
    return top


COMMANDS = ("parse", "check", "convert", "merge")
"""The commands; ``parse`` is taken when none is named (``tazformat FILE``)."""


def _with_command(argv: Sequence[str]) -> list[str]:
    """``argv`` with ``parse`` in front when its first word names no command."""
    words = list(argv)
    first = next((word for word in words if word == "-" or not word.startswith("-")), None)
    if words and first not in COMMANDS and not {"-h", "--help", "--version"} & set(words):
        return ["parse", *words]
    return words


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(_with_command(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        args = parser.parse_args(["parse"])
    if args.command == "parse" and args.demo and args.files:
        parser.error("parse --demo reads the bundled demo: give no FILE with it")
    stream = out or _stdout()
    try:
        status: int = args.run(args, stream)
        stream.flush()  # here, where a closed pipe is still caught
    except BrokenPipeError:
        return _closed(stream)
    except EmptyInput as empty:  # a name of its own: compiled, each `as` name has one type
        print(f"tazformat: {STDIN}: {empty}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # convert says what it wrote; elsewhere there is nothing to say
        print("tazformat: interrupted", file=sys.stderr)
        return INTERRUPTED
    except OSError as error:
        print(f"tazformat: {error.filename or STDIN}: {error.strerror or error}", file=sys.stderr)
        return 2
    return status


INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as a shell reports it."""

BROKEN_PIPE = 141
"""The exit status when the reader of standard output went away (``| head``).

128 + SIGPIPE, what a shell reports for ``cat`` or ``grep`` in the same place.
"""


def _closed(stream: TextIO) -> int:
    """End quietly after the reader of ``stream`` closed it; the exit status.

    As the Python docs advise (``signal``, "Note on SIGPIPE"), standard
    output is pointed at ``os.devnull``, so that the interpreter's last
    flush of what is still buffered does not fail again at exit.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # no file behind it (a test's StringIO)
        return BROKEN_PIPE
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
    return BROKEN_PIPE


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
