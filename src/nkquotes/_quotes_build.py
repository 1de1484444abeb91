"""Quotes, cues and speakers filled slot by slot: the stage's hottest constructors.

The quote finder builds a :class:`Quote` with its :class:`Cue` and :class:`Speaker` for every
draft it keeps, with values it has already checked (a quote's segments are never empty). A
frozen attrs ``__init__`` sets each field through ``object.__setattr__``; filling the slots
through their own descriptors, as :meth:`Span.of` does, builds the same objects several
times faster. Should a class gain a field, a validator or a converter the fast path does not
know, the attrs constructor is used instead (``tests/test_quotes_build.py`` compares both).
"""

from __future__ import annotations

import attrs

from nkquotes._model import Cue, Quote, QuoteKind, Span, Speaker, slot_setters

__all__ = ["new_cue", "new_quote", "new_speaker"]

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
