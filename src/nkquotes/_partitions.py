"""The core shared by :mod:`nkquotes.spark` and :mod:`nkquotes.dask`: one partition of
articles in, flat rows out.

The engines only move data; this module decides what a row is (the rows of
:mod:`nkquotes._rows`, never a copy of them) and builds the pipeline once per partition,
so a distributed run produces exactly what a single-process run produces.

With ``errors="raise"`` (the default) a bad article fails the partition, naming the article.
With ``errors="column"`` every row gains an ``error`` column: ``None`` on the rows of articles
that went through, and an article that fails with an :class:`InputError` (text that is not a
string, an unreadable date, a record without its text) gives one row holding its id and the
message, every other column ``None``. Other errors (a broken pipeline) still fail. A run
over millions of articles then finishes, and nothing is dropped without a trace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

import attrs

from nkquotes._errors import ConfigurationError, InputError
from nkquotes._model import Document
from nkquotes._pipeline import Pipeline
from nkquotes._rows import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, quote_rows

__all__ = ["ERROR_COLUMN", "Errors", "RowKind", "UnreadableArticle", "columns", "partition_rows"]

#: Which flat rows a run produces: one per quote, or one per entity.
RowKind = Literal["quotes", "entities"]
#: What a bad article does: fail the partition, or give a row in the ``error`` column.
Errors = Literal["raise", "column"]
#: The column added by ``errors="column"``.
ERROR_COLUMN: tuple[str, str] = ("error", "string")

_ROWS: dict[str, Callable[[Document, str | None], list[dict[str, Any]]]] = {
    "quotes": quote_rows,
    "entities": entity_rows,
}
_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "quotes": QUOTE_COLUMNS,
    "entities": ENTITY_COLUMNS,
}


@attrs.frozen
class UnreadableArticle:
    """Stands for the text of an input record that could not be read (a missing key), so
    that the record still reaches :func:`partition_rows` and fails or gives an error row."""

    message: str


def check_errors(errors: object) -> Errors:
    """*errors* when it is ``"raise"`` or ``"column"``; a :class:`ConfigurationError` if not."""
    if errors == "raise" or errors == "column":
        return errors
    raise ConfigurationError(f"errors must be 'raise' or 'column', not {errors!r}")


def columns(kind: RowKind, errors: Errors = "raise") -> tuple[tuple[str, str], ...]:
    """Column names and type names (``string``, ``int``, ``double``) of *kind* rows, with
    the ``error`` column last when *errors* is ``"column"``."""
    try:
        found = _COLUMNS[kind]
    except KeyError:
        raise InputError(f"unknown row kind {kind!r} (expected 'quotes' or 'entities')") from None
    return (*found, ERROR_COLUMN) if check_errors(errors) == "column" else found


def partition_rows(
    articles: Iterable[tuple[object, object, object]],
    kind: RowKind,
    pipeline: Pipeline | None = None,
    errors: Errors = "raise",
) -> Iterator[dict[str, Any]]:
    """The *kind* rows of every ``(article_id, text, published)`` triple, in order.

    The default pipeline is built once, when the first article arrives: call this once per
    partition. An article whose text is missing (``None``) yields no rows; a non-string id
    is turned into a string. *published* is whatever :class:`Pipeline` accepts (``None``, a
    date, a datetime or an ISO ``YYYY-MM-DD`` string). A bad article raises an
    :class:`InputError` naming it, or with ``errors="column"`` gives an error row (see the
    module docstring).
    """
    names = [name for name, _ in columns(kind, errors)]
    to_rows = _ROWS[kind]
    pipe: Pipeline | None = pipeline
    for article_id, text, published in articles:
        if text is None:
            continue
        aid = None if article_id is None else str(article_id)
        if pipe is None:
            pipe = Pipeline.default()
        try:
            rows = to_rows(_document(pipe, aid, text, published), aid)
        except InputError as exc:  # the article's fault; a broken pipeline still fails
            if errors == "raise":
                raise
            failed = dict.fromkeys(names)
            failed["article_id"], failed["error"] = aid, str(exc)
            yield failed
            continue
        if errors == "column":
            for row in rows:
                row["error"] = None
        yield from rows


def _document(pipe: Pipeline, aid: str | None, text: object, published: object) -> Document:
    if isinstance(text, UnreadableArticle):
        raise InputError(f"article {aid!r}: {text.message}")
    if not isinstance(text, str):
        raise InputError(f"article {aid!r}: text must be a string, not {type(text).__name__}")
    if published is not None and not isinstance(published, (dt.date, str)):
        raise InputError(
            f"article {aid!r}: publication date of type {type(published).__name__} "
            "(expected a date, a datetime, an ISO string or nothing)"
        )
    try:
        return pipe(text, published=published, id=aid)
    except InputError as exc:
        raise InputError(f"article {aid!r}: {exc}") from exc
