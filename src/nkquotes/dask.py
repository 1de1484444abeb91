"""Quotes and entities from a Dask DataFrame or bag of articles (``pip install 'nkquotes[dask]'``).

Usage, given a Dask DataFrame ``articles`` (a runnable job is in ``docs/scaling.md``)::

    from nkquotes.dask import extract_quotes
    quotes = extract_quotes(articles, published_column="published")

:func:`extract_quotes` and :func:`extract_entities` take a Dask DataFrame and return one,
lazily, with ``map_partitions``; :func:`extract_quotes_bag` and
:func:`extract_entities_bag` do the same for a bag of article mappings and return a bag of
row dicts. Either way the pipeline is built once per partition, and the rows are those of
:func:`nkquotes._rows.quote_rows` and ``entity_rows``.

DataFrame columns use nullable pandas dtypes (``string``, ``Int32``, ``Float64``), so a
missing value is ``<NA>`` and the Parquet types match those written by
:mod:`nkquotes.spark`. The publication date may be a date, a datetime or ``Timestamp``, an
ISO ``YYYY-MM-DD`` string, or missing (``None``, ``NaT``, ``NaN``, ``<NA>``).

A bad article (a malformed date, a text that is not a string, a bag record without its text)
fails the computation, naming the article, unless ``errors="column"`` is given: then every
row has a last ``error`` column, missing on ordinary rows and holding the message on the one
row of each article that could not be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from nkquotes._errors import InputError
from nkquotes._partitions import (
    Errors,
    RowKind,
    UnreadableArticle,
    check_errors,
    columns,
    partition_rows,
)
from nkquotes._pipeline import Pipeline

try:
    import dask.bag
    import dask.dataframe
    import pandas as pd  # type: ignore[import-untyped]
except ImportError as exc:  # pragma: no cover - exercised without the extra installed
    raise ImportError(
        "nkquotes.dask needs Dask with its bag and dataframe parts and pandas: "
        "pip install 'nkquotes[dask]'"
    ) from exc

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.dataframe import DataFrame

__all__ = [
    "extract_entities",
    "extract_entities_bag",
    "extract_quotes",
    "extract_quotes_bag",
    "frame_dtypes",
]

#: The one place where a row type name becomes a pandas dtype (nullable, like Spark's).
_DTYPES: dict[str, str] = {"string": "string", "int": "Int32", "double": "Float64"}


def frame_dtypes(kind: RowKind, errors: Errors = "raise") -> dict[str, str]:
    """Column name to pandas dtype of the ``kind`` (``"quotes"`` or ``"entities"``) frames,
    with the ``error`` column when *errors* is ``"column"``."""
    dtypes = {}
    for name, type_name in columns(kind, errors):
        if type_name not in _DTYPES:
            raise InputError(
                f"row type {type_name!r} has no pandas dtype (known: {sorted(_DTYPES)})"
            )
        dtypes[name] = _DTYPES[type_name]
    return dtypes


def _frame(rows: list[dict[str, Any]], kind: RowKind, errors: Errors) -> Any:
    dtypes = frame_dtypes(kind, errors)
    frame = pd.DataFrame.from_records(rows, columns=list(dtypes)) if rows else None
    if frame is None:
        frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in dtypes})
    return frame.astype(dtypes)


def _value(value: object) -> object:
    """*value* with pandas' missing markers (``NaN``, ``NaT``, ``<NA>``) turned into ``None``."""
    if value is None or isinstance(value, str):
        return value
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return value
    return None if missing is True else value


@attrs.frozen
class _FramePartition:
    """The function ``map_partitions`` runs on each pandas partition."""

    kind: RowKind
    id_column: str
    text_column: str
    published_column: str | None
    pipeline: Pipeline | None
    errors: Errors = "raise"

    def __call__(self, part: Any) -> Any:
        ids = [_value(v) for v in part[self.id_column].tolist()]
        texts = [_value(v) for v in part[self.text_column].tolist()]
        if self.published_column is None:
            published: list[object] = [None] * len(ids)
        else:
            published = [_value(v) for v in part[self.published_column].tolist()]
        articles = zip(ids, texts, published, strict=True)
        rows = list(partition_rows(articles, self.kind, self.pipeline, self.errors))
        return _frame(rows, self.kind, self.errors)


@attrs.frozen
class _BagPartition:
    """The function ``Bag.map_partitions`` runs on each partition of article mappings."""

    kind: RowKind
    id_key: str
    text_key: str
    published_key: str | None
    pipeline: Pipeline | None
    errors: Errors = "raise"

    def __call__(self, records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        rows = partition_rows(self._articles(records), self.kind, self.pipeline, self.errors)
        return list(rows)

    def _articles(
        self, records: Iterable[Mapping[str, Any]]
    ) -> Iterator[tuple[object, object, object]]:
        for record in records:
            if not isinstance(record, Mapping):
                # Not even an id to report: this fails in either errors mode.
                raise InputError(f"articles must be mappings, not {type(record).__name__}")
            article_id = _value(record.get(self.id_key))
            if self.id_key not in record or self.text_key not in record:
                missing = self.id_key if self.id_key not in record else self.text_key
                message = f"article record has no {missing!r} key"
                if self.errors == "raise":
                    raise InputError(message)
                yield article_id, UnreadableArticle(message), None
                continue
            published = None if self.published_key is None else record.get(self.published_key)
            yield article_id, _value(record[self.text_key]), _value(published)


def _check_columns(articles: DataFrame, **named: str | None) -> None:
    present = list(articles.columns)
    for role, name in named.items():
        if name is not None and name not in present:
            raise InputError(
                f"the {role.replace('_', ' ')} column {name!r} is not in the DataFrame "
                f"(columns: {sorted(map(str, present))})"
            )


def _extract_frame(
    articles: DataFrame,
    kind: RowKind,
    id_column: str,
    text_column: str,
    published_column: str | None,
    pipeline: Pipeline | None,
    errors: Errors,
) -> DataFrame:
    check_errors(errors)
    if not isinstance(articles, dask.dataframe.DataFrame):
        raise InputError(f"articles must be a Dask DataFrame, not {type(articles).__name__}")
    _check_columns(articles, id=id_column, text=text_column, publication_date=published_column)
    function = _FramePartition(kind, id_column, text_column, published_column, pipeline, errors)
    meta = _frame([], kind, errors)
    result: DataFrame = articles.map_partitions(function, meta=meta)  # type: ignore[no-untyped-call]
    return result


def _extract_bag(
    articles: Bag,
    kind: RowKind,
    id_key: str,
    text_key: str,
    published_key: str | None,
    pipeline: Pipeline | None,
    errors: Errors,
) -> Bag:
    check_errors(errors)
    if not isinstance(articles, dask.bag.Bag):
        raise InputError(f"articles must be a Dask bag, not {type(articles).__name__}")
    columns(kind)
    function = _BagPartition(kind, id_key, text_key, published_key, pipeline, errors)
    result: Bag = articles.map_partitions(function)  # type: ignore[no-untyped-call]
    return result


def extract_quotes(
    articles: DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    published_column: str | None = None,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> DataFrame:
    """A Dask DataFrame with one row per quote of every article (``QUOTE_COLUMNS``).

    *pipeline* defaults to :meth:`Pipeline.default`, built once per partition. Articles
    whose text is missing give no rows. The index of the result restarts at 0 in every
    partition. With ``errors="column"`` a bad article gives one row with its id and the
    message in a last ``error`` column instead of failing the computation.
    """
    return _extract_frame(
        articles, "quotes", id_column, text_column, published_column, pipeline, errors
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
    """A Dask DataFrame with one row per entity of every article (``ENTITY_COLUMNS``)."""
    return _extract_frame(
        articles, "entities", id_column, text_column, published_column, pipeline, errors
    )


def extract_quotes_bag(
    articles: Bag,
    *,
    id_key: str = "id",
    text_key: str = "text",
    published_key: str | None = None,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> Bag:
    """A bag of quote row dicts (keys in ``QUOTE_COLUMNS`` order) from a bag of mappings.

    Each article is a mapping with *id_key* and *text_key*, and, when *published_key* is
    given, optionally that key too (a missing key means no date).
    """
    return _extract_bag(articles, "quotes", id_key, text_key, published_key, pipeline, errors)


def extract_entities_bag(
    articles: Bag,
    *,
    id_key: str = "id",
    text_key: str = "text",
    published_key: str | None = None,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> Bag:
    """A bag of entity row dicts (keys in ``ENTITY_COLUMNS`` order) from a bag of mappings."""
    return _extract_bag(articles, "entities", id_key, text_key, published_key, pipeline, errors)
