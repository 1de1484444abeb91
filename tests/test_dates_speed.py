"""The dates stage's call-saving rewrites compute what the plain code computed.

The attribution region of a quote, the stretches of it outside the quote's content and the
carrying rules' attribution parts are written with conditional expressions instead of
``min``/``max`` and sort spans by a C getter (or not at all for one segment); each is
compared here with the plain code it replaced, on quotes whose segments come in any order,
overlap or lie outside the region, on date-thick and arbitrary text.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import Article, Cue, Paragraph, Quote, QuoteKind, Span, _dates
from nkquotes._dates_context import Context, anchor

from .strategies import any_text
from .test_dates_fast import _reference_outside_content
from .test_timex_fast import dated

_CONTEXT_REACH = 300  # _dates_context._REACH, restated: the reference must not read the code


def _span(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    return Span.of(text, start, draw(st.integers(start, len(text))))


@st.composite
def quotes(draw: st.DrawFn) -> tuple[str, Quote]:
    """A text and a quote on it: one to three segments in any order (overlapping or not),
    with or without a cue and a sentence."""
    text = draw(dated | any_text | st.just("x" * 700) | st.just("said Monday. " * 60))
    segments = tuple(draw(st.lists(st.builds(lambda: None), min_size=1, max_size=3)))
    spans = tuple(_span(draw, text) for _ in segments)
    cue = Cue(span=_span(draw, text), lemma="say") if draw(st.booleans()) else None
    sentence = _span(draw, text) if draw(st.booleans()) else None
    kind = draw(st.sampled_from(list(QuoteKind)))
    return text, Quote(id="q0", segments=spans, kind=kind, cue=cue, sentence=sentence)


def _reference_region(text: str, quote: Quote) -> tuple[int, int]:
    """The sentence branch of the attribution region as first written, with min and max."""
    assert quote.sentence is not None
    anchor_span = quote.cue.span if quote.cue is not None else quote.segments[0]
    first, last = quote.segments[0].start, quote.segments[-1].end
    low = max(quote.sentence.start, min(first, anchor_span.start) - 600)
    high = min(quote.sentence.end, max(last, anchor_span.end) + 600)
    return min(low, anchor_span.start), max(high, anchor_span.end)


@settings(max_examples=200, deadline=None)
@given(quotes())
def test_attribution_region_is_the_min_max_one(case: tuple[str, Quote]) -> None:
    text, quote = case
    if quote.sentence is not None:
        assert _dates._attribution_region(text, quote) == _reference_region(text, quote)


@settings(max_examples=200, deadline=None)
@given(quotes(), st.data())
def test_outside_content_with_segments_in_any_order(
    case: tuple[str, Quote], data: st.DataObject
) -> None:
    text, quote = case
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _reference_outside_content(text, quote, start, end)
    assert _dates._outside_content(text, quote, start, end) == expected


def _reference_attribution(context: Context, quote: Quote) -> list[tuple[int, int]]:
    """Context.attribution as first written, with min, max and a Python sort key."""
    at = anchor(quote)
    index = context.layout.sentence_at(at)
    if index is not None:
        start, end = context.layout.sentences[index].start, context.layout.sentences[index].end
    else:
        start, end = max(0, at - _CONTEXT_REACH), min(len(context.text), at + _CONTEXT_REACH)
    start, end = max(start, at - _CONTEXT_REACH), min(end, at + _CONTEXT_REACH)
    segments = sorted(quote.segments, key=lambda s: (s.start, s.end))
    if quote.cue is not None and quote.cue.span.end <= segments[0].start:
        end = min(end, max(segments[-1].end, start))
    parts, pos = [], start
    for segment in segments:
        if segment.start > pos:
            parts.append((pos, min(segment.start, end)))
        pos = max(pos, segment.end)
    if pos < end:
        parts.append((pos, end))
    return [(a, b) for a, b in parts if a < b]


@settings(max_examples=200, deadline=None)
@given(quotes(), st.booleans(), st.data())
def test_carrying_attribution_parts_are_the_min_max_ones(
    case: tuple[str, Quote], structured: bool, data: st.DataObject
) -> None:
    text, quote = case
    article = None
    if structured and text:
        cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=4)))
        bounds = [0, *cuts, len(text)]
        sentences = tuple(Span.of(text, a, b) for a, b in itertools.pairwise(bounds))
        article = Article(
            paragraphs=(Paragraph(span=Span.of(text, 0, len(text)), sentences=sentences),)
        )
    context = Context(text, article, (quote,), dt.date(2017, 3, 15))
    assert context.attribution(quote) == _reference_attribution(context, quote)


#: Document words with a day attached or not, so that more than the looked-back number of
#: them (12) stand before the end, of several families.
_DOCUMENT_UNITS = [
    "The statement released Monday said so.", "In an interview on Sunday he spoke.",
    "His remarks Tuesday were brief.", "A letter on May 3 came.", "The speech was long.",
    "Sunday's statement said no.", "He said “the letter on Friday” was sent.",
    "The press conference on Wednesday ended.", "The statement said,",
]  # fmt: skip
documents = st.lists(st.sampled_from(_DOCUMENT_UNITS), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(documents | dated, st.sampled_from(["statement", "remarks", "letter", "briefing"]))
def test_dated_words_of_a_family_are_those_kept_after_dating(text: str, family: str) -> None:
    from nkquotes import _dates_carry

    def keep(word: str) -> bool:
        return _dates_carry._FAMILIES.get(word.split()[-1]) == family

    def context() -> Context:  # a fresh one each time: its caches must not decide
        return Context(text, None, (), dt.date(2017, 3, 15))

    pattern, stems = _dates_carry._DOCUMENT, _dates_carry._DOCUMENT_STEMS
    for end in (len(text), len(text) // 2):
        everything = context().dated_words(0, end, pattern, stems)
        expected = [d for d in everything if keep(d.word)]
        assert context().dated_words(0, end, pattern, stems, keep) == expected
