"""A target's cue lexicon compiled for search, and the cues that match in a stretch of text.

Each cue phrase becomes one ``regex`` pattern (cached per target). A cue can only start at a
word that begins like its first token; the lexicon indexes the cues by the first three
letters of that token. Plain text (see :mod:`nkquotes.stance._scan`) is read as bytes: its
distinct words come from one translate and split, words known to open no cue are dropped
by a set difference, and a cue is only tried where its later words all occur in the
stretch. Other text takes the ``regex`` path, which the fast one must agree with.
"""

from __future__ import annotations

import functools

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._errors import ConfigurationError
from nkquotes.stance._negation import NEGATOR
from nkquotes.stance._scan import run_starts, text_view
from nkquotes.stance._target import LexiconCue, Target

__all__ = [
    "REPLY_PREFIXES",
    "REPLY_WORDS",
    "WORDS",
    "Lexicon",
    "last_openers",
    "lexicon_of",
    "region_hits",
    "region_hits_unicode",
]

_SEP = r"[^\w.;:!?]+"
#: What joins the parts of a hyphenated word or a contraction in a cue.
_JOINER = regex.compile(r"['’-]")
_GAP_WORD = r"\w+(?:['’-]\w+)*+"
WORDS = _lazyregex.compile(r"\w+")
_KEY = 3
#: Words remembered per lexicon with the cues they may open (most news words are not met).
_OPENED_MAX = 50_000
#: The lower-cased words (and stems) that may make a sentence a reply for the rule model
#: (see :mod:`nkquotes.stance._rules`): never remembered as opening nothing, so the words a
#: plain region search keeps (:func:`last_openers`) hold every one the region has.
REPLY_PREFIXES = (b"retort", b"rebut", b"dismiss", b"disput", b"refut", b"concur")
REPLY_WORDS = frozenset(
    b"countered counters rejected agree agreed agrees right endorse endorsed endorses taken".split()
)


def _closable(word: bytes) -> bool:
    """Whether a word that opens no cue may be remembered so (not a reply word)."""
    return word not in REPLY_WORDS and not word.startswith(REPLY_PREFIXES)


def _key(word: str) -> str:
    return word[:_KEY].lower()


def _compile_token(token: str, phrase: str) -> tuple[str, frozenset[str]]:
    alternatives = []
    keys = set()
    for alt in token.split("|"):
        if not alt or not all(part for part in regex.split(r"['’-]", alt.rstrip("*"))):
            raise ConfigurationError(f"cue {phrase!r}: empty alternative in {token!r}")
        if alt.endswith("*"):
            stem = alt[:-1]
            if len(stem) < _KEY or not regex.fullmatch(r"\w+(?:['’-]\w+)*", stem):
                raise ConfigurationError(
                    f"cue {phrase!r}: prefix {alt!r} needs at least {_KEY} letters"
                )
            alternatives.append(regex.escape(stem) + r"\w*(?:['’-]\w+)*")
        else:
            if not regex.fullmatch(r"\w+(?:['’-]\w+)*", alt):
                raise ConfigurationError(f"cue {phrase!r}: {alt!r} is not a word")
            alternatives.append(regex.escape(alt) + r"(?!\w|['’-]\w)")
        keys.add(_key(WORDS.match(alt).group()))  # type: ignore[union-attr]
    return r"(?<!\w|\w['’-])(?:" + "|".join(alternatives) + ")", frozenset(keys)


def _compile_phrase(phrase: str) -> tuple[regex.Pattern[str], list[frozenset[str]]]:
    tokens = phrase.split()
    if not tokens or tokens[0].startswith("~") or tokens[-1].startswith("~"):
        raise ConfigurationError(f"cue {phrase!r}: must start and end with a word")
    parts: list[str] = []
    keys: list[frozenset[str]] = []
    gap = 0
    for token in tokens:
        if token in ("~", "~~"):
            if gap:
                raise ConfigurationError(f"cue {phrase!r}: two gaps in a row")
            gap = 4 if token == "~" else 8
            continue
        pattern, token_keys = _compile_token(token, phrase)
        if parts:
            if gap:
                parts.append(f"(?:{_SEP}{_GAP_WORD}){{0,{gap}}}?{_SEP}")
            else:
                parts.append(_SEP)
        parts.append(pattern)
        keys.append(token_keys)
        gap = 0
    return regex.compile("".join(parts), regex.IGNORECASE), keys


@attrs.frozen(kw_only=True)
class _CompiledCue:
    cue: LexiconCue
    #: its place in the target's lexicon
    number: int
    pattern: regex.Pattern[str]
    #: whether the phrase's own words negate (``no hostile intent``)
    negates: bool
    #: the lower-cased words and stems its first token is made of (``None``: not plain
    #: ASCII words, no shortcut); an ASCII word that is none of them cannot open the cue
    first_words: frozenset[str] | None = None
    first_stems: tuple[str, ...] = ()
    #: for each later token, its lower-cased alternatives (stems cut at ``*``): lower-cased
    #: plain text without one of each cannot match (``None``: not all ASCII, no shortcut)
    later: tuple[tuple[bytes, ...], ...] | None = None
    #: :attr:`later` split, per token, into the alternatives that are whole plain words
    #: (a match needs one of them among the region's words) and the rest (stems, hyphenated
    #: words: a match needs one of them as a substring); ``None`` when :attr:`later` is
    needs: tuple[tuple[frozenset[bytes], tuple[bytes, ...]], ...] | None = None

    def opens(self, word: str) -> bool:
        """Whether the lower-cased ASCII *word* may be this cue's first word."""
        return (
            self.first_words is None
            or word in self.first_words
            or word.startswith(self.first_stems)
        )


@attrs.frozen(kw_only=True)
class Lexicon:
    """A target's cues compiled, indexed by how their first word begins."""

    cues: tuple[_CompiledCue, ...]
    #: first three letters of a word -> the cues whose first word may be it
    index: dict[str, tuple[int, ...]]
    #: first three letters -> a pattern finding words that start with them
    finders: dict[str, regex.Pattern[str]]
    #: first three letters -> the cues whose first word may start with them
    by_key: dict[str, tuple[_CompiledCue, ...]]
    #: the ASCII keys of :attr:`by_key`, as bytes
    byte_keys: frozenset[bytes]
    #: lower-cased ASCII words met so far -> the cues each may open (bounded) ...
    opened: dict[bytes, tuple[_CompiledCue, ...]] = attrs.field(factory=dict, eq=False)
    #: ... and those that open none
    closed: set[bytes] = attrs.field(factory=set, eq=False)

    def opened_by(self, word: bytes) -> tuple[_CompiledCue, ...]:
        """The cues the lower-cased ASCII *word* may open, as its first word."""
        cues = self.opened.get(word)
        if cues is None:
            if word[:_KEY] in self.byte_keys:
                name = word.decode("ascii")
                cues = tuple(c for c in self.by_key[name[:_KEY]] if c.opens(name))
            else:
                cues = ()  # no cue starts like it: most words
            if cues:
                if len(self.opened) >= _OPENED_MAX:
                    self.opened.clear()
                self.opened[word] = cues
            elif _closable(word):
                if len(self.closed) >= _OPENED_MAX:
                    self.closed.clear()
                self.closed.add(word)
        return cues


def _first_token(phrase: str) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The words and stems (``sanction*``) of a phrase's first token, lower-cased; ``None``
    when one of them does not begin with a plain ASCII word (then the pattern alone decides).

    An alternative joined by hyphens or apostrophes (``confidence-building``) can only start
    where the whole word is its first part (``confidence``): a hyphen or apostrophe must
    follow it, and no word character."""
    words: set[str] = set()
    stems: list[str] = []
    for alt in phrase.split()[0].split("|"):
        bare = alt[:-1] if alt.endswith("*") else alt
        head = _JOINER.split(bare, maxsplit=1)[0]
        if not (head.isascii() and head.isalnum()):
            return None, ()
        if head != bare or not alt.endswith("*"):
            words.add(head.lower())
        else:
            stems.append(bare.lower())
    return frozenset(words), tuple(stems)


def _later_tokens(phrase: str) -> tuple[tuple[bytes, ...], ...] | None:
    """The lower-cased alternatives of each token after the first, stems cut at ``*``;
    ``None`` unless all are ASCII (case-insensitive matching may read other letters as ASCII
    ones, so a substring test on them could miss a match)."""
    later = tuple(
        tuple(alt.rstrip("*").lower() for alt in token.split("|"))
        for token in phrase.split()[1:]
        if token not in ("~", "~~")
    )
    if not all(alt.isascii() for alts in later for alt in alts):
        return None
    return tuple(tuple(alt.encode("ascii") for alt in alts) for alts in later)


_PLAIN_WORD = regex.compile(rb"[a-z0-9_]+")


def _needs(
    phrase: str, later: tuple[tuple[bytes, ...], ...] | None
) -> tuple[tuple[frozenset[bytes], tuple[bytes, ...]], ...] | None:
    """:attr:`_CompiledCue.needs` for *phrase* and its :attr:`~_CompiledCue.later`.

    A whole-word alternative of plain ASCII word characters can only match as a whole run
    of the region's lower-cased bytes (the pattern will not start or end inside a word), so
    the region's set of words decides it; the others are tested as substrings."""
    if later is None:
        return None
    tokens = [token for token in phrase.split()[1:] if token not in ("~", "~~")]
    needs = []
    for token, alternatives in zip(tokens, later, strict=True):
        words: list[bytes] = []
        subs: list[bytes] = []
        for alt, low in zip(token.split("|"), alternatives, strict=True):
            whole = not alt.endswith("*") and _PLAIN_WORD.fullmatch(low) is not None
            (words if whole else subs).append(low)
        needs.append((frozenset(words), tuple(subs)))
    return tuple(needs)


@functools.lru_cache(maxsize=32)
def lexicon_of(target: Target) -> Lexicon:
    compiled = []
    index: dict[str, list[int]] = {}
    for number, cue in enumerate(target.cues):
        pattern, keys = _compile_phrase(cue.phrase)
        first_words, first_stems = _first_token(cue.phrase)
        later = _later_tokens(cue.phrase)
        compiled.append(
            _CompiledCue(
                cue=cue,
                pattern=pattern,
                negates=bool(NEGATOR.search(cue.phrase)),
                first_words=first_words,
                first_stems=first_stems,
                later=later,
                needs=_needs(cue.phrase, later),
                number=number,
            )
        )
        for k in keys[0]:
            index.setdefault(k, []).append(number)
    # ``\b`` is enough here: each cue's own pattern checks that it starts a whole word. The
    # rest of the word is taken along (the same openings: none can start inside a word).
    finders = {
        k: regex.compile(r"\b" + regex.escape(k) + (r"\b" if len(k) < _KEY else r"\w*"), regex.I)
        for k in index
    }
    return Lexicon(
        cues=tuple(compiled),
        index={k: tuple(v) for k, v in index.items()},
        finders=finders,
        by_key={k: tuple(compiled[n] for n in v) for k, v in index.items()},
        byte_keys=frozenset(k.encode("ascii") for k in index if k.isascii()),
    )


#: The last plain region :func:`region_hits` read: ``(text, lo, hi, words)``, *words* the
#: region's distinct words not remembered as opening no cue (``None``: the last region was
#: not plain).
_LAST_OPENERS: list[tuple[str, int, int, set[bytes]] | None] = [None]


def last_openers(text: str, lo: int, hi: int) -> set[bytes] | None:
    """The words of plain ``text[lo:hi]`` that the last :func:`region_hits` call kept, when it
    read that region: a set holding every reply word (:data:`REPLY_WORDS`, words starting
    with one of :data:`REPLY_PREFIXES`) of the region; ``None`` if it read another."""
    last = _LAST_OPENERS[0]
    if last is not None and last[0] is text and last[1] == lo and last[2] == hi:
        return last[3]
    return None


#: The regions of the last text (and lexicon) :func:`region_hits` read, each with its hits
#: and what it left in :data:`_LAST_OPENERS` (the quotes of one sentence, and the sentence a
#: reply answers, are read once). Kept words that have since been remembered as opening no
#: cue do not matter: no reply word ever is.
_Read = tuple[list[tuple[int, int, int]], tuple[str, int, int, set[bytes]] | None]
_MEMO: list[tuple[str, Lexicon | None, dict[tuple[int, int], _Read]]] = [("", None, {})]
_MEMO_MAX = 256


def region_hits(lexicon: Lexicon, text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """``(cue number, start, end)`` of every cue of *lexicon* matching at a word of the region
    (the list is shared: callers do not change it)."""
    memo = _MEMO[0]
    if memo[0] is not text or memo[1] is not lexicon:
        memo = _MEMO[0] = (text, lexicon, {})
    regions = memo[2]
    key = (lo, hi)
    known = regions.get(key)
    if known is not None:
        _LAST_OPENERS[0] = known[1]
        return known[0]
    if len(regions) >= _MEMO_MAX:
        regions.clear()
    view = text_view(text)  # plain_view inlined: one call fewer per region
    # plain_part inlined: the region holds one of the characters that keep text from being plain.
    if view[2] and any(map(text[lo:hi].__contains__, view[2])):
        _LAST_OPENERS[0] = None
        found = region_hits_unicode(lexicon, text, lo, hi)
        regions[key] = (found, None)
        return found
    # The region's distinct words, minus those known to open no cue (see _scan).
    runs = view[1][lo:hi]
    words = set(runs.split())
    openers = words.difference(lexicon.closed)
    last = _LAST_OPENERS[0] = (text, lo, hi, openers)
    hits: list[tuple[int, int, int]] = []
    if not openers:
        regions[key] = (hits, last)
        return hits
    opened = lexicon.opened
    byte_keys = lexicon.byte_keys
    low = b""  # the region's bytes, sliced when a cue first needs them
    for word in openers:
        cues = opened.get(word)
        if cues is None:
            if word[:_KEY] not in byte_keys:
                # opened_by's usual answer for a word met first (no cue starts like it),
                # without the call.
                if _closable(word):
                    closed = lexicon.closed
                    if len(closed) >= _OPENED_MAX:
                        closed.clear()
                    closed.add(word)
                continue
            cues = lexicon.opened_by(word)
            if not cues:
                continue
        # The cues this word may open whose later words are all in the region.
        live = []
        for compiled in cues:
            needs = compiled.needs
            if needs is not None:
                if not low:
                    low = view[0][lo:hi]
                if not _has_all(needs, words, low):
                    continue
            live.append(compiled)
        if not live:
            continue
        for at in run_starts(runs, word):
            start = lo + at
            for compiled in live:
                m = compiled.pattern.match(text, start, hi)
                if m is not None:
                    hits.append((compiled.number, m.start(), m.end()))
    regions[key] = (hits, last)
    return hits


def _has_all(
    needs: tuple[tuple[frozenset[bytes], tuple[bytes, ...]], ...], words: set[bytes], low: bytes
) -> bool:
    """Whether each token of *needs* has a whole-word alternative among *words* or another
    alternative in *low*."""
    for whole, subs in needs:
        if whole and not whole.isdisjoint(words):
            continue
        for sub in subs:
            if low.find(sub) >= 0:  # not ``in``: bytes try their operand as an integer first
                break
        else:
            return False
    return True


def region_hits_unicode(
    lexicon: Lexicon, text: str, lo: int, hi: int
) -> list[tuple[int, int, int]]:
    """:func:`region_hits` for any text, with ``regex`` throughout (the reference path)."""
    # Cheap first pass: which cue openings occur at all (most quotes have none).
    present = lexicon.index.keys() & {w[:_KEY] for w in WORDS.findall(text[lo:hi].lower())}
    hits: list[tuple[int, int, int]] = []
    for k in present:
        for opening in lexicon.finders[k].finditer(text, lo, hi):
            start = opening.start()
            word = opening.group()
            low = word.lower() if word.isascii() else None
            for number in lexicon.index[k]:
                compiled = lexicon.cues[number]
                if (
                    low is not None
                    and compiled.first_words is not None
                    and low not in compiled.first_words
                    and not low.startswith(compiled.first_stems)
                ):
                    continue  # its first word is not this one (the pattern would fail)
                m = compiled.pattern.match(text, start, hi)
                if m is not None:
                    hits.append((number, m.start(), m.end()))
    return hits
