"""The naive Bayes model's one reading of a quote, and the reply prefilter, against the slow
reference paths they replace.

A quote's segments are read once (:func:`nkquotes.stance._reading.segments_read`): the
words the model scores and the offsets of the words it shows as evidence both come from that
reading. These properties compare it with the word pattern run on the original text, on
article-shaped text (lexicon words, apostrophes of both kinds, letters that case-insensitive
matching reads as ASCII ones) and on arbitrary text.
"""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import ModelError, Quote, QuoteKind, Span, StanceResult
from nkquotes._asciifold import ascii_fold
from nkquotes.stance import (
    RuleStanceModel,
    StanceInput,
    Target,
    _learned,
    _lexicon,
    _reading,
    _rules,
    _scan,
    builtin_learned_model,
    builtin_target,
    stance_features,
)
from tests.strategies import any_text
from tests.test_stance_fast import apostrophes, newsy, plain_newsy, text_and_region

NK = builtin_target()
MODEL = attrs.evolve(builtin_learned_model(), min_score=0.0)

texts = newsy | plain_newsy | apostrophes | any_text


@st.composite
def quoted(draw: st.DrawFn, source: st.SearchStrategy[str] = texts) -> StanceInput:
    """A text and a quote of one to three segments in it (in order, apart), in a sentence."""
    text = draw(source)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    if len(cuts) % 2:
        cuts = cuts[:-1]
    segments = tuple(Span.of(text, a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    whole = Span.of(text, 0, len(text))
    quote = Quote(id="q0", segments=segments, kind=QuoteKind.MIXED, sentence=whole)
    sentence = whole if draw(st.booleans()) else None
    return StanceInput(text=text, quote=quote, sentence=sentence)


def _reference_words(item: StanceInput) -> list[str]:
    return [
        word.lower()
        for segment in item.quote.segments
        for word in _reading.WORD.findall(item.text, segment.start, segment.end)
    ]


@settings(max_examples=200, deadline=None)
@given(quoted())
def test_segments_read_give_the_words_of_the_pattern(item: StanceInput) -> None:
    words: list[str] = []
    read = _reading.segments_read(item.text, item.quote.segments, words)
    assert words == _reference_words(item)
    assert [(start, end) for start, end, _p, _c in read] == [
        (s.start, s.end) for s in item.quote.segments
    ]


@settings(max_examples=200, deadline=None)
@given(text=plain_newsy | apostrophes)
def test_word_runs_hold_each_word_at_its_offset(text: str) -> None:
    # Plain text: the runs are one byte per character after the leading space.
    low, runs, _unplain = _scan.text_view(text)
    found = _scan.word_runs(text, 0, len(text), low, runs)
    if found is None:  # both kinds of apostrophe: the pattern decides
        assert "'" in text
        assert "’" in text
        return
    padded, curly = found
    assert len(padded) == len(text) + 2
    for m in _reading.WORD.finditer(text):
        word = m.group().lower().replace("’", "'") if curly else m.group().lower()
        assert padded[m.start() + 1 : m.end() + 1] == word.encode("ascii")


def _reference_offsets(item: StanceInput, wanted: list[str]) -> dict[str, tuple[int, int]]:
    """The first offsets of the *wanted* features, read the slow way."""
    spans = {name: (s.start, s.end) for name, s in stance_features(item, NK).items()}
    return {name: spans[name] for name in wanted}


@settings(max_examples=200, deadline=None)
@given(quoted(), st.data())
def test_evidence_offsets_are_the_first_of_each_feature(
    item: StanceInput, data: st.DataObject
) -> None:
    names = list(stance_features(item, NK))
    wanted = data.draw(
        st.lists(st.sampled_from(names), max_size=3, unique=True) if names else st.just([])
    )
    cues = _learned._cue_names(item, NK)
    read = _reading.segments_read(item.text, item.quote.segments, [])
    assert _reading.offsets_read(item.text, read, cues, wanted) == _reference_offsets(item, wanted)


def _reference_predict(item: StanceInput) -> StanceResult:
    """The prediction computed from :func:`stance_features`, label by label."""
    loglik, priors = MODEL._tables()
    features = stance_features(item, NK)
    scores = list(priors)
    for name in features:
        row = loglik.get(name)
        if row is not None:
            scores = [s + v for s, v in zip(scores, row, strict=True)]
    exps = [math.exp(s - max(scores)) for s in scores]
    probabilities = [e / sum(exps) for e in exps]
    k = max(range(len(probabilities)), key=lambda j: (probabilities[j], -j))
    margins = {
        f: loglik[f][k] - max(v for j, v in enumerate(loglik[f]) if j != k)
        for f in features
        if f in loglik
    }
    top = sorted((f for f in margins if margins[f] > 0), key=lambda f: (-margins[f], f))[:3]
    return StanceResult(
        target=NK.name,
        label=MODEL.labels[k],
        score=probabilities[k],
        evidence=tuple(sorted({features[f] for f in top}, key=lambda s: (s.start, s.end))),
    )


@settings(max_examples=150, deadline=None)
@given(quoted())
def test_prediction_is_the_reference_one(item: StanceInput) -> None:
    result = MODEL.predict(item, NK)
    assert type(result) is StanceResult
    assert result == _reference_predict(item)
    assert MODEL._strongest(MODEL.labels.index(result.label), []) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(sorted(MODEL._tables()[0])), unique=True, max_size=30))
def test_strongest_are_the_first_of_the_sorted_margins(features: list[str]) -> None:
    for k in range(len(MODEL.labels)):
        expected = [f for _m, f in sorted(MODEL._margins(k, features))[:3]]
        assert MODEL._strongest(k, features) == expected


def test_a_target_is_checked_until_one_passes() -> None:
    model = attrs.evolve(MODEL, other_targets_abstain=False)
    item = StanceInput.from_text("Lift the sanctions now.")
    other = Target(name="other", labels=NK.labels, neutral=NK.neutral)
    for _ in range(2):  # a target that failed is not remembered as checked
        with pytest.raises(ModelError):
            model.predict(item, other)
    twin = Target(name=NK.name, labels=NK.labels, neutral=NK.neutral, cues=NK.cues[:3])
    assert model.predict(item, twin) is not None  # same name and labels: same model
    assert model.predict(item, NK) is not None
    with pytest.raises(ModelError):
        model.predict(item, other)
    abstaining = attrs.evolve(model, other_targets_abstain=True)
    assert abstaining.predict(item, other) is None


#: Sentences thick with the words of replies and agreement, and with the letters
#: case-insensitive matching reads as ASCII ones.
reply_words = st.sampled_from(
    [
        "retorted",
        "REBUTTED",
        "countered",
        "dismissed",
        "disputed",
        "refuted",
        "rejected",
        "well taken",
        "Well-taken",
        "well\ttaken",
        "as well",
        "agreed",
        "concurs",
        "is right",
        "was\nright",
        "that's right",
        "endorsed",
        "Kim's point",
        "sanctions must stay",
        "lift the sanctions",
        "ſ",
        "İ",
        "\u212a",
        "’",
        "“",
        "é",
    ]
)
replies = st.lists(
    st.tuples(reply_words, st.sampled_from([" ", ". ", ", ", "\n", "-"])).map("".join),
    max_size=14,
).map("".join)


def _reference_answer(
    item: StanceInput, matches: tuple[_rules.CueMatch, ...]
) -> tuple[str, float, tuple[Span, ...]] | None:
    """RuleStanceModel._answer with the fold of the whole sentence and no word prefilter."""
    model = RuleStanceModel()
    if matches and any(m.weight > 0 for m in matches):
        return None
    sentence = item.sentence
    assert sentence is not None
    text = item.text
    rebut = _rules._REBUT.search(text, sentence.start, sentence.end)
    agree = _rules._AGREE.search(text, sentence.start, sentence.end) if rebut is None else None
    marker = rebut or agree
    if marker is None:
        return None
    previous = _rules._referent_sentence(text, sentence)
    if previous is None:
        return None
    decided = _rules._decide(_rules.find_cues(text, NK, (previous,), None), NK, model.min_weight)
    if decided is None:
        return None
    label, score, _evidence = decided
    if rebut:
        label = NK.opposite(label)
        if label == NK.neutral:
            return None
    return label, min(score, 0.6), (Span.of(text, marker.start(), marker.end()),)


@settings(max_examples=200, deadline=None)
@given(replies, replies)
def test_replies_are_found_as_without_the_prefilter(before: str, reply: str) -> None:
    text = f"Tighten the sanctions. {before}\n{reply}"
    start = len(text) - len(reply)
    span = Span.of(text, start, len(text))
    quote = Quote(id="q0", segments=(span,), kind=QuoteKind.DIRECT, sentence=span)
    item = StanceInput(text=text, quote=quote, sentence=span)
    matches = _rules.find_cues(text, NK, (span,), span)
    assert RuleStanceModel()._answer(text, span, NK, matches) == _reference_answer(item, matches)


@settings(max_examples=200, deadline=None)
@given(replies | any_text)
def test_reply_prefilters_pass_every_match(text: str) -> None:
    # Necessary conditions: whatever the patterns find, the prefilters let through, on the
    # fold and (plain text) on the lower-cased bytes.
    low = ascii_fold(text)
    if _rules._REBUT.search(text):
        assert _rules._may_rebut(low)
    if _rules._AGREE.search(text):
        assert _rules._may_agree(low)
    view = _scan.plain_view(text, 0, len(text))
    if view is not None:
        assert (
            _rules._may_rebut(view[0].decode("ascii")),
            _rules._may_agree(view[0].decode("ascii")),
        ) == (
            _rules._may_rebut(low),
            _rules._may_agree(low),
        )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("They don’t. They don't.", "don't"),
        ("They don't. They don’t.", "don’t"),
        ("Korea’s rock'n'roll. Korea's rock’n’roll.", "korea's"),
        ("Korea's rock'n'roll. Korea’s rock’n’roll.", "rock’n’roll"),
    ],
)
def test_evidence_offsets_keep_the_apostrophe_kinds_apart(text: str, word: str) -> None:
    # Each segment has one kind of apostrophe (its runs hold "'" for either): a word with
    # the other kind is not found there.
    cut = text.index(".") + 1
    segments = (Span.of(text, 0, cut), Span.of(text, cut + 1, len(text)))
    quote = Quote(id="q0", segments=segments, kind=QuoteKind.MIXED)
    item = StanceInput(text=text, quote=quote)
    read = _reading.segments_read(text, segments, [])
    found = _reading.offsets_read(text, read, {}, [word])
    assert found == _reference_offsets(item, [word])
    assert found[word][0] > cut


def _reference_reply_words(text: str, lo: int, hi: int) -> set[bytes]:
    """The region's words that may make a sentence a reply, read with the word pattern."""
    words = {w.lower().encode("ascii", "replace") for w in _lexicon.WORDS.findall(text, lo, hi)}
    return {w for w in words if w in _lexicon.REPLY_WORDS or w.startswith(_lexicon.REPLY_PREFIXES)}


@settings(max_examples=200, deadline=None)
@given(text_and_region(replies | newsy | plain_newsy | any_text))
def test_cue_search_keeps_every_reply_word(case: tuple[str, int, int]) -> None:
    # The reply prefilter reads the words the cue search kept: none may be dropped as
    # "opens no cue", however often it was met before (two searches: the second one reads
    # what the first remembered).
    text, lo, hi = case
    lexicon = _lexicon.lexicon_of(NK)
    for _ in range(2):
        _lexicon.region_hits(lexicon, text, lo, hi)
        kept = _lexicon.last_openers(text, lo, hi)
        if _scan.plain_view(text, lo, hi) is None:
            assert kept is None  # read with the pattern: the prefilter reads it itself
        else:
            assert kept is not None
            assert _reference_reply_words(text, lo, hi) <= kept
    assert _lexicon.last_openers(text, lo, hi + 1) is None


@settings(max_examples=100, deadline=None)
@given(replies, replies)
def test_replies_in_a_sentence_read_before_are_found_alike(before: str, reply: str) -> None:
    # The sentence read twice (the memo of find_cues cleared): the second time the words
    # met are remembered, and the prefilter must still let every reply through.
    text = f"Tighten the sanctions. {before}\n{reply} and more"
    start = len(text) - len(reply) - 9
    span = Span.of(text, start, len(text))
    quote = Quote(id="q0", segments=(span,), kind=QuoteKind.DIRECT, sentence=span)
    item = StanceInput(text=text, quote=quote, sentence=span)
    for _ in range(2):
        _rules._LAST[0] = None
        matches = _rules.find_cues(text, NK, (span,), span)
        expected = _reference_answer(item, matches)
        assert RuleStanceModel()._answer(text, span, NK, matches) == expected


def _reference_rule_predict(item: StanceInput) -> StanceResult | None:
    """RuleStanceModel.predict asking the reference reply reading whenever nothing decides."""
    model = RuleStanceModel()
    _rules._LAST[0] = None
    matches = _rules.find_cues(item.text, NK, item.quote.segments, item.sentence)
    decided = _rules._decide(matches, NK, model.min_weight) if matches else None
    if decided is None and item.sentence is not None:
        decided = _reference_answer(item, matches)
    if decided is None:
        return None
    label, score, evidence = decided
    return StanceResult(target=NK.name, label=label, score=score, evidence=evidence)


@settings(max_examples=150, deadline=None)
@given(replies, replies | newsy, st.integers(0, 2))
def test_rule_predictions_are_those_without_the_inlined_prefilter(
    before: str, reply: str, cut: int
) -> None:
    # predict skips the reply reading where the words the cue search kept have no reply word
    # (and reads it on text that is not plain); the sentence may also stop short of a
    # segment (then the search reads other regions than the sentence).
    text = f"Tighten the sanctions. {before}\n{reply} and more"
    start = len(text) - len(reply) - 9
    span = Span.of(text, start, len(text))
    sentence = Span.of(text, start, len(text) - cut * 3)
    quote = Quote(id="q0", segments=(span,), kind=QuoteKind.DIRECT, sentence=sentence)
    item = StanceInput(text=text, quote=quote, sentence=sentence)
    expected = _reference_rule_predict(item)
    for _ in range(2):  # the second time, the words met are remembered
        _rules._LAST[0] = None
        assert RuleStanceModel().predict(item, NK) == expected
