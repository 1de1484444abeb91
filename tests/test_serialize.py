"""JSON output: the shipped schema, the round trip, and errors on malformed input."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import (
    Agency,
    Article,
    Boilerplate,
    BoilerplateKind,
    Byline,
    Cue,
    Dateline,
    DateSource,
    Document,
    Entity,
    EntityKind,
    InputError,
    Paragraph,
    PartialDate,
    Problem,
    PublishedLine,
    Quote,
    QuoteDate,
    QuoteKind,
    SchemaError,
    Span,
    Speaker,
    StanceResult,
)
from nkquotes._deserialize import from_json, loads
from nkquotes._pipeline import extract
from nkquotes._serialize import (
    SCHEMA_VERSION,
    dumps,
    error_json,
    json_schema,
    to_json,
)
from tests.conftest import SEED_NAMES, load_seed
from tests.strategies import any_text

VALIDATOR = jsonschema.Draft202012Validator(json_schema())

names = st.text(st.characters(codec="utf-8"), max_size=12)
opt_names = st.none() | names
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Documents whose every field is filled at random, with valid spans into the text."""
    text = draw(any_text)

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    def spans(max_size: int = 3) -> tuple[Span, ...]:
        return tuple(span() for _ in range(draw(st.integers(0, max_size))))

    def maybe(make: Any) -> Any:
        return make() if draw(st.booleans()) else None

    article = maybe(
        lambda: Article(
            title=maybe(span),
            dateline=maybe(
                lambda: Dateline(
                    span=span(),
                    city=draw(opt_names),
                    date=maybe(
                        lambda: PartialDate(
                            year=draw(st.none() | st.integers(1, 9999)),
                            month=draw(st.none() | st.integers(1, 12)),
                            day=draw(st.none() | st.integers(1, 31)),
                        )
                    ),
                    agency=draw(opt_names),
                )
            ),
            byline=maybe(lambda: Byline(span=span(), names=tuple(draw(st.lists(names))))),
            agencies=tuple(Agency(name=draw(names), span=s) for s in spans()),
            published=maybe(lambda: PublishedLine(span=span(), date=draw(dates))),
            captions=spans(),
            boilerplate=tuple(
                Boilerplate(span=s, kind=draw(st.sampled_from(BoilerplateKind))) for s in spans()
            ),
            paragraphs=tuple(Paragraph(span=s, sentences=spans()) for s in spans()),
        )
    )
    entity_ids = draw(st.lists(names, unique=True, max_size=3))
    entities = tuple(
        Entity(
            id=eid,
            name=draw(names),
            kind=draw(st.sampled_from(EntityKind)),
            titles=tuple(draw(st.lists(names, max_size=2))),
            affiliation=draw(opt_names),
            party=draw(opt_names),
            mentions=spans(),
        )
        for eid in entity_ids
    )
    quotes = tuple(
        Quote(
            id=draw(names),
            segments=tuple(span() for _ in range(draw(st.integers(1, 3)))),
            kind=draw(st.sampled_from(QuoteKind)),
            cue=maybe(lambda: Cue(span=span(), lemma=draw(names))),
            speaker=maybe(
                lambda: Speaker(
                    mention=maybe(span),
                    name=draw(opt_names),
                    entity=draw(st.none() | st.sampled_from(entity_ids)) if entity_ids else None,
                    reason=draw(names),
                )
            ),
            paragraph=draw(st.integers(0, 50)),
            sentence=maybe(span),
            date=maybe(
                lambda: QuoteDate(
                    date=draw(dates),
                    source=draw(st.sampled_from(DateSource)),
                    expression=maybe(span),
                )
            ),
            stance=maybe(
                lambda: StanceResult(
                    target=draw(names), label=draw(names), score=draw(unit), evidence=spans()
                )
            ),
            confidence=draw(unit),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    return Document(
        text=text,
        article=article,
        quotes=quotes,
        entities=entities,
        published=maybe(lambda: draw(dates)),
        problems=tuple(
            Problem(code=draw(names), message=draw(names), span=maybe(span))
            for _ in range(draw(st.integers(0, 2)))
        ),
        id=draw(opt_names),
    )


@settings(max_examples=80, deadline=None)
@given(documents())
def test_generated_documents_validate_and_round_trip(document: Document) -> None:
    data = to_json(document)
    VALIDATOR.validate(data)
    assert data["schema"] == "nkquotes/1"
    assert from_json(data) == document
    assert from_json(json.loads(json.dumps(data))) == document
    assert loads(dumps(document, indent=2)) == document


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_output_validates_and_round_trips(name: str) -> None:
    text, gold = load_seed(name)
    document = extract(text, published=gold.get("published"))
    data = to_json(document, source=f"{name}.txt")
    VALIDATOR.validate(data)
    assert data["source"] == f"{name}.txt"
    assert data["text"] == text
    assert from_json(data) == document


def _sample() -> Document:
    text = 'Talks\n\n"We wait," Kim said on Monday.'
    q0 = text.index("We")
    kim = text.index("Kim")
    said = text.index("said")
    return Document(
        text=text,
        article=Article(
            title=Span.of(text, 0, 5),
            paragraphs=(Paragraph(span=Span.of(text, 7, len(text))),),
            agencies=(Agency(name="Yonhap", span=Span.of(text, 0, 5)),),
        ),
        quotes=(
            Quote(
                id="q0",
                segments=(Span.of(text, q0, q0 + 8),),
                kind=QuoteKind.DIRECT,
                cue=Cue(span=Span.of(text, said, said + 4), lemma="say"),
                speaker=Speaker(
                    mention=Span.of(text, kim, kim + 3), name="Kim Yo-jong", entity="e0"
                ),
                date=QuoteDate(date=dt.date(2019, 4, 8), source=DateSource.RELATIVE),
                stance=StanceResult(target="nk-sanctions", label="none", score=0.25),
                confidence=0.75,
            ),
        ),
        entities=(
            Entity(
                id="e0",
                name="Kim Yo-jong",
                kind=EntityKind.PERSON,
                mentions=(Span.of(text, kim, kim + 3),),
            ),
        ),
        published=dt.date(2019, 4, 10),
        id="a1",
    )


def test_fields_are_written_as_documented() -> None:
    data = to_json(_sample())
    quote = data["quotes"][0]
    assert quote["span"] == [8, 16]
    assert quote["segments"] == [[8, 16]]
    assert quote["text"] == "We wait,"
    assert quote["kind"] == "direct"
    assert quote["cue"] == {"span": [22, 26], "text": "said", "lemma": "say"}
    assert quote["speaker"] == {
        "span": [18, 21],
        "text": "Kim",
        "name": "Kim Yo-jong",
        "entity": "e0",
        "reason": "unresolved",
    }
    assert quote["date"] == "2019-04-08"
    assert quote["date_source"] == "relative"
    assert quote["stance"] == {
        "target": "nk-sanctions",
        "label": "none",
        "score": 0.25,
        "evidence": [],
    }
    assert quote["confidence"] == 0.75
    assert data["article"]["title"] == {"span": [0, 5], "text": "Talks"}
    assert data["article"]["agency"] == "Yonhap"
    assert data["article"]["paragraphs"] == [{"span": [7, 37], "sentences": []}]
    assert data["entities"][0]["mentions"] == [{"span": [18, 21], "text": "Kim"}]
    assert data["published"] == "2019-04-10"
    assert data["id"] == "a1"


def test_error_record_validates_and_is_not_a_document() -> None:
    record = error_json("no such file", id=None, source="missing.txt")
    VALIDATOR.validate(record)
    with pytest.raises(SchemaError, match="error record"):
        from_json(record)


def _broken(edit: Any) -> dict[str, Any]:
    data = copy.deepcopy(to_json(_sample()))
    edit(data)
    return data


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(schema="nkquotes/2"), r"\$\.schema: expected 'nkquotes/1'"),
        (lambda d: d.pop("text"), r"\$: missing field 'text'"),
        (lambda d: d.update(text=3), r"\$\.text: expected a string, got an integer"),
        (lambda d: d["quotes"][0].update(segments=[[8, 99]]), r"quotes\[0\]\.segments\[0\]"),
        (lambda d: d["quotes"][0].update(segments=[]), r"at least one segment"),
        (lambda d: d["quotes"][0].update(kind="quoted"), r"quotes\[0\]\.kind: 'quoted' is not"),
        (lambda d: d["quotes"][0]["cue"].update(text="says"), r"quotes\[0\]\.cue\.text"),
        (lambda d: d["quotes"][0]["speaker"].update(entity="e9"), r"no entity has id 'e9'"),
        (lambda d: d["quotes"][0].update(span=[0, 1]), r"quotes\[0\]\.span"),
        (lambda d: d["quotes"][0].update(date="2019-13-01"), r"invalid date '2019-13-01'"),
        (lambda d: d["quotes"][0].update(confidence="high"), r"confidence: expected a number"),
        (lambda d: d["entities"][0].update(kind="robot"), r"entities\[0\]\.kind"),
        (lambda d: d["article"].update(agency="AP"), r"article\.agency"),
        (lambda d: d["article"]["paragraphs"][0].update(span=[7, -1]), r"paragraphs\[0\]\.span"),
        (lambda d: d["article"]["title"].update(span=[0, True]), r"expected \[start, end\]"),
    ],
)
def test_malformed_json_raises_schema_error_naming_the_field(edit: Any, message: str) -> None:
    data = _broken(edit)
    with pytest.raises(SchemaError, match=message):
        from_json(data)


def test_loads_rejects_invalid_json() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        loads("{")
    with pytest.raises(SchemaError, match="expected an object"):
        loads("[]")


def test_schema_version_constant() -> None:
    assert SCHEMA_VERSION == "nkquotes/1"
    assert json_schema()["title"] == SCHEMA_VERSION


def test_csv_row_per_quote() -> None:
    import csv
    import io

    from nkquotes._rows import write_csv

    out = io.StringIO(newline="")
    assert write_csv([_sample(), Document(text="none")], out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert rows == [
        {
            "article_id": "a1",
            "quote_id": "q0",
            "start": "8",
            "end": "16",
            "segments": "8-16",
            "kind": "direct",
            "text": "We wait,",
            "cue": "said",
            "cue_lemma": "say",
            "speaker": "Kim Yo-jong",
            "speaker_mention": "Kim",
            "speaker_start": "18",
            "speaker_end": "21",
            "speaker_entity": "e0",
            "date": "2019-04-08",
            "date_source": "relative",
            "stance": "none",
            "stance_score": "0.25",
            "confidence": "0.75",
        }
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", '"', "said", "\n\n", "\ud800", "\udc00", "\udbff", "é"]),
        max_size=20,
    ).map("".join)
)
def test_standard_json_round_trips_or_refuses_a_surrogate_pair(text: str) -> None:
    document = extract(text)
    pair = any(
        "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff" for a, b in itertools.pairwise(text)
    )
    if pair:  # JSON's escapes would read the two code points back as one character
        with pytest.raises(InputError, match="would read back as one character"):
            to_json(document)
    else:
        assert from_json(json.loads(json.dumps(to_json(document)))) == document
