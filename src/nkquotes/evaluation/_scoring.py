"""Scoring one document against its gold article: quotes, stance, dates and structure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from nkquotes import _lazyregex
from nkquotes._model import Article, Document, Quote
from nkquotes.evaluation._dataset import GoldArticle, GoldStructure
from nkquotes.evaluation._matching import PredictedQuote, QuoteMatch, evaluate_quotes

__all__ = [
    "STRUCTURE_FIELDS",
    "ArticleResult",
    "StructureResult",
    "evaluate_article",
    "predicted_quotes",
]

#: The single-valued structure fields, compared by their text.
STRUCTURE_FIELDS = ("title", "dateline", "byline", "agency")
_SPACE = _lazyregex.compile(r"\s+")


def _predicted(quote: Quote) -> PredictedQuote:
    speaker = quote.speaker
    mention = speaker.mention if speaker is not None else None
    return PredictedQuote(
        segments=[(s.start, s.end) for s in quote.segments],
        mention=(mention.start, mention.end) if mention is not None else None,
        speaker=speaker.name if speaker is not None else None,
        stance=quote.stance.label if quote.stance is not None else None,
        date=quote.date.date if quote.date is not None else None,
        kind=quote.kind.value,
    )


def predicted_quotes(document: Document) -> tuple[PredictedQuote, ...]:
    """The quotes of an nkquotes :class:`~nkquotes.Document` as plain predictions."""
    return tuple(_predicted(q) for q in document.quotes)


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    folded = _SPACE.sub(" ", value).strip().casefold()
    return folded or None


@attrs.frozen(kw_only=True)
class StructureResult:
    """Structure fields of one article: each single field's gold and predicted text, and
    for captions and boilerplate the non-space characters in gold, predicted, and both."""

    fields: tuple[tuple[str, str | None, str | None], ...]
    captions: tuple[int, int, int]
    boilerplate: tuple[int, int, int]

    def correct(self, field: str) -> bool:
        """Whether *field* is right (equal text up to case and white space, or both absent)."""
        for name, gold, predicted in self.fields:
            if name == field:
                return _norm(gold) == _norm(predicted)
        raise KeyError(field)


def _gold_chars(text: str, values: Iterable[str]) -> set[int]:
    out: set[int] = set()
    for value in values:
        start = text.find(value) if value else -1
        if start >= 0:
            out.update(i for i in range(start, start + len(value)) if not text[i].isspace())
    return out


def _span_chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def _overlap(gold: set[int], predicted: set[int]) -> tuple[int, int, int]:
    return (len(gold), len(predicted), len(gold & predicted))


def _structure(text: str, gold: GoldStructure, article: Article | None) -> StructureResult:
    article = article if article is not None else Article()
    predicted = {
        "title": article.title.text if article.title is not None else None,
        "dateline": article.dateline.span.text if article.dateline is not None else None,
        "byline": article.byline.span.text if article.byline is not None else None,
        "agency": article.agency,
    }
    fields = tuple((name, getattr(gold, name), predicted[name]) for name in STRUCTURE_FIELDS)
    captions = _overlap(
        _gold_chars(text, gold.captions),
        _span_chars(text, ((s.start, s.end) for s in article.captions)),
    )
    boilerplate = _overlap(
        _gold_chars(text, gold.boilerplate),
        _span_chars(text, ((b.span.start, b.span.end) for b in article.boilerplate)),
    )
    return StructureResult(fields=fields, captions=captions, boilerplate=boilerplate)


@attrs.frozen(kw_only=True)
class ArticleResult:
    """One article scored: the quote match, the structure (when annotated) and timing."""

    id: str
    text: str = attrs.field(repr=False)
    match: QuoteMatch
    structure: StructureResult | None = None
    seconds: float = 0.0


def evaluate_article(
    gold: GoldArticle, document: Document, *, seconds: float = 0.0
) -> ArticleResult:
    """Score *document*, extracted from ``gold.text``, against *gold*."""
    match = evaluate_quotes(gold.text, gold.quotes, predicted_quotes(document))
    structure = None
    if gold.structure is not None:
        structure = _structure(gold.text, gold.structure, document.article)
    return ArticleResult(
        id=gold.id, text=gold.text, match=match, structure=structure, seconds=seconds
    )


def stance_pairs(result: ArticleResult) -> list[tuple[str, str]]:
    """``(gold, predicted)`` stance labels of recalled gold quotes that have a gold stance."""
    match = result.match
    pairs = []
    for index, gold in enumerate(match.gold):
        head = match.first[index]
        if gold.stance is None or not match.recalled[index] or head is None:
            continue
        pairs.append((gold.stance, match.predicted[head].stance or "none"))
    return pairs


def date_pairs(result: ArticleResult) -> list[tuple[dt.date, dt.date | None]]:
    """``(gold, predicted)`` dates of recalled gold quotes that have a gold date."""
    match = result.match
    pairs = []
    for index, gold in enumerate(match.gold):
        head = match.first[index]
        if gold.date is None or not match.recalled[index] or head is None:
            continue
        pairs.append((gold.date, match.predicted[head].date))
    return pairs
