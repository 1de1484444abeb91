"""The naive Bayes stance model and model composition."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from nkquotes import ConfigurationError, ModelError, StanceResult
from nkquotes.stance import (
    Chain,
    Constant,
    NaiveBayesStanceModel,
    RuleStanceModel,
    StanceInput,
    Target,
    Vote,
    builtin_learned_model,
    builtin_target,
    default_model,
    stance_features,
)
from nkquotes.testing import FakeStanceModel

NK = builtin_target()

TRAIN = [
    ("we must lift the sanctions on the north", "relief"),
    ("easing sanctions would help the talks", "relief"),
    ("humanitarian aid should flow without delay", "relief"),
    ("sanctions must stay until denuclearization", "pressure"),
    ("we will tighten enforcement of the sanctions", "pressure"),
    ("the regime deserves the strongest condemnation", "pressure"),
    ("the weather in seoul was mild on tuesday", "none"),
    ("the delegation arrived at the airport", "none"),
    ("the summit will be held in may", "none"),
]


def data() -> list[tuple[StanceInput, str]]:
    return [(StanceInput.from_text(text), label) for text, label in TRAIN]


def test_fit_predicts_training_labels_with_evidence() -> None:
    model = NaiveBayesStanceModel.fit(data(), NK)
    for item, label in data():
        result = model.predict(item, NK)
        assert result is not None
        assert result.label == label, item.text
        assert 0.0 <= result.score <= 1.0
        for span in result.evidence:
            assert span.is_valid_for(item.text)


def test_probabilities_sum_to_one() -> None:
    model = NaiveBayesStanceModel.fit(data(), NK)
    probs = model.probabilities(StanceInput.from_text("lift sanctions"), NK)
    assert set(probs) == set(NK.labels)
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert max(probs, key=probs.__getitem__) == "relief"


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = NaiveBayesStanceModel.fit(data(), NK, min_score=0.4)
    path = tmp_path / "model.json"
    model.save(path)
    loaded = NaiveBayesStanceModel.load(path)
    assert loaded.counts == model.counts
    assert loaded.min_score == 0.4
    for item, _label in data():
        assert loaded.predict(item, NK) == model.predict(item, NK)


def test_min_count_drops_rare_features() -> None:
    model = NaiveBayesStanceModel.fit(data(), NK, min_count=2)
    assert "airport" not in model.counts
    assert "sanctions" in model.counts


def test_min_score_makes_it_abstain() -> None:
    model = NaiveBayesStanceModel.fit(data(), NK, min_score=0.999)
    assert model.predict(StanceInput.from_text("the talks"), NK) is None


def test_bad_models_and_data_are_model_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        NaiveBayesStanceModel.fit([], NK)
    with pytest.raises(ModelError):
        NaiveBayesStanceModel.fit([(StanceInput.from_text("x"), "maybe")], NK)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ModelError):
        NaiveBayesStanceModel.load(path)
    with pytest.raises(ModelError):
        NaiveBayesStanceModel.load(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("counts", {"sanctions": [float("inf"), 0, 0]}, "malformed"),
        ("counts", {"sanctions": [-5, 0, 0]}, "must not be negative"),
        ("documents", [-1, 0, 0], "must not be negative"),
        ("alpha", 0.0, "alpha must be a positive number"),
        ("alpha", -1.0, "alpha must be a positive number"),
        ("alpha", float("nan"), "alpha must be a positive number"),
        ("min_score", 1.5, "min_score must be between 0 and 1"),
        ("min_score", float("nan"), "min_score must be between 0 and 1"),
    ],
)
def test_a_model_with_bad_numbers_is_refused_on_load(
    field: str, value: object, message: str
) -> None:
    data = builtin_learned_model().to_dict()
    if field == "counts":
        assert isinstance(value, dict)
        data["counts"].update(value)
    else:
        data[field] = value
    with pytest.raises(ModelError, match=message):
        NaiveBayesStanceModel.from_dict(data)


def test_fit_refuses_a_non_positive_alpha() -> None:
    data = [(StanceInput.from_text("lift the sanctions"), "relief")]
    with pytest.raises(ModelError, match="alpha"):
        NaiveBayesStanceModel.fit(data, NK, alpha=0.0)


def test_other_target_raises_or_abstains() -> None:
    other = Target(name="other", labels=("yes", "no", "none"))
    model = NaiveBayesStanceModel.fit(data(), NK)
    with pytest.raises(ModelError):
        model.predict(StanceInput.from_text("x"), other)
    lenient = attrs.evolve(model, other_targets_abstain=True)
    assert lenient.predict(StanceInput.from_text("x"), other) is None


def test_features_are_words_and_lexicon_cues() -> None:
    features = stance_features(StanceInput.from_text("They will not lift sanctions"), NK)
    assert "lift" in features
    assert "cue:pressure" in features  # the negated relief cue
    assert "cue:pressure:q" in features
    with_bigrams = stance_features(
        StanceInput.from_text("They will not lift sanctions"), NK, bigrams=True
    )
    assert "lift sanctions" in with_bigrams


def test_shipped_model_loads_offline_and_holds_no_sentences() -> None:
    model = builtin_learned_model()
    assert model.target == NK.name
    assert model.labels == NK.labels
    assert model.min_score > 0.5
    assert all(" " not in feature for feature in model.counts)


def test_default_model_chains_rules_and_learned() -> None:
    model = default_model()
    assert isinstance(model, Chain)
    assert isinstance(model.models[0], RuleStanceModel)
    assert default_model() is model  # built once
    result = model.predict(StanceInput.from_text("No sanctions should be lifted."), NK)
    assert result is not None
    assert result.label == "pressure"


# --- composition -------------------------------------------------------------------------


def test_chain_takes_the_first_answer() -> None:
    first, second = FakeStanceModel(None), FakeStanceModel("relief")
    third = FakeStanceModel("pressure")
    result = Chain([first, second, third]).predict(StanceInput.from_text("x"), NK)
    assert result is not None
    assert result.label == "relief"
    assert len(first.calls) == len(second.calls) == 1
    assert third.calls == []
    assert Chain([FakeStanceModel(None)]).predict(StanceInput.from_text("x"), NK) is None


def test_vote_weighs_scores() -> None:
    item = StanceInput.from_text("x")
    a = FakeStanceModel("pressure", score=0.9)
    b = FakeStanceModel("relief", score=0.6)
    c = FakeStanceModel("relief", score=0.6)
    result = Vote([a, b, c]).predict(item, NK)
    assert result is not None
    assert result.label == "relief"
    assert result.score == pytest.approx(1.2 / 2.1)
    weighted = Vote([a, b, c], weights=(3.0, 1.0, 1.0)).predict(item, NK)
    assert weighted is not None
    assert weighted.label == "pressure"
    assert Vote([FakeStanceModel(None)]).predict(item, NK) is None


def test_compose_rejects_non_models() -> None:
    with pytest.raises(ConfigurationError):
        Chain([])
    with pytest.raises(ConfigurationError):
        Chain([object()])  # type: ignore[list-item]
    with pytest.raises(ConfigurationError):
        Vote([Constant()], weights=(1.0, 2.0))


def test_constant_is_a_fallback() -> None:
    result = Chain([RuleStanceModel(), Constant()]).predict(StanceInput.from_text("Hi."), NK)
    assert result == StanceResult(target=NK.name, label="none", score=0.0)
    with pytest.raises(ConfigurationError):
        Constant("maybe").predict(StanceInput.from_text("x"), NK)


def test_any_object_with_predict_slots_in() -> None:
    class Always:
        def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
            return StanceResult(target=target.name, label="relief", score=0.5)

    result = Vote([Always(), RuleStanceModel()]).predict(StanceInput.from_text("Hi."), NK)
    assert result is not None
    assert result.label == "relief"
