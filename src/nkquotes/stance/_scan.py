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

__all__ = ["plain_lower", "trie_pattern"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
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


def plain_lower(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased if it is plain (see the module docstring), else ``None``.

    >>> plain_lower("Ease “Sanctions” now", 0, 20)
    'ease “sanctions” now'
    >>> plain_lower("Café", 0, 4) is None
    True
    """
    part = text[start:end]
    if part.isascii():
        return part.lower()
    for char in set(_NON_ASCII.findall(part)):
        if not _plain_char(char):
            return None
    return part.lower()


#: A trie of words: each letter leads to the rest; ``""`` marks the end of a word.
_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """An ``re`` alternation matching exactly *words*, shaped as a trie so that each position
    costs one branch per letter instead of one per word (``(?!)`` when there is none).

    >>> trie_pattern(["ease", "east", "lift"])
    '(?:eas(?:e|t)|lift)'
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree) or "(?!)"


def _emit(node: _Trie) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on
        return f"(?:{body})?"
    return body
