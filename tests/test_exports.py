"""Exports a researcher can use directly: the table and Parquet columns, and ``demo()``."""

from __future__ import annotations

import ast
import csv
import datetime
import io
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

import tazformat
from tazformat import batch, table
from tazformat.bundled import demo_bytes
from tazformat.export import valid_text
from tazformat.models import Article, Entry, Related

ROOT = Path(__file__).resolve().parent.parent

OLD_COLUMNS = (
    "file",
    "kind",
    "rendering",
    "title",
    "kicker",
    "headline",
    "date",
    "place",
    "agency",
    "authors",
    "tags",
    "link_count",
    "picture",
    "entries",
    "truncated",
    "diagnostics",
)
"""The columns of version 0.1.0, which keep their order (``links`` renamed ``link_count``)."""

RELATED = [
    "Öffentliche Bibliotheken: Die Wohnzimmer der Stadt",
    "Leihläden in Berlin: Bohrmaschine statt Buch",
]


def demo_article() -> Article:
    page = tazformat.demo().page
    assert isinstance(page, Article)
    return page


def csv_rows(
    rows: list[tuple[str, tazformat.Document]], *, tab: bool = False
) -> list[dict[str, str]]:
    out = io.StringIO()
    table.write_table(rows, out, tab=tab)
    return list(
        csv.DictReader(io.StringIO(out.getvalue()), dialect="excel-tab" if tab else "excel")
    )


# --- the columns ---------------------------------------------------------------------------------


def test_new_columns_are_added_and_the_old_keep_their_order() -> None:
    assert [c for c in table.COLUMNS if c in OLD_COLUMNS] == list(OLD_COLUMNS)
    assert set(table.COLUMNS) - set(OLD_COLUMNS) == {"lead", "related", "inferred", "text"}
    assert table.COLUMNS.index("lead") == table.COLUMNS.index("headline") + 1
    assert table.COLUMNS.index("related") == table.COLUMNS.index("entries") + 1
    assert table.COLUMNS[-1] == "text"
    assert set(table.TYPES) == set(table.COLUMNS)


def test_the_inferred_column_counts_what_a_rule_read() -> None:
    marked = tazformat.loads(
        "# taz.de -- Nord\n\n (DIR) Hafen: Die Kräne stehen\n\n       Seit Montag.\n",
    )
    assert [e["found"] for e in tazformat.to_dict(marked)["entries"]] == ["marked"]
    assert table.row("a.txt", marked)["inferred"] == 0
    wrapped = tazformat.loads(
        "# taz.de -- Stadt: Ein Platz\n"
        "Der Bezirk plant seit Jahren um, und die Anwohner wissen das.\n"
        "Die Bäume kommen im Herbst, sagt die Stadt, und dann wird gepflanzt.\n"
        "3 Oct 2025\n"
    )
    data = tazformat.to_dict(wrapped)
    assert [p["found"] for p in data["paragraphs"]] == ["inferred", "inferred"]
    assert table.row("b.txt", wrapped)["inferred"] == 2
    assert table.record("b.txt", wrapped)["inferred"] == 2
    assert table.TYPES["inferred"] == "integer"


def test_the_count_of_links_is_named_a_count() -> None:
    # ``links`` is a list of link targets in ``to_dict``; the column counts them.
    assert "links" not in table.COLUMNS
    assert table.TYPES["link_count"] == "integer"
    assert table.COLUMNS.index("link_count") == table.COLUMNS.index("tags") + 1
    doc = tazformat.demo()
    assert table.row("demo.txt", doc)["link_count"] == len(tazformat.to_dict(doc)["links"]) == 2
    (written,) = csv_rows([("demo.txt", doc)])
    assert written["link_count"] == "2"
    assert "links" not in written


def test_the_demo_row_has_lead_text_and_related() -> None:
    doc = tazformat.demo()
    data = tazformat.to_dict(doc)
    found = table.row("demo.txt", doc)
    assert list(found) == list(table.COLUMNS)
    assert found["lead"] == data["lead"]
    assert found["lead"].startswith("Seit dem Frühjahr fährt ein alter Linienbus")
    assert found["text"] == data["text"]
    assert "Der Bus hält jeden Dienstag um neun" in found["text"]
    assert "\n\nLeihen ohne Ausweis\n\n" in found["text"]
    assert found["related"] == "; ".join(RELATED)
    (written,) = csv_rows([("demo.txt", doc)])
    assert written == {k: str(v) for k, v in found.items()}
    (tabbed,) = csv_rows([("demo.txt", doc)], tab=True)
    assert tabbed["text"] == data["text"]  # line breaks survive in a quoted TSV cell


def test_the_typed_record_of_the_demo() -> None:
    found = table.record("demo.txt", tazformat.demo())
    assert list(found) == list(table.COLUMNS)
    assert found["date"] == datetime.date(2026, 3, 14)
    assert found["truncated"] is False
    assert found["authors"] == ["Mira Lindqvist"]
    assert found["tags"] == [
        "Bibliothek",
        "Berlin-Kreuzberg",
        "Lesen",
        "Ehrenamt",
        "Berlin-Kreuzberg",
    ]
    assert found["related"] == RELATED
    assert (found["link_count"], found["entries"], found["diagnostics"]) == (2, 0, 0)
    assert found["lead"] == table.row("demo.txt", tazformat.demo())["lead"]


def test_a_cut_capture_has_no_date_and_is_truncated() -> None:
    doc = tazformat.loads(demo_bytes()[:300])
    found = table.record("cut.txt", doc)
    assert found["date"] is None
    assert found["truncated"] is True
    assert found["related"] == []
    assert table.row("cut.txt", doc)["date"] == ""
    assert table.row("cut.txt", doc)["truncated"] == "yes"


def test_a_related_entry_that_lost_its_title_is_left_out() -> None:
    page = demo_article()
    (section,) = [s for s in page.sections if isinstance(s, Related)]
    first = section.items[0]
    assert isinstance(first, Entry)
    items = (attrs.evolve(first, title=None), *section.items[1:])
    sections = tuple(attrs.evolve(s, items=items) if s is section else s for s in page.sections)
    doc = attrs.evolve(tazformat.demo(), page=attrs.evolve(page, sections=sections))
    assert table.record("x", doc)["related"] == RELATED[1:]
    assert table.row("x", doc)["related"] == RELATED[1]


def test_a_page_with_no_lead_gives_empty_cells() -> None:
    page = demo_article()
    doc = attrs.evolve(tazformat.demo(), page=attrs.evolve(page, lead=None))
    assert table.row("x", doc)["lead"] == ""
    assert table.record("x", doc)["lead"] == ""


def test_no_page_gives_empty_cells() -> None:
    found = table.record("x", tazformat.loads("just some text\n"))
    assert (found["kind"], found["lead"], found["text"], found["related"]) == ("", "", "", [])
    assert found["date"] is None


def test_corpus_rows_agree_with_to_dict(sample: Path) -> None:
    doc = tazformat.loads(sample.read_bytes())
    data = tazformat.to_dict(doc)
    found = table.row(sample.name, doc)
    typed = table.record(sample.name, doc)
    assert found["lead"] == (data.get("lead") or "")
    assert found["text"] == (data.get("text") or "")
    titles = [entry["title"] for entry in data.get("related", []) if entry["title"] is not None]
    assert typed["related"] == titles
    assert found["related"] == "; ".join(titles)
    assert typed["date"] == (data.get("date") and datetime.date.fromisoformat(data["date"]))
    assert typed["truncated"] is data["truncated"]
    assert typed["authors"] == data.get("authors", [])
    for column in table.COLUMNS:
        kind = table.TYPES[column]
        if kind == "text":
            assert typed[column] == valid_text(found[column]), column


def test_corpus_articles_have_leads_and_text(corpus: Path) -> None:
    rows = [
        table.row(f.name, tazformat.loads(f.read_bytes())) for f in sorted(corpus.glob("*.txt"))
    ]
    articles = [r for r in rows if r["kind"] == "article"]
    assert articles
    assert all(r["lead"] and r["text"] for r in articles)
    assert any(r["related"] for r in articles)
    assert all(
        not r["lead"] and not r["text"] and not r["related"] for r in rows if r["kind"] == "listing"
    )


# --- Parquet -------------------------------------------------------------------------------------


def write_files(folder: Path) -> list[Path]:
    """The demo, a cut copy of it, and a copy with a tag that is not UTF-8."""
    folder.mkdir()
    latin = demo_bytes().replace(b"Lesen", b"L\xe9sen")
    files = {"a.txt": demo_bytes(), "b.txt": demo_bytes()[:300], "c.txt": latin}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return sorted(folder / name for name in files)


def test_parquet_has_real_types(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="needs pyarrow (pip install -e '.[parquet]')")
    pq = pytest.importorskip("pyarrow.parquet")
    files = write_files(tmp_path / "in")
    out = tmp_path / "out.parquet"
    summary = batch.convert(tmp_path / "in", out, "parquet", err=io.StringIO())
    assert summary.converted == 3
    schema = pq.read_schema(out)
    assert schema.names == [*table.COLUMNS, batch.JSON_COLUMN]
    assert schema.field("truncated").type == pa.bool_()
    assert schema.field("date").type == pa.date32()
    for column in ("authors", "tags", "related"):
        assert schema.field(column).type == pa.list_(pa.string()), column
    for column in ("link_count", "entries", "diagnostics"):
        assert schema.field(column).type == pa.int64(), column
    for column in ("file", "kind", "title", "lead", "text", "place", batch.JSON_COLUMN):
        assert schema.field(column).type == pa.string(), column
    found = pq.read_table(out).to_pylist()
    assert [r["file"] for r in found] == [str(f) for f in files]
    demo, cut, latin = found
    assert demo["date"] == datetime.date(2026, 3, 14)
    assert demo["truncated"] is False
    assert demo["related"] == RELATED
    assert demo["lead"] == tazformat.to_dict(tazformat.demo())["lead"]
    assert demo["text"] == tazformat.to_dict(tazformat.demo())["text"]
    assert {k: demo[k] for k in table.COLUMNS} == table.record(str(files[0]), tazformat.demo())
    assert cut["date"] is None
    assert cut["truncated"] is True
    assert cut["related"] == []
    assert "L\ufffdsen" in latin["tags"]  # valid UTF-8 in the typed columns
    assert "L\udce9sen" in json.loads(latin["json"])["tags"]  # the byte kept in the JSON


def test_parquet_schema_lists_every_column() -> None:
    pa = pytest.importorskip("pyarrow", reason="needs pyarrow (pip install -e '.[parquet]')")
    schema = batch.parquet_schema()
    assert schema.names == [*table.COLUMNS, batch.JSON_COLUMN]
    texts = {schema.field(c).type for c in table.COLUMNS if table.TYPES[c] == "text"}
    assert texts == {pa.string()}
    assert {c for c in table.COLUMNS if table.TYPES[c] == "integer"} == batch.INTEGER_COLUMNS


def test_dask_dataframe_has_the_parquet_types(tmp_path: Path) -> None:
    pytest.importorskip("dask.dataframe", reason="needs dask (pip install -e '.[dask]')")
    pa = pytest.importorskip("pyarrow")
    import tazformat.dask as tdask

    files = write_files(tmp_path / "in")
    frame = tdask.dataframe(tmp_path / "in", npartitions=2)
    types = {name: dtype.pyarrow_dtype for name, dtype in frame.dtypes.items()}
    schema = batch.parquet_schema()
    assert types == {name: schema.field(name).type for name in table.COLUMNS}
    assert types["date"] == pa.date32()
    computed = frame.compute(scheduler="sync").to_dict("records")  # type: ignore[no-untyped-call, unused-ignore]
    expected = [table.record(str(f), tazformat.loads(f.read_bytes())) for f in files]
    assert computed == expected


# --- demo() --------------------------------------------------------------------------------------


def test_demo_is_the_bundled_document() -> None:
    bundled = resources.files("tazformat").joinpath("data").joinpath("demo.txt").read_bytes()
    assert demo_bytes() == bundled
    doc = tazformat.demo()
    assert isinstance(doc, tazformat.Document)
    assert isinstance(doc.page, Article)
    assert doc == tazformat.loads(bundled)
    assert tazformat.dumps(doc) == bundled.decode("utf-8")
    assert doc.diagnostics == ()
    assert "demo" in tazformat.__all__
    assert tazformat.demo() is not doc  # a new document each call; documents are frozen


USE = re.compile(r"^## Use\n.*?^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_readme_example_runs_on_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's first example, run as written on the demo, shows what its comments say."""
    match = USE.search((ROOT / "README.md").read_text("utf-8"))
    assert match is not None
    source = match.group(1)
    (tmp_path / "dump.txt").write_bytes(demo_bytes())
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    checked = 0
    for node in ast.parse(source).body:
        line = source.splitlines()[node.lineno - 1]
        shown = line.partition("  # ")[2].partition(":")[0].strip()
        if isinstance(node, ast.Expr) and shown:
            value = eval(compile(ast.Expression(node.value), "README.md", "eval"), namespace)
            try:
                claimed = ast.literal_eval(shown)
            except (ValueError, SyntaxError):
                continue  # a comment that describes, not a value
            assert value == claimed, ast.unparse(node)
            checked += 1
        else:
            exec(compile(ast.Module([node], []), "README.md", "exec"), namespace)
    assert checked >= 3
    assert namespace["doc"] == tazformat.demo()
