"""Properties of parse_article: generated articles come back part by part, at the right
offsets, and arbitrary text always yields valid, ordered, non-overlapping spans."""

from __future__ import annotations

import itertools

import attrs
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nkquotes import Article, Span, parse_article
from nkquotes._sentences import trim
from nkquotes._structure_lines import BLANKS, split_lines
from tests.strategies import any_text, newsy_text

_NOUNS = ["sanctions", "talks", "missile", "envoy", "summit", "allies", "regime", "plan"]
_VERBS = ["urged", "rejected", "discussed", "praised", "criticised", "welcomed"]
_CITIES = ["SEOUL", "WASHINGTON", "BEIJING", "UNITED NATIONS", "TOKYO", "PYONGYANG"]
_AGENCIES = ["Yonhap", "Reuters", "AFP", "AP", "Xinhua"]
_FIRST = ["Yuna", "Mike", "Kang", "Hyo-sun", "Jane"]
_LAST = ["Park", "Pompeo", "Lee", "Smith", "Kim"]
_BOILER = [
    "Be the first to comment",
    "Leave a Reply",
    "Your email address will not be published.",
    "Related Stories",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Back To Top",
    "Share this article",
    "Subscribe to our newsletter",
]


@attrs.frozen
class Part:
    role: str  # title, dateline, byline, caption, body, boiler
    text: str
    agency: str | None = None


@st.composite
def sentences(draw: st.DrawFn) -> str:
    subject = draw(st.sampled_from(["Officials", "The minister", "Seoul", "The envoy", "Kim"]))
    verb = draw(st.sampled_from(_VERBS))
    noun = draw(st.sampled_from(_NOUNS))
    other = draw(st.sampled_from(_NOUNS))
    tail = draw(st.sampled_from([".", " on Monday.", " in the capital.", ', "again," he said.']))
    return f"{subject} {verb} the {noun} over the {other}{tail}"


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[tuple[Part, int]], str]:
    parts: list[Part] = []
    words = draw(st.lists(st.sampled_from(_NOUNS + _VERBS), min_size=2, max_size=7))
    parts.append(
        Part("title", draw(st.sampled_from(["North", "Seoul", "Allies"])) + " " + " ".join(words))
    )
    if draw(st.booleans()):
        first, last = draw(st.sampled_from(_FIRST)), draw(st.sampled_from(_LAST))
        parts.append(Part("byline", f"By {first} {last}"))
    people = st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST), st.sampled_from(_NOUNS))
    for first, last, noun in draw(st.lists(people, max_size=2, unique=True)):
        caption = f"{first} {last} speaks on the {noun} in Seoul."
        if draw(st.booleans()):
            parts.append(Part("caption", caption))
            parts.append(Part("copy", caption))
        else:
            parts.append(Part("caption", caption[:-1] + " (AP Photo)"))
    dateline = None
    agency = None
    style = draw(st.integers(0, 4))
    city = draw(st.sampled_from(_CITIES))
    wire = draw(st.sampled_from(_AGENCIES))
    if style == 1:
        dateline, agency = f"{city} ({wire}) -", wire
    elif style == 2:
        dateline, agency = f"{city}, Dec. {draw(st.integers(1, 28))} ({wire}) --", wire
    elif style == 3:
        dateline = f"{city} —"
    elif style == 4:
        dateline = f"{city} -"
    pool = draw(st.lists(sentences(), min_size=1, max_size=8, unique=True))
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
    chunks = []
    for size in sizes:
        if pool:
            chunks.append(" ".join(pool[:size]))
            pool = pool[size:]
    for index, body in enumerate(chunks):
        if index == 0 and dateline is not None:
            parts.append(Part("dateline", dateline, agency))
        parts.append(Part("body", body))
    for line in draw(st.lists(st.sampled_from(_BOILER), max_size=3, unique=True)):
        parts.append(Part("boiler", line))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = ""
    placed: list[tuple[Part, int]] = []
    for part in parts:
        if text:
            if part.role == "body" and placed[-1][0].role == "dateline":
                text += " "
            else:
                text += newline * draw(st.integers(1, 2))
        placed.append((part, len(text)))
        text += part.text
    return text, placed, newline


def _span(part: Part, start: int) -> tuple[int, int]:
    return start, start + len(part.text)


@settings(deadline=None, max_examples=150)
@given(articles())
def test_generated_articles_come_back_part_by_part(
    case: tuple[str, list[tuple[Part, int]], str],
) -> None:
    text, placed, _ = case
    article = parse_article(text)
    by_role: dict[str, list[tuple[int, int]]] = {}
    for part, start in placed:
        by_role.setdefault(part.role, []).append(_span(part, start))
    assert article.title is not None
    assert (article.title.start, article.title.end) == by_role["title"][0]
    if "byline" in by_role:
        assert article.byline is not None
        assert (article.byline.span.start, article.byline.span.end) == by_role["byline"][0]
    else:
        assert article.byline is None
    assert [(c.start, c.end) for c in article.captions] == by_role.get("caption", [])
    assert [(b.span.start, b.span.end) for b in article.boilerplate] == by_role.get("boiler", [])
    assert [(p.span.start, p.span.end) for p in article.paragraphs] == by_role["body"]
    dateline = next((p for p, _ in placed if p.role == "dateline"), None)
    if dateline is None:
        assert article.dateline is None
        assert article.agency is None
    else:
        assert article.dateline is not None
        assert (article.dateline.span.start, article.dateline.span.end) == by_role["dateline"][0]
        assert article.dateline.agency == dateline.agency
        assert article.agency == dateline.agency


def _all_spans(article: Article) -> list[Span]:
    spans: list[Span] = []
    if article.title is not None:
        spans.append(article.title)
    if article.dateline is not None:
        spans.append(article.dateline.span)
    if article.byline is not None:
        spans.append(article.byline.span)
    spans.extend(article.captions)
    spans.extend(b.span for b in article.boilerplate)
    spans.extend(p.span for p in article.paragraphs)
    return spans


@settings(deadline=None, max_examples=300)
@given(st.one_of(any_text, newsy_text, st.lists(newsy_text, max_size=8).map("\n".join)))
@example("A .\rEND\r0 A")  # a headline after an end mark stays the headline
@example("SEOUL (Yonhap) --\nBy Kim Lee\n(END)\nPhoto : X\n{mosads}\nHe said. (AFP)")
def test_arbitrary_text_yields_valid_ordered_disjoint_spans(text: str) -> None:
    article = parse_article(text)
    spans = sorted(_all_spans(article))
    for span in spans:
        assert span.is_valid_for(text)
        assert span.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for sequence in (
        [p.span for p in article.paragraphs],
        [b.span for b in article.boilerplate],
        list(article.captions),
        [a.span for a in article.agencies],
    ):
        assert sequence == sorted(sequence)
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            assert paragraph.span.contains(sentence)
        assert all(a.end <= b.start for a, b in itertools.pairwise(paragraph.sentences))
    for agency in article.agencies:
        assert agency.span.is_valid_for(text)


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Trimmed non-blank lines the slow, obvious way: split at breaks, then trim."""
    out = []
    for match in regex.finditer(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+", text):
        start, end = trim(text, match.start(), match.end())
        if end > start:
            out.append((start, end))
    return out


_BLANKISH = st.sampled_from(list(" \t\u00a0\u200b\ufeff\x1f\u3000\u2009\n\r\x0b\x0c\x1c\u2028"))


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(_BLANKISH, st.characters(), st.just("a b")), max_size=60).map("".join))
def test_split_lines_equals_split_then_trim(text: str) -> None:
    assert [(line.start, line.end) for line in split_lines(text)] == _reference_lines(text)


def test_blanks_are_exactly_what_trim_strips() -> None:
    everything = "".join(map(chr, range(0x110000)))
    stripped = {c for c in everything if c.isspace()} | set("\u200b\u200c\u200d\u2060\ufeff")
    pattern = regex.compile(f"[{BLANKS}]")
    assert set(pattern.findall(everything)) == stripped
