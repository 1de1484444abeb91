"""Patterns of the quote finder tried only behind a cheap, necessary ``str`` test.

Most cues meet none of these patterns, and a ``str`` test that every match needs (a word
that must follow, a first letter) turns them away without running the pattern; where the
test passes the pattern decides, so the answer is always the pattern's own
(``tests/test_quotes_fast.py`` checks each guard against its bare pattern).
"""

from __future__ import annotations

import regex

from nkquotes import _lazyregex
from nkquotes._quotes_fast import HSPACE
from nkquotes._sentences import wordset

#: ``[A-Za-z0-9]``: the characters of the words that may end an ``_AUX_BACK`` match.
ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

__all__ = [
    "BY",
    "PP_THAT",
    "POSTMODIFIER_BACK",
    "RELATIVE_BACK",
    "THAT",
    "by_after",
    "no_aux",
    "postmodifier_back",
    "pp_that_after",
    "relative_back",
    "that_after",
]

BY = _lazyregex.compile(r"[^\S\n]+by[^\S\n]+")
THAT = _lazyregex.compile(r"[^\S\n]*+,?[^\S\n]*+that\b[^\S\n]*+")
#: "said in a statement on Friday that": a phrase, then "that".
PP_THAT = _lazyregex.compile(
    r"[^\S\n]*+(?:ahead|in|at|on|during|after|before|following|from|via|through|to|with|for)\b"
    r"(?:[^,;.\n\"“”]|,[^\S\n]++(?=\p{Lu})){1,60}?,?[^\S\n]*+\bthat\b[^\S\n]*+"
)
_PP_WORDS = (
    *("ahead", "in", "at", "on", "during", "after", "before", "following", "from", "via"),
    *("through", "to", "with", "for"),
)
RELATIVE_BACK = _lazyregex.compile(r"(?r)(?P<comma>,)?[^\S\n]*+\b(?:who|which)[^\S\n]*+")
#: A post-modifier between a speaker and its cue, read backwards: "close to", "carried by".
POSTMODIFIER_BACK = _lazyregex.compile(
    r"(?r)(?<![\w-])(?:(?:close|closer|familiar|loyal|allied|aligned|affiliated|connected|"
    r"sympathetic|friendly)[^\S\n]+(?:to|with)"
    r"|(?:[a-z]{3,}ed|written|sent|run|led|given|read|held|signed)[^\S\n]+by)[^\S\n]+\Z"
)


def by_after(text: str, pos: int, hi: int) -> regex.Match[str] | None:
    """``BY.match``, tried only where "by" follows white space."""
    # starts_after_space, inlined here and below: a Python call costs more than its loop
    if pos < hi and text[pos] in HSPACE:
        q = pos + 1
        while q < hi and text[q] in HSPACE:
            q += 1
        if text.startswith("by", q, hi):
            return BY.match(text, pos, hi)
    return None


def that_after(text: str, pos: int, hi: int) -> regex.Match[str] | None:
    """``THAT.match``, tried only where "that" follows white space and a comma."""
    q = pos
    while q < hi and text[q] in HSPACE:
        q += 1
    if q < hi and text[q] == ",":
        q += 1
        while q < hi and text[q] in HSPACE:
            q += 1
    if text.startswith("that", q, hi):
        return THAT.match(text, pos, hi)
    return None


def pp_that_after(text: str, pos: int, hi: int) -> regex.Match[str] | None:
    """``PP_THAT.match``, tried only where one of its prepositions follows white space."""
    q = pos
    while q < hi and text[q] in HSPACE:
        q += 1
    if text.startswith(_PP_WORDS, q, hi):
        return PP_THAT.match(text, pos, hi)
    return None


#: The last word of every lowercase alternative of ``_quotes_mention._AUX_BACK``
#: (``[a-z]+ly`` aside).
_AUX_LAST = wordset(
    "has have had did does do also then later instead too reportedly repeatedly now still"
    " long always already even just first initially originally previously recently once"
    " again further earlier publicly privately separately similarly likewise often"
    " frequently quickly immediately subsequently simply flatly today yesterday week month"
    " year"
)


#: The capitalised words and numbers that may end a match of ``_AUX_BACK``: weekdays,
#: and the months after "in" or "on" (a year too: four digits).
_AUX_NAMES = wordset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December"
)


#: How each word that may end a match ends: the words themselves and "ly" (a year ends
#: with a digit, maybe outside ASCII).
_AUX_ENDINGS = (*_AUX_LAST, *_AUX_NAMES, "ly")
_DIGITS = frozenset("0123456789")


def no_aux(text: str, lo: int, cue_start: int) -> bool:
    """Whether ``_quotes_mention._AUX_BACK`` surely fails before *cue_start* (``str`` only).

    A match ends with white space after a whole word (a lookbehind opens each alternative,
    and no alternative holds a character outside ``[A-Za-z0-9]`` after its last space):
    a lowercase word of :data:`_AUX_LAST`, an ``-ly`` adverb, a name of :data:`_AUX_NAMES`
    or a year. A character outside ASCII before the word may be part of it: the pattern is
    asked.
    """
    p = cue_start
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    if p == cue_start:
        return True
    last = text[p - 1] if p > lo else ""
    if last < "\x80" and last not in _DIGITS and not text.endswith(_AUX_ENDINGS, lo, p):
        return True  # no word that may end a match ends here ("Trump", "officials")
    q = p
    while q > lo and text[q - 1] in ASCII_ALNUM:
        q -= 1
    if q > lo and not text[q - 1].isascii():
        return False
    word = text[q:p]
    if word in _AUX_LAST or word in _AUX_NAMES:
        return False
    if len(word) >= 3 and word.endswith("ly") and word.islower():
        return False
    return not (len(word) == 4 and word.isdigit())


def relative_back(text: str, lo: int, pos: int) -> regex.Match[str] | None:
    """``RELATIVE_BACK.match``, tried only where "who" or "which" ends the window."""
    # ends_before_space, inlined here and below
    p = pos
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    if text.endswith(("who", "which"), lo, p):
        return RELATIVE_BACK.match(text, lo, pos)
    return None


def postmodifier_back(text: str, lo: int, pos: int) -> regex.Match[str] | None:
    """``POSTMODIFIER_BACK.match``, tried only where "to", "with" or "by" and white space
    end the window."""
    if lo < pos and text[pos - 1] in HSPACE:
        p = pos - 1
        while p > lo and text[p - 1] in HSPACE:
            p -= 1
        if text.endswith(_POST_LAST, lo, p):
            return POSTMODIFIER_BACK.match(text, lo, pos)
    return None


_POST_LAST = ("to", "with", "by")
