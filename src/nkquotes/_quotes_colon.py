"""Unquoted statements after a colon lead-in: ``The statement said:`` and its paragraphs.

Statements relayed in full (a ministry's press statement, a blog post) are often printed
after a lead-in paragraph ending ``X said:`` with no quotation marks. The paragraphs that
follow are the statement until one opens with a quotation mark or reports someone else's
speech; they make one record with one segment per paragraph.
"""

from __future__ import annotations

from nkquotes._cues import CueIndex
from nkquotes._model import QuoteKind
from nkquotes._quotemarks import opens_with_quote
from nkquotes._quotes_direct import colon_lead
from nkquotes._quotes_draft import Draft, ParagraphQuotes, trim_content

__all__ = ["find_colon_statements"]

#: Paragraphs read at most after one lead-in.
_MAX_PARAGRAPHS = 12
_FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})


def find_colon_statements(
    text: str, paragraphs: list[ParagraphQuotes], cues: CueIndex, drafts: list[Draft]
) -> tuple[list[Draft], set[int]]:
    """Records for unquoted statements after ``X said:`` paragraphs.

    Returns the new drafts and the ids (``id()``) of *drafts* they absorb: first-person
    speech inside the statement (``We had warned …``) is part of it.
    """
    by_paragraph: dict[int, list[Draft]] = {}
    for d in drafts:
        by_paragraph.setdefault(d.paragraph, []).append(d)
    found: list[Draft] = []
    absorbed: set[int] = set()
    for i, pq in enumerate(paragraphs[:-1]):
        tail = text[pq.start : pq.end].rstrip()
        if not tail.endswith(":"):
            continue
        attr = colon_lead(text, pq.start, pq.start + len(tail) - 1, cues)
        if attr.mention is None or attr.cue_end - attr.cue_start <= 1:
            continue  # no reporting verb: a list or a heading, not a statement
        segments: list[tuple[int, int]] = []
        quoted = False
        taken: list[Draft] = []
        for nxt in paragraphs[i + 1 : i + 1 + _MAX_PARAGRAPHS]:
            if opens_with_quote(text, nxt.start, nxt.end):
                break
            inside = by_paragraph.get(nxt.index, [])
            if any(not _first_person(text, d) for d in inside):
                break
            seg = trim_content(text, nxt.start, nxt.end)
            if seg[1] <= seg[0]:
                break
            segments.append(seg)
            taken.extend(inside)
            quoted = quoted or bool(nxt.blocks)
        if not segments:
            continue
        kind = QuoteKind.MIXED if quoted else QuoteKind.INDIRECT
        found.append(
            Draft(
                segments,
                kind,
                paragraphs[i + 1].index,
                attr,
                confidence=0.6,
                anchor=segments[0][0],
            )
        )
        absorbed.update(id(d) for d in taken)
    return found, absorbed


def _first_person(text: str, draft: Draft) -> bool:
    attr = draft.attribution
    if attr is None or attr.mention is None:
        return False
    return text[attr.mention[0] : attr.mention[1]].lower() in _FIRST_PERSON
