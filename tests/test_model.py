"""Properties of the data model."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkquotes import (
    Cue,
    Document,
    InputError,
    PartialDate,
    Quote,
    QuoteKind,
    Span,
    SpanError,
    Speaker,
)
from tests.strategies import any_text, text_and_span


@given(text_and_span())
def test_span_slicing_round_trips(pair: tuple[str, Span]) -> None:
    text, span = pair
    assert text[span.start : span.end] == span.text
    assert span.is_valid_for(text)
    assert len(span) == len(span.text)


@given(any_text, st.integers(-5, 500), st.integers(-5, 500))
def test_span_of_rejects_offsets_outside_the_text(text: str, start: int, end: int) -> None:
    if 0 <= start <= end <= len(text):
        assert Span.of(text, start, end).text == text[start:end]
    else:
        with pytest.raises(SpanError):
            Span.of(text, start, end)


def test_span_rejects_text_of_the_wrong_length() -> None:
    with pytest.raises(SpanError):
        Span(0, 3, "ab")
    with pytest.raises(ValueError, match="invalid span"):
        Span(3, 1, "")


@given(text_and_span())
def test_spans_are_immutable_and_hashable(pair: tuple[str, Span]) -> None:
    text, span = pair
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    assert hash(span) == hash(Span.of(text, span.start, span.end))
    assert {span, Span.of(text, span.start, span.end)} == {span}


def test_quote_is_hashable_and_holds_tuples() -> None:
    text = '"We will wait," he said.'
    quote = Quote(
        id="q1",
        segments=(Span.of(text, 1, 14),),
        kind=QuoteKind.DIRECT,
        cue=Cue(span=Span.of(text, 19, 23), lemma="say"),
        speaker=Speaker(mention=Span.of(text, 16, 18)),
    )
    assert quote.span == (1, 14)
    assert quote.text == "We will wait,"
    assert isinstance(quote.segments, tuple)
    assert hash(quote) == hash(attrs.evolve(quote))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.kind = QuoteKind.MIXED  # type: ignore[misc]
    doc = Document(text=text, quotes=(quote,))
    assert hash(doc) == hash(attrs.evolve(doc))


def test_quote_needs_a_segment() -> None:
    with pytest.raises(InputError):
        Quote(id="q1", segments=(), kind=QuoteKind.DIRECT)


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 31))
def test_partial_date_completes_with_a_year(year: int, month: int, day: int) -> None:
    partial = PartialDate(month=month, day=day)
    try:
        expected: dt.date | None = dt.date(year, month, day)
    except ValueError:
        expected = None
    assert partial.to_date(year) == expected
    assert partial.to_date() is None
