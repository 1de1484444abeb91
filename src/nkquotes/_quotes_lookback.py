"""The look-back of a reported-speech cue: what stands right before it, read in one call.

The speech pass asks three questions of the few characters before every cue: the word
there (``prev_word``: "not said", "to say"), the adverbs and auxiliaries between the
speaker and the cue (``aux_before``: "has repeatedly said") and whether a comma ends the
window (``comma_at``: "…, said X"). Asked one function each, they cost three or four
Python calls per cue and each skips the same white space again; :func:`cue_back` answers
all three from one walk back over that white space. The three functions stay for their
other callers, and ``tests/test_quotes_lookback.py`` checks :func:`cue_back` against them.
"""

from __future__ import annotations

from nkquotes._quotes_content import _PREV_WORD, _WORD_STRIP
from nkquotes._quotes_fast import HSPACE
from nkquotes._quotes_guards import _AUX_ENDINGS, _AUX_LAST, _AUX_NAMES, _DIGITS, ASCII_ALNUM
from nkquotes._quotes_mention import _AUX_BACK, _HAVE, _PP_BACK, may_pp_back

__all__ = ["cue_back"]

_CLOSERS = frozenset("\"”’'»")
_COMMAS = frozenset(",—–")


def cue_back(text: str, lo: int, cs: int) -> tuple[str, int, int, int]:
    """``(prev_word(text, lo, cs), *aux_before(text, lo, cs), comma_at(text, lo, cs))``."""
    # the white space before the cue, within the widest window asked (aux_before's 60)
    a = cs - 60
    if a < lo:
        a = lo
    p = cs
    while p > a and text[p - 1] in HSPACE:
        p -= 1
    # ---- prev_word: its window is 40 characters; the run stops at its bound or at p
    lw = cs - 40
    if lw < lo:
        lw = lo
    pw = p if p > lw else lw
    end = pw
    while True:
        b = end - 24
        if b < lw:
            b = lw
        q = b + len(text[b:end].rstrip(_WORD_STRIP))
        if q > b or b == lw:
            break
        end = b
    if q > lw and text[q - 1] >= "\x80":
        m = _PREV_WORD.match(text, lw, cs)
        prev = m.group("w").lower() if m is not None else ""
    else:
        prev = text[q:pw].lower()
    # ---- comma_at: only spaces and tabs are stepped over, as far back as lo
    c = cs
    while c > lo and text[c - 1] in " \t":
        c -= 1
    comma = -1
    if c > lo:
        x = text[c - 1]
        if (
            x in _COMMAS
            or (c - 1 > lo and x in _CLOSERS and text[c - 2] in _COMMAS)
            or (c - 2 > lo and x == text[c - 2] == "'" and text[c - 3] == ",")
        ):
            comma = c  # a comma, a comma and a closing mark, or ",''" (archives)
    # ---- aux_before: no_aux's str test (window a..cs, white space ending at p), then the
    # pattern only where a word that may end a match ends at p
    aux = p < cs
    if aux:
        last = text[p - 1] if p > a else ""
        if last < "\x80" and last not in _DIGITS and not text.endswith(_AUX_ENDINGS, a, p):
            aux = False
        else:
            r = p
            while r > a and text[r - 1] in ASCII_ALNUM:
                r -= 1
            if not (r > a and not text[r - 1].isascii()):
                word = text[r:p]
                aux = (
                    word in _AUX_LAST
                    or word in _AUX_NAMES
                    or (len(word) >= 3 and word.endswith("ly") and word.islower())
                    or (len(word) == 4 and word.isdigit())
                )
    m = _AUX_BACK.match(text, a, cs) if aux else None
    if m is not None:
        have = _HAVE.search(m.group())
        return prev, m.start(), (m.start() + have.start() if have else cs), comma
    b = cs - 100
    if b < lo:
        b = lo
    if may_pp_back(text, b, cs):
        pp = _PP_BACK.match(text, b, cs)
        if pp is not None:
            return prev, pp.start(), cs, comma
    return prev, cs, cs, comma
