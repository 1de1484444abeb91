"""The partition core of the Spark and Dask adapters: rows in order, and bad articles either
fail naming themselves or, with ``errors="column"``, become error rows that lose nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import ConfigurationError, InputError
from nkquotes._partitions import (
    ERROR_COLUMN,
    UnreadableArticle,
    columns,
    partition_rows,
)
from nkquotes._pipeline import Pipeline
from nkquotes._rows import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, quote_rows

PIPELINE = Pipeline.default()
GOOD = 'SEOUL -- "We will not talk," Kim Yo Jong said on Monday. Lee said the talks were over.'
ARTICLES: list[tuple[object, object, object]] = [
    ("a1", GOOD, "2019-04-08"),
    ("a2", GOOD, "08/04/2019"),  # not an ISO date
    ("a3", None, None),  # no text: no rows, in either mode
    (4, 17, None),  # text that is not a string
    ("a5", UnreadableArticle("article record has no 'text' key"), None),
    ("a6", GOOD, dt.date(2019, 4, 9)),
]


def test_columns_gain_the_error_column_last() -> None:
    assert columns("quotes") == QUOTE_COLUMNS
    assert columns("entities", "raise") == ENTITY_COLUMNS
    assert columns("quotes", "column") == (*QUOTE_COLUMNS, ERROR_COLUMN)
    assert columns("entities", "column")[-1] == ("error", "string")


def test_unknown_errors_mode_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="errors must be 'raise' or 'column'"):
        columns("quotes", "ignore")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError):
        list(partition_rows(ARTICLES, "quotes", errors="skip"))  # type: ignore[arg-type]


def test_raise_mode_fails_at_the_first_bad_article_naming_it() -> None:
    rows = partition_rows(ARTICLES, "quotes")
    first = next(rows)
    assert first["article_id"] == "a1"
    assert "error" not in first
    with pytest.raises(InputError, match=r"article 'a2'.*08/04/2019"):
        list(rows)


@pytest.mark.parametrize("kind", ["quotes", "entities"])
def test_column_mode_keeps_every_good_row_and_one_row_per_bad_article(kind: str) -> None:
    to_rows = quote_rows if kind == "quotes" else entity_rows
    rows = list(partition_rows(ARTICLES, kind, errors="column"))  # type: ignore[arg-type]
    names = [name for name, _ in columns(kind, "column")]  # type: ignore[arg-type]
    assert all(list(row) == names for row in rows)
    good_a1 = to_rows(PIPELINE(GOOD, published="2019-04-08", id="a1"), "a1")
    good_a6 = to_rows(PIPELINE(GOOD, published=dt.date(2019, 4, 9), id="a6"), "a6")
    assert good_a1  # the example must give rows, or this test proves nothing
    assert good_a6
    failed = [row for row in rows if row["error"] is not None]
    assert [row["article_id"] for row in failed] == ["a2", "4", "a5"]
    assert "08/04/2019" in failed[0]["error"]
    assert "text must be a string, not int" in failed[1]["error"]
    assert "no 'text' key" in failed[2]["error"]
    for row in failed:
        assert all(row[name] is None for name in names if name not in ("article_id", "error"))
    ok = [{k: v for k, v in row.items() if k != "error"} for row in rows if row["error"] is None]
    assert ok == good_a1 + good_a6


def _reference(articles: list[tuple[str, str | None, str | None]]) -> list[dict[str, object]]:
    """What ``errors="column"`` must give, written out article by article."""
    names = [name for name, _ in columns("quotes", "column")]
    expected: list[dict[str, object]] = []
    for aid, text, published in articles:
        if text is None:
            continue
        try:
            document = PIPELINE(text, published=published, id=aid)
        except InputError as exc:
            expected.append(
                {**dict.fromkeys(names), "article_id": aid, "error": f"article {aid!r}: {exc}"}
            )
            continue
        expected += [{**row, "error": None} for row in quote_rows(document, aid)]
    return expected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(max_size=6),
            st.one_of(st.none(), st.text(max_size=80), st.just(GOOD)),
            st.one_of(st.none(), st.text(max_size=12), st.just("2019-04-08")),
        ),
        max_size=4,
    )
)
def test_column_mode_equals_article_by_article_extraction(
    articles: list[tuple[str, str | None, str | None]],
) -> None:
    assert list(partition_rows(articles, "quotes", errors="column")) == _reference(articles)
