"""Where the registry scan looks first: quoted stretches and keyword offsets.

:func:`quoted_spans` finds the stretches inside quotation marks (a mention there is quoted,
not introduced), :func:`occurrences` the offsets of a few keywords in the whole text, so
that a region without any is spared a pattern scan.
"""

from __future__ import annotations

import functools
import itertools
import re

from nkquotes import _lazyregex

__all__ = ["QUOTED", "occurrences", "quoted_spans"]

# An opening mark stops the scan too, so a run of unclosed “ is read once, not 2,000 times.
QUOTED = _lazyregex.compile(r"\"[^\"\n]{1,2000}\"|“[^“”\n]{1,2000}”")


def quoted_spans(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What ``QUOTED.finditer`` finds in each region, in order.

    One scan over all the regions when white space with a line break separates each from the
    next (the usual paragraphs): a match can then neither start, end nor cross there, so it
    finds in each region what a scan of that region alone finds.
    """
    quoted: list[tuple[int, int]] = []
    if not regions:
        return quoted
    lo, hi = regions[0][0], regions[-1][1]
    if text.find('"', lo, hi) < 0 and text.find("“", lo, hi) < 0:
        return quoted
    apart = True
    for (_, before), (after, _) in itertools.pairwise(regions):
        gap = text[before:after]
        if before >= after or "\n" not in gap or not gap.isspace():
            apart = False
            break
    finditer = _quoted_re().finditer
    if apart:
        return [m.span() for m in finditer(text, lo, hi)]
    for start, end in regions:
        if text.find('"', start, end) >= 0 or text.find("“", start, end) >= 0:
            quoted.extend(m.span() for m in finditer(text, start, end))
    return sorted(quoted)


@functools.cache
def _quoted_re() -> re.Pattern[str]:
    """``QUOTED`` compiled by ``re``, which skips to the next mark by its first characters
    (the ``regex`` module tried a match at every offset); the pattern has nothing the two
    modules read differently."""
    return re.compile(QUOTED.pattern)


def occurrences(text: str, needles: tuple[str, ...]) -> list[int]:
    """Every offset where one of *needles* occurs in *text*, in order."""
    found = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    found.sort()
    return found
