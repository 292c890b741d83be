"""Parse many dumps with dask: a bag of documents, a dataframe of metadata.

Needs the ``dask`` extra (``pip install 'tazformat[dask]'``). Both functions
find the files on the client (see ``tazformat.batch.find_files``) and read
each one lazily, in the task that parses it, so the files must be readable
at the same paths on every worker (a shared or network file system, when the
workers are on other machines). On one machine dask's default schedulers run
them; on a cluster, connect a ``distributed.Client`` first:

```python
import distributed
import tazformat.dask

client = distributed.Client("scheduler:8786")
frame = tazformat.dask.dataframe("/data/taz/**/*.txt")
frame.groupby("rendering").size().compute()
```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .api import loads
from .batch import JSON_COLUMN, PathArg, iter_files, parquet_schema
from .models import Document
from .table import record

try:
    import dask.bag as db  # type: ignore[import-not-found, unused-ignore]
    import dask.dataframe as dd  # type: ignore[import-not-found, unused-ignore]
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
except ImportError as error:  # pragma: no cover - depends on the environment
    message = "tazformat.dask needs dask: pip install 'tazformat[dask]'"
    raise ImportError(message) from error


def _meta() -> Any:
    schema = parquet_schema()
    columns = schema.remove(schema.get_field_index(JSON_COLUMN))
    return columns.empty_table().to_pandas(types_mapper=pd.ArrowDtype)


META = _meta()
"""The dataframe's columns and dtypes, as an empty ``pandas.DataFrame``.

The columns are ``tazformat.table.COLUMNS``, each of the ``pandas.ArrowDtype``
of its Parquet type (``tazformat.batch.parquet_schema``): ``date`` a date,
``truncated`` a boolean, ``authors``, ``tags`` and ``related`` lists of
strings, the counts integers, the rest strings. ``frame.to_parquet`` writes
the columns of ``tazformat convert --to parquet`` (without ``json``).
"""


def load_file(path: str, strict: bool = False, rendering: str | None = None) -> Document:
    """Read and parse one file (a task of ``bag``).

    Args:
        path: The file.
        strict: Passed to ``tazformat.loads``.
        rendering: Passed to ``tazformat.loads``.

    Returns:
        The document.

    """
    return loads(Path(path).read_bytes(), strict=strict, rendering=rendering)


def _named(path: str, strict: bool, rendering: str | None) -> tuple[str, Document]:
    return path, load_file(path, strict, rendering)


def file_row(path: str) -> dict[str, object]:
    """Read and parse one file into its ``tazformat.table.record`` (a task of ``dataframe``).

    Args:
        path: The file; its name is the row's ``file``.

    Returns:
        The row, keyed by ``tazformat.table.COLUMNS``.

    """
    return record(path, load_file(path))


# dask's from_sequence, Bag.map and Bag.to_dataframe have no type hints.
def _mapped(
    paths: PathArg | Iterable[PathArg],
    npartitions: int | None,
    task: Callable[..., Any],
    *args: Any,
) -> db.Bag:
    names = list(iter_files(paths))
    files: db.Bag = db.from_sequence(names, npartitions=npartitions)  # type: ignore[no-untyped-call, unused-ignore]
    mapped: db.Bag = files.map(task, *args)  # type: ignore[no-untyped-call, unused-ignore]
    return mapped


def bag(
    paths: PathArg | Iterable[PathArg],
    *,
    npartitions: int | None = None,
    strict: bool = False,
    rendering: str | None = None,
    names: bool = False,
) -> db.Bag:
    """A dask bag of the parsed documents, one element a file, in sorted order.

    Added in version 0.1.0.

    Nothing is read until the bag is computed. With a ``distributed.Client``
    connected, the workers read and parse the files:

    ```python
    import distributed
    import tazformat
    import tazformat.dask

    client = distributed.Client("scheduler:8786")
    docs = tazformat.dask.bag("/data/taz/**/*.txt")
    titles = docs.filter(lambda doc: doc.page is not None).map(lambda doc: doc.page.title.text)
    titles.take(5)
    records = docs.map(tazformat.to_dict)
    ```

    Args:
        paths: A glob pattern, a directory (its ``*.txt``, recursively), a
            file, or a list of them.
        npartitions: How many partitions (default: dask's choice, about 100).
        strict: Passed to ``tazformat.loads``: a damaged file makes its task
            raise ``tazformat.ParseError``, which reaches the caller as
            itself, with its line and column, under any scheduler.
        rendering: Passed to ``tazformat.loads``.
        names: Give ``(path, document)`` pairs instead of documents.

    Returns:
        The bag. A file with no taz page gives a document whose ``page`` is
        ``None``; a file that cannot be read makes its task raise.

    Raises:
        FileNotFoundError: for a path that does not exist, or a pattern that
            matches nothing (at once, on the client).

    """
    task = _named if names else load_file
    return _mapped(paths, npartitions, task, strict, rendering)


def dataframe(
    paths: PathArg | Iterable[PathArg], *, npartitions: int | None = None
) -> dd.DataFrame:
    """A dask dataframe of the files' metadata, one row a file, in sorted order.

    Added in version 0.1.0.

    The columns are ``tazformat.table.COLUMNS``, typed as in the Parquet
    output (``META`` gives their ``pandas.ArrowDtype``): ``date`` a date,
    ``truncated`` a boolean, ``authors``, ``tags`` and ``related`` lists of
    strings, ``link_count``, ``entries`` and ``diagnostics`` integers, the rest
    strings.
    Each partition's index starts at 0. On a cluster:

    ```python
    import distributed
    import tazformat.dask

    client = distributed.Client("scheduler:8786")
    frame = tazformat.dask.dataframe("/data/taz/")
    frame[frame.kind == "article"].groupby("date").size().compute()
    frame.to_parquet("/data/taz-metadata/")
    ```

    Args:
        paths: A glob pattern, a directory (its ``*.txt``, recursively), a
            file, or a list of them.
        npartitions: How many partitions (default: dask's choice, about 100).

    Returns:
        The dataframe. A file that cannot be read makes its task raise.

    Raises:
        FileNotFoundError: for a path that does not exist, or a pattern that
            matches nothing (at once, on the client).

    """
    rows = _mapped(paths, npartitions, file_row)
    frame: dd.DataFrame = rows.to_dataframe(meta=META)  # type: ignore[no-untyped-call, unused-ignore]
    return frame
