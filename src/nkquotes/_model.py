"""The nkquotes data model: immutable, slotted value types.

Every :class:`Span` is a half-open ``[start, end)`` range of character offsets into the
caller's *original* text, and carries that slice as :attr:`Span.text`, so
``source[span.start:span.end] == span.text`` always holds. Results hold tuples, never lists.
"""

from __future__ import annotations

import datetime as _dt
import enum
import operator
from collections.abc import Callable
from typing import Any

import attrs

from nkquotes._errors import InputError, SpanError

__all__ = [
    "Agency",
    "Article",
    "Boilerplate",
    "BoilerplateKind",
    "Byline",
    "Cue",
    "DateSource",
    "Dateline",
    "Document",
    "Entity",
    "EntityKind",
    "Paragraph",
    "PartialDate",
    "Problem",
    "PublishedLine",
    "Quote",
    "QuoteDate",
    "QuoteKind",
    "Span",
    "Speaker",
    "StanceResult",
]


_new_object = object.__new__


def _check_span(instance: Span, attribute: attrs.Attribute[str], value: str) -> None:
    del attribute
    if instance.start < 0 or instance.end < instance.start:
        raise SpanError(f"invalid span [{instance.start}, {instance.end})")
    if len(instance.text) != instance.end - instance.start:
        raise SpanError(
            f"span [{instance.start}, {instance.end}) has text of length {len(instance.text)}"
        )


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of the original text, with the text it covers.

    Build one with :meth:`Span.of` so the text is always the slice of the source:

    Examples:
        >>> text = "Pompeo said so."
        >>> span = Span.of(text, 0, 6)
        >>> span.text
        'Pompeo'
        >>> text[span.start:span.end] == span.text
        True
    """

    start: int
    end: int
    text: str = attrs.field(validator=_check_span, eq=True, order=False)

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Return the span ``[start, end)`` of *source*; raises :class:`SpanError` if invalid."""
        if not 0 <= start <= end <= len(source):
            raise SpanError(f"span [{start}, {end}) is outside a text of length {len(source)}")
        # The hottest constructor of the library: the checks above are all the validator
        # would do, so fill the slots directly (through their descriptors, which skips the
        # attribute-name lookup of object.__setattr__) instead of running it again.
        span = _new_object(cls)
        SET_START(span, start)
        SET_END(span, end)
        SET_TEXT(span, source[start:end])
        return span

    def __len__(self) -> int:
        return self.end - self.start

    def is_valid_for(self, source: str) -> bool:
        """Whether this span indexes *source* and equals its slice there."""
        return self.end <= len(source) and source[self.start : self.end] == self.text

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether *other* lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


# The slots' own setters: a third cheaper than ``object.__setattr__`` (no attribute-name
# lookup). Spans are the objects the library builds most.
SET_START, SET_END, SET_TEXT = (Span.__dict__[name].__set__ for name in ("start", "end", "text"))
#: ``(span.start, span.end)`` by a C getter: a sort key giving the spans' own order without a
#: Python call per comparison.
SPAN_POSITION = operator.attrgetter("start", "end")


def slot_setters(
    cls: type, names: tuple[str, ...], checked: frozenset[str] = frozenset()
) -> tuple[Callable[[Any, Any], None], ...] | None:
    """The slot setters of the attrs class *cls*'s fields *names* (all of its fields, in the
    order given), or ``None`` when filling the slots would not be what ``__init__`` does:
    other fields, a converter, a validator outside *checked* (values the caller guarantees),
    or an init hook. Hot constructors fill slots this way, as :meth:`Span.of` does."""
    fields = attrs.fields(cls)
    if sorted(a.name for a in fields) != sorted(names):
        return None
    if any(a.converter is not None for a in fields):
        return None
    if any(a.validator is not None and a.name not in checked for a in fields):
        return None
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return None
    setters = [getattr(cls.__dict__.get(name), "__set__", None) for name in names]
    if None in setters:
        return None
    return tuple(setter for setter in setters if setter is not None)


def inner_span(text: str, start: int, end: int) -> Span:
    """``Span.of(text, start, end)`` without the bounds check, for offsets the caller knows
    lie inside the text (``0 <= start <= end <= len(text)``)."""
    span = _new_object(Span)
    SET_START(span, start)
    SET_END(span, end)
    SET_TEXT(span, text[start:end])
    return span


class BoilerplateKind(str, enum.Enum):
    """What a boilerplate line is, so callers can keep or drop kinds selectively."""

    NAVIGATION = "navigation"
    SHARE = "share"
    COMMENTS = "comments"
    COPYRIGHT = "copyright"
    CREDIT = "credit"
    RELATED = "related"
    SUBSCRIPTION = "subscription"
    OTHER = "other"


@attrs.frozen
class Boilerplate:
    """A stretch of page furniture that is not article content."""

    span: Span
    kind: BoilerplateKind = BoilerplateKind.OTHER


@attrs.frozen(order=True)
class PartialDate:
    """A calendar date whose year (or more) the text may leave out (``April 10``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def to_date(self, year: int | None = None) -> _dt.date | None:
        """The full date, taking *year* when the text gave none; ``None`` if incomplete."""
        y = self.year if self.year is not None else year
        if y is None or self.month is None or self.day is None:
            return None
        try:
            return _dt.date(y, self.month, self.day)
        except ValueError:
            return None


@attrs.frozen(kw_only=True)
class Dateline:
    """An opening dateline such as ``SEOUL, April 10 (Yonhap) --``."""

    span: Span
    city: str | None = None
    date: PartialDate | None = None
    agency: str | None = None


@attrs.frozen(kw_only=True)
class Byline:
    """An author line such as ``By Yuna Park``; *names* are the people it credits."""

    span: Span
    names: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Agency:
    """A news agency credited in the text (dateline, trailing ``(Yonhap)``, ``(AP)``)."""

    name: str
    span: Span


@attrs.frozen(kw_only=True)
class PublishedLine:
    """A publication statement in the text (``Published : Dec. 3, 2018 - 21:01``)."""

    span: Span
    date: _dt.date


@attrs.frozen(kw_only=True)
class Paragraph:
    """A body paragraph and its sentences (all spans into the original text)."""

    span: Span
    sentences: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Article:
    """The structure recovered from raw article text.

    Captions and boilerplate are never body text: the quote finder reads only
    :attr:`paragraphs`.
    """

    title: Span | None = None
    dateline: Dateline | None = None
    byline: Byline | None = None
    agencies: tuple[Agency, ...] = ()
    published: PublishedLine | None = None
    captions: tuple[Span, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def agency(self) -> str | None:
        """The first agency credited, or ``None``."""
        return self.agencies[0].name if self.agencies else None

    @property
    def sentences(self) -> tuple[Span, ...]:
        """All body sentences in text order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)


class QuoteKind(str, enum.Enum):
    """How much of a quote's content is inside quotation marks."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"


@attrs.frozen(kw_only=True)
class Cue:
    """The reporting words (``said``, ``told reporters``) and their lemma (``say``)."""

    span: Span
    lemma: str


@attrs.frozen(kw_only=True)
class Speaker:
    """Who a quote is attributed to.

    *mention* is the span naming the speaker at this quote (``he``, ``the minister``), or
    ``None`` for a continuation paragraph that inherits its speaker. *name* and *entity*
    are filled by speaker resolution; *reason* records how (``"name"``, ``"pronoun"``,
    ``"title"``, ``"inherited"``, ``"unresolved: ..."``).
    """

    mention: Span | None
    name: str | None = None
    entity: str | None = None
    reason: str = "unresolved"


class DateSource(str, enum.Enum):
    """Where a quote's date came from.

    *explicit* and *relative*: a time expression attached to the quote (naming the day, or
    counting from the publication date); *carried*: an expression in another sentence that the
    text links to the same speech act (``It said``, ``the statement``, ``after the meeting``);
    *defaulted*: no expression, the publication date because the caller asked for it.
    """

    EXPLICIT = "explicit"
    RELATIVE = "relative"
    CARRIED = "carried"
    DEFAULTED = "defaulted"


@attrs.frozen(kw_only=True)
class QuoteDate:
    """When a quote was said, with the time expression that says so (if any)."""

    date: _dt.date
    source: DateSource
    expression: Span | None = None


@attrs.frozen(kw_only=True)
class StanceResult:
    """A stance label toward a target, with a score in ``[0, 1]`` and its evidence."""

    target: str
    label: str
    score: float
    evidence: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Problem:
    """Something malformed found in the text, reported rather than raised."""

    code: str
    message: str
    span: Span | None = None


@attrs.frozen(kw_only=True)
class Quote:
    """An attributed statement: its content segments, kind, cue, speaker, date and stance."""

    id: str
    segments: tuple[Span, ...] = attrs.field()
    kind: QuoteKind
    cue: Cue | None = None
    speaker: Speaker | None = None
    paragraph: int = 0
    sentence: Span | None = None
    date: QuoteDate | None = None
    stance: StanceResult | None = None
    confidence: float = 1.0

    @segments.validator
    def _check_segments(
        self, attribute: attrs.Attribute[tuple[Span, ...]], value: tuple[Span, ...]
    ) -> None:
        del attribute
        if not value:
            raise InputError("a quote needs at least one segment")

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` covering every segment of the quote."""
        return (self.segments[0].start, self.segments[-1].end)

    @property
    def text(self) -> str:
        """The content segments joined by a single space."""
        return " ".join(s.text for s in self.segments)


class EntityKind(str, enum.Enum):
    """What sort of speaker an entity is."""

    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"
    MEDIA = "media"


@attrs.frozen(kw_only=True)
class Entity:
    """A person, group, organisation or outlet named in the article."""

    id: str
    name: str
    kind: EntityKind
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    party: str | None = None
    mentions: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Document:
    """Everything nkquotes found in one article; the pipeline fills it stage by stage."""

    text: str = attrs.field(repr=lambda t: repr(t[:40] + "…") if len(t) > 40 else repr(t))
    article: Article | None = None
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    published: _dt.date | None = None
    problems: tuple[Problem, ...] = ()
    id: str | None = None

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with *entity_id*, or ``None``."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None
