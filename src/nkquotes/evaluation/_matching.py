"""The matching rule: which predicted quote finds which gold content, and how well.

Both sides are plain data (offsets into one text), so the rule can be applied to any
extractor's output, not only nkquotes'. A content's *characters* are the non-space
characters of its segments after each segment is trimmed at both edges (:func:`trim`).

* A prediction is assigned to the gold content holding most of its characters, when that
  gold holds at least 60% of them; otherwise it is a false positive. Between golds holding
  as many (one nested in the other), the one it covers the larger share of wins.
* A gold content is recalled when the predictions assigned to it cover at least 60% of its
  characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from nkquotes import _lazyregex
from nkquotes._errors import InputError

__all__ = [
    "THRESHOLD",
    "GoldQuote",
    "PredictedQuote",
    "QuoteMatch",
    "characters",
    "evaluate_quotes",
    "normalise_name",
    "speaker_matches",
    "trim",
]

#: The share of characters that makes an assignment and a recall.
THRESHOLD = 0.6

_EDGE_CHARS = frozenset("\"“”„‟«»'‘’.,;:—–-")
_LEADING_THAT = _lazyregex.compile(r"that\s")
_WORD = _lazyregex.compile(r"\w+")
_LEADING_ARTICLE = _lazyregex.compile(r"(?i)^(?:the|a|an)\s+")
_SPACE = _lazyregex.compile(r"\s+")

Segment = tuple[int, int]


def _is_edge(char: str) -> bool:
    return char.isspace() or char in _EDGE_CHARS


def trim(text: str, start: int, end: int) -> Segment:
    """Trim ``text[start:end]`` at both edges: white space, quotation marks, ``. , ; : — – -``.

    A leading ``that `` (lower case, followed by white space) is trimmed too, as often as it
    appears after the other edge characters. Returns the trimmed ``(start, end)``; an
    all-trimmed segment comes back empty (``start == end``).

    >>> text = ' "that we will win," '
    >>> s, e = trim(text, 0, len(text))
    >>> text[s:e]
    'we will win'
    """
    while True:
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        match = _LEADING_THAT.match(text, start, end)
        if match is None:
            return (start, end)
        start = match.end()


def characters(text: str, segments: Sequence[Segment]) -> frozenset[int]:
    """The offsets of the non-space characters of *segments*, each trimmed by :func:`trim`."""
    out: set[int] = set()
    for start, end in segments:
        s, e = trim(text, start, end)
        out.update(i for i in range(s, e) if not text[i].isspace())
    return frozenset(out)


def normalise_name(name: str) -> str:
    """A speaker name for comparison: no leading ``the``/``a``/``an``, no spaces, no case."""
    stripped = _LEADING_ARTICLE.sub("", name.strip(), count=1)
    return _SPACE.sub("", stripped).casefold()


def _segments(value: Sequence[Segment]) -> tuple[Segment, ...]:
    return tuple((int(s), int(e)) for s, e in value)


@attrs.frozen(kw_only=True)
class GoldQuote:
    """One gold content: its segments, kind, and who said it.

    *speaker* is a canonical name (gold JSON), compared by :func:`normalise_name`; *sources*
    are source spans (brat), compared by overlap and by words. A gold with neither is not
    judged for its speaker. *cue* is the annotated cue's text, when the gold has one;
    *speech* says whether the gold reports speaking or writing, as opposed to a belief, an
    intention or a finding (``None``: the format does not say). Neither affects the matching;
    reports count speech separately.
    """

    segments: tuple[Segment, ...] = attrs.field(converter=_segments)
    kind: str
    speaker: str | None = None
    sources: tuple[Segment, ...] = attrs.field(default=(), converter=_segments)
    stance: str | None = None
    date: dt.date | None = None
    cue: str | None = None
    speech: bool | None = None

    @property
    def has_speaker(self) -> bool:
        """Whether the speaker of a prediction assigned to this gold can be judged."""
        return self.speaker is not None or bool(self.sources)


@attrs.frozen(kw_only=True)
class PredictedQuote:
    """One predicted content with its speaker mention span and name, stance and date."""

    segments: tuple[Segment, ...] = attrs.field(converter=_segments)
    mention: Segment | None = None
    speaker: str | None = None
    stance: str | None = None
    date: dt.date | None = None
    kind: str | None = None


@attrs.frozen(kw_only=True)
class QuoteMatch:
    """The outcome of :func:`evaluate_quotes` on one text.

    *assigned* gives, for each prediction, the index of its gold or ``None`` (a false
    positive); *recalled* and *speaker_correct* are per gold (*speaker_correct* is ``None``
    when not judged: the gold is not recalled or has no speaker); *first* is the index of the
    first prediction assigned to each gold, *coverage* the share of each gold's characters
    that its assigned predictions cover. *merged* is true for a gold that is not recalled
    although one prediction holds at least 60% of its characters: that prediction was
    assigned to another gold (a quote split by its attribution that the gold annotates as
    two, or nested attributions).
    """

    gold: tuple[GoldQuote, ...]
    predicted: tuple[PredictedQuote, ...]
    assigned: tuple[int | None, ...]
    recalled: tuple[bool, ...]
    first: tuple[int | None, ...]
    speaker_correct: tuple[bool | None, ...]
    coverage: tuple[float, ...] = ()
    merged: tuple[bool, ...] = ()

    @property
    def strict_hits(self) -> int:
        """Predictions assigned to a recalled gold."""
        return sum(1 for g in self.assigned if g is not None and self.recalled[g])

    @property
    def lenient_hits(self) -> int:
        """Predictions assigned to any gold."""
        return sum(1 for g in self.assigned if g is not None)

    def end_to_end(self, index: int) -> bool:
        """Gold *index* recalled, with its speaker right when it has one."""
        return self.recalled[index] and self.speaker_correct[index] is not False


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _last_word(name: str | None) -> str | None:
    if not name:
        return None
    words = _WORD.findall(name)
    return words[-1].casefold() if words else None


def speaker_matches(text: str, gold: GoldQuote, predicted: PredictedQuote) -> bool:
    """Whether *predicted* names the speaker of *gold* (see the module docstring rules).

    With a canonical gold name: equal names by :func:`normalise_name`. With source spans: the
    mention overlaps a source span, or the last word of the predicted name (or of the mention
    text) is one of the words of a source.
    """
    if gold.speaker is not None:
        return predicted.speaker is not None and normalise_name(
            predicted.speaker
        ) == normalise_name(gold.speaker)
    if predicted.mention is not None:
        ms, me = predicted.mention
        if any(ms < e and s < me for s, e in gold.sources):
            return True
    source_words: set[str] = set()
    for s, e in gold.sources:
        source_words |= _words(text[s:e])
    candidates = [_last_word(predicted.speaker)]
    if predicted.mention is not None:
        candidates.append(_last_word(text[predicted.mention[0] : predicted.mention[1]]))
    return any(c is not None and c in source_words for c in candidates)


def _check_offsets(text: str, what: str, item: GoldQuote | PredictedQuote) -> None:
    """Raise :class:`InputError` unless every span of *item* lies within *text*."""
    spans = list(item.segments)
    if isinstance(item, GoldQuote):
        spans.extend(item.sources)
    elif item.mention is not None:
        spans.append(item.mention)
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            raise InputError(
                f"{what}: span ({start}, {end}) is not within the text of {len(text)} characters"
            )


def evaluate_quotes(
    text: str, gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]
) -> QuoteMatch:
    """Match *predicted* against *gold* contents in *text* by the 60% character rule.

    Raises :class:`~nkquotes.InputError` when a segment, source or mention of either lies
    outside *text*.

    >>> text = 'He said "we will win." Then he left.'
    >>> gold = [GoldQuote(segments=[(9, 21)], kind="direct", speaker="He")]
    >>> match = evaluate_quotes(text, gold, [PredictedQuote(segments=[(8, 22)], speaker="he")])
    >>> match.assigned, match.recalled, match.speaker_correct
    ((0,), (True,), (True,))
    """
    gold_t = tuple(gold)
    pred_t = tuple(predicted)
    for index, item in enumerate(gold_t):
        _check_offsets(text, f"gold quote {index}", item)
    for index, predicted_item in enumerate(pred_t):
        _check_offsets(text, f"predicted quote {index}", predicted_item)
    gold_chars = [characters(text, g.segments) for g in gold_t]
    pred_chars = [characters(text, p.segments) for p in pred_t]
    assigned: list[int | None] = []
    for chars in pred_chars:
        best: int | None = None
        best_key = (0, 0.0)
        for index, g_chars in enumerate(gold_chars):
            overlap = len(chars & g_chars)
            # Ties (nested golds) go to the gold this prediction covers best.
            key = (overlap, overlap / len(g_chars) if g_chars else 0.0)
            if overlap and key > best_key:
                best, best_key = index, key
        if best is not None and best_key[0] >= THRESHOLD * len(chars):
            assigned.append(best)
        else:
            assigned.append(None)
    covered: list[set[int]] = [set() for _ in gold_t]
    first: list[int | None] = [None] * len(gold_t)
    for p_index, g_index in enumerate(assigned):
        if g_index is None:
            continue
        covered[g_index] |= pred_chars[p_index] & gold_chars[g_index]
        if first[g_index] is None:
            first[g_index] = p_index
    recalled = tuple(
        bool(g_chars) and len(cov) >= THRESHOLD * len(g_chars)
        for g_chars, cov in zip(gold_chars, covered, strict=True)
    )
    speaker_correct: list[bool | None] = []
    for g_index, g in enumerate(gold_t):
        head = first[g_index]
        if not recalled[g_index] or not g.has_speaker or head is None:
            speaker_correct.append(None)
        else:
            speaker_correct.append(speaker_matches(text, g, pred_t[head]))
    return QuoteMatch(
        gold=gold_t,
        predicted=pred_t,
        assigned=tuple(assigned),
        recalled=recalled,
        first=tuple(first),
        speaker_correct=tuple(speaker_correct),
        coverage=tuple(
            len(cov) / len(g_chars) if g_chars else 0.0
            for g_chars, cov in zip(gold_chars, covered, strict=True)
        ),
        merged=tuple(
            not hit
            and bool(g_chars)
            and any(
                assigned[p] != g_index and len(chars & g_chars) >= THRESHOLD * len(g_chars)
                for p, chars in enumerate(pred_chars)
            )
            for g_index, (g_chars, hit) in enumerate(zip(gold_chars, recalled, strict=True))
        ),
    )
