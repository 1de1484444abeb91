"""Reported speech running on into a cue-less paragraph.

News often follows an attributed quote with a paragraph that goes on reporting the same
speaker in indirect speech sprinkled with quoted words and no cue of its own::

    "Our policy will not focus on a grand bargain," Psaki said.

    Instead the United States would focus on a "calibrated practical approach" …

The second paragraph continues the speaker of the first. It is read as a mixed quote only
when the signs of reported speech are all there: no cue anywhere in it, quoted words that
no other quote took, a modal of reported speech (``would``, ``will`` …) in its first
sentence, and an attributed quote ending the paragraph before.
"""

from __future__ import annotations

import itertools

from nkquotes import _lazyregex
from nkquotes._cues import CueIndex
from nkquotes._model import QuoteKind
from nkquotes._quotes_draft import Draft, ParagraphQuotes, trim_content

__all__ = ["find_followups"]

_MODAL = _lazyregex.compile(r"\b(?:would|will|could|should|must|might)\b")
_SENTENCE_END = _lazyregex.compile(r"[.!?][\"”’]?(?:\s|\Z)")
#: Quoted words needed in the paragraph (scare quotes are a word or two).
_MIN_QUOTED_WORDS = 5


def find_followups(
    text: str, paragraphs: list[ParagraphQuotes], cues: CueIndex, drafts: list[Draft]
) -> list[Draft]:
    """Mixed quotes for cue-less paragraphs continuing the previous paragraph's speaker."""
    last_by_paragraph: dict[int, Draft] = {}
    for d in drafts:
        last = last_by_paragraph.get(d.paragraph)
        if last is None or d.segments[0][0] > last.segments[0][0]:
            last_by_paragraph[d.paragraph] = d
    found: list[Draft] = []
    for prev, pq in itertools.pairwise(paragraphs):
        if not pq.blocks or pq.used or pq.index in last_by_paragraph:
            continue
        before = last_by_paragraph.get(prev.index)
        if before is None or before.attribution is None or before.attribution.mention is None:
            continue
        if cues.first(pq.start, pq.end) is not None:
            continue
        quoted = sum(len(text[b.inner_start : b.inner_end].split()) for b in pq.blocks)
        if quoted < _MIN_QUOTED_WORDS:
            continue
        end = _SENTENCE_END.search(text, pq.start, pq.end)
        first_end = end.end() if end is not None else pq.end
        if _MODAL.search(text, pq.start, first_end) is None:
            continue
        seg = trim_content(text, pq.start, pq.end)
        if seg[1] <= seg[0]:
            continue
        found.append(
            Draft(
                [seg],
                QuoteKind.MIXED,
                pq.index,
                None,
                inherited=True,
                confidence=0.5,
                anchor=seg[0],
            )
        )
    return found
