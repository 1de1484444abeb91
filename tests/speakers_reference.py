"""Reference forms of speaker-scan steps that the library now runs written out inline."""

from __future__ import annotations

from nkquotes._speakers_titles import APPOSITION_WINDOW, apposition_in


def apposition_after(text: str, pos: int, limit: int) -> str | None:
    """``, chairman of X,`` after a name at *pos*: the role phrase, or None (the step the
    registry scan writes out: the window after the name, read by ``apposition_in``)."""
    if not text.startswith(", ", pos):
        return None
    return apposition_in(text[pos : min(limit, pos + APPOSITION_WINDOW)])
