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


def test_embedded_post_is_attributed_to_its_credit() -> None:
    text = (
        "Trump reacted on Twitter.\n"
        "North Korea has conducted a major Nuclear Test. Their words are hostile https://t.co/x\n"
        "— Donald J. Trump (@realDonaldTrump) September 3, 2017\n"
    )
    quotes = find_quotes(text, article_of(text)).quotes
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "North Korea has conducted a major Nuclear Test. Their words are hostile"
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == "Donald J. Trump"
    assert q.sentence is not None
    assert q.sentence.text == "— Donald J. Trump (@realDonaldTrump) September 3, 2017"


def test_credit_needs_a_handle() -> None:
    text = "The talks went on for hours without a result.\n— Reporting by Kim\n"
    assert find_quotes(text, article_of(text)).quotes == ()


def test_post_relaying_a_named_speaker() -> None:
    text = (
        "Russia Foreign Min: the test deserves the strongest condemnation\n"
        "— Will Ripley (@willripleyCNN) September 3, 2017\n"
    )
    quotes = find_quotes(text, article_of(text)).quotes
    assert [q.text for q in quotes] == ["the test deserves the strongest condemnation"]
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "Russia Foreign Min"


def test_post_ending_with_its_own_attribution() -> None:
    text = (
        "North Korea has carried out its sixth nuclear test, Japan says https://t.co/8C\n"
        "— BBC Breaking News (@BBCBreaking) September 3, 2017\n"
    )
    quotes = find_quotes(text, article_of(text)).quotes
    assert [q.text for q in quotes] == ["North Korea has carried out its sixth nuclear test"]
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "Japan"
