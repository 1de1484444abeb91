"""Cheap tests the structure stage runs before a costly pattern: each may only skip a pattern
that cannot match, so the answer is the pattern's own."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._structure_lexicon import TRAILING_AGENCY, trailing_agency
from nkquotes._structure_meta import (
    _BROKEN_DATELINE,
    _COLON_DATELINE,
    _DATELINE_RE,
    _TITLE_CITY_DATELINE,
    _TRAILING_WIRE_DATELINE,
    may_open_dateline,
)
from tests.strategies import any_text, newsy_text

_DATELINE_BITS = st.sampled_from(
    [
        "SEOUL",
        "Seoul",
        "Pyongyang",
        "New York",
        "WASHINGTON",
        "É",
        "Ärzte",
        ", ",
        ",",
        "March 7",
        "27 September 2022",
        "Jun 30, 2019",
        " (Yonhap) ",
        "(KCNA)",
        "(",
        ")",
        " -- ",
        "—",
        "–",
        "-",
        ":",
        " ",
        "\u00a0",
        "\n",
        "The",
        "president",
        "said",
        "Yonhap",
        "AP",
        ".",
        "“",
        '"',
        "x",
        "X",
    ]
)
_DATELINES = st.lists(_DATELINE_BITS, max_size=14).map("".join)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(_DATELINES, any_text, newsy_text), st.data())
@example("Seoul (Yonhap) -- Kim left.", None)
@example("Pyongyang, March 7 (KCNA) -- Kim left.", None)
@example("Washington: The talks resumed.", None)
@example("The talks resumed.", None)
@example("() -- Kim left.", None)
@example("ÉVIAN (AFP) -- Kim left.", None)
def test_datelines_are_tried_wherever_a_pattern_can_match(
    text: str, data: st.DataObject | None
) -> None:
    start = data.draw(st.integers(0, len(text))) if data is not None else 0
    stop = data.draw(st.integers(start, len(text))) if data is not None else len(text)
    if not may_open_dateline(text, start, stop):
        for pattern in (
            _DATELINE_RE,
            _TITLE_CITY_DATELINE,
            _TRAILING_WIRE_DATELINE,
            _COLON_DATELINE,
            _BROKEN_DATELINE,
        ):
            assert pattern.match(text, start, stop) is None


_TRAILING_BITS = st.sampled_from(
    [
        "He left.",
        " ",
        "\n",
        " - ",
        "-",
        "—",
        "(",
        ")",
        ").",
        ".",
        '"',
        "Yonhap",
        "yonhap",
        "YONHAP",
        "Reuters",
        "REUTERſ",
        "\u212ayodo",
        "AFP",
        "Korean Central News Agency",
        "news1",
        "Itar-Tass",
        "KCNA",
        "Kim",
        "said",
        "ABC",
        "XY",
        "Ab",
        "1",
    ]
)


def _found(match: regex.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groupdict())


@settings(deadline=None, max_examples=1500)
@given(st.one_of(st.lists(_TRAILING_BITS, max_size=12).map("".join), any_text), st.data())
@example("He left - Reuters", None)
@example("He left. (Yonhap)", None)
@example("He left. KCNA", None)
@example("He said. ABC", None)
@example("He left (Yonhap).", None)
@example("He left - \u212ayodo", None)
def test_trailing_agency_is_the_pattern_searched(text: str, data: st.DataObject | None) -> None:
    end = len(text)
    start = data.draw(st.integers(0, end)) if data is not None else 0
    window = max(start, end - 400)
    assert _found(trailing_agency(text, window, end)) == _found(
        TRAILING_AGENCY.search(text, window, end)
    )
