"""Article structure from raw scraped text (placeholder: replaced by the structure work)."""

from __future__ import annotations

import attrs
import regex

from nkquotes._model import Article, Paragraph, Span
from nkquotes._sentences import split_sentences

__all__ = ["StructureOptions", "parse_article"]

_LINE = regex.compile(r"[^\n]+")


@attrs.frozen(kw_only=True)
class StructureOptions:
    """Options for :func:`parse_article`."""

    detect_title: bool = True


def parse_article(text: str, *, options: StructureOptions | None = None) -> Article:
    """Recover the structure of *text*: every non-empty line is a body paragraph."""
    del options
    paragraphs = []
    for match in _LINE.finditer(text):
        if match.group().strip():
            span = Span.of(text, match.start(), match.end())
            paragraphs.append(
                Paragraph(span=span, sentences=split_sentences(text, span.start, span.end))
            )
    return Article(paragraphs=tuple(paragraphs))
