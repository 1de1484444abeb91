"""Streaming many articles through a pipeline, optionally across processes.

:func:`extract_many` takes an iterable of texts or ``{"id", "text", "published"}`` records
and yields one :class:`BatchResult` per item, in input order. It reads the input lazily and
keeps only a bounded number of items in flight, so a corpus of any size runs in bounded
memory. A record that cannot be processed yields a result carrying the error (with the
record's id) instead of raising: nothing is dropped.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from nkquotes._errors import ConfigurationError, InputError, NkQuotesError
from nkquotes._model import Document
from nkquotes._pipeline import Pipeline, _default_pipeline, coerce_published

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["BatchResult", "extract_many"]


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one item of a batch: a *document*, or an *error* message.

    *index* is the item's position in the input (from 0), *id* the record's id (``None``
    for a bare text), *source* where the item came from when the caller said so.
    """

    index: int
    id: str | None = None
    document: Document | None = None
    error: str | None = None
    source: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the item was processed."""
        return self.error is None

    @property
    def label(self) -> str:
        """How to name the item in a message: its source, its id, or its position."""
        if self.source is not None:
            if self.id is None or self.id == self.source:
                return self.source
            return f"{self.source} (id {self.id})"
        return f"id {self.id}" if self.id is not None else f"item {self.index}"


@attrs.frozen(kw_only=True)
class _Job:
    index: int
    id: str | None
    text: str
    published: dt.date | None
    source: str | None = None


@attrs.frozen(kw_only=True)
class _Source:
    """An item with the place it came from (used by the command line)."""

    item: Any
    source: str | None = None
    error: str | None = None
    id: str | None = None


def _prepare(index: int, item: Any, published: dt.date | None) -> _Job | BatchResult:
    source = None
    if isinstance(item, _Source):
        source = item.source
        if item.error is not None:
            return BatchResult(index=index, id=item.id, error=item.error, source=source)
        item = item.item
    rid: str | None = None
    try:
        if isinstance(item, str):
            return _Job(index=index, id=None, text=item, published=published, source=source)
        if not isinstance(item, Mapping):
            raise InputError(f"expected a text or a record, got {type(item).__name__}")
        raw_id = item.get("id")
        rid = None if raw_id is None else str(raw_id)
        if "text" not in item:
            raise InputError("record has no 'text'")
        text = item["text"]
        if not isinstance(text, str):
            raise InputError(f"record 'text' must be a string, not {type(text).__name__}")
        own = item.get("published")
        date = published if own is None else coerce_published(own)
        return _Job(index=index, id=rid, text=text, published=date, source=source)
    except NkQuotesError as exc:
        return BatchResult(index=index, id=rid, error=str(exc), source=source)


def _run(pipeline: Pipeline, job: _Job | BatchResult) -> BatchResult:
    if isinstance(job, BatchResult):
        return job
    try:
        document = pipeline(job.text, published=job.published, id=job.id)
    except NkQuotesError as exc:
        return BatchResult(index=job.index, id=job.id, error=str(exc), source=job.source)
    except Exception as exc:  # a bug in a stage must not lose the rest of the corpus
        return BatchResult(
            index=job.index,
            id=job.id,
            error=f"internal error: {type(exc).__name__}: {exc}",
            source=job.source,
        )
    return BatchResult(index=job.index, id=job.id, document=document, source=job.source)


# --- worker processes ----------------------------------------------------------------------

_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline | None) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline if pipeline is not None else Pipeline.default()


def _run_chunk(chunk: list[_Job | BatchResult]) -> list[BatchResult]:
    assert _worker_pipeline is not None, "worker not initialised"
    return [_run(_worker_pipeline, job) for job in chunk]


def _chunks(jobs: Iterator[_Job | BatchResult], size: int) -> Iterator[list[_Job | BatchResult]]:
    while True:
        chunk = list(itertools.islice(jobs, size))
        if not chunk:
            return
        yield chunk


def _parallel(
    jobs: Iterator[_Job | BatchResult], pipeline: Pipeline | None, workers: int, chunksize: int
) -> Iterator[BatchResult]:
    from concurrent.futures import ProcessPoolExecutor

    pending: collections.deque[Future[list[BatchResult]]] = collections.deque()
    limit = 2 * workers
    chunks = _chunks(jobs, chunksize)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(pipeline,)
    ) as pool:
        try:
            for chunk in chunks:
                pending.append(pool.submit(_run_chunk, chunk))
                if len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    jobs: int = 1,
    published: dt.date | str | None = None,
    pipeline: Pipeline | None = None,
    chunksize: int = 8,
) -> Iterator[BatchResult]:
    """Run *pipeline* (default: the built-in one) on every item, yielding results in order.

    Each item is a text or a record ``{"id": ..., "text": ..., "published": ...}`` (only
    ``"text"`` is required). *published* is the date for items that give none. With
    ``jobs > 1`` the work is spread over that many processes, each building the pipeline
    once; at most ``2 * jobs`` chunks of *chunksize* items are in flight at any time.

    Examples:
        >>> results = list(extract_many(["First.", {"id": "b", "text": 3}]))
        >>> [r.ok for r in results], results[1].error
        ([True, False], "record 'text' must be a string, not int")
    """
    return _stream(items, jobs=jobs, published=published, pipeline=pipeline, chunksize=chunksize)


def _stream(
    items: Iterable[object],
    *,
    jobs: int,
    published: object,
    pipeline: Pipeline | None,
    chunksize: int,
) -> Iterator[BatchResult]:
    """:func:`extract_many` over items that may also be :class:`_Source` (the CLI's)."""
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ConfigurationError(f"jobs must be a positive integer, not {jobs!r}")
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ConfigurationError(f"chunksize must be a positive integer, not {chunksize!r}")
    default_date = coerce_published(published)
    prepared = (_prepare(i, item, default_date) for i, item in enumerate(items))
    if jobs == 1:
        run_with = pipeline if pipeline is not None else _default_pipeline(None)
        return (_run(run_with, job) for job in prepared)
    if pipeline is not None:
        try:
            pickle.dumps(pipeline)
        except Exception as exc:
            raise ConfigurationError(
                f"the pipeline cannot be sent to worker processes ({exc}); "
                "use module-level functions for custom stages, or jobs=1"
            ) from None
    return _parallel(prepared, pipeline, jobs, chunksize)
