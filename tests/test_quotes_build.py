"""The slot-filling constructors of the quote finder against the attrs constructors."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotes_build as B
from nkquotes._model import Cue, Quote, QuoteKind, Span, Speaker, slot_setters

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
