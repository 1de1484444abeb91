"""Golden test: the bundled seed articles, every gold quote found with kind and cue."""

from __future__ import annotations

from typing import Any

import pytest

from nkquotes import Quote, QuoteKind, find_quotes, parse_article
from tests.conftest import SEED_NAMES, load_seed

_EDGE = " \t\n\"“”„‟«»'‘’.,;:—–-"


def _norm(s: str) -> str:
    s = s.strip(_EDGE)
    if s.lower().startswith("that "):
        s = s[5:]
    return " ".join(s.strip(_EDGE).split())


def _matches(quote: Quote, gold: dict[str, Any]) -> bool:
    predicted = [_norm(s.text) for s in quote.segments]
    expected = [_norm(c) for c in gold["content"]]
    return predicted == expected


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_quotes_exact(name: str) -> None:
    text, gold = load_seed(name)
    finding = find_quotes(text, parse_article(text))
    quotes = list(finding.quotes)
    unmatched = []
    for g in gold["quotes"]:
        hit = next((q for q in quotes if _matches(q, g)), None)
        if hit is None:
            unmatched.append(g["content"])
            continue
        quotes.remove(hit)
        assert hit.kind is QuoteKind(g["kind"]), g["content"]
        if g["cue"] is None:
            assert hit.cue is None
        else:
            assert hit.cue is not None
            cue = hit.cue.span.text
            assert cue in g["cue"] or g["cue"] in cue, (cue, g["cue"])
        if g.get("mention") and hit.speaker is not None and hit.speaker.mention is not None:
            assert hit.speaker.mention.text == g["mention"], g["content"]
    assert not unmatched, unmatched
    assert not quotes, [q.text for q in quotes]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_spans_index_original_text(name: str) -> None:
    text, _ = load_seed(name)
    finding = find_quotes(text, parse_article(text))
    assert finding.quotes
    for i, q in enumerate(finding.quotes, 1):
        assert q.id == f"q{i}"
        for span in q.segments:
            assert text[span.start : span.end] == span.text
        assert q.cue is None or q.cue.span.is_valid_for(text)
        assert 0.0 <= q.confidence <= 1.0
    starts = [q.segments[0].start for q in finding.quotes]
    assert starts == sorted(starts)
