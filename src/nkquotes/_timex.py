"""Time expressions in news English: finding them and resolving them against a reference date.

Two public steps, usable on their own:

- :func:`find_time_expressions` returns the spans of time expressions in a stretch of text
  (``Wednesday``, ``last Friday``, ``September 26``, ``Sept. 26, 2018``, ``2019-04-10``,
  ``yesterday``, ``last week``, ``earlier this month``, ``on the 2nd``).
- :func:`resolve_time_expression` turns one expression into a calendar date, reading it the
  way news readers do against a reference (publication) date: a bare weekday is the most
  recent such day on or before the reference; a month and day without a year is the latest
  one not after the reference; relative phrases count back from the reference.

Compiled patterns decide the common forms. Only an expression they cannot read, and that
still looks like a date, reaches :mod:`dateparser`, which is imported lazily, called with
``languages=["en"]`` and the reference as its base, behind a bounded cache.

Examples:
    >>> import datetime as dt
    >>> resolve_time_expression("Wednesday", dt.date(2019, 4, 11)).date
    datetime.date(2019, 4, 10)
    >>> resolve_time_expression("may", dt.date(2019, 4, 11)) is None
    True
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterator

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._asciifold import inert_char
from nkquotes._dates_scan import anchor_spans
from nkquotes._model import DateSource, Span
from nkquotes._timex_calendar import (
    latest_day_of_month,
    latest_month_day,
    latest_weekday,
    months_back,
)

__all__ = [
    "Granularity",
    "ResolvedTime",
    "dateparser_cache_info",
    "find_time_expression",
    "find_time_expressions",
    "latest_month_day",
    "latest_weekday",
    "resolve_time_expression",
]


class Granularity(str, enum.Enum):
    """How precise a resolved date is: the day itself, or a day standing for a week or month."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@attrs.frozen(kw_only=True)
class ResolvedTime:
    """A time expression read as a calendar date.

    *source* is :attr:`DateSource.EXPLICIT` when the expression names the day (a weekday, a
    month and day, a full date) and :attr:`DateSource.RELATIVE` when it counts from the
    reference (``yesterday``, ``last week``, ``three days ago``). *via_dateparser* says whether
    the compiled fast path could not decide and dateparser did.
    """

    date: dt.date
    source: DateSource
    granularity: Granularity = Granularity.DAY
    via_dateparser: bool = False


# --- patterns (compiled once) -------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        _MONTHS[_name.lower()] = _number
        _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# Month names are matched capitalised only, so the modal "may" and the verb "march" are not
# months; a month also needs a day number next to it to count.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH"
    r"|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
#: The weekday names as a pattern group (shared with the quote finder's occasion tests).
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = WEEKDAY
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"

_WD_PREFIX = rf"(?:\b{_WEEKDAY},?\s)?"
_MONTH_DAY = (
    rf"{_WD_PREFIX}\b(?P<md_month>{_MONTH})\b\.?\s(?P<md_day>{_DAY}){_ORD}?\b"
    rf"(?:,?\s(?P<md_year>{_YEAR})\b)?"
)
_DAY_MONTH = (
    rf"{_WD_PREFIX}\b(?P<dm_day>{_DAY}){_ORD}?\s(?:of\s)?(?P<dm_month>{_MONTH})\b\.?"
    rf"(?:,?\s(?P<dm_year>{_YEAR})\b)?"
)
_ISO = r"\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>[0-3]\d)\b"
_WEEKDAY_EXPR = (
    r"\b(?:(?P<wd_mod>(?i:last|this\s+past|past|earlier|early|late|later))\s+)?"
    rf"(?P<wd>(?i:{_WEEKDAY}))\b(?!,?\s(?:{_MONTH}\b|{_DAY}{_ORD}?\b))"
)
_ORDINAL_DAY = rf"(?:(?<=\bon\s)|^)the\s(?P<od_day>{_DAY}){_ORD}\b"
_RELATIVE = (
    r"(?i:\b(?:"
    r"(?P<yesterday>yesterday)"
    r"|(?P<today>today|tonight|earlier\stoday|earlier\sin\sthe\sday|later\sin\sthe\sday)"
    r"|(?P<last_period>last\s(?P<lp_unit>week|month))"
    r"|(?P<this_period>(?P<tp_earlier>earlier\s)?this\s(?P<tp_unit>week|month))"
    rf"|(?P<ago>(?P<ago_n>{_NUM})\s(?P<ago_unit>days?|weeks?)\sago)"
    r")\b)"
)

_EXPRESSION = _lazyregex.compile(
    rf"{_MONTH_DAY}|{_DAY_MONTH}|{_ISO}|{_WEEKDAY_EXPR}|{_ORDINAL_DAY}|{_RELATIVE}"
)
#: Where an _EXPRESSION match can start: each alternative opens with a word boundary
#: (``the`` of ``on the 2nd`` after a space or at the start) and one of these characters.
_EXPRESSION_START = _lazyregex.compile(r"\b[0-9ADEFJLMNOPSTWYadefjlmnopstwy\x80-\U0010ffff]")
# Each alternative's first word, lower-cased, when it opens with ASCII letters: a month,
# a weekday, a modifier, ``the`` or a count before ``ago`` (otherwise it opens with a digit).
_FIRST_WORDS = frozenset(
    {*_MONTHS, *_WEEKDAYS, *_NUMBER_WORDS}
    | {"last", "this", "past", "earlier", "early", "late", "later", "the", "yesterday", "today"}
    | {"tonight"}
)
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
_ANCHOR = _lazyregex.compile(
    rf"\d|\b(?:{_MONTH}|(?i:{_WEEKDAY}|yesterday|today|tonight|week|month|ago|day))\b"
)
_WINDOW = 24
_WORD_TAIL = _lazyregex.compile(r"(?<=\w)\w+")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_ASCII_DIGIT = re.compile(r"[0-9]")


def _may_anchor(part: str) -> bool:
    """False only if *part* holds no _ANCHOR match (one ``str`` test each: several times
    quicker than the pattern, and most stretches searched have none).

    An anchor is a digit or letters that match case-insensitively or exactly, so it is
    made of word characters or of characters with a case. Where every non-ASCII character
    is neither, an anchor is ASCII, and holds, lower-cased, a digit, a month's first three
    letters or one of ``day`` (the weekdays, ``yesterday``, ``today``), ``tonight``,
    ``week``, ``month``, ``ago``.
    """
    if not part.isascii() and not all(map(inert_char, _ASCII_RUNS.sub("", part))):
        return True
    low = part.lower()
    return (
        "day" in low
        or "week" in low
        or "month" in low
        or "ago" in low
        or "tonight" in low
        or "jan" in low
        or "feb" in low
        or "mar" in low
        or "apr" in low
        or "may" in low
        or "jun" in low
        or "jul" in low
        or "aug" in low
        or "sep" in low
        or "oct" in low
        or "nov" in low
        or "dec" in low
        or _ASCII_DIGIT.search(part) is not None
    )


# "USA Today", "Trending Today USA": a capitalised "Today" after a capitalised word is a name.
_NAME_BEFORE = _lazyregex.compile(r"\b\p{Lu}[\w&]*\s\Z")
_WHOLE = _lazyregex.compile(rf"(?:{_EXPRESSION.pattern})")
# What may send an expression to dateparser: a day must be pinned down by a weekday, a month
# with a number, a numeric date, or a relative word; a month alone, a bare year or a bare
# number ("the 2nd", "May", "The 2018") is not a day.
_WEEKDAY_WORD = _lazyregex.compile(
    rf"(?i)\b(?:{_WEEKDAY}|(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?)\b"
)
_MONTH_WORD = _lazyregex.compile(rf"\b{_MONTH}\b")
_RELATIVE_WORD = _lazyregex.compile(
    r"(?i)\b(?:yesterday|today|tonight|ago|fortnight|week|month|days?)\b"
)
_NUMERIC_DATE = _lazyregex.compile(r"\b\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?\b")
_DIGIT = _lazyregex.compile(r"\d")
_NAMES_A_DAY = _lazyregex.compile(rf"\b(?:{_MONTH}|(?i:{_WEEKDAY})|{_YEAR})\b|\d[-/.]\d")
_BARE_YEAR = _lazyregex.compile(rf"(?i)^\s*(?:the\s+|in\s+)?{_YEAR}s?\s*$")
_SPACES = _lazyregex.compile(r"\s+")
#: Longer strings are not time expressions; the bound also keeps hostile input cheap.
_MAX_EXPRESSION = 80
# What may surround an expression without changing the day it names: a leading preposition,
# a trailing part of the day or time of day, "local time", a clock time after a dash.
_AFFIXES = _lazyregex.compile(
    r"(?i)^(?:(?:on|in|at|as\s+of)\s+)?(?P<core>.+?)"
    r"(?:,?\s*(?:[-–—|/@]\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"(?:,?\s+(?:\(?local\s+time\)?|night|morning|afternoon|evening|\([A-Z]{2,4}\)))?"
    r"[\s.,;:]*$"
)


# --- finding --------------------------------------------------------------------------------


def find_time_expressions(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """The spans of every time expression in ``text[start:end]``, in text order.

    Examples:
        >>> text = "Pompeo said Wednesday that talks would resume in May."
        >>> [s.text for s in find_time_expressions(text)]
        ['Wednesday']
    """
    stop = len(text) if end is None else min(end, len(text))
    windows = _windows(text, start, stop)
    if not windows:
        return ()
    return tuple(
        Span.of(text, m.start(), m.end())
        for low, high in windows
        for m in _expressions(text, low, high)
        if not _in_a_name(text, m)
    )


def find_time_expression(text: str, start: int = 0, end: int | None = None) -> Span | None:
    """The first time expression in ``text[start:end]``, or ``None``."""
    stop = len(text) if end is None else min(end, len(text))
    for low, high in _windows(text, start, stop):
        for match in _expressions(text, low, high):
            if not _in_a_name(text, match):
                return Span.of(text, match.start(), match.end())
    return None


def _expressions(text: str, low: int, high: int) -> Iterator[regex.Match[str]]:
    """``_EXPRESSION.finditer(text, low, high)``, trying the pattern only where a match can
    start: a word character after a word boundary that some alternative opens with (a
    digit, an ASCII letter among ``adefjlmnopstwy`` in either case, or any non-ASCII one).
    The scan tries the same places in the same order, so it finds the same matches, a few
    times quicker than the pattern's own scan."""
    pos = low
    for start in _EXPRESSION_START.finditer(text, low, high):
        at = start.start()
        if at < pos:
            continue  # inside the previous match
        if "A" <= text[at] <= "z":
            # A word of ASCII letters that no alternative opens with cannot start a match
            # (unless a character that may fold to a letter, outside ASCII, continues it).
            end = _ASCII_LETTERS.match(text, at, high).end()  # type: ignore[union-attr]
            if (end == high or text[end] < "\x80") and text[at:end].lower() not in _FIRST_WORDS:
                continue
        match = _EXPRESSION.match(text, at, high)
        if match is not None:
            yield match
            pos = match.end()


def _in_a_name(text: str, match: regex.Match[str]) -> bool:
    if match.group("today") is None or not text[match.start()].isupper():
        return False
    return _NAME_BEFORE.search(text, max(0, match.start() - 40), match.start()) is not None


def _windows(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Stretches around anchor words, where the full pattern is worth trying.

    Every expression contains an anchor (a digit, a month or weekday name, or a word such as
    ``yesterday``, ``week``, ``ago``), and none reaches further than :data:`_WINDOW` from it;
    scanning only there is several times faster than running the full pattern everywhere.
    """
    part = text[start:stop]
    if not _may_anchor(part):
        return []  # most stretches searched
    if part.isascii() or all(map(inert_char, _ASCII_RUNS.sub("", part))):
        anchors = anchor_spans(_ANCHOR.finditer, text, start, part)
    else:
        anchors = [m.span() for m in _ANCHOR.finditer(text, start, stop)]
    windows: list[tuple[int, int]] = []
    word_tail = _WORD_TAIL.match
    for anchor_start, anchor_end in anchors:
        low = anchor_start - _WINDOW
        if low < start:
            low = start
        high = anchor_end + _WINDOW
        if high > stop:
            high = stop
        # Never end inside a word: the pattern's closing \b would hold at the window's end
        # ("earlier Sunday|said" is no expression).
        tail = word_tail(text, high, stop)
        if tail is not None:
            high = tail.end()
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


# --- resolving ------------------------------------------------------------------------------


def _full_date(year: str | None, month: int, day: str, reference: dt.date) -> ResolvedTime | None:
    if year is not None:
        try:
            return ResolvedTime(
                date=dt.date(int(year), month, int(day)), source=DateSource.EXPLICIT
            )
        except ValueError:
            return None
    found = latest_month_day(month, int(day), reference)
    return None if found is None else ResolvedTime(date=found, source=DateSource.EXPLICIT)


def _month_number(name: str) -> int:
    return _MONTHS[name.lower()[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _fast_resolve(match: regex.Match[str], reference: dt.date) -> ResolvedTime | None:
    g = match.groupdict()
    if g["md_month"] is not None:
        return _full_date(g["md_year"], _month_number(g["md_month"]), g["md_day"], reference)
    if g["dm_month"] is not None:
        return _full_date(g["dm_year"], _month_number(g["dm_month"]), g["dm_day"], reference)
    if g["iso_year"] is not None:
        return _full_date(g["iso_year"], int(g["iso_month"]), g["iso_day"], reference)
    if g["wd"] is not None:
        modifier = _SPACES.sub(" ", (g["wd_mod"] or "").lower())
        strict = modifier in {"last", "this past", "past"}
        found = latest_weekday(_WEEKDAYS[g["wd"].lower()], reference, strictly_before=strict)
        return ResolvedTime(date=found, source=DateSource.EXPLICIT)
    if g["od_day"] is not None:
        day = latest_day_of_month(int(g["od_day"]), reference)
        return None if day is None else ResolvedTime(date=day, source=DateSource.EXPLICIT)
    return _fast_relative(g, reference)


def _fast_relative(g: dict[str, str | None], reference: dt.date) -> ResolvedTime | None:
    relative = DateSource.RELATIVE
    if g["yesterday"] is not None:
        return ResolvedTime(date=reference - dt.timedelta(days=1), source=relative)
    if g["today"] is not None:
        return ResolvedTime(date=reference, source=relative)
    if g["last_period"] is not None:
        if (g["lp_unit"] or "").lower() == "week":
            return ResolvedTime(
                date=reference - dt.timedelta(days=7), source=relative, granularity=Granularity.WEEK
            )
        return ResolvedTime(
            date=months_back(reference, 1), source=relative, granularity=Granularity.MONTH
        )
    if g["this_period"] is not None:
        if (g["tp_unit"] or "").lower() == "week":
            start = reference - dt.timedelta(days=reference.weekday())
            granularity = Granularity.WEEK
        else:
            start = reference.replace(day=1)
            granularity = Granularity.MONTH
        day = start if g["tp_earlier"] is not None else reference
        return ResolvedTime(date=day, source=relative, granularity=granularity)
    if g["ago"] is not None:
        raw = (g["ago_n"] or "").lower()
        count = _NUMBER_WORDS[raw] if raw in _NUMBER_WORDS else int(raw)
        weeks = (g["ago_unit"] or "").lower().startswith("week")
        days = count * 7 if weeks else count
        return ResolvedTime(
            date=reference - dt.timedelta(days=days),
            source=relative,
            granularity=Granularity.WEEK if weeks else Granularity.DAY,
        )
    return None


@functools.lru_cache(maxsize=2048)
def _dateparser_resolve(expression: str, reference: dt.date) -> dt.date | None:
    """Ask dateparser (imported here, lazily), with English only and a fixed base date."""
    import dateparser  # lazy on purpose: heavy to import, and rarely needed

    base = dt.datetime.combine(reference, dt.time(12, 0))
    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    found = parsed.date()
    return found if found <= reference else None


def _worth_asking(expression: str) -> bool:
    """Whether *expression* can name a single day, so that dateparser is worth a call."""
    if _BARE_YEAR.match(expression):
        return False
    if _WEEKDAY_WORD.search(expression) or _RELATIVE_WORD.search(expression):
        return True
    if _MONTH_WORD.search(expression):
        return _DIGIT.search(expression) is not None
    return _NUMERIC_DATE.search(expression) is not None


#: The slow path; a benchmark or test may swap it to count or forbid calls.
_slow_path: Callable[[str, dt.date], dt.date | None] = _dateparser_resolve


def resolve_time_expression(expression: str, reference: dt.date) -> ResolvedTime | None:
    """Read *expression* as a date, against *reference*; ``None`` if it is not one.

    Every date read from a year-less or relative expression is on or before *reference*; a
    date with its year written out is taken as written.

    The compiled fast path reads weekdays, month-day dates (with or without a year), ISO
    dates, ``yesterday``, ``today``, ``last week``, ``earlier this month`` and ``N days ago``.
    Anything else that still looks like a date goes to dateparser. Words such as ``may``,
    ``To`` or a bare year are never dates.

    Examples:
        >>> import datetime as dt
        >>> resolve_time_expression("September 26", dt.date(2018, 10, 5)).date
        datetime.date(2018, 9, 26)
        >>> resolve_time_expression("The 2018", dt.date(2018, 10, 5)) is None
        True
    """
    cleaned = _SPACES.sub(" ", expression.strip())
    if not cleaned or len(cleaned) > _MAX_EXPRESSION:
        return None
    affixed = _AFFIXES.fullmatch(cleaned)
    core = affixed.group("core") if affixed is not None else cleaned
    match = _WHOLE.fullmatch(core)
    if match is not None:
        try:
            return _fast_resolve(match, reference)
        except (OverflowError, ValueError):  # counting back past the first representable day
            return None
    if not _worth_asking(cleaned):
        return None
    found = _slow_path(cleaned, reference)
    if found is None:
        return None
    named = _NAMES_A_DAY.search(cleaned) is not None or _WEEKDAY_WORD.search(cleaned) is not None
    source = DateSource.EXPLICIT if named else DateSource.RELATIVE
    return ResolvedTime(date=found, source=source, via_dateparser=True)


def dateparser_cache_info() -> functools._CacheInfo:
    """Hits and misses of the bounded dateparser cache (for benchmarks and tests)."""
    return _dateparser_resolve.cache_info()
