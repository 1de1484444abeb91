"""Speaker resolution against gold: the bundled seeds, and the shared nk gold set.

Quotes are built from the gold annotation itself (content located in the text, the gold
mention taken at its occurrence nearest to the content), so these tests measure speaker
resolution alone, whatever the quote finder's recall.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from nkquotes import (
    Quote,
    QuoteKind,
    Span,
    Speaker,
    find_quotes,
    parse_article,
    resolve_speakers,
)
from tests.conftest import SEED_NAMES, load_seed

NK_FLOOR = 0.94


def _norm(name: str | None) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", (name or "").strip(), flags=re.IGNORECASE)
    return " ".join(text.replace("’", "'").casefold().split())


def _nearest(text: str, needle: str, start: int, end: int) -> int | None:
    best: tuple[float, int] | None = None
    for match in re.finditer(re.escape(needle), text):
        pos = match.start()
        if pos >= end:
            distance = float(pos - end)
        elif pos + len(needle) <= start:
            distance = start - pos - len(needle) + 0.5
        else:
            distance = 0.0
        if best is None or distance < best[0]:
            best = (distance, pos)
    return None if best is None else best[1]


def gold_quotes(text: str, gold: dict[str, Any]) -> list[tuple[Quote, str]]:
    """Quotes built from *gold*, each with its gold speaker name."""
    out: list[tuple[Quote, str]] = []
    cursor = 0
    for n, record in enumerate(gold["quotes"]):
        segments = []
        for content in record["content"]:
            pos = text.find(content, cursor)
            if pos < 0:
                pos = text.find(content)
            if pos < 0:
                break
            segments.append(Span.of(text, pos, pos + len(content)))
        if len(segments) != len(record["content"]):
            continue
        segments.sort()
        cursor = segments[0].start + 1
        mention = record.get("mention")
        if mention is None:
            speaker = Speaker(mention=None, reason="inherited")
        else:
            found = _nearest(text, mention, segments[0].start, segments[-1].end)
            if found is None:
                continue
            speaker = Speaker(mention=Span.of(text, found, found + len(mention)))
        kind = QuoteKind(record["kind"])
        quote = Quote(id=f"q{n}", segments=tuple(segments), kind=kind, speaker=speaker)
        out.append((quote, record["speaker"]))
    out.sort(key=lambda pair: pair[0].segments[0].start)
    return out


def _score(text: str, gold: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    pairs = gold_quotes(text, gold)
    result = resolve_speakers(text, parse_article(text), tuple(q for q, _ in pairs))
    return [
        (q.id, q.speaker.name if q.speaker else None, expected)
        for q, (_, expected) in zip(result.quotes, pairs, strict=True)
    ]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_speakers_equal_gold(name: str) -> None:
    text, gold = load_seed(name)
    rows = _score(text, gold)
    assert len(rows) == len(gold["quotes"])
    wrong = [row for row in rows if _norm(row[1]) != _norm(row[2])]
    assert wrong == []


@pytest.mark.data
def test_nk_gold_speaker_accuracy(shared_dir: Path) -> None:
    total = right = 0
    for gold_path in sorted((shared_dir / "data" / "nk" / "gold").glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        text = (shared_dir / "data" / "nk" / "articles" / f"{stem}.txt").read_text("utf-8")
        gold = json.loads(gold_path.read_text("utf-8"))
        for _, got, expected in _score(text, gold):
            total += 1
            right += _norm(got) == _norm(expected)
    assert total > 150
    assert right / total >= NK_FLOOR, f"{right}/{total}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_speakers_through_the_quote_finder(name: str) -> None:
    """Every found quote that overlaps a gold quote has the gold speaker (recall aside)."""
    text, gold = load_seed(name)
    article = parse_article(text)
    found = find_quotes(text, article).quotes
    result = resolve_speakers(text, article, found)
    spans = [
        (pos, pos + len(content), record["speaker"])
        for record in gold["quotes"]
        for content in record["content"]
        if (pos := text.find(content)) >= 0
    ]
    checked = []
    for quote in result.quotes:
        expected = {
            s
            for start, end, s in spans
            for g in quote.segments
            if g.overlaps(Span.of(text, start, end))
        }
        if len(expected) == 1 and quote.speaker is not None:
            checked.append((quote.speaker.name, expected.pop()))
    assert checked, "the quote finder found no gold quote in this seed"
    assert [(got, want) for got, want in checked if _norm(got) != _norm(want)] == []
