"""Pass 2 of the line roles: teasers (an opening line the body repeats inside a longer
line) and lines printed twice (a logo and its alt text, a photo caption, the headline)."""

from __future__ import annotations

import operator
from itertools import compress, count

from nkquotes import _lazyregex
from nkquotes._model import BoilerplateKind
from nkquotes._structure_lines import ASCII_SPACE_BYTES, join_words, split_differs
from nkquotes._structure_slots import Role, Slots

__all__ = [
    "mark_repeated_captions",
    "mark_repeated_labels",
    "mark_teasers",
    "mark_title_repeats",
    "squeeze",
]

K = BoilerplateKind
_SPACES = _lazyregex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


def squeeze(segment: str) -> str:
    """*segment* without whitespace and zero-width characters (``_SPACES`` removed)."""
    if split_differs(segment):
        return _SPACES.sub("", segment)
    return "".join(segment.split())


def mark_teasers(text: str, slots: Slots, header_lines: int, *, plain: bool | None = None) -> None:
    """An opening line that the body repeats inside a longer line is a teaser.

    *plain* is ``not split_differs(text)`` if the caller has it.
    """
    if plain is None:
        plain = not split_differs(text)
    if not plain:
        _mark_teasers_squeezing_lines(text, slots, header_lines)
        return
    # Without U+001C-U+001F and zero-width characters, squeezing is deleting ``str.isspace``
    # characters, and between lines there are only those: the squeezed text is the squeezed
    # lines joined. (What ``_mark_teasers_squeezing_lines`` does, with one pass per line.)
    lines: list[str] | None = None
    squeezed = ""
    ends: list[int] = []
    classified, counts, segs = slots.classified, slots.counts, slots.segs
    for index in range(min(header_lines, len(segs))):
        if classified[index] or counts[index] < 18:
            continue
        if lines is None:
            # (``join_words``'s ASCII branch written out: most lines take it.)
            lines = [
                seg.encode("ascii").translate(None, ASCII_SPACE_BYTES).decode("ascii")
                if seg.isascii()
                else join_words(seg)
                for seg in segs
            ]
            squeezed = "".join(lines)
            total = 0
            for line in lines:
                total += len(line)
                ends.append(total)
        mine = lines[index]
        # The probe squeezes the line without its closing spaces and dots: squeezing deletes
        # characters one by one, so it is the squeezed line without those dots.
        seg = segs[index]
        kept = len(seg.rstrip(" ."))
        dots = len(seg) - kept - seg.count(" ", kept)
        probe = mine[: len(mine) - dots]
        if squeezed.find(probe, ends[index]) < 0:
            continue
        if not any(other == mine for other in lines[index + 1 :]):
            slots.set_role(index, Role.BOILER, K.OTHER)


def _mark_teasers_squeezing_lines(text: str, slots: Slots, header_lines: int) -> None:
    squeezed: str | None = None
    # Removing characters one by one, the squeezed text is the squeezed pieces joined:
    # ``ends[i]`` is the length of the squeezed text up to the end of ``slots[i]``.
    lines: list[str] = []
    ends: list[int] = []
    for index in range(min(header_lines, len(slots))):
        if slots.classified[index] or slots.counts[index] < 18:
            continue
        if squeezed is None:
            # Between lines there are only blanks, and squeezing leaves of them only
            # U+001C-U+001F (which ``regex``'s ``\s`` leaves out): without those, gaps are empty.
            gaps = any(c in text for c in "\x1c\x1d\x1e\x1f")
            pieces: list[str] = []
            pos = total = 0
            for start, end, segment in zip(slots.starts, slots.ends, slots.segs, strict=True):
                gap, seg = squeeze(text[pos:start]) if gaps else "", squeeze(segment)
                pieces += (gap, seg)
                lines.append(seg)
                total += len(gap) + len(seg)
                ends.append(total)
                pos = end
            pieces.append(squeeze(text[pos:]) if gaps else "")
            squeezed = "".join(pieces)
        probe = squeeze(slots.segs[index].rstrip(" ."))
        if squeezed.find(probe, ends[index]) < 0:
            continue
        mine = lines[index]
        if not any(other == mine for other in lines[index + 1 :]):
            slots.set_role(index, Role.BOILER, K.OTHER)


def _repeats(slots: Slots) -> list[int]:
    """The indices of the lines whose text is the previous line's, in order (in C: most
    lines differ from the one before; found once per text)."""
    found = slots.repeats
    if found is None:
        segs = slots.segs
        found = list(compress(count(1), map(operator.eq, segs, segs[1:])))
        slots.repeats = found
    return found


def mark_repeated_labels(slots: Slots) -> None:
    """A short line printed twice in a row (a logo and its alt text) is a page label."""
    roles, counts, kinds, classified = slots.roles, slots.counts, slots.kinds, slots.classified
    body, boiler, navigation = Role.BODY, Role.BOILER, K.NAVIGATION
    # Only a line repeating the one before can be marked, and marking touches those two
    # (``slots.set_role`` written out: a hostile text may repeat one line throughout).
    for index in _repeats(slots):
        if roles[index - 1] is body and counts[index] <= 4:
            roles[index - 1] = roles[index] = boiler
            kinds[index - 1] = kinds[index] = navigation
            classified[index - 1] = classified[index] = True


def mark_title_repeats(slots: Slots, title: int) -> None:
    segs = slots.segs
    seg = segs[title]
    for index in _occurrences(segs, seg):
        if index != title:
            slots.set_role(index, Role.BOILER, K.OTHER)


def _occurrences(segs: list[str], seg: str) -> list[int]:
    """The indices of the lines whose text is *seg* (found by ``list.index``, in C)."""
    found: list[int] = []
    index = -1
    while True:
        try:
            index = segs.index(seg, index + 1)
        except ValueError:
            return found
        found.append(index)


def mark_repeated_captions(slots: Slots) -> None:
    """A line printed twice in a row is a photo caption; the second copy is neither."""
    roles, counts, kinds, classified = slots.roles, slots.counts, slots.kinds, slots.classified
    body, caption, drop, other = Role.BODY, Role.CAPTION, Role.DROP, K.OTHER
    for index in _repeats(slots):
        if counts[index] >= 5 and (roles[index - 1] is body or roles[index - 1] is caption):
            # ``slots.set_role`` written out, as above
            roles[index - 1], roles[index] = caption, drop
            kinds[index - 1] = kinds[index] = other
            classified[index - 1] = classified[index] = True
