"""Composing the stages into a pipeline (placeholder: replaced by the pipeline work)."""

from __future__ import annotations

import datetime as dt

import attrs

from nkquotes._dates import resolve_dates
from nkquotes._model import Document
from nkquotes._quotes import find_quotes
from nkquotes._speakers import resolve_speakers
from nkquotes._structure import parse_article
from nkquotes.stance import apply_stance, builtin_target, default_model

__all__ = ["extract"]


def extract(text: str, *, published: dt.date | None = None) -> Document:
    """Run every default stage on *text* and return the document."""
    article = parse_article(text)
    finding = find_quotes(text, article)
    speakers = resolve_speakers(text, article, finding.quotes)
    dates = resolve_dates(text, article, speakers.quotes, published=published)
    quotes = apply_stance(
        text, dates.quotes, model=default_model(), target=builtin_target(), article=article
    )
    return attrs.evolve(
        Document(text=text),
        article=article,
        quotes=quotes,
        entities=speakers.entities,
        published=dates.published,
        problems=finding.problems,
    )
