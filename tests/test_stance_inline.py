"""Stance fast paths of the sixth speed round against the slow references they replace.

The naive Bayes evidence ranked from per-label margin tables (any number of labels), the
reply prefilters on plain text's word runs (necessary conditions of the reply patterns, on
text thick with near misses: ``agreement``, ``rights``, ``counterpart``), and the sentence
clipped around a quote inside :func:`apply_stance`.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import Quote, QuoteKind, Span, StanceResult
from nkquotes._asciifold import inert_char
from nkquotes.stance import (
    NaiveBayesStanceModel,
    StanceInput,
    Target,
    _apply,
    _rules,
    _scan,
    apply_stance,
    builtin_learned_model,
    builtin_target,
    sentence_of,
)
from tests.strategies import any_text
from tests.test_stance_shared import replies

NK = builtin_target()
MODEL = attrs.evolve(builtin_learned_model(), min_score=0.0)


def _reference_strongest(model: NaiveBayesStanceModel, k: int, features: list[str]) -> list[str]:
    """The (at most three) features with the largest positive margin for label *k*, then by
    name: each margin computed from the log-likelihood rows."""
    loglik = model._tables()[0]
    ranked = []
    for f in features:
        row = loglik[f]
        margin = row[k] - max(v for j, v in enumerate(row) if j != k)
        if margin > 0:
            ranked.append((-margin, f))
    return [f for _m, f in sorted(ranked)[:3]]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(sorted(MODEL._tables()[0])), unique=True, max_size=30))
def test_shown_features_are_the_strongest(features: list[str]) -> None:
    for k in range(len(MODEL.labels)):
        assert MODEL._shown(k, features) == _reference_strongest(MODEL, k, features)


vocabulary = [f"w{i}" for i in range(12)]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 5),
    st.lists(
        st.tuples(st.lists(st.sampled_from(vocabulary), max_size=6), st.integers(0, 4)),
        min_size=1,
        max_size=25,
    ),
    st.lists(st.sampled_from(vocabulary), unique=True, max_size=12),
)
def test_shown_features_for_any_number_of_labels(
    n: int, rows: list[tuple[list[str], int]], features: list[str]
) -> None:
    # Ties in the counts give equal margins: the names break them.
    labels = tuple(f"l{i}" for i in range(n))
    target = Target(name="t", labels=labels, neutral=labels[0])
    model = NaiveBayesStanceModel.fit_features(
        [(words, labels[label % n]) for words, label in rows], target
    )
    known = [f for f in features if f in model._tables()[0]]
    for k in range(n):
        assert model._shown(k, known) == _reference_strongest(model, k, known)


#: Near misses of the reply patterns and their hits, at word boundaries of every kind.
near = st.sampled_from(
    [
        "agreement",
        "agreed-upon",
        "Agree’s",
        "disagree",
        "agree_",
        "rights",
        "right-wing",
        "that's right",
        "is  right",
        "counterpart",
        "Counters",
        "rejected2",
        "well-taken",
        "well  taken",
        "endorsement",
        "ENDORSES",
        "concurrently",
    ]
)
reply_text = st.lists(
    st.tuples(near | st.just("x"), st.sampled_from([" ", ". ", ",", "\n", "-", "“", "'"])).map(
        "".join
    ),
    max_size=10,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(reply_text | replies | any_text, st.data())
def test_reply_prefilters_on_runs_pass_every_match(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _low, runs, unplain = _scan.text_view(text)
    if unplain and not _scan.plain_part(text, start, end, unplain):
        return  # the fold takes over (see test_reply_prefilters_pass_every_match)
    words = " " + runs[start:end].decode("ascii") + " "
    if _rules._REBUT.search(text, start, end):
        assert _rules._may_rebut_runs(words)
    if _rules._AGREE.search(text, start, end):
        assert _rules._may_agree_runs(words)


@attrs.frozen
class _Recorder:
    """A user model that keeps the sentence it was given for each quote."""

    seen: list[Span | None] = attrs.field(factory=list)

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        self.seen.append(item.sentence)
        return None


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 1500), st.integers(0, 1500), st.integers(1, 40), st.booleans())
def test_apply_clips_the_sentence_as_around(before: int, after: int, size: int, own: bool) -> None:
    text = "a" * before + "b" * size + "c" * after + "."
    segment = Span.of(text, before, before + size)
    whole = Span.of(text, 0, len(text))
    quote = Quote(
        id="q0", segments=(segment,), kind=QuoteKind.DIRECT, sentence=whole if own else None
    )
    model = _Recorder()
    quotes = apply_stance(text, (quote,), model=model, target=NK)
    expected = _apply._around(text, sentence_of(text, quote), quote)
    assert model.seen == [expected]
    assert quotes[0] == attrs.evolve(
        quote, stance=StanceResult(target=NK.name, label=NK.neutral, score=0.0)
    )


def _reference_unplain(text: str) -> tuple[str, ...]:
    """The characters that keep text from being plain, found with a pattern."""
    rest = re.sub(r"[\x00-\x7f]+", "", text)
    return tuple(sorted(c for c in set(rest) if not inert_char(c)))


@settings(max_examples=200, deadline=None)
@given(any_text | st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF)) | replies)
def test_text_view_finds_the_non_ascii_characters(text: str) -> None:
    # Lone surrogates included: they survive the UTF-8 round trip ("surrogatepass").
    assert _scan.text_view(text)[2] == _reference_unplain(text)
    assert _scan.text_view(text + "\ud800x")[2] == _reference_unplain(text + "\ud800x")
