"""Character sets that let the quote finder test a few hot patterns with ``str`` lookups.

Each set is exactly what a ``regex`` class matches, so a fast path built on them gives the
same answer as the pattern it stands in for (``tests/test_quotes_fast.py`` checks the sets
against ``regex`` over every code point, and each fast path against its pattern).
"""

from __future__ import annotations

__all__ = ["ASCII_WORD", "HSPACE", "LOWER"]

#: ``[^\S\n]``: white space other than a line feed (``regex``'s Unicode ``\s``).
HSPACE = frozenset(
    "\t\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: ``\w`` restricted to ASCII (outside ASCII the fast paths defer to the pattern).
ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
#: ``[a-z]``.
LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
