"""Lower-casing for cheap substring tests before a case-insensitive pattern is run."""

from __future__ import annotations

import functools
import re

import regex

__all__ = ["ascii_fold", "inert_char"]

_RE_WORD_CHAR = re.compile(r"\w")
_REGEX_WORD_CHAR = regex.compile(r"\w")

# Non-ASCII characters that case-insensitive matching reads as ASCII letters.
_FOLD_ASCII = (("\u0130", "i"), ("\u017f", "s"), ("\u212a", "k"))


def ascii_fold(text: str) -> str:
    """*text* lower-cased so that each character a case-insensitive pattern reads as an ASCII
    letter is that letter: a substring test on the result never misses what the pattern finds.

    >>> ascii_fold("\u212aIM said")
    'kim said'
    """
    if text.isascii():
        return text.lower()
    # str.replace, not str.translate: translate is slow on long non-ASCII text.
    for char, letter in _FOLD_ASCII:
        if char in text:
            text = text.replace(char, letter)
    return text.lower()


@functools.lru_cache(maxsize=1024)
def inert_char(char: str) -> bool:
    """Whether *char* has no case and is no word character for ``re`` or ``regex``: no
    word pattern, case-insensitive or not, can match it, so a cheap test may skip it.

    >>> inert_char("’"), inert_char("—"), inert_char("é"), inert_char("K")
    (True, True, False, False)
    """
    return (
        char.lower() == char
        and char.upper() == char
        and char.casefold() == char
        and _RE_WORD_CHAR.match(char) is None
        and _REGEX_WORD_CHAR.match(char) is None
    )
