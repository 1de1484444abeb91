"""The mention tokeniser's ``str`` fast paths against the patterns they stand in for, and
the noun-phrase scan built on them against the pattern-driven scan it replaced."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotes_mention as M
from nkquotes import _quotes_wordclass as W
from nkquotes._quotes_tokens import TOKEN_BACK, TOKEN_FWD, token_back, token_fwd
from nkquotes._quotes_words import PRONOUNS, SPEAKER_NOUNS
from tests.strategies import any_text, newsy_text


def _tok(m: regex.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span("tok")


def _np_reference(
    text: str, lo: int, pos: int, loose: bool
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The noun phrase ending at *pos* as the pattern-driven scan read it (one
    ``TOKEN_BACK`` match per token), and the token ending at *pos*."""
    token_back_m = TOKEN_BACK.compiled.match
    first = token_back_m(text, lo, pos)
    last = None if first is None else first.span("tok")
    tokens: list[tuple[int, int, str]] = []
    while len(tokens) < M._MAX_TOKENS:
        m = token_back_m(text, lo, pos)
        if m is None:
            break
        ts, te = m.span(1)
        tok = text[ts:te]
        low = tok.lower()
        if low in W._CONNECT and tokens:
            prev = tokens[-1][2]
            nxt = token_back_m(text, lo, ts)
            if low in W._CONNECT_AFTER_NOUN:
                if nxt is None or nxt.group("tok").lower() not in SPEAKER_NOUNS:
                    break
            elif not W._is_name(prev) and low != "of":
                break
            tokens.append((ts, te, tok))
            pos = m.start()
            continue
        if low in ("in", "out") and tokens and W._is_number(tokens[-1][2]):
            nxt = token_back_m(text, lo, ts)
            if nxt is not None and (W._is_number(nxt.group("tok")) or nxt.group("tok") == "of"):
                tokens.append((ts, te, tok))
                pos = m.start()
                continue
        surname = False
        if tok in W._TIME_WORDS and not tokens:
            before = token_back_m(text, lo, ts)
            if before is not None:
                word = before.group("tok")
                surname = (
                    word[:1].isupper() and word not in W._TIME_WORDS and word.lower() not in W._STOP
                )
        if (low in W._STOP or tok in W._TIME_WORDS) and not surname:
            break
        if not (W._is_name(tok) or low in W._DETERMINERS or low in PRONOUNS or tok.islower()):
            break
        if (
            tok.islower()
            and low not in W._DETERMINERS
            and low not in SPEAKER_NOUNS
            and low not in W._TITLE_WORDS
            and tokens
            and W._is_name(tokens[-1][2])
            and not tokens[-1][2].startswith("(")
        ):
            break
        tokens.append((ts, te, tok))
        pos = m.start()
        if low in PRONOUNS:
            break
        if low in W._DETERMINERS:
            nxt = token_back_m(text, lo, pos)
            if nxt is None or nxt.group("tok").lower() != "of":
                break
    while tokens and tokens[-1][2].lower() in W._CONNECT_IN_OUT:
        tokens.pop()
    if not tokens:
        return None, last
    tokens.reverse()
    words = [t[2] for t in tokens]
    if not M._valid_head(words, loose):
        return None, last
    if words[-1] in PRONOUNS and len(words) > 1:
        tokens = tokens[-1:]
    return (tokens[0][0], tokens[-1][1]), last


_WORDS = st.sampled_from(
    [
        "Kim",
        "Jong",
        "Un",
        "the",
        "top",
        "a",
        "of",
        "for",
        "and",
        "de",
        "in",
        "out",
        "six",
        "10",
        "three-quarters",
        "voters",
        "spokesman",
        "ministry",
        "officials",
        "he",
        "him",
        "those",
        "Theresa",
        "May",
        "last",
        "Sen.",
        "U.S.",
        "(R-CO)",
        "(a very long parenthesis of more than thirty)",
        "O'Brien",
        "don’t",
        "Ünal",
        "Ⅻ",
        "٣",
        "x_y",
        "-",
        "--",
        "&",
        ".",
        "’s",
        ",",
        "\u00a0",
        "\u2009",
        "\n",
        "(",
        ")",
        "  ",
    ]
)
_SHAPED = st.lists(_WORDS, max_size=14).map(" ".join)
_EDGY = st.text(alphabet="ab Z9.'’&-()\n\t\u00a0é_,", max_size=60)
_TEXTS = _SHAPED | newsy_text | any_text | _EDGY


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.data())
def test_token_scans_equal_the_patterns(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, hi))
    assert token_back(text, lo, hi) == _tok(TOKEN_BACK.compiled.match(text, lo, hi))
    assert token_fwd(text, lo, hi) == _tok(TOKEN_FWD.compiled.match(text, lo, hi))


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.data(), st.booleans())
def test_noun_phrase_scan_equals_the_pattern_scan(
    text: str, data: st.DataObject, loose: bool
) -> None:
    pos = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, pos))
    assert M._noun_phrase_and_last(text, lo, pos, loose) == _np_reference(text, lo, pos, loose)


def test_each_token_shape_equals_the_patterns() -> None:
    for text in [
        "the spokesman (R-CO)",
        "Sen. Ted Cruz",
        "x (" + "a" * 30 + ")",
        "x (" + "a" * 31 + ")",
        "--Ünal",
        "U.S.-led",
        "'90s",
        "Kim\u00a0\u2009",
    ]:
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                assert token_back(text, lo, hi) == _tok(TOKEN_BACK.compiled.match(text, lo, hi))
                assert token_fwd(text, lo, hi) == _tok(TOKEN_FWD.compiled.match(text, lo, hi))
    assert token_back("Sen. Ted Cruz ", 0, 14) == (9, 13)
    assert token_fwd(" (R-CO) said", 0, 12) == (1, 7)


def test_noun_phrase_shapes_equal_the_pattern_scan() -> None:
    for text in [
        "the spokesman for the ministry",
        "six in 10 voters",
        "three-quarters of the voters",
        "Theresa May",
        "last May",
        "sources close to him",
        "Sen. Ted Cruz (R-Texas)",
        "out-brutalizing Ted Cruz",
    ]:
        for loose in (False, True):
            assert M._noun_phrase_and_last(text, 0, len(text), loose) == _np_reference(
                text, 0, len(text), loose
            )
    assert M._noun_phrase_before("said Theresa May", 0, 16, False) == (5, 16)
