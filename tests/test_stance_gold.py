"""Evaluation gate on the shared nk gold: stored floors for the stance models."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from nkquotes.stance import (
    Chain,
    GoldItem,
    NaiveBayesStanceModel,
    RuleStanceModel,
    StanceModel,
    builtin_learned_model,
    builtin_target,
    cross_validate,
    evaluate,
    load_gold_items,
    stance_features,
)

pytestmark = pytest.mark.data

NK = builtin_target()

#: Floors a little under the figures in docs/stance.md, so noise does not fail CI.
RULES_FLOOR = 0.78
LEARNED_FLOOR = 0.70
DEFAULT_FLOOR = 0.80


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> list[GoldItem]:
    items = load_gold_items(shared_dir / "data/nk/gold", shared_dir / "data/nk/articles")
    assert len(items) > 200
    return items


def test_gold_items_locate_every_quote(gold: list[GoldItem]) -> None:
    for g in gold:
        assert g.label in NK.labels
        sentence = g.item.sentence
        assert sentence is not None
        assert sentence.is_valid_for(g.item.text)
        assert all(s.is_valid_for(g.item.text) for s in g.item.quote.segments)
        assert sentence.contains(g.item.quote.segments[0])


def test_rules_alone_meet_their_floor(gold: list[GoldItem]) -> None:
    model = RuleStanceModel()
    predicted = []
    for g in gold:
        result = model.predict(g.item, NK)
        predicted.append(NK.neutral if result is None else result.label)
    result = evaluate(NK.labels, [g.label for g in gold], predicted)
    assert result.macro_f1 >= RULES_FLOOR, result.table()


def test_learned_and_default_meet_their_floors_leave_one_article_out(
    gold: list[GoldItem],
) -> None:
    shipped = builtin_learned_model()
    features = {id(g): stance_features(g.item, NK) for g in gold}

    def learned(train: Sequence[GoldItem], min_score: float = 0.0) -> NaiveBayesStanceModel:
        return NaiveBayesStanceModel.fit_features(
            [(features[id(g)], g.label) for g in train],
            NK,
            alpha=shipped.alpha,
            min_score=min_score,
        )

    def default(train: Sequence[GoldItem]) -> StanceModel:
        return Chain([RuleStanceModel(), learned(train, shipped.min_score)])

    alone = cross_validate(gold, NK, learned)
    assert alone.macro_f1 >= LEARNED_FLOOR, alone.table()
    combined = cross_validate(gold, NK, default)
    assert combined.macro_f1 >= DEFAULT_FLOOR, combined.table()
