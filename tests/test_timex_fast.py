"""The fast paths of the time-expression finder find what the plain pattern scans find.

``_may_anchor`` turns most stretches away before the anchor pattern runs, and
``_expressions`` tries the full pattern only where a match can start; each is compared
with the slow scan it replaces, on news-shaped text thick with dates, on the characters
case-insensitive matching reads as ASCII letters, and on arbitrary text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _timex

from .strategies import any_text

#: Words and glue near the edges of the patterns: anchors, month and weekday names in any
#: case, their modifiers, numbers, and the letters that fold to ASCII (``ſ``, ``K``, ``İ``).
_PIECES = [
    "Monday", "tuesday", "WEDNESDAY", "Thursday", "friday", "Sat", "Sunday", "yesterday",
    "today", "Today", "tonight", "TONIGHT", "last", "this past", "earlier", "late", "later",
    "week", "weeks", "month", "ago", "days", "day", "a", "an", "one", "two", "ten", "the",
    "on the", "May", "may", "MAY", "March", "march", "Sept.", "Sep", "Dec", "Oct.", "June",
    "JANUARY", "2nd", "3rd", "21", "31st", "1999", "2019", "2019-04-10", "10/4", "of",
    "USA Today", "said", "he", "Kim", "U.S.", "ſunday", "wee\u212a", "toniİht", "٣", "x1",
    "Tuesdays", "Mondayx", "_May", "Mays", "yeſterday", "Mayé", "lastly", "Thé", "ten\u212a",
    "earlierſ", "tHe", "On the",
]  # fmt: skip
_GLUE = [" ", " ", ", ", ". ", "-", "\n", "“", "”", "’", "(", ")", "", "é", "\xa0", "—"]
dated = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)).map("".join), max_size=30
).map("".join)


@st.composite
def stretch(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


def _is_word(char: str) -> bool:
    return regex.match(r"\w", char) is not None


def _reference_windows(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The windows as the anchor pattern alone finds them (no pre-check), each extended to
    the end of a word it would cut."""
    windows: list[tuple[int, int]] = []
    for anchor in _timex._ANCHOR.finditer(text, start, stop):
        low = max(start, anchor.start() - _timex._WINDOW)
        high = min(stop, anchor.end() + _timex._WINDOW)
        while 0 < high < stop and _is_word(text[high - 1]) and _is_word(text[high]):
            high += 1
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _reference_expressions(text: str, low: int, high: int) -> list[tuple[int, int]]:
    return [m.span() for m in _timex._EXPRESSION.finditer(text, low, high)]


@settings(max_examples=400, deadline=None)
@given(stretch(dated | any_text))
def test_pre_check_only_turns_away_stretches_without_anchors(case: tuple[str, int, int]) -> None:
    text, start, stop = case
    reference = _reference_windows(text, start, stop)
    if not _timex._may_anchor(text[start:stop]):
        assert reference == []
    assert _timex._windows(text, start, stop) == reference


@settings(max_examples=400, deadline=None)
@given(stretch(dated | any_text))
def test_expressions_are_those_of_the_full_scan(case: tuple[str, int, int]) -> None:
    text, low, high = case
    fast = [m.span() for m in _timex._expressions(text, low, high)]
    assert fast == _reference_expressions(text, low, high)


@settings(max_examples=200, deadline=None)
@given(dated)
def test_found_expressions_are_those_of_the_reference_scan(text: str) -> None:
    expected = tuple(
        (m.start(), m.end())
        for low, high in _reference_windows(text, 0, len(text))
        for m in _timex._EXPRESSION.finditer(text, low, high)
        if not _timex._in_a_name(text, m)
    )
    found = _timex.find_time_expressions(text)
    assert tuple((s.start, s.end) for s in found) == expected
    first = _timex.find_time_expression(text)
    assert (None if first is None else (first.start, first.end)) == (
        expected[0] if expected else None
    )


def test_every_alternative_opens_with_a_start_character() -> None:
    # The start set must cover each alternative's first letters: every expression the
    # pattern can match at a word start begins with one.
    for sample in ["Monday, May 3", "3 May", "2019-04-10", "last Friday", "on the 2nd",
                   "yesterday", "earlier this week", "two days ago", "an hour", "ſunday",
                   "Today", "nine weeks ago", "ten days ago", "Dec. 4", "Oct 31st"]:  # fmt: skip
        text = "x " + sample
        expected = _reference_expressions(text, 0, len(text))
        assert [m.span() for m in _timex._expressions(text, 0, len(text))] == expected
        for start, _end in expected:
            assert _timex._EXPRESSION_START.match(text, start) is not None
    assert regex.search(r"\d", "٣") is not None  # a non-ASCII digit is a start too
    assert _timex._EXPRESSION_START.match("٣", 0) is not None


def test_reference_windows_extend_over_a_cut_word() -> None:
    text = "Monday " + "x" * 29  # the window after the anchor would end inside the x-run
    assert _reference_windows(text, 0, len(text)) == [(0, len(text))]
    assert _timex._windows(text, 0, len(text)) == [(0, len(text))]
