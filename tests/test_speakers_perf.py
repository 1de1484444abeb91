"""Speaker-stage fast paths of the registry scan: each agrees with the plain reference it
replaces, on article-shaped and on arbitrary text."""

from __future__ import annotations

import bisect
import itertools
from itertools import accumulate

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._entities import countries_in
from nkquotes._model import Span
from nkquotes._names import ABBREVIATIONS, TITLE_WORDS, fold
from nkquotes._registry import Registry
from nkquotes._speakers_scan import _party_at, _words_of
from nkquotes._speakers_titles import (
    _APPOSITION_END,
    _ASCII_APPOSITION_END,
    _MAX_APPOSITION,
    T_TITLE,
    title_before,
    title_flags,
)
from nkquotes._speakers_tokens import Splitter, _scan, splitter, tokenize, tokenize_regions
from tests.speakers_reference import apposition_after


def _reference_apposition_after(text: str, pos: int, limit: int) -> str | None:
    """:func:`apposition_after` as it was before its ``re`` search and cached role test."""
    if not text.startswith(", ", pos):
        return None
    begin = pos + 2
    end_match = _APPOSITION_END.search(text, begin, min(limit, begin + 160))
    end = end_match.start() if end_match else min(limit, begin + 160)
    phrase = text[begin:end].strip()
    words = fold(phrase).replace("'s", "").split()
    if len(words) > _MAX_APPOSITION and words[0] in {"a", "an"} and " and " in phrase:
        phrase = phrase.partition(" and ")[0]
        words = fold(phrase).replace("'s", "").split()
    if not words or len(words) > _MAX_APPOSITION or not set(words) & TITLE_WORDS:
        return None
    lead = words[1] if words[0] in {"a", "an", "the"} and len(words) > 1 else words[0]
    if lead in {"who", "which", "said", "says"}:
        return None
    if (
        phrase[:1].isupper()
        and words[0] not in {"a", "an", "the"}
        and not (lead in TITLE_WORDS or countries_in(" ".join(phrase.split()[:2])))
    ):
        return None
    return phrase


_APPOSITION_PIECES = st.sampled_from(
    [
        *("Kim", "Jong", "Un", "A.", "U.S.", "the", "an", "chairman", "of", "minister", "who"),
        *("said", "says", "told", "whose", "saidx", "and", "expert", "director", "North Korea"),
        *(", ", ",", " ", "  ", ".", ". ", ".\n", "\t", "\x1c", "\x85", "\xa0", "(", ")", ";"),
        *('"', "“", "”", ":", "É", "É.", "é", "’s", "'s", "x" * 40, "\n"),
    ]
)
_APPOSITION_TEXTS = st.lists(_APPOSITION_PIECES, max_size=40).map("".join)


@settings(max_examples=400)
@given(st.one_of(_APPOSITION_TEXTS, st.text(max_size=80)), st.data())
@example("Kim Jong Un, Kim Jong Un, ", None)
@example("Moon, chairman of the A. Kim Foundation. He", None)
@example("Moon, the U.S. envoy\x1csaid", None)
@example("Moon, an expert said É. Kim", None)
def test_apposition_matches_the_regex_reference(text: str, data: st.DataObject) -> None:
    positions = [i for i in range(len(text)) if text.startswith(", ", i)]
    if data is not None:
        positions.append(data.draw(st.integers(0, len(text))))
    for pos in positions:
        for limit in (len(text), (pos + len(text)) // 2 + 1):
            expected = _reference_apposition_after(text, pos, limit)
            assert apposition_after(text, pos, limit) == expected


_ASCII_TEXTS = st.one_of(
    _APPOSITION_TEXTS.filter(str.isascii), st.text(st.characters(max_codepoint=127), max_size=60)
)


@settings(max_examples=200)
@given(_ASCII_TEXTS, st.data())
@example("A. b. Cd. said\x1csaid whose_", None)
def test_the_ascii_end_pattern_is_the_regex_one(text: str, data: st.DataObject) -> None:
    # Every start and end of the search, as apposition_after may give them.
    starts = range(len(text) + 1) if data is None else [data.draw(st.integers(0, len(text)))]
    for begin in starts:
        for stop in {begin, (begin + len(text)) // 2, len(text)}:
            fast = _ASCII_APPOSITION_END.search(text, begin, stop)
            slow = _APPOSITION_END.search(text, begin, stop)
            assert (fast and fast.span()) == (slow and slow.span())


def _reference_scan(
    text: str, start: int, end: int, split: Splitter
) -> tuple[list[int], list[int], list[str], list[bool], list[bool], list[int]]:
    """:func:`_scan` as it was: every full stop found and bisected, each word tested."""
    piece = text[start:end]
    parts = split(piece)
    offsets = list(accumulate(map(len, parts), initial=start))
    words, starts, ends = parts[1::2], offsets[1:-1:2], offsets[2::2]
    count = len(words)
    possessive = [False] * count
    for ending in ("'s", "’s"):
        at = piece.find(ending)
        while at >= 0:
            k = bisect.bisect_left(ends, start + at + 2)
            if k < count and ends[k] == start + at + 2 and starts[k] < start + at:
                possessive[k] = True
                words[k] = words[k][:-2]
            at = piece.find(ending, at + 1)
    dotted = []
    at = piece.find(".")
    while at >= 0:
        k = bisect.bisect_left(ends, start + at)
        if k < count and ends[k] == start + at:
            dotted.append(k)
        at = piece.find(".", at + 1)
    initial = [False] * count
    extended = []
    for k in dotted:
        word = words[k]
        initial[k] = len(word) == 1 and word.isupper()
        if initial[k] or word.casefold() in ABBREVIATIONS:
            ends[k] += 1
            extended.append(k)
    return starts, ends, words, possessive, initial, extended


_DOTTED_PIECES = st.sampled_from(
    [
        *("12:30", "p.m.", "a.m.", "Mr.", "Dr.", "J.", "U.S.", "St.", "Kim", "Kim's", "it."),
        *("sen.", " ", ". ", ".", "..", "\n", "’s", "é.", "É.", "x"),
    ]
)
_DOTTED_TEXTS = st.lists(_DOTTED_PIECES, max_size=60).map("".join)


@settings(max_examples=300)
@given(st.one_of(_DOTTED_TEXTS, st.text(max_size=60)), st.data())
@example("12:30 p.m. 12:30 p.m. J. Kim. Mr. Moon.", None)
@example("Mr. Dr. J. K. St. x.", None)
def test_the_scan_matches_the_stop_by_stop_reference(text: str, data: st.DataObject) -> None:
    bounds = [(0, len(text))]
    if data is not None:
        start = data.draw(st.integers(0, len(text)))
        bounds.append((start, data.draw(st.integers(start, len(text)))))
    split = splitter(text)
    for start, end in bounds:
        assert _scan(text, start, end, split) == _reference_scan(text, start, end, split)


_RUN_PIECES = st.sampled_from(
    [
        *("Kim", "Jong", "Un", "Minister", "Foreign", "the", "of", "Sen.", "J.", "Kim's", "said"),
        *(", ", ",", " ", "  ", " (", "(R-CO)", "(D-NY)", ")", "\n", "\xa0", "é", "É", "-", ". "),
    ]
)


@settings(max_examples=300)
@given(st.one_of(st.lists(_RUN_PIECES, max_size=30).map("".join), st.text(max_size=60)))
@example("Kim Jong Un, Kim Jong Un, Foreign Minister Kim (R-CO), chairman of it")
@example("Sen. Kim\xa0(D-NY) Minister\nKim Minister  Kim Minister,Kim")
def test_the_register_run_prechecks_only_skip_what_finds_nothing(text: str) -> None:
    # _register_run calls title_before, _party_at and apposition_after only when its cheap
    # test lets them through: what it skips, they would have found nothing in.
    tokens = tokenize(text, 0, len(text))
    for i in range(tokens.hi):
        gap = text[tokens.ends[i - 1] : tokens.starts[i]] if i else ""
        title_passes = (
            i > tokens.lo
            and title_flags(tokens.words[i - 1]) & T_TITLE != 0
            and (gap == " " or not (gap.strip() or "\n" in gap))
        )
        if not title_passes:
            assert title_before(text, tokens, i) is None
    for limit in (len(text), len(text) // 2):
        for end in range(len(text) + 1):
            char = text[end] if end < limit else ""
            if not (char == "(" or (char and (not char.isascii() or char.isspace()))):
                assert _party_at(text, end, limit) is None
            if not text.startswith(", ", end):
                assert apposition_after(text, end, limit) is None


@settings(max_examples=200)
@given(
    st.one_of(st.lists(_RUN_PIECES, max_size=30).map("".join), st.text(max_size=60)),
    st.lists(st.integers(0, 60), max_size=8),
)
@example("alpha beta gamma delta epsilon zeta", [6, 11, 17, 24])
@example("alpha beta\n\ngamma delta\n\nepsilon zeta", [10, 12, 23, 25])
def test_the_words_of_the_regions_are_their_union(text: str, cuts: list[int]) -> None:
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    regions = list(itertools.pairwise(points))
    # Overlapping and repeated regions too (each is then split on its own).
    regions += [(a, b) for a, b in regions[:2] if b > a]
    regions.sort()
    region_tokens = tokenize_regions(text, regions, splitter(text))
    expected: set[str] = set()
    for tokens in region_tokens:
        expected.update(tokens.words[tokens.lo : tokens.hi])
    assert _words_of(region_tokens) == expected


@settings(max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)), max_size=30))
def test_mentions_kept_as_offsets_are_the_distinct_spans(pairs: list[tuple[int, int]]) -> None:
    text = "Kim Jong Un met Moon."
    registry = Registry(text)
    record = registry.person("Kim Jong Un", 0, 11)
    seen = {(0, 11)}
    starts = [0]
    for start, length in pairs:
        end = min(start + length, len(text))
        registry.mention_at(record, start, end)
        if (start, end) not in seen:  # what the list of spans and its seen set did
            seen.add((start, end))
            starts.append(start)
    (entity,) = registry.entities({id(record): "e1"}, [record])
    assert entity.mentions == tuple(Span.of(text, s, e) for s, e in sorted(seen))
    assert record.starts == sorted(starts)
    assert record.first == min(starts)
