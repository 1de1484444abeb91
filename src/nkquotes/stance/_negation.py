"""English modifiers of a lexicon cue: negation scope, opposition, hedges, contrast, mention.

These are properties of English news prose, not of a target, so they live here and every
target's cues get them. All patterns are compiled once; every window is bounded.

Given a cue made of some tokens of a region of the text, :func:`modify` returns
how the cue counts: whether its label flips (an odd number of negators or opposition words
in its scope), the factor on its weight (hedged, conceded, quoted as a name, relayed from a
third party) and the spans of the modifiers that decided it (they become evidence).
"""

from __future__ import annotations

import functools

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._model import Span

__all__ = ["NEGATOR", "Modification", "Token", "modify", "tokenize"]

#: Words (``U.S.`` is one) and the punctuation that ends a clause.
_TOKEN = _lazyregex.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['’-]\w+)*|[.;:!?,]")
_CLAUSE_END = frozenset(".;:!?")

#: Negators of the verb phrase that follows (scope: five words, same clause).
_NEG_VERBAL = _lazyregex.compile(
    r"not|never|cannot|neither|nor|\w+n['’]t|no\s+longer|hardly", regex.IGNORECASE
)
#: Any negating word, to tell cues that carry their own negation (``no hostile intent``).
NEGATOR = _lazyregex.compile(
    r"(?<!\w)(?:not|never|cannot|neither|nor|no|without|none|\w+n['’]t)(?!\w)", regex.IGNORECASE
)
#: Negating determiners (scope: the next three words, the noun phrase they open).
_NEG_DET = _lazyregex.compile(r"no|without|none|zero", regex.IGNORECASE)
#: Opposition: the speaker is against what follows (scope: four words, same clause).
_OPPOSE = _lazyregex.compile(
    r"stop\w*|end|ending|ended|halt\w*|oppos\w*|against|reject\w*|refus\w*|abandon\w*"
    r"|resist\w*|critici[sz]\w*|condemn\w*|denounc\w*|slam\w*|scrap\w*"
    r"|revers\w*|undo|drop|dropped|dropping|accus\w*|blam\w*"
    r"|protest\w*|withdraw\w*|incit\w*|indignation|outrage\w*|skip\w*",
    regex.IGNORECASE,
)
#: Negative verdicts on what precedes them in the clause (scope: eight words after).
_VERDICT = _lazyregex.compile(
    r"wrong|mistake\w*|miscalculation\w*|counter-?productive|backfir\w*|useless|futile"
    r"|ineffective|fail\w*|doomed|worn-out|oppose",
    regex.IGNORECASE,
)
#: Hedges and conditions: the cue still counts, less (scope: six words before).
_HEDGE = _lazyregex.compile(
    r"might|may|could|perhaps|possibly|maybe|if|unless|consider\w*|some|little|partial\w*",
    regex.IGNORECASE,
)
#: Opening a conceded clause (``while more can be done …, …``): the cue counts half.
_CONCEDE = _lazyregex.compile(r"while|although|though|whereas|granted", regex.IGNORECASE)
#: Turning to the point after a concession: the rest of the sentence counts more.
_CONTRAST = _lazyregex.compile(r"but|however|yet|nevertheless|nonetheless", regex.IGNORECASE)
#: Someone else's demand, reported by the speaker (``undermined by calls for …``).
_RELAYED = _lazyregex.compile(
    r"\bby\s+(?:calls?|demands?|pushe?s?|appeals?)\s+for\b", regex.IGNORECASE
)
_CONDITION = frozenset(("if", "unless"))
_QUOTE_MARKS = frozenset("\"'“”‘’«»")

_NEG_VERBAL_BIT, _NEG_DET_BIT, _OPPOSE_BIT, _VERDICT_BIT = 1, 2, 4, 8
_HEDGE_BIT, _CONCEDE_BIT, _CONTRAST_BIT, _PUNCT_BIT = 16, 32, 64, 128

#: A token: its lower-cased word (or clause punctuation) and its offsets.
Token = tuple[str, int, int]


@functools.lru_cache(maxsize=8192)
def _kind(word: str) -> int:
    """What a (lower-cased) token does to the cues around it, as bits."""
    if word in _CLAUSE_END or word == ",":
        return _PUNCT_BIT
    bits = 0
    for bit, pattern in (
        (_NEG_VERBAL_BIT, _NEG_VERBAL),
        (_NEG_DET_BIT, _NEG_DET),
        (_OPPOSE_BIT, _OPPOSE),
        (_VERDICT_BIT, _VERDICT),
        (_HEDGE_BIT, _HEDGE),
        (_CONCEDE_BIT, _CONCEDE),
        (_CONTRAST_BIT, _CONTRAST),
    ):
        if pattern.fullmatch(word):
            bits |= bit
    return bits


@attrs.frozen(kw_only=True)
class Modification:
    """How one cue match counts after its context is read."""

    flipped: bool = False
    factor: float = 1.0
    evidence: tuple[Span, ...] = ()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The words (hyphens and apostrophes inside them kept) and clause punctuation."""
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def modify(
    text: str,
    tokens: list[Token],
    first: int,
    stop: int,
    *,
    count_inside: bool = True,
    judgement: bool = False,
    name: bool = False,
) -> Modification:
    """Read the context of the cue made of ``tokens[first:stop]`` (a region's tokens).

    *count_inside* is false for a cue whose own words negate (``no hostile intent``); a
    *judgement* is not reversed by opposing words, only by negation; a *name* counts little
    when it stands in quotation marks.
    """
    evidence: list[Span] = []
    flips = 0
    factor = 1.0
    # The clause before the cue: back to a comma or the end of the previous sentence.
    clause = first
    while clause > 0 and not _kind(tokens[clause - 1][0]) & _PUNCT_BIT:
        clause -= 1
    clause = max(clause, first - 12)
    # In a condition (``if the US doesn't turn down the heat, …``) a negation states what
    # the speaker demands, so it does not reverse the cue.
    conditional = any(tokens[i][0] in _CONDITION for i in range(clause, first))
    for i in range(clause, first):
        word, s, e = tokens[i]
        bits = _kind(word)
        distance = first - i
        # A judgement is negated only right before it (``not hostile``, ``no hostility``).
        reach = 2 if judgement else 5
        negates = not conditional and (
            (distance <= reach and bits & _NEG_VERBAL_BIT)
            or (distance <= min(reach, 3) and bits & _NEG_DET_BIT)
        )
        if negates or (not judgement and distance <= 4 and bits & _OPPOSE_BIT):
            flips += 1
            evidence.append(Span.of(text, s, e))
        elif distance <= 6 and bits & _HEDGE_BIT:
            factor = min(factor, 0.6)
    # Negators inside the cue itself (``sanctions should not be lifted``).
    if count_inside:
        for word, s, e in tokens[first:stop]:
            if _kind(word) & _NEG_VERBAL_BIT or word == "no":
                flips += 1
                evidence.append(Span.of(text, s, e))
    # A negative verdict later in the same clause (``… sent the wrong message``).
    for word, s, e in () if judgement else tokens[stop : stop + 8]:
        bits = _kind(word)
        if bits & _PUNCT_BIT:
            break
        if bits & _VERDICT_BIT:
            flips += 1
            evidence.append(Span.of(text, s, e))
            break
    # A conceded clause counts half; a clause after ``but`` counts more, before it less.
    if clause < first and _kind(tokens[clause][0]) & _CONCEDE_BIT:
        factor *= 0.5
    for i in range(first - 1, max(-1, first - 40), -1):
        word = tokens[i][0]
        if word in _CLAUSE_END:
            break
        if _kind(word) & _CONTRAST_BIT:
            factor *= 1.5
            break
    for word, _s, _e in tokens[stop : stop + 40]:
        if word in _CLAUSE_END:
            break
        if _kind(word) & _CONTRAST_BIT:
            factor *= 0.5
            break
    # A slogan in quotation marks is named, not argued for.
    start, end = tokens[first][1], tokens[stop - 1][2]
    quoted = start > 0 and end < len(text) and text[start - 1] in _QUOTE_MARKS
    if name and quoted and text[end] in _QUOTE_MARKS:
        factor *= 0.3
    # Someone else's demand relayed (``undermined by calls for …``).
    if _RELAYED.search(text, max(tokens[max(0, first - 4)][1], start - 40), end):
        factor = 0.0
    return Modification(flipped=flips % 2 == 1, factor=factor, evidence=tuple(evidence))
