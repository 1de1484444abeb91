"""Speaker-stage fast paths: each agrees with the plain reference it replaces."""

from __future__ import annotations

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._model import Cue, Quote, QuoteKind, Span, Speaker
from nkquotes._names import (
    _SPACES,
    DOCUMENT_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    fold,
)
from nkquotes._speakers import _with_speaker
from nkquotes._speakers_mentions import (
    _LEADING_NAME,
    _LOWER_WORDS,
    _MAX_TRIM,
    _TRAILING_PRONOUN,
    MentionKind,
    analyse,
    trim,
)
from nkquotes._speakers_quoted import QUOTED as _QUOTED
from nkquotes._speakers_quoted import quoted_spans as _quoted_spans
from nkquotes._speakers_titles import (
    CONNECTORS,
    MAX_TITLE_TOKENS,
    _affiliation_word,
    _title_word,
    title_before,
)
from nkquotes._speakers_tokens import _TOKEN_SPLIT, Tokens, _add_non_ascii, splitter, tokenize

_SPANS = st.integers(0, 20).flatmap(
    lambda start: st.integers(start, 30).map(lambda end: Span.of("x" * 30, start, end))
)
_SPEAKERS = st.builds(
    Speaker,
    mention=st.none() | _SPANS,
    name=st.none() | st.text(max_size=5),
    entity=st.none() | st.text(max_size=3),
    reason=st.text(max_size=8),
)


@settings(max_examples=100)
@given(_SPEAKERS, st.lists(_SPANS, min_size=1, max_size=3), _SPEAKERS, st.integers(0, 9))
def test_the_written_out_copy_is_attrs_evolve(
    speaker: Speaker, segments: list[Span], other: Speaker, paragraph: int
) -> None:
    quote = Quote(
        id="q1",
        segments=tuple(segments),
        kind=QuoteKind.MIXED,
        cue=Cue(span=segments[0], lemma="say"),
        speaker=speaker,
        paragraph=paragraph,
        sentence=segments[-1],
        confidence=0.5,
    )
    assert _with_speaker(quote, other) == attrs.evolve(quote, speaker=other)


def test_the_written_out_copies_name_every_field() -> None:
    # A field added to Quote or Speaker must be added to the copies in _speakers too.
    assert [a.name for a in attrs.fields(Quote)] == [
        *("id", "segments", "kind", "cue", "speaker", "paragraph", "sentence", "date"),
        *("stance", "confidence"),
    ]
    assert [a.name for a in attrs.fields(Speaker)] == ["mention", "name", "entity", "reason"]


def _reference_fold(text: str) -> str:
    return _SPACES.sub(" ", text.replace(".", "").replace("’", "'").casefold()).strip()


_FOLD_TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(["Kim", "U.S.", " ", "  ", "\t", "\x1c", "\xa0", "’s", "ß"])).map(
        "".join
    ),
)


@settings(max_examples=300)
@given(_FOLD_TEXTS)
@example(" Kim  Jong\x1cUn ")
@example("a\u2003b")
def test_fold_matches_the_plain_pattern(text: str) -> None:
    fold.cache_clear()
    assert fold(text) == _reference_fold(text)


def _reference_trim(mention: Span) -> Span:
    """:func:`trim` as it was before its cut was cached by wording."""
    text = mention.text
    if len(text) > _MAX_TRIM:
        return mention
    tail = _TRAILING_PRONOUN.search(text)
    if tail is not None and _LOWER_WORDS.fullmatch(text, 0, tail.start(1)):
        return Span(mention.start + tail.start(1), mention.start + tail.end(1), tail.group(1))
    head = _LEADING_NAME.match(text)
    if head is not None and head.end(1) < len(text.rstrip()):
        verb = fold(text[head.end(0) - 1 :].split()[0])
        nouns = (GROUP_NOUNS, ORG_WORDS, ROLE_NOUNS, DOCUMENT_WORDS, TITLE_WORDS)
        if not verb.endswith(("ed", "s")) or any(verb in words for words in nouns):
            return mention
        if analyse(head.group(1)).kind is MentionKind.PERSON:
            return Span(mention.start, mention.start + head.end(1), head.group(1))
    return mention


_MENTION_WORDS = st.sampled_from(
    [
        *("Kim", "reaffirmed", "U.S.", "meaning", "ludicrous,", "he", "She", "said", "the"),
        *("minister", "Jong-un", "officials", "spokesman", "it", "we", "added", "Trump"),
    ]
)
_MENTIONS = st.lists(_MENTION_WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=300)
@given(st.one_of(_MENTIONS, st.text(min_size=1, max_size=40)), st.integers(0, 50))
@example("meaning ludicrous, he", 3)
@example("Kim reaffirmed U.S.", 0)
def test_the_cached_trim_matches_the_reference(words: str, start: int) -> None:
    source = "x" * start + words
    mention = Span.of(source, start, len(source))
    assert trim(mention) == _reference_trim(mention)


# Accented Latin, combining marks, other digits, Korean, a titlecase letter, symbols.
_UNICODE = st.sampled_from([*"aZ.-'’ \n", "é", "É", "\u0303", "٣", "²", "국", "ǅ", "Ω", "ω", "½"])


@settings(max_examples=300)
@given(st.one_of(st.text(), st.lists(_UNICODE, max_size=40).map("".join)))
@example("Kim Jong-un’s U.S. aide")
@example("Ã.É. Ω.Ω.ω ǅx ٣4 ²")
def test_the_chosen_split_is_the_regex_split(text: str) -> None:
    assert splitter(text)(text) == _TOKEN_SPLIT.split(text)


_LATIN_CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),
    st.characters(min_codepoint=0x300, max_codepoint=0x36F),
    st.sampled_from(["’", "“", "”", "—", ".", " ", "A.", "É.", "-"]),
)
_LATIN_TEXTS = st.lists(_LATIN_CHARS, max_size=60).map("".join)


@settings(max_examples=300)
@given(_LATIN_TEXTS)
@example("José Núñez-Erdoğan’s U.S. É.Ö. aide ǅx Ǆ.Ǆ.")
def test_the_latin_split_is_the_regex_split(text: str) -> None:
    assert splitter(text)(text) == _TOKEN_SPLIT.split(text)


def test_accented_names_and_typographic_marks_take_the_re_split() -> None:
    assert splitter("“José Erdoğan’s aide”") not in (_TOKEN_SPLIT.split, splitter("ascii"))
    assert splitter("“Kim’s aide” — 1½") == splitter("ascii")


def test_text_in_another_script_is_split_by_the_regex_pattern() -> None:
    text = " ".join(chr(c) for c in range(0x4E00, 0x4E00 + 400))
    assert splitter(text) == _TOKEN_SPLIT.split
    assert splitter(text)(text) == _TOKEN_SPLIT.split(text)


def _reference_title_before(text: str, tokens: Tokens, index: int) -> tuple[str, int] | None:
    """:func:`title_before` as it was before its word tests were cached as flags."""
    starts, ends, words = tokens.starts, tokens.ends, tokens.words
    lo = tokens.lo
    if index == lo or not _title_word(words[index - 1]):
        return None
    first = index
    while first > lo and index - first < MAX_TITLE_TOKENS:
        prev = first - 1
        gap = text[ends[prev] : starts[first]]
        if gap.strip() or "\n" in gap or not _title_word(words[prev]):
            break
        if tokens.possessive[prev] and not _affiliation_word(words[prev]):
            break
        if fold(words[prev]) in CONNECTORS and any(
            fold(w) in ROLE_NOUNS for w in words[first:index]
        ):
            break
        first -= 1
    while first < index and fold(words[first]) in CONNECTORS:
        first += 1
    if first == index:
        return None
    if (TITLE_WORDS.words | HONORIFICS.words).isdisjoint(fold(w) for w in words[first:index]):
        return None
    start = starts[first]
    return text[start : ends[index - 1]], start


_TITLE_WORDS = st.sampled_from(
    [
        *("President", "Moon", "the", "of", "sister", "Supreme", "Leader", "Kim", "Trump's"),
        *("spokeswoman", "Sarah", "Sanders", "US", "U.S.", "Secretary", "State", "Mr.", "Mrs"),
        *("Foreign", "Minister", "at", "said", "Korea’s", "North", "Sen.", "for", "chief"),
    ]
)
_TITLE_GAPS = st.sampled_from([" ", " ", " ", " ", "  ", ", ", "\n", "\xa0", "-", ". "])
_TITLE_TEXTS = st.lists(st.tuples(_TITLE_WORDS, _TITLE_GAPS), max_size=16).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@settings(max_examples=300)
@given(st.one_of(_TITLE_TEXTS, st.text(max_size=60)), st.data())
@example("the sister of Supreme Leader Kim", None)
@example("Trump's spokeswoman Sarah Sanders", None)
@example("US Secretary of State Mike", None)
def test_title_phrases_match_the_word_by_word_reference(text: str, data: st.DataObject) -> None:
    start, end = 0, len(text)
    if data is not None and text:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    tokens = tokenize(text, start, end)
    for i in range(tokens.lo, tokens.hi):
        assert title_before(text, tokens, i) == _reference_title_before(text, tokens, i)


_QUOTE_TEXTS = st.lists(
    st.sampled_from(['"', "“", "”", "a", " ", "\n", "\n\n", "x y", "\r\n"]), max_size=40
).map("".join)


@settings(max_examples=300)
@given(
    st.one_of(_QUOTE_TEXTS, st.text(max_size=60)),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5),
)
@example('a "b\n\n" c "d"\n\ne', [(0, 3), (5, 13), (15, 16)])
@example('a "b" c', [(0, 3), (3, 7)])
@example('a "b c" d', [(0, 4), (5, 9)])
def test_quoted_spans_in_one_scan_match_a_scan_of_each_region(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    regions = sorted((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in bounds)
    each = sorted((m.start(), m.end()) for s, e in regions for m in _QUOTED.finditer(text, s, e))
    assert _quoted_spans(text, regions) == each


_PIECES = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from(["a", " ", "é", "’", "“", "—", "\ud800", "\udfff", "\U0001f600", "국"]),
        max_size=40,
    ).map("".join),
    st.lists(st.characters(min_codepoint=0x80), max_size=40).map("".join),
)


@settings(max_examples=300)
@given(_PIECES, st.sets(st.sampled_from(["é", "x", "\ud800"])))
@example("a’b“c’’\ud800é\U0001f600", set())
def test_non_ascii_characters_are_found_by_bytes_as_by_characters(
    piece: str, found: set[str]
) -> None:
    expected = found | {c for c in piece if not c.isascii()}
    _add_non_ascii(piece, found)
    assert found == expected
