"""The working record of a quote while the finders build it, and small text helpers."""

from __future__ import annotations

import bisect

import attrs

from nkquotes._model import QuoteKind
from nkquotes._quotemarks import Quoted

__all__ = ["Attribution", "Draft", "ParagraphQuotes", "block_at", "trim_content"]

_EDGE_END = frozenset(" \t\n\r\u00a0.,;:—–-")
_EDGE_START = frozenset(" \t\n\r\u00a0,;:—–-")


@attrs.frozen
class Attribution:
    """A cue with its lemma and the speaker mention found next to it."""

    cue_start: int
    cue_end: int
    lemma: str
    mention: tuple[int, int] | None
    end: int


@attrs.define
class Draft:
    """A quote under construction (mutable; turned into a frozen :class:`Quote` at the end)."""

    segments: list[tuple[int, int]]
    kind: QuoteKind
    paragraph: int
    attribution: Attribution | None
    inherited: bool = False
    confidence: float = 0.9
    anchor: int = 0
    #: The sentence of the attribution when it is not in the content's paragraph (a post's
    #: credit line); ``None``: the sentence of the paragraph holding the cue.
    sentence: tuple[int, int] | None = None


class ParagraphQuotes:
    """The top-level quotations of one paragraph and which of them the direct pass used.

    A plain slotted class (built for every paragraph of every article: an attrs ``define``
    with two factories and a post-init hook cost several times more).
    """

    __slots__ = ("blocks", "end", "index", "start", "starts", "used")

    index: int
    start: int
    end: int
    blocks: list[Quoted]
    used: set[int]
    starts: list[int]

    def __init__(self, index: int, start: int, end: int, blocks: list[Quoted]) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.blocks = blocks
        self.used = set()
        self.starts = [b.start for b in blocks]

    def __repr__(self) -> str:
        return (
            f"ParagraphQuotes(index={self.index!r}, start={self.start!r}, end={self.end!r}, "
            f"blocks={self.blocks!r}, used={self.used!r}, starts={self.starts!r})"
        )


def block_at(pq: ParagraphQuotes, pos: int) -> int:
    """Index of the block holding *pos* (marks included), or -1."""
    k = bisect.bisect_right(pq.starts, pos) - 1
    if k >= 0 and pos < pq.blocks[k].end:
        return k
    return -1


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and edge punctuation (never quotation marks) off a content span."""
    while end > start and (text[end - 1] in _EDGE_END or text[end - 1].isspace()):
        end -= 1
    while start < end and (text[start] in _EDGE_START or text[start].isspace()):
        start += 1
    return start, end
