"""The entity registry of one article: people, organisations, groups and outlets.

:func:`build_registry` makes one left-to-right scan of the article's text (headline,
captions, body), tokenising each region once. Runs of two or more capitalised name words
become people, with the titles and affiliation written before the name (``South Korean
Foreign Minister Kang Kyung-wha``), in apposition (``Kenneth Courtis, chairman of …``) or
in brackets (``Sen. Cory Gardner (R-CO)``). A second scan over the same tokens records the
short forms (surnames, given names, titled surnames) as mentions. Lookups are dictionary
lookups: the whole build is linear in the length of the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

from nkquotes._model import Article, Entity, EntityKind, Span
from nkquotes._names import (
    ABBREVIATIONS,
    COUNTRY_ALIASES,
    EAST_ASIAN_SURNAMES,
    HEAD_SYNONYMS,
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

__all__ = [
    "Record",
    "Registry",
    "Token",
    "build_registry",
    "countries_in",
    "name_key",
    "titles_match",
    "tokenize",
]

_PARTY = regex.compile(r"\s*\(\s*([RDI])\s*[-–,]\s*([A-Z][A-Za-z.]{1,12})\s*\)")
_QUOTED = regex.compile(r"\"[^\"\n]{1,2000}\"|“[^”\n]{1,2000}”")
_APPOSITION_END = regex.compile(
    r"[,;:()\"“”]|(?<!\b\p{Lu})\.(?:\s|$)|\s(?:said|says|told|added|who|which|that|when|where|whose)\b"
)
_DOCUMENT = regex.compile(
    r"\b(?:Resolution|Declaration|Agreement|Statement|Treaty|Act|Report)\s+(?:No\.\s*)?\d[\d/-]*"
)
_CONNECTORS = frozenset({"of", "for", "to", "the", "on", "at"})
_MALE = frozenset(
    {
        "mr",
        "sir",
        "mister",
        "spokesman",
        "congressman",
        "chairman",
        "king",
        "prince",
        "brother",
        "husband",
        "son",
        "uncle",
        "emperor",
    }
)
_FEMALE = frozenset(
    {
        "ms",
        "mrs",
        "miss",
        "dame",
        "madam",
        "spokeswoman",
        "congresswoman",
        "chairwoman",
        "queen",
        "princess",
        "sister",
        "wife",
        "daughter",
        "aunt",
        "lady",
    }
)
_UNNAMED = regex.compile(
    r"\b(?:a|an)\s+(?:(?:unidentified|unnamed|anonymous)\s+)?"
    r"((?:[^\s,.;:\"“”()]+\s+){0,4}?spokes(?:man|woman|person))\b",
    regex.IGNORECASE,
)
_OF_AT = regex.compile(r"\s(?:of|at)\s+(?:the\s+)?(.+)$")
_SENTENCE_END = regex.compile(r"[.!?:\"“”]\s*$|\n")
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


@attrs.define(eq=False)
class Record:
    """A mutable entity under construction; :meth:`Registry.entities` freezes them."""

    kind: EntityKind
    name: str
    first: int
    titles: list[str] = attrs.Factory(list)
    affiliation: str | None = None
    party: str | None = None
    gender: str | None = None
    mentions: list[Span] = attrs.Factory(list)
    spoke: bool = False
    country: bool = False
    document: bool = False
    starts: list[int] = attrs.Factory(list)
    seen: set[tuple[int, int]] = attrs.Factory(set)

    def add_title(self, title: str) -> None:
        """Record *title* once (case-insensitively) and learn a gender from it."""
        title = title.strip(" ,")
        if title and fold(title) not in {fold(t) for t in self.titles}:
            self.titles.append(title)
        self.learn_gender(title)

    def learn_gender(self, words: str) -> None:
        """Take a gender from honorifics or gendered role words in *words*."""
        keys = set(fold(words).split())
        if keys & _MALE and self.gender is None:
            self.gender = "male"
        elif keys & _FEMALE and self.gender is None:
            self.gender = "female"

    def title_keys(self) -> set[str]:
        """Folded words of the titles and affiliation."""
        keys: set[str] = set()
        for title in (*self.titles, self.affiliation or ""):
            keys.update(w for w in fold(title).replace("-", " ").split())
            keys.update(fold(title).split())
        return keys

    def countries(self) -> set[str]:
        """Countries named in the titles or affiliation."""
        found: set[str] = set()
        for title in (*self.titles, self.affiliation or ""):
            found.update(countries_in(title))
        return found


def countries_in(phrase: str) -> set[str]:
    """Countries a phrase names or implies (``North Korea's``, ``US``, ``Japanese``)."""
    words = fold(phrase).replace("'s", "").split()
    found: set[str] = set()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            key = country_key(" ".join(words[i : i + size]))
            if key:
                found.add(key)
    return found


def _split_title(phrase: str) -> tuple[str | None, str | None]:
    """Split ``US Secretary of State`` into affiliation ``US`` and title ``Secretary of State``."""
    words = phrase.split()
    for i, word in enumerate(words):
        key = fold(word).rstrip("'s")
        if key in TITLE_WORDS or key in HONORIFICS:
            affiliation = " ".join(words[:i]).strip() or None
            if affiliation and affiliation.endswith(("'s", "’s")):
                affiliation = affiliation[:-2]
            title = " ".join(w for w in words[i:] if fold(w) not in HONORIFICS)
            return affiliation, title or None
    return (phrase.strip() or None), None


def name_key(name: str) -> str:
    """A person's lookup key: folded words without initials (``Donald J. Trump``)."""
    words = fold(name).replace("-", " ").split()
    return " ".join(w for w in words if len(w) > 1) or " ".join(words)


class Registry:
    """The entities of one article and the indexes to find them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.records: list[Record] = []
        self._full: dict[str, Record] = {}
        self._short: dict[str, list[Record]] = {}
        self._named: dict[str, Record] = {}
        self._mention_pos: list[int] = []
        self._mention_rec: list[tuple[int, Record, bool]] = []
        self._dirty = False
        self.quoted: list[tuple[int, int]] = []
        self.documents: list[Record] = []

    # -- building -------------------------------------------------------------------------

    def person(self, name: str, span: Span) -> Record:
        """The person called *name* (two or more words), created on first sight."""
        key = name_key(name)
        record = self._full.get(key)
        if record is None:
            record = Record(kind=EntityKind.PERSON, name=name, first=span.start)
            self._full[key] = record
            self.records.append(record)
            words = fold(name).split()
            surname_first = words[0] in EAST_ASIAN_SURNAMES and (
                len(words) > 2 or "-" in words[-1] or words[-1] not in EAST_ASIAN_SURNAMES
            )
            keys = [words[0], words[-1]] if surname_first else [words[-1], words[0]]
            for short in dict.fromkeys(keys):
                self._short.setdefault(short, []).append(record)
        elif len(name) > len(record.name):
            record.name = name
        self.mention(record, span)
        return record

    def single(self, name: str, span: Span) -> Record:
        """A person known only by one word (``Psaki``)."""
        record = Record(kind=EntityKind.PERSON, name=name, first=span.start)
        self.records.append(record)
        self._short.setdefault(fold(name), []).append(record)
        self.mention(record, span)
        return record

    def named(self, name: str, kind: EntityKind, span: Span | None) -> Record:
        """The organisation, group or outlet called *name*, created on first sight."""
        key = fold(name)
        record = self._named.get(key)
        if record is None:
            first = span.start if span is not None else len(self.text)
            record = Record(kind=kind, name=name, first=first)
            self._named[key] = record
            self.records.append(record)
        elif kind is EntityKind.MEDIA:
            record.kind = kind
        if span is not None:
            self.mention(record, span)
        return record

    def mention(self, record: Record, span: Span) -> None:
        """Record that *span* names *record*."""
        key = (span.start, span.end)
        if key in record.seen:
            return
        record.seen.add(key)
        record.mentions.append(span)
        record.first = min(record.first, span.start)
        bisect.insort(record.starts, span.start)
        self._mention_rec.append((span.start, record, self.is_quoted(span.start)))
        self._dirty = True

    # -- lookups --------------------------------------------------------------------------

    def full(self, name: str) -> Record | None:
        """The person whose first and last name words match *name*."""
        return self._full.get(name_key(name))

    def short(self, word: str) -> list[Record]:
        """People one of whose name ends is *word*."""
        return list(self._short.get(fold(word), ()))

    def by_name(self, name: str) -> Record | None:
        """The organisation, group or outlet called *name*."""
        return self._named.get(fold(name))

    def is_quoted(self, pos: int) -> bool:
        """Whether *pos* lies inside a quotation-mark pair."""
        index = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return index >= 0 and self.quoted[index][0] < pos < self.quoted[index][1]

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Record, bool]]:
        """Mentions starting in ``[start, end)``, in text order: (start, record, quoted)."""
        if self._dirty:
            self._mention_rec.sort(key=lambda entry: entry[0])
            self._mention_pos = [entry[0] for entry in self._mention_rec]
            self._dirty = False
        lo = bisect.bisect_left(self._mention_pos, start)
        hi = bisect.bisect_left(self._mention_pos, end)
        return self._mention_rec[lo:hi]

    def last_mention_before(self, record: Record, pos: int) -> int:
        """Start of *record*'s last mention before *pos*, or -1."""
        index = bisect.bisect_left(record.starts, pos)
        return record.starts[index - 1] if index else -1

    def pick(self, candidates: Sequence[Record], pos: int) -> Record | None:
        """The candidate mentioned most recently before *pos*; None when none was."""
        if len(candidates) == 1:
            return candidates[0]
        scored = [(self.last_mention_before(r, pos), r) for r in candidates]
        scored = [s for s in scored if s[0] >= 0]
        if not scored:
            return None
        scored.sort(key=lambda s: s[0])
        return scored[-1][1]

    def entities(self, ids: dict[int, str], keep: Iterable[Record]) -> tuple[Entity, ...]:
        """Freeze *keep* into :class:`Entity` values, ids taken from *ids* by ``id()``."""
        out = []
        for record in keep:
            out.append(
                Entity(
                    id=ids[id(record)],
                    name=record.name,
                    kind=record.kind,
                    titles=tuple(record.titles),
                    affiliation=record.affiliation,
                    party=record.party,
                    mentions=tuple(sorted(record.mentions)),
                )
            )
        return tuple(out)


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
        affiliation, title = _split_title(strip_determiner(phrase))
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


def titles_match(record: Record, phrase: str) -> bool:
    """Whether a title phrase (``President``, ``the minister``) fits *record*'s titles."""
    words = [w for w in fold(phrase).replace("'s", "").split() if w not in HONORIFICS]
    heads = [w for w in words if w in TITLE_WORDS and w not in _MODIFIERS]
    if not heads:
        return True
    keys = record.title_keys()
    if not keys:
        return True
    head = heads[-1]
    return bool(HEAD_SYNONYMS.get(head, frozenset({head})) & keys)


_MODIFIERS = frozenset(
    [
        "top",
        "senior",
        "chief",
        "former",
        "current",
        "special",
        "new",
        "acting",
        "deputy",
        "assistant",
        "vice",
        "foreign",
        "national",
        "security",
        "first",
    ]
)
