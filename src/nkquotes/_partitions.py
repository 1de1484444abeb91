"""The core shared by :mod:`nkquotes.spark` and :mod:`nkquotes.dask`: one partition of
articles in, flat rows out.

The engines only move data; this module decides what a row is (the rows of
:mod:`nkquotes._rows`, never a copy of them) and builds the pipeline once per partition,
so a distributed run produces exactly what a single-process run produces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from nkquotes._errors import InputError
from nkquotes._model import Document
from nkquotes._pipeline import Pipeline
from nkquotes._rows import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, quote_rows

__all__ = ["RowKind", "columns", "partition_rows"]

#: Which flat rows a run produces: one per quote, or one per entity.
RowKind = Literal["quotes", "entities"]

_ROWS: dict[str, Callable[[Document, str | None], list[dict[str, Any]]]] = {
    "quotes": quote_rows,
    "entities": entity_rows,
}
_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "quotes": QUOTE_COLUMNS,
    "entities": ENTITY_COLUMNS,
}


def columns(kind: RowKind) -> tuple[tuple[str, str], ...]:
    """Column names and type names (``string``, ``int``, ``double``) of *kind* rows."""
    try:
        return _COLUMNS[kind]
    except KeyError:
        raise InputError(f"unknown row kind {kind!r} (expected 'quotes' or 'entities')") from None


def partition_rows(
    articles: Iterable[tuple[object, object, object]],
    kind: RowKind,
    pipeline: Pipeline | None = None,
) -> Iterator[dict[str, Any]]:
    """The *kind* rows of every ``(article_id, text, published)`` triple, in order.

    The default pipeline is built once, when the first article arrives: call this once per
    partition. An article whose text is missing (``None``) yields no rows; a non-string id
    is turned into a string. *published* is whatever :class:`Pipeline` accepts (``None``, a
    date, a datetime or an ISO ``YYYY-MM-DD`` string).
    """
    columns(kind)
    to_rows = _ROWS[kind]
    pipe: Pipeline | None = pipeline
    for article_id, text, published in articles:
        if text is None:
            continue
        if not isinstance(text, str):
            raise InputError(
                f"article {article_id!r}: text must be a string, not {type(text).__name__}"
            )
        if pipe is None:
            pipe = Pipeline.default()
        aid = None if article_id is None else str(article_id)
        if published is not None and not isinstance(published, (dt.date, str)):
            raise InputError(
                f"article {aid!r}: publication date of type {type(published).__name__} "
                "(expected a date, a datetime, an ISO string or nothing)"
            )
        try:
            document = pipe(text, published=published, id=aid)
        except InputError as exc:
            raise InputError(f"article {aid!r}: {exc}") from exc
        yield from to_rows(document, aid)
