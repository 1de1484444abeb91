"""The structure stage's column-wise passes (``map`` in C over the line columns) against the
loops over one line at a time they stand in for."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import _structure_slots, parse_article, split_sentences
from nkquotes._gcpause import MANY
from nkquotes._model import Boilerplate, Paragraph, Span
from nkquotes._model import BoilerplateKind as K
from nkquotes._structure import _slots, classify_lines
from nkquotes._structure_lexicon import fold
from nkquotes._structure_lines import words
from nkquotes._structure_meta import DateLine
from nkquotes._structure_records import boilerplate_records, lines_to_read
from nkquotes._structure_repeats import mark_repeated_captions, mark_repeated_labels
from nkquotes._structure_roles import _END_MARK, classify, mark_end
from nkquotes._structure_slots import Role, Slots
from tests.strategies import any_text, newsy_text

_LINES = st.lists(
    st.sampled_from(
        ["Kim", "said", '"we', "By Kim Jong", "(Yonhap)", "Home", " ", "\u200b", "\x1c", "a b"]
    ),
    max_size=30,
).map("\n".join)
_TEXTS = st.one_of(_LINES, any_text, newsy_text, st.text())

_DATE = DateLine(None, "")


@contextlib.contextmanager
def _small(size: int) -> Iterator[None]:
    """Columns shorter than *size* read by loops in Python, longer ones by passes in C."""
    old = _structure_slots.SMALL
    _structure_slots.SMALL = size
    try:
        yield
    finally:
        _structure_slots.SMALL = old


#: Every column by a loop, and every column in C.
_BOTH_PATHS = (10**9, 0)
# A role, a kind and a date stamp per line: each drawn alone, so that every mix comes up.
_CLASS = st.tuples(
    st.sampled_from(list(Role)), st.sampled_from(list(K)), st.sampled_from([None, _DATE])
)


@settings(deadline=None, max_examples=300)
@given(_TEXTS, st.data())
def test_boilerplate_records_equal_the_constructor(text: str, data: st.DataObject) -> None:
    slots = _slots(text)
    size = len(slots)
    every = list(range(size))
    # Every line (the columns are used as they are) or some of them (picked from the columns).
    some = st.lists(st.sampled_from(every), unique=True).map(sorted) if size else st.just([])
    indices = data.draw(st.just(every) | some)
    slots.kinds = data.draw(st.lists(st.sampled_from(list(K)), min_size=size, max_size=size))
    found = []
    for size in _BOTH_PATHS:
        with _small(size):
            columns = (slots.starts, slots.ends, slots.segs, slots.kinds, indices)
            found.append(boilerplate_records(*columns))
    records = found[1]
    assert found[0] == records
    expected = [
        Boilerplate(span=Span.of(text, slots.starts[i], slots.ends[i]), kind=slots.kinds[i])
        for i in indices
    ]
    assert records == expected
    assert all(type(r) is Boilerplate and type(r.span) is Span for r in records)


def _reference_lines_to_read(
    roles: list[Role], kinds: list[K], dates: list[DateLine | None]
) -> list[int]:
    """What the loop over every line read: each line but boilerplate without a credit, a
    copyright or a date stamp."""
    return [
        i
        for i, (role, kind, date) in enumerate(zip(roles, kinds, dates, strict=True))
        if role is not Role.BOILER or date is not None or kind in (K.CREDIT, K.COPYRIGHT)
    ]


@settings(deadline=None, max_examples=500)
@given(st.lists(_CLASS, max_size=30))
@example([(Role.BOILER, K.OTHER, None)] * 3)
@example([(Role.BOILER, K.CREDIT, None), (Role.BODY, K.CREDIT, None)])
def test_lines_to_read_are_those_the_loop_read(
    classes: list[tuple[Role, K, DateLine | None]],
) -> None:
    roles = [c[0] for c in classes]
    kinds = [c[1] for c in classes]
    dates = [c[2] for c in classes]
    boilers = roles.count(Role.BOILER)
    expected = _reference_lines_to_read(roles, kinds, dates)
    for size in _BOTH_PATHS:
        with _small(size):
            assert lines_to_read(roles, kinds, dates, boilers) == expected


@settings(deadline=None, max_examples=300)
@given(_TEXTS)
@example("Title of the story here\n\nBody one. (Yonhap)\nHome\n{mosads}Body two.")
def test_boilerplate_is_sorted_and_disjoint(text: str) -> None:
    # ``_boilerplate`` leaves the line records unsorted when nothing else was found: right
    # only while records never share a start (then the sorted order is the only one).
    starts = [record.span.start for record in parse_article(text).boilerplate]
    assert starts == sorted(set(starts))


_REPEATED = st.lists(
    st.sampled_from(
        [
            "(END)",
            "( end )",
            "Enditem",
            "end item",
            "By Kim Jong",
            "Home",
            "Officials met in Seoul on Monday",
            "He left.",
            "",
            "the end",
        ]
    ),
    max_size=30,
).flatmap(lambda lines: st.permutations(lines + lines[: len(lines) // 2]).map("\n".join))


def _reference_mark_end(slots: Slots) -> None:
    """``mark_end`` as a loop over every line."""
    roles, kinds, segs, counts = slots.roles, slots.kinds, slots.segs, slots.counts
    for index, role in enumerate(roles):
        if (
            role is Role.BOILER
            and counts[index] <= 3
            and ("n" in segs[index] or "N" in segs[index])
            and "end" in fold(segs[index])
            and _END_MARK.fullmatch(segs[index].strip())
        ):
            for later in range(index + 1, len(roles)):
                if roles[later] is Role.BODY or (
                    roles[later] is Role.BOILER and kinds[later] is K.OTHER
                ):
                    slots.set_role(later, Role.BOILER, K.RELATED)
            return


def _reference_mark_repeated_labels(slots: Slots) -> None:
    for index in range(1, len(slots)):
        repeated = slots.segs[index] == slots.segs[index - 1]
        if repeated and slots.roles[index - 1] is Role.BODY and slots.counts[index] <= 4:
            slots.set_role(index - 1, Role.BOILER, K.NAVIGATION)
            slots.set_role(index, Role.BOILER, K.NAVIGATION)


def _reference_mark_repeated_captions(slots: Slots) -> None:
    for index in range(1, len(slots)):
        repeated = slots.segs[index] == slots.segs[index - 1]
        if (
            repeated
            and slots.roles[index - 1] in (Role.BODY, Role.CAPTION)
            and slots.counts[index] >= 5
        ):
            slots.set_role(index - 1, Role.CAPTION)
            slots.set_role(index, Role.DROP)


def _classified(text: str) -> Slots:
    slots = _slots(text)
    slots.set_classes(
        [classify(seg, count) for seg, count in zip(slots.segs, slots.counts, strict=True)]
    )
    return slots


def _state(slots: Slots) -> tuple[list[Role], list[K], list[bool]]:
    return slots.roles, slots.kinds, slots.classified


@settings(deadline=None, max_examples=400)
@given(st.one_of(_REPEATED, _TEXTS))
@example("Home\nHome\nHome\nOfficials met in Seoul on Monday\n" * 2 + "(END)\nHe left.\nEnditem")
def test_line_passes_equal_their_loops_over_every_line(text: str) -> None:
    # The passes that test each distinct text once, find repeats in C and write roles out.
    fast, slow = _classified(text), _classified(text)
    assert fast.counts == [len(words(seg)) for seg in fast.segs]
    for size in _BOTH_PATHS:
        with _small(size):
            assert fast.body() == [i for i, role in enumerate(fast.roles) if role is Role.BODY]
    mark_repeated_labels(fast)
    _reference_mark_repeated_labels(slow)
    assert _state(fast) == _state(slow)
    mark_repeated_captions(fast)
    _reference_mark_repeated_captions(slow)
    assert _state(fast) == _state(slow)
    mark_end(fast)
    _reference_mark_end(slow)
    assert _state(fast) == _state(slow)
    assert classify_lines(fast.segs, fast.counts_of) == [
        classify(seg, len(words(seg))) for seg in fast.segs
    ]


def test_many_records_leave_the_collector_as_they_found_it() -> None:
    # ``boilerplate_records`` pauses the collector for many records and restores the caller's
    # setting, on or off; the records are the same either way.
    text = "Kim\n" * (MANY + 5)
    slots = _slots(text)
    every = list(range(len(slots)))
    built = []
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            built.append(
                boilerplate_records(slots.starts, slots.ends, slots.segs, slots.kinds, every)
            )
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert built[0] == built[1]
    assert built[0][-1] == Boilerplate(
        span=Span.of(text, len(text) - 4, len(text) - 1), kind=K.OTHER
    )


@settings(deadline=None, max_examples=300)
@given(st.one_of(_TEXTS, _REPEATED))
@example("Title of the story here\n\nHe said the talks\nwould resume. Then he left.\n\nMore.")
def test_paragraphs_are_what_their_constructor_builds(text: str) -> None:
    # ``_paragraph`` builds each paragraph and its span slot by slot, and splits it without
    # clamping its bounds.
    for paragraph in parse_article(text).paragraphs:
        start, end = paragraph.span.start, paragraph.span.end
        expected = Paragraph(
            span=Span.of(text, start, end), sentences=split_sentences(text, start, end)
        )
        assert type(paragraph) is Paragraph
        assert type(paragraph.span) is Span
        assert paragraph == expected
