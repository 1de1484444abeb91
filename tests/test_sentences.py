"""Sentence splitting for news English."""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import Span, split_sentences
from nkquotes._model import inner_span
from nkquotes._sentences import (
    _BOUNDARY,
    _OPENERS,
    _TIME_FOLLOWERS,
    _ascii_boundary,
    _is_boundary,
    _split,
    trim,
)
from tests.strategies import any_text, newsy_text


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Cory Gardner (R-CO) asked him. He answered.",
            ["Sen. Cory Gardner (R-CO) asked him.", "He answered."],
        ),
        (
            "Gov. Jay Inslee and Rep. Adam Schiff spoke. Dr. Kim did not.",
            ["Gov. Jay Inslee and Rep. Adam Schiff spoke.", "Dr. Kim did not."],
        ),
        (
            "Sen. Ed Markey (D-MA) called for more. It passed.",
            ["Sen. Ed Markey (D-MA) called for more.", "It passed."],
        ),
        (
            "The U.S. Treasury acted. Pyongyang objected.",
            ["The U.S. Treasury acted.", "Pyongyang objected."],
        ),
        ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
        (
            "George W. Bush and Martin Luther King Jr. were named.",
            ["George W. Bush and Martin Luther King Jr. were named."],
        ),
        ("It is the No. 2 official. He left.", ["It is the No. 2 official.", "He left."]),
        (
            "They met on Dec. 3 in Hanoi. Talks failed.",
            ["They met on Dec. 3 in Hanoi.", "Talks failed."],
        ),
        (
            "It began at 9 a.m. Monday and ended at 5 p.m. Officials left.",
            ["It began at 9 a.m. Monday and ended at 5 p.m.", "Officials left."],
        ),
        ("At 9 a.m. The ministry spoke.", ["At 9 a.m.", "The ministry spoke."]),
        (
            '"We are ready." The statement ended.',
            ['"We are ready."', "The statement ended."],
        ),
        (
            "“Will they talk?” The question remained.",
            ["“Will they talk?”", "The question remained."],
        ),
        ('"Why?" Trump asked. Nobody knew.', ['"Why?" Trump asked.', "Nobody knew."]),
        ('"We will see," he said. "Maybe."', ['"We will see," he said.', '"Maybe."']),
        (
            "He was bent on bringing... relations back. Then he left.",
            ["He was bent on bringing... relations back.", "Then he left."],
        ),
        ("Growth was 3.5 percent. It fell.", ["Growth was 3.5 percent.", "It fell."]),
        (
            "Visit https://www.state.gov/r.1/No.2?a=b today. Or www.nk.org/a. Bye.",
            ["Visit https://www.state.gov/r.1/No.2?a=b today.", "Or www.nk.org/a.", "Bye."],
        ),
        ("It cost $1,500.50 in total. Fine.", ["It cost $1,500.50 in total.", "Fine."]),
        ("Wait!  Then\ttabs.\u00a0And NBSP.", ["Wait!", "Then\ttabs.", "And NBSP."]),
        ("", []),
        ("  \n ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_offsets_index_the_original_text_with_a_window() -> None:
    text = "Header line.\nOne here. Two there.\nFooter."
    start = text.index("One")
    end = text.index("\nFooter")
    spans = split_sentences(text, start, end)
    assert [(s.start, s.end) for s in spans] == [(start, start + 9), (start + 10, end)]
    assert all(text[s.start : s.end] == s.text for s in spans)


@settings(deadline=None, max_examples=200)
@given(st.one_of(any_text, newsy_text), st.data())
def test_spans_are_trimmed_ordered_and_inside_the_window(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    for span in spans:
        assert start <= span.start < span.end <= end
        assert span.is_valid_for(text)
        assert not span.text[0].isspace()
        assert not span.text[-1].isspace()
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@settings(deadline=None, max_examples=100)
@given(newsy_text)
def test_splitting_loses_no_text(text: str) -> None:
    spans = split_sentences(text)
    kept = "".join("".join(span.text.split()) for span in spans)
    assert kept == "".join(text.split())


def test_hostile_input_is_linear() -> None:
    text = 'U.S. "Why?" he asked... Sen. ' * 20000 + "." * 100000 + '"' * 100000
    spans = split_sentences(text)
    assert spans
    assert spans[-1].end <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met U.S. President Donald Trump. They talked.",
            ["He met U.S. President Donald Trump.", "They talked."],
        ),
        (
            "U.N. officials said so. Others did not.",
            ["U.N. officials said so.", "Others did not."],
        ),
        ('He said, "Fine,”Mr. Trump replied.', ['He said, "Fine,”Mr. Trump replied.']),
    ],
)
def test_acronyms_before_names(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def _reference_split(text: str, start: int, end: int) -> tuple[Span, ...]:
    """``split_sentences`` the plain way: every candidate boundary, then a trimmed span."""
    spans: list[Span] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, match.start("end"), match.end("end"), match.end()):
            first, last = trim(text, pos, match.end("end"))
            if last > first:
                spans.append(Span.of(text, first, last))
            pos = match.end()
    first, last = trim(text, pos, end)
    if last > first:
        spans.append(Span.of(text, first, last))
    return tuple(spans)


_SENTENCE_BITS = st.sampled_from(
    [
        "He left", "Sen. Kim", "U.S.", "a.m.", "p.m. Monday", "Jr.", "No. 3", "Dec. 3",
        "Why?", '"Why?" he asked', "“No.”", "...", "…", ". ", "! ", "? ", " ", "\u00a0",
        "\u200b", "\ufeff", "\n", "\x1c", "\x1f", "\t", "(", ")", "Then", "3.5", "www.x.com",
    ]
)  # fmt: skip


@settings(deadline=None, max_examples=500)
@given(
    st.lists(st.one_of(_SENTENCE_BITS, st.characters()), max_size=30).map("".join),
    st.integers(0, 40),
    st.integers(0, 400),
)
@example("He met Sen. Kim. Then Gov. Lee left.", 0, 10**6)
@example("Smith Jr. said so. Sales of Apple Inc. rose. The end.", 0, 10**6)
@example("On Dec. 3 he left. In Jan. The deal.", 0, 10**6)
@example("He left.\u00a0Then. Etc. It is No. 1. Mr. Lee", 0, 10**6)
def test_split_equals_the_plain_loop(text: str, first: int, width: int) -> None:
    start = min(first, len(text))
    end = min(len(text), start + width)
    assert split_sentences(text, start, end) == _reference_split(text, start, end)


@settings(deadline=None, max_examples=300)
@given(st.one_of(any_text, newsy_text, st.text()), st.data())
def test_candidate_scan_equals_the_boundary_pattern(text: str, data: st.DataObject) -> None:
    # ``_split`` finds candidates with ``re`` and looks ahead in Python; the reference runs
    # the one ``regex`` pattern. Uncached, on arbitrary and article-shaped text and windows.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _split(text, start, end) == _reference_split(text, start, end)


@settings(deadline=None, max_examples=300)
@given(any_text, st.data())
def test_inner_span_is_span_of(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast, checked = inner_span(text, start, end), Span.of(text, start, end)
    assert type(fast) is Span
    assert attrs.astuple(fast) == attrs.astuple(checked)
    assert fast == checked


# --- the ASCII path of ``_split`` against ``_is_boundary`` (its reference) ----------------

_ASCII_TOKEN = st.text(
    st.sampled_from(list("abcmpsAJMUSX019.:/-(w"))
    | st.characters(min_codepoint=33, max_codepoint=126),
    min_size=1,
    max_size=12,
) | st.sampled_from(
    ["a.m", "P.M", "U.S", "J", "Jr", "Dec", "sept", "etc", "No", "www.x", "x://y", "(Sen"]
)
_AFTER = st.sampled_from(
    ["Monday", "The", "the", "EST", "12", "3rd", "He", "Théo", "Ab\u00e9", "May", "U.S.", "K\u212a"]
)  # fmt: skip


@settings(deadline=None, max_examples=400)
@given(
    st.sampled_from(["", "At 5 ", "x\u00a0", "\u200b"]),
    _ASCII_TOKEN.filter(lambda t: " " not in t),
    st.sampled_from(["", '"', "“(", "((", "'"]),
    _AFTER,
    st.sampled_from(["", " said.", "-x", "é", "\u200b"]),
)
@example("At ", "p.m", "", "12", "")
@example("", "U.S", "“", "The", "")
@example("", "Dec", "", "3rd", "")
@example("", "aXb.c", "", "Monday", "")  # dotted, but not an acronym
def test_ascii_boundary_equals_is_boundary(
    before: str, token: str, marks: str, word: str, rest: str
) -> None:
    text = f"{before} {token}. {marks}{word}{rest}"
    end_start = len(before) + 1 + len(token)
    after = end_start + 2
    opener = after + len(marks)
    assert _ascii_boundary(text, token, after, opener) == _is_boundary(
        text, end_start, end_start + 1, after
    )


def test_word_lists_hold_letters_only() -> None:
    # ``_ascii_next_word`` answers "" for a number: no word a list holds may open with a digit.
    assert all(w.isalpha() for w in _OPENERS | _TIME_FOLLOWERS)
    assert "" not in _OPENERS | _TIME_FOLLOWERS


_NEWS_BITS = st.sampled_from(
    [
        "12:30 p.m. ", "9 a.m. Monday", "A.B.C. ", "U.S. The", "(Jr. ", "etc. ", "No. 3", "3. ",
        "Dec. 3", "Sept. The", "x.y. ", "J. Smith", "www.nk.org. ", "a-p.m. ", ". ", " ", "\n",
        "He", "12", "“", '"', "(", "Théo", "\u00a0", "\u200b", "\x1c", "e.g. ", "Inc. The",
    ]
)  # fmt: skip


@settings(deadline=None, max_examples=400)
@given(st.lists(_NEWS_BITS, max_size=40).map("".join), st.integers(0, 10), st.integers(0, 300))
def test_split_equals_the_plain_loop_on_abbreviations(text: str, first: int, width: int) -> None:
    start = min(first, len(text))
    end = min(len(text), start + width)
    assert _split(text, start, end) == _reference_split(text, start, end)
