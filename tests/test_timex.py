"""Time expressions: finding them, and resolving them the way news readers do."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import DateSource, _timex
from nkquotes._timex import (
    Granularity,
    find_time_expression,
    find_time_expressions,
    latest_month_day,
    latest_weekday,
    resolve_time_expression,
)

from .strategies import any_text

THU_2018_10_04 = dt.date(2018, 10, 4)
FRI_2018_10_05 = dt.date(2018, 10, 5)

dates = st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


@pytest.mark.parametrize(
    ("expression", "expected", "source"),
    [
        ("Wednesday", dt.date(2018, 10, 3), DateSource.EXPLICIT),
        ("on Thursday", dt.date(2018, 10, 4), DateSource.EXPLICIT),
        ("Friday", dt.date(2018, 10, 5), DateSource.EXPLICIT),
        ("last Friday", dt.date(2018, 9, 28), DateSource.EXPLICIT),
        ("earlier Tuesday", dt.date(2018, 10, 2), DateSource.EXPLICIT),
        ("Tuesday night", dt.date(2018, 10, 2), DateSource.EXPLICIT),
        ("on Monday local time", dt.date(2018, 10, 1), DateSource.EXPLICIT),
        ("September 26", dt.date(2018, 9, 26), DateSource.EXPLICIT),
        ("Sept. 26", dt.date(2018, 9, 26), DateSource.EXPLICIT),
        ("26 September", dt.date(2018, 9, 26), DateSource.EXPLICIT),
        ("Dec. 23", dt.date(2017, 12, 23), DateSource.EXPLICIT),
        ("Sept. 26, 2016", dt.date(2016, 9, 26), DateSource.EXPLICIT),
        ("03rd October, 2019", dt.date(2019, 10, 3), DateSource.EXPLICIT),
        ("Sunday, 16th December 2018", dt.date(2018, 12, 16), DateSource.EXPLICIT),
        ("Oct. 1, 2021 - 11:21", dt.date(2021, 10, 1), DateSource.EXPLICIT),
        ("2019-04-10", dt.date(2019, 4, 10), DateSource.EXPLICIT),
        ("the 2nd", dt.date(2018, 10, 2), DateSource.EXPLICIT),
        ("the 20th", dt.date(2018, 9, 20), DateSource.EXPLICIT),
        ("yesterday", dt.date(2018, 10, 4), DateSource.RELATIVE),
        ("earlier in the day", dt.date(2018, 10, 5), DateSource.RELATIVE),
        ("last week", dt.date(2018, 9, 28), DateSource.RELATIVE),
        ("earlier this month", dt.date(2018, 10, 1), DateSource.RELATIVE),
        ("earlier this week", dt.date(2018, 10, 1), DateSource.RELATIVE),
        ("last month", dt.date(2018, 9, 5), DateSource.RELATIVE),
        ("three days ago", dt.date(2018, 10, 2), DateSource.RELATIVE),
        ("two weeks ago", dt.date(2018, 9, 21), DateSource.RELATIVE),
    ],
)
def test_fast_path_resolves(expression: str, expected: dt.date, source: DateSource) -> None:
    resolved = resolve_time_expression(expression, FRI_2018_10_05)
    assert resolved is not None
    assert (resolved.date, resolved.source) == (expected, source)
    assert not resolved.via_dateparser


def test_vague_periods_say_how_precise_they_are() -> None:
    week = resolve_time_expression("last week", FRI_2018_10_05)
    month = resolve_time_expression("earlier this month", FRI_2018_10_05)
    day = resolve_time_expression("Wednesday", FRI_2018_10_05)
    assert week is not None
    assert week.granularity is Granularity.WEEK
    assert month is not None
    assert month.granularity is Granularity.MONTH
    assert day is not None
    assert day.granularity is Granularity.DAY


@pytest.mark.parametrize(
    "expression",
    ["may", "May", "in May", "To", "The 2018", "in 2018", "2018", "March", "the", "the 2nd of",
     "March 1st movement", "", "   ", "x" * 500],
)  # fmt: skip
def test_words_that_are_not_dates(expression: str) -> None:
    assert resolve_time_expression(expression, FRI_2018_10_05) is None


def test_fast_path_never_reaches_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(expression: str, reference: dt.date) -> dt.date | None:
        raise AssertionError(f"dateparser reached for {expression!r}")

    monkeypatch.setattr(_timex, "_slow_path", forbidden)
    for text in ["said Wednesday", "Sept. 26", "yesterday", "last week", "2019-04-10", "may"]:
        for span in find_time_expressions(text) or ():
            assert resolve_time_expression(span.text, FRI_2018_10_05) is not None
    assert resolve_time_expression("may", FRI_2018_10_05) is None


def test_slow_path_is_dateparser_with_a_fixed_reference() -> None:
    resolved = resolve_time_expression("the day before yesterday", FRI_2018_10_05)
    assert resolved is not None
    assert resolved.via_dateparser
    assert resolved.date == dt.date(2018, 10, 3)
    assert resolved.source is DateSource.RELATIVE


@pytest.mark.parametrize(
    ("expression", "expected", "source"),
    [
        ("noon Tuesday", dt.date(2018, 10, 2), DateSource.EXPLICIT),
        ("Wed.", dt.date(2018, 10, 3), DateSource.EXPLICIT),
        ("10/3/2018", dt.date(2018, 10, 3), DateSource.EXPLICIT),
        ("a fortnight ago", dt.date(2018, 9, 21), DateSource.RELATIVE),
    ],
)
def test_forms_only_dateparser_reads(
    expression: str, expected: dt.date, source: DateSource
) -> None:
    resolved = resolve_time_expression(expression, FRI_2018_10_05)
    assert resolved is not None
    assert resolved.via_dateparser
    assert (resolved.date, resolved.source) == (expected, source)


def test_slow_path_is_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    _timex._dateparser_resolve.cache_clear()
    resolve_time_expression("the day before yesterday", THU_2018_10_04)
    resolve_time_expression("the day before yesterday", THU_2018_10_04)
    info = _timex.dateparser_cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert info.maxsize is not None


def test_today_in_a_name_is_not_a_day() -> None:
    text = "He told USA Today and Trending Today USA on Monday. Today, he said it again today."
    assert [s.text for s in find_time_expressions(text)] == ["Monday", "Today", "today"]


def test_find_time_expressions_in_prose() -> None:
    text = (
        "Pompeo said Wednesday he may go. Kang told reporters on Thursday. "
        "Trump said Sept. 26 that the 2018 talks went well. SEOUL, May 21 (Yonhap) -- "
        "it said last week. The May meeting. To be sure."
    )
    assert [s.text for s in find_time_expressions(text)] == [
        "Wednesday",
        "Thursday",
        "Sept. 26",
        "May 21",
        "last week",
    ]
    for span in find_time_expressions(text):
        assert text[span.start : span.end] == span.text
    first = find_time_expression(text, 30)
    assert first is not None
    assert first.text == "Thursday"
    assert find_time_expression(text, 0, 12) is None


@settings(deadline=None)
@given(dates, st.sampled_from(WEEKDAYS), st.booleans())
def test_weekday_is_within_six_days_before(reference: dt.date, day: str, on: bool) -> None:
    resolved = resolve_time_expression(f"on {day}" if on else day, reference)
    assert resolved is not None
    assert reference - dt.timedelta(days=6) <= resolved.date <= reference
    assert resolved.date.strftime("%A") == day


@settings(deadline=None)
@given(dates, st.integers(1, 12), st.integers(1, 31), st.booleans())
def test_month_day_is_within_the_year_before(
    reference: dt.date, month: int, day: int, abbreviated: bool
) -> None:
    name = MONTHS[month - 1]
    text = f"{name[:3]}. {day}" if abbreviated and month != 5 else f"{name} {day}"
    resolved = resolve_time_expression(text, reference)
    try:
        dt.date(2000, month, day)  # a leap year: is this month-day possible at all?
    except ValueError:
        assert resolved is None
        return
    if resolved is None:  # only February 29 may have no occurrence in the year before
        assert (month, day) == (2, 29)
        return
    assert reference - dt.timedelta(days=366) < resolved.date <= reference
    assert (resolved.date.month, resolved.date.day) == (month, day)
    assert resolved.date == latest_month_day(month, day, reference)


@settings(deadline=None)
@given(dates, st.integers(0, 6))
def test_latest_weekday(reference: dt.date, weekday: int) -> None:
    found = latest_weekday(weekday, reference)
    strict = latest_weekday(weekday, reference, strictly_before=True)
    assert found.weekday() == strict.weekday() == weekday
    assert 0 <= (reference - found).days <= 6
    assert 1 <= (reference - strict).days <= 7


@settings(deadline=None)
@given(any_text, dates)
def test_resolution_is_deterministic_and_total(text: str, reference: dt.date) -> None:
    for span in find_time_expressions(text):
        assert text[span.start : span.end] == span.text
        first = resolve_time_expression(span.text, reference)
        assert first == resolve_time_expression(span.text, reference)


def test_hostile_text_is_fast() -> None:
    hostile = ("Monday, " * 2000) + ("12th " * 2000) + ("on the " * 2000) + "Sept." * 2000
    spans = find_time_expressions(hostile)
    assert all(hostile[s.start : s.end] == s.text for s in spans)
    assert resolve_time_expression(hostile, FRI_2018_10_05) is None


datey_text = st.lists(
    st.sampled_from(
        ["said", " ", ", ", "on ", "the ", "2nd", "Sept. ", "26", "2018", "Sunday", "last ",
         "week", "ago", "three ", "days ", "earlier ", "this ", "month", "May ", "may ", "(", ")",
         "\n", "16th ", "December ", "x" * 30, "yesterday", "-", "04", "10", "this past ",
         "Today", "USA ", "today"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(deadline=None)
@given(datey_text, st.integers(0, 10))
def test_windowed_scan_equals_a_full_scan(text: str, start: int) -> None:
    start = min(start, len(text))
    full = [
        (m.start(), m.end())
        for m in _timex._EXPRESSION.finditer(text, start, len(text))
        if not _timex._in_a_name(text, m)  # "USA Today" is a name, in both scans
    ]
    assert [(s.start, s.end) for s in find_time_expressions(text, start)] == full
    first = find_time_expression(text, start)
    assert ((first.start, first.end) if first else None) == (full[0] if full else None)


@pytest.mark.parametrize("expression", ["Wednesday", "last month", "yesterday", "ten weeks ago"])
def test_counting_back_past_the_calendar_start_is_no_date(expression: str) -> None:
    assert resolve_time_expression(expression, dt.date.min) is None


def test_a_scan_window_never_ends_inside_a_word() -> None:
    # The digits open a window that would end inside "Sundaysaid", where the closing \b of
    # the pattern would hold at the window's edge (found by the property above).
    text = "26last days earlier Sundaysaid"
    assert find_time_expressions(text) == ()
    assert [s.text for s in find_time_expressions("26 days earlier Sunday said")] == [
        "earlier Sunday"
    ]
