"""The structure stage's shortcuts against the slow, obvious tests they stand in for: each
shortcut may only skip work whose answer it already knows."""

from __future__ import annotations

import attrs
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes._model import Boilerplate, Paragraph, Span, slot_setters
from nkquotes._model import BoilerplateKind as K
from nkquotes._structure import _INFORMS, _PLAIN_ENDINGS, _slots, classify_lines
from nkquotes._structure_lexicon import (
    _ENGLISH,
    _LINE_PATTERNS,
    _LINE_RE,
    _MARKED_BRANCHES,
    _UNMARKED_LINE_RE,
    CAPTION,
    CREDITED_CAPTION,
    _marked,
    canonical_agency,
    classify_line,
    fold,
    is_caption,
    is_non_english,
    may_be_furniture,
    trailing_agency,
    trailing_boilerplate,
)
from nkquotes._structure_lines import (
    ASCII_SPACE_BYTES,
    Line,
    _count_gap,
    join_words,
    split_lines,
    split_lines_and_text,
    word_count,
    words,
)
from nkquotes._structure_meta import (
    _BARE,
    _BY,
    _BY_INITIALS,
    _DIGIT,
    _SIGN_OFF,
    has_digit,
    match_date_line,
)
from nkquotes._structure_records import paragraph_of
from nkquotes._structure_repeats import (
    _mark_teasers_squeezing_lines,
    mark_teasers,
    squeeze,
)
from nkquotes._structure_roles import (
    _GLUED,
    _GLUED_ASCII,
    _LOWER,
    _OUTLET_SUFFIX,
    _POSSESSIVE,
    _TWO_CAPS,
    _URL,
    TERMINAL,
    _bulleted,
    _glued_menu,
    _non_latin,
    _uncased_marks,
    classify,
    doubled,
)
from nkquotes._structure_slots import LineClass, Role
from tests.strategies import any_text, newsy_text

# Pieces of furniture, captions and prose, and the marks and spaces that glue them; lines are
# drawn from these so that near misses of every branch come up.
_PIECES = [
    "Follow him on Twitter", "follow her on", "send us tips", "Send tips", "free trial",
    "30 days free", "mobile app", "Mobile App", "comments", "3 comments", "٣ comments",
    "٥ min read", "5 min read", "World", "Asia", "News", "Home", "Korea's", "U.S.", "it's",
    "Top", "Share", "Photo", "photo:", "photos", "(AP Photo)", "via Reuters", "/ AFP",
    "Getty Images", "credit: Yonhap", "file", "images", "(L)", "(left)", "(centre)",
    "(2nd R)", "speaks", "poses", "talks", "waves", "In this photo", "handout", "EPA-EFE",
    "the minister said", "officials", "minister", "administration", "free", "free speech",
    "followed", "commented", "sends", "Reuters", "Yonhap", "KCNA", "shutterstock", "credit",
    "\u212aCNA", "ſend", "İn", "ﬁle",
]  # fmt: skip
_GLUE = [
    " ", "  ", " - ", " – ", " | ", " -", "- ", "-", "–", "|", ", ", ". ", ".", ":", " : ",
    "'", "’", "\u00a0", "\t", " • ", "•", "*", " > ", "»", "(", ")", "/", "!", "?", "\u200b",
    "\x1c", "\x1f", "",
]  # fmt: skip
_LINES = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from(_GLUE), st.characters()), max_size=14
).map("".join)


@settings(deadline=None, max_examples=1500)
@given(_LINES)
@example("World - Asia - Korea")
@example("٣ comments")
@example("Follow him on Twitter @someone")
@example("Get 30 days free")
def test_furniture_precheck_never_hides_a_match(line: str) -> None:
    if _LINE_RE.fullmatch(line) is not None:
        assert may_be_furniture(line)


@settings(deadline=None, max_examples=1500)
@given(_LINES)
@example("Kim arrives in Seoul. via Reuters")
@example("Kim Jong Un (L) speaks with Moon Jae-in.")
@example("A man walks past. Photo: Yonhap")
@example("The summit, seen from above. KCNA/via REUTERS")
def test_caption_precheck_agrees_with_the_pattern(line: str) -> None:
    assert is_caption(line) == (CAPTION.search(line) is not None)


_ASCII_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["YouTube", "iPhone", "NewsWorld", "abcD", "ab", "Z", " ", "  "]),
        st.characters(max_codepoint=127),
    ),
    max_size=30,
).map("".join)


@settings(deadline=None, max_examples=1000)
@given(_ASCII_WORDS)
@example("FinancialGovernment SolutionsLegal")
def test_ascii_glued_pattern_finds_what_the_unicode_one_finds(text: str) -> None:
    # The ASCII pattern matches the capital alone: as many matches, at the same ends.
    assert [m.end() for m in _GLUED_ASCII.finditer(text)] == [
        m.end() for m in _GLUED.finditer(text)
    ]


_BLANKISH = st.sampled_from(
    [*" \t\u00a0\u200b\ufeff\x1c\x1d\x1e\x1f\u3000\n\r\x0b\x0c\x85\u2028\u2029", "\r\n"]
)


@settings(deadline=None, max_examples=1000)
@given(st.lists(st.one_of(_BLANKISH, st.just("a"), st.just("b c")), max_size=40).map("".join))
def test_gaps_are_what_counting_breaks_says(text: str) -> None:
    lines = split_lines(text)
    previous = 0
    for index, line in enumerate(lines):
        between = text[previous : line.start]
        assert line.gap_before == (index == 0 or _count_gap(between))
        previous = line.end


@settings(deadline=None, max_examples=1000)
@given(st.lists(st.one_of(_BLANKISH, st.just("a"), st.just("b c")), max_size=40).map("".join))
def test_gaps_between_lines_squeeze_to_their_separator_controls(text: str) -> None:
    # ``mark_teasers`` skips squeezing the gaps of a text without U+001C-U+001F.
    previous = 0
    for line in [*split_lines(text), None]:
        gap = text[previous : line.start if line is not None else len(text)]
        assert squeeze(gap) == regex.sub(r"[^\x1c-\x1f]", "", gap)
        if line is not None:
            previous = line.end


def _reference_glued_menu(seg: str, tokens: list[str]) -> bool:
    """``_glued_menu`` without its shortcuts: count the glued words with the Unicode pattern."""
    if len(tokens) > 60:
        return False
    needed = max(3, -(-len(tokens) // 4))
    if len(_GLUED.findall(seg)) < needed:
        return False
    glued = sum(1 for t in tokens if _GLUED.search(t))
    return glued >= 3 and glued * 4 >= len(tokens)


def _reference_non_latin(seg: str) -> bool:
    """``_non_latin`` by counting letters one by one (``str.isalpha`` outside ASCII)."""
    ascii_letters = sum(1 for c in seg if c.isascii() and c.isalpha())
    others = [c for c in seg if not c.isascii() and c.isalpha()]
    if not ascii_letters and not others:
        return True
    latin = ascii_letters + sum(
        1 for c in others if "\u0080" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff"
    )
    return latin * 2 < ascii_letters + len(others)


_MIXED = st.lists(
    st.one_of(
        st.sampled_from(["YouTube", "ÉcoleÉté", "abcÉ", "éèàÀ", "NewsWorld", "“", "”", "—"]),
        st.sampled_from(["지나쌤", "Привет", "ΑΒΓδεζ", "שלום", " ", "  ", "\u00a0"]),
        st.characters(),
    ),
    max_size=30,
).map("".join)


@settings(deadline=None, max_examples=1500)
@given(_MIXED)
@example("FinancialGovernment SolutionsLegal “Quotes”")
@example("abcÉ defÀ ghiÈ")
def test_glued_menu_equals_the_plain_count(seg: str) -> None:
    tokens = words(seg)
    assert _glued_menu(seg, len(tokens)) == _reference_glued_menu(seg, tokens)


@settings(deadline=None, max_examples=1500)
@given(_MIXED)
@example("지나쌤 a")
@example("Привет мир, hello")
def test_non_latin_equals_counting_letters(seg: str) -> None:
    assert _non_latin(seg) == _reference_non_latin(seg)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(_LINES, any_text))
@example("Share this – World\u00a0")
def test_prefolded_lexicon_tests_equal_folding_inside(line: str) -> None:
    # ``classify`` folds a line once for both tests.
    folded = fold(line)
    assert may_be_furniture(line, folded) == may_be_furniture(line)
    assert is_caption(line, folded) == is_caption(line)


@settings(deadline=None, max_examples=1000)
@given(st.one_of(_MIXED, any_text, st.text()))
@example("“abc” — ‘d’ – e… f\u00a0")
def test_uncased_marks_are_uncased(seg: str) -> None:
    marks = _uncased_marks(seg)
    non_ascii = [c for c in seg if not c.isascii()]
    assert marks <= len(non_ascii)
    if marks == len(non_ascii):  # then the glued-menu test may use the ASCII pattern
        assert regex.search(r"[\p{Ll}\p{Lu}]", "".join(non_ascii)) is None


def test_space_tables_are_str_isspace() -> None:
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert bytes(ord(c) for c in spaces if c.isascii()) == ASCII_SPACE_BYTES


@settings(deadline=None, max_examples=1500)
@given(st.one_of(any_text, newsy_text, st.text(), _MIXED))
@example("a\u00a0b c\ud800 d")
@example("a “b” c\ud800 d\n")
def test_join_words_removes_what_split_does(segment: str) -> None:
    assert join_words(segment) == "".join(segment.split())


_TEASER_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Officials met in Seoul to discuss the talks on the missile plan and the envoy",
                "said the talks would resume next week after a long pause over the summit",
                " and",
                ".",
                " .",
                "\n",
                "\n\n",
                " ",
                "\u00a0",
                "\t",
                "\u200b",
                "\x1c",
                "\x1f",
            ]
        ),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@settings(deadline=None, max_examples=800)
@given(st.one_of(_TEASER_LINES, newsy_text), st.integers(1, 20))
@example(
    "Officials met in Seoul to discuss the talks on the missile plan and the envoy said"
    " the talks would resume next week\n\nBody. Officials met in Seoul to discuss the"
    " talks on the missile plan and the envoy said the talks would resume next week.",
    15,
)
def test_teasers_in_one_pass_equal_squeezing_each_line(text: str, header: int) -> None:
    fast, slow = _slots(text), _slots(text)
    for slots in (fast, slow):
        for index, seg in enumerate(slots.segs):
            found = classify(seg, slots.counts[index])
            slots.roles[index], slots.kinds[index], slots.classified[index], _ = found
    mark_teasers(text, fast, header)
    _mark_teasers_squeezing_lines(text, slow, header)
    assert (fast.roles, fast.kinds) == (slow.roles, slow.kinds)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(any_text, st.text(), newsy_text, _LINES))
@example("٣ comments")
@example("see www.x.org or a@b")
@example("Kim left. (Yonhap)")
@example(", Yonhap informs.")
def test_pattern_prechecks_never_hide_a_match(text: str) -> None:
    # Each precheck below stands before a pattern call and skips it only when the marks or
    # words the pattern needs are absent.
    assert has_digit(text) == (_DIGIT.search(text) is not None)
    if _URL.search(text):
        assert "/" in text or "." in text or "@" in text
    if CREDITED_CAPTION.search(text):
        assert "(" in text
    if _INFORMS.search(text):
        assert "informs" in text or "writes" in text


_BYLINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["By", "by", "BY", "Written by", "Posted by", "Author:", "Reporter:", "Reported by"]
        ),
        st.sampled_from(["Jane Doe", "Kim Jong Un", "Ánh Lê", ", ", " and ", " ", "\u00a0"]),
        st.sampled_from(["Yonhap News", "Reuters", ", Reporter", ", The Korea Times"]),
        st.characters(),
    ),
    max_size=8,
).map("".join)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(_BYLINES, any_text))
@example("By Jane Doe")
@example("Jane Doe, Yonhap News")
@example("Ánh Lê")
def test_byline_prechecks_never_hide_a_match(line: str) -> None:
    first = line[:1]
    capital = "A" <= first <= "Z" or not first.isascii()
    if _BY.match(line):
        assert first in _BY_INITIALS
    if _SIGN_OFF.fullmatch(line):
        assert capital
        assert "," in line
    if _BARE.fullmatch(line):
        assert capital


@settings(deadline=None, max_examples=1500)
@given(st.one_of(any_text, newsy_text, _LINES), st.sampled_from(_PLAIN_ENDINGS), st.data())
@example("He left (Yonhap).", ".", None)
def test_paragraphs_ending_a_sentence_hold_no_trailing_credit(
    text: str, mark: str, data: st.DataObject | None
) -> None:
    # ``_Builder._trailing`` returns at once when a paragraph ends with one of these marks.
    text += mark
    end = len(text)
    if text[end - 2 : end] == ").":
        return
    start = data.draw(st.integers(0, end - 1)) if data is not None else 0
    window = max(start, end - 400)
    assert trailing_boilerplate(text, window, end) is None
    assert trailing_agency(text, window, end) is None


def _reference_classify(seg: str) -> tuple[Role, K]:
    """``classify``'s chain with no guard written out before a call."""
    tokens = words(seg)
    kind = classify_line(seg)
    if kind is not None:
        return Role.BOILER, kind
    if match_date_line(seg) is not None:
        return Role.BOILER, K.OTHER
    if len(tokens) <= 3 and canonical_agency(seg.strip("()[]-–—. ")) is not None:
        return Role.BOILER, K.CREDIT
    if len(tokens) == 1:
        return Role.BOILER, K.OTHER
    if seg[0] in "•·▪►" and len(tokens) <= 5 and seg[-1] not in TERMINAL:
        return Role.BOILER, K.NAVIGATION
    if doubled(seg) is not None:
        return Role.CAPTION, K.OTHER
    if len(tokens) <= 12 and _TWO_CAPS.search(seg) and not _LOWER.search(seg):
        return Role.BOILER, K.NAVIGATION
    if _reference_glued_menu(seg, tokens) or _bulleted(seg):
        return Role.BOILER, K.NAVIGATION
    if len(tokens) <= 80 and is_caption(seg):
        return Role.CAPTION, K.OTHER
    if _non_latin(seg):
        return Role.BOILER, K.OTHER
    if (
        2 <= len(tokens) <= 3
        and _POSSESSIVE.sub("", tokens[-1].lower()) in _OUTLET_SUFFIX
        and all(t[:1].isupper() for t in tokens)
        and not seg.endswith(".")
    ):
        return Role.BOILER, K.NAVIGATION
    return Role.BODY, K.OTHER


_DOUBLED = st.builds(
    lambda a, gap: a + gap + a,
    st.one_of(_LINES, st.text(min_size=10, max_size=60)),
    st.sampled_from(["", " ", "  ", "\u00a0", "\t"]),
)


@settings(deadline=None, max_examples=2000)
@given(st.one_of(_LINES, _MIXED, any_text, _DOUBLED, _BYLINES))
@example("Kim Jong Un meets Trump Kim Jong Un meets Trump")
@example("• Home")
@example("12:30 p.m.")
@example("지나쌤 지나쌤 지나쌤 a")
def test_classify_equals_the_unguarded_chain(text: str) -> None:
    seg = text.strip()
    if not seg or split_lines(seg) != [Line(0, len(seg), True)]:
        return  # classify sees trimmed lines only
    role, kind, classified, _ = classify(seg, len(words(seg)))
    assert (role, kind) == _reference_classify(seg)
    assert classified == (role is not Role.BODY)


def test_paragraph_of_is_the_attrs_constructor() -> None:
    text = "He left. Then he came back."
    span = Span.of(text, 0, len(text))
    sentences = (Span.of(text, 0, 8), Span.of(text, 9, len(text)))
    fast, built = paragraph_of(span, sentences), Paragraph(span=span, sentences=sentences)
    assert type(fast) is Paragraph
    assert fast == built
    assert attrs.astuple(fast, recurse=False) == attrs.astuple(built, recurse=False)
    # Every field is set: a field added to Paragraph must be added to paragraph_of too.
    assert [f.name for f in attrs.fields(Paragraph)] == ["span", "sentences"]


def _reference_is_non_english(line: str) -> bool:
    tokens = regex.findall(r"[\p{L}']+", line.lower())
    if not tokens:
        return True
    if sum(1 for t in tokens if t[0] in "abcdefghijklmnopqrstuvwxyz'") == 0:
        return True
    return len(tokens) >= 4 and not any(t in _ENGLISH for t in tokens)


_FOREIGN = st.lists(
    st.one_of(
        st.sampled_from([" the ", " of ", " to ", " and ", "the", " ", "Привет", "mundo", "'s"]),
        st.sampled_from(["지나쌤", "hola", "el", "THE", " The ", "\u00a0the\u00a0", "-the-"]),
        st.characters(),
    ),
    max_size=20,
).map("".join)


@settings(deadline=None, max_examples=1500)
@given(st.one_of(_FOREIGN, any_text, newsy_text))
@example("hola the mundo y")
@example("el gato y the perro")
def test_is_non_english_equals_counting_tokens(line: str) -> None:
    assert is_non_english(line) == _reference_is_non_english(line)


def test_boilerplate_records_may_be_filled_by_their_slots() -> None:
    # ``collect`` fills a Boilerplate's two slots: right only while ``__init__`` does no more.
    assert slot_setters(Boilerplate, ("span", "kind")) is not None
    assert [f.name for f in attrs.fields(Boilerplate)] == ["span", "kind"]


def _reference_slots(text: str) -> list[tuple[Line, str, int, LineClass]]:
    """A record per line, each line split and classified on its own."""
    records = []
    for line in split_lines(text):
        seg = text[line.start : line.end]
        records.append((line, seg, len(words(seg)), classify(seg, len(words(seg)))))
    return records


@settings(deadline=None, max_examples=300)
@given(st.one_of(any_text, st.text(), newsy_text, _LINES.map(lambda s: s + "\n" + s + "\n")))
@example("By Kim\nBy Kim\n\nBy Kim\u200b\n")
def test_columns_equal_a_record_per_line(text: str) -> None:
    # The line columns (split once, words and classes shared by repeated lines, looked up in
    # C) hold what splitting and classifying each line on its own gives.
    starts, ends, segs = split_lines_and_text(text)
    lines = split_lines(text)
    assert (starts, ends) == ([line.start for line in lines], [line.end for line in lines])
    assert segs == [text[line.start : line.end] for line in lines]
    slots = _slots(text)
    slots.set_classes(classify_lines(slots.segs, slots.counts_of))
    gaps = [slots.gap_before(index) for index in range(len(slots))]
    lines_again = list(map(Line, slots.starts, slots.ends, gaps))
    columns = list(zip(lines_again, slots.segs, slots.counts, strict=True))
    classes = list(zip(slots.roles, slots.kinds, slots.classified, slots.dates, strict=True))
    expected = _reference_slots(text)
    assert [(*c, k) for c, k in zip(columns, classes, strict=True)] == expected


def test_marked_branches_are_branches_of_the_line_pattern() -> None:
    # Each is cut out of ``_LINE_RE`` once: a branch edited in one place only would be kept.
    for branch in _MARKED_BRANCHES:
        assert sum(body.count(branch) for _, body in _LINE_PATTERNS) == 1
    assert len(_UNMARKED_LINE_RE.pattern) == len(_LINE_RE.pattern) - sum(
        len(b) for b in _MARKED_BRANCHES
    )


@settings(deadline=None, max_examples=1500)
@given(st.one_of(_LINES, any_text, newsy_text))
@example("World - Asia - Korea")
@example("Home > World")
@example("Follow him on Twitter for more")
@example("Get 30 days free for the new app")
@example("Video shows that he left the room in a hurry, and the police say so.")
def test_unmarked_pattern_answers_as_the_whole_pattern(line: str) -> None:
    whole = _LINE_RE.fullmatch(line)
    if not _marked(line):
        fast = _UNMARKED_LINE_RE.fullmatch(line)
        assert (fast is None) == (whole is None)
        if fast is not None and whole is not None:
            assert (fast.lastgroup, fast.span()) == (whole.lastgroup, whole.span())
    assert classify_line(line) == (
        None if len(line) > 600 or whole is None or whole.lastgroup is None else K[whole.lastgroup]
    )


_DASHED = st.lists(
    st.sampled_from(
        ["World", "Asia", "N.K.", "Kim’s", " ", "  ", " - ", " | ", " – ", "-", "•", "\u00a0",
         "\x1c", "\u200b", "x"]
    ),
    max_size=24,
).map("".join)  # fmt: skip


@settings(deadline=None, max_examples=1000)
@given(_DASHED)
@example("World - Asia - Korea")
@example("• - World | Asia – Korea")
@example("North Korea World News - Asia - Japan")  # four words before the first separator
@example("WASHINGTON - A contentious visa program that allows wealthy foreigners to stay")
def test_dash_menu_precheck_never_hides_a_match(line: str) -> None:
    if _LINE_RE.fullmatch(line) is not None and _UNMARKED_LINE_RE.fullmatch(line) is None:
        assert _marked(line)


@settings(deadline=None, max_examples=1000)
@given(st.one_of(st.text(), any_text, newsy_text, _MIXED))
@example("a b")
@example(" a")
@example("a  b")
@example("a\u00a0b")
@example("a\u200bb")
@example("a\x1cb")
@example("")
def test_word_count_is_counting_the_words(segment: str) -> None:
    assert word_count(segment) == len(words(segment))
