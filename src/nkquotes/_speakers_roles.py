"""Resolving descriptions: roles, groups, countries and the resolver's running state.

:class:`Descriptions` holds what speaker resolution knows while it walks an article's quotes
(the registry, the sentences, the speakers so far) and resolves descriptions against it:
``the minister`` to the most recent entity with that title, a description nobody fits to the
person named next or the speaker just quoted, ``some`` to the group the sentence names.
"""

from __future__ import annotations

import bisect
from itertools import chain
from operator import attrgetter

import regex

from nkquotes import _lazyregex
from nkquotes._entities import Record, countries_in, titles_match
from nkquotes._model import SPAN_POSITION, Article, EntityKind, Span
from nkquotes._names import HEAD_SYNONYMS, ORG_WORDS, country_key, fold, strip_determiner
from nkquotes._registry import Registry
from nkquotes._speakers_context import group_before, next_introduced
from nkquotes._speakers_mentions import MentionParts

__all__ = ["LOOKBACK_SENTENCES", "Descriptions"]

#: How many sentences back a pronoun or description looks for its entity.
LOOKBACK_SENTENCES = 4
_INDEFINITE = _lazyregex.compile(r"\s*(?:a|an|another)\s", regex.IGNORECASE)

_CATAPHORA = 600
_SENTENCES = attrgetter("sentences")
_START = attrgetter("start")
_GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "at",
        "on",
        "in",
        "and",
        "top",
        "senior",
        "chief",
        "former",
        "current",
        "special",
        "new",
        "acting",
        "then",
        "veteran",
        "longtime",
        "outgoing",
        "incoming",
        "sitting",
    ]
)


class Descriptions:
    """The running state of one article's resolution, and description lookups on it."""

    def __init__(self, text: str, article: Article, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        # article.sentences, by C-level iteration (this runs once per article).
        sentences = list(chain.from_iterable(map(_SENTENCES, article.paragraphs)))
        if not sentences:
            sentences = [p.span for p in article.paragraphs] or [Span.of(text, 0, len(text))]
        self.sentences = list(map(SPAN_POSITION, sentences))
        self.starts = list(map(_START, sentences))
        # (mention start, record, passive agent) of every resolved speaker so far.
        self.speakers: list[tuple[int, Record, bool]] = []
        # (mention start, index in ``speakers``) in text order, to find a sentence's speakers.
        self._speakers_by_pos: list[tuple[int, int]] = []
        # (position, record) of the previous resolved quote.
        self.last: tuple[int, Record] | None = None
        # (position, record) of the previous quote's speaker that is not a news outlet.
        self.last_source: tuple[int, Record] | None = None
        # Who issued the statement (report, letter …) mentioned so far, by head noun.
        self.documents: dict[str, Record] = {}

    def add_speaker(self, pos: int, record: Record, passive: bool) -> None:
        """Record that the mention at *pos* (a passive agent or not) spoke as *record*."""
        bisect.insort(self._speakers_by_pos, (pos, len(self.speakers)))
        self.speakers.append((pos, record, passive))

    def speakers_between(self, start: int, end: int) -> list[Record]:
        """Non-passive speakers whose mention starts in ``[start, end)``, in resolution order."""
        by_pos = self._speakers_by_pos
        lo = bisect.bisect_left(by_pos, (start, -1))
        hi = bisect.bisect_left(by_pos, (end, -1), lo)
        found = sorted(index for _, index in by_pos[lo:hi])
        return [r for _, r, passive in map(self.speakers.__getitem__, found) if not passive]

    # -- one mention ----------------------------------------------------------------------

    def role(self, mention: Span, parts: MentionParts) -> Record | None:
        """A role description: an entity before it, the person named next, or the last one."""
        indefinite = _INDEFINITE.match(mention.text) is not None
        # A bare capitalised role is a description only with its country (``Russia Foreign
        # Minister``); ``Mr. King`` is a name.
        if parts.definite or parts.body[:1].islower() or countries_in(parts.body):
            found = self.described(mention, parts, people=True)
            if found is not None:
                return found
        later = next_introduced(self.text, self.registry, self.sentences, mention.start)
        if (
            (parts.definite or indefinite)
            and later is not None
            and (not indefinite or (later.titles and titles_match(later, parts.body)))
        ):
            self.registry.mention(later, mention)
            return later
        if parts.definite and parts.body.islower() and self.speakers:
            # "the top government spokesman" right after a named speaker no title fits, with
            # nobody else named in between.
            pos, record, _ = self.speakers[-1]
            others = {
                id(r)
                for _, r, quoted in self.registry.mentions_between(pos, mention.start)
                if r.kind is EntityKind.PERSON and not quoted
            }
            if (
                record.kind is EntityKind.PERSON
                and len(record.name.split()) > 1
                and pos < mention.start
                and others <= {id(record)}
                and self.near(pos, mention.start)
                and _gender_fits(record, parts.body)
                and not countries_in(parts.body) - record.countries()
            ):
                self.registry.mention(record, mention)
                return record
        return None

    def country_of(self, phrase: str, pos: int) -> Record | None:
        """The country record a phrase names (``North Korean statement``), if registered."""
        named = countries_in(phrase)
        # "North Korean" names north korea, not also korea.
        wanted = {k for k in named if not any(o.endswith(f" {k}") for o in named)}
        if len(wanted) != 1:
            return None
        found = [r for r in self.registry.records if r.country and country_key(r.name) in wanted]
        return self.registry.pick(found, pos) if found else None

    def near(self, before: int, pos: int) -> bool:
        """Whether *before* lies at most a few sentences before *pos*."""
        index = bisect.bisect_right(self.starts, pos)
        return 0 <= index - bisect.bisect_right(self.starts, before) <= LOOKBACK_SENTENCES

    def quantified(self, mention: Span) -> Record | None:
        """``some`` (``Officials …, with some saying``): the group the sentence names."""
        index = bisect.bisect_right(self.starts, mention.start) - 1
        start = self.sentences[index][0] if index >= 0 else 0
        found = group_before(self.text, start, mention.start)
        if found is None:
            return None
        span = Span.of(self.text, *found)
        record = self.registry.named(strip_determiner(span.text), EntityKind.GROUP, span)
        self.registry.mention(record, mention)
        return record

    def of_organisation(self, mention: Span, parts: MentionParts) -> str | None:
        """``the ministry spokesperson`` after ``the Swedish Foreign Ministry``: its full name."""
        words = parts.body.split()
        if not parts.definite or len(words) != 2 or not parts.body.islower():
            return None
        org_word = fold(words[0])
        if org_word not in ORG_WORDS:
            return None
        best: tuple[int, Record] | None = None
        for record in self.registry.records:
            if record.kind is EntityKind.ORGANISATION and fold(record.name).split()[-1] == org_word:
                last = self.registry.last_mention_before(record, mention.start)
                if last < 0 and record.first < mention.start + _CATAPHORA:
                    last = -record.first  # after the mention: the nearest one
                if last != -1 and (best is None or last > best[0]):
                    best = (last, record)
        if best is None:
            return None
        return f"{strip_determiner(best[1].name)} {words[1]}"

    def described(self, mention: Span, parts: MentionParts, *, people: bool) -> Record | None:
        """The most recent entity a description (``the minister``) fits."""
        words = [w for w in fold(parts.body).replace("'s", "").split() if w not in _GENERIC]
        head = parts.head or (words[-1] if words else "")
        heads = HEAD_SYNONYMS.get(head, frozenset({head}))
        wanted_countries = countries_in(parts.body)
        best: tuple[int, int, Record] | None = None
        after: tuple[int, Record] | None = None
        for record in self.registry.records:
            if (record.kind is EntityKind.PERSON) is not people:
                continue
            title_keys = record.title_keys()
            name_words = fold(record.name).split()
            if heads.isdisjoint(title_keys) and heads.isdisjoint(name_words):
                continue
            keys = title_keys | set(name_words)
            have = record.countries()
            if wanted_countries and have and not wanted_countries <= have:
                continue
            tier = 1 if wanted_countries and have else 0
            if fold(record.name) in fold(parts.body):
                continue  # ``the sister of … Kim Jong Un`` is not Kim Jong Un
            others = {w for w in words if w not in heads and not countries_in(w)}
            if others - keys - {"of", "to"}:
                continue
            last = self.registry.last_mention_before(record, mention.start)
            if last >= 0 and (best is None or (tier, last) > best[:2]):
                best = (tier, last, record)
            if (
                last < 0
                and record.first < mention.start + _CATAPHORA
                and (after is None or record.first < after[0])
            ):
                after = (record.first, record)
        found = best[2] if best is not None else after[1] if after is not None else None
        if found is not None:
            self.registry.mention(found, mention)
        return found

    # -- pronouns -------------------------------------------------------------------------


def _gender_fits(record: Record, words: str) -> bool:
    """Whether gendered words (``spokeswoman``) in *words* do not contradict *record*."""
    probe = Record(kind=EntityKind.PERSON, name="", first=0)
    probe.learn_gender(words)
    return probe.gender is None or record.gender in (None, probe.gender)
