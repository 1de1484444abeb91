"""Reading an article into its entity registry: one scan, linear in the text.

:func:`build_registry` tokenises each body region (captions and paragraphs; the headline is
title case and left out) once. Runs of two or more capitalised name words become people, with
the titles and affiliation written before the name (``South Korean Foreign Minister Kang
Kyung-wha``), in apposition (``Kenneth Courtis, chairman of …``, ``his US counterpart, Sung
Kim``) or in brackets (``Sen. Cory Gardner (R-CO)``). Capitalised runs ending in an
organisation word, countries and capitals, numbered documents and unnamed spokespeople are
registered too. A second pass over the single capitalised words records surnames and titled
surnames (``President Moon``) as mentions of the people they name. Boilerplate is only read
for fuller spellings of names already known (``Donald J. Trump`` in an embedded post).
"""

from __future__ import annotations

import bisect
import functools
from itertools import compress

import regex

from nkquotes import _lazyregex
from nkquotes._entities import Record, gender_of, titles_match
from nkquotes._model import Article, EntityKind, Span, inner_span
from nkquotes._names import (
    COUNTRY_ALIASES,
    HONORIFICS,
    ORG_WORDS,
    PLACES,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
    country_key,
    fold,
)
from nkquotes._registry import Registry
from nkquotes._speakers_quoted import occurrences as _occurrences
from nkquotes._speakers_quoted import quoted_spans as _quoted_spans
from nkquotes._speakers_repeat import RunMemo, block, remember, repeats
from nkquotes._speakers_titles import (
    APPOSITION_WINDOW,
    CONNECTORS,
    MAX_TITLE_TOKENS,
    T_CONNECTOR,
    T_THE,
    T_TITLE,
    apposition_in,
    attach,
    title_before,
    title_flags,
)
from nkquotes._speakers_tokens import (
    Splitter,
    Tokens,
    org_word,
    splitter,
    tokenize,
    tokenize_regions,
)

__all__ = ["build_registry"]

_PARTY = _lazyregex.compile(r"\s*\(\s*([RDI])\s*[-–,]\s*([A-Z][A-Za-z.]{1,12})\s*\)")
_DOCUMENT_WORDS = ("Resolution", "Declaration", "Agreement", "Statement", "Treaty", "Act", "Report")
_DOCUMENT = _lazyregex.compile(rf"\b(?:{'|'.join(_DOCUMENT_WORDS)})\s+(?:No\.\s*)?\d[\d/-]*")
_UNNAMED = _lazyregex.compile(
    r"\b(?:a|an)\s+(?:(?:unidentified|unnamed|anonymous)\s+)?"
    r"((?:[^\s,.;:\"“”()]+\s+){0,4}?spokes(?:man|woman|person))\b",
    regex.IGNORECASE,
)
# Every unnamed spokesperson match contains this (same case rules as ``_UNNAMED``).
_SPOKES = _lazyregex.compile(r"spokes", regex.IGNORECASE)
_SPACES_AT = _lazyregex.compile(r"\s*")
_SENTENCE_END = _lazyregex.compile(r"[.!?:\"“”]\s*$|\n")
# -- scanning -----------------------------------------------------------------------------


@functools.cache
def _not_name_words() -> frozenset[str]:
    return frozenset().union(
        *(w.words for w in (STOP_CAPS, TITLE_WORDS, HONORIFICS, PLACES, ORG_WORDS))
    )


@functools.cache
def _country_first() -> frozenset[str]:
    """Words that can start a country name (what :func:`_country_at` can accept)."""
    return _pair_heads() | {"north", "south"} | frozenset(COUNTRY_ALIASES)


# What a capitalised word can start (:func:`_start_kind`): plain ints, not enum flags.
_COUNTRY_START, _ORG_START, _NAME_START = 1, 2, 4


@functools.lru_cache(maxsize=8192)
def _start_kind(word: str) -> int:
    """What the capitalised *word* can start: a country (what :func:`_country_at` can accept),
    an organisation run (what :func:`_org_run` does not refuse at once), a name (name shape)."""
    key = fold(word)
    kind = _COUNTRY_START if key in _country_first() else 0
    if key not in STOP_CAPS:
        kind |= _ORG_START
    return (kind | _NAME_START) if _name_shaped(word) else kind


@functools.cache
def _pair_heads() -> frozenset[str]:
    """First words of the two-word country names (``north`` of ``north korea``)."""
    return frozenset(key.split()[0] for key in COUNTRY_ALIASES if " " in key)


@functools.lru_cache(maxsize=8192)
def _name_shaped(word: str) -> bool:
    """Capitalised, not an acronym, and in no list of words that are never names."""
    if not word[:1].isupper() or (word.isupper() and len(word) > 1 and "-" not in word):
        return False
    return fold(word) not in _not_name_words() and not country_key(word)


def _regions(text: str, article: Article) -> list[tuple[int, int]]:
    spans = [*article.captions, *(p.span for p in article.paragraphs)]
    if not spans:
        return [(0, len(text))]
    return sorted((s.start, s.end) for s in spans)


def build_registry(text: str, article: Article) -> Registry:
    """Scan *article* once and register every person introduced with a full name."""
    registry = Registry(text)
    regions = _regions(text, article)
    split = splitter(text)
    region_tokens = tokenize_regions(text, regions, split)
    body_words = _words_of(region_tokens)
    registry.quoted = _quoted_spans(text, regions)
    singles: list[tuple[Tokens, int]] = []
    person = registry.person
    memo: RunMemo | None = None  # the last name run's decision, for a run that repeats it
    # Cheap tests on the whole text spare most articles a scan of every region.
    document_hits = _occurrences(text, _DOCUMENT_WORDS)
    unnamed = _SPOKES.search(text) is not None
    for (start, end), tokens in zip(regions, region_tokens, strict=True):
        # What ``_DOCUMENT.finditer(text, start, end)`` finds: matches start at a keyword.
        lo = bisect.bisect_left(document_hits, start)
        for pos in document_hits[lo : bisect.bisect_left(document_hits, end, lo)]:
            match = _DOCUMENT.match(text, pos, end)
            if match is None:
                continue
            span = Span.of(text, match.start(), match.end())
            registry.documents.append(registry.named(span.text, EntityKind.MEDIA, span))
        spokes = unnamed and _SPOKES.search(text, start, end) is not None
        for match in _UNNAMED.finditer(text, start, end) if spokes else ():
            record = registry.named(match.group(1), EntityKind.PERSON, None)
            record.add_title(match.group(1))
            registry.mention_at(record, match.start(1), match.end(1))
        starts, ends, words = tokens.starts, tokens.ends, tokens.words
        initial, possessive, upper = tokens.initial, tokens.possessive, tokens.upper
        resume = 0
        # The next organisation word at or after i, followed as i grows (no search per word).
        lo, hi = tokens.lo, tokens.hi
        # (Organisation words past the region are never reached: _org_run stops at its end.)
        org_at = tokens.org_words()
        next_org = bisect.bisect_left(org_at, lo)
        # Only a capitalised word can start a country, an organisation or a name.
        for i in compress(range(lo, hi), upper[lo:hi]):
            if i < resume:
                continue
            if memo is not None and words[i] == memo.first:
                # No organisation run can start here (none ends in reach: _org_run would
                # return i), and the run reads what the last one remembered read: its
                # decision holds.
                while next_org < len(org_at) and org_at[next_org] < i:
                    next_org += 1
                if (
                    next_org == len(org_at) or org_at[next_org] - i >= MAX_TITLE_TOKENS
                ) and repeats(memo, text, tokens, i, end):
                    # So do the runs every period tokens on, count in all (a name list).
                    count, period = block(memo, text, tokens, i, end, _start_kind)
                    resume = i + (count - 1) * period + memo.size
                    if memo.register:
                        start, length = starts[i], memo.length
                        name = text[start : start + length]
                        record = person(name, start, start + length)
                        if count > 1:
                            again = starts[i + period : resume : period]
                            registry.persons(record, name, again, length)
                        if memo.apposition:  # (attaching it again changes nothing)
                            attach(record, None, memo.apposition)
                    continue
            kind = _start_kind(words[i])
            if kind & _COUNTRY_START:
                country = _country_at(text, tokens, i)
                if country is not None:
                    name, stop = country
                    span = inner_span(text, starts[i], starts[stop - 1] + len(words[stop - 1]))
                    registry.named(name, EntityKind.ORGANISATION, span).country = True
                    resume = stop
                    continue
            if kind & _ORG_START:
                # An organisation run ends in an organisation word within reach.
                while next_org < len(org_at) and org_at[next_org] < i:
                    next_org += 1
                reach = org_at[next_org] if next_org < len(org_at) else hi
                org = _org_run(text, tokens, i) if reach - i < MAX_TITLE_TOKENS else i
                if org > i:
                    span = inner_span(text, starts[i], starts[org - 1] + len(words[org - 1]))
                    registry.named(span.text, EntityKind.ORGANISATION, span)
                    resume = org
                    continue
            # _name_run(text, tokens, i, body_words), written out: a call per capital costs
            # more than most of its steps.
            if not initial[i]:
                if not kind & _NAME_START:
                    continue  # "The", "He", "But"
                # A sentence's first word that the body also spells in lower case is no name.
                key = fold(words[i])
                if key in body_words and key[0].islower() and _sentence_initial(text, tokens, i):
                    continue
            j = i + 1
            while j < hi and not possessive[j - 1]:
                gap = starts[j] - ends[j - 1]
                if gap > 1 or (gap == 1 and text[ends[j - 1]] not in " \xa0"):
                    break
                if not (initial[j] or _name_shaped(words[j])):
                    break
                j += 1
            while j > i and initial[j - 1]:
                j -= 1
            if j <= i:
                continue
            resume = j
            if j - i == 1:
                singles.append((tokens, i))
                continue
            # _register_run(registry, text, tokens, i, j, end), written out, its cheap
            # rejects first: a name repeated in a list costs little more than its lookup.
            if j < hi and upper[j] and org_word(words[j]):
                if i > lo:
                    memo = remember(text, tokens, i, j, False, None, None)
                continue
            flags = title_flags(words[i - 1]) if i > lo else 0
            if flags & T_THE:
                if j < hi:
                    memo = remember(text, tokens, i, j, False, None, None)
                continue  # "the Kim Jong Un regime"
            looked = False  # whether a title or party was looked for past the run's tokens
            start = starts[i]
            stop = starts[j - 1] + len(words[j - 1])
            record = person(text[start:stop], start, stop)
            title = None
            # (A gap that starts with no space, "Kim Jong Un, Kim Jong Un", holds no title.)
            if flags & T_TITLE and (ends[i - 1] == start or text[ends[i - 1]].isspace()):
                before = text[ends[i - 1] : start]
                if before == " " or not (before.strip() or "\n" in before):
                    title = title_before(text, tokens, i)
                    looked = True
            if stop < end:
                char = text[stop]
                if char == "(" or not char.isascii() or char.isspace():
                    party = _party_at(text, stop, end)
                    if party:
                        record.party = f"{party.group(1)}-{party.group(2)}"
                        stop = party.end()
                        looked = True
                    elif j == hi or "(" in text[stop : starts[j]]:
                        looked = True  # the pattern may have read past the gap
                    # (Else it read the gap and the next word's first character only.)
            apposition = window = None
            if text.startswith(", ", stop) and not possessive[j - 1]:
                # the apposition window: ", " and what the search may read after it
                window = text[stop : min(end, stop + APPOSITION_WINDOW)]
                apposition = apposition_in(window)
            if title or apposition:
                attach(record, title[0] if title else None, apposition)
            if not looked and i > lo and j < hi:
                memo = remember(text, tokens, i, j, True, window, apposition)
    votes: dict[int, tuple[Record, set[str]]] = {}
    for tokens, i in singles:
        # Most capitalised words have no title before them and nobody to mention.
        titled = i > tokens.lo and title_flags(tokens.words[i - 1]) & T_TITLE != 0
        if titled or registry.has_short(tokens.words[i]):
            _register_single(registry, text, tokens, i, votes, titled)
    # "Mr Suga" throughout: "he" may be Yoshihide Suga; "Mr." and "Mrs. Clinton" say nothing.
    for record, genders in votes.values():
        if record.gender is None and len(genders) == 1:
            record.gender = genders.pop()
    if registry.has_people():  # only names already known are upgraded
        for extra in article.boilerplate:
            _upgrade_names(registry, text, extra.span.start, extra.span.end, body_words, split)
    return registry


def _words_of(region_tokens: list[Tokens]) -> set[str]:
    """The words of all the regions: windows that follow on in one list are read as one
    slice (paragraphs usually do: the white space between them has no words)."""
    words: set[str] = set()
    current: list[str] | None = None
    lo = hi = 0
    for tokens in region_tokens:
        if tokens.words is current and tokens.lo == hi:
            hi = tokens.hi
            continue
        if current is not None:
            words.update(current[lo:hi])
        current, lo, hi = tokens.words, tokens.lo, tokens.hi
    if current is not None:
        words.update(current[lo:hi])
    return words


def _upgrade_names(
    registry: Registry, text: str, start: int, end: int, body_words: set[str], split: Splitter
) -> None:
    """Fuller spellings outside the body (``Donald J. Trump`` in an embed) of known people."""
    piece = text[start:end]
    if piece.isascii() and piece == piece.lower():
        return  # no capital letter, so no name
    tokens = tokenize(text, start, end, split)
    starts, words = tokens.starts, tokens.words
    resume = 0
    for i in compress(range(tokens.hi), tokens.upper):
        if i < resume:
            continue
        run = _name_run(text, tokens, i, body_words)
        if run - i > 1:
            last = run - 1
            name = text[starts[i] : starts[last] + len(words[last])]
            record = registry.full(name)
            if record is not None and len(name) > len(record.name):
                record.name = name
        resume = run


def _org_run(text: str, tokens: Tokens, i: int) -> int:
    """End index of a capitalised run ending in an organisation word (``Foreign Ministry``).

    The caller has checked that an organisation word follows within ``MAX_TITLE_TOKENS``
    (the only way the run can end in one).
    """
    words, upper = tokens.words, tokens.upper
    if not upper[i] or fold(words[i]) in STOP_CAPS:
        return i
    starts, ends, possessive = tokens.starts, tokens.ends, tokens.possessive
    count = tokens.hi
    j = i
    end = i
    while j < count and j - i < MAX_TITLE_TOKENS:
        if j > i and text[ends[j - 1] : starts[j]] != " ":
            break
        key = fold(words[j])
        if upper[j]:
            if key in ROLE_NOUNS:
                return i
            j += 1
            if key in ORG_WORDS:
                end = j
            if possessive[j - 1]:
                break
        elif key in CONNECTORS and j > i:
            j += 1
        else:
            break
    return end


def _country_at(text: str, tokens: Tokens, i: int) -> tuple[str, int] | None:
    """A country or capital named at ``tokens[i]``: (canonical name, end index)."""
    if not tokens.upper[i]:
        return None
    words = tokens.words
    word = words[i]
    key = fold(word)
    if i + 1 < tokens.hi and not tokens.possessive[i] and key in _pair_heads():
        nxt = words[i + 1]
        pair = f"{word} {nxt}"
        if text[tokens.ends[i] : tokens.starts[i + 1]] == " " and fold(pair) in COUNTRY_ALIASES:
            if fold(pair) in {"the north", "the south"}:
                return f"{nxt} Korea", i + 2
            return pair, i + 2
    if key in {"north", "south"}:
        if i > tokens.lo and fold(words[i - 1]) == "the":
            return f"{word} Korea", i + 1
        return None
    if key in COUNTRY_ALIASES and country_key(word):
        return word, i + 1
    return None


def _sentence_initial(text: str, tokens: Tokens, i: int) -> bool:
    if i == tokens.lo:
        return True
    before = text[tokens.ends[i - 1] : tokens.starts[i]]
    return before != " " and _SENTENCE_END.search(before) is not None


def _name_run(text: str, tokens: Tokens, i: int, body_words: set[str]) -> int:
    """The end index of the run of name words starting at *i* (== i when none)."""
    starts, ends, possessive = tokens.starts, tokens.ends, tokens.possessive
    initial, words = tokens.initial, tokens.words
    if not initial[i]:  # whether the run's first word can start a name
        word = words[i]
        if not _name_shaped(word):
            return i
        # A sentence's first word that the body also spells in lower case is no name.
        key = fold(word)
        if key in body_words and key[0].islower() and _sentence_initial(text, tokens, i):
            return i
    count = tokens.hi
    j = i + 1
    # A possessive ends the run; later words need a gap of at most one space and the name
    # shape only.
    while j < count and not possessive[j - 1]:
        gap = starts[j] - ends[j - 1]
        if gap > 1 or (gap == 1 and text[ends[j - 1]] not in " \xa0"):
            break
        if not (initial[j] or _name_shaped(words[j])):
            break
        j += 1
    while j > i and initial[j - 1]:
        j -= 1
    return j


def _party_at(text: str, pos: int, limit: int) -> regex.Match[str] | None:
    """``_PARTY.match(text, pos, limit)``, rejecting at once when no ``(`` follows the spaces.

    The ``regex`` module looks for the pattern's ``(`` across the whole rest of the region
    before it tries a match, which made every registered name cost time linear in the text.
    """
    if pos < limit:
        char = text[pos]
        if char != "(" and char.isascii() and not char.isspace():
            return None  # what follows the name is no space and no bracket
    after = _SPACES_AT.match(text, pos, limit)
    stop = after.end() if after is not None else pos
    if stop >= limit or text[stop] != "(":
        return None
    return _PARTY.match(text, pos, limit)


def _register_single(
    registry: Registry,
    text: str,
    tokens: Tokens,
    i: int,
    votes: dict[int, tuple[Record, set[str]]],
    titled: bool = True,
) -> None:
    """Register the single capitalised name word ``tokens[i]``; honorifics before it vote in
    *votes* on its person's gender. *titled* False: the caller knows the word before it can
    be no part of a title."""
    word = tokens.words[i]
    start = tokens.starts[i]
    title = title_before(text, tokens, i) if titled else None
    if title is not None and title_flags(tokens.words[i - 1]) & T_CONNECTOR:
        title = None
    candidates = registry.short(word)
    if title is None and not candidates:
        return  # most capitalised words: nobody to mention, nothing to register
    end = start + len(word)
    if title is not None:
        compatible = [r for r in candidates if titles_match(r, title[0])]
        if compatible or not candidates:
            candidates = compatible
            if not candidates:
                record = registry.single(word, start, end)
                attach(record, title[0], None)
                return
    if not candidates:
        return
    # The honorific right before the name, not "chairman of" before "Mrs. Clinton".
    before = tokens.words[i - 1] if title is not None else ""
    gender = gender_of(before) if fold(before) in HONORIFICS else None
    if gender is not None:  # "Mrs. Clinton" is not Bill Clinton
        candidates = [r for r in candidates if r.gender in (None, gender)] or candidates
    chosen = registry.pick(candidates, start) or candidates[0]
    registry.mention_at(chosen, start, end)
    if gender is not None and len(candidates) == 1:
        votes.setdefault(id(chosen), (chosen, set()))[1].add(gender)
