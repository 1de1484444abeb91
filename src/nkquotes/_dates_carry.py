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
  Friday``);
- *repeated*: the same definite description (``the ministry spokesperson``) names the speaker
  of a dated quote a few paragraphs back, and the quotes between give no other day. A name
  repeated is not enough: a named source is often quoted from several occasions.

The carried :class:`QuoteDate` is :attr:`DateSource.CARRIED`, its expression the earlier time
expression in the original text. Each rule looks at a bounded stretch of text per quote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from nkquotes import _lazyregex
from nkquotes._dates_context import POSSESSIVE, Context, Dated, anchor, mentions
from nkquotes._model import Article, DateSource, Quote, QuoteDate

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
_PRONOUN = _lazyregex.compile(r"(?i)(?:it|he|she|they)")
# "the statement", "the ministry", "the spokesman": a definite description of a common noun.
_DEFINITE = _lazyregex.compile(r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+\p{Ll}[\w\s-]{0,40}")
_CLAUSE_START = _lazyregex.compile(r"[,;:.!?\"“”\n]")
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
# Words without which the patterns above cannot match (a fast test first).
_DOCUMENT_STEMS = (
    "statement", "communiq", "announcement", "remarks", "comment", "speech", "address",
    "letter", "message", "interview", "briefing", "press", "news", "editorial",
)  # fmt: skip
_EVENT_STEMS = ("arrival", "return", "meeting", "talks", "summit", "session", "call", "convers")
_EVENT_WORD_STEMS = {
    "arrive": ("arriv", "return", "landed"),
    "meet": ("met", "meeting", "talks", "summit", "session", "call"),
}
_REMARKS_STEMS = ("remarks", "comments", "statement", "speech", "address")
#: Paragraphs looked back for the same speaker named the same way.
_REPEAT_PARAGRAPHS = 4
#: Paragraphs looked back for a dated event.
_EVENT_PARAGRAPHS = 3


def _speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


def _mention(text: str, quote: Quote) -> str:
    """The words naming the speaker: the resolved mention, else the words before the cue."""
    if quote.speaker is not None and quote.speaker.mention is not None:
        return quote.speaker.mention.text.strip()
    if quote.cue is None:
        return ""
    before = text[max(0, quote.cue.span.start - 40) : quote.cue.span.start]
    return _CLAUSE_START.split(before)[-1].strip()


def _anaphoric(text: str, quote: Quote) -> bool:
    mention = _mention(text, quote)
    return bool(mention) and (
        _PRONOUN.fullmatch(mention) is not None or _DEFINITE.fullmatch(mention) is not None
    )


def _compatible(a: Quote, b: Quote) -> bool:
    first, second = _speaker_name(a), _speaker_name(b)
    return first is None or second is None or first.casefold() == second.casefold()


def _carried(dated: Dated) -> QuoteDate:
    return QuoteDate(date=dated.date, source=DateSource.CARRIED, expression=dated.expression)


def _from_quote(ctx: Context, date: QuoteDate) -> QuoteDate | None:
    """Another quote's date, carried, unless its expression is in a quote's content or dates
    a thing (``called Friday's decision a win``: the day of the decision, not of the saying)."""
    if date.expression is None or date.source is DateSource.DEFAULTED:
        return None
    if ctx.in_content(date.expression) or POSSESSIVE.match(ctx.text, date.expression.end):
        return None
    return QuoteDate(date=date.date, source=DateSource.CARRIED, expression=date.expression)


class _Carrier:
    def __init__(self, ctx: Context, quotes: Sequence[Quote]) -> None:
        self.ctx = ctx
        self.order = sorted(range(len(quotes)), key=lambda i: anchor(quotes[i]))
        self.quotes = list(quotes)
        self.sentence_of = [ctx.layout.sentence_at(anchor(q)) for q in quotes]
        self.parts: dict[int, list[tuple[int, int]]] = {}
        self.anaphora: dict[int, bool] = {}
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
            or self._repeated(rank, i)
        )

    def _previous_sentence(self, i: int) -> int | None:
        index = self.sentence_of[i]
        if index is None or index == 0:
            return None
        layout = self.ctx.layout
        if layout.para_of[index] - layout.para_of[index - 1] > 1:
            return None
        return index - 1

    def _anaphoric(self, i: int) -> bool:
        """:func:`_anaphoric` for quote *i* (two rules ask; its speaker never changes)."""
        if i not in self.anaphora:
            self.anaphora[i] = _anaphoric(self.ctx.text, self.quotes[i])
        return self.anaphora[i]

    def _continuation(self, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        previous = self._previous_sentence(i)
        if previous is None or not self._anaphoric(i):
            return None
        for j in reversed(self.in_sentence.get(previous, [])):
            other = self.quotes[j]
            if other.date is not None:
                if not _compatible(quote, other):
                    return None
                return _from_quote(self.ctx, other.date)
        dated = self.ctx.words_in(previous, _SPEECH_WORD)
        return _carried(dated[-1]) if dated else None

    def _repeated(self, rank: int, i: int) -> QuoteDate | None:
        """The same definite description again ("the ministry spokesperson told Sputnik on
        Thursday ... the ministry spokesperson said"): the speaker's previous quote's date,
        a few paragraphs back at most, with no other day in the quotes between."""
        quote = self.quotes[i]
        mention = _mention(self.ctx.text, quote)
        name = _speaker_name(quote)
        if name is None or _DEFINITE.fullmatch(mention) is None:
            return None
        layout = self.ctx.layout
        here = layout.paragraph_at(anchor(quote))
        between: set[dt.date] = set()
        for back in range(rank - 1, -1, -1):
            other = self.quotes[self.order[back]]
            if here - layout.paragraph_at(anchor(other)) > _REPEAT_PARAGRAPHS:
                return None
            if _speaker_name(other) != name:
                if other.date is not None and other.date.source is not DateSource.DEFAULTED:
                    between.add(other.date.date)
                continue
            if other.date is None or between - {other.date.date}:
                return None
            if _mention(self.ctx.text, other).casefold() != mention.casefold():
                return None
            return _from_quote(self.ctx, other.date)
        return None

    def _adding(self, rank: int, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        if rank == 0 or quote.cue is None:
            return None
        if not (_ADDING.match(quote.cue.span.text) or self._anaphoric(i)):
            return None
        j = self.order[rank - 1]
        other = self.quotes[j]
        if other.date is None or not _compatible(quote, other):
            return None
        layout = self.ctx.layout
        if layout.paragraph_at(anchor(quote)) - layout.paragraph_at(anchor(other)) > 1:
            return None
        # Past the other quote's content, cue and own expression: a new one in between
        # ("In May, she ...") starts another occasion.
        ends = [other.segments[-1].end, anchor(other)]
        ends += [other.cue.span.end] if other.cue is not None else []
        ends += [other.date.expression.end] if other.date.expression is not None else []
        if self.ctx.expressions(max(ends), anchor(quote)):
            return None
        return _from_quote(self.ctx, other.date)

    def _attribution(self, i: int) -> list[tuple[int, int]]:
        if i not in self.parts:
            self.parts[i] = self.ctx.attribution(self.quotes[i])
        return self.parts[i]

    def _document(self, i: int) -> QuoteDate | None:
        quote = self.quotes[i]
        parts = self._attribution(i)
        if not mentions(self.ctx.text, parts, _DOCUMENT_STEMS):
            return None
        families = {
            _FAMILIES.get(m.group("noun").lower().split()[-1], "")
            for start, end in parts
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
        # Only words of the family are dated: finding their expressions is the costly part.
        words = self.ctx.dated_words(
            body,
            limit,
            _DOCUMENT,
            _DOCUMENT_STEMS,
            lambda w: _FAMILIES.get(w.split()[-1]) == family,
        )
        dated = [d for d in words if self._same_speaker(quote, d)]
        if not dated or len({d.date for d in dated}) != 1:
            return None
        return _carried(dated[-1])

    def _same_speaker(self, quote: Quote, dated: Dated) -> bool:
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
        if not mentions(self.ctx.text, [(following.start, following.end)], _REMARKS_STEMS):
            return None
        dated = self.ctx.words_in(index + 1, _REMARKS_MADE)
        return _carried(dated[0]) if dated else None

    def _event(self, i: int) -> QuoteDate | None:
        parts = self._attribution(i)
        if not mentions(self.ctx.text, parts, _EVENT_STEMS):
            return None
        kinds = {
            "arrive" if m.group("arrive") else "meet"
            for start, end in parts
            for m in _EVENT_LINK.finditer(self.ctx.text, start, end)
        }
        index = self.sentence_of[i]
        if len(kinds) != 1 or index is None:
            return None
        layout = self.ctx.layout
        first = max(0, layout.para_of[index] - _EVENT_PARAGRAPHS)
        start = layout.paragraphs[first][0]
        kind = kinds.pop()
        dated = self.ctx.dated_words(
            start, layout.sentences[index].start, _EVENT_WORDS[kind], _EVENT_WORD_STEMS[kind]
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
    ctx = Context(text, article, quotes, reference)
    return tuple(_Carrier(ctx, quotes).run())
