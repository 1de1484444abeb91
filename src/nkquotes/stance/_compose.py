"""Composing stance models: a chain (first that does not abstain) and a weighted vote."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from nkquotes._errors import ConfigurationError
from nkquotes._model import Quote, Span, StanceResult
from nkquotes.stance._apply import QUICK, Quick, StanceInput, quick_entry
from nkquotes.stance._protocol import StanceModel
from nkquotes.stance._target import Target

__all__ = ["Chain", "Constant", "Vote"]


def _models(value: Sequence[StanceModel]) -> tuple[StanceModel, ...]:
    models = tuple(value)
    if not models:
        raise ConfigurationError("compose at least one stance model")
    for model in models:
        if not callable(getattr(model, "predict", None)):
            raise ConfigurationError(f"{model!r} has no predict(item, target) method")
    return models


@attrs.frozen
class Chain:
    """Ask each model in turn; the first that does not abstain decides.

    Examples:
        >>> from nkquotes.stance import RuleStanceModel, StanceInput, builtin_target
        >>> model = Chain([RuleStanceModel(), Constant("none")])
        >>> model.predict(StanceInput.from_text("It rained."), builtin_target()).label
        'none'
    """

    models: tuple[StanceModel, ...] = attrs.field(converter=_models)

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The first non-abstaining model's result, or ``None`` if all abstain."""
        for model in self.models:
            result = model.predict(item, target)
            if result is not None:
                return result
        return None


def _quick_chain(chain: Chain) -> Quick | None:
    """The quick entry of a chain of models that all have one (see apply_stance)."""
    entries: list[Quick] = []
    for model in chain.models:
        entry = quick_entry(model)
        if entry is None:
            return None
        entries.append(entry)
    if len(entries) == 2:  # the default model's shape: no loop
        first, second = entries

        def pair(
            text: str, quote: Quote, sentence: Span | None, target: Target
        ) -> StanceResult | None:
            result = first(text, quote, sentence, target)
            return result if result is not None else second(text, quote, sentence, target)

        return pair

    def chained(
        text: str, quote: Quote, sentence: Span | None, target: Target
    ) -> StanceResult | None:
        for entry in entries:
            result = entry(text, quote, sentence, target)
            if result is not None:
                return result
        return None

    return chained


QUICK[Chain] = _quick_chain


@attrs.frozen
class Vote:
    """A weighted vote: each model adds ``weight * score`` to the label it gives.

    Abstentions do not vote; the label with the largest total wins (ties go to the earlier
    model's label), its score is its share of the total, and its evidence is the union of
    the evidence of the models that voted for it.
    """

    models: tuple[StanceModel, ...] = attrs.field(converter=_models)
    weights: tuple[float, ...] | None = None

    def __attrs_post_init__(self) -> None:
        if self.weights is not None and (
            len(self.weights) != len(self.models) or any(w < 0 for w in self.weights)
        ):
            raise ConfigurationError("Vote needs one non-negative weight per model")

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The label with the largest weighted score, or ``None`` if every model abstains."""
        weights = self.weights or (1.0,) * len(self.models)
        totals: dict[str, float] = {}
        evidence: dict[str, set[Span]] = {}
        order: list[str] = []
        for model, weight in zip(self.models, weights, strict=True):
            result = model.predict(item, target)
            if result is None:
                continue
            if result.label not in totals:
                order.append(result.label)
            totals[result.label] = totals.get(result.label, 0.0) + weight * result.score
            evidence.setdefault(result.label, set()).update(result.evidence)
        if not totals:
            return None
        label = max(order, key=lambda lab: (totals[lab], -order.index(lab)))
        grand = sum(totals.values())
        score = totals[label] / grand if grand > 0 else 0.0
        return StanceResult(
            target=target.name,
            label=label,
            score=score,
            evidence=tuple(sorted(evidence[label])),
        )


@attrs.frozen
class Constant:
    """Always the same label (the neutral one by default) with a fixed score: a fallback."""

    label: str | None = None
    score: float = 0.0

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """*label* (or the target's neutral label) with *score*."""
        del item
        return self._predict_quote("", None, None, target)

    def _predict_quote(
        self, text: str, quote: Quote | None, sentence: Span | None, target: Target
    ) -> StanceResult | None:
        """:meth:`predict`, which reads no input (the quick entry apply_stance calls)."""
        del text, quote, sentence
        label = target.neutral if self.label is None else self.label
        if label not in target.labels:
            raise ConfigurationError(f"{label!r} is not a label of target {target.name!r}")
        return StanceResult(target=target.name, label=label, score=self.score)


QUICK[Constant] = lambda model: model._predict_quote
