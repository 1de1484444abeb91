"""Quote finding (placeholder: replaced by the quotes work)."""

from __future__ import annotations

import attrs

from nkquotes._model import Article, Problem, Quote

__all__ = ["QuoteFinding", "QuoteOptions", "find_quotes"]


@attrs.frozen(kw_only=True)
class QuoteOptions:
    """Options for :func:`find_quotes`."""

    indirect: bool = True


@attrs.frozen(kw_only=True)
class QuoteFinding:
    """The quotes found in an article and the problems met on the way."""

    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()


def find_quotes(
    text: str, article: Article, *, options: QuoteOptions | None = None
) -> QuoteFinding:
    """Find every quote in the body paragraphs of *article* (spans into *text*)."""
    del text, article, options
    return QuoteFinding()
