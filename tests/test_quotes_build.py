"""The slot-filling constructors of the quote finder against the attrs constructors."""

from __future__ import annotations

import bisect

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotes_build as B
from nkquotes._errors import SpanError
from nkquotes._model import Cue, Quote, QuoteKind, Span, Speaker, slot_setters
from nkquotes._quotes_draft import Attribution, Draft

_TEXT = "Kim said the talks would go on, officials told reporters on Monday."
_SPANS = st.builds(
    lambda a, b: Span.of(_TEXT, min(a, b), max(a, b)),
    st.integers(0, len(_TEXT)),
    st.integers(0, len(_TEXT)),
)


def test_the_fast_paths_are_in_use() -> None:
    assert B._QUOTE_SET is not None
    assert B._SPEAKER_SET is not None
    assert B._CUE_SET is not None


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=5),
    st.lists(_SPANS, min_size=1, max_size=3).map(tuple),
    st.sampled_from(list(QuoteKind)),
    st.none() | _SPANS,
    st.none() | _SPANS,
    st.text(max_size=8),
    st.integers(0, 50),
    _SPANS,
    st.floats(0, 1),
)
def test_slot_filled_objects_equal_the_attrs_ones(
    qid: str,
    segments: tuple[Span, ...],
    kind: QuoteKind,
    cue_span: Span | None,
    mention: Span | None,
    word: str,
    paragraph: int,
    sentence: Span,
    confidence: float,
) -> None:
    cue = None if cue_span is None else B.new_cue(cue_span, word)
    if cue_span is not None:
        assert cue == Cue(span=cue_span, lemma=word)
    speaker = B.new_speaker(mention, word)
    assert speaker == Speaker(mention=mention, reason=word)
    quote = B.new_quote(qid, segments, kind, cue, speaker, paragraph, sentence, confidence)
    expected = Quote(
        id=qid,
        segments=segments,
        kind=kind,
        cue=cue,
        speaker=speaker,
        paragraph=paragraph,
        sentence=sentence,
        confidence=confidence,
    )
    assert quote == expected
    assert repr(quote) == repr(expected)
    assert hash(quote) == hash(expected)
    assert attrs.evolve(quote, id="x") == attrs.evolve(expected, id="x")


def test_a_class_the_fast_path_does_not_know_gets_none() -> None:
    @attrs.frozen
    class Checked:
        a: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Plain:
        a: int

    @attrs.frozen
    class Hooked:
        a: int

        def __attrs_post_init__(self) -> None:
            pass

    assert slot_setters(Checked, ("a",)) is None
    assert slot_setters(Checked, ("a",), frozenset({"a"})) is not None  # the caller checks
    assert slot_setters(Plain, ("a", "b")) is None
    assert slot_setters(Hooked, ("a",)) is None
    setters = slot_setters(Plain, ("a",))
    assert setters is not None
    plain = object.__new__(Plain)
    setters[0](plain, 7)
    assert plain == Plain(7)


def _sentence_of_reference(
    sentences: list[tuple[int, int]], starts: list[int], pos: int
) -> tuple[int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    return sentences[max(k, 0)]


def _to_quote_reference(
    text: str, draft: Draft, sentences: list[tuple[int, int]], starts: list[int], number: int
) -> Quote | None:
    """How _quotes built a quote before quote_of (one helper call per object)."""
    segments = tuple([Span.of(text, s, e) for s, e in draft.segments if e > s])
    if not segments:
        return None
    cue = None
    speaker: Speaker
    attr = draft.attribution
    if attr is not None:
        cue_span = Span.of(text, attr.cue_start, attr.cue_end)
        cue = B.new_cue(cue_span, attr.lemma)
        mention = Span.of(text, *attr.mention) if attr.mention is not None else None
        speaker = B.new_speaker(mention, "unresolved")
        anchor = attr.cue_start
    else:
        speaker = B.new_speaker(None, "inherited")
        anchor = segments[0].start
    s, e = draft.sentence or _sentence_of_reference(sentences, starts, anchor)
    return B.new_quote(
        f"q{number}",
        segments,
        draft.kind,
        cue,
        speaker,
        draft.paragraph,
        Span.of(text, s, e),
        draft.confidence,
    )


_PAIRS = st.tuples(st.integers(0, len(_TEXT)), st.integers(0, len(_TEXT))).map(sorted).map(tuple)
_ATTRIBUTIONS = st.builds(
    lambda cue, lemma, mention, end: Attribution(cue[0], cue[1], lemma, mention, end),
    _PAIRS,
    st.sampled_from(["say", "tell", "according to"]),
    st.none() | _PAIRS,
    st.integers(0, len(_TEXT)),
)
_DRAFTS = st.builds(
    lambda segs, kind, paragraph, attr, conf, sentence: Draft(
        list(segs), kind, paragraph, attr, confidence=conf, sentence=sentence
    ),
    st.lists(_PAIRS, max_size=3),
    st.sampled_from(list(QuoteKind)),
    st.integers(0, 9),
    st.none() | _ATTRIBUTIONS,
    st.floats(0, 1),
    st.none() | _PAIRS,
)
_SENTENCES = st.lists(_PAIRS, min_size=1, max_size=4).map(sorted)


@settings(max_examples=300, deadline=None)
@given(_DRAFTS, _SENTENCES, st.integers(1, 99))
def test_quote_of_is_the_helper_calls(
    draft: Draft, sentences: list[tuple[int, int]], number: int
) -> None:
    starts = [s for s, _ in sentences]
    expected = _to_quote_reference(_TEXT, draft, sentences, starts, number)
    assert B.quote_of(_TEXT, draft, sentences, starts, number) == expected
    assert B._quote_of_parts(_TEXT, draft, sentences, starts, number) == expected


def test_quote_of_refuses_a_span_outside_the_text() -> None:
    draft = Draft([(0, len(_TEXT) + 5)], QuoteKind.INDIRECT, 0, None)
    with pytest.raises(SpanError):
        B.quote_of(_TEXT, draft, [(0, 3)], [0], 1)
