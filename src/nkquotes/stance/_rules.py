"""The rule-and-lexicon stance model.

Each cue of the target's lexicon is compiled once into a pattern (cached per target). For a
quote, the cues are searched in its content segments (full weight) and in the rest of its
sentence (``context_weight``); each match is read in context by
:func:`nkquotes.stance._negation.modify` (negation scope, opposition, verdicts, hedges,
contrast, quoted slogans, relayed demands). Overlapping matches keep the longest. The label
with the largest total wins; the model abstains when nothing, or a tie, is found.

Rebuttals and agreement: a quote with no cue of its own whose sentence says it answers the
previous one (``retorted``, ``well taken``, ``agreed``) takes the opposite, or the same,
label as the sentence before it.
"""

from __future__ import annotations

import bisect
import functools

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._asciifold import ascii_fold
from nkquotes._errors import ConfigurationError
from nkquotes._model import Span, StanceResult
from nkquotes._sentences import split_sentences
from nkquotes.stance._apply import StanceInput
from nkquotes.stance._negation import NEGATOR, modify, tokenize
from nkquotes.stance._scan import plain_bytes, run_starts
from nkquotes.stance._target import LexiconCue, Target

__all__ = ["CueMatch", "RuleStanceModel", "find_cues"]

_SEP = r"[^\w.;:!?]+"
_GAP_WORD = r"\w+(?:['’-]\w+)*+"
_WORDS = _lazyregex.compile(r"\w+")
_KEY = 3
#: Words remembered per lexicon with the cues they may open (most news words are not met).
_OPENED_MAX = 20_000

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
    """:func:`_may_rebut` for _AGREE."""
    return "well" in low or "agree" in low or "concur" in low or "right" in low or "endorse" in low


def _key(word: str) -> str:
    return word[:_KEY].lower()


def _compile_token(token: str, phrase: str) -> tuple[str, frozenset[str]]:
    alternatives = []
    keys = set()
    for alt in token.split("|"):
        if not alt or not all(part for part in regex.split(r"['’-]", alt.rstrip("*"))):
            raise ConfigurationError(f"cue {phrase!r}: empty alternative in {token!r}")
        if alt.endswith("*"):
            stem = alt[:-1]
            if len(stem) < _KEY or not regex.fullmatch(r"\w+(?:['’-]\w+)*", stem):
                raise ConfigurationError(
                    f"cue {phrase!r}: prefix {alt!r} needs at least {_KEY} letters"
                )
            alternatives.append(regex.escape(stem) + r"\w*(?:['’-]\w+)*")
        else:
            if not regex.fullmatch(r"\w+(?:['’-]\w+)*", alt):
                raise ConfigurationError(f"cue {phrase!r}: {alt!r} is not a word")
            alternatives.append(regex.escape(alt) + r"(?!\w|['’-]\w)")
        keys.add(_key(_WORDS.match(alt).group()))  # type: ignore[union-attr]
    return r"(?<!\w|\w['’-])(?:" + "|".join(alternatives) + ")", frozenset(keys)


def _compile_phrase(phrase: str) -> tuple[regex.Pattern[str], list[frozenset[str]]]:
    tokens = phrase.split()
    if not tokens or tokens[0].startswith("~") or tokens[-1].startswith("~"):
        raise ConfigurationError(f"cue {phrase!r}: must start and end with a word")
    parts: list[str] = []
    keys: list[frozenset[str]] = []
    gap = 0
    for token in tokens:
        if token in ("~", "~~"):
            if gap:
                raise ConfigurationError(f"cue {phrase!r}: two gaps in a row")
            gap = 4 if token == "~" else 8
            continue
        pattern, token_keys = _compile_token(token, phrase)
        if parts:
            if gap:
                parts.append(f"(?:{_SEP}{_GAP_WORD}){{0,{gap}}}?{_SEP}")
            else:
                parts.append(_SEP)
        parts.append(pattern)
        keys.append(token_keys)
        gap = 0
    return regex.compile("".join(parts), regex.IGNORECASE), keys


@attrs.frozen(kw_only=True)
class _CompiledCue:
    cue: LexiconCue
    #: its place in the target's lexicon
    number: int
    pattern: regex.Pattern[str]
    #: whether the phrase's own words negate (``no hostile intent``)
    negates: bool
    #: the lower-cased words and stems its first token is made of (``None``: not plain
    #: ASCII words, no shortcut); an ASCII word that is none of them cannot open the cue
    first_words: frozenset[str] | None = None
    first_stems: tuple[str, ...] = ()
    #: for each later token, its lower-cased alternatives (stems cut at ``*``): lower-cased
    #: plain text without one of each cannot match (``None``: not all ASCII, no shortcut)
    later: tuple[tuple[bytes, ...], ...] | None = None

    def opens(self, word: str) -> bool:
        """Whether the lower-cased ASCII *word* may be this cue's first word."""
        return (
            self.first_words is None
            or word in self.first_words
            or word.startswith(self.first_stems)
        )


@attrs.frozen(kw_only=True)
class _Lexicon:
    cues: tuple[_CompiledCue, ...]
    #: first three letters of a word -> the cues whose first word may be it
    index: dict[str, tuple[int, ...]]
    #: first three letters -> a pattern finding words that start with them
    finders: dict[str, regex.Pattern[str]]
    #: first three letters -> the cues whose first word may start with them
    by_key: dict[str, tuple[_CompiledCue, ...]]
    #: lower-cased ASCII words met so far -> the cues each may open (bounded) ...
    opened: dict[bytes, tuple[_CompiledCue, ...]] = attrs.field(factory=dict, eq=False)
    #: ... and those that open none
    closed: set[bytes] = attrs.field(factory=set, eq=False)

    def opened_by(self, word: bytes) -> tuple[_CompiledCue, ...]:
        """The cues the lower-cased ASCII *word* may open, as its first word."""
        cues = self.opened.get(word)
        if cues is None:
            name = word.decode("ascii")
            cues = tuple(c for c in self.by_key.get(name[:_KEY], ()) if c.opens(name))
            remembered = self.opened if cues else self.closed
            if len(remembered) >= _OPENED_MAX:
                remembered.clear()
            if cues:
                self.opened[word] = cues
            else:
                self.closed.add(word)
        return cues


def _first_token(phrase: str) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The words and stems (``sanction*``) of a phrase's first token, lower-cased; ``None``
    when one of them is not a plain ASCII word (then the pattern alone decides)."""
    words: set[str] = set()
    stems: list[str] = []
    for alt in phrase.split()[0].split("|"):
        bare = alt[:-1] if alt.endswith("*") else alt
        if not (bare.isascii() and bare.isalnum()):
            return None, ()
        if alt.endswith("*"):
            stems.append(bare.lower())
        else:
            words.add(bare.lower())
    return frozenset(words), tuple(stems)


def _later_tokens(phrase: str) -> tuple[tuple[bytes, ...], ...] | None:
    """The lower-cased alternatives of each token after the first, stems cut at ``*``;
    ``None`` unless all are ASCII (case-insensitive matching may read other letters as ASCII
    ones, so a substring test on them could miss a match)."""
    later = tuple(
        tuple(alt.rstrip("*").lower() for alt in token.split("|"))
        for token in phrase.split()[1:]
        if token not in ("~", "~~")
    )
    if not all(alt.isascii() for alts in later for alt in alts):
        return None
    return tuple(tuple(alt.encode("ascii") for alt in alts) for alts in later)


@functools.lru_cache(maxsize=32)
def _lexicon(target: Target) -> _Lexicon:
    compiled = []
    index: dict[str, list[int]] = {}
    for number, cue in enumerate(target.cues):
        pattern, keys = _compile_phrase(cue.phrase)
        first_words, first_stems = _first_token(cue.phrase)
        compiled.append(
            _CompiledCue(
                cue=cue,
                pattern=pattern,
                negates=bool(NEGATOR.search(cue.phrase)),
                first_words=first_words,
                first_stems=first_stems,
                later=_later_tokens(cue.phrase),
                number=number,
            )
        )
        for k in keys[0]:
            index.setdefault(k, []).append(number)
    # ``\b`` is enough here: each cue's own pattern checks that it starts a whole word. The
    # rest of the word is taken along (the same openings: none can start inside a word).
    finders = {
        k: regex.compile(r"\b" + regex.escape(k) + (r"\b" if len(k) < _KEY else r"\w*"), regex.I)
        for k in index
    }
    return _Lexicon(
        cues=tuple(compiled),
        index={k: tuple(v) for k, v in index.items()},
        finders=finders,
        by_key={k: tuple(compiled[n] for n in v) for k, v in index.items()},
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


def _region_hits(lexicon: _Lexicon, text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """``(cue number, start, end)`` of every cue of *lexicon* matching at a word of the region."""
    plain = plain_bytes(text, lo, hi)
    if plain is None:
        return _region_hits_unicode(lexicon, text, lo, hi)
    # The region's distinct words, minus those known to open no cue (see _scan).
    low, runs = plain
    hits: list[tuple[int, int, int]] = []
    for word in set(runs.split()).difference(lexicon.closed):
        # The cues this word may open whose later words are all in the region.
        cues = [c for c in lexicon.opened_by(word) if c.later is None or _has_each(low, c.later)]
        if not cues:
            continue
        for at in run_starts(runs, word):
            start = lo + at
            for compiled in cues:
                m = compiled.pattern.match(text, start, hi)
                if m is not None:
                    hits.append((compiled.number, m.start(), m.end()))
    return hits


def _has_each(low: bytes, later: tuple[tuple[bytes, ...], ...]) -> bool:
    """Whether *low* holds one alternative of each token."""
    for alternatives in later:
        for alternative in alternatives:
            if alternative in low:
                break
        else:
            return False
    return True


def _region_hits_unicode(
    lexicon: _Lexicon, text: str, lo: int, hi: int
) -> list[tuple[int, int, int]]:
    """:func:`_region_hits` for any text, with ``regex`` throughout (the reference path)."""
    # Cheap first pass: which cue openings occur at all (most quotes have none).
    present = lexicon.index.keys() & {w[:_KEY] for w in _WORDS.findall(text[lo:hi].lower())}
    hits: list[tuple[int, int, int]] = []
    for k in present:
        for opening in lexicon.finders[k].finditer(text, lo, hi):
            start = opening.start()
            word = opening.group()
            low = word.lower() if word.isascii() else None
            for number in lexicon.index[k]:
                compiled = lexicon.cues[number]
                if (
                    low is not None
                    and compiled.first_words is not None
                    and low not in compiled.first_words
                    and not low.startswith(compiled.first_stems)
                ):
                    continue  # its first word is not this one (the pattern would fail)
                m = compiled.pattern.match(text, start, hi)
                if m is not None:
                    hits.append((number, m.start(), m.end()))
    return hits


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
    found = _find_cues(text, target, segments, sentence, context_weight)
    _LAST[0] = (text, target, segments, sentence, context_weight, found)
    return found


#: The last call of :func:`find_cues` and its result (one tuple, replaced whole).
_LAST: list[
    tuple[str, Target, tuple[Span, ...], Span | None, float, tuple[CueMatch, ...]] | None
] = [None]


@functools.lru_cache(maxsize=32)
def _find_cues(
    text: str,
    target: Target,
    segments: tuple[Span, ...],
    sentence: Span | None,
    context_weight: float,
) -> tuple[CueMatch, ...]:
    lexicon = _lexicon(target)
    if sentence is not None and all(
        sentence.start <= s.start and s.end <= sentence.end for s in segments
    ):
        regions = [(sentence.start, sentence.end)]  # what _merge gives: the usual case
    else:
        regions = _merge([*segments, *([sentence] if sentence is not None else [])])
    found: list[CueMatch] = []
    for lo, hi in regions:
        hits = _region_hits(lexicon, text, lo, hi)
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

    >>> from nkquotes.stance import StanceInput, builtin_target
    >>> item = StanceInput.from_text("No sanctions should be lifted.")
    >>> RuleStanceModel().predict(item, builtin_target()).label
    'pressure'
    """

    context_weight: float = attrs.field(default=0.5)
    min_weight: float = attrs.field(default=0.5)

    def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
        """The label the cues support, or ``None`` (abstain)."""
        text = item.text
        segments = item.quote.segments
        matches = find_cues(
            text, target, segments, item.sentence, context_weight=self.context_weight
        )
        decided = _decide(matches, target, self.min_weight)
        if decided is None and item.sentence is not None:
            decided = self._answer(item, target, matches)
        if decided is None:
            return None
        label, score, evidence = decided
        return StanceResult(target=target.name, label=label, score=score, evidence=evidence)

    def _answer(
        self, item: StanceInput, target: Target, matches: tuple[CueMatch, ...]
    ) -> tuple[str, float, tuple[Span, ...]] | None:
        """A cue-less reply takes its stance from the sentence it answers."""
        if any(m.weight > 0 for m in matches):
            return None
        sentence = item.sentence
        assert sentence is not None
        text = item.text
        low = ascii_fold(text[sentence.start : sentence.end])
        rebut = _REBUT.search(text, sentence.start, sentence.end) if _may_rebut(low) else None
        agree = (
            _AGREE.search(text, sentence.start, sentence.end)
            if rebut is None and _may_agree(low)
            else None
        )
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
