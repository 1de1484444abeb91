"""apply_stance's quick entries into the built-in models give what their ``predict`` gives.

apply_stance calls a built-in model (rules, unigram naive Bayes, chains of them) without
building a StanceInput per quote; a user model, a subclass of a built-in one and a model
reading bigrams or sentence words get a StanceInput as before. Each model here is compared
with the same model behind a user wrapper (which only has ``predict``).
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import Quote, QuoteKind, Span, StanceResult
from nkquotes.stance import (
    Chain,
    Constant,
    RuleStanceModel,
    StanceInput,
    Target,
    _apply,
    _lexicon,
    apply_stance,
    builtin_learned_model,
    builtin_target,
    default_model,
)
from tests.strategies import any_text
from tests.test_stance_fast import newsy, plain_newsy, text_and_region
from tests.test_stance_shared import replies

NK = builtin_target()
NB = builtin_learned_model()
NB_ALL = attrs.evolve(NB, min_score=0.0)
MODELS = [
    default_model(),
    RuleStanceModel(),
    RuleStanceModel(context_weight=0.9, min_weight=0.2),
    NB,
    NB_ALL,
    Chain([RuleStanceModel(), NB_ALL, Constant("pressure", 0.2)]),
    Chain([RuleStanceModel(context_weight=0.9), NB_ALL]),
    Chain([NB_ALL]),
]


@attrs.frozen
class _User:
    """A user model: only ``predict``, which asks the wrapped model's."""

    inner: object

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        assert type(item) is StanceInput
        return self.inner.predict(item, target)  # type: ignore[attr-defined, no-any-return]


@st.composite
def quotes(draw: st.DrawFn) -> tuple[str, tuple[Quote, ...]]:
    text = draw(
        st.lists(replies | newsy | plain_newsy | plain_newsy | any_text, min_size=1, max_size=4)
    )
    joined = "\n".join(text)
    if not joined:
        joined = "x"
    found = []
    for i in range(draw(st.integers(1, 4))):
        bounds = sorted(draw(st.lists(st.integers(0, len(joined)), min_size=2, max_size=4)))
        segments = tuple(
            Span.of(joined, a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False)
        )
        if not segments:
            continue
        lo = draw(st.integers(0, segments[0].start))
        hi = draw(st.integers(segments[-1].end, len(joined)))
        sentence = draw(st.sampled_from([None, Span.of(joined, lo, hi)]))
        found.append(Quote(id=f"q{i}", segments=segments, kind=QuoteKind.DIRECT, sentence=sentence))
    return joined, tuple(found)


@settings(max_examples=150, deadline=None)
@given(quotes())
def test_quick_entries_give_what_predict_gives(case: tuple[str, tuple[Quote, ...]]) -> None:
    text, found = case
    for model in MODELS:
        assert _apply.quick_entry(model) is not None
        expected = apply_stance(text, found, model=_User(model), target=NK)
        assert apply_stance(text, found, model=model, target=NK) == expected


class _Relabel(RuleStanceModel):
    """A subclass overriding predict: apply_stance must call it."""

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        return StanceResult(target=target.name, label="relief", score=0.3)


def test_user_models_and_subclasses_get_their_input() -> None:
    text = "Kim said sanctions must stay."
    quote = Quote(id="q0", segments=(Span.of(text, 9, 28),), kind=QuoteKind.INDIRECT)
    assert _apply.quick_entry(_Relabel()) is None
    assert _apply.quick_entry(Chain([RuleStanceModel(), _Relabel()])) is None
    assert _apply.quick_entry(attrs.evolve(NB, bigrams=True)) is None
    (out,) = apply_stance(text, (quote,), model=Chain([_Relabel()]), target=NK)
    assert out.stance == StanceResult(target=NK.name, label="relief", score=0.3)


@settings(max_examples=150, deadline=None)
@given(text_and_region(replies | newsy | plain_newsy | any_text), st.integers(0, 3))
def test_regions_read_again_are_read_alike(case: tuple[str, int, int], shift: int) -> None:
    # region_hits remembers the regions of the last text: a region read again (another read
    # in between) gives the hits of the reference path and leaves the same kept words.
    text, lo, hi = case
    lexicon = _lexicon.lexicon_of(NK)
    _lexicon._MEMO[0] = ("", None, {})
    first = list(_lexicon.region_hits(lexicon, text, lo, hi))
    kept = _lexicon.last_openers(text, lo, hi)
    _lexicon.region_hits(lexicon, text, lo, min(len(text), hi + shift))
    again = _lexicon.region_hits(lexicon, text, lo, hi)
    assert again == first
    assert sorted(again) == sorted(_lexicon.region_hits_unicode(lexicon, text, lo, hi))
    assert _lexicon.last_openers(text, lo, hi) == kept
