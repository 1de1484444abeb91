"""Quotes and entities from a Spark DataFrame of articles (``pip install 'nkquotes[spark]'``).

Usage, given a Spark DataFrame ``articles`` (a runnable job is in ``docs/scaling.md``)::

    from nkquotes.spark import extract_quotes
    quotes = extract_quotes(
        articles, id_column="id", text_column="text", published_column="published"
    )

Each function selects the id, text and publication date columns, then runs the pipeline
with :meth:`DataFrame.mapInArrow`: Arrow batches go to the Python workers, the pipeline is
built once per partition, and the rows (those of :func:`nkquotes._rows.quote_rows` and
``entity_rows``) come back as Arrow batches with a declared schema. Nothing is collected to
the driver (and no RDD is used, which Spark Connect lacks). The result is lazy.

The publication date column may be a ``date``, a ``timestamp`` (turned into a date in the
session time zone), an ISO ``YYYY-MM-DD`` string or all nulls. A malformed date string
fails the task, naming the article, unless ``errors="column"`` is given: then the result has
an ``error`` column, ``null`` on ordinary rows and the message on the one row of each article
that could not be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from nkquotes._errors import InputError
from nkquotes._partitions import Errors, RowKind, check_errors, columns, partition_rows
from nkquotes._pipeline import Pipeline

try:
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - exercised without the extra installed
    raise ImportError(
        "nkquotes.spark needs PySpark, pandas and pyarrow: pip install 'nkquotes[spark]'"
    ) from exc

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["entity_schema", "extract_entities", "extract_quotes", "quote_schema"]

#: The one place where a row type name becomes a Spark type and an Arrow type.
_TYPES: dict[str, tuple[type[T.DataType], str]] = {
    "string": (T.StringType, "string"),
    "int": (T.IntegerType, "int32"),
    "double": (T.DoubleType, "float64"),
}

#: Rows are sent back in Arrow batches of about this many rows.
_BATCH_ROWS = 4096


def _type(name: str) -> tuple[type[T.DataType], str]:
    try:
        return _TYPES[name]
    except KeyError:
        raise InputError(f"row type {name!r} has no Spark type (known: {sorted(_TYPES)})") from None


def _schema(kind: RowKind, errors: Errors) -> T.StructType:
    return T.StructType(
        [
            T.StructField(name, _type(type_name)[0](), nullable=True)
            for name, type_name in columns(kind, errors)
        ]
    )


def quote_schema(errors: Errors = "raise") -> T.StructType:
    """The Spark schema of :func:`extract_quotes`, column for column ``QUOTE_COLUMNS``
    (and a last ``error`` column when *errors* is ``"column"``)."""
    return _schema("quotes", errors)


def entity_schema(errors: Errors = "raise") -> T.StructType:
    """The Spark schema of :func:`extract_entities`, column for column ``ENTITY_COLUMNS``
    (and a last ``error`` column when *errors* is ``"column"``)."""
    return _schema("entities", errors)


def _arrow_schema(kind: RowKind, errors: Errors) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped]

    return pa.schema(
        [
            pa.field(name, getattr(pa, _type(type_name)[1])(), nullable=True)
            for name, type_name in columns(kind, errors)
        ]
    )


@attrs.frozen
class _ArrowPartition:
    """The function ``mapInArrow`` runs on each partition (a picklable module-level class)."""

    kind: RowKind
    pipeline: Pipeline | None = None
    errors: Errors = "raise"

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        schema = _arrow_schema(self.kind, self.errors)
        rows: list[dict[str, Any]] = []
        for row in partition_rows(_articles(batches), self.kind, self.pipeline, self.errors):
            rows.append(row)
            if len(rows) >= _BATCH_ROWS:
                yield pa.RecordBatch.from_pylist(rows, schema=schema)
                rows = []
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _articles(batches: Iterator[Any]) -> Iterator[tuple[object, object, object]]:
    for batch in batches:
        ids, texts, published = (batch.column(i).to_pylist() for i in range(3))
        yield from zip(ids, texts, published, strict=True)


def _field(articles: DataFrame, name: str, role: str) -> T.StructField:
    fields = {field.name: field for field in articles.schema.fields}
    if name not in fields:
        raise InputError(
            f"the {role} column {name!r} is not in the DataFrame (columns: {sorted(fields)})"
        )
    return fields[name]


def _select(
    articles: DataFrame, id_column: str, text_column: str, published_column: str | None
) -> DataFrame:
    """The three columns the workers read: ``article_id`` (string), ``text``, ``published``."""
    _field(articles, id_column, "id")
    text = _field(articles, text_column, "text")
    if not isinstance(text.dataType, T.StringType):
        raise InputError(
            f"the text column {text_column!r} must be a string column, "
            f"not {text.dataType.simpleString()}"
        )
    if published_column is None:
        published = F.lit(None).cast(T.DateType())
    else:
        dtype = _field(articles, published_column, "publication date").dataType
        column = F.col(published_column)
        if isinstance(dtype, (T.TimestampType, T.TimestampNTZType)):
            published = F.to_date(column)
        elif isinstance(dtype, (T.DateType, T.StringType)):
            published = column
        elif isinstance(dtype, T.NullType):
            published = column.cast(T.DateType())
        else:
            raise InputError(
                f"the publication date column {published_column!r} must be a date, timestamp "
                f"or ISO string column, not {dtype.simpleString()}"
            )
    return articles.select(
        F.col(id_column).cast(T.StringType()).alias("article_id"),
        F.col(text_column).alias("text"),
        published.alias("published"),
    )


def _extract(
    articles: DataFrame,
    kind: RowKind,
    *,
    id_column: str,
    text_column: str,
    published_column: str | None,
    pipeline: Pipeline | None,
    errors: Errors,
) -> DataFrame:
    check_errors(errors)
    selected = _select(articles, id_column, text_column, published_column)
    return selected.mapInArrow(_ArrowPartition(kind, pipeline, errors), _schema(kind, errors))


def extract_quotes(
    articles: DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    published_column: str | None = None,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> DataFrame:
    """A DataFrame with one row per quote of every article, in :func:`quote_schema`.

    *articles* needs an id column (any type, cast to string), a string text column and,
    if *published_column* is given, a date, timestamp or ISO string column. *pipeline*
    defaults to :meth:`Pipeline.default`, built once per partition; a pipeline you pass is
    shipped to each task. Articles whose text is null give no rows. With
    ``errors="column"`` an article that cannot be read gives one row with its id and the
    message in a last ``error`` column, instead of failing the job.
    """
    return _extract(
        articles,
        "quotes",
        id_column=id_column,
        text_column=text_column,
        published_column=published_column,
        pipeline=pipeline,
        errors=errors,
    )


def extract_entities(
    articles: DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    published_column: str | None = None,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> DataFrame:
    """A DataFrame with one row per entity of every article, in :func:`entity_schema`.

    Takes the same arguments as :func:`extract_quotes` (and runs the pipeline again).
    """
    return _extract(
        articles,
        "entities",
        id_column=id_column,
        text_column=text_column,
        published_column=published_column,
        pipeline=pipeline,
        errors=errors,
    )
