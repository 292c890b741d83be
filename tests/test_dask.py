"""``tazformat.dask`` on a local multi-process cluster (needs the dask extra)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import pytest

import tazformat
from tazformat.batch import INTEGER_COLUMNS
from tazformat.cli import demo_bytes
from tazformat.table import COLUMNS, record

pytest.importorskip("dask.bag", reason="needs dask (pip install -e '.[dask]')")
pytest.importorskip("dask.dataframe", reason="needs dask[dataframe] (pip install -e '.[dask]')")
distributed = pytest.importorskip(
    "distributed", reason="needs distributed (pip install -e '.[dask]')"
)

import tazformat.dask as tdask  # noqa: E402 (after the skips)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """A client of a local cluster: two worker processes, one thread each."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def files_of(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def test_bag_is_loads_of_each_file(client: object, corpus: Path) -> None:
    files = files_of(corpus)
    docs = tdask.bag(corpus, npartitions=4).compute()
    assert docs == [tazformat.loads(file.read_bytes()) for file in files]


def test_bag_takes_a_glob_or_a_list_and_gives_names(client: object, corpus: Path) -> None:
    files = files_of(corpus)
    pairs = tdask.bag(str(corpus / "*.txt"), names=True).compute()
    assert [name for name, _ in pairs] == [str(file) for file in files]
    picked = [files[3], files[0]]
    titles = tdask.bag(picked).map(tazformat.to_dict).pluck("title").compute()
    expected = [tazformat.to_dict(tazformat.loads(f.read_bytes()))["title"] for f in files[:4:3]]
    assert titles == expected


def test_dataframe_is_the_table_rows(client: object, corpus: Path) -> None:
    files = files_of(corpus)
    frame = tdask.dataframe(corpus, npartitions=3)
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert list(dtypes) == list(COLUMNS)
    assert {name for name, dtype in dtypes.items() if dtype == "int64[pyarrow]"} == INTEGER_COLUMNS
    computed = frame.compute()
    assert computed.to_dict("records") == [
        record(str(f), tazformat.loads(f.read_bytes())) for f in files
    ]
    assert {name: str(dtype) for name, dtype in computed.dtypes.items()} == dtypes
    kinds = frame.groupby("kind").size().compute().to_dict()
    assert sum(kinds.values()) == len(files)


def cut_file(folder: Path) -> tuple[int, int, str]:
    """Write a cut capture to ``folder``: the line, column and code a strict parse gives."""
    (folder / "cut.txt").write_bytes(demo_bytes()[:300])
    with pytest.raises(tazformat.ParseError) as caught:
        tazformat.loads(demo_bytes()[:300], strict=True)
    return caught.value.line, caught.value.column, caught.value.code


def test_strict_raises_on_the_client(client: object, tmp_path: Path) -> None:
    expected = cut_file(tmp_path)
    with pytest.raises(tazformat.ParseError) as caught:
        tdask.bag(tmp_path, strict=True).compute()
    assert (caught.value.line, caught.value.column, caught.value.code) == expected


def test_strict_raises_parse_error_through_the_processes_scheduler(tmp_path: Path) -> None:
    """The error is pickled in the worker and rebuilt in the caller, attributes and all."""
    expected = cut_file(tmp_path)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(tazformat.ParseError) as caught:
            tdask.bag(tmp_path, strict=True).compute(scheduler="processes", pool=pool)
        assert (caught.value.line, caught.value.column, caught.value.code) == expected
        with pytest.raises(tazformat.UnknownRendering):
            tdask.bag(tmp_path, rendering="nope").compute(scheduler="processes", pool=pool)


def test_a_missing_path_raises_at_once() -> None:
    with pytest.raises(FileNotFoundError):
        tdask.bag("/nonexistent/*.txt")
