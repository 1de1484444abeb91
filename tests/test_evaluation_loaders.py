"""Reading gold: brat standoff (PolNeAR) and the gold JSON of ANNOTATION.md."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from nkquotes import InputError
from nkquotes.evaluation import load_gold_json, load_polnear, parse_brat, parse_gold_json

from .conftest import SEED_NAMES, SEEDS_DIR, load_seed

TEXT = 'The Post reported that "the talks failed," adding it was over. Polls show Trump ahead.'
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234

ANN = (
    "T1\tSource 0 8\tThe Post\n"
    "T2\tCue 9 17\treported\n"
    "T3\tContent 23 42\t“the talks failed,”\n"
    "T4\tAttribution 9 17\treported\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 43 49;57 62\tadding over.\n"
    "T6\tCue 43 49\tadding\n"
    "E2\tAttribution-no-source:T6 Cue:T6 Content:T5\n"
    "T7\tDiscuss 63 68\tPolls\n"
    "#1\tAnnotatorNotes T7\tnot sure\n"
    "T8\tContent 74 86\tTrump ahead.\n"
    "E3\tAttribution:T7 Cue:T7\n"
)


def test_parse_brat_reads_attributions_with_content() -> None:
    quotes = parse_brat(TEXT, ANN)
    assert len(quotes) == 2
    first, second = quotes
    assert first.segments == ((23, 42),)
    assert first.kind == "direct"
    assert first.sources == ((0, 8),)
    assert second.segments == ((43, 49), (57, 62))
    assert second.sources == ()
    assert second.kind == "indirect"
    assert (first.cue, first.speech) == ("reported", True)
    assert (second.cue, second.speech) == ("adding", True)


def test_parse_brat_marks_beliefs_and_findings_as_not_speech() -> None:
    text = "Polls show Trump ahead. Clinton said she was ahead."
    ann = (
        "T1\tCue 6 10\tshow\n"
        "T2\tContent 11 22\tTrump ahead\n"
        "E1\tAttribution:T1 Cue:T1 Content:T2\n"
        "T3\tCue 32 36\tsaid\n"
        "T4\tContent 37 50\tshe was ahead\n"
        "E2\tAttribution:T3 Cue:T3 Content:T4\n"
    )
    poll, said = parse_brat(text, ann)
    assert (poll.cue, poll.speech) == ("show", False)
    assert (said.cue, said.speech) == ("said", True)


def test_parse_brat_text_running_over_lines() -> None:
    text = "He said: first line\nsecond line. Done."
    ann = (
        "T1\tContent 9 31\tfirst line\nsecond line\n"
        "T2\tCue 3 7\tsaid\nE1\tAttribution:T2 Content:T1\n"
    )
    quotes = parse_brat(text, ann)
    assert [q.segments for q in quotes] == [((9, 31),)]


@pytest.mark.parametrize(
    ("annotation", "line"),
    [
        ("T1\tContent 1 x\tab\n", 1),
        ("T1\tContent 0 4\tThe \nT2 Source 0 3 The\n", 2),
        ("T1\tContent 0 999\tThe\n", 1),
        ("T1\tContent 0 3\tThe\nE1\tAttribution:T9 Content:T1\n", 2),
        ("T1\tContent 0 3\tThe\nE1\tAttribution Content:T1\n", 2),
    ],
)
def test_parse_brat_malformed_line_names_file_and_line(annotation: str, line: int) -> None:
    with pytest.raises(InputError, match=rf"x\.ann, line {line}:"):
        parse_brat(TEXT, annotation, where="x.ann")


def test_load_polnear_takes_first_annotation_file(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art_one.txt").write_bytes(TEXT.encode())
    (tmp_path / "attributions" / "art_one_bbbb.ann").write_text("")
    (tmp_path / "attributions" / "art_one_aaaa.ann").write_text(ANN)
    (articles,) = load_polnear(tmp_path)
    assert articles.id == "art_one"
    assert len(articles.quotes) == 2


def test_load_polnear_keeps_carriage_returns(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "A\r\nB said it."
    (tmp_path / "text" / "a.txt").write_bytes(text.encode())
    (tmp_path / "attributions" / "a_x.ann").write_text(
        "T1\tContent 10 12\tit\nT2\tCue 5 9\tsaid\nE1\tAttribution:T2 Content:T1\n"
    )
    (article,) = load_polnear(tmp_path)
    assert article.text == text
    assert [article.text[s:e] for s, e in article.quotes[0].segments] == ["it"]


def test_load_polnear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a PolNeAR compartment"):
        load_polnear(tmp_path)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    with pytest.raises(InputError, match=r"try .*dev$"):
        load_polnear(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "attributions" / "gone_x.ann").write_text("")
    with pytest.raises(InputError, match=r"gone_x\.ann: no article text"):
        load_polnear(tmp_path)


def _gold(quotes: list[dict[str, object]], **extra: object) -> dict[str, object]:
    return {"published": "2019-04-11", "article": None, "quotes": quotes, **extra}


def test_parse_gold_json_locates_segments_in_order() -> None:
    text = 'Kim: "Go." "Yes," Kim said. "No." Lee said "Yes." Later: "No."'
    record = _gold(
        [
            {"content": ["Yes,", "No."], "kind": "direct", "speaker": "Kim", "stance": "none"},
            {"content": ["Yes."], "kind": "direct", "speaker": "Lee", "date": "2019-04-10"},
        ]
    )
    article = parse_gold_json(text, record, id="x")
    first, second = article.quotes
    assert first.segments == ((12, 16), (29, 32))
    assert second.segments == ((44, 48),)
    assert second.date == dt.date(2019, 4, 10)
    assert article.published == dt.date(2019, 4, 11)


def test_parse_gold_json_quotes_are_speech_with_their_cue() -> None:
    record = _gold([{"content": ["the talks failed"], "kind": "direct", "cue": "reported"}])
    article = parse_gold_json(TEXT, record, id="x")
    (quote,) = article.quotes
    assert (quote.cue, quote.speech) == ("reported", True)


def test_parse_gold_json_avoids_the_headline_and_boilerplate() -> None:
    text = "Talks are over\n\nTalks are over, Kim said."
    record = _gold(
        [{"content": ["Talks are over"], "kind": "indirect", "speaker": "Kim"}],
        article={"title": "Talks are over", "captions": [], "boilerplate": []},
    )
    (quote,) = parse_gold_json(text, record, id="x").quotes
    assert quote.segments == ((16, 30),)


@pytest.mark.parametrize(
    ("quotes", "message"),
    [
        ([{"content": ["absent words"], "kind": "direct"}], "quote 1: content segment 1 not found"),
        ([{"content": [], "kind": "direct"}], "quote 1: content must be"),
        ([{"content": ["Kim"], "kind": "quoted"}], "quote 1: kind must be"),
        (
            [{"content": ["Kim"], "kind": "direct", "date": "10 April"}],
            "quote 1: date is not a YYYY-MM-DD",
        ),
    ],
)
def test_parse_gold_json_errors(quotes: list[dict[str, object]], message: str) -> None:
    with pytest.raises(InputError, match=rf"g\.json, {message}"):
        parse_gold_json("Kim said.", _gold(quotes), id="x", where="g.json")


def test_load_gold_json_side_by_side_seeds() -> None:
    articles = load_gold_json(SEEDS_DIR)
    assert [a.id for a in articles] == SEED_NAMES
    for article in articles:
        text, gold = load_seed(article.id)
        assert article.text == text
        assert len(article.quotes) == len(gold["quotes"])
        for quote, record in zip(article.quotes, gold["quotes"], strict=True):
            assert [text[s:e] for s, e in quote.segments] == record["content"]
            assert quote.kind == record["kind"]
        assert article.structure is not None
        assert article.structure.title == gold["article"]["title"]


def test_load_gold_json_articles_and_gold_folders(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "n1.txt").write_text("Kim said no.")
    (tmp_path / "gold" / "n1.gold.json").write_text(
        json.dumps(_gold([{"content": ["no"], "kind": "indirect", "speaker": "Kim"}]))
    )
    (article,) = load_gold_json(tmp_path)
    assert article.id == "n1"
    assert article.quotes[0].segments == ((9, 11),)


def test_load_gold_json_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\*\\.gold\\.json files"):
        load_gold_json(tmp_path)
    (tmp_path / "a.gold.json").write_text("{\n  bad")
    with pytest.raises(InputError, match=r"a\.gold\.json: no article text"):
        load_gold_json(tmp_path)
    (tmp_path / "a.txt").write_text("text")
    with pytest.raises(InputError, match=r"a\.gold\.json, line 2: invalid JSON"):
        load_gold_json(tmp_path)


def test_load_polnear_reads_publication_dates(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "art.txt").write_text(TEXT)
    (split / "attributions" / "art_x.ann").write_text(ANN)
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tart\t2016-09-12\ndev\tother\t2016-09-13\n"
    )
    (article,) = load_polnear(split)
    assert article.published == dt.date(2016, 9, 12)
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\nd\tart\t12/9\n"
    )
    with pytest.raises(InputError, match=r"metadata\.tsv, line 2: bad publication date"):
        load_polnear(split)
