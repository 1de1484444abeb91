"""Pass 2 of the line roles: teasers (an opening line the body repeats inside a longer
line) and lines printed twice (a logo and its alt text, a photo caption, the headline)."""

from __future__ import annotations

import itertools

from nkquotes import _lazyregex
from nkquotes._model import BoilerplateKind
from nkquotes._structure_lines import join_words, split_differs
from nkquotes._structure_roles import Role, Slot, set_role

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


def mark_teasers(
    text: str, slots: list[Slot], header_lines: int, *, plain: bool | None = None
) -> None:
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
    for index, slot in enumerate(slots[:header_lines]):
        if slot.classified or len(slot.tokens) < 18:
            continue
        if lines is None:
            lines = [join_words(s.seg) for s in slots]
            squeezed = "".join(lines)
            total = 0
            for line in lines:
                total += len(line)
                ends.append(total)
        mine = lines[index]
        # The probe squeezes the line without its closing spaces and dots: squeezing deletes
        # characters one by one, so it is the squeezed line without those dots.
        seg = slot.seg
        kept = len(seg.rstrip(" ."))
        dots = len(seg) - kept - seg.count(" ", kept)
        probe = mine[: len(mine) - dots]
        if squeezed.find(probe, ends[index]) < 0:
            continue
        if not any(other == mine for other in lines[index + 1 :]):
            set_role(slot, Role.BOILER, K.OTHER)


def _mark_teasers_squeezing_lines(text: str, slots: list[Slot], header_lines: int) -> None:
    squeezed: str | None = None
    # Removing characters one by one, the squeezed text is the squeezed pieces joined:
    # ``ends[i]`` is the length of the squeezed text up to the end of ``slots[i]``.
    lines: list[str] = []
    ends: list[int] = []
    for index, slot in enumerate(slots[:header_lines]):
        if slot.classified or len(slot.tokens) < 18:
            continue
        if squeezed is None:
            # Between lines there are only blanks, and squeezing leaves of them only
            # U+001C-U+001F (which ``regex``'s ``\s`` leaves out): without those, gaps are empty.
            gaps = any(c in text for c in "\x1c\x1d\x1e\x1f")
            pieces: list[str] = []
            pos = total = 0
            for s in slots:
                gap, seg = squeeze(text[pos : s.line.start]) if gaps else "", squeeze(s.seg)
                pieces += (gap, seg)
                lines.append(seg)
                total += len(gap) + len(seg)
                ends.append(total)
                pos = s.line.end
            pieces.append(squeeze(text[pos:]) if gaps else "")
            squeezed = "".join(pieces)
        probe = squeeze(slot.seg.rstrip(" ."))
        if squeezed.find(probe, ends[index]) < 0:
            continue
        mine = lines[index]
        if not any(other == mine for other in lines[index + 1 :]):
            set_role(slot, Role.BOILER, K.OTHER)


def mark_repeated_labels(slots: list[Slot]) -> None:
    """A short line printed twice in a row (a logo and its alt text) is a page label."""
    for previous, slot in itertools.pairwise(slots):
        if slot.seg == previous.seg and previous.role is Role.BODY and len(slot.tokens) <= 4:
            set_role(previous, Role.BOILER, K.NAVIGATION)
            set_role(slot, Role.BOILER, K.NAVIGATION)


def mark_title_repeats(slots: list[Slot], title: Slot) -> None:
    for slot in slots:
        if slot is not title and slot.seg == title.seg:
            set_role(slot, Role.BOILER, K.OTHER)


def mark_repeated_captions(slots: list[Slot]) -> None:
    """A line printed twice in a row is a photo caption; the second copy is neither."""
    for previous, slot in itertools.pairwise(slots):
        if (
            slot.seg == previous.seg
            and previous.role in (Role.BODY, Role.CAPTION)
            and len(slot.tokens) >= 5
        ):
            set_role(previous, Role.CAPTION)
            set_role(slot, Role.DROP)
