"""Hostile density: paragraphs with thousands of cues or quotations are read in part."""

from __future__ import annotations

from nkquotes import Article, Paragraph, Span, find_quotes, split_sentences
from nkquotes._quotemarks import find_quoted


def one_paragraph(text: str) -> Article:
    span = Span.of(text, 0, len(text))
    sentences = split_sentences(text, 0, len(text))
    return Article(paragraphs=(Paragraph(span=span, sentences=sentences),))


def test_dense_quotations_are_capped_and_reported() -> None:
    text = 'He said "this never closes. ' * 3000
    finding = find_quotes(text, one_paragraph(text))
    assert any(p.code == "too-dense" for p in finding.problems)
    assert 0 < len(finding.quotes) < 3000


def test_dense_cues_are_capped_and_reported() -> None:
    text = "said " * 20000
    finding = find_quotes(text, one_paragraph(text))
    assert finding.quotes == ()
    assert any(p.code == "too-dense" for p in finding.problems)


def test_find_quoted_limit_stops_reading() -> None:
    text = '"a" ' * 50
    blocks, _ = find_quoted(text, 0, len(text), limit=10)
    assert len(blocks) == 11  # one past the limit tells the caller to report it
    assert len(find_quoted(text, 0, len(text))[0]) == 50


def test_news_paragraph_is_not_capped() -> None:
    text = '"We are ready," he said. "Talks will resume," she said. ' * 10
    finding = find_quotes(text, one_paragraph(text))
    assert not any(p.code == "too-dense" for p in finding.problems)
    assert len(finding.quotes) == 20
