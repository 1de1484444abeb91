"""JSON output with a versioned schema (``"schema": "nkquotes/1"``).

Every offset in the JSON indexes the ``"text"`` it carries, so a reader can check each span
(:func:`nkquotes._deserialize.from_json`, the way back, does). Words the reader may want
to see (title, cue, speaker mention, evidence, entity mentions) are written
``{"span": [start, end], "text": "..."}``; pure structure (quote segments, paragraphs,
sentences) is written ``[start, end]``. The shipped JSON Schema is :func:`json_schema`;
``docs/schema.md`` describes every field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from nkquotes._errors import InputError
from nkquotes._model import (
    Article,
    Document,
    Entity,
    Quote,
    Span,
)

__all__ = [
    "SCHEMA_VERSION",
    "dumps",
    "error_json",
    "json_schema",
    "to_json",
]

#: The value of ``"schema"`` in every JSON object nkquotes writes.
SCHEMA_VERSION = "nkquotes/1"

_SCHEMA_FILE = "data/schema/nkquotes-1.schema.json"
# Two code points that JSON's \\uXXXX escapes can only write as one astral character.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")

JSON = dict[str, Any]


# --- writing -----------------------------------------------------------------------------


def _pair(span: Span) -> list[int]:
    return [span.start, span.end]


def _words(span: Span) -> JSON:
    return {"span": [span.start, span.end], "text": span.text}


def _opt_words(span: Span | None) -> JSON | None:
    return None if span is None else _words(span)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _article_json(article: Article) -> JSON:
    dateline = article.dateline
    byline = article.byline
    published = article.published
    return {
        "title": _opt_words(article.title),
        "dateline": None
        if dateline is None
        else {
            **_words(dateline.span),
            "city": dateline.city,
            "date": None
            if dateline.date is None
            else {
                "year": dateline.date.year,
                "month": dateline.date.month,
                "day": dateline.date.day,
            },
            "agency": dateline.agency,
        },
        "byline": None if byline is None else {**_words(byline.span), "names": list(byline.names)},
        "agency": article.agency,
        "agencies": [{"name": a.name, **_words(a.span)} for a in article.agencies],
        "published": None
        if published is None
        else {**_words(published.span), "date": published.date.isoformat()},
        "captions": [_words(c) for c in article.captions],
        "boilerplate": [{**_words(b.span), "kind": b.kind.value} for b in article.boilerplate],
        "paragraphs": [
            {"span": _pair(p.span), "sentences": [_pair(s) for s in p.sentences]}
            for p in article.paragraphs
        ],
    }


def _quote_json(quote: Quote) -> JSON:
    speaker = quote.speaker
    mention = speaker.mention if speaker is not None else None
    stance = quote.stance
    date = quote.date
    return {
        "id": quote.id,
        "span": list(quote.span),
        "segments": [_pair(s) for s in quote.segments],
        "text": quote.text,
        "kind": quote.kind.value,
        "cue": None if quote.cue is None else {**_words(quote.cue.span), "lemma": quote.cue.lemma},
        "speaker": None
        if speaker is None
        else {
            "span": None if mention is None else _pair(mention),
            "text": None if mention is None else mention.text,
            "name": speaker.name,
            "entity": speaker.entity,
            "reason": speaker.reason,
        },
        "paragraph": quote.paragraph,
        "sentence": None if quote.sentence is None else _pair(quote.sentence),
        "date": None if date is None else date.date.isoformat(),
        "date_source": None if date is None else date.source.value,
        "date_expression": None if date is None else _opt_words(date.expression),
        "stance": None
        if stance is None
        else {
            "target": stance.target,
            "label": stance.label,
            "score": stance.score,
            "evidence": [_words(e) for e in stance.evidence],
        },
        "confidence": quote.confidence,
    }


def _entity_json(entity: Entity) -> JSON:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "titles": list(entity.titles),
        "affiliation": entity.affiliation,
        "party": entity.party,
        "mentions": [_words(m) for m in entity.mentions],
    }


def to_json(document: Document, *, source: str | None = None) -> JSON:
    """The document as a JSON-ready ``dict`` following the ``nkquotes/1`` schema.

    *source* (a file name, ``corpus.jsonl:3``) is recorded as ``"source"`` when given.
    Raises :class:`InputError` when the text holds a high surrogate followed by a low one as
    two code points (a bad decoder's output): standard JSON reads them back as one character,
    which would shift every later offset. A lone surrogate round-trips.

    Examples:
        >>> from nkquotes import Document
        >>> to_json(Document(text="Hi."))["schema"]
        'nkquotes/1'
    """
    pair = _SURROGATE_PAIR.search(document.text)
    if pair is not None:
        raise InputError(
            f"text cannot be written as JSON: the surrogate code points U+{ord(pair[0][0]):04X} "
            f"U+{ord(pair[0][1]):04X} at offset {pair.start()} would read back as one character"
        )
    out: JSON = {"schema": SCHEMA_VERSION}
    if source is not None:
        out["source"] = source
    out.update(
        {
            "id": document.id,
            "text": document.text,
            "published": _date(document.published),
            "article": None if document.article is None else _article_json(document.article),
            "quotes": [_quote_json(q) for q in document.quotes],
            "entities": [_entity_json(e) for e in document.entities],
            "problems": [
                {
                    "code": p.code,
                    "message": p.message,
                    "span": None if p.span is None else _pair(p.span),
                }
                for p in document.problems
            ],
        }
    )
    return out


def error_json(error: str, *, id: str | None = None, source: str | None = None) -> JSON:
    """The JSON record written in place of a document for an input that failed."""
    out: JSON = {"schema": SCHEMA_VERSION}
    if source is not None:
        out["source"] = source
    out["id"] = id
    out["error"] = error
    return out


def dumps(document: Document, *, source: str | None = None, indent: int | None = None) -> str:
    """The document as a JSON string (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_json(document, source=source), ensure_ascii=False, indent=indent)


def json_schema() -> JSON:
    """The shipped JSON Schema of the ``nkquotes/1`` output (a fresh ``dict`` each call)."""
    from importlib import resources

    raw = resources.files("nkquotes").joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: JSON = json.loads(raw)
    return schema
