"""Ordinary prose lines, recognised before the line classifier runs.

Most lines of a news page are body prose, and :func:`~nkquotes._structure_roles.classify`
tries a dozen rules on each before it says so (about 60,000 machine instructions for a line
of 200 characters). :func:`is_prose` is one test, a few passes in C over the line, that
proves a line can take no other class: each of its conditions names the rules it rules out.
A line it cannot prove prose of is classified as before, so the classes are the same.
"""

from __future__ import annotations

from nkquotes._structure_caption import (
    _CAPTION_STARTS,
    _CAPTION_TAIL,
    _CAPTION_VERBS,
    has_caption_word,
)
from nkquotes._structure_lexicon import _LINE_PHRASE, _LINE_STARTS, canonical_agency, fold
from nkquotes._structure_meta import _STAMP_WORD
from nkquotes._structure_roles import PLAIN, classify, doubled
from nkquotes._structure_slots import LineClass

__all__ = ["classify_lines", "is_prose"]

#: The lexicon's bullet marks (``_BULLET_CHARS``) a trimmed line can end with: a line that
#: opens and ends with none of them is its own stripped core for the furniture test.
_BULLET_ENDS = frozenset("•·|›»>-–—*")
#: Quotation marks a prose line may open with (no bullet, digit or letter).
_OPENERS = frozenset("\"“‘'")
#: The opening marks ``match_date_line`` keeps on a token (it strips ``'`` and ``’``).
_QUOTES = frozenset('"“”')
#: Marks ``_NOT_MENU_CHAR`` finds: a line ending with one is no dashed menu.
_NOT_MENU_ENDS = frozenset('!?"”)…:;')
#: The uncased marks of English text outside ASCII, each with an ASCII stand-in that plays
#: its part in every test below (``—`` is a bullet mark and no menu dash, as ``*`` is), or a
#: stricter one (``…`` stands as a period, which ``_NOT_MENU_ENDS`` lacks).
_MARKS = (
    ("’", "'"),
    ("“", '"'),
    ("”", '"'),
    ("—", "*"),
    ("–", "-"),
    ("‘", "'"),
    ("…", "."),
    ("\xa0", " "),
)
#: An ASCII byte's shape: ``a`` a small letter, ``A`` a capital, ``0`` a digit, ``-`` a
#: dash, ``,`` a comma, ``~`` a mark a menu, address or bulleted line has (``>``, ``@``,
#: ``|``, and ``~`` itself); anything else (every blank among it) is a space.
_SHAPE = bytes(
    ord("a")
    if 97 <= b <= 122
    else ord("A")
    if 65 <= b <= 90
    else ord("0")
    if 48 <= b <= 57
    else b
    if b in b"-,"
    else ord("~")
    if b in b">@|~"
    else ord(" ")
    for b in range(256)
)


def is_prose(seg: str, count: int) -> bool:
    """Whether ``classify(seg, count)`` is certainly :data:`PLAIN` (a false answer proves
    nothing). *seg* is a trimmed line of *count* words (``word_count``)."""
    first = seg[0]
    # Four words or more: no agency credit, lone token or outlet label (they have one to
    # three). A letter or a quotation mark first: no bulleted item, no furniture opening
    # with a bullet or a digit. No bullet last: the furniture test strips nothing.
    if (
        count < 4
        or not ("A" <= first <= "Z" or "a" <= first <= "z" or first in _OPENERS)
        or seg[-1] in _BULLET_ENDS
    ):
        return False
    size = len(seg)
    if 20 <= size <= 1200:
        # A caption printed twice (``classify``'s own test before ``doubled``).
        half = size // 2
        if (
            (seg[half + 1] == first) if size % 2 else (seg[half] == first or seg[half + 1] == first)
        ) and doubled(seg) is not None:
            return False
    view = seg
    if not view.isascii():
        # Only the marks of ``_MARKS`` outside ASCII: no letter, digit or menu mark of
        # another script (each ``replace`` that finds nothing costs a scan, and most lines
        # hold one or two kinds of mark).
        for mark, stand_in in _MARKS:
            view = view.replace(mark, stand_in)
            if view.isascii():
                break
        else:
            return False
    shape = view.encode().translate(_SHAPE).decode()
    if (
        # A menu mark, an address, a bullet (``_bulleted``, ``may_be_furniture``).
        "~" in shape
        # No small letter: an all-capital label; no letter at all (``_non_latin``: every
        # letter is ASCII, so Latin).
        or "a" not in shape
        # Three capitals glued to small letters: a run-together menu (``_glued_menu`` needs
        # at least three ``\p{Ll}{3}\p{Lu}``, and every letter is ASCII).
        or (count <= 60 and shape.count("aaaA") >= 3)
        # A dash between blanks and no comma: a dashed menu (``World - Asia``), unless it
        # ends with a mark a menu cannot hold (every ``\s`` is a blank in the shape).
        or (" - " in shape and "," not in shape and view[-1] not in _NOT_MENU_ENDS)
        # ``- Reuters``
        or size <= 12
    ):
        return False
    if size <= 120 and "0" in shape and not _opens_with_prose_word(view):
        return False  # a date stamp (``match_date_line`` needs a digit, and a stamp word first)
    # ``fold(seg)`` but for the marks: each needle below stands in this where it stands in
    # ``fold(seg)`` (or a dash stands in for a mark), and ``fold`` keeps every position.
    low = view.lower()
    if size <= 600:
        # ``may_be_furniture``: an opening word of the lexicon, or one of its phrases.
        starts = _LINE_STARTS.get(low[0])
        if starts is not None and low.startswith(starts):
            return False
        if (
            "send" in low or "follow" in low or "mobile" in low or "free" in low
        ) and _LINE_PHRASE.search(fold(seg)) is not None:
            return False
    if count <= 80:
        # ``is_caption``: a label, a photo word, a wire's credit, a side and a verb.
        if low.startswith(_CAPTION_STARTS) or has_caption_word(low):
            return False
        if ("/" in low or "via" in low or "credit" in low) and _CAPTION_TAIL.search(
            fold(seg), max(0, size - 16)
        ) is not None:
            return False
        if (
            ")" in low
            and ("l)" in low or "r)" in low or "c)" in low or "t)" in low or "e)" in low)
            and any(verb in low for verb in _CAPTION_VERBS)
        ):
            return False
    return True


def _opens_with_prose_word(view: str) -> bool:
    """Whether the first token ``match_date_line`` reads is no word of a date stamp (it then
    returns ``None`` at once); *view* is the line with ``_MARKS`` replaced."""
    if view[0] in _QUOTES:
        return True  # the token keeps its opening quotation mark: no stamp word has one
    space = view.find(" ")
    if space < 0:
        return False
    word = view[:space]
    if word[-1:] == ",":
        word = word[:-1]
    # ASCII letters followed by a blank or a comma, with no small letter before a capital:
    # ``_STAMP_SPLIT`` cuts there, and nowhere before.
    return (
        word.isalpha()
        and (word[1:].islower() or word.isupper())
        and _STAMP_WORD.fullmatch(word) is None
        and canonical_agency(word) is None
    )


def classify_lines(segs: list[str], counts_of: dict[str, int]) -> list[LineClass]:
    """:func:`classify` of each line, each distinct line text classified once (*counts_of*:
    their numbers of words, in order of first appearance) and its class looked up in C for
    every line; a line :func:`is_prose` proves prose is not classified."""
    known = {
        seg: PLAIN if is_prose(seg, words) else classify(seg, words)
        for seg, words in counts_of.items()
    }
    return list(map(known.__getitem__, segs))
