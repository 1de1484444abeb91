"""Dates carried across sentences (DateSource.CARRIED): each link, and what must not carry."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import Article, Cue, DateSource, Quote, QuoteKind, Span, Speaker, resolve_dates

THU = dt.date(2019, 4, 11)


def _nearest(text: str, needle: str, pos: int, after: int = 0) -> int:
    found = [i for i in range(after, len(text)) if text.startswith(needle, i)]
    return min(found, key=lambda i: abs(i - pos))


def _quote(
    text: str, content: str, cue: str, mention: str | None = None, name: str | None = None
) -> Quote:
    """A quote on the first *content*, its speaker *mention* the occurrence nearest it and its
    *cue* the occurrence nearest after the mention (or nearest the content)."""
    start = text.index(content)
    segment = Span.of(text, start, start + len(content))
    speaker = None
    if mention is not None:
        at = _nearest(text, mention, start)
        speaker = Speaker(mention=Span.of(text, at, at + len(mention)), name=name)
        cue_start = _nearest(text, cue, at, after=at)
    else:
        cue_start = _nearest(text, cue, start)
    return Quote(
        id=f"q{start}",
        segments=(segment,),
        kind=QuoteKind.INDIRECT,
        cue=Cue(span=Span.of(text, cue_start, cue_start + len(cue)), lemma=cue.split()[0]),
        speaker=speaker,
    )


def _dates(text: str, *quotes: Quote, published: dt.date | None = THU) -> list[tuple[object, ...]]:
    result = resolve_dates(text, Article(), quotes, published=published)
    return [
        (q.date.date, q.date.source, q.date.expression.text if q.date.expression else None)
        if q.date
        else None
        for q in result.quotes
    ]


def test_a_pronoun_continues_a_dated_statement() -> None:
    text = "The ministry condemned the drill in a statement on Sunday. It said talks were over."
    quote = _quote(text, "talks were over", "said", "It")
    assert _dates(text, quote) == [(dt.date(2019, 4, 7), DateSource.CARRIED, "Sunday")]
    expression = resolve_dates(text, Article(), (quote,), published=THU).quotes[0].date
    assert expression is not None
    assert expression.expression is not None
    assert expression.expression.is_valid_for(text)
    assert text.index("Sunday") == expression.expression.start


def test_the_statement_in_the_next_paragraph() -> None:
    text = "The envoy issued a press statement on the 2nd.\n\nThe statement said:\n\nWe will wait."
    quote = _quote(text, "We will wait.", "said", "The statement")
    assert _dates(text, quote) == [(dt.date(2019, 4, 2), DateSource.CARRIED, "the 2nd")]


def test_an_undated_speech_act_before_a_pronoun_carries_nothing() -> None:
    # A dated event that is not a saying, or a time expression in a relative clause.
    for text in (
        "Moon met Trump on Monday. He said talks were over.",
        "The statement comes after news Monday of new sanctions. It said talks were over.",
        "Kim, who arrived on Monday, gave a speech. He said talks were over.",
    ):
        quote = _quote(text, "talks were over", "said", "He" if "He" in text else "It")
        assert _dates(text, quote) == [None], text


def test_a_named_speaker_is_not_a_continuation() -> None:
    text = "Lee said in a statement on Sunday that it was wrong. Park said talks were over."
    first = _quote(text, "it was wrong", "said", "Lee", "Lee")
    second = _quote(text, "talks were over", "said", "Park", "Park")
    assert _dates(text, first, second)[1] is None


def test_added_continues_the_same_speaker_in_the_next_paragraph() -> None:
    text = (
        '"We are ready," Kang told reporters on Thursday.\n\n"We will not wait forever," she added.'
    )
    first = _quote(text, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(text, "We will not wait forever,", "added", "she", "Kang")
    assert _dates(text, first, second) == [
        (THU, DateSource.EXPLICIT, "Thursday"),
        (THU, DateSource.CARRIED, "Thursday"),
    ]


def test_added_by_name_after_a_quote_dated_by_its_own_cue() -> None:
    text = '"We are ready," Kang told reporters on Thursday.\n\n"We will not wait," Kang added.'
    first = _quote(text, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(text, "We will not wait,", "added", "Kang", "Kang")
    assert _dates(text, first, second)[1] == (THU, DateSource.CARRIED, "Thursday")
    said = text.replace("Kang added", "Kang said")
    first = _quote(said, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(said, "We will not wait,", "said", "Kang", "Kang")
    assert _dates(said, first, second)[1] is None


def test_a_pronoun_or_definite_subject_without_a_resolved_speaker() -> None:
    text = "The agency condemned the drill in a statement on Sunday. The agency said X."
    quote = attrs.evolve(_quote(text, "X", "said", "The agency"), speaker=None)
    assert _dates(text, quote) == [(dt.date(2019, 4, 7), DateSource.CARRIED, "Sunday")]
    named = text.replace("The agency said", "Officials said")
    quote = attrs.evolve(_quote(named, "X", "said", "Officials"), speaker=None)
    assert _dates(named, quote) == [None]


def test_adding_stops_at_another_speaker_a_new_time_or_a_distant_paragraph() -> None:
    base = '"We are ready," Kang told reporters on Thursday.\n\n'
    other = base + '"We will not wait," Lee added.'
    first = _quote(other, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(other, "We will not wait,", "added", "Lee", "Lee")
    assert _dates(other, first, second)[1] is None
    later = base + 'In May, she met Lee.\n\n"We will not wait," she added.'
    first = _quote(later, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(later, "We will not wait,", "added", "she", "Kang")
    assert _dates(later, first, second)[1] is None
    far = base + "Lee met Park.\n\nPark met Moon.\n\n" + '"We will not wait," she added.'
    first = _quote(far, "We are ready,", "told reporters", "Kang", "Kang")
    second = _quote(far, "We will not wait,", "added", "she", "Kang")
    assert _dates(far, first, second)[1] is None


def test_a_continuation_paragraph_without_a_cue_is_not_dated() -> None:
    text = 'Kang on Thursday stressed the need to act.\n\n"We call on all states to act."'
    first = _quote(text, "the need to act", "stressed", "Kang", "Kang")
    start = text.index("We call")
    second = Quote(
        id="q2",
        segments=(Span.of(text, start, start + len("We call on all states to act.")),),
        kind=QuoteKind.DIRECT,
        speaker=Speaker(mention=None, name="Kang", reason="inherited"),
    )
    assert _dates(text, first, second)[1] is None


def _spokesperson(text: str) -> list[tuple[object, ...] | None]:
    quotes = [
        _quote(text, "We know,", "told Reuters", "the ministry spokesperson", "spokesperson"),
        _quote(text, "the flight left", "reported", "Yonhap", "Yonhap"),
        _quote(text, "We cannot say,", "said", "the ministry spokesperson", "spokesperson"),
    ]
    return _dates(text, *quotes)


def test_the_same_definite_description_a_few_paragraphs_on() -> None:
    text = (
        '"We know," the ministry spokesperson told Reuters on Thursday.\n\n'
        "Yonhap reported the flight left.\n\nThe flight landed.\n\n"
        '"We cannot say," the ministry spokesperson said.'
    )
    assert _spokesperson(text)[2] == (THU, DateSource.CARRIED, "Thursday")
    same_day = text.replace("Yonhap reported", "Earlier on Thursday, Yonhap reported")
    assert _spokesperson(same_day)[2] == (THU, DateSource.CARRIED, "Thursday")
    other_day = text.replace("Yonhap reported", "On Monday, Yonhap reported")
    assert _spokesperson(other_day)[2] is None
    far = text.replace("The flight landed.", "A.\n\nB.\n\nC.\n\nD.")
    assert _spokesperson(far)[2] is None


def test_a_name_repeated_is_not_enough() -> None:
    text = (
        '"We know," Hua told reporters on Thursday.\n\nThe council met.\n\n'
        '"We cannot say," Hua said.'
    )
    first = _quote(text, "We know,", "told reporters", "Hua", "Hua")
    second = _quote(text, "We cannot say,", "said", "Hua", "Hua")
    assert _dates(text, first, second)[1] is None


def test_the_same_document_later_in_the_article() -> None:
    text = (
        "Pyongyang condemned the sanctions in a statement on Sunday.\n\n"
        "The talks were cancelled in November.\n\n"
        "The statement accused Washington of hostility."
    )
    quote = _quote(text, "Washington of hostility", "accused", "The statement")
    assert _dates(text, quote) == [(dt.date(2019, 4, 7), DateSource.CARRIED, "Sunday")]


def test_a_clause_after_the_content_does_not_name_the_document() -> None:
    text = (
        "Kim issued a statement on Saturday.\n\nTalks stalled.\n\n"
        "Seoul said it had the letter, rejecting the statement."
    )
    quote = _quote(text, "it had the letter", "said", "Seoul", "Seoul")
    assert _dates(text, quote) == [None]


def test_two_dated_documents_of_a_kind_are_ambiguous() -> None:
    text = (
        "Seoul issued a statement on Sunday.\n\nTokyo issued a statement on Tuesday.\n\n"
        "Talks stalled.\n\nThe statement accused Washington of hostility."
    )
    quote = _quote(text, "Washington of hostility", "accused", "The statement")
    assert _dates(text, quote) == [None]
    letter = "Seoul sent a letter on Sunday.\n\nTalks stalled.\n\nThe statement accused Washington."
    quote = _quote(letter, "Washington.", "accused", "The statement")
    assert _dates(letter, quote) == [None]


def test_made_the_remarks_dates_the_sentence_before() -> None:
    text = (
        "China called on all sides to remain restrained.\n"
        "Spokesperson Hua made the remarks Saturday in Beijing.\n"
        "The council met on Friday."
    )
    quote = _quote(text, "all sides to remain restrained", "called on", "China", "China")
    assert _dates(text, quote) == [(dt.date(2019, 4, 6), DateSource.CARRIED, "Saturday")]
    two_back = "China urged calm.\nThe council met.\nHua made the remarks Saturday."
    quote = _quote(two_back, "calm", "urged", "China", "China")
    assert _dates(two_back, quote) == [None]


def test_an_event_named_at_the_saying_and_dated_before() -> None:
    text = (
        "The envoys met here on Monday on aid.\n\n"
        "Kim, who arrived on Saturday, held a meeting with Noh.\n\n"
        '"We discussed aid," Kim said in a press conference after the meeting.'
    )
    quote = _quote(text, "We discussed aid,", "said", "Kim", "Kim")
    assert _dates(text, quote) == [(dt.date(2019, 4, 8), DateSource.CARRIED, "Monday")]
    arrival = 'Noh returned home Friday after talks.\n\n"It went well," Noh said upon arrival.'
    quote = _quote(arrival, "It went well,", "said", "Noh", "Noh")
    assert _dates(arrival, quote) == [(dt.date(2019, 4, 5), DateSource.CARRIED, "Friday")]
    # In a relative clause the day belongs to the clause, not to the event the saying is at.
    relative = 'Noh, who returned home Friday, met Kim.\n\n"It went well," Noh said upon arrival.'
    quote = _quote(relative, "It went well,", "said", "Noh", "Noh")
    assert _dates(relative, quote) == [None]


def test_an_event_dated_twice_differently_carries_nothing() -> None:
    text = (
        "The envoys met on Monday.\n\nThey met again on Wednesday.\n\n"
        '"We discussed aid," Kim said after the meeting.'
    )
    quote = _quote(text, "We discussed aid,", "said", "Kim", "Kim")
    assert _dates(text, quote) == [None]


def test_an_own_expression_wins_and_nothing_carries_without_a_publication_date() -> None:
    text = "The ministry said in a statement on Sunday that it was wrong. It said on Tuesday X."
    quote = _quote(text, "X", "said on Tuesday", "It")
    assert _dates(text, quote) == [(dt.date(2019, 4, 9), DateSource.EXPLICIT, "Tuesday")]
    text = "The ministry condemned the drill in a statement on Sunday. It said talks were over."
    quote = _quote(text, "talks were over", "said", "It")
    assert _dates(text, quote, published=None) == [None]


def test_a_possessive_day_dates_an_event_and_is_not_carried() -> None:
    text = 'Pepper called Friday\'s decision "a win."\n\n"Voters won," he said in a statement.'
    first = _quote(text, "a win.", "called", "Pepper", "Pepper")
    second = _quote(text, "Voters won,", "said", "he", "Pepper")
    assert _dates(text, first, second)[1] is None


_WORDS = st.sampled_from(
    [
        "It said ", "He added ", "The statement said ", " in a statement on Sunday. ",
        " made the remarks Friday. ", " after the meeting ", " met on Monday. ", "\n\n",
        "Kim, who arrived on Tuesday, ", " said ", "talks. ", " last week ", " upon arrival ",
        " returned home Friday ", '"We wait," ', " Sunday's statement ",
    ]
)  # fmt: skip


@st.composite
def _article_with_quotes(draw: st.DrawFn) -> tuple[str, tuple[Quote, ...]]:
    text = draw(st.lists(_WORDS, min_size=2, max_size=14).map("".join))
    cuts = draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=9))
    quotes = []
    for number, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        low, high = sorted((a, b))
        if high == low:
            continue
        cue_at = min(len(text), high + 1)
        quotes.append(
            Quote(
                id=f"q{number}",
                segments=(Span.of(text, low, high),),
                kind=QuoteKind.INDIRECT,
                cue=Cue(span=Span.of(text, high, cue_at), lemma="say"),
                speaker=draw(st.sampled_from([None, Speaker(mention=None, name="Kim")])),
            )
        )
    return text, tuple(quotes)


def _overlapping_quotes() -> tuple[str, tuple[Quote, ...]]:
    """A quote dated by an expression that lies in the next quote's content."""
    text = " made the remarks Friday. It said "
    quotes = tuple(
        Quote(
            id=f"q{n}",
            segments=(Span.of(text, a, b),),
            kind=QuoteKind.INDIRECT,
            cue=Cue(span=Span.of(text, b, b + 1), lemma="say"),
        )
        for n, (a, b) in enumerate([(2, 15), (8, 28)])
    )
    return text, quotes


@settings(max_examples=120, deadline=None)
@given(_article_with_quotes(), st.dates(dt.date(1990, 1, 1), dt.date(2050, 1, 1)))
@example(_overlapping_quotes(), dt.date(2027, 4, 5))
def test_carried_dates_are_valid_past_and_deterministic(
    case: tuple[str, tuple[Quote, ...]], published: dt.date
) -> None:
    text, quotes = case
    first = resolve_dates(text, Article(), quotes, published=published)
    assert first == resolve_dates(text, Article(), quotes, published=published)
    own = resolve_dates(text, Article(), quotes[:1], published=published).quotes
    for quote in first.quotes:
        if quote.date is None or quote.date.source is not DateSource.CARRIED:
            continue
        expression = quote.date.expression
        assert expression is not None
        assert expression.is_valid_for(text)
        assert not any(expression.overlaps(s) for s in quote.segments)
        assert quote.date.date <= published
    # Carrying never replaces a date the quote's own sentence gives.
    if own and own[0].date is not None and own[0].date.source is not DateSource.CARRIED:
        assert first.quotes[0].date == own[0].date
