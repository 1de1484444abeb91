"""Quote finding: direct, mixed and indirect quotes in the body paragraphs of an article.

The work is split in passes, each linear in the length of the article:

1. :mod:`nkquotes._quotemarks` pairs the quotation marks of every paragraph, links
   multi-paragraph quotations and reports unbalanced marks (which only lose their own
   quotation: the rest of the article is still read);
2. :mod:`nkquotes._quotes_direct` finds quotations that stand as utterances and attributes
   them;
3. :mod:`nkquotes._quotes_speech` reads the remaining cues as reported speech.

Only ``article.paragraphs`` are read: captions and boilerplate never yield quotes.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import attrs

from nkquotes import _lazyregex
from nkquotes._cues import CueIndex, load_lexicon
from nkquotes._errors import InputError
from nkquotes._model import Article, Problem, Quote, QuoteKind, Span
from nkquotes._quotemarks import find_quoted, opens_with_quote
from nkquotes._quotes_build import quote_of
from nkquotes._quotes_colon import find_colon_statements, find_posts
from nkquotes._quotes_direct import find_direct
from nkquotes._quotes_draft import ParagraphQuotes, block_at
from nkquotes._quotes_follow import find_followups
from nkquotes._quotes_relay import relay
from nkquotes._quotes_speech import cue_budget, find_speech
from nkquotes._sentences import wordset

__all__ = ["QuoteFinding", "QuoteOptions", "find_quotes"]

_ALL_KINDS = frozenset(QuoteKind)


def _check_kinds(instance: QuoteOptions, attribute: object, value: frozenset[QuoteKind]) -> None:
    del instance, attribute
    if not isinstance(value, frozenset) or not all(isinstance(k, QuoteKind) for k in value):
        raise InputError("QuoteOptions.kinds must be a frozenset of QuoteKind")


def _check_extra(instance: QuoteOptions, attribute: object, value: str | Path | None) -> None:
    del instance, attribute
    if value is not None and not isinstance(value, (str, Path)):
        raise InputError("QuoteOptions.extra_cues must be a path or None")


@attrs.frozen(kw_only=True)
class QuoteOptions:
    """Options for :func:`find_quotes`.

    *kinds*: which kinds of quote to return. *indirect*: kept for compatibility; ``False``
    drops indirect quotes. *extra_cues*: a cue lexicon file (same format as the bundled
    ``nkquotes/data/cues.tsv``) whose entries extend and override the bundled ones.
    *continuations*: whether a cue-less quoted paragraph continues the previous speaker.
    """

    kinds: frozenset[QuoteKind] = attrs.field(default=_ALL_KINDS, validator=_check_kinds)
    indirect: bool = True
    extra_cues: str | Path | None = attrs.field(default=None, validator=_check_extra)
    continuations: bool = True


@attrs.frozen(kw_only=True)
class QuoteFinding:
    """The quotes found in an article and the problems met on the way."""

    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()


_ABBREV_END = wordset(
    "sen rep gov mr mrs ms dr gen lt col sgt prof st jr sr rev amb adm capt maj u.s u.n u.k"
    " vs jan feb aug sept oct nov dec e.g i.e"
)


#: A sentence glued to a closing mark: 'the situation.”South Korea held …'.
_GLUED = _lazyregex.compile(r"[.?!][\"”’](?=\p{Lu}\p{Ll})")
#: The two characters every :data:`_GLUED` match opens with: a ``re`` search for them scans
#: a paragraph several times faster than the ``regex`` pattern, and most hold none.
_GLUED_PAIR = re.compile(r"[.?!][\"”’]")
_UPPER_LOWER = _lazyregex.compile(r"\p{Lu}\p{Ll}")
#: The marks of :data:`_GLUED_PAIR`, and how many of them a paragraph may hold for
#: :func:`_glued` to visit each (hostile text may hold thousands: ``re`` reads those).
_GLUED_MARKS = ('"', "”", "’")
_FEW_MARKS = 16


def _glued(text: str, lo: int, hi: int) -> bool:
    r"""Whether ``_GLUED.search(text, lo, hi)`` finds a match: ``re`` finds the pairs that
    open one (they cannot overlap: a quotation mark is not in ``[.?!]``), and the two
    letters after a pair are asked of ``regex`` only where the first is not ASCII or is a
    capital (an ASCII ``\p{Lu}`` is ``A-Z``): most pairs end a quotation before a space.

    Every pair holds one of three marks, and most paragraphs hold few: where they hold at
    most :data:`_FEW_MARKS`, ``str.find`` visits each mark (in C) instead of ``re`` testing
    every character of the paragraph."""
    first = lo + 1  # the mark of a pair follows its [.?!]
    n = text.count('"', first, hi) + text.count("”", first, hi) + text.count("’", first, hi)
    if n == 0:
        return False
    if n <= _FEW_MARKS:
        for mark in _GLUED_MARKS:
            i = text.find(mark, first, hi)
            while i >= 0:
                e = i + 1
                if text[i - 1] in ".?!" and e + 1 < hi:
                    c = text[e]
                    if (c >= "\x80" or "A" <= c <= "Z") and _UPPER_LOWER.match(
                        text, e, hi
                    ) is not None:
                        return True
                i = text.find(mark, e, hi)
        return False
    for m in _GLUED_PAIR.finditer(text, lo, hi):
        e = m.end()
        if e + 1 < hi:
            c = text[e]
            if (c >= "\x80" or "A" <= c <= "Z") and _UPPER_LOWER.match(text, e, hi) is not None:
                return True
    return False


def _sentences(
    text: str, article: Article, index: int, start: int, end: int, pq: ParagraphQuotes
) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph, re-joined where a split fell after an abbreviation
    or inside a quotation."""
    raw = [(s.start, s.end) for s in article.paragraphs[index].sentences if start <= s.start < end]
    if not raw:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    blocks = pq.blocks
    for s, e in raw:
        if out:
            ps, pe = out[-1]
            stripped = text[ps:pe].rstrip()
            if stripped.endswith("."):
                last = stripped.rsplit(None, 1)
                word = last[-1].rstrip(".").lower() if last else ""
                if word in _ABBREV_END or (len(word) == 1 and word.isalpha()):
                    out[-1] = (ps, e)
                    continue
            if blocks:
                k = block_at(pq, s - 1)
                if k >= 0 and blocks[k].closed and blocks[k].end > s:
                    out[-1] = (ps, e)  # the split fell inside a quotation
                    continue
        out.append((s, e))
    out[0] = (start, out[0][1])
    out[-1] = (out[-1][0], max(out[-1][1], end))
    lo, hi = out[0][0], out[-1][1]
    if not _glued(text, lo, hi):
        return out  # nothing glued anywhere in the paragraph (the common case)
    split: list[tuple[int, int]] = []
    for s, e in out:
        for m in _GLUED.finditer(text, s, e):
            split.append((s, m.start() + 2))
            s = m.end()
        split.append((s, e))
    return split


def _sentence_reach(article: Article, index: int, start: int, end: int) -> int:
    """An offset no sentence of :func:`_sentences` for the paragraph ends after: the end
    of the paragraph or of any sentence it reads, whichever is later."""
    reach = end
    for sentence in article.paragraphs[index].sentences:
        if start <= sentence.start < end and sentence.end > reach:
            reach = sentence.end
    return reach


def _cue_paragraphs(
    article: Article, paragraphs: list[ParagraphQuotes], cues: CueIndex
) -> tuple[set[int], set[int]]:
    """The paragraphs with a cue inside, and those with a cue inside their sentences' reach
    (:func:`_sentence_reach`): ``cues.first(...) is not None`` of each, inlined (two tests
    per paragraph, a Python call each)."""
    inside: set[int] = set()
    near: set[int] = set()
    cue_starts, cue_matches = cues.starts, cues.matches
    n_cues = len(cue_matches)
    for pq in paragraphs:
        i = bisect.bisect_left(cue_starts, pq.start)
        j, end = i, pq.end
        while j < n_cues and cue_matches[j].start < end and cue_matches[j].end > end:
            j += 1
        # a cue inside the paragraph lies inside its sentences' reach too (reach >= end)
        if j < n_cues and cue_matches[j].start < end:
            inside.add(pq.index)
            near.add(pq.index)
            continue
        j, end = i, _sentence_reach(article, pq.index, pq.start, pq.end)
        while j < n_cues and cue_matches[j].start < end and cue_matches[j].end > end:
            j += 1
        if j < n_cues and cue_matches[j].start < end:
            near.add(pq.index)
    return inside, near


#: Unbalanced marks reported per article at most (hostile text may hold thousands).
_MAX_PROBLEMS = 100


def _paragraph_quotes(
    text: str, article: Article
) -> tuple[list[ParagraphQuotes], set[int], list[Problem], list[int]]:
    paragraphs: list[ParagraphQuotes] = []
    problems: list[Problem] = []
    limits: list[int] = []  # each paragraph's cue_budget
    for index, para in enumerate(article.paragraphs):
        start, end = para.span.start, para.span.end
        while end > start and text[end - 1].isspace():
            end -= 1
        limit = cue_budget(start, end)
        limits.append(limit)
        blocks, strays = find_quoted(text, start, end, limit)
        if len(blocks) > limit:
            problems.append(
                Problem(
                    code="too-dense",
                    message=f"more than {limit} quotations in one paragraph: the rest not read",
                    span=Span.of(text, blocks[limit].start, blocks[limit].start + 1),
                )
            )
            blocks = blocks[:limit]
        if len(problems) + len(strays) > _MAX_PROBLEMS:
            strays = strays[: max(0, _MAX_PROBLEMS - len(problems))]
        for pos in strays:
            problems.append(
                Problem(
                    code="unbalanced-quote",
                    message="quotation mark without its pair",
                    span=Span.of(text, pos, pos + 1),
                )
            )
        paragraphs.append(ParagraphQuotes(index, start, end, blocks))
    continues: set[int] = set()
    for i, pq in enumerate(paragraphs):
        if not pq.blocks or pq.blocks[-1].closed:
            continue
        last = pq.blocks[-1]
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if nxt is not None and opens_with_quote(text, nxt.start, nxt.end):
            continues.add(i)
            continue
        problems.append(
            Problem(
                code="unbalanced-quote",
                message="quotation opened but never closed in its paragraph",
                span=Span.of(text, last.start, last.start + 1),
            )
        )
        if text[pq.start : last.start].strip():
            pq.blocks.pop()  # a stray mark inside the paragraph: drop it, keep the rest
            pq.starts.pop()
    return paragraphs, continues, problems, limits


def find_quotes(
    text: str, article: Article, *, options: QuoteOptions | None = None
) -> QuoteFinding:
    """Find every quote in the body paragraphs of *article* (spans into *text*).

    Examples:
        >>> import nkquotes
        >>> text = 'Talks\\n\\n"We are not in a rush," he said.'
        >>> finding = find_quotes(text, nkquotes.parse_article(text))
        >>> [(q.kind.value, q.text, q.cue.span.text) for q in finding.quotes]
        [('direct', 'We are not in a rush,', 'said')]
    """
    opts = options or QuoteOptions()
    lex = load_lexicon(None if opts.extra_cues is None else str(opts.extra_cues))
    paragraphs, continues, problems, limits = _paragraph_quotes(text, article)
    cues = CueIndex(
        lex.scan_many(
            text,
            [(pq.start, pq.end, 4 * limit) for pq, limit in zip(paragraphs, limits, strict=True)],
        )
    )
    # The sentences of a paragraph where no cue can lie in any sentence are read only if a
    # quote lands there (the speech pass passes over such a paragraph: its list is empty).
    sentences: list[list[tuple[int, int]]] = []
    pending: set[int] = set()
    cue_paras, near = _cue_paragraphs(article, paragraphs, cues)
    for pq in paragraphs:
        if pq.index not in near:
            sentences.append([])
            pending.add(pq.index)
            continue
        sentences.append(_sentences(text, article, pq.index, pq.start, pq.end, pq))
    if not opts.continuations:
        cue_paras = set()
    direct = find_direct(text, paragraphs, cues, continues, cue_paras)
    if not opts.continuations:
        direct = [d for d in direct if not d.inherited]
    used_cues = [(d.attribution.cue_start, d.attribution.cue_end) for d in direct if d.attribution]
    # the cue word itself may start after an auxiliary: mark every cue match inside
    marks = []
    for s, e in used_cues:
        for m in cues.between(s, e):
            marks.append((m.start, m.end))
    exhausted: list[int] = []
    speech = find_speech(text, paragraphs, sentences, cues, used_cues + marks, direct, exhausted)
    speech = relay(text, speech, direct)
    for index in exhausted:
        pq = paragraphs[index]
        problems.append(
            Problem(
                code="too-dense",
                message="too many reporting words in one paragraph: only part of it read",
                span=Span.of(text, pq.start, pq.end),
            )
        )
    statements, absorbed = find_colon_statements(text, paragraphs, cues, direct + speech)
    kept = [d for d in direct + speech if id(d) not in absorbed]
    posts = find_posts(text, paragraphs, kept + statements)
    follow = find_followups(text, paragraphs, cues, kept + statements + posts)
    if not opts.continuations:
        follow = []
    drafts = sorted(
        kept + statements + posts + follow, key=lambda d: (d.segments[0][0], d.segments[0][1])
    )
    quotes: list[Quote] = []
    starts: dict[int, list[int]] = {}  # sentence starts per paragraph, built when needed
    for draft in drafts:
        if draft.kind not in opts.kinds:
            continue
        if draft.kind is QuoteKind.INDIRECT and not opts.indirect:
            continue
        if draft.paragraph in pending:
            pending.discard(draft.paragraph)
            pq = paragraphs[draft.paragraph]
            sentences[pq.index] = _sentences(text, article, pq.index, pq.start, pq.end, pq)
        sents = sentences[draft.paragraph]
        if draft.paragraph not in starts:
            starts[draft.paragraph] = [s for s, _ in sents]
        quote = quote_of(text, draft, sents, starts[draft.paragraph], len(quotes) + 1)
        if quote is not None:
            quotes.append(quote)
    return QuoteFinding(quotes=tuple(quotes), problems=tuple(problems))
