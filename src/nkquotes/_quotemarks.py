"""Quotation marks: tell them from apostrophes and pair them, one paragraph at a time.

The scan is a single linear pass over the marks of a paragraph with a bounded stack, so
hostile text (a megabyte of alternating marks) costs time proportional to its length.

* Double marks: straight ``"``, curly ``“ ”``, low-9 ``„``, reversed ``‟`` and guillemets
  ``« »``. A straight mark's role comes from what flanks it; a curly mark's from its shape,
  unless the context plainly contradicts it (a scraper's ``”word”``).
* Single marks: ``‘ ’ '`` and ``‹ ›``. ``’``/``'`` between letters (``don't``,
  ``Korea's``) or before a digit (``'90s``) is an apostrophe; a closing single after a plural
  (``Koreas' talks``) is an apostrophe unless a single quotation is open.
* A double quotation still open at the end of the paragraph is returned open-ended
  (``closed=False``): the caller decides whether the next paragraph continues it (the news
  convention for multi-paragraph quotes) or whether the mark is unbalanced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain

import attrs

__all__ = ["QUOTE_CHARS", "Quoted", "find_quoted", "opens_with_quote"]

_DOUBLE_OPEN = frozenset("“„‟«")
_DOUBLE_CLOSE = frozenset("”»")
_DOUBLE_AMBIG = frozenset('"″')
_SINGLE_OPEN = frozenset("‘‹‚")
_SINGLE_CLOSE = frozenset("’›")
_SINGLE_AMBIG = frozenset("'")

_DOUBLES = _DOUBLE_OPEN | _DOUBLE_CLOSE | _DOUBLE_AMBIG
_SINGLES = _SINGLE_OPEN | _SINGLE_CLOSE | _SINGLE_AMBIG

#: Every character treated as a quotation mark somewhere in nkquotes.
QUOTE_CHARS = "".join(sorted(_DOUBLES | _SINGLES))

_OPENING_CONTEXT = frozenset("([{<—–-/")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>—–-…/")
_MAX_STACK = 8

_OPEN, _CLOSE, _EITHER, _APOSTROPHE = 0, 1, 2, 3

#: A third of the marks of news text are apostrophes between letters: find_quoted passes
#: over those whose neighbours are ASCII without asking _single_role.
_APOSTROPHES = frozenset("'’")
_ASCII_ALPHA = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = _ASCII_ALPHA | frozenset("0123456789")
#: A quotation mark but the plain apostrophes (see :func:`_plain_apostrophe`), which ``re``
#: passes over in C: a mark that is not an apostrophe, or an apostrophe without an ASCII
#: letter or digit before it or without an ASCII letter after it. The lookbehind sees the
#: text before the paragraph, where ``_plain_apostrophe`` sees none: find_quoted reads a
#: mark at the paragraph's first offset itself.
_MARK_SEEN = re.compile(
    "[" + re.escape(QUOTE_CHARS) + "](?:(?<=[^'’])|(?<![A-Za-z0-9].)|(?![A-Za-z]))"
)


@attrs.frozen
class Quoted:
    """A top-level quotation in a paragraph.

    ``[start, end)`` covers the marks; ``[inner_start, inner_end)`` the words between them.
    An open-ended quotation (``closed=False``) runs to the end of its paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    double: bool
    nested: int = 0


_new_object = object.__new__
_QUOTED_SETTERS = tuple(
    Quoted.__dict__[name].__set__
    for name in ("start", "end", "inner_start", "inner_end", "closed", "double", "nested")
)


def _quoted(
    start: int, end: int, inner_start: int, inner_end: int, closed: bool, double: bool, nested: int
) -> Quoted:
    """``Quoted(...)`` filled slot by slot (a frozen attrs init sets each field through
    ``object.__setattr__``)."""
    quoted = _new_object(Quoted)
    s_start, s_end, s_inner_start, s_inner_end, s_closed, s_double, s_nested = _QUOTED_SETTERS
    s_start(quoted, start)
    s_end(quoted, end)
    s_inner_start(quoted, inner_start)
    s_inner_end(quoted, inner_end)
    s_closed(quoted, closed)
    s_double(quoted, double)
    s_nested(quoted, nested)
    return quoted


def _flanks(text: str, i: int, lo: int, hi: int, width: int = 1) -> tuple[bool, bool]:
    """(left-flanking, right-flanking): could open / could close by context."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + width] if i + width < hi else ""
    prev_space = not prev or prev.isspace() or prev in _OPENING_CONTEXT or prev in _DOUBLES
    next_space = not nxt or nxt.isspace() or nxt in _CLOSING_CONTEXT or nxt in _DOUBLES
    can_open = prev_space and not (nxt.isspace() or not nxt)
    can_close = next_space and not (prev.isspace() or not prev)
    return can_open, can_close


def _twin(text: str, i: int, hi: int) -> bool:
    """Whether two ASCII apostrophes at *i* stand for one double mark (``''Yes,'' he said``),
    as in newspaper archives that write both marks that way."""
    return text[i] == "'" and i + 1 < hi and text[i + 1] == "'"


def _double_role(text: str, i: int, lo: int, hi: int, width: int = 1) -> int:
    ch = '"' if width == 2 else text[i]
    # _flanks, inlined: a Python call costs more than its body
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + width] if i + width < hi else ""
    prev_space = not prev or prev.isspace() or prev in _OPENING_CONTEXT or prev in _DOUBLES
    next_space = not nxt or nxt.isspace() or nxt in _CLOSING_CONTEXT or nxt in _DOUBLES
    can_open = prev_space and not (nxt.isspace() or not nxt)
    can_close = next_space and not (prev.isspace() or not prev)
    if ch in _DOUBLE_OPEN:
        return _CLOSE if (can_close and not can_open and ch == "“") else _OPEN
    if ch in _DOUBLE_CLOSE:
        return _OPEN if (can_open and not can_close and ch == "”") else _CLOSE
    if can_open and not can_close:
        return _OPEN
    if can_close and not can_open:
        return _CLOSE
    return _EITHER


def _single_role(text: str, i: int, lo: int, hi: int) -> int:
    ch = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if prev.isalnum() and nxt.isalpha():
        return _APOSTROPHE  # don't, Korea's, O'Brien
    if nxt.isdigit() and not prev.isalnum():
        return _APOSTROPHE  # '90s
    can_open, can_close = _flanks(text, i, lo, hi)
    if ch in _SINGLE_OPEN:
        return _OPEN if can_open or not can_close else _CLOSE
    if ch in _SINGLE_CLOSE:
        if can_open and not can_close:
            return _APOSTROPHE  # ’tis, ’em: a curly closer used as an elision
        return _CLOSE
    if can_open and not can_close:
        return _OPEN
    if can_close and not can_open:
        return _CLOSE
    return _EITHER


def _plain_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the mark at *i* is a ``'`` or ``’`` between an ASCII letter or digit and an
    ASCII letter (``_single_role`` calls it an apostrophe)."""
    return (
        text[i] in _APOSTROPHES
        and lo < i < hi - 1
        and text[i + 1] in _ASCII_ALPHA
        and text[i - 1] in _ASCII_ALNUM
    )


def opens_with_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins (after white space) with an opening double mark."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end:
        return False
    ch = text[i]
    if _twin(text, i, end):
        return _double_role(text, i, start, end, 2) != _CLOSE
    if ch in _DOUBLES:
        return _double_role(text, i, start, end) != _CLOSE
    if ch in _SINGLE_OPEN or ch in _SINGLE_AMBIG:
        return _single_role(text, i, start, end) == _OPEN
    return False


_QUOTE_SET = frozenset(QUOTE_CHARS)
_start_of = re.Match.start


def _marks(text: str, start: int, end: int) -> Iterable[int]:
    """Offsets of the marks in ``text[start:end]`` but the plain apostrophes ("don't",
    "Korea’s": what ``_single_role`` calls an apostrophe), in text order."""
    head = start < end and text[start] in _QUOTE_SET
    marks = map(_start_of, _MARK_SEEN.finditer(text, start + 1 if head else start, end))
    return chain((start,), marks) if head else marks


def find_quoted(
    text: str, start: int, end: int, limit: int | None = None
) -> tuple[list[Quoted], list[int]]:
    """Top-level quotations in ``text[start:end]`` and offsets of stray closing marks.

    Nested quotations are folded into their parent (counted in :attr:`Quoted.nested`). A
    double opener still unclosed at *end* is returned open-ended; an unclosed single opener
    is dropped (it was most likely an apostrophe). Stray double closers are returned so the
    caller can report them. With *limit*, reading stops once more than *limit* quotations
    were found (hostile text: the caller reports and drops the excess).
    """
    quoted: list[Quoted] = []
    strays: list[int] = []
    # stack entries: (offset, is_double); a double is only ever at the bottom.
    stack: list[tuple[int, bool]] = []
    nested = 0
    cap = len(text) if limit is None else limit
    skip = -1  # the second apostrophe of a twin mark
    width = open_width = 1
    for i in _marks(text, start, end):
        if len(quoted) > cap:
            break
        if i == skip:
            continue
        ch = text[i]
        width = 1
        if ch == "'" and _twin(text, i, end):
            width, skip = 2, i + 1
        if width == 2 or ch in _DOUBLES:
            role = _double_role(text, i, start, end, width)
            has_double = bool(stack) and stack[0][1]
            if has_double and role != _OPEN:
                opener = stack[0][0]
                stack.clear()
                quoted.append(
                    _quoted(opener, i + width, opener + open_width, i, True, True, nested)
                )
                nested = 0
            elif has_double and role == _OPEN:
                # A new opener while one is open: the earlier one lost its closer.
                strays.append(stack[0][0])
                stack.clear()
                stack.append((i, True))
                open_width = width
                nested = 0
            elif role == _CLOSE:
                if stack:  # a single-quoted stretch closed by a double: drop the single
                    stack.clear()
                strays.append(i)
            else:
                stack.clear()
                stack.append((i, True))
                open_width = width
                nested = 0
        else:
            role = _single_role(text, i, start, end)
            if role == _APOSTROPHE:
                pass
            elif role == _OPEN or (role == _EITHER and not (stack and not stack[-1][1])):
                if len(stack) >= _MAX_STACK:
                    del stack[1]
                stack.append((i, False))
            elif stack and not stack[-1][1]:
                opener, _ = stack.pop()
                if not stack:
                    quoted.append(_quoted(opener, i + 1, opener + 1, i, True, False, 0))
                else:
                    nested += 1
    if stack and stack[0][1]:
        opener = stack[0][0]
        quoted.append(_quoted(opener, end, opener + open_width, end, False, True, nested))
    return quoted, strays
