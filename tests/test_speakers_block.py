"""A block of name runs that repeat the remembered one (a name list) is decided at once
(:func:`nkquotes._speakers_repeat.block`, :meth:`Registry.persons`); the registry is the one
the step-by-step reference builds, and the bulk mentions are those of one ``person`` call
each."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._registry import Registry
from nkquotes._speakers_repeat import block, remember, repeats
from nkquotes._speakers_scan import _start_kind
from nkquotes._speakers_titles import APPOSITION_WINDOW, MAX_TITLE_TOKENS
from nkquotes._speakers_tokens import _MANY, _org_indexes, _scan, org_word, splitter, tokenize
from tests.test_speakers_perf import _reference_scan
from tests.test_speakers_repeat import _PIECES, _check, _ReferenceRegistry, _state

_NAME_WORDS = st.sampled_from(["Kim", "Jong", "Un", "Moon", "Jae-in", "Kang", "J.", "Kim's", "É"])
_AFTER = st.sampled_from(
    [
        ", ",
        " and ",
        ", the chairman, ",
        ", a spokesman, ",
        " (R-CO), ",
        "; ",
        "/",
        ". ",
        ".",
        " ",
        " (x) ",
        " ( ",
    ]
)
# A name, what follows it, and now and then more: the units of a name list.
_UNITS = st.one_of(
    st.builds(
        lambda words, after, more: " ".join(words) + after + more,
        st.lists(_NAME_WORDS, min_size=2, max_size=3),
        _AFTER,
        st.lists(_PIECES, max_size=2).map("".join),
    ),
    st.builds(
        lambda words, after: " ".join(words) + after,
        st.lists(_NAME_WORDS, min_size=2, max_size=3),
        _AFTER,
    ),
    st.lists(_PIECES, min_size=1, max_size=6).map("".join),
)
# Units repeated many times (so a block forms), with another piece at one or two places
# deep inside the block: the block must end before it.
_BLOCKS = st.builds(
    lambda head, unit, n, other, at, tail: (
        head + "".join(unit + (other if k in at else "") for k in range(n)) + tail
    ),
    st.sampled_from(["", "Headline\n\n", "Head\n\nSaid Kim. "]),
    _UNITS,
    st.integers(2, 40),
    st.lists(_PIECES, min_size=1, max_size=3).map("".join),
    st.sets(st.integers(0, 40), max_size=2),
    st.lists(_PIECES, max_size=4).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_BLOCKS, st.text(max_size=60).map(lambda unit: unit * 12)))
@example("Headline\n\n" + "Kim Jong Un, " * 30)
@example("Headline\n\n" + "Kim Jong Un, " * 20 + "Kim Jong Un's, " + "Kim Jong Un, " * 5)
@example("Headline\n\n" + "Kim Jong Un, " * 20 + "Kim Jong Un J., Kim Jong Un, " * 5)
@example("Headline\n\n" + "Kim Jong Un, " * 20 + "Kim Jong Un, Foreign Ministry " * 3)
@example("Headline\n\n" + "Kim Jong Un, a b c Ministry d, " * 20)
@example("Headline\n\n" + "Kim Jong Un; " * 20 + "Foreign Ministry said.")
@example("Headline\n\n" + "Kim Jong Un Moon Jae In Said Told " * 30)
@example(
    "Headline\n\n" + "Kim Jong Un; He " * 20 + "Kim Jong Un; The " * 3 + "Kim Jong Un; In A. " * 3
)
@example("Headline\n\nx; Kim Jong Un (R-CO x; Kim Jong Un (R-CO) x; Kim Jong Un (R-CO).")
@example("Headline\n\n" + "Kim Jong Un; " * 20 + "Kim Jong Un")
@example("Headline\n\n" + "Kim Jong Un, the chairman, " * 20 + "Kim Jong Un, the minister")
@example("Headline\n\n" + "Kim Jong Un; " * 20 + '"Kim Jong Un; Kim Jong Un;" he said')
@example('Headline\n\nHe said "' + "Kim Jong Un; " * 9 + '" and ' + "Kim Jong Un; " * 9)
@example("Headline\n\n" + "Kim Jong Un, chairman of it, " * 12 + "x" * 170 + ". The end.")
@example("Headline\n\n" + ("Kim Jong Un, " * 15 + "\n\n") * 3)
def test_a_block_of_repeated_runs_registers_what_the_steps_did(text: str) -> None:
    _check(text)


def test_a_long_name_list_registers_what_the_steps_did() -> None:
    # Long enough for the doubling comparisons to grow, with a break far into the block.
    unit = "Kim Jong Un, "
    _check("Headline\n\n" + unit * 300 + "Moon Jae-in, " + unit * 200 + "Kim Jong Un")
    _check("Headline\n\n" + unit * 257 + "Kim Jong Un (R-CO), " + unit * 3)
    _check("Headline\n\n" + "Kim Jong Un, the chairman, " * 100 + "end " * 60)


_CALLS = st.lists(
    st.tuples(st.sampled_from(["Kim Jong Un", "Moon Jae In"]), st.integers(0, 100)), max_size=5
)


@settings(max_examples=200)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 4)), max_size=6),
    st.lists(st.tuples(st.integers(0, 80), st.integers(1, 6), st.integers(1, 12), _CALLS)),
    st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30)), max_size=3),
    st.booleans(),
)
def test_bulk_mentions_record_what_one_person_call_each_does(
    before: list[tuple[int, int]],
    blocks: list[tuple[int, int, int, list[tuple[str, int]]]],
    quotes: list[tuple[int, int]],
    look: bool,
) -> None:
    """Blocks of bulk mentions, with single mentions between them (and lookups, which
    put the mentions in order), record what one person() call for each does."""
    text = "Kim Jong Un, " * 12
    fast, slow = Registry(text), _ReferenceRegistry(text)
    quoted = sorted((a, a + n) for a, n in quotes)
    fast.quoted = slow.quoted = quoted
    name, length = "Kim Jong Un", 11
    for start, extra in before:
        fast.person(name, start, start + length + extra)
        slow.person(name, start, start + length + extra)
    for first, step, count, calls in blocks:
        record = fast.person(name, first, first + length)
        slow.person(name, first, first + length)
        starts = [first + step * (n + 1) for n in range(count)]
        fast.persons(record, name, starts, length)
        for start in starts:
            slow.person(name, start, start + length)
        for other, start in calls:
            fast.person(other, start, start + len(other))
            slow.person(other, start, start + len(other))
        if look:  # (a lookup puts the mentions so far in order: later ones merge in)
            fast.mentions_between(0, first + 20)
            slow.mentions_between(0, first + 20)
    assert _state(fast) == _state(slow)


@settings(max_examples=400)
@given(
    st.sampled_from(
        ["Kim Jong Un, ", "Kim Jong Un; and x ", "Moon Jae-in, the chairman, ", "Kim Jong Un; He "]
    ),
    st.integers(3, 30),
    st.integers(0, 400),
    st.sampled_from(
        ["words", "words_end", "org", "org_end", "starts", "ends", "initial", "text", "none"]
    ),
    st.one_of(st.just(0), st.integers(0, 40)),
    st.one_of(st.just(0), st.integers(0, 200)),
)
def test_every_run_of_a_block_repeats_the_memo(
    unit: str, n: int, where: int, what: str, cut: int, short: int
) -> None:
    """Runs the block claims each repeat the memo (:func:`repeats`), with no organisation
    word in reach and no capital between them, whatever the region's last token and end,
    and even when the tokens or the text are changed under the memo."""
    text = unit * n
    tokens = tokenize(text, 0, len(text), splitter(text))
    size = 3 if unit.startswith("Kim") else 2
    period = tokens.words.index(tokens.words[0], 1)
    i, j = period, period + size  # the second run (the first has no word before it)
    tokens.hi = max(j + 1, tokens.hi - cut % tokens.hi)
    limit = max(tokens.ends[j], len(text) - short)
    stop = tokens.starts[j - 1] + len(tokens.words[j - 1])
    window = text[stop : min(limit, stop + APPOSITION_WINDOW)]
    memo = remember(text, tokens, i, j, True, window if window[:2] == ", " else None, None)
    k = where % len(tokens.words)
    if what == "org_end":  # just past the region's last token: only the reach sees it
        k = min(len(tokens.words) - 1, tokens.hi + where % 8)
    elif what == "words_end":  # the region's last token: the last run's word after?
        k = tokens.hi - 1
    if what in ("words", "words_end", "org", "org_end"):
        tokens.words[k] = "Ministry" if what.startswith("org") else tokens.words[k] + "x"
        tokens.upper = [word[0].isupper() for word in tokens.words]
    elif what == "starts" and k > i:
        tokens.starts[k] -= 1
    elif what == "initial":
        tokens.initial[k] = not tokens.initial[k]
    elif what == "ends":
        tokens.ends[k] += 1
    elif what == "text":
        at = where % len(text)
        text = text[:at] + "#" + text[at + 1 :]
    org_at = tokens.org_words()

    def kind(k: int) -> int:
        return _start_kind(tokens.words[k])

    def decided(run: int) -> bool:  # what the scan asks before it reuses the memo
        ahead = [o for o in org_at if o >= run]
        return (
            tokens.words[run] == memo.first
            and (not ahead or ahead[0] - run >= MAX_TITLE_TOKENS)
            and repeats(memo, text, tokens, run, limit)
        )

    start = 2 * period  # the third run
    if start >= tokens.hi or not decided(start):
        return
    count, step = block(memo, text, tokens, start, limit, _start_kind)
    assert count == 1 or step > 0
    for run in range(start, start + count * step, step or 1):
        assert decided(run)
        for other in range(run + size, run + step):  # capitals the scan passes over
            assert not tokens.upper[other] or not (tokens.initial[other] or kind(other))


@settings(max_examples=200)
@given(st.lists(st.one_of(_NAME_WORDS, _PIECES, st.sampled_from(["Ministry", "Party"]))))
def test_organisation_indexes_are_the_capitalised_organisation_words(words: list[str]) -> None:
    words = [w for w in words if w.strip()]
    # As drawn, and repeated past the count where each distinct word is tested once.
    for listed in (words, words * (_MANY // max(1, len(words)) + 1)):
        upper = [w[0].isupper() for w in listed]
        expected = [k for k, w in enumerate(listed) if upper[k] and org_word(w)]
        assert _org_indexes(listed, upper) == expected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["p.m. ", "12:30 ", "Mr. ", "J. ", "U.S. ", "it. ", "x "]), max_size=4)
)
def test_many_full_stops_are_read_as_the_stop_by_stop_reference_reads_them(
    pieces: list[str],
) -> None:
    unit = "".join(pieces) + "p.m. "  # a full stop in each, past the count of distinct words
    text = unit * (_MANY + 1)
    split = splitter(text)
    assert _scan(text, 0, len(text), split) == _reference_scan(text, 0, len(text), split)
