"""Article structure from raw scraped text.

:func:`parse_article` reads text as a scraper returns it (navigation, captions printed twice,
datelines, bylines, credits, comment forms, related-story lists) and returns an
:class:`~nkquotes.Article` whose spans all index the caller's original text.

The parse runs in passes over the trimmed lines of the text, each linear in its size:

1. every line is classified on its own: furniture from the lexicon, date stamps, lone tokens,
   all-capital labels, photo captions, a line holding the same caption twice;
2. teasers (an opening line the body repeats) and repeated lines are marked;
3. the title is the first remaining line shaped like a headline; bylines and a dateline
   follow it; ``(END)`` closes the body and what follows is a most-read list;
4. the remaining lines are body paragraphs, trimmed of a leading dateline or template token
   and of trailing credits (``(Yonhap)``, ``Enditem``, ``(Reporting by …)``), then split into
   sentences.
"""

from __future__ import annotations

import enum
import itertools

import attrs
import regex

from nkquotes._errors import InputError
from nkquotes._model import (
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
from nkquotes._sentences import split_sentences, trim, wordset
from nkquotes._structure_lexicon import (
    AGENCY_NAME,
    CAPTION,
    CREDITED_CAPTION,
    LEADING_TOKEN,
    TRAILING_AGENCY,
    TRAILING_BOILERPLATE,
    canonical_agency,
    classify_line,
    is_non_english,
)
from nkquotes._structure_lines import Line, split_lines, words
from nkquotes._structure_meta import (
    DateLine,
    match_byline,
    match_date_line,
    match_dateline,
    match_title_stamp,
    to_date,
)

__all__ = ["StructureOptions", "parse_article"]

K = BoilerplateKind


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


class _Role(enum.Enum):
    BODY = "body"
    BOILER = "boiler"
    CAPTION = "caption"
    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    DROP = "drop"  # the second copy of a caption printed twice


@attrs.define
class _Slot:
    line: Line
    seg: str
    role: _Role = _Role.BODY
    kind: BoilerplateKind = K.OTHER
    classified: bool = False
    date: DateLine | None = None
    pieces: list[tuple[str, int, int]] | None = None  # a title line that holds more


_TERMINAL = frozenset(".!?\"”’'):;…")
_SPACES = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_TWO_CAPS = regex.compile(r"\p{Lu}\P{L}*\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_LETTER = regex.compile(r"\p{L}")
_RELATED_CREDIT = regex.compile(r"(?i)\(?more|most|read|related")
_POSSESSIVE = regex.compile(r"(?:['’]s)?\.?$")
_BULLETS = regex.compile(r"\s[•·|▪]\s")
_GLUED = regex.compile(r"\p{Ll}{3}\p{Lu}")
_URL = regex.compile(r"(?i)https?://|www\.|\S@\S")
_INFORMS = regex.compile(
    r"(?<=,\s{1,3})(?P<a>[\p{Lu}][\p{L}]+(?:\s[\p{Lu}][\p{L}]+){0,2})\s+(?:informs|writes)\s*[.]"
)
_OUTLET_SUFFIX = wordset(
    """
        herald times post news journal daily tribune ilbo press gazette guardian telegraph
        observer monitor insider weekly today online mobile agency review chronicle standard
        star sun mail express wire network tv radio media shimbun
        """
)
_SAYS_HEADLINE = regex.compile(r",\s[\p{Lu}][\p{L}'’-]+\s(?:says|warns|claims|insists|urges)\.?$")
_END_MARK = regex.compile(r"(?i)\(?\s*end\s*\)?|enditem|end\s+item")


def parse_article(text: str, *, options: StructureOptions | None = None) -> Article:
    """Recover the structure of raw article *text*: title, captions, dateline, byline,
    agencies, publication line, boilerplate and body paragraphs with their sentences.

    Every span indexes *text* itself; nothing is rewritten.

    >>> article = parse_article("Pompeo leaves for Pyongyang\\n\\nSEOUL (Yonhap) -- He left.")
    >>> article.title.text, article.dateline.span.text, article.paragraphs[0].span.text
    ('Pompeo leaves for Pyongyang', 'SEOUL (Yonhap) --', 'He left.')
    """
    if not isinstance(text, str):
        raise InputError(f"parse_article needs a str, not {type(text).__name__}")
    opts = options if options is not None else StructureOptions()
    slots = [_Slot(line, text[line.start : line.end]) for line in split_lines(text)]
    if opts.detect_boilerplate:
        for index, slot in enumerate(slots):
            _classify(slot, slots[index - 1] if index else None)
        _mark_teasers(text, slots, opts.header_lines)
        _mark_repeated_labels(slots)
    title = _find_title(slots, opts) if opts.detect_title else None
    if title is not None:
        _mark_title_repeats(slots, title)
    _mark_repeated_captions(slots)
    if opts.detect_boilerplate:
        _mark_foreign(slots)
        _mark_end(slots)
        _mark_tail(slots, title)
    builder = _Builder(text)
    builder.collect(slots, title, opts)
    return builder.article()


# --- pass 1: each line on its own -------------------------------------------------------


def _classify(slot: _Slot, previous: _Slot | None) -> None:
    seg = slot.seg
    tokens = words(seg)
    kind = classify_line(seg)
    if kind is not None:
        _set(slot, _Role.BOILER, kind)
        return
    date = match_date_line(seg)
    if date is not None:
        slot.date = date
        _set(slot, _Role.BOILER, K.OTHER)
        return
    if len(tokens) <= 3 and canonical_agency(seg.strip("()[]-–—. ")) is not None:
        _set(slot, _Role.BOILER, K.CREDIT)  # ``Thomson Reuters``, ``(Yonhap)``, ``-ANI``
        return
    if len(tokens) == 1:
        stripped = seg.strip("()[]-–—.")
        _set(slot, _Role.BOILER, K.CREDIT if canonical_agency(stripped) else K.OTHER)
        return
    if seg[0] in "•·▪►" and len(tokens) <= 5 and seg[-1] not in _TERMINAL:
        _set(slot, _Role.BOILER, K.NAVIGATION)  # a short bulleted menu or tag item
        return
    if _doubled(seg) is not None:
        _set(slot, _Role.CAPTION)
        return
    if len(tokens) <= 12 and _TWO_CAPS.search(seg) and not _LOWER.search(seg):
        _set(slot, _Role.BOILER, K.NAVIGATION)
        return
    if _glued_menu(tokens) or len(_BULLETS.findall(seg)) >= 2:
        _set(slot, _Role.BOILER, K.NAVIGATION)
        return
    if len(tokens) <= 80 and CAPTION.search(seg) is not None:
        _set(slot, _Role.CAPTION)
        return
    if _non_latin(seg):
        _set(slot, _Role.BOILER, K.OTHER)
        return
    if (
        2 <= len(tokens) <= 3
        and _POSSESSIVE.sub("", tokens[-1].lower()) in _OUTLET_SUFFIX
        and all(t[:1].isupper() for t in tokens)
        and not seg.endswith(".")
    ):
        _set(slot, _Role.BOILER, K.NAVIGATION)
        return
    del previous


def _glued_menu(tokens: list[str]) -> bool:
    """Menu items run together (``FinancialGovernment SolutionsLegal``)."""
    if len(tokens) > 60:
        return False
    glued = sum(1 for t in tokens if _GLUED.search(t))
    return glued >= 3 and glued * 4 >= len(tokens)


def _set(slot: _Slot, role: _Role, kind: BoilerplateKind = K.OTHER) -> None:
    slot.role = role
    slot.kind = kind
    slot.classified = True


def _doubled(seg: str) -> int | None:
    """If *seg* is one text printed twice (``A A``), the length of the first copy."""
    if not 20 <= len(seg) <= 1200:
        return None
    for gap in (1, 2, 0):
        first = (len(seg) - gap) // 2
        if (
            first * 2 + gap == len(seg)
            and first >= 10
            and seg[:first] == seg[first + gap :]
            and not seg[first : first + gap].strip()
            and len(set(words(seg[:first]))) >= 3
        ):
            return first
    return None


def _non_latin(seg: str) -> bool:
    """Whether *seg* has no letters, or mostly letters of another script (``지나쌤``)."""
    if seg.isascii():
        return _LETTER.search(seg) is None
    letters = [c for c in seg if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    return latin * 2 < len(letters)


def _lowercase_words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if t[:1].islower())


# --- pass 2: teasers and repeats ---------------------------------------------------------


def _mark_teasers(text: str, slots: list[_Slot], header_lines: int) -> None:
    """An opening line that the body repeats inside a longer line is a teaser."""
    squeezed: str | None = None
    for index, slot in enumerate(slots[:header_lines]):
        if slot.classified or len(words(slot.seg)) < 18:
            continue
        if squeezed is None:
            squeezed = _SPACES.sub("", text)
        probe = _SPACES.sub("", slot.seg.rstrip(" ."))
        offset = len(_SPACES.sub("", text[: slot.line.end]))
        if squeezed.find(probe, offset) < 0:
            continue
        if not any(_SPACES.sub("", s.seg) == _SPACES.sub("", slot.seg) for s in slots[index + 1 :]):
            _set(slot, _Role.BOILER, K.OTHER)


def _mark_repeated_labels(slots: list[_Slot]) -> None:
    """A short line printed twice in a row (a logo and its alt text) is a page label."""
    for previous, slot in itertools.pairwise(slots):
        if slot.seg == previous.seg and previous.role is _Role.BODY and len(words(slot.seg)) <= 4:
            _set(previous, _Role.BOILER, K.NAVIGATION)
            _set(slot, _Role.BOILER, K.NAVIGATION)


def _mark_title_repeats(slots: list[_Slot], title: _Slot) -> None:
    for slot in slots:
        if slot is not title and slot.seg == title.seg:
            _set(slot, _Role.BOILER, K.OTHER)


def _mark_repeated_captions(slots: list[_Slot]) -> None:
    """A line printed twice in a row is a photo caption; the second copy is neither."""
    for previous, slot in itertools.pairwise(slots):
        if (
            slot.seg == previous.seg
            and previous.role in (_Role.BODY, _Role.CAPTION)
            and len(words(slot.seg)) >= 5
        ):
            _set(previous, _Role.CAPTION)
            _set(slot, _Role.DROP)


# --- pass 3: title, end of story, tail --------------------------------------------------


def _headline_like(seg: str, *, strict: bool = False) -> bool:
    tokens = words(seg)
    if not 2 <= len(tokens) <= 25 or len(seg) > 250 or _URL.search(seg):
        return False
    if len(tokens) == 2 and all(t[:1].isupper() for t in tokens):
        return False  # ``Latest Videos``: a label, not a headline
    first = seg[0]
    if not (first.isupper() or first.isdigit() or (first in "\"'“‘" and seg[1:2].isalnum())):
        return False
    if seg[-1] in ",:-–—":
        return False
    if seg.endswith(".") and (strict or (len(tokens) > 16 and not _title_case(tokens))):
        return False
    return not (strict and seg[-1] in _TERMINAL)


def _title_case(tokens: list[str]) -> bool:
    """Whether most words of a line are capitalised, as in ``Stealth Over Health``."""
    worded = [t for t in tokens if t[:1].isalpha() and len(t) > 3]
    capital = sum(1 for t in worded if t[:1].isupper())
    return bool(worded) and capital * 10 >= len(worded) * 7


def _find_title(slots: list[_Slot], opts: StructureOptions) -> _Slot | None:
    body = [s for s in slots if s.role is _Role.BODY]
    if len(body) < 2:
        return None
    header = slots[: opts.header_lines]
    candidates: list[_Slot] = []
    for slot in header:
        if slot.role is not _Role.BODY:
            continue
        if _headline_like(slot.seg) and match_byline(slot.seg) is None:
            candidates.append(slot)
            continue
        pieces = match_title_stamp(slot.seg) if not candidates else None
        if pieces is not None and _headline_like(slot.seg[: pieces[0][2]]):
            slot.pieces = pieces
            _set(slot, _Role.TITLE)
            return slot
        if opts.detect_boilerplate and len(words(slot.seg)) <= 4 and not candidates:
            _set(slot, _Role.BOILER, K.NAVIGATION)
            continue
        break
    if candidates:
        # A headline the page prints twice (apart) beats a section label printed before it.
        repeated = [c for c in candidates if _repeated_apart(slots, c)]
        # ``One app.``: a slogan, not a headline, when a real one follows.
        longer = [c for c in candidates if len(words(c.seg)) > 4 or not c.seg.endswith(".")]
        title = (repeated or longer or candidates)[0]
        for slot in slots[: slots.index(title)]:
            if slot.role is _Role.BODY:
                _set(slot, _Role.BOILER, K.OTHER)  # promotional lines above the headline
        _set(title, _Role.TITLE)
        return title
    # A page whose headline is printed after the lede (no headline in the header).
    for slot in body[1:4]:
        if (
            slot.role is _Role.BODY
            and slot.line.gap_before
            and _headline_like(slot.seg, strict=True)
            and len(words(slot.seg)) >= 5
            and slot is not body[-1]
        ):
            _set(slot, _Role.TITLE)
            return slot
    return None


def _mark_foreign(slots: list[_Slot]) -> None:
    """Lines in another language (widget text) after the body has begun."""
    body = [s for s in slots if s.role is _Role.BODY]
    for slot in reversed(body[1:]):
        if not (_lowercase_words(words(slot.seg)) >= 4 and is_non_english(slot.seg)):
            break
        _set(slot, _Role.BOILER, K.OTHER)


def _repeated_apart(slots: list[_Slot], slot: _Slot) -> bool:
    """Whether *slot*'s text recurs on a later line that does not directly follow it."""
    index = slots.index(slot)
    return any(s.seg == slot.seg for s in slots[index + 2 :])


def _mark_end(slots: list[_Slot]) -> None:
    """After ``(END)`` or ``Enditem`` on its own line, every line is a most-read list."""
    for index, slot in enumerate(slots):
        if slot.role is _Role.BOILER and _END_MARK.fullmatch(slot.seg.strip()):
            for later in slots[index + 1 :]:
                if later.role is _Role.BODY or (
                    later.role is _Role.BOILER and later.kind is K.OTHER
                ):
                    _set(later, _Role.BOILER, K.RELATED)
            return


def _mark_tail(slots: list[_Slot], title: _Slot | None) -> None:
    """Bylines near the top or the end, a photo caption under the headline, a list of
    related headlines after a ``See Also:`` label, and a related headline closing the page.
    """
    body = [s for s in slots if s.role is _Role.BODY]
    if not body:
        return
    for slot in body[:3] + body[-3:]:
        if match_byline(slot.seg) is not None:
            _set(slot, _Role.BYLINE)
            break
    body = [s for s in body if s.role is _Role.BODY]
    first = body[0] if body else None
    if (
        title is not None
        and first is not None
        and len(body) >= 2
        and CREDITED_CAPTION.search(first.seg)
        and match_dateline(first.seg, 0, len(first.seg)) is None
    ):
        _set(body[0], _Role.CAPTION)
    _mark_related_list(slots)
    body = [s for s in body if s.role is _Role.BODY]
    if len(body) < 3:
        return
    last = body[-1]
    tokens = words(last.seg)
    if match_byline(last.seg, bare=True) is not None:
        _set(last, _Role.BYLINE)
    elif (
        len(tokens) <= 14
        and (last.seg[-1] not in _TERMINAL or _SAYS_HEADLINE.search(last.seg))
        and last.seg[:1].isupper()
    ):
        _set(last, _Role.BOILER, K.RELATED)


def _mark_related_list(slots: list[_Slot]) -> None:
    """After a related-stories label, a run of short lines to the end is that list."""
    labels = [i for i, s in enumerate(slots) if s.role is _Role.BOILER and s.kind is K.RELATED]
    if not labels:
        return
    start = labels[-1] + 1
    rest = [s for s in slots[start:] if s.role is _Role.BODY]
    if rest and all(len(words(s.seg)) <= 20 for s in rest):
        for slot in rest:
            _set(slot, _Role.BOILER, K.RELATED)


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
        self.boilerplate: list[Boilerplate] = []
        self.paragraphs: list[Paragraph] = []

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def agency(self, name: str, start: int, end: int) -> None:
        self.agencies.append(Agency(name=name, span=self.span(start, end)))

    def boiler(self, start: int, end: int, kind: BoilerplateKind) -> None:
        self.boilerplate.append(Boilerplate(span=self.span(start, end), kind=kind))

    def collect(self, slots: list[_Slot], title: _Slot | None, opts: StructureOptions) -> None:
        if title is not None:
            self.title = self.span(title.line.start, title.line.end)
            if title.pieces is not None:
                self._title_pieces(title)
        published: list[tuple[int, _Slot]] = []
        seen_body = False
        blocks: list[list[_Slot]] = []
        previous: _Slot | None = None
        for slot in slots:
            line = slot.line
            after, previous = previous, slot
            if slot.role is _Role.BODY:
                if not seen_body and self._leading_dateline(slot):
                    continue
                seen_body = True
                if blocks and after is blocks[-1][-1] and _continues(after, slot):
                    blocks[-1].append(slot)
                else:
                    blocks.append([slot])
            elif slot.role is _Role.CAPTION:
                first = _doubled(slot.seg)
                self.captions.append(self.span(line.start, line.start + (first or len(slot.seg))))
            elif slot.role is _Role.BYLINE:
                self._byline(slot)
            elif slot.role is _Role.BOILER:
                self.boiler(line.start, line.end, slot.kind)
                self._credit_agency(slot)
                if slot.date is not None and to_date(slot.date.date) is not None:
                    rank = {"published": 0, "updated": 2}.get(slot.date.label, 1)
                    if rank != 1 or not seen_body:
                        published.append((rank, slot))
        if published:
            best = min(
                published, key=lambda p: (p[0], -p[1].line.start if p[0] == 1 else p[1].line.start)
            )[1]
            date = to_date(best.date.date if best.date else None)
            if date is not None:
                self.published = PublishedLine(
                    span=self.span(best.line.start, best.line.end), date=date
                )
        for index, block in enumerate(blocks):
            self._paragraph(block, first=index == 0)
        dateline = self.dateline
        if self.published is None and dateline is not None and dateline.date is not None:
            day = dateline.date.to_date()
            if day is not None:  # ``STOCKHOLM (… - 03rd October, 2019)`` dates the story
                self.published = PublishedLine(span=dateline.span, date=day)
        del opts

    def _title_pieces(self, slot: _Slot) -> None:
        base = slot.line.start
        for piece, start, end in slot.pieces or ():
            if piece == "title":
                self.title = self.span(base + start, base + end)
            elif piece == "date":
                self.boiler(base + start, base + end, K.OTHER)
                date = match_date_line(slot.seg[start:end])
                day = to_date(date.date) if date is not None else None
                if day is not None:
                    self.published = PublishedLine(
                        span=self.span(base + start, base + end), date=day
                    )
            elif piece == "byline":
                found = match_byline(slot.seg[start:end])
                names = found.names if found is not None else ()
                self.byline = Byline(span=self.span(base + start, base + end), names=names)
            else:
                self.boiler(base + start, base + end, K.CREDIT)

    def _leading_dateline(self, slot: _Slot) -> bool:
        """A dateline alone on its line; returns whether the line is used up."""
        if self.dateline is not None:
            return False
        found = match_dateline(self.text, slot.line.start, slot.line.end)
        if found is None or found.end < slot.line.end:
            return False
        self._set_dateline(found)
        return True

    def _set_dateline(self, found: object) -> None:
        from nkquotes._structure_meta import DatelineMatch

        assert isinstance(found, DatelineMatch)
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

    def _byline(self, slot: _Slot) -> None:
        line = slot.line
        found = match_byline(slot.seg, bare=True)
        if self.byline is not None or found is None:
            self.boiler(line.start, line.end, K.CREDIT)
            return
        self.byline = Byline(span=self.span(line.start, line.end), names=found.names)
        if found.agency is not None:
            hit = AGENCY_NAME.search(self.text, line.start, line.end)
            if hit is not None:
                self.agency(found.agency, hit.start(), hit.end())

    def _credit_agency(self, slot: _Slot) -> None:
        if slot.kind not in (K.CREDIT, K.COPYRIGHT) and slot.date is None:
            return
        hit = AGENCY_NAME.search(self.text, slot.line.start, slot.line.end)
        if hit is not None:
            name = canonical_agency(hit.group())
            if name is not None:
                self.agency(name, hit.start(), hit.end())

    def _paragraph(self, block: list[_Slot], *, first: bool) -> None:
        start, end = block[0].line.start, block[-1].line.end
        if first and self.dateline is None:
            found = match_dateline(self.text, start, end)
            if found is not None:
                self._set_dateline(found)
                start, end = trim(self.text, found.end, end)
        start = self._leading_tokens(start, end)
        end = self._trailing(start, end)
        if end <= start:
            return
        if first:
            self._informs(start, end)
        span = self.span(start, end)
        self.paragraphs.append(
            Paragraph(span=span, sentences=split_sentences(self.text, start, end))
        )

    def _leading_tokens(self, start: int, end: int) -> int:
        token = LEADING_TOKEN.match(self.text, start, end)
        if token is not None:
            self.boiler(token.start(), token.end(), K.OTHER)
            start, _ = trim(self.text, token.end(), end)
        return start

    def _trailing(self, start: int, end: int) -> int:
        for _ in range(4):
            window = max(start, end - 400)
            credit = TRAILING_BOILERPLATE.search(self.text, window, end)
            if credit is not None and credit.start() > start:
                kind = K.RELATED if _RELATED_CREDIT.match(credit.group()) else K.CREDIT
                self.boiler(credit.start(), credit.end(), kind)
                _, end = trim(self.text, start, credit.start())
                continue
            wire = TRAILING_AGENCY.search(self.text, window, end)
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
        for hit in _INFORMS.finditer(self.text, start, min(end, start + 2000)):
            name = canonical_agency(hit.group("a"))
            if name is not None:
                self.agency(name, hit.start("a"), hit.end("a"))
                return

    def article(self) -> Article:
        agencies = sorted(self.agencies, key=lambda a: a.span.start)
        return Article(
            title=self.title,
            dateline=self.dateline,
            byline=self.byline,
            agencies=tuple(agencies),
            published=self.published,
            captions=tuple(sorted(self.captions)),
            boilerplate=tuple(sorted(self.boilerplate, key=lambda b: b.span.start)),
            paragraphs=tuple(self.paragraphs),
        )


def _continues(previous: _Slot, slot: _Slot) -> bool:
    """Whether *slot* continues the paragraph of *previous* (a hard-wrapped line)."""
    if slot.line.gap_before:
        return False
    return previous.seg[-1] not in _TERMINAL and slot.seg[:1].islower()
