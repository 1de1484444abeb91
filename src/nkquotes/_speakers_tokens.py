"""Word tokens of an article's body regions, for the registry scan.

:func:`tokenize` splits one region into :class:`Tokens`; :func:`tokenize_regions` gives the
same tokens for every region of an article from one split of the text they cover (a region
that would not come out the same, because a token of the whole text crosses its edge, is
split on its own).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from itertools import accumulate, compress, repeat
from operator import itemgetter

from nkquotes import _lazyregex
from nkquotes._names import ABBREVIATIONS, ORG_WORDS, TOKEN, fold

__all__ = ["Splitter", "Tokens", "org_word", "splitter", "tokenize", "tokenize_regions"]

#: ``TOKEN`` with a group, so that splitting on it keeps the words between the gaps.
_TOKEN_SPLIT = _lazyregex.compile(f"({TOKEN.pattern})")
#: ``_TOKEN_SPLIT`` for text whose only letters and digits are ASCII (see :func:`splitter`).
#: Both branches start with one character class, so ``re`` skips the gaps by that class
#: (an acronym's first capital is told by the lookbehind), and the acronym is written out as
#: ``X.X.(?:X.)*``: ``re`` splits faster so than with ``{2,}``.
_PLAIN_TOKEN_SPLIT = (
    r"([A-Za-z0-9](?:(?<=[A-Z])\.[A-Z]\.(?:[A-Z]\.)*|[A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*))"
)
_POSSESSIVE_ENDS = ("'s", "’s")
#: A search for the next full stop and a bisection cost about as much as this many gaps
#: tested by ``str.startswith`` at C level.
_DOTS_PER_GAP = 6
_FIRST = itemgetter(0)


class Tokens:
    """The word tokens of one region, as parallel lists indexed by token number.

    ``starts[k]`` and ``ends[k]`` are offsets into the text (an abbreviation's end includes
    its full stop), ``words[k]`` is the word without a possessive ``'s``, and ``possessive``,
    ``initial`` (a dotted initial) and ``upper`` (capitalised) are flags. Lists rather than
    an object per word: an article has hundreds of words and only its capitalised ones are
    looked at closely.

    The region's tokens are those numbered ``lo`` to ``hi - 1``: the regions of an article
    share the lists of one split (:func:`tokenize_regions`), each a window on them.
    """

    __slots__ = (
        "_org_words",
        "ends",
        "hi",
        "initial",
        "lo",
        "possessive",
        "starts",
        "upper",
        "words",
    )

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        words: list[str],
        possessive: list[bool],
        initial: list[bool],
        upper: list[bool] | None = None,
    ) -> None:
        self.starts = starts
        self.ends = ends
        self.words = words
        self.possessive = possessive
        self.initial = initial
        self.upper: list[bool] = (
            list(map(str.isupper, map(_FIRST, words))) if upper is None else upper
        )
        self._org_words: list[int] | None = None
        self.lo = 0
        self.hi = len(words)

    def window(self, lo: int, hi: int) -> Tokens:
        """The tokens ``lo`` to ``hi - 1`` as a region of their own (the lists are shared)."""
        view = Tokens.__new__(Tokens)
        view.starts, view.ends, view.words = self.starts, self.ends, self.words
        view.possessive, view.initial, view.upper = self.possessive, self.initial, self.upper
        view._org_words = self.org_words()
        view.lo, view.hi = lo, hi
        return view

    def org_words(self) -> list[int]:
        """Indexes of the capitalised organisation words, in order (of all the lists: a
        window's may lie outside it)."""
        found = self._org_words
        if found is None:
            found = self._org_words = _org_indexes(self.words, self.upper)
        return found


def _org_indexes(words: list[str], upper: list[bool]) -> list[int]:
    # Built by C-level iteration: a region has dozens of capitalised words.
    capitalised = list(compress(range(len(words)), upper))
    if len(capitalised) < _MANY:
        return list(compress(capitalised, map(org_word, map(words.__getitem__, capitalised))))
    # Very many (a name list repeats a few thousand times): each distinct word tested once.
    found = set(filter(org_word, set(compress(words, upper))))
    if not found:
        return []
    return list(compress(capitalised, map(found.__contains__, compress(words, upper))))


#: More words than a news article has: past this, each distinct word is looked at once.
_MANY = 4096


@functools.lru_cache(maxsize=16384)
def org_word(word: str) -> bool:
    """Whether *word* is an organisation word (``Ministry``), cached per word."""
    return fold(word) in ORG_WORDS


Splitter = Callable[[str], list[str]]


@functools.cache
def _plain_split() -> Splitter:
    return re.compile(_PLAIN_TOKEN_SPLIT).split


#: What ``TOKEN`` reads as a word character, and as an acronym's capital, asked of the
#: ``regex`` module itself (so the answer follows its Unicode tables, not ``unicodedata``'s).
_WORD_CHAR = _lazyregex.compile(r"[\p{L}\p{M}\d]")
_UPPER_CHAR = _lazyregex.compile(r"\p{Lu}")
#: Latin-1 Supplement, Latin Extended-A and -B, combining diacritical marks: the non-ASCII
#: letters of names in English news (``José``, ``Erdoğan``, ``Nguyễn`` written decomposed).
_LATIN = ((0x80, 0x250), (0x300, 0x370))
_ASCII_BYTES = bytes(range(128))
_FEW = 16
#: More distinct non-ASCII characters than this: text in another script, not classified.
_MAX_NON_ASCII = 1024
_PIECE = 8192


@functools.lru_cache(maxsize=4096)
def _char_class(char: str) -> int:
    """0 when ``TOKEN`` cannot match *char*; 1 for a word character, 2 for a capital (which
    is a word character too)."""
    if _WORD_CHAR.match(char) is None:
        return 0
    return 2 if _UPPER_CHAR.match(char) is not None else 1


def _ranges(chars: list[str]) -> str:
    """*chars* (sorted) as the inside of a character class, consecutive ones as ranges."""
    out: list[str] = []
    first = last = -2
    for code in map(ord, chars):
        if code != last + 1:
            if first >= 0:
                out.append(f"\\U{first:08x}-\\U{last:08x}")
            first = code
        last = code
    if first >= 0:
        out.append(f"\\U{first:08x}-\\U{last:08x}")
    return "".join(out)


@functools.cache
def _latin_split() -> tuple[frozenset[str], Splitter]:
    """The Latin word characters ``TOKEN`` matches (see ``_LATIN``), and
    ``_PLAIN_TOKEN_SPLIT`` with them added: the same split as ``_TOKEN_SPLIT`` on text whose
    other non-ASCII characters are no word characters. Compiled once."""
    chars = [chr(code) for low, high in _LATIN for code in range(low, high)]
    words = [c for c in chars if _char_class(c)]
    capitals = [c for c in chars if _char_class(c) == 2]
    word = f"[A-Za-z0-9{_ranges(words)}]"
    upper = f"[A-Z{_ranges(capitals)}]"
    pattern = f"({word}(?:(?<={upper})\\.{upper}\\.(?:{upper}\\.)*|{word}*(?:[-'’]{word}+)*))"
    return frozenset(words), re.compile(pattern).split


def _add_non_ascii(piece: str, found: set[str]) -> None:
    """Add the distinct non-ASCII characters of *piece* to *found*, by C-level passes.

    UTF-8 without its ASCII bytes is the non-ASCII characters in order (no byte of a longer
    sequence is ASCII, and none starts one but its first). A few characters make most of it
    (typographic quotes, dashes): each is taken out of the rest at once, then whatever is
    left goes into the set.
    """
    rest = piece.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    for _ in range(_FEW):
        if not rest:
            return
        lead = rest[0]
        sequence = rest[: 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4]
        found.add(sequence.decode("utf-8", "surrogatepass"))
        rest = rest.replace(sequence, b"")
    found.update(rest.decode("utf-8", "surrogatepass"))


def splitter(text: str) -> Splitter:
    """``_TOKEN_SPLIT.split``, or the same split by the faster ``re`` when *text* allows.

    ``re`` has no ``\\p{..}`` classes, so its pattern lists the letters, marks and digits:
    ``[A-Za-z0-9]``, with the Latin ones of ``_LATIN`` added when the text has any (accented
    names; typographic quotes and dashes are no word characters). Text with other word
    characters (another script) is split by the ``regex`` module.
    """
    if text.isascii():
        return _plain_split()
    # The non-ASCII characters by a C-level scan (news text has a few dozen: quotes, dashes),
    # by pieces, so that text in another script is told after its first piece.
    found: set[str] = set()
    for at in range(0, len(text), _PIECE):
        _add_non_ascii(text[at : at + _PIECE], found)
        if len(found) > _MAX_NON_ASCII:
            return _TOKEN_SPLIT.split
    latin, latin_split = _latin_split()
    if any(map(_char_class, found - latin)):
        return _TOKEN_SPLIT.split
    return latin_split if not latin.isdisjoint(found) else _plain_split()


def _scan(
    text: str, start: int, end: int, split: Splitter
) -> tuple[list[int], list[int], list[str], list[bool], list[bool], list[int]]:
    """The token lists of ``text[start:end]``, and the indexes whose end took a full stop."""
    # One split gives the words and the gaps between them; their offsets are running sums.
    piece = text[start:end]
    parts = split(piece)
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    count = len(words)
    possessive = [False] * count
    # Possessives and full stops are rare: find them in the text, not word by word.
    for ending in _POSSESSIVE_ENDS:
        at = piece.find(ending)
        while at >= 0:
            # A word ending in ``'s`` with something before the apostrophe ends here.
            k = bisect.bisect_left(ends, start + at + 2)
            if k < count and ends[k] == start + at + 2 and starts[k] < start + at:
                possessive[k] = True
                words[k] = words[k][:-2]
            at = piece.find(ending, at + 1)
    # The words whose following gap starts with ".": found from the full stops when they are
    # few (news text), from every gap by one C-level pass when they are many (clock times).
    if piece.count(".") * _DOTS_PER_GAP < count:
        dotted = []
        at = piece.find(".")
        while at >= 0:
            k = bisect.bisect_left(ends, start + at)
            if k < count and ends[k] == start + at:
                dotted.append(k)
            at = piece.find(".", at + 1)
    else:
        dotted = list(compress(range(count), map(str.startswith, parts[2::2], repeat("."))))
    initial = [False] * count
    # What each dotted word is, by C-level passes (text can have a full stop every few words).
    dotted_words = list(map(words.__getitem__, dotted))
    if len(dotted) < _MANY:
        kinds: list[int | None] = list(map(_dot_kind, dotted_words))
    else:  # each distinct word asked once: clock times repeat "p" and "m" thousands of times
        marked = {word: mark for word in set(dotted_words) if (mark := _dot_kind(word))}
        if not marked:
            return starts, ends, words, possessive, initial, []
        kinds = list(map(marked.get, dotted_words))  # None: no initial, no abbreviation
    extended = list(compress(dotted, kinds))
    for k, flag in zip(extended, compress(kinds, kinds), strict=True):
        ends[k] += 1  # an initial or abbreviation keeps its full stop
        if flag == _INITIAL:
            initial[k] = True
    return starts, ends, words, possessive, initial, extended


_ABBREVIATION, _INITIAL = 1, 2


@functools.lru_cache(maxsize=4096)
def _dot_kind(word: str) -> int:
    """What *word* is before a full stop: an initial (one capital), an abbreviation, or 0."""
    if len(word) == 1 and word.isupper():
        return _INITIAL
    return _ABBREVIATION if word.casefold() in ABBREVIATIONS else 0


def tokenize(text: str, start: int, end: int, split: Splitter | None = None) -> Tokens:
    """The word tokens of ``text[start:end]``; abbreviations keep their full stop.

    *split* is :func:`splitter` of *text* (computed here when not given).
    """
    split = split or splitter(text[start:end])
    starts, ends, words, possessive, initial, _ = _scan(text, start, end, split)
    return Tokens(starts, ends, words, possessive, initial)


def tokenize_regions(
    text: str, regions: Sequence[tuple[int, int]], split: Splitter
) -> list[Tokens]:
    """``[tokenize(text, start, end, split) for start, end in regions]``, from one split.

    The text from the first region's start to the last one's end is split once; a region gets
    the window of the tokens that start inside it. Those are the region's own split when no
    token crosses either edge: the split is a left-to-right scan whose patterns look at
    nothing outside the match, so both scans are between words at the edge and then find the
    same words. A word whose full stop lies past the region's end keeps its plain end there.
    A region that a word crosses into, or that overlaps the one before, is split on its own.
    *regions* are in text order.
    """
    if not regions:
        return []
    lo = min(start for start, _ in regions)
    hi = max(end for _, end in regions)
    starts, ends, words, possessive, initial, extended = _scan(text, lo, hi, split)
    raw_ends = ends.copy()
    for k in extended:
        raw_ends[k] -= 1
    shared = Tokens(starts, ends, words, possessive, initial)
    out = []
    previous_end = lo
    for start, end in regions:
        a = bisect.bisect_left(starts, start)
        b = bisect.bisect_left(starts, end, a)
        if start < previous_end or (a and raw_ends[a - 1] > start) or (b and raw_ends[b - 1] > end):
            out.append(tokenize(text, start, end, split))
        else:
            if b > a and raw_ends[b - 1] == end and ends[b - 1] != end:
                # Its full stop is outside the region (no other region has this word).
                ends[b - 1] = end
                initial[b - 1] = False
            out.append(shared.window(a, b))
        previous_end = max(previous_end, end)
    return out
