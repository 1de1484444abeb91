"""The rule-and-lexicon stance model.

Each cue of the target's lexicon is compiled once into a pattern (cached per target, see
:mod:`nkquotes.stance._lexicon`). For a quote, the cues are searched in its content
segments (full weight) and in the rest of its sentence (``context_weight``); each match is
read in context by :func:`nkquotes.stance._negation.modify` (negation scope, opposition,
verdicts, hedges, contrast, quoted slogans, relayed demands). Overlapping matches keep the
longest. The label with the largest total wins; the model abstains when nothing, or a tie,
is found.

Rebuttals and agreement: a quote with no cue of its own whose sentence says it answers the
previous one (``retorted``, ``well taken``, ``agreed``) takes the opposite, or the same,
label as the sentence before it.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._asciifold import ascii_fold
from nkquotes._model import Quote, Span, StanceResult
from nkquotes._sentences import split_sentences
from nkquotes.stance._apply import QUICK, StanceInput
from nkquotes.stance._lexicon import (
    REPLY_PREFIXES,
    REPLY_WORDS,
    Lexicon,
    last_openers,
    lexicon_of,
    region_hits,
)
from nkquotes.stance._negation import modify, tokenize
from nkquotes.stance._scan import plain_part, text_view
from nkquotes.stance._target import LexiconCue, Target

__all__ = ["CueMatch", "RuleStanceModel", "find_cues"]

_REBUT = _lazyregex.compile(
    r"\b(?:retort\w*|rebut\w*|counter(?:ed|s)|dismiss\w*|disput\w*|refut\w*|rejected)\b",
    regex.IGNORECASE,
)
_POINT_OF = _lazyregex.compile(
    r"\b([A-Z]\w+)['’]s\s+(?:point|view|argument|position|suggestion|concern)s?\b"
)
_AGREE = _lazyregex.compile(
    r"\b(?:well[- ]taken|agree[sd]?|concur\w*|(?:is|was|that's)\s+right|endorse[sd]?)\b",
    regex.IGNORECASE,
)


def _may_rebut(low: str) -> bool:
    """Whether the folded text holds a word without which _REBUT cannot match (spelled out:
    most sentences have none, and a chain of tests is quicker than a loop over a tuple)."""
    return (
        "retort" in low
        or "rebut" in low
        or "counter" in low
        or "dismiss" in low
        or "disput" in low
        or "refut" in low
        or "rejected" in low
    )


def _may_agree(low: str) -> bool:
    """:func:`_may_rebut` for _AGREE (``well`` only as ``well taken``: ``as well`` is common)."""
    return (
        "agree" in low
        or "right" in low
        or "concur" in low
        or "endorse" in low
        or "well taken" in low
        or "well-taken" in low
    )


def _may_rebut_runs(runs: str) -> bool:
    """:func:`_may_rebut` on plain text's word runs (see :mod:`nkquotes.stance._scan`) as a
    string between spaces: a match of _REBUT is whole words there, so ``counter`` must be
    ``countered`` or ``counters`` (not ``counterpart``). A string, not bytes: ``in`` on
    bytes first tries its operand as an integer (an exception raised and cleared)."""
    return (
        " retort" in runs
        or " rebut" in runs
        or " countered " in runs
        or " counters " in runs
        or " dismiss" in runs
        or " disput" in runs
        or " refut" in runs
        or " rejected " in runs
    )


def _may_agree_runs(runs: str) -> bool:
    """:func:`_may_agree` on word runs: ``agree``, ``agrees``, ``agreed`` and ``right`` as
    whole words (``agreement`` and ``rights`` are common in news; _AGREE reads neither)."""
    return (
        " agree " in runs
        or " agreed " in runs
        or " agrees " in runs
        or " right " in runs
        or " concur" in runs
        or " endorse " in runs
        or " endorsed " in runs
        or " endorses " in runs
        or " well taken " in runs
    )


@attrs.frozen(kw_only=True)
class CueMatch:
    """One lexicon cue found in the text and how it counts there."""

    cue: LexiconCue
    span: Span
    label: str
    weight: float
    in_quote: bool
    modifiers: tuple[Span, ...] = ()


def _span_key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)  # the order of Span (its text does not take part)


def _merge(spans: list[Span]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted([(s.start, s.end) for s in spans]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def find_cues(
    text: str,
    target: Target,
    segments: tuple[Span, ...],
    sentence: Span | None = None,
    *,
    context_weight: float = 0.5,
) -> tuple[CueMatch, ...]:
    """Every cue of *target* in the segments (and the rest of the sentence), in context.

    The last few results are cached, so models chained on one quote read it once.
    """
    segments = tuple(segments)
    # The models chained on one quote pass the very same objects: comparing identities first
    # is cheaper than hashing the spans for the cache.
    last = _LAST[0]
    if (
        last is not None
        and last[0] is text
        and last[1] is target
        and last[2] is segments
        and last[3] is sentence
        and last[4] == context_weight
    ):
        return last[5]
    # No cache beyond the last call: each quote asks about its own segments, and hashing
    # them for an lru_cache cost more than it saved.
    last_lexicon = _LAST_LEXICON[0]
    if last_lexicon is not None and last_lexicon[0] is target:
        lexicon = last_lexicon[1]  # the same target as the last call: no lru_cache key to hash
    else:
        lexicon = lexicon_of(target)
        _LAST_LEXICON[0] = (target, lexicon)
    work: list[tuple[int, int, list[tuple[int, int, int]] | None]] | None = None
    if sentence is not None:
        # The usual case (every segment inside the sentence: one region, _merge's result),
        # and most quotes have no hit there (no further call).
        lo, hi = sentence.start, sentence.end
        for s in segments:
            if s.start < lo or s.end > hi:
                break
        else:
            only = region_hits(lexicon, text, lo, hi)
            work = [(lo, hi, only)] if only else []
    if work is None:
        work = [(lo, hi, None) for lo, hi in _regions(segments, sentence)]
    found = _find_cues(text, target, lexicon, segments, work, context_weight) if work else ()
    _LAST[0] = (text, target, segments, sentence, context_weight, found)
    return found


#: The last call of :func:`find_cues` and its result (one tuple, replaced whole).
_LAST: list[
    tuple[str, Target, tuple[Span, ...], Span | None, float, tuple[CueMatch, ...]] | None
] = [None]


#: The target of the last :func:`find_cues` search and its compiled lexicon.
_LAST_LEXICON: list[tuple[Target, Lexicon] | None] = [None]


def _regions(segments: tuple[Span, ...], sentence: Span | None) -> list[tuple[int, int]]:
    """The stretches of text to search: the segments and the sentence, merged. (When every
    segment lies inside the sentence, the sentence alone: :func:`find_cues` handles that
    usual case itself.)"""
    return _merge([*segments, *([sentence] if sentence is not None else [])])


def _find_cues(
    text: str,
    target: Target,
    lexicon: Lexicon,
    segments: tuple[Span, ...],
    work: list[tuple[int, int, list[tuple[int, int, int]] | None]],
    context_weight: float,
) -> tuple[CueMatch, ...]:
    """The cues found in the regions of *work* (each with its hits when already searched)."""
    found: list[CueMatch] = []
    for lo, hi, known_hits in work:
        hits = region_hits(lexicon, text, lo, hi) if known_hits is None else known_hits
        if not hits:
            continue
        tokens = tokenize(text, lo, hi)
        starts = [t[1] for t in tokens]
        ends = [t[2] for t in tokens]
        raw = [
            (number, bisect.bisect_left(starts, start), bisect.bisect_left(ends, end) + 1, end)
            for number, start, end in hits
        ]
        # Overlaps keep the longest, then heaviest, then first, then earliest-listed cue (a
        # total order, so the result never depends on set iteration order).
        raw.sort(
            key=lambda r: (-(r[3] - tokens[r[1]][1]), -lexicon.cues[r[0]].cue.weight, r[1], r[0])
        )
        taken: list[tuple[int, int]] = []
        for number, first, stop, end in raw:
            if any(first < t_stop and t_first < stop for t_first, t_stop in taken):
                continue
            taken.append((first, stop))
            compiled = lexicon.cues[number]
            start = tokens[first][1]
            in_quote = any(seg.start <= start and end <= seg.end for seg in segments)
            mod = modify(
                text,
                tokens,
                first,
                stop,
                count_inside=not compiled.negates,
                judgement=compiled.cue.kind == "judgement",
                name=compiled.cue.kind == "name",
            )
            weight = compiled.cue.weight * mod.factor * (1.0 if in_quote else context_weight)
            label = target.opposite(compiled.cue.label) if mod.flipped else compiled.cue.label
            found.append(
                CueMatch(
                    cue=compiled.cue,
                    span=Span.of(text, start, end),
                    label=label,
                    weight=weight,
                    in_quote=in_quote,
                    modifiers=mod.evidence,
                )
            )
    if not found:
        return ()
    found.sort(key=lambda m: m.span.start)
    return tuple(found)


def _decide(
    matches: tuple[CueMatch, ...], target: Target, min_weight: float
) -> tuple[str, float, tuple[Span, ...]] | None:
    totals: dict[str, float] = {}
    for m in matches:
        if m.label != target.neutral and m.weight > 0:
            totals[m.label] = totals.get(m.label, 0.0) + m.weight
    if not totals:
        return None
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    best, weight = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if weight < min_weight or weight - runner_up < 1e-9:
        return None
    evidence = sorted(
        {s for m in matches if m.label == best and m.weight > 0 for s in (m.span, *m.modifiers)},
        key=_span_key,
    )
    score = (weight - runner_up) / (weight + runner_up + 1.0)
    return best, min(1.0, 0.5 + score), tuple(evidence)


@attrs.frozen(kw_only=True)
class RuleStanceModel:
    """Stance from the target's cue lexicon read in context; abstains when nothing decides.

    *context_weight* scales cues found in the quote's sentence outside its content;
    *min_weight* is the least total weight a label needs to be given.

    Examples:
        >>> from nkquotes.stance import StanceInput, builtin_target
        >>> item = StanceInput.from_text("No sanctions should be lifted.")
        >>> RuleStanceModel().predict(item, builtin_target()).label
        'pressure'
    """

    context_weight: float = attrs.field(default=0.5)
    min_weight: float = attrs.field(default=0.5)

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The label the cues support, or ``None`` (abstain)."""
        return self._predict_quote(item.text, item.quote, item.sentence, target)

    def _predict_quote(
        self, text: str, quote: Quote, sentence: Span | None, target: Target
    ) -> StanceResult | None:
        """:meth:`predict` for the :class:`StanceInput` of *text*, *quote* and *sentence*
        (the quick entry apply_stance calls: no input built)."""
        matches = find_cues(
            text, target, quote.segments, sentence, context_weight=self.context_weight
        )
        decided = _decide(matches, target, self.min_weight) if matches else None
        if decided is None and sentence is not None:
            decided = self._answer(text, sentence, target, matches)
        if decided is None:
            return None
        label, score, evidence = decided
        return StanceResult(target=target.name, label=label, score=score, evidence=evidence)

    def _answer(
        self, text: str, sentence: Span, target: Target, matches: tuple[CueMatch, ...]
    ) -> tuple[str, float, tuple[Span, ...]] | None:
        """A cue-less reply (in *sentence*) takes its stance from the sentence it answers."""
        if matches and any(m.weight > 0 for m in matches):
            return None
        start, end = sentence.start, sentence.end
        # The cue search just read this sentence (the usual case): the words it kept hold
        # all its reply words, and most sentences have none (no need to read it again).
        openers = last_openers(text, start, end)
        if openers is not None and openers.isdisjoint(REPLY_WORDS):
            for word in openers:
                if word.startswith(REPLY_PREFIXES):
                    break
            else:
                return None
        view = text_view(text)
        if not view[2] or plain_part(text, start, end, view[2]):
            # Plain text: its words between spaces are those the patterns read (see _scan).
            runs = " " + view[1][start:end].decode("ascii") + " "
            rebut = _REBUT.search(text, start, end) if _may_rebut_runs(runs) else None
            agree = (
                _AGREE.search(text, start, end) if rebut is None and _may_agree_runs(runs) else None
            )
        else:
            low = ascii_fold(text[start:end])
            rebut = _REBUT.search(text, start, end) if _may_rebut(low) else None
            agree = _AGREE.search(text, start, end) if rebut is None and _may_agree(low) else None
        marker = rebut or agree
        if marker is None:
            return None
        previous = _referent_sentence(text, sentence)
        if previous is None:
            return None
        earlier = find_cues(text, target, (previous,), None)
        decided = _decide(earlier, target, self.min_weight)
        if decided is None:
            return None
        label, score, evidence = decided
        if rebut:
            label = target.opposite(label)
            if label == target.neutral:
                return None
        # The evidence stays in the quote's sentence: the words that make it a reply.
        del evidence
        span = Span.of(text, marker.start(), marker.end())
        return label, min(score, 0.6), (span,)


def _previous_sentence(text: str, start: int) -> Span | None:
    """The sentence just before *start* (looking at most 600 characters back)."""
    sentences = split_sentences(text, max(0, start - 600), start)
    return sentences[-1] if len(sentences) > 1 or (sentences and start <= 600) else None


def _referent_sentence(text: str, sentence: Span) -> Span | None:
    """The sentence a reply answers: the last one naming whose point it takes, else the
    previous sentence."""
    named = _POINT_OF.search(text, sentence.start, sentence.end)
    if named is not None:
        pos = text.rfind(named.group(1), max(0, sentence.start - 3000), sentence.start)
        if pos >= 0:
            line_start = text.rfind("\n", 0, pos) + 1
            line_end = text.find("\n", pos)
            if line_end < 0:
                line_end = len(text)
            for candidate in split_sentences(text, line_start, line_end):
                if candidate.start <= pos < candidate.end:
                    return candidate
    return _previous_sentence(text, sentence.start)


QUICK[RuleStanceModel] = lambda model: model._predict_quote
