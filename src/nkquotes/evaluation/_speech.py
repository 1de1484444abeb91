"""Telling annotated speech from beliefs and findings by the gold's cue.

PolNeAR annotates every attribution: speech and writing, but also beliefs, intentions and
findings (``Trump wants …``, ``polls show …``), which the nkquotes annotation guide excludes.
Its README asks that these be counted separately. A gold's cue is taken as a cue of speaking
or writing when one of its words, or two of its words in a row, is a form in nkquotes'
*bundled* cue lexicon (``said``, ``told``, ``according to``, ``tweeted``); a user's own
lexicon entries do not change the split, so figures stay comparable between runs.
"""

from __future__ import annotations

import functools

from nkquotes import _lazyregex
from nkquotes._cues import CueLexicon, load_lexicon

__all__ = ["is_speech_cue"]

_WORD = _lazyregex.compile(r"[\w’'-]+")


@functools.cache
def _bundled() -> CueLexicon:
    return load_lexicon()


def is_speech_cue(cue: str) -> bool:
    """Whether the annotated *cue* is one of speaking or writing.

    >>> is_speech_cue("told reporters"), is_speech_cue("according to")
    (True, True)
    >>> is_speech_cue("polls show"), is_speech_cue("believes"), is_speech_cue(":")
    (False, False, False)
    """
    lexicon = _bundled()
    words = [w.replace("’", "'").lower() for w in _WORD.findall(cue)]
    for i, word in enumerate(words):
        if i + 1 < len(words) and lexicon.lookup(f"{word} {words[i + 1]}") is not None:
            return True
        if lexicon.lookup(word) is not None:
            return True
    return False
