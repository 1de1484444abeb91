"""nkquotes.spark: a ``local[2]`` session gives exactly the single-process rows.

Spark needs Java: when it is missing, these tests fail (``.ci/run`` installs it).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pytest
from pyspark.errors import PythonException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import nkquotes._pipeline
import nkquotes.spark as nkspark
from nkquotes import ConfigurationError, Document, InputError
from nkquotes._pipeline import Pipeline, Stage
from nkquotes._rows import ENTITY_COLUMNS, QUOTE_COLUMNS
from tests.scaling_support import (
    POLNEAR_COUNT,
    Article,
    ToyQuotes,
    by_article,
    polnear_articles,
    reference_rows,
    synthetic_articles,
    toy_pipeline,
)

pytestmark = [
    # PySpark warns about the pandas release it was not tested with; the Arrow path used
    # here does not go through pandas.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

ARTICLE_SCHEMA = "doc string, body string, date string"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """One small local session for the module: two cores, no UI, few shuffle partitions."""
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("nkquotes-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")  # several batches
        .config("spark.driver.memory", "1g")
        .config("spark.executorEnv.PYTHONPATH", os.pathsep.join(sys.path))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _frame(spark: SparkSession, articles: list[Article], partitions: int = 4) -> DataFrame:
    rows = [(a, t, None if p is None else str(p)) for a, t, p in articles]
    return spark.createDataFrame(rows, ARTICLE_SCHEMA).repartition(partitions)


def _extract(kind: str, frame: DataFrame, pipeline: Pipeline | None = None) -> DataFrame:
    function = nkspark.extract_quotes if kind == "quotes" else nkspark.extract_entities
    return function(
        frame, id_column="doc", text_column="body", published_column="date", pipeline=pipeline
    )


def _rows(frame: DataFrame) -> list[dict[str, Any]]:
    return [row.asDict() for row in frame.collect()]


@pytest.fixture(scope="module")
def synthetic() -> list[Article]:
    return synthetic_articles(120)


@pytest.mark.parametrize("kind", ["quotes", "entities"])
@pytest.mark.parametrize("toy", [False, True], ids=["default", "toy"])
def test_matches_single_process(
    spark: SparkSession, synthetic: list[Article], kind: str, toy: bool
) -> None:
    pipeline = toy_pipeline() if toy else None
    result = _extract(kind, _frame(spark, synthetic), pipeline)
    expected = reference_rows(synthetic, kind, pipeline)  # type: ignore[arg-type]
    rows = _rows(result)
    assert by_article(rows) == by_article(expected)
    assert len(rows) == len(expected)
    if toy:
        assert len(expected) > 100


@pytest.mark.data
@pytest.mark.parametrize("kind", ["quotes", "entities"])
def test_polnear_matches_single_process(spark: SparkSession, shared_dir: Path, kind: str) -> None:
    articles = polnear_articles(shared_dir, POLNEAR_COUNT)
    frame = spark.createDataFrame(
        [(a, t, p if isinstance(p, dt.date) else None) for a, t, p in articles],
        "doc string, body string, date date",
    ).repartition(4)
    expected = reference_rows(
        [(a, t, p if isinstance(p, dt.date) else None) for a, t, p in articles],
        kind,  # type: ignore[arg-type]
    )
    assert by_article(_rows(_extract(kind, frame))) == by_article(expected)
    if kind == "quotes":
        assert len(expected) > POLNEAR_COUNT  # the built-in finder does find quotes


def test_schema_is_declared_from_the_row_columns(spark: SparkSession) -> None:
    spark_types = {"string": T.StringType(), "int": T.IntegerType(), "double": T.DoubleType()}
    for schema, columns in (
        (nkspark.quote_schema(), QUOTE_COLUMNS),
        (nkspark.entity_schema(), ENTITY_COLUMNS),
    ):
        assert [(f.name, f.dataType) for f in schema.fields] == [
            (name, spark_types[type_name]) for name, type_name in columns
        ]
        assert all(f.nullable for f in schema.fields)
    frame = _frame(spark, synthetic_articles(6), 1)
    assert _extract("quotes", frame).schema == nkspark.quote_schema()
    assert _extract("entities", frame).schema == nkspark.entity_schema()


def test_publication_date_forms_give_the_same_rows(spark: SparkSession) -> None:
    text = "Headline\n\n“We will win,” Kim said on Tuesday.\n"
    day = dt.date(2019, 4, 11)
    frame = spark.createDataFrame(
        [(i, text, day if i <= 3 else None) for i in range(1, 7)], "id long, text string, d date"
    ).select(
        "id",
        "text",
        "d",
        F.col("d").cast("string").alias("s"),
        F.col("d").cast("timestamp").alias("ts"),
        F.lit(None).alias("nothing"),
    )
    pipeline = toy_pipeline()
    results = {
        column: sorted(
            _rows(nkspark.extract_quotes(frame, published_column=column, pipeline=pipeline)),
            key=lambda row: int(row["article_id"]),
        )
        for column in ("d", "s", "ts")
    }
    expected = reference_rows(
        [(str(i), text, day if i <= 3 else None) for i in range(1, 7)], "quotes", pipeline
    )
    assert results["d"] == results["s"] == results["ts"] == expected
    assert expected[0]["date"] != expected[-1]["date"]  # the date changed something
    undated = _rows(nkspark.extract_quotes(frame, published_column="nothing", pipeline=pipeline))
    assert sorted(undated, key=lambda row: int(row["article_id"])) == reference_rows(
        [(str(i), text, None) for i in range(1, 7)], "quotes", pipeline
    )


def test_null_text_gives_no_rows_and_ids_are_cast(spark: SparkSession) -> None:
    frame = spark.createDataFrame(
        [(7, None), (8, ""), (9, "“Yes,” Kim said.")], "id int, text string"
    )
    rows = _rows(nkspark.extract_quotes(frame, pipeline=toy_pipeline()))
    assert [row["article_id"] for row in rows] == ["9"]


def test_errors_name_the_column(spark: SparkSession) -> None:
    frame = spark.createDataFrame([(1, "x", 3)], "id int, text string, n int")
    with pytest.raises(InputError, match="'body' is not in the DataFrame"):
        nkspark.extract_quotes(frame, text_column="body")
    with pytest.raises(InputError, match="must be a string column, not int"):
        nkspark.extract_quotes(frame, text_column="n")
    with pytest.raises(InputError, match="date, timestamp or ISO string column, not int"):
        nkspark.extract_entities(frame, published_column="n")


def test_bad_date_fails_the_job_naming_the_article(spark: SparkSession) -> None:
    frame = spark.createDataFrame(
        [("x7", "Body.", "11/04/2019")], "id string, text string, d string"
    )
    with pytest.raises(PythonException, match=r"article 'x7'.*11/04/2019"):
        nkspark.extract_quotes(frame, published_column="d").collect()


def test_errors_column_reports_the_bad_article_and_keeps_the_rest(spark: SparkSession) -> None:
    good = 'SEOUL -- "We will not talk," Kim Yo Jong said on Monday.'
    frame = spark.createDataFrame(
        [("x7", good, "11/04/2019"), ("x8", good, "2019-04-11")], "id string, text string, d string"
    )
    result = nkspark.extract_quotes(frame, published_column="d", errors="column")
    assert result.schema == nkspark.quote_schema("column")
    assert result.schema.fieldNames()[-1] == "error"
    rows = sorted(_rows(result), key=lambda row: (row["article_id"], row["start"] or 0))
    bad = [row for row in rows if row["error"] is not None]
    assert [row["article_id"] for row in bad] == ["x7"]
    assert "11/04/2019" in bad[0]["error"]
    assert bad[0]["quote_id"] is None
    ok = [row for row in rows if row["error"] is None]
    assert ok
    assert {row["article_id"] for row in ok} == {"x8"}
    with pytest.raises(ConfigurationError, match="errors must be"):
        nkspark.extract_quotes(frame, errors="skip")  # type: ignore[arg-type]


class _Token:
    """A stage that stamps each quote id with a token drawn when the stage is unpickled."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex[:8]

    def __reduce__(self) -> tuple[type[_Token], tuple[()]]:
        return (_Token, ())

    def __call__(self, document: Document) -> Document:
        quotes = tuple(attrs.evolve(q, id=f"{self.token}:{q.id}") for q in document.quotes)
        return attrs.evolve(document, quotes=quotes)


def test_pipeline_arrives_once_per_partition(spark: SparkSession) -> None:
    pipeline = toy_pipeline().append(Stage("token", _Token(), ["quotes"], []))
    articles = [a for a in synthetic_articles(80) if a[1]]
    rows = _rows(_extract("quotes", _frame(spark, articles, 3), pipeline))
    tokens = {row["quote_id"].split(":")[0] for row in rows}
    assert len(rows) > 50
    assert 1 <= len(tokens) <= 3  # one pipeline per partition, not one per article


def test_default_pipeline_built_once_per_partition(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process: one partition of several Arrow batches builds one default pipeline."""
    built: list[Pipeline] = []
    original = Pipeline.default.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Pipeline], **kwargs: Any) -> Pipeline:
        pipeline: Pipeline = original(cls, **kwargs).replace("quotes", ToyQuotes())
        built.append(pipeline)
        return pipeline

    monkeypatch.setattr(nkquotes._pipeline.Pipeline, "default", classmethod(counting))
    articles = [a for a in synthetic_articles(40) if a[1] is not None]
    batches = [
        pa.RecordBatch.from_pylist(
            [
                {"article_id": a, "text": t, "published": None if p is None else str(p)}
                for a, t, p in articles[i : i + 7]
            ]
        )
        for i in range(0, len(articles), 7)
    ]
    partition = nkspark._ArrowPartition("quotes")
    out = list(partition(iter(batches)))
    assert len(built) == 1
    table = pa.Table.from_batches(out)
    assert table.schema == nkspark._arrow_schema("quotes", "raise")
    assert table.to_pylist() == reference_rows(articles, "quotes", built[0])


def test_import_error_names_the_extra() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys\nsys.modules['pyspark'] = None\nimport nkquotes.spark"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode != 0
    assert "pip install 'nkquotes[spark]'" in done.stderr
