"""The stance contract, the built-in target and the rule-and-lexicon model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nkquotes import ConfigurationError, Quote, QuoteKind, SchemaError, Span
from nkquotes.stance import (
    LexiconCue,
    RuleStanceModel,
    StanceInput,
    StanceModel,
    Target,
    apply_stance,
    builtin_target,
    default_model,
    find_cues,
    load_target,
    stance_of,
    target_from_dict,
)
from nkquotes.stance._evaluate import gold_items_from
from tests.conftest import SEED_NAMES, load_seed

NK = builtin_target()


def label(text: str) -> str:
    return stance_of(text, target=NK).label


# --- the built-in target ----------------------------------------------------------------


def test_builtin_target_is_data_with_labels_and_cues() -> None:
    assert NK.name == "nk-sanctions"
    assert NK.labels == ("pressure", "relief", "none")
    assert NK.neutral == "none"
    assert NK.opposite("pressure") == "relief"
    assert NK.opposite("relief") == "pressure"
    assert len(NK.cues) > 50
    assert {c.label for c in NK.cues} == {"pressure", "relief"}


def test_builtin_target_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(NK.to_dict()), encoding="utf-8")
    assert load_target(path) == NK


def test_every_builtin_cue_compiles_and_matches_its_own_words() -> None:
    # A cue phrase written out plainly (first alternative, prefixes as they stand) matches.
    for cue in NK.cues:
        words = [
            tok.split("|")[0].rstrip("*") for tok in cue.phrase.split() if tok not in ("~", "~~")
        ]
        text = " ".join(words)
        found = find_cues(text, NK, (Span.of(text, 0, len(text)),))
        assert any(m.cue == cue for m in found), cue.phrase


# --- targets from files --------------------------------------------------------------------


def test_bad_targets_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError):
        Target(name="t", labels=("a", "b"), neutral="none")
    with pytest.raises(ConfigurationError):
        Target(name="t", labels=("a", "none"), cues=(LexiconCue(phrase="x", label="zzz"),))
    with pytest.raises(ConfigurationError):
        Target(name="t", labels=("a", "none"), cues=(LexiconCue(phrase="x", label="none"),))
    with pytest.raises(ConfigurationError):
        Target(name="t", labels=("a", "none"), cues=(LexiconCue(phrase="x", label="a", weight=0),))


def test_malformed_target_json_is_a_schema_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaError):
        target_from_dict({"labels": ["a", "none"]})
    with pytest.raises(SchemaError):
        target_from_dict({"name": "t", "labels": ["a", "none"], "cues": [{"label": "a"}]})
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SchemaError):
        load_target(path)
    with pytest.raises(ConfigurationError):
        load_target(tmp_path / "missing.json")


@pytest.mark.parametrize("phrase", ["~ sanctions", "lift ~", "a ~ ~ b", "li* sanctions", "a||b"])
def test_bad_cue_phrases_are_rejected_when_used(phrase: str) -> None:
    target = Target(name="t", labels=("a", "none"), cues=(LexiconCue(phrase=phrase, label="a"),))
    with pytest.raises(ConfigurationError):
        stance_of("some text", target=target)


def test_a_user_target_in_a_file_labels_text(tmp_path: Path) -> None:
    # The docs' recipe: a new target in a JSON file, labels in a few lines.
    path = tmp_path / "tariffs.json"
    path.write_text(
        json.dumps(
            {
                "name": "us-tariffs",
                "labels": ["for", "against", "none"],
                "opposites": {"for": "against", "against": "for"},
                "cues": [
                    {"phrase": "rais*|impos* ~ tariff*", "label": "for", "weight": 2},
                    {"phrase": "cut*|scrap*|lift* ~ tariff*", "label": "against", "weight": 2},
                ],
            }
        ),
        encoding="utf-8",
    )
    target = load_target(path)
    assert stance_of("We will raise tariffs on steel.", target=target).label == "for"
    assert stance_of("Tariffs must not be raised.", target=target).label == "none"
    assert stance_of("We should never raise tariffs.", target=target).label == "against"
    assert stance_of("They plan to scrap the tariffs.", target=target).label == "against"
    assert stance_of("The weather was fine.", target=target).label == "none"


# --- the rules: negation, hedges, contrast, reported demands, other topics -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions should be lifted.", "relief"),
        ("No sanctions should be lifted.", "pressure"),
        ("Sanctions should not be lifted.", "pressure"),
        ("We will never ease sanctions.", "pressure"),
        ("We must keep sanctions in place.", "pressure"),
        ("We must not keep sanctions on them forever.", "relief"),
        ("The US needs to stop increasing pressure and sanctions.", "relief"),
        ("They asked for the removal of sanctions.", "relief"),
        ("He called for stronger sanctions on North Korea.", "pressure"),
        ("He would leave a little room in the sanctions regime.", "relief"),
        ("Sanctions will stay until denuclearization is verified.", "pressure"),
        ("The sanctions will prove counter-productive.", "relief"),
        ("The withdrawal of sanctions sent the wrong message.", "pressure"),
        ("The missile flew 900 kilometres before landing in the sea.", "none"),
        ("We had a very good lunch and talked about football.", "none"),
        ("", "none"),
    ],
)
def test_rule_labels(text: str, expected: str) -> None:
    assert label(text) == expected


def test_contrast_weighs_the_main_clause() -> None:
    text = (
        "While some say we could ease sanctions a little, no sanctions should be lifted "
        "until denuclearization is complete."
    )
    assert label(text) == "pressure"
    text = "You may think sanctions are ineffective, but they are very effective."
    assert label(text) == "pressure"


def test_hedged_cue_still_counts() -> None:
    result = stance_of("Her government might seek exemptions from sanctions.", target=NK)
    assert result.label == "relief"
    plain = stance_of("Her government will seek exemptions from sanctions.", target=NK)
    assert result.score <= plain.score


def test_relayed_demand_of_someone_else_does_not_count() -> None:
    assert label("His efforts were undermined by calls for sanctions relief.") == "none"


def test_quoted_slogan_is_named_not_argued() -> None:
    assert label("The wind has gone out of 'maximum pressure'.") == "none"
    assert label("We will keep up maximum pressure on the regime.") == "pressure"


def test_evidence_is_the_cue_and_its_negator() -> None:
    text = "No sanctions should be lifted."
    result = stance_of(text, target=NK)
    words = {text[s.start : s.end] for s in result.evidence}
    assert "No" in words
    assert any("lifted" in w for w in words)
    assert 0.5 <= result.score <= 1.0


def test_rules_abstain_without_cues() -> None:
    item = StanceInput.from_text("Nothing to see here.")
    assert RuleStanceModel().predict(item, NK) is None


def test_context_cue_outside_the_quote_counts_less() -> None:
    text = 'Markey called for stronger sanctions, saying "the talks went well."'
    start = text.index("the talks")
    quote = Quote(
        id="q",
        segments=(Span.of(text, start, start + len("the talks went well.")),),
        kind=QuoteKind.DIRECT,
    )
    sentence = Span.of(text, 0, len(text))
    (match,) = find_cues(text, NK, quote.segments, sentence)
    assert not match.in_quote
    assert match.weight < match.cue.weight


# --- seeds: every gold label, with evidence inside the quote or its sentence --------------


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("model", [RuleStanceModel(), default_model()], ids=["rules", "default"])
def test_seed_stance_labels_are_reproduced(name: str, model: StanceModel) -> None:
    text, gold = load_seed(name)
    items = gold_items_from(text, gold, name)
    assert len(items) == len(gold["quotes"])
    for g in items:
        result = model.predict(g.item, NK)
        got = NK.neutral if result is None else result.label
        assert got == g.label, g.item.quote.text
        if result is None:
            continue
        assert result.evidence
        sentence = g.item.sentence
        assert sentence is not None
        for span in result.evidence:
            assert span.is_valid_for(text)
            assert sentence.contains(span) or any(
                seg.contains(span) for seg in g.item.quote.segments
            ), span


def test_replies_take_their_stance_from_what_they_answer() -> None:
    text = (
        "North Korean officials claimed they had asked for the removal of sanctions. "
        "US officials retorted that those were effectively all the sanctions."
    )
    start = text.index("those were")
    quote = Quote(id="r", segments=(Span.of(text, start, len(text) - 1),), kind=QuoteKind.INDIRECT)
    sentence = Span.of(text, text.index("US officials"), len(text))
    result = RuleStanceModel().predict(StanceInput(text=text, quote=quote, sentence=sentence), NK)
    assert result is not None
    assert result.label == "pressure"
    assert [s.text for s in result.evidence] == ["retorted"]


def test_import_stays_lazy() -> None:
    code = (
        "import nkquotes, nkquotes.stance as s, nkquotes.stance._lexicon as r;"
        "assert s.builtin_target.cache_info().currsize == 0;"
        "assert s.builtin_learned_model.cache_info().currsize == 0;"
        "assert r.lexicon_of.cache_info().currsize == 0"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_apply_stance_sets_every_quote_and_fills_the_sentence() -> None:
    text = "Kim said sanctions must be lifted. Lee said the weather was fine."
    q1 = Quote(id="a", segments=(Span.of(text, 9, 33),), kind=QuoteKind.INDIRECT)
    q2 = Quote(id="b", segments=(Span.of(text, 44, 64),), kind=QuoteKind.INDIRECT)
    out = apply_stance(text, (q1, q2), model=RuleStanceModel(), target=NK)
    assert [q.stance.label for q in out if q.stance] == ["relief", "none"]
    assert out[1].stance is not None
    assert out[1].stance.score == 0.0
