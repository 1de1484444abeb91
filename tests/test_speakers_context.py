"""Speakers the surrounding text names: groups before quantifiers, pairs, people named next,
the last speaker behind a description, documents and their issuers, inheritance."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_speakers import Builder, names

GROUPS = ["diplomats", "officials", "analysts", "lawmakers", "experts"]
MODIFIERS = ["Senior European", "Japanese", "Western", "Three local"]
TAILS = ["", " in the Lind administration", " at the Finance Ministry", " from Oslo"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(MODIFIERS), st.sampled_from(GROUPS), st.sampled_from(TAILS))
def test_a_quantifier_is_the_group_the_sentence_names(modifier: str, noun: str, tail: str) -> None:
    b = Builder()
    group = f"{modifier} {noun}{tail}"
    b.add(f"{group} have grown impatient in recent weeks, with ")
    b.indirect("some", "saying", "the talks were over")
    result = b.resolve()
    assert names(result) == [group]
    assert result.quotes[0].speaker is not None
    assert result.quotes[0].speaker.reason == "group"


@pytest.mark.parametrize("description", ["the leaders", "the two leaders", "both men"])
def test_a_plural_description_is_the_pair_named_together(description: str) -> None:
    b = Builder()
    b.add("President Anna Berg and Prime Minister Olaf Lind signed a joint statement on Tuesday.")
    b.add("\n\nThe statement follows what ")
    b.indirect(description, "described as", "a frank exchange of views")
    assert names(b.resolve()) == ["Anna Berg and Olaf Lind"]


def test_a_plural_group_noun_is_not_a_pair() -> None:
    b = Builder()
    b.add("President Anna Berg and Prime Minister Olaf Lind signed a joint statement on Tuesday.")
    b.add("\n\n")
    b.indirect("The officials", "said", "the text was final")
    assert names(b.resolve()) == ["officials"]


def test_a_description_nobody_fits_is_the_person_named_next() -> None:
    b = Builder()
    b.indirect("The brother of Prime Minister Olaf Lind", "said", "the plan was dead")
    b.add(" Erik Sand dismissed the offer as too little, too late.")
    assert names(b.resolve()) == ["Erik Sand"]


def test_the_person_named_next_may_come_after_the_quoted_words() -> None:
    b = Builder()
    b.indirect("The Norland envoy to the UN", "stressed", "the need for a response")
    b.add("\n\n")
    b.quote("We call on members to act. It is important that they act now", None)
    b.add("\n\nIlse Marten then repeated the offer of talks.")
    assert names(b.resolve()) == ["Ilse Marten", "Ilse Marten"]


@pytest.mark.parametrize(("apposition", "expected"), [("a trade economist", "Johann Weber")])
def test_an_indefinite_description_is_the_next_person_only_when_the_titles_fit(
    apposition: str, expected: str
) -> None:
    for words, speaker in ((apposition, expected), ("a farmer from Graz", "Austrian economist")):
        b = Builder()
        b.indirect("An Austrian economist", "was quoted as saying", "the tariffs would hurt")
        b.add(f" Johann Weber, {words}, cited the latest trade figures.")
        assert names(b.resolve()) == [speaker]


def test_a_description_right_after_a_named_speaker_is_that_speaker() -> None:
    b = Builder()
    b.indirect("Finance Minister Erik Sand", "said", "the budget would balance")
    b.add("\n\n")
    b.quote("This is a serious threat to our economy", "the top government spokesman")
    assert names(b.resolve()) == ["Erik Sand", "Erik Sand"]


def test_a_description_after_someone_else_is_named_stays_a_description() -> None:
    b = Builder()
    b.indirect("Finance Minister Erik Sand", "said", "the budget would balance")
    b.add(" He met Anna Berg on Monday.\n\n")
    b.quote("This is a serious threat to our economy", "the top government spokesman")
    assert names(b.resolve()) == ["Erik Sand", "top government spokesman"]


def test_a_trailing_title_abbreviation_is_a_role_not_a_surname() -> None:
    b = Builder()
    b.indirect("The Japanese foreign minister", "said", "the launch was a provocation")
    b.add("\n\n")
    b.indirect("Japan Foreign Min", "wrote", "the test deserves condemnation")
    b.add("\n\n")
    b.indirect("South Korean Foreign Minister Min Jong-hoon", "said", "talks would go on")
    b.add("\n\n")
    b.quote("We are ready", "Minister Min")
    assert names(b.resolve()) == [
        "Japanese foreign minister",
        "Japanese foreign minister",
        "Min Jong-hoon",
        "Min Jong-hoon",
    ]


def test_a_statement_carried_by_an_outlet_is_its_issuers() -> None:
    b = Builder()
    b.indirect("The Norland foreign ministry", "said", "the sanctions were hostile")
    b.add("\n\n")
    b.indirect(
        "The statement carried by the state news agency KCNA", "accused", "the US of bad faith"
    )
    assert names(b.resolve()) == ["Norland foreign ministry", "Norland foreign ministry"]


def test_a_statement_after_an_outlet_report_is_the_earlier_sources() -> None:
    b = Builder()
    b.indirect("A foreign ministry spokesperson", "said", "the talks had stalled")
    b.add("\n\nThe country hoped for relief, ")
    b.indirect("Xinhua news agency", "reported", "")
    b.add("\n\n")
    b.quote("The US responded with sanctions", "a statement", after=".")
    assert names(b.resolve()) == [
        "foreign ministry spokesperson",
        "Xinhua",
        "foreign ministry spokesperson",
    ]


def test_a_statement_a_country_adjective_names_is_the_countrys() -> None:
    b = Builder()
    b.indirect("North Korea", "said", "it would not talk")
    b.add("\n\n")
    b.indirect("Japanese Prime Minister Taro Aso", "said", "the region was at risk")
    b.add("\n\n")
    b.indirect("The latest North Korean statement", "said", "pressure would fail")
    assert names(b.resolve()) == ["North Korea", "Taro Aso", "North Korea"]


def test_a_cue_less_quote_skips_names_after_prepositions_and_outlets() -> None:
    b = Builder()
    b.indirect("Prime Minister Erik Sand", "said", "the nation faced a grave threat")
    b.add("\n\nSirens sounded across the north, ")
    b.indirect("ABC News", "reports", "")
    b.add("\n\nThe country has seen many tests under young leader Kim Jong-un.\n\n")
    b.quote("We will protect the lives of our people", None)
    assert names(b.resolve()) == ["Erik Sand", "ABC News", "Erik Sand"]


def test_honorifics_before_a_surname_give_the_person_a_gender() -> None:
    b = Builder()
    b.indirect("Japanese Prime Minister Taro Aso", "said", "the region was at risk")
    b.add("\n\nMs Berg met Mr Aso in Tokyo on Friday, a week after Anna Berg took office.\n\n")
    b.quote("We will not give in to threats", "he")
    assert names(b.resolve()) == ["Taro Aso", "Taro Aso"]


def test_conflicting_honorifics_give_no_gender() -> None:
    b = Builder()
    b.indirect("Former President Olaf Lind", "said", "the region was at risk")
    b.add("\n\nMr. Lind and Mrs. Lind arrived in Tokyo on Friday.\n\n")
    b.quote("We will not give in to threats", "she")
    # Two people share the surname: the honorifics must not make Olaf Lind a woman or a man.
    assert names(b.resolve()) == ["Olaf Lind", "Olaf Lind"]


def test_a_gendered_word_after_a_preposition_is_someone_elses() -> None:
    b = Builder()
    b.indirect("Anna Berg, an adviser and pollster for Mr. Olaf Lind,", "said", "polls lie")
    b.add("\n\n")
    b.quote("We will win this race", "she")
    assert names(b.resolve()) == ["Anna Berg", "Anna Berg"]
