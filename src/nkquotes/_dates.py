"""Publication and quote dates.

The publication date is the caller's value when given; otherwise the article's publication
line (``Published : Oct. 1, 2021``) or its dateline (``SEOUL, April 10 (Yonhap)``), whose
missing year is taken from the caller or the publication line, or left out.

A quote is dated by the time expression attached to it: first the one nearest its cue in the
attribution part of its sentence (``said Wednesday``, ``told reporters on Thursday``, ``said in
a statement released Tuesday``, ``Kang on Thursday said``), never one inside the quoted content;
then an embedded post's signature line (``— Name (@handle) September 3, 2017``). The expression
is resolved against the publication date (see :mod:`nkquotes._timex`). A quote with no time
expression of its own may carry one from a linked sentence (:mod:`nkquotes._dates_carry`);
otherwise it takes the publication date only when the caller asks for it, and is then marked
:attr:`DateSource.DEFAULTED`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from nkquotes import _lazyregex
from nkquotes._dates_carry import carry_dates
from nkquotes._model import (
    SPAN_POSITION,
    Article,
    DateSource,
    PartialDate,
    Quote,
    QuoteDate,
    QuoteKind,
    Span,
)
from nkquotes._sentences import split_sentences
from nkquotes._timex import _may_anchor, find_time_expressions, resolve_time_expression

__all__ = [
    "DateResolution",
    "date_quote",
    "find_quote_time_expression",
    "publication_date",
    "resolve_dates",
]


#: Where a publication date came from.
PublishedFrom = Literal["caller", "published_line", "dateline"]


@attrs.frozen(kw_only=True)
class DateResolution:
    """The article's publication date and the quotes with their dates.

    *published_from* says where :attr:`published` came from (``"caller"``,
    ``"published_line"``, ``"dateline"``) or is ``None``; *dateline* is the dateline's date,
    its year filled in when the caller or the publication line gives one, else partial.
    """

    published: dt.date | None = None
    quotes: tuple[Quote, ...] = ()
    published_from: PublishedFrom | None = None
    dateline: PartialDate | None = None


# "The statement came one day after officials said ...": the saying precedes the reference.
_DAYS_AFTER = _lazyregex.compile(
    r"(?i)\b(?P<n>a|one|two|three|four|five|six|\d{1,2})\s(?:full\s)?days?\s(?:after|since)\b"
)
_DAYS_AFTER_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# An embedded post's signature line: "— Name (@handle) September 3, 2017".
_POST_SIGNATURE = _lazyregex.compile(r"\n[ \t]*[—–-]{1,2}[ \t]*[^\n()]{1,80}\(@\w{1,40}\)[ \t]*")
_SIGNATURE_REACH = 300
#: The characters a signature line starts with, after its line break (see _POST_SIGNATURE).
_SIGNATURE_OPENERS = frozenset(" \t—–-")
# Without a sentence, how far from the cue an attribution may reach.
_REACH = 250
#: Characters of a quote's sentence searched on each side of the quote and its cue.
_CONTEXT = 600
# "SEOUL, May 21 (Yonhap) --": a dateline dates the article, not the quote after it.
_DATELINE_AFTER = _lazyregex.compile(r",?\s{0,3}(?:\d{4}\s{0,3})?\([^()\n]{1,40}\)\s{0,3}[-–—]")
_RELAYED = _lazyregex.compile(
    r"\b(?:said|says|reported|reports|told|quoted|according\sto|announced|stated)\b"
)
_RELAY_TAIL = _lazyregex.compile(
    r",\s(?P<tail>[^,\"“”‘’\n]{0,80}?\b(?:said|says|reported|reports|told|quoted|announced)\b"
    r"[^,\"“”‘’\n]{0,40})$"
)
_RELAY_REACH = 130
_CLAUSE_BREAK = _lazyregex.compile(r"[,;.:!?\n]")
_RELATIVE_OPENER = _lazyregex.compile(r",\s*(?:who|whom|whose|which|where)\b")
_CLAUSE_REACH = 100
_AFTER_REACH = 80
_HAS_YEAR = _lazyregex.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def publication_date(article: Article, *, published: dt.date | None = None) -> dt.date | None:
    """The publication date: the caller's *published*, else the article's publication line,
    else a dateline that carries (or can borrow) a year; ``None`` when nothing says.

    Examples:
        >>> import datetime as dt
        >>> publication_date(Article(), published=dt.date(2019, 4, 11))
        datetime.date(2019, 4, 11)
    """
    return _publication(article, published)[0]


def _publication(
    article: Article, published: dt.date | None
) -> tuple[dt.date | None, PublishedFrom | None, PartialDate | None]:
    line_date = article.published.date if article.published is not None else None
    dateline = article.dateline.date if article.dateline is not None else None
    if dateline is not None and dateline.year is None:
        borrowed = published or line_date
        if borrowed is not None:
            dateline = attrs.evolve(dateline, year=borrowed.year)
    if published is not None:
        return published, "caller", dateline
    if line_date is not None:
        return line_date, "published_line", dateline
    full = dateline.to_date() if dateline is not None else None
    if full is not None:
        return full, "dateline", dateline
    return None, None, dateline


def _attribution_region(text: str, quote: Quote) -> tuple[int, int]:
    anchor = quote.cue.span if quote.cue is not None else quote.segments[0]
    if quote.sentence is not None:
        # Clipped to _CONTEXT around the quote, so text with no sentence breaks stays linear.
        # (Conditional expressions, not min and max: a builtin call costs more here.)
        first, last = quote.segments[0].start, quote.segments[-1].end
        at, to = anchor.start, anchor.end
        low = (first if first < at else at) - _CONTEXT
        high = (last if last > to else to) + _CONTEXT
        sentence = quote.sentence
        if low < sentence.start:
            low = sentence.start
        if high > sentence.end:
            high = sentence.end
        return (low if low < at else at), (high if high > to else to)
    line_start = text.rfind("\n", 0, anchor.start) + 1
    newline = text.find("\n", anchor.end)
    line_end = len(text) if newline < 0 else newline
    line_start = max(line_start, anchor.start - _REACH)
    line_end = min(line_end, anchor.end + _REACH)
    touching = [quote.cue.span] if quote.cue is not None else []
    touching.extend(s for s in quote.segments if line_start <= s.start and s.end <= line_end)
    start, end = anchor.start, anchor.end
    for sentence in split_sentences(text, line_start, line_end):
        if any(sentence.overlaps(s) or sentence.contains(s) for s in touching):
            start, end = min(start, sentence.start), max(end, sentence.end)
    return start, end


def _gap(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _is_attribution(text: str, span: Span, quote: Quote, skip: Span | None) -> bool:
    if any(span.overlaps(s) for s in quote.segments):
        return False
    if skip is not None and span.overlaps(skip):
        return False
    # A cue before the content owns what precedes the content; what follows the content is
    # another clause ("..., criticising the drill on Monday") unless it relays the saying
    # ("..., state media KCNA said on Tuesday").
    cue = quote.cue
    after = quote.segments[-1].end
    if cue is not None and cue.span.end <= quote.segments[0].start and span.start >= after:
        return _RELAYED.search(text, after, span.start) is not None
    return True


def _outside_content(text: str, quote: Quote, start: int, end: int) -> list[Span]:
    """Time expressions in ``text[start:end]`` outside the quote's content segments."""
    stretches: list[tuple[int, int]] = []
    pos = start
    segments = quote.segments
    for segment in segments if len(segments) == 1 else sorted(segments, key=SPAN_POSITION):
        if segment.start > pos:
            stretches.append((pos, segment.start if segment.start < end else end))
        if segment.end > pos:
            pos = segment.end
    if pos < end:
        stretches.append((pos, end))
    # One anchor test over the stretches joined (a stretch holds an anchor only if they do),
    # not over the whole region: its content, most of its length, cannot hold one that counts.
    found: list[Span] = []
    if len(stretches) == 2:  # the most common shape, joined without a list
        (a, b), (c, d) = stretches
        joined = text[a:b] + text[c:d]
    else:
        joined = "".join([text[a:b] for a, b in stretches])
    if not _may_anchor(joined):
        return found
    for a, b in stretches:
        found.extend(find_time_expressions(text, a, b))
    return found


def _may_relay(part: str) -> bool:
    """False only if _RELAY_TAIL cannot match in *part*: a match holds a comma and one of
    its verbs, as written (the pattern is case-sensitive)."""
    return "," in part and (
        "said" in part
        or "says" in part
        or "report" in part
        or "told" in part
        or "quoted" in part
        or "announced" in part
    )


def _relay_tail(text: str, quote: Quote) -> tuple[Span, ...]:
    """Time expressions in a relaying clause that closes reported content.

    ``blamed the drill for tensions, state media KCNA said on Tuesday``: when a content
    segment without quotation marks ends in such a clause, the clause is attribution.
    """
    if quote.kind is QuoteKind.DIRECT:
        return ()
    last = quote.segments[-1]
    start = last.end - _RELAY_REACH
    if start < last.start:
        start = last.start
    if not _may_relay(text[start : last.end]):
        return ()
    match = _RELAY_TAIL.search(text, start, last.end)
    if match is None:
        return ()
    return find_time_expressions(text, match.start("tail"), last.end)


def _in_relative_clause(text: str, span: Span, anchor: Span, start: int) -> bool:
    """Whether *span* sits in a relative clause before the cue: "Chung, who met Trump this
    week, told reporters" dates the meeting, not the saying."""
    if span.end > anchor.start or _CLAUSE_BREAK.search(text, span.end, anchor.start) is None:
        return False
    comma = text.rfind(",", max(start, span.start - _CLAUSE_REACH), span.start)
    return comma >= 0 and _RELATIVE_OPENER.match(text, comma) is not None


def _candidates(
    text: str, quote: Quote, skip: Span | None = None
) -> list[tuple[int, Span, int | None]]:
    """(distance to the cue, expression, days before the reference if an offset phrase)."""
    start, end = _attribution_region(text, quote)
    anchor = quote.cue.span if quote.cue is not None else quote.segments[0]
    found: list[tuple[int, Span, int | None]] = []
    for span in _outside_content(text, quote, start, end):
        if (
            _is_attribution(text, span, quote, skip)
            and not _DATELINE_AFTER.match(text, span.end)
            and not _in_relative_clause(text, span, anchor, start)
        ):
            found.append((_gap(span, anchor), span, None))
    for span in _relay_tail(text, quote):
        if not _DATELINE_AFTER.match(text, span.end):
            found.append((_gap(span, anchor), span, None))
    after_from = anchor.start - _AFTER_REACH
    if after_from < start:
        after_from = start
    # A match holds "day" in some case (no other character folds to d, a or y).
    has_day = "day" in text[after_from : anchor.start].lower()
    for match in _DAYS_AFTER.finditer(text, after_from, anchor.start) if has_day else ():
        span = Span.of(text, match.start(), match.end())
        # Only when the clause after it is the saying: "one day after officials said".
        if _CLAUSE_BREAK.search(text, span.end, anchor.start) is not None:
            continue
        if _is_attribution(text, span, quote, skip):
            raw = match.group("n").lower()
            days = _DAYS_AFTER_COUNT[raw] if raw in _DAYS_AFTER_COUNT else int(raw)
            found.append((_gap(span, anchor), span, days))
    return found


def _dateline_span(article: Article | None) -> Span | None:
    return article.dateline.span if article is not None and article.dateline else None


def _signature_expression(text: str, quote: Quote) -> Span | None:
    after = quote.segments[-1].end
    if quote.cue is not None and quote.cue.span.end > after:
        after = quote.cue.span.end
    line = text.find("\n", after, after + _SIGNATURE_REACH)
    if line < 0:
        return None
    if text[line + 1 : line + 2] not in _SIGNATURE_OPENERS:
        return None  # what follows the line break cannot open a signature
    signature = _POST_SIGNATURE.match(text, line)
    if signature is None:
        return None
    newline = text.find("\n", signature.end())
    stop = len(text) if newline < 0 else newline
    expressions = find_time_expressions(text, signature.end(), stop)
    return expressions[0] if expressions else None


def find_quote_time_expression(
    text: str, quote: Quote, *, article: Article | None = None
) -> Span | None:
    """The time expression that says when *quote* was said, or ``None``.

    It is looked for in the attribution part of the quote's sentence (never inside the
    quoted content), nearest the cue first, then in an embedded post's signature line.
    """
    picked = _pick(text, quote, _dateline_span(article))
    return None if picked is None else picked[0]


def _pick(text: str, quote: Quote, skip: Span | None) -> tuple[Span, int | None] | None:
    candidates = _candidates(text, quote, skip)
    if candidates:
        _, span, days_before = min(candidates, key=lambda c: (c[0], c[1].start))
        return span, days_before
    signature = _signature_expression(text, quote)
    return None if signature is None else (signature, None)


def date_quote(
    text: str,
    quote: Quote,
    reference: dt.date | None,
    *,
    article: Article | None = None,
    default_to_published: bool = False,
) -> QuoteDate | None:
    """The date of *quote*, resolved against *reference* (the publication date), or ``None``."""
    picked = _pick(text, quote, _dateline_span(article))
    if picked is not None:
        span, days_before = picked
        if days_before is not None:
            if reference is not None:
                when = reference - dt.timedelta(days=days_before)
                return QuoteDate(date=when, source=DateSource.RELATIVE, expression=span)
        elif reference is not None or _HAS_YEAR.search(span.text):
            resolved = resolve_time_expression(span.text, reference or dt.date.max)
            if resolved is not None:
                return QuoteDate(date=resolved.date, source=resolved.source, expression=span)
    if default_to_published and reference is not None:
        return QuoteDate(date=reference, source=DateSource.DEFAULTED)
    return None


def resolve_dates(
    text: str,
    article: Article,
    quotes: tuple[Quote, ...],
    *,
    published: dt.date | None = None,
    default_to_published: bool = False,
) -> DateResolution:
    """Date the article and each quote; the caller's *published* wins over the text.

    A quote that already carries a date keeps it. A quote with no time expression of its own
    may take one from another sentence that the text links to the same speech act (see
    :mod:`nkquotes._dates_carry`, :attr:`DateSource.CARRIED`); one still undated is left so
    unless *default_to_published* is true and a publication date is known.
    """
    when, source, dateline = _publication(article, published)
    dated = []
    for quote in quotes:
        if quote.date is None:
            found = date_quote(text, quote, when, article=article)
            if found is not None:
                quote = attrs.evolve(quote, date=found)
        dated.append(quote)
    # Only then across sentences, so a carried date never wins over the quote's own one.
    carried = carry_dates(text, article, tuple(dated), when)
    if default_to_published and when is not None:
        default = QuoteDate(date=when, source=DateSource.DEFAULTED)
        carried = tuple(q if q.date else attrs.evolve(q, date=default) for q in carried)
    return DateResolution(published=when, quotes=carried, published_from=source, dateline=dateline)
