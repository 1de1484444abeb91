"""A name run that repeats the one before it, told by a few comparisons.

A list of names (``Kim Jong Un, Kim Jong Un, ...``) makes the registry scan decide the same
thing at every name: where the run ends, whether it is registered, with which apposition.
:func:`remember` keeps what that decision read, relative to the word before the run: the
tokens from the word before to the word after it (words, flags, offsets), the text they
cover, and the apposition window when one was read. :func:`repeats` says whether the run at
another capital reads exactly the same, so the scan can reuse the decision: every test of
the run's steps reads only those tokens and that text.

A run whose title look-back ran is not remembered (it reads further back), nor one whose
party pattern may have read past the gap after it (a bracket in the gap).

A list of one name repeats its memo thousands of times: :func:`block` tells how many runs in
a row do, by one comparison of the text per repeat and a few C-level list comparisons for the
whole block, so that the scan decides them all at once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import repeat
from operator import sub

from nkquotes._speakers_titles import APPOSITION_WINDOW, MAX_TITLE_TOKENS
from nkquotes._speakers_tokens import Tokens

__all__ = ["RunMemo", "block", "remember", "repeats"]


class RunMemo:
    """What the scan decided for a run of ``size`` words, and what the decision read."""

    __slots__ = (
        "apposition",
        "blocked",
        "ends",
        "first",
        "length",
        "register",
        "size",
        "starts",
        "stop",
        "text",
        "window",
        "words",
    )

    def __init__(self) -> None:
        self.first = ""
        self.size = 0
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.text = ""
        self.register = False
        self.length = 0
        self.stop = 0
        self.window: str | None = None
        self.apposition: str | None = None
        #: No :func:`block` is looked for at a capital before this token index.
        self.blocked = 0


def remember(
    text: str,
    tokens: Tokens,
    i: int,
    j: int,
    register: bool,
    window: str | None,
    apposition: str | None,
) -> RunMemo:
    """The memo of the run ``tokens[i:j]`` (``i > lo``, ``j < hi``): registered or not, the
    apposition *window* read at its end (None: none read) and the *apposition* found."""
    memo = RunMemo()
    k, e = i - 1, j + 1
    base = tokens.starts[k]
    memo.first = tokens.words[i]
    memo.size = j - i
    memo.words = tokens.words[k:e]
    memo.starts = list(map(sub, tokens.starts[k:e], repeat(base)))
    memo.ends = list(map(sub, tokens.ends[k:e], repeat(base)))
    memo.text = text[base : tokens.starts[j]]
    memo.register = register
    stop = tokens.starts[j - 1] + len(tokens.words[j - 1])
    memo.length = stop - tokens.starts[i]
    memo.stop = stop - base
    memo.window = window
    memo.apposition = apposition
    return memo


def repeats(memo: RunMemo, text: str, tokens: Tokens, i: int, limit: int) -> bool:
    """Whether the run at capital ``tokens[i]`` reads what *memo*'s run read (its region
    ending at *limit*): the same tokens from the word before to the word after, at the same
    distances, over the same text, and the same apposition window."""
    k, e = i - 1, i + memo.size + 1
    if k < tokens.lo or e > tokens.hi:
        return False
    # (The initial and possessive flags need no test: the text, the words and their ends
    # decide them, as they decide the full stop an end takes or leaves at a region's end.)
    base = tokens.starts[k]
    if (
        not text.startswith(memo.text, base)  # the cheapest test first
        or tokens.words[k:e] != memo.words
        or list(map(sub, tokens.starts[k:e], repeat(base))) != memo.starts
        or list(map(sub, tokens.ends[k:e], repeat(base))) != memo.ends
    ):
        return False
    window = memo.window
    if window is None:
        return True
    stop = base + memo.stop
    return min(limit, stop + APPOSITION_WINDOW) - stop == len(window) and text.startswith(
        window, stop
    )


def block(
    memo: RunMemo,
    text: str,
    tokens: Tokens,
    i: int,
    limit: int,
    start_kind: Callable[[str], int],
) -> tuple[int, int]:
    """How many runs in a row, from the one at capital ``tokens[i]`` (which
    :func:`repeats` *memo*'s run) on, repeat it too: ``(count, period)``, the runs starting
    at ``i``, ``i + period``, … (count 1: only the one at ``i``).

    The run ``period`` tokens on (the next capital that is the run's first word) repeats
    the memo when the tokens from its word before to its word after are those of the run at
    ``i`` shifted by ``period`` tokens and as many characters, the text it reads is the same,
    and no organisation word is in its reach; and so on for each next one, by induction. The
    capitals in between must be ones the scan passes over: no dotted initial, and nothing
    they can start (*start_kind* 0: ``He``, ``In``); they repeat too, with the words.
    """
    size = memo.size
    lo_run = i + size
    hi = tokens.hi
    if i < memo.blocked or lo_run + 1 >= hi:
        return 1, 0
    words, upper, initial = tokens.words, tokens.upper, tokens.initial
    first = memo.first
    at = lo_run
    try:
        while True:
            at = upper.index(True, at, hi)
            if words[at] == first:
                break
            if initial[at] or start_kind(words[at]):
                return 1, 0  # a capital the scan reads: something else starts there
            at += 1
    except ValueError:
        return 1, 0
    period = at - i
    starts = tokens.starts
    k = i - 1
    base = starts[k]
    shift = starts[k + period] - base
    # The most runs the token window, the organisation words and the apposition window allow.
    most = (hi - lo_run - 1) // period
    org_at = tokens.org_words()
    after = bisect.bisect_left(org_at, i + period)
    if after < len(org_at):
        most = min(most, (org_at[after] - MAX_TITLE_TOKENS - i) // period)
    reach = len(memo.text)
    window = memo.window
    if window is not None:
        # (A window cut by the region's end is read so by one run only: most < 1.)
        most = min(most, (limit - APPOSITION_WINDOW - base - memo.stop) // shift)
        reach = max(reach, memo.stop + len(window))
    if most < 1:
        return 1, period
    # How many periods of text from base repeat the first (run n reads text[base + n *
    # shift:][:reach]): by chunks that double while they repeat the text one period before
    # and halve when they do not (few comparisons, each at C level).
    units = 1
    needed = most + 1 + (reach - 1) // shift
    chunk = 1
    at = base + shift
    while units < needed:
        chunk = min(chunk, needed - units)
        width = chunk * shift
        if text.startswith(text[at - shift : at - shift + width], at):
            units += chunk
            at += width
            chunk *= 2
        elif chunk == 1:
            break
        else:
            chunk //= 2
    count = min(most + 1, (units * shift - reach) // shift + 1)
    if count < 2:
        return 1, period
    # The tokens those runs read, shifted by one period, are the same (words, offsets).
    stop = k + (count - 1) * period + size + 2
    ends = tokens.ends
    if (
        words[k : stop - period] != words[k + period : stop]
        or initial[k : stop - period] != initial[k + period : stop]
        or not _all(list(map(sub, starts[k + period : stop], starts[k : stop - period])), shift)
        or not _all(list(map(sub, ends[k + period : stop], ends[k : stop - period])), shift)
    ):
        memo.blocked = i + count * period  # not here: no second try over the same tokens
        return 1, period
    return count, period


def _all(values: list[int], value: int) -> bool:
    return values.count(value) == len(values)
