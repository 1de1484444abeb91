"""What may stand between a cue and its content or speaker: times, venues, channels, and
the listener after ``told``. Each match is bounded, so stepping over them is linear.
"""

from __future__ import annotations

import regex

from nkquotes import _lazyregex
from nkquotes._quotes_fast import HSPACE
from nkquotes._timex import WEEKDAY

__all__ = ["LISTENER", "skip_listener", "skip_modifiers"]

# What may stand between a cue and its content or speaker: times, venues, channels.
_DAY = WEEKDAY
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_NAMES = r"[\p{Lu}][\w.’'&-]*+(?:[^\S\n]+[\p{Lu}][\w.’'&-]*+){0,5}"
_MODIFIER = _lazyregex.compile(
    r"[^\S\n]*,?[^\S\n]*(?:"
    r"(?:on|last|this|early|late|by)?[^\S\n]*" + _DAY + r"(?:[^\S\n]+(?:morning|afternoon|"
    r"evening|night))?(?:,[^\S\n]*" + _MONTH + r"[^\S\n]+\d{1,2})?"
    r"|(?:on[^\S\n]+)?" + _MONTH + r"[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?"
    r"|(?:last|this|next|earlier this|late last|early last)[^\S\n]+"
    r"(?:week|month|year|weekend|spring|summer|fall|autumn|winter|night|time)"
    r"|(?:earlier|later|today|yesterday|tonight|recently|previously|again|also|then|once"
    r"|on[^\S\n]+(?:Twitter|Facebook|X|Instagram|Telegram|television|TV|radio))"
    r"|(?:in|during|at|via|through|to|on)[^\S\n]+(?:a|an|the|his|her|their|its)[^\S\n]+"
    r"(?:[\w’'-]+[^\S\n]+){0,3}?(?:statement|interview|briefing|speech|conference|"
    r"news[^\S\n]+conference|press[^\S\n]+conference|meeting|hearing|address|remarks|"
    r"post|tweet|message|letter|report|commentary|editorial|broadcast|appearance|"
    r"rally|event|forum|summit|session|call|testimony|video|email|e-mail|dispatch|"
    r"communique|note|announcement|op-ed|column|article|podcast|show|program|programme|"
    r"debate|town[^\S\n]+hall|gaggle|visit|trip|stop|luncheon|dinner|ceremony|vigil)"
    r"(?:[^\S\n]+(?:with|to|on|at|in|carried[^\S\n]+by|released[^\S\n]+by|published[^\S\n]+"
    r"by|by|from)[^\S\n]+(?:the[^\S\n]+)?" + _NAMES + ")?"
    r"|(?:in|to|via|through)[^\S\n]+(?:remarks|reporters|journalists|lawmakers|the[^\S\n]+"
    r"media|the[^\S\n]+press|state[^\S\n]+media)"
    r"|via[^\S\n]+(?:the[^\S\n]+)?" + _NAMES + r""
    r"|[—–][^—–\n]{1,80}+[—–]"
    r"|(?:citing|quoting)[^\S\n]+[^,;:\n\"“”]{1,80}?,(?=[^\S\n]*that\b)"
    r")(?![\w])"
)

LISTENER = _lazyregex.compile(
    r"[^\S\n]*+(?:(?:the|a|an|his|her|their|its)[^\S\n]+)?"
    r"(?:[\p{Lu}][\w.’'&-]*+(?:[^\S\n]+(?:of[^\S\n]+)?[\p{Lu}][\w.’'&-]*+){0,5}"
    r"|reporters|journalists|lawmakers|legislators|senators|members|supporters|"
    r"him|her|them|us|me|parliament|congress|the[^\S\n]+\w+|aides|officials|"
    r"[\w-]+[^\S\n]+(?:reporters|journalists|lawmakers|officials|leaders|media))"
    r"(?=[\s,.;:]|\Z)"
)


def skip_listener(text: str, pos: int, hi: int) -> int:
    """Step over the listener after ``told`` (``reporters``, ``The Associated Press``)."""
    m = LISTENER.match(text, pos, hi)
    return m.end() if m is not None else pos


#: What every alternative of :data:`_MODIFIER` opens with: one of these words (a prefix of
#: the word there) or a weekday name (whose first letters are read off :data:`WEEKDAY`,
#: which another module owns).
_OPENERS = (
    *("on", "last", "this", "early", "late", "by", "next", "earlier", "today", "yesterday"),
    *("tonight", "recently", "previously", "again", "also", "then", "once", "in", "during"),
    *("at", "via", "through", "to", "citing", "quoting", "—", "–"),
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)
_DAY_FIRSTS = frozenset(w[0] for w in regex.findall(r"[A-Za-z]+", _DAY))


def skip_modifiers(text: str, pos: int, hi: int) -> int:
    """Step over times, venues and channels after a cue (``Wednesday``, ``in a statement``)."""
    modifier = _MODIFIER.compiled.match
    for _ in range(4):
        # A modifier opens after white space and at most one comma with one of _OPENERS or
        # a weekday: anything else cannot match, and most cues are followed by something else
        # ("that", "the").
        q = pos  # after_space(text, pos, hi, comma=True), inlined
        while q < hi and text[q] in HSPACE:
            q += 1
        if q < hi and text[q] == ",":
            q += 1
            while q < hi and text[q] in HSPACE:
                q += 1
        if q >= hi or not (text.startswith(_OPENERS, q, hi) or text[q] in _DAY_FIRSTS):
            break
        m = modifier(text, pos, hi)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos
