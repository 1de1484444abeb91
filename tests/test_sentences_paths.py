"""The sentence splitter's paths against the one boundary pattern: the period-only candidate
scan (a paragraph without ``!``, ``?`` or ``…``), the plain-word shortcut and the blank set."""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._sentences import _BLANK, _CANDIDATE, _PERIOD, _ZERO_WIDTH, _split
from tests.strategies import any_text, newsy_text
from tests.test_sentences import _reference_split

_WORDS = st.sampled_from(
    [
        "He left", "said", "Sen", "Jr", "U.S", "a.m", "Dec", "No", "x", "Inc", "Ab1", "3",
        "The", "the", "12", "Théo", "\u0130", "é", "“We", '"Why', "(It", "", "...",
    ]
)  # fmt: skip
_MARKS = st.sampled_from(
    [".", ".", ".", "!", "?", "…", "?!", "..", ".”", '."', ".)", "’", "", ",", "!”"]
)
_BLANKS = st.sampled_from([" ", " ", "  ", "\u00a0", "\u200b", "\n", "\t", "\x1c", ""])
# Sentence-shaped pieces (a word, marks, blanks), and now and then any character.
_TEXTS = st.lists(
    st.one_of(st.tuples(_WORDS, _MARKS, _BLANKS).map("".join), st.characters()), max_size=20
).map("".join)


@settings(deadline=None, max_examples=1000)
@given(st.one_of(_TEXTS, any_text, newsy_text), st.data())
@example("Wow! He left. Then Sen. Kim. U.S. The end", (0, 41))
@example("Wow!. He left", (4, 13))
@example("He left. “We left.", (0, 10))
@example("He left. “", (0, 10))
def test_split_equals_the_plain_loop_in_any_window(
    text: str, data: st.DataObject | tuple[int, int]
) -> None:
    # Windows may open just after a ``!`` or ``?`` that the period scan's look-behind reads,
    # and end inside what a boundary looks ahead for.
    if isinstance(data, tuple):
        start, end = data
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert _split(text, start, end) == _reference_split(text, start, end)


@settings(deadline=None, max_examples=1000)
@given(st.one_of(_TEXTS, any_text, newsy_text), st.data())
@example("Wow!. He left.  Then", 4)
def test_the_period_scan_finds_the_candidates_where_no_other_mark_stands(
    text: str, data: st.DataObject | int
) -> None:
    start = data if isinstance(data, int) else data.draw(st.integers(0, len(text)))
    end = len(text) if isinstance(data, int) else data.draw(st.integers(start, len(text)))
    if any(mark in text[start:end] for mark in "!?…"):
        return
    periods = [match.regs for match in _PERIOD.finditer(text, start, end)]
    assert periods == [match.regs for match in _CANDIDATE.finditer(text, start, end)]


def test_blanks_are_the_spaces_and_the_zero_width_characters() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(_BLANK) == spaces | _ZERO_WIDTH
