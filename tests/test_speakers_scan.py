"""Registry scan fast paths: each agrees with the simple reference path it replaces."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._speakers_scan import _TOKEN_SPLIT, splitter, tokenize

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
