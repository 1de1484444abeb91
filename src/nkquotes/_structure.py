"""Article structure from raw scraped text.

:func:`parse_article` reads text as a scraper returns it (navigation, captions printed twice,
datelines, bylines, credits, comment forms, related-story lists) and returns an
:class:`~nkquotes.Article` whose spans all index the caller's original text.

The parse runs in passes over the trimmed lines of the text, each linear in its size (the
first three live in :mod:`nkquotes._structure_roles`):

1. every line is classified on its own: furniture from the lexicon, date stamps, lone tokens,
   all-capital labels, photo captions, a line holding the same caption twice;
2. teasers (an opening line the body repeats) and repeated lines are marked;
3. the title is the first remaining line shaped like a headline (one printed twice wins);
   bylines and a dateline follow it; ``(END)`` closes the body and what follows is a most-read list;
4. the remaining lines are body paragraphs, trimmed of a leading dateline or template token
   and of trailing credits (``(Yonhap)``, ``Enditem``, ``(Reporting by …)``), then split into
   sentences.
"""

from __future__ import annotations

import operator

import attrs

from nkquotes import _lazyregex
from nkquotes._errors import InputError
from nkquotes._model import (
    SET_END,
    SET_START,
    SET_TEXT,
    Agency,
    Article,
    Boilerplate,
    BoilerplateKind,
    Byline,
    Dateline,
    Paragraph,
    PublishedLine,
    Span,
)
from nkquotes._sentences import split_inside, trim
from nkquotes._structure_lexicon import (
    AGENCY_NAME,
    LEADING_TOKEN,
    canonical_agency,
    trailing_agency,
    trailing_boilerplate,
)
from nkquotes._structure_lines import split_differs, split_lines_and_text, word_count
from nkquotes._structure_meta import (
    DatelineMatch,
    match_byline,
    match_date_line,
    match_dateline,
    to_date,
)
from nkquotes._structure_prose import classify_lines
from nkquotes._structure_records import boilerplate_records, lines_to_read, paragraph_of
from nkquotes._structure_repeats import (
    mark_repeated_captions,
    mark_repeated_labels,
    mark_teasers,
    mark_title_repeats,
)
from nkquotes._structure_roles import (
    TERMINAL,
    doubled,
    find_title,
    mark_end,
    mark_foreign,
    mark_tail,
)
from nkquotes._structure_slots import Role, Slots, positions

__all__ = ["StructureOptions", "parse_article"]

K = BoilerplateKind
# (An enum member read from its class costs several times a global's lookup.)
_BOILER, _CREDIT, _COPYRIGHT = Role.BOILER, K.CREDIT, K.COPYRIGHT
_BODY, _CAPTION, _BYLINE = Role.BODY, Role.CAPTION, Role.BYLINE

_PLAIN_ENDINGS = (".", "!", "?", '"', "”", "’", "…")
_RELATED_CREDIT = _lazyregex.compile(r"(?i)\(?more|most|read|related")
_INFORMS = _lazyregex.compile(
    r"(?<=,\s{1,3})(?P<a>[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,2})\s+(?:informs|writes)\s*[.]"
)


@attrs.frozen(kw_only=True)
class StructureOptions:
    """Options for :func:`parse_article`.

    *detect_title*: whether a headline-shaped opening line is taken as the title (turn it
    off for text known to start with its body). *detect_boilerplate*: whether page furniture
    is recognised; when off, every line that is not the title is body.
    *header_lines*: how many opening lines may hold the title, byline and page furniture.
    """

    detect_title: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    detect_boilerplate: bool = attrs.field(
        default=True, validator=attrs.validators.instance_of(bool)
    )
    header_lines: int = attrs.field(
        default=15, validator=[attrs.validators.instance_of(int), attrs.validators.ge(1)]
    )


_DEFAULT_OPTIONS = StructureOptions()  # frozen: built once, not validated per call


def parse_article(text: str, *, options: StructureOptions | None = None) -> Article:
    """Recover the structure of raw article *text*: title, captions, dateline, byline,
    agencies, publication line, boilerplate and body paragraphs with their sentences.

    Every span indexes *text* itself; nothing is rewritten.

    Examples:
        >>> article = parse_article("Pompeo leaves for Pyongyang\\n\\nSEOUL (Yonhap) -- He left.")
        >>> article.title.text, article.dateline.span.text, article.paragraphs[0].span.text
        ('Pompeo leaves for Pyongyang', 'SEOUL (Yonhap) --', 'He left.')
    """
    if not isinstance(text, str):
        raise InputError(f"parse_article needs a str, not {type(text).__name__}")
    opts = options if options is not None else _DEFAULT_OPTIONS
    # Whether ``str.split`` and the word pattern agree on the text (they do on almost all).
    plain = not split_differs(text)
    slots = _slots(text)
    if opts.detect_boilerplate:
        # ``classify`` reads a line's text alone: a line printed again is not classified again
        # (a hostile text may be one short line repeated tens of thousands of times).
        slots.set_classes(classify_lines(slots.segs, slots.counts_of))
        mark_teasers(text, slots, opts.header_lines, plain=plain)
        mark_repeated_labels(slots)
    title = (
        find_title(
            slots, header_lines=opts.header_lines, detect_boilerplate=opts.detect_boilerplate
        )
        if opts.detect_title
        else None
    )
    if title is not None:
        mark_title_repeats(slots, title)
    mark_repeated_captions(slots)
    if opts.detect_boilerplate:
        mark_foreign(slots)
        mark_end(slots)
        mark_tail(slots, title)
    builder = _Builder(text)
    builder.collect(slots, title, opts)
    return builder.article()


def _slots(text: str) -> Slots:
    """The text's lines as slots."""
    starts, ends, segs = split_lines_and_text(text)
    # A repeated line's words are counted once. (``word_count``'s own shortcut written out: a
    # line is trimmed, so it neither starts nor ends with a space.)
    counts_of = {
        seg: seg.count(" ") + 1 if "  " not in seg and seg.isprintable() else word_count(seg)
        for seg in dict.fromkeys(segs)
    }
    return Slots(text, starts, ends, segs, counts_of)


# --- pass 4: spans -----------------------------------------------------------------------


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.title: Span | None = None
        self.dateline: Dateline | None = None
        self.byline: Byline | None = None
        self.agencies: list[Agency] = []
        self.published: PublishedLine | None = None
        self.captions: list[Span] = []
        #: boilerplate lines' records, in line order (see ``collect``)
        self.line_records: list[Boilerplate] = []
        #: other boilerplate records (inside lines), in any order
        self.boilerplate: list[Boilerplate] = []
        self.paragraphs: list[Paragraph] = []

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def agency(self, name: str, start: int, end: int) -> None:
        self.agencies.append(Agency(name=name, span=self.span(start, end)))

    def boiler(self, start: int, end: int, kind: BoilerplateKind) -> None:
        self.boilerplate.append(Boilerplate(span=self.span(start, end), kind=kind))

    def collect(self, slots: Slots, title: int | None, opts: StructureOptions) -> None:
        starts, ends, segs, roles, kinds, dates = (
            slots.starts,
            slots.ends,
            slots.segs,
            slots.roles,
            slots.kinds,
            slots.dates,
        )
        if title is not None:
            self.title = self.span(starts[title], ends[title])
            pieces = slots.pieces.get(title)
            if pieces is not None:
                self._title_pieces(starts[title], segs[title], pieces)
        # Boilerplate lines first, all at once (a hostile text may be tens of thousands of
        # them): their records, in line order, are built column by column in C.
        boiler = positions(roles, _BOILER)
        self.line_records = boilerplate_records(starts, ends, segs, kinds, boiler)
        todo = lines_to_read(roles, kinds, dates, len(boiler))
        published: list[tuple[int, int]] = []
        seen_body = False
        blocks: list[list[int]] = []  # body paragraphs: runs of line indices
        for index in todo:
            role = roles[index]
            if role is _BOILER:
                kind, stamp = kinds[index], dates[index]
                if stamp is not None or kind is _CREDIT or kind is _COPYRIGHT:
                    self._credit_agency(starts[index], ends[index])
                if stamp is not None and to_date(stamp.date) is not None:
                    rank = {"published": 0, "updated": 2}.get(stamp.label, 1)
                    if rank != 1 or not seen_body:
                        published.append((rank, index))
            elif role is _BODY:
                if not seen_body and self._leading_dateline(starts[index], ends[index]):
                    continue
                seen_body = True
                # (``blocks[-1][-1]`` is the line before: the paragraph goes on, or not.) A
                # hard-wrapped line goes on: no closing mark before it, a small letter opening
                # it, no blank line between (read last: most paragraphs close with a mark).
                if (
                    blocks
                    and blocks[-1][-1] == index - 1
                    and segs[index - 1][-1] not in TERMINAL
                    and segs[index][:1].islower()
                    and not slots.gap_before(index)
                ):
                    blocks[-1].append(index)
                else:
                    blocks.append([index])
            elif role is _CAPTION:
                first = doubled(segs[index])
                start = starts[index]
                self.captions.append(self.span(start, start + (first or len(segs[index]))))
            elif role is _BYLINE:
                self._byline(starts[index], ends[index], segs[index])
        if published:
            best = min(
                published,
                key=lambda p: (p[0], -starts[p[1]] if p[0] == 1 else starts[p[1]]),
            )[1]
            stamp = dates[best]
            date = to_date(stamp.date if stamp else None)
            if date is not None:
                self.published = PublishedLine(span=self.span(starts[best], ends[best]), date=date)
        for index, block in enumerate(blocks):
            self._paragraph(starts[block[0]], ends[block[-1]], first=index == 0)
        dateline = self.dateline
        if self.published is None and dateline is not None and dateline.date is not None:
            day = dateline.date.to_date()
            if day is not None:  # ``STOCKHOLM (… - 03rd October, 2019)`` dates the story
                self.published = PublishedLine(span=dateline.span, date=day)
        del opts

    def _title_pieces(self, base: int, seg: str, pieces: list[tuple[str, int, int]]) -> None:
        for piece, start, end in pieces:
            if piece == "title":
                self.title = self.span(base + start, base + end)
            elif piece == "date":
                self.boiler(base + start, base + end, K.OTHER)
                date = match_date_line(seg[start:end])
                day = to_date(date.date) if date is not None else None
                if day is not None:
                    self.published = PublishedLine(
                        span=self.span(base + start, base + end), date=day
                    )
            elif piece == "byline":
                found = match_byline(seg[start:end])
                names = found.names if found is not None else ()
                self.byline = Byline(span=self.span(base + start, base + end), names=names)
            else:
                self.boiler(base + start, base + end, K.CREDIT)

    def _leading_dateline(self, start: int, end: int) -> bool:
        """A dateline alone on its line; returns whether the line is used up."""
        if self.dateline is not None:
            return False
        found = match_dateline(self.text, start, end)
        if found is None or found.end < end:
            return False
        self._set_dateline(found)
        return True

    def _set_dateline(self, found: DatelineMatch) -> None:
        self.dateline = Dateline(
            span=self.span(found.start, found.end),
            city=found.city,
            date=found.date,
            agency=found.agency,
        )
        if (
            found.agency is not None
            and found.agency_start is not None
            and found.agency_end is not None
        ):
            self.agency(found.agency, found.agency_start, found.agency_end)

    def _byline(self, start: int, end: int, seg: str) -> None:
        found = match_byline(seg, bare=True)
        if self.byline is not None or found is None:
            self.boiler(start, end, K.CREDIT)
            return
        self.byline = Byline(span=self.span(start, end), names=found.names)
        if found.agency is not None:
            hit = AGENCY_NAME.search(self.text, start, end)
            if hit is not None:
                self.agency(found.agency, hit.start(), hit.end())

    def _credit_agency(self, start: int, end: int) -> None:
        hit = AGENCY_NAME.search(self.text, start, end)
        if hit is not None:
            name = canonical_agency(hit.group())
            if name is not None:
                self.agency(name, hit.start(), hit.end())

    def _paragraph(self, start: int, end: int, *, first: bool) -> None:
        if first and self.dateline is None:
            found = match_dateline(self.text, start, end)
            if found is not None:
                self._set_dateline(found)
                start, end = trim(self.text, found.end, end)
        text = self.text
        # Each helper's own first test, written out: most paragraphs need neither.
        if text[start : start + 1] in ("{", "["):
            start = self._leading_tokens(start, end)
        if text[end - 1 : end] not in _PLAIN_ENDINGS or text[end - 2 : end] == ").":
            end = self._trailing(start, end)
        if end <= start:
            return
        if first:
            self._informs(start, end)
        # ``inner_span(text, start, end)`` written out (0 <= start < end <= len(text))
        span = _new_object(Span)
        SET_START(span, start)
        SET_END(span, end)
        SET_TEXT(span, text[start:end])
        self.paragraphs.append(paragraph_of(span, split_inside(text, start, end)))

    def _leading_tokens(self, start: int, end: int) -> int:
        if self.text[start : start + 1] not in ("{", "["):
            return start  # both kinds of token open with a bracket
        token = LEADING_TOKEN.match(self.text, start, end)
        if token is not None:
            self.boiler(token.start(), token.end(), K.OTHER)
            start, _ = trim(self.text, token.end(), end)
        return start

    def _trailing(self, start: int, end: int) -> int:
        last = self.text[end - 1 : end]
        if last in _PLAIN_ENDINGS and self.text[end - 2 : end] != ").":
            # Most paragraphs end a sentence: no credit or wire pattern can end with these
            # marks (``trailing_boilerplate`` and ``trailing_agency`` would not search).
            return end
        for _ in range(4):
            window = max(start, end - 400)
            credit = trailing_boilerplate(self.text, window, end)
            if credit is not None and credit.start() > start:
                kind = K.RELATED if _RELATED_CREDIT.match(credit.group()) else K.CREDIT
                self.boiler(credit.start(), credit.end(), kind)
                _, end = trim(self.text, start, credit.start())
                continue
            wire = trailing_agency(self.text, window, end)
            if wire is not None and wire.start() > start:
                name_group = next(g for g in ("a", "b", "c") if wire.group(g))
                name = canonical_agency(wire.group(name_group))
                if name is not None:
                    self.agency(name, wire.start(name_group), wire.end(name_group))
                    _, end = trim(self.text, start, wire.start())
                    if self.text[end - 1 : end] in "-–—" and end - 1 > start:
                        _, end = trim(self.text, start, end - 1)
                    continue
            break
        return end

    def _informs(self, start: int, end: int) -> None:
        stop = min(end, start + 2000)
        text = self.text
        if text.find("informs", start, stop) < 0 and text.find("writes", start, stop) < 0:
            return  # the pattern needs one of the two words
        for hit in _INFORMS.finditer(text, start, stop):
            name = canonical_agency(hit.group("a"))
            if name is not None:
                self.agency(name, hit.start("a"), hit.end("a"))
                return

    def _boilerplate(self) -> tuple[Boilerplate, ...]:
        """Every boilerplate record, by start (records never share one: lines are disjoint,
        and so are the pieces found inside one line)."""
        if not self.boilerplate:
            return tuple(self.line_records)  # sorted already: the lines are in order
        return tuple(sorted(self.line_records + self.boilerplate, key=_START))

    def article(self) -> Article:
        agencies = sorted(self.agencies, key=_START)
        return Article(
            title=self.title,
            dateline=self.dateline,
            byline=self.byline,
            agencies=tuple(agencies),
            published=self.published,
            captions=tuple(sorted(self.captions)),
            boilerplate=self._boilerplate(),
            paragraphs=tuple(self.paragraphs),
        )


# Spans and paragraphs built the way their attrs ``__init__`` does (no validator), with the
# slots' own setters: one paragraph is built per paragraph of the article.
_new_object = object.__new__
#: What records are sorted by (``attrgetter`` is cheaper than a lambda per record).
_START = operator.attrgetter("span.start")
