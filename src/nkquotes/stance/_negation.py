"""English modifiers of a lexicon cue: negation scope, opposition, hedges, contrast, mention.

These are properties of English news prose, not of a target, so they live here and every
target's cues get them. All patterns are compiled once; every window is bounded.

Given a cue found at ``[start, end)`` inside a region of the text, :func:`modify` returns
how the cue counts: whether its label flips (an odd number of negators or opposition words
in its scope), the factor on its weight (hedged, conceded, quoted as a name, relayed from a
third party) and the spans of the modifiers that decided it (they become evidence).
"""

from __future__ import annotations

import attrs
import regex

from nkquotes._model import Span

__all__ = ["NEGATOR", "Modification", "modify"]

#: Words and the punctuation that ends a clause.
_TOKEN = regex.compile(r"\w+(?:['’]\w+)*|[.;:!?,]")
_CLAUSE_END = frozenset(".;:!?")

#: Negators of the verb phrase that follows (scope: five words, same clause).
_NEG_VERBAL = regex.compile(
    r"not|never|cannot|neither|nor|\w+n['’]t|no\s+longer|hardly", regex.IGNORECASE
)
#: Any negating word, to tell cues that carry their own negation (``no hostile intent``).
NEGATOR = regex.compile(
    r"(?<!\w)(?:not|never|cannot|neither|nor|no|without|none|\w+n['’]t)(?!\w)", regex.IGNORECASE
)
#: Negating determiners (scope: the next three words, the noun phrase they open).
_NEG_DET = regex.compile(r"no|without|none|zero", regex.IGNORECASE)
#: Opposition: the speaker is against what follows (scope: six words, same clause).
_OPPOSE = regex.compile(
    r"stop\w*|end|ending|ended|halt\w*|oppos\w*|against|reject\w*|refus\w*|abandon\w*"
    r"|resist\w*|critici[sz]\w*|condemn\w*|denounc\w*|slam\w*|instead|rather|scrap\w*"
    r"|revers\w*|undo|drop|dropped|dropping|accus\w*|blam\w*"
    r"|protest\w*|withdraw\w*|incit\w*|indignation|outrage\w*|skip\w*",
    regex.IGNORECASE,
)
#: Negative verdicts on what precedes them in the clause (scope: eight words after).
_VERDICT = regex.compile(
    r"wrong|mistake\w*|miscalculation\w*|counter-?productive|backfir\w*|useless|futile"
    r"|ineffective|fail\w*|doomed|worn-out|oppose",
    regex.IGNORECASE,
)
#: Hedges and conditions: the cue still counts, less (scope: six words before).
_HEDGE = regex.compile(
    r"might|may|could|perhaps|possibly|maybe|if|unless|consider\w*|some|little|partial\w*",
    regex.IGNORECASE,
)
#: Opening a conceded clause (``while more can be done …, …``): the cue counts half.
_CONCEDE = regex.compile(r"while|although|though|whereas|granted", regex.IGNORECASE)
#: Turning to the point after a concession: the rest of the sentence counts more.
_CONTRAST = regex.compile(r"but|however|yet|nevertheless|nonetheless", regex.IGNORECASE)
#: Someone else's demand, reported by the speaker (``undermined by calls for …``).
_RELAYED = regex.compile(r"\bby\s+(?:calls?|demands?|pushe?s?|appeals?)\s+for\b", regex.IGNORECASE)
_QUOTE_MARKS = frozenset("\"'“”‘’«»")

_WINDOW_CHARS = 160


@attrs.frozen(kw_only=True)
class Modification:
    """How one cue match counts after its context is read."""

    flipped: bool = False
    factor: float = 1.0
    evidence: tuple[Span, ...] = ()


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _clause_before(text: str, lo: int, start: int) -> list[tuple[str, int, int]]:
    """The words of the clause before *start* (after the last ``.;:!?`` or comma)."""
    tokens = _tokens(text, max(lo, start - _WINDOW_CHARS), start)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i][0] in _CLAUSE_END or tokens[i][0] == ",":
            return tokens[i + 1 :]
    return tokens


def modify(
    text: str, region: Span, start: int, end: int, *, count_inside: bool = True
) -> Modification:
    """Read the context of the cue at ``[start, end)`` inside *region* of *text*.

    *count_inside* is false for a cue whose own words negate (``no hostile intent``).
    """
    lo, hi = region.start, region.end
    before = _clause_before(text, lo, start)
    words = [t for t in before if t[0] not in _CLAUSE_END and t[0] != ","]
    evidence: list[Span] = []
    flips = 0
    factor = 1.0
    last = len(words)
    for i, (word, s, e) in enumerate(words):
        distance = last - i
        negates = (distance <= 5 and _NEG_VERBAL.fullmatch(word)) or (
            distance <= 3 and _NEG_DET.fullmatch(word)
        )
        if negates or (distance <= 6 and _OPPOSE.fullmatch(word)):
            flips += 1
            evidence.append(Span.of(text, s, e))
        elif distance <= 6 and _HEDGE.fullmatch(word):
            factor = min(factor, 0.6)
    # Negators inside the cue itself (``sanctions should not be lifted``).
    for word, s, e in _tokens(text, start, end) if count_inside else ():
        if _NEG_VERBAL.fullmatch(word) or word.lower() == "no":
            flips += 1
            evidence.append(Span.of(text, s, e))
    # A negative verdict later in the same clause (``… sent the wrong message``).
    after = _tokens(text, end, min(hi, end + _WINDOW_CHARS))
    for n, (word, s, e) in enumerate(after):
        if word in _CLAUSE_END or word == "," or n >= 8:
            break
        if _VERDICT.fullmatch(word):
            flips += 1
            evidence.append(Span.of(text, s, e))
            break
    # A conceded clause counts half; a clause after ``but`` counts more.
    if words and _CONCEDE.fullmatch(words[0][0]):
        factor *= 0.5
    sentence_before = _tokens(text, max(lo, start - _WINDOW_CHARS), start)
    for word, _s, _e in reversed(sentence_before):
        if word in _CLAUSE_END:
            break
        if _CONTRAST.fullmatch(word):
            factor *= 1.5
            break
    if _contrast_follows(text, end, hi):
        factor *= 0.5
    # A slogan in quotation marks is named, not argued for.
    if start > lo and end < hi and text[start - 1] in _QUOTE_MARKS and text[end] in _QUOTE_MARKS:
        factor *= 0.3
    if _RELAYED.search(text, max(lo, start - 40), end):
        factor = 0.0
    return Modification(flipped=flips % 2 == 1, factor=factor, evidence=tuple(evidence))


def _contrast_follows(text: str, end: int, hi: int) -> bool:
    """Whether ``, but`` (or ``however``) turns the same sentence after the cue."""
    for word, _s, _e in _tokens(text, end, min(hi, end + _WINDOW_CHARS)):
        if word in _CLAUSE_END:
            return False
        if _CONTRAST.fullmatch(word):
            return True
    return False
