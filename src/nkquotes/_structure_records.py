"""The records ``parse_article`` builds from its line columns, built without attrs' ``__init__``.

:func:`boilerplate_records` turns the boilerplate lines into :class:`Boilerplate` records,
column by column; :func:`lines_to_read` picks the lines the structure loop must still read one
by one; :func:`paragraph_of` builds a :class:`Paragraph` from its slots. None of these classes
has a validator or converter, so setting the slots is what ``__init__`` would do
(``tests/test_structure_fast.py`` checks it with ``slot_setters``).
"""

from __future__ import annotations

from collections import deque
from itertools import compress, count, repeat
from operator import is_, is_not

from nkquotes import _structure_slots as slots_module
from nkquotes._gcpause import MANY, collector_paused
from nkquotes._model import (
    SET_END,
    SET_START,
    SET_TEXT,
    Boilerplate,
    BoilerplateKind,
    Paragraph,
    Span,
)
from nkquotes._structure_meta import DateLine
from nkquotes._structure_slots import Role

__all__ = [
    "boilerplate_records",
    "lines_to_read",
    "paragraph_of",
]

_BOILER, _CREDIT, _COPYRIGHT = Role.BOILER, BoilerplateKind.CREDIT, BoilerplateKind.COPYRIGHT
_new_object = object.__new__
#: :class:`Boilerplate`'s slot setters: its ``__init__`` does nothing more (no validator or
#: converter; ``tests/test_structure_fast.py`` checks it with ``slot_setters``).
_SET_BOILER_SPAN = Boilerplate.__dict__["span"].__set__
_SET_BOILER_KIND = Boilerplate.__dict__["kind"].__set__
_SET_PARAGRAPH_SPAN = Paragraph.__dict__["span"].__set__
_SET_PARAGRAPH_SENTENCES = Paragraph.__dict__["sentences"].__set__


def boilerplate_records(
    starts: list[int],
    ends: list[int],
    segs: list[str],
    kinds: list[BoilerplateKind],
    indices: list[int],
) -> list[Boilerplate]:
    """``Boilerplate(span=Span.of(text, starts[i], ends[i]), kind=kinds[i])`` for each line *i*
    of *indices* (``segs[i]`` is the span's text), built column by column: each pass is a
    ``map`` in C, which costs less than a loop in Python running the same calls."""
    if len(indices) < slots_module.SMALL:  # read here: tests lower it to run both paths
        records = []
        for index in indices:  # the same calls, one record at a time
            span = _new_object(Span)
            SET_START(span, starts[index])
            SET_END(span, ends[index])
            SET_TEXT(span, segs[index])
            record = _new_object(Boilerplate)
            _SET_BOILER_SPAN(record, span)
            _SET_BOILER_KIND(record, kinds[index])
            records.append(record)
        return records
    if len(indices) < len(starts):
        starts = list(map(starts.__getitem__, indices))
        ends = list(map(ends.__getitem__, indices))
        segs = list(map(segs.__getitem__, indices))
        kinds = list(map(kinds.__getitem__, indices))
    if len(indices) > MANY:  # built with the collector paused: they all survive (_gcpause)
        with collector_paused():
            return _by_columns(starts, ends, segs, kinds)
    return _by_columns(starts, ends, segs, kinds)


def _by_columns(
    starts: list[int], ends: list[int], segs: list[str], kinds: list[BoilerplateKind]
) -> list[Boilerplate]:
    spans = list(map(_new_object, repeat(Span, len(starts))))
    records = list(map(_new_object, repeat(Boilerplate, len(starts))))
    for setter, objects, values in (
        (SET_START, spans, starts),
        (SET_END, spans, ends),
        (SET_TEXT, spans, segs),
        (_SET_BOILER_SPAN, records, spans),
        (_SET_BOILER_KIND, records, kinds),
    ):
        deque(map(setter, objects, values), maxlen=0)  # runs the setters, keeps nothing
    return records


def lines_to_read(
    roles: list[Role], kinds: list[BoilerplateKind], dates: list[DateLine | None], boilers: int
) -> list[int]:
    """The indices of the lines ``collect`` reads one by one, in order: every line but the
    *boilers* boilerplate lines, and those of them that may name an agency or date the page
    (a credit, a copyright, a date stamp)."""
    if len(roles) < slots_module.SMALL:
        return [
            index
            for index, (role, kind, date) in enumerate(zip(roles, kinds, dates, strict=True))
            if role is not _BOILER or date is not None or kind is _CREDIT or kind is _COPYRIGHT
        ]
    special = [index for index in _kind_or_date(kinds, dates) if roles[index] is _BOILER]
    if boilers == len(roles):
        return special
    others = list(compress(count(), map(is_not, roles, repeat(_BOILER))))
    return sorted(others + special) if special else others


def _kind_or_date(kinds: list[BoilerplateKind], dates: list[DateLine | None]) -> list[int]:
    """The indices of the lines whose kind is a credit or a copyright, or that hold a date
    stamp, in order (found in C: most lines have none)."""
    found = [
        *compress(count(), map(is_, kinds, repeat(_CREDIT))),
        *compress(count(), map(is_, kinds, repeat(_COPYRIGHT))),
        *compress(count(), map(is_not, dates, repeat(None))),
    ]
    return sorted(set(found)) if found else found


def paragraph_of(span: Span, sentences: tuple[Span, ...]) -> Paragraph:
    """``Paragraph(span=span, sentences=sentences)``."""
    paragraph = _new_object(Paragraph)
    _SET_PARAGRAPH_SPAN(paragraph, span)
    _SET_PARAGRAPH_SENTENCES(paragraph, sentences)
    return paragraph
