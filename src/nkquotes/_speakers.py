"""Speaker resolution: every quote's speaker mention resolved to an entity of the article.

:func:`resolve_speakers` builds the article's entity registry (:mod:`nkquotes._speakers_scan`),
reads each quote's mention (:mod:`nkquotes._speakers_mentions`) and resolves it:

- full names to the person registered under them (``reason="name"``);
- surnames and given names, optionally titled (``President Moon``), to the person whose
  name ends in them and whose titles fit; several candidates go to the one mentioned most
  recently (``"surname"``);
- role descriptions (``the minister``, ``the U.S. envoy``) to the most recent entity whose
  titles have the same head noun and no conflicting country (``"title"``);
- pronouns to the speaker or grammatical subject of the nearest preceding sentence that has
  a compatible one (``"pronoun"``);
- groups and unnamed sources to an entity named by the description (``"group"``);
- cue-less continuation paragraphs to the previous quote's speaker (``"inherited"``).

What cannot be resolved without guessing keeps ``reason="unresolved: <why>"``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._entities import Record, Registry, countries_in, titles_match
from nkquotes._model import Article, Entity, EntityKind, Quote, Span
from nkquotes._names import (
    DOCUMENT_WORDS,
    GROUP_NOUNS,
    HEAD_SYNONYMS,
    HONORIFICS,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    fold,
    strip_determiner,
)
from nkquotes._speakers_mentions import MentionKind, MentionParts, analyse
from nkquotes._speakers_scan import build_registry

__all__ = ["SpeakerResolution", "resolve_speakers"]

_LOOKBACK_SENTENCES = 4
_CATAPHORA = 600
_AND = _lazyregex.compile(r" (?:and|&) ")
_TRAILING_PRONOUN = _lazyregex.compile(r"[,\s](he|she|they|it|we)\Z", regex.IGNORECASE)
_LOWER_WORDS = _lazyregex.compile(r"[\p{Ll}\s,]*+")
_MAX_TRIM = 200
# A name run followed by a lower-case verb: ``Kim reaffirmed U.S.``.
_LEADING_NAME = _lazyregex.compile(
    r"((?:\p{Ll}+\s+){0,3}?(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}?\p{Lu}[\p{L}'’-]*)"
    r"\s+(?!(?:of|for|to|the|at|and|in)\b)\p{Ll}"
)
_POSSESSIVE_AFTER = _lazyregex.compile(r"['’]s?\b")
_DASH = _lazyregex.compile(
    r"[\"”’'.,!?]{0,3}[^\S\n]*[―—–-]{1,2}[^\S\n]*"
    r"(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’-]*){0,4})[^\S\n]*[.,]?[^\S\n]*(?:\n|$)"
)
_COUNTRY_NOUNS = frozenset({"country", "nation", "regime", "state", "north", "reclusive state"})
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


@attrs.frozen(kw_only=True)
class SpeakerResolution:
    """Quotes with their speakers resolved, and the article's entities."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()


Resolved = tuple[Record | None, str]


class _Resolver:
    def __init__(self, text: str, article: Article, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        sentences = list(article.sentences) or [p.span for p in article.paragraphs]
        if not sentences:
            sentences = [Span.of(text, 0, len(text))]
        self.sentences = [(s.start, s.end) for s in sentences]
        self.starts = [s[0] for s in self.sentences]
        # (mention start, record, passive agent) of every resolved speaker so far.
        self.speakers: list[tuple[int, Record, bool]] = []
        # (mention start, index in ``speakers``) in text order, to find a sentence's speakers.
        self._speakers_by_pos: list[tuple[int, int]] = []
        # (position, record) of the previous resolved quote.
        self.last: tuple[int, Record] | None = None
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

    def resolve(self, mention: Span) -> Resolved:
        joined = _AND.search(mention.text)
        if joined is not None:
            pair = self.conjunction(mention, joined.start(), joined.end())
            if pair is not None:
                return pair
        mention = _trim(mention)
        parts = analyse(mention.text)
        kind = parts.kind
        if kind is MentionKind.PRONOUN:
            return self.pronoun(mention, parts.head or "")
        if kind is MentionKind.PERSON:
            return self.person(mention, parts)
        if kind is MentionKind.DOCUMENT:
            return self.document(mention, parts)
        if kind is MentionKind.MEDIA:
            return self.registry.named(parts.body, EntityKind.MEDIA, mention), "name"
        if kind is MentionKind.COUNTRY:
            record = self.registry.named(parts.body, EntityKind.ORGANISATION, mention)
            record.country = True
            return record, "name"
        if kind is MentionKind.ORGANISATION:
            if parts.definite and parts.body.islower() and len(parts.body.split()) <= 2:
                found = self.described(mention, parts, people=False)
                if found is not None:
                    return found, "title"
            return self.registry.named(parts.body, EntityKind.ORGANISATION, mention), "name"
        if kind is MentionKind.ROLE:
            if parts.definite or parts.body[:1].islower():
                found = self.described(mention, parts, people=True)
                if found is not None:
                    return found, "title"
            name = self.of_organisation(mention, parts) or parts.body
            record = self.registry.named(name, EntityKind.PERSON, mention)
            record.add_title(name)
            return record, "group"
        if kind is MentionKind.GROUP:
            return self.registry.named(parts.body, EntityKind.GROUP, mention), "group"
        if parts.definite and fold(parts.body) in _COUNTRY_NOUNS:
            country, _ = self.antecedent(mention.start, lambda r: r.country)
            if country is not None:
                self.registry.mention(country, mention)
                return country, "title"
            return None, f"unresolved: no country for {mention.text!r}"
        words = parts.body.split()
        if parts.body and (
            parts.body != mention.text.strip() or (parts.body.islower() and words[-1].endswith("s"))
        ):
            return self.registry.named(parts.body, EntityKind.GROUP, mention), "group"
        return None, f"unresolved: unknown mention {mention.text!r}"

    def conjunction(self, mention: Span, left_end: int, right_start: int) -> Resolved | None:
        """``President Trump and Chairman Kim``: two people speaking together."""
        text = self.text
        left = Span.of(text, mention.start, mention.start + left_end)
        right = Span.of(text, mention.start + right_start, mention.end)
        parts = (analyse(left.text), analyse(right.text))
        if any(p.kind is not MentionKind.PERSON for p in parts):
            return None
        first, _ = self.person(left, parts[0])
        second, _ = self.person(right, parts[1])
        if first is None or second is None:
            return None
        record = self.registry.named(f"{first.name} and {second.name}", EntityKind.GROUP, mention)
        return record, "name"

    def document(self, mention: Span, parts: MentionParts) -> Resolved:
        """``the statement``, ``the resolution``: the named document, or who issued it."""
        registry = self.registry
        head = parts.head or ""
        if parts.definite:
            named = [r for r in registry.documents if head in fold(r.name).split()]
            chosen = registry.pick(named, mention.start) if named else None
            if chosen is not None:
                registry.mention(chosen, mention)
                return chosen, "name"
        author = self.documents.get(head)
        if author is None and self.last is not None and self.last[0] < mention.start:
            author = self.last[1]
        if author is None:
            author, _ = self.antecedent(mention.start, lambda r: True)
        if author is None:
            return None, "unresolved: no source for the document"
        self.documents[head] = author
        author.document = True
        registry.mention(author, mention)
        return author, "document"

    def person(self, mention: Span, parts: MentionParts) -> Resolved:
        name = parts.name or ""
        start = mention.start + parts.name_start
        span = Span.of(self.text, start, min(start + len(name), mention.end))
        registry = self.registry
        if len(name.split()) > 1:
            record = registry.full(name)
            if record is None:
                record = registry.person(name, span)
                self.attach(record, parts)
            else:
                registry.mention(record, span)
                if len(name) > len(record.name):
                    record.name = name
            return record, "name"
        candidates = registry.short(name)
        if parts.title:
            fitting = [r for r in candidates if titles_match(r, parts.title)]
            candidates = fitting or candidates
        if not candidates:
            record = registry.by_name(name)
            if record is None:
                record = registry.single(name, span)
                record.kind = EntityKind.PERSON
            else:
                registry.mention(record, span)
            self.attach(record, parts)
            return record, "name"
        chosen = registry.pick(candidates, mention.start)
        if chosen is None:
            names = ", ".join(sorted(r.name for r in candidates))
            return None, f"unresolved: ambiguous {name!r} ({names})"
        registry.mention(chosen, span)
        if parts.title and fold(parts.title) not in HONORIFICS:
            self.attach(chosen, parts)
        else:
            chosen.learn_gender(parts.title or "")
        return chosen, "surname"

    def attach(self, record: Record, parts: MentionParts) -> None:
        for phrase in (parts.title, parts.apposition):
            if phrase and set(fold(phrase).split()) & TITLE_WORDS:
                record.add_title(phrase.removeprefix("the ").removeprefix("The "))
            elif phrase:
                record.learn_gender(phrase)
        if parts.party and record.party is None:
            record.party = parts.party

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

    def pronoun(self, mention: Span, pronoun: str) -> Resolved:
        def fits(record: Record) -> bool:
            if pronoun in {"he", "she"}:
                wanted = "male" if pronoun == "he" else "female"
                return record.kind is EntityKind.PERSON and record.gender in (None, wanted)
            if pronoun in {"they", "we"}:
                return record.kind in (EntityKind.GROUP, EntityKind.ORGANISATION)
            if pronoun == "it":
                return record.kind is not EntityKind.PERSON or record.document
            return False

        if pronoun == "i":
            return None, "unresolved: first person"
        record, _ = self.antecedent(mention.start, fits)
        if record is None:
            return None, f"unresolved: no antecedent for {pronoun!r}"
        self.registry.mention(record, mention)
        if pronoun in {"he", "she"} and record.gender is None:
            record.gender = "male" if pronoun == "he" else "female"
        return record, "pronoun"

    def antecedent(self, pos: int, fits: Callable[[Record], bool]) -> tuple[Record | None, str]:
        """The entity a pronoun or ``the statement`` at *pos* refers back to.

        First the nearest fitting mention earlier in the same sentence, outside quotation
        marks; then, sentence by sentence backwards, that sentence's (non-passive) speaker, or
        its first fitting mention that is not a possessive (``Trump's envoy Biegun``).
        """
        index = bisect.bisect_right(self.starts, pos) - 1
        if index >= 0:
            start = self.sentences[index][0]
            before = [
                r
                for p, r, quoted in self.registry.mentions_between(start, pos)
                if not quoted and fits(r)
            ]
            if before:
                return before[-1], "same sentence"
        for k in range(index - 1, max(index - 1 - _LOOKBACK_SENTENCES, -1), -1):
            start, end = self.sentences[k]
            for record in self.speakers_between(start, end):
                if fits(record):
                    return record, "speaker"
            possessive: Record | None = None
            for p, record, quoted in self.registry.mentions_between(start, end):
                if quoted or not fits(record):
                    continue
                if not _POSSESSIVE_AFTER.match(self.text, self._mention_end(p, record)):
                    return record, "subject"
                possessive = possessive or record
            if possessive is not None:
                return possessive, "subject"
        return None, ""

    def _mention_end(self, start: int, record: Record) -> int:
        return record.ends.get(start, start)


def _passive(text: str, pos: int) -> bool:
    return text[max(0, pos - 3) : pos].casefold() == "by "


def resolve_speakers(text: str, article: Article, quotes: tuple[Quote, ...]) -> SpeakerResolution:
    """Resolve each quote's speaker mention to an entity of the article.

    Returns the quotes with ``speaker`` filled (``name``, ``entity`` id, ``reason``) and the
    entities: every person the article introduces by name, plus every group, organisation
    and outlet that speaks, numbered ``e1``, ``e2``, … in order of first mention.
    """
    registry = build_registry(text, article)
    resolver = _Resolver(text, article, registry)
    results: list[tuple[Record | None, str, Span | None]] = []
    previous: Record | None = None
    last_paragraph, last_pos = 0, 0
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            results.append((None, "", None))
            continue
        mention = speaker.mention or _dash_attribution(text, quote)
        if mention is None:
            gap = previous is not None and quote.paragraph - last_paragraph > 1
            if gap:
                # A paragraph in between: someone introduced there may be the speaker.
                start = quote.segments[0].start
                between, _ = resolver.antecedent(start, lambda r: r.kind is EntityKind.PERSON)
                if between is not None and registry.last_mention_before(between, start) > last_pos:
                    previous = between
                    previous.spoke = True
            if previous is None:
                # No quote before: the person the preceding sentences are about, if any.
                previous, _ = resolver.antecedent(
                    quote.segments[0].start, lambda r: r.kind is EntityKind.PERSON
                )
                if previous is not None:
                    previous.spoke = True
            if previous is None:
                results.append((None, "unresolved: nothing to inherit", None))
            else:
                results.append((previous, "inherited", None))
            last_paragraph, last_pos = quote.paragraph, quote.segments[-1].end
            continue
        record, reason = resolver.resolve(mention)
        if record is not None:
            record.spoke = True
            resolver.last = (quote.segments[0].start, record)
            resolver.add_speaker(mention.start, record, _passive(text, mention.start))
        results.append((record, reason, mention))
        previous = record
        last_paragraph, last_pos = quote.paragraph, quote.segments[-1].end
    keep = [
        r
        for r in registry.records
        if r.spoke or (r.kind is EntityKind.PERSON and len(r.name.split()) > 1)
    ]
    keep.sort(key=lambda r: r.first)
    ids = {id(r): f"e{n}" for n, r in enumerate(keep, 1)}
    out: list[Quote] = []
    for quote, (record, reason, mention) in zip(quotes, results, strict=True):
        if quote.speaker is None:
            out.append(quote)
            continue
        speaker = attrs.evolve(
            quote.speaker,
            mention=mention or quote.speaker.mention,
            name=record.name if record is not None else None,
            entity=ids.get(id(record)) if record is not None else None,
            reason=reason,
        )
        out.append(attrs.evolve(quote, speaker=speaker))
    return SpeakerResolution(quotes=tuple(out), entities=registry.entities(ids, keep))


def _trim(mention: Span) -> Span:
    """Cut stray words off a mention: ``meaning ludicrous, he`` -> ``he``;
    ``Kim reaffirmed U.S.`` -> ``Kim``."""
    text = mention.text
    if len(text) > _MAX_TRIM:
        return mention
    tail = _TRAILING_PRONOUN.search(text)
    if tail is not None and _LOWER_WORDS.fullmatch(text, 0, tail.start(1)):
        return Span(mention.start + tail.start(1), mention.start + tail.end(1), tail.group(1))
    head = _LEADING_NAME.match(text)
    if head is not None and head.end(1) < len(text.rstrip()):
        verb = fold(text[head.end(0) - 1 :].split()[0])
        nouns = (GROUP_NOUNS, ORG_WORDS, ROLE_NOUNS, DOCUMENT_WORDS, TITLE_WORDS)
        if not verb.endswith(("ed", "s")) or any(verb in words for words in nouns):
            return mention
        if analyse(head.group(1)).kind is MentionKind.PERSON:
            return Span(mention.start, mention.start + head.end(1), head.group(1))
    return mention


def _dash_attribution(text: str, quote: Quote) -> Span | None:
    """``"…" ― Carla Sanchez``: a name after a dash right behind a cue-less quote."""
    match = _DASH.match(text, quote.segments[-1].end)
    if match is None:
        return None
    return Span.of(text, match.start(1), match.end(1))
