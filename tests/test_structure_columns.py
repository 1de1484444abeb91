"""The structure stage's column-wise passes (``map`` in C over the line columns) against the
loops over one line at a time they stand in for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import parse_article
from nkquotes._model import Boilerplate, Span
from nkquotes._model import BoilerplateKind as K
from nkquotes._structure import _slots, boilerplate_records, lines_to_read
from nkquotes._structure_meta import DateLine
from nkquotes._structure_roles import Role
from tests.strategies import any_text, newsy_text

_LINES = st.lists(
    st.sampled_from(
        ["Kim", "said", '"we', "By Kim Jong", "(Yonhap)", "Home", " ", "\u200b", "\x1c", "a b"]
    ),
    max_size=30,
).map("\n".join)
_TEXTS = st.one_of(_LINES, any_text, newsy_text, st.text())

_DATE = DateLine(None, "")
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
    records = boilerplate_records(slots.starts, slots.ends, slots.segs, slots.kinds, indices)
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
    assert lines_to_read(roles, kinds, dates, boilers) == _reference_lines_to_read(
        roles, kinds, dates
    )


@settings(deadline=None, max_examples=300)
@given(_TEXTS)
@example("Title of the story here\n\nBody one. (Yonhap)\nHome\n{mosads}Body two.")
def test_boilerplate_is_sorted_and_disjoint(text: str) -> None:
    # ``_boilerplate`` leaves the line records unsorted when nothing else was found: right
    # only while records never share a start (then the sorted order is the only one).
    starts = [record.span.start for record in parse_article(text).boilerplate]
    assert starts == sorted(set(starts))
