"""Dates carried across sentences, when the text links a quote to a dated speech act.

A quote whose own sentence has no time expression may still be dated by another sentence, but
only through an explicit link (a wrong date is worse than none):

- *continuation*: the quote's speaker is named anaphorically (``It said``, ``The statement
  said:``) and the sentence just before dates a speech act (a dated quote, or ``condemned the
  sanctions in a statement on Sunday``);
- *adding*: an adding cue (``he added``) or a pronoun speaker continues the same speaker's
  dated quote in the same or the previous paragraph, with no time expression in between;
- *same document*: the attribution names a statement, letter, speech, interview ... and the
  earlier text dates one of that kind, every such mention to the same day;
- *remarks*: the next sentence says when the remarks were made (``X made the remarks
  Saturday``);
- *event*: the attribution places the saying at an event (``after the meeting``, ``upon
  arrival``) that the text dates a little earlier (``met here on Monday``, ``returned home
  Friday``).

The carried :class:`QuoteDate` is :attr:`DateSource.CARRIED`, its expression the earlier time
expression in the original text. Each rule looks at a bounded stretch of text per quote.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

import attrs

from nkquotes import _lazyregex
from nkquotes._model import Article, DateSource, Quote, QuoteDate, Span
from nkquotes._sentences import split_sentences
from nkquotes._timex import find_time_expressions, resolve_time_expression

__all__ = ["carry_dates"]

# Speech acts: nouns by family (a "letter" is not the same document as a "speech") and verbs.
_FAMILIES = {
    "statement": "statement",
    "statements": "statement",
    "communique": "statement",
    "communiqué": "statement",
    "announcement": "statement",
    "remarks": "remarks",
    "comments": "remarks",
    "speech": "speech",
    "address": "speech",
    "letter": "letter",
    "message": "letter",
    "interview": "interview",
    "briefing": "briefing",
    "conference": "briefing",
    "commentary": "commentary",
    "editorial": "commentary",
}
_NOUN = (
    r"(?:statements?|communiqu[eé]|announcement|remarks|comments|speech|address|letter|message"
    r"|interview|briefing|(?:press|news)\sconference|commentary|editorial)"
)
_SPEECH_WORD = _lazyregex.compile(
    rf"(?i)\b(?P<noun>{_NOUN})\b|\b(?:said|says|told|announced|stated|declared|wrote|tweeted"
    r"|warned|added|insisted|stressed|urged)\b"
)
_DOCUMENT = _lazyregex.compile(rf"(?i)\b(?P<noun>{_NOUN})\b")
# Between a speech word and its time expression: a short stretch with no clause break and no
# word that starts another event ("The statement comes after news Monday").
_GAP_AFTER = 50
_GAP_BEFORE = 25
_GAP_BREAK = _lazyregex.compile(
    r"(?i)[,;:.!?\"“”()\n]|\b(?:after|before|since|following|ahead|until|amid|when|while|as"
    r"|that|which|who|where|news|reports?|days?|weeks?|months?|earlier|later|and|but)\b"
)
_CLAUSE_END = _lazyregex.compile(r"[,;:.!?\n]")
_RELATIVE_OPENER = _lazyregex.compile(r"(?i),\s*(?:who|whom|whose|which|where)\b")
_PRONOUN = _lazyregex.compile(r"(?i)(?:it|he|she|they)")
# "the statement", "the ministry", "the spokesman": a definite description of a common noun.
_DEFINITE = _lazyregex.compile(r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+\p{Ll}[\w\s-]{0,40}")
_POSSESSIVE = _lazyregex.compile(r"['’]s\b")
_ADDING = _lazyregex.compile(r"(?i)(?:add|added|adding|adds|continued|continuing)\b")
_REMARKS_MADE = _lazyregex.compile(
    r"(?i)\b(?:made|delivered|gave|issued)\s+(?:the|these|those|his|her|their|its|such)\s+"
    r"(?P<noun>remarks|comments|statement|speech|address)\b"
)
# An event the saying is placed at, and what names that event earlier in the text.
_EVENT_LINK = _lazyregex.compile(
    r"(?i)\b(?:(?:upon|on|after)\s+(?:(?:his|her|their|its)\s+)?(?P<arrive>arrival|return)"
    r"|(?:after|following|at|during|before|ahead\s+of|on\s+the\s+sidelines\s+of)\s+"
    r"(?:the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?P<meet>meeting|talks|summit|session"
    r"|call|conversation))\b"
)
_EVENT_WORDS = {
    "arrive": _lazyregex.compile(r"(?i)\b(?:arrived|arrives|returned|returns|landed|arrival)\b"),
    "meet": _lazyregex.compile(r"(?i)\b(?:met|meets|meeting|talks|summit|session|call)\b"),
}
#: Paragraphs looked back for a dated event.
_EVENT_PARAGRAPHS = 3
#: Dated mentions looked at before a quote (bounded work per quote on long articles).
_LOOKBACK = 12
#: Characters of a quote's sentence read when it has no sentence (bounded work per quote).
_REACH = 300


@attrs.frozen
class _Layout:
    """Paragraphs and sentences of the text, with lookups by position."""

    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Span, ...]
    starts: tuple[int, ...]
    para_of: tuple[int, ...]
    para_starts: tuple[int, ...]

    def sentence_at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos <= self.sentences[i].end else None

    def paragraph_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)


def _layout(text: str, article: Article | None) -> _Layout:
    paragraphs: list[tuple[int, int]] = []
    sentences: list[Span] = []
    para_of: list[int] = []
    if article is not None and article.paragraphs:
        for paragraph in article.paragraphs:
            span = paragraph.span
            found = paragraph.sentences or split_sentences(text, span.start, span.end)
            paragraphs.append((span.start, span.end))
            sentences.extend(found)
            para_of.extend([len(paragraphs) - 1] * len(found))
    else:  # no structure: each non-blank line is a paragraph
        pos = 0
        for line in text.splitlines(keepends=True):
            if line.strip():
                found = split_sentences(text, pos, pos + len(line))
                paragraphs.append((pos, pos + len(line)))
                sentences.extend(found)
                para_of.extend([len(paragraphs) - 1] * len(found))
            pos += len(line)
    return _Layout(
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        starts=tuple(s.start for s in sentences),
        para_of=tuple(para_of),
        para_starts=tuple(p[0] for p in paragraphs),
    )


@attrs.frozen
class _Dated:
    """A time expression attached to a speech act or event, with its date."""

    expression: Span
    date: dt.date
    word: str
    at: int


def _anchor(quote: Quote) -> int:
    return quote.cue.span.start if quote.cue is not None else quote.segments[0].start


def _blocked(text: str, low: int, high: int) -> bool:
    return _GAP_BREAK.search(text, low, high) is not None


def _in_relative_clause(text: str, start: int) -> bool:
    """Whether *start* is in a relative clause: "Kim, who arrived on Saturday, met ..."."""
    comma = text.rfind(",", max(0, start - 100), start)
    opener = _RELATIVE_OPENER.match(text, comma) if comma >= 0 else None
    return opener is not None and _CLAUSE_END.search(text, opener.end(), start) is None


def _attached(
    text: str, word: Span, expressions: Sequence[Span], reference: dt.date
) -> _Dated | None:
    """The time expression attached to *word* (``statement on Sunday``, ``Sunday's statement``)."""
    best: tuple[int, Span] | None = None
    for span in expressions:
        if word.end <= span.start <= word.end + _GAP_AFTER:
            gap = span.start - word.end
            if _blocked(text, word.end, span.start):
                continue
        elif word.start - _GAP_BEFORE <= span.end <= word.start:
            gap = word.start - span.end
            if _blocked(text, span.end, word.start) and not _POSSESSIVE.match(text, span.end):
                continue
        else:
            continue
        if best is None or gap < best[0]:
            best = (gap, span)
    if best is None or _in_relative_clause(text, min(word.start, best[1].start)):
        return None
    resolved = resolve_time_expression(best[1].text, reference)
    if resolved is None:
        return None
    return _Dated(expression=best[1], date=resolved.date, word=word.text.lower(), at=word.start)


class _Context:
    """What the rules share for one article: layout, quote contents, resolved expressions."""

    def __init__(
        self, text: str, article: Article | None, quotes: Sequence[Quote], reference: dt.date
    ) -> None:
        self.text = text
        self.reference = reference
        self.layout = _layout(text, article)
        contents = sorted(s for q in quotes for s in q.segments)
        self._starts = [s.start for s in contents]
        # The furthest end among the segments starting so far: one bisect answers an overlap.
        self._reach: list[int] = []
        for segment in contents:
            self._reach.append(max(segment.end, self._reach[-1] if self._reach else 0))
        self._expressions: tuple[list[Span], list[int]] | None = None
        self._dated: dict[int, tuple[list[_Dated], list[int]]] = {}

    def in_content(self, span: Span) -> bool:
        i = bisect.bisect_left(self._starts, span.end) - 1
        return i >= 0 and self._reach[i] > span.start

    def _scan(self) -> tuple[list[Span], list[int]]:
        if self._expressions is None:
            found = [s for s in find_time_expressions(self.text) if not self.in_content(s)]
            self._expressions = (found, [s.start for s in found])
        return self._expressions

    def expressions(self, start: int, end: int) -> list[Span]:
        """Time expressions outside quote contents that lie in ``text[start:end]``."""
        found, starts = self._scan()
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_left(starts, end)
        return [s for s in found[low:high] if s.end <= end]

    def dated_words(self, start: int, end: int, pattern: _lazyregex.LazyPattern) -> list[_Dated]:
        """Speech or event words starting in ``text[start:end]`` with an attached expression.

        Each pattern is run once over the whole text and kept, so rules asking for many
        stretches of a long article stay linear.
        """
        key = id(pattern)
        if key not in self._dated:
            found = []
            for match in pattern.finditer(self.text):
                word = Span.of(self.text, match.start(), match.end())
                if self.in_content(word):
                    continue
                near = self.expressions(word.start - _GAP_BEFORE - 20, word.end + _GAP_AFTER + 20)
                dated = _attached(self.text, word, near, self.reference)
                if dated is not None:
                    found.append(dated)
            self._dated[key] = (found, [d.at for d in found])
        found, starts = self._dated[key]
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        # The last few only: more dated mentions than that make a reference ambiguous anyway.
        return found[max(low, high - _LOOKBACK) : high]

    def attribution(self, quote: Quote) -> list[tuple[int, int]]:
        """The stretches of the quote's sentence outside its content."""
        anchor = _anchor(quote)
        index = self.layout.sentence_at(anchor)
        if index is not None:
            start, end = self.layout.sentences[index].start, self.layout.sentences[index].end
        else:
            start, end = max(0, anchor - _REACH), min(len(self.text), anchor + _REACH)
        start, end = max(start, anchor - _REACH), min(end, anchor + _REACH)
        parts, pos = [], start
        for segment in sorted(quote.segments):
            if segment.start > pos:
                parts.append((pos, min(segment.start, end)))
            pos = max(pos, segment.end)
        if pos < end:
            parts.append((pos, end))
        return [(a, b) for a, b in parts if a < b]


def _speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


def _mention(text: str, quote: Quote) -> str:
    """The words naming the speaker: the resolved mention, else the words before the cue."""
    if quote.speaker is not None and quote.speaker.mention is not None:
        return quote.speaker.mention.text.strip()
    if quote.cue is None:
        return ""
    before = text[max(0, quote.cue.span.start - 40) : quote.cue.span.start].rstrip()
    words = before.split()
    return words[-1] if words else ""


def _anaphoric(text: str, quote: Quote) -> bool:
    mention = _mention(text, quote)
    return bool(mention) and (
        _PRONOUN.fullmatch(mention) is not None or _DEFINITE.fullmatch(mention) is not None
    )


def _compatible(a: Quote, b: Quote) -> bool:
    first, second = _speaker_name(a), _speaker_name(b)
    return first is None or second is None or first.casefold() == second.casefold()


def _carried(dated: _Dated) -> QuoteDate:
    return QuoteDate(date=dated.date, source=DateSource.CARRIED, expression=dated.expression)


def _from_quote(text: str, date: QuoteDate) -> QuoteDate | None:
    if date.expression is None or date.source is DateSource.DEFAULTED:
        return None
    # "called Friday's decision a win": the day of the decision, not surely of the saying.
    if _POSSESSIVE.match(text, date.expression.end):
        return None
    return QuoteDate(date=date.date, source=DateSource.CARRIED, expression=date.expression)


class _Carrier:
    def __init__(self, ctx: _Context, quotes: Sequence[Quote]) -> None:
        self.ctx = ctx
        self.order = sorted(range(len(quotes)), key=lambda i: _anchor(quotes[i]))
        self.quotes = list(quotes)
        self.sentence_of = [ctx.layout.sentence_at(_anchor(q)) for q in quotes]
        self.in_sentence: dict[int, list[int]] = {}
        for i in self.order:
            index = self.sentence_of[i]
            if index is not None:
                self.in_sentence.setdefault(index, []).append(i)

    def run(self) -> list[Quote]:
        for rank, i in enumerate(self.order):
            if self.quotes[i].date is None:
                found = self._date(rank, i)
                if found is not None:
                    self.quotes[i] = attrs.evolve(self.quotes[i], date=found)
        return self.quotes

    def _date(self, rank: int, i: int) -> QuoteDate | None:
        return (
            self._continuation(i)
            or self._adding(rank, i)
            or self._document(i)
            or self._remarks(i)
            or self._event(i)
        )

    def _previous_sentence(self, i: int) -> int | None:
        index = self.sentence_of[i]
        if index is None or index == 0:
            return None
        layout = self.ctx.layout
        if layout.para_of[index] - layout.para_of[index - 1] > 1:
            return None
        return index - 1

    def _continuation(self, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        previous = self._previous_sentence(i)
        if previous is None or not _anaphoric(self.ctx.text, quote):
            return None
        for j in reversed(self.in_sentence.get(previous, [])):
            other = self.quotes[j]
            if other.date is not None:
                if not _compatible(quote, other):
                    return None
                return _from_quote(self.ctx.text, other.date)
        sentence = self.ctx.layout.sentences[previous]
        dated = self.ctx.dated_words(sentence.start, sentence.end, _SPEECH_WORD)
        return _carried(dated[-1]) if dated else None

    def _adding(self, rank: int, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        if rank == 0 or quote.cue is None:
            return None
        if not (_ADDING.match(quote.cue.span.text) or _anaphoric(self.ctx.text, quote)):
            return None
        j = self.order[rank - 1]
        other = self.quotes[j]
        if other.date is None or not _compatible(quote, other):
            return None
        layout = self.ctx.layout
        if layout.paragraph_at(_anchor(quote)) - layout.paragraph_at(_anchor(other)) > 1:
            return None
        between_start = max(other.segments[-1].end, _anchor(other))
        if self.ctx.expressions(between_start, _anchor(quote)):
            return None
        return _from_quote(self.ctx.text, other.date)

    def _document(self, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        families = {
            _FAMILIES.get(m.group("noun").lower().split()[-1], "")
            for start, end in self.ctx.attribution(quote)
            for m in _DOCUMENT.finditer(self.ctx.text, start, end)
        } - {""}
        if len(families) != 1:
            return None
        family = families.pop()
        index = self.sentence_of[i]
        if index is None:
            return None
        layout = self.ctx.layout
        body, limit = layout.paragraphs[0][0], layout.sentences[index].start
        dated = [
            d
            for d in self.ctx.dated_words(body, limit, _DOCUMENT)
            if _FAMILIES.get(d.word.split()[-1]) == family and self._same_speaker(quote, d)
        ]
        if not dated or len({d.date for d in dated}) != 1:
            return None
        return _carried(dated[-1])

    def _same_speaker(self, quote: Quote, dated: _Dated) -> bool:
        """No quote in the dated mention's sentence has another named speaker."""
        index = self.ctx.layout.sentence_at(dated.expression.start)
        others = self.in_sentence.get(index, []) if index is not None else []
        return all(_compatible(quote, self.quotes[j]) for j in others)

    def _remarks(self, i: int) -> QuoteDate | None:
        index = self.sentence_of[i]
        layout = self.ctx.layout
        if index is None or index + 1 >= len(layout.sentences):
            return None
        if layout.para_of[index + 1] - layout.para_of[index] > 1:
            return None
        following = layout.sentences[index + 1]
        dated = self.ctx.dated_words(following.start, following.end, _REMARKS_MADE)
        return _carried(dated[0]) if dated else None

    def _event(self, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        kinds = {
            "arrive" if m.group("arrive") else "meet"
            for start, end in self.ctx.attribution(quote)
            for m in _EVENT_LINK.finditer(self.ctx.text, start, end)
        }
        index = self.sentence_of[i]
        if len(kinds) != 1 or index is None:
            return None
        layout = self.ctx.layout
        first = max(0, layout.para_of[index] - _EVENT_PARAGRAPHS)
        start = layout.paragraphs[first][0]
        dated = self.ctx.dated_words(
            start, layout.sentences[index].start, _EVENT_WORDS[kinds.pop()]
        )
        if not dated or len({d.date for d in dated}) != 1:
            return None
        return _carried(dated[-1])


def carry_dates(
    text: str, article: Article | None, quotes: tuple[Quote, ...], reference: dt.date | None
) -> tuple[Quote, ...]:
    """Date the undated *quotes* that the text links to a dated speech act or event.

    Quotes that already have a date are returned unchanged; nothing is carried without a
    publication date to resolve against.
    """
    if reference is None or all(q.date is not None for q in quotes):
        return quotes
    ctx = _Context(text, article, quotes, reference)
    return tuple(_Carrier(ctx, quotes).run())
