"""Character sets that let the quote finder test a few hot patterns with ``str`` lookups.

Each set is exactly what a ``regex`` class matches, so a fast path built on them gives the
same answer as the pattern it stands in for (``tests/test_quotes_fast.py`` checks the sets
against ``regex`` over every code point, and each fast path against its pattern).
"""

from __future__ import annotations

__all__ = [
    "ASCII_WORD",
    "HSPACE",
    "LOWER",
    "after_space",
    "ends_before_space",
    "starts_after_space",
]

#: ``[^\S\n]``: white space other than a line feed (``regex``'s Unicode ``\s``).
HSPACE = frozenset(
    "\t\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: ``\w`` restricted to ASCII (outside ASCII the fast paths defer to the pattern).
ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
#: ``[a-z]``.
LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def after_space(text: str, pos: int, hi: int, comma: bool = False) -> int:
    """Where the text goes on after the white space from *pos* (and one comma with the white
    space after it, when *comma*), before *hi*."""
    q = pos
    while q < hi and text[q] in HSPACE:
        q += 1
    if comma and q < hi and text[q] == ",":
        q += 1
        while q < hi and text[q] in HSPACE:
            q += 1
    return q


def starts_after_space(
    text: str, pos: int, hi: int, words: tuple[str, ...], comma: bool = False
) -> bool:
    """Whether one of *words* starts after white space from *pos* (and one comma, when
    *comma*), before *hi*: the necessary opening of patterns such as ``[^\\S\\n]*+that``."""
    # after_space, inlined: a Python call costs more than the loop on this hot path
    q = pos
    while q < hi and text[q] in HSPACE:
        q += 1
    if comma and q < hi and text[q] == ",":
        q += 1
        while q < hi and text[q] in HSPACE:
            q += 1
    return text.startswith(words, q, hi)


def ends_before_space(text: str, lo: int, pos: int, words: tuple[str, ...]) -> bool:
    """Whether one of *words* ends right before the white space that ends at *pos*, after
    *lo*: the necessary ending of backward patterns such as ``(?:who|which)[^\\S\\n]*+\\Z``."""
    p = pos
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    return text.endswith(words, lo, p)
