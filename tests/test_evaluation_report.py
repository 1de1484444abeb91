"""Dataset reports and the ``evaluate`` command, on a hand-made article with known figures."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from nkquotes import (
    Agency,
    Article,
    DateSource,
    Document,
    Quote,
    QuoteDate,
    QuoteKind,
    Span,
    Speaker,
    StanceResult,
)
from nkquotes.evaluation import (
    DatasetReport,
    GoldArticle,
    GoldQuote,
    GoldStructure,
    evaluate_dataset,
    load_gold_json,
    predicted_quotes,
)
from nkquotes.evaluation._command import configure, run

from .conftest import SEEDS_DIR

TEXT = (
    "Talks collapse\n\n"
    'SEOUL (Yonhap) -- "Sanctions must stay," Kim said on Monday. '
    "Lee said the talks would go on. "
    'Park warned that there would be "grave" results. The weather was fine.'
)
PUBLISHED = dt.date(2019, 4, 9)
MONDAY = dt.date(2019, 4, 8)


def at(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return (start, start + len(part))


def span(part: str) -> Span:
    return Span.of(TEXT, *at(part))


GOLD = GoldArticle(
    id="hand",
    text=TEXT,
    published=PUBLISHED,
    quotes=(
        GoldQuote(
            segments=[at("Sanctions must stay,")],
            kind="direct",
            speaker="Kim",
            stance="pressure",
            date=MONDAY,
        ),
        GoldQuote(
            segments=[at("the talks would go on")], kind="indirect", speaker="Lee", stance="relief"
        ),
        GoldQuote(
            segments=[at('there would be "grave" results')],
            kind="mixed",
            speaker="Park",
            stance="none",
        ),
    ),
    structure=GoldStructure(
        title="Talks collapse", dateline="SEOUL (Yonhap) --", byline=None, agency="Yonhap"
    ),
)


def quote(n: int, part: str, kind: QuoteKind, speaker: str, label: str) -> Quote:
    return Quote(
        id=f"q{n}",
        segments=(span(part),),
        kind=kind,
        speaker=Speaker(mention=None, name=speaker),
        stance=StanceResult(target="nk", label=label, score=1.0),
        date=QuoteDate(date=MONDAY, source=DateSource.RELATIVE),
    )


DOCUMENT = Document(
    text=TEXT,
    article=Article(
        title=span("Talks collapse"),
        agencies=(Agency(name="yonhap", span=span("Yonhap")),),
    ),
    quotes=(
        # Recalled, right speaker, right stance, right date.
        quote(1, '"Sanctions must stay,"', QuoteKind.DIRECT, "Kim", "pressure"),
        # Recalled, wrong speaker, stance none where gold says relief.
        quote(2, "the talks would go on", QuoteKind.INDIRECT, "Kim", "none"),
        # Assigned to the mixed gold but far too short to recall it.
        quote(3, '"grave"', QuoteKind.DIRECT, "Park", "none"),
        # A false positive.
        quote(4, "The weather was fine.", QuoteKind.INDIRECT, "Park", "none"),
    ),
)

SEEN: list[object] = []


def fake_extract(text: str, *, published: dt.date | None = None) -> Document:
    SEEN.append(published)
    assert text == TEXT
    return DOCUMENT


@pytest.fixture
def report() -> DatasetReport:
    SEEN.clear()
    return evaluate_dataset([GOLD], name="hand", extractor=fake_extract)


def test_predicted_quotes_from_a_document() -> None:
    first = predicted_quotes(DOCUMENT)[0]
    assert first.segments == (at('"Sanctions must stay,"'),)
    assert (first.speaker, first.stance, first.date, first.kind) == (
        "Kim",
        "pressure",
        MONDAY,
        "direct",
    )


def test_report_figures(report: DatasetReport) -> None:
    assert SEEN == [PUBLISHED, PUBLISHED]  # one untimed warm-up call, then the timed one
    assert report.kind("direct").recall == 1.0
    assert report.kind("mixed").recall == 0.0
    assert report.kind("indirect").recall == 1.0
    assert report.overall.gold == 3
    assert report.overall.recalled == 2
    assert (report.predicted, report.strict_hits, report.lenient_hits) == (4, 2, 3)
    assert report.precision_strict == 0.5
    assert report.precision_lenient == 0.75
    assert report.kind("indirect").speaker_accuracy == 0.0
    assert report.overall.speaker_accuracy == 0.5
    assert report.overall.end_to_end == 1
    assert report.stance.labels == ("pressure", "relief", "none")
    assert report.stance.matrix == ((1, 0, 0), (0, 0, 1), (0, 0, 0))
    # F1: pressure 1, relief 0, none 0 (one prediction, no gold).
    assert report.stance.macro_f1 == pytest.approx(1 / 3)
    assert report.stance.accuracy == 0.5
    assert (report.dates_judged, report.dates_correct) == (1, 1)
    assert report.structure is not None
    assert report.structure.accuracy("title") == 1.0
    assert report.structure.accuracy("dateline") == 0.0
    assert report.structure.accuracy("byline") == 1.0
    assert report.structure.accuracy("agency") == 1.0


def test_metrics_are_the_flat_figures(report: DatasetReport) -> None:
    metrics = report.metrics()
    assert metrics["recall.all"] == round(2 / 3, 4)
    assert metrics["precision.strict"] == 0.5
    assert metrics["end_to_end.all"] == round(1 / 3, 4)
    assert metrics["dates.accuracy"] == 1.0
    assert metrics["structure.dateline"] == 0.0
    assert "structure.captions.precision" not in metrics  # nothing predicted: undefined


def test_format_and_errors(report: DatasetReport) -> None:
    text = report.format()
    assert "1 articles, 3 gold quotes, 4 predictions" in text
    assert "precision  strict 50.0% (2/4), lenient 75.0% (3/4)" in text
    assert "errors by article" not in text
    detailed = report.format(errors=True)
    assert 'missed mixed (19% covered): there would be "grave" results' in detailed  # 5 of 26
    assert "false positive: The weather was fine." in detailed
    assert "speaker 'Kim' (mention None), gold 'Lee'" in detailed
    assert "dateline: None, gold 'SEOUL (Yonhap) --'" in detailed


def test_to_dict_is_json(report: DatasetReport) -> None:
    record = json.loads(json.dumps(report.to_dict(errors=True)))
    assert record["articles"] == 1
    assert record["stance"]["confusion"] == [[1, 0, 0], [0, 0, 1], [0, 0, 0]]
    (errors,) = record["errors"]
    assert [e["content"] for e in errors["false_positives"]] == ["The weather was fine."]


def test_speech_table_only_when_some_gold_is_not_speech(report: DatasetReport) -> None:
    assert report.speech_kinds == ()  # every gold of the hand-made article is speech
    assert "speaking or writing only" not in report.format()
    belief = GoldQuote(segments=[at("The weather was fine.")], kind="indirect", speech=False)
    article = attrs.evolve(GOLD, quotes=(*GOLD.quotes, belief))
    mixed = evaluate_dataset([article], name="hand", extractor=fake_extract)
    assert mixed.kind("indirect").gold == 2
    assert mixed.kind("indirect").recalled == 2  # the fourth prediction now finds the belief
    speech = {k.kind: k for k in mixed.speech_kinds}
    assert (speech["indirect"].gold, speech["indirect"].recalled) == (1, 1)
    assert speech["all"].gold == 3
    assert mixed.metrics()["speech.recall.all"] == round(2 / 3, 4)
    assert "speaking or writing only" in mixed.format()


def test_limit() -> None:
    articles = load_gold_json(SEEDS_DIR)
    assert len(evaluate_dataset(articles, limit=1).articles) == 1


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nkquotes evaluate")
    configure(parser)
    return parser.parse_args(list(argv))


def test_command_prints_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args("gold", str(SEEDS_DIR))) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"nkquotes evaluation: gold {SEEDS_DIR}\n2 articles, 23 gold quotes")
    assert run(_args("gold", str(SEEDS_DIR), "--json", "--limit", "1", "--errors")) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["articles"] == 1
    assert len(record["errors"]) == 1


def test_command_reports_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(_args("polnear", str(tmp_path))) == 2
    assert "not a PolNeAR compartment" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _args("gold", "x", "--limit", "-1")
