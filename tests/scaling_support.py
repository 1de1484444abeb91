"""Articles and reference results shared by the Spark and Dask tests.

* :func:`synthetic_articles` builds a self-contained corpus from templates (no shared data);
* :func:`polnear_articles` reads the PolNeAR texts with their publication dates;
* :func:`toy_pipeline` is the default pipeline with a small, deterministic quote finder in
  place of the built-in one, so every row column is filled whatever the built-in stages find;
* :func:`reference_rows` is the single-process result the engines must reproduce.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from nkquotes._model import Cue, Document, Quote, QuoteKind, Span, Speaker
from nkquotes._partitions import RowKind
from nkquotes._pipeline import Pipeline
from nkquotes._rows import entity_rows, quote_rows

#: How many PolNeAR articles the engine tests run (the same ones, so one reference run).
POLNEAR_COUNT = 200

#: ``(article_id, text, published)``; published is a date, an ISO string or ``None``.
Article = tuple[str, str | None, object]

_SPEAKERS = (
    ("Kim Yo Jong", "the vice department director"),
    ("Moon Jae-in", "the president"),
    ("Mike Pompeo", "the secretary of state"),
    ("Chung Eui-yong", "the national security adviser"),
    ("Hillary Clinton", "the candidate"),
    ("Donald Trump", "the candidate"),
)
_SAYINGS = (
    "We will not give up our nuclear deterrent",
    "The talks were productive and frank",
    "Sanctions must remain until we see concrete steps",
    "This is a historic opportunity for peace",
    "Nobody should doubt our resolve",
    "We are ready to meet without preconditions",
)
_CUES = ("said", "told reporters", "added", "warned", "insisted")
_FILLER = (
    "The statement came a day after the launch.",
    "Officials did not elaborate on the timing.",
    "Analysts in Seoul were divided over the meaning of the remarks.",
    "The meeting lasted more than two hours.",
)


def synthetic_articles(count: int = 120, seed: int = 10) -> list[Article]:
    """*count* template articles with curly and straight quotes, some odd ones on purpose.

    Publication dates cycle through a date, an ISO string and none; one article in
    twenty has no text at all and one is empty.
    """
    rng = random.Random(seed)
    articles: list[Article] = []
    for number in range(count):
        paragraphs = [f"Headline number {number} on the peninsula"]
        for _ in range(rng.randint(1, 5)):
            name, title = rng.choice(_SPEAKERS)
            saying, cue = rng.choice(_SAYINGS), rng.choice(_CUES)
            open_, close = rng.choice((("“", "”"), ('"', '"')))
            form = rng.randrange(4)
            if form == 0:
                paragraphs.append(f"{open_}{saying},{close} {name} {cue}.")
            elif form == 1:
                paragraphs.append(f"{name}, {title}, {cue}: {open_}{saying}.{close}")
            elif form == 2:
                paragraphs.append(f"{name} {cue} that {saying.lower()}.")
            else:
                paragraphs.append(
                    f"{open_}{saying} {close}he {cue} on Tuesday. {rng.choice(_FILLER)}"
                )
            if rng.random() < 0.5:
                paragraphs.append(rng.choice(_FILLER))
        if number % 17 == 5:
            paragraphs.append(f"{rng.choice(_SAYINGS)} — an unbalanced “quotation, {number}")
        text: str | None = "\n\n".join(paragraphs) + "\n"
        if number % 20 == 7:
            text = None
        elif number % 20 == 13:
            text = ""
        day = dt.date(2018, 1, 1) + dt.timedelta(days=number * 3)
        published: object = (day, day.isoformat(), None)[number % 3]
        articles.append((f"syn-{number:04d}", text, published))
    return articles


def polnear_articles(shared_dir: Path, count: int) -> list[Article]:
    """The first *count* PolNeAR articles (dev, then train), with their publication dates."""
    root = shared_dir / "data" / "polnear"
    dates: dict[str, str] = {}
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            dates[record["filename"]] = record["publication_date"]
    paths = sorted((root / "dev" / "text").glob("*.txt")) + sorted(
        (root / "train" / "text").glob("*.txt")
    )
    articles: list[Article] = []
    for path in paths[:count]:
        published: object = dates.get(path.stem) or None
        if published is not None and len(articles) % 2:
            published = dt.date.fromisoformat(str(published))
        articles.append((path.stem, path.read_text(encoding="utf-8"), published))
    assert len(articles) == count, f"only {len(articles)} PolNeAR articles under {root}"
    return articles


_TOY_QUOTE = regex.compile(
    r"[“\"](?P<content>[^”\"\n]+?)[,.]?\s*[”\"]\s*"
    r"(?P<speaker>(?:[A-Z][\w-]*\s?){1,3}|he|she)\s+(?P<cue>said|told|added|warned|insisted)"
    r"|(?P<speaker2>(?:[A-Z][\w-]*\s?){1,3}),[^,\n]*,\s*(?P<cue2>said|told|added|warned|insisted)"
    r"[^:\n]*:\s*[“\"](?P<content2>[^”\"\n]+?)[.,]?[”\"]"
)
_LEMMAS = {"said": "say", "told": "tell", "added": "add", "warned": "warn", "insisted": "insist"}


@attrs.frozen
class ToyQuotes:
    """A stand-in quote finder: direct quotes with a speaker mention and a cue."""

    def __call__(self, document: Document) -> Document:
        text = document.text
        quotes = []
        for number, match in enumerate(_TOY_QUOTE.finditer(text)):
            group = "" if match.group("content") is not None else "2"
            content = Span.of(text, *match.span(f"content{group}"))
            speaker = Span.of(text, *match.span(f"speaker{group}"))
            if speaker.text.endswith(" "):
                speaker = Span.of(text, speaker.start, speaker.end - 1)
            cue = Span.of(text, *match.span(f"cue{group}"))
            name = None if speaker.text in {"he", "she"} else speaker.text
            quotes.append(
                Quote(
                    id=f"q{number}",
                    segments=(content,),
                    kind=QuoteKind.DIRECT,
                    cue=Cue(span=cue, lemma=_LEMMAS[cue.text]),
                    speaker=Speaker(mention=speaker, name=name, reason="name" if name else "x"),
                    confidence=0.5 + (number % 5) / 10,
                )
            )
        return attrs.evolve(document, quotes=tuple(quotes))


def toy_pipeline() -> Pipeline:
    """The default pipeline with :class:`ToyQuotes` as its quote finder."""
    return Pipeline.default().replace("quotes", ToyQuotes())


def reference_rows(
    articles: Iterable[Article], kind: RowKind, pipeline: Pipeline | None = None
) -> list[dict[str, Any]]:
    """The single-process rows: the pipeline run article by article, in order.

    Both kinds come from one run, cached for the whole test session: the Spark and Dask
    tests compare against the same reference, and the pipeline is not cheap.
    """
    return [dict(row) for row in _reference(tuple(articles), pipeline)[kind]]


@functools.lru_cache(maxsize=16)
def _reference(
    articles: tuple[Article, ...], pipeline: Pipeline | None
) -> dict[str, list[dict[str, Any]]]:
    pipe = pipeline if pipeline is not None else Pipeline.default()
    rows: dict[str, list[dict[str, Any]]] = {"quotes": [], "entities": []}
    for article_id, text, published in articles:
        if text is None:
            continue
        document = pipe(text, published=published, id=article_id)
        rows["quotes"].extend(quote_rows(document, article_id))
        rows["entities"].extend(entity_rows(document, article_id))
    return rows


def by_article(rows: Sequence[dict[str, Any]]) -> dict[str | None, list[dict[str, Any]]]:
    """Rows grouped by article id, keeping their order within each article."""
    grouped: dict[str | None, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["article_id"], []).append(dict(row))
    return grouped
