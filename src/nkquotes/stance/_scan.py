"""Fast word scans for the stance models: the standard ``re`` on lower-cased plain text.

The stance patterns use ``regex``, whose ``\\w`` and case-insensitive matching follow Unicode
more closely than ``re``; the two only disagree on non-ASCII letters, marks, digits and
cased characters. A stretch of text whose non-ASCII characters are none of those (curly
quotation marks and dashes are fine) is *plain*: there, ``re`` run on the lower-cased slice
finds exactly the words (and offsets) ``regex`` finds case-insensitively in the original,
several times faster. Other text takes the ``regex`` path.
"""

from __future__ import annotations

import functools
import re

import regex

__all__ = ["WORD_RUNS", "find_word", "plain_bytes", "plain_lower", "run_starts"]

_ASCII = frozenset(map(chr, range(128)))
_RE_WORD_CHAR = re.compile(r"\w")
_REGEX_WORD_CHAR = regex.compile(r"\w")


@functools.lru_cache(maxsize=1024)
def _plain_char(char: str) -> bool:
    """Whether *char* is no word character for either engine and has no case."""
    return (
        char.lower() == char
        and char.upper() == char
        and char.casefold() == char
        and _RE_WORD_CHAR.match(char) is None
        and _REGEX_WORD_CHAR.match(char) is None
    )


@functools.lru_cache(maxsize=8)
def _unplain_chars(text: str) -> tuple[str, ...]:
    """The characters of *text* that keep a stretch of it from being plain (found once per
    text: the quotes of an article all ask)."""
    if text.isascii():
        return ()
    return tuple(sorted(c for c in set(text).difference(_ASCII) if not _plain_char(c)))


def _is_plain(text: str, part: str) -> bool:
    return part.isascii() or not any(c in part for c in _unplain_chars(text))


def plain_lower(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased if it is plain (see the module docstring), else ``None``.

    >>> plain_lower("Ease “Sanctions” now", 0, 20)
    'ease “sanctions” now'
    >>> plain_lower("Café", 0, 4) is None
    True
    """
    part = text[start:end]
    return part.lower() if _is_plain(text, part) else None


def plain_bytes(text: str, start: int, end: int) -> bytes | None:
    """:func:`plain_lower` as ASCII bytes, one per character (``?`` for the non-ASCII ones,
    which are no word characters in plain text).

    >>> plain_bytes("Ease “Sanctions”", 0, 16)
    b'ease ?sanctions?'
    """
    part = text[start:end]
    return part.encode("ascii", "replace").lower() if _is_plain(text, part) else None


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_")
WORD_RUNS = bytes(byte if byte in _WORD_BYTES else 32 for byte in range(256))


def run_starts(runs: bytes, word: bytes) -> list[int]:
    """Where *word* stands as a whole word in *runs* (words separated by spaces).

    >>> run_starts(b"lift the  other sanctions the", b"the")
    [5, 26]
    """
    starts = []
    size = len(word)
    at = runs.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or runs[at - 1] == 32) and (end == len(runs) or runs[end] == 32):
            starts.append(at)
        at = runs.find(word, at + 1)
    return starts


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_APOSTROPHES = frozenset("'’")


def find_word(low: str, word: str) -> int:
    """Where the first word of *low* (lower-cased plain text) that is *word* starts, or -1.

    Words are what ``\\w+(?:['’]\\w+)*`` finds scanning from the start: runs of word
    characters joined by single apostrophes. *word* must be one.

    >>> find_word("they don't say don", "don")
    15
    """
    size = len(word)
    at = low.find(word)
    while at >= 0:
        end = at + size
        if not (
            (at > 0 and low[at - 1] in _WORD_CHARS)
            or (at > 1 and low[at - 1] in _APOSTROPHES and low[at - 2] in _WORD_CHARS)
            or (end < len(low) and low[end] in _WORD_CHARS)
            or (end + 1 < len(low) and low[end] in _APOSTROPHES and low[end + 1] in _WORD_CHARS)
        ):
            return at
        at = low.find(word, at + 1)
    return -1
