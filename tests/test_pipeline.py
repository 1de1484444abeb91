"""Pipeline composition: declared capabilities, checks at construction, replacing stages."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

from nkquotes import (
    ConfigurationError,
    Document,
    InputError,
    Problem,
    Quote,
    QuoteKind,
    Span,
    StanceResult,
)
from nkquotes._pipeline import Pipeline, Stage, coerce_published, extract
from nkquotes.stance import StanceInput, Target
from tests.conftest import SEED_NAMES, load_seed

TEXT = 'Talks stall\n\n"We will not move," the minister said on Monday.\n'


def _identity(document: Document) -> Document:
    return document


def test_default_pipeline_order_and_capabilities() -> None:
    pipeline = Pipeline.default()
    assert pipeline.names == ("structure", "quotes", "speakers", "dates", "stance")
    assert pipeline.stage("quotes").requires == {"article"}
    assert {"article", "quotes", "entities", "published", "stance"} <= pipeline.provides
    assert len(pipeline) == 5


def test_pipeline_fills_the_document() -> None:
    document = Pipeline.default()(TEXT, published="2019-04-10", id="a1")
    assert document.text == TEXT
    assert document.id == "a1"
    assert document.article is not None
    assert document.published == dt.date(2019, 4, 10)
    for quote in document.quotes:
        assert quote.stance is not None


def test_wrong_order_fails_at_construction() -> None:
    default = Pipeline.default()
    reordered = [default.stage("quotes"), default.stage("structure")]
    with pytest.raises(
        ConfigurationError, match=r"stage 'quotes' requires 'article', which no earlier stage"
    ):
        Pipeline(reordered)


def test_removing_a_needed_stage_fails_naming_the_dependant() -> None:
    with pytest.raises(ConfigurationError, match=r"stage 'speakers' requires 'quotes'"):
        Pipeline.default().without("quotes")


def test_without_stance_leaves_stance_unset() -> None:
    text, _ = load_seed(SEED_NAMES[0])
    pipeline = Pipeline.default().without("stance")
    assert "stance" not in pipeline.names
    document = pipeline(text)
    assert all(q.stance is None for q in document.quotes)


def test_duplicate_and_unknown_names() -> None:
    stage = Stage("x", _identity)
    with pytest.raises(ConfigurationError, match="two stages named 'x'"):
        Pipeline([stage, stage])
    with pytest.raises(ConfigurationError, match="no stage named 'nope'"):
        Pipeline.default().without("nope")
    with pytest.raises(ConfigurationError, match="must be Stage objects"):
        Pipeline([_identity])  # type: ignore[list-item]


def test_replace_with_plain_callable_keeps_declarations() -> None:
    text = "Headline\n\nBody."

    def fake_quotes(document: Document) -> Document:
        quote = Quote(id="mine", segments=(Span.of(document.text, 10, 14),), kind=QuoteKind.DIRECT)
        problem = Problem(code="custom", message="from my stage")
        return attrs.evolve(document, quotes=(quote,), problems=(problem,))

    pipeline = Pipeline.default().replace("quotes", fake_quotes)
    assert pipeline.stage("quotes").provides == Pipeline.default().stage("quotes").provides
    document = pipeline(text)
    assert [q.id for q in document.quotes] == ["mine"]
    assert document.quotes[0].text == "Body"
    assert document.problems == (Problem(code="custom", message="from my stage"),)
    assert document.quotes[0].stance is not None  # later stages ran on my quotes


def test_custom_stage_appended_and_inserted() -> None:
    seen: list[str] = []

    def record(document: Document) -> Document:
        seen.append("ran")
        return document

    tagger = Stage("tagger", record, requires=["quotes"], provides=["tags"])
    pipeline = Pipeline.default().insert_after("quotes", tagger)
    assert pipeline.names.index("tagger") == 2
    pipeline("Hi.")
    assert seen == ["ran"]
    with pytest.raises(ConfigurationError, match=r"stage 'tagger' requires 'quotes'"):
        Pipeline([Pipeline.default().stage("structure"), tagger])
    needs_tags = Stage("later", _identity, requires="tags")
    assert pipeline.append(needs_tags).names[-1] == "later"


def test_stage_returning_wrong_type_or_text() -> None:
    bad = Pipeline([Stage("bad", lambda d: None)])  # type: ignore[arg-type,return-value]
    with pytest.raises(ConfigurationError, match="stage 'bad' returned NoneType"):
        bad("x")
    rewrite = Pipeline([Stage("rewrite", lambda d: attrs.evolve(d, text="y"))])
    with pytest.raises(ConfigurationError, match="stage 'rewrite' changed the document text"):
        rewrite("x")


def test_custom_stance_model_and_target_flow_through() -> None:
    class Always:
        def predict(self, item: StanceInput, target: Target) -> StanceResult | None:
            return StanceResult(target=target.name, label=target.labels[0], score=0.5)

    target = Target(name="talks", labels=("for", "against", "none"))
    text, _ = load_seed(SEED_NAMES[0])
    document = Pipeline.default(target=target, stance_model=Always())(text)
    for quote in document.quotes:
        assert quote.stance == StanceResult(target="talks", label="for", score=0.5)


def test_published_reaches_dates_stage() -> None:
    captured: list[dt.date | None] = []

    def spy(document: Document) -> Document:
        captured.append(document.published)
        return document

    pipeline = Pipeline.default().insert_after("quotes", Stage("spy", spy))
    pipeline(TEXT, published=dt.date(2019, 4, 10))
    pipeline(TEXT, published=dt.datetime(2020, 1, 2, 3, 4))
    pipeline(TEXT)
    assert captured == [dt.date(2019, 4, 10), dt.date(2020, 1, 2), None]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2019-13-01", r"invalid published date '2019-13-01' \(expected YYYY-MM-DD\)"),
        ("April 10", r"invalid published date 'April 10'"),
        (20190410, r"invalid published date of type int"),
    ],
)
def test_bad_published_is_an_input_error(value: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract(TEXT, published=value)


def test_coerce_published_accepts_iso_with_spaces() -> None:
    assert coerce_published(" 2019-04-10 ") == dt.date(2019, 4, 10)
    assert coerce_published(None) is None


@pytest.mark.parametrize("value", [None, b"bytes", 3, ["a"]])
def test_non_str_text_is_an_input_error(value: object) -> None:
    with pytest.raises(InputError, match="text must be str, not"):
        extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_extract_equals_default_pipeline_and_rebuilt_pipeline(name: str) -> None:
    text, gold = load_seed(name)
    built = Pipeline.default()
    first = extract(text, published=gold.get("published"))
    assert built(text, published=gold.get("published")) == first
    assert Pipeline(list(built)).__call__(text, published=gold.get("published")) == first
    assert extract(text, published=gold.get("published")) == first  # reuse is stable


def test_default_pipeline_pickles() -> None:
    pipeline = Pipeline.default()
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.names == pipeline.names
    assert clone(TEXT) == pipeline(TEXT)


def test_extract_takes_a_target() -> None:
    target = Target(name="talks", labels=("for", "against", "none"))
    text = 'Talks\n\n"We will talk," the minister said.\n'
    document = extract(text, target=target)
    assert document.quotes, "the example has a direct quote"
    assert {q.stance.target for q in document.quotes if q.stance} == {"talks"}
    assert Pipeline.default(target=target)(text) == document
