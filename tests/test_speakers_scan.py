"""Registry scan fast paths: each agrees with the simple reference path it replaces."""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import NkQuotesError, _speakers_scan, parse_article, resolve_speakers
from nkquotes._names import fold
from nkquotes._speakers_scan import (
    _PARTY,
    _name_run,
    _name_shaped,
    _party_at,
    _sentence_initial,
)
from nkquotes._speakers_tokens import (
    _TOKEN_SPLIT,
    Splitter,
    Tokens,
    splitter,
    tokenize,
    tokenize_regions,
)

# ASCII words, typographic punctuation, and the non-ASCII letters, marks and digits the
# fast path must leave to the full pattern.
_ALPHABET = st.sampled_from(
    [*"AaBbJKkMmSsUu019 .,'-\n\"", "’", "“", "”", "—", "\xa0", "é", "É", "\u0303", "٣", "²", "국"]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)


def _fields(text: str, start: int, end: int, fast: bool) -> tuple[object, ...]:
    split = splitter(text) if fast else _TOKEN_SPLIT.split
    tokens = tokenize(text, start, end, split)
    return (tokens.starts, tokens.ends, tokens.words, tokens.possessive, tokens.initial)


@settings(max_examples=400)
@given(_TEXTS, st.data())
@example("Mr. Kim Jong-un’s U.S. aide", None)
@example("Café É\u0303x ٣4 ²", None)
def test_the_chosen_split_tokenises_like_the_full_pattern(text: str, data: st.DataObject) -> None:
    start, end = 0, len(text)
    if data is not None and text:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert splitter(text)(text) == _TOKEN_SPLIT.split(text)
    assert _fields(text, start, end, True) == _fields(text, start, end, False)


def _is_name_word(text: str, tokens: Tokens, k: int, first: bool, body_words: set[str]) -> bool:
    """Whether ``tokens[k]`` can be part of a name (*first*: the run starts there)."""
    if tokens.initial[k]:
        return True
    word = tokens.words[k]
    if not _name_shaped(word):
        return False
    if not first:
        return True
    # A sentence's first word that the body also spells in lower case is no name.
    key = fold(word)
    return not (key in body_words and key[0].islower() and _sentence_initial(text, tokens, k))


def _reference_name_run(text: str, tokens: Tokens, i: int, body_words: set[str]) -> int:
    """The name run written word by word, as before the scan was sped up."""
    j = i
    while j < tokens.hi:
        if j > i:
            gap = text[tokens.ends[j - 1] : tokens.starts[j]]
            if gap not in (" ", "", "\xa0") or tokens.possessive[j - 1]:
                break
        if not _is_name_word(text, tokens, j, j == i, body_words):
            break
        j += 1
        if tokens.possessive[j - 1]:
            break
    while j > i and tokens.initial[j - 1]:
        j -= 1
    return j


_NAME_WORDS = st.sampled_from(
    [
        *("Kim", "Jong-un", "J.", "Mr.", "U.S.", "the", "The", "Foreign", "Ministry", "Said"),
        *("said", "Trump", "Seoul", "(R-CO)", "Kim’s", "Moon's", "K"),
    ]
)
_GAPS = st.sampled_from([" ", " ", " ", "", "\xa0", "  ", ", ", ". ", "\n", "-", "’s "])
_NAME_TEXTS = st.lists(st.tuples(_NAME_WORDS, _GAPS), max_size=20).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@settings(max_examples=300)
@given(_NAME_TEXTS)
@example("Mr. Kim Jong-un’s aide J. Trump J. said")
@example("Kim\xa0Trump said")
def test_name_runs_match_the_word_by_word_reference(text: str) -> None:
    tokens = tokenize(text, 0, len(text))
    body_words = set(tokens.words)
    for i in range(tokens.hi):
        assert _name_run(text, tokens, i, body_words) == _reference_name_run(
            text, tokens, i, body_words
        )


@settings(max_examples=300)
@given(_NAME_TEXTS, st.data())
@example(" (R-CO) Kim", None)
@example("Kim\u2003(D-NY)", None)
def test_the_party_check_matches_the_full_pattern(text: str, data: st.DataObject) -> None:
    pos, limit = 0, len(text)
    if data is not None:
        pos = data.draw(st.integers(0, len(text)))
        limit = data.draw(st.integers(pos, len(text)))
    found = _party_at(text, pos, limit)
    expected = _PARTY.match(text, pos, limit)
    assert (found and found.span()) == (expected and expected.span())


_REGION_TEXTS = st.one_of(_TEXTS, _NAME_TEXTS, st.text(max_size=80))


@settings(max_examples=400)
@given(_REGION_TEXTS, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=5))
@example("Sen. Kim J.\n\nMr. U.S. aide said.", [(0, 10), (13, 31)])
@example("Kim J. said", [(0, 5), (4, 11)])
@example("abc def", [(1, 5)])
def test_regions_from_one_split_match_each_region_split_alone(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    regions = sorted((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds)
    split = splitter(text)
    fast = tokenize_regions(text, regions, split)
    slow = [tokenize(text, start, end, split) for start, end in regions]
    assert len(fast) == len(slow)
    for got, want in zip(fast, slow, strict=True):
        assert _all_fields(got) == _all_fields(want)


def _all_fields(tokens: Tokens) -> tuple[object, ...]:
    """The region's own tokens, numbered from 0, whether a window on shared lists or not."""
    lo, hi = tokens.lo, tokens.hi
    return (
        tokens.starts[lo:hi],
        tokens.ends[lo:hi],
        tokens.words[lo:hi],
        tokens.possessive[lo:hi],
        tokens.initial[lo:hi],
        tokens.upper[lo:hi],
        [k - lo for k in tokens.org_words() if lo <= k < hi],
    )


_ARTICLE_WORDS = st.sampled_from(
    [
        *("Kim", "Jong-un", "J.", "Mr.", "U.S.", "the", "The", "Foreign", "Ministry", "said"),
        *("Trump", "Seoul", "(R-CO)", "Kim’s", "Moon's", "North", "Korea", "of", "President"),
        *("Sen.", "Sarah", "Sanders", "spokeswoman", "minister", "Pyongyang", "He", "U.N."),
        *("Security", "Council", "Resolution", "No. 2397", "a", "spokesman", "told", "Lee"),
    ]
)
_ARTICLE_GAPS = st.sampled_from([" ", " ", " ", " ", ", ", ". ", "\n\n", '"', ' "', "’s "])
_ARTICLES = st.lists(st.tuples(_ARTICLE_WORDS, _ARTICLE_GAPS), max_size=60).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


def _each_region_alone(text: str, regions: list[tuple[int, int]], split: Splitter) -> list[Tokens]:
    return [tokenize(text, start, end, split) for start, end in regions]


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(_ARTICLES, st.text(max_size=200)),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=6),
)
@example(
    'Sen. Kim J. said.\n\nThe Foreign Ministry of North Korea said "Mr. Kim".\n\nKim J.',
    [(0, 16), (19, 70), (72, 78)],
)
@example(
    "Officials met the\n\nKim Jong Un and the\n\nNorth said so.", [(0, 17), (19, 38), (40, 54)]
)
@example("Kim J. Lee said", [(0, 5), (5, 15)])
def test_the_registry_from_shared_windows_matches_each_region_split_alone(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    try:
        article = parse_article(text)
    except NkQuotesError:
        return
    regions = sorted((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds)
    with mock.patch.object(_speakers_scan, "_regions", return_value=regions):
        fast = resolve_speakers(text, article, ())
        with mock.patch.object(_speakers_scan, "tokenize_regions", _each_region_alone):
            slow = resolve_speakers(text, article, ())
    assert fast == slow
