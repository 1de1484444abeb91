"""Sentence splitting for news English (placeholder: replaced by the structure work)."""

from __future__ import annotations

import regex

from nkquotes._model import Span

__all__ = ["split_sentences"]

_BOUNDARY = regex.compile(r"(?<=[.!?][\"”’]?)\s+(?=[\"“‘A-Z])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Split ``text[start:end]`` into sentence spans (offsets into *text*)."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, stop):
        if match.start() > pos:
            spans.append(Span.of(text, pos, match.start()))
        pos = match.end()
    if stop > pos and text[pos:stop].strip():
        spans.append(Span.of(text, pos, stop))
    return tuple(spans)
