"""Quotation marks: pairing, apostrophes, nesting, open-ended quotations."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotemarks as Q
from nkquotes._quotemarks import find_quoted, opens_with_quote
from tests.strategies import any_text, newsy_text


def _inner(text: str) -> list[str]:
    blocks, _ = find_quoted(text, 0, len(text))
    return [text[b.inner_start : b.inner_end] for b in blocks]


def test_straight_and_curly_doubles() -> None:
    assert _inner('He said "yes" and “no”.') == ["yes", "no"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Korea's leader didn't say it in the '90s, the Koreas' envoy said."
    assert _inner(text) == []


def test_single_quotes_as_quotation_marks() -> None:
    assert _inner("Pompeo leaves 'a little room' in place") == ["a little room"]
    assert _inner("He leaves ‘a little room’ there") == ["a little room"]


def test_nested_single_inside_double() -> None:
    text = "“The wind has gone out of ‘maximum pressure’.”"
    blocks, _ = find_quoted(text, 0, len(text))
    assert len(blocks) == 1
    assert blocks[0].nested == 1
    assert text[blocks[0].inner_start : blocks[0].inner_end].endswith("’.")


def test_guillemets_and_low9() -> None:
    assert _inner("Er sagte „ja“ und «non»") == ["ja", "non"]
    assert _inner("«non», il a dit") == ["non"]


def test_open_ended_quote_runs_to_the_end() -> None:
    text = '"We will go on and on'
    blocks, strays = find_quoted(text, 0, len(text))
    assert len(blocks) == 1
    assert not blocks[0].closed
    assert blocks[0].inner_end == len(text)
    assert strays == []


def test_stray_closer_is_reported() -> None:
    text = "It ended” there. Then “fine,” he said."
    blocks, strays = find_quoted(text, 0, len(text))
    assert strays == [8]
    assert [text[b.inner_start : b.inner_end] for b in blocks] == ["fine,"]


def test_opens_with_quote() -> None:
    assert opens_with_quote('  "Next part', 0, 12)
    assert not opens_with_quote("Next part", 0, 9)
    assert not opens_with_quote("'90s were good", 0, 14)


def test_many_marks_is_linear() -> None:
    text = "\"'" * 50_000
    blocks, _ = find_quoted(text, 0, len(text))
    assert len(blocks) >= 1


def test_twin_apostrophes_are_one_double_mark() -> None:
    # newspaper archives write both double marks as two apostrophes
    text = "''We are ready,'' Mr. Kim said. ''It was 'a surprise.' ''"
    blocks, strays = find_quoted(text, 0, len(text))
    assert [text[b.inner_start : b.inner_end] for b in blocks] == [
        "We are ready,",
        "It was 'a surprise.' ",
    ]
    assert (blocks[0].start, blocks[0].end) == (0, 17)
    assert all(b.double for b in blocks)
    assert strays == []


def test_twin_apostrophes_open_a_paragraph() -> None:
    assert opens_with_quote("''The talks go on.", 0, 18)
    assert not opens_with_quote("It's Kim's turn.", 0, 16)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab9 '’\"“”-é", max_size=30) | any_text | newsy_text,
    st.data(),
)
def test_a_plain_apostrophe_is_what_single_role_calls_one(text: str, data: st.DataObject) -> None:
    """find_quoted passes over plain apostrophes without asking _single_role: it must say
    the same, and no twin mark starts there."""
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    for i in range(lo, hi):
        if Q._plain_apostrophe(text, i, lo, hi):
            assert Q._single_role(text, i, lo, hi) == Q._APOSTROPHE
            assert not Q._twin(text, i, hi)


def test_plain_apostrophes_are_seen() -> None:
    assert Q._plain_apostrophe("don't", 3, 0, 5)
    assert Q._plain_apostrophe("Korea’s", 5, 0, 7)
    assert not Q._plain_apostrophe("'90s", 0, 0, 4)
    assert not Q._plain_apostrophe("Koreas' talks", 6, 0, 13)


def _marks_reference(text: str, lo: int, hi: int) -> list[int]:
    """The marks find_quoted reads: every quotation mark but the plain apostrophes."""
    return [
        i
        for i in range(lo, hi)
        if text[i] in Q.QUOTE_CHARS and not Q._plain_apostrophe(text, i, lo, hi)
    ]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab9 '’\"“”‘-é.", max_size=30) | any_text | newsy_text,
    st.data(),
)
def test_marks_pass_over_the_plain_apostrophes_only(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    assert list(Q._marks(text, lo, hi)) == _marks_reference(text, lo, hi)


def test_marks_at_the_edges_of_a_paragraph() -> None:
    # an apostrophe opening the paragraph after a letter, and one ending it before one
    text = "x'ab don't 'x’"
    assert list(Q._marks(text, 1, 9)) == _marks_reference(text, 1, 9) == [1, 8]
    assert list(Q._marks(text, 0, len(text))) == [11, 13]
    assert list(Q._marks("the 1990's, ‘90’s", 0, 17)) == [12]


@settings(max_examples=200, deadline=None)
@given(newsy_text | any_text)
def test_slot_filled_quotations_equal_attrs_built_ones(text: str) -> None:
    blocks, _ = find_quoted(text, 0, len(text))
    for block in blocks:
        again = Q.Quoted(**attrs.asdict(block))
        assert block == again
        assert repr(block) == repr(again)
        assert hash(block) == hash(again)


def _double_role_reference(text: str, i: int, lo: int, hi: int, width: int = 1) -> int:
    """``_double_role`` as it read ``_flanks`` before the flanks were inlined."""
    ch = '"' if width == 2 else text[i]
    can_open, can_close = Q._flanks(text, i, lo, hi, width)
    if ch in Q._DOUBLE_OPEN:
        return Q._CLOSE if (can_close and not can_open and ch == "“") else Q._OPEN
    if ch in Q._DOUBLE_CLOSE:
        return Q._OPEN if (can_open and not can_close and ch == "”") else Q._CLOSE
    if can_open and not can_close:
        return Q._OPEN
    if can_close and not can_open:
        return Q._CLOSE
    return Q._EITHER


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="a \"“”«»'(/—.,-\n", max_size=12) | any_text | newsy_text,
    st.data(),
)
def test_double_role_reads_the_flanks(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    for i in range(lo, hi):
        for width in (1, 2) if i + 1 < hi else (1,):
            got = Q._double_role(text, i, lo, hi, width)
            assert got == _double_role_reference(text, i, lo, hi, width)
    assert Q._double_role('-"a', 1, 0, 3) == _double_role_reference('-"a', 1, 0, 3) == Q._OPEN
