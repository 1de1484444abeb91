"""nkquotes.testing: the fake stance model slots in wherever a model is expected."""

from __future__ import annotations

import pytest

from nkquotes import ConfigurationError, Quote, QuoteKind, Span
from nkquotes.stance import Chain, StanceInput, StanceModel, apply_stance, builtin_target
from nkquotes.testing import FakeStanceModel

NK = builtin_target()
TEXT = "Kim said sanctions must go. Lee said it rained."
Q1 = Quote(id="a", segments=(Span.of(TEXT, 9, 26),), kind=QuoteKind.INDIRECT)
Q2 = Quote(id="b", segments=(Span.of(TEXT, 37, 46),), kind=QuoteKind.INDIRECT)


def test_fake_satisfies_the_protocol() -> None:
    assert isinstance(FakeStanceModel("none"), StanceModel)


def test_fixed_label_and_recorded_calls() -> None:
    fake = FakeStanceModel("relief", score=0.25)
    out = apply_stance(TEXT, (Q1, Q2), model=fake, target=NK)
    assert [q.stance.label for q in out if q.stance] == ["relief", "relief"]
    assert [q.stance.score for q in out if q.stance] == [0.25, 0.25]
    assert [item.quote.id for item, _target in fake.calls] == ["a", "b"]
    assert all(target is NK for _item, target in fake.calls)
    assert out[0].stance is not None
    assert out[0].stance.evidence == (Q1.segments[0],)
    fake.reset()
    assert fake.calls == []


def test_mapping_by_id_or_text_and_abstention() -> None:
    fake = FakeStanceModel({"a": "pressure", "it rained": "relief"})
    out = apply_stance(TEXT, (Q1, Q2), model=fake, target=NK)
    assert [q.stance.label for q in out if q.stance] == ["pressure", "relief"]
    unnamed = FakeStanceModel({"zzz": "pressure"})
    (quote,) = apply_stance(TEXT, (Q1,), model=unnamed, target=NK)
    assert quote.stance is not None
    assert (quote.stance.label, quote.stance.score) == ("none", 0.0)


def test_abstaining_fake_lets_a_chain_continue() -> None:
    chain = Chain([FakeStanceModel(None), FakeStanceModel("pressure")])
    result = chain.predict(StanceInput.from_text("x"), NK)
    assert result is not None
    assert result.label == "pressure"


def test_unknown_label_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        FakeStanceModel("maybe").predict(StanceInput.from_text("x"), NK)
