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

import attrs
import regex

from nkquotes import _lazyregex
from nkquotes._entities import Record, Registry, countries_in, split_title, titles_match
from nkquotes._model import Article, EntityKind, Span
from nkquotes._names import (
    ABBREVIATIONS,
    COUNTRY_ALIASES,
    HONORIFICS,
    ORG_WORDS,
    PLACES,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
    TOKEN,
    country_key,
    fold,
    strip_determiner,
)

__all__ = ["Token", "build_registry", "tokenize"]

_PARTY = _lazyregex.compile(r"\s*\(\s*([RDI])\s*[-–,]\s*([A-Z][A-Za-z.]{1,12})\s*\)")
_QUOTED = _lazyregex.compile(r"\"[^\"\n]{1,2000}\"|“[^”\n]{1,2000}”")
_APPOSITION_END = _lazyregex.compile(
    r"[,;:()\"“”]|(?<!\b\p{Lu})\.(?:\s|$)|\s(?:said|says|told|added|who|which|that|when|where|whose)\b"
)
_DOCUMENT = _lazyregex.compile(
    r"\b(?:Resolution|Declaration|Agreement|Statement|Treaty|Act|Report)\s+(?:No\.\s*)?\d[\d/-]*"
)
_CONNECTORS = frozenset({"of", "for", "to", "the", "on", "at"})
_UNNAMED = _lazyregex.compile(
    r"\b(?:a|an)\s+(?:(?:unidentified|unnamed|anonymous)\s+)?"
    r"((?:[^\s,.;:\"“”()]+\s+){0,4}?spokes(?:man|woman|person))\b",
    regex.IGNORECASE,
)
_OF_AT = _lazyregex.compile(r"\s(?:of|at)\s+(?:the\s+)?(.+)$")
_SENTENCE_END = _lazyregex.compile(r"[.!?:\"“”]\s*$|\n")
_MAX_TITLE_TOKENS = 10
_MAX_APPOSITION = 16


@attrs.frozen
class Token:
    """One word of the text: its offsets, its text without a possessive, and flags."""

    start: int
    end: int
    word: str
    possessive: bool
    initial: bool


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The word tokens of ``text[start:end]``; abbreviations keep their full stop."""
    tokens: list[Token] = []
    for match in TOKEN.finditer(text, start, end):
        word = match.group()
        stop = match.end()
        possessive = word.endswith(("'s", "’s")) and len(word) > 2
        if possessive:
            word = word[:-2]
        dotted = stop < end and text[stop] == "."
        initial = len(word) == 1 and word.isupper() and dotted
        if dotted and (initial or word.casefold() in ABBREVIATIONS):
            stop += 1
        tokens.append(Token(match.start(), stop, word, possessive, initial))
    return tokens


# -- scanning -----------------------------------------------------------------------------


def _is_name_word(token: Token, sentence_initial: bool, lower_words: set[str]) -> bool:
    word = token.word
    if token.initial:
        return True
    if not word[:1].isupper() or (word.isupper() and len(word) > 1 and "-" not in word):
        return False
    key = fold(word)
    if (
        key in STOP_CAPS
        or key in TITLE_WORDS
        or key in HONORIFICS
        or key in PLACES
        or key in ORG_WORDS
        or country_key(word)
    ):
        return False
    return not (sentence_initial and key in lower_words)


def _title_word(token: Token) -> bool:
    key = fold(token.word)
    return (
        key in TITLE_WORDS
        or key in HONORIFICS
        or key in ORG_WORDS
        or key in PLACES
        or country_key(token.word) is not None
        or key in _CONNECTORS
        or (token.word[:1].isupper() and key not in STOP_CAPS)
    )


def _title_before(text: str, tokens: list[Token], index: int) -> tuple[str, int] | None:
    """The title phrase ending just before ``tokens[index]``, with its start offset."""
    first = index
    while first > 0 and index - first < _MAX_TITLE_TOKENS:
        prev = tokens[first - 1]
        gap = text[prev.end : tokens[first].start]
        if gap.strip() or "\n" in gap or not _title_word(prev):
            break
        if prev.possessive and not _affiliation_word(prev):
            break  # ``Trump's spokeswoman Sarah Sanders``: Trump's titles are not hers
        if fold(prev.word) in _CONNECTORS and any(
            fold(t.word) in ROLE_NOUNS for t in tokens[first:index]
        ):
            break  # ``the sister of Supreme Leader Kim``: the sister is someone else
        first -= 1
    while first < index and fold(tokens[first].word) in _CONNECTORS:
        first += 1
    if first == index:
        return None
    words = {fold(t.word) for t in tokens[first:index]}
    if not words & (TITLE_WORDS | HONORIFICS):
        return None
    start = tokens[first].start
    return text[start : tokens[index - 1].end], start


def _affiliation_word(token: Token) -> bool:
    key = fold(token.word)
    return key in ORG_WORDS or key in PLACES or country_key(token.word) is not None


def _apposition_after(text: str, pos: int, limit: int) -> str | None:
    """``, chairman of X,`` after a name: the role phrase, or None."""
    if not text.startswith(", ", pos):
        return None
    begin = pos + 2
    end_match = _APPOSITION_END.search(text, begin, min(limit, begin + 160))
    end = end_match.start() if end_match else min(limit, begin + 160)
    phrase = text[begin:end].strip()
    words = fold(phrase).replace("'s", "").split()
    if not words or len(words) > _MAX_APPOSITION:
        return None
    lead = words[1] if words[0] in {"a", "an", "the"} and len(words) > 1 else words[0]
    if (
        phrase[:1].isupper()
        and words[0] not in {"a", "an", "the"}
        and not (countries_in(" ".join(phrase.split()[:2])) or lead in TITLE_WORDS)
    ):
        return None
    if not set(words) & TITLE_WORDS or lead in {"who", "which", "said", "says"}:
        return None
    return phrase


def _attach(record: Record, title_phrase: str | None, apposition: str | None) -> None:
    for phrase in (title_phrase, apposition):
        if not phrase:
            continue
        affiliation, title = split_title(strip_determiner(phrase))
        if phrase is apposition and title is None:
            continue
        if affiliation and record.affiliation is None:
            record.affiliation = affiliation
        if title:
            record.add_title(title)
            match = _OF_AT.search(title)
            if record.affiliation is None and match and phrase is apposition:
                record.affiliation = match.group(1)
        record.learn_gender(phrase)


def _regions(text: str, article: Article) -> list[tuple[int, int]]:
    spans = [*article.captions, *(p.span for p in article.paragraphs)]
    if not spans:
        return [(0, len(text))]
    return sorted((s.start, s.end) for s in spans)


def build_registry(text: str, article: Article) -> Registry:
    """Scan *article* once and register every person introduced with a full name."""
    registry = Registry(text)
    regions = _regions(text, article)
    region_tokens = [tokenize(text, start, end) for start, end in regions]
    lower_words = {t.word for tokens in region_tokens for t in tokens if t.word[:1].islower()}
    quoted: list[tuple[int, int]] = []
    for start, end in regions:
        quoted.extend((m.start(), m.end()) for m in _QUOTED.finditer(text, start, end))
    registry.quoted = sorted(quoted)
    singles: list[tuple[list[Token], int]] = []
    for (start, end), tokens in zip(regions, region_tokens, strict=True):
        for match in _DOCUMENT.finditer(text, start, end):
            span = Span.of(text, match.start(), match.end())
            registry.documents.append(registry.named(span.text, EntityKind.MEDIA, span))
        for match in _UNNAMED.finditer(text, start, end):
            record = registry.named(match.group(1), EntityKind.PERSON, None)
            record.add_title(match.group(1))
            registry.mention(record, Span.of(text, match.start(1), match.end(1)))
        i = 0
        while i < len(tokens):
            country = _country_at(text, tokens, i)
            if country is not None:
                name, stop = country
                span = Span.of(
                    text, tokens[i].start, tokens[stop - 1].start + len(tokens[stop - 1].word)
                )
                registry.named(name, EntityKind.ORGANISATION, span).country = True
                i = stop
                continue
            org = _org_run(text, tokens, i)
            if org > i:
                first, last = tokens[i], tokens[org - 1]
                span = Span.of(text, first.start, last.start + len(last.word))
                registry.named(span.text, EntityKind.ORGANISATION, span)
                i = org
                continue
            run = _name_run(text, tokens, i, lower_words)
            if run <= i:
                i += 1
                continue
            if run - i == 1:
                singles.append((tokens, i))
            else:
                _register_run(registry, text, tokens, i, run, end)
            i = run
    for tokens, i in singles:
        _register_single(registry, text, tokens, i)
    for extra in article.boilerplate:
        _upgrade_names(registry, text, extra.span.start, extra.span.end, lower_words)
    return registry


def _upgrade_names(
    registry: Registry, text: str, start: int, end: int, lower_words: set[str]
) -> None:
    """Fuller spellings outside the body (``Donald J. Trump`` in an embed) of known people."""
    tokens = tokenize(text, start, end)
    i = 0
    while i < len(tokens):
        run = _name_run(text, tokens, i, lower_words)
        if run - i > 1:
            last = tokens[run - 1]
            name = text[tokens[i].start : last.start + len(last.word)]
            record = registry.full(name)
            if record is not None and len(name) > len(record.name):
                record.name = name
        i = max(run, i + 1)


def _org_run(text: str, tokens: list[Token], i: int) -> int:
    """End index of a capitalised run ending in an organisation word (``Foreign Ministry``)."""
    if not tokens[i].word[:1].isupper() or fold(tokens[i].word) in STOP_CAPS:
        return i
    j = i
    end = i
    while j < len(tokens) and j - i < _MAX_TITLE_TOKENS:
        token = tokens[j]
        if j > i and text[tokens[j - 1].end : token.start] != " ":
            break
        if token.word[:1].isupper():
            if fold(token.word) in ROLE_NOUNS:
                return i
            j += 1
            if fold(token.word) in ORG_WORDS:
                end = j
            if token.possessive:
                break
        elif fold(token.word) in _CONNECTORS and j > i:
            j += 1
        else:
            break
    return end


def _country_at(text: str, tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A country or capital named at ``tokens[i]``: (canonical name, end index)."""
    token = tokens[i]
    if not token.word[:1].isupper():
        return None
    if i + 1 < len(tokens) and not token.possessive:
        nxt = tokens[i + 1]
        pair = f"{token.word} {nxt.word}"
        if text[token.end : nxt.start] == " " and fold(pair) in COUNTRY_ALIASES:
            if fold(pair) in {"the north", "the south"}:
                return f"{nxt.word} Korea", i + 2
            return pair, i + 2
    key = fold(token.word)
    if key in {"north", "south"}:
        if i > 0 and fold(tokens[i - 1].word) == "the":
            return f"{token.word} Korea", i + 1
        return None
    if key in COUNTRY_ALIASES and country_key(token.word):
        return token.word, i + 1
    return None


def _sentence_initial(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    before = text[tokens[i - 1].end : tokens[i].start]
    return bool(_SENTENCE_END.search(before))


def _name_run(text: str, tokens: list[Token], i: int, lower_words: set[str]) -> int:
    """The end index of the run of name words starting at *i* (== i when none)."""
    j = i
    while j < len(tokens):
        token = tokens[j]
        initial = _sentence_initial(text, tokens, j) if j == i else False
        if not _is_name_word(token, initial, lower_words):
            break
        if j > i:
            gap = text[tokens[j - 1].end : token.start]
            if gap not in (" ", "", "\xa0") or tokens[j - 1].possessive:
                break
        j += 1
        if token.possessive:
            break
    while j > i and tokens[j - 1].initial:
        j -= 1
    return j


def _register_run(
    registry: Registry, text: str, tokens: list[Token], i: int, j: int, limit: int
) -> None:
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and fold(nxt.word) in ORG_WORDS and nxt.word[:1].isupper():
        return
    if i > 0 and fold(tokens[i - 1].word) == "the" and tokens[i - 1].word != "The":
        return
    last = tokens[j - 1]
    span = Span.of(text, tokens[i].start, last.start + len(last.word))
    name = span.text
    record = registry.person(name, span)
    title = _title_before(text, tokens, i)
    left = None
    if title is None and i > 1 and text[tokens[i - 1].end : tokens[i].start] == ", ":
        back = _title_before(text, [*tokens[: i - 1], tokens[i]], i - 1)
        if back and fold(tokens[i - 2].word) in TITLE_WORDS:
            left = back[0]
    end = span.end
    party = _PARTY.match(text, end, limit)
    if party:
        record.party = f"{party.group(1)}-{party.group(2)}"
        end = party.end()
    apposition = None if tokens[j - 1].possessive else _apposition_after(text, end, limit)
    _attach(record, title[0] if title else left, apposition)


def _register_single(registry: Registry, text: str, tokens: list[Token], i: int) -> None:
    token = tokens[i]
    span = Span.of(text, token.start, token.start + len(token.word))
    title = _title_before(text, tokens, i)
    if title is not None and fold(tokens[i - 1].word) in _CONNECTORS:
        title = None
    candidates = registry.short(token.word)
    if title is not None:
        compatible = [r for r in candidates if titles_match(r, title[0])]
        if compatible or not candidates:
            candidates = compatible
            if not candidates:
                record = registry.single(token.word, span)
                _attach(record, title[0], None)
                return
    if not candidates:
        return
    record = registry.pick(candidates, token.start) or candidates[0]
    registry.mention(record, span)
