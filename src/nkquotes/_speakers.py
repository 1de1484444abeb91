"""Speaker resolution (placeholder: replaced by the speakers work)."""

from __future__ import annotations

import attrs

from nkquotes._model import Article, Entity, Quote

__all__ = ["SpeakerResolution", "resolve_speakers"]


@attrs.frozen(kw_only=True)
class SpeakerResolution:
    """Quotes with their speakers resolved, and the article's entities."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()


def resolve_speakers(text: str, article: Article, quotes: tuple[Quote, ...]) -> SpeakerResolution:
    """Resolve each quote's speaker mention to an entity of the article."""
    del text, article
    return SpeakerResolution(quotes=quotes)
