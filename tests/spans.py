"""Walk any nkquotes result and collect every Span in it, to check offsets in one place."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from nkquotes import Span


def iter_spans(value: object) -> Iterator[Span]:
    """Every Span reachable from *value* (attrs instances, tuples, lists)."""
    if isinstance(value, Span):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name != "text":
                yield from iter_spans(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from iter_spans(item)


def assert_spans_valid(result: object, text: str) -> None:
    """Every span in *result* indexes *text* and equals its slice there."""
    for span in iter_spans(result):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
