"""The ``str`` fast paths of the quote finder against the patterns they stand in for."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import _quotes_checks as K
from nkquotes import _quotes_colon as CO
from nkquotes import _quotes_content as C
from nkquotes import _quotes_direct as D
from nkquotes import _quotes_guards as G
from nkquotes import _quotes_mention as M
from nkquotes import _quotes_modifiers as Q
from nkquotes._quotes_checks import SPEAKER_OPENER, SUBORDINATE
from nkquotes._quotes_fast import ASCII_WORD, HSPACE, LOWER
from nkquotes._quotes_tokens import TOKEN_BACK, token_back
from tests.strategies import any_text, newsy_text


def test_character_sets_are_the_pattern_classes() -> None:
    hspace = regex.compile(r"[^\S\n]")
    assert {chr(c) for c in range(0x110000) if hspace.match(chr(c))} == HSPACE
    word = regex.compile(r"\w")
    assert {chr(c) for c in range(128) if word.match(chr(c))} == ASCII_WORD
    assert {chr(c) for c in range(128) if regex.match(r"[a-z]", chr(c))} == LOWER


def _prev_word_reference(text: str, lo: int, pos: int) -> str:
    m = C._PREV_WORD.compiled.match(text, max(lo, pos - 40), pos)
    return m.group("w").lower() if m is not None else ""


def _aux_before_reference(text: str, lo: int, cue_start: int) -> tuple[int, int]:
    m = M._AUX_BACK.compiled.match(text, max(lo, cue_start - 60), cue_start)
    if m is None:
        pp = M._PP_BACK.compiled.match(text, max(lo, cue_start - 100), cue_start)
        if pp is not None:
            return pp.start(), cue_start
        return cue_start, cue_start
    have = M._HAVE.search(m.group())
    return m.start(), (m.start() + have.start() if have else cue_start)


def _skip_modifiers_reference(text: str, pos: int, hi: int) -> int:
    for _ in range(4):
        m = Q._MODIFIER.compiled.match(text, pos, hi)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


_WORDS = st.sampled_from(
    [
        "Kim",
        "he",
        "has",
        "also",
        "repeatedly",
        "quickly",
        "ly",
        "fly",
        "on Monday",
        "last week",
        "in 2016",
        "in January",
        "Theresa May",
        "in response to the test",
        "in a statement on Friday",
        "Wednesday",
        ", Wednesday",
        "in an interview with CNN",
        "in reaction to the talks",
        "in reply to a question",
        "in a tweet",
        "in a speech",
        "in a post",
        "on Twitter",
        "—",
        " – an aside – ",
        "citing officials,",
        "don’t",
        "O'Brien",
        "Ünal",
        "x_y",
        "said",
        "that",
        "\u00a0",
        "\u2009",
        "\n",
        ",",
        "  ",
        "\t",
        "-",
        "3",
        "who",
        ", who",
        "which",
        "where",
        "by",
        " by ",
        "that",
        ", that",
        "close to",
        "carried by",
        "familiar with",
        "Despite",
        "contrary to",
        "unlike",
        "While",
        "Even though",
        "— Jane Roe (@jroe)",
        "(@",
        "—",
        "–",
        "--",
        "amid",
        ";",
        ", adding",
        ", but it",
    ]
)
_SHAPED = st.lists(_WORDS, max_size=12).map(" ".join)
_TEXTS = _SHAPED | newsy_text | any_text


def _cut(data: st.DataObject, text: str) -> tuple[int, int]:
    pos = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, pos))
    return lo, pos


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.data())
def test_prev_word_equals_the_pattern(text: str, data: st.DataObject) -> None:
    lo, pos = _cut(data, text)
    assert C.prev_word(text, lo, pos) == _prev_word_reference(text, lo, pos)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.data())
def test_aux_before_equals_the_patterns(text: str, data: st.DataObject) -> None:
    lo, pos = _cut(data, text)
    assert M.aux_before(text, lo, pos) == _aux_before_reference(text, lo, pos)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.data())
def test_pp_back_matches_only_where_its_words_stand(text: str, data: st.DataObject) -> None:
    lo, pos = _cut(data, text)
    if not M.may_pp_back(text, lo, pos):
        assert M._PP_BACK.compiled.match(text, lo, pos) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "in response to the test",
        "in reaction to the talks",
        "in reply to a question",
        "in a statement on Friday",
        "in a tweet",
        "in a post",
        "in a speech",
        "in a interview",
    ],
)
def test_each_pp_back_phrase_passes_the_word_test(phrase: str) -> None:
    text = f"The minister {phrase} said"
    cue = text.rindex(" said") + 1
    assert M._PP_BACK.compiled.match(text, 0, cue) is not None
    assert M.may_pp_back(text, 0, cue)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.data())
def test_skip_modifiers_equals_the_pattern(text: str, data: st.DataObject) -> None:
    hi = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    pos = data.draw(st.just(0) | st.integers(0, hi))
    assert Q.skip_modifiers(text, pos, hi) == _skip_modifiers_reference(text, pos, hi)


def test_each_shape_equals_the_patterns() -> None:
    shapes = [
        "Kim has also said",
        "Kim quickly said",
        "Kim on Monday said",
        "Kim last week said",
        "Kim in 2016 said",
        "The minister in response to the test says",
        "The minister in a statement on Friday said",
        "he repeatedly\u00a0said",
        "Trump said",
        "Gov. Kelly said",
        "Kim in May said",
        "Kim in 2016 said",
        "Kim in 20160 said",
        "Kim in \u0662\u0660\u0661\u0666 said",
        "Kim in 2016\u0666 said",
        "Kim on Sunday said",
        "Kim éMonday said",
        "Kim _Monday said",
        "Kim -Monday said",
    ]
    for text in shapes:
        cue = text.rindex(" ") + 1
        assert M.aux_before(text, 0, cue) == _aux_before_reference(text, 0, cue)
        assert C.prev_word(text, 0, cue) == _prev_word_reference(text, 0, cue)
    for text in ["said Wednesday that", "said, on Monday, that", "told reporters in a briefing"]:
        pos = text.index(" ")
        assert Q.skip_modifiers(text, pos, len(text)) == _skip_modifiers_reference(
            text, pos, len(text)
        )
        assert Q.skip_modifiers(text, pos, len(text)) > pos or text.startswith("told")


#: What ``_quotes_direct.after_lead`` reads after a closing mark.
_AFTER_LEAD = regex.compile(r"[^\S\n]*+(?P<punct>,|[—–―]|-{1,2}|:)?[^\S\n]*+")


def _span(m: regex.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_opener_first_letters_are_all_that_fold_to_them() -> None:
    folds = regex.compile(r"(?i:[dcur])")
    assert {chr(c) for c in range(0x110000) if folds.match(chr(c))} == K.OPENER_FIRSTS


@settings(max_examples=800, deadline=None)
@given(_TEXTS, st.data())
def test_guarded_patterns_equal_the_patterns(text: str, data: st.DataObject) -> None:
    """Each pattern tried behind a cheap test gives what the pattern alone gives."""
    hi = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    pos = data.draw(st.just(0) | st.integers(0, hi))
    assert _span(G.by_after(text, pos, hi)) == _span(G.BY.compiled.match(text, pos, hi))
    assert _span(G.that_after(text, pos, hi)) == _span(G.THAT.compiled.match(text, pos, hi))
    assert _span(K.opener_at(text, pos, hi)) == _span(SPEAKER_OPENER.match(text, pos, hi))
    assert _span(K.subordinate_at(text, pos, hi)) == _span(SUBORDINATE.match(text, pos, hi))
    assert _span(G.relative_back(text, pos, hi)) == _span(G.RELATIVE_BACK.match(text, pos, hi))
    assert _span(G.postmodifier_back(text, pos, hi)) == _span(
        G.POSTMODIFIER_BACK.match(text, pos, hi)
    )
    assert _span(CO._credit(text, pos, hi)) == _span(CO._CREDIT.match(text, pos, hi))
    assert _span(C._aside(text, pos, hi)) == _span(C._ASIDE.search(text, pos, hi))
    assert _span(G.pp_that_after(text, pos, hi)) == _span(G.PP_THAT.compiled.match(text, pos, hi))
    assert _span(K.not_content_at(text, pos, hi)) == _span(K.NOT_CONTENT.match(text, pos, hi))
    assert _span(C.coord_back(text, pos, hi)) == _span(C.COORD.compiled.match(text, pos, hi))
    assert [(m.span(), m.lastgroup) for m in C._content_stops(text, pos, hi)] == [
        (m.span(), m.lastgroup) for m in C._CONTENT_STOP.finditer(text, pos, hi)
    ]
    assert D.negated(text, pos, hi) == (D.NEG_BEFORE.search(text, pos, hi) is not None)
    lead = _AFTER_LEAD.match(text, pos, hi)
    assert lead is not None
    ps, pe, end = D.after_lead(text, pos, hi)
    assert end == lead.end()
    assert text[ps:pe] == (lead.group("punct") or "")
    if lead.group("punct") is not None:
        assert (ps, pe) == lead.span("punct")


@pytest.mark.parametrize(
    ("guarded", "pattern", "text"),
    [
        (G.by_after, G.BY.match, " by Kim"),
        (G.that_after, G.THAT.match, " , that the"),
        (G.that_after, G.THAT.match, "that"),
        *[
            (K.opener_at, SPEAKER_OPENER.match, opener + " Lazar's")
            for opener in ("Despite", "contrary to", "Unlike", "regardless of", "DESPITE")
        ],
        *[
            (K.subordinate_at, SUBORDINATE.match, f" {w} Kim")
            for w in K.SUBORDINATE_WORDS
            if w != "Even"  # only in "Even though"
        ],
        (K.subordinate_at, SUBORDINATE.match, "Even though Kim"),
        (G.relative_back, G.RELATIVE_BACK.match, "Kim, who "),
        (G.relative_back, G.RELATIVE_BACK.match, "the report which"),
        *[
            (G.postmodifier_back, G.POSTMODIFIER_BACK.match, f"sources {words} ")
            for words in ("close to", "familiar with", "carried by", "written by", "led by")
        ],
        (CO._credit, CO._CREDIT.match, "— Jane Roe (@jroe)"),
        (C._aside, C._ASIDE.search, "a plan, which was new, to go"),
        (C._aside, C._ASIDE.search, "a plan - an old one - to go"),
        (C._aside, C._ASIDE.search, "a plan — an old one — to go"),
        (G.pp_that_after, G.PP_THAT.match, " in a statement on Friday that"),
        (G.pp_that_after, G.PP_THAT.match, " following talks, that"),
        (K.not_content_at, K.NOT_CONTENT.match, "something about"),
        (K.not_content_at, K.NOT_CONTENT.match, "a lot about"),
        (K.not_content_at, K.NOT_CONTENT.match, "and did"),
        (C.coord_back, C.COORD.match, "Kim and "),
        (C.coord_back, C.COORD.match, "Kim, but then "),
        (C.coord_back, C.COORD.match, "Kim and quickly "),
    ],
)
def test_each_guard_lets_its_pattern_match(guarded: Any, pattern: Any, text: str) -> None:
    found = guarded(text, 0, len(text))
    assert found is not None
    assert _span(found) == _span(pattern(text, 0, len(text)))


@pytest.mark.parametrize(
    "tail",
    [
        " on Monday",
        " late Sunday night",
        ", Friday, Sept. 5",
        " Sept. 5, 2017",
        " on May 3",
        " next week",
        " earlier this year",
        " late last month",
        " tonight",
        " previously",
        " on Twitter",
        " in a statement",
        " during an interview with Fox News",
        " through a statement",
        " to reporters",
        " via the Associated Press",
        " — in a rare aside —",
        " citing officials, that",
        " quoting a source, that",
    ],
)
def test_the_modifier_guard_lets_every_alternative_through(tail: str) -> None:
    text = "said" + tail + " more"
    assert Q._MODIFIER.compiled.match(text, 4, len(text)) is not None
    assert Q.skip_modifiers(text, 4, len(text)) == _skip_modifiers_reference(text, 4, len(text))
    assert Q.skip_modifiers(text, 4, len(text)) > 4


@pytest.mark.parametrize(
    "text", ["he did not ", "he didn’t ", "he didn't\u00a0", "going to ", "never "]
)
def test_the_negation_guard_lets_its_pattern_match(text: str) -> None:
    assert D.NEG_BEFORE.search(text, 0, len(text)) is not None
    assert D.negated(text, 0, len(text))


_RUNS = st.lists(
    st.sampled_from(["a", "Z", "9", "_", " ", ".", "'", "’", "-", "é", "\n", "x" * 30, "ab" * 13]),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_RUNS, any_text), st.data())
def test_the_backward_runs_equal_their_patterns(text: str, data: st.DataObject) -> None:
    # prev_word and token_back find an ASCII run backwards with str.rstrip over short
    # windows; runs longer than a window and non-ASCII characters inside a run are the cases
    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    assert C.prev_word(text, lo, pos) == _prev_word_reference(text, lo, pos)
    m = TOKEN_BACK.compiled.match(text, lo, pos)
    assert token_back(text, lo, pos) == (None if m is None else m.span("tok"))


def test_content_stops_from_inside_a_run_of_white_space() -> None:
    """_content_stops' start search skips white space runs past their first character: a
    span opening inside a run is matched at its first offset, as finditer would."""
    text = "a  \t — b,  c   amid  d;   e \u2003— f  --g , having h\t\tamid"
    for hi in range(len(text) + 1):
        for pos in range(hi + 1):
            got = [(m.span(), m.lastgroup) for m in C._content_stops(text, pos, hi)]
            want = [(m.span(), m.lastgroup) for m in C._CONTENT_STOP.finditer(text, pos, hi)]
            assert got == want, (pos, hi)


_CHANNEL_PIECES = st.sampled_from(
    [
        *("the talks", "in", "during", "a", "an", "the", "his", "long", "closed-door"),
        *("statement", "interview", "tweet", "press release", "news conference", "op-ed"),
        *("radio address", "remarks", "podcast", "statements", "on", "Monday", "Friday"),
        *(".", "!", "?", "..", " ", "\u00a0", "\n", "\t", "statement?", "tweet.", "Friday!"),
    ]
)


#: The nouns of ``_CHANNEL_TAIL`` (copied from the pattern), and a near miss.
_CHANNEL_NOUNS = (
    *("statement", "interview", "tweet", "speech", "post", "letter", "press release"),
    *("news conference", "radio address", "debate", "diatribe", "op-ed", "column"),
    *("editorial", "essay", "broadcast", "appearance", "remarks", "podcast", "remark"),
)


def _channel_tail_agrees(text: str, start: int, end: int) -> None:
    found = K.channel_tail(text, start, end)
    expected = K._CHANNEL_TAIL.compiled.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_CHANNEL_PIECES, max_size=4).map(" ".join),
    st.sampled_from([" in ", " during ", "\u00a0in ", "in ", " in"]),
    st.sampled_from(["a ", "the ", "his long ", "an ", ""]),
    st.sampled_from(["", " on Monday", " on Friday", " on", "  on  Sunday"]),
    st.sampled_from(["", ".", "!", "?", "..", " ."]),
)
def test_channel_tail_on_every_channel_noun(
    lead: str, prep: str, det: str, day: str, stop: str
) -> None:
    for noun in _CHANNEL_NOUNS:
        text = lead + prep + det + noun + day + stop
        _channel_tail_agrees(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHANNEL_PIECES, max_size=12).map(" ".join) | any_text, st.data())
def test_channel_tail_equals_the_pattern(text: str, data: st.DataObject) -> None:
    for start, end in ((0, len(text)), _cut(data, text)):
        _channel_tail_agrees(text, start, end)
