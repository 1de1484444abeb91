"""Checks on reported content and its speaker, shared by the reported-speech pass.

Whether what follows a cue is a clause that reports something said, or an object, a time,
a place or a noun phrase that does not (``stressed the importance of``, ``said in August``).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from nkquotes import _lazyregex
from nkquotes._quotes_fast import starts_after_space
from nkquotes._quotes_words import PRONOUNS, SPEAKER_NOUNS
from nkquotes._sentences import wordset
from nkquotes._timex import WEEKDAY

__all__ = [
    "opener_at",
    "subordinate_at",
    "FINITE",
    "TO_DO",
    "WHATEVER",
    "SPEAKER_OPENER",
    "bare_object",
    "adjunct_cut",
    "channel_tail",
    "AND_CLAUSE",
    "NOT_CONTENT",
    "not_content_at",
    "NOT_SPEAKERS",
    "AFTER_QUOTE",
    "BAD_START",
    "CALLED_A",
    "CLAUSE_ONLY",
    "EMPHASIS",
    "PLACE_TAIL",
    "PP_CLAUSE",
    "SUBORDINATE",
    "object_phrase",
    "singular",
    "speaker_head",
]


#: "called [it] a hoax", "called [climate change] a hoax": an object, then a predicate noun.
CALLED_A = _lazyregex.compile(
    r"(?!(?:to|for|on|off|up|in|out|back|upon|a|an)\b)"
    r"(?:it|him|her|them|this|that|[^,.;:\n]{1,80}?)[^\S\n]+(?:a|an)[^\S\n]+\w"
)
#: A time or place between the cue and a clause: "said [after the convention] he would …".
PP_CLAUSE = _lazyregex.compile(
    r"(?:after|before|during|in|at|on|following)[^\S\n]+(?:[\w’'.-]+[^\S\n]+){1,6}?"
    r"(?:that[^\S\n]+)?(?=(?:he|she|they|it|we|I|there)[^\S\n])"
)
#: Where an inverted speaker was: "…, said one source [in the room]."
PLACE_TAIL = _lazyregex.compile(
    r"[^\S\n]+(?:in|at|on|from|with|inside|outside|near)[^\S\n]+(?:[\w’'.-]+[^\S\n]*+){1,5}"
    r"[.!?]?[\"”’]?[^\S\n]*+"
)
AFTER_QUOTE = _lazyregex.compile(
    r"[^\S\n]*+(?:,[^\S\n]*+)?(?:when|as|after|before|while|but|because|since|until|"
    r"which|who)\b"
)
SUBORDINATE = _lazyregex.compile(
    r"[^\S\n]*+(?:While|Although|Though|Even though|As|If|When|Because|Since|After|Before|"
    r"Unless|Whereas|Once)\b[^,\n]*+\Z"
)


#: Words that cannot open reported content (flags such as "on", "to", "whether" allow theirs).
BAD_START = wordset(
    "of in at on about from as when while during after before for to with by into than"
    " In At On About From As When While During After Before For With By Speaking"
    " whether if"
)


#: Verbs that take either a clause ("stressed (that) talks must go on") or a bare object
#: ("stressed the importance of talks"); only the clause reports something said.
EMPHASIS = wordset(
    "stress emphasize emphasise reiterate underline underscore reaffirm highlight"
    " repeat restate voice"
)
#: Verbs that report something said only with a "that" clause; otherwise they take an object
#: ("maintains a program", "highlights the killings", "revealed the plan").
CLAUSE_ONLY = wordset("maintain signal indicate highlight mention")
POSSESSIVES = wordset("his her its their our my your")


def object_phrase(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a possessive noun phrase, an object rather
    than a clause (``Washington's desire``, ``its commitment``)."""
    words = text[start : min(end, start + 80)].split()
    if not words:
        return False
    first = words[0].lower()
    # "highlighted his message that …" reports the message: a clause follows the noun
    return (first in POSSESSIVES or first.endswith(("'s", "’s"))) and "that" not in words[:6]


def speaker_head(text: str, mention: tuple[int, int]) -> bool:
    """Whether *mention* ends in a name, a pronoun or a speaker noun."""
    words = text[mention[0] : mention[1]].split()
    head = words[-1]
    low = head.lower()
    return (
        not head.islower()
        or low in PRONOUNS
        or low in SPEAKER_NOUNS
        or low.rstrip("s") in SPEAKER_NOUNS
        or len(words) <= 3
    )


def singular(text: str, mention: tuple[int, int] | None) -> bool:
    """Whether *mention* can be the subject of a third-person singular verb (``says``)."""
    if mention is None:
        return True
    head = text[mention[0] : mention[1]].split()[-1]
    if head[:1].isupper() or head.lower() in ("he", "she", "it"):
        return True
    return not head.endswith("s") or head.endswith("ss")


#: Sentence adverbs and fixed phrases that stand where a speaker would ("Now tell us").
#: A concessive opener glued to a noun cue's owner: "[Contrary to] his claim that …".
SPEAKER_OPENER = _lazyregex.compile(
    r"(?i:despite|contrary[^\S\n]+to|unlike|regardless[^\S\n]+of)[^\S\n]*+"
    r"(?P<rest>.*?)(?:['’]s)?\Z"
)
NOT_SPEAKERS = wordset(
    "now perhaps maybe please just then so also having still yet instead here there"
)
#: Content that shows the verb reported no words: "[it] says something about …".
NOT_CONTENT = _lazyregex.compile(
    r"(?:something|a[^\S\n]+lot|much|little|nothing|more)[^\S\n]+about\b"
    r"|(?:and|or)[^\S\n]+(?:did|do|does|done)\b"  # "who said and did the same"
)
_NOT_CONTENT_FIRST = ("something", "a", "much", "little", "nothing", "more", "and", "or")


def not_content_at(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``NOT_CONTENT.match``, tried only where one of its first words opens the window."""
    if text.startswith(_NOT_CONTENT_FIRST, start, end):
        return NOT_CONTENT.match(text, start, end)
    return None


#: Where a second free relative starts: " and how …", ", and what …".
AND_CLAUSE = _lazyregex.compile(
    r",?[^\S\n]+(?:and|but|or)[^\S\n]+(?:what|how|why|where|when|whether)\b"
)


_DAYS = WEEKDAY
#: When or where the words were said, after a named predicate: "… as a “disgrace” [after
#: she …]", "[during a campaign stop]", "[Wednesday on The Show]".
_OCCASION = _lazyregex.compile(
    r"(?:,?[^\S\n]+(?:during|after|before)[^\S\n]+|[^\S\n]+" + _DAYS + r"\b)"
)
#: The channel closing the content: "… [in a statement on Thursday]".
_CHANNEL_TAIL = _lazyregex.compile(
    r"[^\S\n]+(?:in|during)[^\S\n]+(?:a|an|the|his|her|their|its)[^\S\n]+"
    r"(?:[\w-]+[^\S\n]+)?"
    r"(?:statement|interview|tweet|speech|post|letter|press[^\S\n]+release|news[^\S\n]+"
    r"conference|radio[^\S\n]+address|debate|diatribe|op-ed|column|editorial|essay|"
    r"broadcast|appearance|remarks|podcast)(?:[^\S\n]+on[^\S\n]+" + _DAYS + r")?[.!?]?\Z"
)
#: The last word of every match of :data:`_CHANNEL_TAIL` (before a final ``[.!?]``): one of
#: its nouns, or a weekday (read off :data:`_DAYS`, which another module owns).
_CHANNEL_ENDS = (
    *("statement", "interview", "tweet", "speech", "post", "letter", "release", "conference"),
    *("address", "debate", "diatribe", "op-ed", "column", "editorial", "essay", "broadcast"),
    *("appearance", "remarks", "podcast", *regex.findall(r"[A-Za-z]+", _DAYS)),
)


def channel_tail(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``_CHANNEL_TAIL.search``, tried only where one of :data:`_CHANNEL_ENDS` ends the span
    (before one ``[.!?]``): most contents end otherwise, and the search reads every offset."""
    e = end
    if e > start and text[e - 1] in ".!?":
        e -= 1
    if text.endswith(_CHANNEL_ENDS, start, e):
        return _CHANNEL_TAIL.search(text, start, end)
    return None


#: A second clause after an object content: "demands accountability, yet refuses …".
_TAIL_CLAUSE = _lazyregex.compile(r",[^\S\n]+(?:and|yet|but)[^\S\n]")
#: ... and, after a judged object, the writer's comment on it: "denounced the annexation,
#: which RT pointed to …" (after a promise it may be the promise: not cut there).
_TAIL_WHICH = _lazyregex.compile(r",[^\S\n]+(?:which|and|yet|but)[^\S\n]")
_SAYING = wordset(
    "say tell add ask answer reply respond write tweet explain argue insist warn claim"
)
_AS = _lazyregex.compile(r"[^\S\n]as[^\S\n]")


#: Verbs that name or judge an object "as" something: "described Clinton as a disgrace".
_JUDGING = wordset(
    "call describe label brand characterize characterise portray depict dismiss blast"
    " slam attack criticize criticise condemn denounce praise hail welcome reject cite"
    " acknowledge recognize recognise pound skewer castigate excoriate bash berate chide"
    " lambaste mock ridicule deride decry assail scold rebuke laud tout dub"
)


def adjunct_cut(text: str, start: int, end: int, lemma: str, inside: Callable[[int], bool]) -> int:
    """Where an object content ends before the occasion or channel of the saying.

    ``described Clinton as a “disgrace” after she attacked …``: the predicate ends the
    content; so does the object of an emphasis verb (``stressed her support of the raid
    during a forum``). ``in a statement on Thursday`` never belongs to the content.
    """
    if lemma not in _SAYING:
        tails = _TAIL_WHICH if lemma in _JUDGING or lemma in EMPHASIS else _TAIL_CLAUSE
        for rel in tails.finditer(text, start, end):
            if inside(rel.start()):
                continue  # 'as “a comprehensive, in-depth, and sincere exchange”'
            if len(text[start : rel.start()].split()) >= 2:
                end = rel.start()
            break
    tail = channel_tail(text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    as_ = _AS.search(text, start, end) if lemma in _JUDGING else None
    lo = as_.end() if as_ is not None else (start if lemma in EMPHASIS else -1)
    if lo >= 0:
        occasion = _OCCASION.search(text, lo, end)
        if occasion is not None and occasion.start() > lo:
            end = occasion.start()
    return end


#: Verbs that report words only with a clause, a quotation, a question or a demand; with a
#: bare object they name a thing done ("appealed the case", "advises the president",
#: "answer other agencies").
_OBJECT_VERBS = wordset("advise appeal answer")
_CLAUSE_OPENER = _lazyregex.compile(
    r"(?:to|for|against|about|of|on|whether|if|why|how|what|when|where|who|that|questions?)\b"
    r"|(?:[^\s,;:]+[^\S\n]+){0,5}?(?:that\b|to[^\S\n]+(?!(?:the|a|an|his|her|their|its)\b)\p{Ll})"
)


def bare_object(text: str, start: int, end: int, lemma: str, quoted: bool) -> bool:
    """Whether the content of *lemma* is a bare object: no quotation (*quoted*), clause or
    demand."""
    if lemma not in _OBJECT_VERBS or quoted or ":" in text[start:end]:
        return False
    return _CLAUSE_OPENER.match(text, start, end) is None


#: A wish or need before a coordinated cue: "[needs to] sell herself and [tell] …".
TO_DO = _lazyregex.compile(
    r"\b(?:needs?|needed|wants?|wanted|has|have|had|plans?|planned|hopes?|hoped|ought)"
    r"[^\S\n]+to[^\S\n]+\w+[^,.;:!?\n\"“”]{0,40}\Z"
)
#: Quantifiers heading a clause whose verb follows the cue: "[Everything] X says [is] …".
WHATEVER = wordset("everything anything nothing whatever all")
FINITE = wordset("is are was were has have had will would")


#: The first letters of SPEAKER_OPENER's case-blind words (no other character folds to
#: them) and the words that open SUBORDINATE: cheap tests before the patterns.
OPENER_FIRSTS = frozenset("dDcCuUrR")
SUBORDINATE_WORDS = (
    "While",
    "Although",
    "Though",
    "Even",
    "As",
    "If",
    "When",
    "Because",
    "Since",
    "After",
    "Before",
    "Unless",
    "Whereas",
    "Once",
)


def opener_at(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``SPEAKER_OPENER.match``, tried only on one of its first letters."""
    if text[start : start + 1] in OPENER_FIRSTS:
        return SPEAKER_OPENER.match(text, start, end)
    return None


def subordinate_at(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``SUBORDINATE.match``, tried only where one of its words opens the window."""
    if starts_after_space(text, start, end, SUBORDINATE_WORDS):
        return SUBORDINATE.match(text, start, end)
    return None
