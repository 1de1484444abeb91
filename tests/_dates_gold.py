"""Quotes built by hand from gold annotations, so dates can be checked before the finder lands."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nkquotes import Article, Cue, Quote, QuoteKind, Span, Speaker


def _nearest(text: str, needle: str, around: Span, segments: list[Span]) -> Span | None:
    best: tuple[int, Span] | None = None
    lo = max(0, around.start - 400)
    hi = min(len(text), around.end + 400)
    pos = text.find(needle, lo, hi)
    while pos >= 0:
        span = Span.of(text, pos, pos + len(needle))
        if not any(span.overlaps(s) for s in segments):
            gap = max(around.start - span.end, span.start - around.end, 0)
            if best is None or gap < best[0]:
                best = (gap, span)
        pos = text.find(needle, pos + 1, hi)
    return None if best is None else best[1]


def gold_quotes(text: str, gold: dict[str, Any]) -> list[tuple[Quote, dt.date | None]]:
    """Each gold quote as a :class:`Quote` (cue and speaker mention located near its content,
    speaker name from gold) and its gold date."""
    result: list[tuple[Quote, dt.date | None]] = []
    for number, record in enumerate(gold["quotes"]):
        segments: list[Span] = []
        pos = 0
        for content in record["content"]:
            start = text.find(content, pos)
            if start < 0:
                start = text.find(content)
            segments.append(Span.of(text, start, start + len(content)))
            pos = start + len(content)
        cue = None
        if record.get("cue"):
            around = Span.of(text, segments[0].start, segments[-1].end)
            span = _nearest(text, record["cue"], around, segments)
            if span is not None:
                cue = Cue(span=span, lemma=record["cue"].split()[0])
        speaker = None
        if record.get("speaker"):
            around = Span.of(text, segments[0].start, segments[-1].end)
            mention = (
                _nearest(text, record["mention"], around, segments)
                if record.get("mention")
                else None
            )
            speaker = Speaker(mention=mention, name=record["speaker"], reason="gold")
        quote = Quote(
            id=f"q{number}",
            segments=tuple(segments),
            kind=QuoteKind(record["kind"]),
            cue=cue,
            speaker=speaker,
        )
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        result.append((quote, date))
    return result


EMPTY_ARTICLE = Article()
