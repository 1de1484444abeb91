"""Quotes, cues and speakers filled slot by slot: the stage's hottest constructors.

The quote finder builds a :class:`Quote` with its :class:`Cue` and :class:`Speaker` for every
draft it keeps, with values it has already checked (a quote's segments are never empty). A
frozen attrs ``__init__`` sets each field through ``object.__setattr__``; filling the slots
through their own descriptors, as :meth:`Span.of` does, builds the same objects several
times faster. Should a class gain a field, a validator or a converter the fast path does not
know, the attrs constructor is used instead (``tests/test_quotes_build.py`` compares both).
"""

from __future__ import annotations

import bisect

import attrs

from nkquotes._model import Cue, Quote, QuoteKind, Span, Speaker, slot_setters
from nkquotes._quotes_draft import Draft

__all__ = ["new_cue", "new_quote", "new_speaker", "quote_of"]

_new_object = object.__new__

_QUOTE_FIELDS = (
    "id",
    "segments",
    "kind",
    "cue",
    "speaker",
    "paragraph",
    "sentence",
    "date",
    "stance",
    "confidence",
)
_SPEAKER_FIELDS = ("mention", "name", "entity", "reason")
_CUE_FIELDS = ("span", "lemma")


def _defaults_none(cls: type, names: tuple[str, ...]) -> bool:
    fields = attrs.fields_dict(cls)
    return all(fields[n].default is None for n in names)


_QUOTE_SET = slot_setters(Quote, _QUOTE_FIELDS, frozenset({"segments"}))
if not _defaults_none(Quote, ("date", "stance")):
    _QUOTE_SET = None
_SPEAKER_SET = slot_setters(Speaker, _SPEAKER_FIELDS)
if not _defaults_none(Speaker, ("name", "entity")):
    _SPEAKER_SET = None
_CUE_SET = slot_setters(Cue, _CUE_FIELDS)


def new_quote(
    id: str,
    segments: tuple[Span, ...],
    kind: QuoteKind,
    cue: Cue | None,
    speaker: Speaker,
    paragraph: int,
    sentence: Span,
    confidence: float,
) -> Quote:
    """``Quote(...)`` with no date or stance; *segments* must not be empty."""
    if _QUOTE_SET is None:
        return Quote(
            id=id,
            segments=segments,
            kind=kind,
            cue=cue,
            speaker=speaker,
            paragraph=paragraph,
            sentence=sentence,
            confidence=confidence,
        )
    quote = _new_object(Quote)
    (
        s_id,
        s_segments,
        s_kind,
        s_cue,
        s_speaker,
        s_paragraph,
        s_sentence,
        s_date,
        s_stance,
        s_conf,
    ) = _QUOTE_SET
    s_id(quote, id)
    s_segments(quote, segments)
    s_kind(quote, kind)
    s_cue(quote, cue)
    s_speaker(quote, speaker)
    s_paragraph(quote, paragraph)
    s_sentence(quote, sentence)
    s_date(quote, None)
    s_stance(quote, None)
    s_conf(quote, confidence)
    return quote


def new_speaker(mention: Span | None, reason: str) -> Speaker:
    """``Speaker(mention=mention, reason=reason)``."""
    if _SPEAKER_SET is None:
        return Speaker(mention=mention, reason=reason)
    speaker = _new_object(Speaker)
    s_mention, s_name, s_entity, s_reason = _SPEAKER_SET
    s_mention(speaker, mention)
    s_name(speaker, None)
    s_entity(speaker, None)
    s_reason(speaker, reason)
    return speaker


def new_cue(span: Span, lemma: str) -> Cue:
    """``Cue(span=span, lemma=lemma)``."""
    if _CUE_SET is None:
        return Cue(span=span, lemma=lemma)
    cue = _new_object(Cue)
    s_span, s_lemma = _CUE_SET
    s_span(cue, span)
    s_lemma(cue, lemma)
    return cue


_SPAN_SET = slot_setters(Span, ("start", "end", "text"), frozenset({"text"}))


def quote_of(
    text: str, draft: Draft, sentences: list[tuple[int, int]], starts: list[int], number: int
) -> Quote | None:
    """The :class:`Quote` of *draft* (numbered *number*), or ``None`` when its segments are
    empty: spans, cue, speaker and quote built in one call, each filled slot by slot (the
    per-object helpers cost a Python call each, several per quote)."""
    if _SPAN_SET is None or _QUOTE_SET is None or _SPEAKER_SET is None or _CUE_SET is None:
        return _quote_of_parts(text, draft, sentences, starts, number)
    size = len(text)
    set_start, set_end, set_text = _SPAN_SET
    new = _new_object
    pairs = [(s, e) for s, e in draft.segments if e > s]
    if not pairs:
        return None
    attr = draft.attribution
    if attr is not None:
        pairs.append((attr.cue_start, attr.cue_end))
        if attr.mention is not None:
            pairs.append(attr.mention)
        anchor = attr.cue_start
    else:
        anchor = pairs[0][0]
    sentence = draft.sentence
    if not sentence:
        sentence = sentences[max(bisect.bisect_right(starts, anchor) - 1, 0)]
    pairs.append(sentence)
    spans: list[Span] = []
    for s, e in pairs:
        if not 0 <= s <= e <= size:
            Span.of(text, s, e)  # raises SpanError, as Span.of would
        span = new(Span)
        set_start(span, s)
        set_end(span, e)
        set_text(span, text[s:e])
        spans.append(span)
    speaker = new(Speaker)
    s_mention, s_name, s_entity, s_reason = _SPEAKER_SET
    s_name(speaker, None)
    s_entity(speaker, None)
    cue = None
    if attr is not None:
        cue = new(Cue)
        s_span, s_lemma = _CUE_SET
        n_seg = len(pairs) - (3 if attr.mention is not None else 2)
        s_span(cue, spans[n_seg])
        s_lemma(cue, attr.lemma)
        s_mention(speaker, spans[n_seg + 1] if attr.mention is not None else None)
        s_reason(speaker, "unresolved")
    else:
        n_seg = len(pairs) - 1
        s_mention(speaker, None)
        s_reason(speaker, "inherited")
    quote = new(Quote)
    (
        q_id,
        q_segments,
        q_kind,
        q_cue,
        q_speaker,
        q_paragraph,
        q_sentence,
        q_date,
        q_stance,
        q_conf,
    ) = _QUOTE_SET
    q_id(quote, f"q{number}")
    q_segments(quote, tuple(spans[:n_seg]))
    q_kind(quote, draft.kind)
    q_cue(quote, cue)
    q_speaker(quote, speaker)
    q_paragraph(quote, draft.paragraph)
    q_sentence(quote, spans[-1])
    q_date(quote, None)
    q_stance(quote, None)
    q_conf(quote, draft.confidence)
    return quote


def _quote_of_parts(
    text: str, draft: Draft, sentences: list[tuple[int, int]], starts: list[int], number: int
) -> Quote | None:
    """:func:`quote_of` through the per-object helpers (when a class gained a field)."""
    segments = tuple([Span.of(text, s, e) for s, e in draft.segments if e > s])
    if not segments:
        return None
    cue = None
    speaker: Speaker
    attr = draft.attribution
    if attr is not None:
        cue_span = Span.of(text, attr.cue_start, attr.cue_end)
        cue = new_cue(cue_span, attr.lemma)
        mention = Span.of(text, *attr.mention) if attr.mention is not None else None
        speaker = new_speaker(mention, "unresolved")
        anchor = attr.cue_start
    else:
        speaker = new_speaker(None, "inherited")
        anchor = segments[0].start
    s, e = draft.sentence or sentences[max(bisect.bisect_right(starts, anchor) - 1, 0)]
    return new_quote(
        f"q{number}",
        segments,
        draft.kind,
        cue,
        speaker,
        draft.paragraph,
        Span.of(text, s, e),
        draft.confidence,
    )
