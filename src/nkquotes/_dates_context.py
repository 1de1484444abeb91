"""Where time expressions attach in an article, for carrying dates across sentences.

The paragraphs and sentences of the text (from the article's structure, or its lines), and
speech or event words (``statement``, ``said``, ``met``) with the time expression attached to
them: a short stretch after the word with no clause break and no word that starts another
event (``statement released Tuesday``, ``met here on Monday``), or just before it (``Sunday's
statement``), never in a relative clause or inside quoted content.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence

import attrs

from nkquotes import _lazyregex
from nkquotes._model import SPAN_POSITION, Article, Quote, Span
from nkquotes._sentences import split_sentences
from nkquotes._timex import find_time_expressions, resolve_time_expression

__all__ = ["POSSESSIVE", "Context", "Dated", "Layout", "anchor", "mentions"]

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
POSSESSIVE = _lazyregex.compile(r"['’]s\b")
#: Dated mentions looked at before a quote (bounded work per quote on long articles).
_LOOKBACK = 12
# Characters around a word in which an attached time expression (up to ~40 long) may lie.
_MARGIN = _GAP_AFTER + 45
#: Characters of a quote's sentence read when it has no sentence (bounded work per quote).
_REACH = 300


@attrs.frozen
class Layout:
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


def layout_of(text: str, article: Article | None) -> Layout:
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
    return Layout(
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        starts=tuple(s.start for s in sentences),
        para_of=tuple(para_of),
        para_starts=tuple(p[0] for p in paragraphs),
    )


@attrs.frozen
class Dated:
    """A time expression attached to a speech act or event, with its date."""

    expression: Span
    date: dt.date
    word: str
    at: int


def anchor(quote: Quote) -> int:
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
) -> Dated | None:
    """The time expression attached to *word* (``statement on Sunday``, ``Sunday's statement``)."""
    best: tuple[int, Span] | None = None
    for span in expressions:
        if word.end <= span.start <= word.end + _GAP_AFTER:
            gap = span.start - word.end
            if _blocked(text, word.end, span.start):
                continue
        elif word.start - _GAP_BEFORE <= span.end <= word.start:
            gap = word.start - span.end
            if _blocked(text, span.end, word.start) and not POSSESSIVE.match(text, span.end):
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
    return Dated(expression=best[1], date=resolved.date, word=word.text.lower(), at=word.start)


class Context:
    """What the rules share for one article: layout, quote contents, resolved expressions."""

    def __init__(
        self, text: str, article: Article | None, quotes: Sequence[Quote], reference: dt.date
    ) -> None:
        self.text = text
        self.reference = reference
        self.layout = layout_of(text, article)
        contents = sorted([s for q in quotes for s in q.segments], key=SPAN_POSITION)
        self._starts = [s.start for s in contents]
        # The furthest end among the segments starting so far: one bisect answers an overlap.
        self._reach: list[int] = []
        for segment in contents:
            self._reach.append(max(segment.end, self._reach[-1] if self._reach else 0))
        self._words: dict[int, tuple[list[Span], list[int]]] = {}
        self._lowered: str | None = None
        self._by_sentence: dict[int, tuple[list[Span], list[int]]] = {}
        self._attached: dict[tuple[int, int], Dated | None] = {}

    def in_content(self, span: Span) -> bool:
        i = bisect.bisect_left(self._starts, span.end) - 1
        return i >= 0 and self._reach[i] > span.start

    def expressions(self, start: int, end: int) -> list[Span]:
        """Time expressions outside quote contents that lie in ``text[start:end]``."""
        start, end = max(0, start), min(len(self.text), end)
        found = find_time_expressions(self.text, start, end)
        return [s for s in found if not self.in_content(s)]

    def dated(self, word: Span) -> Dated | None:
        """*word* with the time expression attached to it, if any (each word looked at once).

        Expressions are looked for in a small window around the word only: scanning for
        time expressions is the costly part, speech and event words are cheap to find.
        """
        key = (word.start, word.end)
        if key not in self._attached:
            self._attached[key] = _attached(self.text, word, self._near(word), self.reference)
        return self._attached[key]

    def _near(self, word: Span) -> list[Span]:
        """The expressions that may attach to *word*: those of its sentence near it (a
        sentence break is a clause break, so nothing across it attaches)."""
        index = self.layout.sentence_at(word.start)
        if index is None or word.end > self.layout.sentences[index].end:
            return self.expressions(word.start - _GAP_BEFORE - _MARGIN, word.end + _MARGIN)
        found, starts = self.sentence_expressions(index)
        low = bisect.bisect_left(starts, word.start - _GAP_BEFORE - _MARGIN)
        return found[low : bisect.bisect_right(starts, word.end + _GAP_AFTER)]

    def sentence_expressions(self, index: int) -> tuple[list[Span], list[int]]:
        """The expressions of sentence *index* (scanned once) and their starts."""
        if index not in self._by_sentence:
            sentence = self.layout.sentences[index]
            found = self.expressions(sentence.start, sentence.end)
            self._by_sentence[index] = (found, [s.start for s in found])
        return self._by_sentence[index]

    def _find(self, pattern: _lazyregex.LazyPattern, stems: tuple[str, ...]) -> list[Span]:
        """Matches of *pattern* over the whole text, tried only where one of its *stems*
        (lower case, each the start of an alternative) occurs: string search is much faster
        than running a case-insensitive alternation over every position."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        lowered, text = self._lowered, self.text
        if len(lowered) != len(text):  # lower() changed offsets: scan the plain way
            return [Span.of(text, m.start(), m.end()) for m in pattern.finditer(text)]
        starts: set[int] = set()
        for stem in stems:
            at = lowered.find(stem)
            while at >= 0:
                starts.add(at)
                at = lowered.find(stem, at + 1)
        found = []
        for at in sorted(starts):
            match = pattern.match(text, at)
            if match is not None and match.end() > match.start():
                found.append(Span.of(text, match.start(), match.end()))
        return found

    def dated_words(
        self,
        start: int,
        end: int,
        pattern: _lazyregex.LazyPattern,
        stems: tuple[str, ...],
        keep: Callable[[str], bool] | None = None,
    ) -> list[Dated]:
        """Speech or event words starting in ``text[start:end]`` with an attached expression.

        The words of a pattern are found once over the whole text; only the last
        :data:`_LOOKBACK` words before *end* are looked at, so a rule asking about many
        stretches of a long article stays linear. With *keep*, only those of them whose
        text, lower-cased, it keeps (the attached expression, costly to find, is not looked
        for around the others).
        """
        key = id(pattern)
        if key not in self._words:
            words = [w for w in self._find(pattern, stems) if not self.in_content(w)]
            self._words[key] = (words, [w.start for w in words])
        words, starts = self._words[key]
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        recent = words[max(low, high - _LOOKBACK) : high]
        if keep is not None:
            recent = [w for w in recent if keep(w.text.lower())]
        found = [self.dated(w) for w in recent]
        return [d for d in found if d is not None]

    def words_in(self, index: int, pattern: _lazyregex.LazyPattern) -> list[Dated]:
        """Like :meth:`dated_words` for sentence *index*: the pattern runs on it only, and
        only when it has a time expression at all."""
        if not self.sentence_expressions(index)[0]:
            return []
        sentence = self.layout.sentences[index]
        found = []
        for match in pattern.finditer(self.text, sentence.start, sentence.end):
            word = Span.of(self.text, match.start(), match.end())
            if not self.in_content(word):
                dated = self.dated(word)
                if dated is not None:
                    found.append(dated)
        return found

    def attribution(self, quote: Quote) -> list[tuple[int, int]]:
        """The stretches of the quote's sentence outside its content (and, when the cue comes
        first, before the content's end)."""
        at = anchor(quote)
        index = self.layout.sentence_at(at)
        # (Conditional expressions, not min and max: a builtin call costs more here.)
        if index is not None:
            sentence = self.layout.sentences[index]
            start, end = sentence.start, sentence.end
        else:
            start, end = (at - _REACH if at > _REACH else 0), len(self.text)
        if start < at - _REACH:
            start = at - _REACH
        if end > at + _REACH:
            end = at + _REACH
        segments = quote.segments
        if len(segments) > 1:
            segments = tuple(sorted(segments, key=SPAN_POSITION))
        if quote.cue is not None and quote.cue.span.end <= segments[0].start:
            # "X said A, effectively denying the announcement": after the content is another
            # clause, not the attribution.
            last = segments[-1].end if segments[-1].end > start else start
            if last < end:
                end = last
        parts, pos = [], start
        for segment in segments:
            if segment.start > pos:
                parts.append((pos, segment.start if segment.start < end else end))
            if segment.end > pos:
                pos = segment.end
        if pos < end:
            parts.append((pos, end))
        return [(a, b) for a, b in parts if a < b]


def mentions(text: str, parts: Sequence[tuple[int, int]], stems: tuple[str, ...]) -> bool:
    """A cheap test before a rule's pattern runs: does any stem occur in the stretches?"""
    for start, end in parts:
        lowered = text[start:end].lower()
        for stem in stems:  # a plain loop: quicker than any() over a generator
            if stem in lowered:
                return True
    return False
