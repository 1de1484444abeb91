"""The fast paths of the stance models find what their ``regex`` reference paths find.

Plain text (ASCII, plus non-ASCII characters that are no word characters and have no case)
is read as bytes and with ``re``; everything else with ``regex``. These properties compare
the two on text made to sit near the boundary: lexicon words in any case, apostrophes and
hyphens inside words, curly quotation marks, and the letters case-insensitive matching reads
as ASCII ones (``İ``, ``ſ``, the Kelvin sign).
"""

from __future__ import annotations

import math

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import Quote, QuoteKind, Span, StanceResult
from nkquotes.stance import (
    StanceInput,
    _apply,
    _learned,
    _lexicon,
    _scan,
    apply_stance,
    builtin_learned_model,
    builtin_target,
    default_model,
    find_cues,
)
from tests.strategies import any_text

NK = builtin_target()
LEXICON = _lexicon.lexicon_of(NK)

#: Words of the lexicon's phrases (stems cut at ``*``), some of them with an ending.
LEXICON_WORDS = sorted(
    {
        alt.rstrip("*")
        for c in NK.cues
        for token in c.phrase.split()
        for alt in token.split("|")
        if token not in ("~", "~~")
    }
)
word = st.sampled_from(LEXICON_WORDS) | st.sampled_from(
    ["the", "not", "no", "don't", "won’t", "Korea's", "said", "U.S.", "_x", "a1"]
)
cased = st.tuples(word, st.sampled_from(["", "s", "ed", "ing"]), st.integers(0, 2)).map(
    lambda t: [(t[0] + t[1]).lower(), (t[0] + t[1]).upper(), (t[0] + t[1]).title()][t[2]]
)
glue = st.sampled_from(
    [" ", " ", " ", ", ", ". ", "-", "'", "’", " “", "” ", " — ", "\n", "?", "''", "é", "ß"]
) | st.sampled_from(["İ", "ſ", "\u212a", "Σ", "\u0301", "\xa0", "½", "_"])
newsy = st.lists(st.tuples(cased, glue).map("".join), max_size=40).map("".join)
plain_newsy = st.lists(
    st.tuples(cased, st.sampled_from([" ", ", ", ". ", "-", "'", "’", " “", "” ", " — "])).map(
        "".join
    ),
    max_size=40,
).map("".join)

#: Plain text thick with apostrophes of one kind (the bytes path reads each kind alone).
apostrophes = st.tuples(
    st.lists(
        st.tuples(
            st.sampled_from(["don", "t", "Korea", "s", "rock", "n", "roll", "lift", "O", "x1"]),
            st.sampled_from([" ", "'", "''", "'''", " '", "' ", ", ", "' '", "'. "]),
        ).map("".join),
        max_size=20,
    ).map("".join),
    st.booleans(),
).map(lambda t: t[0].replace("'", "’") if t[1] else t[0])


@st.composite
def text_and_region(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


def _whole(text: str) -> tuple[str, int, int]:
    return text, 0, len(text)


def _plain(text: str, start: int, end: int) -> bool:
    return _scan.plain_bytes(text, start, end) is not None


@settings(max_examples=300, deadline=None)
@given(text_and_region(newsy | plain_newsy))
def test_cue_openings_are_those_of_the_regex_path(case: tuple[str, int, int]) -> None:
    text, lo, hi = case
    fast = _lexicon.region_hits(LEXICON, text, lo, hi)
    assert sorted(fast) == sorted(_lexicon.region_hits_unicode(LEXICON, text, lo, hi))


@settings(max_examples=100, deadline=None)
@given(text_and_region(plain_newsy))
def test_plain_news_takes_the_fast_path(case: tuple[str, int, int]) -> None:
    text, lo, hi = case
    plain = _scan.plain_bytes(text, lo, hi)
    assert plain is not None
    low, runs = plain
    assert len(low) == len(runs) == hi - lo
    assert runs.split() == [w.lower().encode() for w in _lexicon.WORDS.findall(text, lo, hi)]


@settings(max_examples=200, deadline=None)
@given(text_and_region(newsy | plain_newsy | apostrophes | any_text))
def test_plain_words_are_those_of_the_word_pattern(case: tuple[str, int, int]) -> None:
    text, lo, hi = case
    expected = [w.lower() for w in _learned._WORD.findall(text, lo, hi)]
    words = _scan.plain_words(text, lo, hi)
    if words is None:  # not plain, or both kinds of apostrophe: the pattern decides
        assert not _plain(text, lo, hi) or ("'" in text[lo:hi] and "’" in text[lo:hi])
        return
    assert words == expected


@settings(max_examples=100, deadline=None)
@given(newsy | plain_newsy)
def test_posterior_is_the_running_sum(text: str) -> None:
    model = builtin_learned_model()
    item = StanceInput.from_text(text)
    loglik, priors = model._tables()
    scores = list(priors)
    for name in _learned.stance_features(item, NK):
        row = loglik.get(name)
        if row is not None:
            scores = [s + v for s, v in zip(scores, row, strict=True)]
    exps = [math.exp(s - max(scores)) for s in scores]
    expected = {label: e / sum(exps) for label, e in zip(model.labels, exps, strict=True)}
    assert model.probabilities(item, NK) == expected


def test_find_cues_memo_is_keyed_by_the_call() -> None:
    text = "Lift the sanctions. Tighten the sanctions."
    first, second = Span.of(text, 0, 19), Span.of(text, 20, len(text))
    a = find_cues(text, NK, (first,))
    b = find_cues(text, NK, (second,))
    assert [m.label for m in a] == ["relief"]
    assert [m.label for m in b] == ["pressure"]
    assert find_cues(text, NK, (first,)) == a
    assert find_cues(text, NK, (second,), context_weight=0.25) == b


@settings(max_examples=50, deadline=None)
@given(plain_newsy)
def test_stance_is_set_as_evolve_would(text: str) -> None:
    span = Span.of(text, 0, len(text))
    quote = Quote(id="q0", segments=(span,), kind=QuoteKind.DIRECT, sentence=span)
    (out,) = apply_stance(text, (quote,), model=default_model(), target=NK)
    assert out.stance is not None
    assert out == attrs.evolve(quote, stance=out.stance)
    assert _apply._with_stance(quote, out.stance) == out


@settings(max_examples=150, deadline=None)
@given(newsy | plain_newsy)
def test_prediction_is_that_of_the_features(text: str) -> None:
    model = attrs.evolve(builtin_learned_model(), min_score=0.0)
    item = StanceInput.from_text(text)
    result = model.predict(item, NK)
    assert result is not None
    probabilities = model.probabilities(item, NK)
    label = max(model.labels, key=lambda lab: (probabilities[lab], -model.labels.index(lab)))
    assert (result.label, result.score) == (label, probabilities[label])
    # The evidence: the (at most three) features that argue most for the label.
    loglik, _priors = model._tables()
    k = model.labels.index(label)
    features = _learned.stance_features(item, NK)
    margins = {
        f: loglik[f][k] - max(v for j, v in enumerate(loglik[f]) if j != k)
        for f in features
        if f in loglik
    }
    top = sorted((f for f in margins if margins[f] > 0), key=lambda f: (-margins[f], f))[:3]
    assert result.evidence == tuple(
        sorted({features[f] for f in top}, key=lambda s: (s.start, s.end))
    )


def _reference_hits(text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """Every cue's own pattern tried at every offset of the region: no index, no shortcut."""
    return [
        (compiled.number, m.start(), m.end())
        for at in range(lo, hi)
        for compiled in LEXICON.cues
        if (m := compiled.pattern.match(text, at, hi)) is not None
    ]


#: Words that open hyphenated and multi-word cues, next to the cues' own words.
openers = st.sampled_from(
    ["confidence", "good", "end", "worn", "in", "more", "do", "con", "sanction", "empty"]
)
hyphenated = st.lists(
    st.tuples(
        cased | openers,
        st.sampled_from([" ", "-", "- ", "'", "’", " “", ", ", ". ", "—", "-x"]),
    ).map("".join),
    max_size=25,
).map("".join)


@st.composite
def cue_phrase(draw: st.DrawFn) -> str:
    """One of the lexicon's phrases written out: an alternative of each token (stems with an
    ending), up to two filler words for a gap, in any case."""
    phrase = draw(st.sampled_from([c.phrase for c in NK.cues]))
    words = []
    for token in phrase.split():
        if token in ("~", "~~"):
            words += draw(st.lists(st.sampled_from(["the", "new", "U.S.", "so"]), max_size=2))
            continue
        alt = draw(st.sampled_from(token.split("|")))
        if alt.endswith("*"):
            alt = alt[:-1] + draw(st.sampled_from(["", "s", "ed", "ing", "-x"]))
        words.append(draw(st.sampled_from([alt, alt.upper(), alt.title()])))
    return " ".join(words)


#: Plain glue (the bytes path) most of the time, any glue (the ``regex`` path) sometimes.
phrase_glue = st.sampled_from([" ", " ", ", ", ". ", "-", "'", "’", " “", "” ", " — "]) | glue
phrases = st.lists(
    st.tuples(cue_phrase() | cased | openers, phrase_glue).map("".join), max_size=12
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text_and_region(newsy | plain_newsy | hyphenated | phrases) | phrases.map(_whole))
def test_cue_hits_are_every_match_of_every_pattern(case: tuple[str, int, int]) -> None:
    # The word index, the opening words of hyphenated cues and the later-word tests only
    # skip tries that would fail: both paths find what trying everything finds.
    text, lo, hi = case
    expected = sorted(_reference_hits(text, lo, hi))
    assert sorted(_lexicon.region_hits(LEXICON, text, lo, hi)) == expected
    assert sorted(_lexicon.region_hits_unicode(LEXICON, text, lo, hi)) == expected


@settings(max_examples=50, deadline=None)
@given(text_and_region(any_text))
def test_cue_hits_on_any_text_are_every_match(case: tuple[str, int, int]) -> None:
    text, lo, hi = case
    assert sorted(_lexicon.region_hits(LEXICON, text, lo, hi)) == sorted(
        _reference_hits(text, lo, hi)
    )


def test_hyphenated_cues_open_only_at_their_first_part() -> None:
    (compiled,) = [c for c in LEXICON.cues if c.cue.phrase == "confidence-building"]
    assert compiled.opens("confidence")
    assert not compiled.opens("conference")
    text = "Confidence-building steps, the conference said."
    assert [n for n, _s, _e in _lexicon.region_hits(LEXICON, text, 0, len(text))] == [
        compiled.number
    ]


def test_quotes_and_inputs_are_filled_by_their_slots() -> None:
    # Both fast constructors are in use (a converter or a check added to Quote or
    # StanceInput turns them off) and give what __init__ gives.
    assert _apply._QUOTE_SETTERS is not None
    assert _apply._INPUT_SETTERS is not None
    text = "Kim said sanctions must stay."
    span = Span.of(text, 9, len(text))
    quote = Quote(id="q1", segments=(span,), kind=QuoteKind.INDIRECT, paragraph=2)
    item = _apply._input(text, quote, span, None)
    assert item == StanceInput(text=text, quote=quote, sentence=span, article=None)
    assert type(item) is StanceInput
    stance = StanceResult(target=NK.name, label="pressure", score=0.75, evidence=(span,))
    assert _apply._with_stance(quote, stance) == attrs.evolve(quote, stance=stance)
    # apply_stance copies each field (a field added to Quote and not copied would differ).
    full = attrs.evolve(quote, cue=None, sentence=span, confidence=0.5)
    (copied,) = apply_stance(text, (full,), model=_Fixed(stance), target=NK)
    assert copied == attrs.evolve(full, stance=stance)
    assert type(copied) is Quote


@attrs.frozen
class _Fixed:
    """A user model giving one result."""

    result: StanceResult

    def predict(self, item: StanceInput, target: object) -> StanceResult:
        assert type(item) is StanceInput
        return self.result


def test_margins_are_those_of_the_rows() -> None:
    model = attrs.evolve(builtin_learned_model(), min_score=0.0)
    loglik, _priors = model._tables()
    features = sorted(loglik)[:50]
    for k in range(len(model.labels)):
        expected = []
        for f in features:
            row = loglik[f]
            margin = row[k] - max(v for j, v in enumerate(row) if j != k)
            if margin > 0:
                expected.append((-margin, f))
        assert model._margins(k, features) == expected
        # Met again (memoised), in another order.
        assert model._margins(k, features[::-1]) == expected[::-1]
