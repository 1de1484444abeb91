"""Properties of quote finding on generated articles and arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import (
    Article,
    Paragraph,
    QuoteKind,
    Span,
    find_quotes,
    parse_article,
    split_sentences,
)
from tests.strategies import any_text, newsy_text

_WORDS = [
    "we",
    "will",
    "keep",
    "working",
    "toward",
    "peace",
    "and",
    "the",
    "talks",
    "must",
    "go",
    "on",
    "because",
    "the",
    "region",
    "needs",
    "stability",
    "more",
    "than",
    "ever",
    "before",
    "this",
    "year",
    "our",
    "partners",
    "agree",
    "it",
    "is",
    "time",
    "to",
    "act",
]
_FILLER = [
    "The meeting took place in the capital on a cold morning.",
    "Delegations from both countries arrived a day early.",
    "The summit ended without a joint communique.",
    "Markets in the region were calm throughout the week.",
]
_SPEAKERS = ["he", "she", "Kim Jong-un", "the minister", "US officials", "Mike Pompeo"]
_CUES = ["said", "added", "noted", "told reporters"]


def article_of(text: str) -> Article:
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            span = Span.of(text, pos, pos + len(line))
            paragraphs.append(
                Paragraph(span=span, sentences=split_sentences(text, span.start, span.end))
            )
        pos += len(line) + 1
    return Article(paragraphs=tuple(paragraphs))


@st.composite
def _content(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12))
    return words[0].capitalize() + " " + " ".join(words[1:])


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


@st.composite
def quoted_paragraph(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Paragraph lines holding one direct quote, and the exact segments expected."""
    c1 = draw(_content())
    c2 = draw(_content())
    speaker = draw(st.sampled_from(_SPEAKERS))
    cue = draw(st.sampled_from(_CUES))
    order = draw(st.integers(0, 8))
    if order == 0:
        return [f'"{c1}," {speaker} {cue}.'], [f"{c1},"]
    if order == 1:
        name = draw(st.sampled_from(["Kim Jong-un", "the minister", "Mike Pompeo"]))
        return [f"“{c1},” {draw(st.sampled_from(['said', 'added']))} {name}."], [f"{c1},"]
    if order == 2:
        return [f'{_cap(speaker)} {cue}: "{c1}."'], [f"{c1}."]
    if order == 3:
        return [f"{_cap(speaker)} {cue}, “{c1}.”"], [f"{c1}."]
    if order == 4:
        return [f'"{c1}," {speaker} {cue}. "{c2}."'], [f"{c1},", f"{c2}."]
    if order == 5:
        return [f"“{c1},” {speaker} {cue}, “{c2}.”"], [f"{c1},", f"{c2}."]
    if order == 6:
        return [f"{_cap(speaker)} {cue}:", f'"{c1}."'], [f"{c1}."]
    if order == 7:
        return [f'{_cap(speaker)} {cue}: "{c1}.', f'"{c2}."'], [f"{c1}.", f"{c2}."]
    return [f'"{c1}" - {_cap(speaker)}'], [c1]


@settings(deadline=None, max_examples=150)
@given(
    st.lists(st.sampled_from(_FILLER), max_size=3),
    quoted_paragraph(),
    st.lists(st.sampled_from(_FILLER), max_size=3),
)
def test_inserted_quote_is_found_with_exact_segments(
    before: list[str], quote: tuple[list[str], list[str]], after: list[str]
) -> None:
    lines, expected = quote
    text = "\n\n".join([*before, *lines, *after])
    finding = find_quotes(text, article_of(text))
    direct = [q for q in finding.quotes if q.kind is QuoteKind.DIRECT]
    assert [[s.text for s in q.segments] for q in direct] == [expected]
    assert direct[0].cue is not None or expected == [lines[0][1:-1].split('"')[0]]
    assert len(finding.quotes) == 1


@settings(deadline=None, max_examples=200)
@given(st.one_of(any_text, newsy_text))
def test_arbitrary_text_never_raises(text: str) -> None:
    finding = find_quotes(text, parse_article(text))
    for q in finding.quotes:
        assert q.segments
        for span in q.segments:
            assert span.is_valid_for(text)
        assert 0.0 <= q.confidence <= 1.0
    for problem in finding.problems:
        assert problem.span is None or problem.span.is_valid_for(text)


@settings(deadline=None, max_examples=150)
@given(
    quoted_paragraph(),
    st.sampled_from(['"', "“", "”", "«", "»", "‘"]),
    st.integers(0, 60),
    st.booleans(),
)
def test_unbalanced_mark_keeps_other_quotes(
    quote: tuple[list[str], list[str]], mark: str, where: int, first: bool
) -> None:
    lines, expected = quote
    filler = "The summit ended without a joint communique and delegations left."
    where = min(where, len(filler))
    broken = filler[:where] + mark + filler[where:]
    parts = [broken, *lines] if first else [*lines, broken]
    text = "\n\n".join(parts)
    finding = find_quotes(text, article_of(text))
    found = [[s.text for s in q.segments] for q in finding.quotes if q.kind is QuoteKind.DIRECT]
    assert expected in found
