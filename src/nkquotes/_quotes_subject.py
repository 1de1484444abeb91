"""Sentence subjects that the short mention scan cannot read, for finite speech verbs.

:func:`nkquotes._quotes_mention.mention_before` reads a short noun phrase ending at the cue.
Two common subjects of news attribution fall outside it:

* a name followed by a long appositive or relative clause, set off by commas or dashes:
  ``Dr. Jane Roe, who as a Navy captain was … admiral, said``;
* a noun phrase with a prepositional modifier: ``Experts on North Korea and nuclear
  nonproliferation said``, ``The Commission on Presidential Debates says``.

Both are only read from the start of the sentence, so the phrase is the sentence subject.
"""

from __future__ import annotations

from nkquotes import _lazyregex
from nkquotes._quotes_mention import mention_after
from nkquotes._sentences import wordset

__all__ = ["subject_phrase"]


_OPENER = _lazyregex.compile(
    r"[^\S\n]*+(?:(?:But|And|So|Yet|Still|However|Meanwhile|Instead),?[^\S\n]+)?"
)
#: Prepositions that attach a modifier to a speaker noun ("experts on", "officials from").
_MODIFYING = wordset("of on from for at in with to")
#: Words that show a clause (a verb or a subordinator) rather than a noun phrase.
_CLAUSAL = wordset(
    "that which who whom whose when where while because as if but or so than then is are"
    " was were be been being has have had will would could should may might can must do"
    " does did not no never also said says say told tells"
)
_MAX_WORDS = 12
_MAX_APPOSITIVE = 240


def subject_phrase(text: str, s_start: int, end: int) -> tuple[int, int] | None:
    """The sentence subject ending at *end* (just before the cue), or ``None``."""
    opener = _OPENER.match(text, s_start, end)
    start = opener.end() if opener is not None else s_start
    stop = end
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    if stop <= start or end - start > _MAX_APPOSITIVE or not text[start].isupper():
        return None
    appositive = text[stop - 1] in ",—–" or text[stop - 2 : stop] == "--"
    if not appositive and not any(w.lower() in _MODIFYING for w in text[start:stop].split()[1:]):
        return None  # neither an aside nor a prepositional modifier: skip the mention scan
    head = mention_after(text, start, stop, loose=True)
    if head is None or head[0] != start:
        return None
    rest = text[head[1] : stop]
    if any(c in rest for c in '\n.?!;:"“”'):
        return None
    if appositive:
        # "Name, a long appositive, said": the aside opens right after the name
        lead = rest.lstrip(" \t")[:2]
        if lead[:1] in ",—–" or lead == "--":
            return head
        return None
    words = rest.split()
    if not words or len(words) > _MAX_WORDS or words[0].lower() not in _MODIFYING:
        return None
    if "," in rest or any(w.lower() in _CLAUSAL for w in words):
        return None
    if any(w.islower() and w.endswith(("ed", "ing")) for w in words):
        return None  # "Trump attacked Clinton on …": a verb, not a modifier
    return start, stop
