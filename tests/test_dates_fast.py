"""The dates stage's shortcuts find what the plain searches find.

``_outside_content`` searches the stretches of a quote's attribution region outside its
content; the reference below searches every stretch, and the two are compared on
date-thick news-shaped text and on arbitrary text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import Quote, QuoteKind, Span, _asciifold, _dates, _dates_scan, _timex

from .strategies import any_text
from .test_timex_fast import dated, stretch


def _reference_outside_content(text: str, quote: Quote, start: int, end: int) -> list[Span]:
    found: list[Span] = []
    pos = start
    for segment in sorted(quote.segments):
        if segment.start > pos:
            found.extend(_timex.find_time_expressions(text, pos, min(segment.start, end)))
        pos = max(pos, segment.end)
    if pos < end:
        found.extend(_timex.find_time_expressions(text, pos, end))
    return found


@st.composite
def quote_in_text(draw: st.DrawFn) -> tuple[str, Quote, int, int]:
    text = draw(dated | any_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    segments = tuple(Span.of(text, a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False))
    if not segments:
        segments = (Span.of(text, cuts[0], cuts[-1]),)
    quote = Quote(id="q0", segments=segments, kind=QuoteKind.DIRECT)
    start = draw(st.integers(0, len(text)))
    return text, quote, start, draw(st.integers(start, len(text)))


@settings(max_examples=300, deadline=None)
@given(quote_in_text())
def test_outside_content_is_that_of_every_stretch_searched(
    case: tuple[str, Quote, int, int],
) -> None:
    text, quote, start, end = case
    expected = _reference_outside_content(text, quote, start, end)
    assert _dates._outside_content(text, quote, start, end) == expected


@settings(max_examples=300, deadline=None)
@given(dated | any_text, st.data())
def test_pre_check_holds_for_every_part_of_a_stretch_it_passes(
    text: str, data: st.DataObject
) -> None:
    # What the region shortcut relies on: a part of a stretch without anchors has none.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if not _timex._may_anchor(text[start:end]):
        low = data.draw(st.integers(start, end))
        high = data.draw(st.integers(low, end))
        assert not _timex._may_anchor(text[low:high])
        assert _timex.find_time_expressions(text, low, high) == ()


#: Text near the relay, offset and signature patterns: their verbs, "day" in any case,
#: commas, line breaks and dashes.
_RELAY_PIECES = [
    "said", "Said", "says", "reported", "reports", "told", "quoted", "announced", "KCNA",
    "state media", "one", "two", "a", "full", "day", "days", "DAYS", "Day", "after", "since",
    "the", "\n", "\n—", "\n -", "\n\t–", "(@kcna)", "Name", "2019", "ſince",
]  # fmt: skip
relayed = st.lists(
    st.tuples(st.sampled_from(_RELAY_PIECES), st.sampled_from([" ", ", ", ",", "", "\n", "“"])).map(
        "".join
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(stretch(relayed | any_text))
def test_relay_pre_check_only_turns_away_what_cannot_match(case: tuple[str, int, int]) -> None:
    text, start, end = case
    if not _dates._may_relay(text[start:end]):
        assert _dates._RELAY_TAIL.search(text, start, end) is None


@settings(max_examples=300, deadline=None)
@given(stretch(relayed | dated | any_text))
def test_days_after_needs_day(case: tuple[str, int, int]) -> None:
    text, start, end = case
    if "day" not in text[start:end].lower():
        assert list(_dates._DAYS_AFTER.finditer(text, start, end)) == []


@settings(max_examples=300, deadline=None)
@given(relayed | any_text, st.data())
def test_signature_openers_are_those_of_the_pattern(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    if _dates._POST_SIGNATURE.match(text, at) is not None:
        assert text[at + 1 : at + 2] in _dates._SIGNATURE_OPENERS


signature_lines = st.tuples(
    st.sampled_from(["", " ", "\t", " \t ", "x"]),
    st.sampled_from(["—", "–", "-", "--", "", "—–"]),
    st.sampled_from([" Kim Jong Un ", "Name", " (", ""]),
    st.sampled_from(["(@kcna)", "(@x_1) ", "(kcna)", ""]),
).map(lambda parts: "\n" + "".join(parts))


@settings(max_examples=200, deadline=None)
@given(signature_lines)
def test_signature_lines_open_with_an_opener(line: str) -> None:
    if _dates._POST_SIGNATURE.match(line, 0) is not None:
        assert line[1:2] in _dates._SIGNATURE_OPENERS


def _plain(part: str) -> bool:
    return all(c.isascii() or _asciifold.inert_char(c) for c in part)


@settings(max_examples=600, deadline=None)
@given(stretch(dated | any_text | st.text(st.sampled_from("day May 2019 ago week’“—\u00a0_"))))
def test_anchor_neighbourhoods_find_what_the_full_scan_finds(case: tuple[str, int, int]) -> None:
    text, start, stop = case
    part = text[start:stop]
    if _plain(part):
        expected = [m.span() for m in _timex._ANCHOR.finditer(text, start, stop)]
        assert _dates_scan.anchor_spans(_timex._ANCHOR.finditer, text, start, part) == expected


_PLAIN_WORDS = st.sampled_from(["he said", " that ", "“", "”", "the officials", ", ", "x", ""])


@st.composite
def stretches_and_contents(draw: st.DrawFn) -> tuple[str, Quote]:
    """A text of alternating stretches and content segments, the stretches mostly free of
    anchors, so that the one holding an anchor may come after several without."""
    pieces = draw(st.lists(st.tuples(_PLAIN_WORDS | dated, dated), min_size=1, max_size=5))
    text, segments = "", []
    for stretch_text, content in pieces:
        text += stretch_text
        segments.append((len(text), len(text) + len(content)))
        text += content
    text += draw(_PLAIN_WORDS | dated)
    spans = tuple(Span.of(text, a, b) for a, b in segments if b > a) or (Span.of(text, 0, 0),)
    return text, Quote(id="q0", segments=spans, kind=QuoteKind.DIRECT)


@settings(max_examples=400, deadline=None)
@given(stretches_and_contents())
def test_joined_pre_check_keeps_a_later_stretch_with_an_anchor(case: tuple[str, Quote]) -> None:
    text, quote = case
    expected = _reference_outside_content(text, quote, 0, len(text))
    assert _dates._outside_content(text, quote, 0, len(text)) == expected
