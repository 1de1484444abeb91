"""The word-class fast path of the mention look-back against the string tests it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotes_mention as M
from nkquotes import _quotes_wordclass as W
from nkquotes._quotes_tokens import token_back
from nkquotes._quotes_words import PRONOUNS, SPEAKER_NOUNS
from tests.strategies import any_text, newsy_text


def _noun_phrase_reference(
    text: str, lo: int, pos: int, loose: bool
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The per-token string tests that the word-class bits replaced (the code before)."""
    tokens: list[tuple[int, int, str]] = []
    last = span = token_back(text, lo, pos)
    while span is not None and len(tokens) < M._MAX_TOKENS:
        ts, te = span
        tok = text[ts:te]
        low = tok.lower()
        # `span` becomes the token before this one once a test needs it (read once)
        looked = False
        if low in W._CONNECT and tokens:
            if low in W._CONNECT_AFTER_NOUN:
                # "spokesman for the ministry": keep only after a speaker noun.
                span = token_back(text, lo, ts)
                looked = True
                if span is None or text[span[0] : span[1]].lower() not in SPEAKER_NOUNS:
                    break
            elif not W._is_name(tokens[-1][2]) and low != "of":
                break
            tokens.append((ts, te, tok))
            if not looked:
                span = token_back(text, lo, ts)
            continue
        if low in ("in", "out") and tokens and W._is_number(tokens[-1][2]):
            span = token_back(text, lo, ts)
            looked = True
            if span is not None:
                nxt = text[span[0] : span[1]]
                if W._is_number(nxt) or nxt == "of":
                    tokens.append((ts, te, tok))  # "six in 10 voters", "four out of five"
                    continue
        surname = False
        if tok in W._TIME_WORDS and not tokens:
            # a month name ending the mention is a surname after a name: "Theresa May"
            if not looked:
                span = token_back(text, lo, ts)
                looked = True
            if span is not None:
                nxt = text[span[0] : span[1]]
                surname = (
                    nxt[:1].isupper() and nxt not in W._TIME_WORDS and nxt.lower() not in W._STOP
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
            break  # "out-brutalizing [Ted Cruz]": a verb, not a title
        tokens.append((ts, te, tok))
        if low in PRONOUNS:
            break
        if not looked:
            span = token_back(text, lo, ts)
        if low in W._DETERMINERS and (span is None or text[span[0] : span[1]].lower() != "of"):
            break  # "three-quarters of the voters": a determiner after "of" does not end the NP
    # Drop connectors left dangling at the front ("of", "and").
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
        *("Kim", "Jong", "Un", "Theresa", "May", "June", "Monday", "Sen.", "U.S.", "(R-CO)"),
        *("(@jroe)", "the", "The", "a", "three-quarters", "two", "six", "10", "of", "Of"),
        *("in", "In", "out", "for", "at", "to", "and", "&", "de", "officials", "spokesman"),
        *("ministry", "minister", "former", "senior", "he", "He", "it", "them", "him", "voters"),
        *("said", "has", "who", "yesterday", "out-brutalizing", "Ted", "Cruz", "Korea’s"),
        *("Ünal", "É", "x_y", "ÉTAT", "İstanbul", "ǅemal", "I", "i", "half", "most", "OF"),
        *("minister of defense", "head of the agency", "six in 10 voters", "four out of five"),
        *("spokesman for the ministry", "talked to the UN", "ambassador to the UN"),
        *(",", ".", "—", "\n", "\u00a0", "  ", "-", "'", "’"),
    ]
)
_PHRASES = st.lists(_WORDS, max_size=14).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_PHRASES, newsy_text, any_text), st.data())
def test_noun_phrase_is_the_string_tests(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, pos))
    for loose in (False, True):
        assert M._noun_phrase_and_last(text, lo, pos, loose) == _noun_phrase_reference(
            text, lo, pos, loose
        )


def test_the_class_cache_restarts_when_full() -> None:
    W._CLASSES.clear()
    W._CLASSES.update({f"w{i}": 0 for i in range(W._MAX_CLASSES)})
    assert W._word_class("Officials") & W._C_SPEAKER
    assert {"Officials": W._classify("Officials")} == W._CLASSES
