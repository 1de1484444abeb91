"""Where reported content ends: clause boundaries found without a parser.

Content runs to the end of its sentence unless something closes it first: a participle
clause (``, adding …``), an inverted attribution of another speaker (``, X said``), a
coordinated predicate (``… and urged …``), a contrastive clause (``, but it is unclear``),
a dashed aside or a participial modifier (``, making him the first …``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from nkquotes import _lazyregex
from nkquotes._cues import CueIndex
from nkquotes._quotes_draft import ParagraphQuotes, block_at
from nkquotes._quotes_fast import ASCII_WORD, HSPACE
from nkquotes._quotes_mention import aux_before, mention_after, mention_before
from nkquotes._sentences import wordset

__all__ = [
    "COORD",
    "comma_at",
    "comma_before",
    "content_end",
    "coord_back",
    "count_words",
    "cut_asides",
    "first_comma",
    "prev_word",
]


_PREV_WORD = _lazyregex.compile(r"(?r)(?P<w>[\w’']+)[^\S\n]*+\Z")


_WORD_CHARS = ASCII_WORD | {"’", "'"}
_WORD_STRIP = "".join(sorted(_WORD_CHARS))


def prev_word(text: str, lo: int, pos: int) -> str:
    """The word ending before *pos* (white space allowed), lowercased, or ``""``.

    ``str`` lookups give :data:`_PREV_WORD`'s answer while the word is ASCII (or ``’``);
    any other character defers to the pattern.
    """
    lo = max(lo, pos - 40)
    p = pos
    while p > lo and text[p - 1] in HSPACE:
        p -= 1
    # the ASCII run before p, found by str.rstrip a short window at a time (in C); inline,
    # as a Python call costs more than this body
    end = p
    while True:
        a = end - 24
        if a < lo:
            a = lo
        q = a + len(text[a:end].rstrip(_WORD_STRIP))
        if q > a or a == lo:
            break
        end = a
    if q > lo and text[q - 1] >= "\x80":
        m = _PREV_WORD.match(text, lo, pos)
        return m.group("w").lower() if m is not None else ""
    return text[q:p].lower()


_ABBREV = wordset("mr mrs ms dr sen rep gov gen st jr sr prof lt col sgt")
#: ", making him the first …": a participial modifier closes the reported content.
_HSPACE_CLASS = re.escape("".join(sorted(HSPACE)))
_CONTENT_STOP = _lazyregex.compile(
    r"(?P<dash>[^\S\n]++(?:--|—|–)[^\S\n]++(?=[a-z]))"
    r"|(?P<tail>,[\"”’]?[^\S\n]*+(?:but|as)[^\S\n]++"
    r"(?:it|there|the|this|he|she|they|talks|no|\p{Lu}\w*+)\b"
    r"|,[\"”’]?[^\S\n]*+(?:while|whereas|although|though)\b|[^\S\n]amid\b)"
    r"|(?P<part>,[\"”’]?[^\S\n]++(?:[a-z]+ly[^\S\n]++)?(?!including\b)[a-z]+ing\b)"
    r"|(?P<semi>;[^\S\n]+)"
)
_PAIRED_DASH = _lazyregex.compile(r"[^\S\n](?:--|—|–)(?:[^\S\n]|$)")
_TRAILING_DAY = _lazyregex.compile(
    r"(?r)[^\S\n]+(?:on[^\S\n]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\Z"
)
_CLAUSE_CONJ = _lazyregex.compile(
    r"(?r),?[^\S\n]*+\b(?:while|whereas|but|and|although|though|even as)[^\S\n]++\Z"
)
COORD = _lazyregex.compile(
    r"(?r)(?P<cut>,?[^\S\n]*\b(?:and|but)[^\S\n]+(?:(?:also|then|later|[a-z]+ly)[^\S\n]+)?)\Z"
)


_COORD_LAST = ("and", "but", "also", "then", "later", "ly")


def coord_back(text: str, lo: int, pos: int) -> regex.Match[str] | None:
    """``COORD.match``, tried only where white space ends the window after one of the words
    that end its alternatives ("and", "but", an adverb)."""
    if pos > lo and text[pos - 1] in HSPACE:
        p = pos - 1  # ends_before_space, inlined: a Python call costs more than the loop
        while p > lo and text[p - 1] in HSPACE:
            p -= 1
        if text.endswith(_COORD_LAST, lo, p):
            return COORD.match(text, lo, pos)
    return None


#: Where a match of :data:`_CONTENT_STOP` may start: a run of white space before a dash
#: (tried at the run's first character: a later one reads the same dash), white space
#: before "amid", a comma or a semicolon (each alternative opens so). A ``re`` search for
#: these passes over the words between in C, in time linear in the span.
_STOP_START = re.compile(
    f"(?<![{_HSPACE_CLASS}])[{_HSPACE_CLASS}]++(?:--|—|–)|[{_HSPACE_CLASS}]amid|[,;]"
)


def _content_stops(text: str, start: int, end: int) -> Iterable[regex.Match[str]]:
    """``_CONTENT_STOP.finditer``, run only where one of the characters every match holds
    (a comma, a semicolon, a dash, or "amid") is in the span: two contents in three have
    none."""
    for needle in (",", ";", "—", "–", "--", "amid"):
        if text.find(needle, start, end) >= 0:
            return _stops_from(text, start, end)
    return ()


def _stops_from(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """``_CONTENT_STOP.finditer(text, start, end)``: the pattern is matched only where
    :data:`_STOP_START` finds a possible start (the leftmost first, as ``finditer`` does),
    not tried at every offset of the span."""
    match = _CONTENT_STOP.compiled.match
    search = _STOP_START.search
    pos = start
    while pos < end:
        if pos > 0 and text[pos] in HSPACE and text[pos - 1] in HSPACE:
            # inside a run of white space, where _STOP_START's lookbehind looks past `pos`
            m = match(text, pos, end)
            if m is not None:
                yield m
                pos = m.end()
                continue
            pos += 1  # the rest of the run reads the same dash: only "amid" may follow
            if pos >= end:
                return
        c = search(text, pos, end)
        if c is None:
            return
        p = c.start()
        m = match(text, p, end)
        if m is None:
            pos = p + 1
            continue
        yield m
        pos = m.end()


#: Later cues examined per content span at most (news sentences hold under 10).
_MAX_LATER_CUES = 16


def content_end(text: str, cues: CueIndex, start: int, end: int, pq: ParagraphQuotes) -> int:
    """Where content starting at *start* stops.

    At the sentence end, or before a later cue that starts a clause of its own: a
    participle (``, adding …``), ``, according to X``, an inverted attribution
    (``, X said``, ``, reports CNN``) or a coordinated predicate (``… and urged …``).
    """
    partner = -1  # the closing dash of a paired aside
    stops = _content_stops(text, start, end)
    for stop in stops:
        if stop.start() == partner:
            continue
        k = block_at(pq, stop.start())
        if k >= 0 and pq.blocks[k].end > stop.start() + 2:
            continue  # inside a quotation (a comma just before the closing mark counts)
        words = len(text[start : stop.start()].split())
        if stop.lastgroup == "dash":
            pair = _PAIRED_DASH.search(text, stop.end(), end)
            if pair is not None:
                partner = pair.start()
                continue  # "… entities — including a bank — for …": a paired aside stays
            if words < 4:
                continue
        if stop.lastgroup in ("tail", "semi") and words < 3:
            continue
        end = stop.start()
        if stop.lastgroup == "tail":
            day = _TRAILING_DAY.search(text, max(start, end - 20), end)
            if day is not None:
                end = day.start()
        break
    for n, m in enumerate(cues.between(start, end)):
        if n >= _MAX_LATER_CUES:
            break  # hostile text ("said said said …"): stop at the sentence end
        if pq.blocks and block_at(pq, m.start) >= 0:
            continue
        entry = m.entry
        p = m.start
        while p > start and text[p - 1] in " \t":
            p -= 1
        if p <= start:
            continue
        if entry.ing or "after" in entry.flags:
            c = comma_at(text, start, m.start)
            if c > start:
                return c - 1 if text[c - 1] in ",;—–" else c
            continue
        comma = comma_at(text, start, m.start)
        if (
            comma > start
            and "mixedonly" not in entry.flags
            and mention_after(text, m.end, end) is not None
        ):
            # ", reports CNN" / ", said X"
            return comma - 1 if text[comma - 1] in ",—–" else comma
        mend, _ = aux_before(text, start, m.start)
        mention = mention_before(text, start, mend, appositive=False)
        if mention is not None:
            q = mention[0]
            while q > start and text[q - 1] in " \t":
                q -= 1
            if q > start and text[q - 1] in ".?!" and prev_word(text, start, q - 1) not in _ABBREV:
                return q  # a sentence boundary the splitter missed: "… the U.S. He says …"
            c = comma_at(text, start, mention[0])
            if c > start:
                return c - 1 if text[c - 1] in ",—–" else c
            conj = _CLAUSE_CONJ.match(text, max(start, mention[0] - 20), mention[0])
            if conj is not None and conj.start() > start:
                return conj.start()  # "…, while Russia said …"
        co = coord_back(text, max(start, m.start - 40), mend)
        if co is not None:
            return co.start("cut")
    return end


def count_words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def first_comma(text: str, pq: ParagraphQuotes, start: int, end: int) -> int:
    """The first comma in ``[start, end)`` outside quotation marks, or *end*."""
    p = start
    while True:
        p = text.find(",", p, end)
        if p < 0:
            return end
        k = block_at(pq, p)
        if k < 0:
            return p
        p = pq.blocks[k].end


_CLOSERS = frozenset("\"”’'»")


def comma_at(text: str, lo: int, pos: int) -> int:
    """Offset just after the comma (and a closing mark after it) ending before *pos*, or -1."""
    p = pos
    while p > lo and text[p - 1] in " \t":
        p -= 1
    if p > lo and text[p - 1] in ",—–":
        return p
    if p - 1 > lo and text[p - 1] in _CLOSERS and text[p - 2] in ",—–":
        return p
    if p - 2 > lo and text[p - 1] == text[p - 2] == "'" and text[p - 3] == ",":
        return p  # archives writing the closing double mark as two apostrophes: ",''"
    return -1


def comma_before(text: str, lo: int, pos: int) -> bool:
    return comma_at(text, lo, pos) >= 0


#: A non-restrictive aside inside reported content: ", in which he vowed …," or
#: " - Jane Roe, who was placed on leave - ". Annotators leave it out of the content.
_ASIDE = _lazyregex.compile(
    r",[^\S\n]++(?:in[^\S\n]+which|which|who|whose|where)\b[^,;\n]{3,200}?,[^\S\n]++"
    r"|[^\S\n]++(?:--|—|–|-)[^\S\n]++[^-—–\n]{3,150}?[^\S\n]++(?:--|—|–|-)[^\S\n]++"
)


def _aside(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``_ASIDE.search``, tried only where a relative pronoun or two dashes are."""
    seg = text[start:end]
    if "which" in seg or "who" in seg or "where" in seg or sum(map(seg.count, "-—–")) >= 2:
        return _ASIDE.search(text, start, end)
    return None


def cut_asides(
    text: str, pq: ParagraphQuotes, segs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """*segs* with one aside cut out of each segment, where words remain on both sides."""
    out: list[tuple[int, int]] = []
    for start, end in segs:
        if (
            text.find(",", start, end) < 0
            and text.find("-", start, end) < 0
            and text.find("—", start, end) < 0
            and text.find("–", start, end) < 0
        ):
            out.append((start, end))  # no comma, no dash: no aside (the common case)
            continue
        m = _aside(text, start, end)
        if (
            m is None
            or count_words(text, start, m.start()) < 2
            or count_words(text, m.end(), end) < 2
            or block_at(pq, m.start()) >= 0
            or block_at(pq, m.end() - 1) >= 0
        ):
            out.append((start, end))
            continue
        out.extend([(start, m.start()), (m.end(), end)])
    return out
