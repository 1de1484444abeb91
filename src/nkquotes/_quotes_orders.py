"""Attribution orders around a cue, and the making of a reported-speech draft.

:mod:`nkquotes._quotes_speech` reads what follows a cue; the orders where the content is
elsewhere live here:

* ``A, X said, B.`` and ``A, X said.``: the speaker inside commas (:func:`parenthetical`);
* ``CONTENT, said X.`` (:func:`inverted`);
* ``according to X, CONTENT`` / ``CONTENT, according to X`` / ``A, according to X, B``
  (:func:`according`).

:func:`make` turns content segments into a draft: a quotation used by the direct pass ends
the content, quoted words make it mixed, one whole quotation makes it direct.
"""

from __future__ import annotations

import bisect

from nkquotes import _lazyregex
from nkquotes._cues import CueEntry, CueIndex
from nkquotes._model import QuoteKind
from nkquotes._quotes_content import (
    comma_at,
    content_end,
    count_words,
    cut_asides,
)
from nkquotes._quotes_draft import Attribution, Draft, ParagraphQuotes, block_at, trim_content
from nkquotes._quotes_mention import mention_after
from nkquotes._sentences import wordset

__all__ = [
    "ASIDES",
    "according",
    "in_blocks",
    "inverted",
    "make",
    "parenthetical",
    "sentence_subject",
]


#: "according to U.S. Ambassador … Nikki Haley", "according to officials in Japan, China and
#: South Korea": an initial's full stop and a list's commas stay inside the source.
_LIST_ON = r"[^\S\n]+(?:\p{Lu}[\w.’'-]*[^\S\n]+)*and[^\S\n]+\p{Lu}[^,;:!?\n\"“”]{0,40}[.!?]?\Z"
_SOURCE_PHRASE = _lazyregex.compile(
    r"[^\S\n]*+(?P<np>[\w(](?:[^,;:!?\n\"“”]|,(?=" + _LIST_ON + r")){1,80}?)[^\S\n]*+"
    r"(?=[;:!?\n]|,(?!" + _LIST_ON + r")|(?<!\b\p{Lu})\.(?:\s|\Z)|\Z)"
)


_SUBJECT_START = _lazyregex.compile(
    r"[^\S\n]*+(?:(?:But|And|So|Yet|Still|However|Meanwhile),?[^\S\n]+)?"
)


def in_blocks(pq: ParagraphQuotes, start: int, end: int) -> list[int]:
    """Indices of the blocks overlapping ``[start, end)``."""
    found: list[int] = []
    blocks = pq.blocks
    if not blocks:
        return found  # most paragraphs hold no quotation
    k = block_at(pq, start)
    if k < 0:
        k = bisect.bisect_left(pq.starts, start)
    while 0 <= k < len(blocks) and blocks[k].start < end:
        if blocks[k].end > start:
            found.append(k)
        k += 1
    return found


def _kind_and_segments(
    text: str, pq: ParagraphQuotes, segs: list[tuple[int, int]]
) -> tuple[QuoteKind, list[tuple[int, int]]] | None:
    blocks: list[int] = []
    for s, e in segs:
        blocks.extend(in_blocks(pq, s, e))
    if not pq.used.isdisjoint(blocks):
        if len(segs) != 1:
            return None
        # 'She said A, and when pressed … replied, "B."': the content stops before the
        # quotation that the direct pass gave to another attribution
        first_used = min(k for k in blocks if k in pq.used)
        s, e = segs[0]
        cut = text.rfind(",", s, pq.blocks[first_used].start)
        s, e = trim_content(text, s, cut if cut > s else pq.blocks[first_used].start)
        if s >= pq.blocks[first_used].start or count_words(text, s, e) < 3:
            return None
        segs = [(s, e)]
        blocks = [k for k in blocks if pq.blocks[k].end <= e]
    if not blocks:
        return QuoteKind.INDIRECT, segs
    if len(segs) == 1 and len(blocks) == 1:
        b = pq.blocks[blocks[0]]
        s, e = segs[0]
        if s == b.start and e == b.end and b.inner_start < b.inner_end:
            inner = trim_content(text, b.inner_start, b.inner_end)
            return QuoteKind.DIRECT, [(inner[0], b.inner_end)]
    return QuoteKind.MIXED, segs


ASIDES = wordset(
    "in at on during after before with amid as while when for from to by without despite"
    " according including adding noting saying citing which who"
)


#: Heads of an "according to" phrase that measure or rule rather than say.
_NO_VOICE = wordset("index law laws rule rules regulation regulations standard standards schedule")

#: Prepositions opening a short adverbial before the speaker ("In the end, X agreed").
_PP_OPENERS = wordset("In At On For After Before During Since Until By From With")


def parenthetical(
    text: str,
    pq: ParagraphQuotes,
    cues: CueIndex,
    s_start: int,
    s_end: int,
    after_cue: int,
    entry: CueEntry,
    mention: tuple[int, int],
    cue_start: int,
    ce: int,
) -> Draft | None:
    """``A, X said, B.``: content before the speaker and after the cue (either may be empty)."""
    segs: list[tuple[int, int]] = []
    comma = comma_at(text, s_start, mention[0])
    stop = comma - 1 if text[comma - 1] in ",—–" else comma
    before = trim_content(text, s_start, stop)
    opener = text[before[0] : before[1]].split(" ", 1)[0]
    # "Speaking to students …, Biden said", "In the end, X agreed": an adverbial, not content
    adverbial = opener.endswith("ing") and opener[:1].isupper()
    if opener in _PP_OPENERS and count_words(text, *before) <= 4:
        adverbial = True  # "In the end, Patriot agreed to …": a short opening phrase
    if count_words(text, *before) >= 3 and not adverbial:
        segs.append(before)
    q = after_cue
    while q < s_end and text[q] in " \t,;—–":
        q += 1
    if q < s_end:
        end = content_end(text, cues, q, s_end, pq)
        after = trim_content(text, q, end)
        first = text[after[0] : after[1]].split(" ", 1)[0]
        if count_words(text, *after) >= 2 and first not in ASIDES and not first.endswith("ing"):
            segs.append(after)
    if not segs:
        return None
    return make(text, pq, segs, entry, cue_start, ce, mention, cue_start)


def inverted(
    text: str,
    pq: ParagraphQuotes,
    s_start: int,
    clause_start: int,
    ce: int,
    entry: CueEntry,
    mention: tuple[int, int],
    cue_start: int,
) -> Draft | None:
    """``CONTENT, X said.``: the content runs from the sentence start to the comma."""
    after = comma_at(text, s_start, clause_start)
    if after < 0:
        return None
    comma = after - 1 if text[after - 1] in ",—–" else after
    c_start, c_end = trim_content(text, s_start, comma)
    if count_words(text, c_start, c_end) < 3:
        return None
    return make(text, pq, [(c_start, c_end)], entry, cue_start, ce, mention, cue_start)


def according(
    text: str,
    pq: ParagraphQuotes,
    cues: CueIndex,
    s_start: int,
    s_end: int,
    cs: int,
    ce: int,
    entry: CueEntry,
) -> Draft | None:
    # "according to Yonhap", "according to state law", "according to exit polling data"
    np = _SOURCE_PHRASE.match(text, ce, s_end)
    comma = text.find(",", ce, min(s_end, ce + 240))
    if np is not None and len(np.group("np").split()) <= 10:
        mention: tuple[int, int] | None = np.span("np")
    elif not text[s_start:cs].strip() and comma > ce and block_at(pq, comma) < 0:
        # "According to a complaint filed by … and a complaint by Vermont, CONTENT"
        mention = trim_content(text, ce, comma)
    else:
        mention = mention_after(text, ce, s_end, loose=True)
    words = [] if mention is None else text[mention[0] : mention[1]].split()
    if mention is None or not words:
        return None  # "according to ,": no source at all
    if words[-1].lower() in _NO_VOICE:
        return None  # "according to his body mass index", "according to state law"
    p = mention[1]
    while p < s_end and text[p] in " \t":
        p += 1
    before = trim_content(text, s_start, cs)
    after = trim_content(text, p, s_end)
    if (
        comma_at(text, s_start, cs) >= 0
        and p < s_end
        and text[p] == ","
        and count_words(text, *after) >= 2
        and 1 <= count_words(text, *before) <= 6
    ):
        if cues.first(s_start, cs) is not None:
            return None  # "X said, according to Yonhap, …": X speaks, the outlet relays
        # "The North, according to Yonhap, fired two missiles": the aside splits the content
        segs = [before, trim_content(text, p, content_end(text, cues, p + 1, s_end, pq))]
    elif count_words(text, *before) >= 3 and (
        comma_at(text, s_start, cs) >= 0 or count_words(text, *before) >= 6
    ):
        segs = [before]
    elif p < s_end and text[p] == "," and count_words(text, *after) >= 3:
        segs = [after]
    else:
        return None
    return make(text, pq, segs, entry, cs, ce, mention, cs)


def sentence_subject(text: str, s_start: int, end: int) -> tuple[int, int] | None:
    """The mention opening the sentence (the subject of ``…, saying …``)."""
    m = _SUBJECT_START.match(text, s_start, end)
    start = m.end() if m is not None else s_start
    found = mention_after(text, start, end)
    if found is not None and text[found[0] : found[1]].endswith("ing"):
        found = None  # "Following a meeting, the council …": an opening phrase, not a name
    if found is None:
        # "During a speech on Monday, Trump attacked …, saying": skip the opening phrase
        comma = text.find(",", start, min(end, start + 80))
        if comma > 0:
            found = mention_after(text, comma + 1, end)
    return found


def make(
    text: str,
    pq: ParagraphQuotes,
    segs: list[tuple[int, int]],
    entry: CueEntry,
    cue_start: int,
    cue_end: int,
    mention: tuple[int, int] | None,
    anchor: int,
    *,
    claim: bool = False,
) -> Draft | None:
    if pq.blocks:
        kinded = _kind_and_segments(text, pq, cut_asides(text, pq, segs))
        if kinded is None:
            return None
        kind, segs = kinded
    else:  # no quotation in the paragraph (most): what _kind_and_segments answers then
        kind, segs = QuoteKind.INDIRECT, cut_asides(text, pq, segs)
    if "mixedonly" in entry.flags and kind is QuoteKind.INDIRECT and not claim:
        return None
    if "direct" in entry.flags and kind is not QuoteKind.DIRECT:
        return None
    attr = Attribution(cue_start, cue_end, entry.lemma, mention, cue_end)
    confidence = 0.8 if kind is not QuoteKind.INDIRECT else 0.7
    return Draft(segs, kind, pq.index, attr, confidence=confidence, anchor=anchor)
