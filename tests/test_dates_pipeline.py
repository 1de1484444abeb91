"""Dates through the whole default pipeline, checked against the nk gold dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import nkquotes
from nkquotes import Quote


def _best_match(quotes: tuple[Quote, ...], start: int, end: int) -> Quote | None:
    best: tuple[int, Quote] | None = None
    for quote in quotes:
        for segment in quote.segments:
            overlap = min(segment.end, end) - max(segment.start, start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, quote)
    return None if best is None else best[1]


@pytest.mark.data
@pytest.mark.slow
def test_pipeline_never_gives_a_gold_quote_a_wrong_date(shared_dir: Path) -> None:
    gold_dir = shared_dir / "data" / "nk" / "gold"
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        pytest.skip(f"no gold files under {gold_dir}")
    wrong: list[str] = []
    matched = carried = 0
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (gold_dir.parent / "articles" / f"{path.name[: -len('.gold.json')]}.txt").read_text(
            encoding="utf-8"
        )
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        document = nkquotes.extract(text, published=published)
        for record in gold["quotes"]:
            if not record.get("date"):
                continue
            start = text.find(record["content"][0])
            quote = _best_match(document.quotes, start, start + len(record["content"][0]))
            if quote is None or quote.date is None:
                continue
            matched += 1
            carried += quote.date.source is nkquotes.DateSource.CARRIED
            if quote.date.date.isoformat() != record["date"]:
                wrong.append(f"{path.name}: {record['date']} != {quote.date}")
    # Dates carried from linked sentences reach the pipeline's own quotes too (floors: the
    # figures depend on the quote finder as well).
    assert matched >= 20, matched
    assert carried >= 5, carried
    assert wrong == []
