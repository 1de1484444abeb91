"""Quote finding: attribution orders, continuations, mixed and indirect quotes."""

from __future__ import annotations

import pytest

from nkquotes import (
    Article,
    Paragraph,
    QuoteKind,
    QuoteOptions,
    Span,
    find_quotes,
    split_sentences,
)
from nkquotes._model import Quote


def article_of(text: str) -> Article:
    """Every non-empty line is a body paragraph (independent of structure detection)."""
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            span = Span.of(text, pos, pos + len(line))
            sentences = split_sentences(text, span.start, span.end)
            paragraphs.append(Paragraph(span=span, sentences=sentences))
        pos += len(line) + 1
    return Article(paragraphs=tuple(paragraphs))


def _find(body: str, **options: object) -> list[Quote]:
    text = body
    opts = QuoteOptions(**options) if options else None  # type: ignore[arg-type]
    return list(find_quotes(text, article_of(text), options=opts).quotes)


def _one(body: str) -> Quote:
    quotes = _find(body)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("body", "content", "cue", "mention"),
    [
        ('"We are not in a rush," he said.', "We are not in a rush,", "said", "he"),
        (
            '"We are not in a rush," said Kim Jong-un.',
            "We are not in a rush,",
            "said",
            "Kim Jong-un",
        ),
        (
            '"We are ready," the foreign ministry spokesman told reporters.',
            "We are ready,",
            "told",
            "the foreign ministry spokesman",
        ),
        ('Moon said: "We are ready to talk."', "We are ready to talk.", "said", "Moon"),
        ('Moon told reporters, "We are ready to talk."', "We are ready to talk.", "told", "Moon"),
        ('"Sanctions must stay" - Mike Pompeo', "Sanctions must stay", None, "Mike Pompeo"),
        (
            '"It is a threat," said Vipin Narang, a political science professor at MIT.',
            "It is a threat,",
            "said",
            "Vipin Narang",
        ),
    ],
)
def test_direct_attribution_orders(body: str, content: str, cue: str | None, mention: str) -> None:
    q = _one(body)
    assert q.kind is QuoteKind.DIRECT
    assert q.text == content
    assert q.speaker is not None
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == mention
    if cue is not None:
        assert q.cue is not None
        assert q.cue.span.text == cue


def test_split_quote_is_one_record_with_two_segments() -> None:
    q = _one('"First part," he said. "Second part."')
    assert [s.text for s in q.segments] == ["First part,", "Second part."]
    q = _one('"The problem," she said, "is the timing."')
    assert [s.text for s in q.segments] == ["The problem,", "is the timing."]


def test_second_quote_with_own_cue_is_new_record() -> None:
    quotes = _find('"We are not playing," Trump said. "It does not matter," he noted.')
    assert [q.cue.lemma for q in quotes if q.cue] == ["say", "note"]


def test_colon_lead_in_paragraph() -> None:
    quotes = _find('The minister said:\n\n"We will never give up our weapons."')
    assert len(quotes) == 1
    assert quotes[0].cue is not None
    assert quotes[0].cue.lemma == "say"
    assert quotes[0].text == "We will never give up our weapons."


def test_continuation_paragraph_inherits_speaker() -> None:
    body = '"We are ready," he said.\n\n"We have always been ready to talk to them."'
    quotes = _find(body)
    assert len(quotes) == 2
    assert quotes[1].cue is None
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.mention is None
    assert quotes[1].speaker.reason == "inherited"
    assert quotes[1].paragraph == quotes[0].paragraph + 1


def test_multi_paragraph_quote_is_one_record() -> None:
    body = 'He said: "The first paragraph goes on.\n\n"The second one too.\n\n"And it ends here."'
    quotes = _find(body)
    assert len(quotes) == 1
    assert [s.text for s in quotes[0].segments] == [
        "The first paragraph goes on.",
        "The second one too.",
        "And it ends here.",
    ]


def test_mixed_quote() -> None:
    q = _one('Pompeo said Wednesday that he would like to leave "a little room" in the regime.')
    assert q.kind is QuoteKind.MIXED
    assert q.text == 'he would like to leave "a little room" in the regime'
    assert q.cue is not None
    assert q.cue.lemma == "say"


def test_scare_quote_is_not_a_quote() -> None:
    assert _find('The so-called "maximum pressure" campaign continued for months.') == []


@pytest.mark.parametrize(
    ("body", "content", "lemma", "mention"),
    [
        (
            "US officials retorted that the talks had stalled.",
            "the talks had stalled",
            "retort",
            "US officials",
        ),
        (
            "The talks had stalled, US officials said.",
            "The talks had stalled",
            "say",
            "US officials",
        ),
        (
            "The talks had stalled, said a senior official.",
            "The talks had stalled",
            "say",
            "a senior official",
        ),
        (
            "According to Yonhap, the talks had stalled.",
            "the talks had stalled",
            "according to",
            "Yonhap",
        ),
        (
            "The talks had stalled, according to Yonhap.",
            "The talks had stalled",
            "according to",
            "Yonhap",
        ),
        (
            "Sen. Ed Markey called for stronger sanctions on North Korea.",
            "stronger sanctions on North Korea",
            "call for",
            "Sen. Ed Markey",
        ),
        (
            "Kang told reporters on Thursday that her government might seek exemptions.",
            "her government might seek exemptions",
            "tell",
            "Kang",
        ),
        (
            "He was asked by Sen. Cory Gardner whether he agrees with the plan.",
            "whether he agrees with the plan",
            "ask",
            "Sen. Cory Gardner",
        ),
    ],
)
def test_indirect_orders(body: str, content: str, lemma: str, mention: str) -> None:
    q = _one(body)
    assert q.kind is QuoteKind.INDIRECT
    assert q.text == content
    assert q.cue is not None
    assert q.cue.lemma == lemma
    assert q.speaker is not None
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == mention


def test_negated_and_passive_cues_are_not_quotes() -> None:
    assert _find("He did not say whether the talks would resume next week.") == []
    assert _find("China was said to undermine the sanctions regime.") == []


def test_kinds_option_filters() -> None:
    body = '"We are ready," he said. Officials said the talks had stalled.'
    quotes = _find(body, kinds=frozenset({QuoteKind.INDIRECT}))
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT]


def test_unbalanced_mark_is_reported_and_rest_survives() -> None:
    text = 'He said "this never closes and goes on.\n\nShe said: "We are ready."'
    finding = find_quotes(text, article_of(text))
    assert any(p.code == "unbalanced-quote" for p in finding.problems)
    assert [q.text for q in finding.quotes if q.kind is QuoteKind.DIRECT] == ["We are ready."]


@pytest.mark.parametrize(
    ("body", "content", "mention"),
    [
        (
            "Marley Anderson, 21, a junior from Las Vegas, said she backed the senator.",
            "she backed the senator",
            "Marley Anderson",
        ),
        (
            "Six in 10 Virginia primary voters said the economy was their first worry.",
            "the economy was their first worry",
            "Six in 10 Virginia primary voters",
        ),
        (
            "Yonhap quoted the officials as saying that the vessel was searched in port.",
            "the vessel was searched in port",
            "the officials",
        ),
        (
            "He met Liu Pengyu, spokesman for the embassy, who said the sanctions must end.",
            "the sanctions must end",
            "Liu Pengyu",
        ),
    ],
)
def test_speaker_mentions_in_harder_orders(body: str, content: str, mention: str) -> None:
    q = _one(body)
    assert q.text == content
    assert q.speaker is not None
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == mention


def test_cueless_colon_lead_in() -> None:
    q = _one('Trump went even further: "If he loses, it is the end of his career."')
    assert q.kind is QuoteKind.DIRECT
    assert q.text == "If he loses, it is the end of his career."
    assert q.cue is not None
    assert q.cue.span.text == ":"


def test_split_quote_with_a_long_attribution_clause() -> None:
    q = _one(
        '"I think he will be fair," Trump said during a rally in Kenansville, N.C., "but watch."'
    )
    assert [s.text for s in q.segments] == ["I think he will be fair,", "but watch."]


def test_content_stops_at_a_following_clause() -> None:
    quotes = _find(
        "China reportedly said it needs more time, while Russia said more evidence is needed."
    )
    assert [
        (q.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in quotes
    ] == [
        ("it needs more time", "China"),
        ("more evidence is needed", "Russia"),
    ]


def test_participle_continues_the_sentence_subject() -> None:
    quotes = _find(
        "Sen. Ed Markey called for stronger sanctions, saying the withdrawal sent a bad message."
    )
    assert [q.cue.lemma for q in quotes if q.cue] == ["call for", "say"]
    assert quotes[1].text == "the withdrawal sent a bad message"
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.mention is not None
    assert quotes[1].speaker.mention.text == "Sen. Ed Markey"


def test_scare_quotes_without_a_cue_are_dropped_and_quoted_words_make_mixed() -> None:
    quotes = _find('US officials retorted that the North Koreans were "parsing words."')
    assert [q.kind for q in quotes] == [QuoteKind.MIXED]
    assert _find('Critics point to the "grand bargain" idea and its history.') == []


def test_naming_verb_with_as_gives_the_quoted_name() -> None:
    q = _one("The statement follows what the leaders describe as “a sincere exchange of views.”")
    assert q.kind is QuoteKind.DIRECT
    assert q.text == "a sincere exchange of views."
    assert q.cue is not None
    assert q.cue.lemma == "describe"


@pytest.mark.parametrize(
    "body", ["According to ,", "according to ,\n", "Talks\n\nAccording to  ,", "according to  , ,"]
)
def test_according_to_with_no_source_is_no_quote(body: str) -> None:
    # The source phrase trims to nothing: no attribution, and no crash (found by fuzzing).
    assert _find(body) == []
