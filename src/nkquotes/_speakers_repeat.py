"""A name run that repeats the one before it, told by a few comparisons.

A list of names (``Kim Jong Un, Kim Jong Un, ...``) makes the registry scan decide the same
thing at every name: where the run ends, whether it is registered, with which apposition.
:func:`remember` keeps what that decision read, relative to the word before the run: the
tokens from the word before to the word after it (words, flags, offsets), the text they
cover, and the apposition window when one was read. :func:`repeats` says whether the run at
another capital reads exactly the same, so the scan can reuse the decision: every test of
the run's steps reads only those tokens and that text.

A run whose title look-back or party match was tried is not remembered: both read further.
"""

from __future__ import annotations

from itertools import repeat
from operator import sub

from nkquotes._speakers_titles import APPOSITION_WINDOW
from nkquotes._speakers_tokens import Tokens

__all__ = ["RunMemo", "remember", "repeats"]


class RunMemo:
    """What the scan decided for a run of ``size`` words, and what the decision read."""

    __slots__ = (
        "apposition",
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
