"""Titles around a name in the registry scan: the phrase before it, the apposition after.

:func:`title_before` reads the title phrase written just before a name (``South Korean
Foreign Minister``), :func:`apposition_in` the role in apposition after it (``, chairman of
…,``) from the window of text that follows the name, and :func:`attach` files both on the
person's record as titles and affiliation. The word tests they make are cached per word
(:func:`title_flags`).
"""

from __future__ import annotations

import functools
import re

from nkquotes import _lazyregex
from nkquotes._entities import Record, countries_in, split_title
from nkquotes._names import (
    HONORIFICS,
    ORG_WORDS,
    PLACES,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
    country_key,
    fold,
    strip_determiner,
)
from nkquotes._speakers_tokens import Tokens

__all__ = [
    "APPOSITION_WINDOW",
    "CONNECTORS",
    "MAX_TITLE_TOKENS",
    "T_CONNECTOR",
    "T_THE",
    "T_TITLE",
    "apposition_in",
    "attach",
    "title_before",
    "title_flags",
]

_APPOSITION_END = _lazyregex.compile(
    r"[,;:()\"“”]|(?<!\b\p{Lu})\.(?:\s|$)|\s(?:said|says|told|added|who|which|that|when|where|whose)\b"
)
#: ``_APPOSITION_END`` for ASCII text, by ``re`` (a search costs less than half): the
#: same classes spelt out for ASCII (``re``'s ``\s`` also takes ``\x1c``-``\x1f``).
_ASCII_SPACE = r"[\t\n\x0b\x0c\r ]"
_ASCII_APPOSITION_END = re.compile(
    rf"[,;:()\"]|(?<!\b[A-Z])\.(?:{_ASCII_SPACE}|$)"
    rf"|{_ASCII_SPACE}(?:said|says|told|added|who|which|that|when|where|whose)\b"
)
#: Small words inside a title (``Secretary of State``), never at its start.
CONNECTORS = frozenset({"of", "for", "to", "the", "on", "at"})
_OF_AT = _lazyregex.compile(r"\s(?:of|at)\s+(?:the\s+)?(.+)$")
#: The most words a title phrase (or an organisation run) takes.
MAX_TITLE_TOKENS = 10
_MAX_APPOSITION = 16
#: The window :func:`apposition_in` reads after a name: ", " and at most 160 characters.
APPOSITION_WINDOW = 162


@functools.cache
def _title_or_honorific() -> frozenset[str]:
    return TITLE_WORDS.words | HONORIFICS.words


@functools.lru_cache(maxsize=8192)
def _title_word(word: str) -> bool:
    key = fold(word)
    return (
        key in TITLE_WORDS
        or key in HONORIFICS
        or key in ORG_WORDS
        or key in PLACES
        or country_key(word) is not None
        or key in CONNECTORS
        or (word[:1].isupper() and key not in STOP_CAPS)
    )


# What a word can be in a title phrase before a name (:func:`title_flags`); T_THE: a "the"
# not spelt "The", which no name follows in the registry scan ("the Kim Jong Un regime").
T_TITLE, T_CONNECTOR, _T_ROLE, _T_NAMED, _T_AFFILIATION, T_THE = 1, 2, 4, 8, 16, 32


@functools.lru_cache(maxsize=16384)
def title_flags(word: str) -> int:
    """All that :func:`title_before` asks of *word*, in one cached lookup: a title word
    (:func:`_title_word`), a connector, a role noun, a title or honorific, an affiliation;
    and whether it is a "the" not spelt "The" (``T_THE``)."""
    key = fold(word)
    flags = T_TITLE if _title_word(word) else 0
    if key in CONNECTORS:
        flags |= T_CONNECTOR
    if key in ROLE_NOUNS:
        flags |= _T_ROLE
    if key in _title_or_honorific():
        flags |= _T_NAMED
    if _affiliation_word(word):
        flags |= _T_AFFILIATION
    if key == "the" and word != "The":
        flags |= T_THE
    return flags


def title_before(text: str, tokens: Tokens, index: int) -> tuple[str, int] | None:
    """The title phrase ending just before ``tokens[index]``, with its start offset."""
    lo = tokens.lo
    if index == lo:
        return None
    words = tokens.words
    flags = title_flags(words[index - 1])
    if not flags & T_TITLE:
        return None  # the usual case, which the loop below would find at its first word
    starts, ends, possessive = tokens.starts, tokens.ends, tokens.possessive
    gap_start, gap_end = ends[index - 1], starts[index]
    if gap_end != gap_start + 1 or text[gap_start] != " ":
        gap = text[gap_start:gap_end]
        if gap.strip() or "\n" in gap:
            return None  # ``Kim Jong Un, Kim``: what the loop below finds at its first word
    # The flags of words[first:index], last word first.
    taken: list[int] = []
    role = False  # whether a role noun is among them
    first = index
    while first > lo and index - first < MAX_TITLE_TOKENS:
        prev = first - 1
        if prev != index - 1:
            flags = title_flags(words[prev])
        gap_start, gap_end = ends[prev], starts[first]
        if gap_end != gap_start + 1 or text[gap_start] != " ":  # not the usual one space
            gap = text[gap_start:gap_end]
            if gap.strip() or "\n" in gap:
                break
        if not flags & T_TITLE:
            break
        if possessive[prev] and not flags & _T_AFFILIATION:
            break  # ``Trump's spokeswoman Sarah Sanders``: Trump's titles are not hers
        if flags & T_CONNECTOR and role:
            break  # ``the sister of Supreme Leader Kim``: the sister is someone else
        first = prev
        taken.append(flags)
        role = role or bool(flags & _T_ROLE)
    while taken and taken[-1] & T_CONNECTOR:
        taken.pop()
    if not any(flags & _T_NAMED for flags in taken):
        return None  # (none taken, or no title nor honorific among them)
    start = starts[index - len(taken)]
    return text[start : ends[index - 1]], start


@functools.lru_cache(maxsize=8192)
def _affiliation_word(word: str) -> bool:
    key = fold(word)
    return key in ORG_WORDS or key in PLACES or country_key(word) is not None


@functools.lru_cache(maxsize=4096)
def apposition_in(window: str) -> str | None:
    """``, chairman of X,`` after a name: the role phrase, or None. *window* is the text from
    the ``", "`` after the name on, at most :data:`APPOSITION_WINDOW` characters and not past
    the region's end (the search looks back two characters at most: ", " when it starts right
    after it). Cached: a name repeated in a list ("Kim Jong Un, Kim Jong Un, ...") has the
    same window every time."""
    if window.isascii():
        fast = _ASCII_APPOSITION_END.search(window, 2)
        end = fast.start() if fast else len(window)
    else:
        slow = _APPOSITION_END.search(window, 2)
        end = slow.start() if slow else len(window)
    return _role_phrase(window[2:end].strip())


@functools.lru_cache(maxsize=4096)
def _role_phrase(phrase: str) -> str | None:
    """*phrase* when it reads as a role in apposition (cached: a name repeated with the same
    words after it asks again)."""
    words = fold(phrase).replace("'s", "").split()
    if len(words) > _MAX_APPOSITION and words[0] in {"a", "an"} and " and " in phrase:
        # "an expert and director of … at …": the first of the roles is enough.
        phrase = phrase.partition(" and ")[0]
        words = fold(phrase).replace("'s", "").split()
    # A role phrase holds a title word: the cheapest test first ("Kim Jong Un, Kim Jong Un").
    if not words or len(words) > _MAX_APPOSITION or not set(words) & TITLE_WORDS:
        return None
    lead = words[1] if words[0] in {"a", "an", "the"} and len(words) > 1 else words[0]
    if lead in {"who", "which", "said", "says"}:
        return None
    if (
        phrase[:1].isupper()
        and words[0] not in {"a", "an", "the"}
        and not (lead in TITLE_WORDS or countries_in(" ".join(phrase.split()[:2])))
    ):
        return None
    return phrase


def attach(record: Record, title_phrase: str | None, apposition: str | None) -> None:
    for phrase in (title_phrase, apposition):
        if not phrase:
            continue
        affiliation, title = split_title(strip_determiner(phrase))
        if phrase is apposition and title is None:
            continue
        if affiliation and record.affiliation is None:
            record.affiliation = affiliation
        if title:
            record.add_title(title)
            if record.affiliation is None and phrase is apposition:
                match = _OF_AT.search(title)
                if match:
                    record.affiliation = match.group(1)
        record.learn_gender(phrase)
