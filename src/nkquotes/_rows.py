"""Flat, one-row-per-quote and one-row-per-entity records (CSV, Spark, Dask, pandas)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from nkquotes._model import Document

__all__ = ["ENTITY_COLUMNS", "QUOTE_COLUMNS", "entity_rows", "quote_rows", "write_csv"]

#: Column name and type name of a quote row, in order.
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("quote_id", "string"),
    ("start", "int"),
    ("end", "int"),
    ("segments", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("cue", "string"),
    ("cue_lemma", "string"),
    ("speaker", "string"),
    ("speaker_mention", "string"),
    ("speaker_start", "int"),
    ("speaker_end", "int"),
    ("speaker_entity", "string"),
    ("date", "string"),
    ("date_source", "string"),
    ("stance", "string"),
    ("stance_score", "double"),
    ("confidence", "double"),
)

#: Column name and type name of an entity row, in order.
ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("entity_id", "string"),
    ("name", "string"),
    ("kind", "string"),
    ("titles", "string"),
    ("affiliation", "string"),
    ("mentions", "int"),
)


def quote_rows(document: Document, article_id: str | None = None) -> list[dict[str, Any]]:
    """One flat record per quote; segments are written ``start-end;start-end``."""
    aid = article_id if article_id is not None else document.id
    rows = []
    for quote in document.quotes:
        speaker = quote.speaker
        mention = speaker.mention if speaker is not None else None
        rows.append(
            {
                "article_id": aid,
                "quote_id": quote.id,
                "start": quote.span[0],
                "end": quote.span[1],
                "segments": ";".join(f"{s.start}-{s.end}" for s in quote.segments),
                "kind": quote.kind.value,
                "text": quote.text,
                "cue": quote.cue.span.text if quote.cue else None,
                "cue_lemma": quote.cue.lemma if quote.cue else None,
                "speaker": speaker.name if speaker else None,
                "speaker_mention": mention.text if mention else None,
                "speaker_start": mention.start if mention else None,
                "speaker_end": mention.end if mention else None,
                "speaker_entity": speaker.entity if speaker else None,
                "date": quote.date.date.isoformat() if quote.date else None,
                "date_source": quote.date.source.value if quote.date else None,
                "stance": quote.stance.label if quote.stance else None,
                "stance_score": quote.stance.score if quote.stance else None,
                "confidence": quote.confidence,
            }
        )
    return rows


def entity_rows(document: Document, article_id: str | None = None) -> list[dict[str, Any]]:
    """One flat record per entity; titles are joined with ``"; "``."""
    aid = article_id if article_id is not None else document.id
    return [
        {
            "article_id": aid,
            "entity_id": e.id,
            "name": e.name,
            "kind": e.kind.value,
            "titles": "; ".join(e.titles),
            "affiliation": e.affiliation,
            "mentions": len(e.mentions),
        }
        for e in document.entities
    ]


def write_csv(documents: Iterable[Document], stream: IO[str], *, header: bool = True) -> int:
    """Write one CSV row per quote of every document (columns :data:`QUOTE_COLUMNS`).

    Missing values are empty cells. Open *stream* with ``newline=""``. Returns the number of
    rows written (the header not counted).

    Examples:
        >>> import io
        >>> from nkquotes import Document
        >>> out = io.StringIO()
        >>> write_csv([Document(text="No quotes.")], out)
        0
        >>> out.getvalue().split(",")[:3]
        ['article_id', 'quote_id', 'start']
    """
    import csv

    writer = csv.DictWriter(stream, fieldnames=[name for name, _ in QUOTE_COLUMNS])
    if header:
        writer.writeheader()
    count = 0
    for document in documents:
        for row in quote_rows(document):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            count += 1
    return count
