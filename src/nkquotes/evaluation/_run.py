"""Running an extractor over a gold dataset and reporting on it."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from nkquotes._errors import InputError
from nkquotes._model import Document
from nkquotes.evaluation._brat import load_polnear
from nkquotes.evaluation._dataset import GoldArticle
from nkquotes.evaluation._gold_json import load_gold_json
from nkquotes.evaluation._report import DatasetReport, summarise
from nkquotes.evaluation._scoring import evaluate_article

__all__ = ["FORMATS", "Extractor", "evaluate_dataset", "load_dataset"]

#: The gold formats :func:`load_dataset` reads, by the name the command line uses.
FORMATS = ("gold", "polnear")


class Extractor(Protocol):
    """Anything called like :func:`nkquotes.extract`: a function or a ``Pipeline``."""

    def __call__(self, text: str, *, published: dt.date | None = None) -> Document: ...


def load_dataset(kind: str, path: str | Path) -> tuple[GoldArticle, ...]:
    """The gold articles at *path* in format *kind*: ``gold`` (JSON) or ``polnear`` (brat)."""
    if kind == "gold":
        return load_gold_json(path)
    if kind == "polnear":
        return load_polnear(path)
    raise InputError(f"unknown gold format {kind!r}: expected one of {', '.join(FORMATS)}")


def evaluate_dataset(
    articles: Iterable[GoldArticle],
    *,
    name: str = "dataset",
    extractor: Extractor | None = None,
    limit: int | None = None,
) -> DatasetReport:
    """Run *extractor* (default :func:`nkquotes.extract`) on each gold article and report.

    Each article's gold publication date is passed as ``published``; *limit* keeps the first
    articles only. Throughput counts the time spent in the extractor, after one untimed
    warm-up call on the first article (lazy imports and caches are not the steady state).
    """
    if extractor is None:
        from nkquotes._pipeline import extract

        extractor = extract
    if limit is not None and limit < 0:
        raise InputError(f"limit must be zero or more, not {limit}")
    results = []
    for number, article in enumerate(articles):
        if limit is not None and number >= limit:
            break
        if number == 0:
            extractor(article.text, published=article.published)
        started = time.perf_counter()
        document = extractor(article.text, published=article.published)
        seconds = time.perf_counter() - started
        results.append(evaluate_article(article, document, seconds=seconds))
    return summarise(name, results)
