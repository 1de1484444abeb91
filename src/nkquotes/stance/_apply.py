"""Stance inputs and applying a stance model to the quotes of a document."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Callable
from typing import Any

import attrs

from nkquotes._model import Article, Quote, QuoteKind, Span, StanceResult, slot_setters
from nkquotes._sentences import split_sentences
from nkquotes.stance._protocol import StanceModel
from nkquotes.stance._target import Target

__all__ = ["StanceInput", "apply_stance", "sentence_of", "stance_of"]

#: Characters of the sentence a model reads on each side of the quote. News sentences are far
#: shorter; the cap keeps text with no sentence breaks linear (quotes x sentence length).
CONTEXT_CHARS = 600


@attrs.frozen(kw_only=True)
class StanceInput:
    """One quote with the context a model may read.

    The quote's words are ``item.quote.segments`` (spans into :attr:`text`); *sentence* is
    the span of the sentence holding the quote (reporting verb included), *article* the
    parsed article when there is one.
    """

    text: str
    quote: Quote
    sentence: Span | None = None
    article: Article | None = None

    @classmethod
    def from_text(cls, text: str) -> StanceInput:
        """The whole of *text* as one quote in its own sentence.

        Examples:
            >>> StanceInput.from_text("Sanctions must stay.").quote.text
            'Sanctions must stay.'
        """
        span = Span.of(text, 0, len(text))
        quote = Quote(id="q0", segments=(span,), kind=QuoteKind.DIRECT, sentence=span)
        return cls(text=text, quote=quote, sentence=span)


def sentence_of(text: str, quote: Quote, article: Article | None = None) -> Span | None:
    """The sentence around the quote's first segment: the quote's own, the article's, or
    one split from the line that holds it."""
    if quote.sentence is not None:
        return quote.sentence
    return _find_sentence(text, quote, article.sentences if article is not None else ())


def _around(text: str, sentence: Span | None, quote: Quote) -> Span | None:
    """*sentence* clipped to :data:`CONTEXT_CHARS` on each side of the quote."""
    if sentence is None:
        return None
    start = max(sentence.start, quote.segments[0].start - CONTEXT_CHARS)
    end = min(sentence.end, quote.segments[-1].end + CONTEXT_CHARS)
    if start == sentence.start and end == sentence.end:
        return sentence
    return Span.of(text, start, end)


def _find_sentence(
    text: str, quote: Quote, sentences: tuple[Span, ...], starts: list[int] | None = None
) -> Span | None:
    """:func:`sentence_of` with the article's sentences given; with *starts* (their start
    offsets, the sentences in order and apart) the sentence is found by bisection."""
    first = quote.segments[0]
    if starts is not None:
        i = bisect.bisect_right(starts, first.start) - 1
        if i >= 0 and first.start < sentences[i].end:
            return sentences[i]
    else:
        for sentence in sentences:
            if sentence.start <= first.start < sentence.end:
                return sentence
    line_start = text.rfind("\n", 0, first.start) + 1
    line_end = text.find("\n", first.end)
    if line_end < 0:
        line_end = len(text)
    for sentence in split_sentences(text, line_start, line_end):
        if sentence.start <= first.start < sentence.end:
            return sentence
    return None


#: A built-in model's quick entry: ``(text, quote, sentence, target)`` -> what its ``predict``
#: gives for ``StanceInput(text=text, quote=quote, sentence=sentence, article=...)`` (the
#: built-in models do not read the article), with no input built for each quote.
Quick = Callable[[str, Quote, Span | None, Target], StanceResult | None]

#: Exact model classes -> a function giving a model's quick entry, or ``None`` when that
#: model has none (filled by the modules defining the built-in models; a subclass, which
#: may override ``predict``, is not in it).
QUICK: dict[type, Callable[[Any], Quick | None]] = {}


def quick_entry(model: object) -> Quick | None:
    """*model*'s quick entry, or ``None`` (a user model: it is given a :class:`StanceInput`)."""
    make = QUICK.get(type(model))
    return None if make is None else make(model)


def stance_of(text: str, *, target: Target, model: StanceModel | None = None) -> StanceResult:
    """The stance of *text*, read as one quote, toward *target* (rules by default).

    Examples:
        >>> from nkquotes.stance import builtin_target
        >>> stance_of("Sanctions must be tightened.", target=builtin_target()).label
        'pressure'
    """
    if model is None:
        from nkquotes.stance._rules import RuleStanceModel

        model = RuleStanceModel()
    result = model.predict(StanceInput.from_text(text), target)
    if result is None:
        return StanceResult(target=target.name, label=target.neutral, score=0.0)
    return result


def apply_stance(
    text: str,
    quotes: tuple[Quote, ...],
    *,
    model: StanceModel,
    target: Target,
    article: Article | None = None,
) -> tuple[Quote, ...]:
    """Return *quotes* with their stance toward *target* set by *model*.

    A model that abstains gives the target's neutral label with score 0.
    """
    out = []
    sentences: tuple[Span, ...] = ()  # the article's, read when a quote first needs them
    starts: list[int] | None = None
    searchable = False  # whether *starts* is set (only quotes without a sentence need it)
    abstained = StanceResult(target=target.name, label=target.neutral, score=0.0)
    predict = model.predict
    quick = quick_entry(model)
    # The slot setters, called one by one below: cheaper than a map over them (see
    # _QUOTE_NAMES); None when filling slots is not what __init__ would do.
    input_setters, copy_setters = _INPUT_SETTERS, _QUOTE_SETTERS
    direct = input_setters is not None and copy_setters is not None
    if input_setters is not None and copy_setters is not None:
        set_text, set_quote, set_sentence, set_article = input_setters
        (s_id, s_segments, s_kind, s_cue, s_speaker) = copy_setters[:5]
        (s_paragraph, s_sentence, s_date, s_confidence, s_stance) = copy_setters[5:]
    for quote in quotes:
        sentence = quote.sentence
        if sentence is None:
            if not searchable:
                # Sentences in order and apart (as parse_article gives them) are searched
                # by bisection.
                sentences = article.sentences if article is not None else ()
                ordered = all(a.end <= b.start for a, b in itertools.pairwise(sentences))
                starts = [s.start for s in sentences] if ordered else None
                searchable = True
            sentence = _find_sentence(text, quote, sentences, starts)
        if sentence is not None:
            # _around inlined: the sentence clipped to CONTEXT_CHARS around the quote.
            segments = quote.segments
            low = segments[0].start - CONTEXT_CHARS
            high = segments[-1].end + CONTEXT_CHARS
            if low > sentence.start or high < sentence.end:
                sentence = Span.of(text, max(sentence.start, low), min(sentence.end, high))
        if quick is not None:
            result = quick(text, quote, sentence, target)
        else:
            if direct:
                item = _new_object(StanceInput)
                set_text(item, text)
                set_quote(item, quote)
                set_sentence(item, sentence)
                set_article(item, article)
            else:
                item = _input(text, quote, sentence, article)
            result = predict(item, target)
        stance = abstained if result is None else result
        if direct and type(quote) is Quote:
            # _with_stance's usual case inlined: a copy of a valid quote, slot by slot.
            new = _new_object(Quote)
            s_id(new, quote.id)
            s_segments(new, quote.segments)
            s_kind(new, quote.kind)
            s_cue(new, quote.cue)
            s_speaker(new, quote.speaker)
            s_paragraph(new, quote.paragraph)
            s_sentence(new, quote.sentence)
            s_date(new, quote.date)
            s_confidence(new, quote.confidence)
            s_stance(new, stance)
            out.append(new)
        else:
            out.append(_with_stance(quote, stance))
    return tuple(out)


#: The slot setters of a :class:`StanceInput` in the order of :func:`_input`'s arguments, or
#: ``None`` when filling them is not what ``__init__`` does (something to convert or check).
_INPUT_SETTERS = slot_setters(StanceInput, ("text", "quote", "sentence", "article"))


def _input(text: str, quote: Quote, sentence: Span | None, article: Article | None) -> StanceInput:
    """``StanceInput(text=text, quote=quote, sentence=sentence, article=article)``, made the
    quick way when that is the same."""
    if _INPUT_SETTERS is None:
        return StanceInput(text=text, quote=quote, sentence=sentence, article=article)
    item = _new_object(StanceInput)
    # Each setter called with (item, value) in C: any() runs them all (they return None).
    any(map(_call, _INPUT_SETTERS, _repeat(item), (text, quote, sentence, article)))
    return item


#: Quote class -> the ``(attribute, argument)`` names of the fields its ``__init__`` takes.
_INIT_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}

#: :class:`Quote`'s fields other than ``stance``, named in the order :func:`apply_stance`
#: copies them one by one (a direct call costs about half a call through ``map``), read at
#: once by :func:`_with_stance`; and the slot setters of all of them, ``stance`` last. The
#: setters are ``None`` when Quote's fields are not these or copying the slots is not what
#: ``__init__`` would do (a converter, an init hook, something checking ``stance``: the
#: other fields come from a valid quote).
_QUOTE_NAMES = (
    "id",
    "segments",
    "kind",
    "cue",
    "speaker",
    "paragraph",
    "sentence",
    "date",
    "confidence",
)
_QUOTE_VALUES = operator.attrgetter(*_QUOTE_NAMES)
_QUOTE_SETTERS = slot_setters(Quote, (*_QUOTE_NAMES, "stance"), frozenset(_QUOTE_NAMES))
_new_object = object.__new__
_call = operator.call
_repeat = itertools.repeat


def _with_stance(quote: Quote, stance: StanceResult) -> Quote:
    """``attrs.evolve(quote, stance=stance)`` without looking the fields up for each quote."""
    cls = type(quote)
    if cls is Quote and _QUOTE_SETTERS is not None:
        new = _new_object(Quote)
        any(map(_call, _QUOTE_SETTERS, _repeat(new), (*_QUOTE_VALUES(quote), stance)))
        return new
    fields = _INIT_FIELDS.get(cls)
    if fields is None:
        fields = _INIT_FIELDS[cls] = tuple((a.name, a.alias) for a in attrs.fields(cls) if a.init)
    values = {alias: getattr(quote, name) for name, alias in fields}
    values["stance"] = stance
    return cls(**values)
