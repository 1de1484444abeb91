"""Reading nkquotes JSON (``"schema": "nkquotes/1"``) back into a :class:`Document`.

The writing side is :mod:`nkquotes._serialize`. The reader trusts nothing: every field is
type-checked and every span is checked against the ``"text"`` the JSON carries, and a
malformed record raises :class:`SchemaError` naming the path of the bad field.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from nkquotes._errors import SchemaError, SpanError
from nkquotes._model import (
    Agency,
    Article,
    Boilerplate,
    BoilerplateKind,
    Byline,
    Cue,
    Dateline,
    DateSource,
    Document,
    Entity,
    EntityKind,
    Paragraph,
    PartialDate,
    Problem,
    PublishedLine,
    Quote,
    QuoteDate,
    QuoteKind,
    Span,
    Speaker,
    StanceResult,
)
from nkquotes._serialize import SCHEMA_VERSION

__all__ = ["from_json", "loads"]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)


class _Reader:
    """Reads one JSON object, raising :class:`SchemaError` with the path of a bad field."""

    def __init__(self, text: str) -> None:
        self.text = text

    def fail(self, path: str, what: str) -> SchemaError:
        return SchemaError(f"{path}: {what}")

    def obj(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"expected an object, got {_kind(value)}")
        return value

    def field(self, obj: Mapping[str, Any], key: str, path: str) -> Any:
        if key not in obj:
            raise self.fail(path, f"missing field {key!r}")
        return obj[key]

    def typed(self, value: Any, kind: type[_T], path: str, *, null: bool = False) -> Any:
        if value is None and null:
            return None
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            expected = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
            raise self.fail(
                path, f"expected {expected.get(kind, kind.__name__)}, got {_kind(value)}"
            )
        return value

    def get(
        self, obj: Mapping[str, Any], key: str, kind: type[_T], path: str, *, null: bool = False
    ) -> Any:
        return self.typed(self.field(obj, key, path), kind, f"{path}.{key}", null=null)

    def array(self, obj: Mapping[str, Any], key: str, path: str) -> list[tuple[Any, str]]:
        value = self.field(obj, key, path)
        if not isinstance(value, list):
            raise self.fail(f"{path}.{key}", f"expected an array, got {_kind(value)}")
        return [(item, f"{path}.{key}[{i}]") for i, item in enumerate(value)]

    def enum(self, obj: Mapping[str, Any], key: str, kind: type[_E], path: str) -> _E:
        value = self.get(obj, key, str, path)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in kind)
            raise self.fail(f"{path}.{key}", f"{value!r} is not one of {allowed}") from None

    def date(self, value: Any, path: str, *, null: bool = False) -> dt.date | None:
        value = self.typed(value, str, path, null=null)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(path, f"invalid date {value!r} (expected YYYY-MM-DD)") from None

    def pair(self, value: Any, path: str) -> Span:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self.fail(path, f"expected [start, end] integers, got {_short(value)}")
        try:
            return Span.of(self.text, value[0], value[1])
        except SpanError as exc:
            raise self.fail(path, str(exc)) from None

    def words(self, value: Any, path: str) -> Span:
        obj = self.obj(value, path)
        span = self.pair(self.field(obj, "span", path), f"{path}.span")
        if "text" in obj:
            text = self.get(obj, "text", str, path)
            if text != span.text:
                raise self.fail(
                    f"{path}.text",
                    f"{_short(text)} does not match the text at [{span.start}, {span.end}): "
                    f"{_short(span.text)}",
                )
        return span

    def opt(
        self, obj: Mapping[str, Any], key: str, path: str, read: Callable[[Any, str], _T]
    ) -> _T | None:
        value = self.field(obj, key, path)
        return None if value is None else read(value, f"{path}.{key}")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _read_article(r: _Reader, obj: Any, path: str) -> Article:
    a = r.obj(obj, path)

    def dateline(value: Any, p: str) -> Dateline:
        d = r.obj(value, p)

        def partial(v: Any, pp: str) -> PartialDate:
            o = r.obj(v, pp)
            return PartialDate(
                year=r.get(o, "year", int, pp, null=True),
                month=r.get(o, "month", int, pp, null=True),
                day=r.get(o, "day", int, pp, null=True),
            )

        return Dateline(
            span=r.words(d, p),
            city=r.get(d, "city", str, p, null=True),
            date=r.opt(d, "date", p, partial),
            agency=r.get(d, "agency", str, p, null=True),
        )

    def byline(value: Any, p: str) -> Byline:
        b = r.obj(value, p)
        return Byline(
            span=r.words(b, p),
            names=tuple(r.typed(n, str, np) for n, np in r.array(b, "names", p)),
        )

    def published(value: Any, p: str) -> PublishedLine:
        o = r.obj(value, p)
        date = r.date(r.field(o, "date", p), f"{p}.date")
        assert date is not None
        return PublishedLine(span=r.words(o, p), date=date)

    def agency(value: Any, p: str) -> Agency:
        o = r.obj(value, p)
        return Agency(name=r.get(o, "name", str, p), span=r.words(o, p))

    def boilerplate(value: Any, p: str) -> Boilerplate:
        o = r.obj(value, p)
        return Boilerplate(span=r.words(o, p), kind=r.enum(o, "kind", BoilerplateKind, p))

    def paragraph(value: Any, p: str) -> Paragraph:
        o = r.obj(value, p)
        return Paragraph(
            span=r.pair(r.field(o, "span", p), f"{p}.span"),
            sentences=tuple(r.pair(s, sp) for s, sp in r.array(o, "sentences", p)),
        )

    article = Article(
        title=r.opt(a, "title", path, r.words),
        dateline=r.opt(a, "dateline", path, dateline),
        byline=r.opt(a, "byline", path, byline),
        agencies=tuple(agency(v, p) for v, p in r.array(a, "agencies", path)),
        published=r.opt(a, "published", path, published),
        captions=tuple(r.words(v, p) for v, p in r.array(a, "captions", path)),
        boilerplate=tuple(boilerplate(v, p) for v, p in r.array(a, "boilerplate", path)),
        paragraphs=tuple(paragraph(v, p) for v, p in r.array(a, "paragraphs", path)),
    )
    agency_name = r.get(a, "agency", str, path, null=True)
    if agency_name != article.agency:
        raise r.fail(f"{path}.agency", f"{agency_name!r} is not the first of agencies")
    return article


def _read_quote(r: _Reader, value: Any, path: str, entity_ids: set[str]) -> Quote:
    q = r.obj(value, path)
    segments = tuple(r.pair(v, p) for v, p in r.array(q, "segments", path))
    if not segments:
        raise r.fail(f"{path}.segments", "a quote needs at least one segment")

    def cue(v: Any, p: str) -> Cue:
        o = r.obj(v, p)
        return Cue(span=r.words(o, p), lemma=r.get(o, "lemma", str, p))

    def speaker(v: Any, p: str) -> Speaker:
        o = r.obj(v, p)
        mention = r.opt(o, "span", p, r.pair)
        text = r.get(o, "text", str, p, null=True)
        if (mention.text if mention is not None else None) != text:
            raise r.fail(f"{p}.text", f"{_short(text)} does not match the mention span")
        entity = r.get(o, "entity", str, p, null=True)
        if entity is not None and entity not in entity_ids:
            raise r.fail(f"{p}.entity", f"no entity has id {entity!r}")
        return Speaker(
            mention=mention,
            name=r.get(o, "name", str, p, null=True),
            entity=entity,
            reason=r.get(o, "reason", str, p) if "reason" in o else "unresolved",
        )

    def stance(v: Any, p: str) -> StanceResult:
        o = r.obj(v, p)
        return StanceResult(
            target=r.get(o, "target", str, p),
            label=r.get(o, "label", str, p),
            score=r.get(o, "score", float, p),
            evidence=tuple(r.words(e, ep) for e, ep in r.array(o, "evidence", p)),
        )

    date_value = r.date(r.field(q, "date", path), f"{path}.date", null=True)
    date: QuoteDate | None = None
    if date_value is not None:
        date = QuoteDate(
            date=date_value,
            source=r.enum(q, "date_source", DateSource, path),
            expression=r.opt(q, "date_expression", path, r.words)
            if "date_expression" in q
            else None,
        )
    elif r.field(q, "date_source", path) is not None:
        raise r.fail(f"{path}.date_source", "set although date is null")

    quote = Quote(
        id=r.get(q, "id", str, path),
        segments=segments,
        kind=r.enum(q, "kind", QuoteKind, path),
        cue=r.opt(q, "cue", path, cue),
        speaker=r.opt(q, "speaker", path, speaker),
        paragraph=r.get(q, "paragraph", int, path) if "paragraph" in q else 0,
        sentence=r.opt(q, "sentence", path, r.pair) if "sentence" in q else None,
        date=date,
        stance=r.opt(q, "stance", path, stance),
        confidence=r.get(q, "confidence", float, path),
    )
    span = r.field(q, "span", path)
    if span != list(quote.span):
        raise r.fail(f"{path}.span", f"{_short(span)} does not cover the segments {quote.span}")
    if "text" in q and q["text"] != quote.text:
        raise r.fail(f"{path}.text", "does not match the segments")
    return quote


def _read_entity(r: _Reader, value: Any, path: str) -> Entity:
    o = r.obj(value, path)
    return Entity(
        id=r.get(o, "id", str, path),
        name=r.get(o, "name", str, path),
        kind=r.enum(o, "kind", EntityKind, path),
        titles=tuple(r.typed(t, str, tp) for t, tp in r.array(o, "titles", path)),
        affiliation=r.get(o, "affiliation", str, path, null=True),
        party=r.get(o, "party", str, path, null=True) if "party" in o else None,
        mentions=tuple(r.words(m, mp) for m, mp in r.array(o, "mentions", path)),
    )


def _read_problem(r: _Reader, value: Any, path: str) -> Problem:
    o = r.obj(value, path)
    return Problem(
        code=r.get(o, "code", str, path),
        message=r.get(o, "message", str, path),
        span=r.opt(o, "span", path, r.pair),
    )


def from_json(data: Mapping[str, Any]) -> Document:
    """The :class:`Document` that :func:`to_json` wrote; :class:`SchemaError` if malformed.

    Every span is checked against the ``"text"`` the JSON carries.
    """
    root = _Reader("").obj(data, "$")
    schema = root.get("schema")
    if schema != SCHEMA_VERSION:
        raise SchemaError(f"$.schema: expected {SCHEMA_VERSION!r}, got {_short(schema)}")
    if "error" in root:
        raise SchemaError(f"$: an error record, not a document: {_short(root['error'])}")
    text = _Reader("").get(root, "text", str, "$")
    r = _Reader(text)
    entities = tuple(_read_entity(r, v, p) for v, p in r.array(root, "entities", "$"))
    ids = {e.id for e in entities}
    if len(ids) != len(entities):
        raise SchemaError("$.entities: entity ids are not unique")
    return Document(
        text=text,
        article=r.opt(root, "article", "$", lambda v, p: _read_article(r, v, p)),
        quotes=tuple(_read_quote(r, v, p, ids) for v, p in r.array(root, "quotes", "$")),
        entities=entities,
        published=r.date(r.field(root, "published", "$"), "$.published", null=True),
        problems=tuple(_read_problem(r, v, p) for v, p in r.array(root, "problems", "$")),
        id=r.get(root, "id", str, "$", null=True),
    )


def loads(data: str | bytes) -> Document:
    """The :class:`Document` in a JSON string; :class:`SchemaError` if it is not one."""
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not valid JSON: {exc}") from None
    return from_json(value)
