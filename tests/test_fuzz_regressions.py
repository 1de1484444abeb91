"""Minimal inputs found by fuzzing (robustness campaign): each once broke a stated property.

A test marked ``xfail(strict=True)`` is a bug not fixed yet: whoever fixes it removes the mark.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import nkquotes
from nkquotes._cli import main
from tests.spans import assert_spans_valid


def _extract_or_library_error(text: str) -> nkquotes.Document | None:
    """The document, or ``None`` when the library refused *text* with an ``NkQuotesError``."""
    try:
        return nkquotes.extract(text)
    except nkquotes.NkQuotesError:
        return None


@pytest.mark.xfail(
    strict=True,
    reason="IndexError in _quotes_orders.according: an 'according to' source trimmed to nothing",
)
@pytest.mark.parametrize("text", ["According to ,", "according to ,\n", "Talks\n\nAccording to  ,"])
def test_according_to_an_empty_source_does_not_crash(text: str) -> None:
    document = _extract_or_library_error(text)
    if document is not None:
        assert_spans_valid(document, text)


def _run_cli_bytes(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    """Run the CLI with UTF-8 byte-backed standard streams, as a real terminal or pipe has."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(err, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(list(argv))
    stdout.flush()
    stderr.flush()
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


@pytest.mark.xfail(
    strict=True,
    reason="CLI: a JSONL record whose text escapes a lone surrogate crashes the writer "
    "(UnicodeEncodeError) instead of being reported as a failed input",
)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "text"])
def test_jsonl_record_with_a_lone_surrogate_is_a_failed_input_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "bad", "text": 'Kim said "we \ud800 go."'}, {"id": "ok", "text": "Fine."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    code, out, err = _run_cli_bytes(
        monkeypatch, "extract", "--input-format", "jsonl", "-f", fmt, str(corpus)
    )
    assert code == 1
    assert "corpus.jsonl:1" in err
    if fmt in ("json", "jsonl"):  # the good record after the bad one is still written
        assert '"ok"' in out


@pytest.mark.xfail(
    strict=True,
    reason="JSON: a text holding a high+low lone-surrogate pair (two code points) comes back "
    "from standard JSON as one astral character, so every later offset is off by one",
)
def test_surrogate_code_point_pair_round_trips_through_standard_json() -> None:
    text = 'Talks\n\n\ud83d\ude00 "We will not yield," Kim said on Monday.'
    document = _extract_or_library_error(text)
    if document is None:
        return
    try:
        data = nkquotes.to_json(document)
    except nkquotes.NkQuotesError:
        return
    assert nkquotes.from_json(json.loads(json.dumps(data))) == document


@pytest.mark.xfail(
    strict=True,
    reason="evaluation._matching.trim indexes past the text: a segment ending after the text "
    "raises IndexError, not InputError",
)
@pytest.mark.parametrize("segment", [(0, 10), (3, 4)])
def test_evaluate_quotes_with_a_segment_past_the_text_raises_an_input_error(
    segment: tuple[int, int],
) -> None:
    from nkquotes.evaluation import GoldQuote, PredictedQuote, evaluate_quotes

    with pytest.raises(nkquotes.NkQuotesError):
        evaluate_quotes("abc", [GoldQuote(segments=[segment], kind="direct")], [])
    with pytest.raises(nkquotes.NkQuotesError):
        evaluate_quotes("abc", [], [PredictedQuote(segments=[segment])])


def _builtin_model_data() -> dict[str, object]:
    from nkquotes.stance import builtin_learned_model

    data: dict[str, object] = builtin_learned_model().to_dict()
    return data


@pytest.mark.xfail(
    strict=True,
    reason="NaiveBayesStanceModel.from_dict accepts non-finite or negative numbers: "
    "OverflowError on load, or ValueError (math domain error) / a NaN score on predict",
)
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("counts", {"sanctions": [float("inf"), 0, 0]}),
        ("counts", {"sanctions": [-5, 0, 0]}),
        ("documents", [-1, 0, 0]),
        ("alpha", 0.0),
        ("alpha", -1.0),
        ("alpha", float("nan")),
    ],
)
def test_a_stance_model_with_bad_numbers_is_a_model_error(field: str, value: object) -> None:
    from nkquotes.stance import NaiveBayesStanceModel, StanceInput, builtin_target

    data = json.loads(json.dumps(_builtin_model_data()))
    if field == "counts":
        data["counts"].update(value)
    else:
        data[field] = value
    try:
        model = NaiveBayesStanceModel.from_dict(data)
        result = model.predict(
            StanceInput.from_text("We must keep up sanctions on North Korea."), builtin_target()
        )
    except nkquotes.ModelError:
        return
    assert result is None or 0.0 <= result.score <= 1.0


@pytest.mark.xfail(
    strict=True,
    reason="tests/test_timex_fast._reference_windows predates 620d3de: it does not extend a "
    "window to the end of the word it would cut, so the pre-check test fails whenever a "
    "window edge lands inside a word (rare on the test's strategies, common on real text)",
)
@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("Monday " + "x" * 29, 36),  # the window after the anchor ends inside the x-run
        ("2nd Sat MondayMonday Monday ", 26),  # found at 10x examples on the test's strategy
        ("Monday MondayWEDNESDAY Tuesdays ", 32),  # the stale reference reads 'Tuesday' there
    ],
)
def test_timex_reference_windows_agree_with_windows_when_an_edge_cuts_a_word(
    text: str, stop: int
) -> None:
    from nkquotes import _timex
    from tests.test_timex_fast import _reference_windows

    assert _reference_windows(text, 0, stop) == _timex._windows(text, 0, stop)
