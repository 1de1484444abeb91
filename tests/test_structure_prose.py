"""``is_prose``, the early test that lets ordinary prose lines skip the line classifier:
every line it accepts must be one ``classify`` calls plain body, whatever the line holds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._structure import _slots
from nkquotes._structure_lexicon import _LINE_STARTS
from nkquotes._structure_lines import word_count
from nkquotes._structure_prose import _MARKS, _OPENERS, _QUOTES, classify_lines, is_prose
from nkquotes._structure_roles import PLAIN, classify
from tests.strategies import any_text


def _ws(words: str) -> list[str]:
    return words.split()


# Words of prose, and what each rule of the classifier looks for: furniture openings and
# phrases, caption words and credits, date-stamp words, agencies, glued menus, capitals.
_WORDS = st.sampled_from(
    [
        *_ws("the officials said that talks would resume on in at of and a"),
        *_ws("North Korea Kim Jong Un Moon Trump Seoul Pyongyang Beijing Bernie Tokyo"),
        *_ws("To top Top This this We Be Back All More Most Read Share Subscribe Sign"),
        *_ws("Related Copyright copyright Watch Like News Home Search Editor’s GOP Our"),
        "Read more:",
        "All rights reserved",
        "sign up",
        "send us tips",
        "follow him on Twitter",
        "Follow her on facebook",
        "mobile app",
        "free trial",
        "30 days free",
        "freedom",
        *_ws("Photo photo: PHOTO image imagine picture Pictured handout Getty Images"),
        *_ws("EPA-EFE epa-efe Shutterstock credit Credit: via Via / KCNA/via REUTERS"),
        "(AP Photo/Ahn Young-joon)",
        "(L)",
        "(R)",
        "(left)",
        "speaks",
        "shakes",
        "In this file photo",
        "photos released by",
        *_ws("Sept. Sept Monday Published Updated updated 12:30 2019 3 p.m. KST am"),
        *_ws("Dec 3rd 21:01 ago hours minutes by the of Yonhap Reuters AP AFP"),
        *_ws("FinancialGovernment SolutionsLegal NewsWorld PlayStation iPhone McCain"),
        *_ws("NORTH KOREA US U.S. UN ABC"),
        *_ws("don’t “We ‘It’s” — – … Kim’s"),
        "\xa0",
        "›",
        "»",
        ">",
        "@",
        "|",
        "•",
        "·",
        "é",
        "É",
        "ſ",
        "K",
        "İ",
        "ˆ",
        "지나",
        "٣",
        "\u200b",
        "#tag",
        "--",
        "-",
    ]
)
_SEPARATORS = st.sampled_from(
    [" ", " ", " ", ", ", " - ", " – ", " — ", "\xa0", " | ", " • ", "’s ", "; ", "-", ""]
)
_OPENINGS = st.sampled_from(["", "", "", '"', "“", "‘", "'", "”", "(", "- ", "• ", "1 ", "a"])
_CLOSINGS = st.sampled_from(
    ["", ".", ".", ".", "!", "?", '."', ".”", ":", ";", ")", "…", " -", " >", ".’", ","]
)


# Lines of one kind each, so that the rare shapes come up: furniture that opens with one
# of the lexicon's words, date stamps, glued menus, captions.
_THEMES = st.sampled_from(
    [
        [
            "Read more:",
            "Related:",
            "Subscribe to",
            "Sign up for",
            "Copyright",
            "This article originally appeared",
            "Reporting by",
            "Have a news tip",
            "Also read:",
            "More from",
            "Get the latest news",
            "To continue reading",
            "We use cookies",
            "By continuing to use",
            "Become a member",
            "Support our journalism",
            "Leave a comment",
            "Watch above",
            "Filed under:",
            "Share on Twitter",
            *_ws("the officials said our news site story and"),
        ],
        [*_ws("Published Updated on Monday Sept. Sept 3 3rd 2019 12:30 p.m. am KST")],
        [*_ws("Posted at by the of Dec December Yonhap AP 21:01 ago hours 10 mins")],
        [*_ws("FinancialGovernment SolutionsLegal NewsWorld PlayStation SportsLife and")],
        [*_ws("Kim (AP Photo/Ahn) speaks (L) shakes hands Getty Images via REUTERS")],
        [*_ws("KCNA/via credit: Yonhap photo released by In this file photo the")],
        [*_ws("World - Asia | Korea › News » Home > Politics • Business")],
        [*_ws("NORTH KOREA US U.S. SEOUL TALKS the")],
        ["send us tips", "follow him on Twitter", "mobile app", "free trial", "30 days free"],
    ]
)


@st.composite
def _lines(draw: st.DrawFn) -> str:
    theme = st.sampled_from(draw(_THEMES))
    if draw(st.booleans()):  # a line of one kind alone, its words apart
        words = draw(st.lists(theme, min_size=1, max_size=12))
        return " ".join(words) + draw(st.sampled_from(["", ".", ":"]))
    words = draw(st.lists(st.one_of(_WORDS, theme), min_size=1, max_size=30))
    line = draw(_OPENINGS)
    for word in words:
        line += word + draw(_SEPARATORS)
    return line + draw(_CLOSINGS)


@st.composite
def _doubled(draw: st.DrawFn) -> str:
    # A line printed twice (``doubled``), with the gaps it allows.
    line = draw(_lines())
    return line + draw(st.sampled_from(["", " ", "  "])) + line


_TEXTS = st.one_of(
    st.lists(st.one_of(_lines(), _doubled()), min_size=1, max_size=8).map("\n".join),
    any_text,
)


def _check(text: str) -> None:
    slots = _slots(text)
    for seg, count in slots.counts_of.items():
        assert count == word_count(seg)
        if is_prose(seg, count):
            assert classify(seg, count) == PLAIN, seg
    assert classify_lines(slots.segs, slots.counts_of) == [
        classify(seg, slots.counts_of[seg]) for seg in slots.segs
    ]


@settings(deadline=None, max_examples=1000)
@given(_TEXTS)
@example("The talks - in Seoul - resumed on Monday")
@example("Tokyo officials said the talks would resume, he said.")
@example("Sept, the officials said 3 talks would resume.")
@example("“Kim said the talks would resume on Monday in Seoul,” he said.")
@example("Yonhap 10 mins ago")
@example("Officials said you can send us tips by email.")
@example("Officials met as seen in this handout.")
@example("Kim and Moon meet in Seoul on Monday. EPA-EFE")
@example("Kim and Moon meet in Seoul on Monday. Shutterstock")
@example("The officials met in Seoul. Image: Yonhap")
@example("The officials met in Seoul. Picture by Kim Jong")
@example("Above: the officials met in Seoul.")
@example("Kim and Moon meet in Seoul on Monday. KCNA/via REUTERS")
@example("'Sept 3, 2019 12:30 KST")
@example("The officials said Getty will not comment.")
@example("Kim (left) speaks with Moon in Seoul on Monday.")
def test_a_line_proved_prose_is_plain(text: str) -> None:
    _check(text)


@settings(deadline=None, max_examples=200)
@given(st.lists(_lines(), min_size=1, max_size=3).map(" ".join))
def test_a_long_line_proved_prose_is_plain(line: str) -> None:
    # Lines past the furniture (600 characters) and caption (80 words) limits.
    _check(line * 30)
    _check(line + " and" * 70 + ".")


def test_ordinary_prose_is_proved() -> None:
    # The test must pay for itself: news prose, with its usual marks, is recognised.
    for line in (
        "The officials said on Monday that the talks would resume in Seoul next week.",
        "“We will not yield,” Kim told reporters in Pyongyang, according to state media.",
        "President Moon Jae-in’s office said the two leaders spoke for 30 minutes — a first.",
        '"It\'s a good deal," he said.\xa0"We will see what happens…"',
        "officials said the talks, which began in 2018, would resume after the holiday.",
    ):
        assert is_prose(line, word_count(line)), line


def test_the_stand_ins_are_what_the_tests_assume() -> None:
    # Each mark of ``_MARKS`` is no letter, digit or space a pattern could read as one; its
    # stand-in is ASCII. No furniture opening starts with a quotation mark, so a line that
    # opens with one has no opening word to test; every mark ``match_date_line`` keeps on a
    # token opens the view of some ``_OPENERS`` mark.
    for mark, stand_in in _MARKS:
        assert not mark.isascii()
        assert stand_in.isascii()
        assert len(stand_in) == 1
        assert not mark.isalnum()
        assert mark.lower() == mark.upper()
    assert not set(_LINE_STARTS) & (_OPENERS | _QUOTES)
    stand_ins = dict(_MARKS)
    assert {stand_ins.get(mark, mark) for mark in _OPENERS} & _QUOTES == {'"'}
