"""Speaker resolution: every quote's speaker mention resolved to an entity of the article.

:func:`resolve_speakers` builds the article's entity registry (:mod:`nkquotes._speakers_scan`),
reads each quote's mention (:mod:`nkquotes._speakers_mentions`) and resolves it:

- full names to the person registered under them (``reason="name"``);
- surnames and given names, optionally titled (``President Moon``), to the person whose
  name ends in them and whose titles fit; several candidates go to the one mentioned most
  recently (``"surname"``);
- role descriptions (``the minister``, ``the U.S. envoy``) to the most recent entity whose
  titles have the same head noun and no conflicting country; one nobody fits to the person
  the next sentence introduces, or to the person just quoted; ``the leaders`` to the two
  people last named together (``"title"``) (:mod:`nkquotes._speakers_roles`);
- pronouns to the speaker or grammatical subject of the nearest preceding sentence that has
  a compatible one (``"pronoun"``);
- groups and unnamed sources to an entity named by the description, ``some`` to the group
  its sentence names (``"group"``);
- documents (``the statement``) to the document named before or to who issued it: a country
  its adjective names, the last speaker, never an outlet that only carried it
  (``"document"``);
- cue-less continuation paragraphs to the previous quote's speaker, or to its source when it
  only cited an outlet (``"inherited"``).

What cannot be resolved without guessing keeps ``reason="unresolved: <why>"``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs

from nkquotes import _lazyregex
from nkquotes._entities import Record, gender_of, titles_match
from nkquotes._model import Article, Entity, EntityKind, Quote, Span, Speaker
from nkquotes._names import (
    HONORIFICS,
    TITLE_WORDS,
    fold,
)
from nkquotes._speakers_context import (
    QUANTIFIERS,
    after_preposition,
    is_plural_people,
    pair_before,
)
from nkquotes._speakers_mentions import (
    MentionKind,
    MentionParts,
    analyse,
    dash_attribution,
    passive,
    trim,
)
from nkquotes._speakers_roles import LOOKBACK_SENTENCES, Descriptions
from nkquotes._speakers_scan import build_registry

__all__ = ["SpeakerResolution", "resolve_speakers"]


# Documents that a government or person issues and an outlet only carries (a report or an
# editorial may be the outlet's own).
_ISSUED = frozenset(
    {"statement", "announcement", "communique", "communiqué", "declaration", "letter", "readout"}
)
_AND = _lazyregex.compile(r" (?:and|&) ")
_POSSESSIVE_AFTER = _lazyregex.compile(r"['’]s?\b")
_COUNTRY_NOUNS = frozenset({"country", "nation", "regime", "state", "north", "reclusive state"})


@attrs.frozen(kw_only=True)
class SpeakerResolution:
    """Quotes with their speakers resolved, and the article's entities."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()


Resolved = tuple[Record | None, str]


class _Resolver(Descriptions):
    """Resolves the quotes of one article in order (see :func:`resolve_speakers`)."""

    def resolve(self, mention: Span) -> Resolved:
        joined = _AND.search(mention.text)
        if joined is not None:
            pair = self.conjunction(mention, joined.start(), joined.end())
            if pair is not None:
                return pair
        mention = trim(mention)
        if fold(mention.text) in QUANTIFIERS:
            group = self.quantified(mention)
            if group is not None:
                return group, "group"
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
            found = self.role(mention, parts)
            if found is not None:
                return found, "title"
            name = self.of_organisation(mention, parts) or parts.body
            record = self.registry.named(name, EntityKind.PERSON, mention)
            record.add_title(name)
            return record, "group"
        if kind is MentionKind.GROUP:
            if (parts.definite or parts.body.startswith("both")) and is_plural_people(parts.body):
                two = pair_before(self.text, self.registry, self.sentences, mention.start)
                if two is not None:
                    name = f"{two[0].name} and {two[1].name}"
                    return self.registry.named(name, EntityKind.GROUP, mention), "title"
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
        if "," in left.text:
            return None  # "Anna Berg, an adviser and pollster": the "and" is in an apposition
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
        issuer = self.country_of(parts.body, mention.start)
        if issuer is not None:  # "the latest North Korean statement": the country's
            registry.mention(issuer, mention)
            return issuer, "document"
        author = self.documents.get(head)
        if author is None and self.last is not None and self.last[0] < mention.start:
            author = self.last[1]
            source = self.last_source
            # An outlet carries statements; the one who spoke before it issued this one.
            if (
                head in _ISSUED
                and author.kind is EntityKind.MEDIA
                and source is not None
                and self.near(source[0], mention.start)
            ):
                author = source[1]
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
                record = registry.person(name, span.start, span.end)
                self.attach(record, parts)
            else:
                registry.mention(record, span)
                if len(name) > len(record.name):
                    record.name = name
            return record, "name"
        candidates = registry.short(name)
        gender = gender_of(parts.title) if parts.title else None
        if parts.title:
            fitting = [r for r in candidates if titles_match(r, parts.title)]
            candidates = fitting or candidates
        if gender is not None:  # "Ms. Khan" is not Mr. Khan
            candidates = [r for r in candidates if r.gender in (None, gender)] or candidates
        if not candidates:
            record = registry.by_name(name)
            if record is None:
                record = registry.single(name, span.start, span.end)
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
        elif len(candidates) == 1:
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
        for k in range(index - 1, max(index - 1 - LOOKBACK_SENTENCES, -1), -1):
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


def _with_speaker(quote: Quote, speaker: Speaker) -> Quote:
    """``attrs.evolve(quote, speaker=speaker)`` written out: *quote* was validated when it
    was made, and evolve's generic field walk was a tenth of the stage (tests check the
    fields listed here are all of :class:`Quote`'s)."""
    return Quote(
        id=quote.id,
        segments=quote.segments,
        kind=quote.kind,
        cue=quote.cue,
        speaker=speaker,
        paragraph=quote.paragraph,
        sentence=quote.sentence,
        date=quote.date,
        stance=quote.stance,
        confidence=quote.confidence,
    )


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
        mention = speaker.mention or dash_attribution(text, quote)
        if mention is None:
            gap = previous is not None and quote.paragraph - last_paragraph > 1
            if gap:
                # A paragraph in between: someone introduced there may be the speaker.
                start = quote.segments[0].start
                between, _ = resolver.antecedent(start, lambda r: r.kind is EntityKind.PERSON)
                seen = -1 if between is None else registry.last_mention_before(between, start)
                if between is not None and seen > last_pos and not after_preposition(text, seen):
                    previous = between
                    previous.spoke = True
            source = resolver.last_source
            # An outlet is cited, not quoted at length: a cue-less quote goes on its source's.
            if previous is not None and previous.kind is EntityKind.MEDIA and source is not None:
                previous = source[1] if source[1].kind is EntityKind.PERSON else previous
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
            if record.kind is not EntityKind.MEDIA:
                resolver.last_source = resolver.last
            resolver.add_speaker(mention.start, record, passive(text, mention.start))
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
        # Every field of Speaker is set, so it is made anew rather than evolved.
        speaker = Speaker(
            mention=mention or quote.speaker.mention,
            name=record.name if record is not None else None,
            entity=ids.get(id(record)) if record is not None else None,
            reason=reason,
        )
        out.append(_with_speaker(quote, speaker))
    return SpeakerResolution(quotes=tuple(out), entities=registry.entities(ids, keep))
