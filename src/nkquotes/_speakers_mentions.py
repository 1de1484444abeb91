"""What a speaker mention is: a pronoun, a name, a role, a group, an outlet, a document.

:func:`analyse` reads the words of one mention (``US Secretary of State Mike Pompeo``,
``the minister``, ``North Korean officials``, ``he``, ``KCNA``) and says which kind of
expression it is, with the parts speaker resolution needs. It looks only at the mention.
:func:`trim` cuts stray words off a mention, :func:`dash_attribution` finds the name after a
dash behind a cue-less quote.
"""

from __future__ import annotations

import enum
import functools

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._model import Quote, Span
from nkquotes._names import (
    COUNTRY_ALIASES,
    DOCUMENT_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_WORDS,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
    country_key,
    fold,
    media_names,
)

__all__ = ["MentionKind", "MentionParts", "analyse", "dash_attribution", "passive", "trim"]


class MentionKind(str, enum.Enum):
    """The shape of a speaker mention."""

    PRONOUN = "pronoun"
    MEDIA = "media"
    PERSON = "person"
    DOCUMENT = "document"
    ROLE = "role"
    GROUP = "group"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class MentionParts:
    """A mention taken apart; offsets are relative to the mention's start."""

    kind: MentionKind
    body: str
    definite: bool = False
    name: str | None = None
    name_start: int = 0
    title: str | None = None
    apposition: str | None = None
    party: str | None = None
    head: str | None = None


_WORD = _lazyregex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*\.?")
# "Foreign Minister Wang Yi of China": a titled name, then the place or body it serves.
_TRAILING_OF = _lazyregex.compile(
    r"(?P<person>[^,]*?\S) of (?P<place>(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})$"
)
_PARTY = _lazyregex.compile(r"\s*\(\s*([RDI])\s*[-–,]\s*([A-Z][A-Za-z.]{1,12})\s*\)\s*$")
_ACRONYM = _lazyregex.compile(r"\(([A-Z][A-Z.&-]{1,9})\)")
_POSSESSIVE = _lazyregex.compile(r"^[\p{Lu}][\p{L}. ]*?['’]s\s")
_DET = _lazyregex.compile(r"^(the|a|an|another)\s+", regex.IGNORECASE)
_NEWS_WORD = _lazyregex.compile(r"(?i)\b(?:news|agency|broadcast)")
# "The statement carried by KCNA": the document speaks, the outlet only carried it (a
# "report released by" an institute is the institute's own).
_CARRIED = _lazyregex.compile(
    r"((?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,3}?(\p{L}+))\s+"
    r"(?:carried|published|released|issued|run|relayed|distributed)\s+(?:by|on|in)\s",
    regex.IGNORECASE,
)
#: Title abbreviations that end a role written without a name (``Russia Foreign Min``).
_TITLE_ABBREVIATIONS = {
    "min": "Minister",
    "sec": "Secretary",
    "secy": "Secretary",
    "amb": "Ambassador",
    "pres": "President",
    "gov": "Governor",
    "spox": "Spokesperson",
}
_CUT = _lazyregex.compile(r"\s(?:of|from|in|at|to|for|on|with|here|there|who|which)\b")
_TRAILING_PRONOUN = _lazyregex.compile(r"[,\s](he|she|they|it|we)\Z", regex.IGNORECASE)
_LOWER_WORDS = _lazyregex.compile(r"[\p{Ll}\s,]*+")
_MAX_TRIM = 200
# A name run followed by a lower-case verb: ``Kim reaffirmed U.S.``.
_LEADING_NAME = _lazyregex.compile(
    r"((?:\p{Ll}+\s+){0,3}?(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}?\p{Lu}[\p{L}'’-]*)"
    r"\s+(?!(?:of|for|to|the|at|and|in)\b)\p{Ll}"
)
_DASH = _lazyregex.compile(
    r"[\"”’'.,!?]{0,3}[^\S\n]*[―—–-]{1,2}[^\S\n]*"
    r"(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,4})[^\S\n]*[.,]?[^\S\n]*(?:\n|$)"
)


@functools.cache
def _media() -> regex.Pattern[str]:
    names = "|".join(regex.escape(m) for m in media_names())
    return regex.compile(rf"(?<![\p{{L}}])(?:{names})(?![\p{{L}}])")


def _is_name_word(word: str) -> bool:
    key = fold(word).removesuffix("'s")
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return True
    if not word[:1].isupper() or (word.isupper() and len(word) > 1 and "-" not in word):
        return False
    return not (
        key in STOP_CAPS
        or key in TITLE_WORDS
        or key in HONORIFICS
        or key in PLACES
        or key in ORG_WORDS
        or key in GROUP_NOUNS
        or key in DOCUMENT_WORDS
        or country_key(word)
    )


@functools.lru_cache(maxsize=2048)  # the same few mentions recur (``he``, ``Trump``)
def analyse(mention: str) -> MentionParts:
    """Take *mention* apart (see :class:`MentionParts`)."""
    text = mention.strip()
    key = fold(text)
    if key in PRONOUNS:
        return MentionParts(kind=MentionKind.PRONOUN, body=text, head=key)
    carried = _CARRIED.match(text)
    if (
        carried is not None
        and fold(carried.group(2)) in DOCUMENT_WORDS
        and _media().search(text, carried.end()) is not None
    ):
        return analyse(carried.group(1))
    trailing = _TRAILING_OF.match(text)
    if trailing is not None:
        inner = analyse(trailing.group("person"))
        if inner.kind is MentionKind.PERSON and inner.title and inner.apposition is None:
            return attrs.evolve(inner, apposition=trailing.group("place"))
    party = None
    party_match = _PARTY.search(text)
    if party_match:
        party = f"{party_match.group(1)}-{party_match.group(2)}"
        text = text[: party_match.start()]
    head_part, _, apposition = text.partition(", ")
    head_words = head_part.split()
    if apposition and not (
        head_words and set(fold(apposition).split()) & TITLE_WORDS and _is_name_word(head_words[-1])
    ):
        head_part, apposition = text, ""
    det_match = _DET.match(head_part)
    det = fold(det_match.group(1)) if det_match else ""
    body_start = det_match.end() if det_match else 0
    body = head_part[body_start:].strip()
    definite = det == "the" or bool(_POSSESSIVE.match(head_part))
    acronym = _ACRONYM.search(text)
    media = _media().search(text)
    if acronym and (media or _NEWS_WORD.search(text)):
        return MentionParts(kind=MentionKind.MEDIA, body=acronym.group(1), definite=definite)
    if media:
        return MentionParts(kind=MentionKind.MEDIA, body=media.group(), definite=definite)
    words = list(_WORD.finditer(body))
    pre = _CUT.split(body, maxsplit=1)[0] if det else body
    pre_words = [fold(w).removesuffix("'s") for w in pre.split()]
    head = pre_words[-1] if pre_words else ""
    if fold(body) in COUNTRY_ALIASES:
        return MentionParts(kind=MentionKind.COUNTRY, body=body, definite=definite)
    # A determiner and ``of`` before a name: ``the sister of … Kim Jong Un`` is a role.
    if not (det and " of " in body and head in ROLE_NOUNS):
        run = len(words)
        while run > 0 and _is_name_word(words[run - 1].group()):
            run -= 1
        connected = run > 0 and fold(words[run - 1].group()) in {"of", "the", "and", "for", "to"}
        if run < len(words) and words[run].group()[:1].isupper() and not connected:
            # An initial alone is not a name.
            last = words[-1].group().removesuffix("'s").removesuffix("’s")
            expanded = _TITLE_ABBREVIATIONS.get(fold(last))
            before = fold(words[run - 1].group()) if run > 0 else ""
            # "Foreign Min" is a title, "President Min" a titled Korean surname.
            if (
                expanded is not None
                and run == len(words) - 1
                and before
                and before not in ROLE_NOUNS
                and before not in HONORIFICS
            ):
                return analyse(text[: body_start + words[-1].start()] + expanded)
            start = words[run].start()
            name = body[start : words[-1].start()] + last
            title = body[:start].strip() or None
            return MentionParts(
                kind=MentionKind.PERSON,
                body=body,
                definite=definite,
                name=name.rstrip("."),
                name_start=body_start + start,
                title=title,
                apposition=apposition or None,
                party=party,
            )
    if acronym:
        return MentionParts(kind=MentionKind.ORGANISATION, body=acronym.group(1))
    if head in DOCUMENT_WORDS:
        return MentionParts(kind=MentionKind.DOCUMENT, body=body, definite=definite, head=head)
    canonical = body if det in {"the", "a", "an"} else head_part.strip()
    if fold(head_part) in COUNTRY_ALIASES or fold(body) in COUNTRY_ALIASES:
        if fold(body) in {"north", "south"}:
            canonical = f"{body} Korea"
        return MentionParts(kind=MentionKind.COUNTRY, body=canonical, definite=definite)
    if head in ORG_WORDS and head not in {"staff", "chiefs"}:
        return MentionParts(
            kind=MentionKind.ORGANISATION, body=canonical, definite=definite, head=head
        )
    if set(pre_words) & GROUP_NOUNS and not (head in ROLE_NOUNS and head not in GROUP_NOUNS):
        return MentionParts(kind=MentionKind.GROUP, body=canonical, definite=definite, head=head)
    if head in ROLE_NOUNS or head in TITLE_WORDS:
        return MentionParts(kind=MentionKind.ROLE, body=canonical, definite=definite, head=head)
    if body[:1].isupper():
        return MentionParts(kind=MentionKind.ORGANISATION, body=canonical, definite=definite)
    return MentionParts(kind=MentionKind.UNKNOWN, body=canonical, definite=definite, head=head)


def passive(text: str, pos: int) -> bool:
    return text[max(0, pos - 3) : pos].casefold() == "by "


def trim(mention: Span) -> Span:
    """Cut stray words off a mention: ``meaning ludicrous, he`` -> ``he``;
    ``Kim reaffirmed U.S.`` -> ``Kim``."""
    cut = _trim_cut(mention.text)
    if cut is None:
        return mention
    start, end = cut
    return Span(mention.start + start, mention.start + end, mention.text[start:end])


@functools.lru_cache(maxsize=2048)  # mentions recur (``he``, ``Trump``, ``the minister``)
def _trim_cut(text: str) -> tuple[int, int] | None:
    """What :func:`trim` keeps of a mention worded *text*: (start, end) in it, or None for
    all of it."""
    if len(text) > _MAX_TRIM:
        return None
    tail = _TRAILING_PRONOUN.search(text)
    if tail is not None and _LOWER_WORDS.fullmatch(text, 0, tail.start(1)):
        return tail.start(1), tail.end(1)
    head = _LEADING_NAME.match(text)
    if head is not None and head.end(1) < len(text.rstrip()):
        verb = fold(text[head.end(0) - 1 :].split()[0])
        nouns = (GROUP_NOUNS, ORG_WORDS, ROLE_NOUNS, DOCUMENT_WORDS, TITLE_WORDS)
        if not verb.endswith(("ed", "s")) or any(verb in words for words in nouns):
            return None
        if analyse(head.group(1)).kind is MentionKind.PERSON:
            return 0, head.end(1)
    return None


def dash_attribution(text: str, quote: Quote) -> Span | None:
    """``"…" ― Carla Sanchez``: a name after a dash right behind a cue-less quote."""
    match = _DASH.match(text, quote.segments[-1].end)
    if match is None:
        return None
    return Span.of(text, match.start(1), match.end(1))
