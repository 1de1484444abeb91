"""Line roles for article structure: each trimmed line of raw text is classified as body,
title, caption, byline or boilerplate in a few linear passes.

Pass 1 looks at each line alone (lexicon furniture, date stamps, lone tokens, all-capital
labels, glued menus, photo captions, a caption printed twice on one line). Pass 2 (in
:mod:`nkquotes._structure_repeats`) marks teasers the body repeats and repeated lines.
Pass 3 finds the headline, the end of the story (``(END)``), related lists, bylines and
captions under the headline.

The lines are held column by column in :class:`~nkquotes._structure_slots.Slots`.
"""

from __future__ import annotations

import re
from itertools import compress, count

from nkquotes import _lazyregex
from nkquotes._model import BoilerplateKind
from nkquotes._sentences import wordset
from nkquotes._structure_lexicon import (
    CREDITED_CAPTION,
    canonical_agency,
    fold,
    furniture_kind,
    is_caption,
    is_non_english,
    may_be_furniture,
)
from nkquotes._structure_lines import words
from nkquotes._structure_meta import (
    match_byline,
    match_date_line,
    match_dateline,
    match_title_stamp,
)
from nkquotes._structure_slots import LineClass, Role, Slots

__all__ = [
    "PLAIN",
    "TERMINAL",
    "classify",
    "doubled",
    "find_title",
    "mark_end",
    "mark_foreign",
    "mark_tail",
]

K = BoilerplateKind


TERMINAL = frozenset(".!?\"”’'):;…")
_TWO_CAPS = _lazyregex.compile(r"\p{Lu}\P{L}*\p{Lu}")
_LOWER = _lazyregex.compile(r"\p{Ll}")
_POSSESSIVE = _lazyregex.compile(r"(?:['’]s)?\.?$")
_BULLETS = _lazyregex.compile(r"\s[•·|▪]\s")
_GLUED = _lazyregex.compile(r"\p{Ll}{3}\p{Lu}")
# The same on ASCII text, found by its capital: ``re`` skips to a pattern's first class
# quickly, and the matches (disjoint, each ending at its capital) are as many.
_GLUED_ASCII = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])")
_CASED = _lazyregex.compile(r"[\p{Ll}\p{Lu}]")
_ASCII_RUN = _lazyregex.compile(r"[\x00-\x7f]+")
_LATIN_NON_ASCII = _lazyregex.compile(r"[\u0080-\u024f\u1e00-\u1eff]+")
_ASCII_CAPITALS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_CAPITALS + b"abcdefghijklmnopqrstuvwxyz"
# Every byte to ``a`` (a small ASCII letter), ``A`` (a capital) or a space.
_LETTER_SHAPES = bytes(
    ord("a") if 97 <= b <= 122 else ord("A") if 65 <= b <= 90 else ord(" ") for b in range(256)
)
_URL = _lazyregex.compile(r"(?i)https?://|www\.|\S@\S")
_OUTLET_SUFFIX = wordset(
    """
        herald times post news journal daily tribune ilbo press gazette guardian telegraph
        observer monitor insider weekly today online mobile agency review chronicle standard
        star sun mail express wire network tv radio media shimbun
        """
)
_SAYS_HEADLINE = _lazyregex.compile(
    r",\s[\p{Lu}][\p{L}'’-]+\s(?:says|warns|claims|insists|urges)\.?$"
)
_END_MARK = _lazyregex.compile(r"(?i)\(?\s*end\s*\)?|enditem|end\s+item")


# --- pass 1: each line on its own -------------------------------------------------------


#: An ordinary line: body, not classified.
PLAIN: LineClass = (Role.BODY, K.OTHER, False, None)


def classify(seg: str, count: int) -> LineClass:
    """The class of a trimmed line *seg* (of *count* words) read on its own."""
    size = len(seg)
    # Folded once for the lexicon's and the caption's word tests (the lexicon's only reads
    # lines up to 600 characters; the caption test folds a longer line itself if it comes).
    # (``fold`` of an ASCII line is its lower case, and ``classify_line`` is its two tests:
    # written out, they are two calls fewer on every line.)
    folded = (seg.lower() if seg.isascii() else fold(seg)) if size <= 600 else None
    kind = (
        furniture_kind(seg, folded)
        if folded is not None and may_be_furniture(seg, folded)
        else None
    )
    if kind is not None:
        return (Role.BOILER, kind, True, None)
    # The guards written out before the calls below are each test's own first condition:
    # most lines are prose, and fail them.
    date = match_date_line(seg) if size <= 120 else None
    if date is not None:
        return (Role.BOILER, K.OTHER, True, date)
    if count <= 3 and canonical_agency(seg.strip("()[]-–—. ")) is not None:
        return (Role.BOILER, K.CREDIT, True, None)  # ``Thomson Reuters``, ``(Yonhap)``, ``-ANI``
    if count == 1:
        # A lone token holds no U+0020, so the agency test above already saw this string.
        return (Role.BOILER, K.OTHER, True, None)
    if seg[0] in "•·▪►" and count <= 5 and seg[-1] not in TERMINAL:
        return (Role.BOILER, K.NAVIGATION, True, None)  # a short bulleted menu or tag item
    if 20 <= size <= 1200:
        # ``doubled``'s second copy starts one (odd length) or zero or two (even) characters
        # after the middle, with the line's first character: a line without it is not tried.
        half, head = size // 2, seg[0]
        if (
            (seg[half + 1] == head) if size % 2 else (seg[half] == head or seg[half + 1] == head)
        ) and doubled(seg) is not None:
            return (Role.CAPTION, K.OTHER, True, None)
    if count <= 12 and _TWO_CAPS.search(seg) and not _LOWER.search(seg):
        return (Role.BOILER, K.NAVIGATION, True, None)
    if (count <= 60 and _glued_menu(seg, count)) or (
        ("•" in seg or "·" in seg or "|" in seg or "▪" in seg) and _bulleted(seg)
    ):
        return (Role.BOILER, K.NAVIGATION, True, None)
    if count <= 80 and is_caption(seg, folded):
        return (Role.CAPTION, K.OTHER, True, None)
    if (seg.lower() == seg.upper()) if seg.isascii() else _non_latin(seg):
        return (Role.BOILER, K.OTHER, True, None)  # (an ASCII line: ``_non_latin``'s own test)
    if (
        2 <= count <= 3
        and _POSSESSIVE.sub("", words(seg)[-1].lower()) in _OUTLET_SUFFIX
        and all(t[:1].isupper() for t in words(seg))
        and not seg.endswith(".")
    ):
        return (Role.BOILER, K.NAVIGATION, True, None)
    return PLAIN


def _glued_menu(seg: str, count: int) -> bool:
    """Menu items run together (``FinancialGovernment SolutionsLegal``); *count* is
    ``len(words(seg))``."""
    if count > 60:
        return False
    # Each glued token holds a match of its own, and each match holds a capital: a line with
    # fewer capitals (or non-ASCII characters, which may be capitals) than glued tokens are
    # needed cannot be a menu.
    needed = max(3, -(-count // 4))
    ascii_part = seg.encode("ascii", "ignore")
    capitals = len(ascii_part) - len(ascii_part.translate(None, _ASCII_CAPITALS))
    if capitals + len(seg) - len(ascii_part) < needed:
        return False
    # Without a cased letter outside ASCII (curly quotes and dashes are not), every match
    # is ASCII: the ASCII pattern finds the same ones.
    if (
        len(ascii_part) == len(seg)
        or _uncased_marks(seg) == len(seg) - len(ascii_part)
        or _CASED.search(_ASCII_RUN.sub("", seg)) is None
    ):
        pattern: re.Pattern[str] | _lazyregex.LazyPattern = _GLUED_ASCII
        # ``_GLUED_ASCII``'s matches, counted in bytes: each is a capital after three small
        # letters (``aaaA`` below, which cannot overlap itself); another character is a
        # space, one byte each.
        shape = ascii_part if len(ascii_part) == len(seg) else seg.encode("ascii", "replace")
        if shape.translate(_LETTER_SHAPES).count(b"aaaA") < needed:
            return False
    elif len(_GLUED.findall(seg)) < needed:
        return False
    else:
        pattern = _GLUED
    glued = sum(1 for t in words(seg) if pattern.search(t))
    return glued >= 3 and glued * 4 >= count


def _uncased_marks(seg: str) -> int:
    """How many of *seg*'s characters are the common marks of English text outside ASCII
    (curly quotes, dashes, ellipsis, no-break space): if they are all of its non-ASCII
    characters, it has no cased letter outside ASCII (counting is faster than a pattern)."""
    return (
        seg.count("“")
        + seg.count("”")
        + seg.count("’")
        + seg.count("‘")
        + seg.count("—")
        + seg.count("–")
        + seg.count("…")
        + seg.count("\u00a0")
    )


def _bulleted(seg: str) -> bool:
    """Two or more `` • `` separators (a menu on one line)."""
    if not ("•" in seg or "·" in seg or "|" in seg or "▪" in seg):
        return False
    return len(_BULLETS.findall(seg)) >= 2


def doubled(seg: str) -> int | None:
    """If *seg* is one text printed twice (``A A``), the length of the first copy."""
    if not 20 <= len(seg) <= 1200:
        return None
    for gap in (1, 2, 0):
        first = (len(seg) - gap) // 2
        if (
            first * 2 + gap == len(seg)
            and first >= 10
            and seg[0] == seg[first + gap]  # before copying both halves
            and seg[:first] == seg[first + gap :]
            and not seg[first : first + gap].strip()
            and len(set(words(seg[:first]))) >= 3
        ):
            return first
    return None


def _non_latin(seg: str) -> bool:
    """Whether *seg* has no letters, or mostly letters of another script (``지나쌤``)."""
    if seg.isascii():
        # An ASCII letter is the only ASCII ``\p{L}``, and the only ASCII character that
        # case mapping changes: comparing two mappings is cheaper than a ``regex`` call.
        return seg.lower() == seg.upper()
    # ASCII letters are Latin: count them in bytes, and look at the other characters alone.
    ascii_part = seg.encode("ascii", "ignore")
    ascii_letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if ascii_letters and ascii_letters >= len(seg) - len(ascii_part):
        # Mostly another script needs more non-ASCII letters than ASCII ones (see below).
        return False
    others = "".join(filter(str.isalpha, _ASCII_RUN.sub("", seg)))
    if not ascii_letters and not others:
        return True
    latin = ascii_letters + len(others) - len(_LATIN_NON_ASCII.sub("", others))
    return latin * 2 < ascii_letters + len(others)


def _lowercase_words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if t[:1].islower())


# --- pass 3: title, end of story, tail --------------------------------------------------


def _headline_like(seg: str, *, strict: bool = False) -> bool:
    tokens = words(seg)
    if not 2 <= len(tokens) <= 25 or len(seg) > 250:
        return False
    # ``_URL`` needs ``://``, ``www.`` or ``@``: the call is skipped when neither mark is there.
    if ("/" in seg or "." in seg or "@" in seg) and _URL.search(seg):
        return False
    if len(tokens) == 2 and all(t[:1].isupper() for t in tokens):
        return False  # ``Latest Videos``: a label, not a headline
    first = seg[0]
    if not (first.isupper() or first.isdigit() or (first in "\"'“‘" and seg[1:2].isalnum())):
        return False
    if seg[-1] in ",:-–—":
        return False
    if seg.endswith(".") and (strict or (len(tokens) > 16 and not _title_case(tokens))):
        return False
    return not (strict and seg[-1] in TERMINAL)


def _title_case(tokens: list[str]) -> bool:
    """Whether most words of a line are capitalised, as in ``Stealth Over Health``."""
    worded = [t for t in tokens if t[:1].isalpha() and len(t) > 3]
    capital = sum(1 for t in worded if t[:1].isupper())
    return bool(worded) and capital * 10 >= len(worded) * 7


def find_title(slots: Slots, *, header_lines: int, detect_boilerplate: bool) -> int | None:
    """The headline line's index, if the text has one (marking page labels above it)."""
    roles, segs, counts = slots.roles, slots.segs, slots.counts
    body_role = Role.BODY
    if roles.count(body_role) < 2:
        return None
    body = slots.body()
    candidates: list[int] = []
    for index in range(min(header_lines, len(roles))):
        if roles[index] is not body_role:
            continue
        seg = segs[index]
        if _headline_like(seg) and match_byline(seg) is None:
            candidates.append(index)
            continue
        pieces = match_title_stamp(seg) if not candidates else None
        if pieces is not None and _headline_like(seg[: pieces[0][2]]):
            slots.pieces[index] = pieces
            slots.set_role(index, Role.TITLE)
            return index
        if detect_boilerplate and counts[index] <= 4 and not candidates:
            slots.set_role(index, Role.BOILER, K.NAVIGATION)
            continue
        break
    if candidates:
        # A headline the page prints twice (apart) beats a section label printed before it.
        repeated = [c for c in candidates if _repeated_apart(segs, c)]
        # ``One app.``: a slogan, not a headline, when a real one follows.
        longer = [c for c in candidates if counts[c] > 4 or not segs[c].endswith(".")]
        title = (repeated or longer or candidates)[0]
        if (
            not repeated
            and title == candidates[0]
            and len(candidates) > 1
            and counts[title] <= 3
            and counts[candidates[1]] >= 5
            and segs[candidates[1]][-1] not in TERMINAL
        ):
            title = candidates[1]  # ``Off the wire``: a section label above the headline
        for index in range(title):
            if roles[index] is body_role:
                slots.set_role(index, Role.BOILER, K.OTHER)  # promotional lines above it
        slots.set_role(title, Role.TITLE)
        return title
    # A page whose headline is printed after the lede (no headline in the header).
    for index in body[1:4]:
        if (
            roles[index] is body_role
            and slots.gap_before(index)
            and _headline_like(segs[index], strict=True)
            and counts[index] >= 5
            and index != body[-1]
        ):
            slots.set_role(index, Role.TITLE)
            return index
    return None


def mark_foreign(slots: Slots) -> None:
    """Lines in another language (widget text) after the body has begun."""
    body = slots.body()
    for index in reversed(body[1:]):
        seg = slots.segs[index]
        if not (_lowercase_words(words(seg)) >= 4 and is_non_english(seg)):
            break
        slots.set_role(index, Role.BOILER, K.OTHER)


def _repeated_apart(segs: list[str], index: int) -> bool:
    """Whether line *index*'s text recurs on a later line that does not directly follow it."""
    return segs[index] in segs[index + 2 :]


def mark_end(slots: Slots) -> None:
    """After ``(END)`` or ``Enditem`` on its own line, every line is a most-read list."""
    # Whether a line is the mark depends on its text alone: each distinct text is tested once.
    # ``_END_MARK`` holds at most three words (``( end )``), and only ``n`` and ``N`` fold to
    # ``n``: cheap tests before folding.
    marks = {
        seg
        for seg, words in slots.counts_of.items()
        if words <= 3
        and ("n" in seg or "N" in seg)
        and "end" in fold(seg)
        and _END_MARK.fullmatch(seg.strip())
    }
    if not marks:
        return
    roles, kinds = slots.roles, slots.kinds
    boiler, body_role, other = Role.BOILER, Role.BODY, K.OTHER
    for index in compress(count(), map(marks.__contains__, slots.segs)):
        if roles[index] is boiler:
            for later in range(index + 1, len(roles)):
                if roles[later] is body_role or (roles[later] is boiler and kinds[later] is other):
                    slots.set_role(later, Role.BOILER, K.RELATED)
            return


def mark_tail(slots: Slots, title: int | None) -> None:
    """Bylines near the top or the end, a photo caption under the headline, a list of
    related headlines after a ``See Also:`` label, and a related headline closing the page.
    """
    body = slots.body()
    if not body:
        return
    roles, segs = slots.roles, slots.segs
    for index in body[:3] + body[-3:]:
        if match_byline(segs[index]) is not None:
            slots.set_role(index, Role.BYLINE)
            break
    body_role = Role.BODY
    body = [i for i in body if roles[i] is body_role]
    first = body[0] if body else None
    if (
        title is not None
        and first is not None
        and len(body) >= 2
        and "(" in segs[first]  # both of ``CREDITED_CAPTION``'s branches need it
        and CREDITED_CAPTION.search(segs[first])
        and match_dateline(segs[first], 0, len(segs[first])) is None
    ):
        slots.set_role(body[0], Role.CAPTION)
    _mark_related_list(slots)
    body = [i for i in body if roles[i] is body_role]
    if len(body) < 3:
        return
    last = body[-1]
    seg = segs[last]
    if match_byline(seg, bare=True) is not None:
        slots.set_role(last, Role.BYLINE)
    elif (
        slots.counts[last] <= 14
        and (seg[-1] not in TERMINAL or _SAYS_HEADLINE.search(seg))
        and seg[:1].isupper()
    ):
        slots.set_role(last, Role.BOILER, K.RELATED)


def _mark_related_list(slots: Slots) -> None:
    """After a related-stories label, a run of short lines to the end is that list."""
    roles, kinds = slots.roles, slots.kinds
    if K.RELATED not in kinds:  # (a scan in C first: most pages have no such label)
        return
    boiler = Role.BOILER
    labels = [i for i, role in enumerate(roles) if role is boiler and kinds[i] is K.RELATED]
    if not labels:
        return
    body_role = Role.BODY
    rest = [i for i in range(labels[-1] + 1, len(roles)) if roles[i] is body_role]
    segs, counts = slots.segs, slots.counts
    sentences = sum(1 for i in rest if segs[i][-1] in ".\"”’'")
    if rest and all(counts[i] <= 20 for i in rest) and sentences * 2 < len(rest):
        for index in rest:
            slots.set_role(index, Role.BOILER, K.RELATED)
