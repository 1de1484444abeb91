"""Attribution patterns of English news read since the recall work on issue #12.

Each case is invented text in the shape of a news attribution; the expected content, cue and
speaker mention follow ANNOTATION.md (content without cue, speaker or a leading ``that``).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes._model import Quote
from nkquotes._quotes_content import cut_asides
from nkquotes._quotes_draft import ParagraphQuotes
from tests.test_quotes import _find


@pytest.mark.parametrize(
    ("body", "kind", "content", "cue", "mention"),
    [
        # a closing double mark written as two apostrophes, then an inverted attribution
        (
            "However tight the budget, the program ''is worth every cent,'' said Mr. Lee.",
            "mixed",
            "However tight the budget, the program ''is worth every cent,''",
            "said",
            "Mr. Lee",
        ),
        # an adverb between the speaker and the cue
        ("Kim now says the talks are over.", "indirect", "the talks are over", "says", "Kim"),
        (
            "Cruz has long said that he qualifies.",
            "indirect",
            "he qualifies",
            "has long said",
            "Cruz",
        ),
        # a prepositional aside between the speaker and the cue
        (
            "Pompeo, at a later briefing, said the talks would resume.",
            "indirect",
            "the talks would resume",
            "said",
            "Pompeo",
        ),
        # a subject with a prepositional modifier
        (
            "Experts on missile defence and nuclear arms control said the test could change that.",
            "indirect",
            "the test could change that",
            "said",
            "Experts on missile defence and nuclear arms control",
        ),
        # a name with a long relative clause as appositive
        (
            "Jane Roe, who as a navy captain served as the chief physician of the fleet for many"
            " years before retiring as a rear admiral, said the ship was safe.",
            "indirect",
            "the ship was safe",
            "said",
            "Jane Roe",
        ),
        # a semicolon closes the reported clause
        (
            "The ministry said exports would fall by half; the central bank expects less.",
            "indirect",
            "exports would fall by half",
            "said",
            "The ministry",
        ),
        # a reporting noun owned by the speaker
        (
            "Analysts doubted the ministry's claim that the ship had been seized by pirates.",
            "indirect",
            "the ship had been seized by pirates",
            "claim",
            "the ministry",
        ),
        # an infinitive cue after a completed act
        (
            'The launch prompted Biden to warn of "responses" if the tests continued.',
            "mixed",
            '"responses" if the tests continued',
            "warn of",
            "Biden",
        ),
        (
            "Moon went on to say that the summit had been a success.",
            "indirect",
            "the summit had been a success",
            "say",
            "Moon",
        ),
        # "called X a Y" names a thing: a claim even without quotation marks
        (
            "The senator called the plan a dangerous gamble.",
            "indirect",
            "the plan a dangerous gamble",
            "called",
            "The senator",
        ),
        # a participle coordinated with another
        (
            "Both candidates toured the base, praising the troops and saying the budget must grow.",
            "indirect",
            "the budget must grow",
            "saying",
            "Both candidates",
        ),
        # the place of an inverted speaker
        (
            "The talks broke down, said one official in the room.",
            "indirect",
            "The talks broke down",
            "said",
            "one official",
        ),
    ],
)
def test_reported_speech(body: str, kind: str, content: str, cue: str, mention: str) -> None:
    quotes = _find(body)
    assert len(quotes) == 1, [q.text for q in quotes]
    quote = quotes[0]
    assert quote.kind.value == kind
    assert " || ".join(s.text for s in quote.segments) == content
    assert quote.cue is not None
    assert quote.cue.span.text == cue
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


@pytest.mark.parametrize(
    "body",
    [
        # a pronoun owner states a position, not an utterance
        "Analysts doubted its claim that the ship had sunk.",
        # a wish to speak reports nothing said
        "He wants to say that the talks failed.",
        # "called" without a predicate noun is not naming anything
        "The chairman called the meeting to order.",
        # an opening participle phrase is not the content of a later attribution
        "Speaking to students in Seoul on Monday, the minister responded to the criticism.",
    ],
)
def test_not_quotes(body: str) -> None:
    assert _find(body) == []


def test_content_stops_before_a_quotation_of_another_attribution() -> None:
    body = (
        "She said parents who adopt would not qualify, and when pressed, the mother of three"
        ' replied, "It is meant for mothers."'
    )
    quotes = _find(body)
    assert [q.kind.value for q in quotes] == ["indirect", "direct"]
    assert quotes[0].segments[0].text.startswith("parents who adopt would not qualify")
    assert "meant" not in quotes[0].segments[0].text
    assert quotes[1].text == "It is meant for mothers."


def test_aside_inside_reported_content_is_left_out() -> None:
    body = (
        "The officer who fired the shot - Jane Roe, who was placed on leave - was not wearing"
        " a camera, police said."
    )
    quote = _find(body)[0]
    assert [s.text for s in quote.segments] == [
        "The officer who fired the shot",
        "was not wearing a camera",
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            'Reid has gone after Trump, and Kerry lauded him as a "strong leader."',
            'him as a "strong leader."',
        ),
        (
            'Cruz exhorted Republicans to "vote your conscience" in July.',
            'Republicans to "vote your conscience" in July',
        ),
    ],
)
def test_evaluations_with_quoted_words(body: str, content: str) -> None:
    quote = _find(body)[0]
    assert quote.kind.value == "mixed"
    assert quote.text == content


def test_evaluation_without_quoted_words_is_not_a_quote() -> None:
    assert _find("Kerry lauded the mayor for his work.") == []


@pytest.mark.parametrize(
    ("body", "content", "mention"),
    [
        (
            'He’s claiming that fraud is "a big problem" here.',
            'fraud is "a big problem" here',
            "He",
        ),
        (
            "According to a complaint filed by the commission and a second complaint by the"
            " state, the developers looted the fund.",
            "the developers looted the fund",
            "a complaint filed by the commission and a second complaint by the state",
        ),
        (
            'He said "budget reforms" and unpaid taxes would pay for it.',
            '"budget reforms" and unpaid taxes would pay for it',
            "He",
        ),
    ],
)
def test_more_speakers(body: str, content: str, mention: str) -> None:
    quote = _find(body)[0]
    assert quote.text == content
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


@pytest.mark.parametrize(
    ("body", "content", "mention"),
    [
        (
            "British Prime Minister Theresa May said this week that the country would leave.",
            "the country would leave",
            "British Prime Minister Theresa May",
        ),
        (
            "Wells Fargo just this month announced it would drop the bonuses.",
            "it would drop the bonuses",
            "Wells Fargo",
        ),
        (
            "Trump said after the convention he would not accept the endorsement.",
            "he would not accept the endorsement",
            "Trump",
        ),
        (
            "In a statement, one of the family's attorneys, Justin Bamberg, said the videos show"
            " nothing.",
            "the videos show nothing",
            "Justin Bamberg",
        ),
    ],
)
def test_names_and_modifiers(body: str, content: str, mention: str) -> None:
    quotes = _find(body)
    assert len(quotes) == 1
    assert quotes[0].text == content
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == mention


def test_month_is_not_a_speaker_and_a_time_is_not_content() -> None:
    assert _find("On Friday May said.") == []
    assert _find("Trump said in August.") == []


def test_cue_less_paragraph_of_reported_speech_continues_the_speaker() -> None:
    body = (
        '"Our policy will not focus on a grand bargain," Psaki said.\n'
        'Instead the United States would focus on a "calibrated practical approach that is'
        ' open to diplomacy" with North Korea.'
    )
    quotes = _find(body)
    assert [q.kind.value for q in quotes] == ["direct", "mixed"]
    assert quotes[1].cue is None
    assert quotes[1].text.startswith("Instead the United States would focus")


def test_scare_quotes_after_a_quote_are_not_a_continuation() -> None:
    body = '"We will win," Psaki said.\nThe so-called "maximum pressure" campaign goes on.'
    assert [q.kind.value for q in _find(body)] == ["direct"]


def test_according_to_in_mid_sentence_splits_the_content() -> None:
    quote = _one_quote("The North Korean military, according to Yonhap, fired two missiles.")
    assert [s.text for s in quote.segments] == ["The North Korean military", "fired two missiles"]
    assert quote.cue is not None
    assert quote.cue.span.text == "according to"


def test_outlet_relaying_a_speaker_gets_no_record() -> None:
    quotes = _find("Kim said, according to Yonhap, that the talks were over.")
    assert [q.cue.span.text for q in quotes if q.cue is not None] == ["said"]


def _one_quote(body: str) -> Quote:
    quotes = _find(body)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_speaker_noun_with_to_modifier() -> None:
    quote = _one_quote(
        "The U.S. ambassador to the UN on Thursday stressed the need for the council to act."
    )
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "The U.S. ambassador to the UN"
    assert quote.text == "the need for the council to act"


def test_paired_dashes_do_not_end_the_content() -> None:
    quote = _one_quote(
        "The Treasury announced sanctions on three entities — including a bank — for links"
        " with the program."
    )
    assert quote.segments[-1].text.endswith("for links with the program")


def test_a_single_dash_ends_the_content() -> None:
    quote = _one_quote("The Treasury said new sanctions would follow soon — a step few expected.")
    assert quote.text == "new sanctions would follow soon"


def test_quotation_after_a_sentence_closed_by_an_inverted_attribution() -> None:
    body = (
        'Roe said she felt the law was worth a film because "most people do not know about'
        ' it," she said. "We have no context for the moment."'
    )
    quotes = _find(body)
    assert [(q.kind.value, q.cue.span.text if q.cue else None) for q in quotes] == [
        ("mixed", "said"),
        ("direct", "said"),
    ]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "Roe"
    assert quotes[1].text == "We have no context for the moment."
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.mention is not None
    assert quotes[1].speaker.mention.text == "she"


def test_quotation_after_a_plain_narrative_sentence_is_not_attributed() -> None:
    body = 'The summit ended on Friday. "We tried everything."'
    assert _find(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The center maintains a program for young leaders in Burma.",
        "Campaigning in 2012, he barely mentioned climate change.",
    ],
)
def test_weak_verbs_with_only_an_object_are_not_quotes(body: str) -> None:
    assert _find(body) == []


def test_weak_verb_with_a_clause_is_a_quote() -> None:
    quote = _one_quote("Trump highlighted his message that the country needs law and order.")
    assert quote.cue is not None
    assert quote.cue.span.text == "highlighted"


def test_sentence_attribution_does_not_look_into_the_previous_paragraph() -> None:
    # the previous paragraph ends with a closing mark, as an inverted attribution would start
    assert _find('The banner read "we will win."\nKim said. "We tried everything."') == []


_ASIDE_WORDS = st.sampled_from(
    ["the", "plan", "would", "fail", ",", "which", "who", "-", "—", "in", "said", "talks", "he"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ASIDE_WORDS, min_size=1, max_size=30))
def test_cut_asides_keeps_ordered_segments_inside_the_content(words: list[str]) -> None:
    text = " ".join(words)
    pq = ParagraphQuotes(0, 0, len(text), [])
    segs = cut_asides(text, pq, [(0, len(text))])
    assert 1 <= len(segs) <= 2
    assert segs[0][0] == 0
    assert segs[-1][1] == len(text)
    assert all(s < e for s, e in segs)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(segs))
