"""Speakers found around a mention rather than in it: the text before or after says who.

- A description no earlier entity fits (``The sister of the leader said …``) is often the
  person the next sentence introduces by name (``Kim Yo Jong dismissed …``):
  :func:`next_introduced`.
- A plural description (``the leaders``, ``both men``) names the two people last mentioned
  together (``President Trump and Chairman Kim``): :func:`pair_before`.
- A quantifier (``some``, ``many``) names part of the group the sentence is about
  (``Officials in the Trump administration …, with some suggesting …``): :func:`group_before`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

import regex

from nkquotes import _lazyregex
from nkquotes._entities import Record
from nkquotes._model import EntityKind
from nkquotes._names import GROUP_NOUNS, ORG_WORDS, ROLE_NOUNS, STOP_CAPS, fold
from nkquotes._registry import Registry

__all__ = [
    "after_preposition",
    "QUANTIFIERS",
    "group_before",
    "is_plural_people",
    "next_introduced",
    "pair_before",
]

#: Words that stand for part of a group named before (``with some saying``).
QUANTIFIERS = frozenset(
    {"some", "many", "most", "several", "others", "few", "a few", "some of them", "many of them"}
)
# Heads that name a pair on their own; other role plurals need ``two`` or ``both``
# (``the officials`` is a group, ``the two officials`` a pair).
_PAIR_HEADS = frozenset({"men", "women", "pair", "duo", "two", "leaders", "presidents"})
_PAIR_MODIFIERS = frozenset({"both", "two"})
_LOOKBACK = 4
# Between the two names of a pair: ``and`` and at most a short title, no punctuation.
_AND_BETWEEN = _lazyregex.compile(r"\s+(?:and|&)\s+(?:[\p{L}.'’-]+\s+){0,5}")
# Before a name that opens a sentence: spaces, an opening mark, capitalised title words.
_OPENING = _lazyregex.compile(r"[\s\"“‘]*(?:\p{Lu}[\p{L}.'’-]*\s+){0,5}")
_QUOTED_OPENING = _lazyregex.compile(r"\s*[\"“]")
_QUOTED_STEPS = 3
_WORDS = _lazyregex.compile(r"[\p{L}\p{M}\d]+(?:[-'’.][\p{L}\p{M}\d]+)*\.?")
_GROUP_PREPOSITIONS = frozenset({"in", "of", "from", "at", "with"})
_GROUP_MODIFIERS = frozenset({"senior", "top", "former", "current", "other", "local", "foreign"})
_MAX_GROUP_TAIL = 5


# A preposition and a few words (no punctuation) before a name: ``under young leader Kim``.
_PREPOSITION_BEFORE = _lazyregex.compile(
    r"\b(?:under|of|by|with|to|from|at|for|against|about|on|in|between|than|like|after|"
    r"before|toward|towards|over|into|among|including)[^\S\n]+(?:[\p{L}.'’-]+[^\S\n]+){0,4}\Z",
    regex.IGNORECASE,
)
_PREPOSITION_REACH = 80


def after_preposition(text: str, pos: int) -> bool:
    """Whether the name at *pos* follows a preposition (so is not the sentence's subject)."""
    return _PREPOSITION_BEFORE.search(text, max(0, pos - _PREPOSITION_REACH), pos) is not None


def _sentence_index(starts: Sequence[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def next_introduced(
    text: str, registry: Registry, sentences: Sequence[tuple[int, int]], pos: int
) -> Record | None:
    """The person introduced by full name at the start of the sentence after *pos* (after
    the quoted sentences that follow it, if any)."""
    starts = [s[0] for s in sentences]
    index = _sentence_index(starts, pos) + 1
    if index <= 0:
        return None
    # Quoted sentences in between are the described person's words: step over them.
    stop = min(len(sentences), index + _QUOTED_STEPS)
    while index < stop and (
        _QUOTED_OPENING.match(text, sentences[index][0]) is not None
        or registry.is_quoted(sentences[index][0])
    ):
        index += 1
    if index >= stop:
        return None
    start, end = sentences[index]
    for mention_start, record, quoted in registry.mentions_between(start, end):
        if quoted or record.kind is not EntityKind.PERSON or len(record.name.split()) < 2:
            return None
        opening = _OPENING.match(text, start, mention_start)
        if record.first != mention_start or opening is None or opening.end() != mention_start:
            return None
        return record
    return None


def is_plural_people(body: str) -> bool:
    """``the leaders``, ``both men``, ``the two ministers``: a pair of people."""
    words = fold(body).removeprefix("the ").split()
    if not words or any(w not in _PAIR_MODIFIERS for w in words[:-1]):
        return False
    head = words[-1]
    if head in _PAIR_HEADS:
        return True
    return len(words) > 1 and head.endswith("s") and head[:-1] in ROLE_NOUNS


def pair_before(
    text: str, registry: Registry, sentences: Sequence[tuple[int, int]], pos: int
) -> tuple[Record, Record] | None:
    """The last two people named together (``X and Y``) before *pos*, a few sentences back."""
    starts = [s[0] for s in sentences]
    index = _sentence_index(starts, pos)
    for k in range(index, max(index - _LOOKBACK, -1), -1):
        start, end = sentences[k]
        people = [
            (p, r)
            for p, r, quoted in registry.mentions_between(start, min(end, pos))
            if not quoted and r.kind is EntityKind.PERSON
        ]
        for (p1, r1), (p2, r2) in reversed(list(itertools.pairwise(people))):
            between = _AND_BETWEEN.fullmatch(text, r1.ends.get(p1, p1), p2)
            if r1 is not r2 and between is not None:
                return r1, r2
    return None


def group_before(text: str, start: int, pos: int) -> tuple[int, int] | None:
    """The span of the last plural group named in ``text[start:pos]`` (``US officials``)."""
    words = list(_WORDS.finditer(text, start, pos))
    for k in range(len(words) - 1, -1, -1):
        key = fold(words[k].group())
        if key not in GROUP_NOUNS or key in QUANTIFIERS or key == "both" or not key.endswith("s"):
            continue
        first = k
        while first > 0 and _joined(text, words[first - 1].end(), words[first].start()):
            word = words[first - 1].group()
            left = fold(word)
            if not (word[:1].isupper() and left not in STOP_CAPS) and left not in _GROUP_MODIFIERS:
                break
            first -= 1
        last = k
        if k + 1 < len(words) and fold(words[k + 1].group()) in _GROUP_PREPOSITIONS:
            tail = k + 2
            if tail < len(words) and fold(words[tail].group()) == "the":
                tail += 1
            taken = tail
            while taken < len(words) and taken - tail < _MAX_GROUP_TAIL:
                word = words[taken].group()
                if not (word[:1].isupper() or fold(word) in ORG_WORDS):
                    break
                if not _joined(text, words[taken - 1].end(), words[taken].start()):
                    break
                taken += 1
            if taken > tail:
                last = taken - 1
        return words[first].start(), words[last].end()
    return None


def _joined(text: str, end: int, start: int) -> bool:
    return text[end:start] == " "
