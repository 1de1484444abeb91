"""The tokens of a speaker mention, read one at a time next to a cue.

A token is a parenthesised tag (``(R-CO)``) or a run of letters, digits and ``.'’&-``
opening with a letter or a digit. :data:`TOKEN_BACK` and :data:`TOKEN_FWD` read one token
before / after a position; :func:`token_back` and :func:`token_fwd` give their answer
with ``str`` lookups while the text is ASCII (or ``’``), several times faster than a
pattern call, and ask the pattern at the first other character
(``tests/test_quotes_tokens.py`` checks them against the patterns).
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._quotes_fast import HSPACE

__all__ = ["TOKEN", "TOKEN_BACK", "TOKEN_FWD", "token_back", "token_fwd"]

TOKEN = r"(?:\([^()\n]{1,30}\)|[\p{L}\p{N}][\p{L}\p{N}.'’&-]*)"
TOKEN_BACK = _lazyregex.compile(r"(?r)(?P<tok>" + TOKEN + r")[^\S\n]*")
TOKEN_FWD = _lazyregex.compile(r"[^\S\n]*(?P<tok>" + TOKEN + r")")

#: ``[\p{L}\p{N}]`` within ASCII.
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: The characters of a token other than its first: ASCII letters and digits, ``.'’&-``.
_TAIL = _ALNUM | frozenset(".'’&-")
_PUNCT = frozenset(".'’&-")
_TAIL_CHARS = "".join(sorted(_TAIL))
_STEP = 24
_PAREN_STOP = frozenset("()\n")
#: Most characters inside a parenthesised token.
_PAREN_MAX = 30


def token_back(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The span of ``TOKEN_BACK.match(text, lo, pos)``'s token, or ``None``."""
    p = pos
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    if p == lo:
        return None
    if text[p - 1] == ")":
        # the inner run stops at "(", ")", a line feed, 30 characters or lo; "(" must follow
        q = p - 1
        while p - 1 - q < _PAREN_MAX and q > lo and text[q - 1] not in _PAREN_STOP:
            q -= 1
        if q < p - 1 and q > lo and text[q - 1] == "(":
            return q - 1, p
        return None
    # the ASCII run before p, found by str.rstrip a short window at a time (in C); inline,
    # as a Python call costs more than this body
    end = p
    while True:
        a = end - _STEP
        if a < lo:
            a = lo
        start = a + len(text[a:end].rstrip(_TAIL_CHARS))
        if start > a or a == lo:
            break
        end = a
    if start > lo and text[start - 1] >= "\x80":
        # a letter or digit outside ASCII may go on the token: the pattern decides
        m = TOKEN_BACK.match(text, lo, pos)
        return m.span("tok") if m is not None else None
    # the token opens with a letter or a digit: punctuation at the front is not part of it
    while start < p and text[start] in _PUNCT:
        start += 1
    return (start, p) if start < p else None


def token_fwd(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The span of ``TOKEN_FWD.match(text, pos, hi)``'s token, or ``None``."""
    q = pos
    while q < hi and text[q] in HSPACE:
        q += 1
    if q >= hi:
        return None
    c = text[q]
    if c == "(":
        r = q + 1
        while r - q - 1 < _PAREN_MAX and r < hi and text[r] not in _PAREN_STOP:
            r += 1
        if r > q + 1 and r < hi and text[r] == ")":
            return q, r + 1
        return None
    if c not in _ALNUM:
        if c < "\x80":
            return None
        m = TOKEN_FWD.match(text, pos, hi)
        return m.span("tok") if m is not None else None
    r = q + 1
    while r < hi:
        c = text[r]
        if c in _TAIL:
            r += 1
        elif c < "\x80":
            break
        else:
            m = TOKEN_FWD.match(text, pos, hi)
            return m.span("tok") if m is not None else None
    return q, r
