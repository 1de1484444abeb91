"""Publication and quote dates: the stage contract, the seeds and the nk gold dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes import (
    Article,
    Cue,
    Dateline,
    DateSource,
    PartialDate,
    PublishedLine,
    Quote,
    QuoteKind,
    Span,
    resolve_dates,
)
from nkquotes._dates import find_quote_time_expression, publication_date

from ._dates_gold import gold_quotes
from .conftest import SEED_NAMES, load_seed

WED = dt.date(2019, 4, 10)


def _quote(text: str, content: str, cue: str, *, sentence: bool = False) -> Quote:
    start = text.index(content)
    segment = Span.of(text, start, start + len(content))
    cue_start = text.index(cue)
    sentence_span = Span.of(text, 0, len(text)) if sentence else None
    return Quote(
        id="q",
        segments=(segment,),
        kind=QuoteKind.INDIRECT,
        cue=Cue(span=Span.of(text, cue_start, cue_start + len(cue)), lemma="say"),
        sentence=sentence_span,
    )


def _date_of(text: str, quote: Quote, **options: object) -> tuple[dt.date, DateSource, str]:
    result = resolve_dates(text, Article(), (quote,), **options)  # type: ignore[arg-type]
    found = result.quotes[0].date
    assert found is not None
    expression = found.expression.text if found.expression else ""
    return found.date, found.source, expression


@pytest.mark.parametrize(
    ("text", "content", "cue", "expected", "expression"),
    [
        ("Pompeo said Wednesday that he would wait.", "he would wait", "said",
         dt.date(2019, 4, 10), "Wednesday"),
        ("Kang told reporters on Thursday that talks would go on.", "talks would go on",
         "told reporters", dt.date(2019, 4, 11), "Thursday"),
        ("Trump said September 26 that time was no issue.", "time was no issue", "said",
         dt.date(2018, 9, 26), "September 26"),
        ("Officials said in a statement released Tuesday that sanctions stay.", "sanctions stay",
         "said", dt.date(2019, 4, 9), "Tuesday"),
        ("Kim on Monday local time said the drill was a threat.", "the drill was a threat",
         "said", dt.date(2019, 4, 8), "Monday"),
        ('"We will not rush," Moon said last week.', "We will not rush,", "said",
         dt.date(2019, 4, 4), "last week"),
        ("The talks would resume, KCNA said on Tuesday.", "The talks would resume", "said",
         dt.date(2019, 4, 9), "Tuesday"),
        ("The statement came one day after officials said the drill was off.",
         "the drill was off", "said", dt.date(2019, 4, 10), "one day after"),
    ],
)  # fmt: skip
def test_time_expression_near_the_cue(
    text: str, content: str, cue: str, expected: dt.date, expression: str
) -> None:
    when, source, found = _date_of(text, _quote(text, content, cue), published=dt.date(2019, 4, 11))
    assert (when, found) == (expected, expression)
    assert source in {DateSource.EXPLICIT, DateSource.RELATIVE}


def test_content_does_not_date_the_quote() -> None:
    text = "Pompeo said that the two sides would meet on Friday, June 7."
    quote = _quote(text, "the two sides would meet on Friday, June 7", "said", sentence=True)
    assert find_quote_time_expression(text, quote) is None
    result = resolve_dates(text, Article(), (quote,), published=WED)
    assert result.quotes[0].date is None


def test_a_relaying_clause_left_in_the_content_still_dates_the_quote() -> None:
    text = "The ministry blamed the drill for tensions, state media KCNA said on Tuesday."
    quote = _quote(text, "the drill for tensions, state media KCNA said on Tuesday", "blamed")
    span = find_quote_time_expression(text, quote)
    assert span is not None
    assert span.text == "Tuesday"
    direct = attrs.evolve(quote, kind=QuoteKind.DIRECT)
    assert find_quote_time_expression(text, direct) is None


def test_a_relative_clause_does_not_date_the_quote() -> None:
    text = "Chung, who met Trump in Washington this week, told reporters that it was delivered."
    quote = _quote(text, "it was delivered", "told reporters", sentence=True)
    assert find_quote_time_expression(text, quote) is None
    text = "Chung, who is in Seoul, told reporters on Friday that it was delivered."
    quote = _quote(text, "it was delivered", "told reporters", sentence=True)
    span = find_quote_time_expression(text, quote)
    assert span is not None
    assert span.text == "Friday"


def test_days_after_only_when_the_saying_follows() -> None:
    text = "It came four days after Yoon used a speech to offer aid. Kim said it was useless."
    quote = _quote(text, "it was useless", "said", sentence=True)
    assert find_quote_time_expression(text, quote) is None


def test_a_later_clause_does_not_date_the_quote() -> None:
    text = "The ministry accused the US of provocation, criticising a drill on Monday."
    quote = _quote(text, "the US of provocation", "accused", sentence=True)
    assert find_quote_time_expression(text, quote) is None


def test_dateline_does_not_date_the_quote() -> None:
    text = "SEOUL, May 21 (Yonhap) -- The council said the waiver was granted."
    quote = _quote(text, "the waiver was granted", "said", sentence=True)
    dateline = Dateline(span=Span.of(text, 0, 25), date=PartialDate(month=5, day=21))
    article = Article(dateline=dateline)
    assert find_quote_time_expression(text, quote, article=article) is None
    result = resolve_dates(text, article, (quote,), published=dt.date(2019, 5, 21))
    assert result.quotes[0].date is None


def test_default_to_published_only_when_asked() -> None:
    text = "The minister said the talks were useful."
    quote = _quote(text, "the talks were useful", "said")
    assert resolve_dates(text, Article(), (quote,), published=WED).quotes[0].date is None
    when, source, expression = _date_of(text, quote, published=WED, default_to_published=True)
    assert (when, source, expression) == (WED, DateSource.DEFAULTED, "")


def test_no_publication_date_leaves_relative_quotes_undated() -> None:
    text = "Pompeo said Wednesday that he would wait."
    quote = _quote(text, "he would wait", "said")
    result = resolve_dates(text, Article(), (quote,), default_to_published=True)
    assert result.published is None
    assert result.quotes[0].date is None


def test_a_post_signature_dates_an_embedded_post() -> None:
    text = "Japan says the test was real https://t.co/x\n— News Desk (@desk) September 3, 2017\n"
    quote = _quote(text, "the test was real", "says")
    when, source, expression = _date_of(text, quote)
    assert (when, source, expression) == (
        dt.date(2017, 9, 3),
        DateSource.EXPLICIT,
        "September 3, 2017",
    )


def test_an_existing_date_is_kept() -> None:
    text = "Pompeo said Wednesday that he would wait."
    quote = _quote(text, "he would wait", "said")
    first = resolve_dates(text, Article(), (quote,), published=WED).quotes[0]
    again = resolve_dates(text, Article(), (first,), published=dt.date(2020, 1, 1)).quotes[0]
    assert again.date == first.date


def _article(text: str, line: dt.date | None, dateline: PartialDate | None) -> Article:
    span = Span.of(text, 0, 5)
    return Article(
        published=PublishedLine(span=span, date=line) if line else None,
        dateline=Dateline(span=span, date=dateline) if dateline else None,
    )


def _where(article: Article, published: dt.date | None = None) -> tuple[object, ...]:
    result = resolve_dates("", article, (), published=published)
    assert result.published == publication_date(article, published=published)
    return result.published, result.published_from, result.dateline


def test_publication_date_precedence() -> None:
    text = "SEOUL, April 10 (Yonhap) -- text"
    partial = PartialDate(month=4, day=10)
    line = dt.date(2019, 4, 11)
    caller = dt.date(2019, 4, 12)
    assert _where(_article(text, line, partial), caller) == (
        caller, "caller", PartialDate(2019, 4, 10),
    )  # fmt: skip
    assert _where(_article(text, line, partial)) == (
        line, "published_line", PartialDate(2019, 4, 10),
    )  # fmt: skip
    full = PartialDate(2018, 4, 10)
    assert _where(_article(text, None, full)) == (dt.date(2018, 4, 10), "dateline", full)
    assert _where(_article(text, None, partial)) == (None, None, partial)
    assert _where(Article()) == (None, None, None)


@settings(deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2050, 1, 1)), st.booleans())
def test_resolve_dates_is_deterministic(published: dt.date, default: bool) -> None:
    text = "Kang told reporters on Thursday that her government might seek exemptions."
    quote = _quote(text, "her government might seek exemptions", "told reporters")
    first = resolve_dates(
        text, Article(), (quote,), published=published, default_to_published=default
    )
    again = resolve_dates(
        text, Article(), (quote,), published=published, default_to_published=default
    )
    assert first == again
    found = first.quotes[0].date
    assert found is not None
    assert 0 <= (published - found.date).days <= 6


# --- the seeds and the nk gold dates --------------------------------------------------------

SEED_DATES = {
    "000_b24f38b1245ee868": {"Wednesday": dt.date(2019, 4, 10)},
    "003_9f3d4b44d38b2e27": {
        "Thursday": dt.date(2018, 10, 4),
        "September 26": dt.date(2018, 9, 26),
    },
}  # fmt: skip


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_gold_dates(name: str) -> None:
    text, gold = load_seed(name)
    published = dt.date.fromisoformat(gold["published"])
    pairs = gold_quotes(text, gold)
    result = resolve_dates(text, Article(), tuple(q for q, _ in pairs), published=published)
    expected = [d for _, d in pairs if d is not None]
    got = [q.date for q, (_, d) in zip(result.quotes, pairs, strict=False) if d is not None]
    assert expected
    assert [g.date if g else None for g in got] == expected
    assert {g.expression.text: g.date for g in got if g and g.expression} == SEED_DATES[name]


def _gold_files(shared: Path) -> list[Path]:
    files = sorted((shared / "data" / "nk" / "gold").glob("*.gold.json"))
    if not files:
        pytest.skip(f"no gold files under {shared}/data/nk/gold")
    return files


def _nk_cases(
    shared_dir: Path,
) -> Iterator[tuple[str, str, dt.date | None, list[tuple[Quote, dt.date | None]]]]:
    """Each data/nk gold article: its file name, text, publication date and (quote, gold
    date) pairs."""
    for path in _gold_files(shared_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = shared_dir / "data" / "nk" / "articles" / path.name.replace(".gold.json", ".txt")
        text_s = text.read_text(encoding="utf-8")
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        yield path.name, text_s, published, gold_quotes(text_s, gold)


@pytest.mark.data
@pytest.mark.parametrize("default", [False, True])
def test_nk_gold_dates(shared_dir: Path, default: bool) -> None:
    reproduced = total = wrong = 0
    for _name, text_s, published, pairs in _nk_cases(shared_dir):
        result = resolve_dates(
            text_s, Article(), tuple(q for q, _ in pairs), published=published,
            default_to_published=default,
        )  # fmt: skip
        for quote, (_, expected) in zip(result.quotes, pairs, strict=False):
            if expected is None:
                continue
            total += 1
            got = quote.date.date if quote.date else None
            reproduced += got == expected
            wrong += got is not None and got != expected
    assert total >= 28
    assert wrong == 0
    # Without defaulting too: a quote is dated by its own sentence or one the text links to it.
    assert reproduced == total, (reproduced, total)


@pytest.mark.data
def test_nk_gold_dates_carried_only_where_gold_dates(shared_dir: Path) -> None:
    """A carried date lands on a quote the annotators dated, and on the same day."""
    carried = undated = 0
    for name, text_s, published, pairs in _nk_cases(shared_dir):
        result = resolve_dates(text_s, Article(), tuple(q for q, _ in pairs), published=published)
        for quote, (_, expected) in zip(result.quotes, pairs, strict=True):
            if quote.date is not None and quote.date.source is DateSource.CARRIED:
                carried += 1
                undated += expected is None
                assert quote.date.date == expected or expected is None, name
    assert carried >= 10
    assert undated == 0, undated


@st.composite
def text_with_quote(draw: st.DrawFn) -> tuple[str, Quote]:
    from .strategies import newsy_text

    words = st.sampled_from(
        [" said ", " Monday ", " on Tuesday ", " last week ", " Sept. 26 ", " yesterday ",
         " one day after ", ", KCNA said on Friday", "\n— Desk (@desk) May 3, 2019\n", " the 2nd "]
    )  # fmt: skip
    text = draw(st.lists(newsy_text | words, min_size=1, max_size=12).map("".join))
    a, b, c, d = sorted(draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    cue = Cue(span=Span.of(text, a, b), lemma="say")
    sentence = Span.of(text, a, d) if draw(st.booleans()) else None
    kind = draw(st.sampled_from(list(QuoteKind)))
    quote = Quote(id="q", segments=(Span.of(text, c, d),), kind=kind, cue=cue, sentence=sentence)
    return text, quote


@settings(max_examples=60, deadline=None)
@given(text_with_quote(), st.dates(dt.date(1990, 1, 1), dt.date(2050, 1, 1)), st.booleans())
def test_any_quote_gets_a_valid_date_or_none(
    case: tuple[str, Quote], published: dt.date, default: bool
) -> None:
    text, quote = case
    result = resolve_dates(
        text, Article(), (quote,), published=published, default_to_published=default
    )
    found = result.quotes[0].date
    if found is None:
        assert not default
        return
    if found.expression is None:
        assert (found.date, found.source) == (published, DateSource.DEFAULTED)
        return
    assert found.expression.is_valid_for(text)
    if found.source is DateSource.RELATIVE or not any(ch.isdigit() for ch in found.expression.text):
        assert found.date <= published
