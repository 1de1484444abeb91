"""A quote's segments read once for the naive Bayes model: its words and their offsets.

A plain segment (see :mod:`nkquotes.stance._scan`) is read as its words between spaces
(:func:`~nkquotes.stance._scan.word_runs`); the words a prediction scores come from splitting
that, and the first offset of a word it shows as evidence is one ``bytes.find`` there. Other
segments are read with :data:`WORD`, which the fast path must agree with.
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._model import Span
from nkquotes.stance._scan import text_view, word_runs

__all__ = ["WORD", "Segment", "offsets_read", "segments_read"]

#: A word of the naive Bayes model: word characters joined by single apostrophes.
WORD = _lazyregex.compile(r"\w+(?:['’]\w+)*")

#: A quote segment read for the naive Bayes model: its offsets and, when plain, its words
#: as :func:`~nkquotes.stance._scan.word_runs` gives them (``None``: read with ``WORD``).
Segment = tuple[int, int, bytes | None, bool]


def segments_read(text: str, segments: tuple[Span, ...], words: list[str]) -> list[Segment]:
    """Each segment's :data:`Segment`, its lower-cased words (what ``WORD`` finds) added to
    *words* in order: the one tokenisation that both the words of a prediction and its
    evidence offsets (:func:`offsets_read`) use."""
    low, runs, unplain = text_view(text)  # once for all segments
    read: list[Segment] = []
    find = text.find
    for segment in segments:
        start, end = segment.start, segment.end
        if unplain and any(map(text[start:end].__contains__, unplain)):  # plain_part inlined
            read.append((start, end, None, False))
            words += [word.lower() for word in WORD.findall(text, start, end)]
        elif find("'", start, end) < 0 and find("’", start, end) < 0:
            # No apostrophe: the words are the runs (word_runs' first case, inlined).
            part = runs[start:end]
            read.append((start, end, b" " + part + b" ", False))
            words += part.decode("ascii").split()
        else:
            found = word_runs(text, start, end, low, runs)
            if found is None:
                read.append((start, end, None, False))
                words += [word.lower() for word in WORD.findall(text, start, end)]
            else:
                padded, curly = found
                read.append((start, end, padded, curly))
                part_words = padded.decode("ascii")
                words += (part_words.replace("'", "’") if curly else part_words).split()
    return read


def offsets_read(
    text: str, read: list[Segment], cues: dict[str, tuple[int, int]], wanted: list[str]
) -> dict[str, tuple[int, int]]:
    """The offsets ``_features(item, target, False, False)`` gives the *wanted* names,
    from the segments read: a word's first occurrence is one ``bytes.find`` of it between
    spaces (*cues*: the lexicon features with their offsets, as
    :func:`~nkquotes.stance._learned.stance_features` gives them)."""
    left = [name for name in wanted if name not in cues]  # "cue:…" names are never words
    found: dict[str, tuple[int, int]] = {}
    for start, end, padded, curly in read:
        if not left:
            break
        if padded is None:
            for m in WORD.finditer(text, start, end):
                word = m.group().lower()
                if word in left:
                    left.remove(word)
                    found[word] = m.span()
            continue
        for word in list(left):
            if curly:
                if "'" in word:
                    continue  # a straight apostrophe: not a word of this segment
                needle = word.replace("’", "'")
            else:
                needle = word
            # Not ASCII ("?"): no match, the runs hold no "?".
            at = padded.find(b" " + needle.encode("ascii", "replace") + b" ")
            if at >= 0:
                left.remove(word)
                found[word] = (start + at, start + at + len(word))
    for name in wanted:
        if name in cues:
            found[name] = cues[name]
    return found
