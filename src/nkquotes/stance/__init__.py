"""Stance toward a target (placeholder: replaced by the stance work).

Contract used by the pipeline: :class:`Target`, :class:`StanceInput`, the
:class:`StanceModel` protocol, :func:`builtin_target`, :func:`default_model` and
:func:`apply_stance`.
"""

from __future__ import annotations

from typing import Protocol

import attrs

from nkquotes._model import Article, Quote, Span, StanceResult

__all__ = [
    "StanceInput",
    "StanceModel",
    "Target",
    "apply_stance",
    "builtin_target",
    "default_model",
]


@attrs.frozen(kw_only=True)
class Target:
    """What stance is taken toward: a name and its labels (the last is the neutral one)."""

    name: str
    labels: tuple[str, ...]
    neutral: str = "none"


@attrs.frozen(kw_only=True)
class StanceInput:
    """One quote with the context a model may read."""

    text: str
    quote: Quote
    sentence: Span | None = None
    article: Article | None = None


class StanceModel(Protocol):
    """Anything that labels a quote's stance toward a target; ``None`` means abstain."""

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None: ...


class _NeutralModel:
    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        del item
        return StanceResult(target=target.name, label=target.neutral, score=0.0)


def builtin_target() -> Target:
    """The built-in target: sanctions and pressure on North Korea."""
    return Target(name="nk-sanctions", labels=("pressure", "relief", "none"))


def default_model() -> StanceModel:
    """The default stance model."""
    return _NeutralModel()


def apply_stance(
    text: str,
    quotes: tuple[Quote, ...],
    *,
    model: StanceModel,
    target: Target,
    article: Article | None = None,
) -> tuple[Quote, ...]:
    """Return *quotes* with their stance toward *target* set by *model*."""
    out = []
    for quote in quotes:
        item = StanceInput(text=text, quote=quote, sentence=quote.sentence, article=article)
        result = model.predict(item, target)
        if result is None:
            result = StanceResult(target=target.name, label=target.neutral, score=0.0)
        out.append(attrs.evolve(quote, stance=result))
    return tuple(out)
