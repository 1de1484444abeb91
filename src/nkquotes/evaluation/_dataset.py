"""Gold articles: what every loader returns and every evaluation reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from nkquotes._errors import InputError
from nkquotes.evaluation._matching import GoldQuote

__all__ = ["GoldArticle", "GoldStructure", "read_text"]


@attrs.frozen(kw_only=True)
class GoldStructure:
    """The gold article structure of ANNOTATION.md; strings are verbatim in the text."""

    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    agency: str | None = None
    captions: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class GoldArticle:
    """One annotated article: its text, gold quotes and, when annotated, its structure."""

    id: str
    text: str = attrs.field(repr=False)
    quotes: tuple[GoldQuote, ...] = ()
    published: dt.date | None = None
    structure: GoldStructure | None = None


def read_text(path: Path) -> str:
    """The UTF-8 text of *path* exactly as stored (no newline translation, so offsets hold)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from error
