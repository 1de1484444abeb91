"""Article structure: the seeds, datelines, bylines, credits and messy whitespace."""

from __future__ import annotations

import itertools

import pytest

from nkquotes import Article, BoilerplateKind, InputError, StructureOptions, parse_article
from tests.conftest import SEED_NAMES, load_seed


def _valid(text: str, article: Article) -> None:
    spans = [p.span for p in article.paragraphs]
    for span in spans:
        assert span.is_valid_for(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_matches_gold(name: str) -> None:
    text, gold = load_seed(name)
    expected = gold["article"]
    article = parse_article(text)
    _valid(text, article)
    assert article.title is not None
    assert article.title.text == expected["title"]
    assert [c.text for c in article.captions] == expected["captions"]
    assert [b.span.text for b in article.boilerplate] == expected["boilerplate"]
    assert article.agency == expected["agency"]
    assert len(article.paragraphs) == expected["n_body_paragraphs"]
    assert article.paragraphs[0].sentences[0].text == expected["first_body_sentence"]


def test_seed_caption_is_never_body() -> None:
    text, gold = load_seed(SEED_NAMES[0])
    caption = gold["article"]["captions"][0]
    article = parse_article(text)
    assert all(caption not in p.span.text for p in article.paragraphs)


@pytest.mark.parametrize("credit", [" (Yonhap)", " (Yonhap).", "\n(Yonhap)"])
def test_trailing_wire_credit_is_outside_the_body(credit: str) -> None:
    text = f'Kim leaves\n\nHe left on Monday.\n\n"We go," he said.{credit}'
    article = parse_article(text)
    assert article.paragraphs[-1].span.text == '"We go," he said.'
    assert [(a.name, a.span.text) for a in article.agencies] == [("Yonhap", "Yonhap")]
    # A credit on its own line is a boilerplate line too; glued to the paragraph it is not.
    assert [b.span.text for b in article.boilerplate] == (["(Yonhap)"] if "\n" in credit else [])


def test_yonhap_dateline_is_parsed_and_cut_from_the_paragraph() -> None:
    text = (
        "N. Korea slams drills\n"
        "SEOUL, April 10 (Yonhap) -- North Korea on Wednesday slammed the drills.\n"
        "It said more.\n(END)\n-\n1\n(LEAD) Some other headline about Seoul\n"
    )
    article = parse_article(text)
    assert article.title is not None
    assert article.title.text == "N. Korea slams drills"
    dateline = article.dateline
    assert dateline is not None
    assert dateline.span.text == "SEOUL, April 10 (Yonhap) --"
    assert (dateline.city, dateline.agency) == ("SEOUL", "Yonhap")
    assert dateline.date is not None
    assert (dateline.date.month, dateline.date.day) == (4, 10)
    assert article.paragraphs[0].span.text == "North Korea on Wednesday slammed the drills."
    assert [p.span.text for p in article.paragraphs] == [
        "North Korea on Wednesday slammed the drills.",
        "It said more.",
    ]
    assert [b.span.text for b in article.boilerplate] == [
        "(END)",
        "-",
        "1",
        "(LEAD) Some other headline about Seoul",
    ]


@pytest.mark.parametrize(
    ("opening", "city", "agency"),
    [
        ("SEOUL (Reuters) -", "SEOUL", "Reuters"),
        ("WASHINGTON, Dec. 3 (AP) —", "WASHINGTON", "AP"),
        ("BEIJING, Dec. 23 (Xinhua) --", "BEIJING", "Xinhua"),
        ("UNITED NATIONS -", "UNITED NATIONS", None),
        ("TOKYO (AFP) –", "TOKYO", "AFP"),
    ],
)
def test_dateline_styles(opening: str, city: str, agency: str | None) -> None:
    text = f"Some headline for a story\n\n{opening} Officials said the talks ended.\n\nMore."
    article = parse_article(text)
    assert article.dateline is not None
    assert article.dateline.span.text == opening
    assert article.dateline.city == city
    assert article.dateline.agency == agency
    assert article.agency == agency
    assert article.paragraphs[0].span.text == "Officials said the talks ended."


def test_byline_and_published_line() -> None:
    text = (
        "Top envoy returns from talks with US\n\nBy Yuna Park and Kim Eun-jung\n\n"
        "Published : Dec. 3, 2018 - 21:01\n\nThe envoy returned on Friday.\n\nHe spoke."
    )
    article = parse_article(text)
    assert article.byline is not None
    assert article.byline.span.text == "By Yuna Park and Kim Eun-jung"
    assert article.byline.names == ("Yuna Park", "Kim Eun-jung")
    assert article.published is not None
    assert article.published.date.isoformat() == "2018-12-03"
    assert article.published.span.text == "Published : Dec. 3, 2018 - 21:01"
    assert [p.span.text for p in article.paragraphs] == [
        "The envoy returned on Friday.",
        "He spoke.",
    ]


def test_credits_and_comment_form_are_boilerplate() -> None:
    text = (
        "Allies meet on sanctions\n\nThe allies met on Monday.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n\nBe the first to comment\n\n"
        "Leave a Reply\n\nYour email address will not be published.\n\n*\n"
    )
    article = parse_article(text)
    kinds = {b.span.text: b.kind for b in article.boilerplate}
    assert kinds == {
        "(Reporting by Jane Doe; Editing by John Roe)": BoilerplateKind.CREDIT,
        "Be the first to comment": BoilerplateKind.COMMENTS,
        "Leave a Reply": BoilerplateKind.COMMENTS,
        "Your email address will not be published.": BoilerplateKind.COMMENTS,
        "*": BoilerplateKind.COMMENTS,
    }
    assert [p.span.text for p in article.paragraphs] == ["The allies met on Monday."]


def test_no_headline_when_the_text_opens_with_body() -> None:
    text = (
        "North Korea fired a missile on Sunday, officials in Seoul and Tokyo said, the third "
        "launch this month.\nThe missile flew about 500 km before landing in the sea."
    )
    article = parse_article(text)
    assert article.title is None
    assert len(article.paragraphs) == 2


def test_detect_title_option() -> None:
    text = "Short opening line here\n\nThe body follows."
    assert parse_article(text).title is not None
    assert parse_article(text, options=StructureOptions(detect_title=False)).title is None


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace(" ", "\u00a0"),
        lambda t: t.replace("\n\n", "\n\t\u200b\n"),
        lambda t: t.replace("\n", "\u2028"),
    ],
)
def test_messy_whitespace_keeps_the_structure(variant: object) -> None:
    base = (
        "Pompeo leaves for North Korea\n\nSEOUL (Reuters) - Pompeo left. He flew.\n\n"
        '"We go," he said.\n\nLeave a Reply'
    )
    assert callable(variant)
    text = variant(base)
    article = parse_article(text)
    _valid(text, article)
    assert article.title is not None
    assert article.title.text.split() == [
        "Pompeo",
        "leaves",
        "for",
        "North",
        "Korea",
    ]
    assert article.dateline is not None
    assert article.dateline.agency == "Reuters"
    assert len(article.paragraphs) == 2
    assert len(article.paragraphs[0].sentences) == 2
    assert [b.kind for b in article.boilerplate] == [BoilerplateKind.COMMENTS]


def test_text_without_line_breaks_is_one_paragraph() -> None:
    text = "Officials met. They talked. Nobody left."
    article = parse_article(text)
    assert article.title is None
    assert [p.span.text for p in article.paragraphs] == [text]
    assert len(article.paragraphs[0].sentences) == 3


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["a"]])
def test_non_str_input_raises(bad: object) -> None:
    with pytest.raises(InputError):
        parse_article(bad)  # type: ignore[arg-type]


def test_empty_text() -> None:
    assert parse_article("") == Article()
    assert parse_article(" \n\t\u200b\n") == Article()


def test_headline_and_stamp_on_one_line() -> None:
    text = (
        "Envoy urges talks with no deadline. December. 17, 2019 07:40. by Sang-Jun Han "
        "han@example.com.\n\nThe envoy spoke in Seoul on Monday.\n\nHe left."
    )
    article = parse_article(text)
    assert article.title is not None
    assert article.title.text == "Envoy urges talks with no deadline"
    assert article.byline is not None
    assert article.byline.span.text == "by Sang-Jun Han"
    assert article.byline.names == ("Sang-Jun Han",)
    assert article.published is not None
    assert article.published.date.isoformat() == "2019-12-17"
    assert [b.span.text for b in article.boilerplate] == [
        "December. 17, 2019 07:40.",
        "han@example.com.",
    ]
    assert len(article.paragraphs) == 2


def test_page_furniture_before_the_headline() -> None:
    text = (
        "Menu Content\nGo Top\n\nInternational\n\nHome > World > Asia\n\n"
        "Allies agree to tighten sanctions on the North\n\n"
        "Written: 2019-10-06 10:39:30Updated: 2019-10-06 13:10:39\n\n"
        "Allies agree to tighten sanctions on the North\n\n"
        "Photo : KBS News\n\n"
        "The allies agreed on Saturday to tighten sanctions.\n\n"
        "Editor's Pick\n\nClose\n"
    )
    article = parse_article(text)
    assert article.title is not None
    assert article.title.start == text.index("Allies agree")
    assert [c.text for c in article.captions] == ["Photo : KBS News"]
    assert [p.span.text for p in article.paragraphs] == [
        "The allies agreed on Saturday to tighten sanctions."
    ]
    assert [b.span.text for b in article.boilerplate] == [
        "Menu Content",
        "Go Top",
        "International",
        "Home > World > Asia",
        "Written: 2019-10-06 10:39:30Updated: 2019-10-06 13:10:39",
        "Allies agree to tighten sanctions on the North",
        "Editor's Pick",
        "Close",
    ]


def test_teaser_repeated_by_the_body_is_boilerplate() -> None:
    lede = (
        "The foreign ministry was unable to provide any information about a possible "
        "meeting between the two delegations in Stockholm on Thursday"
    )
    text = f"{lede}\n\nSTOCKHOLM (Sputnik - 03rd October, 2019) {lede}.\n\nMore followed."
    article = parse_article(text)
    assert article.title is None
    assert [b.span.text for b in article.boilerplate] == [lede]
    assert article.dateline is not None
    assert article.dateline.span.text == "STOCKHOLM (Sputnik - 03rd October, 2019)"
    assert article.dateline.agency == "Sputnik"
    assert article.dateline.date is not None
    assert article.dateline.date.to_date() is not None
    assert article.paragraphs[0].span.text == lede + "."


def test_inline_trailing_credits() -> None:
    text = (
        "Xinhua urges restraint on the peninsula\n"
        "BEIJING, Dec. 23 (Xinhua) -- China called for restraint. Enditem\n"
    )
    article = parse_article(text)
    assert article.paragraphs[0].span.text == "China called for restraint."
    assert [(b.span.text, b.kind) for b in article.boilerplate] == [
        ("Enditem", BoilerplateKind.CREDIT)
    ]
    assert article.agency == "Xinhua"


def test_informs_credit_names_the_agency() -> None:
    text = (
        "Pompeo leaves for North Korea\n\nPompeo headed to Pyongyang, Bloomberg informs.\n\n"
        "He will meet Kim."
    )
    article = parse_article(text)
    assert [(a.name, a.span.text) for a in article.agencies] == [("Bloomberg", "Bloomberg")]
    assert article.paragraphs[0].span.text == "Pompeo headed to Pyongyang, Bloomberg informs."


def test_reported_by_an_outlet_is_not_an_agency_credit() -> None:
    text = (
        "North threatens Guam\n\nA spokesman said the North would strike, Reuters reports, "
        "citing state media.\n\nThe spokesman added more, Yonhap reported."
    )
    assert parse_article(text).agencies == ()


def test_titlecase_city_dateline_and_kcna_end_mark() -> None:
    text = (
        "Paper condemns sanctions on the DPRK\n\nShare Button\n\n"
        "Pyongyang, March 7 (KCNA) -- The paper said the move was heinous.\n\n"
        "It warned of counteraction. -0-\n"
    )
    article = parse_article(text)
    assert article.dateline is not None
    assert article.dateline.span.text == "Pyongyang, March 7 (KCNA) --"
    assert article.dateline.city == "Pyongyang"
    assert article.agency == "KCNA"
    assert [p.span.text for p in article.paragraphs] == [
        "The paper said the move was heinous.",
        "It warned of counteraction.",
    ]
    assert [b.span.text for b in article.boilerplate] == ["Share Button", "-0-"]


def test_wire_outlet_line_and_related_list() -> None:
    text = (
        "North Korea condemns sanctions, says blockade would be act of war\n\n"
        "Thomson Reuters\n\nBy Yuna Park\n\n"
        "SEOUL (Reuters) - North Korea on Sunday condemned the sanctions.\n\n"
        "A blockade would be an act of war, the agency said.\n\n"
        "(Reporting by Josh Smith; Editing by Robert Birsel)\n\n"
        "See Also:\nTrump says talks will go ahead\nSeoul weighs new aid package\n"
    )
    article = parse_article(text)
    assert article.byline is not None
    assert article.byline.names == ("Yuna Park",)
    assert article.dateline is not None
    assert article.dateline.span.text == "SEOUL (Reuters) -"
    assert article.agency == "Reuters"
    assert len(article.paragraphs) == 2
    assert [(b.span.text, b.kind) for b in article.boilerplate] == [
        ("Thomson Reuters", BoilerplateKind.CREDIT),
        ("(Reporting by Josh Smith; Editing by Robert Birsel)", BoilerplateKind.CREDIT),
        ("See Also:", BoilerplateKind.RELATED),
        ("Trump says talks will go ahead", BoilerplateKind.RELATED),
        ("Seoul weighs new aid package", BoilerplateKind.RELATED),
    ]


def test_credited_photo_caption_under_the_headline() -> None:
    text = (
        "Envoy returns from talks with US\n\n"
        "The envoy leaves for Jakarta at Incheon airport on Wednesday. (Yonhap)\n"
        "The envoy returned home on Friday after the talks.\n\nHe said more."
    )
    article = parse_article(text)
    assert [c.text for c in article.captions] == [
        "The envoy leaves for Jakarta at Incheon airport on Wednesday. (Yonhap)"
    ]
    assert article.paragraphs[0].span.text == "The envoy returned home on Friday after the talks."


def test_dated_dateline_gives_the_publication_date() -> None:
    text = (
        "Talks expected in Sweden\n\nSTOCKHOLM (Sputnik - 03rd October, 2019) Talks begin.\n\nMore."
    )
    article = parse_article(text)
    assert article.published is not None
    assert article.published.date.isoformat() == "2019-10-03"
    assert article.dateline is not None
    assert article.published.span == article.dateline.span


@pytest.mark.parametrize(
    "line",
    [
        "Also read: US, South Korea launch joint drill on Korean Peninsula",
        "See Also: Seoul weighs new aid package",
        "(More North Korea stories.)",
        "Most Popular",
    ],
)
def test_related_story_lines(line: str) -> None:
    text = f"Allies meet in Seoul\n\nThe allies met on Monday.\n\n{line}\n\nThey agreed on a plan."
    article = parse_article(text)
    assert [(b.span.text, b.kind) for b in article.boilerplate] == [(line, BoilerplateKind.RELATED)]
    assert [p.span.text for p in article.paragraphs] == [
        "The allies met on Monday.",
        "They agreed on a plan.",
    ]


def test_section_label_above_the_headline_is_not_the_title() -> None:
    text = (
        "Off the wire\n\nYou are here:\n\nTop leader highlights nuke, missile programs\n\n"
        "PYONGYANG, Dec. 22 (Xinhua) -- The leader said the programs succeeded.\n\n"
        "He spoke at a party meeting."
    )
    article = parse_article(text)
    assert article.title is not None
    assert article.title.text == "Top leader highlights nuke, missile programs"
    assert [b.span.text for b in article.boilerplate] == ["Off the wire", "You are here:"]
    assert article.agency == "Xinhua"
