"""Fast word scans for the stance models: plain text read as bytes, or with ``re``.

The stance patterns use ``regex``, whose ``\\w`` and case-insensitive matching follow Unicode
more closely than ``re``; the two only disagree on non-ASCII letters, marks, digits and
cased characters. A stretch of text whose non-ASCII characters are none of those (curly
quotation marks and dashes are fine) is *plain*. There, the text lower-cased as ASCII bytes
(one byte per character, so offsets carry over) has exactly the words, at the same places,
that ``regex`` finds case-insensitively in the original; ``bytes.translate`` and ``split``
find them many times faster than a pattern. Other text takes the ``regex`` path.
"""

from __future__ import annotations

import functools

from nkquotes._asciifold import inert_char

__all__ = [
    "WORD_RUNS",
    "plain_bytes",
    "plain_lower",
    "plain_view",
    "plain_words",
    "plain_part",
    "run_starts",
    "text_view",
    "word_runs",
]

_ASCII_BYTES = bytes(range(128))


_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_")
#: Lower-cased plain bytes to words: bytes that are no word character become spaces.
WORD_RUNS = bytes(byte if byte in _WORD_BYTES else 32 for byte in range(256))


@functools.lru_cache(maxsize=4)
def text_view(text: str) -> tuple[bytes, bytes, tuple[str, ...]]:
    """*text* lower-cased as ASCII bytes (``?`` for each non-ASCII character), the same with
    spaces for what is no word character, and the characters that keep a stretch of it
    from being plain (see :func:`plain_part`). Made once per text: the quotes of an article
    all ask, and callers that read several stretches of it call this directly (a few texts
    are kept; each costs twice its length in bytes)."""
    low = text.encode("ascii", "replace").lower()
    # The non-ASCII characters: the UTF-8 bytes of the text without its ASCII ones, read
    # back (a multi-byte character has no ASCII byte; "surrogatepass" keeps lone
    # surrogates). Quicker than deleting ASCII runs with a pattern, or set(text).
    unplain = (
        ()
        if text.isascii()
        else set(
            text.encode("utf-8", "surrogatepass")
            .translate(None, _ASCII_BYTES)
            .decode("utf-8", "surrogatepass")
        )
    )
    return (
        low,
        low.translate(WORD_RUNS),
        tuple(sorted(c for c in unplain if not inert_char(c))),
    )


_view = text_view


def plain_bytes(text: str, start: int, end: int) -> tuple[bytes, bytes] | None:
    """``text[start:end]`` lower-cased as ASCII bytes, one per character (``?`` for the
    non-ASCII ones, which are no word characters in plain text), and the same with spaces for
    every non-word byte; ``None`` unless the stretch is plain (see the module docstring).

    Examples:
        >>> plain_bytes("Ease “Sanctions”!", 0, 16)
        (b'ease ?sanctions?', b'ease  sanctions ')
        >>> plain_bytes("Café", 0, 4) is None
        True
    """
    view = plain_view(text, start, end)
    if view is None:
        return None
    return view[0][start:end], view[1][start:end]


def plain_view(text: str, start: int, end: int) -> tuple[bytes, bytes] | None:
    """:func:`plain_bytes` for the whole of *text* (the caller slices what it needs), or
    ``None`` unless ``text[start:end]`` is plain."""
    low, runs, unplain = _view(text)
    if unplain and not plain_part(text, start, end, unplain):
        return None
    return low, runs


#: Lower-cased plain bytes to words and apostrophes: everything else becomes a space.
_WORDS_AND_APOSTROPHES = bytes(
    byte if byte in _WORD_BYTES or byte == 39 else 32 for byte in range(256)
)


def plain_words(text: str, start: int, end: int) -> list[str] | None:
    """The words ``\\w+(?:['’]\\w+)*`` finds in ``text[start:end]``, lower-cased, if the
    stretch is plain; else ``None``.

    Examples:
        >>> plain_words("“Don’t” lift ’the’ ’’sanctions’’ O’Neil’s", 0, 41)
        ['don’t', 'lift', 'the', 'sanctions', 'o’neil’s']
        >>> plain_words("'Don't' lift ''sanctions''' rock'n'roll", 0, 39)
        ["don't", 'lift', 'sanctions', "rock'n'roll"]
    """
    low, runs, unplain = _view(text)
    if unplain and not plain_part(text, start, end, unplain):
        return None
    found = word_runs(text, start, end, low, runs)
    if found is None:
        return None  # both kinds of apostrophe: rare, the caller takes the pattern
    padded, curly = found
    words = padded.decode("ascii")
    return (words.replace("'", "’") if curly else words).split()


def plain_part(text: str, start: int, end: int, unplain: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]`` holds none of *unplain* (the last item of
    :func:`text_view`; when that is empty, every stretch of the text is plain)."""
    return not any(map(text[start:end].__contains__, unplain))  # no generator to run


def word_runs(
    text: str, start: int, end: int, low: bytes, runs: bytes
) -> tuple[bytes, bool] | None:
    """The words of a plain stretch (as :func:`plain_words` finds them) as lower-cased bytes
    between spaces, one byte per character after a leading space (so a word found at *i*
    starts at ``start + i - 1``), with ``'`` for the apostrophes inside words, and whether
    those were ``’``; ``None`` when the stretch has both kinds of apostrophe.

    Examples:
        >>> word_runs("Don’t ’lift’", 0, 12, *text_view("Don’t ’lift’")[:2])
        (b" don't  lift  ", True)
    """
    straight = text.find("'", start, end) >= 0
    curly = text.find("’", start, end) >= 0
    if not (straight or curly):
        return b" " + runs[start:end] + b" ", False  # the words are the runs
    if straight and curly:
        return None  # rare: the caller takes the pattern
    part = (
        text[start:end].replace("’", "'").encode("ascii", "replace").lower()
        if curly
        else low[start:end]
    )
    # An apostrophe joins two words only between word characters: drop the others.
    joined = (
        (b" " + part.translate(_WORDS_AND_APOSTROPHES) + b" ")
        .replace(b"''", b"  ")
        .replace(b" '", b"  ")
        .replace(b"' ", b"  ")
    )
    return joined, curly


def plain_lower(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased if it is plain (see the module docstring), else ``None``.

    Examples:
        >>> plain_lower("Ease “Sanctions” now", 0, 20)
        'ease “sanctions” now'
    """
    if plain_bytes(text, start, end) is None:
        return None
    return text[start:end].lower()


def run_starts(runs: bytes, word: bytes) -> list[int]:
    """Where *word* stands as a whole word in *runs* (words separated by spaces).

    Examples:
        >>> run_starts(b"lift the  other sanctions the theory", b"the")
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
