"""The batch API: in order, lazy, errors carried per item, same results across processes."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from nkquotes import ConfigurationError, Document
from nkquotes._batch import BatchResult, extract_many
from nkquotes._pipeline import Pipeline, Stage, extract
from tests.conftest import SEED_NAMES, load_seed


def _seed_records() -> list[dict[str, Any]]:
    records = []
    for name in SEED_NAMES:
        text, gold = load_seed(name)
        records.append({"id": name, "text": text, "published": gold.get("published")})
    return records


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_matches_extract_in_order(jobs: int) -> None:
    records = _seed_records() * 3  # more items than one chunk, to exercise ordering
    results = list(extract_many(records, jobs=jobs, chunksize=1))
    assert [r.index for r in results] == list(range(len(records)))
    assert [r.id for r in results] == [r["id"] for r in records]
    for record, result in zip(records, results, strict=True):
        assert result.ok, result.error
        expected = attrs.evolve(
            extract(record["text"], published=record["published"]), id=record["id"]
        )
        assert result.document == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_records_are_reported_and_the_rest_processed(jobs: int) -> None:
    items: list[Any] = [
        "First article.",
        {"id": "no-text"},
        {"id": 17, "text": b"bytes"},
        {"id": "bad-date", "text": "x", "published": "2019-02-30"},
        42,
        {"id": "good", "text": "Second article.", "published": "2019-04-10"},
    ]
    results = list(extract_many(items, jobs=jobs))
    assert [r.ok for r in results] == [True, False, False, False, False, True]
    assert [(r.id, r.error) for r in results if not r.ok] == [
        ("no-text", "record has no 'text'"),
        ("17", "record 'text' must be a string, not bytes"),
        ("bad-date", "invalid published date '2019-02-30' (expected YYYY-MM-DD)"),
        (None, "expected a text or a record, got int"),
    ]
    assert results[4].label == "item 4"
    assert results[2].label == "id 17"
    assert results[0].document is not None
    assert results[0].document.text == "First article."
    good = results[5].document
    assert good is not None
    assert good.id == "good"
    assert good.published == dt.date(2019, 4, 10)


def _explode(document: Document) -> Document:
    if "boom" in document.text:
        raise RuntimeError("stage blew up")
    return document


def test_a_failing_stage_fails_only_its_item() -> None:
    pipeline = Pipeline.default().append(Stage("explode", _explode))
    results = list(extract_many(["fine", "boom", "fine too"], pipeline=pipeline, jobs=2))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == "internal error: RuntimeError: stage blew up"


def test_default_published_applies_unless_the_record_has_one() -> None:
    results = list(
        extract_many(
            ["a", {"text": "b"}, {"text": "c", "published": "2020-01-01"}],
            published="2019-04-10",
        )
    )
    dates = [r.document.published if r.document else None for r in results]
    assert dates == [dt.date(2019, 4, 10), dt.date(2019, 4, 10), dt.date(2020, 1, 1)]


def _endless() -> Iterator[str]:
    for n in itertools.count():
        yield f"Article {n}."


@pytest.mark.parametrize("jobs", [1, 2])
def test_streams_lazily_from_an_endless_input(jobs: int) -> None:
    results = extract_many(_endless(), jobs=jobs, chunksize=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [r.document.text if r.document else None for r in first] == [
        f"Article {n}." for n in range(5)
    ]


def test_custom_pipeline_is_used_in_workers() -> None:
    pipeline = Pipeline.default().without("stance")
    text, _ = load_seed(SEED_NAMES[0])
    (result,) = extract_many([text], pipeline=pipeline, jobs=2)
    assert result.document == pipeline(text)
    assert result.document is not None
    assert all(q.stance is None for q in result.document.quotes)


def test_unpicklable_pipeline_with_jobs_fails_early() -> None:
    pipeline = Pipeline.default().append(Stage("lambda", lambda d: d))
    with pytest.raises(ConfigurationError, match="cannot be sent to worker processes"):
        extract_many(["x"], pipeline=pipeline, jobs=2)
    # one process needs no pickling
    assert [r.ok for r in extract_many(["x"], pipeline=pipeline)] == [True]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"jobs": 0}, "jobs must be a positive integer"),
        ({"jobs": True}, "jobs must be a positive integer"),
        ({"chunksize": 0}, "chunksize must be a positive integer"),
    ],
)
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        extract_many(["x"], **options)


def test_batch_result_label_prefers_source() -> None:
    assert BatchResult(index=0, id="a", source="c.jsonl:3").label == "c.jsonl:3 (id a)"
    assert BatchResult(index=0, id="a.txt", source="a.txt").label == "a.txt"
    assert BatchResult(index=2).label == "item 2"


def test_pipeline_batch_and_json_modules_import_nothing_heavy() -> None:
    import subprocess
    import sys

    heavy = ["argparse", "concurrent.futures", "csv", "dateparser", "jsonschema", "multiprocessing"]
    code = (
        "import sys, nkquotes, nkquotes._pipeline, nkquotes._batch, nkquotes._serialize, "
        "nkquotes._deserialize, nkquotes._rows\n"
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
