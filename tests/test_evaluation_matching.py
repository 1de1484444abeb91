"""The matching rule of nkquotes.evaluation, pinned on hand-made cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nkquotes import InputError
from nkquotes.evaluation import (
    GoldQuote,
    PredictedQuote,
    characters,
    evaluate_quotes,
    normalise_name,
    polnear_kind,
    trim,
)

from .strategies import newsy_text


def seg(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the *nth* occurrence of *part* in *text* (test helper, hand-checked)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return (start, start + len(part))


def gold(text: str, *parts: str, kind: str = "direct", **kw: object) -> GoldQuote:
    return GoldQuote(segments=[seg(text, p) for p in parts], kind=kind, **kw)  # type: ignore[arg-type]


def pred(text: str, *parts: str, **kw: object) -> PredictedQuote:
    return PredictedQuote(segments=[seg(text, p) for p in parts], **kw)  # type: ignore[arg-type]


# -- trimming ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (' "We will win," ', "We will win"),
        ("“Talks are over.”", "Talks are over"),
        ("« Non ». ", "Non"),
        ("‘fine’ — ", "fine"),
        ("that the talks had stalled.", "the talks had stalled"),
        ("  that “that is all”", "is all"),
        ("That is all", "That is all"),
        ("thatcher said", "thatcher said"),
        ("-- ; : ", ""),
    ],
)
def test_trim_edges(raw: str, kept: str) -> None:
    start, end = trim(raw, 0, len(raw))
    assert raw[start:end] == kept


def test_inner_white_space_is_not_counted() -> None:
    text = "ab  c\nd"
    assert characters(text, [(0, len(text))]) == frozenset({0, 1, 4, 6})


def test_characters_trim_each_segment() -> None:
    text = '"ab," he said. "cd."'
    chars = characters(text, [seg(text, '"ab,"'), seg(text, '"cd."')])
    assert {text[i] for i in chars} == set("abcd")
    assert len(chars) == 4


@given(newsy_text, st.data())
def test_trim_stays_inside_and_shrinks(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = trim(text, start, end)
    assert start <= s <= e <= end
    assert trim(text, s, e) == (s, e)


# -- assignment and recall -----------------------------------------------------------------


def test_exact_prediction_is_assigned_and_recalled() -> None:
    text = 'Kim said, "We will not give up our weapons." Then he left.'
    g = gold(text, "We will not give up our weapons.")
    p = pred(text, '"We will not give up our weapons."')
    match = evaluate_quotes(text, [g], [p])
    assert match.assigned == (0,)
    assert match.recalled == (True,)
    assert (match.strict_hits, match.lenient_hits) == (1, 1)


def test_split_segments_one_prediction_per_part() -> None:
    # Gold: one record, two segments of 24 and 25 characters (white space excluded).
    text = '"Sanctions will stay in place," Pompeo said. "We are patient and we will wait."'
    g = gold(text, "Sanctions will stay in place,", "We are patient and we will wait.")
    first = pred(text, "Sanctions will stay in place,")
    second = pred(text, "We are patient and we will wait.")
    # Each part alone is below 60% of the gold's characters: 24 and 25 of 49.
    alone = evaluate_quotes(text, [g], [first])
    assert alone.assigned == (0,)
    assert alone.recalled == (False,)
    assert alone.coverage == (pytest.approx(24 / 49),)
    assert (alone.strict_hits, alone.lenient_hits) == (0, 1)
    both = evaluate_quotes(text, [g], [first, second])
    assert both.assigned == (0, 0)
    assert both.recalled == (True,)
    assert both.first == (0,)
    assert both.strict_hits == 2


def test_split_segments_one_prediction_with_both_segments() -> None:
    text = '"Sanctions will stay in place," Pompeo said. "We are patient and we will wait."'
    g = gold(text, "Sanctions will stay in place,", "We are patient and we will wait.")
    p = pred(text, '"Sanctions will stay in place,"', '"We are patient and we will wait."')
    assert evaluate_quotes(text, [g], [p]).recalled == (True,)


def test_over_long_prediction_is_a_false_positive() -> None:
    # The prediction swallows the attribution and the next sentence: the gold holds
    # 15 of its 52 characters (29%), under 60%.
    text = '"Talks are over now," he said. The ministry did not answer calls.'
    g = gold(text, "Talks are over now,")
    p = pred(text, text)
    match = evaluate_quotes(text, [g], [p])
    assert match.assigned == (None,)
    assert match.recalled == (False,)
    assert (match.strict_hits, match.lenient_hits) == (0, 0)


def test_slightly_long_prediction_still_counts() -> None:
    # 18 gold characters out of 22 predicted: 82% of the prediction is in the gold.
    text = "Officials said the talks had stalled badly."
    g = gold(text, "the talks had stalled", kind="indirect")
    p = pred(text, "said the talks had stalled")
    match = evaluate_quotes(text, [g], [p])
    assert match.assigned == (0,)
    assert match.recalled == (True,)


def test_short_prediction_is_assigned_but_does_not_recall() -> None:
    text = "Officials said the talks had stalled and no date was set for the next round."
    g = gold(text, "the talks had stalled and no date was set for the next round", kind="indirect")
    p = pred(text, "the talks had stalled")
    match = evaluate_quotes(text, [g], [p])
    assert match.assigned == (0,)
    assert match.recalled == (False,)
    assert (match.strict_hits, match.lenient_hits) == (0, 1)


def test_scare_quotes_inside_indirect_content() -> None:
    # The quotation marks inside the content are characters like any other: only the edges
    # are trimmed, so a prediction of the quoted words alone is far too short.
    text = 'Pompeo said that the U.S. would keep its "maximum pressure" campaign going.'
    g = gold(text, 'the U.S. would keep its "maximum pressure" campaign going', kind="mixed")
    scare = pred(text, '"maximum pressure"')
    whole = pred(text, 'that the U.S. would keep its "maximum pressure" campaign going.')
    only_scare = evaluate_quotes(text, [g], [scare])
    assert only_scare.assigned == (0,)
    assert only_scare.recalled == (False,)
    assert evaluate_quotes(text, [g], [whole]).recalled == (True,)


def test_prediction_goes_to_the_gold_holding_most_of_it() -> None:
    text = "A said the talks failed. B said the summit was a success for both sides."
    ga = gold(text, "the talks failed", kind="indirect")
    gb = gold(text, "the summit was a success for both sides", kind="indirect")
    # Straddles both, mostly in gb: 14 characters of ga, 32 of gb, out of 52 (62%).
    p = pred(text, "the talks failed. B said the summit was a success for both sides")
    match = evaluate_quotes(text, [ga, gb], [p])
    assert match.assigned == (1,)
    assert match.recalled == (False, True)


def test_nested_golds_tie_goes_to_the_inner_one() -> None:
    # PolNeAR nests attributions: the outer content holds the inner one whole.
    text = "Aides said Kim told them the talks had failed. Lee agreed."
    outer = gold(text, "Kim told them the talks had failed", kind="indirect")
    inner = gold(text, "the talks had failed", kind="indirect")
    match = evaluate_quotes(text, [outer, inner], [pred(text, "the talks had failed")])
    assert match.assigned == (1,)
    assert match.recalled == (False, True)
    whole = evaluate_quotes(
        text, [outer, inner], [pred(text, "Kim told them the talks had failed")]
    )
    assert whole.assigned == (0,)
    assert whole.recalled == (True, False)


def test_prediction_split_between_golds_is_a_false_positive() -> None:
    text = "A said the talks failed badly. B said the summit went well."
    ga = gold(text, "the talks failed badly", kind="indirect")
    gb = gold(text, "the summit went well", kind="indirect")
    p = pred(text, "the talks failed badly. B said the summit went well")
    assert evaluate_quotes(text, [ga, gb], [p]).assigned == (None,)


def test_prediction_without_characters_is_a_false_positive() -> None:
    text = 'He said: "" and left.'
    g = gold(text, "He said", kind="indirect")
    p = PredictedQuote(segments=[seg(text, '""')])
    assert evaluate_quotes(text, [g], [p]).assigned == (None,)


def test_precision_strict_and_lenient_differ() -> None:
    text = "A said the talks had failed completely and for good. B said nothing."
    g = gold(text, "the talks had failed completely and for good", kind="indirect")
    short = pred(text, "the talks had failed")
    stray = pred(text, "nothing")
    match = evaluate_quotes(text, [g], [short, stray])
    assert match.assigned == (0, None)
    assert match.recalled == (False,)
    assert (match.strict_hits, match.lenient_hits) == (0, 1)


# -- speakers ------------------------------------------------------------------------------


def test_speaker_by_canonical_name_ignores_case_spaces_and_article() -> None:
    text = "The foreign ministry said the talks failed."
    g = gold(text, "the talks failed", kind="indirect", speaker="Foreign Ministry")
    right = pred(text, "the talks failed", speaker="the foreign  ministry")
    wrong = pred(text, "the talks failed", speaker="Foreign Minister")
    assert evaluate_quotes(text, [g], [right]).speaker_correct == (True,)
    assert evaluate_quotes(text, [g], [wrong]).speaker_correct == (False,)
    assert normalise_name(" An  Official ") == "official"
    assert normalise_name("Theresa May") == "theresamay"


def test_speaker_by_source_span_overlap() -> None:
    text = "Senior officials said the talks failed."
    g = gold(text, "the talks failed", kind="indirect", sources=[seg(text, "Senior officials")])
    p = pred(text, "the talks failed", mention=seg(text, "officials"), speaker="someone else")
    assert evaluate_quotes(text, [g], [p]).speaker_correct == (True,)


def test_speaker_by_last_word_of_name() -> None:
    text = "Clinton's spokesman spoke first. Later, she said the talks failed."
    g = gold(text, "the talks failed", kind="indirect", sources=[seg(text, "Clinton's spokesman")])
    by_name = pred(text, "the talks failed", mention=seg(text, "she"), speaker="Hillary Clinton")
    other = pred(text, "the talks failed", mention=seg(text, "she"), speaker="Donald Trump")
    assert evaluate_quotes(text, [g], [by_name]).speaker_correct == (True,)
    assert evaluate_quotes(text, [g], [other]).speaker_correct == (False,)


def test_speaker_by_last_word_of_mention_text() -> None:
    text = "Mr. Trump arrived. The Republican nominee Trump said the talks failed."
    g = gold(text, "the talks failed", kind="indirect", sources=[seg(text, "Mr. Trump")])
    p = pred(text, "the talks failed", mention=seg(text, "The Republican nominee Trump"))
    assert evaluate_quotes(text, [g], [p]).speaker_correct == (True,)


def test_speaker_judged_on_the_first_assigned_prediction() -> None:
    text = '"We are patient," Kim said. "We will wait," Lee said.'
    g = GoldQuote(
        segments=[seg(text, "We are patient,"), seg(text, "We will wait,")],
        kind="direct",
        speaker="Kim",
    )
    p1 = pred(text, "We are patient,", speaker="Kim")
    p2 = pred(text, "We will wait,", speaker="Lee")
    assert evaluate_quotes(text, [g], [p1, p2]).speaker_correct == (True,)
    assert evaluate_quotes(text, [g], [p2, p1]).speaker_correct == (False,)


def test_speaker_not_judged_without_source_or_recall() -> None:
    text = "It was said the talks failed."
    g = gold(text, "the talks failed", kind="indirect")
    match = evaluate_quotes(text, [g], [pred(text, "the talks failed", speaker="X")])
    assert match.speaker_correct == (None,)
    assert match.end_to_end(0)
    missed = evaluate_quotes(text, [gold(text, "the talks failed", speaker="X")], [])
    assert missed.speaker_correct == (None,)
    assert not missed.end_to_end(0)


# -- kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("“We will win.”", "direct"),
        ('"We will win," ', "direct"),
        ("\u00a0“Yes.”\u2009;", "direct"),
        ("“One,” “two.”.", "direct"),
        ("he would leave “a little room”", "mixed"),
        ("“Room” is what he wants", "mixed"),
        ("it is ‘in their heads’", "indirect"),
        ("the talks had stalled", "indirect"),
        ("“", "mixed"),
    ],
)
def test_polnear_kind(content: str, kind: str) -> None:
    assert polnear_kind(content) == kind


# -- properties ----------------------------------------------------------------------------


@st.composite
def text_and_segments(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(newsy_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return text, pairs


@given(text_and_segments())
def test_every_gold_found_by_itself(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, segments = case
    golds = [GoldQuote(segments=[s], kind="direct") for s in segments]
    # Keep golds that have characters and do not share any with another gold.
    chars = [characters(text, g.segments) for g in golds]
    golds = [
        g
        for i, g in enumerate(golds)
        if chars[i] and not any(chars[i] & c for j, c in enumerate(chars) if j != i)
    ]
    preds = [PredictedQuote(segments=g.segments) for g in golds]
    match = evaluate_quotes(text, golds, preds)
    assert match.assigned == tuple(range(len(golds)))
    assert all(match.recalled)
    assert match.strict_hits == match.lenient_hits == len(golds)


@given(text_and_segments(), st.data())
def test_more_predictions_never_lower_recall(
    case: tuple[str, list[tuple[int, int]]], data: st.DataObject
) -> None:
    text, segments = case
    golds = [GoldQuote(segments=[s], kind="indirect") for s in segments]
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))
    preds = [PredictedQuote(segments=[s]) for s in data.draw(st.lists(spans, max_size=4))]
    extra = PredictedQuote(segments=[data.draw(spans)])
    before = evaluate_quotes(text, golds, preds)
    after = evaluate_quotes(text, golds, [*preds, extra])
    assert after.assigned[:-1] == before.assigned
    assert all(a or not b for a, b in zip(after.recalled, before.recalled, strict=True))
    assert before.lenient_hits >= before.strict_hits
    assert evaluate_quotes(text, golds, []).recalled == tuple(False for _ in golds)


def test_a_split_quote_predicted_as_one_record_merges_the_shorter_gold() -> None:
    # PolNeAR annotates the two halves as two attributions; one two-segment prediction is
    # assigned to the longer half only, and the shorter one is reported as merged.
    text = '"We wait," he said. "Pyongyang has to decide whether it wants to talk at all."'
    second = "Pyongyang has to decide whether it wants to talk at all."
    golds = [gold(text, "We wait,"), gold(text, second)]
    match = evaluate_quotes(text, golds, [pred(text, '"We wait,"', f'"{second}"')])
    assert match.assigned == (1,)
    assert match.recalled == (False, True)
    assert match.merged == (True, False)


def test_a_missed_gold_nobody_covers_is_not_merged() -> None:
    text = "Kim said the talks failed. Lee said nothing else."
    golds = [gold(text, "the talks failed", kind="indirect")]
    match = evaluate_quotes(text, golds, [pred(text, "nothing else")])
    assert match.recalled == (False,)
    assert match.merged == (False,)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ([GoldQuote(segments=[(0, 10)], kind="direct")], []),
        ([GoldQuote(segments=[(3, 4)], kind="direct")], []),
        ([GoldQuote(segments=[(2, 1)], kind="direct")], []),
        ([GoldQuote(segments=[(0, 1)], kind="direct", sources=[(-1, 2)])], []),
        ([], [PredictedQuote(segments=[(0, 4)])]),
        ([], [PredictedQuote(segments=[(0, 1)], mention=(1, 9))]),
    ],
)
def test_spans_outside_the_text_raise_an_input_error(
    gold: list[GoldQuote], predicted: list[PredictedQuote]
) -> None:
    with pytest.raises(InputError, match="not within the text of 3 characters"):
        evaluate_quotes("abc", gold, predicted)


def test_spans_at_the_text_edges_are_accepted() -> None:
    gold = [GoldQuote(segments=[(0, 3)], kind="direct", sources=[(3, 3)])]
    match = evaluate_quotes("abc", gold, [PredictedQuote(segments=[(0, 3)], mention=(0, 0))])
    assert match.recalled == (True,)
