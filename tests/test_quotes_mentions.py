"""Speaker mention spans chosen by the quote finder (issue #12, round 2).

Invented sentences in common news shapes; the expected mention is the speaker's whole
expression as ANNOTATION.md asks, never a piece cut at an initial's full stop or a list comma.
"""

from __future__ import annotations

import pytest

from nkquotes._quotes_orders import _SOURCE_PHRASE
from tests.test_quotes import _find


def _by_cue(body: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for q in _find(body):
        assert q.cue is not None
        assert q.speaker is not None
        assert q.speaker.mention is not None
        out.setdefault(q.cue.span.text, []).append(q.speaker.mention.text)
    return out


@pytest.mark.parametrize(
    ("body", "cue", "mention"),
    [
        # an initial's full stop does not end the source
        (
            "The new rules will cut the port's income by half, according to U.S. Trade"
            " Representative Jane Roe.",
            "according to",
            "U.S. Trade Representative Jane Roe",
        ),
        (
            "The council has allowed the shipment of medical kits, according to the U.N. website.",
            "according to",
            "the U.N. website",
        ),
        # a list of places after the head noun stays in the source
        (
            "The blast was felt across the region, according to officials in Peru, Chile and"
            " Bolivia.",
            "according to",
            "officials in Peru, Chile and Bolivia",
        ),
        # an adverb between the speaker and the cue
        (
            "The spokesperson Ann Lee instead said the remarks do not reflect the talks.",
            "said",
            "The spokesperson Ann Lee",
        ),
    ],
)
def test_whole_mention(body: str, cue: str, mention: str) -> None:
    assert _by_cue(body)[cue] == [mention]


def test_coordinated_cue_takes_its_own_clause_subject() -> None:
    body = (
        "Defence Minister Tom Hale said the risk had grown, while Cabinet Secretary Ann Lee"
        " called it a grave threat and said the launch broke the treaty."
    )
    found = _by_cue(body)
    assert found["called"] == ["Cabinet Secretary Ann Lee"]
    assert found["said"] == ["Defence Minister Tom Hale", "Cabinet Secretary Ann Lee"]


@pytest.mark.parametrize(
    "body",
    [
        "Lima protests the flight in the strongest terms, Mr Ruiz said, calling it a plain lie.",
        "Lima accused Quito of lying, said Mr Ruiz, calling the flight a plain provocation.",
    ],
)
def test_participle_right_after_a_named_speaker_is_theirs(body: str) -> None:
    assert _by_cue(body)["calling"] == ["Mr Ruiz"]


def test_list_comma_is_kept_only_before_a_closing_list() -> None:
    phrase = " officials in Peru, the report said and Chile agreed"
    m = _SOURCE_PHRASE.match(phrase, 0, len(phrase))
    assert m is not None
    assert m.group("np") == "officials in Peru"


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        (
            "Mr. Dane generally backed the unions during his time in office, and said he did"
            " not support the new law.",
            "Mr. Dane",
        ),
        (
            "Ann Roe, 59, who watched the parade, said the event brought back memories of her"
            " father.",
            "Ann Roe",
        ),
    ],
)
def test_a_verb_ends_the_mention(body: str, mention: str) -> None:
    found = _by_cue(body)
    assert found["said"] == [mention]


@pytest.mark.parametrize(
    ("body", "mention", "content"),
    [
        (
            "Despite Lazar's claim that he hacked the account, he never reached it.",
            "Lazar",
            "he hacked the account",
        ),
        (
            "Contrary to his claim that voters would learn nothing, the files were useful.",
            "his",
            "voters would learn nothing",
        ),
    ],
)
def test_concessive_opener_is_not_the_speaker(body: str, mention: str, content: str) -> None:
    quotes = _find(body)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == mention


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # a comma or colon lead-in: the speaker is in the cue's sentence, not the one before
        (
            'Ann Lee is an economist at the Trade Institute. Mr. Park told me, "We will wait."',
            "Mr. Park",
        ),
        ('Lee left the Trade Institute. Park told reporters, "We will wait."', "Park"),
        ('Lee left the institute. Sen. Ed Park told reporters: "We will wait."', "Sen. Ed Park"),
        # a title's full stop inside the cue's sentence does not cut the mention
        ('Sen. Ed Park told reporters, "We will wait."', "Sen. Ed Park"),
    ],
)
def test_lead_in_speaker_stays_in_the_cue_sentence(body: str, mention: str) -> None:
    (mentions,) = _by_cue(body).values()
    assert mentions == [mention]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        # a pronoun object of a post-modifier heads nothing: the modified word speaks
        ("Those close to him say he would have to consider a new name.", "Those close to him"),
        ("People close to her said she would run again.", "People close to her"),
        ("Those familiar with the talks said the deal was near.", "Those familiar with the talks"),
        ("The state's tax commissioner says no one released the return.", None),
    ],
)
def test_post_modified_speakers(body: str, mention: str | None) -> None:
    found = _by_cue(body)
    (mentions,) = found.values()
    if mention is None:  # a possessive speaker with a speaker noun as its head
        assert mentions == [body[: body.index(" says")]]
    else:
        assert mentions == [mention]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("The ministry called him and said nothing new would be announced.", "The ministry"),
        ("Kim told him the deal was near.", "Kim"),
    ],
)
def test_an_object_pronoun_alone_is_no_speaker(body: str, mention: str) -> None:
    (mentions,) = _by_cue(body).values()
    assert mentions == [mention]
