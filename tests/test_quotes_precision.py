"""Classes of false quotes removed in the precision work of issue #12, round 2.

Invented text in the shape of each class; the expectation follows ANNOTATION.md.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_quotes import _find


def test_quoted_subhead_is_not_a_continued_quote() -> None:
    body = (
        '"The mines will not close," Mr. Reed said. "We owe the town that much."\n\n'
        "'A Long Winter Ahead.'\n\n"
        "The company filed for bankruptcy in March."
    )
    texts = [q.text for q in _find(body)]
    assert not any("Winter" in t for t in texts)
    assert any("mines will not close" in t for t in texts)


def test_quoted_sentence_paragraph_still_continues_the_speaker() -> None:
    body = (
        '"The mines will not close," Mr. Reed said.\n\n'
        '"We owe the town that much, and we will keep paying the miners."\n\n'
        "The company filed for bankruptcy in March."
    )
    texts = [q.text for q in _find(body)]
    assert any("owe the town" in t for t in texts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Coal", "Fields", "Winter", "Legend", "Villain", "Ahead", "Long"]),
        min_size=2,
        max_size=6,
    )
)
def test_any_title_case_subhead_is_skipped(words: list[str]) -> None:
    subhead = " ".join(words) + "."
    body = f"\"We will reopen,\" Mr. Reed said.\n\n'{subhead}'\n\nThe plant closed."
    assert all(subhead.rstrip(".") not in q.text for q in _find(body))


@pytest.mark.parametrize(
    "body",
    [
        "Now tell us this is not a witch hunt of the highest order!",
        "Perhaps ask whether you would vote for anyone who did the same things.",
        "Having said that, there are economists who think the tax should be cut.",
        "A network run from abroad says something about the state of the media today.",
    ],
)
def test_no_speaker_or_no_words_reported(body: str) -> None:
    for q in _find(body):
        assert q.speaker is not None
        assert q.speaker.mention is not None
        assert q.speaker.mention.text.lower() not in ("now", "perhaps", "having")
        assert not q.text.startswith("something about")


def test_what_x_says_is_one_clause_long() -> None:
    body = (
        "The gap between what the mayor says his plan would do, and what it would actually"
        " do, began years ago."
    )
    quotes = [q for q in _find(body) if q.cue is not None and q.cue.span.text == "says"]
    assert [q.text for q in quotes] == ["his plan would do"]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The governor described the senator as a “disgrace” after she attacked the police.",
            "the senator as a “disgrace”",
        ),
        (
            "Mr. Hale criticized the tax as a “crazy system” during a campaign stop in Ohio.",
            "the tax as a “crazy system”",
        ),
        (
            "The mayor blasted the plan as a “disgrace” Wednesday on a radio show.",
            "the plan as a “disgrace”",
        ),
        (
            "Ms. Reed stressed her “firm support” of the treaty during a forum held by a paper.",
            "her “firm support” of the treaty",
        ),
        (
            "The union called for more school funding in a statement on Thursday.",
            "more school funding",
        ),
    ],
)
def test_occasion_and_channel_are_not_content(body: str, content: str) -> None:
    assert [q.text for q in _find(body)] == [content]


def test_occasion_inside_a_reported_clause_stays() -> None:
    body = (
        "The lawyer alleged that Mills broke the rules by acting as his counsel during the trial."
    )
    assert [q.text for q in _find(body)] == [
        "Mills broke the rules by acting as his counsel during the trial"
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "The mayor demands openness from the council, yet refuses to release his own files.",
            "openness from the council",
        ),
        (
            "Ms. Lee denounced the merger, which the network later cited as proof of its balance.",
            "the merger",
        ),
    ],
)
def test_a_second_clause_after_an_object_is_not_content(body: str, content: str) -> None:
    assert [q.text for q in _find(body)] == [content]


def test_list_commas_inside_quoted_words_stay() -> None:
    body = "The envoy described the meeting as “a frank, useful, and sincere exchange” of views."
    assert [q.text for q in _find(body)] == [
        "the meeting as “a frank, useful, and sincere exchange” of views"
    ]


def test_a_relative_clause_after_a_promise_stays() -> None:
    body = (
        "The president has promised new guarantees to the region, which will include an end"
        " to the drills."
    )
    texts = [q.text for q in _find(body)]
    assert texts == ["new guarantees to the region, which will include an end to the drills"]


@pytest.mark.parametrize(
    "body",
    [
        "The groups appealed the case to the appeals court after the ruling.",
        "In her new role she advises President Lee on trade.",
        "The deal forces the firms to answer other federal agencies.",
    ],
)
def test_bare_object_is_not_reported_speech(body: str) -> None:
    assert _find(body) == []


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("The groups appealed for calm after the ruling.", "for calm after the ruling"),
        ("Doctors advised residents to stay indoors.", "residents to stay indoors"),
    ],
)
def test_demand_after_an_object_verb_stays(body: str, content: str) -> None:
    assert [q.text for q in _find(body)] == [content]


def test_said_and_did_reports_no_words() -> None:
    body = "Would you vote for a candidate who said and did the same things as the mayor?"
    assert _find(body) == []


def test_channel_after_a_second_clause_cut() -> None:
    body = (
        "Ms. Lee had previously denounced the merger in an on-air diatribe, which the network"
        " later pointed to as an example."
    )
    assert [q.text for q in _find(body)] == ["the merger"]


def test_statement_naming_a_thing_speaks_for_the_sentence_subject() -> None:
    body = (
        "Following a late meeting, the council issued a statement calling the test"
        ' "a clear violation" of the treaty.'
    )
    quotes = _find(body)
    assert [q.text for q in quotes] == ['the test "a clear violation" of the treaty']
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "the council"


def test_short_opening_phrase_is_not_content() -> None:
    body = "In the end, the firm agreed to lend the miners $5 million."
    quotes = _find(body)
    assert all(q.text != "In the end" for q in quotes)


def test_according_to_a_measure_is_not_a_source() -> None:
    body = "He weighs 236 pounds, which makes him overweight according to his body mass index."
    assert _find(body) == []


def test_according_to_an_outlet_is_a_source() -> None:
    body = "He weighs 236 pounds, which makes him overweight according to the Times."
    assert len(_find(body)) == 1


def test_bare_object_with_an_apostrophe_is_still_bare() -> None:
    body = "The groups appealed the case to the court after the judge upheld Husted's actions."
    assert _find(body) == []


@pytest.mark.parametrize("lead", ["Everything", "Anything", "Nothing"])
def test_what_is_said_as_a_subject_is_not_content(lead: str) -> None:
    assert _find(f"{lead} the mayor says is true unless proven otherwise.") == []


def test_relative_clause_content_with_a_finite_verb_stays() -> None:
    body = "The meddling, which the congressman said is designed to sow discord, went on."
    assert len(_find(body)) == 1


@pytest.mark.parametrize(
    "body",
    [
        "The mayor needs to calm the town and tell more jokes.",
        "The senator wants to win the seat and say nothing of the scandal.",
    ],
)
def test_cue_coordinated_with_a_wish_is_not_said_yet(body: str) -> None:
    assert _find(body) == []


def test_cue_coordinated_with_a_past_act_is_said() -> None:
    body = "She went to the rally and said the plan was dead."
    assert [q.text for q in _find(body)] == ["the plan was dead"]
