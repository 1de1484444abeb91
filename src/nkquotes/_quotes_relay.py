"""Relayed words: an outlet passing on what someone else said.

``X said CONTENT, Yonhap reported`` and ``X said CONTENT, according to the Associated
Press`` are one quote by X (ANNOTATION.md, "Relayed words"): the outlet only relays it and
gets no record of its own. The speech pass reads both cues, so the outlet's draft, whose
content is the whole ``X said CONTENT`` clause, is dropped here when a draft of X lies at
its start. When no cue of X was read (``Pyongyang hoped that …, Xinhua reported``), the
subject before ``that`` takes the outlet's place. When the outlet is the subject
(``KCNA said, citing the foreign ministry, …``) nothing here applies.
"""

from __future__ import annotations

import functools

from nkquotes import _lazyregex
from nkquotes._model import QuoteKind
from nkquotes._names import media_names
from nkquotes._quotemarks import QUOTE_CHARS
from nkquotes._quotes_content import count_words
from nkquotes._quotes_draft import Attribution, Draft
from nkquotes._quotes_mention import mention_after
from nkquotes._sentences import wordset

__all__ = ["is_outlet", "relay"]


#: Head nouns of a phrase naming an outlet ("state media", "Xinhua news agency").
_OUTLET_HEADS = wordset(
    "media agency newspaper newspapers daily paper outlet outlets broadcaster broadcasters"
    " television tv radio wire network channel news"
)
#: The inner speaker starts the outlet's content, after at most a connective.
_MAX_LEAD = 40
#: ``Pyongyang hoped that …``: a subject, one verb, then ``that``.
_VERB_THAT = _lazyregex.compile(r"[^\S\n]+(?:\p{Ll}+ed|\p{Ll}+s)[^\S\n]+that[^\S\n]+")


@functools.cache
def _media_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Known outlets as word tuples, by their first word (a phrase is read once)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in media_names():
        words = tuple(name.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(names) for first, names in by_first.items()}


def is_outlet(phrase: str) -> bool:
    """Whether a speaker mention names a news outlet (``Yonhap``, ``state media KCNA``)."""
    words = phrase.replace("(", " ").replace(")", " ").split()
    if not words:
        return False
    if words[-1].lower() in _OUTLET_HEADS:
        return True
    # Bundled outlets (data/groups_media.txt), bare wire names such as Yonhap among them.
    media = _media_words()
    for i, word in enumerate(words):
        for name in media.get(word, ()):
            if tuple(words[i : i + len(name)]) == name:
                return True
    return False


def relay(text: str, drafts: list[Draft], others: list[Draft]) -> list[Draft]:
    """*drafts* with outlets' relaying drafts removed or given to the relayed speaker.

    *others* are the drafts of the other passes, which may hold the relayed speaker's cue.
    """
    by_para: dict[int, list[Draft]] = {}
    for d in others + drafts:
        by_para.setdefault(d.paragraph, []).append(d)
    dropped: set[int] = set()
    out: list[Draft] = []
    for d in drafts:
        attr = d.attribution
        if attr is None or attr.mention is None or not is_outlet(text[slice(*attr.mention)]):
            out.append(d)
            continue
        s0, e0 = d.segments[0]
        if attr.mention[0] < e0 and attr.cue_start < e0:
            out.append(d)  # the outlet speaks first: "KCNA said, citing …, CONTENT"
            continue
        inner = _inner(d, by_para.get(d.paragraph, []), s0, e0)
        if inner is not None:
            dropped.add(id(d))
            if len(d.segments) > 1 and inner.segments[-1][1] == e0:
                # "X said A, Yonhap added, and B": the outlet's aside splits X's content
                inner.segments.extend(d.segments[1:])
            continue
        out.append(_subject_that(text, d) or d)
    return [d for d in out if id(d) not in dropped]


def _inner(d: Draft, siblings: list[Draft], s0: int, e0: int) -> Draft | None:
    for other in siblings:
        a = other.attribution
        if other is d or a is None or a.mention is None:
            continue
        if not (s0 <= a.mention[0] <= s0 + _MAX_LEAD and a.cue_end <= e0):
            continue
        if other.segments[0][0] >= s0 and other.segments[-1][1] <= d.segments[-1][1]:
            return other
    return None


def _subject_that(text: str, d: Draft) -> Draft | None:
    """``Pyongyang hoped that CONTENT, Xinhua reported``: the subject is the speaker."""
    attr = d.attribution
    if attr is None or len(d.segments) != 1:
        return None
    s0, e0 = d.segments[0]
    mention = mention_after(text, s0, min(e0, s0 + 120))
    if mention is None or mention[0] != s0:
        return None
    m = _VERB_THAT.match(text, mention[1], e0)
    if m is None or count_words(text, m.end(), e0) < 3:
        return None
    moved = Attribution(attr.cue_start, attr.cue_end, attr.lemma, mention, attr.end)
    kind = d.kind
    if kind is QuoteKind.MIXED and not any(c in QUOTE_CHARS for c in text[m.end() : e0]):
        kind = QuoteKind.INDIRECT  # the quoted words were in the cut-off clause
    return Draft(
        [(m.end(), e0)],
        kind,
        d.paragraph,
        moved,
        inherited=d.inherited,
        confidence=d.confidence,
        anchor=d.anchor,
        sentence=d.sentence,
    )
