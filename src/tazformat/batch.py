"""Convert many dumps at once: JSON lines, CSV/TSV or Parquet, in order.

``convert`` finds the files (``find_files``), parses them in a pool of
worker processes, and streams one record a file to the output in sorted
input order, the same for any number of jobs. Workers send back finished
records (text lines, or row values for Parquet), never documents, and only a
few chunks are in flight at a time, so memory stays flat however many files
there are. Files that cannot be read, look binary, hold no taz page or (with
``strict``) raise ``ParseError`` are reported and left out of the output;
they do not stop the run, but they make its exit status 1. ``-`` names
standard input.

An output file is written under a name of its own, ``OUT.partial``, and
renamed ``OUT`` when the run is complete: a run that is interrupted
(Ctrl-C: ``Interrupted``) or fails leaves ``OUT.partial``, never a ``OUT``
that looks whole, and an ``OUT`` from an earlier run as it was.

The ``tazformat convert`` command is a thin layer over ``convert``.
"""

from __future__ import annotations

import codecs
import collections
import glob
import importlib
import itertools
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence, Sized
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO, TypeAlias

import attrs

from .api import loads
from .errors import ParseError, TazFormatError
from .export import json_text, to_dict
from .models import Document
from .table import COLUMNS, TYPES, csv_line, row
from .table import record as typed_record

if TYPE_CHECKING:
    from concurrent.futures import Future

FORMATS = ("jsonl", "csv", "tsv", "parquet")
"""The output formats of ``convert``."""

INTEGER_COLUMNS = frozenset(column for column, kind in TYPES.items() if kind == "integer")
"""The columns of ``tazformat.table.COLUMNS`` that hold counts: link_count, entries, diagnostics."""

JSON_COLUMN = "json"
"""The Parquet column holding each file's ``to_dict`` data as JSON text."""

PARQUET_BATCH = 2048
"""Rows a Parquet row group holds (rows are buffered up to this many)."""

MAX_CHUNK = 64
"""The most files a worker parses in one task."""

IN_FLIGHT = 4
"""Tasks a job may have in flight: submitted, their outcomes not yet written."""

NO_PAGE = "not a taz dump (no page)"
"""The failure reported for a file with no taz page."""

BINARY = "looks binary (not a text capture)"
"""The failure reported for a file that ``looks_binary``."""

STDIN = "-"
"""The name that stands for standard input."""

PARTIAL = ".partial"
"""What an output file's name ends with while it is written (renamed when the run is complete)."""

ENCODING = "utf-8"
"""The encoding files are read in unless another is asked for."""

ERRORS = "surrogateescape"
"""How bytes the encoding cannot read are kept: as lone surrogates, byte for byte."""

NOT_TEXT_SHARE = 0.3
"""The share of characters that are not text above which a file looks binary."""

SNIFF = 65536
"""Characters ``looks_binary`` weighs, from the start of a text."""

PathArg: TypeAlias = str | os.PathLike[str]
"""A path given as a string or a path-like object."""

_MAGIC = re.compile(r"[*?[]")
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\udc80-\udcff]")
"""Control characters other than whitespace, and bytes the encoding could not read."""


class BatchError(TazFormatError, ValueError):
    """A ``convert`` request that cannot be carried out (before any work)."""


class Interrupted(KeyboardInterrupt):
    """``convert`` was interrupted (Ctrl-C): what it had written by then.

    A ``KeyboardInterrupt``, so that it stops a program as one does. The
    worker processes are stopped and the output is closed before it is
    raised: a Parquet file is readable, with the rows written.

    Attributes:
        written: Records written to the output.
        files: Files found.
        partial: The partial output file (``OUT.partial``, or ``OUT`` itself
            when that is no regular file); ``None`` for a stream.

    """

    def __init__(self, written: int, files: int, partial: str | None) -> None:
        """Keep the counts and the partial output's name."""
        super().__init__(written, files, partial)
        self.written = written
        self.files = files
        self.partial = partial

    def __str__(self) -> str:
        """``interrupted: N of M written``, and where the partial output is."""
        done = f"interrupted: {self.written} of {self.files} written"
        if self.partial is None:
            return f"{done}; the output is partial"
        return f"{done}, partial output in {self.partial}"


@attrs.frozen
class Outcome:
    """What a worker sends back for one file.

    Attributes:
        name: The file's name as found.
        record: The output record (a line of text, or a tuple of Parquet
            row values); ``None`` when the file failed.
        codes: The codes of the document's diagnostics.
        error: Why the file failed, or ``None``.
        exception: The ``ParseError`` a strict parse raised, as the worker
            raised it (it crosses the process pool intact), or ``None``.

    """

    name: str
    record: Any
    codes: tuple[str, ...] = ()
    error: str | None = None
    exception: ParseError | None = None


@attrs.define
class Summary:
    """The counts of a ``convert`` run.

    Attributes:
        files: Files found.
        converted: Files written to the output.
        failed: Files left out: unreadable, binary, not a taz dump, or
            (strict) damaged.
        codes: Diagnostics by code, over every file that was parsed.

    """

    files: int = 0
    converted: int = 0
    failed: int = 0
    codes: collections.Counter[str] = attrs.field(factory=collections.Counter)

    @property
    def status(self) -> int:
        """The exit status: 1 when a file failed, else 0 (as ``tazformat check``)."""
        return 1 if self.failed else 0

    def add(self, outcome: Outcome) -> None:
        """Count one file's outcome."""
        self.codes.update(outcome.codes)
        if outcome.error is None:
            self.converted += 1
        else:
            self.failed += 1

    def report(self) -> str:
        """The summary as text: files done, failures, diagnostics by code."""
        files = f"{self.files} file{'' if self.files == 1 else 's'}"
        lines = [f"{files}: {self.converted} converted, {self.failed} failed"]
        if self.codes:
            counts = ", ".join(f"{code} {count}" for code, count in sorted(self.codes.items()))
            lines.append(f"diagnostics: {counts}")
        else:
            lines.append("diagnostics: none")
        return "\n".join(lines)


def _expand(path: str) -> Iterator[str]:
    """The files a path names: itself, a folder's ``*.txt`` (sorted), or a pattern's matches."""
    if not os.path.exists(path) and _MAGIC.search(path):
        matches = glob.glob(path, recursive=True)
        if not matches:
            raise FileNotFoundError(2, "no file matches this pattern", path)
        for match in matches:
            yield from _expand(match)
    elif os.path.isdir(path):
        yield from _walk(path)
    elif not os.path.exists(path):
        raise FileNotFoundError(2, "No such file or directory", path)
    else:
        yield path


def _walk(folder: str) -> Iterator[str]:
    """A folder's ``*.txt`` files at any depth, in the order of their path parts.

    One folder's listing is held at a time, as one string: a folder of
    100 000 files costs about a megabyte, not a list of paths. Links to
    folders are not followed (as ``os.walk``).
    """
    files: list[str] = []
    folders: set[str] = set()
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.is_dir():
                if not entry.is_symlink():
                    folders.add(entry.name)
            elif entry.name.endswith(".txt"):
                files.append(entry.name)
    files += folders
    files.sort()  # names hold no separator: their order is that of the parts
    names = "\0".join(files)
    del files
    start = 0
    while start < len(names):
        end = names.find("\0", start)
        end = len(names) if end < 0 else end
        name, start = names[start:end], end + 1
        if name in folders:
            yield from _walk(os.path.join(folder, name))
        else:
            yield os.path.join(folder, name)


def _parts(name: str) -> tuple[str, ...]:
    return Path(name).parts


def iter_files(paths: PathArg | Iterable[PathArg]) -> Iterator[str]:
    """The files that paths name, sorted by path parts and without repeats, as they are found.

    One folder is listed lazily, holding little memory however many files
    it has; several paths are gathered first (to drop repeats and sort).

    Raises:
        FileNotFoundError: for a path that does not exist and a pattern that
            matches nothing (when the iteration reaches it).

    """
    names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if len(names) == 1 and os.path.isdir(names[0]):
        yield from _walk(os.fspath(names[0]))
        return
    found = {file for name in names for file in _expand(os.fspath(name))}
    yield from sorted(found, key=_parts)


def find_files(paths: PathArg | Iterable[PathArg]) -> list[Path]:
    """The files that paths name, sorted and without repeats.

    Added in version 0.1.0.

    Args:
        paths: A path or several: files, directories (their ``*.txt`` files,
            recursively) and glob patterns (``**`` reaches into directories).

    Returns:
        The files, sorted by path (see ``iter_files`` for a lazy form).

    Raises:
        FileNotFoundError: for a path that does not exist and a pattern that
            matches nothing.

    """
    return [Path(file) for file in iter_files(paths)]


def read_stdin() -> bytes:
    """Standard input, as bytes (a text stream without a buffer is encoded back)."""
    buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return sys.stdin.read().encode(ENCODING, ERRORS)


def decode(raw: bytes, encoding: str = ENCODING) -> str:
    """The text of a file's bytes, in an encoding; bytes it cannot read become lone surrogates.

    ``decode(raw, e).encode(e, "surrogateescape") == raw`` for the encodings
    that read one byte at a time, and UTF-8.
    """
    return raw.decode(encoding, ERRORS)


def looks_binary(text: str | bytes) -> bool:
    """Whether a file's content looks binary rather than like a capture.

    Args:
        text: The content: bytes (read as UTF-8) or decoded text.

    Returns:
        ``True`` when it holds a NUL, or when more than ``NOT_TEXT_SHARE``
        of its first ``SNIFF`` characters are not text: control characters
        other than whitespace, or bytes the encoding could not read. A
        capture in another encoding read as UTF-8 (a few bytes that are not
        UTF-8 in much text) does not look binary.

    """
    if isinstance(text, bytes):
        if b"\x00" in text:
            return True
        text = decode(text[: SNIFF * 4])[:SNIFF]  # UTF-8: at most 4 bytes a character
    elif "\x00" in text:
        return True
    sample = text[:SNIFF]
    return bool(sample) and len(_NOT_TEXT.findall(sample)) > NOT_TEXT_SHARE * len(sample)


def parse_bytes(raw: bytes, *, encoding: str = ENCODING, strict: bool = False) -> Document:
    """``loads`` of a file's bytes in an encoding (UTF-8: the bytes as they are).

    Raises:
        ParseError: in strict mode, as ``loads`` does.

    """
    return loads(raw if is_utf8(encoding) else decode(raw, encoding), strict=strict)


def is_utf8(encoding: str) -> bool:
    """Whether an encoding's name names UTF-8 (``utf8``, ``UTF-8``, …).

    Raises:
        LookupError: for an unknown encoding.

    """
    return codecs.lookup(encoding).name == "utf-8"


def header(fmt: str) -> str:
    """The text a ``csv`` or ``tsv`` output starts with (empty for the others)."""
    return csv_line(COLUMNS, tab=fmt == "tsv") if fmt in ("csv", "tsv") else ""


def _record(name: str, fmt: str, doc: Document) -> Outcome:
    codes = tuple(d.code for d in doc.diagnostics)
    if doc.page is None:
        return Outcome(name, None, codes, NO_PAGE)
    if fmt == "jsonl":
        record: Any = json_text({"file": name, **to_dict(doc)}) + "\n"
    elif fmt == "parquet":
        record = (*typed_record(name, doc).values(), json_text(to_dict(doc)))
    else:
        record = csv_line(row(name, doc).values(), tab=fmt == "tsv")
    return Outcome(name, record, codes)


def convert_file(name: str, fmt: str, *, strict: bool = False, encoding: str = ENCODING) -> Outcome:
    """Read and parse one file into its output record.

    Args:
        name: The file's path.
        fmt: One of ``FORMATS``.
        strict: Parse with ``strict=True``.
        encoding: The file's encoding.

    Returns:
        The outcome (see ``convert_bytes``), or one with an ``error`` for a
        file that cannot be read.

    """
    try:
        raw = Path(name).read_bytes()
    except OSError as error:
        return Outcome(name, None, (), error.strerror or str(error))
    return convert_bytes(name, fmt, raw, strict=strict, encoding=encoding)


def convert_bytes(
    name: str, fmt: str, raw: bytes, *, strict: bool = False, encoding: str = ENCODING
) -> Outcome:
    """Parse one file's content into its output record.

    Args:
        name: The file's name, for the record and messages.
        fmt: One of ``FORMATS``.
        raw: The file's bytes.
        strict: Parse with ``strict=True``.
        encoding: The file's encoding.

    Returns:
        The outcome. A file that looks binary, has no taz page, raises
        ``ParseError`` in strict mode (kept as the outcome's ``exception``),
        or (by a bug) makes the parser raise gives an outcome with an
        ``error``.

    """
    try:
        text = raw if is_utf8(encoding) else decode(raw, encoding)
        if looks_binary(text):
            return Outcome(name, None, (), BINARY)
        return _record(name, fmt, loads(text, strict=strict))
    except ParseError as error:
        where = f"line {error.line}, column {error.column}"
        return Outcome(name, None, (error.code,), f"{where}: {error.reason}", error)
    except Exception as error:  # a parser bug must not stop a run of many files
        return Outcome(name, None, (), f"internal error: {type(error).__name__}: {error}")


def convert_chunk(
    names: Sequence[str], fmt: str, *, strict: bool = False, encoding: str = ENCODING
) -> list[Outcome]:
    """Convert several files: the task a worker process runs.

    Args:
        names: The files' paths.
        fmt: One of ``FORMATS``.
        strict: Parse with ``strict=True``.
        encoding: The files' encoding.

    Returns:
        One outcome a file, in order.

    """
    return [convert_file(name, fmt, strict=strict, encoding=encoding) for name in names]


def chunk_size(files: int, jobs: int) -> int:
    """Files a task holds: enough for cheap tasks, few enough to share the work.

    Args:
        files: How many files there are.
        jobs: How many worker processes share them.

    Returns:
        About a quarter of each worker's share, between 1 and ``MAX_CHUNK``.

    """
    return max(1, min(MAX_CHUNK, -(-files // (jobs * 4))))


def _chunks(names: Iterable[str], size: int) -> Iterator[Sequence[str]]:
    found = iter(names)
    while chunk := list(itertools.islice(found, size)):
        yield chunk


def outcomes(
    files: Iterable[PathArg],
    fmt: str,
    *,
    jobs: int = 1,
    chunksize: int | None = None,
    strict: bool = False,
    encoding: str = ENCODING,
    total: int | None = None,
) -> Generator[Outcome, None, None]:
    """Convert files, yielding their outcomes in the order of ``files``.

    Args:
        files: The files: a sequence, or an iterable read as tasks are
            handed out (give ``total`` then, or it is gathered first).
        fmt: One of ``FORMATS``.
        jobs: Worker processes; 1 (or files that fit in one task) converts
            in this process.
        chunksize: Files a task holds (default: ``chunk_size``).
        strict: Parse with ``strict=True``.
        encoding: The files' encoding.
        total: How many files ``files`` yields (for the size of a task).

    Returns:
        A generator of outcomes. With several jobs at most ``4 * jobs``
        tasks are in flight, so memory stays flat; closing it stops the
        worker processes.

    """
    if total is None:
        files = list(files) if not isinstance(files, Sized) else files
        total = len(files)
    size = chunksize or chunk_size(total, jobs)
    chunks = _chunks((os.fspath(file) for file in files), size)
    if jobs <= 1 or total <= size:
        return (
            outcome
            for chunk in chunks
            for outcome in convert_chunk(chunk, fmt, strict=strict, encoding=encoding)
        )
    return pooled(chunks, fmt, jobs, strict=strict, encoding=encoding)


def pooled(
    chunks: Iterable[Sequence[str]],
    fmt: str,
    jobs: int,
    *,
    strict: bool = False,
    encoding: str = ENCODING,
) -> Generator[Outcome, None, None]:
    """Convert chunks of files in a process pool, yielding outcomes in order.

    Args:
        chunks: The files' paths, a chunk a task; read only as tasks finish.
        fmt: One of ``FORMATS``.
        jobs: Worker processes.
        strict: Parse with ``strict=True``.
        encoding: The files' encoding.

    Returns:
        A generator of outcomes, in the order of the chunks. At most
        ``4 * jobs`` tasks are in flight. The workers ignore Ctrl-C (SIGINT):
        this process stops them, after their tasks at hand, when it is
        interrupted or the generator is closed.

    """
    from concurrent.futures import ProcessPoolExecutor  # here: the command starts faster

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    pending: collections.deque[Future[list[Outcome]]] = collections.deque()
    try:
        for chunk in chunks:
            task = pool.submit(convert_chunk, chunk, fmt, strict=strict, encoding=encoding)
            pending.append(task)
            if len(pending) >= IN_FLIGHT * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _ignore_interrupts() -> None:
    """A worker's start: Ctrl-C is for the process that runs ``convert`` (no traceback a worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Sink(Protocol):
    """Where records go: a text stream or a Parquet file."""

    def write(self, record: Any) -> None:
        """Write one record."""

    def close(self) -> None:
        """Finish the output."""


@attrs.define
class TextSink:
    """Records that are lines of text, written to a text stream.

    Attributes:
        stream: The stream.
        owned: Close the stream at the end.

    """

    stream: TextIO
    owned: bool = False

    def write(self, record: Any) -> None:
        """Write one line."""
        self.stream.write(record)

    def close(self) -> None:
        """Flush, and close the stream if it is owned."""
        if self.owned:
            self.stream.close()
        else:
            self.stream.flush()


def optional(name: str) -> ModuleType | None:
    """An optional module, or ``None`` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _pyarrow() -> tuple[Any, Any]:
    pa, pq = optional("pyarrow"), optional("pyarrow.parquet")
    if pa is None or pq is None:
        raise BatchError("parquet output needs pyarrow: pip install 'tazformat[parquet]'")
    return pa, pq


def parquet_schema() -> Any:
    """The ``pyarrow`` schema of the Parquet output: the table columns, then ``json``.

    Each column has the type of its ``tazformat.table.TYPES`` entry: text
    ``string``, counts ``int64``, ``truncated`` ``bool``, ``date`` ``date32``
    (null when the page has no date), ``authors``, ``tags`` and ``related``
    ``list<string>``. ``json`` is the ``to_dict`` data as JSON text.
    """
    pa, _ = _pyarrow()
    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    fields = [(column, types[kind]) for column, kind in TYPES.items()]
    return pa.schema([*fields, (JSON_COLUMN, pa.string())])


@attrs.define
class ParquetSink:
    """Records that are row values, written to Parquet in row groups.

    Attributes:
        path: The Parquet file.
        batch: Rows a row group holds.

    """

    path: Path
    batch: int = PARQUET_BATCH
    _rows: list[tuple[Any, ...]] = attrs.field(init=False, factory=list)
    _writer: Any = attrs.field(init=False, default=None)
    _warm_up: threading.Thread | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        """Open the Parquet writer, and warm up pyarrow's conversion in the background.

        pyarrow's first conversion of Python values imports modules (pandas,
        when installed), which takes a noticeable fraction of a second; done
        in a thread while the files are being parsed, it does not hold up the
        first row group.
        """
        pa, pq = _pyarrow()
        self._writer = pq.ParquetWriter(str(self.path), parquet_schema())
        self._warm_up = threading.Thread(target=pa.array, args=([],))
        self._warm_up.start()

    def write(self, record: Any) -> None:
        """Buffer one row, writing a row group when the buffer is full."""
        self._rows.append(record)
        if len(self._rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            pa, _ = _pyarrow()
            schema = self._writer.schema
            columns = [
                pa.array(column, type=field.type)  # a column at a time: faster than rows
                for column, field in zip(zip(*self._rows, strict=True), schema, strict=True)
            ]
            self._writer.write_batch(pa.RecordBatch.from_arrays(columns, schema=schema))
            self._rows.clear()

    def close(self) -> None:
        """Write the last rows and close the file."""
        if self._warm_up is not None:
            self._warm_up.join()
        self._flush()
        self._writer.close()


def check_output(output: PathArg | TextIO, fmt: str) -> None:
    """Check that a format can be written to an output, before any work.

    Args:
        output: A file path, or a text stream (not for ``parquet``).
        fmt: One of ``FORMATS``.

    Raises:
        BatchError: for an unknown format, for Parquet to a stream, or for
            Parquet without ``pyarrow``.

    """
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(output, (str, os.PathLike)):
            raise BatchError("parquet output needs a file (-o FILE)")
        _pyarrow()


def open_sink(output: PathArg | TextIO, fmt: str) -> Sink:
    """The sink of a format, with its header written.

    Args:
        output: A file path, or a text stream (not for ``parquet``).
        fmt: One of ``FORMATS``.

    Returns:
        The sink; close it at the end.

    Raises:
        BatchError: as ``check_output`` does.

    """
    check_output(output, fmt)
    if isinstance(output, (str, os.PathLike)):
        if fmt == "parquet":
            return ParquetSink(Path(output))
        stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by the sink)
        sink = TextSink(stream, owned=True)
    else:
        sink = TextSink(output)
    sink.write(header(fmt))
    return sink


def format_of(output: PathArg) -> str:
    """The format an output file's suffix names (``.jsonl``, ``.csv``, ``.tsv``, ``.parquet``).

    Raises:
        BatchError: for any other suffix.

    """
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BatchError(f"cannot tell the format from {os.fspath(output)!r}: give --to")
    return suffix


class Progress:
    """A progress bar on a stream (``tqdm``, when installed), and messages beside it.

    Args:
        total: The number of files.
        stream: Where the bar and the messages go.
        show: Show a bar (when ``tqdm`` is installed).

    """

    def __init__(self, total: int, stream: TextIO, show: bool) -> None:
        """Start the bar."""
        self.stream = stream
        tqdm = optional("tqdm") if show else None
        self._bar: Any = None
        if tqdm is not None:
            self._bar = tqdm.tqdm(total=total, file=stream, unit="file", dynamic_ncols=True)

    def advance(self) -> None:
        """Count one more file."""
        if self._bar is not None:
            self._bar.update()

    def say(self, message: str) -> None:
        """Write a message line without breaking the bar."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def close(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.close()


def _isatty(stream: IO[str]) -> bool:
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def convert(
    paths: PathArg | Iterable[PathArg],
    output: PathArg | TextIO,
    fmt: str,
    *,
    jobs: int = 1,
    progress: bool | None = None,
    err: TextIO | None = None,
    chunksize: int | None = None,
    strict: bool = False,
    encoding: str = ENCODING,
) -> Summary:
    """Convert many dumps to one output, a record a file in sorted order.

    Added in version 0.1.0.

    Args:
        paths: Files, directories (their ``*.txt``, recursively) and globs;
            ``-`` is standard input (read here, converted first, named ``-``).
        output: The output file, or a text stream for ``jsonl``, ``csv``
            and ``tsv``.
        fmt: One of ``FORMATS``: ``jsonl`` writes ``{"file": name,
            **to_dict(doc)}`` a line; ``csv`` and ``tsv`` write
            ``tazformat.table`` rows under a header; ``parquet`` writes the
            table columns and ``json``, the ``to_dict`` data as JSON text.
        jobs: Worker processes (0: one per CPU); the output is the same for
            any number.
        progress: Show a progress bar on ``err`` (default: when ``err`` is a
            terminal and ``tqdm`` is installed).
        err: Where failures, the bar and the summary go (default: stderr).
        chunksize: Files a worker task holds (default: ``chunk_size``).
        strict: Parse each file with ``strict=True``: a file that raises
            ``ParseError`` fails, reported with its line and column.
        encoding: The files' encoding (bytes it cannot read are kept as
            lone surrogates, as ``loads`` keeps bytes that are not UTF-8).

    Returns:
        The counts. Failed files are reported on ``err`` and left out. An
        output file is written as ``OUT.partial`` and renamed ``OUT`` at
        the end (``partial_path``).

    Raises:
        FileNotFoundError: for a path that does not exist, or an output
            in a folder that does not exist (before any work).
        BatchError: for an output the format cannot have (before any work).
        LookupError: for an unknown encoding (before any work).
        Interrupted: on Ctrl-C (a ``KeyboardInterrupt``): the workers are
            stopped, the output closed and left as ``OUT.partial``.

    """
    stream = err or sys.stderr
    check_output(output, fmt)
    is_utf8(encoding)  # an unknown encoding fails here, not in every file
    names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    stdin = any(os.fspath(name) == STDIN for name in names)
    named = [name for name in names if os.fspath(name) != STDIN]
    total = sum(1 for _ in iter_files(named))  # listed twice: no list of every path is kept
    path = os.fspath(output) if isinstance(output, (str, os.PathLike)) else None
    target = partial_path(output)
    sink = open_sink(output if target is None else target, fmt)
    summary = Summary(files=total + stdin)
    bar = Progress(summary.files, stream, _isatty(stream) if progress is None else progress)
    found = outcomes(
        iter_files(named) if named else (),
        fmt,
        jobs=jobs or os.cpu_count() or 1,
        chunksize=chunksize,
        strict=strict,
        encoding=encoding,
        total=total,
    )

    def take(outcome: Outcome) -> None:
        if outcome.error is None:
            sink.write(outcome.record)
        else:
            bar.say(f"tazformat: {outcome.name}: {outcome.error}")
        summary.add(outcome)  # after the write: an interrupted write is not counted
        bar.advance()

    try:
        try:
            if stdin:
                take(convert_bytes(STDIN, fmt, read_stdin(), strict=strict, encoding=encoding))
            for outcome in found:
                take(outcome)
        finally:
            found.close()  # stops the worker processes
            bar.close()
            sink.close()
    except KeyboardInterrupt as interrupt:
        partial = target or path  # a path that is no regular file is written in place
        raise Interrupted(summary.converted, summary.files, partial) from interrupt
    if target is not None and path is not None:
        os.replace(target, path)
    print(summary.report(), file=stream)
    return summary


def partial_path(output: PathArg | TextIO) -> str | None:
    """The name an output file is written under until the run is complete (``OUT.partial``).

    Returns:
        ``None`` for a stream, and for a path that exists and is no regular
        file (``/dev/stdout``, a named pipe), which is written in place.

    Raises:
        FileNotFoundError: when the output's folder does not exist.

    """
    if not isinstance(output, (str, os.PathLike)):
        return None
    name = os.fspath(output)
    if os.path.exists(name) and not os.path.isfile(name):
        return None
    folder = os.path.dirname(name) or os.curdir
    if not os.path.isdir(folder):
        raise FileNotFoundError(2, "No such file or directory", name)
    return name + PARTIAL
