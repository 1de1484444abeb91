"""The cue lexicon: inflection, the bundled file, user extensions."""

from __future__ import annotations

import bisect
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import InputError, QuoteOptions, find_quotes
from nkquotes._cues import CueIndex, CueMatch, _build, _builtin_text, _parse, inflect, load_lexicon
from tests.strategies import any_text, newsy_text
from tests.test_quotes import article_of


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("note", ("note", "notes", "noted", "noting")),
        ("add", ("add", "adds", "added", "adding")),
        ("deny", ("deny", "denies", "denied", "denying")),
        ("stress", ("stress", "stresses", "stressed", "stressing")),
        ("agree", ("agree", "agrees", "agreed", "agreeing")),
        ("call for", ("call for", "calls for", "called for", "calling for")),
    ],
)
def test_inflect(lemma: str, forms: tuple[str, ...]) -> None:
    assert inflect(lemma) == forms


def test_bundled_lexicon_finds_longest_cue() -> None:
    lex = load_lexicon()
    text = "He said it, then called for talks and was told to wait; According to Kim, no."
    found = [(text[m.start : m.end], m.entry.lemma) for m in lex.scan(text, 0, len(text))]
    assert ("said", "say") in found
    assert ("called for", "call for") in found
    assert ("told", "tell") in found
    assert ("According to", "according to") in found
    assert all(form != "called" for form, _ in found)


def test_cue_index_queries() -> None:
    lex = load_lexicon()
    text = "Kim said no. Moon added yes."
    index = CueIndex(lex.scan(text, 0, len(text)))
    first = index.first(0, len(text))
    assert first is not None
    assert text[first.start : first.end] == "said"
    assert index.at(text.index("added")) is not None
    assert index.at(0) is None
    assert [text[m.start : m.end] for m in index.between(10, len(text))] == ["added"]


def test_user_lexicon_extends_the_bundled_one(tmp_path: Path) -> None:
    extra = tmp_path / "cues.tsv"
    extra.write_text("# my cues\nopine\t-\tthat\n", encoding="utf-8")
    text = "The senator opined that the talks had already failed."
    assert find_quotes(text, article_of(text)).quotes == ()
    finding = find_quotes(text, article_of(text), options=QuoteOptions(extra_cues=extra))
    assert [q.text for q in finding.quotes] == ["the talks had already failed"]
    assert finding.quotes[0].cue is not None
    assert finding.quotes[0].cue.lemma == "opine"


def test_bad_user_lexicon_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("opine\t-\tsometimes\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_lexicon(str(bad))
    with pytest.raises(InputError):
        load_lexicon(str(tmp_path / "missing.tsv"))


def _scan_each(text: str, bounds: list[tuple[int, int, int]]) -> list[CueMatch]:
    """The reference for ``scan_many``: one ``scan`` per paragraph (whose matches are built
    by the attrs constructor)."""
    lex = load_lexicon()
    out = []
    for start, end, limit in bounds:
        out.extend(lex.scan(text, start, end, limit))
    return out


@st.composite
def _text_and_bounds(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, list]:
    """A text cut into paragraphs by sorted cut points (gaps, overlaps and empties allowed)."""
    text = draw(texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    bounds = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        while b > a and text[b - 1].isspace():
            b -= 1  # the caller trims trailing white space
        bounds.append((a, b, draw(st.integers(1, 4))))
    return text, bounds


_PARAGRAPHED = st.lists(newsy_text | st.sampled_from(["\n\n", " \n ", "\n", "said-", "’s"])).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(_text_and_bounds(_PARAGRAPHED))
def test_scan_many_equals_scan_per_paragraph_on_news(case: tuple[str, list]) -> None:
    text, bounds = case
    lex = load_lexicon()
    fast = lex.scan_many(text, bounds)
    assert fast == _scan_each(text, bounds)
    assert [repr(m) for m in fast] == [repr(m) for m in _scan_each(text, bounds)]


@settings(max_examples=200, deadline=None)
@given(_text_and_bounds(any_text))
def test_scan_many_equals_scan_per_paragraph_on_any_text(case: tuple[str, list]) -> None:
    text, bounds = case
    lex = load_lexicon()
    fast = lex.scan_many(text, bounds)
    assert fast == _scan_each(text, bounds)
    assert [repr(m) for m in fast] == [repr(m) for m in _scan_each(text, bounds)]


def test_scan_many_stops_a_full_paragraph_only() -> None:
    text = "said said said\n\nsaid told\n\nadded"
    bounds = [(0, 14, 2), (16, 25, 5), (27, 32, 5)]
    lex = load_lexicon()
    fast = [text[m.start : m.end] for m in lex.scan_many(text, bounds)]
    assert fast == ["said", "said", "said", "told", "added"]
    assert _scan_each(text, bounds) == lex.scan_many(text, bounds)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHED, st.integers(-5, 400), st.integers(-5, 400))
def test_between_is_every_match_inside(text: str, start: int, end: int) -> None:
    lex = load_lexicon()
    matches = lex.scan(text, 0, len(text))
    index = CueIndex(matches)
    assert index.between(start, end) == [m for m in matches if start <= m.start and m.end <= end]


def _between_reference(index: CueIndex, start: int, end: int) -> list[CueMatch]:
    """What ``between`` answered before its disjoint fast path."""
    i = bisect.bisect_left(index.starts, start)
    j = bisect.bisect_left(index.starts, end, i)
    return [m for m in index.matches[i:j] if m.end <= end]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(newsy_text, any_text),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=8),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_between_is_the_filtered_slice(
    text: str, spans: list[tuple[int, int]], start: int, end: int
) -> None:
    lex = load_lexicon()
    entry = next(iter(lex.entries.values()))
    scanned = CueIndex(lex.scan(text, 0, len(text)))
    assert scanned.disjoint
    # hand-built, sorted by start but maybe overlapping: the slow path answers
    built = CueIndex([CueMatch(s, s + n, entry) for s, n in sorted(spans)])
    for index in (scanned, built):
        for a, b in ((start, end), (0, len(text)), (start, start + 3)):
            assert index.between(a, b) == _between_reference(index, a, b)


def test_scan_many_reads_with_the_led_pattern() -> None:
    lex = load_lexicon()
    assert lex.led is not None  # every bundled form opens with a letter
    text = "said it.\n\nKim said, “Ha” — ésaid 2said told said"
    bounds = [(0, 8, 5), (10, len(text), 5)]
    assert [text[m.start : m.end] for m in lex.scan_many(text, bounds)] == [
        "said",
        "said",
        "told",
        "said",
    ]
    assert lex.scan_many(text, bounds) == _scan_each(text, bounds)


@settings(max_examples=100, deadline=None)
@given(_text_and_bounds(_PARAGRAPHED | any_text))
def test_scan_many_without_led_pattern(case: tuple[str, list]) -> None:
    """A form opening with a non-word character turns ``led`` off: ``pattern`` alone."""
    text, bounds = case
    lex = _build(_parse("@say\t@said\n", "x.tsv") + _parse(_builtin_text(), "cues.tsv"))
    assert lex.led is None
    expected = []
    for start, end, limit in bounds:
        expected.extend(lex.scan(text, start, end, limit))
    assert lex.scan_many(text, bounds) == expected
