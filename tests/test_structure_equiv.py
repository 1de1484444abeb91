"""Faster paths of the structure stage against the plain code they replace (the reference
is kept here, written the obvious way)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._structure_caption import CAPTION, caption_search
from nkquotes._structure_lexicon import canonical_agency, fold
from nkquotes._structure_lines import _BREAKS, BLANKS, _count_gap, split_lines
from nkquotes._structure_meta import (
    _DATE,
    _MINUTES,
    _PUBLISHED,
    _STAMP_SPLIT,
    _STAMP_WORD,
    _UPDATED,
    DateLine,
    has_digit,
    match_date_line,
    parse_date,
)
from tests.strategies import any_text, newsy_text

_CAPTION_PIECES = [
    "photo", "Photo", "PHOTO", "photos", "photograph", "image", "Images", "picture",
    "pictured", "file photo", "File", "above", "top", "main image", "cover", "cover image",
    "handout", "In this", "in this undated file", "released by", "provided by", "taken by",
    "via", "via ", "credit:", "Credit: ", "/", "Reuters", "REUTERS", "AFP", "AP", "ap",
    "EPA", "epa-efe", "Getty Images", "getty  images", "Yonhap", "KCNA", "Xinhua",
    "Shutterstock", "Bloomberg", "(L)", "(R)", "(c)", "(left)", "(centre)", "(2nd R)", "(1st L)",
    "speaks", "poses", "walks", "salutes", "courtesy", "courtesy of", "by", "Kim", "said",
    "\u212a", "\u017f", "\u0130", "the minister", "a", "AP Photo", "AFP photo", "thisin",
]  # fmt: skip
_CAPTION_GLUE = [
    " ", "  ", ":", ": ", " : ", "(", ")", ").", ". ", ".", "/", "-", "\u00a0", "\t", "\n",
    "\x1c", "!", "", "   ",
]  # fmt: skip
_CAPTION_LINES = st.lists(
    st.one_of(st.sampled_from(_CAPTION_PIECES), st.sampled_from(_CAPTION_GLUE), st.characters()),
    max_size=16,
).map("".join)


@settings(deadline=None, max_examples=2500)
@given(st.one_of(_CAPTION_LINES, any_text, st.text(), newsy_text))
@example("A man walks past. Photo: Yonhap")
@example("Photo by  Kim Lee")
@example("x\u00a0image: a")
@example("The summit, seen from above. KCNA/via REUTERS")
@example("(AP Photo/Ahn Young-joon)")
@example("Kim Jong Un (L) speaks with Moon Jae-in.")
@example("In this undated handout picture")
@example("a photo released by KCNA")
@example("(Getty Images) x")
@example("x AFP photo y")
@example("\u212aim, photo: \u0130")
def test_caption_branches_find_what_the_alternation_finds(line: str) -> None:
    assert caption_search(line, fold(line)) == (CAPTION.search(line) is not None)


def _reference_date_line(line: str) -> DateLine | None:
    """``match_date_line`` as first written: the date patterns, then every token."""
    if len(line) > 120 or not has_digit(line):
        return None
    if _DATE.search(line) is None and _MINUTES.search(line) is None:
        return None
    for token in _STAMP_SPLIT.split(line):
        if not token or token in ".":
            continue
        core = token.strip(".'’")
        if not core:
            continue
        if _STAMP_WORD.fullmatch(core) or canonical_agency(core) is not None:
            continue
        return None
    label = "published" if _PUBLISHED.match(line) else "updated" if _UPDATED.match(line) else ""
    return DateLine(parse_date(line), label)


_STAMP_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Published",
                "Updated",
                "posted",
                "Dec.",
                "December",
                "3",
                "2018",
                "21:01",
                "10/4/2019",
                "5 min",
                "read",
                "KST",
                "a.m.",
                "ago",
                "hours",
                "(Xinhua)",
                "Yonhap",
                "on",
                "Monday",
                "3rd",
                "of",
                "Kim",
                "said",
                "15:46",
                "2019-04-11",
                "Sept",
                "'",
                "’",
            ]
        ),
        st.sampled_from([" ", ", ", " - ", ": ", "|", "/", "(", ")", "•", ".", "", "\u00a0"]),
        st.characters(),
    ),
    max_size=14,
).map("".join)


@settings(deadline=None, max_examples=2000)
@given(st.one_of(_STAMP_LINES, any_text, newsy_text))
@example("Published : Dec. 3, 2018 - 21:01")
@example("(Xinhua) 15:46, August 23, 2021")
@example("Updated 5 min ago")
@example("A ruling is due on Dec. 3")
def test_date_line_equals_testing_the_dates_first(line: str) -> None:
    assert match_date_line(line) == _reference_date_line(line)


# ``split_lines`` as it was written with a pattern: a trimmed line in one match.
_LINE = re.compile(rf"[^{BLANKS}](?:[^{_BREAKS}]*[^{BLANKS}])?")


def _reference_split_lines(text: str) -> list[tuple[int, int, bool]]:
    lines = []
    previous_end = -2
    for match in _LINE.finditer(text):
        start, end = match.span()
        gap = previous_end < 0 or _count_gap(text[previous_end:start])
        lines.append((start, end, gap))
        previous_end = end
    return lines


_BLANKISH = st.sampled_from(
    [*" \t\u00a0\u200b\u200a\u2000\ufeff\x1c\x1d\x1e\x1f\u3000\n\r\x0b\x0c\x85\u2028\u2029", "\r\n"]
)


@settings(deadline=None, max_examples=1500)
@given(
    st.one_of(
        st.lists(st.one_of(_BLANKISH, st.characters(), st.just("a b")), max_size=60).map("".join),
        any_text,
        st.text(),
    )
)
@example("a\r\n\r\nb")
@example("\u2005a\u200a\n\x1c b \x85")
def test_lines_from_splitlines_equal_the_line_pattern(text: str) -> None:
    assert [tuple(line) for line in split_lines(text)] == _reference_split_lines(text)
