"""Publication and quote dates (placeholder: replaced by the dates work)."""

from __future__ import annotations

import datetime as dt

import attrs

from nkquotes._model import Article, Quote

__all__ = ["DateResolution", "resolve_dates"]


@attrs.frozen(kw_only=True)
class DateResolution:
    """The article's publication date and the quotes with their dates."""

    published: dt.date | None = None
    quotes: tuple[Quote, ...] = ()


def resolve_dates(
    text: str,
    article: Article,
    quotes: tuple[Quote, ...],
    *,
    published: dt.date | None = None,
    default_to_published: bool = False,
) -> DateResolution:
    """Date the article and each quote; the caller's *published* wins over the text."""
    del text, article, default_to_published
    return DateResolution(published=published, quotes=quotes)
