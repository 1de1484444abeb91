"""Physical lines of raw text, trimmed, with their offsets into the original text."""

from __future__ import annotations

from itertools import accumulate, compress, repeat
from operator import add, sub
from typing import NamedTuple

from nkquotes import _lazyregex

__all__ = [
    "ASCII_SPACE_BYTES",
    "BLANKS",
    "Line",
    "gap_before",
    "join_words",
    "split_differs",
    "split_lines",
    "split_lines_and_text",
    "word_count",
    "words",
]

# Every line break Python's str.splitlines knows, so \r\n, \r, U+2028 and friends all work.
_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: What ``_sentences.trim`` strips: every ``str.isspace`` character plus the zero-width ones
#: (``tests/test_structure.py`` checks this against ``str.isspace`` over all of Unicode).
BLANKS = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u2060\ufeff"
)
_RARE_BREAK = _lazyregex.compile(r"[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_WORD = _lazyregex.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]+")


class Line(NamedTuple):
    """A non-blank line: ``text[start:end]`` trimmed of whitespace and zero-width characters.

    *gap_before* says whether a blank line (or the start of the text) precedes it. (The
    structure passes hold the lines column by column: see :func:`split_lines_and_text`.)
    """

    start: int
    end: int
    gap_before: bool


# ``BLANKS`` as a plain string of characters, for ``str.strip``.
_BLANK_CHARS = BLANKS.replace("\u2000-\u200a", "".join(map(chr, range(0x2000, 0x200B))))


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of *text* in order.

    ``str.splitlines`` breaks at ``_BREAKS`` (``\\r\\n`` once), in C: each piece stripped
    of blanks (its line break is one) is a line, if anything is left. (Several times faster
    than a pattern that reads the text character by character.)
    """
    starts, ends, _ = split_lines_and_text(text)
    return [
        Line(start, end, gap_before(text, starts, ends, index))
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
    ]


def split_lines_and_text(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts (``text[start:end]``) of :func:`split_lines`'s lines, as
    three columns (whether a gap precedes a line is :func:`gap_before`).

    Every pass is a ``map`` in C: a hostile text can have 170,000 lines per megabyte, and a
    tuple per line would cost its construction and the garbage collector's visits.
    """
    pieces = text.splitlines(True)
    blanks = repeat(_BLANK_CHARS)
    rests = list(map(str.lstrip, pieces, blanks))  # a piece from its first non-blank
    segs = list(map(str.rstrip, rests, blanks))  # "" for a blank piece
    # A line starts where its piece ends less its rest.
    starts = list(map(sub, accumulate(map(len, pieces)), map(len, rests)))
    if "" in segs:  # blank pieces: not lines
        starts = list(compress(starts, segs))
        segs = list(filter(None, segs))
    return starts, list(map(add, starts, map(len, segs))), segs


def gap_before(text: str, starts: list[int], ends: list[int], index: int) -> bool:
    """Whether a blank line (or the start of the text) precedes line *index* of the columns
    :func:`split_lines_and_text` gives for *text*."""
    if index == 0:
        return True
    previous_end, start = ends[index - 1], starts[index]
    if start - previous_end < 2:
        return False  # room for one break at most
    between = text[previous_end:start]
    known = _GAPS.get(between)
    return _remember_gap(between) if known is None else known


# Pages repeat the same few runs of whitespace between lines: remember the answer for each.
_GAPS: dict[str, bool] = {}


def _remember_gap(between: str) -> bool:
    known = _count_gap(between)
    if len(_GAPS) < 1024 and len(between) <= 64:
        _GAPS[between] = known
    return known


def _count_gap(between: str) -> bool:
    """Whether *between* (whitespace between two lines) holds a blank line."""
    breaks = between.count("\n") + between.count("\r") - between.count("\r\n")
    if breaks < 2 and _has_rare_break(between):
        breaks += len(_RARE_BREAK.findall(between))
    return breaks >= 2


def split_differs(segment: str) -> bool:
    """Whether *segment* has a character that ``str.split`` and ``regex``'s ``\\s`` (with
    the zero-width characters) disagree on: U+001C-U+001F split only ``str.split``, the
    zero-width characters only the pattern."""
    if "\x1c" in segment or "\x1d" in segment or "\x1e" in segment or "\x1f" in segment:
        return True
    return not segment.isascii() and (
        "\u200b" in segment
        or "\u200c" in segment
        or "\u200d" in segment
        or "\u2060" in segment
        or "\ufeff" in segment
    )


def _has_rare_break(between: str) -> bool:
    if between.isascii():
        return (
            "\v" in between
            or "\f" in between
            or "\x1c" in between
            or "\x1d" in between
            or "\x1e" in between
        )
    return _RARE_BREAK.search(between) is not None


def words(segment: str) -> list[str]:
    """The whitespace-separated words of *segment*."""
    if split_differs(segment):
        return _WORD.findall(segment)
    return segment.split()


def word_count(segment: str) -> int:
    """``len(words(segment))``, without building the words when the only blank is a single
    space between words (a printable string holds no other ``str.isspace`` or zero-width
    character: they are all separators, controls or format characters)."""
    if (
        segment
        and segment[0] != " "
        and segment[-1] != " "
        and "  " not in segment
        and segment.isprintable()
    ):
        return segment.count(" ") + 1
    return len(words(segment))


# The ASCII ``str.isspace`` characters as bytes (``tests/test_structure_fast.py`` checks them
# against ``str.isspace``).
ASCII_SPACE_BYTES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def join_words(segment: str) -> str:
    """``"".join(segment.split())``: *segment* without ``str.isspace`` characters.

    On ASCII, deleting bytes is cheaper than splitting into words; outside ASCII, splitting
    is (encoding to UTF-8 and back costs more than the words)."""
    if segment.isascii():
        return segment.encode("ascii").translate(None, ASCII_SPACE_BYTES).decode("ascii")
    return "".join(segment.split())
