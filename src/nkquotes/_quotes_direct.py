"""Direct quotes: quotations that stand as utterances, and their attributions.

A top-level quotation is an *utterance* when it stands on its own in the sentence: it starts
the paragraph or a sentence, or follows a colon or a ``he said,`` lead-in, and it ends the
sentence or is followed by an attribution. Everything else (``called it "a threat"``) is
left to the reported-speech finder, which makes it mixed, or drops it as a scare quote.

Attribution orders handled: ``"…," he said.``, ``"…," said X.``, ``X said: "…"``,
``X said, "…"``, a colon lead-in ending the previous paragraph, ``"…" - X``, split quotes
(``"First," he said. "Second."``), multi-paragraph quotes, and cue-less follow-up
paragraphs that continue the previous speaker.
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._cues import CueIndex
from nkquotes._model import QuoteKind
from nkquotes._quotemarks import QUOTE_CHARS, Quoted
from nkquotes._quotes_draft import Attribution, Draft, ParagraphQuotes
from nkquotes._quotes_fast import HSPACE, ends_before_space
from nkquotes._quotes_mention import (
    aux_before,
    mention_after,
    mention_before,
    skip_listener,
    skip_modifiers,
)
from nkquotes._sentences import split_sentences

__all__ = ["NEG_BEFORE", "after_lead", "colon_lead", "find_direct", "lead_in", "negated"]


def _words(words: str) -> list[str]:
    return words.split()


_LEAD_PUNCT = frozenset(",—–―-:")


def after_lead(text: str, pos: int, hi: int) -> tuple[int, int, int]:
    r"""``(start, end)`` of the punctuation after a closing mark at *pos* and where the text
    goes on: the match of ``[^\S\n]*+(?P<punct>,|[—–―]|-{1,2}|:)?[^\S\n]*+`` (its group
    span, empty when absent, and its end), read with ``str`` lookups."""
    # after_space, inlined: a Python call costs more than its loop
    ps = pos
    while ps < hi and text[ps] in HSPACE:
        ps += 1
    pe = ps
    if pe < hi and text[pe] in _LEAD_PUNCT:
        pe += 2 if text.startswith("--", pe, hi) else 1
    q = pe
    while q < hi and text[q] in HSPACE:
        q += 1
    return ps, pe, q


_SENTENCE_PUNCT = frozenset(".?!…")
_RIGHT_OK = frozenset(".,;:?!)]—–-…")
_ATTR_WINDOW = 160
NEG_BEFORE = _lazyregex.compile(r"(?r)(?:\bnot|n[’']t|\bnever|\bto)[^\S\n]+\Z")
_NEG_WORDS = ("not", "n't", "n’t", "never", "to")


def negated(text: str, lo: int, pos: int) -> bool:
    """Whether ``NEG_BEFORE`` finds a negation or "to" right before *pos*; the pattern
    runs only where white space ends the window after one of its words."""
    if pos > lo and text[pos - 1] in HSPACE and ends_before_space(text, lo, pos, _NEG_WORDS):
        return NEG_BEFORE.search(text, lo, pos) is not None
    return False


#: Words after ``X said`` that still belong to the attribution (``… he said at a rally.``).
_ATTR_TAIL = frozenset(
    _words("in at on during after before with while when to from as outside inside near that")
) | {"which", "who"}


def _starts_sentence(text: str, close: int, mention: tuple[int, int], end: int, hi: int) -> bool:
    """``"… life."  Rubio said the real extremist …``: a capitalised subject after a
    quotation closed by a period, whose verb goes on with content of its own, opens a new
    sentence rather than attributing the quotation."""
    k = close - 1
    while k > 0 and text[k] in QUOTE_CHARS:
        k -= 1
    if text[k] != "." or not text[mention[0]].isupper():
        return False
    rest = text[end:hi].lstrip(" \t")
    if not rest or not (rest[0].isalnum() or rest[0] in '"“‘'):
        return False
    return rest.split(None, 1)[0].lower() not in _ATTR_TAIL


def _attr_after(text: str, pos: int, hi: int, cues: CueIndex) -> Attribution | None:
    """An attribution right after a closing mark: ``, he said`` / ``said X`` / ``- X``."""
    ps, pe, p = after_lead(text, pos, hi)
    punct = text[ps:pe] or None
    if p >= hi:
        return None
    window = min(hi, p + _ATTR_WINDOW)
    m = cues.at(p)
    if m is not None and m.end <= window:
        mention = mention_after(text, m.end, window, loose=True)
        if mention is not None:
            return Attribution(m.start, m.end, m.entry.lemma, mention, mention[1])
    for m in cues.between(p, window):
        entry = m.entry
        if "after" in entry.flags:
            break
        if not _BREAKS.isdisjoint(text[p : m.start]):
            seg = text[p : m.start]
            if not _abbrev_only(seg):
                break
        mend, cue_start = aux_before(text, p, m.start)
        mention = mention_before(text, p, mend, loose=True)
        if mention is not None and mention[0] != p and _DESCRIPTION.fullmatch(text, p, mention[0]):
            mention = (p, mention[1])  # "another friend, Mariam Emara told CNN"
        elif mention is not None and mention[0] != p and _ASIDE.fullmatch(text, p, mention[0]):
            p = mention[0]  # "meaning ludicrous, he added" after the closing mark
        if mention is None or mention[0] != p:
            break
        if negated(text, p, cue_start):
            break
        end = skip_modifiers(text, m.end, window)
        if "obj" in entry.flags:
            end = skip_modifiers(text, skip_listener(text, end, window), window)
        if _starts_sentence(text, pos, mention, end, window):
            break
        return Attribution(cue_start, m.end, entry.lemma, mention, end)
    if punct is not None and punct not in ",:":
        mention = mention_after(text, p, window)
        if mention is not None:
            tail = text[mention[1] : min(window, mention[1] + 2)]
            if not tail.strip() or tail[:1] in ",.;(":
                return Attribution(ps, pe, "say", mention, mention[1])
    return None


#: Characters that end an attribution's reach; those of them that no abbreviation holds.
_BREAKS = frozenset('\n.?!;"“”')
_NOT_ABBREV = frozenset('\n?!;"“”')
_DESCRIPTION = _lazyregex.compile(
    r"(?:[Aa]n?|[Tt]he|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|\p{Lu}[\w’'.-]*+)"
    r"(?:[^\S\n]++[\w’'.-]++){0,5}?,[^\S\n]*+"
)
_ASIDE = _lazyregex.compile(r"[a-z]+ing(?:[^\S\n]++[\w’'-]++){0,3},[^\S\n]*+")
_ABBREV_WORD = _lazyregex.compile(r"[A-Za-z][\w-]{0,5}\.|(?:[A-Za-z]\.)+[A-Za-z]?\.?")


def _abbrev_only(seg: str) -> bool:
    """Whether the periods in *seg* all belong to abbreviations (``U.S.``, ``(D-Wis.)``)."""
    if not _NOT_ABBREV.isdisjoint(seg):
        return False
    for raw in seg.split():
        word = raw.strip("()[],")
        if "." in word and _ABBREV_WORD.fullmatch(word) is None:
            return False
    return True


def lead_in(text: str, lo: int, hi: int, cues: CueIndex, *, comma: bool) -> Attribution | None:
    """An attribution ending *hi* (``X said:`` / ``X told reporters,``), or ``None``.

    With ``comma=True`` the gap between the cue and *hi* must be only times and venues.
    """
    lo = max(lo, hi - 240)
    found = cues.between(lo, hi)
    if not found:
        return None
    last = found[-1]
    entry = last.entry
    if "after" in entry.flags:
        return None
    gap_start = skip_modifiers(text, last.end, hi)
    gap = text[gap_start:hi].strip()
    if comma:
        limit = 6 if "obj" in entry.flags else 3
        if len(gap.split()) > limit or any(c in gap for c in '.?!;"“”'):
            return None
    elif len(gap.split()) > 10 or any(c in gap for c in '?!;"“”'):
        return None
    # The speaker is in the cue's own sentence: "… at the Foundation. King told me, "…"".
    sentences = split_sentences(text, lo, last.start)
    if len(sentences) > 1:
        lo = sentences[-1].start
    mend, cue_start = aux_before(text, lo, last.start)
    mention = mention_before(text, lo, mend, loose=True)
    if mention is None:
        mention = mention_after(text, last.end, hi, loose=True)
    if mention is None:
        return None
    if negated(text, lo, cue_start):
        return None
    return Attribution(cue_start, last.end, entry.lemma, mention, hi)


def _sentence_attribution(
    text: str, para_start: int, lo: int, pos: int, cues: CueIndex
) -> Attribution | None:
    """An inverted attribution closing the sentence before *pos*: ``…,” she said.``"""
    end = pos
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if end <= lo or text[end - 1] != ".":
        return None
    end -= 1
    found = cues.between(max(lo, end - 80), end)
    if not found:
        return None
    last = found[-1]
    if "after" in last.entry.flags or last.entry.ing:
        return None
    if text[last.end : end].strip():
        mention = mention_after(text, last.end, end, loose=True)  # '…,” said Caddell.'
        if mention is None or text[mention[1] : end].strip():
            return None
        cue_start, lead_end = last.start, last.start
    else:
        mend, cue_start = aux_before(text, lo, last.start)
        mention = mention_before(text, lo, mend, appositive=False, loose=True)
        if mention is None:
            return None
        lead_end = mention[0]
    head = text[max(para_start, lead_end - 3) : lead_end].rstrip()
    if not head or head[-1] not in ",”\"’'":
        return None  # only an inverted attribution after a quote: '…,” she said.'
    return Attribution(cue_start, last.end, last.entry.lemma, mention, end + 1)


def _split_tail(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the rest of an attribution clause ending in a comma."""
    if end - start > 200:
        return False
    tail = text[start:end].rstrip()
    return (
        tail.endswith(",")
        and len(tail) < 120
        and (not any(c in tail for c in ".?!;") or _abbrev_only(tail))
    )


def colon_lead(text: str, lo: int, colon: int, cues: CueIndex) -> Attribution:
    """The attribution of a colon lead-in: its cue (``He said:``), or the colon itself."""
    found = lead_in(text, lo, colon, cues, comma=False)
    if found is not None:
        return found
    start = lo
    for p in range(colon - 1, max(lo, colon - 300) - 1, -1):
        if text[p] in ".?!" and p + 1 < colon and text[p + 1].isspace():
            start = p + 1
            break
    while start < colon and text[start].isspace():
        start += 1
    mention = mention_after(text, start, colon, loose=True)
    if mention is not None and mention[0] != start:
        mention = None
    return Attribution(colon, colon + 1, "say", mention, colon + 1)


def _left(text: str, lo: int, block: Quoted, cues: CueIndex) -> tuple[bool, Attribution | None]:
    """Whether the quotation may start an utterance here, and a lead-in attribution."""
    end = block.start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return True, None
    ch = text[end - 1]
    if ch == ":":
        return True, colon_lead(text, lo, end - 1, cues)
    if ch == "," and not text[lo : end - 1].strip():
        return True, None  # right after the previous attribution: '"A," he said, "B."'
    if ch == ",":
        attr = lead_in(text, lo, end - 1, cues, comma=True)
        return attr is not None, attr
    if ch in _SENTENCE_PUNCT or (ch in ")]" and end - 2 >= lo and text[end - 2] in _SENTENCE_PUNCT):
        return True, None
    return False, None


def _right_ok(text: str, block: Quoted, hi: int) -> bool:
    if not block.closed:
        return True
    p = block.end
    while p < hi and text[p].isspace():
        p += 1
    if p >= hi:
        return True
    if text[p] in _RIGHT_OK:
        return True
    inner_end = block.inner_end
    while inner_end > block.inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return inner_end > block.inner_start and text[inner_end - 1] in ".?!,…"


def _segment(text: str, block: Quoted) -> tuple[int, int]:
    s, e = block.inner_start, block.inner_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_direct(
    text: str,
    paragraphs: list[ParagraphQuotes],
    cues: CueIndex,
    continues: set[int],
    cue_paras: set[int],
) -> list[Draft]:
    """Direct quotes of every paragraph; marks used blocks in ``ParagraphQuotes.used``.

    *continues* holds the indices of paragraphs whose last quotation runs on into the next
    paragraph (the multi-paragraph convention); *cue_paras* those holding a cue word, after
    which a cue-less quoted paragraph continues the same speaker.
    """
    drafts: list[Draft] = []
    run: Draft | None = None  # quote continued from the previous paragraph
    colon: Attribution | None = None  # lead-in ending the previous paragraph
    last_quote_para = -10
    for pq in paragraphs:
        prev_in_para: Draft | None = None
        pending: list[int] = []
        pending_at_start = False
        cursor = pq.start
        next_run: Draft | None = None
        for k, block in enumerate(pq.blocks):
            hi = pq.blocks[k + 1].start if k + 1 < len(pq.blocks) else pq.end
            at_start = k == 0 and not text[pq.start : block.start].strip()
            open_run = not block.closed and pq.index in continues
            if k == 0 and at_start and run is not None:
                run.segments.append(_segment(text, block))
                pq.used.add(k)
                owner = run
                if block.closed:
                    after = _attr_after(text, block.end, hi, cues)
                    if after is not None and owner.attribution is None:
                        owner.attribution = after
                        owner.inherited = False
                    cursor = after.end if after is not None else block.end
                else:
                    cursor = block.end
                prev_in_para = owner
                if open_run:
                    next_run = owner
                continue
            left_ok, lead = _left(text, cursor, block, cues)
            if (
                not left_ok
                and prev_in_para is not None
                and prev_in_para.attribution is not None
                and cursor == prev_in_para.attribution.end
                and _split_tail(text, cursor, block.start)
            ):
                # '"A," Trump said during a rally in Kenansville, N.C., "but B."'
                left_ok, lead = True, prev_in_para.attribution
            after = _attr_after(text, block.end, hi, cues) if block.closed else None
            if not (left_ok and (after is not None or _right_ok(text, block, hi))):
                cursor = block.end
                continue
            if lead is None and k == 0 and at_start and colon is not None:
                lead = colon
            attr = lead or after
            if attr is None and prev_in_para is None and not at_start:
                # 'X said A "b," she said. "C."': C goes on after the attribution ending
                # the sentence before, whose first part was reported speech
                attr = _sentence_attribution(text, pq.start, cursor, block.start, cues)
            seg = _segment(text, block)
            if seg[0] >= seg[1]:
                cursor = block.end
                continue
            pq.used.add(k)
            owner_draft: Draft | None
            if (
                lead is not None
                and prev_in_para is not None
                and prev_in_para.attribution is not None
                and prev_in_para.attribution.cue_start == lead.cue_start
            ):
                prev_in_para.segments.append(seg)
                owner_draft = prev_in_para
            elif attr is not None:
                segs = [_segment(text, pq.blocks[j]) for j in pending] + [seg]
                owner_draft = Draft(
                    segs,
                    QuoteKind.DIRECT,
                    pq.index,
                    attr,
                    confidence=0.95 if after else 0.9,
                    anchor=attr.cue_start,
                )
                drafts.append(owner_draft)
                pending = []
                prev_in_para = owner_draft
            elif prev_in_para is not None:
                prev_in_para.segments.append(seg)
                owner_draft = prev_in_para
            else:
                if not pending:
                    pending_at_start = at_start
                pending.append(k)
                owner_draft = None
            if open_run and owner_draft is not None:
                next_run = owner_draft
            cursor = after.end if after is not None else block.end
        if (
            pending
            and pending_at_start
            and pq.index - last_quote_para <= 2
            and not _subhead(text, pq, pending)
        ):
            segs = [_segment(text, pq.blocks[j]) for j in pending]
            draft = Draft(
                segs,
                QuoteKind.DIRECT,
                pq.index,
                None,
                inherited=True,
                confidence=0.75,
                anchor=segs[0][0],
            )
            drafts.append(draft)
            if pq.blocks[pending[-1]].closed is False and pq.index in continues:
                next_run = draft
        elif pending:
            for j in pending:
                pq.used.discard(j)
        if (
            prev_in_para is not None
            or (drafts and drafts[-1].paragraph == pq.index)
            or pq.index in cue_paras
        ):
            last_quote_para = pq.index
        run = next_run
        colon = None
        # a lead-in colon ending the paragraph (read back from its end, without a copy)
        p = pq.end
        while p > pq.start and text[p - 1].isspace():
            p -= 1
        if p > pq.start and text[p - 1] == ":":
            colon = colon_lead(text, pq.start, p - 1, cues)
    return drafts


#: Words a subhead may leave in lower case ("Legend in the Coal Fields").
_MINOR = frozenset(
    _lazyregex.compile(r"\s+").split("a an the and or but of in on at to for by with from as is")
)


def _subhead(text: str, pq: ParagraphQuotes, pending: list[int]) -> bool:
    """Whether the paragraph is one short quoted line in title case: a section subhead
    (``'All Bets Are Off.'``), not words of the previous speaker."""
    if len(pending) != 1:
        return False
    block = pq.blocks[pending[0]]
    if text[pq.start : block.start].strip() or text[block.end : pq.end].strip():
        return False
    words = text[block.inner_start : block.inner_end].split()
    return 2 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in _MINOR for w in words)
