"""Unquoted statements after a ``X said:`` lead-in paragraph."""

from __future__ import annotations

from nkquotes import QuoteKind, find_quotes
from tests.test_quotes import article_of


def test_statement_after_colon_lead_is_one_record() -> None:
    text = (
        "Kim issued a press statement on Tuesday.\n"
        "The statement said:\n"
        "Some time ago, “defectors” scattered leaflets again.\n"
        "We had already warned the authorities about it.\n"
        "We will no longer tolerate it.\n"
    )
    quotes = find_quotes(text, article_of(text)).quotes
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind is QuoteKind.MIXED
    assert q.cue is not None
    assert q.cue.span.text == "said"
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == "The statement"
    assert [s.text for s in q.segments] == [
        "Some time ago, “defectors” scattered leaflets again",
        "We had already warned the authorities about it",
        "We will no longer tolerate it",
    ]


def test_statement_stops_at_other_speech() -> None:
    text = (
        "The ministry said:\n"
        "The drills are a rehearsal for invasion.\n"
        "Seoul officials said the drills were defensive.\n"
    )
    quotes = find_quotes(text, article_of(text)).quotes
    assert [q.text for q in quotes] == [
        "The drills are a rehearsal for invasion",
        "the drills were defensive",
    ]


def test_colon_without_a_reporting_verb_is_not_a_statement() -> None:
    text = "The measures include:\nNew sanctions on shipping and banks.\n"
    assert find_quotes(text, article_of(text)).quotes == ()
