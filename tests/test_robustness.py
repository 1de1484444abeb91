"""Hostile text: the whole pipeline returns valid results or an NkQuotesError, never crashes.

Timings per MB are measured in benchmarks/bench_robustness.py, not asserted here.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings

import nkquotes
from tests.spans import assert_spans_valid
from tests.strategies import any_text, newsy_text


def _hostile_inputs() -> dict[str, str]:
    rng = random.Random(7)
    sentence = 'Kim said "we will not yield," and officials said the talks stalled. '
    return {
        "empty": "",
        "whitespace": " \n\t\r\n\u00a0\u200b" * 50,
        "long_prose": (sentence * 3000),
        "single_line_200k": ("word " * 40_000),
        "many_quote_marks": '"' * 100_000,
        "alternating_marks": "\"“”‘’'«»„" * 10_000,
        "nested_marks": ('"‘“' * 2000) + "said" + ('”’"' * 2000),
        "control_chars": "".join(chr(c) for c in range(32)) * 500,
        "lone_surrogates": 'he said \ud800 \udfff "x" ' * 500,
        "random_unicode": "".join(chr(rng.randrange(0x110000)) for _ in range(20_000)),
        "said_said": "said " * 20_000,
        "no_line_breaks": " ".join([sentence] * 2000),
        "crlf": (sentence + "\r\n") * 2000,
        "unbalanced": 'He said "this never closes. ' * 2000,
    }


@pytest.mark.parametrize("name", sorted(_hostile_inputs()))
def test_hostile_input_yields_valid_results(name: str) -> None:
    text = _hostile_inputs()[name]
    try:
        document = nkquotes.extract(text)
    except nkquotes.NkQuotesError:
        return
    assert document.text == text
    assert_spans_valid(document, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_text_never_raises_outside_the_hierarchy(text: str) -> None:
    try:
        document = nkquotes.extract(text)
    except nkquotes.NkQuotesError:
        return
    assert_spans_valid(document, text)


@settings(max_examples=60, deadline=None)
@given(newsy_text)
def test_newsy_text_is_deterministic(text: str) -> None:
    assert nkquotes.extract(text) == nkquotes.extract(text)


def test_non_string_input_is_an_input_error() -> None:
    with pytest.raises(nkquotes.InputError):
        nkquotes.extract(b"bytes are not text")  # type: ignore[arg-type]


class _RecordingModel:
    """A stance model that remembers the sentence each quote came with."""

    def __init__(self) -> None:
        self.sentences: list[nkquotes.Span | None] = []

    def predict(
        self, item: nkquotes.StanceInput, target: nkquotes.Target
    ) -> nkquotes.StanceResult | None:
        self.sentences.append(item.sentence)
        return None


def test_stance_context_is_bounded_around_the_quote() -> None:
    # A "sentence" with no breaks must not be read whole for every quote in it.
    filler = "and the talks went on " * 2000
    text = f'{filler} he said "we will wait" and {filler}'
    quote_start = text.index("we will wait")
    quote = nkquotes.Quote(
        id="q1",
        segments=(nkquotes.Span.of(text, quote_start, quote_start + 12),),
        kind=nkquotes.QuoteKind.DIRECT,
        sentence=nkquotes.Span.of(text, 0, len(text)),
    )
    model = _RecordingModel()
    nkquotes.apply_stance(text, (quote,), model=model, target=nkquotes.builtin_target())
    (sentence,) = model.sentences
    assert sentence is not None
    assert sentence.start <= quote_start
    assert quote_start + 12 <= sentence.end
    assert len(sentence) < 2000 < len(text)
    assert text[sentence.start : sentence.end] == sentence.text
