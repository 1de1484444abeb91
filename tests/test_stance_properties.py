"""Properties of the stance models (hypothesis)."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nkquotes import Quote, QuoteKind, Span
from nkquotes.stance import (
    LexiconCue,
    RuleStanceModel,
    StanceInput,
    apply_stance,
    builtin_target,
    default_model,
    find_cues,
    stance_of,
)
from tests.strategies import any_text, newsy_text

NK = builtin_target()

#: Words with no part in the lexicon or its modifiers: text made of them is off topic.
UNRELATED = [
    "the", "weather", "in", "Seoul", "was", "mild", "on", "Tuesday", "and", "fans",
    "cheered", "as", "team", "scored", "twice", "restaurant", "opened", "a", "branch",
    "near", "station", "rain", "is", "expected", "tomorrow", "museum", "hosted",
    "exhibition", "of", "paintings", "said", "told", "reporters", "he", "she",
]  # fmt: skip
unrelated_text = st.lists(
    st.sampled_from(UNRELATED) | st.sampled_from([",", ".", '"', "\n"]), max_size=40
).map(" ".join)
cue = st.sampled_from(NK.cues)
filler = st.lists(st.sampled_from(UNRELATED[:30]), max_size=5).map(" ".join)


def spelled(c: LexiconCue, choice: int) -> str:
    """The cue written out plainly: one alternative per token, prefixes as they stand."""
    words = []
    for token in c.phrase.split():
        if token in ("~", "~~"):
            continue
        options = token.split("|")
        words.append(options[choice % len(options)].rstrip("*"))
    return " ".join(words)


@settings(max_examples=150, deadline=None)
@given(cue, st.integers(0, 20), filler, filler, st.sampled_from(["not", "never"]))
def test_negating_a_deciding_cue_changes_the_label(
    c: LexiconCue, choice: int, before: str, after: str, negator: str
) -> None:
    phrase = spelled(c, choice)
    text = f"Officials said {before} they would {phrase} {after}."
    result = stance_of(text, target=NK)
    matches = find_cues(text, NK, (Span.of(text, 0, len(text)),))
    # Only when this cue alone decided the label.
    assume(len(matches) == 1 and matches[0].cue == c and result.label == c.label)
    negated = text.replace(f" {phrase} ", f" {negator} {phrase} ", 1)
    assert stance_of(negated, target=NK).label != result.label


@settings(max_examples=100, deadline=None)
@given(unrelated_text)
def test_unrelated_text_is_none(text: str) -> None:
    assert stance_of(text, target=NK).label == "none"
    assert stance_of(text, target=NK, model=default_model()).label == "none"


def test_empty_text_is_none() -> None:
    for model in (RuleStanceModel(), default_model()):
        assert stance_of("", target=NK, model=model).label == "none"


@settings(max_examples=100, deadline=None)
@given(any_text | newsy_text)
def test_prediction_is_deterministic_and_spans_are_valid(text: str) -> None:
    first = stance_of(text, target=NK, model=default_model())
    again = stance_of(text, target=NK, model=default_model())
    fresh = stance_of(text, target=NK, model=RuleStanceModel())
    assert first == again
    assert first.label in NK.labels
    assert 0.0 <= first.score <= 1.0
    assert fresh == stance_of(text, target=NK, model=RuleStanceModel())
    for span in first.evidence:
        assert span.is_valid_for(text)


@settings(max_examples=100, deadline=None)
@given(newsy_text, st.data())
def test_apply_stance_keeps_quotes_and_offsets(text: str, data: st.DataObject) -> None:
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = Quote(id="q", segments=(Span.of(text, start, end),), kind=QuoteKind.DIRECT)
    (out,) = apply_stance(text, (quote,), model=default_model(), target=NK)
    assert out.segments == quote.segments
    assert out.stance is not None
    for span in out.stance.evidence:
        assert span.is_valid_for(text)
    item = StanceInput(text=text, quote=out, sentence=out.sentence)
    assert default_model().predict(item, NK) == default_model().predict(item, NK)


def test_prediction_does_not_depend_on_hash_seed() -> None:
    text = (
        "We will not ease sanctions, while more can be done to tighten sanctions "
        "enforcement, until the verification of denuclearization; humanitarian aid may flow."
    )
    code = (
        "import sys; from nkquotes.stance import default_model, builtin_target, stance_of;"
        "print(repr(stance_of(sys.argv[1], target=builtin_target(), model=default_model())))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", code, text], capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
