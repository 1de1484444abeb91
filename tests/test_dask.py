"""nkquotes.dask: a local process scheduler gives exactly the single-process rows."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest

import nkquotes._pipeline
import nkquotes.dask as nkdask
from nkquotes import ConfigurationError, InputError
from nkquotes._pipeline import Pipeline
from nkquotes._rows import ENTITY_COLUMNS, QUOTE_COLUMNS
from tests.scaling_support import (
    POLNEAR_COUNT,
    Article,
    by_article,
    polnear_articles,
    reference_rows,
    synthetic_articles,
    toy_pipeline,
)

#: Two worker processes, like ``local[2]`` for Spark: every partition is pickled across.
#: (The pool is made once per module: starting processes dominates small runs.)
PROCESSES: dict[str, Any] = {"scheduler": "processes", "num_workers": 2}


@pytest.fixture(scope="module", autouse=True)
def _process_pool() -> Iterator[None]:
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
        PROCESSES["pool"] = pool
        yield
        del PROCESSES["pool"]


def _frame(articles: list[Article], npartitions: int) -> dd.DataFrame:
    pdf = pd.DataFrame(articles, columns=["doc", "body", "date"], dtype=object)
    return dd.from_pandas(pdf, npartitions=npartitions, sort=False)


def _bag(articles: list[Article], npartitions: int) -> db.Bag:
    records = [{"doc": a, "body": t, "date": p} for a, t, p in articles]
    return db.from_sequence(records, npartitions=npartitions)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame rows as dicts with pandas' missing markers turned back into ``None``."""
    plain = frame.astype(object)
    return [
        {k: (None if v is pd.NA or v is None else v) for k, v in row.items()}
        for row in plain.to_dict("records")
    ]


def _frame_run(kind: str, articles: list[Article], pipeline: Pipeline | None) -> pd.DataFrame:
    extract = nkdask.extract_quotes if kind == "quotes" else nkdask.extract_entities
    lazy = extract(
        _frame(articles, npartitions=5),
        id_column="doc",
        text_column="body",
        published_column="date",
        pipeline=pipeline,
    )
    computed: pd.DataFrame = lazy.compute(**PROCESSES)
    return computed


@pytest.fixture(scope="module")
def synthetic() -> list[Article]:
    return synthetic_articles(120)


@pytest.mark.parametrize("kind", ["quotes", "entities"])
@pytest.mark.parametrize("toy", [False, True], ids=["default", "toy"])
def test_frame_matches_single_process(synthetic: list[Article], kind: str, toy: bool) -> None:
    pipeline = toy_pipeline() if toy else None
    expected = reference_rows(synthetic, kind, pipeline)  # type: ignore[arg-type]
    computed = _frame_run(kind, synthetic, pipeline)
    assert by_article(_records(computed)) == by_article(expected)
    assert len(computed) == len(expected)
    if toy:
        assert len(expected) > 100


@pytest.mark.parametrize("kind", ["quotes", "entities"])
def test_bag_matches_single_process(synthetic: list[Article], kind: str) -> None:
    extract = nkdask.extract_quotes_bag if kind == "quotes" else nkdask.extract_entities_bag
    pipeline = toy_pipeline()
    bag = extract(
        _bag(synthetic, 4), id_key="doc", text_key="body", published_key="date", pipeline=pipeline
    )
    rows = bag.compute(**PROCESSES)
    expected = reference_rows(synthetic, kind, pipeline)  # type: ignore[arg-type]
    assert rows == expected  # a bag keeps its order: the very same list
    columns = QUOTE_COLUMNS if kind == "quotes" else ENTITY_COLUMNS
    assert all(list(row) == [name for name, _ in columns] for row in rows)


@pytest.mark.data
@pytest.mark.parametrize("kind", ["quotes", "entities"])
def test_polnear_matches_single_process(shared_dir: Path, kind: str) -> None:
    articles = polnear_articles(shared_dir, POLNEAR_COUNT)
    expected = reference_rows(articles, kind)  # type: ignore[arg-type]
    assert by_article(_records(_frame_run(kind, articles, None))) == by_article(expected)
    if kind == "quotes":
        assert len(expected) > POLNEAR_COUNT  # the built-in finder does find quotes


def test_frame_dtypes_are_nullable_and_match_meta(synthetic: list[Article]) -> None:
    lazy = nkdask.extract_quotes(
        _frame(synthetic, 3), id_column="doc", text_column="body", pipeline=toy_pipeline()
    )
    want = {"string": "string", "int": "Int32", "double": "Float64"}
    assert {k: str(v) for k, v in lazy.dtypes.items()} == {n: want[t] for n, t in QUOTE_COLUMNS}
    computed = lazy.compute(scheduler="sync")
    assert dict(computed.dtypes) == dict(lazy.dtypes)
    assert computed["date"].isna().any()  # missing values are <NA>, not NaN or None
    assert computed["start"].notna().all()


def test_empty_partitions_and_empty_frame() -> None:
    articles: list[Article] = [("a", None, None), ("b", "", None), ("c", "No quote.", None)]
    computed = nkdask.extract_entities(
        _frame(articles, 3), id_column="doc", text_column="body"
    ).compute(scheduler="sync")
    assert list(computed.columns) == [name for name, _ in ENTITY_COLUMNS]
    assert computed.empty


def test_publication_date_forms_give_the_same_rows() -> None:
    text = "Headline\n\n“We will win,” Kim said on Tuesday.\n"
    day = dt.date(2019, 4, 11)
    pdf = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6],
            "text": [text] * 6,
            "as_date": [day, day, day, None, None, None],
            "as_string": ["2019-04-11"] * 3 + [None, float("nan"), pd.NA],
            "as_timestamp": pd.to_datetime(["2019-04-11"] * 3 + [None] * 3),
        }
    )
    frame = dd.from_pandas(pdf, npartitions=2)
    results = [
        _records(
            nkdask.extract_quotes(frame, published_column=column, pipeline=toy_pipeline()).compute(
                scheduler="sync"
            )
        )
        for column in ("as_date", "as_string", "as_timestamp")
    ]
    assert results[0] == results[1] == results[2]
    expected = reference_rows(
        [(str(i), text, day if i <= 3 else None) for i in range(1, 7)], "quotes", toy_pipeline()
    )
    assert results[0] == expected
    assert results[0][0]["date"] != results[0][-1]["date"]  # the date changed something


def test_default_pipeline_built_once_per_partition(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Pipeline] = []
    original = Pipeline.default.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Pipeline], **kwargs: Any) -> Pipeline:
        pipeline: Pipeline = original(cls, **kwargs)
        built.append(pipeline)
        return pipeline

    monkeypatch.setattr(nkquotes._pipeline.Pipeline, "default", classmethod(counting))
    articles = [a for a in synthetic_articles(60) if a[1] is not None]
    with dask.config.set(scheduler="sync"):
        nkdask.extract_quotes(_frame(articles, 4), id_column="doc", text_column="body").compute()
        assert len(built) == 4
        nkdask.extract_quotes_bag(_bag(articles, 3), id_key="doc", text_key="body").compute()
        assert len(built) == 4 + 3


def test_missing_column_or_wrong_input_is_an_input_error(synthetic: list[Article]) -> None:
    frame = _frame(synthetic, 2)
    with pytest.raises(InputError, match="'text' is not in the DataFrame"):
        nkdask.extract_quotes(frame, id_column="doc")
    with pytest.raises(InputError, match="publication date column 'when'"):
        nkdask.extract_entities(frame, id_column="doc", text_column="body", published_column="when")
    with pytest.raises(InputError, match="Dask DataFrame"):
        nkdask.extract_quotes(pd.DataFrame({"id": [], "text": []}))
    with pytest.raises(InputError, match="Dask bag"):
        nkdask.extract_quotes_bag(frame)  # type: ignore[arg-type]
    bag = db.from_sequence([{"id": "a"}], npartitions=1)
    with pytest.raises(InputError, match="no 'text' key"):
        nkdask.extract_quotes_bag(bag).compute(scheduler="sync")


def test_bad_date_fails_naming_the_article() -> None:
    bag = db.from_sequence([{"id": "x7", "text": "Body.", "day": "11/04/2019"}], npartitions=1)
    with pytest.raises(InputError, match=r"article 'x7'.*11/04/2019"):
        nkdask.extract_quotes_bag(bag, published_key="day").compute(scheduler="sync")


def test_errors_column_reports_bad_articles_and_keeps_the_rest() -> None:
    good = 'SEOUL -- "We will not talk," Kim Yo Jong said on Monday.'
    records = [
        {"id": "x7", "text": good, "day": "11/04/2019"},
        {"id": "x8", "text": good, "day": "2019-04-11"},
        {"id": "x9"},
    ]
    bag_rows = nkdask.extract_quotes_bag(
        db.from_sequence(records, npartitions=2), published_key="day", errors="column"
    ).compute(scheduler="sync")
    frame = dd.from_pandas(pd.DataFrame(records[:2], dtype=object), npartitions=1, sort=False)
    result = nkdask.extract_quotes(frame, published_column="day", errors="column")
    assert dict(result.dtypes.astype(str)) == nkdask.frame_dtypes("quotes", "column")
    frame_rows = _records(result.compute(scheduler="sync"))
    for rows, failed_ids in ((bag_rows, ["x7", "x9"]), (frame_rows, ["x7"])):
        bad = [row for row in rows if row["error"] is not None]
        assert [row["article_id"] for row in bad] == failed_ids
        assert "11/04/2019" in bad[0]["error"]
        assert all(row["quote_id"] is None for row in bad)
        ok = [row for row in rows if row["error"] is None]
        assert ok
        assert {row["article_id"] for row in ok} == {"x8"}
    assert "no 'text' key" in bag_rows[-1]["error"]
    with pytest.raises(ConfigurationError, match="errors must be"):
        nkdask.extract_quotes_bag(db.from_sequence(records), errors="skip")  # type: ignore[arg-type]


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_import_nkquotes_stays_free_of_engines() -> None:
    done = _python(
        "import sys, nkquotes\n"
        "heavy = sorted({'dask', 'pandas', 'pyspark', 'pyarrow'} & set(sys.modules))\n"
        "print(heavy)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_missing_extra_names_it() -> None:
    done = _python("import sys\nsys.modules['dask'] = None\nimport nkquotes.dask\n")
    assert done.returncode != 0
    assert "ImportError" in done.stderr
    assert "pip install 'nkquotes[dask]'" in done.stderr


def test_module_name_does_not_shadow_dask() -> None:
    assert nkdask.dask.__name__ == "dask"  # type: ignore[attr-defined]
    assert nkdask.dask.bag is db  # type: ignore[attr-defined]
