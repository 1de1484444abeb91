"""Datelines, bylines and date lines: the metadata a news page prints around its body."""

from __future__ import annotations

import datetime as _dt

import attrs

from nkquotes import _lazyregex
from nkquotes._model import PartialDate
from nkquotes._sentences import wordset
from nkquotes._structure_lexicon import AGENCY_NAME, canonical_agency
from nkquotes._structure_lexicon import agency_alternation as _agency_alternation

__all__ = [
    "DatelineMatch",
    "has_digit",
    "match_byline",
    "match_date_line",
    "match_dateline",
    "may_open_dateline",
    "parse_date",
]

_MONTH_NUMBERS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_DATE = _lazyregex.compile(
    rf"(?i)\b(?:(?P<m1>{_MONTH})\s*,?\s*(?P<d1>{_DAY})\b(?:\s*,?\s*(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:\s*,?\s*(?P<y2>{_YEAR}))?"
    rf"|(?P<y3>{_YEAR})[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d))\b"
)


_NON_DIGIT = _lazyregex.compile(r"\D")
_DIGIT = _lazyregex.compile(r"\d")
_MINUTES = _lazyregex.compile(r"\b\d+\s+min")
_AFTER_NAMES = _lazyregex.compile(r"(?:[\p{Lu}][\p{L}.'’&-]*[ ,]*){0,6}")
_BYLINE_ROLE = _lazyregex.compile(
    r"\s*(?:[|/]|,\s*(?=[\p{Lu}][\p{Ll}]+\s+(?:Writer|Correspondent|Reporter|Editor)"
    r"|(?:The\s+)?Associated|Reuters|AFP|Yonhap|Staff|Special|Senior|Chief|Contributing"
    r"|Political|Diplomatic|Foreign|CNN|BBC))"
)
_OUTLET_WORD = _lazyregex.compile(
    r"(?i)\b(?:news|tv|radio|times|post|press|correspondent|reporter)\b"
)


def parse_date(segment: str) -> PartialDate | None:
    """The first month-name or ISO date in *segment*, as a :class:`PartialDate`."""
    match = _DATE.search(segment)
    if match is None:
        return None
    try:
        if match.group("m1"):
            month = _MONTH_NUMBERS[match.group("m1").rstrip(".").lower()]
            day = int(_NON_DIGIT.sub("", match.group("d1")))
            year = match.group("y1")
        elif match.group("m2"):
            month = _MONTH_NUMBERS[match.group("m2").rstrip(".").lower()]
            day = int(_NON_DIGIT.sub("", match.group("d2")))
            year = match.group("y2")
        else:
            month, day, year = int(match.group("m3")), int(match.group("d3")), match.group("y3")
    except (KeyError, ValueError):
        return None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return PartialDate(year=int(year) if year else None, month=month, day=day)


# --- date lines -------------------------------------------------------------------------

# Words a line may hold and still be only a date stamp.
_STAMP_WORD = _lazyregex.compile(
    rf"(?i)(?:{_MONTH}|{_DAY}|{_YEAR}|\d{{1,4}}(?:[-/.:]\d{{1,4}}){{0,3}}(?:am|pm)?"
    r"|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|a\.?m\.?|p\.?m\.?|kst|gmt|utc|jst|est|edt|et|bst|cet|ist|hkt|sgt"
    r"|published|updated?|posted|written|released|last|modified|on|at|ago|an?|hours?|minutes?|mins?"
    r"|days?|weeks?|months?|years?|read|adjust|font|size|time|date|by|the|of|st|nd|rd|th)"
)
_STAMP_SPLIT = _lazyregex.compile(r"[\s,;:/|()\-–—•·]+|(?<=\d)(?=[A-Za-z])|(?<=[a-z])(?=[A-Z])")
_PUBLISHED = _lazyregex.compile(r"(?i)^\W{0,3}(?:published|posted|written|first\s+published)\b")
_UPDATED = _lazyregex.compile(r"(?i)^\W{0,3}(?:last\s+)?(?:updated|modified)\b")


@attrs.frozen
class DateLine:
    """A line that is only a date stamp, the date it states, and how it is labelled."""

    date: PartialDate | None
    label: str  # "published", "updated" or ""


def match_date_line(line: str) -> DateLine | None:
    """A line made only of a date stamp (``Published : Dec. 3, 2018 - 21:01``), else ``None``.

    An agency name may stand in it (``(Xinhua) 15:46, August 23, 2021``).
    """
    if len(line) > 120 or not has_digit(line):  # both patterns need a digit
        return None
    # The word test first, one token at a time: a line of prose fails at its first word or
    # two, before the date patterns (which search the whole line) are run at all.
    for token in _STAMP_SPLIT.compiled.splititer(line):
        if not token or token in ".":
            continue
        core = token.strip(".'’")
        if not core:
            continue
        if _STAMP_WORD.fullmatch(core) or canonical_agency(core) is not None:
            continue
        return None
    if _DATE.search(line) is None and _MINUTES.search(line) is None:
        return None
    label = "published" if _PUBLISHED.match(line) else "updated" if _UPDATED.match(line) else ""
    return DateLine(parse_date(line), label)


def has_digit(line: str) -> bool:
    """Whether ``\\d`` occurs in *line* (on ASCII, deleting ``0``-``9`` is cheaper than a
    ``regex`` call)."""
    if line.isascii():
        return len(line.encode("ascii").translate(None, b"0123456789")) != len(line)
    return _DIGIT.search(line) is not None


def to_date(partial: PartialDate | None) -> _dt.date | None:
    """A full calendar date, or ``None`` if *partial* lacks a year or is impossible."""
    return partial.to_date() if partial is not None else None


# --- datelines --------------------------------------------------------------------------

_CAPS_WORD = r"[\p{Lu}][\p{Lu}\p{M}.'’\-]*"
_CITY = rf"{_CAPS_WORD}(?:[ \u00a0]{_CAPS_WORD}){{0,4}}"
_REGION = r"[\p{Lu}][\p{L}.\-]*(?:[ \u00a0][\p{Lu}][\p{L}.\-]*){0,3}"
_DASH = r"(?:--|[-–—])"
_AGENCIES_RE = f"(?i:{_agency_alternation()})"

_DATELINE_RE = _lazyregex.compile(
    rf"(?P<city>{_CITY})(?:,[ \u00a0]*(?P<date>{_MONTH}[ \u00a0]*\d{{1,2}}(?:,[ \u00a0]*{_YEAR})?)"
    rf"|,[ \u00a0]*(?P<region>{_REGION}))?"
    rf"(?:,[ \u00a0]*(?P<date2>{_MONTH}[ \u00a0]*\d{{1,2}}(?:,[ \u00a0]*{_YEAR})?))?"
    rf"[ \u00a0]*(?:\((?P<paren>[^()\n]{{1,80}})\))?"
    rf"(?:[ \u00a0]*(?P<dash>{_DASH})(?=\s)|(?<=\))(?=\s+[\p{{Lu}}\"“‘']))"
)
_ANY_DATE = (
    rf"(?:{_MONTH}[ \u00a0]*\d{{1,2}}(?:,[ \u00a0]*{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]+{_MONTH}(?:,?[ \u00a0]*{_YEAR})?)"
)
# ``Pyongyang, March 7 (KCNA) --``, ``New York, 27 September 2022 (TDI):``
_TITLE_CITY_DATELINE = _lazyregex.compile(
    r"(?P<city>[\p{Lu}][\p{Ll}]+(?:[ \u00a0][\p{Lu}][\p{Ll}]+){0,2})"
    rf"(?:,[ \u00a0]*(?P<date>{_ANY_DATE}))?[ \u00a0]*\((?P<paren>[^()\n]{{1,60}})\)"
    r"[ \u00a0]*(?:--|[-–—:])(?=\s)"
)
# ``SEOUL, Jun 30, 2019, Yonhap.``
_TRAILING_WIRE_DATELINE = _lazyregex.compile(
    rf"(?P<city>{_CITY}),[ \u00a0]*(?P<date>{_ANY_DATE}),[ \u00a0]*"
    rf"(?P<paren>{_AGENCIES_RE})[.:]?(?=\s)"
)
_COLON_DATELINE = _lazyregex.compile(
    r"(?P<city>[\p{Lu}][\p{Ll}]+(?:[ \u00a0][\p{Lu}][\p{Ll}]+){0,2}"
    r"|[\p{Lu}]{3,}(?:[ \u00a0][\p{Lu}]{2,}){0,2}):(?=\s+[\p{Lu}\"“‘'])"
)
_NOT_CITY = wordset(
    """
        update note editor watch photo video breaking source sources read warning editors
        correction clarification live analysis opinion comment exclusive poll wow report
        statement photos videos listen quote question answer q a summary background
        """
)
_BROKEN_DATELINE = _lazyregex.compile(r"\([ \u00a0]*\)?[ \u00a0]*(?:--|[-–—])(?=\s)")
#: Marks that open paragraphs and are no capital (``\p{Lu}``) or ``(``.
_NO_DATELINE_OPENERS = frozenset("“‘—–…’”«")


@attrs.frozen
class DatelineMatch:
    """A dateline found at the start of a paragraph: ``[start, end)`` and its parsed parts."""

    start: int
    end: int
    city: str | None
    date: PartialDate | None
    agency: str | None
    agency_start: int | None
    agency_end: int | None


def match_dateline(text: str, start: int, end: int) -> DatelineMatch | None:
    """A dateline opening ``text[start:end]`` (``SEOUL, April 10 (Yonhap) --``), else ``None``."""
    stop = min(end, start + 200)
    if not may_open_dateline(text, start, stop):
        return None  # (most paragraphs: five patterns not tried)
    match = _DATELINE_RE.match(text, start, stop)
    if match is not None and _plausible_city(match.group("city")):
        if match.group("dash") is None and match.group("paren") is None:
            match = None
    elif match is not None:
        match = None
    if match is not None:
        date_text = match.group("date") or match.group("date2")
        paren = match.group("paren")
        agency = a_start = a_end = None
        date = parse_date(date_text) if date_text else None
        if paren:
            found = AGENCY_NAME.search(paren)
            if found is not None:
                agency = canonical_agency(found.group())
                a_start = match.start("paren") + found.start()
                a_end = match.start("paren") + found.end()
            if date is None:
                date = parse_date(paren)
            if match.group("dash") is None and found is None and date is None:
                return None
        return DatelineMatch(start, match.end(), match.group("city"), date, agency, a_start, a_end)
    for pattern in (_TITLE_CITY_DATELINE, _TRAILING_WIRE_DATELINE):
        other = pattern.match(text, start, stop)
        if other is not None:
            paren = other.group("paren")
            found = AGENCY_NAME.search(paren)
            date = parse_date(other.group("date") or paren)
            if found is None and date is None:
                continue
            agency = canonical_agency(found.group()) if found is not None else None
            a_start = other.start("paren") + found.start() if found is not None else None
            a_end = other.start("paren") + found.end() if found is not None else None
            return DatelineMatch(
                start, other.end(), other.group("city"), date, agency, a_start, a_end
            )
    colon = _COLON_DATELINE.match(text, start, stop)
    if (
        colon is not None
        and colon.group("city").lower() not in _NOT_CITY
        and not colon.group("city").lower().endswith("ed")
        and canonical_agency(colon.group("city")) is None
    ):
        return DatelineMatch(start, colon.end(), colon.group("city"), None, None, None, None)
    broken = _BROKEN_DATELINE.match(text, start, stop)
    if broken is not None:
        return DatelineMatch(start, broken.end(), None, None, None, None, None)
    return None


def may_open_dateline(text: str, start: int, stop: int) -> bool:
    """False only when none of ``match_dateline``'s patterns can match ``text[start:stop]``.

    Each opens with a capital (``\\p{Lu}``) or ``(``. After a capital and a small letter, only
    the two that need a ``(`` or a ``:`` further on can: the city of the others is a run of
    capitals, then a blank, a comma, a bracket or a dash."""
    first = text[start : start + 1]
    if not first or (first < "\x80" and not ("A" <= first <= "Z" or first == "(")):
        return False
    if first in _NO_DATELINE_OPENERS:
        return False
    return not (
        "A" <= first <= "Z"
        and start + 1 < stop
        and "a" <= text[start + 1] <= "z"
        and text.find("(", start, stop) < 0
        and text.find(":", start, stop) < 0
    )


def _plausible_city(city: str) -> bool:
    letters = [c for c in city if c.isalpha()]
    return len(letters) >= 2 and canonical_agency(city) is None


# --- bylines ----------------------------------------------------------------------------

_NAME_WORD = r"[\p{Lu}][\p{Ll}\p{M}'’]*(?:-[\p{Lu}\p{Ll}][\p{Ll}\p{M}'’]*)?\.?"
_NAME = (
    rf"{_NAME_WORD}(?:[ \u00a0](?:(?:de|van|von|der|da|al|bin|le|la)[ \u00a0])?{_NAME_WORD}){{1,3}}"
)
_CAPS_NAME = r"[\p{Lu}][\p{Lu}'’\-]+(?:[ \u00a0][\p{Lu}][\p{Lu}'’.\-]*){1,3}"
_ANY_NAME = rf"(?:{_NAME}|{_CAPS_NAME})"
_BY = _lazyregex.compile(
    r"(?i:by|byline:|written\s+by|words\s+by|posted\s+by|author:?|reporter:?|reported\s+by)"
    r"[ \u00a0]+(?P<names>.{1,160})$"
)
_NAME_LIST = _lazyregex.compile(
    rf"(?P<n>{_ANY_NAME})(?:(?:,|,?[ \u00a0]+(?:and|&))[ \u00a0]+(?P<n>{_ANY_NAME}))*"
)
_SIGN_OFF = _lazyregex.compile(
    rf"(?P<n>{_NAME}),[ \u00a0]+[\p{{Lu}}][\p{{L}}]*(?:[ \u00a0][\p{{Lu}}][\p{{L}}]*){{0,3}}\.?"
)
_BARE = _lazyregex.compile(rf"(?P<n>{_NAME})")
# The first letters of ``_BY``'s words, both cases (no other character folds to them).
_BY_INITIALS = ("b", "B", "w", "W", "p", "P", "a", "A", "r", "R")
_NOT_NAME_WORDS = wordset(
    """
        news times post herald daily journal press agency tribune mobile app application
        home menu top popular stories related photos videos more content update comments
        reply share sheet pick picks read latest world international politics business
        sports opinion korea north south united states nations america the of and topics
        tags tagged bookmark
        """
)


@attrs.frozen
class BylineMatch:
    """An author line's names, and the agency it credits (``By Yonhap``), if any."""

    names: tuple[str, ...]
    agency: str | None


def match_byline(line: str, *, bare: bool = False) -> BylineMatch | None:
    """The byline a whole *line* is, or ``None``; *bare* also accepts a line of just a name."""
    if len(line) > 200:
        return None
    # What the patterns need first: ``_BY`` one of its words' initials, the others a capital
    # (``A``-``Z`` in ASCII) and ``_SIGN_OFF`` a comma; a line without it is not tried.
    first = line[:1]
    capital = "A" <= first <= "Z" or not first.isascii()
    by = _BY.match(line) if first in _BY_INITIALS else None
    if by is not None:
        names_text = by.group("names").strip()
        agency = canonical_agency(names_text.rstrip("."))
        if agency is not None:
            return BylineMatch((), agency)
        head = _BYLINE_ROLE.split(names_text, maxsplit=1)[0]
        names = _NAME_LIST.match(head.rstrip(". "))
        if names is None:
            return None
        after = head.rstrip(". ")[names.end() :].strip(" ,")
        if after and not _AFTER_NAMES.fullmatch(after):
            return None
        return BylineMatch(tuple(_clean(n) for n in names.captures("n")), _agency_in(names_text))
    sign = _SIGN_OFF.fullmatch(line) if capital and "," in line else None
    if sign is not None and _name_ok(sign.group("n")):
        tail = line[sign.end("n") :]
        if _OUTLET_WORD.search(tail):
            return BylineMatch((_clean(sign.group("n")),), _agency_in(tail))
    if bare and capital:
        plain = _BARE.fullmatch(line)
        if plain is not None and _name_ok(plain.group("n")):
            return BylineMatch((_clean(plain.group("n")),), None)
    return None


def _name_ok(name: str) -> bool:
    return not any(w.lower().strip(".") in _NOT_NAME_WORDS for w in name.split())


def _clean(name: str) -> str:
    return " ".join(name.split())


def _agency_in(segment: str) -> str | None:
    found = AGENCY_NAME.search(segment)
    return canonical_agency(found.group()) if found is not None else None


# --- a headline and its stamp on one line -------------------------------------------------

_TITLE_STAMP = _lazyregex.compile(
    rf"(?P<title>[^\n]{{10,250}}?)\.[ \u00a0]+"
    rf"(?P<stamp>{_MONTH}[ \u00a0]*\d{{1,2}},[ \u00a0]*{_YEAR}"
    r"(?:[ \u00a0]+\d{1,2}:\d{2}(?::\d{2})?)?\.?)"
    r"(?:[ \u00a0]+(?P<by>by[ \u00a0]+[\p{Lu}][\p{L}'’-]*(?:[ \u00a0][\p{Lu}][\p{L}'’-]*){1,3}))?"
    r"(?:[ \u00a0]*(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:,[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*\.?))?"
    r"[ \u00a0]*$"
)


def match_title_stamp(line: str) -> list[tuple[str, int, int]] | None:
    """A headline printed with its date stamp (and author) on one line.

    ``Title. December. 17, 2019 07:40. by Name name@site.com.`` gives the pieces
    ``("title", …)``, ``("date", …)``, ``("byline", …)`` and ``("credit", …)`` as offsets
    into *line*; ``None`` if the line is not shaped so.
    """
    match = _TITLE_STAMP.match(line)
    if match is None:
        return None
    pieces = [("title", 0, match.end("title")), ("date", *match.span("stamp"))]
    if match.group("by"):
        pieces.append(("byline", *match.span("by")))
    if match.group("mail"):
        pieces.append(("credit", *match.span("mail")))
    return pieces
