"""Speaker resolution: registry building, each kind of mention, and generated articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import nkquotes
from nkquotes import (
    Entity,
    EntityKind,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerResolution,
    parse_article,
    resolve_speakers,
)


class Builder:
    """Writes an article piece by piece, remembering quote and mention offsets."""

    def __init__(self) -> None:
        self.text = "Talks stall again\n\n"
        self.quotes: list[Quote] = []

    def add(self, piece: str) -> None:
        self.text += piece

    def quote(self, content: str, mention: str | None, after: str = " said.") -> None:
        """Append ``"content," mention said.`` and record the quote."""
        self.add('"')
        start = len(self.text)
        self.add(content)
        segment = (start, len(self.text))
        self.add(',"')
        speaker = Speaker(mention=None, reason="inherited")
        if mention is not None:
            self.add(" ")
            begin = len(self.text)
            self.add(mention)
            speaker = Speaker(mention=Span.of(self.text, begin, len(self.text)))
            self.add(after)
        self._record(segment, speaker)

    def indirect(self, mention: str, cue: str, content: str) -> None:
        """Append ``mention cue content.`` and record the quote."""
        begin = len(self.text)
        self.add(mention)
        mention_span = (begin, len(self.text))
        self.add(f" {cue} ")
        start = len(self.text)
        self.add(content)
        self._record((start, len(self.text)), Speaker(mention=Span.of(self.text, *mention_span)))
        self.add(".")

    def _record(self, segment: tuple[int, int], speaker: Speaker) -> None:
        self.quotes.append(
            Quote(
                id=f"q{len(self.quotes) + 1}",
                segments=(Span.of(self.text, *segment),),
                kind=QuoteKind.DIRECT,
                speaker=speaker,
                paragraph=self.text.count("\n\n", 0, segment[0]) - 1,
            )
        )

    def resolve(self) -> SpeakerResolution:
        text = self.text
        quotes = tuple(
            attrs_fix(q, text) for q in self.quotes
        )  # spans were taken while the text grew
        return resolve_speakers(text, parse_article(text), quotes)


def attrs_fix(quote: Quote, text: str) -> Quote:
    """Spans were cut from a prefix of *text*; they are still valid for the whole."""
    for segment in quote.segments:
        assert segment.is_valid_for(text)
    return quote


def names(result: SpeakerResolution) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in result.quotes]


def entity(result: SpeakerResolution, name: str) -> Entity:
    found = [e for e in result.entities if e.name == name]
    assert len(found) == 1, [e.name for e in result.entities]
    return found[0]


def test_titles_before_the_name_and_surname_and_pronoun() -> None:
    b = Builder()
    b.indirect(
        "US Secretary of State Mike Pompeo", "said Wednesday that", "he would leave some room"
    )
    b.add("\n\n")
    b.quote("We are not in a rush", "he")
    b.add("\n\n")
    b.indirect("Pompeo", "added that", "the point was well taken")
    result = b.resolve()
    assert names(result) == ["Mike Pompeo"] * 3
    reasons = [q.speaker.reason for q in result.quotes if q.speaker]
    assert reasons == ["name", "pronoun", "surname"]
    pompeo = entity(result, "Mike Pompeo")
    assert pompeo.kind is EntityKind.PERSON
    assert "Secretary of State" in pompeo.titles
    assert pompeo.affiliation == "US"
    assert len(pompeo.mentions) >= 3
    assert all(m.is_valid_for(b.text) for m in pompeo.mentions)


def test_brackets_give_the_party_and_the_subject_wins_over_the_agent() -> None:
    b = Builder()
    b.add("US Secretary of State Mike Pompeo testified on Tuesday.\n\n")
    b.add("Pompeo was speaking to the committee and asked by ")
    b.indirect("Sen. Cory Gardner (R-CO)", "on Tuesday", "whether no sanctions should go")
    b.add("\n\n")
    b.quote("I want to leave a little space there", "he", after=" answered.")
    b.add("\n\nSen. Ed Markey (D-MA) called for tougher steps on Tuesday.\n\nMoreover, ")
    b.indirect("he", "said", "a panel found more transfers")
    result = b.resolve()
    assert names(result) == ["Cory Gardner", "Mike Pompeo", "Ed Markey"]
    assert entity(result, "Cory Gardner").party == "R-CO"
    assert "Sen." in entity(result, "Ed Markey").titles


def test_apposition_titles_and_the_title_resolves() -> None:
    b = Builder()
    b.quote("He goes there with little leverage", "said Kenneth Courtis", after=", chairman ")
    b.add("of Starfort Investment Holdings.\n\n")
    b.add("South Korean Foreign Minister Kang Kyung-wha met him on Friday.\n\n")
    b.quote("We will keep talking", "the minister")
    result = b.resolve()
    assert names(result) == ["Kenneth Courtis", "Kang Kyung-wha"]
    courtis = entity(result, "Kenneth Courtis")
    assert any("chairman" in t for t in courtis.titles)
    assert courtis.affiliation == "Starfort Investment Holdings"
    kang = entity(result, "Kang Kyung-wha")
    assert kang.affiliation == "South Korean"
    assert result.quotes[1].speaker is not None
    assert result.quotes[1].speaker.reason == "title"


def test_two_moons_are_told_apart_by_title() -> None:
    b = Builder()
    b.add("South Korean President Moon Jae-in flew to Washington on Monday. ")
    b.add("Moon Chung-in, a special presidential adviser, went with him.\n\n")
    b.quote("The summit will go well", "President Moon")
    b.add("\n\n")
    b.quote("There is no rush", "the adviser")
    result = b.resolve()
    assert names(result) == ["Moon Jae-in", "Moon Chung-in"]


def test_a_bare_ambiguous_surname_stays_unresolved() -> None:
    b = Builder()
    b.quote("Nothing has changed", "Kim")
    b.add("\n\nKim Jong-un and Kim Yo-jong attended the parade on Monday.")
    result = b.resolve()
    speaker = result.quotes[0].speaker
    assert speaker is not None
    assert speaker.name is None
    assert speaker.entity is None
    assert speaker.reason.startswith("unresolved: ambiguous")


def test_groups_media_and_inheritance() -> None:
    b = Builder()
    b.indirect("North Korean officials", "claimed", "they had asked for less")
    b.add("\n\n")
    b.indirect("US officials", "retorted", "that was everything")
    b.add("\n\n")
    b.indirect("The Korean Central News Agency (KCNA)", "said", "the talks were over")
    b.add("\n\n")
    b.quote("The door is closed", None)
    b.add("\n\n")
    b.indirect("Experts", "have said", "the pressure works")
    result = b.resolve()
    assert names(result) == [
        "North Korean officials",
        "US officials",
        "KCNA",
        "KCNA",
        "Experts",
    ]
    assert [q.speaker.reason for q in result.quotes if q.speaker] == [
        "group",
        "group",
        "name",
        "inherited",
        "group",
    ]
    assert entity(result, "KCNA").kind is EntityKind.MEDIA
    assert entity(result, "US officials").kind is EntityKind.GROUP


def test_unnamed_sources_drop_the_article_and_statements_go_to_their_author() -> None:
    b = Builder()
    b.add("A foreign ministry spokesman issued a statement on Sunday.\n\n")
    b.quote("The US must change course", "the spokesman")
    b.add("\n\n")
    b.indirect("The statement", "added", "the talks could resume")
    result = b.resolve()
    assert names(result) == ["foreign ministry spokesman"] * 2
    assert [q.speaker.reason for q in result.quotes if q.speaker] == ["title", "document"]


def test_entities_are_numbered_in_order_of_first_mention() -> None:
    b = Builder()
    b.add("US President Donald Trump met North Korean leader Kim Jong-un in Hanoi.\n\n")
    b.indirect("Kim", "said", "the talks were useful")
    b.add("\n\n")
    b.indirect("Trump", "said", "there was no rush")
    result = b.resolve()
    assert [e.name for e in result.entities] == ["Donald Trump", "Kim Jong-un"]
    assert [e.id for e in result.entities] == ["e1", "e2"]
    assert [q.speaker.entity for q in result.quotes if q.speaker] == ["e2", "e1"]


def test_quotes_without_a_speaker_pass_through_and_empty_input_is_fine() -> None:
    text = "Nothing here."
    quote = Quote(id="q1", segments=(Span.of(text, 0, 7),), kind=QuoteKind.INDIRECT)
    result = resolve_speakers(text, parse_article(text), (quote,))
    assert result.quotes == (quote,)
    assert resolve_speakers("", parse_article(""), ()).quotes == ()


FIRST = ["Mike", "Sarah", "Daniel", "Laura", "Peter", "Helen", "Victor", "Grace"]
LAST = ["Pompeo", "Whitcombe", "Harrow", "Lindqvist", "Okafor", "Brandt", "Castell", "Duvall"]
TITLES = [
    ("Foreign Minister", "the minister"),
    ("Secretary of State", "the secretary"),
    ("Defense Secretary", "the secretary"),
    ("chief negotiator", "the negotiator"),
    ("Ambassador", "the ambassador"),
    ("national security adviser", "the adviser"),
]
FORMS = st.sampled_from(["surname", "title", "pronoun", "inherited"])


@st.composite
def people(draw: st.DrawFn) -> list[tuple[str, str, tuple[str, str], str, list[str]]]:
    count = draw(st.integers(1, 3))
    surnames = draw(st.lists(st.sampled_from(LAST), min_size=count, max_size=count, unique=True))
    out = []
    for surname in surnames:
        first = draw(st.sampled_from(FIRST))
        title = draw(st.sampled_from(TITLES))
        nation = draw(st.sampled_from(["US", "South Korean", "Japanese", ""]))
        forms = draw(st.lists(FORMS, min_size=1, max_size=4))
        out.append((f"{first} {surname}", nation, title, surname, forms))
    return out


@settings(max_examples=40, deadline=None)
@given(people())
def test_generated_articles_resolve_to_the_introduced_person(
    persons: list[tuple[str, str, tuple[str, str], str, list[str]]],
) -> None:
    b = Builder()
    expected: list[str] = []
    # Every sentence differs: repeated lines would rightly be taken for page furniture.
    for n, (full, nation, (title, description), surname, forms) in enumerate(persons):
        b.add("\n\n")
        intro = f"{nation} {title} {full}".strip()
        b.indirect(intro[0].upper() + intro[1:], "said on Monday that", f"round {n} would go on")
        expected.append(full)
        for k, form in enumerate(forms):
            b.add("\n\n")
            mention = {"surname": surname, "title": description, "pronoun": "he"}.get(form)
            b.quote(f"We will see what happens in round {n}, part {k}", mention)
            expected.append(full)
    result = b.resolve()
    assert names(result) == expected


@st.composite
def text_with_quotes(draw: st.DrawFn) -> tuple[str, tuple[Quote, ...]]:
    from tests.strategies import newsy_text

    text = draw(newsy_text)
    quotes = []
    for n in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        segment = Span.of(text, start, max(end, start))
        if draw(st.booleans()):
            m_start = draw(st.integers(0, len(text)))
            m_end = draw(st.integers(m_start, len(text)))
            speaker = Speaker(mention=Span.of(text, m_start, m_end))
        else:
            speaker = Speaker(mention=None, reason="inherited")
        quotes.append(
            Quote(id=f"q{n}", segments=(segment,), kind=QuoteKind.DIRECT, speaker=speaker)
        )
    return text, tuple(quotes)


@settings(max_examples=150, deadline=None)
@given(text_with_quotes())
def test_any_text_and_mentions_resolve_without_error(case: tuple[str, tuple[Quote, ...]]) -> None:
    text, quotes = case
    result = resolve_speakers(text, parse_article(text), quotes)
    assert len(result.quotes) == len(quotes)
    ids = {e.id for e in result.entities}
    assert [e.id for e in result.entities] == [f"e{n}" for n in range(1, len(ids) + 1)]
    for quote in result.quotes:
        speaker = quote.speaker
        assert speaker is not None
        if speaker.mention is not None:
            assert speaker.mention.is_valid_for(text)
        assert (speaker.entity is None) == (speaker.name is None)
        assert speaker.entity is None or speaker.entity in ids
        assert speaker.name is not None or speaker.reason.startswith("unresolved")
    for found in result.entities:
        assert all(m.is_valid_for(text) for m in found.mentions)


def test_word_lists_are_read_on_first_use_not_at_import() -> None:
    import subprocess
    import sys

    code = (
        "import nkquotes, nkquotes._names as n; "
        "assert n._load.cache_info().currsize == 0; "
        "nkquotes.resolve_speakers('Kim said.', nkquotes.parse_article('Kim said.'), ()); "
        "assert n._load.cache_info().currsize > 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_possessive_name_is_neither_a_title_nor_the_subject() -> None:
    b = Builder()
    b.add("President Donald Trump's spokeswoman Sarah Sanders spoke on Monday.\n\n")
    b.quote("We are not in a hurry", "she")
    b.add("\n\nTrump's envoy Stephen Biegun arrived in Seoul on Tuesday.\n\n")
    b.quote("The door is open", "he")
    b.add("\n\n")
    b.quote("A deal is close", "the president")
    result = b.resolve()
    assert names(result) == ["Sarah Sanders", "Stephen Biegun", "Donald Trump"]
    sanders = entity(result, "Sarah Sanders")
    assert all("President" not in t for t in sanders.titles)


def test_stray_words_around_a_mention_are_ignored() -> None:
    b = Builder()
    b.add("North Korean Foreign Minister Ri Yong-ho spoke in New York.\n\n")
    b.quote("That is a dog dream", "meaning ludicrous, he", after=" added.")
    b.add("\n\n")
    b.indirect("Ri reaffirmed his", "view that", "talks were over")
    b.add("\n\n")
    b.indirect("Trump administration officials", "said", "nothing had changed")
    b.add("\n\nNorth Korea's chief negotiator Kim Myong-gil left Stockholm on Sunday.\n\n")
    b.indirect("negotiator Kim blamed the U.S. delegation,", "saying", "it came empty-handed")
    result = b.resolve()
    assert names(result) == [
        "Ri Yong-ho",
        "Ri Yong-ho",
        "Trump administration officials",
        "Kim Myong-gil",
    ]


MENTION_PIECES = st.sampled_from(
    [
        ", ",
        "the ",
        "a ",
        "Kim",
        "Sen.",
        "(R-CO)",
        "minister",
        "officials",
        "he",
        " and ",
        "KCNA",
        "U.S.",
        "’s",
        "statement",
        "of ",
        "—",
        "Ms ",
        "chairman",
        "Jong-un",
        "North Korea",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MENTION_PIECES, max_size=8).map("".join))
def test_any_mention_wording_resolves_without_error(mention: str) -> None:
    text = f'"Talks are over," {mention} said on Monday.'
    start = text.index(mention, 18) if mention else 18
    quote = Quote(
        id="q1",
        segments=(Span.of(text, 1, 15),),
        kind=QuoteKind.DIRECT,
        speaker=Speaker(mention=Span.of(text, start, start + len(mention))),
    )
    result = resolve_speakers(text, parse_article(text), (quote,))
    speaker = result.quotes[0].speaker
    assert speaker is not None
    assert speaker.name is not None or speaker.reason.startswith("unresolved")


def test_a_cue_less_quote_after_a_new_introduction_goes_to_the_newcomer() -> None:
    b = Builder()
    b.indirect("US envoy Sung Kim", "said", "the offer stood")
    b.add("\n\n")
    b.quote("We remain ready to meet", None)
    b.add("\n\nLater, Japanese Foreign Minister Taro Kono arrived in Seoul for talks.\n\n")
    b.quote("The missile launches must stop", None)
    result = b.resolve()
    assert names(result) == ["Sung Kim", "Sung Kim", "Taro Kono"]
    reasons = [q.speaker.reason for q in result.quotes if q.speaker]
    assert reasons == ["name", "inherited", "inherited"]


def test_titled_name_of_a_country_is_the_person() -> None:
    # "Foreign Minister Wang Yi of China": the trailing "of China" is not part of the name.
    text = (
        "Envoys meet\n\n"
        "Foreign Minister Ilse Marten of Norland said the talks would resume. "
        '"We are ready," Marten said.\n'
    )
    quotes = nkquotes.extract(text).quotes
    assert [q.speaker.name for q in quotes if q.speaker] == ["Ilse Marten", "Ilse Marten"]
