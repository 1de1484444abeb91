"""Statements relayed without quotation marks: after a colon lead-in, and embedded posts.

Statements relayed in full (a ministry's press statement, a blog post) are often printed
after a lead-in paragraph ending ``X said:`` with no quotation marks. The paragraphs that
follow are the statement until one opens with a quotation mark or reports someone else's
speech; they make one record with one segment per paragraph.

An embedded tweet is printed as its text followed by a credit paragraph
``— Donald J. Trump (@realDonaldTrump) September 3, 2017``: the text is what the credited
account wrote.
"""

from __future__ import annotations

import itertools

import regex

from nkquotes import _lazyregex
from nkquotes._cues import CueIndex
from nkquotes._model import QuoteKind
from nkquotes._quotemarks import opens_with_quote
from nkquotes._quotes_direct import colon_lead
from nkquotes._quotes_draft import Attribution, Draft, ParagraphQuotes, trim_content

__all__ = ["find_colon_statements", "find_posts"]

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
        first = paragraphs[i + 1]
        if opens_with_quote(text, first.start, first.end) or _CREDIT.match(
            text, first.start, first.end
        ):
            continue  # a quoted lead-in (read by the direct finder) or a post's credit
        attr = colon_lead(text, pq.start, pq.start + len(tail) - 1, cues)
        if attr.mention is None or attr.cue_end - attr.cue_start <= 1:
            continue  # no reporting verb: a list or a heading, not a statement
        segments: list[tuple[int, int]] = []
        quoted = False
        taken: list[Draft] = []
        for nxt in paragraphs[i + 1 : i + 1 + _MAX_PARAGRAPHS]:
            if opens_with_quote(text, nxt.start, nxt.end):
                break
            if text[nxt.start : nxt.end].rstrip().endswith(":") or _CREDIT.match(
                text, nxt.start, nxt.end
            ):
                break  # a new lead-in or a post's credit line ends the statement
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


#: A post's credit line: "— Name (@handle) date".
_CREDIT = _lazyregex.compile(
    r"[^\S\n]*+(?P<dash>[—–]|-{1,2})[^\S\n]*+(?P<name>[\p{Lu}][^()\n@]{0,60}?)[^\S\n]*+"
    r"\(@\w{1,30}\)"
)
_TRAILING_LINK = _lazyregex.compile(r"(?r)[^\S\n]*+(?:https?://|pic\.twitter\.com/)\S*\Z")
#: A post ending with its own attribution: "North Korea has carried out a test, Japan says".
_INVERTED_END = _lazyregex.compile(
    r"(?r),[^\S\n]*(?P<who>[\p{Lu}][\w.’'-]*(?:[^\S\n]+[\w.’'-]+){0,4})"
    r"[^\S\n]++(?P<cue>says|said)\Z"
)
#: A post relaying someone: "Russia Foreign Min: North Korea's test deserves …".
_RELAYED_SPEAKER = _lazyregex.compile(r"(?P<who>[\p{Lu}][\w.’'-]*+(?:[^\S\n]+[\w.’'-]++){0,4}):")


def _credit(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``_CREDIT.match``, tried only where the handle every credit line holds is."""
    if text.find("(@", start, end) >= 0:
        return _CREDIT.match(text, start, end)
    return None


def find_posts(text: str, paragraphs: list[ParagraphQuotes], drafts: list[Draft]) -> list[Draft]:
    """Records for embedded posts: a paragraph followed by a ``— Name (@handle)`` credit.

    A post whose text already holds an attributed quote (``…, Japan says``) is left to it.
    """
    with_quotes = {d.paragraph for d in drafts}
    found: list[Draft] = []
    for prev, pq in itertools.pairwise(paragraphs):
        credit = _credit(text, pq.start, pq.end)
        if credit is None or prev.index in with_quotes:
            continue
        end = prev.end
        link = _TRAILING_LINK.match(text, prev.start, end)
        if link is not None:
            end = link.start()
        seg = trim_content(text, prev.start, end)
        if len(text[seg[0] : seg[1]].split()) < 3:
            continue
        name = credit.span("name")
        attr = Attribution(credit.start("dash"), credit.end("dash"), "write", name, name[1])
        relayed = _RELAYED_SPEAKER.match(text, seg[0], seg[1])
        inverted = _INVERTED_END.match(text, seg[0], seg[1])
        if inverted is not None:
            # the post reports someone else's words: "…, Japan says"
            attr = Attribution(*inverted.span("cue"), "say", inverted.span("who"), seg[1])
            seg = trim_content(text, seg[0], inverted.start())
        elif relayed is not None:
            # the post quotes someone named before a colon: they speak, the colon is the cue
            colon = relayed.end() - 1
            attr = Attribution(colon, colon + 1, "say", relayed.span("who"), colon + 1)
            seg = trim_content(text, colon + 1, seg[1])
        kind = QuoteKind.MIXED if prev.blocks else QuoteKind.INDIRECT
        line = (credit.start("dash"), pq.end)
        found.append(
            Draft([seg], kind, prev.index, attr, confidence=0.6, anchor=seg[0], sentence=line)
        )
    return found
