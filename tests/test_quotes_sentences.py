"""A capitalised subject after a quotation closed by a period opens a new sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import nkquotes
from nkquotes import QuoteKind, find_quotes
from nkquotes import _quotes as QU
from nkquotes._cues import CueIndex, CueMatch, load_lexicon
from nkquotes._errors import NkQuotesError
from tests.strategies import any_text, newsy_text
from tests.test_quotes import article_of


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    finding = find_quotes(text, article_of(text))
    return [
        (
            q.kind.value,
            q.text,
            q.speaker.mention.text if q.speaker.mention is not None else None,
        )
        for q in finding.quotes
    ]


def test_subject_with_content_after_period_quote_is_a_new_sentence() -> None:
    text = (
        'He spoke. "I have chosen to err on the side of life."   Rubio said the real'
        " extremist on abortion is Hillary Clinton."
    )
    found = _quotes(text)
    assert ("indirect", "the real extremist on abortion is Hillary Clinton", "Rubio") in found
    assert not any(kind == QuoteKind.DIRECT.value and who == "Rubio" for kind, _, who in found)


def test_period_quote_with_closing_attribution_keeps_it() -> None:
    for tail in ("Trump said.", "Trump said in a statement.", "He told reporters at a rally."):
        found = _quotes(f'"We will win." {tail}')
        assert found[0][:2] == ("direct", "We will win."), tail


def test_period_quote_then_that_clause_keeps_the_attribution() -> None:
    text = '"It is over." He also stressed that "the talks will go on."'
    found = _quotes(text)
    assert found[0] == ("direct", "It is over.", "He")


def test_twin_apostrophe_quotation_is_direct() -> None:
    text = "''We're taking a longer view of what we are building,'' Mr. Pruzan said."
    assert _quotes(text) == [
        ("direct", "We're taking a longer view of what we are building,", "Mr. Pruzan")
    ]
    found = _quotes("He said it was ''a disaster'' for the party.")
    assert found == [("mixed", "it was ''a disaster'' for the party", "He")]


def test_that_clause_after_a_place_or_outlet() -> None:
    found = _quotes("Sen. Bernie Sanders said Sunday in Madison, Wisconsin, that turnout was high.")
    assert found == [("indirect", "turnout was high", "Sen. Bernie Sanders")]
    found = _quotes("The frontrunner wrote for The Washington Informer that the city is neglected.")
    assert found == [("indirect", "the city is neglected", "The frontrunner")]


def test_statement_saying_reports_what_it_says() -> None:
    found = _quotes("KCNA released a statement saying the drills were a rehearsal for invasion.")
    assert found == [("indirect", "the drills were a rehearsal for invasion", "KCNA")]
    assert _quotes("The warning system saying nothing was wrong failed.") == []


def test_speaker_before_a_post_modifier() -> None:
    found = _quotes(
        'The statement carried by the news agency KCNA accused the US of being "bent on war".'
    )
    assert found == [
        ("mixed", 'the US of being "bent on war"', "The statement carried by the news agency KCNA")
    ]
    found = _quotes("Rather, sources close to her campaign say she stands behind Obama.")
    assert found == [("indirect", "she stands behind Obama", "sources close to her campaign")]
    found = _quotes("Officials familiar with the talks said the deal was close.")
    assert found == [("indirect", "the deal was close", "Officials familiar with the talks")]


def test_told_an_audience() -> None:
    found = _quotes("Ryan told a news conference they are “planting the seeds” for unity.")
    assert found == [("mixed", "they are “planting the seeds” for unity", "Ryan")]
    found = _quotes("Abbott told the President that if he wants our guns, he should come.")
    assert found == [("indirect", "if he wants our guns, he should come", "Abbott")]
    found = _quotes("Johnson tells MSNBC’s “Morning Joe” on Friday that the probe goes on.")
    assert found == [("indirect", "the probe goes on", "Johnson")]


def test_name_inside_commas_after_a_description() -> None:
    found = _quotes("Carter’s press secretary, Peter Cook, told the Times that it was a mistake.")
    assert found == [("indirect", "it was a mistake", "Peter Cook")]
    found = _quotes("Sen. Rand Paul, R-Ky., told Fox News that polls could be off.")
    assert found == [("indirect", "polls could be off", "Sen. Rand Paul")]
    found = _quotes("Vipin Narang, a professor at MIT, said the test was a success.")
    assert found == [("indirect", "the test was a success", "Vipin Narang")]


def test_emphasis_verb_with_a_possessive_object_reports_nothing() -> None:
    assert _quotes("He reiterated Washington's desire to hold talks with the regime.") == []
    assert _quotes("She stressed the talks must go on.") == [
        ("indirect", "the talks must go on", "She")
    ]
    found = _quotes("Trump highlighted his message that the country needs order.")
    assert found == [("indirect", "his message that the country needs order", "Trump")]


def test_verb_after_a_name_ends_the_sentence_subject() -> None:
    text = "Cruz exhorted Republicans to vote, saying the party must unite."
    assert _quotes(text) == [("indirect", "the party must unite", "Cruz")]


def test_listener_ending_the_sentence() -> None:
    text = "China will slash its imports by $700 million this year, diplomats told Reuters."
    assert _quotes(text) == [
        ("indirect", "China will slash its imports by $700 million this year", "diplomats")
    ]


def test_inverted_quoted_as_saying() -> None:
    text = (
        "North Korea remains committed to the agreements, the news agency KCNA quoted"
        " a foreign ministry spokesperson as saying on Thursday."
    )
    assert _quotes(text) == [
        (
            "indirect",
            "North Korea remains committed to the agreements",
            "a foreign ministry spokesperson",
        )
    ]


@settings(max_examples=150, deadline=None)
@given(newsy_text | any_text)
def test_a_paragraph_without_a_cue_in_its_sentences_has_none_in_any(text: str) -> None:
    """find_speech passes over a paragraph when no cue lies inside the span of all its
    sentences: then no sentence holds one, and the per-sentence loop would do nothing."""
    try:
        article = nkquotes.parse_article(text)
    except NkQuotesError:
        return
    paragraphs, _, _, _ = QU._paragraph_quotes(text, article)
    cues = CueIndex(
        load_lexicon().scan_many(
            text, [(pq.start, pq.end, 4 * QU.cue_budget(pq.start, pq.end)) for pq in paragraphs]
        )
    )
    for pq in paragraphs:
        sents = QU._sentences(text, article, pq.index, pq.start, pq.end, pq)
        assert sents == sorted(sents)
        if cues.first(sents[0][0], max(e for _, e in sents)) is None:
            assert all(not cues.between(s, e) for s, e in sents)


@settings(max_examples=150, deadline=None)
@given(newsy_text | any_text)
def test_no_sentence_of_a_paragraph_ends_after_its_reach(text: str) -> None:
    """find_quotes reads a paragraph's sentences only when a cue lies before its reach."""
    try:
        article = nkquotes.parse_article(text)
    except NkQuotesError:
        return
    paragraphs, _, _, _ = QU._paragraph_quotes(text, article)
    for pq in paragraphs:
        sents = QU._sentences(text, article, pq.index, pq.start, pq.end, pq)
        reach = QU._sentence_reach(article, pq.index, pq.start, pq.end)
        assert sents[0][0] == pq.start
        assert all(e <= reach for _, e in sents)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        any_text,
        st.lists(
            st.sampled_from(['."', ".”", "?’", "!'", "Ab", "aB", " ", "É", "é", "."]), max_size=12
        ).map("".join),
    )
)
def test_the_glued_pretest_passes_every_glued_match(text: str) -> None:
    # _sentences skips the pattern where the cheap search finds nothing: it must never miss
    if QU._GLUED.search(text) is not None:
        assert QU._GLUED_PAIR.search(text) is not None


@settings(max_examples=150, deadline=None)
@given(newsy_text | any_text, st.sampled_from(["scanned", "both", "long"]))
def test_cue_paragraphs_are_those_cues_first_finds(text: str, index: str) -> None:
    """_cue_paragraphs inlines two ``cues.first`` tests per paragraph: same answers, also on
    hand-built indexes whose matches reach past paragraphs or overlap."""
    try:
        article = nkquotes.parse_article(text)
    except NkQuotesError:
        return
    paragraphs, _, _, _ = QU._paragraph_quotes(text, article)
    matches = load_lexicon().scan_many(
        text, [(pq.start, pq.end, 4 * QU.cue_budget(pq.start, pq.end)) for pq in paragraphs]
    )
    long = [CueMatch(m.start, m.end + 40, m.entry) for m in matches]
    if index == "long":  # each match reaching 40 characters further
        matches = long
    elif index == "both":  # overlapping: the long twin of each match first
        matches = sorted(matches + long, key=lambda m: (m.start, -m.end))
    cues = CueIndex(matches)
    inside, near = QU._cue_paragraphs(article, paragraphs, cues)
    for pq in paragraphs:
        reach = QU._sentence_reach(article, pq.index, pq.start, pq.end)
        assert (pq.index in inside) == (cues.first(pq.start, pq.end) is not None)
        assert (pq.index in near) == (cues.first(pq.start, reach) is not None)


def test_cue_paragraphs_pass_over_a_cue_reaching_past_the_paragraph() -> None:
    text = "Title\n\nKim said no to the talks.\n\nMoon added more words here and there today.\n"
    article = nkquotes.parse_article(text)
    paragraphs, _, _, _ = QU._paragraph_quotes(text, article)
    scanned = load_lexicon().scan_many(text, [(pq.start, pq.end, 400) for pq in paragraphs])
    for reach in (0, 40):
        cues = CueIndex([CueMatch(m.start, m.end + reach, m.entry) for m in scanned])
        inside, _ = QU._cue_paragraphs(article, paragraphs, cues)
        assert inside == {pq.index for pq in paragraphs if cues.first(pq.start, pq.end)}
        assert bool(inside) == (reach == 0)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        any_text,
        newsy_text,
        st.lists(
            st.sampled_from(['."', ".”", "?’", "!'", "Ab", "aB", " ", "É", "é", "Éb", "ǅa", "."]),
            max_size=12,
        ).map("".join),
    ),
    st.data(),
)
def test_glued_is_the_glued_search(text: str, data: st.DataObject) -> None:
    """_sentences asks _glued instead of searching the paragraph with _GLUED."""
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    assert QU._glued(text, lo, hi) == (QU._GLUED.search(text, lo, hi) is not None)


def test_glued_at_the_paragraph_end() -> None:
    text = 'He left."Then Kim said so."Éa.”Ab'
    for hi in range(len(text) + 1):
        for lo in range(hi + 1):
            assert QU._glued(text, lo, hi) == (QU._GLUED.search(text, lo, hi) is not None)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(['."', ".”", "?’", "!”", "!", "’", '"', "Ab", "aB", " ", "Éb", "."]),
        min_size=10,
        max_size=60,
    ).map("".join),
    st.data(),
)
def test_glued_with_many_marks_is_the_glued_search(text: str, data: st.DataObject) -> None:
    """Past a few marks _glued reads the paragraph with re, below it visits each mark: both
    answer as the pattern (the texts here hold 0 to 60 marks)."""
    hi = data.draw(st.just(len(text)) | st.integers(0, len(text)))
    lo = data.draw(st.just(0) | st.integers(0, hi))
    assert QU._glued(text, lo, hi) == (QU._GLUED.search(text, lo, hi) is not None)
