"""The registry scan with its name run and registration written out in the loop agrees with
the reference built from the separate steps it replaced (:func:`_name_run`, the old
``_register_run``, :meth:`Registry.mention_at` for every mention), on article-shaped and on
arbitrary text."""

from __future__ import annotations

import bisect
from itertools import compress

from hypothesis import example, given, settings
from hypothesis import strategies as st

import nkquotes
from nkquotes._entities import Record
from nkquotes._model import Article, EntityKind, Span, inner_span
from nkquotes._names import fold
from nkquotes._registry import Registry
from nkquotes._speakers_scan import (
    _COUNTRY_START,
    _DOCUMENT,
    _DOCUMENT_WORDS,
    _NAME_START,
    _ORG_START,
    _SPOKES,
    _UNNAMED,
    _country_at,
    _name_run,
    _occurrences,
    _org_run,
    _party_at,
    _quoted_spans,
    _regions,
    _register_single,
    _start_kind,
    _upgrade_names,
    _words_of,
    build_registry,
)
from nkquotes._speakers_titles import (
    MAX_TITLE_TOKENS,
    T_TITLE,
    attach,
    title_before,
    title_flags,
)
from nkquotes._speakers_tokens import Tokens, org_word, splitter, tokenize_regions
from tests.speakers_reference import apposition_after


class _ReferenceRegistry(Registry):
    """A registry whose :meth:`person` records every mention by :meth:`mention_at`."""

    def person(self, name: str, start: int, end: int) -> Record:
        record = self.full_name(name, start)
        self.mention_at(record, start, end)
        return record


def _reference_register_run(
    registry: Registry, text: str, tokens: Tokens, i: int, j: int, limit: int
) -> None:
    starts, words = tokens.starts, tokens.words
    if j < tokens.hi and tokens.upper[j] and org_word(words[j]):
        return
    lo = tokens.lo
    if i > lo and fold(words[i - 1]) == "the" and words[i - 1] != "The":
        return
    start = starts[i]
    end = starts[j - 1] + len(words[j - 1])
    record = registry.person(text[start:end], start, end)
    title = title_before(text, tokens, i) if i > lo else None
    party = _party_at(text, end, limit)
    if party:
        record.party = f"{party.group(1)}-{party.group(2)}"
        end = party.end()
    apposition = None if tokens.possessive[j - 1] else apposition_after(text, end, limit)
    if title or apposition:
        attach(record, title[0] if title else None, apposition)


def _reference_build_registry(text: str, article: Article) -> Registry:
    """:func:`build_registry` as it was: a call per step."""
    registry = _ReferenceRegistry(text)
    regions = _regions(text, article)
    split = splitter(text)
    region_tokens = tokenize_regions(text, regions, split)
    body_words = _words_of(region_tokens)
    registry.quoted = _quoted_spans(text, regions)
    singles: list[tuple[Tokens, int]] = []
    document_hits = _occurrences(text, _DOCUMENT_WORDS)
    for (start, end), tokens in zip(regions, region_tokens, strict=True):
        lo = bisect.bisect_left(document_hits, start)
        for pos in document_hits[lo : bisect.bisect_left(document_hits, end, lo)]:
            match = _DOCUMENT.match(text, pos, end)
            if match is not None:
                span = Span.of(text, match.start(), match.end())
                registry.documents.append(registry.named(span.text, EntityKind.MEDIA, span))
        if _SPOKES.search(text, start, end) is not None:
            for match in _UNNAMED.finditer(text, start, end):
                record = registry.named(match.group(1), EntityKind.PERSON, None)
                record.add_title(match.group(1))
                registry.mention_at(record, match.start(1), match.end(1))
        starts, words = tokens.starts, tokens.words
        resume = 0
        lo, hi = tokens.lo, tokens.hi
        org_at = tokens.org_words()
        for i in compress(range(lo, hi), tokens.upper[lo:hi]):
            if i < resume:
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
                ahead = [k for k in org_at if k >= i]
                reach = ahead[0] if ahead else hi
                org = _org_run(text, tokens, i) if reach - i < MAX_TITLE_TOKENS else i
                if org > i:
                    span = inner_span(text, starts[i], starts[org - 1] + len(words[org - 1]))
                    registry.named(span.text, EntityKind.ORGANISATION, span)
                    resume = org
                    continue
            if not (kind & _NAME_START or tokens.initial[i]):
                continue
            j = _name_run(text, tokens, i, body_words)
            if j <= i:
                continue
            if j - i == 1:
                singles.append((tokens, i))
            else:
                _reference_register_run(registry, text, tokens, i, j, end)
            resume = j
    votes: dict[int, tuple[Record, set[str]]] = {}
    for tokens, i in singles:
        titled = i > tokens.lo and title_flags(tokens.words[i - 1]) & T_TITLE != 0
        if titled or registry.has_short(tokens.words[i]):
            _register_single(registry, text, tokens, i, votes, titled)
    for record, genders in votes.values():
        if record.gender is None and len(genders) == 1:
            record.gender = genders.pop()
    if registry.has_people():
        for extra in article.boilerplate:
            _upgrade_names(registry, text, extra.span.start, extra.span.end, body_words, split)
    return registry


def _state(registry: Registry) -> object:
    """All a registry holds, as plain values (records in the order registered)."""
    records = [
        (
            r.kind,
            r.name,
            r.first,
            r.titles,
            r.affiliation,
            r.party,
            r.gender,
            r.country,
            r.starts,
            sorted(r.ends.items()),
            sorted(r.extra or ()),
        )
        for r in registry.records
    ]
    index = {id(r): n for n, r in enumerate(registry.records)}
    mentions = [
        (start, index[id(r)], quoted)
        for start, r, quoted in registry.mentions_between(0, len(registry.text) + 1)
    ]
    return records, mentions, [index[id(r)] for r in registry.documents]


_PIECES = st.sampled_from(
    [
        *("Kim", "Jong", "Un", "Moon", "Jae-in", "Minister", "Foreign", "President", "the", "The"),
        *("of", "Sen.", "J.", "Kim's", "said", "Ministry", "North", "Korea", "Seoul", "Mr."),
        *("chairman", "spokesman", "a", "Resolution 2270", "Dr.", "Kang", "Kyung-wha", "É"),
        *(", ", ",", " ", "  ", " (", "(R-CO)", "(D-NY)", ")", "\n", "\n\n", "\xa0", ". ", '"'),
        *("“", "”", "-", "; ", "é"),
    ]
)
_ARTICLES = st.lists(_PIECES, max_size=60).map("".join)


def _check(text: str) -> None:
    try:
        article = nkquotes.parse_article(text)
    except nkquotes.NkQuotesError:
        return
    assert _state(build_registry(text, article)) == _state(_reference_build_registry(text, article))


# A unit repeated (a name list), with another piece now and then: runs that repeat the one
# before, and runs that differ from it in one token, one gap or what follows.
_REPEATS = st.builds(
    lambda unit, n, other, every: "".join(
        unit + (other if every and k % every == 0 else "") for k in range(n)
    ),
    st.lists(_PIECES, min_size=1, max_size=8).map("".join),
    st.integers(1, 12),
    st.lists(_PIECES, max_size=3).map("".join),
    st.integers(0, 4),
)


@settings(max_examples=250, deadline=None)
@given(st.one_of(_ARTICLES, _REPEATS, st.text(max_size=80)))
@example("Kim Jong Un, Kim Jong Un, Foreign Minister Kim Jong Un (R-CO), chairman of it")
@example("Headline\n\nKim Jong Un, Kim Jong Un, Kim Jong Un, a spokesman of the Ministry.")
@example("Headline\n\nthe Moon Jae-in regime. Moon Jae-in, Moon Jae-in's Foreign Minister")
def test_the_written_out_scan_registers_what_the_steps_did(text: str) -> None:
    _check(text)


def test_a_repeated_name_list_registers_what_the_steps_did() -> None:
    _check("Headline\n\n" + "Kim Jong Un, " * 50 + "\n\n" + "Moon Jae In, the chairman, " * 20)
    _check("Headline\n\n" + "Kim Jong Un, the Kim Jong Un Ministry, " * 5 + "Kim Jong Un (R-CO), ")
    _check("Headline\n\n" + "Kim Jong Un, " * 20 + "Kim Jong Un's, Kim Jong Un, Foreign Ministry")
    _check("Headline\n\n" + "Sen. Kim Jong Un, " * 5 + "Kim Jong Un J., Kim Jong Un, " * 3)
    _check("Kim Jong Un, Kim Jong Un, Kim Jong Un, Kim Jong Un, chairman of the board\n\nKim")
    # The same words at the same places, but a sentence starts at the second.
    _check(
        "Head\n\nThe kim is a word in this text.\n\n"
        "They met yes, Kim Jong Un, y z kim.\n\nThey met yes. Kim Jong Un, y z kim."
    )
    # The same run, then another apposition after the same next word.
    _check("Headline\n\nMoon met Kim Jong Un, the chairman. Moon met Kim Jong Un, the minister.")
    _check("Headline\n\nMoon met Kim Jong Un, the chairman.\n\nMoon met Kim Jong Un, the minister")


@settings(max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)), max_size=30))
def test_person_fast_path_records_what_mention_at_does(pairs: list[tuple[int, int]]) -> None:
    text = "Kim Jong Un, " * 8
    fast, slow = Registry(text), _ReferenceRegistry(text)
    slow.quoted = fast.quoted = [(3, 20), (30, 60)]
    for start, length in pairs:
        end = min(len(text), start + 11 + length)
        fast.person("Kim Jong Un", start, end)
        slow.person("Kim Jong Un", start, end)
    assert _state(fast) == _state(slow)


@settings(max_examples=100)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5)), max_size=20))
def test_entity_mentions_are_the_inner_spans(pairs: list[tuple[int, int]]) -> None:
    text = "Kim Jong Un met Moon Jae-in in Seoul."
    registry = Registry(text)
    record = registry.named("Kim", EntityKind.PERSON, None)
    for start, length in pairs:
        registry.mention_at(record, start, min(len(text), start + length))
    (entity,) = registry.entities({id(record): "e1"}, [record])
    offsets = sorted({(s, min(len(text), s + n)) for s, n in pairs})
    assert entity.mentions == tuple(inner_span(text, s, e) for s, e in offsets)
