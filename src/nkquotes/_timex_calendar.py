"""Calendar arithmetic for time expressions: the latest weekday, month and day, or day of
the month not after a reference date, and whole months back from it (how news readers
resolve ``Wednesday``, ``September 26``, ``on the 2nd`` and ``two months ago``)."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["latest_day_of_month", "latest_month_day", "latest_weekday", "months_back"]


def latest_weekday(weekday: int, reference: dt.date, *, strictly_before: bool = False) -> dt.date:
    """The most recent *weekday* (Monday is 0) on or before *reference* (before, if strict)."""
    delta = (reference.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return reference - dt.timedelta(days=delta)


def latest_month_day(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The latest *month*/*day* not after *reference*, within the year before it.

    ``None`` when no such date exists in that year (``February 29`` out of leap years, or an
    impossible day).
    """
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        # February 29 can fall 366 days back, just outside the year before: no date then.
        if candidate <= reference and (reference - candidate).days < 366:
            return candidate
    return None


def latest_day_of_month(day: int, reference: dt.date) -> dt.date | None:
    """The latest *day* of a month not after *reference*: this month's or the last one's."""
    year, month = reference.year, reference.month
    for _ in range(2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= reference:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def months_back(reference: dt.date, months: int) -> dt.date:
    """*reference* moved *months* months back (the day clipped to the month's length)."""
    index = reference.year * 12 + reference.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(reference.day, last))
