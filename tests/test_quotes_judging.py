"""Verbs that judge someone "as" something report a claim when quoted words carry it."""

from __future__ import annotations

import pytest

from tests.test_quotes import _find


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        (
            "The senator portrayed the governor as “a reckless gambler” in the speech.",
            "portrayed",
            "the governor as “a reckless gambler”",
        ),
        (
            "Critics have characterized the bill as “a giveaway to banks.”",
            "have characterized",
            "the bill as “a giveaway to banks.”",
        ),
        (
            "The mayor bashed the plan as “a disaster for renters.”",
            "bashed",
            "the plan as “a disaster for renters.”",
        ),
    ],
)
def test_judging_with_quoted_words_is_a_mixed_quote(body: str, cue: str, content: str) -> None:
    quotes = _find(body)
    assert [(q.kind.value, q.text) for q in quotes] == [("mixed", content)]
    assert quotes[0].cue is not None
    assert quotes[0].cue.span.text == cue


@pytest.mark.parametrize(
    "body",
    [
        "The rain kept pounding the roof as the storm arrived.",
        "The film portrayed the city as a quiet place.",
    ],
)
def test_judging_without_quoted_words_is_not_a_quote(body: str) -> None:
    assert _find(body) == []


def test_occasion_after_a_new_judging_verb_is_cut() -> None:
    body = "The mayor bashed the plan as “a disaster for renters” during a rally on Monday."
    assert [q.text for q in _find(body)] == ["the plan as “a disaster for renters”"]
