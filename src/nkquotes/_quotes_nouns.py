"""Reporting nouns: ``Trump's claim that …``, ``the ministry's allegation that …``.

A reporting noun owned by a speaker and followed by ``that`` reports what the owner said:
``the State Department's claim that [Washington has accepted …]``. The owner is a
possessive noun phrase, with at most two modifiers between it and the noun (``police's
earlier claim``); a pronoun owner (``its insistence that``) is too often a standing
position rather than something said, and is not read.
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._quotes_mention import mention_before

__all__ = ["noun_owner"]

_OWNER_END = _lazyregex.compile(
    r"(?r)(?P<pos>’s|'s|s’|s')"
    r"(?P<mods>(?:[^\S\n]++[a-z][\w-]*+){0,2})[^\S\n]++\Z"
)
_THAT_AFTER = _lazyregex.compile(r"[^\S\n]++that\b")


def noun_owner(text: str, s_start: int, cs: int, ce: int, s_end: int) -> tuple[int, int] | None:
    """The mention owning the reporting noun at ``[cs, ce)`` when ``that`` follows it."""
    if _THAT_AFTER.match(text, ce, s_end) is None:
        return None
    m = _OWNER_END.match(text, max(s_start, cs - 40), cs)
    if m is None:
        return None
    end = m.start("pos") + (1 if text[m.start("pos")] == "s" else 0)
    return mention_before(text, s_start, end, appositive=False, object_ok=True, loose=True)
