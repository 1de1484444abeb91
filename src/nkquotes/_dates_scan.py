"""Where the time-expression anchors of a stretch stand, found without running the anchor
pattern over all of it.

The anchor pattern (:data:`nkquotes._timex._ANCHOR`: a digit, a month or weekday name,
``yesterday``, ``today``, ``tonight``, ``week``, ``month``, ``ago``, ``day``) tries an
alternation at every position, a few hundred nanoseconds each. On a stretch whose characters
are ASCII or caseless marks, every anchor holds, lower-cased, one of :data:`KEYS` or an ASCII
digit: ``str.find`` locates those, and the pattern runs only around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import regex

__all__ = ["KEYS", "anchor_spans"]

#: What every anchor holds, lower-cased (besides a digit): the weekdays, ``yesterday`` and
#: ``today`` hold ``day``; a month name its first three letters.
KEYS = (
    "day", "week", "month", "ago", "tonight", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
# The longest anchor words (``September``, ``Wednesday``, ``yesterday``) reach this far
# from a key inside them.
_REACH = 9
_DIGITS = re.compile(r"[0-9]+")
# On such a stretch the word characters are these: a piece never ends inside a word, where
# the pattern's closing \b would hold at the piece's end and not in the stretch.
_WORD_END = re.compile(r"[A-Za-z0-9_]*")

Finditer = Callable[[str, int, int], Iterator[regex.Match[str]]]


def anchor_spans(finditer: Finditer, text: str, start: int, part: str) -> list[tuple[int, int]]:
    """The spans of ``finditer(text, start, start + len(part))`` where *part* is that
    stretch and holds only ASCII and caseless non-word characters.

    Each anchor lies within :data:`_REACH` of a key inside it (or is a digit), so the
    pattern is run on those neighbourhoods, merged and extended to the end of the word
    they stop in: a match of the stretch is a match of its neighbourhood and the converse
    (the pattern reads the text before a piece, as it reads the text before the stretch).
    """
    low = part.lower()
    ranges: list[tuple[int, int]] = []
    for key in KEYS:
        at = low.find(key)
        while at >= 0:
            ranges.append((at - _REACH if at > _REACH else 0, at + len(key) + _REACH))
            at = low.find(key, at + 1)
    ranges.extend(m.span() for m in _DIGITS.finditer(part))
    if not ranges:
        return []
    ranges.sort()
    size = len(part)
    spans: list[tuple[int, int]] = []
    lo, hi = ranges[0]
    for a, b in ranges:
        if a > hi:
            hi = _word_end(part, min(hi, size))
            if a > hi:
                spans.extend(m.span() for m in finditer(text, start + lo, start + hi))
                lo, hi = a, b
                continue
        if b > hi:
            hi = b
    hi = _word_end(part, min(hi, size))
    spans.extend(m.span() for m in finditer(text, start + lo, start + hi))
    return spans


def _word_end(part: str, at: int) -> int:
    found = _WORD_END.match(part, at)
    return at if found is None else found.end()
